"""Name cards that news sites print inside a sentence, cut out of the text.

Some sites (The Hill is the common one in our corpus) follow a politician's name with a
pop-up card: the full name, glued to the headlines of three recent stories, closed by
"MORE" — "President Trump Donald John TrumpGOP senators balk at … votes MORE said on
Sunday". Left in, the card splits the sentence it sits in (its real event is lost) and its
headlines are coded as events of their own. The card is known by its shape, not by site:
a surname, the full name ending in the same surname glued to a capitalised headline, and
"MORE" within one paragraph. The name as written before the card stays.
"""

from __future__ import annotations

import re

__all__ = ["drop_name_cards"]

_WORD = r"[A-Z(][\w'’().-]*"
_CARD = re.compile(
    r"\b(?P<surname>[A-Z][\w'’-]+)"  # the name as written ends with the surname …
    rf"(?P<card>(?: ?{_WORD})(?: {_WORD}){{0,4}} (?P=surname)"  # … the card's full name …
    r"[A-Z0-9'‘“\"][^\n]{10,600}? MORE)\b"  # … glued to its headlines, up to "MORE"
)


def drop_name_cards(text: str) -> tuple[str, tuple[str, ...]]:
    """Cut name cards out of ``text``.

    Returns:
        The text without its cards, and the cards cut (in order), so nothing is lost.
    """
    cards: list[str] = []

    def cut(match: re.Match[str]) -> str:
        cards.append(match.group("card").strip())
        return match.group("surname")

    return _CARD.sub(cut, text), tuple(cards)
