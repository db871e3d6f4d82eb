"""Indirect quotes: reported clauses, "according to X" and headline-style "X: …".

* A verb of saying with a clause ("Stoltenberg said [that] Russia's war … is supported by
  China"): the clause, without its "that", is the quote; the verb's subject is the speaker.
  A clause that is itself a direct quote is that quote's frame, not a second quote. Quoted
  words set inside the clause (said the charges were "absurd") stay in it: the indirect
  quote takes in the fragment, which is not a direct quote of its own.
* The same verb after the clause it reports ("The force will grow, the minister told a
  panel"; "Riding alone, they said, is hazardous"), which the parse hangs on the clause.
* "according to X" with the rest of its sentence.
* A line "X: …" whose words before the colon are one actor ("NATO: …").

An indirect quote needs a speaker: a clause reported by nobody named ("too early to say what
the consequences are") is not recorded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from communique.quotes._direct import QuoteContext
from communique.quotes._speakers import AttributedQuote, Cue, make_speaker
from communique.quotes.detect import QuoteSpan
from communique.speech import (
    QUOTE_CUE_VERBS,
    according_to,
    cue_speaker,
    is_passive_participle,
    reported_clause,
)
from communique.textview import TextView

MIN_CLAUSE_WORDS = 2
_VERB_POS = frozenset({"VERB", "AUX"})
_TRIM = frozenset({"PUNCT", "CCONJ"})
# Speech acts that report without a clause, and the dependents that hold what they report:
# an infinitive ("vowed to compete"), an object ("announced his candidacy"), or both
# ("urged voters to stay"); "accuse … of" and "ask … if" are read apart.
_INFINITIVE = frozenset({"xcomp"})
_OBJECT = frozenset({"dobj", "xcomp"})
OBJECT_CUES: dict[str, frozenset[str]] = {
    "promise": _OBJECT,
    "vow": _INFINITIVE,
    "pledge": _OBJECT,
    "urge": _OBJECT,
    "ask": _OBJECT,
    "accuse": _OBJECT,
    "announce": _OBJECT,
    "deny": _OBJECT,
    "confirm": _OBJECT,
    "acknowledge": _OBJECT,
    "claim": _OBJECT,
    "report": _OBJECT,
    "predict": _OBJECT,
}
# How the parse hangs a trailing or parenthetical "…, X said" on the clause it reports.
_INVERTED_DEPS = frozenset({"conj", "parataxis", "advcl"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'"})
_HEADLINE_LIMIT = 8  # tokens before the colon of a "X: …" line


def reported_clauses(
    context: QuoteContext, speech: Sequence[QuoteSpan]
) -> Iterator[AttributedQuote]:
    """An indirect quote for every verb of saying with a clause, outside direct quotes."""
    view = context.view
    for cue in range(len(view)):
        if not _is_cue(view, cue) or _inside(speech, view.tokens[cue].start):
            continue
        clause = reported_clause(view, cue)
        tokens = _clause_tokens(view, clause) if clause is not None else _object_tokens(view, cue)
        if tokens is None or _overlaps(view, speech, tokens):
            continue
        head = cue_speaker(view, cue)
        if head is None or _inside(speech, view.tokens[head].start):
            continue
        speaker = make_speaker(view, context.lookup, head, frozenset({cue, *tokens}))
        token = view.tokens[cue]
        start, end = view.chars(tokens[0], tokens[-1] + 1)
        yield AttributedQuote(
            start,
            end,
            view.text[start:end],
            "indirect",
            speaker,
            Cue(view.words[cue], token.start, token.end),
        )


def inverted_reports(
    context: QuoteContext, speech: Sequence[QuoteSpan]
) -> Iterator[AttributedQuote]:
    """ "The force will grow, the minister told a panel" and "Riding alone, they said, is
    hazardous": a verb of saying hung on the clause it reports, after a comma.

    The parse makes the cue a conjunct or a parenthetical of the reported verb; the quote is
    that verb's clause without the attribution.
    """
    view = context.view
    for cue in range(len(view)):
        token = view.tokens[cue]
        # a participle after a clause says something of its own ("…, adding to her wins")
        if not _is_cue(view, cue) or token.tag == "VBG":
            continue
        if token.dep not in _INVERTED_DEPS or reported_clause(view, cue):
            continue
        if token.head > cue and token.dep != "parataxis":
            continue
        if _inside(speech, token.start) or not _after_comma(view, token.head, cue):
            continue
        head = cue_speaker(view, cue)
        if head is None or head == token.head or _inside(speech, view.tokens[head].start):
            continue
        attribution = set(view.subtree(cue))
        sentence = view.sentence_range(token.sentence)
        tokens = _trim(
            view, [i for i in view.subtree(token.head) if i not in attribution and i in sentence]
        )
        if len(tokens) < MIN_CLAUSE_WORDS or _overlaps(view, speech, tokens):
            continue
        speaker = make_speaker(view, context.lookup, head, frozenset({cue, *tokens}))
        start, end = view.chars(tokens[0], tokens[-1] + 1)
        pieces = _pieces(view, tokens)
        yield AttributedQuote(
            start,
            end,
            " ".join(pieces),
            "indirect",
            speaker,
            Cue(view.words[cue], token.start, token.end),
        )


def according_to_clauses(
    context: QuoteContext, speech: Sequence[QuoteSpan]
) -> Iterator[AttributedQuote]:
    """ "Russia sent the shells, according to Seoul": the sentence without the attribution."""
    view = context.view
    for sentence in range(len(view.annotation.sentences)):
        source = according_to(view, sentence)
        if source is None or _inside(speech, view.tokens[source].start):
            continue
        to = view.tokens[source].head
        according = view.tokens[to].head
        phrase = set(view.subtree(according))
        rows = [i for i in view.sentence_range(sentence) if i not in phrase]
        before = [i for i in rows if i < according]
        after = [i for i in rows if i > according]
        tokens = _trim(view, after if len(after) > len(before) else before)
        if len(tokens) < MIN_CLAUSE_WORDS or _overlaps(view, speech, tokens):
            continue
        speaker = make_speaker(view, context.lookup, source, frozenset(rows))
        cue_start, cue_end = view.chars(according, to + 1)
        start, end = view.chars(tokens[0], tokens[-1] + 1)
        yield AttributedQuote(
            start,
            end,
            view.text[start:end],
            "indirect",
            speaker,
            Cue(view.text[cue_start:cue_end], cue_start, cue_end),
        )


def headline_claims(
    context: QuoteContext, speech: Sequence[QuoteSpan]
) -> Iterator[AttributedQuote]:
    """A line "X: …" whose part before the colon is one actor: X's claim."""
    view = context.view
    for start, end in context.paragraphs:
        first = view.token_at(start)
        colon = next(
            (
                i
                for i in range(first, min(first + _HEADLINE_LIMIT, len(view)))
                if view.tokens[i].start < end and view.words[i] == ":"
            ),
            None,
        )
        if colon is None or colon == first:
            continue
        mentions = {context.lookup.at(i) for i in range(first, colon)}
        if len(mentions) != 1 or None in mentions:
            continue
        rest = [i for i in range(colon + 1, len(view)) if view.tokens[i].start < end]
        tokens = _trim(view, rest)
        if len(tokens) < MIN_CLAUSE_WORDS or _overlaps(view, speech, tokens):
            continue
        if not any(view.tokens[i].pos in _VERB_POS for i in tokens):
            continue  # "NATO: a timeline" labels a section; a claim says something
        speaker = make_speaker(view, context.lookup, colon - 1, frozenset({colon, *tokens}))
        colon_token = view.tokens[colon]
        content_start, content_end = view.chars(tokens[0], tokens[-1] + 1)
        yield AttributedQuote(
            content_start,
            content_end,
            view.text[content_start:content_end],
            "indirect",
            speaker,
            Cue(":", colon_token.start, colon_token.end),
        )


