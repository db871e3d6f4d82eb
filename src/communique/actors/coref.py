"""Light coreference inside one document: pronouns, bracketed clarifications, surnames.

* a personal pronoun ("he", "his", "she") is the nearest person before it — except a
  possessive in a fronted phrase ("During his visit …, Putin promised"), which is the
  subject that follows it in the same sentence, and a subject pronoun that opens a new
  sentence, which continues the subject person of the sentence before ("Putin met Kim. He
  promised …" is Putin);
* "it", "its", "they", "their" are the nearest country or organisation before them, and a
  bracketed clarification wins ("They [China] cannot …");
* a later surname or full name is the person named before (handled where names are read);
* "its forces", "their army": a sector noun owned by a country's or a body's pronoun is that
  country's, and an armed group's own fighters are the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from communique.actors._binding import REFLEXIVE_PRONOUNS, clause_subject
from communique.actors._found import Actor, Found
from communique.actors._words import (
    ARMED_SECTORS,
    FORCE_MOVING_VERBS,
    GROUP_PREFIX,
    WHERE_PREPOSITIONS,
)
from communique.actors.roles import ROLE_HEADS
from communique.gender import Gender, agrees, name_gender
from communique.records import PERSON_ID_PREFIX, PLACE_ID_PREFIX, Token
from communique.speech import SUBJECT_DEPS
from communique.textview import TextView, child_with, heads_subject, span_head

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "theirs"})
AUTHORED_NOUNS = frozenset({"statement", "commentary", "editorial", "communique", "message"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
MAX_CONTROL_STEPS = 4  # infinitives climbed from a possessive to the subject it belongs to
# Sectors of a state's own offices: an officeholder's "her government", "his army".
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP"})
# People in public life, whose "fellow citizens" or "people" are their country's.
PUBLIC_SECTORS = STATE_SECTORS | {"ELI", "LEG", "OPP", "PTY", "JUD"}
# Verbs by which an armed group moves forces of its own ("the militia deployed its fighters").
OWN_FORCE_VERBS = FORCE_MOVING_VERBS | {"move", "position"}
# Sectors of men under arms, whose "fighters" or "forces" an armed group's "its" means itself.
FIGHTING_SECTORS = ARMED_SECTORS | {"MIL"}
# Verbs whose subject "it" is impersonal: "when it comes to", "it seems", "it takes".
IMPERSONAL_VERBS = frozenset({"come", "seem", "appear", "take", "rain", "matter", "happen"})
# Singular title heads that name one person when no name follows ("the minister said");
# "head", "member" and "general" are also other words.
TITLED_PEOPLE = ROLE_HEADS - {"head", "member", "general", "justice", "chair", "lady"}
# Verbs whose subject "it" is mostly an expletive even with no other subject in view.
EXPLETIVE_VERBS = IMPERSONAL_VERBS | frozenset(
    {
        "be",
        "remain",
        "become",
        "look",
        "sound",
        "make",
        "cost",
        "mean",
        "help",
        "turn",
        "follow",
        "occur",
        "emerge",
        "depend",
        "feel",
        "begin",
        "start",
        "get",
        "go",
        "stand",
    }
)
# How far back (in sentences) a pronoun may look for its antecedent.
MAX_SENTENCES_BACK = 4


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A mention a pronoun can point to: its token span and the actor key."""

    start: int
    end: int
    key: str
    is_person: bool
    gender: Gender | None = None  # what the person's name or title says, if anything

    @property
    def titled(self) -> bool:
        """A person named only by a title: "he" continues it, and "it" its body."""
        return self.is_person and not self.key.startswith(PERSON_ID_PREFIX)


def stands_for_person(view: TextView, start: int, end: int, actor: Actor) -> bool:
    """Whether the mention ``[start, end)`` names one person: a person of the knowledge base or
    the text, or a singular title with no name whose country we know ("Iran's foreign
    minister"), which a later "he" or "she" continues ("… arrived in Moscow. He met Putin").
    A title with no country ("the president" with no country near) is left to the people
    named around it."""
    if actor.key.startswith(PERSON_ID_PREFIX):
        return True
    head = view.tokens[end - 1]
    return bool(actor.country) and head.tag == "NN" and view.lemmas[end - 1] in TITLED_PEOPLE


# Pronouns that stand for one thing, never for a plural common noun ("troops", "rebels").
SINGULAR_PRONOUNS = frozenset({"it", "its"})
# A place after these is where something is, and "they" after it stands for who is there.
WHERE_OR_NEAR = WHERE_PREPOSITIONS | {"near"}


