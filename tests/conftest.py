"""Fixtures every test shares."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_plugin_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test as if the shell set none of relpolicy's plugin switches."""
    for name in ("RELPOLICY_LOAD_PLUGINS", "RELPOLICY_DISABLE_PLUGINS", "RELPOLICY_TRACE_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
