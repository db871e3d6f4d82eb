"""Request and response models of the REST API: every field named, nothing extra accepted."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from communique.errors import InputError
from communique.store import near_point


class Schema(BaseModel):
    """Base of every API model: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ErrorDetail(Schema):
    """What went wrong: a stable machine code, one human sentence, and specifics."""

    code: str = Field(description="Machine-readable code: not_found, unauthorized, …")
    message: str = Field(description="What was expected, what was received, how to fix it.")
    detail: list[dict[str, object]] | dict[str, object] | None = Field(
        default=None, description="Specifics, e.g. the failing fields of a 422."
    )


class ErrorResponse(Schema):
    """The one shape of every API error (400, 401, 403, 404, 413, 422, 500)."""

    error: ErrorDetail


class Page(Schema):
    """Where a page sits in the whole result."""

    total: int = Field(description="Items matching the query, over all pages.")
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="Items skipped before this page.")


class ActorRef(Schema):
    """An actor an event or quote points to."""

    code: str = Field(description="CAMEO actor code, e.g. RUSGOV.")
    name: str
    actor_id: str | None = None


class PlaceOut(Schema):
    """A place named in the text, resolved to the gazetteer: an event's location."""

    span: tuple[int, int] = Field(description="Start and end offsets of the mention.")
    name: str = Field(description="The gazetteer's name, e.g. Pyongyang.")
    geonameid: int | None = Field(description="GeoNames id (None: a region we added).")
    lat: float
    lon: float
    country: str | None = Field(description="ISO 3166 alpha-3 (None: spans countries).")
    admin1: str | None = Field(description="First-level division it lies in (or is).")
    feature: Literal["country", "admin1", "admin2", "city", "region", "other"]


class EventOut(Schema):
    """One coded event with its evidence and the article it came from."""

    id: str
    doc_id: str
    date: date | None
    source: ActorRef
    target: ActorRef | None
    attributed_to: ActorRef | None = Field(description="Who says so (None: the article).")
    type: str = Field(description="PLOVER event type.")
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    modality: str
    evidence: str
    sentence: int
    start: int
    end: int
    confidence: float
    producer: str | None
    article_title: str | None
    article_published: str | None
    article_source: str | None
    article_url: str | None
    location: PlaceOut | None = Field(
        default=None, description="Where it happened, when the text says (None: unknown)."
    )


class EventPage(Page):
    """A page of events."""

    items: list[EventOut]


class ActorOut(Schema):
    """One actor (code and name) with how often it occurs."""

    code: str
    name: str | None
    country: str | None
    sector: str | None
    roles: str | None = Field(description="Roles it was mentioned with, '; '-separated.")
    mentions: int
    documents: int
    events: int = Field(description="Events with this actor as source or target.")


class ActorPage(Page):
    """A page of actors."""

    items: list[ActorOut]


class QuoteOut(Schema):
    """One quote with its speaker and the article it came from."""

    id: str
    doc_id: str
    text: str
    kind: str
    speaker: ActorRef | None
    cue: str | None
    start: int
    end: int
    producer: str | None
    article_title: str | None
    article_published: str | None
    article_source: str | None
    article_url: str | None


class QuotePage(Page):
    """A page of quotes."""

    items: list[QuoteOut]


class DyadPoint(Schema):
    """Events between the two actors in one period."""

    period: date = Field(description="First day of the week (Monday) or month.")
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None = Field(description="None for a period without events.")
    cc_index: float | None = Field(
        description="(W_coop − W_conflict) / (W_coop + W_conflict), −1 … +1; None without events."
    )


class DyadSeries(Schema):
    """The event series of one dyad (see communique.analysis.dyads)."""

    a: str
    b: str
    directed: bool
    interval: Literal["week", "month"]
    modality: str | None = Field(description="The modality counted; None: all.")
    points: list[DyadPoint]


class NetworkNode(Schema):
    """An actor in the network."""

    code: str
    name: str | None
    events: int = Field(description="Events with it as source or target in the period.")
    as_source: int
    as_target: int


class NetworkEdge(Schema):
    """Events from one actor to another."""

    source: str
    target: str
    events: int
    goldstein_mean: float
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


class Network(Schema):
    """The actor network of a period."""

    since: date | None
    until: date | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class TextSpan(Schema):
    """A span of the article text: an event's evidence or a quote."""

    kind: Literal["event", "quote"]
    id: str
    start: int
    end: int
    label: str = Field(description="CAMEO code and PLOVER type, or the quote kind.")
    modality: str | None = None
    attributed_to: str | None = Field(default=None, description="Who says so.")


class ArticleOut(Schema):
    """An article, its text, and what was coded from it."""

    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    text: str
    events: list[EventOut]
    quotes: list[QuoteOut]
    places: list[PlaceOut] = Field(description="The places the text names, in text order.")
    spans: list[TextSpan] = Field(description="Events and quotes as offsets into text.")


