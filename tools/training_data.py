"""Write, check and convert the event coder's training data (issue 15).

Two kinds of files live under ``training/events/``:

* ``synthetic/*.jsonl`` — sentences we wrote, text included. One JSON object a line::

    {"id": "r04-0001a", "frame": "r04-0001", "style": "wire", "date": "2019-03-02",
     "text": "Japan's foreign minister met his Chinese counterpart in Beijing on Monday.",
     "events": [{"trigger": "met", "source": "Japan's foreign minister",
                 "target": "his Chinese counterpart", "cameo": "040",
                 "modality": "asserted", "claimer": null}]}

  ``events`` is empty for a sentence with no political event (a hard negative). Spans are
  written as the exact text; when that text occurs more than once in the sentence, add
  ``"trigger_n": 1`` (``source_n``, ``target_n``, ``claimer_n``) for the second occurrence
  (0-based). ``frame`` groups the variants of one hand-written sentence (at most four).

* ``real/*.jsonl`` — sentences of ``../shared/data/corpus/allsides_intl_2018_2020.jsonl``
  labelled by us, stored as annotations only: article id, sentence offsets in the article's
  text and span offsets; the text stays in ``../shared`` and is read at training time.
  They are made from authoring files (same shape as synthetic lines, plus ``doc_id`` and the
  sentence as ``text``) by ``convert-real``, which finds each sentence in its article.

Commands::

    python tools/training_data.py check FILE...            # synthetic or authoring files
    python tools/training_data.py sentences --part K --parts N [--limit M]
    python tools/training_data.py convert-real AUTHORING.jsonl OUT.jsonl
    python tools/training_data.py counts                    # labels per CAMEO root and code
    python tools/training_data.py datasheet                 # the counts in docs/training-data.md
    python tools/training_data.py overlap [--drop]          # runs of 6 words shared with
                                                            # ../shared/data (--drop: remove
                                                            # those lines from the files)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "allsides_intl_2018_2020.jsonl"
CAMEO_TSV = ROOT / "src" / "communique" / "events" / "data" / "cameo.tsv"
ARTICLE_DEV = ROOT / "src" / "communique" / "evaluate" / "data" / "articles_dev.jsonl"
TRAINING = ROOT / "training" / "events"
MODALITIES = ("asserted", "possible", "intended", "negated", "conditional")
STYLES = ("wire", "background", "quote", "headline", "analysis", "feature", "opinion")
SPANS = ("trigger", "source", "target", "claimer")


def cameo_codes() -> set[str]:
    """Every CAMEO event code of the package's table (roots and leaves)."""
    codes = set()
    for line in CAMEO_TSV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first = line.split("\t", 1)[0]
            if first.isdigit():
                codes.add(first)
    return codes


def find(text: str, span: str, nth: int) -> tuple[int, int] | None:
    """Offsets of the ``nth`` occurrence (0-based) of ``span`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(span, start + 1)
        if start < 0:
            return None
    return start, start + len(span)


def check_line(item: dict[str, Any], codes: set[str]) -> list[str]:
    """What is wrong with one authored line (empty when it is fine)."""
    problems = []
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return ["no text"]
    if not 20 <= len(text) <= 600:
        problems.append(f"text of {len(text)} characters (expected 20-600)")
    if item.get("style") not in STYLES:
        problems.append(f"style {item.get('style')!r} not one of {STYLES}")
    events = item.get("events")
    if not isinstance(events, list):
        return [*problems, "events is not a list"]
    for n, event in enumerate(events):
        where = f"event {n}"
        if event.get("cameo") not in codes:
            problems.append(f"{where}: unknown CAMEO code {event.get('cameo')!r}")
        if event.get("modality") not in MODALITIES:
            problems.append(f"{where}: modality {event.get('modality')!r} not in {MODALITIES}")
        for name in SPANS:
            span = event.get(name)
            if span is None:
                if name in ("trigger", "source"):
                    problems.append(f"{where}: no {name}")
                continue
            if not isinstance(span, str) or find(text, span, event.get(f"{name}_n", 0)) is None:
                problems.append(f"{where}: {name} {span!r} is not in the text")
    return problems


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Numbered objects of a JSON-lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield number, json.loads(line)


def check(paths: list[Path]) -> int:
    """Print every problem of the files; the exit status is 1 when there is one."""
    codes = cameo_codes()
    bad = 0
    seen: set[str] = set()
    for path in paths:
        for number, item in read_jsonl(path):
            problems = check_line(item, codes)
            key = str(item.get("id"))
            if key in seen:
                problems.append(f"id {key!r} used twice")
            seen.add(key)
            for problem in problems:
                print(f"{path}:{number}: {problem}")
            bad += bool(problems)
    print(f"{len(seen)} lines, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0


def dev_article_ids() -> set[str]:
    """Articles of the article dev set: never labelled for training."""
    return {item["id"] for _, item in read_jsonl(ARTICLE_DEV)}


def corpus() -> Iterator[dict[str, Any]]:
    """The AllSides articles, in file order."""
    for _, item in read_jsonl(CORPUS):
        yield item


_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][\"'”’)]*(?=\s)|$)", re.M)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Rough sentence offsets (a line break or end punctuation before a space ends one)."""
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end - start >= 20:
            yield start, end


