"""What a document names before and refers back to with a group or a definite phrase: "All
urged Trump" (the people or countries named together before), "the two leaders" and "both
sides" (the pair named just before), "the country" (the country named just before), "the
president" (the person named before who holds the office), "the ministry" (the body named
before). Read by the mention finder after names and phrases, before pronouns."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Sequence
from datetime import date

from communique.actors._found import Actor, Found
from communique.actors._tables import load_metonyms
from communique.actors.coref import PUBLIC_SECTORS
from communique.actors.knowledge import KBMatch, KnowledgeBase
from communique.actors.roles import ABBREVIATED_TITLES, ROLE_HEADS, TITLE_MODIFIERS
from communique.records import PERSON_ID_PREFIX
from communique.textview import TextView

# Pronouns that stand for every member of a group named before ("All urged Trump …").
QUANTIFIERS = frozenset({"all", "both"})


def quantified_group(view: TextView, i: int, found: Sequence[Found]) -> tuple[str, ...] | None:
    """ "The leaders of France, Germany and Britain … All urged Trump": a subject "all" or
    "both" standing alone is the coordinated countries named last, in its sentence or the one
    before (at least two; "both" exactly two); their ISO3 codes, or None."""
    word, token = view.words[i].lower(), view.tokens[i]
    if word not in QUANTIFIERS or token.pos != "PRON" or token.dep not in {"nsubj", "nsubjpass"}:
        return None
    if view.children(i):  # "all of them", "both sides": not alone
        return None
    sentence = token.sentence
    near = [f for f in found if f.end <= i and sentence - view.tokens[f.start].sentence <= 1]
    groups = _coordinations(view, near, states=False)
    fitting = [
        (root, members)
        for root, members in groups.items()
        if len(members) >= 2 and (word != "both" or len(members) == 2)
    ]
    if fitting:
        return tuple(max(fitting)[1])
    subjects = _subjects_before(view, sentence, found)  # "Merkel met Trump, and Johnson met …"
    fits = len(subjects) >= 2 and (word != "both" or len(subjects) == 2)
    return tuple(subjects) if fits else None


def _subjects_before(view: TextView, sentence: int, found: Sequence[Found]) -> list[str]:
    """The member codes of the clause subjects of the sentence before ``sentence``, each
    country once: "German Chancellor Angela Merkel met Trump last week, and British Foreign
    Secretary Boris Johnson met him on Monday. All urged …" → DEUGOV, GBRGOV."""
    codes: list[str] = []
    for f in found:
        if view.tokens[f.start].sentence != sentence - 1:
            continue
        if view.tokens[f.end - 1].dep not in {"nsubj", "nsubjpass"}:
            continue
        country = _member_country(f)
        if country is not None:
            _add_member(codes, _member_code(f, country))
    return codes


# Nouns that, as "the two …" or "both …", stand for the pair of actors named just before:
# "Putin met Erdogan in Sochi. The two leaders agreed …", "Both sides agreed to a ceasefire".
PAIR_NOUNS = frozenset(
    {
        "country", "nation", "side", "leader", "government", "state", "president",
        "neighbour", "neighbor", "ally", "rival", "capital", "foe", "adversary", "party",
        "man", "woman",
    }
)  # fmt: skip


# Counts of a group named before: "the two countries", "the three leaders".
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# Pair nouns that name the states themselves, not their leaders or governments.
STATE_PAIRS = frozenset({"country", "nation", "state", "side", "neighbour", "neighbor"})
# Plurals that, with "the" alone, stand for a pair named in the sentence before.
DEFINITE_PAIRS = frozenset({"country", "nation", "side"})


