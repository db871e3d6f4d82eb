"""The event lexicon: which verbs and nouns code which CAMEO event, read from ``data/``.

``data/lexicon.tsv`` lists event words (a spaCy lemma, a part of speech, an optional
particle) with the CAMEO code and PLOVER type they code, the direction of the event and
the prepositions that introduce its target. The same word can code different events
depending on its object ("send troops" vs "send a letter"): such entries name an object
class from ``data/object_classes.tsv``, a list of lemmas with an optional parent class
("weapons" is a kind of "military"). Both files are ours; docs/lexicon.md explains them.

``lookup`` picks the entry for one occurrence of a word:

1. entries whose particle is set but absent from the text are dropped;
2. an entry whose particle is present beats one without;
3. then an entry whose object class matches the object's words beats the default (no
   class): a direct match beats a parent match, and a class listed earlier in
   object_classes.tsv beats a later one ("military aid": military before aid);
4. remaining ties go to the entry written first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal, cast, get_args

from communique.errors import ConfigError
from communique.records import Modality

__all__ = ["Lexicon", "LexiconEntry", "ObjectClass", "load_lexicon", "parse_lexicon"]

Direction = Literal["forward", "inverse", "mutual"]
PartOfSpeech = Literal["verb", "noun"]

PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
PARTS_OF_SPEECH: tuple[PartOfSpeech, ...] = get_args(PartOfSpeech)
MODALITIES = frozenset(get_args(Modality))
LEXICON_COLUMNS = (
    "cameo", "plover", "mode", "pos", "lemma", "particle", "object_class", "direction",
    "target_preps", "modality", "example",
)  # fmt: skip
CLASS_COLUMNS = ("class", "parent", "lemmas", "description")
LEXICON_FILE = "lexicon.tsv"
CLASSES_FILE = "object_classes.tsv"
CODES_FILE = "cameo.tsv"
_DATA_PACKAGE = "communique.events"
_CODE_FORMAT = re.compile(r"\d{2,4}")
# spaCy's coarse tags, accepted by lookup() beside our own "verb" and "noun".
_POS_ALIASES = {"verb": "verb", "aux": "verb", "noun": "noun", "propn": "noun"}


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One way a word codes an event: one row of lexicon.tsv.

    Attributes:
        cameo: The CAMEO event code ("042", "0332", "190").
        plover: The PLOVER event type, or ``None`` for CAMEO codes PLOVER drops.
        mode: The PLOVER mode, or ``None``.
        pos: ``"verb"`` or ``"noun"``.
        lemma: The spaCy lemma of the head word.
        particle: A particle or required preposition ("up" in "step up"), or ``None``.
        object_class: The object class the object (or, for nouns, a modifier) must belong
            to, or ``None`` for the word's default meaning.
        direction: ``"forward"`` (subject → target), ``"inverse"`` (receiving: the giver is
            the source, the subject the target) or ``"mutual"`` (symmetric).
        target_preps: Prepositions whose object is the target ("to", "with", "against").
        modality: A modality the word itself carries ("intended" for "promise"), or ``None``.
        example: A sentence of our own in which this entry is the event.
    """

    cameo: str
    plover: str | None
    mode: str | None
    pos: PartOfSpeech
    lemma: str
    particle: str | None
    object_class: str | None
    direction: Direction
    target_preps: tuple[str, ...]
    modality: str | None
    example: str


@dataclass(frozen=True, slots=True)
class ObjectClass:
    """A class of object words: one row of object_classes.tsv."""

    name: str
    parent: str | None
    lemmas: tuple[str, ...]
    description: str