# The key of a person the text names whom no actor codes ("Jamal Khashoggi"): a pronoun
# that stands for them stands for no actor, rather than for a coded person named before.
UNCODED_PERSON = PERSON_ID_PREFIX


def resolve_pronoun(
    view: TextView, i: int, antecedents: Sequence[Antecedent], bracketed: str | None
) -> str | None:
    """Return the actor key pronoun token ``i`` refers to, or ``None`` (also when it stands
    for a person no actor codes: an antecedent keyed ``UNCODED_PERSON``)."""
    key = _resolve(view, i, antecedents, bracketed)
    return None if key == UNCODED_PERSON else key


def uncoded_people(view: TextView, found: Sequence[Found]) -> list[Antecedent]:
    """The people the parser names that no mention in ``found`` covers, as antecedents that
    stand for no actor ("Jamal Khashoggi … He entered the consulate": not the coded person
    named before him)."""
    covered = {k for f in found for k in range(f.start, f.end)}
    people: list[Antecedent] = []
    surnames: set[str] = set()  # of people named in full so far
    for entity in view.annotation.entities:
        start, end = view.entity_tokens(entity)
        if entity.label != "PERSON" or covered.intersection(range(start, end)):
            continue
        if start in view.quoted or view.phrase(start, end).isupper():
            continue  # quoted, or a headline in capitals ("MAY EYES BREXIT SOON")
        if any(view.words[k][:1].islower() for k in range(start, end)):
            continue  # "pro-Brexit": no name
        if end - start == 1 and view.words[start] not in surnames:
            continue  # one word is a person's only as the surname of a name ("Brexit" is not)
        surnames.add(view.words[end - 1])
        gender = name_gender(view.phrase(start, end), view.words[max(0, start - 3) : start])
        people.append(Antecedent(start, end, UNCODED_PERSON, True, gender))
    return people


def _resolve(
    view: TextView, i: int, antecedents: Sequence[Antecedent], bracketed: str | None
) -> str | None:
    """Return the actor key pronoun token ``i`` refers to, or ``None``.

    Args:
        view: The article's words and parse.
        i: Token index of the pronoun.
        antecedents: Every actor mention of the document, in token order.
        bracketed: The actor key of a clarification in brackets right after the pronoun.
    """
    word = view.words[i].lower()
    if bracketed is not None:
        return bracketed
    wants_person = word in PERSON_PRONOUNS
    if not wants_person and word not in GROUP_PRONOUNS:
        return None
    if i not in view.quoted:
        # Whom a quotation names is not who speaks it: in "'We will work with Macron,' she
        # said" she is not Macron.
        antecedents = [a for a in antecedents if a.start not in view.quoted]
    if wants_person:  # "she" is no man ("Boris Johnson met Theresa May. She said …")
        antecedents = [a for a in antecedents if agrees(word, a.gender)]
    mate = clause_subject(view, i)
    if mate is not None:  # "the president thanked him": not the president; "himself": him
        mates = _standing_for(view, mate, antecedents)
        if word in REFLEXIVE_PRONOUNS:
            return next((a.key for a in mates), None)
        antecedents = [a for a in antecedents if not _same(a, mates)]
    if wants_person and word in POSSESSIVE_PRONOUNS:
        forward = _cataphora(view, i, antecedents)
        if forward is not None:
            return forward
    if word == "it" and view.tokens[view.tokens[i].head].lemma in IMPERSONAL_VERBS:
        return None
    if word == "it" or (i + 1 < len(view) and view.words[i + 1].lower() == "own"):
        subject = _clause_subject(view, i, antecedents, wants_person)
        if subject is None and word == "it" and _acting_it(view, i):
            subject = _earlier_subject(view, i, antecedents, wants_person=False)
        return subject
    if not wants_person:
        owner = _possessor_subject(view, i, antecedents) if word in POSSESSIVE_PRONOUNS else None
        nearest = _nearest_before(view, i, antecedents, wants_person, max_back=0)
        return (
            owner
            or nearest
            or _plural_subject(view, i, antecedents)  # "they"
            or _opening_its(view, i, antecedents)  # "its"
        )
    if view.tokens[i].dep in {"nsubj", "nsubjpass"}:
        fronted = _fronted_clause_subject(view, i, antecedents) or _subject_of_fronted_clause(
            view, i, antecedents
        )
        if fronted is not None:
            return fronted
        subject = _governing_subject(view, i, antecedents) or _earlier_subject(view, i, antecedents)
        if subject is not None:
            return subject
    return _nearest_before(view, i, antecedents, wants_person)


