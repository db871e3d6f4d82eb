"""Our own sentences, one or more per actor construction: does each still code as intended?

``data/actor_constructions.jsonl`` (written by us) holds, per line, a ``construction`` name, a
``text``, its ``date``, the codes some phrases must get (``expect``: phrase → code) and phrases
that must not be actors of their own (``absent``). ``communique eval actors --constructions``
prints one row per construction; the unit tests run the same file.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from communique.evaluate._runner import code_gold
from communique.records import CodedDocument

CONSTRUCTIONS = Path(__file__).resolve().parent / "data" / "actor_constructions.jsonl"


@dataclass(frozen=True, slots=True)
class _Sentence:
    id: str
    origin: str
    text: str
    published: str | None
    construction: str
    expect: dict[str, str]
    absent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConstructionReport:
    """Per construction: checks passed of checks made; and every failed check, described."""

    rows: tuple[tuple[str, int, int], ...]
    failures: tuple[str, ...]

    @property
    def passed(self) -> int:
        """Checks passed in all."""
        return sum(right for _, right, _ in self.rows)

    @property
    def total(self) -> int:
        """Checks made in all."""
        return sum(total for _, _, total in self.rows)

    def render(self) -> str:
        """One line per construction, then the failures."""
        width = max(len(name) for name, _, _ in self.rows)
        lines = [f"actor constructions (our own sentences): {self.passed}/{self.total} checks"]
        lines += [f"  {name:<{width}}  {right}/{total}" for name, right, total in self.rows]
        lines += (
            ["", "failed:"] + [f"  {failure}" for failure in self.failures] if self.failures else []
        )
        return "\n".join(lines)


def load_constructions(path: Path = CONSTRUCTIONS) -> list[_Sentence]:
    """Read the construction sentences."""
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            item = json.loads(line)
            sentences.append(
                _Sentence(
                    id=f"construction-{number}",
                    origin=f"{path}:{number}",
                    text=item["text"],
                    published=item.get("date"),
                    construction=item["construction"],
                    expect=dict(item.get("expect") or {}),
                    absent=tuple(item.get("absent") or ()),
                )
            )
    return sentences


def evaluate_constructions(path: Path = CONSTRUCTIONS) -> ConstructionReport:
    """Code every sentence and check its expected codes and absent phrases."""
    sentences = load_constructions(path)
    outcomes, _ = code_gold(sentences)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: list[str] = []
    for sentence, outcome in zip(sentences, outcomes, strict=True):
        found: dict[str, str] = {}
        if isinstance(outcome, CodedDocument) and outcome.article is not None:
            text = outcome.article.text
            found = {text[m.start : m.end]: m.code for m in outcome.actors}
        checks: list[tuple[str, str | None]] = list(sentence.expect.items())
        checks += [(phrase, None) for phrase in sentence.absent]
        for phrase, code in checks:
            total[sentence.construction] += 1
            got = found.get(phrase)
            if got == code:
                right[sentence.construction] += 1
            else:
                wanted = code or "no actor"
                failures.append(
                    f"[{sentence.construction}] {phrase!r}: {got or 'no actor'}, wanted {wanted}"
                )
    rows = tuple((name, right[name], total[name]) for name in dict.fromkeys(total))
    return ConstructionReport(rows, tuple(failures))