class Lexicon:
    """The event lexicon, indexed by (lemma, part of speech) for constant-time lookup.

    Attributes:
        entries: Every entry, in file order.
        classes: Every object class, in precedence order (first wins).
        index: Positions in ``entries`` by ``(lemma, pos)``, in file order.
    """

    def __init__(self, entries: Sequence[LexiconEntry], classes: Sequence[ObjectClass]) -> None:
        self.entries = tuple(entries)
        self.classes = tuple(classes)
        self.index: dict[tuple[str, str], tuple[int, ...]] = {}
        for i, entry in enumerate(self.entries):
            key = (entry.lemma, entry.pos)
            self.index[key] = (*self.index.get(key, ()), i)
        self._class_of = {lemma: c.name for c in self.classes for lemma in c.lemmas}
        self._rank = {c.name: n for n, c in enumerate(self.classes)}
        self._parent = {c.name: c.parent for c in self.classes}
        self._chains = {c.name: self.class_chain(c.name) for c in self.classes}
        self._lemmas: dict[str, frozenset[str]] = {
            pos: frozenset(e.lemma for e in self.entries if e.pos == pos) for pos in PARTS_OF_SPEECH
        }

    def lookup(
        self,
        lemma: str,
        pos: str,
        *,
        particles: Collection[str] = (),
        object_lemmas: Collection[str] = (),
    ) -> LexiconEntry | None:
        """Return the entry a word codes in context, or ``None`` when it codes nothing.

        Args:
            lemma: The word's spaCy lemma (any case).
            pos: ``"verb"`` or ``"noun"`` (spaCy's ``VERB``, ``AUX``, ``NOUN``, ``PROPN`` too).
            particles: Particles and prepositions attached to the word ("up", "for").
            object_lemmas: Lemmas of the object and its modifiers (for a noun: its
                modifiers), which decide between meanings ("troops" vs "letter").

        Returns:
            The best entry by the rules in the module docstring, or ``None``.
        """
        kind = _POS_ALIASES.get(pos.lower())
        if kind is None:
            return None
        candidates = self.index.get((lemma.lower(), kind), ())
        if not candidates:
            return None
        present = {p.lower() for p in particles}
        ranks = self._class_ranks(object_lemmas)
        best: tuple[int, int, int, int, int] | None = None
        for i in candidates:
            entry = self.entries[i]
            if entry.particle is not None and entry.particle not in present:
                continue
            if entry.object_class is None:
                rank = (1, 0, 0)
            elif entry.object_class in ranks:
                rank = (0, *ranks[entry.object_class])
            else:
                continue
            key = (0 if entry.particle else 1, *rank, i)
            best = key if best is None or key < best else best
        return None if best is None else self.entries[best[-1]]

    def object_class(self, lemma: str) -> str | None:
        """The object class a lemma belongs to ("missile" → "weapons"), or ``None``."""
        return self._class_of.get(lemma.lower())

    def class_chain(self, name: str) -> tuple[str, ...]:
        """A class and its ancestors, nearest first ("weapons" → weapons, military)."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current not in chain:
            chain.append(current)
            current = self._parent.get(current)
        return tuple(chain)

    def lemmas(self, pos: str) -> frozenset[str]:
        """Every lemma with an entry for ``pos`` ("verb" or "noun"), for fast pre-filtering."""
        kind = _POS_ALIASES.get(pos.lower())
        return self._lemmas.get(kind, frozenset()) if kind else frozenset()

    def _class_ranks(self, object_lemmas: Iterable[str]) -> dict[str, tuple[int, int]]:
        """For each class the object words reach: (depth, precedence) of its best match."""
        ranks: dict[str, tuple[int, int]] = {}
        for lemma in object_lemmas:
            name = self._class_of.get(lemma.lower())
            if name is None:
                continue
            for depth, reached in enumerate(self._chains[name]):
                rank = (depth, self._rank[name])
                if reached not in ranks or rank < ranks[reached]:
                    ranks[reached] = rank
        return ranks


@functools.cache
def load_lexicon() -> Lexicon:
    """Return the built-in lexicon, read and checked once per process.

    Returns:
        The lexicon from ``communique/events/data``.

    Raises:
        ConfigError: A row of lexicon.tsv or object_classes.tsv is malformed; the message
            names the file, the line and the problem.
    """
    return parse_lexicon(_read(LEXICON_FILE), _read(CLASSES_FILE), _known_codes())


def parse_lexicon(
    lexicon_text: str, classes_text: str, codes: Collection[str] | None = None
) -> Lexicon:
    """Build a lexicon from the text of lexicon.tsv and object_classes.tsv, checking both.

    Args:
        lexicon_text: The content of a lexicon.tsv.
        classes_text: The content of an object_classes.tsv.
        codes: The valid CAMEO codes; when ``None`` only their format (2-4 digits) is checked.

    Returns:
        The checked lexicon.

    Raises:
        ConfigError: A row is malformed; the message names the file, line and problem.
    """
    classes = _parse_classes(_rows(classes_text, CLASSES_FILE, CLASS_COLUMNS))
    known = {c.name for c in classes}
    entries: list[LexiconEntry] = []
    seen: dict[tuple[str, str, str | None, str | None], int] = {}
    for line, row in _rows(lexicon_text, LEXICON_FILE, LEXICON_COLUMNS):
        entry = _parse_entry(row, _Checker(LEXICON_FILE, line), known, codes)
        key = (entry.lemma, entry.pos, entry.particle, entry.object_class)
        if key in seen:
            raise _error(
                LEXICON_FILE,
                line,
                f"duplicates line {seen[key]} (same lemma, pos, particle and object_class), "
                "so it could never be chosen; merge the two rows",
            )
        seen[key] = line
        entries.append(entry)
    return Lexicon(entries, classes)


class _Checker:
    """Raises ConfigError for one line of one file."""

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line

    def choice(self, column: str, value: str, allowed: Iterable[str]) -> str:
        options = sorted(allowed)
        if value not in options:
            raise _error(
                self.file, self.line, f"{column} {value!r} is not one of {', '.join(options)}"
            )
        return value

    def fail(self, problem: str) -> ConfigError:
        return _error(self.file, self.line, problem)


def _parse_entry(
    row: Mapping[str, str], check: _Checker, classes: Collection[str], codes: Collection[str] | None
) -> LexiconEntry:
    cameo, lemma, example = row["cameo"], row["lemma"], row["example"]
    if not _CODE_FORMAT.fullmatch(cameo):
        raise check.fail(f"cameo {cameo!r} is not a CAMEO code (2 to 4 digits)")
    if codes is not None and cameo not in codes:
        raise check.fail(f"cameo {cameo!r} is not a code in {CODES_FILE}")
    if row["plover"]:
        check.choice("plover", row["plover"], PLOVER_TYPES)
    if row["object_class"]:
        check.choice("object_class", row["object_class"], classes)
    if row["modality"]:
        check.choice("modality", row["modality"], MODALITIES)
    if not lemma or lemma != lemma.strip().lower() or " " in lemma:
        raise check.fail(f"lemma {lemma!r} must be one lower-case word")
    if not example.strip():
        raise check.fail("example is empty; write a sentence in which this entry is the event")
    if lemma[:4] not in example.lower():
        raise check.fail(f"example {example!r} does not contain the lemma {lemma!r}")
    return LexiconEntry(
        cameo=cameo,
        plover=row["plover"] or None,
        mode=row["mode"] or None,
        pos=cast(PartOfSpeech, check.choice("pos", row["pos"], PARTS_OF_SPEECH)),
        lemma=lemma,
        particle=row["particle"].lower() or None,
        object_class=row["object_class"] or None,
        direction=cast(Direction, check.choice("direction", row["direction"], DIRECTIONS)),
        target_preps=_split(row["target_preps"]),
        modality=row["modality"] or None,
        example=example,
    )


def _parse_classes(rows: Iterable[tuple[int, dict[str, str]]]) -> list[ObjectClass]:
    classes: list[ObjectClass] = []
    owner: dict[str, str] = {}
    for line, row in rows:
        name = row["class"]
        lemmas = _split(row["lemmas"])
        if not name or not lemmas:
            raise _error(CLASSES_FILE, line, "class and lemmas must not be empty")
        if any(c.name == name for c in classes):
            raise _error(CLASSES_FILE, line, f"class {name!r} is defined twice")
        for lemma in lemmas:
            if lemma in owner:
                raise _error(
                    CLASSES_FILE, line, f"lemma {lemma!r} is already in class {owner[lemma]!r}"
                )
            owner[lemma] = name
        classes.append(ObjectClass(name, row["parent"] or None, lemmas, row["description"]))
    parents = {c.name: c.parent for c in classes}
    for c in classes:
        if c.parent is not None and c.parent not in parents:
            raise ConfigError(
                f"{CLASSES_FILE}: class {c.name!r} has parent {c.parent!r}, which is not a class; "
                f"known classes: {', '.join(sorted(parents))}."
            )
        ancestor, seen = c.parent, {c.name}
        while ancestor is not None:
            if ancestor in seen:
                raise ConfigError(f"{CLASSES_FILE}: class {c.name!r} is its own ancestor.")
            seen.add(ancestor)
            ancestor = parents[ancestor]
    return classes


def _rows(text: str, file: str, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Numbered rows of one of our TSV files: ``#`` comments, a header, then data rows."""
    numbered = [
        (n, line.split("\t"))
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered or tuple(numbered[0][1]) != tuple(columns):
        raise ConfigError(
            f"{file}: the header must be the tab-separated columns {', '.join(columns)}; "
            f"found {numbered[0][1] if numbered else 'nothing'}."
        )
    rows = []
    for n, cells in numbered[1:]:
        if len(cells) != len(columns):
            raise _error(
                file, n, f"expected {len(columns)} tab-separated columns, got {len(cells)}"
            )
        rows.append((n, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in cell.split("|") if part.strip())


def _error(file: str, line: int, problem: str) -> ConfigError:
    return ConfigError(f"{file}, line {line}: {problem}; fix the row in events/data/{file}.")


def _read(name: str) -> str:
    return resources.files(_DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


def _known_codes() -> frozenset[str] | None:
    """The codes of the ontology's cameo.tsv when it is there, else ``None`` (format only)."""
    path = resources.files(_DATA_PACKAGE).joinpath("data", CODES_FILE)
    if not path.is_file():
        return None
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    header = lines[0].split("\t") if lines else []
    if "code" not in header:
        return None
    column = header.index("code")
    return frozenset(x.split("\t")[column].strip() for x in lines[1:])