def _standing_for(view: TextView, k: int, antecedents: Sequence[Antecedent]) -> list[Antecedent]:
    """The antecedents token ``k`` is: the mention it lies in, or, for a pronoun before it,
    the mentions of whom that pronoun stands for."""
    inside = [a for a in antecedents if a.start <= k < a.end]
    if inside or view.tokens[k].pos != "PRON":
        return inside
    key = _resolve(view, k, antecedents, None)
    return [a for a in antecedents if a.key == key] if key is not None else []


def _same(antecedent: Antecedent, mates: Sequence[Antecedent]) -> bool:
    """Whether an antecedent is one of ``mates``: the same actor, or for people no actor
    codes (who share one key) the same words."""
    if antecedent.key != UNCODED_PERSON:
        return any(m.key == antecedent.key for m in mates)
    return any(m.start == antecedent.start for m in mates)


def _possessor_subject(view: TextView, i: int, antecedents: Sequence[Antecedent]) -> str | None:
    """ "its"/"their" on the object or subject of a verb is that verb's own subject when it is
    a country or organisation, through infinitives it governs ("Israel … as it looks to expand
    its links": Israel, not India named between), or the object an infinitive is asked of
    ("urged Ukraine to withdraw its troops": Ukraine). None when the clause has no such
    subject (the nearest country before then)."""
    tokens = view.tokens
    noun = tokens[i].head
    if tokens[i].dep != "poss" or tokens[noun].dep not in {"dobj", "nsubj", "nsubjpass"}:
        return None
    keys = {a.end - 1: a.key for a in antecedents if not a.is_person and a.end <= i}
    verb = tokens[noun].head
    for _ in range(MAX_CONTROL_STEPS):
        subject = next(
            (c for c in view.children(verb) if tokens[c].dep in {"nsubj", "nsubjpass"}), None
        )
        if subject is not None and subject != noun:
            if subject in keys:
                return keys[subject]
            if view.words[subject].lower() in {"it", "they"} and subject < i:
                return resolve_pronoun(view, subject, antecedents, None)
            return None
        if tokens[verb].dep != "xcomp":
            return None
        governor = tokens[verb].head
        obj = child_with(view, governor, {"dobj"})
        if obj is not None:
            return keys.get(obj)
        verb = governor
    return None


def _fronted_clause_subject(
    view: TextView, i: int, antecedents: Sequence[Antecedent]
) -> str | None:
    """A subject "he"/"she" of a clause fronted before its sentence's subject is that
    subject: in "After he met Kono in Tokyo, Pompeo said …" he is Pompeo."""
    tokens = view.tokens
    verb = tokens[i].head
    if tokens[verb].dep != "advcl":
        return None
    main = tokens[verb].head
    subject = child_with(view, main, {"nsubj"})
    if subject is None or subject < verb:
        return None
    return next(
        (a.key for a in antecedents if a.is_person and a.start > i and a.end - 1 == subject), None
    )


def _subject_of_fronted_clause(
    view: TextView, i: int, antecedents: Sequence[Antecedent]
) -> str | None:
    """A subject "he"/"she" after a clause fronted before it is that clause's subject, not
    whom it named last: in "After Pompeo met Kono in Tokyo, he flew to Seoul" he is Pompeo."""
    tokens = view.tokens
    heads = {a.end - 1: a.key for a in antecedents if a.is_person and a.end <= i}
    for clause in view.children(tokens[i].head):
        if tokens[clause].dep != "advcl" or clause > i:
            continue
        subject = child_with(view, clause, {"nsubj"})
        if subject in heads:
            return heads[subject]
    return None


def _governing_subject(view: TextView, i: int, antecedents: Sequence[Antecedent]) -> str | None:
    """A subject "he"/"she" in a clause under a verb whose subject is a person is that person,
    not whoever was named between: "May failed to convince Macron that she had a plan" is May,
    "Trump told Abe that he would visit" is Trump. A relative clause is its noun's ("thanked
    Putin, who said he would help")."""
    tokens = view.tokens
    heads = {a.end - 1: a.key for a in antecedents if a.is_person and a.end <= i}
    verb, seen = tokens[i].head, 0
    while tokens[verb].head != verb and tokens[verb].dep not in {"relcl", "acl"} and seen < 6:
        verb, seen = tokens[verb].head, seen + 1
        subject = next(
            (c for c in view.children(verb) if tokens[c].dep == "nsubj" and c in heads), None
        )
        if subject is not None:
            return heads[subject]
    return None


