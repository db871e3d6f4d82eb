"""Embedded social-media posts: the post's words are a direct quote of the account's owner.

News pages print an embedded post as its text followed by a signature line — a dash, the
owner's name, the account handle in brackets and the date ("— Jane Porter (@janeporter)
March 3, 2019"). Without quotation marks or a verb of saying, the post's words would read as
the article's own ("The United States has given Pakistan 33 billion dollars …" asserted by
the newspaper). Here the post becomes a direct quote whose speaker is the named owner and
whose cue is the signature, so events in it are attributed to whoever posted them. The
signature may close the post's own paragraph or stand alone after it; a link to the post's
picture is not part of what was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from communique.quotes._direct import QuoteContext
from communique.quotes._speakers import AttributedQuote, Cue, Speaker

__all__ = ["embedded_posts"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "— Donald J. Trump (@realDonaldTrump) January 3, 2018" at the end of a paragraph.
_SIGNATURE = re.compile(
    r"(?:^|\s)[—–-]+\s*(?P<name>[^\s(@—–][^\n(@]{0,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})?\s*$"
)
# A link to the post's picture or to the post itself, left at the end of its text.
_TRAILING_LINK = re.compile(r"(?:\s+(?:pic\.twitter\.com/\w+|https?://\S+))+\s*$")
MIN_POST_CHARS = 20  # a shorter "post" is a caption or a stray handle
MAX_POST_CHARS = 340  # a post's 280 characters and its links: a longer block is the article's


def embedded_posts(context: QuoteContext) -> Iterator[AttributedQuote]:
    """Every embedded post of the text as a direct quote of its owner, in text order."""
    text, view, lookup = context.view.text, context.view, context.lookup
    blocks = context.paragraphs
    for n, (start, end) in enumerate(blocks):
        signature = _SIGNATURE.search(text[start:end])
        if signature is None:
            continue
        if signature.start() > MIN_POST_CHARS:
            post_start, post_end = start, start + signature.start()  # post, then signature
        elif n > 0:
            post_start, post_end = blocks[n - 1]  # the signature alone after the post
        else:
            continue
        link = _TRAILING_LINK.search(text[post_start:post_end])
        post_end = post_start + link.start() if link is not None else post_end
        post_end = post_start + len(text[post_start:post_end].rstrip())
        if not MIN_POST_CHARS <= post_end - post_start <= MAX_POST_CHARS:
            continue
        name_start, name_end = start + signature.start("name"), start + signature.end("name")
        head = view.token_at(name_end) - 1  # the name's last word
        speaker = Speaker(head, name_start, name_end, text[name_start:name_end], lookup.at(head))
        cue_start, cue_end = start + signature.start("handle") - 2, start + signature.end()
        yield AttributedQuote(
            post_start,
            post_end,
            text[post_start:post_end],
            "direct",
            speaker,
            Cue(text[cue_start:cue_end].strip(), cue_start, cue_end),
        )
