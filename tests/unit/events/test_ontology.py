"""The event ontology: CAMEO codes, PLOVER types and modes, the crosswalk both ways, explain()."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.events.ontology import (
    CameoCode,
    Ontology,
    PloverMode,
    PloverType,
    explain,
    load_ontology,
)

PLOVER_QUAD_CLASSES = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
# Our documented changes to the published crosswalk (see the header of events/data/cameo.tsv).
TYPE_CHANGES = {"0813": ("RETREAT", "CONCEDE"), "0814": ("RETREAT", "CONCEDE")}
TYPE_CHANGES["1712"] = ("ASSAULT", "COERCE")
AID_MODES = {
    "071": "economic",
    "072": "military",
    "073": "humanitarian",
    "074": "military",
    "075": "asylum",
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_ontology_loads_all_312_codes_in_a_consistent_tree(onto: Ontology) -> None:
    codes = list(onto.codes())
    assert len(codes) == 312
    assert len({c.code for c in codes}) == 312
    assert [c.code for c in codes if c.level == 0] == [f"{n:02d}" for n in range(1, 21)]
    for code in codes:
        assert code.code.isdigit() and 2 <= len(code.code) <= 4
        assert code.code.startswith(code.root)
        assert code.parent is None or onto.cameo(code.parent).code == code.parent
        assert onto.cameo(code.code) is code


def test_ontology_matches_the_shared_reference_table(onto: Ontology, shared_data: Path) -> None:
    with (shared_data / "reference" / "cameo_codes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 312
    for row in rows:
        code = onto.cameo(row["code"])
        assert (code.name, code.root) == (row["name"], row["root_code"])
        assert code.goldstein == pytest.approx(float(row["goldstein"]))
        assert code.quad_class == int(row["quad_class"])
        expected_type = None if row["plover_event"] in ("", "dropped") else row["plover_event"]
        if code.code in TYPE_CHANGES:  # a sub-code takes its parent's type
            published, ours = TYPE_CHANGES[code.code]
            assert expected_type == published and ours == onto.cameo(code.code[:3]).plover_type
            expected_type = ours
        assert code.plover_type == expected_type
        if code.code == "175":  # the source put a context in the mode column
            assert row["plover_mode"] == "pro_autocracy" and "pro_autocracy" in code.plover_context
        elif code.code in AID_MODES:
            assert code.plover_mode == AID_MODES[code.code] and row["plover_mode"] == ""
        else:
            assert (code.plover_mode or "") == row["plover_mode"]
            assert ";".join(code.plover_context) == row["plover_context"].replace("; ", ";")


def test_ontology_goldstein_values_from_the_gdelt_table(onto: Ontology) -> None:
    assert onto.goldstein("042") == 1.9
    assert onto.goldstein("043") == 2.8
    assert onto.goldstein("190") == -10.0
    assert onto.goldstein("01") == 0.0
    assert onto.goldstein("057") == 8.0
    assert onto.goldstein("0874") == 10.0
    assert onto.goldstein("1213") == -4.0
    assert all(-10.0 <= c.goldstein <= 10.0 for c in onto.codes())


def test_ontology_quad_class_follows_the_root(onto: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for root in roots:
            assert onto.quad_class(f"{root:02d}") == quad
    for code in onto.codes():
        assert code.quad_class == onto.root(code.code).quad_class


def test_ontology_quad_class_names_and_unknown_quad_class(onto: Ontology) -> None:
    names = [onto.quad_class_name(n) for n in (1, 2, 3, 4)]
    assert names == [
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ]
    with pytest.raises(InputError) as err:
        onto.quad_class_name(5)
    assert err.value.reason == "unknown-quad-class"
    assert "4 material conflict" in str(err.value)


def test_ontology_root_of_finer_codes(onto: Ontology) -> None:
    assert onto.root("0332").code == "03"
    assert onto.root("042").name == "CONSULT"
    assert onto.root("19") is onto.cameo("19")


def test_ontology_plover_types_are_exactly_the_sixteen(onto: Ontology) -> None:
    types = {t.name: t for t in onto.types()}
    assert {name: t.quad_class for name, t in types.items()} == PLOVER_QUAD_CLASSES
    assert all(t.description for t in types.values())
    assert [m.name for m in onto.plover("consult").modes] == [
        "visit",
        "third-party",
        "multilateral",
        "phone",
    ]
    retreat = {m.name for m in onto.plover("RETREAT").modes}
    assert {"withdraw", "release", "disarm", "ceasefire", "access", "resign"} <= retreat
    assert {m.name for m in onto.plover("ACCUSE").modes} == {"disapprove", "investigate", "allege"}
    assert {"economic", "military", "humanitarian"} <= {m.name for m in onto.plover("AID").modes}
    for ptype in types.values():
        assert all(m.type == ptype.name and m.description for m in ptype.modes)


def test_ontology_every_code_maps_to_a_known_type_mode_and_context(onto: Ontology) -> None:
    for code in onto.codes():
        assert code.plover_type is None or code.plover_type in PLOVER_QUAD_CLASSES
        if code.plover_mode is not None:
            assert code.plover_type is not None
            onto.plover(code.plover_type).mode(code.plover_mode)
        assert set(code.plover_context) <= set(onto.contexts)
    dropped = {c.root for c in onto.codes() if c.plover_type is None}
    assert dropped == {"01", "02"}
    assert all(onto.contexts.values())


def test_ontology_to_plover(onto: Ontology) -> None:
    assert onto.to_plover("042") == ("CONSULT", "visit")
    assert onto.to_plover("0871") == ("RETREAT", "ceasefire")
    assert onto.to_plover("0813") == ("CONCEDE", None)
    assert onto.to_plover("190") == ("ASSAULT", None)
    assert onto.to_plover("1123") == ("ACCUSE", "allege")
    assert onto.to_plover("010") is None
    assert onto.to_plover("02") is None


def test_ontology_to_plover_walks_up_to_the_parent() -> None:
    def code(c: str, ptype: str | None, mode: str | None = None) -> CameoCode:
        return CameoCode(c, f"code {c}", 1.0, 1, c[:2], ptype, mode, ())

    tiny = Ontology(
        [code("04", "CONSULT"), code("042", "CONSULT", "visit"), code("0421", None)],
        [PloverType("CONSULT", "meet", 1, (PloverMode("visit", "CONSULT", "go there"),))],
        {},
    )
    assert tiny.to_plover("0421") == ("CONSULT", "visit")


def test_ontology_to_cameo(onto: Ontology) -> None:
    assert [c.code for c in onto.to_cameo("CONSULT", "visit")] == ["042", "043"]
    assert [c.code for c in onto.to_cameo("RETREAT", "ceasefire")] == ["0871"]
    assert [c.code for c in onto.to_cameo("aid", "military")] == ["072", "074"]
    assert onto.to_cameo("CONSULT", "multilateral") == []
    consult = [c.code for c in onto.to_cameo("CONSULT")]
    assert consult == ["040", "041", "042", "043", "044", "045", "046", "04"]
    levels = [c.level for c in onto.to_cameo("ASSAULT")]
    assert levels == sorted(levels, reverse=True)


def test_ontology_crosswalk_round_trips(onto: Ontology) -> None:
    for code in onto.codes():
        mapped = onto.to_plover(code.code)
        if mapped is not None:
            assert code in onto.to_cameo(*mapped)


def test_ontology_to_cameo_unknown_type_or_mode_lists_choices(onto: Ontology) -> None:
    with pytest.raises(InputError) as err:
        onto.to_cameo("DEMAND")
    assert err.value.reason == "unknown-type"
    assert "REQUEST" in str(err.value) and "ASSAULT" in str(err.value)
    with pytest.raises(InputError) as err:
        onto.to_cameo("CONSULT", "fax")
    assert err.value.reason == "unknown-mode"
    assert "third-party" in str(err.value)


def test_ontology_unknown_code_lists_codes_under_the_same_root(onto: Ontology) -> None:
    with pytest.raises(InputError) as err:
        onto.cameo("0499")
    message = str(err.value)
    assert err.value.reason == "unknown-code"
    assert "042" in message and "046" in message and "communique explain --list" in message
    with pytest.raises(InputError, match="01, 02, 03"):
        onto.goldstein("25")


def test_ontology_explain_a_code(onto: Ontology) -> None:
    text = onto.explain("042")
    assert "Make a visit" in text and "+1.9" in text
    assert "1 verbal cooperation" in text and "CONSULT, mode visit" in text
    leaf = onto.explain(" 0332 ")
    assert "Express intent to provide military aid" in leaf and "+5.2" in leaf
    assert "033" in leaf and "military" in leaf
    assert "PLOVER does not code" in onto.explain("011")


def test_ontology_explain_a_root_lists_its_codes(onto: Ontology) -> None:
    text = onto.explain("04")
    assert "CONSULT" in text and "+1.0" in text
    for child in ("040", "041", "042", "043", "044", "045", "046"):
        assert child in text
    assert "Host a visit" in text


def test_ontology_explain_a_plover_type_and_mode(onto: Ontology) -> None:
    text = onto.explain("consult")
    assert text.startswith("PLOVER CONSULT")
    assert "third-party" in text and "042, 043" in text and "Discuss by telephone" in text
    mode = onto.explain("RETREAT:ceasefire")
    assert (
        "0871" in mode and "Declare truce, ceasefire" in mode and "2 material cooperation" in mode
    )
    assert "none" in onto.explain("CONSULT:multilateral")


def test_ontology_explain_unknown_names_list_choices(onto: Ontology) -> None:
    with pytest.raises(InputError) as err:
        onto.explain("PARLEY")
    assert "CONSULT" in str(err.value) and "--list" in str(err.value)
    with pytest.raises(InputError, match="ceasefire"):
        onto.explain("RETREAT:truce")
    with pytest.raises(InputError, match="unknown CAMEO code '999'"):
        onto.explain("999")


def test_ontology_overview_lists_roots_or_everything(onto: Ontology) -> None:
    short = onto.overview()
    assert "USE UNCONVENTIONAL MASS VIOLENCE" in short and "0332" not in short
    assert all(name in short for name in PLOVER_QUAD_CLASSES)
    full = onto.overview(full=True)
    assert all(f" {c.code} " in full for c in onto.codes())
    assert "martial-law" in full and "pro_autocracy" in full


def test_ontology_is_loaded_once_and_explain_uses_it() -> None:
    assert load_ontology() is load_ontology()
    assert explain("190") == load_ontology().explain("190")
