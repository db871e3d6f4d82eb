"""Records that flow between pipeline stages.

Every record is a frozen, slotted dataclass that holds plain values only: spans
are character offsets into ``Article.text``, never spaCy objects, so records can
be pickled for worker processes, stored, and compared. Every derived record
carries the id of the document it came from (``doc_id``) and the registry name
and version of the component that produced it (``producer``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

MediaType = Literal["html", "text"]
Modality = Literal["asserted", "possible", "intended", "negated", "conditional"]
QuoteKind = Literal["direct", "indirect"]
# How large a place is: a country, a first-level division (state, province), a second-level
# one (county, district), a populated place, a region larger than a country ("West Africa"),
# or anything else the gazetteer holds.
PlaceFeature = Literal["country", "admin1", "admin2", "city", "region", "other"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as read from one input, decoded, with whatever metadata the container gave.

    Attributes:
        id: Stable document id: the JSONL ``id`` when given, else a hash of the bytes.
        origin: Where the bytes came from, for messages: ``path``, ``path:line`` or
            ``path#record``.
        data: The raw bytes exactly as read (kept so the store never loses input).
        text: ``data`` decoded to text.
        media_type: ``"html"`` when ``text`` is markup, ``"text"`` when it is plain text.
        encoding: The encoding ``data`` was decoded with.
        url: The document's URL when the container names one.
        title: A title given by the container (JSONL field, feed entry title).
        published: A publication date given by the container, as found.
        source: The outlet or feed name when the container gives one.
        producer: The reader that made this record.
    """

    id: str
    origin: str
    data: bytes
    text: str
    media_type: MediaType
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """The main text of a document and its metadata, after extraction.

    ``published`` is an ISO 8601 date or date-time string (``2024-06-19`` or
    ``2024-06-19T09:12``) or ``None`` when no date was found.
    """

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    site_name: str | None = None
    dropped_lines: tuple[str, ...] = ()
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character span ``[start, end)`` of ``Article.text``."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse, by offsets and indices, never as a spaCy object.

    ``head`` is the index of the syntactic head in ``Annotation.tokens`` (a root
    is its own head); ``sentence`` is the index of its sentence.
    """

    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sentence: int
    ent_type: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """The linguistic analysis of an article: sentences, tokens and named entities."""

    doc_id: str
    sentences: tuple[Span, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Span, ...]
    producer: str = ""


# How the actor stage's ids of people begin ("person/donald-trump"); other ids name countries,
# bodies and groups. The quote and event stages read it to tell a person from a body.
PERSON_ID_PREFIX = "person/"
# How the ids of towns and regions the actor stage reads begin ("place/istanbul"): a place,
# coded with its country, not the country acting.
PLACE_ID_PREFIX = "place/"
# The code of a person named in full whom nothing identifies (no known person, no title): a
# private person as far as the text says (CAMEO's civilians).
PRIVATE_PERSON = "CVL"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A reference from an event or quote to an actor: code, name and actor id."""

    code: str
    name: str
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor in the text, resolved to a CAMEO actor code.

    ``members`` lists the codes of a group whose members the text treats as acting apart:
    ISO3 codes for a named group of countries ("the Nordic states"), the members' own codes
    for people or bodies named before ("the two leaders" → ``RUSGOV``, ``TURGOV``); events
    give one event per member.
    """

    doc_id: str
    actor_id: str
    start: int
    end: int
    code: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    producer: str = ""
    members: tuple[str, ...] = ()

    @property
    def unidentified(self) -> bool:
        """Whether this is a person nothing identifies beyond the name (code ``CVL``, no
        country, no role): an actor of the text, too vague for an event between parties."""
        return (
            self.actor_id.startswith(PERSON_ID_PREFIX)
            and self.code == PRIVATE_PERSON
            and self.country is None
            and not self.role
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text, resolved to a gazetteer entry.

    ``start``/``end`` are the mention's offsets in ``Article.text``; ``name`` is the
    gazetteer's name for the place ("Pyongyang" for "PYONGYANG"). ``geonameid`` is the
    GeoNames id when the gazetteer has one (regions we added ourselves have none);
    ``country`` is the ISO3 code (``None`` for a region spanning countries); ``admin1`` is
    the name of the first-level division the place lies in (or is).
    """

    doc_id: str
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: PlaceFeature
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A dyadic event: who did what to whom, with modality, attribution and evidence."""

    doc_id: str
    id: str
    source: ActorRef
    target: ActorRef | None
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    modality: Modality
    attributed_to: ActorRef | None
    date: str | None
    sentence: int
    start: int
    end: int
    evidence: str
    confidence: float
    producer: str = ""
    location: Place | None = None  # where it happened, when the text says (the geo stage)
    trigger: tuple[int, int] | None = None  # the word that names the event, as offsets


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote with its speaker and cue."""

    doc_id: str
    id: str
    text: str
    kind: QuoteKind
    speaker: ActorRef | None
    cue: str | None
    start: int
    end: int
    producer: str = ""
    speaker_name: str | None = None  # who said it, as written, also when no actor was coded


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document (or input) that failed a stage: recorded, never dropped.

    Attributes:
        origin: The file (and line or record) that failed, for the one-line message.
        stage: The stage that rejected it (``ingest``, ``extract``, ``annotate`` …).
        reason: A short machine-readable reason (``empty``, ``binary``, ``not-json`` …).
        detail: One human sentence: what was expected, what was found.
        doc_id: The document id when one was assigned before the failure.
    """

    origin: str
    stage: str
    reason: str
    detail: str
    doc_id: str | None = None

    def message(self) -> str:
        """Return the one-line error shown to users: ``origin: stage: detail``."""
        return f"{self.origin}: {self.stage} failed ({self.reason}): {self.detail}"


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role seen in text: who, which role, which code, and when it was seen."""

    name: str
    role: str
    code: str
    country: str | None
    sector: str | None
    first_seen: date | None
    last_seen: date | None


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """Everything the pipeline knows about one document; stages fill it in turn.

    Each stage returns a copy with its own field set (``dataclasses.replace``),
    so a stage's ``requires`` and ``produces`` are names of these fields.
    ``learned_roles`` are the roles the actor stage read in this document ("Finnish
    Defence Minister Antti Häkkänen"): the single writer merges them into the store, where
    later runs find them; no stage keeps them.
    """

    raw: RawDocument
    article: Article | None = None
    annotation: Annotation | None = None
    actors: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    rejections: tuple[Rejection, ...] = field(default=())
    learned_roles: tuple[RoleFact, ...] = ()
