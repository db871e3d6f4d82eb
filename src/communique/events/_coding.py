"""Events: who did what to whom — PLOVER and CAMEO, with modality, attribution and evidence.

``code_events`` runs the dependency-pattern coder (``coder.py``) over each sentence, then
adds modality (``modality.py``), who says so (``attribution.py``), the event's date
(``dates.py``) and the ontology's Goldstein score and quad class (``ontology.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from communique.events._arguments import ActorIndex, object_of
from communique.events._content import content_leaf
from communique.events._recoding import REJECT_ROOT, as_said, kept_modality, threat_to_act
from communique.events._target_model import head_token, mentions_around
from communique.events._targets import REPORTING_VERBS, is_press
from communique.events.attribution import speaker_of
from communique.events.coder import ATTACK_NOUNS, DependencyCoder, Dyad, owed
from communique.events.dates import EventDate, date_of
from communique.events.decider import EventDecider, event_kind
from communique.events.lexicon import Lexicon, load_lexicon
from communique.events.ontology import Ontology, load_ontology
from communique.records import (
    ActorMention,
    ActorRef,
    Annotation,
    Article,
    Event,
    Quote,
    Span,
)
from communique.textview import TextView, child_with

PRODUCER = "communique.events.plover_rules.v1"
LEARNED_PRODUCER = "communique.events.learned.v1"


def code_events(
    article: Article,
    annotation: Annotation,
    actors: tuple[ActorMention, ...],
    lexicon: Lexicon | None = None,
    ontology: Ontology | None = None,
    quotes: tuple[Quote, ...] = (),
    decider: EventDecider | None = None,
) -> tuple[Event, ...]:
    """Code the events of one article.

    Args:
        article: The article (its date resolves relative event dates).
        annotation: Its parse.
        actors: The actor mentions found by the actor stage.
        lexicon: The event lexicon; the built-in one when omitted.
        ontology: The CAMEO/PLOVER ontology; the built-in one when omitted.
        quotes: The article's quotes; an event inside a direct quote is attributed to its
            speaker when the sentence names no one else.
        decider: The learned decision: the coder proposes candidates (every verb with an
            actor subject, every event noun) and the model gives each its code or drops
            it, with its probability as the confidence. The rules alone when None.

    Returns:
        The events in text order, one per dyad, historical events left out.
    """
    view = TextView(article.text, annotation)
    mentions = party_mentions(view, actors, quotes)
    index = ActorIndex(view, mentions)
    coder = DependencyCoder(view, index, lexicon or load_lexicon(), propose=decider is not None)
    ontology = ontology or load_ontology()
    day = _article_day(article)
    events: dict[tuple[object, ...], Event] = {}
    private = _private_tokens(view, actors)
    proposed = [
        [d for d in coder.code_sentence(s) if not _on_a_private_person(view, d, private)]
        for s in range(len(annotation.sentences))
    ]
    if decider is not None:  # one decision call for the whole article, then per sentence
        answers = _decided(view, ontology, decider, [d for ds in proposed for d in ds])
        proposed = [
            [d for d in itertools.islice(answers, len(ds)) if d is not None] for ds in proposed
        ]
    attacker: ActorMention | None = None  # who carried out the latest attack coded so far
    attacked_in = -ATTACK_REACH  # the sentence it was coded in
    for sentence, dyads in enumerate(proposed):
        kept_dyads = list(_kept(view, iter(dyads)))
        pairs = {
            (d.source.code, d.target.code, _final_root(view, d)) for d in kept_dyads if d.target
        }
        for kept in kept_dyads:
            recent = attacker if sentence - attacked_in <= ATTACK_REACH else None
            for dyad in _with_targets(view, decider, index, mentions, pairs, kept, recent):
                event = _event(article, view, index, ontology, dyad, day, quotes, coder.lexicon)
                if event is None:
                    continue
                if event.cameo[:2] in ATTACK_ROOTS or event.cameo == CLAIM_RESPONSIBILITY:
                    attacker, attacked_in = dyad.source, sentence  # who attacked, or says they did
                key = (sentence, event.source.actor_id, _ref_id(event.target), event.cameo[:2])
                events.setdefault(key, event)
    return tuple(sorted(events.values(), key=lambda e: (e.start, e.id)))


def _decided(
    view: TextView, ontology: Ontology, decider: EventDecider, dyads: list[Dyad]
) -> Iterator[Dyad | None]:
    """Each candidate with the model's code, PLOVER type and confidence; None for a
    candidate the model does not code (one answer per candidate, in order)."""
    for dyad, decision in zip(dyads, decider.decide(view, dyads), strict=True):
        if decision.cameo is None:
            yield None
            continue
        if dyad.target is None and decision.event < decider.one_sided_min:
            # A one-sided event needs the model's firm word that it is an event at all (its
            # probability against "no event", whichever root): most such candidates are not.
            yield None
            continue
        if _to_no_one(dyad) and _bare_saying(view, dyad) and decision.cameo[:2] != "01":
            # "Stoltenberg said that …" aimed at no one, or "a source told SANA", is at most a
            # statement: what was said is coded from its own words, not from "said"
            yield None
            continue
        if view.lemma(dyad.trigger) == "say" and decision.cameo[:2] not in SAYABLE_ROOTS:
            # "China's defence ministry said Iran and Russia will hold drills": saying is a
            # verbal act, what is said is coded from its own words (not a drill by China)
            yield None
            continue
        plover = ontology.to_plover(decision.cameo)
        same_code = dyad.entry.cameo == decision.cameo
        entry = dataclasses.replace(
            dyad.entry,
            cameo=decision.cameo,
            plover=plover[0] if plover else None,
            mode=dyad.entry.mode if same_code else (plover[1] if plover else None),
            modality=kept_modality(dyad.entry, decision.cameo),
        )
        reported = None if decision.reported is None else round(decision.reported, 2)
        yield dataclasses.replace(
            dyad, entry=entry, decided=round(decision.confidence, 2), reported=reported
        )


def _with_targets(
    view: TextView,
    decider: EventDecider | None,
    index: ActorIndex,
    mentions: Sequence[ActorMention],
    pairs: set[tuple[str, str, str]],
    kept: Dyad,
    attacker: ActorMention | None,
) -> list[Dyad]:
    """The dyad (read on the latest attacker when it names only the attack); a one-sided
    one with the target the learned head finds beside it, one dyad per actor coordinated
    with that target ("brought Sudanese and Ethiopian delegations together"), unless the
    sentence already has that event between the two, read by the rules; its reported
    confidence that of a dyadic event like it."""
    dyad = _on_the_attacker(view, kept, attacker)
    if dyad.target is not None or decider is None or decider.target_head is None:
        return [dyad]
    around = mentions_around(view, mentions, dyad)
    found = decider.target_head.choose(view, around, dyad)
    if found is None:
        return [dyad]
    allowed = {m.actor_id for m in around}
    coordinated = [index.at(k) for k in index.conjuncts(head_token(view, found))]
    targets = [found] + [
        m
        for m in coordinated
        if m is not None and m.actor_id in allowed and m.actor_id != found.actor_id
    ]
    codes = {target.code: target for target in reversed(targets)}  # one per code
    root = _final_root(view, dyad)
    targeted = [
        _targeted(decider, dyad, target)
        for target in targets
        if codes[target.code] is target and (dyad.source.code, target.code, root) not in pairs
    ]
    return targeted or [dyad]


def _targeted(decider: EventDecider, dyad: Dyad, target: ActorMention) -> Dyad:
    """The one-sided dyad given ``target``, reported as a dyadic event like it."""
    reported = dyad.reported
    if reported is not None:
        kinds = event_kind(dyad.source, None), event_kind(dyad.source, target)
        reported = round(decider.rekinded(reported, *kinds), 2)
    return dataclasses.replace(dyad, target=target, reported=reported)


# Roots a verb of saying can carry: statements, appeals, promises, consultation, support,
# demands, criticism, rejection and threats; not a material act (aid, force, a drill).
SAYABLE_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})


def _to_no_one(dyad: Dyad) -> bool:
    """Whether a candidate is aimed at no one, or only at the press it speaks through."""
    return dyad.target is None or is_press(dyad.target)


def _bare_saying(view: TextView, dyad: Dyad) -> bool:
    """Whether the candidate is a plain verb of saying the lexicon does not code."""
    return not dyad.entry.cameo and view.lemma(dyad.trigger) in REPORTING_VERBS


# Acts of force whose source "the attack" refers back to, and the reactions that take the
# attacker as their target when they name only the attack ("Pakistan condemned the attack").
ATTACK_ROOTS = frozenset({"18", "19", "20"})
REACTION_ROOTS = frozenset({"11", "12", "13"})
CLAIM_RESPONSIBILITY = "015"
ATTACK_REACH = 8  # sentences: an attack coded further back is another story's
ATTACK_WORDS = ATTACK_NOUNS | {
    "killing", "assassination", "shooting", "massacre", "invasion", "incursion"
}  # fmt: skip


def _on_the_attacker(view: TextView, dyad: Dyad, attacker: ActorMention | None) -> Dyad:
    """A reaction with no target whose object is an attack named before ("condemned the
    attack") acts on whoever carried that attack out, when the article coded it."""
    if dyad.target is not None or attacker is None or dyad.entry.cameo[:2] not in REACTION_ROOTS:
        return dyad
    codes = {attacker.code, dyad.source.code}
    if attacker.actor_id == dyad.source.actor_id or _one_country(codes):
        return dyad  # not on itself, nor a country on its own government (or the reverse)
    obj = next((c for c in view.children(dyad.trigger) if view.tokens[c].dep == "dobj"), None)
    if obj is None or view.lemma(obj) not in ATTACK_WORDS:
        return dyad
    if any(view.tokens[c].dep == "poss" or view.lemma(c) == "by" for c in view.children(obj)):
        return dyad  # "condemned Russia's attack", "the attack by Y": the phrase says whose
    return dataclasses.replace(dyad, target=attacker)


def _one_country(codes: set[str]) -> bool:
    """Whether the codes are one actor, or a country and an actor of that country."""
    return len(codes) == 1 or (
        any(len(code) == 3 for code in codes) and len({code[:3] for code in codes}) == 1
    )


# Links from a word to the act it announces ("threatened to sever", "a threat to impose"), and
# the roots under which the act, once coded, carries the announcement (a threat, an intent).
CARRYING_DEPS = frozenset({"xcomp", "ccomp", "acl"})
CARRIED_ROOTS = frozenset({"03", "13"})
INTENT_ROOT = "03"  # "hoped [to meet Kim]": an intent is carried by any act below it
# Appeals and demands, whose content (the act asked for, not done) is no event of its own.
ASKING_ROOTS = frozenset({"02", "10"})
# Nouns of asking whose infinitive names an act asked for, not done ("calls to release").
ASKING_NOUNS = frozenset(
    {"call", "appeal", "request", "demand", "plea", "suggestion", "pressure", "urging",
     "ultimatum"}
)  # fmt: skip
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself"})


def _kept(view: TextView, dyads: Iterator[Dyad]) -> Iterator[Dyad]:
    """Drop self-directed dyads, acts asked for, and untargeted dyads where the sentence has a
    targeted event (``_between_two``, ``_done``, ``_one_sided``)."""
    yield from _one_sided(view, _done(view, _between_two(view, dyads)))


def _between_two(view: TextView, dyads: Iterable[Dyad]) -> list[Dyad]:
    """Dyads between an actor and another one: "Russia's war … Russian troops" is no event
    between an actor and itself, nor is "pardoning himself" (whoever the pronoun was read
    as); "a bombing killed …": the attack, read as its own unnamed author, is not its act."""
    return [
        d
        for d in dyads
        if (d.target is None or d.target.code != d.source.code or _two_of_a_kind(d))
        and not d.source.start <= view.tokens[d.trigger].start < d.source.end
        and (d.target is None or view.text[d.target.start : d.target.end].lower() not in REFLEXIVES)
    ]


def _two_of_a_kind(dyad: Dyad) -> bool:
    """Whether source and target share a code but are two actors: two parties of one
    country or their members ("Republican senators accused Democratic senators"), or two
    people ("Schumer criticized McConnell": USALEG on USALEG)."""
    source, target = dyad.source, dyad.target
    assert target is not None
    if target.actor_id == source.actor_id:
        return False
    named = "/" in source.actor_id and "/" in target.actor_id  # people, parties' members
    return named or source.code[3:6] == "PTY"


def _done(view: TextView, found: list[Dyad]) -> list[Dyad]:
    """Drop the acts only asked for: what an appeal or demand coded on the verb above asks for
    (it has not happened, and the appeal's code already names it: "urged Russia to withdraw"
    is 0256), what someone must or should do ("the government must provide …"), and what a
    call, appeal or request asks for ("rejected appeals to release …")."""
    asked = {d.trigger for d in found if d.entry.cameo[:2] in ASKING_ROOTS}
    return [
        d
        for d in found
        if d.entry.cameo[:2] in ASKING_ROOTS
        or not (
            (view.tokens[d.trigger].dep in CARRYING_DEPS and view.tokens[d.trigger].head in asked)
            or _obliged(view, d.trigger)
            # not "rejected calls [to release the tanker]", read as the rejection itself
            or (_asked_by_noun(view, d.trigger) and d.entry.cameo[:2] != REJECT_ROOT)
        )
    ]


def _one_sided(view: TextView, found: list[Dyad]) -> list[Dyad]:
    """Untargeted dyads where the sentence has targeted ones.

    An event with no target ("Denmark accepted the formula") is kept beside the sentence's
    targeted events only when the learned decision is surer of it than of any of them: beside
    a dyad it is mostly a half-read duplicate, but not when the dyad is a weak reading of
    another word ("established diplomatic ties with and opened an embassy in Tehran"), and
    never when it is the verb that announces a targeted act below it coded as the same
    threat or intent ("threatened to sever ties with Bahrain" is one threat, coded on the act;
    "refused to meet" keeps its refusal beside whatever is read below it).
    """
    targeted = [d for d in found if d.target is not None]
    if not targeted:
        return found
    best = max(d.decided or 0.0 for d in targeted)
    carried = {  # "Iran threatened [to sever ties with Bahrain]": the act carries the threat
        (head, d.source.code, root)
        for d in targeted
        for head in _announcers(view, d.trigger)
        for root in {_final_root(view, d), INTENT_ROOT} & CARRIED_ROOTS
    }
    return [
        d
        for d in found
        if d.target is not None
        or (
            (d.decided or 0.0) > best
            and (d.trigger, d.source.code, d.entry.cameo[:2]) not in carried
        )
    ]


def _announcers(view: TextView, trigger: int) -> list[int]:
    """The words that announce the act at ``trigger``: the verb it is the clause of
    ("threatened [to sever ties]"), also through the verb an event noun is the object of
    ("wants [to hold talks]")."""
    token = view.tokens[trigger]
    if token.head == trigger:
        return []
    if token.dep in CARRYING_DEPS:
        return [token.head]
    verb = view.tokens[token.head]
    if token.dep == "dobj" and verb.dep in CARRYING_DEPS and verb.head != token.head:
        return [verb.head]
    return []


def _asked_by_noun(view: TextView, trigger: int) -> bool:
    """Whether the act at ``trigger`` is what a call, appeal or request asks for ("rejected
    calls to release", also when the parser hangs the infinitive on the verb)."""
    token = view.tokens[trigger]
    if token.head == trigger:
        return False
    if token.dep == "acl":
        return view.lemma(token.head) in ASKING_NOUNS
    return token.dep in {"advcl", "xcomp"} and any(
        view.tokens[c].dep == "dobj" and view.lemma(c) in ASKING_NOUNS
        for c in view.children(token.head)
        if c < trigger
    )


def _obliged(view: TextView, trigger: int) -> bool:
    """Whether the act at ``trigger`` is one someone must or should do ("Y must withdraw",
    "must ensure security and provide aid")."""
    token = view.tokens[trigger]
    return owed(view, trigger) or (token.dep == "conj" and owed(view, token.head))


def _final_root(view: TextView, dyad: Dyad) -> str:
    """The root a dyad is coded under once a threatened act is made the threat of it."""
    return "13" if threat_to_act(view, dyad.trigger, dyad.entry.cameo) else dyad.entry.cameo[:2]


def _event(
    article: Article,
    view: TextView,
    index: ActorIndex,
    ontology: Ontology,
    dyad: Dyad,
    day: date | None,
    quotes: tuple[Quote, ...],
    lexicon: Lexicon,
) -> Event | None:
    when = date_of(view, dyad.trigger, day)
    if when.is_historical(day):
        return None
    found = speaker_of(view, index, dyad.trigger, besides=dyad.source)
    foretold = found is not None and _another_party(found, dyad.source)
    entry, modality = as_said(view, ontology, dyad, future=_after(when, day), foretold=foretold)
    leaf = content_leaf(view, lexicon, dyad.trigger, entry.cameo)
    if leaf != entry.cameo:  # "urged Uganda to extradite …": an appeal for judicial help
        plover = ontology.to_plover(leaf)
        entry = dataclasses.replace(entry, cameo=leaf, mode=plover[1] if plover else None)
    code = ontology.cameo(entry.cameo)
    sentence = view.tokens[dyad.trigger].sentence
    span = annotation_span(view, sentence)
    speaker = _ref(found) if found else None
    speaker = speaker or _quote_speaker(quotes, view.tokens[dyad.trigger].start)
    source, target = _ref(dyad.source), _ref(dyad.target) if dyad.target else None
    key = f"{article.doc_id}|{dyad.trigger}|{source.actor_id}|{_ref_id(target)}|{entry.cameo}"
    return Event(
        doc_id=article.doc_id,
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        source=source,
        target=target,
        type=entry.plover or "",
        mode=entry.mode,
        cameo=entry.cameo,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        modality=modality,
        attributed_to=speaker if _claims(speaker, source) else None,
        date=when.iso(),
        sentence=sentence,
        start=span[0],
        end=span[1],
        evidence=article.text[span[0] : span[1]],
        confidence=_confidence(view, dyad) if dyad.decided is None else _reported(dyad),
        producer=PRODUCER if dyad.decided is None else LEARNED_PRODUCER,
        trigger=(view.tokens[dyad.trigger].start, view.tokens[dyad.trigger].end),
    )


# Codes of a sector with no country or organisation: "officials said", "reporters said".
BARE_SECTORS = frozenset(
    {
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SPY", "MED", "BUS",
        "CVL", "REF", "HRI", "ELI", "EDU", "HLH", "LAB", "UAF", "CRM", "REL", "SOC", "AGR",
        "ENV", "DEV", "IGO", "NGO",
    }
)  # fmt: skip


def _claims(speaker: ActorRef | None, source: ActorRef) -> bool:
    """Whether ``speaker`` is someone who claims the source's act: another actor, coded with
    a country or as an organisation (an unresolved "officials said" names no claimer), and not
    one coded like the source itself (its own government telling of its own act)."""
    if speaker is None or speaker.actor_id == source.actor_id or speaker.code == source.code:
        return False
    return speaker.code not in BARE_SECTORS


def _another_party(speaker: ActorMention, source: ActorMention) -> bool:
    """Whether a named claimer is a party other than the doer: of another country, or another
    body where either has none ("Iran will attack, the Pentagon said"), or of the same country
    but outside its executive, of another sector ("German troops would be withdrawn, a German
    lawmaker said"); not the executive telling of its state's act ("Iran will respond, Iran's
    foreign minister said", "troops will leave, the defence minister said")."""
    if speaker.code in BARE_SECTORS:
        return False
    if not (speaker.country and source.country):
        return speaker.code[:3] != source.code[:3]
    if speaker.country != source.country:
        return True
    return speaker.sector not in EXECUTIVE and speaker.sector != source.sector


# Sectors that speak for a country's state (None: the country itself).
EXECUTIVE = frozenset({None, "GOV", "MIL", "COP", "SPY"})


def _reported(dyad: Dyad) -> float:
    """The learned decision's confidence as reported: its reliability when the model has one."""
    return dyad.reported if dyad.reported is not None else dyad.decided or 0.0


def _after(when: EventDate, day: date | None) -> bool:
    """Whether the text dates the event after the article's day."""
    return when.stated and day is not None and when.day is not None and when.day > day


# Who speaks in a direct quote: "We will never accept sanctions," the minister said.
FIRST_PERSONS = frozenset({"i", "we", "me", "us"})


def party_mentions(
    view: TextView, actors: tuple[ActorMention, ...], quotes: tuple[Quote, ...]
) -> tuple[ActorMention, ...]:
    """The mentions events are coded between: the actor stage's, less people nothing
    identifies beyond their name (too vague to be a party: on the article dev set's tune
    half their events were mostly private quarrels), and "I" and "we" in direct quotes."""
    actors = tuple(m for m in actors if not m.unidentified)
    return actors + quoted_first_persons(view, actors, quotes)


def quoted_first_persons(
    view: TextView, actors: tuple[ActorMention, ...], quotes: tuple[Quote, ...]
) -> tuple[ActorMention, ...]:
    """ "I" and "we" inside a direct quote stand for its speaker: one mention of the
    speaker's actor for each such pronoun ("'We condemn the attack,' Iran's foreign minister
    said" → IRNGOV condemns)."""
    by_id = {m.actor_id: m for m in actors}
    taken = {i for m in actors for i in range(m.start, m.end)}
    found = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker.actor_id or "") if quote.speaker else None
        if quote.kind != "direct" or speaker is None:
            continue
        for k in range(view.token_at(quote.start), len(view)):
            token = view.tokens[k]
            if token.start >= quote.end:
                break
            if view.words[k].lower() in FIRST_PERSONS and token.start not in taken:
                end = token.start + len(view.words[k])
                found.append(dataclasses.replace(speaker, start=token.start, end=end))
    return tuple(found)


