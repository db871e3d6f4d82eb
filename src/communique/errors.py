"""Errors raised by communique.

All of them derive from one root, so callers can catch everything we raise::

    CommuniqueError
    ├── InputError      a document or path that cannot be read or coded
    ├── ConfigError     a bad setting, pipeline config or missing model
    ├── PluginError     an unknown or broken registry entry
    └── StorageError    the database cannot be opened or written

Messages say what was expected, what was received and how to fix it.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Root of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """A document or path cannot be read, decoded or coded.

    Attributes:
        reason: A short machine-readable reason (``empty``, ``binary`` …),
            used as ``Rejection.reason``.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Worker processes send errors back pickled; the default rebuilds with one argument.
        return (InputError, (self.reason, self.detail))


class ConfigError(CommuniqueError):
    """A setting, pipeline config or model does not match what is expected."""


class PluginError(CommuniqueError):
    """A registry name is unknown or its entry cannot be loaded."""


class StorageError(CommuniqueError):
    """The database cannot be opened, migrated or written."""
