"""Fakes and record builders for tests and demos: no spaCy model, no network.

``sample_documents()`` is a small, hand-made, deterministic corpus of coded documents
(Russia, North Korea, the United States, Ukraine; June–July 2024) with events, quotes and
actor mentions whose offsets point into the article texts; ``fill_sample_store(path)``
writes it through the store's single writer. ``fake_pipeline(settings)`` builds a
pipeline that "codes" any document in microseconds (its article, and one event for its
first sentence), for testing the plumbing around the real one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from communique import store
from communique.pipeline._stage import EMPTY_CONTEXT, Pipeline, RunContext
from communique.records import (
    ActorMention,
    ActorRef,
    Article,
    CodedDocument,
    Event,
    Quote,
    QuoteKind,
    RawDocument,
)
from communique.settings import Settings

__all__ = ["ACTORS", "fake_pipeline", "fill_sample_store", "sample_documents"]

ACTORS = {
    "RUS": ActorRef("RUSGOV", "Russia", "rus"),
    "PUTIN": ActorRef("RUSGOV", "Vladimir Putin", "putin"),
    "RUSMIL": ActorRef("RUSMIL", "Russian army", "rus-mil"),
    "PRK": ActorRef("PRKGOV", "North Korea", "prk"),
    "USA": ActorRef("USAGOV", "United States", "usa"),
    "KOR": ActorRef("KORGOV", "South Korea", "kor"),
    "UKR": ActorRef("UKRMIL", "Ukrainian army", "ukr-mil"),
}
# (CAMEO code, PLOVER type, mode, quad class, Goldstein) of the codes the samples use.
_CODES = {
    "042": ("CONSULT", "visit", 1, 1.9),
    "043": ("CONSULT", "visit", 1, 2.8),
    "057": ("SUPPORT", None, 1, 8.0),
    "030": ("AGREE", None, 1, 4.0),
    "073": ("AID", "humanitarian", 2, 7.4),
    "111": ("ACCUSE", "disapprove", 3, -2.0),
    "138": ("THREATEN", "violence", 3, -7.0),
    "163": ("COERCE", "restrict", 4, -8.0),
    "190": ("ASSAULT", None, 4, -10.0),
}
_PRODUCER = "communique.testing.v1"

# (doc id, date, title, source, text, events: (source, target, code, evidence sentence,
#  modality, attributed), quotes: (speaker, quoted text, cue))
_CORPUS: tuple[tuple[str, str, str, str, str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...] = (  # noqa: E501
    (
        "sample-pact", "2024-06-03", "Russia and North Korea sign a defence pact", "Wire",
        "Russia and North Korea signed a defence pact in Pyongyang on Monday. "
        '"We will stand together against any aggression," Vladimir Putin said after the '
        "ceremony.\n\nNorth Korea promised to send artillery shells to Russia, according to "
        "South Korea. The United States condemned the agreement.",
        (
            ("RUS", "PRK", "057", "Russia and North Korea signed a defence pact in Pyongyang on Monday.", "asserted", ""),  # noqa: E501
            ("PRK", "RUS", "030", "North Korea promised to send artillery shells to Russia, according to South Korea.", "intended", "KOR"),  # noqa: E501
            ("USA", "RUS", "111", "The United States condemned the agreement.", "asserted", ""),
        ),
        (("PUTIN", "We will stand together against any aggression,", "said"),),
    ),
    (
        "sample-visit", "2024-06-19", "Putin arrives in Pyongyang", "Ledger",
        "Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un. "
        "North Korea hosted the Russian delegation at the Kumsusan guest house.",
        (
            ("RUS", "PRK", "042", "Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un.", "asserted", ""),  # noqa: E501
            ("PRK", "RUS", "043", "North Korea hosted the Russian delegation at the Kumsusan guest house.", "asserted", ""),  # noqa: E501
        ),
        (),
    ),
    (
        "sample-sanctions", "2024-07-02", "New US sanctions on Russia and North Korea", "Wire",
        "The United States imposed new sanctions on Russian and North Korean entities on "
        'Tuesday. "This cooperation threatens the whole region," a State Department '
        "spokesman said. Russia threatened to respond with force.",
        (
            ("USA", "RUS", "163", "The United States imposed new sanctions on Russian and North Korean entities on Tuesday.", "asserted", ""),  # noqa: E501
            ("USA", "PRK", "163", "The United States imposed new sanctions on Russian and North Korean entities on Tuesday.", "asserted", ""),  # noqa: E501
            ("RUS", "USA", "138", "Russia threatened to respond with force.", "possible", ""),
        ),
        (("USA", "This cooperation threatens the whole region,", "said"),),
    ),
    (
        "ledger/sample-front", "2024-07-10", "Shelling near Vovchansk", "Ledger",
        "Russian troops shelled positions near Vovchansk overnight, the Ukrainian army said. "
        "North Korea sent food aid to Russia by train, Russian media reported.",
        (
            ("RUSMIL", "UKR", "190", "Russian troops shelled positions near Vovchansk overnight, the Ukrainian army said.", "asserted", "UKR"),  # noqa: E501
            ("PRK", "RUS", "073", "North Korea sent food aid to Russia by train, Russian media reported.", "asserted", ""),  # noqa: E501
        ),
        (),
    ),
)  # fmt: skip


def sample_documents() -> list[CodedDocument]:
    """The hand-made sample corpus: 4 documents, 10 events, 2 quotes, their actor mentions.

    One id holds a slash (``ledger/sample-front``), as JSON Lines ids often do.
    """
    return [_document(*entry) for entry in _CORPUS]


def fill_sample_store(path: Path | str) -> list[CodedDocument]:
    """Write :func:`sample_documents` into the database at ``path`` (created when missing).

    Returns:
        The documents written (already stored ones are skipped, as the writer does).
    """
    documents = sample_documents()
    with store.open_database(path) as connection:
        writer = store.StoreWriter(connection)
        writer.start_run({"interface": "communique.testing"}, {"communique": "sample"})
        writer.write(documents)
        writer.finish_run()
    return documents


def _document(
    doc_id: str,
    day: str,
    title: str,
    source: str,
    text: str,
    events: Sequence[tuple[str, ...]],
    quotes: Sequence[tuple[str, ...]],
) -> CodedDocument:
    data = text.encode("utf-8")
    raw = RawDocument(doc_id, f"{doc_id}.txt", data, text, "text", title=title, source=source)
    article = Article(doc_id, text, title, day, source, language="en", producer=_PRODUCER)
    coded = tuple(_event(doc_id, day, text, n, *event) for n, event in enumerate(events))
    said = tuple(_quote(doc_id, text, n, *quote) for n, quote in enumerate(quotes))
    return CodedDocument(
        raw, article, actors=tuple(_mentions(doc_id, text)), events=coded, quotes=said
    )


def _event(
    doc_id: str,
    day: str,
    text: str,
    n: int,
    source: str,
    target: str,
    code: str,
    evidence: str,
    modality: str,
    attributed: str,
) -> Event:
    plover, mode, quad_class, goldstein = _CODES[code]
    start = text.index(evidence)
    return Event(
        doc_id=doc_id,
        id=f"{doc_id}-e{n}",
        source=ACTORS[source],
        target=ACTORS[target],
        type=plover,
        mode=mode,
        cameo=code,
        quad_class=quad_class,
        goldstein=goldstein,
        modality=modality,  # type: ignore[arg-type]
        attributed_to=ACTORS[attributed] if attributed else None,
        date=day,
        sentence=text[:start].count(". ") + text[:start].count("\n\n"),
        start=start,
        end=start + len(evidence),
        evidence=evidence,
        confidence=0.9,
        producer=_PRODUCER,
    )


def _quote(doc_id: str, text: str, n: int, speaker: str, quoted: str, cue: str) -> Quote:
    start = text.index(quoted)
    kind: QuoteKind = "direct"
    return Quote(
        doc_id, f"{doc_id}-q{n}", quoted, kind, ACTORS[speaker], cue, start, start + len(quoted)
    )


def _mentions(doc_id: str, text: str) -> Iterator[ActorMention]:
    for ref in ACTORS.values():
        for found in re.finditer(re.escape(ref.name), text):
            yield ActorMention(
                doc_id, ref.actor_id or ref.code, found.start(), found.end(), ref.code,
                ref.name, ref.code[:3], ref.code[3:] or None, producer=_PRODUCER,
            )  # fmt: skip


class _FakeCoder:
    """A stage that codes without a model: the text as the article, one event per document."""

    name = "communique.testing.fake_coder.v1"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("article", "events")

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Give each document its article and an event for its first sentence."""
        for document in batch:
            raw = document.raw
            text = re.sub(r"<[^>]+>", " ", raw.text) if raw.media_type == "html" else raw.text
            text = " ".join(text.split())
            article = Article(raw.id, text, raw.title, raw.published, raw.source, raw.url, "en")
            first = text.split(". ")[0]
            event = _event(raw.id, raw.published or "2024-08-01", text, 0, "RUS", "PRK", "042",
                           first, "asserted", "")  # fmt: skip
            yield dataclasses.replace(document, article=article, events=(event,))


def fake_pipeline(
    settings: Settings | None = None, context: RunContext = EMPTY_CONTEXT
) -> Pipeline:
    """A pipeline with one fake stage (see :class:`_FakeCoder`); its arguments are unused."""
    return Pipeline([_FakeCoder()])
