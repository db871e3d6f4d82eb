"""The measurement of the actor stage on labelled real spans (tools/real_actor_codes.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _tool() -> ModuleType:
    path = ROOT / "tools/real_actor_codes.py"
    spec = importlib.util.spec_from_file_location("real_actor_codes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_actor_codes"] = module
    spec.loader.exec_module(module)
    return module


def _label(start: int, end: int, country: str, sample: str = "read") -> dict[str, object]:
    return {
        "doc_id": "d",
        "start": start,
        "end": end,
        "role": "source",
        "country": country,
        "sector": "GOV",
        "sure": True,
        "sample": sample,
    }


def test_the_country_of_a_code() -> None:
    tool = _tool()
    assert tool.country_of("USAGOV") == "USA"
    assert tool.country_of("IGOUNO") == "IGO"
    assert tool.country_of("GOV") == "-"  # a bare sector names no country
    assert tool.country_of("IMGREBISI") == "IMG"


def test_a_span_is_judged_by_the_last_mention_over_it() -> None:
    tool = _tool()
    mentions = [(0, 5, "CHNGOV", "China"), (10, 20, "GBR", "the UK"), (30, 40, "USA", "US")]
    judged = tool.judge(_label(0, 20, "GBR"), mentions)  # "China's ambassador to the UK"
    assert (judged.ours, judged.right) == ("GBR", True)
    assert tool.judge(_label(21, 29, "USA"), mentions).right is None  # not covered
    assert tool.judge(_label(30, 40, "NONE"), mentions).right is None  # no country to judge
    assert tool.judge(_label(30, 40, "RUS"), mentions).right is False


def test_figures_count_per_sample_and_leave_out_what_is_no_actor() -> None:
    tool = _tool()
    mentions = [(0, 5, "CHNGOV", "China")]
    judged = [
        tool.judge(_label(0, 5, "CHN"), mentions),
        tool.judge(_label(0, 5, "NOT_ACTOR"), mentions),
        tool.judge(_label(6, 9, "CHN", "fresh"), mentions),
    ]
    assert tool.figures(judged) == {
        "fresh": {"actor spans": 1, "covered": 0},
        "read": {"actor spans": 1, "covered": 1, "country judged": 1, "country right": 1},
    }


def test_the_labelled_spans_are_well_formed() -> None:
    path = ROOT / "training/actors/real_codes.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1800
    assert {row["sample"] for row in rows} == {"read", "fresh"}
    assert all(row["start"] < row["end"] and row["role"] in {"source", "target"} for row in rows)


def test_missing_or_malformed_inputs_are_named(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    tool = _tool()
    corpus = tmp_path / "corpus.jsonl"
    assert tool.main(["--corpus", str(corpus)]) == 2
    assert "no such corpus file" in capsys.readouterr().err
    corpus.write_text("", encoding="utf-8")
    codes = tmp_path / "codes.jsonl"
    codes.write_text('{"doc_id": "d"}\n{not json\n', encoding="utf-8")
    assert tool.main(["--corpus", str(corpus), "--codes", str(codes)]) == 2
    assert f"{codes}:2: not JSON" in capsys.readouterr().err