def pair_group(view: TextView, i: int, found: Sequence[Found]) -> tuple[str, ...] | None:
    """ "The two leaders", "both sides", "the two countries", "the two men", "the two", "the
    pair", and as a subject "the countries" or "the sides": the two countries of the actors
    named in the nearest sentence before that names any (for a subject with a count, "both"
    or "pair" its own sentence first, and with one named there, that one and those of the
    sentence before), when exactly two are; "the three countries", "the four leaders": as
    many as the count says. Their codes in order (ISO3 for "countries" and "sides", the
    mentions' own with their offices for "leaders"), or None."""
    token = view.tokens[i]
    two = view.words[i].lower() == "two" and token.tag == "CD"
    pair = token.tag == "NN" and view.lemma(i).lower() == "pair"
    if not two and not pair and (token.tag != "NNS" or view.lemma(i).lower() not in PAIR_NOUNS):
        return None  # most tokens: checked before their children are read
    children = view.children(i)
    words = {view.words[c].lower() for c in children}
    counted = [COUNTS[w] for w in words if w in COUNTS]
    count = counted[0] if len(counted) == 1 else 2  # "the three countries": three of them
    subject = token.dep in {"nsubj", "nsubjpass"}
    if two and subject and "the" in words:
        backs: tuple[int, ...] = (0, 1)  # "The two met in Hanoi"
    elif pair and words == {"the"}:
        backs = (0, 1) if subject else (1,)  # "Putin met Erdogan. The pair agreed …"
    elif token.pos != "NOUN" or token.tag != "NNS" or view.lemma(i).lower() not in PAIR_NOUNS:
        return None
    elif any(view.tokens[c].dep == "prep" for c in children):
        return None  # "two of its neighbours", "both sides of the border" are something else
    elif counted or "both" in words:
        # as an object, the pair is not who acts on it in its own sentence ("Chile and Peru
        # urged both sides to agree"): only a subject takes its pair from its own sentence
        backs = (0, 1) if subject else (1,)
    elif subject and words == {"the"} and view.lemma(i).lower() in DEFINITE_PAIRS:
        backs = (1,)  # "Russia and China signed a deal. The countries also agreed …"
    else:
        return None
    sentence = token.sentence
    states = view.lemma(i).lower() in STATE_PAIRS
    if count > 2:
        return _coordinated(view, i, found, count, backs, states)
    countries: list[str] = []
    for back in backs:
        for f in found:
            if view.tokens[f.start].sentence != sentence - back or (back == 0 and f.end > i):
                continue
            country = _member_country(f)
            if country is None or _where(view, f.end - 1):
                continue  # "arrived in Hanoi to meet Kim": Vietnam is where, not one of two
            # "the two countries" are the states, "the two leaders" the offices
            _add_member(countries, country if states else _member_code(f, country))
        if len(countries) == count:
            return tuple(countries)
        if len(countries) > count or (countries and back > 0):
            return None
    return None


def _coordinated(
    view: TextView, i: int, found: Sequence[Found], count: int, backs: tuple[int, ...], states: bool
) -> tuple[str, ...] | None:
    """ "The United States, Britain and France struck Syria. The three countries said …": the
    coordination of ``count`` countries in the nearest of the sentences ``backs`` reaches
    that has one, when it has only one (their ISO3 codes when ``states``, else the mentions'
    own); None otherwise."""
    sentence = view.tokens[i].sentence
    for back in backs:
        named = [
            f
            for f in found
            if view.tokens[f.start].sentence == sentence - back and (back > 0 or f.end <= i)
        ]
        groups = _coordinations(view, named, states)
        fitting = [members for members in groups.values() if len(members) == count]
        if fitting:
            return tuple(fitting[0]) if len(fitting) == 1 else None
    return None


def _coordinations(view: TextView, found: Sequence[Found], states: bool) -> dict[int, list[str]]:
    """The countries of ``found`` by the coordination they stand in (its first conjunct's
    token): their ISO3 codes when ``states``, else the mentions' own codes with their offices.
    Where a place is named does not matter ("met counterparts from France, Britain and
    Germany" is three)."""
    groups: dict[int, list[str]] = {}
    for f in found:
        country = _member_country(f)
        if country is not None:
            root = _coordination_root(view, f.end - 1)
            _add_member(
                groups.setdefault(root, []), country if states else _member_code(f, country)
            )
    return groups


def _member_country(found: Found) -> str | None:
    """The country a mention can stand for in a group of countries: its own, or its code's
    first letters; None for a group itself or a code with no country ("GOV")."""
    country = found.actor.country or found.actor.code[:3]
    return None if found.actor.members or not country.isalpha() else country


