"""Plain-text rendering of a :class:`~communique.evaluate.quotes.QuoteReport`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from communique.evaluate.splits import hides_items

if TYPE_CHECKING:
    from communique.evaluate.quotes import QuoteReport, QuoteRow, SeedQuoteRow

_LEGEND = (
    "speech attributions only (cue: a verb of saying, 'according to', ':' or a dash); a "
    "quote meets a gold attribution when it shares a content word; exact = same speaker "
    "span, head = the gold speaker's last word is our speaker's head or last word; "
    "PolNeAR's 'mixed' counts as indirect"
)


def render_report(report: QuoteReport) -> str:
    """The report as text: header, rows, cue classes, pronouns, misses or seed rows."""
    rate = report.articles / report.seconds if report.seconds > 0 else 0.0
    lines = [
        f"{report.gold_path} ({report.gold_format}, split {report.split}): {report.articles} "
        "articles coded in "
        f"{report.seconds:.1f} s ({rate:.1f}/s)",
        f"  rejected by the pipeline: {report.rejected}; text altered by extraction: "
        f"{report.altered}; gold attributions not placed in our text: {report.unplaced}",
        f"  our quotes: {report.our_direct} direct, {report.our_indirect} indirect",
    ]
    if report.gold_format == "seed":
        return "\n".join(lines + _seed_rows(report.seed_rows))
    lines.append(f"  {_LEGEND}")
    lines += _rows(report.rows)
    lines += _classes(report.classes)
    found_named, right_named = report.named
    share = right_named / found_named if found_named else 0.0
    lines.append(
        f"named direct speakers (found direct quotes whose gold speaker is a name): "
        f"{right_named}/{found_named} ({share:.3f}) with the name's last word in ours; "
        f"{report.named_common} given as a common noun only"
    )
    total, found, resolved, coded, with_name, agrees = report.pronouns
    lines += [
        "",
        f"pronoun speakers (gold speech attributions): {total}; our speaker is the pronoun: "
        f"{found}; we name who it is: {resolved} (a coded actor: {coded}); of {with_name} "
        f"with a name from PolNeAR's automatic coreference (not gold), same surname: {agrees}",
        "",
    ]
    if hides_items(report.split):
        lines.append(f"(missed speakers not shown on the {report.split} split; use --split tune)")
        return "\n".join(lines)
    lines += ["missed direct speakers (gold -> ours: content):"]
    lines += [
        f"  {gold!r} -> {ours!r}: {_cut(content, 70)!r}" for gold, ours, content in report.misses
    ] or ["  none"]
    return "\n".join(lines)


def _rows(rows: Sequence[QuoteRow]) -> list[str]:
    header = (
        f"{'kind':<9} {'gold':>5} {'found':>5} {'ours':>5} {'unmat':>5} {'neutr':>5}  "
        f"{'exact P':>7} {'R':>5} {'F1':>5}  {'head P':>6} {'R':>5} {'F1':>5}  "
        f"{'content':>7} {'cue':>5}"
    )
    lines = ["", header]
    for row in rows:
        exact, head = row.exact, row.head
        lines.append(
            f"{row.name:<9} {row.gold:>5} {row.found:>5} {row.ours:>5} {row.unmatched:>5} "
            f"{row.neutral:>5}  {_f(exact[0]):>7} {_f(exact[1]):>5} {_f(exact[2]):>5}  "
            f"{_f(head[0]):>6} {_f(head[1]):>5} {_f(head[2]):>5}  {_f(row.content_f1):>7} "
            f"{_f(row.cue_accuracy):>5}"
        )
    no_source = ", ".join(f"{row.name} {row.gold_no_source}" for row in rows)
    lines.append(f"gold speech attributions without a source in the text (not scored): {no_source}")
    return lines


def _classes(classes: Sequence[tuple[str, str, int]]) -> list[str]:
    lines = ["", "gold attributions by cue class and kind:"]
    by_class: dict[str, list[str]] = {}
    for cls, kind, count in classes:
        by_class.setdefault(cls, []).append(f"{kind} {count}")
    for cls, counts in by_class.items():
        lines.append(f"  {cls:<7} {', '.join(counts)}")
    return lines


def _seed_rows(rows: Sequence[SeedQuoteRow]) -> list[str]:
    lines = ["", "quotes (gold -> ours):"]
    for row in rows:
        required = "" if row.required else " (optional)"
        head = f"  {row.kind:<8} {row.speaker:<16} {_cut(row.starts_with, 40)!r:<44}"
        if not row.found:
            lines.append(f"{head} NOT FOUND{required}")
            continue
        marks = f"speaker {_mark(row.speaker_right)} code {_mark(row.code_right)}"
        lines.append(f"{head} -> {row.our_speaker!s} {row.our_code or '-'} {marks}{required}")
    return lines


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _mark(right: bool) -> str:
    return "ok" if right else "WRONG"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
