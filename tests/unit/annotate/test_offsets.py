"""Annotation from hand-built parses: offsets, heads, sentences and entities."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from communique.annotate import annotation_from_doc


def _doc() -> Doc:
    words = ["Putin", "visited", "Pyongyang", ".", "Kim", "met", "him", "."]
    spaces = [True, True, False, True, True, True, False, False]
    return Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        heads=[1, 1, 1, 1, 5, 5, 5, 5],
        deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        sent_starts=[True, False, False, False, True, False, False, False],
        ents=["B-PERSON", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O"],
    )


def test_annotation_from_doc_keeps_character_offsets() -> None:
    doc = _doc()
    annotation = annotation_from_doc(doc, "d1", "test.v1")
    text = doc.text
    assert [text[t.start : t.end] for t in annotation.tokens] == [t.text for t in doc]
    assert annotation.doc_id == "d1" and annotation.producer == "test.v1"


def test_annotation_from_doc_records_heads_and_deps_by_index() -> None:
    annotation = annotation_from_doc(_doc(), "d1", "test.v1")
    assert [t.head for t in annotation.tokens] == [1, 1, 1, 1, 5, 5, 5, 5]
    assert annotation.tokens[0].dep == "nsubj"
    assert [t.sentence for t in annotation.tokens] == [0, 0, 0, 0, 1, 1, 1, 1]


def test_annotation_from_doc_splits_sentences_and_entities() -> None:
    doc = _doc()
    annotation = annotation_from_doc(doc, "d1", "test.v1")
    text = doc.text
    assert [text[s.start : s.end] for s in annotation.sentences] == [
        "Putin visited Pyongyang.",
        "Kim met him.",
    ]
    assert [(text[e.start : e.end], e.label) for e in annotation.entities] == [
        ("Putin", "PERSON"),
        ("Pyongyang", "GPE"),
        ("Kim", "PERSON"),
    ]
    assert annotation.tokens[2].ent_type == "GPE"


def test_annotation_from_doc_trims_paragraph_breaks_from_sentences() -> None:
    doc = Doc(
        Vocab(),
        words=["Talks", "ended", ".", "\n\n", "Aid", "came", "."],
        spaces=[True, False, False, False, True, False, False],
        sent_starts=[True, False, False, False, True, False, False],
    )
    annotation = annotation_from_doc(doc, "d1", "test.v1")
    assert [doc.text[s.start : s.end] for s in annotation.sentences] == [
        "Talks ended.",
        "Aid came.",
    ]
