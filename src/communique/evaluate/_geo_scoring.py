"""Scoring places against gold toponyms: matching by overlap, error distances and their summary.

Measures follow Gritta et al. (2018, "What's missing in geographical parsing?"):

* the error of a resolved toponym is the great-circle distance in km between our point and
  the gold point (:func:`distance_km`); a toponym the resolver could not resolve counts as
  the largest possible error, :data:`MAX_ERROR_KM`;
* accuracy is the share of errors within :data:`ACCURACY_KM` (161 km, 100 miles);
* the AUC scales each error as ``ln(e + 1) / ln(20039)``, sorts them and takes the area under
  that curve over the unit interval by the trapezoid rule (:func:`error_auc`): 0 when every
  point is exact, 1 when every one is on the far side of the earth; lower is better.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.evaluate._geo_gold import GoldToponym
from communique.records import Place

Span = tuple[int, int]
ACCURACY_KM = 161.0
# Half the earth's equatorial circumference: the largest error there can be (Gritta et al.).
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.009  # the mean radius, as geopy's great_circle uses


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in km (haversine), at most MAX_ERROR_KM."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return min(2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h))), MAX_ERROR_KM)


def error_auc(errors: Sequence[float]) -> float | None:
    """Area under the sorted curve of scaled log errors (lower is better); ``None`` if empty.

    Each error ``e`` (km) becomes ``ln(e + 1) / ln(20039)``; the sorted values are spread
    evenly over [0, 1] and integrated by the trapezoid rule. One error alone is its own value.
    """
    if not errors:
        return None
    scaled = sorted(math.log(min(e, MAX_ERROR_KM) + 1) / math.log(MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))
    return area / (len(scaled) - 1)


def overlaps(first: Span, second: Span) -> bool:
    """Whether two character spans share at least one character."""
    return first[0] < second[1] and second[0] < first[1]


def best_overlap(span: Span, places: Sequence[Place]) -> Place | None:
    """The place whose span shares the most characters with ``span`` (the first on a tie)."""
    best, shared = None, 0
    for place in places:
        common = min(span[1], place.end) - max(span[0], place.start)
        if common > shared:
            best, shared = place, common
    return best


@dataclass(frozen=True, slots=True)
class Resolution:
    """A gold toponym set beside the place we gave it (``None``: could not resolve it)."""

    gold: GoldToponym
    place: Place | None

    @property
    def error_km(self) -> float:
        """Distance from the gold point, or the largest error when unresolved."""
        if self.place is None:
            return MAX_ERROR_KM
        return distance_km(self.gold.lat, self.gold.lon, self.place.lat, self.place.lon)


@dataclass(slots=True)
class ModeTally:
    """Counts of one mode (``spans`` or ``e2e``) over the articles scored so far.

    ``gold`` counts every gold toponym of the articles scored, ``unplaced`` those whose text
    could not be found in our article text (misses in both modes). ``predicted`` and
    ``predicted_matched`` count our places (end to end only).
    """

    gold: int = 0
    gold_place_names: int = 0
    unplaced: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    matched_place_names: int = 0
    resolutions: list[Resolution] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    def add_gold(self, toponyms: Sequence[GoldToponym], unplaced: int) -> None:
        """Count an article's gold toponyms, ``unplaced`` of which were not found in our text."""
        self.gold += len(toponyms)
        self.gold_place_names += sum(t.place_name for t in toponyms)
        self.unplaced += unplaced

    def add_spans(self, golds: Sequence[GoldToponym], places: Sequence[Place | None]) -> None:
        """Score resolution alone: ``places[i]`` is what the resolver gave ``golds[i]``."""
        for gold, place in zip(golds, places, strict=True):
            self.resolutions.append(Resolution(gold, place))
            self.matched_place_names += gold.place_name

    def add_e2e(self, golds: Sequence[GoldToponym], places: Sequence[Place], text: str) -> None:
        """Score our own places against placed gold toponyms (spans in our article text)."""
        self.predicted += len(places)
        for place in places:
            hit = any(overlaps((place.start, place.end), (g.start, g.end)) for g in golds)
            self.predicted_matched += hit
            if not hit:
                self.extra[text[place.start : place.end]] += 1
        for gold in golds:
            match = best_overlap((gold.start, gold.end), places)
            if match is None:
                self.missed[gold.name] += 1
                continue
            self.resolutions.append(Resolution(gold, match))
            self.matched_place_names += gold.place_name