def _private_tokens(view: TextView, actors: Sequence[ActorMention]) -> set[int]:
    """The tokens of the private persons the text names (no party to an event)."""
    return {
        k
        for m in actors
        if m.unidentified
        for k in range(*view.entity_tokens(Span(m.start, m.end)))
    }


def _on_a_private_person(view: TextView, dyad: Dyad, private: set[int]) -> bool:
    """Whether a candidate with no target is a verb's act on a private person ("prosecutors
    indicted Jane Roe"): no one-sided event of its source's (its target is no party)."""
    if dyad.target is not None or not private or view.tokens[dyad.trigger].pos != "VERB":
        return False
    done_to = object_of(view, dyad.trigger), child_with(view, dyad.trigger, {"nsubjpass"})
    return any(k in private for k in done_to if k is not None)


def _quote_speaker(quotes: tuple[Quote, ...], char: int) -> ActorRef | None:
    """The speaker of the direct quote that contains character ``char``, if any."""
    for quote in quotes:
        if quote.kind == "direct" and quote.start <= char < quote.end and quote.speaker:
            return quote.speaker
    return None


def annotation_span(view: TextView, sentence: int) -> tuple[int, int]:
    """Character span of a sentence."""
    span = view.annotation.sentences[sentence]
    return span.start, span.end


def _confidence(view: TextView, dyad: Dyad) -> float:
    score = 0.9
    if dyad.inherited:
        score -= 0.2
    if view.tokens[dyad.trigger].pos == "NOUN":
        score -= 0.1
    if dyad.target is None:
        score -= 0.1
    return round(score, 2)


def _ref(mention: ActorMention) -> ActorRef:
    return ActorRef(code=mention.code, name=mention.name, actor_id=mention.actor_id)


def _ref_id(ref: ActorRef | None) -> str | None:
    return None if ref is None else ref.actor_id


def _article_day(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published[:10]) if article.published else None
    except ValueError:
        return None