def _member_code(found: Found, country: str) -> str:
    """The code a mention stands for as a member of a group: its own when it is the country's
    with a sector ("the leaders of France, Germany and Britain … All urged Trump": FRAGOV, not
    FRA), else the country's."""
    code = found.actor.code
    return code if code.isalpha() and code[:3] == country else country


def _add_member(members: list[str], code: str) -> None:
    """Add ``code`` to a group's members unless one of them is of its country already."""
    if all(member[:3] != code[:3] for member in members):
        members.append(code)


def _where(view: TextView, k: int) -> bool:
    """Whether token ``k`` names where something happens ("in Hanoi", "to Beijing")."""
    token = view.tokens[k]
    return token.dep == "pobj" and view.words[token.head].lower() in {
        "in", "at", "to", "from", "near", "inside", "across",
    }  # fmt: skip


def pair_start(view: TextView, i: int) -> int:
    """The first token of the pair phrase headed by ``i``, without its article ("two leaders"
    of "the two leaders")."""
    start = min(view.subtree(i))
    while start + 1 < i and view.tokens[start].dep == "det":
        start += 1
    return start


def _coordination_root(view: TextView, k: int) -> int:
    """The first conjunct of the coordination token ``k`` is part of (itself when none)."""
    hops = 0
    while view.tokens[k].dep == "conj" and view.tokens[k].head != k and hops < 20:
        k, hops = view.tokens[k].head, hops + 1
    return k


# Singular nouns that, after "the" alone, stand for a country named just before.
DEFINITE_STATES = frozenset({"country", "nation"})
DEFINITE_REACH = 2  # sentences back that "the country" may look for its country
# What news calls a monarchy after "the" alone ("stood by the kingdom" after "Saudi Arabia"):
# the states each word fits, as they are ruled now.
MONARCHIES = {
    "kingdom": frozenset(
        {"SAU", "GBR", "JOR", "MAR", "BHR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA"}
        | {"KHM", "BTN", "LSO", "SWZ", "TON"}
    ),
    "emirate": frozenset({"QAT", "KWT", "ARE"}),
    "sultanate": frozenset({"OMN", "BRN"}),
}
MONARCHY_REACH = 4  # a monarchy's word fits few states: it may look further back


def definite_country(view: TextView, i: int, found: Sequence[Found]) -> Found | None:
    """ "Trump criticised Germany … to accuse the country of …": "the country" (or "the
    nation") with no other word before it is the country of the nearest actor named before
    it in its sentence or the two before, one that is not the subject of a clause it stands
    in ("the United States has no option but to bomb the country" is not the United States),
    a country itself or one of its public offices ("refugees from Myanmar" are not).
    That actor's mention when it names the country itself, else one made for its country;
    None when no such actor is near."""
    token, word = view.tokens[i], view.lemma(i).lower()
    monarchies = MONARCHIES.get(word)
    if token.tag != "NN" and not (monarchies and token.tag == "NNP"):
        return None  # "the Kingdom", as Saudi news writes it
    if word not in DEFINITE_STATES and monarchies is None:
        return None
    before = [c for c in view.children(i) if c < i]
    if [view.words[c].lower() for c in before] != ["the"]:
        return None  # "the host country", "this country", "a country"
    named = (
        o
        for c in view.children(i)
        if view.tokens[c].dep == "prep" and view.lemma(c) == "of"
        for o in view.children(c)
    )
    if any(view.tokens[o].pos == "PROPN" for o in named):
        return None  # "the country of Nauru" names its state ("the country of" a gerund does not)
    if monarchies is None:
        state = _state_before(view, i, found)
    else:
        state = _state_before(view, i, found, only=monarchies, reach=MONARCHY_REACH)
    if state is None:
        return None
    if state.actor.code == state.actor.country:
        return Found(i, i + 1, state.actor)
    country = state.actor.country
    assert country is not None
    return Found(i, i + 1, Actor(country, country, view.words[i - 1] + " " + view.words[i]))