def _earlier_subject(
    view: TextView, i: int, antecedents: Sequence[Antecedent], wants_person: bool = True
) -> str | None:
    """A subject "he"/"she" with no person before it in its own sentence continues the
    person who was the subject of the sentence before: "Putin met Kim. He promised …" is
    Putin. None when that sentence has no person as its subject (the nearest person then).
    A subject "it" continues a country or body, only from the sentence right before ("North
    Korea fired two missiles. It also threatened …")."""
    tokens = view.tokens
    sentence = tokens[i].sentence
    earlier = [a for a in antecedents if a.is_person == wants_person and a.end <= i]
    if not earlier or tokens[earlier[-1].start].sentence == sentence:
        return None
    previous = tokens[earlier[-1].start].sentence
    if not wants_person and (previous != sentence - 1 or _singular_thing(view, previous)):
        return None
    for candidate in earlier:
        head = tokens[candidate.end - 1]
        if head.sentence == previous and heads_subject(view, candidate.end - 1):
            return candidate.key
    return None


def _plural_subject(view: TextView, i: int, antecedents: Sequence[Antecedent]) -> str | None:
    """A subject "they" that opens its sentence, outside quotes, continues the subject of the
    sentence before when that is a plural noun or a group, not a country: "Prosecutors
    questioned the banker. They were investigating …", "Democrats watch the talks. They want
    …" (a country's "they" is mostly its people or officials)."""
    tokens = view.tokens
    if view.words[i].lower() != "they" or tokens[i].dep not in {"nsubj", "nsubjpass"}:
        return None
    sentence = tokens[i].sentence
    if not _opens_its_sentence(view, i):
        return None
    for candidate in antecedents:
        k = span_head(view, candidate.start, candidate.end)
        head = tokens[k]  # "Families in Gaza": its head word, not the place
        if head.sentence != sentence - 1 or not heads_subject(view, k):
            continue
        plural = head.tag in {"NNS", "NNPS"} or candidate.key.startswith(GROUP_PREFIX)
        country = head.tag == "NNPS" and len(candidate.key) == 3  # "the United States"
        return candidate.key if plural and not country and not candidate.is_person else None
    return None


def _opening_its(view: TextView, i: int, antecedents: Sequence[Antecedent]) -> str | None:
    """An "its" on the subject that opens its sentence, with no country or body before it
    there and outside quotes, is the subject of the sentence before, as "it" is: "Hamas
    fired rockets. Its fighters also …" ("On its website, the office …" looks ahead)."""
    tokens = view.tokens
    if view.words[i].lower() != "its" or tokens[tokens[i].head].dep not in SUBJECT_DEPS:
        return None
    if not _opens_its_sentence(view, i):
        return None
    return _earlier_subject(view, i, antecedents, wants_person=False)


def _opens_its_sentence(view: TextView, i: int) -> bool:
    """Whether token ``i`` lies outside quotes with no subject before it in its sentence: a
    pronoun there continues the sentence before ("They …", "Its fighters …")."""
    if i in view.quoted:
        return False
    opening = range(view.sentence_range(view.tokens[i].sentence).start, i)
    return not any(view.tokens[k].dep in SUBJECT_DEPS for k in opening)


def _singular_thing(view: TextView, sentence: int) -> bool:
    """Whether sentence ``sentence`` has a singular common noun as an object, which a later
    "it" may mean as well as the subject ("Britain agreed a draft deal. It offers …"); not a
    text whose words are its author's ("KCNA ran a commentary. It called …": KCNA)."""
    return any(
        view.tokens[k].tag == "NN"
        and view.tokens[k].dep in {"dobj", "attr"}
        and view.lemma(k) not in AUTHORED_NOUNS
        for k in view.sentence_range(sentence)
    )


def _acting_it(view: TextView, i: int) -> bool:
    """Whether "it" at token ``i`` is the subject of a verb that something does ("It also
    threatened …"), not an expletive ("It is unclear", "It emerged that", "It takes time")."""
    token = view.tokens[i]
    if token.dep != "nsubj":
        return False
    verb = view.tokens[token.head]
    return verb.pos == "VERB" and verb.lemma.lower() not in EXPLETIVE_VERBS


