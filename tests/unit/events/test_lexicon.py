"""The event lexicon: its data, the lookup rules, the checks on load, and every example."""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.events import lexicon as lexicon_module
from communique.events.lexicon import Lexicon, load_lexicon, parse_lexicon

DATA = Path(lexicon_module.__file__).parent / "data"
ROOTS = [f"{n:02d}" for n in range(1, 21)]
# Roots where news uses both a verb and an event noun ("sanction" / "sanctions").
ROOTS_WITH_VERBS_AND_NOUNS = ROOTS


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _code(lexicon: Lexicon, lemma: str, pos: str = "verb", **context: list[str]) -> str | None:
    entry = lexicon.lookup(lemma, pos, **context)
    return entry.cameo if entry else None


# -- the data -----------------------------------------------------------------------------


def test_load_lexicon_has_at_least_350_entries(lexicon: Lexicon) -> None:
    assert len(lexicon.entries) >= 350


def test_load_lexicon_every_root_has_three_entries(lexicon: Lexicon) -> None:
    counts = Counter(entry.cameo[:2] for entry in lexicon.entries)
    assert {root: counts[root] for root in ROOTS if counts[root] < 3} == {}


@pytest.mark.parametrize("root", ROOTS_WITH_VERBS_AND_NOUNS)
def test_load_lexicon_root_has_verbs_and_nouns(lexicon: Lexicon, root: str) -> None:
    kinds = {entry.pos for entry in lexicon.entries if entry.cameo.startswith(root)}
    assert kinds == {"verb", "noun"}


def test_load_lexicon_is_sorted_by_code(lexicon: Lexicon) -> None:
    codes = [entry.cameo for entry in lexicon.entries]
    assert codes == sorted(codes)


def test_load_lexicon_statements_have_no_plover_type(lexicon: Lexicon) -> None:
    assert all(e.plover is None for e in lexicon.entries if e.cameo.startswith("01"))
    assert all(e.plover is not None for e in lexicon.entries if e.cameo[:2] > "02")


def test_load_lexicon_intent_entries_carry_intended(lexicon: Lexicon) -> None:
    intents = [e for e in lexicon.entries if e.cameo.startswith("03")]
    assert intents and all(e.modality == "intended" for e in intents)
    assert all(e.modality is None for e in lexicon.entries if not e.cameo.startswith("03"))


def test_load_lexicon_agrees_with_the_ontology_crosswalk(lexicon: Lexicon) -> None:
    path = DATA / "cameo.tsv"
    if not path.is_file():
        pytest.skip("the ontology's cameo.tsv is not there")
    rows = [x.split("\t") for x in path.read_text("utf-8").splitlines() if x and x[0] != "#"]
    crosswalk = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    wrong = [
        (e.cameo, e.lemma, e.plover, e.mode)
        for e in lexicon.entries
        if (e.plover or "", e.mode or "")
        != (crosswalk[e.cameo]["plover_type"], crosswalk[e.cameo]["plover_mode"])
    ]
    assert wrong == []


def test_load_lexicon_examples_are_our_own(lexicon: Lexicon, shared_data: Path) -> None:
    """No example shares six running words with the codebook text or the PLOVER dev set."""
    theirs = _shingles(_reference_texts(shared_data))
    copied = [e.example for e in lexicon.entries if _shingles([e.example]) & theirs]
    assert copied == []


