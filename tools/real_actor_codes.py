"""Measure the actor stage on real text: ``training/actors/real_codes.jsonl`` (issue 14).

Labellers gave the country and CAMEO sector of 1,800 source and target spans of our real event
labels, working from the articles alone (docs/training-data.md). This tool codes those
articles through the pipeline up to the actors and compares, for each span, the country of
the last of our mentions that overlaps it (its code's first three letters; ``IGO``/``NGO``
whole; a bare sector code has no country) with the labellers'. Spans the labellers called no
actor (``NOT_ACTOR``) or gave no country (``NONE``) are left out of the country figure.

    python tools/real_actor_codes.py [--codes FILE] [--corpus FILE] [--sample read|fresh]
                                     [--wrong] [--json OUT]

``read`` spans were read to find rules; ``fresh`` ones are kept to measure: do not read
their misses (``--wrong`` lists only the read sample's unless ``--sample fresh`` is asked for
on purpose). The articles' text stays in ``../shared`` and is read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CODES = Path("training/actors/real_codes.jsonl")
CORPUS = Path("../shared/data/corpus/allsides_intl_2018_2020.jsonl")
# Sector codes a mention may carry with no country (CAMEO's blank country).
SECTORS = frozenset(
    {
        *("AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH"),
        *("HRI", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGO", "OPP"),
        *("PTY", "RAD", "REB", "REF", "REL", "SET", "SOC", "SPY", "UAF"),
    }
)
NO_COUNTRY = "-"


@dataclass(frozen=True, slots=True)
class Judged:
    """One labelled span and what our mentions say of it."""

    label: dict[str, Any]
    ours: str | None  # the code of the last mention overlapping the span; None: not covered
    name: str = ""  # that mention's text

    @property
    def right(self) -> bool | None:
        """Whether our country is the labellers'; None when not judged."""
        if self.ours is None or self.label["country"] in {"NONE", "NOT_ACTOR"}:
            return None
        return country_of(self.ours) == self.label["country"]


def country_of(code: str) -> str:
    """The country part of an actor code: ``IGO``/``NGO`` whole, ``-`` for a bare sector."""
    head = code[:3]
    if head in {"IGO", "NGO"}:
        return head
    return NO_COUNTRY if head in SECTORS else head


def judge(label: dict[str, Any], mentions: Iterable[tuple[int, int, str, str]]) -> Judged:
    """Judge one labelled span against ``(start, end, code, text)`` mentions in text order."""
    over = [m for m in mentions if m[0] < label["end"] and label["start"] < m[1]]
    if not over:
        return Judged(label, None)
    code, text = over[-1][2:]
    return Judged(label, code, text)


def figures(judged: Sequence[Judged]) -> dict[str, dict[str, int]]:
    """Per sample: spans that are actors, covered, judged for country, right."""
    out: dict[str, Counter[str]] = {}
    for j in judged:
        counts = out.setdefault(j.label.get("sample", "all"), Counter())
        if j.label["country"] == "NOT_ACTOR":
            continue
        counts["actor spans"] += 1
        counts["covered"] += j.ours is not None
        if j.right is not None:
            counts["country judged"] += 1
            counts["country right"] += j.right
    return {sample: dict(counts) for sample, counts in sorted(out.items())}


def _code(labels: list[dict[str, Any]], corpus: Path) -> list[Judged]:
    from communique.evaluate._runner import code_gold
    from communique.evaluate.calibration import BEFORE_EVENTS
    from communique.records import CodedDocument

    @dataclass
    class Doc:
        id: str
        origin: str
        text: str
        published: str | None

    wanted = {label["doc_id"] for label in labels}
    docs: list[Doc] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in wanted:
                docs.append(Doc(article["id"], "allsides", article["text"], article.get("date")))
    docs.sort(key=lambda d: d.id)
    outcomes, _ = code_gold(docs, BEFORE_EVENTS)
    mentions: dict[str, list[tuple[int, int, str, str]]] = {}
    for doc, outcome in zip(docs, outcomes, strict=True):
        if isinstance(outcome, CodedDocument) and outcome.article is not None:
            text = outcome.article.text
            mentions[doc.id] = [
                (m.start, m.end, m.code, text[m.start : m.end]) for m in outcome.actors
            ]
    missing = wanted - set(mentions)
    if missing:
        print(f"{len(missing)} articles not coded (not in {corpus} or refused)", file=sys.stderr)
    return [judge(label, mentions.get(label["doc_id"], [])) for label in labels]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=Path, default=CODES)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", choices=["read", "fresh"], help="only this sample")
    parser.add_argument("--wrong", action="store_true", help="list wrong countries (read)")
    parser.add_argument("--json", type=Path, help="write every judged span here")
    args = parser.parse_args(argv)
    for path, what in ((args.corpus, "corpus"), (args.codes, "labelled spans")):
        if not path.is_file():
            print(f"{path}: no such {what} file", file=sys.stderr)
            return 2
    labels = []
    with args.codes.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                label = json.loads(line) if line.strip() else None
            except json.JSONDecodeError as exc:
                print(f"{args.codes}:{number}: not JSON ({exc.msg})", file=sys.stderr)
                return 2
            if label is not None:
                labels.append(label)
    if args.sample:
        labels = [label for label in labels if label.get("sample") == args.sample]
    judged = _code(labels, args.corpus)
    for sample, counts in figures(judged).items():
        right, of = counts.get("country right", 0), counts.get("country judged", 0)
        share = f"{right / of:.3f}" if of else "-"
        print(
            f"{sample}: country right {right} of {of} ({share}); covered "
            f"{counts.get('covered', 0)} of {counts.get('actor spans', 0)} actor spans"
        )
    if args.wrong:
        shown = args.sample or "read"
        for j in judged:
            if j.right is False and j.label.get("sample") == shown:
                label = j.label
                print(
                    f"  {label['doc_id']} {label['start']}-{label['end']} {label['role']}: "
                    f"{label['country']} {label.get('sector') or ''} <- ours {j.ours} {j.name!r}"
                )
    if args.json:
        rows = [{**j.label, "ours": j.ours, "name": j.name, "right": j.right} for j in judged]
        args.json.write_text(json.dumps(rows, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
