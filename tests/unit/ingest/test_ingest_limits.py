"""Size limits and unreadable inputs: rejected with a clear detail, never loaded or raised."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest

from communique.ingest import read_bytes, read_inputs
from communique.records import RawDocument, Rejection

STORY = b"The Norland cabinet resigned on Thursday after losing a confidence vote.\n"
FIFTY_MB = 50 * 1024 * 1024


def test_read_inputs_file_over_small_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY)
    [rejection] = read_inputs([str(path)], max_bytes=50)
    assert rejection == Rejection(
        origin=str(path),
        stage="ingest",
        reason="too-large",
        detail=(
            f"expected at most 50 bytes, found {len(STORY)} bytes; "
            "raise COMMUNIQUE_MAX_DOCUMENT_BYTES to read larger inputs"
        ),
    )


def test_read_inputs_file_at_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY)
    [document] = read_inputs([str(path)], max_bytes=len(STORY))
    assert isinstance(document, RawDocument)


def test_read_inputs_50_mb_page_is_rejected_without_loading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(FIFTY_MB)  # sparse: written in no time, never read
    tracemalloc.start()
    try:
        [rejection] = read_inputs([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"
    assert rejection.detail.startswith("expected at most 20,000,000 bytes, found 52,428,800 bytes")
    assert peak < 1_000_000


def test_read_inputs_50_mb_file_with_unknown_suffix_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.dat"
    with path.open("wb") as handle:
        handle.truncate(FIFTY_MB)
    [rejection] = read_inputs([str(path)])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"


def test_read_inputs_stdin_over_limit_is_too_large() -> None:
    [rejection] = read_inputs(["-"], stdin=io.BytesIO(STORY), max_bytes=10)
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("<stdin>", "too-large")
    assert "more than 10 bytes" in rejection.detail
    assert "COMMUNIQUE_MAX_DOCUMENT_BYTES" in rejection.detail


def test_read_bytes_over_limit_is_too_large() -> None:
    [rejection] = read_bytes("memory", STORY, kind="text", max_bytes=20)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"
    assert f"found {len(STORY)} bytes" in rejection.detail


def test_read_inputs_permission_denied_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(STORY)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    [rejection] = read_inputs([str(path)])
    assert rejection == Rejection(
        origin=str(path),
        stage="ingest",
        reason="unreadable",
        detail="expected a readable file, found it cannot be read: Permission denied",
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_read_inputs_chmod_000_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(STORY)
    path.chmod(0)
    try:
        [rejection] = read_inputs([str(path)])
    finally:
        path.chmod(0o644)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "unreadable"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_read_inputs_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "open.txt").write_bytes(STORY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_bytes(STORY)
    locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert [(item.origin, type(item).__name__) for item in items] == [
        (str(locked), "Rejection"),
        (str(tmp_path / "open.txt"), "RawDocument"),
    ]


def test_read_inputs_subfolder_refusing_listing_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "open.txt").write_bytes(STORY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_bytes(STORY)
    real_scandir = os.scandir

    def refuse(path: str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    items = list(read_inputs([str(tmp_path)]))
    assert items[0] == Rejection(
        origin=str(locked),
        stage="ingest",
        reason="unreadable",
        detail="expected a readable directory, got Permission denied",
    )
    assert [item.origin for item in items[1:]] == [str(tmp_path / "open.txt")]