def list_sentences(part: int, parts: int, limit: int) -> None:
    """Print the sentences of this part's articles for labelling (dev articles left out)."""
    banned = dev_article_ids()
    shown = 0
    for index, item in enumerate(corpus()):
        if index % parts != part or item["id"] in banned:
            continue
        print(f"=== {item['id']} | {item.get('date')} | {item.get('source')} | {item.get('title')}")
        for start, end in sentences(item["text"]):
            print(f"[{start}:{end}] {item['text'][start:end]}")
        shown += 1
        if shown >= limit:
            break


def convert_real(source: Path, target: Path) -> int:
    """Authoring lines (with text) → annotations (offsets only); returns the exit status."""
    texts = {item["id"]: item["text"] for item in corpus()}
    banned = dev_article_ids()
    codes = cameo_codes()
    out, bad = [], 0
    for number, item in read_jsonl(source):
        doc_id, sentence = item.get("doc_id"), item.get("text", "")
        problems = check_line({**item, "style": item.get("style", "wire")}, codes)
        article = texts.get(doc_id)
        if article is None:
            problems.append(f"no corpus article {doc_id!r}")
        elif doc_id in banned:
            problems.append(f"{doc_id} is an article of the article dev set")
        elif (at := article.find(sentence)) < 0:
            problems.append("the sentence is not in its article")
        if problems:
            bad += 1
            for problem in problems:
                print(f"{source}:{number}: {problem}")
            continue
        events = []
        for event in item["events"]:
            record: dict[str, Any] = {"cameo": event["cameo"], "modality": event["modality"]}
            for name in SPANS:
                span = event.get(name)
                found = None if span is None else find(sentence, span, event.get(f"{name}_n", 0))
                record[name] = None if found is None else [at + found[0], at + found[1]]
            events.append(record)
        start, end = at, at + len(sentence)
        while start < end and article[start].isspace():  # the sentence, not its margins
            start += 1
        while end > start and article[end - 1].isspace():
            end -= 1
        out.append({"doc_id": doc_id, "start": start, "end": end, "events": events})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as lines:
        for record in out:
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(out)} sentences written to {target}, {bad} refused", file=sys.stderr)
    return 1 if bad else 0


def counts() -> None:
    """Labels per CAMEO root and per code over every training file."""
    print(datasheet_counts())


BEGIN = "<!-- counts: generated by `python tools/training_data.py datasheet` -->"
END = "<!-- end of counts -->"


