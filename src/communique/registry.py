"""Named, versioned registries of components, filled by one explicit :func:`populate`.

Each kind of component (readers, extractors, annotators, …) has one
:class:`Registry`. Names carry a version (``communique.html.v1``) so that an old
pipeline config keeps giving the same results. Built-in components register
themselves the same way third-party plugins do: :func:`populate` imports the
built-in provider modules listed in :data:`BUILTIN_PROVIDERS` and then every
entry point in the group ``communique.<kind>``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from communique.errors import PluginError

T = TypeVar("T")

KINDS = (
    "readers",
    "extractors",
    "annotators",
    "actor_finders",
    "stages",
    "event_coders",
    "quote_attributors",
    "exporters",
)

# Modules that provide the built-in components; each has ``register_builtins()``.
BUILTIN_PROVIDERS = (
    "communique.ingest",
    "communique.extract",
    "communique.annotate",
    "communique.actors",
    "communique.events",
    "communique.quotes",
    "communique.pipeline.stages",
)


class Registry(Generic[T]):
    """A mapping from versioned names to components of one kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, T] = {}

    def register(self, name: str, component: T) -> T:
        """Register ``component`` under ``name``; re-registering the same object is a no-op.

        Raises:
            PluginError: ``name`` is already taken by another component.
        """
        existing = self._entries.get(name)
        if existing is not None and existing is not component:
            raise PluginError(f"{self.kind} name {name!r} is already registered to {existing!r}.")
        self._entries[name] = component
        return component

    def get(self, name: str) -> T:
        """Return the component registered as ``name``.

        Raises:
            PluginError: No such name; the message lists the available names.
        """
        if not self._entries:
            populate()
        try:
            return self._entries[name]
        except KeyError:
            available = ", ".join(sorted(self._entries)) or "(none)"
            raise PluginError(
                f"No {self.kind} component named {name!r}. Available names: {available}."
            ) from None

    def names(self) -> list[str]:
        """Return the registered names, sorted."""
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries


readers: Registry[Callable[..., Any]] = Registry("readers")
extractors: Registry[Callable[..., Any]] = Registry("extractors")
annotators: Registry[Callable[..., Any]] = Registry("annotators")
actor_finders: Registry[Callable[..., Any]] = Registry("actor_finders")
stages: Registry[Callable[..., Any]] = Registry("stages")
event_coders: Registry[Callable[..., Any]] = Registry("event_coders")
quote_attributors: Registry[Callable[..., Any]] = Registry("quote_attributors")
exporters: Registry[Callable[..., Any]] = Registry("exporters")

_populated = False


def populate() -> None:
    """Register the built-in components and every installed plugin, once.

    Raises:
        PluginError: A built-in provider or an entry point cannot be loaded.
    """
    global _populated
    if _populated:
        return
    _populated = True
    for module_name in BUILTIN_PROVIDERS:
        module = importlib.import_module(module_name)
        module.register_builtins()
    for kind in KINDS:
        registry: Registry[Any] = globals()[kind]
        for entry in entry_points(group=f"communique.{kind}"):
            try:
                registry.register(entry.name, entry.load())
            except Exception as exc:  # a broken plugin must name itself
                raise PluginError(
                    f"Plugin {entry.name!r} ({entry.value}) failed to load: {exc}"
                ) from exc


def contents() -> dict[str, list[str]]:
    """Return every registry's names, for the golden registry test and ``communique info``."""
    populate()
    return {kind: globals()[kind].names() for kind in KINDS}
