"""The dashboard's search form: query parameters → an event filter, and back to a link."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, field_validator

from communique.errors import InputError
from communique.store import EventFilter, near_point

PAGE_SIZE = 50
# "lat,lon,km": the events located within km of a point (the map's circles link so).
NEAR_PATTERN = r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,\d{1,4}(\.\d+)?$"
Modality = Literal["asserted", "possible", "intended", "negated", "conditional"]


class SearchForm(BaseModel):
    """What the search form sends; blank fields mean "any"."""

    model_config = ConfigDict(extra="forbid")

    actor: str | None = Field(default=None, max_length=200)
    other: str | None = Field(default=None, max_length=200, description="With this actor.")
    type: str | None = Field(default=None, max_length=40)
    modality: Modality | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=200, description="Where it happened.")
    near: str | None = Field(default=None, max_length=60, pattern=NEAR_PATTERN)
    offset: int = Field(default=0, ge=0, le=1_000_000_000)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("near")
    @classmethod
    def _on_earth(cls, value: str | None) -> str | None:
        """The store's own check of LAT,LON,KM (on the map, km 0 or more)."""
        try:
            if value is not None:
                near_point(value)
        except InputError as error:
            raise ValueError(str(error)) from None
        return value

    @field_validator("offset", mode="before")
    @classmethod
    def _no_offset(cls, value: Any) -> Any:
        return 0 if value is None else value

    def event_filter(self) -> EventFilter:
        """The filter of the events the form asks for (two actors: both directions)."""
        two = self.actor is not None and self.other is not None
        return EventFilter(
            actor=None if two else (self.actor or self.other),
            source=self.actor if two else None,
            target=self.other if two else None,
            symmetric=two,
            type=self.type,
            modality=self.modality,
            since=self.since,
            until=self.until,
            text=self.text,
            place=self.place,
            near=self.near,
        )

    def query(self, **changes: Any) -> str:
        """The query string of this search with ``changes``, blank fields left out."""
        values = {**self.model_dump(), **changes}
        if not values.get("offset"):
            values.pop("offset", None)
        return urlencode({k: str(v) for k, v in values.items() if v not in (None, "")})

    def describe(self) -> str:
        """The search in a few words, for headings and watchlists."""
        parts = []
        if self.actor and self.other:
            parts.append(f"{self.actor} ↔ {self.other}")
        elif self.actor or self.other:
            parts.append(f"actor {self.actor or self.other}")
        parts += [f"{name} {value}" for name, value in self._details() if value]
        if self.since or self.until:
            parts.append(f"{self.since or '…'} – {self.until or '…'}")
        if self.near:
            lat, lon, km = near_point(self.near)
            parts.append(f"within {km:g} km of {lat:g}, {lon:g}")
        return " · ".join(parts) or "all events"

    def _details(self) -> list[tuple[str, str | None]]:
        return [
            ("type", self.type),
            ("modality", self.modality),
            ("text", self.text),
            ("place", self.place),
        ]


class TimelineForm(BaseModel):
    """The options of a dyad timeline page."""

    model_config = ConfigDict(extra="forbid")

    interval: Literal["week", "month"] = "week"
    directed: bool = False
    modality: Modality | Literal["all"] = "asserted"
    since: date | None = None
    until: date | None = None
    offset: int = Field(default=0, ge=0, le=1_000_000_000)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("interval", "modality", "directed", "offset", mode="before")
    @classmethod
    def _default_when_blank(cls, value: Any, info: Any) -> Any:
        defaults = {"interval": "week", "modality": "asserted", "directed": False, "offset": 0}
        return defaults[info.field_name] if value is None else value

    def event_filter(self, a: str, b: str) -> EventFilter:
        """The events the timeline counts: the dyad, in the period, of the modality."""
        return EventFilter(
            source=a,
            target=b,
            symmetric=not self.directed,
            modality=None if self.modality == "all" else self.modality,
            since=self.since,
            until=self.until,
        )

    def query(self, **changes: Any) -> str:
        """The query string of this page with ``changes``, defaults left out."""
        values = {**self.model_dump(), **changes}
        defaults = {"interval": "week", "modality": "asserted", "directed": False, "offset": 0}
        kept = {k: v for k, v in values.items() if v is not None and defaults.get(k) != v}
        return urlencode(
            {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in kept.items()}
        )


class NetworkForm(BaseModel):
    """The options of the network page."""

    model_config = ConfigDict(extra="forbid")

    since: date | None = None
    until: date | None = None
    modality: Modality | Literal["all"] = "asserted"
    min_events: int = Field(default=1, ge=1, le=1_000_000)
    limit: int = Field(default=60, ge=1, le=500)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("modality", "min_events", "limit", mode="before")
    @classmethod
    def _default_when_blank(cls, value: Any, info: Any) -> Any:
        defaults = {"modality": "asserted", "min_events": 1, "limit": 60}
        return defaults[info.field_name] if value is None else value