class DocumentIn(Schema):
    """A document to ingest: its text or its HTML, and what is known about it."""

    text: str | None = Field(default=None, description="Plain text of the article.")
    html: str | None = Field(default=None, description="The HTML page (wins over text).")
    title: str | None = None
    published: str | None = Field(default=None, description="Publication date, ISO 8601.")
    url: str | None = None
    source: str | None = Field(default=None, description="The outlet.")

    @model_validator(mode="after")
    def _has_body(self) -> DocumentIn:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("expected a non-empty 'text' or 'html' field")
        return self


class DocumentOut(Schema):
    """What ingesting a document did."""

    doc_id: str = Field(description="The content-hash id; the same body gives the same id.")
    created: bool = Field(description="False when the document was stored already.")
    ingested_at: datetime | None
    events: int
    quotes: int
    rejections: list[str] = Field(description="Why a stage rejected the document, if one did.")


# Query parameters: one model per list endpoint, unknown parameters are a 422.


def _iso_date(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date (numbers: Unix timestamps)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError("expected a date as YYYY-MM-DD, e.g. 2024-06-19")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _near(value: str) -> str:
    """Refuse a ``near`` that is not LAT,LON,KM on the map (the store's own check)."""
    try:
        near_point(value)
    except InputError as error:
        raise ValueError(str(error)) from None
    return value


NearPoint = Annotated[str, AfterValidator(_near)]


def _text(description: str | None = None) -> Any:
    """An optional text filter: 1 to 200 characters."""
    return Field(default=None, min_length=1, max_length=200, description=description)


class PageParams(Schema):
    """Pagination of every list."""

    limit: int = Field(default=50, ge=1, le=500, description="Items per page (at most 500).")
    offset: int = Field(default=0, ge=0, le=1_000_000_000, description="Items to skip.")


class EventParams(PageParams):
    """Filters of ``GET /api/events``; actors are a CAMEO code prefix or part of a name."""

    actor: str | None = _text("Source or target.")
    source: str | None = _text()
    target: str | None = _text()
    attributed_to: str | None = _text("Who says so.")
    type: str | None = Field(
        default=None, pattern=r"^[A-Za-z]{1,40}$", description="PLOVER type, e.g. CONSULT."
    )
    cameo: str | None = Field(
        default=None, pattern=r"^[0-9]{2,4}$", description="CAMEO code (042) or root (04)."
    )
    quad_class: int | None = Field(default=None, ge=1, le=4)
    modality: Literal["asserted", "possible", "intended", "negated", "conditional"] | None = None
    since: IsoDate | None = None
    until: IsoDate | None = None
    text: str | None = _text("Part of the evidence.")
    doc_id: str | None = _text()
    place: str | None = _text("Where: start of a word of the place or its admin1 region.")
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{3}$",
        description="ISO3 code of the country it happened in (not the actors').",
    )
    near: NearPoint | None = Field(
        default=None,
        max_length=100,
        description="lat,lon,km: located within km kilometres of the point, e.g. 50.45,30.52,25.",
    )
    order: Literal["newest", "oldest"] = "newest"


class PlaceParams(EventParams):
    """Filters of ``GET /api/places``: those of the events; ``limit`` caps the places."""

    limit: int = Field(default=500, ge=1, le=5000, description="At most this many places.")


class PlaceCount(Schema):
    """A place and how many of the matching events happened there."""

    lat: float
    lon: float
    name: str
    country: str | None = Field(description="ISO 3166 alpha-3 (None: spans countries).")
    admin1: str | None
    feature: Literal["country", "admin1", "admin2", "city", "region", "other"]
    events: int = Field(description="Matching events located there.")


class PlaceCountList(Schema):
    """The places of ``GET /api/places``, most events first."""

    items: list[PlaceCount]


class ActorParams(PageParams):
    """Filters of ``GET /api/actors``."""

    code: str | None = _text("CAMEO actor code prefix, e.g. RUS.")
    name: str | None = _text("Start of a word of the name.")
    role: str | None = _text("Part of a role, e.g. minister.")


class QuoteParams(PageParams):
    """Filters of ``GET /api/quotes``."""

    speaker: str | None = _text("Code prefix or start of a word of the name.")
    text: str | None = _text("Part of the quote.")
    kind: Literal["direct", "indirect"] | None = None


ModalityChoice = Literal["asserted", "possible", "intended", "negated", "conditional", "all"]


class DyadParams(Schema):
    """Options of ``GET /api/dyads/{a}/{b}``."""

    interval: Literal["week", "month"] = "week"
    directed: bool = Field(default=False, description="Only events from a to b.")
    modality: ModalityChoice = Field(default="asserted", description="'all': every modality.")
    since: IsoDate | None = Field(default=None, description="First period shown.")
    until: IsoDate | None = Field(default=None, description="Last period shown.")


class NetworkParams(Schema):
    """Options of ``GET /api/network``."""

    since: IsoDate | None = None
    until: IsoDate | None = None
    modality: ModalityChoice = Field(default="asserted", description="'all': every modality.")
    min_events: int = Field(default=1, ge=1, le=1_000_000, description="Events per edge.")
    limit: int = Field(default=100, ge=1, le=500, description="At most this many edges.")
