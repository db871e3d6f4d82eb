"""Events: who did what to whom — PLOVER and CAMEO, with modality, attribution and evidence.

``code_events`` runs the dependency-pattern coder (``coder.py``) over each sentence, then
adds modality (``modality.py``), who says so (``attribution.py``), the event's date
(``dates.py``) and the ontology's Goldstein score and quad class (``ontology.py``).
"""

from __future__ import annotations

from communique.events._coding import PRODUCER, code_events

__all__ = ["PRODUCER", "code_events"]
