"""``GET /api/dyads/{a}/{b}``: the event series between two actors, by week or month."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from fastapi import APIRouter, Path, Query, Response

from communique.analysis.dyads import dyad_series
from communique.api import _rows
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.schemas import DyadParams, DyadSeries
from communique.store import Connection

router = APIRouter(prefix="/api", tags=["dyads"], dependencies=[ReadAccess])
ActorPath = Annotated[
    str,
    Path(min_length=1, max_length=200, description="CAMEO code prefix or start of a name word."),
]


@router.get("/dyads/{a}/{b}", response_model=DyadSeries, responses=ERRORS)
async def get_dyad(
    state: StateDep, a: ActorPath, b: ActorPath, params: Annotated[DyadParams, Query()]
) -> Response:
    """Events between ``a`` and ``b`` per period, by quad class, with Goldstein and CC index.

    Both directions unless ``directed``; asserted events only unless ``modality`` says
    otherwise. Periods without events inside the series are zeros.
    """
    key = ("dyad", a, b, params.model_dump_json())
    return await respond(state, key, lambda db: load_series(db, a, b, params))


def load_series(db: Connection, a: str, b: str, params: DyadParams) -> DyadSeries:
    """The series as the API returns it (the dashboard's dyad page draws the same)."""
    modality = None if params.modality == "all" else params.modality
    frame = dyad_series(db, a, b, params.interval, symmetric=not params.directed, modality=modality)
    # Keep the periods that hold a day of [since, until].
    unit = "W-SUN" if params.interval == "week" else "M"
    if params.since is not None:
        frame = frame[frame["period"] >= pd.Timestamp(params.since).to_period(unit).start_time]
    if params.until is not None:
        frame = frame[frame["period"] <= pd.Timestamp(params.until)]
    return DyadSeries(
        a=a,
        b=b,
        directed=params.directed,
        interval=params.interval,
        modality=modality,
        points=_rows.dyad_points(frame),
    )
