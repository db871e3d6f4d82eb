"""Analysis: the store → tables, graphs and plots (dyad series, actor networks).

Reads the store only (``communique.store`` and ``communique.records``); the SQL stays in
``store/aggregates.py``, and this package shapes its counts for analysts. See
docs/analysis.md for the definitions (periods, the conflict–cooperation index).

``network`` (networkx) and ``plots`` (matplotlib) are imported from their modules, so
that reading a dyad series does not load either library.
"""

from __future__ import annotations

from communique.analysis.dyads import DYAD_COLUMNS, cc_index, dyad_series

__all__ = ["DYAD_COLUMNS", "cc_index", "dyad_series"]