def _clause_subject(
    view: TextView, i: int, antecedents: Sequence[Antecedent], wants_person: bool
) -> str | None:
    """ "it" and "its own" stand for a subject earlier in the same sentence, or for nothing.

    "Russia said it would respond" and "Moscow promised Pyongyang its own technologies";
    an "it" with no such subject is mostly impersonal ("when it comes to", "it has to be").
    With no actor as a subject and no thing either, an object made to act stands for it
    ("That led Israel to respond: it struck …").
    """
    sentence = view.tokens[i].sentence
    made_to_act = None  # the nearest object made to act, for when no actor is a subject
    for candidate in reversed(antecedents):
        head = view.tokens[candidate.end - 1]
        if candidate.end > i or head.sentence != sentence:
            continue
        if candidate.is_person != wants_person and not candidate.titled:
            continue
        if head.dep in {"nsubj", "nsubjpass"}:
            return candidate.key
        if made_to_act is None and candidate.is_person == wants_person and _made_to_act(view, head):
            made_to_act = candidate.key  # "That led Israel to respond: it struck …" is Israel
    return made_to_act


def _made_to_act(view: TextView, head: Token) -> bool:
    """Whether a mention's head is the object of a verb that makes it do what an infinitive
    names ("led Israel to respond"), when no thing is that verb's subject."""
    return (
        head.dep == "dobj"
        and any(_infinitive(view, c) for c in view.children(head.head))
        and not _thing_subject(view, head.head)
    )


def _thing_subject(view: TextView, verb: int) -> bool:
    """Whether verb ``verb`` has a noun as its subject, a thing "it" may mean as well ("The
    deal allows Iran to enrich uranium, but it expires in 2030"): not a pronoun ("That")."""
    return any(
        view.tokens[c].dep in {"nsubj", "nsubjpass"} and view.tokens[c].pos in {"NOUN", "PROPN"}
        for c in view.children(verb)
    )


def _infinitive(view: TextView, i: int) -> bool:
    """Whether token ``i`` is a "to" infinitive clause of its head (xcomp, or an advcl)."""
    token = view.tokens[i]
    if token.dep == "xcomp":
        return True
    return token.dep == "advcl" and any(
        view.tokens[c].dep == "aux" and view.words[c].lower() == "to" for c in view.children(i)
    )


def _nearest_before(
    view: TextView,
    i: int,
    antecedents: Sequence[Antecedent],
    wants_person: bool,
    max_back: int = MAX_SENTENCES_BACK,
) -> str | None:
    # "they" and "their" look no further than their own sentence: across sentences they
    # mostly mean people ("Families have lost everything. They need shelter").
    sentence = view.tokens[i].sentence
    singular = view.words[i].lower() in SINGULAR_PRONOUNS
    for candidate in reversed(antecedents):
        if candidate.end > i or candidate.is_person != wants_person:
            continue
        if sentence - view.tokens[candidate.start].sentence > max_back:
            return None
        if singular and view.tokens[candidate.end - 1].tag == "NNS":
            continue  # "sending troops to its border": "its" is no plural noun's
        if not singular and _named_place(view, candidate):
            continue  # "troops based in Syria, where they are fighting": the troops
        return candidate.key
    return None


def _named_place(view: TextView, candidate: Antecedent) -> bool:
    """Whether an antecedent is a country or place named as where something is ("troops based
    in Syria, where they are fighting"): "they" stands for who is there, not for the place
    ("Pakistan says they will not allow …" is still Pakistan's)."""
    head = view.tokens[candidate.end - 1]
    bare = len(candidate.key) == 3 and candidate.key.isupper()
    return (
        (bare or candidate.key.startswith(PLACE_ID_PREFIX))
        and head.tag == "NNP"
        and head.dep == "pobj"
        and view.words[head.head].lower() in WHERE_OR_NEAR
    )


def _cataphora(view: TextView, i: int, antecedents: Sequence[Antecedent]) -> str | None:
    """A possessive in a phrase fronted before its clause's subject refers to that subject."""
    tokens = view.tokens
    sentence = tokens[i].sentence
    for candidate in antecedents:
        if not candidate.is_person or candidate.start <= i:
            continue
        if tokens[candidate.start].sentence != sentence:
            return None
        head = candidate.end - 1
        if tokens[head].dep in {"nsubj", "nsubjpass"} and _comma_between(view, i, candidate.start):
            return candidate.key
        return None
    return None


