"""The built-in stages: thin adapters from the stage packages to the Stage protocol."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from communique import extract, registry
from communique.actors import DocumentRoles, PlaceCode, find_actors, load_knowledge_base
from communique.annotate import annotate_articles, load_pipeline, pipeline_producer
from communique.errors import InputError
from communique.events import code_events
from communique.events.decider import EventDecider, load_decider
from communique.geo import Gazetteer, find_places, load_gazetteer, locate_events
from communique.pipeline._stage import EMPTY_CONTEXT, ErrorPolicy, RunContext, guard, reject
from communique.quotes import find_quotes
from communique.records import Article, CodedDocument
from communique.settings import Settings


class ExtractStage:
    """RawDocument → Article, each document on its own (its result never depends on the
    other documents of its batch, so any batch size gives the same articles)."""

    name = "communique.extract.v1"
    requires = ("raw",)
    produces = ("article",)

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"
        self.max_chars = settings.max_text_chars

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Extract every document of the batch."""

        def work(document: CodedDocument) -> CodedDocument:
            article = extract.extract_article(document.raw)
            if len(article.text) > self.max_chars:
                raise InputError(
                    "too-large",
                    f"the article text has {len(article.text):,} characters, more than the "
                    f"limit of {self.max_chars:,} (COMMUNIQUE_MAX_TEXT_CHARS)",
                )
            return dataclasses.replace(document, article=article)

        for document in batch:
            yield guard(document, "extract", work, self.policy)


class AnnotateStage:
    """Article → Annotation with the configured spaCy pipeline, batched through ``nlp.pipe``."""

    name = "communique.annotate.v1"
    requires = ("article",)
    produces = ("annotation",)

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"
        self.nlp = load_pipeline(settings)
        self.batch_size = settings.spacy_batch_size
        # Recorded with every run (``runs.versions``) beside the stage names.
        self.components = {"spacy_model": pipeline_producer(self.nlp)}

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Parse the batch in one ``nlp.pipe`` call; parse one by one if that call fails."""
        ready = [doc for doc in batch if not doc.rejections and doc.article is not None]
        articles: list[Article] = [doc.article for doc in ready if doc.article is not None]
        try:
            annotations = list(annotate_articles(articles, self.nlp, self.batch_size))
        except Exception:
            if self.policy == "raise":
                raise
            yield from (guard(doc, "annotate", self._annotate_one, self.policy) for doc in batch)
            return
        by_id = {id(doc): ann for doc, ann in zip(ready, annotations, strict=True)}
        for document in batch:
            annotation = by_id.get(id(document))
            if annotation is None and not document.rejections:
                yield reject(document, "annotate", "no-article", "no article text to annotate")
            elif annotation is None:
                yield document
            else:
                yield dataclasses.replace(document, annotation=annotation)

    def _annotate_one(self, document: CodedDocument) -> CodedDocument:
        assert document.article is not None  # guarded by ExtractStage
        (annotation,) = annotate_articles([document.article], self.nlp, 1)
        return dataclasses.replace(document, annotation=annotation)


class ActorStage:
    """Annotation → ActorMentions, and the roles each document read.

    Every document recalls roles from the run's read-only snapshot (``context.roles``) and
    returns the roles it read as ``learned_roles``; the stage keeps no state between
    documents (see ``communique.actors.memory``).
    """

    name = "communique.actors.v1"
    requires = ("article", "annotation")
    produces = ("actors", "learned_roles")

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"
        self.kb = load_knowledge_base(settings.data_dir)
        self.roles = context.roles
        gazetteer = load_gazetteer()
        self.places = place_codes(gazetteer)
        # Towns and regions are coded from the gazetteer: recorded with every run.
        self.components = {"gazetteer": gazetteer.version}

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Find the actors of every document of the batch, in order."""

        def work(document: CodedDocument) -> CodedDocument:
            assert document.article is not None and document.annotation is not None
            roles = DocumentRoles(self.roles)
            mentions = find_actors(
                document.article, document.annotation, self.kb, roles, self.places
            )
            return dataclasses.replace(document, actors=mentions, learned_roles=roles.learned)

        for document in batch:
            yield guard(document, "actors", work, self.policy)