def _is_cue(view: TextView, i: int) -> bool:
    """A verb of saying in the active voice."""
    if view.lemma(i) not in QUOTE_CUE_VERBS or view.tokens[i].pos not in _VERB_POS:
        return False
    return not is_passive_participle(view, i)


def _after_comma(view: TextView, verb: int, cue: int) -> bool:
    """A comma parts the attribution from the verb, and no "and" or "but" joins them."""
    between = range(min(verb, cue) + 1, max(verb, cue))
    if any(view.tokens[i].dep == "cc" and view.tokens[i].head == verb for i in between):
        return False
    return any(view.words[i] in {",", "—", "–"} for i in between)


def _pieces(view: TextView, tokens: list[int]) -> list[str]:
    """The text of each unbroken run of ``tokens`` (the clause around a parenthetical)."""
    runs: list[list[int]] = []
    for i in tokens:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    trimmed = [_trim(view, run) for run in runs]
    return [view.phrase(run[0], run[-1] + 1) for run in trimmed if run]


def _object_tokens(view: TextView, cue: int) -> list[int] | None:
    """What a speech act without a clause reports: "vowed [to compete]", "urged [voters to
    stay]", "accused [Clinton of lying]", "announced [his candidacy]", "asked [if …]"."""
    allowed = OBJECT_CUES.get(view.lemma(cue))
    if allowed is None:
        return None
    parts = [
        child
        for child in view.children(cue)
        if child > cue
        and (
            view.tokens[child].dep in allowed
            or (view.tokens[child].dep == "advcl" and _asks_whether(view, child))
            or (view.tokens[child].dep == "prep" and view.words[child].lower() in {"of", "for"})
        )
    ]
    if not parts:
        return None
    tokens = sorted(i for part in parts for i in view.subtree(part))
    tokens = _trim(view, list(range(tokens[0], tokens[-1] + 1)))
    words = [i for i in tokens if view.tokens[i].pos != "PUNCT"]
    return tokens if len(words) >= MIN_CLAUSE_WORDS else None