# Who heads or sits in a body named after "of": "the chairman of the Senate Intelligence
# Committee", "the head of the IAEA", "a member of the Taliban's negotiating team" act for it.
BODY_HEADS = frozenset(
    {"chairman", "chairwoman", "chairperson", "chair", "head", "chief", "director",
     "director-general", "member", "members", "boss"}
)  # fmt: skip
BODY_HEAD_MODIFIERS = frozenset({"det", "amod", "compound", "nummod"})


def body_head(view: TextView, i: int, found: Sequence[Found]) -> Found | None:
    """The head or member of a body at token ``i`` ("The chairman of the House Foreign Affairs
    Committee blasted …"): a mention of the body's actor over the noun and the words before
    it, when the body after its "of" was read as an institution or group (not a person, not a
    bare country: "the head of state"); None otherwise."""
    if view.words[i].lower() not in BODY_HEADS or view.tokens[i].pos != "NOUN":
        return None
    if any(f.start <= i < f.end for f in found):
        return None
    bodies = [
        o
        for c in view.children(i)
        if view.tokens[c].dep == "prep" and view.lemma(c) == "of" and c == i + 1
        for o in view.children(c)
        if view.tokens[o].dep == "pobj"
    ]
    for f in found:
        if not any(f.start <= o < f.end for o in bodies):
            continue
        actor = f.actor
        if actor.key.startswith(PERSON_ID_PREFIX) or actor.code == actor.country:
            return None
        start = i
        while start > 0 and view.tokens[start - 1].head == i:
            if view.tokens[start - 1].dep not in BODY_HEAD_MODIFIERS:
                break
            if any(other.start <= start - 1 < other.end for other in found):
                break
            start -= 1
        return Found(start, i + 1, actor)
    return None


# News in English calls foreign governments "the regime"; the American one only with a
# word before it ("the US regime", in its adversaries' words).
NEVER_THE_REGIME = frozenset({"USA"})


def regime_state(view: TextView, i: int, found: Sequence[Found]) -> str | None:
    """ "North Korea fired a missile. Trump said the regime must stop": the state whose
    government "the regime" (with no other word before it) is — that of the nearest country
    or public office named before it in its sentence or the two before, not the subject of a
    clause it stands in (see ``definite_country``); None when none is near."""
    if view.lemma(i).lower() != "regime":
        return None
    if [view.words[c].lower() for c in view.children(i) if c < i] != ["the"]:
        return None  # "the Assad regime", "the sanctions regime", "this regime"
    state = _state_before(view, i, found, others_only=True, besides=NEVER_THE_REGIME)
    return state.actor.country if state is not None else None


def _state_before(
    view: TextView,
    i: int,
    found: Sequence[Found],
    *,
    others_only: bool = False,
    besides: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
    reach: int = DEFINITE_REACH,
) -> Found | None:
    """The nearest mention before token ``i`` (its sentence or the two before) of a country
    or one of its public offices, not the subject of a clause ``i`` stands in; with
    ``others_only``, not of the country of such a subject either ("a White House statement
    condemned the regime": not the American government); with ``only``, of one of those
    countries, within ``reach`` sentences."""
    own = _governing_subject_tokens(view, i)
    subjects = [f for f in found if any(k in own for k in range(f.start, f.end))]
    theirs = {f.actor.country for f in subjects} if others_only else set()
    for f in _named_before(view, i, found, reach):
        country = f.actor.country  # a sector alone ("diplomats": GOV) is no country
        if country is None or f.actor.members or f in subjects or country in theirs | besides:
            continue
        if only is not None and country not in only:
            continue
        if f.actor.code != country and f.actor.sector not in PUBLIC_SECTORS:
            continue  # "refugees from Myanmar" are not who "the country" means
        return f
    return None


def _named_before(view: TextView, i: int, found: Sequence[Found], reach: int) -> Iterator[Found]:
    """The mentions that end before token ``i``, in its sentence or the ``reach`` before it,
    nearest first."""
    sentence = view.tokens[i].sentence
    for f in sorted(found, key=lambda f: f.start, reverse=True):
        if f.end <= i and view.tokens[f.start].sentence >= sentence - reach:
            yield f


