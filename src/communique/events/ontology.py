"""The event ontology: CAMEO codes, PLOVER types and modes, and the crosswalk between them.

The facts live in ``events/data/cameo.tsv`` (312 CAMEO codes: Goldstein, quad class, PLOVER
type, mode, context) and ``plover.tsv`` (16 PLOVER types, their modes, the contexts); each header
says where they come from. ``load_ontology()`` reads them once into an ``Ontology`` that looks
codes up, maps CAMEO to PLOVER and back, and explains any of them (see ``docs/ontology.md``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from communique.errors import ConfigError, InputError

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_DATA_PACKAGE = "communique.events"
_LIST_HINT = "run `communique explain --list` to see every code, type and mode"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein weight, quad class and PLOVER crosswalk.

    Attributes:
        code: The CAMEO code: 2 digits for a root, 3 or 4 for finer codes ("04", "042", "0332").
        name: The codebook's short name for the code.
        goldstein: Goldstein conflict-cooperation weight, -10.0 to +10.0 (GDELT's table).
        quad_class: 1 verbal cooperation … 4 material conflict (GDELT's, fixed by the root).
        root: The 2-digit root the code belongs to.
        plover_type: The PLOVER type the code maps to; ``None`` when PLOVER does not code it.
        plover_mode: The PLOVER mode the code maps to, if the crosswalk gives one.
        plover_context: The PLOVER contexts the crosswalk gives (may be empty).
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def level(self) -> int:
        """0 for a root ("04"), 1 for a 3-digit code, 2 for a 4-digit code."""
        return len(self.code) - 2

    @property
    def parent(self) -> str | None:
        """The code one level up ("0332" → "033", "042" → "04"), ``None`` for a root."""
        return None if self.level == 0 else self.code[: len(self.code) - 1]


@dataclass(frozen=True, slots=True)
class PloverMode:
    """How an event of one PLOVER type happened ("visit" for CONSULT, "ceasefire" for RETREAT)."""

    name: str
    type: str
    description: str


@dataclass(frozen=True, slots=True)
class PloverType:
    """One of the 16 PLOVER event types, with its quad class and its modes."""

    name: str
    description: str
    quad_class: int
    modes: tuple[PloverMode, ...]

    def mode(self, name: str) -> PloverMode:
        """Return the mode called ``name`` (case-insensitive).

        Raises:
            InputError: The type has no such mode; the message lists the type's modes.
        """
        for mode in self.modes:
            if mode.name == name.strip().lower():
                return mode
        valid = ", ".join(m.name for m in self.modes) or "none"
        raise InputError("unknown-mode", f"{self.name} has no mode {name!r}; its modes: {valid}.")


class Ontology:
    """CAMEO codes and PLOVER types, looked up by name, with the crosswalk both ways."""

    def __init__(
        self,
        codes: Sequence[CameoCode],
        types: Sequence[PloverType],
        contexts: Mapping[str, str],
    ) -> None:
        """Index codes, types and contexts (name → description); ``load_ontology()`` builds one."""
        self._codes = {c.code: c for c in codes}
        self._types = {t.name: t for t in types}
        # What an event was about ("military", "economic"); any type may carry any context.
        self.contexts: Mapping[str, str] = dict(contexts)

    def codes(self) -> Iterator[CameoCode]:
        """Yield every CAMEO code in codebook order (each root, then its finer codes)."""
        yield from self._codes.values()

    def types(self) -> Iterator[PloverType]:
        """Yield the PLOVER types from most cooperative to most conflictual."""
        yield from self._types.values()

    def cameo(self, code: str) -> CameoCode:
        """Return the CAMEO code ``code`` ("042").

        Raises:
            InputError: ``unknown-code``; the message lists the valid codes under the same root.
        """
        found = self._codes.get(code.strip())
        if found is None:
            raise InputError("unknown-code", self._unknown_code_message(code.strip()))
        return found

    def root(self, code: str) -> CameoCode:
        """Return the 2-digit root of ``code`` ("0332" → "03"); raises as ``cameo()`` does."""
        return self._codes[self.cameo(code).root]

    def plover(self, name: str) -> PloverType:
        """Return the PLOVER type ``name`` (case-insensitive: "consult" finds CONSULT).

        Raises:
            InputError: ``unknown-type``; the message lists the 16 types.
        """
        found = self._types.get(name.strip().upper())
        if found is None:
            raise InputError(
                "unknown-type",
                f"unknown PLOVER type {name!r}; expected one of: {', '.join(self._types)}.",
            )
        return found

    def to_plover(self, code: str) -> tuple[str, str | None] | None:
        """Map a CAMEO code to its PLOVER ``(type, mode)``; raises as ``cameo()`` does.

        A code without a crosswalk of its own takes its nearest parent's; ``None`` means PLOVER
        does not code the category at all (CAMEO 01 statements and 02 appeals).
        """
        entry: CameoCode | None = self.cameo(code)
        while entry is not None and entry.plover_type is None:
            entry = self._codes.get(entry.parent) if entry.parent else None
        if entry is None or entry.plover_type is None:
            return None
        return entry.plover_type, entry.plover_mode

    def to_cameo(self, plover_type: str, mode: str | None = None) -> list[CameoCode]:
        """Return the CAMEO codes that map to a PLOVER type (and mode), most specific first.

        Args:
            plover_type: A PLOVER type ("CONSULT"), case-insensitive.
            mode: One of the type's modes ("visit"); ``None`` for every code of the type.

        Returns:
            Candidate codes, deepest level first, then in code order; empty for a PLOVER mode
            CAMEO never distinguished (CONSULT multilateral, RETREAT resign).

        Raises:
            InputError: The type, or the mode for that type, is unknown.
        """
        ptype = self.plover(plover_type)
        wanted = ptype.mode(mode).name if mode is not None else None
        found = [c for c in self._codes.values() if c.plover_type == ptype.name]
        found = [c for c in found if wanted is None or c.plover_mode == wanted]
        return sorted(found, key=lambda c: (-c.level, c.code))

    def goldstein(self, code: str) -> float:
        """Return the Goldstein weight of a CAMEO code (-10.0 … +10.0)."""
        return self.cameo(code).goldstein

    def quad_class(self, code: str) -> int:
        """Return the quad class (1-4) of a CAMEO code."""
        return self.cameo(code).quad_class

    def quad_class_name(self, quad_class: int) -> str:
        """Return the name of a quad class: 1 "verbal cooperation" … 4 "material conflict".

        Raises:
            InputError: ``unknown-quad-class`` when ``quad_class`` is not 1-4.
        """
        if quad_class not in QUAD_CLASS_NAMES:
            valid = ", ".join(_quad(n) for n in QUAD_CLASS_NAMES)
            raise InputError("unknown-quad-class", f"quad class {quad_class!r} is not {valid}.")
        return QUAD_CLASS_NAMES[quad_class]

    def explain(self, code_or_type: str) -> str:
        """Describe a CAMEO code ("042"), root ("04"), PLOVER type ("CONSULT") or "TYPE:mode".

        Returns:
            Name, Goldstein, quad class, PLOVER mapping and the codes under a CAMEO code; or the
            description, modes and CAMEO codes of a PLOVER type or mode ("RETREAT:ceasefire").

        Raises:
            InputError: Nothing by that name; the message lists close valid choices.
        """
        text = code_or_type.strip()
        if text.isdigit():
            return _explain_code(self, self.cameo(text))
        type_name, _, mode_name = text.partition(":")
        if type_name.upper() not in self._types and not mode_name:
            raise InputError(
                "unknown-code",
                f"{text!r} is neither a CAMEO code (2-4 digits, such as 042) nor a PLOVER type; "
                f"PLOVER types: {', '.join(self._types)}; {_LIST_HINT}.",
            )
        ptype = self.plover(type_name)
        if mode_name:
            return _explain_mode(self, ptype, ptype.mode(mode_name))
        return _explain_type(self, ptype)

    def overview(self, *, full: bool = False) -> str:
        """List the CAMEO roots and PLOVER types, or with ``full`` every code, mode and context."""
        codes = list(self.codes()) if full else [c for c in self.codes() if c.level == 0]
        lines = _table("CAMEO codes" if full else "CAMEO roots", codes, nest=True)[1:]
        lines += ["", "  PLOVER types (name, quad class):"]
        for ptype in self.types():
            lines.append(f"    {ptype.name:<10} {_quad(ptype.quad_class)}")
            if full:
                lines += [f"      {m.name:<15} {m.description}" for m in ptype.modes]
        if full:
            lines += ["", "  PLOVER contexts:"]
            lines += [f"    {name:<23} {text}" for name, text in self.contexts.items()]
        return "\n".join(lines)

    def _unknown_code_message(self, code: str) -> str:
        same_root = [c.code for c in self._codes.values() if c.root == code[:2]]
        if same_root:
            close = f"codes under root {code[:2]}: {', '.join(same_root)}"
        else:
            close = f"the roots are {', '.join(c.code for c in self.codes() if c.level == 0)}"
        return f"unknown CAMEO code {code!r}; {close}; {_LIST_HINT}."


def _quad(quad_class: int) -> str:
    return f"{quad_class} {QUAD_CLASS_NAMES.get(quad_class, '?')}"


def _signed(value: float) -> str:
    return f"{value:+.1f}" if value else "0.0"


def _table(title: str, codes: Sequence[CameoCode], *, nest: bool) -> list[str]:
    """Codes as rows (code, Goldstein, PLOVER type:mode, name), indented by level if ``nest``."""
    lines = ["", f"  {title} (code, Goldstein, PLOVER, name):"]
    top = min((c.level for c in codes), default=0) if nest else 0
    for c in codes:
        cell = " " * (2 * (c.level - top) if nest else 0) + c.code
        mapping = ":".join(p for p in (c.plover_type, c.plover_mode) if p) or "-"
        lines.append(f"    {cell:<9} {_signed(c.goldstein):>5}  {mapping:<24} {c.name}")
    return lines


def _explain_code(onto: Ontology, code: CameoCode) -> str:
    plover = "none (PLOVER does not code this CAMEO category)"
    if code.plover_type is not None:
        plover = code.plover_type + (f", mode {code.plover_mode}" if code.plover_mode else "")
    lines = [f"CAMEO {code.code}: {code.name}"]
    for label, up in (("root:", code.root), ("parent:", code.parent if code.level == 2 else None)):
        if up is not None and up != code.code:
            lines.append(f"  {label:<13}{up} {onto.cameo(up).name}")
    lines += [
        f"  goldstein:   {_signed(code.goldstein)}",
        f"  quad class:  {_quad(code.quad_class)}",
        f"  PLOVER:      {plover}",
        f"  context:     {', '.join(code.plover_context) or '-'}",
    ]
    below = [c for c in onto.codes() if c.code.startswith(code.code) and c.code != code.code]
    if below:
        lines += _table(f"codes under {code.code}", below, nest=True)
    return "\n".join(lines)


def _explain_type(onto: Ontology, ptype: PloverType) -> str:
    lines = [
        f"PLOVER {ptype.name}: {ptype.description}",
        f"  quad class:  {_quad(ptype.quad_class)}",
        "  modes:" if ptype.modes else "  modes:       none",
    ]
    for mode in ptype.modes:
        codes = ", ".join(c.code for c in onto.to_cameo(ptype.name, mode.name))
        lines.append(f"    {mode.name:<15} {mode.description} ({codes or 'no CAMEO code'})")
    every = sorted(onto.to_cameo(ptype.name), key=lambda c: c.code)
    return "\n".join(lines + _table("CAMEO codes", every, nest=False))


def _explain_mode(onto: Ontology, ptype: PloverType, mode: PloverMode) -> str:
    codes = onto.to_cameo(ptype.name, mode.name)
    lines = [
        f"PLOVER {ptype.name}:{mode.name}: {mode.description}",
        f"  type:        {ptype.name}: {ptype.description}",
        f"  quad class:  {_quad(ptype.quad_class)}",
    ]
    none = [f"  CAMEO codes: none; CAMEO has no code for this mode (see {ptype.name})"]
    return "\n".join(lines + (_table("CAMEO codes", codes, nest=False) if codes else none))


def _read_table(name: str) -> list[dict[str, str]]:
    """Read one of our TSV files: ``#`` comments, a header row, then tab-separated rows.

    Trailing empty cells may be missing (editors strip trailing tabs); extra cells are an error.
    """
    text = resources.files(_DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    bad = next((row for row in body if len(row) > len(header)), None)
    if bad is not None:
        raise ConfigError(f"{name}: more cells than the columns {header} in {bad!r}; fix it.")
    return [dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)) for row in body]


def _load_codes() -> list[CameoCode]:
    return [
        CameoCode(
            code=r["code"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            root=r["root"],
            plover_type=r["plover_type"] or None,
            plover_mode=r["plover_mode"] or None,
            plover_context=tuple(c for c in r["plover_context"].split(";") if c),
        )
        for r in _read_table("cameo.tsv")
    ]


def _load_plover() -> tuple[list[PloverType], dict[str, str]]:
    rows = _read_table("plover.tsv")
    modes = [PloverMode(r["name"], r["type"], r["description"]) for r in rows if r["type"]]
    types = [
        PloverType(
            r["name"],
            r["description"],
            int(r["quad_class"]),
            modes=tuple(m for m in modes if m.type == r["name"]),
        )
        for r in rows
        if r["kind"] == "type"
    ]
    contexts = {r["name"]: r["description"] for r in rows if r["kind"] == "context"}
    return types, contexts


def _check(onto: Ontology) -> None:
    """Fail early where the files disagree: unknown quad class, root, type, mode or context."""
    contexts = set(onto.contexts)
    roots = {c.code for c in onto.codes() if c.level == 0}
    quads = {t.quad_class for t in onto.types()} | {c.quad_class for c in onto.codes()}
    if not quads <= set(QUAD_CLASS_NAMES):
        raise ConfigError(f"quad classes must be 1-4, found {sorted(quads)}; fix events/data/.")
    for code in onto.codes():
        try:
            ptype = onto.plover(code.plover_type) if code.plover_type else None
            if ptype is not None and code.plover_mode is not None:
                ptype.mode(code.plover_mode)
        except InputError as exc:
            raise ConfigError(f"cameo.tsv code {code.code}: {exc} Fix events/data/.") from None
        if code.root not in roots or not set(code.plover_context) <= contexts:
            raise ConfigError(
                f"cameo.tsv code {code.code}: root {code.root!r} or a context in "
                f"{code.plover_context} is unknown; contexts are listed in plover.tsv."
            )


@cache
def load_ontology() -> Ontology:
    """Load the ontology from ``communique/events/data`` once; later calls return the same one.

    Raises:
        ConfigError: A data file is malformed or the two files disagree.
    """
    try:
        codes = _load_codes()
        types, contexts = _load_plover()
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"events/data/ holds a malformed cell or column: {exc}") from None
    onto = Ontology(codes, types, contexts)
    _check(onto)
    return onto


def explain(code_or_type: str) -> str:
    """Describe a CAMEO code ("042"), root ("04"), PLOVER type ("CONSULT") or "TYPE:mode".

    Raises:
        InputError: Nothing by that name; the message lists close valid choices.
    """
    return load_ontology().explain(code_or_type)