def datasheet_counts() -> str:
    """The label counts of docs/training-data.md, as Markdown."""
    sentences: Counter[str] = Counter()
    roots: Counter[tuple[str, str]] = Counter()
    leaves: Counter[str] = Counter()
    modalities: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    claimed = one_sided = 0
    for path in sorted(TRAINING.glob("*/*.jsonl")):
        kind = "ours" if path.parent.name == "synthetic" else "corpus"
        for _, item in read_jsonl(path):
            negative = path.name.startswith("negatives")
            label = (
                "hard negatives" if negative else ("with events" if item["events"] else "no event")
            )
            sentences[f"{kind}: {label}"] += 1
            if kind == "ours":
                styles[item.get("style", "?")] += 1
            for event in item["events"]:
                roots[kind, event["cameo"][:2]] += 1
                leaves[event["cameo"]] += 1
                modalities[event["modality"]] += 1
                claimed += event.get("claimer") is not None
                one_sided += event.get("target") is None
    lines = [BEGIN, "", "| sentences | count |", "| --- | ---: |"]
    lines += [f"| {name} | {n:,} |" for name, n in sorted(sentences.items())]
    lines += [f"| **all** | **{sum(sentences.values()):,}** |", ""]
    lines += ["| CAMEO root | ours | corpus | all |", "| --- | ---: | ---: | ---: |"]
    for root in sorted({root for _, root in roots}):
        ours, real = roots["ours", root], roots["corpus", root]
        lines.append(f"| {root} | {ours:,} | {real:,} | {ours + real:,} |")
    total = sum(leaves.values())
    lines += [
        "",
        f"Events: {total:,} ({one_sided:,} one-sided, {claimed:,} with a claimer); "
        f"{len(leaves)} distinct codes, {sum(n >= 10 for n in leaves.values())} of them "
        "with 10 or more events.",
        "",
        "Modality: " + ", ".join(f"{name} {n:,}" for name, n in modalities.most_common()) + ".",
        "",
        "Styles of our sentences: "
        + ", ".join(f"{name} {n:,}" for name, n in styles.most_common())
        + ".",
        "",
        "Codes with fewer than 10 events: "
        + ", ".join(f"{code} ({n})" for code, n in sorted(leaves.items()) if n < 10)
        + ".",
        "",
        END,
    ]
    return "\n".join(lines)


def write_datasheet(path: Path) -> None:
    """Replace the counts block of the datasheet with the current counts."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    path.write_text(text[:start] + datasheet_counts() + text[end:], encoding="utf-8")


RUN = 6
_WORD = re.compile(r"[a-z0-9]+")


def shared_runs(shared: Path = SHARED) -> dict[tuple[Path, int], str]:
    """Synthetic lines (file, line number) sharing a run of six words with a file under
    ``shared``, each with the first such run and the file it is in."""
    runs: dict[str, set[tuple[Path, int]]] = {}
    for path in sorted((TRAINING / "synthetic").glob("*.jsonl")):
        for number, item in read_jsonl(path):
            words = _WORD.findall(item["text"].lower())
            for i in range(len(words) - RUN + 1):
                runs.setdefault(" ".join(words[i : i + RUN]), set()).add((path, number))
    firsts = {run.split(" ", 1)[0] for run in runs}
    offending: dict[tuple[Path, int], str] = {}
    for other in sorted(p for p in shared.rglob("*") if p.is_file()):
        with other.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                words = _WORD.findall(line.lower())
                for i in range(len(words) - RUN + 1):
                    if words[i] in firsts and (run := " ".join(words[i : i + RUN])) in runs:
                        for where in runs[run]:
                            offending.setdefault(where, f"{run!r} ({other.name})")
    return offending


def overlap(drop: bool) -> int:
    """Print the synthetic lines sharing a run of six words with ../shared/data; remove
    them from their files with ``drop``."""
    offending = shared_runs()
    for (path, number), run in sorted(offending.items()):
        print(f"{path.name}:{number}: {run}")
    if drop:
        for path in sorted({path for path, _ in offending}):
            kept = [
                line
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if (path, number) not in offending
            ]
            path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(offending)} lines share a run of {RUN} words", file=sys.stderr)
    return 1 if offending and not drop else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check")
    checking.add_argument("files", nargs="+", type=Path)
    listing = commands.add_parser("sentences")
    listing.add_argument("--part", type=int, required=True)
    listing.add_argument("--parts", type=int, required=True)
    listing.add_argument("--limit", type=int, default=50)
    converting = commands.add_parser("convert-real")
    converting.add_argument("source", type=Path)
    converting.add_argument("target", type=Path)
    commands.add_parser("counts")
    commands.add_parser("datasheet")
    overlapping = commands.add_parser("overlap")
    overlapping.add_argument("--drop", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "overlap":
        return overlap(args.drop)
    if args.command == "datasheet":
        write_datasheet(ROOT / "docs" / "training-data.md")
        return 0
    if args.command == "check":
        return check(args.files)
    if args.command == "sentences":
        list_sentences(args.part, args.parts, args.limit)
        return 0
    if args.command == "convert-real":
        return convert_real(args.source, args.target)
    counts()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