@dataclass(frozen=True, slots=True)
class ModeScore:
    """The figures of one mode on one gold set.

    Attributes:
        mode: ``spans`` (resolution of the gold spans) or ``e2e`` (our own places).
        gold: Gold toponyms in the articles scored.
        unplaced: Of those, the ones whose text could not be found in our article text.
        scored: Gold toponyms with a place of ours to judge: the placed ones given to the
            resolver (spans), or those one of our places overlaps (e2e).
        unresolved: Of ``scored``, those the resolver could not resolve (spans only).
        predicted: Our places (e2e only; 0 in spans).
        precision: Share of our places overlapping a gold toponym (e2e only).
        recall: Share of gold toponyms that one of our places overlaps (e2e only).
        recall_place_names: The same over the GPE/LOC-type gold toponyms only.
        accuracy: Share of ``scored`` toponyms placed within 161 km (unresolved count wrong).
        accuracy_place_names: The same over the GPE/LOC-type ones alone.
        median_km: Median error of ``scored`` toponyms (unresolved: 20039 km).
        mean_km: Mean error, the same way.
        auc: Area under the curve of scaled log errors (lower is better).
    """

    mode: str
    gold: int
    unplaced: int
    scored: int
    unresolved: int
    predicted: int
    precision: float | None
    recall: float | None
    recall_place_names: float | None
    accuracy: float | None
    accuracy_place_names: float | None
    median_km: float | None
    mean_km: float | None
    auc: float | None


def score_mode(mode: str, tally: ModeTally) -> ModeScore:
    """Summarise a tally into the figures of one mode."""
    errors = [resolution.error_km for resolution in tally.resolutions]
    names = [resolution for resolution in tally.resolutions if resolution.gold.place_name]
    e2e = mode == "e2e"
    return ModeScore(
        mode=mode,
        gold=tally.gold,
        unplaced=tally.unplaced,
        scored=len(errors),
        unresolved=sum(resolution.place is None for resolution in tally.resolutions),
        predicted=tally.predicted,
        precision=_share(tally.predicted_matched, tally.predicted) if e2e else None,
        recall=_share(len(errors), tally.gold) if e2e else None,
        recall_place_names=_share(tally.matched_place_names, tally.gold_place_names)
        if e2e
        else None,
        accuracy=_share(sum(e <= ACCURACY_KM for e in errors), len(errors)),
        accuracy_place_names=_share(
            sum(r.error_km <= ACCURACY_KM for r in names), tally.matched_place_names
        ),
        median_km=statistics.median(errors) if errors else None,
        mean_km=statistics.fmean(errors) if errors else None,
        auc=error_auc(errors),
    )


def worst_resolutions(
    resolutions: Sequence[Resolution], limit: int = 15
) -> list[tuple[str, str, float, int]]:
    """The most frequent wrong resolutions (error over 161 km): ``(gold name, our place,
    error km, times)``, most frequent first, then largest error."""
    counts: Counter[tuple[str, str]] = Counter()
    errors: dict[tuple[str, str], float] = {}
    for resolution in resolutions:
        error = resolution.error_km
        if error <= ACCURACY_KM:
            continue
        key = (resolution.gold.name, describe_place(resolution.place))
        counts[key] += 1
        errors[key] = max(errors.get(key, 0.0), error)
    ranked = sorted(counts, key=lambda key: (-counts[key], -errors[key], key))[:limit]
    return [(gold, ours, round(errors[gold, ours]), counts[gold, ours]) for gold, ours in ranked]


def describe_place(place: Place | None) -> str:
    """A place as the reports show it: ``Paris (FRA, city)``, or ``unresolved``."""
    if place is None:
        return "unresolved"
    where = ", ".join(part for part in (place.country, place.feature) if part)
    return f"{place.name} ({where})"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
