"""The public API is a short, explicit list of names, all defined by communique."""

from __future__ import annotations

import communique

EXPECTED = {
    "Article",
    "CodedDocument",
    "CommuniqueError",
    "ConfigError",
    "Event",
    "InputError",
    "PluginError",
    "Quote",
    "Rejection",
    "Settings",
    "StorageError",
    "__version__",
    "code",
    "code_paths",
    "explain",
    "open",
}


def test_public_api_all_is_the_agreed_list() -> None:
    assert set(communique.__all__) == EXPECTED


def test_public_api_names_exist_and_belong_to_communique() -> None:
    for name in communique.__all__:
        member = getattr(communique, name)
        if name != "__version__":
            assert member.__module__.startswith("communique"), name