def _governing_subject_tokens(view: TextView, i: int) -> set[int]:
    """The tokens of the subjects of the verbs that govern token ``i`` in its clause, up
    to a relative clause's noun."""
    tokens, inside = view.tokens, set()
    k, steps = i, 0
    while tokens[k].head != k and tokens[k].dep != "relcl" and steps < 8:
        k, steps = tokens[k].head, steps + 1
        for c in view.children(k):
            if tokens[c].dep in {"nsubj", "nsubjpass"}:
                inside.update(view.subtree(c))
    return inside


def title_holder(view: TextView, start: int, end: int, found: Sequence[Found]) -> Found | None:
    """ "The president" after "President Trump": the person named before whose office the
    title, with "the" and no other word, is ("the president", "the foreign minister"); of
    several (Trump and Macron are both presidents) the one named most often so far, then the
    one named first; with no such person, a body named before with the same last word ("the
    ministry" after "Iran's Foreign Ministry"). None when the title says more ("the president
    of France", "the Syrian president") or nobody named before holds it."""
    if start == 0 or view.words[start - 1].lower() != "the":
        return None
    if _says_whose(view, end - 1):
        return None  # "the president of France" ("the president on Tuesday" is still his)
    title = _office(" ".join(view.words[start:end]))
    counts: dict[str, int] = {}
    first: dict[str, Found] = {}
    for f in found:
        if f.end <= start and f.actor.key.startswith(PERSON_ID_PREFIX):
            counts[f.actor.key] = counts.get(f.actor.key, 0) + 1
            if (f.actor.role and _office(f.actor.role) == title) or _titled(view, f, title):
                first.setdefault(f.actor.key, f)
    if not first:
        return _named_body(view, start, end, found)
    key = max(first, key=lambda k: (counts[k], -first[k].start))
    return Found(start - 1, end, first[key].actor)


def _says_whose(view: TextView, head: int) -> bool:
    """Whether the title at ``head`` has a phrase saying whose office it is: a preposition of
    ``WHOSE`` with a noun ("the president of France"), not with a gerund ("accused the
    ambassador of organising protests": the accusation's charge)."""
    return any(
        view.tokens[c].dep == "prep"
        and view.lemma(c) in WHOSE
        and any(view.tokens[k].dep == "pobj" for k in view.children(c))
        and not _gerund(view, c + 1)
        for c in view.children(head)
    )


def _gerund(view: TextView, k: int) -> bool:
    """Whether token ``k`` is a gerund, also one the parser read as a noun's modifier
    ("of organizing protests")."""
    if k >= len(view.tokens):
        return False
    word = view.words[k]
    misread = word.islower() and word.endswith("ing") and len(word) > 5
    return view.tokens[k].tag == "VBG" or misread


def _titled(view: TextView, f: Found, title: str) -> bool:
    """Whether the text gave the person of ``f`` the one-word ``title`` where it named them:
    "King Salman", "Ambassador Jones" (the title inside the mention or right before it, not
    a part of a longer title), as the knowledge base's role may name another office the
    person also holds."""
    if title not in ROLE_HEADS:
        return False  # "the Navy" is no person's title ("Navy Secretary Richard Spencer")
    words = view.words
    return any(
        _office(ABBREVIATED_TITLES.get(words[k].lower(), words[k])) == title
        and not (k and words[k - 1].lower() in TITLE_MODIFIERS | ROLE_HEADS)
        for k in range(max(f.start - 1, 0), f.end)
    )  # "Vice President Mike Pence" is no "president", "Deputy Minister X" no "minister"


# Prepositions after a title that may say whose office it is or where ("the president of
# France", "the minister in Kyiv"); others ("the president on Tuesday") say nothing of it.
WHOSE = frozenset({"of", "for", "from", "in", "at", "to"})
BODY_REACH = 5  # sentences back that "the ministry" may look for the ministry it names
# Words that name a public body only through one named before ("the committee" after the
# Senate Intelligence Committee);
# alone they are no sector (a department store, a travel agency).
BODY_WORDS = frozenset(
    {"department", "bureau", "agency", "commission", "committee", "council", "service"}
)