def _reference_texts(shared_data: Path) -> list[str]:
    texts: list[str] = []
    with (shared_data / "reference" / "cameo_codes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts += [row["description"], row["usage_notes"], row["example"]]
    dev = shared_data / "dev" / "plover_gsr_dev.jsonl"
    if dev.is_file():
        texts += [json.loads(line)["text"] for line in dev.read_text("utf-8").splitlines()]
    return texts


def _shingles(texts: list[str], n: int = 6) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for text in texts:
        words = re.findall(r"[a-z0-9]+", text.lower())
        found |= {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    return found


# -- lookup -------------------------------------------------------------------------------


def test_lookup_send_depends_on_the_object(lexicon: Lexicon) -> None:
    troops = _code(lexicon, "send", object_lemmas=["troop"])
    letter = _code(lexicon, "send", object_lemmas=["letter"])
    assert troops is not None and letter is not None and troops != letter
    assert troops.startswith("07") and letter.startswith("01")


def test_lookup_send_weapons_falls_back_to_the_parent_class(lexicon: Lexicon) -> None:
    # "missile" is a weapon, and "weapons" is a kind of "military"
    assert lexicon.class_chain(lexicon.object_class("missile") or "") == ("weapons", "military")
    assert _code(lexicon, "send", object_lemmas=["missile", "ballistic"]) == "072"


def test_lookup_earlier_class_wins_among_modifiers(lexicon: Lexicon) -> None:
    assert _code(lexicon, "send", object_lemmas=["aid", "military"]) == "072"
    assert _code(lexicon, "send", object_lemmas=["aid", "humanitarian"]) == "073"
    assert _code(lexicon, "send", object_lemmas=["aid"]) == "070"
    assert _code(lexicon, "aid", "noun", object_lemmas=["aid", "economic"]) == "071"


def test_lookup_receive_missiles_is_inverse_aid(lexicon: Lexicon) -> None:
    entry = lexicon.lookup("receive", "verb", object_lemmas=["missile", "korean"])
    assert entry is not None
    assert (entry.plover, entry.cameo, entry.direction) == ("AID", "072", "inverse")
    assert "from" in entry.target_preps


def test_lookup_receive_delegation_is_consult(lexicon: Lexicon) -> None:
    entry = lexicon.lookup("receive", "verb", object_lemmas=["delegation"])
    assert entry is not None and entry.plover == "CONSULT"


def test_lookup_receive_unknown_object_codes_nothing(lexicon: Lexicon) -> None:
    assert lexicon.lookup("receive", "verb", object_lemmas=["award"]) is None


def test_lookup_step_up_needs_its_particle(lexicon: Lexicon) -> None:
    entry = lexicon.lookup("step", "verb", particles=["up"], object_lemmas=["cooperation"])
    assert entry is not None and entry.particle == "up" and entry.plover == "COOPERATE"
    assert lexicon.lookup("step", "verb", object_lemmas=["cooperation"]) is None


def test_lookup_particle_beats_default(lexicon: Lexicon) -> None:
    assert _code(lexicon, "call", particles=["for"]) == "020"
    assert _code(lexicon, "call", particles=["for"], object_lemmas=["talk"]) == "026"
    assert _code(lexicon, "call") == "041"
    assert _code(lexicon, "call", particles=["off"], object_lemmas=["talk"]) == "164"


def test_lookup_default_when_no_class_matches(lexicon: Lexicon) -> None:
    assert _code(lexicon, "welcome", object_lemmas=["decision"]) == "051"
    assert _code(lexicon, "welcome", object_lemmas=["president"]) == "043"


def test_lookup_accepts_spacy_tags_and_case(lexicon: Lexicon) -> None:
    assert _code(lexicon, "Attack", "NOUN") == _code(lexicon, "attack", "noun") == "190"
    assert _code(lexicon, "attack", "VERB") == "190"
    assert lexicon.lookup("attack", "ADJ") is None


def test_lookup_unknown_lemma_is_none(lexicon: Lexicon) -> None:
    assert lexicon.lookup("photosynthesise", "verb") is None
    assert lexicon.lookup("banana", "noun", object_lemmas=["missile"]) is None


def test_lookup_uses_the_index_not_a_scan(lexicon: Lexicon) -> None:
    assert isinstance(lexicon.index, dict)
    assert all(isinstance(k, tuple) and len(k) == 2 for k in lexicon.index)
    assert sum(len(v) for v in lexicon.index.values()) == len(lexicon.entries)
    rng = random.Random(7)
    words = [e.lemma for e in lexicon.entries] + ["table", "walk", "blue"]
    objects = ["troop", "letter", "aid", "missile", "talk", "sanction", "city"]
    for _ in range(10_000):
        lexicon.lookup(rng.choice(words), rng.choice(["verb", "noun"]), object_lemmas=objects)


def test_lemmas_lists_each_part_of_speech(lexicon: Lexicon) -> None:
    assert {"send", "receive", "attack"} <= lexicon.lemmas("verb")
    assert {"talk", "sanction", "ceasefire"} <= lexicon.lemmas("noun")
    assert "talk" not in lexicon.lemmas("verb") or "talk" in lexicon.lemmas("noun")
    assert lexicon.lemmas("adverb") == frozenset()


def test_object_class_of_lemmas(lexicon: Lexicon) -> None:
    assert lexicon.object_class("Missile") == "weapons"
    assert lexicon.object_class("troop") == "troops"
    assert lexicon.object_class("letter") == "message"
    assert lexicon.object_class("banana") is None


# -- checks on load -----------------------------------------------------------------------

HEADER = (
    "cameo\tplover\tmode\tpos\tlemma\tparticle\tobject_class\tdirection\ttarget_preps\t"
    "modality\texample"
)
CLASSES = "# a comment\nclass\tparent\tlemmas\tdescription\nweapons\t\tmissile|shell\tarms\n"
GOOD = "190\tASSAULT\t\tverb\tshell\t\t\tforward\t\t\tRussia shelled Ukraine's cities.\n"


def _lexicon_text(*rows: str) -> str:
    return "# our lexicon\n" + HEADER + "\n" + "".join(rows)


def test_parse_lexicon_accepts_a_good_row() -> None:
    parsed = parse_lexicon(_lexicon_text(GOOD), CLASSES, codes={"190"})
    assert [e.lemma for e in parsed.entries] == ["shell"]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (GOOD.replace("190", "19x", 1), "not a CAMEO code"),
        (GOOD.replace("190", "999", 1), "not a code in cameo.tsv"),
        (GOOD.replace("ASSAULT", "ATTACK"), "plover 'ATTACK' is not one of"),
        (GOOD.replace("forward", "sideways"), "direction 'sideways'"),
        (GOOD.replace("verb", "adverb"), "pos 'adverb'"),
        (GOOD.replace("\t\t\tforward", "\t\tarms\tforward"), "object_class 'arms'"),
        (GOOD.replace("forward\t\t", "forward\t\tperhaps"), "modality 'perhaps'"),
        (GOOD.replace("Russia shelled Ukraine's cities.", " "), "example is empty"),
        (GOOD.replace("shelled", "bombed"), "does not contain the lemma"),
        (GOOD.replace("\tshell\t", "\tShell\t"), "one lower-case word"),
        (GOOD.replace("\t\t\tRussia", "\tRussia"), "expected 11 tab-separated columns"),
    ],
)
def test_parse_lexicon_names_the_line_and_problem(row: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=r"lexicon\.tsv, line 3: .*") as caught:
        parse_lexicon(_lexicon_text(row), CLASSES, codes={"190"})
    assert problem in str(caught.value)


