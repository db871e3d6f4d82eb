"""Where: place mentions resolved to a gazetteer, and the place of each event.

``load_gazetteer()`` gives the shipped gazetteer (GeoNames places from registry packages,
countries and regions we wrote); ``find_places`` recognises and resolves the places of an
article; ``resolve_spans`` resolves given spans (evaluation with gold toponyms);
``locate_events`` gives each event the place its clause or sentence names.
"""

from communique.geo.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from communique.geo.locate import find_places, locate_events, resolve_spans

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "find_places",
    "load_gazetteer",
    "locate_events",
    "resolve_spans",
]
