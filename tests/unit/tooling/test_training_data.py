"""The event coder's training data: well formed, our own words, never from a dev article."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
TRAINING = ROOT / "training" / "events"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("training_data", ROOT / "tools/training_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["training_data"] = module
    spec.loader.exec_module(module)
    return module


def _lines(folder: str) -> Iterator[tuple[Path, int, dict[str, object]]]:
    for path in sorted((TRAINING / folder).glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield path, number, json.loads(line)


def test_every_synthetic_line_is_well_formed() -> None:
    tool = _tool()
    codes = tool.cameo_codes()
    problems = [
        f"{path.name}:{number}: {problem}"
        for path, number, item in _lines("synthetic")
        for problem in tool.check_line(item, codes)
    ]
    assert problems == []
    ids = [item["id"] for _, _, item in _lines("synthetic")]
    assert len(ids) == len(set(ids)) > 0


def test_the_checker_refuses_what_is_wrong() -> None:
    tool = _tool()
    codes = tool.cameo_codes()
    good = {
        "id": "x",
        "style": "wire",
        "text": "Japan's foreign minister met his Chinese counterpart on Monday.",
        "events": [
            {"trigger": "met", "source": "Japan's foreign minister", "target": "his Chinese "
             "counterpart", "cameo": "040", "modality": "asserted", "claimer": None}
        ],
    }  # fmt: skip
    assert tool.check_line(good, codes) == []
    event = good["events"][0]  # type: ignore[index]
    wrong = {**good, "events": [{**event, "cameo": "999", "target": "Korea"}]}
    assert len(tool.check_line(wrong, codes)) == 2
    assert tool.check_line({**good, "style": "tweet"}, codes)


def test_real_labels_are_annotations_only_and_never_from_dev_articles() -> None:
    tool = _tool()
    codes = tool.cameo_codes()
    banned = tool.dev_article_ids()
    seen = 0
    for path, number, item in _lines("real"):
        where = f"{path.name}:{number}"
        assert set(item) == {"doc_id", "start", "end", "events"}, where  # no text kept
        assert item["doc_id"] not in banned, where
        assert isinstance(item["start"], int) and item["start"] < item["end"], where
        for event in item["events"]:  # type: ignore[attr-defined]
            assert event["cameo"] in codes and event["modality"] in tool.MODALITIES, where
            trigger = event["trigger"]
            assert item["start"] <= trigger[0] < trigger[1] <= item["end"], where
        seen += 1
    assert seen > 0


def test_real_labels_point_into_their_corpus_articles(shared_data: Path) -> None:
    texts = {}
    with (shared_data / "corpus" / "allsides_intl_2018_2020.jsonl").open(encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            texts[item["id"]] = item["text"]
    for path, number, item in _lines("real"):
        text = texts[item["doc_id"]]  # type: ignore[index]
        sentence = text[item["start"] : item["end"]]  # type: ignore[misc]
        assert sentence.strip() == sentence and sentence, f"{path.name}:{number}"


def test_no_run_of_six_words_is_shared_with_the_shared_data(shared_data: Path) -> None:
    assert any(_lines("synthetic"))
    shared = {
        f"{path.name}:{number}": run
        for (path, number), run in _tool().shared_runs(shared_data).items()
    }
    assert shared == {}


@pytest.mark.parametrize("name", ["README.md"])
def test_the_authoring_guide_is_there(name: str) -> None:
    assert (ROOT / "training" / name).is_file()