def _asks_whether(view: TextView, clause: int) -> bool:
    return any(
        view.tokens[c].dep == "mark" and view.words[c].lower() in {"if", "whether"}
        for c in view.children(clause)
    )


def _clause_tokens(view: TextView, clause: int) -> list[int] | None:
    """The clause's words without the leading "that" and edge punctuation, or ``None``."""
    tokens = view.subtree(clause)
    if (
        tokens
        and view.tokens[tokens[0]].dep == "mark"
        and view.words[tokens[0]].lower()
        in {
            "that",
        }
    ):
        tokens = tokens[1:]
    tokens = _trim(view, tokens)
    words = [i for i in tokens if view.tokens[i].pos != "PUNCT"]
    return tokens if len(words) >= MIN_CLAUSE_WORDS else None


def _trim(view: TextView, tokens: list[int]) -> list[int]:
    """Drop edge punctuation and conjunctions, keeping the marks of a quoted fragment."""

    def loose(i: int) -> bool:
        return view.tokens[i].pos in _TRIM and view.words[i] not in _QUOTE_MARKS

    while tokens and loose(tokens[0]):
        tokens = tokens[1:]
    while tokens and loose(tokens[-1]):
        tokens = tokens[:-1]
    return tokens


def _inside(quotes: Sequence[QuoteSpan], char: int) -> bool:
    return any(q.start <= char < q.end for q in quotes)


def _overlaps(view: TextView, quotes: Sequence[QuoteSpan], tokens: list[int]) -> bool:
    """True when the words overlap a direct quote: they are its frame or its content."""
    start, end = view.chars(tokens[0], tokens[-1] + 1)
    return any(q.start < end and start < q.end for q in quotes)
