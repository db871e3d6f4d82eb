"""Which corpus articles make the article dev set: a rule fixed before anyone read them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# The article dev set: articles of this many words, in the order of a salted hash of their id.
ARTICLE_SALT = "articles-dev:"
MIN_WORDS, MAX_WORDS = 250, 900
ARTICLE_COUNT = 34


def pick_articles(corpus: Path, count: int = ARTICLE_COUNT) -> list[str]:
    """The ids of the corpus articles chosen for the article dev set, in the chosen order.

    Articles of :data:`MIN_WORDS` to :data:`MAX_WORDS` words, sorted by
    ``sha256(ARTICLE_SALT + id)``; the first ``count``. Nothing about the text but its
    length is looked at, so the choice is blind to what the articles say.
    """
    keyed: list[tuple[str, str]] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            words = len(str(record.get("text") or "").split())
            if MIN_WORDS <= words <= MAX_WORDS:
                digest = hashlib.sha256((ARTICLE_SALT + record["id"]).encode("utf-8")).hexdigest()
                keyed.append((digest, record["id"]))
    return [article_id for _, article_id in sorted(keyed)[:count]]
