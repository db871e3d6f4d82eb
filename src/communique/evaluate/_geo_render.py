"""The geo report as text and as the named figures of ``communique eval all``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from communique.evaluate._geo_scoring import ModeScore
from communique.evaluate.splits import hides_items

if TYPE_CHECKING:
    from communique.evaluate.geo import GeoReport

MODE_TITLES = {"spans": "resolution (gold spans)", "e2e": "end to end"}
# Figure name prefixes in `communique eval all`, one per mode.
METRIC_PREFIX = {"spans": "resolution", "e2e": "end to end"}
_LEGEND = (
    "  resolution: the resolver is given the gold spans; unresolved ones count as 20039 km.\n"
    "  end to end: our places; one matches a gold toponym when the spans overlap; km on "
    "matched toponyms.\n"
    "  G/L: GPE/LOC-type gold toponyms only (docs/geo-evaluation.md).\n"
    "  acc@161: share within 161 km; AUC: area under the sorted ln(km+1)/ln(20039) curve "
    "(lower is better)."
)


def metrics_of(report: GeoReport) -> dict[str, float | None]:
    """The report's figures by name: ``resolution: accuracy@161km``, ``end to end: recall``, …

    ``placed`` is the share of gold toponyms found in our article text; ``resolved`` the share
    of placed gold spans the resolver gave a place.
    """
    metrics: dict[str, float | None] = {}
    first = report.scores[0] if report.scores else None
    if first is not None and first.gold:
        metrics["placed"] = (first.gold - first.unplaced) / first.gold
    for row in report.scores:
        prefix = METRIC_PREFIX[row.mode]
        if row.mode == "spans":
            metrics[f"{prefix}: resolved"] = (
                (row.scored - row.unresolved) / row.scored if row.scored else None
            )
        else:
            metrics[f"{prefix}: precision"] = row.precision
            metrics[f"{prefix}: recall"] = row.recall
            metrics[f"{prefix}: recall (GPE/LOC)"] = row.recall_place_names
        metrics[f"{prefix}: accuracy@161km"] = row.accuracy
        metrics[f"{prefix}: accuracy@161km (GPE/LOC)"] = row.accuracy_place_names
        metrics[f"{prefix}: AUC"] = row.auc
        metrics[f"{prefix}: median km"] = row.median_km
        metrics[f"{prefix}: mean km"] = row.mean_km
    return metrics


def render_report(report: GeoReport) -> str:
    """The report as plain text: counts, one row per mode, then examples on the tune half."""
    lines = _header(report)
    lines += _table(report.scores)
    lines.append(_LEGEND)
    if hides_items(report.split):
        lines += ["", f"(examples not shown on the {report.split} split; use --split tune)"]
        return "\n".join(lines)
    for mode, worst in report.worst.items():
        lines += ["", f"top wrong resolutions, {MODE_TITLES[mode]} (gold -> ours, km, times):"]
        lines += [
            f"  {gold!r} -> {ours}  {km:,.0f} km  x{times}" for gold, ours, km, times in worst
        ]
        lines += [] if worst else ["  none"]
    if report.score("e2e") is not None:
        lines += _counted("top misses end to end (gold toponym, times)", report.misses)
        lines += _counted("top extras end to end (our place's text, times)", report.extras)
    return "\n".join(lines)


def _header(report: GeoReport) -> list[str]:
    rate = report.articles / report.seconds if report.seconds > 0 else 0.0
    first = report.scores[0] if report.scores else None
    gold = first.gold if first else 0
    unplaced = first.unplaced if first else 0
    return [
        f"{report.gold_path} (geo {report.source_set}, split {report.split}): "
        f"{report.articles} articles coded in {report.seconds:.1f} s ({rate:.1f}/s); "
        f"geo {report.geo_seconds:.1f} s (gazetteer loading included)",
        f"  rejected by the pipeline: {report.rejected}; text altered by extraction: "
        f"{report.altered}",
        f"  gold toponyms: {gold}; not found in our article text: {unplaced} "
        "(misses end to end, not given to the resolver)",
    ]


# (heading, width) of each column after the mode's title.
_COLUMNS = (
    ("gold", 5),
    ("scored", 6),
    ("unres", 5),
    ("ours", 5),
    ("prec", 6),
    ("recall", 6),
    ("rec G/L", 7),
    ("acc@161", 7),
    ("acc G/L", 7),
    ("median km", 9),
    ("mean km", 8),
    ("AUC", 6),
)


def _table(scores: Sequence[ModeScore]) -> list[str]:
    lines = ["", f"{'mode':<24} " + " ".join(f"{name:>{width}}" for name, width in _COLUMNS)]
    for row in scores:
        cells = (
            str(row.gold),
            str(row.scored),
            str(row.unresolved),
            str(row.predicted) if row.mode == "e2e" else "-",
            _cell(row.precision),
            _cell(row.recall),
            _cell(row.recall_place_names),
            _cell(row.accuracy),
            _cell(row.accuracy_place_names),
            _km(row.median_km),
            _km(row.mean_km),
            _cell(row.auc),
        )
        widths = (width for _, width in _COLUMNS)
        lines.append(
            f"{MODE_TITLES[row.mode]:<24} "
            + " ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True))
        )
    return lines


def _counted(title: str, rows: Sequence[tuple[str, int]]) -> list[str]:
    lines = ["", f"{title}:"]
    lines += [f"  {text!r:<30} x{times}" for text, times in rows]
    return lines if rows else [*lines, "  none"]


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"