def place_codes(gazetteer: Gazetteer) -> PlaceCode:
    """The actor stage's view of the gazetteer: a place name's CAMEO code and country (its
    likeliest entry; a region's CAMEO region code), so towns and regions can be actors."""

    def code(name: str) -> tuple[str, str | None] | None:
        entries = gazetteer.lookup(name)
        if not entries:
            return None
        best = entries[0]
        if best.feature == "admin1":  # "Gaza": the city of 410,000, not Mozambique's province
            city = next((e for e in entries if e.feature == "city"), None)
            if city is not None and city.population > best.population:
                best = city
        if best.feature == "region":
            region = gazetteer.cameo_code(best)
            if region:
                return (region, None)  # "West Africa" → WAF
            # a region inside one country is that country's ("Darfur" → SDN)
            return (best.country, best.country) if best.country else None
        return (best.country, best.country) if best.country else None

    return code


class QuoteStage:
    """Annotation + actors → Quotes (direct and indirect, speaker resolved to an actor)."""

    name = "communique.quotes.v1"
    requires = ("article", "annotation", "actors")
    produces = ("quotes",)

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Find the quotes of every document of the batch, in order."""

        def work(document: CodedDocument) -> CodedDocument:
            assert document.article is not None and document.annotation is not None
            quotes = find_quotes(document.article, document.annotation, document.actors)
            return dataclasses.replace(document, quotes=quotes)

        for document in batch:
            yield guard(document, "quotes", work, self.policy)


class EventStage:
    """Annotation + actors → Events (PLOVER/CAMEO, modality, attribution, date)."""

    name = "communique.events.v1"
    requires = ("article", "annotation", "actors", "quotes")
    produces = ("events",)

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"
        self.decider: EventDecider | None = None
        self.components = {"event_decider": "rules"}
        if settings.event_decider == "learned":
            self.decider = load_decider()
            self.components = {"event_decider": f"learned:{self.decider.version}"}

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Code the events of every document of the batch, in order."""

        def work(document: CodedDocument) -> CodedDocument:
            assert document.article is not None and document.annotation is not None
            events = code_events(
                document.article,
                document.annotation,
                document.actors,
                quotes=document.quotes,
                decider=self.decider,
            )
            return dataclasses.replace(document, events=events)

        for document in batch:
            yield guard(document, "events", work, self.policy)


class GeoStage:
    """Annotation + actors + events → places, and each event's location."""

    name = "communique.geo.v1"
    requires = ("article", "annotation", "actors", "events")
    produces = ("places", "events")

    def __init__(self, settings: Settings, context: RunContext = EMPTY_CONTEXT) -> None:
        self.policy: ErrorPolicy = "raise" if settings.error_policy == "raise" else "record"
        self.gazetteer = load_gazetteer()
        self.components = {"gazetteer": self.gazetteer.version}

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Find the places of every document of the batch and locate its events."""

        def work(document: CodedDocument) -> CodedDocument:
            article, annotation = document.article, document.annotation
            assert article is not None and annotation is not None
            places = find_places(article, annotation, document.actors, self.gazetteer)
            events = locate_events(article, annotation, document.events, places, document.actors)
            return dataclasses.replace(document, places=places, events=events)

        for document in batch:
            yield guard(document, "geo", work, self.policy)


DEFAULT_STAGES = (
    ExtractStage.name,
    AnnotateStage.name,
    ActorStage.name,
    QuoteStage.name,
    EventStage.name,
    GeoStage.name,
)


def register_builtins() -> None:
    """Register the built-in stages."""
    registry.stages.register(ExtractStage.name, ExtractStage)
    registry.stages.register(AnnotateStage.name, AnnotateStage)
    registry.stages.register(ActorStage.name, ActorStage)
    registry.stages.register(QuoteStage.name, QuoteStage)
    registry.stages.register(EventStage.name, EventStage)
    registry.stages.register(GeoStage.name, GeoStage)