def test_parse_lexicon_rejects_duplicate_rows() -> None:
    with pytest.raises(ConfigError, match="line 4: duplicates line 3"):
        parse_lexicon(_lexicon_text(GOOD, GOOD), CLASSES)


def test_parse_lexicon_rejects_a_wrong_header() -> None:
    with pytest.raises(ConfigError, match="header must be"):
        parse_lexicon("cameo\tlemma\n", CLASSES)


def test_parse_lexicon_checks_only_the_code_format_without_a_code_list() -> None:
    parsed = parse_lexicon(_lexicon_text(GOOD.replace("190", "1999", 1)), CLASSES)
    assert parsed.entries[0].cameo == "1999"


@pytest.mark.parametrize(
    ("classes", "problem"),
    [
        (CLASSES + "troops\t\tsoldier|shell\tforces\n", "'shell' is already in class 'weapons'"),
        (CLASSES + "weapons\t\tgun\tagain\n", "defined twice"),
        (CLASSES + "troops\tarmy\tsoldier\tforces\n", "parent 'army', which is not a class"),
        (CLASSES + "troops\t\t\tforces\n", "must not be empty"),
        (CLASSES + "a\tb\tx\tone\nb\ta\ty\ttwo\n", "'a' is its own ancestor"),
    ],
)
def test_parse_lexicon_checks_object_classes(classes: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(problem)):
        parse_lexicon(_lexicon_text(GOOD), classes)


# -- every example exercises its entry (real pipeline) ------------------------------------

_POS = {"verb": {"VERB", "AUX"}, "noun": {"NOUN", "PROPN"}}


@pytest.mark.model
def test_every_example_parses_to_its_entry(lexicon: Lexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    failures = []
    docs = nlp.pipe(e.example for e in lexicon.entries)
    for entry, doc in zip(lexicon.entries, docs, strict=True):
        heads = [t for t in doc if t.lemma_.lower() == entry.lemma and t.pos_ in _POS[entry.pos]]
        if entry.particle is not None:
            heads = [t for t in heads if _has_particle(t, entry.particle)]
        if not heads:
            failures.append((entry.cameo, entry.lemma, entry.particle, entry.example))
    assert failures == []


def _has_particle(token, particle: str) -> bool:  # type: ignore[no-untyped-def]
    following = token.nbor(1).text.lower() if token.i + 1 < len(token.doc) else ""
    return following == particle or any(c.text.lower() == particle for c in token.children)


@pytest.mark.model
def test_every_class_example_names_a_word_of_its_class(lexicon: Lexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    failures = []
    entries = [e for e in lexicon.entries if e.object_class is not None]
    for entry, doc in zip(entries, nlp.pipe(e.example for e in entries), strict=True):
        classes = {lexicon.object_class(t.lemma_) for t in doc} - {None}
        chains = {name for c in classes if c for name in lexicon.class_chain(c)}
        if entry.object_class not in chains:
            failures.append((entry.cameo, entry.lemma, entry.object_class, entry.example))
    assert failures == []
