"""Evaluate: score communique's stages against gold sets, beside reference tools.

Functions here return report objects and never print; the CLI renders them.
"""

from __future__ import annotations

from communique.evaluate.actors import ActorReport, evaluate_actors
from communique.evaluate.events import EventReport, evaluate_events
from communique.evaluate.extraction import ExtractionReport, SystemScores, evaluate_extraction

__all__ = [
    "ActorReport",
    "EventReport",
    "ExtractionReport",
    "SystemScores",
    "evaluate_actors",
    "evaluate_events",
    "evaluate_extraction",
]
