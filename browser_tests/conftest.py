"""Fixtures of the browser tests: headless Chromium from Debian, driven by Playwright.

Playwright is pointed at ``/usr/bin/chromium`` (or ``$RELPOLICY_CHROMIUM``) and never
downloads a browser of its own. ``nox -s browser`` installs Debian's ``chromium`` when it
is missing, then runs these tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

#: The browser to drive.
CHROMIUM = Path(os.environ.get("RELPOLICY_CHROMIUM", "/usr/bin/chromium"))
#: How it is started: headless, and asking nothing of any network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--screenshots",
        default="build/browser",
        metavar="DIR",
        help="Where the screenshots of the report go (default: build/browser).",
    )


@pytest.fixture(scope="session")
def screenshots(pytestconfig: pytest.Config) -> Path:
    """The folder the screenshots are saved in."""
    folder = Path(str(pytestconfig.getoption("screenshots")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `nox -s browser` installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
