"""Merge the resolved article codings into the packaged article dev set.

    python tools/build_article_gold.py [gold/articles/resolved] [../shared/data/corpus/...jsonl]

Reads one resolved coding per article (``<id>.json``), checks that every event and quote
points at text that occurs verbatim in the corpus article, and writes
``src/communique/evaluate/data/articles_dev.jsonl`` (one line per article, in the order of the
blind pick, annotations only — never the article text).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from communique.evaluate._article_pick import pick_articles
from communique.evaluate.articles import ARTICLES_DEV, load_corpus

ROOT = Path(__file__).resolve().parent.parent
EVENT_KEYS = (
    "id",
    "required",
    "one_sided",
    "source",
    "target",
    "symmetric",
    "types",
    "cameo_roots",
    "cameo",
    "mode",
    "modality",
    "attributed_to",
    "evidence",
)


def main(argv: list[str]) -> int:
    resolved = Path(argv[0]) if argv else ROOT / "gold" / "articles" / "resolved"
    corpus = (
        Path(argv[1])
        if len(argv) > 1
        else ROOT.parent / "shared" / "data" / "corpus" / "allsides_intl_2018_2020.jsonl"
    )
    order = pick_articles(corpus)
    texts = {key: article.text for key, article in load_corpus(corpus, order).items()}
    lines, problems = [], []
    for article_id in order:
        path = resolved / (article_id.replace("/", "_") + ".json")
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        text = texts[article_id]
        events = [{key: event.get(key) for key in EVENT_KEYS} for event in record["events"]]
        problems += [
            f"{path}: evidence not in the text: {e['evidence'][:60]!r}"
            for e in events
            if e["evidence"] not in text
        ]
        quotes = record.get("quotes") or []
        problems += [
            f"{path}: quote not in the text: {q['starts_with'][:60]!r}"
            for q in quotes
            if q["starts_with"] not in text
        ]
        entry = {"id": article_id, "events": events, "quotes": quotes}
        if record.get("resolution"):
            entry["resolution"] = record["resolution"]
        lines.append(json.dumps(entry, ensure_ascii=False))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    ARTICLES_DEV.parent.mkdir(parents=True, exist_ok=True)
    ARTICLES_DEV.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} articles to {ARTICLES_DEV}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
