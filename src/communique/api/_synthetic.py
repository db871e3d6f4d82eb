"""Synthetic coded documents for the API benchmark: varied, deterministic, no model needed.

Each article reports 2 to 5 events between a dozen actors over five years, in sentences
whose spans the events, quotes and actor mentions point to; three in five carry a direct
quote. Texts differ (a number and random words per sentence), so the store's
near-duplicate detection keeps them apart as it would real news.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from communique.records import (
    ActorMention,
    ActorRef,
    Article,
    CodedDocument,
    Event,
    Modality,
    Quote,
    RawDocument,
)

PRODUCER = "communique.bench.synthetic.v1"
ACTORS = (
    ActorRef("RUSGOV", "Russia", "rus"),
    ActorRef("PRKGOV", "North Korea", "prk"),
    ActorRef("USAGOV", "United States", "usa"),
    ActorRef("CHNGOV", "China", "chn"),
    ActorRef("UKRMIL", "Ukrainian army", "ukr-mil"),
    ActorRef("RUSMIL", "Russian army", "rus-mil"),
    ActorRef("KORGOV", "South Korea", "kor"),
    ActorRef("JPNGOV", "Japan", "jpn"),
    ActorRef("FRAGOV", "France", "fra"),
    ActorRef("DEUGOV", "Germany", "deu"),
    ActorRef("IGOWSTNAT", "NATO", "nato"),
    ActorRef("IGOEUREEC", "European Union", "eu"),
)
# CAMEO code: PLOVER type, mode, quad class, Goldstein, and the verb the sentence uses.
CODES = {
    "042": ("CONSULT", "visit", 1, 1.9, "visited"),
    "057": ("SUPPORT", None, 1, 8.0, "signed a pact with"),
    "030": ("AGREE", None, 1, 4.0, "agreed to cooperate with"),
    "073": ("AID", "humanitarian", 2, 7.4, "sent aid to"),
    "111": ("ACCUSE", "disapprove", 3, -2.0, "accused"),
    "138": ("THREATEN", "violence", 3, -7.0, "threatened"),
    "163": ("COERCE", "restrict", 4, -8.0, "imposed sanctions on"),
    "190": ("ASSAULT", None, 4, -10.0, "shelled positions of"),
}
FIRST_DAY, DAYS = date(2020, 1, 1), 5 * 365
_MODALITIES: tuple[Modality, ...] = ("asserted", "possible", "intended", "negated")
_WORDS = (
    "officials", "talks", "border", "troops", "minister", "warned", "aid", "ceasefire",
    "summit", "envoy", "trade", "port", "grain", "missile", "drill", "shipment", "sanctions",
)  # fmt: skip


def synthetic_documents(count: int, seed: int = 7) -> list[CodedDocument]:
    """``count`` coded documents (ids ``bench-000000``…), the same for the same seed."""
    rng = random.Random(seed)
    return [_document(rng, f"bench-{n:06d}") for n in range(count)]


def _document(rng: random.Random, doc_id: str) -> CodedDocument:
    day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    sentences: list[str] = []
    events: list[Event] = []
    mentions: list[tuple[ActorRef, int]] = []
    offset = 0
    for n in range(rng.randint(2, 5)):
        source, target = rng.sample(ACTORS, 2)
        code = rng.choice(list(CODES))
        plover, mode, quad_class, goldstein, verb = CODES[code]
        words = f"on day {rng.randrange(10**6)}, {_words(rng, 4, 12)}"
        sentence = f"{source.name} {verb} {target.name} {words}."
        modality = rng.choices(_MODALITIES, (85, 6, 5, 4))[0]
        end = offset + len(sentence)
        events.append(
            Event(doc_id, f"{doc_id}-e{n}", source, target, plover, mode, code, quad_class,
                  goldstein, modality, None, day, n, offset, end, sentence,
                  round(rng.uniform(0.5, 1.0), 3), PRODUCER)
        )  # fmt: skip
        mentions += [(source, offset), (target, offset + len(source.name) + len(verb) + 2)]
        sentences.append(sentence)
        offset = end + 1
    quotes: list[Quote] = []
    if rng.random() < 0.6:
        speaker, said = rng.choice(ACTORS), _words(rng, 6, 10).capitalize()
        start = offset + 1
        quotes.append(
            Quote(doc_id, f"{doc_id}-q0", said, "direct", speaker, "said", start,
                  start + len(said), PRODUCER)
        )  # fmt: skip
        mentions.append((speaker, start + len(said) + 3))
        sentences.append(f'"{said}," {speaker.name} said.')
    text = " ".join(sentences)
    title = events[0].evidence.split(" on day")[0]  # "Russia visited North Korea"
    source_name = f"Outlet {rng.randrange(40)}"
    raw = RawDocument(doc_id, f"bench/{doc_id}.txt", text.encode(), text, "text",
                      title=title, published=day, source=source_name)  # fmt: skip
    article = Article(doc_id, text, title, day, source_name, language="en", producer=PRODUCER)
    actors = tuple(
        ActorMention(doc_id, ref.actor_id or ref.code, start, start + len(ref.name), ref.code,
                     ref.name, ref.code[:3], ref.code[3:] or None, producer=PRODUCER)
        for ref, start in mentions
    )  # fmt: skip
    return CodedDocument(raw, article, actors=actors, events=tuple(events), quotes=tuple(quotes))


def _words(rng: random.Random, least: int, most: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(least, most)))
