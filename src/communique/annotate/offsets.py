"""Turning a spaCy ``Doc`` into an :class:`Annotation` of plain offsets and indices."""

from __future__ import annotations

from spacy.tokens import Doc

from communique.records import Annotation, Span, Token


def annotation_from_doc(doc: Doc, doc_id: str, producer: str) -> Annotation:
    """Copy sentences, tokens and entities out of ``doc`` as character offsets.

    Args:
        doc: A parsed document (tokens need not be tagged or parsed for tests).
        doc_id: Id of the document the text came from.
        producer: Name and version of the pipeline that parsed it.
    """
    # A sentence span ends at its last character, not at the paragraph break after it.
    sentences = tuple(
        Span(sent.start_char, sent.start_char + len(sent.text.rstrip())) for sent in doc.sents
    )
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = index
    tokens = tuple(
        Token(
            start=tok.idx,
            end=tok.idx + len(tok.text),
            lemma=tok.lemma_,
            pos=tok.pos_,
            tag=tok.tag_,
            dep=tok.dep_,
            head=tok.head.i,
            sentence=sentence_of[tok.i],
            ent_type=tok.ent_type_,
        )
        for tok in doc
    )
    entities = tuple(Span(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)
    return Annotation(
        doc_id=doc_id, sentences=sentences, tokens=tokens, entities=entities, producer=producer
    )
