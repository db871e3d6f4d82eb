"""``communique eval all``: every harness on the check halves of every gold set, in one run.

The result is one JSON-ready dict, ``{"sets": {NAME: {"split", "n", "metrics"}}, "baselines":
{NAME: {...}}, "run": {...}}``; :func:`render_table` prints it and :func:`quality_tables` writes
the tables of docs/quality.md from it, so the published figures are never typed by hand.
The seed article is the one set that is not split: a single item, scored whole (``split:
all``), and read openly while the coder was built; it is the acceptance case, not a measure
of generalisation.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from communique.errors import InputError
from communique.evaluate._runner import using_decider
from communique.evaluate.splits import Split

Progress = Callable[[str], None]
Result = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SuiteSet:
    """One gold set of the suite: its name, the file under the data folder and how to run it."""

    name: str
    path: str
    harness: str
    fmt: str


# Every set, in the order of the printed table. Paths are relative to the data folder.
SUITE: tuple[SuiteSet, ...] = (
    SuiteSet("extraction/fundus", "dev/extraction_fundus_dev.jsonl", "extraction", ""),
    SuiteSet("extraction/wcxb", "dev/extraction_wcxb_dev.jsonl", "extraction", ""),
    SuiteSet("actors/seed", "seed/expected.json", "actors", "seed"),
    SuiteSet("actors/plover", "dev/plover_gsr_dev.jsonl", "actors", "plover"),
    SuiteSet("actors/conflibert", "dev/conflibert_cameo_dev.jsonl", "actors", "conflibert"),
    SuiteSet("events/seed", "seed/expected.json", "events", "seed"),
    SuiteSet("events/plover", "dev/plover_gsr_dev.jsonl", "events", "plover"),
    SuiteSet("events/conflibert", "dev/conflibert_cameo_dev.jsonl", "events", "conflibert"),
    SuiteSet("events/cameo-examples", "reference/cameo_codes.csv", "events", "cameo-examples"),
    SuiteSet("events/articles", "corpus/allsides_intl_2018_2020.jsonl", "articles", ""),
    SuiteSet("quotes/seed", "seed/expected.json", "quotes", "seed"),
    SuiteSet("quotes/polnear", "dev/polnear_dev.jsonl", "quotes", "polnear"),
    SuiteSet("geo/lgl", "dev/geo_lgl_dev.jsonl", "geo", ""),
    SuiteSet("geo/geovirus", "dev/geo_geovirus_dev.jsonl", "geo", ""),
    SuiteSet("geo/gwn", "dev/geo_gwn_dev.jsonl", "geo", ""),
    SuiteSet("geo/trnews", "dev/geo_trnews_dev.jsonl", "geo", ""),
)
_HARNESS = {item.name: item.harness for item in SUITE}
# The figures shown in the one-line-per-set table (all of them go to the JSON).
HEADLINE: dict[str, tuple[str, ...]] = {
    "extraction": ("body F1", "title exact", "date accuracy"),
    "actors": (
        "found: all",
        "found: source",
        "found: target",
        "country",
        "sector",
        "dyad: both coded",
        "code",
        "role",
    ),
    "events": (
        "recall (required)",
        "precision (all coded)",
        "type accuracy",
        "dyad F1",
        "class accuracy",
        "root accuracy",
    ),
    "articles": (
        "both actors coded (required)",
        "recall (required)",
        "precision (all coded)",
        "precision (dyadic coded)",
        "precision (one-sided coded)",
        "modality and attribution (found, marked)",
        "precision (confidence >= 0.7)",
    ),
    "quotes": (
        "direct speaker F1 (head)",
        "direct speaker F1 (exact)",
        "named direct speaker right",
        "named direct speaker as a common noun",
        "indirect speaker F1 (head)",
        "speaker right",
    ),
    # Both modes of `communique eval geo`; the km figures and counts go to the JSON only.
    "geo": (
        "resolution: accuracy@161km",
        "resolution: AUC",
        "end to end: precision",
        "end to end: recall",
        "end to end: recall (GPE/LOC)",
        "end to end: accuracy@161km",
        "end to end: AUC",
    ),
}


def run_suite(
    data_dir: Path,
    split: Split = "check",
    only: Sequence[str] = (),
    progress: Progress | None = None,
) -> Result:
    """Run every harness of :data:`SUITE` on ``split`` of the gold sets under ``data_dir``.

    Args:
        data_dir: The shared data folder (``dev/``, ``seed/``, ``reference/``, ``corpus/``).
        split: The half to score (``check`` to report).
        only: Run only the sets whose names start with one of these (``events``,
            ``quotes/polnear``); all when empty.
        progress: Called with one line as each set starts and ends.

    Raises:
        InputError: ``data_dir`` is not a folder, or a gold file named in the suite is missing.
    """
    if not data_dir.is_dir():
        raise InputError("not-found", f"{data_dir}: no such data folder")
    chosen = [s for s in SUITE if not only or any(s.name.startswith(o) for o in only)]
    if not chosen:
        names = ", ".join(s.name for s in SUITE)
        raise InputError("bad-set", f"no set matches {list(only)}; the sets are {names}")
    missing = [str(data_dir / s.path) for s in chosen if not (data_dir / s.path).is_file()]
    if missing:
        raise InputError("not-found", f"gold files missing: {', '.join(missing)}")
    say = progress or (lambda _line: None)
    result: Result = {
        "sets": {},
        "baselines": {},
        "ablation": {},
        "run": _run_facts(data_dir, split),
    }
    started = time.perf_counter()
    configured = _configured_decider()
    for number, item in enumerate(chosen, start=1):
        say(f"[{number}/{len(chosen)}] {item.name} ...")
        began = time.perf_counter()
        with using_decider(configured):
            entry, baseline = _run_one(item, data_dir, split)
        entry["seconds"] = round(time.perf_counter() - began, 1)
        result["sets"][item.name] = entry
        if baseline is not None:
            result["baselines"][item.name] = baseline
        say(f"[{number}/{len(chosen)}] {item.name}: {_headline_text(item.harness, entry)}")
        if item.harness in ABLATED and _model_shipped():
            sides = {configured: entry["metrics"]}
            for other in ("rules", "learned"):
                if other not in sides:
                    with using_decider(other):
                        sides[other] = _run_one(item, data_dir, split)[0]["metrics"]
            result["ablation"][item.name] = {k: sides[k] for k in ("rules", "learned")}
            say(f"[{number}/{len(chosen)}] {item.name}: ablation done")
    result["run"]["seconds"] = round(time.perf_counter() - started, 1)
    return result


# Sets run twice, rules alone and rules + the learned decision, when the model is shipped.
ABLATED = frozenset({"events", "articles"})


def _configured_decider() -> str:
    from communique.settings import get_settings

    return get_settings().event_decider


def _model_shipped() -> bool:
    from communique.events.decider import MODEL_DIR

    return (MODEL_DIR / "model.npz").is_file()


def _run_facts(data_dir: Path, split: Split) -> dict[str, Any]:
    from communique import __version__
    from communique.settings import get_settings

    settings = get_settings()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "split": split,
        "data": str(data_dir),
        "communique": __version__,
        "spacy_model": f"{settings.spacy_model} {settings.spacy_model_version}",
        "python": platform.python_version(),
        "event_decider": settings.event_decider,
    }


def _run_one(item: SuiteSet, data_dir: Path, split: Split) -> tuple[Result, Result | None]:
    path = data_dir / item.path
    # The seed is one article: it is scored whole whatever the split.
    used: Split = "all" if item.fmt == "seed" else split
    if item.harness == "extraction":
        from communique.evaluate.extraction import evaluate_extraction

        report = evaluate_extraction(path, split=used)
        ours, theirs = report.systems
        return (
            _entry(used, report.pages, _system_metrics(ours)),
            {"system": theirs.system, "metrics": _system_metrics(theirs)},
        )
    if item.harness == "actors":
        from communique.evaluate.actors import evaluate_actors

        actor_report = evaluate_actors(path, item.fmt, split=used)  # type: ignore[arg-type]
        fields = {f.name: f.accuracy for f in actor_report.fields}
        return _entry(used, actor_report.items, fields), None
    if item.harness == "events":
        from communique.evaluate.events import BASELINE_TASKS, evaluate_events

        event_report = evaluate_events(path, item.fmt, split=used)  # type: ignore[arg-type]
        metrics = {m.name: m.value for m in event_report.metrics}
        entry = _entry(used, event_report.items, metrics)
        base = event_report.baseline
        if base is None:
            return entry, None
        coder_metric = BASELINE_TASKS[item.fmt][1]
        return entry, {
            "system": base.name,
            "task": base.task,
            "train": base.train,
            "test": base.test,
            "metrics": {"accuracy": base.accuracy, "macro F1": base.macro_f1},
            "coder": {coder_metric: metrics.get(coder_metric)},
        }
    if item.harness == "articles":
        from communique.evaluate.articles import evaluate_articles

        article_report = evaluate_articles(corpus_path=path, split=used)
        metrics = {m.name: m.value for m in article_report.metrics}
        entry = _entry(used, article_report.articles, metrics)
        entry["events"] = {
            "gold": article_report.gold_events,
            "required": article_report.required_events,
            "coded": article_report.coded_events,
        }
        return entry, None
    if item.harness == "geo":
        from communique.evaluate.geo import evaluate_geo

        geo_report = evaluate_geo(path, "both", split=used)
        return _entry(used, geo_report.articles, geo_report.metrics()), None
    from communique.evaluate.quotes import evaluate_quotes

    quote_report = evaluate_quotes(path, item.fmt, split=used)  # type: ignore[arg-type]
    return _entry(used, quote_report.articles, _quote_metrics(quote_report)), None


def _entry(split: Split, n: int, metrics: dict[str, float | None]) -> Result:
    return {"split": split, "n": n, "metrics": {k: _round(v) for k, v in metrics.items()}}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _system_metrics(scores: Any) -> dict[str, float | None]:
    return {
        "body precision": scores.body_precision,
        "body recall": scores.body_recall,
        "body F1": scores.body_f1,
        "title exact": scores.title_exact,
        "title fuzzy": scores.title_fuzzy,
        "date accuracy": scores.date_accuracy,
        "pages/s": scores.pages_per_second,
    }


def _quote_metrics(report: Any) -> dict[str, float | None]:
    if report.gold_format == "seed":
        rows = report.seed_rows
        required = [row for row in rows if row.required]
        found = sum(row.found for row in required)
        return {
            "found (required)": found / len(required) if required else None,
            "speaker right": (
                sum(row.speaker_right for row in required) / len(required) if required else None
            ),
        }
    metrics: dict[str, float | None] = {}
    for row in report.rows:
        for label, triple in (("exact", row.exact), ("head", row.head)):
            precision, recall, f1 = triple
            metrics[f"{row.name} speaker precision ({label})"] = precision
            metrics[f"{row.name} speaker recall ({label})"] = recall
            metrics[f"{row.name} speaker F1 ({label})"] = f1
        metrics[f"{row.name} content F1"] = row.content_f1
        metrics[f"{row.name} cue accuracy"] = row.cue_accuracy
    found, right = report.named
    metrics["named direct speaker right"] = right / found if found else None
    metrics["named direct speaker as a common noun"] = (
        report.named_common / found if found else None
    )
    return metrics


def _headline_text(harness: str, entry: Result) -> str:
    shown = [
        f"{name} {value:.3f}"
        for name, value in entry["metrics"].items()
        if name in HEADLINE[harness] and value is not None
    ]
    return f"n={entry['n']} ({entry['split']}); " + ", ".join(shown)


def render_table(result: Result) -> str:
    """One line per set: its split, size and headline figures; then the baselines."""
    lines = [f"communique eval all: {result['run']['split']} split, {result['run']['date']}", ""]
    width = max(len(name) for name in result["sets"])
    for name, entry in result["sets"].items():
        lines.append(f"{name:<{width}}  {_headline_text(_HARNESS[name], entry)}")
    if result["baselines"]:
        lines += ["", "baselines (same items, same run):"]
        for name, base in result["baselines"].items():
            lines.append(f"{name:<{width}}  {_baseline_text(base)}")
    if result.get("ablation"):
        lines += ["", "ablation (same items, same run): rules alone | rules + learned decision"]
        for name, sides in result["ablation"].items():
            figures = "; ".join(
                f"{metric} {_cell(sides['rules'].get(metric))} | "
                f"{_cell(sides['learned'].get(metric))}"
                for metric in HEADLINE[_HARNESS[name]]
                if metric in sides["rules"]
            )
            lines.append(f"{name:<{width}}  {figures}")
    if "seconds" in result["run"]:
        lines += ["", f"total {result['run']['seconds']:.0f} s"]
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def ablation_table(result: Result) -> str:
    """Markdown: each event set's headline figures, rules alone beside rules + the model,
    with the bag-of-words baseline where the set has one."""
    if not result.get("ablation"):
        return ""
    lines = [
        "| set | measure | rules alone | rules + learned decision | bag of words |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for name, sides in result["ablation"].items():
        base = result["baselines"].get(name)
        for metric in HEADLINE[_HARNESS[name]]:
            if sides["rules"].get(metric) is None and sides["learned"].get(metric) is None:
                continue
            bag = _baseline_cell(name, metric, base).split(" ")[0]
            lines.append(
                f"| `{name}` | {metric} | {_cell(sides['rules'].get(metric))} | "
                f"{_cell(sides['learned'].get(metric))} | {bag} |"
            )
    return "\n".join(lines)


def _baseline_text(base: Result) -> str:
    figures = ", ".join(
        f"{name} {value:.3f}" for name, value in base["metrics"].items() if value is not None
    )
    coder = ", ".join(
        f"coder {name} {value:.3f}"
        for name, value in (base.get("coder") or {}).items()
        if value is not None
    )
    task = f" [{base['task']}]" if "task" in base else ""
    return f"{base['system']}{task}: {figures}" + (f"; {coder}" if coder else "")


def quality_tables(result: Result) -> str:
    """The generated part of docs/quality.md: one Markdown table per harness, baseline beside.

    Every figure comes from ``result``; nothing is typed by hand.
    """
    run = result["run"]
    lines = [
        f"Generated by `communique eval all --data ../shared/data --json FILE "
        f"--write-docs docs/quality.md` on {run['date']} ({run['split']} split; "
        f"spaCy model {run['spacy_model']}; {run.get('seconds', 0):.0f} s on this machine). "
        "Do not edit this part by hand.",
        "",
        "| set | split | n | measure | communique | baseline |",
        "| --- | --- | ---: | --- | ---: | ---: |",
    ]
    for name, entry in result["sets"].items():
        harness = _HARNESS[name]
        base = result["baselines"].get(name)
        first = True
        for metric, value in entry["metrics"].items():
            if metric not in HEADLINE[harness] or value is None:
                continue
            beside = _baseline_cell(name, metric, base)
            cells = [f"`{name}`", entry["split"], str(entry["n"])] if first else ["", "", ""]
            lines.append(f"| {' | '.join(cells)} | {metric} | {value:.3f} | {beside} |")
            first = False
    notes = [
        f"`{name}`: {entry['n']} articles, {counts['gold']} gold events ({counts['required']} "
        f"required); we coded {counts['coded']}."
        for name, entry in result["sets"].items()
        if (counts := entry.get("events"))
    ]
    reliability = _reliability_table(result)
    ablation = ablation_table(result)
    if ablation:
        decider = run.get("event_decider", "rules")
        ablation = (
            f"\nAblation: every event set coded twice in the same run, by the rules alone and "
            f"with the learned decision (the table above shows the configured one, "
            f"`{decider}`).\n\n{ablation}"
        )
    return "\n".join(
        [
            *lines,
            *(["", *notes] if notes else []),
            *([reliability] if reliability else []),
            *([ablation] if ablation else []),
        ]
    )


def _reliability_table(result: Result) -> str:
    """How often the article set's coded events are right, by the confidence we gave them."""
    entry = result["sets"].get("events/articles")
    if entry is None:
        return ""
    metrics = entry["metrics"]
    rows = [
        f"| {name.removeprefix('precision (confidence ').rstrip(')')} | {_cell(value)} |"
        for name, value in metrics.items()
        if name.startswith("precision (confidence ")
    ]
    if not rows:
        return ""
    return "\n".join(
        [
            "",
            "Reliability on the article dev set: of the events coded at each confidence, the "
            "share that match a gold event. The first row is what `--min-confidence 0.7` keeps; "
            "the confidence is calibrated on the tune half (docs/decider.md).",
            "",
            "| confidence | precision |",
            "| --- | ---: |",
            *rows,
        ]
    )


def _baseline_cell(name: str, metric: str, base: Result | None) -> str:
    if base is None:
        return ""
    if name.startswith("extraction/"):
        value = base["metrics"].get(metric)
        return "" if value is None else f"{value:.3f} ({base['system']})"
    if metric in (base.get("coder") or {}):
        return f"{base['metrics']['accuracy']:.3f} (bag of words)"
    return ""