def bodies_named_before(view: TextView, found: Sequence[Found], taken: set[int]) -> list[Found]:
    """ "The department" after "the Department of Justice", "the committee" after "the Senate
    Intelligence Committee": each "the" + body word (``BODY_WORDS``) that no mention and no
    token of ``taken`` covers, with no "of" phrase of its own, that names a body of a
    country named before (see ``_named_body``)."""
    taken = taken | {i for f in found for i in range(f.start, f.end)}
    bodies = []
    for i, word in enumerate(view.words):
        if word.lower() not in BODY_WORDS or i in taken or view.tokens[i].pos != "NOUN":
            continue
        if any(view.tokens[c].dep == "prep" for c in view.children(i)):
            continue  # "the department of agriculture" is named by its own words
        if i and view.words[i - 1].lower() == "the":
            body = _named_body(view, i, i + 1, found)
            if body is not None:
                bodies.append(body)
    return bodies


# Heads of state's offices named after their residence: their last word alone is no short form
# of them ("the House" after "the White House" is the House of Representatives).
RESIDENCES = frozenset({"white house", "blue house"})


def _named_body(view: TextView, start: int, end: int, found: Sequence[Found]) -> Found | None:
    """ "The ministry" after "Iran's Foreign Ministry", "the army" after "the Syrian army":
    the nearest body named before, in its sentence or the five before, whose head word is
    that word, when that body has a country. The head is the name's last word, or the word
    before its "of" ("the department" after "the Department of Justice"), in the name as
    written or as the actor is named."""
    if end - start != 1:
        return None
    word = view.words[start].lower()
    for f in _named_before(view, start, found, BODY_REACH):
        written = view.words[f.start : f.end]
        if " ".join(written[-2:]).lower() in RESIDENCES:
            continue  # "the House" after "the White House" is the chamber, not the residence
        heads = _head_words(written) | _head_words(f.actor.name.split())
        if word in heads | _spelt_heads().get(" ".join(written).lower(), set()):
            if f.actor.country is None or f.actor.key.startswith(PERSON_ID_PREFIX):
                return None
            return Found(start - 1, end, f.actor)
    return None


@functools.cache
def _spelt_heads() -> dict[str, set[str]]:
    """The head words of every spelling of an institution, by each of its spellings ("the
    bureau" after "the FBI", the Federal Bureau of Investigation; "the agency" after "the CIA")."""
    heads: dict[str, set[str]] = {}
    for entry in load_metonyms():
        words = set().union(*(_head_words(p.split()) for p in entry.phrases))
        for phrase in entry.phrases:
            heads.setdefault(phrase.lower(), set()).update(words)
    return heads


def _head_words(words: Sequence[str]) -> set[str]:
    """The words a body's name may be called by after "the": its last word and the word
    before its first "of" (of a name of more than one word)."""
    lowered = [w.lower() for w in words]
    if len(lowered) < 2:
        return set()
    heads = {lowered[-1]}
    if "of" in lowered[1:]:
        heads.add(lowered[lowered.index("of", 1) - 1])
    return heads


def _office(title: str) -> str:
    return title.lower().replace("defense", "defence")


def with_elided_countries(
    view: TextView, kb: KnowledgeBase, matches: Sequence[KBMatch], on: date | None
) -> list[KBMatch]:
    """The matches, with the country whose shared last word the first of two coordinated
    names leaves out ("North and South Korea": North Korea too), when the knowledge base
    knows it by the first word and that last word; in text order."""
    words, found = view.words, []
    for m in matches:
        if m.kind != "country" or m.end - m.start != 2 or m.start < 2:
            continue
        first = m.start - 2
        if words[m.start - 1] != "and" or not words[first][:1].isupper():
            continue
        whole = kb.match([words[first], words[m.end - 1]], on=on)
        if [(w.kind, w.start, w.end) for w in whole] == [("country", 0, 2)]:
            found.append(dataclasses.replace(whole[0], start=first, end=first + 1))
    return sorted([*matches, *found], key=lambda m: m.start)
