"""Pipeline construction, error guarding and the serial runner, with fake stages."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import pytest

from communique.errors import ConfigError, InputError
from communique.geo import load_gazetteer
from communique.pipeline import Pipeline, run_serial
from communique.pipeline._stage import guard
from communique.pipeline.stages import place_codes
from communique.records import Article, CodedDocument, RawDocument, Rejection


def _raw(doc_id: str, text: str = "Some text.") -> RawDocument:
    return RawDocument(
        id=doc_id, origin=f"{doc_id}.txt", data=text.encode(), text=text, media_type="text"
    )


class FakeExtract:
    name = "fake.extract.v1"
    requires = ("raw",)
    produces = ("article",)

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        def work(doc: CodedDocument) -> CodedDocument:
            if "bad" in doc.raw.text:
                raise InputError("no-body", "nothing to extract")
            if "bug" in doc.raw.text:
                raise ValueError("boom")
            return dataclasses.replace(doc, article=Article(doc_id=doc.raw.id, text=doc.raw.text))

        for doc in batch:
            yield guard(doc, "extract", work, "record")


class FakeCount:
    name = "fake.count.v1"
    requires = ("article",)
    produces = ("annotation",)

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        for doc in batch:
            if not doc.rejections:
                self.seen.append(doc.raw.id)
            yield doc


def test_pipeline_rejects_stages_out_of_order() -> None:
    with pytest.raises(ConfigError, match=r"'fake.count.v1' requires \['article'\]"):
        Pipeline([FakeCount(), FakeExtract()])


def test_pipeline_names_lists_stages_in_order() -> None:
    assert Pipeline([FakeExtract(), FakeCount()]).names == ["fake.extract.v1", "fake.count.v1"]


def test_guard_records_input_errors_and_bugs_as_rejections() -> None:
    counter = FakeCount()
    pipeline = Pipeline([FakeExtract(), counter])
    docs = [CodedDocument(raw=_raw(i, t)) for i, t in [("a", "fine"), ("b", "bad"), ("c", "bug")]]
    out = pipeline(docs)
    assert [d.raw.id for d in out] == ["a", "b", "c"]
    assert out[0].rejections == () and out[0].article is not None
    assert [(r.stage, r.reason) for r in out[1].rejections] == [("extract", "no-body")]
    assert out[2].rejections[0].reason == "internal-error"
    assert "ValueError: boom" in out[2].rejections[0].detail
    assert counter.seen == ["a"]  # later stages skip rejected documents


def test_guard_reraises_under_raise_policy() -> None:
    doc = CodedDocument(raw=_raw("a", "bad"))

    def work(d: CodedDocument) -> CodedDocument:
        raise InputError("no-body", "nothing")

    with pytest.raises(InputError):
        guard(doc, "extract", work, "raise")


def test_run_serial_keeps_input_order_and_passes_ingest_rejections() -> None:
    rejection = Rejection(
        origin="missing.txt", stage="ingest", reason="not-found", detail="no file"
    )
    inputs = [_raw("a"), rejection, _raw("b", "bad"), _raw("c")]
    progress: list[int] = []
    out = list(
        run_serial(Pipeline([FakeExtract()]), inputs, batch_size=2, progress=progress.append)
    )
    assert out[1] is rejection
    assert [o.raw.id for o in out if isinstance(o, CodedDocument)] == ["a", "b", "c"]
    assert progress == [2, 2]


def test_place_codes_read_a_region_inside_one_country_as_that_country() -> None:
    codes = place_codes(load_gazetteer())
    assert codes("Darfur") == ("SDN", "SDN")  # a region of one country
    assert codes("West Africa") == ("WAF", None)  # a CAMEO region keeps its region code
    assert codes("Gaza") == ("PSE", "PSE")  # the city, larger than a province of that name
