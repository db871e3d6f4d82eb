"""End to end: `communique code` and `communique demo` with the real pipeline."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

pytestmark = pytest.mark.model
SAMPLES = Path(str(files("communique") / "samples"))


def _run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def _objects(stdout: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_code_samples_gives_real_articles_sentences_and_entities() -> None:
    result = _run("code", str(SAMPLES))
    assert result.exit_code == 0, result.stderr
    docs = _objects(result.stdout)
    titles = [d["article"]["title"] for d in docs]
    assert "UN appeals for aid as floods hit Niger" in titles
    assert "Finland and Estonia agree joint naval patrols in the Gulf of Finland" in titles
    assert "Lula hosts Chinese premier in Brasilia" in titles
    assert result.stderr.strip().endswith("4 coded, 0 rejected")
    for doc in docs:
        article = doc["article"]
        assert set(doc) == {"article", "actors", "events", "quotes", "places", "rejections"}
        assert article["language"] == "en"
        assert article["sentences"] and article["entities"]
        start, end = article["entities"][0]["span"]
        assert article["text"][start:end] == article["entities"][0]["text"]


def test_code_text_sample_drops_boilerplate_and_reads_the_dateline() -> None:
    result = _run("code", str(SAMPLES / "baltic_patrols.txt"))
    (doc,) = _objects(result.stdout)
    article = doc["article"]
    assert article["published"] == "2025-03-04T14:30"
    for chrome in ("Share this article", "Advertisement", "Sign up for our daily newsletter"):
        assert chrome not in article["text"]
    assert article["text"].startswith("Finnish President Alexander Stubb")


def test_code_jsonl_keeps_ids_and_container_metadata() -> None:
    result = _run("code", str(SAMPLES / "wire.jsonl"))
    docs = _objects(result.stdout)
    assert [d["article"]["id"] for d in docs] == ["sample-brasilia-visit", "sample-sudan-talks"]
    assert docs[0]["article"]["published"] == "2025-05-20"
    assert docs[0]["article"]["source"] == "Meridian Wire"


def test_code_json_format_prints_one_array() -> None:
    result = _run("code", "--format", "json", str(SAMPLES / "wire.jsonl"))
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2


def test_code_reads_stdin() -> None:
    html = (SAMPLES / "sahel_aid.html").read_bytes()
    result = _run("code", "-", stdin=html)
    assert result.exit_code == 0, result.stderr
    (doc,) = _objects(result.stdout)
    assert doc["article"]["title"] == "UN appeals for aid as floods hit Niger"


def test_code_bad_inputs_are_rejected_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Japan and the Philippines signed a defence pact on Monday."}\n'
        "{not json\n",
        encoding="utf-8",
    )
    (tmp_path / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>",
        encoding="utf-8",
    )
    missing = str(tmp_path / "missing.txt")
    result = _run("code", str(tmp_path), missing)
    assert result.exit_code == 0
    docs = _objects(result.stdout)
    coded = [d for d in docs if not d["rejections"]]
    rejected = {r["reason"] for d in docs for r in d["rejections"]}
    assert [d["article"]["id"] for d in coded] == ["ok"]
    assert {"empty", "binary", "not-json", "no-body", "not-found"} <= rejected
    messages = [line for line in result.stderr.splitlines() if line.startswith("communique:")]
    assert any("empty.txt" in m for m in messages)
    assert any("lines.jsonl:2" in m and "not-json" in m for m in messages)
    assert any("missing.txt" in m for m in messages)
    assert result.stderr.strip().endswith("1 coded, 5 rejected")


def test_code_strict_exits_non_zero_on_any_rejection(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _run("code", "--strict", str(SAMPLES / "wire.jsonl"), str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("2 coded, 1 rejected")


def test_code_exits_non_zero_when_nothing_was_coded(tmp_path: Path) -> None:
    result = _run("code", str(tmp_path / "nothing-here.txt"))
    assert result.exit_code == 1
    assert "not-found" in result.stderr


def test_demo_codes_the_built_in_samples_and_stores_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_DATA_DIR", str(tmp_path))
    result = _run("demo")
    assert result.exit_code == 0, result.stderr
    assert "UN appeals for aid as floods hit Niger" in result.stdout
    assert "REJECTED" not in result.stdout
    assert "event  " in result.stdout and "quote  " in result.stdout
    assert (tmp_path / "demo.duckdb").is_file()
    assert "4 new, 0 already there" in result.stdout
    again = _run("demo")
    assert "0 new, 4 already there" in again.stdout
