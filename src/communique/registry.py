"""Named, versioned registries of components, and the plugins that fill them.

The one registry read today is :data:`stages`: the pipeline is a list of stage names
(``Settings.pipeline_stages``), each looked up here when a pipeline is built. Names carry a
version (``communique.events.v1``) so that a run's recorded configuration says exactly what
coded it. The built-in stages are registered by ``communique.pipeline`` (which knows them);
third-party stages are registered by :func:`load_plugins` from the entry-point group
``communique.stages``, and replace a built-in by being named in ``pipeline_stages``.

This module imports nothing of the pipeline or the stage packages (an import contract
checks it), so any layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from communique.errors import PluginError

T = TypeVar("T")

# The registries, by kind; each kind's plugins come from the entry-point group communique.<kind>.
KINDS = ("stages",)


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


# Stage factories: called as factory(settings, context) and returning a Stage.
stages: Registry[Callable[..., Any]] = Registry("stages")

_plugins_loaded = False


def load_plugins() -> None:
    """Register every installed plugin (entry points ``communique.<kind>``), once.

    Raises:
        PluginError: An entry point cannot be loaded, or takes a name already registered.
    """
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for kind in KINDS:
        registry: Registry[Any] = globals()[kind]
        for entry in entry_points(group=f"communique.{kind}"):
            try:
                registry.register(entry.name, entry.load())
            except PluginError:
                raise
            except Exception as exc:  # a broken plugin must name itself
                raise PluginError(
                    f"Plugin {entry.name!r} ({entry.value}) failed to load: {exc}"
                ) from exc


def contents() -> dict[str, list[str]]:
    """Every registry's names (``communique info`` and the golden registry test)."""
    return {kind: globals()[kind].names() for kind in KINDS}
