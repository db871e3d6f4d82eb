"""Who an object pronoun cannot be: the subject of its own clause.

"The president thanked him" — "him" is someone other than the president (were it the
president, the text would say "himself"); "Kim asked Moon to visit him" — "him" is not Moon,
who does the visiting, so it is Kim. A reflexive ("praised himself") is that subject.
"""

from __future__ import annotations

from communique.speech import SUBJECT_DEPS
from communique.textview import TextView, child_with

# Object forms of the personal pronouns ("her" only where it is no possessive).
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself"})
# How a pronoun hangs on the verb whose subject it cannot be.
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_VERB_TAGS = frozenset({"VERB", "AUX"})


def clause_subject(view: TextView, i: int) -> int | None:
    """The token of the subject of the verb that object pronoun ``i`` is an argument of —
    directly, or through a preposition on that verb ("spoke to him", "praised by him"); for
    an infinitive with no subject of its own, the one who does it: the object of the verb
    that governs it, else that verb's subject ("asked Moon to visit him": Moon). None when
    the pronoun is no verb's argument or the clause shows no subject."""
    tokens = view.tokens
    if view.words[i].lower() not in OBJECT_PRONOUNS | REFLEXIVE_PRONOUNS:
        return None
    verb = tokens[i].head
    if tokens[i].dep == "pobj" and tokens[verb].dep in {"prep", "agent", "dative"}:
        verb = tokens[verb].head
    elif tokens[i].dep not in _OBJECT_DEPS:
        return None
    if tokens[verb].pos not in _VERB_TAGS:
        return None
    subject = child_with(view, verb, SUBJECT_DEPS)
    if subject is not None or tokens[verb].dep != "xcomp":
        return subject
    governor = tokens[verb].head
    return child_with(view, governor, {"dobj"}) or child_with(view, governor, SUBJECT_DEPS)