def _comma_between(view: TextView, first: int, last: int) -> bool:
    return "," in view.words[first:last]


def bracketed_after(view: TextView, i: int) -> tuple[int, int] | None:
    """Token span of the content of "[…]" or "(…)" right after token ``i``, if any."""
    if i + 1 >= len(view) or view.words[i + 1] not in {"[", "("}:
        return None
    close = "]" if view.words[i + 1] == "[" else ")"
    for k in range(i + 2, min(i + 8, len(view))):
        if view.words[k] == close:
            return (i + 2, k) if k > i + 2 else None
    return None


def owned_by_pronoun(view: TextView, found: Sequence[Found]) -> list[Found]:
    """Mentions with the owner a possessive pronoun gives their sector ("Russia has
    strengthened its forces": "forces" → RUSMIL when "its" is Russia).

    ``found`` are the document's mentions in text order, pronouns resolved; a sector noun
    whose owner is "its" or "their" standing for a country takes that country, and for a
    body of a country that country too ("the Syrian government … its forces" → SYRMIL); an
    armed group's own fighters or forces are the group ("Hamas … its fighters"). The
    country the article is about yields to such an owner; a country written in the phrase
    does not. A state office owned by an officeholder's "his" or "her" takes the
    officeholder's country ("Julie Bishop said her government" → AUSGOV). Everything else is
    returned unchanged.
    """
    pronouns = {f.start: f.actor for f in found if f.end - f.start == 1}
    keys = {f.end - 1: f.actor.key for f in found}
    result = []
    for mention in found:
        actor, sector = mention.actor, mention.actor.sector
        if sector is not None and not actor.members and _unwritten_country(view, mention):
            owned = _possessive_owner(view, mention.end - 1, pronouns, sector)
            if isinstance(owned, Actor):
                acting = _acting_on(view, mention.end - 1)
                if acting is None or keys.get(acting) != owned.key:
                    actor = replace(owned, name=actor.name)  # the group, named as written
            elif owned is not None and owned != actor.country:
                code = owned + sector
                actor = replace(actor, key=code, code=code, country=owned)
        result.append(mention if actor is mention.actor else replace(mention, actor=actor))
    return result


def _acting_on(view: TextView, head: int) -> int | None:
    """The subject of the verb whose object the noun at ``head`` is: in "the army attacked
    their fighters" "their" is not the army's ("its own" would be), unlike in "the militia
    moved its fighters", which moves forces of its own."""
    tokens = view.tokens
    verb = tokens[head].head
    if tokens[head].dep != "dobj" or view.lemma(verb) in OWN_FORCE_VERBS:
        return None
    return child_with(view, verb, {"nsubj"})


def _unwritten_country(view: TextView, mention: Found) -> bool:
    """Whether a sector mention has no country of its own, or one no word of it names (the
    article's or its sentence's country, given to "the army" or "its forces")."""
    if mention.actor.country is None:
        return True
    return not any(view.is_capitalised(k) for k in range(mention.start, mention.end - 1))


def _possessive_owner(
    view: TextView, head: int, pronouns: dict[int, Actor], sector: str
) -> Actor | str | None:
    """The owner a possessive pronoun on the sector noun at ``head`` stands for: an armed
    group itself, or the country whose the noun is; None when it gives none."""
    for child in view.children(head):
        word = view.words[child].lower()
        if view.tokens[child].dep != "poss" or word not in POSSESSIVE_PRONOUNS:
            continue
        owner = pronouns.get(child)
        if owner is None or not owner.country:
            continue
        if word in GROUP_PRONOUNS and owner.code == owner.country:
            return owner.country  # a country, not a person or an organisation
        if word in GROUP_PRONOUNS and not owner.key.startswith(PERSON_ID_PREFIX):
            if {owner.sector, sector} <= FIGHTING_SECTORS:
                return owner  # "Hamas … its fighters": the group's own
            return owner.country  # "the Syrian government … its forces": Syria's
        if word in PERSON_PRONOUNS and {owner.sector, sector} <= STATE_SECTORS:
            return owner.country  # "Julie Bishop said her government …": Australia's
        if word in PERSON_PRONOUNS and sector == "CVL" and owner.sector in PUBLIC_SECTORS:
            return owner.country  # "Obrador urged his fellow citizens": Mexico's people
    return None
