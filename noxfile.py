"""Development sessions: ``nox`` runs tests, lint, typing and docs; ``nox -s browser``,
``nox -s bench`` and ``nox -s fuzz`` run only when asked for (CI runs ``browser`` too)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.sessions = ["tests", "lint", "typing", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")

#: A third-party plugin distribution kept in the repository: the docs and the tests use it.
EXAMPLE_PLUGIN = "./examples/relpolicy-example-plugin"
#: The browser the browser tests drive: Debian's chromium package (Playwright downloads none).
CHROMIUM = "/usr/bin/chromium"


def install_groups(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Install the project (unless told not to) and the named dependency groups."""
    requirements: list[str] = []
    for group in groups:
        requirements.extend(nox.project.dependency_groups(PYPROJECT, group))
    if project:
        requirements.append(".")
    session.install(*requirements)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pass pytest options after ``--``)."""
    install_groups(session, "test", project=False)
    session.install(".[dask,report]", EXAMPLE_PLUGIN)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff."""
    install_groups(session, "lint", project=False)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the library, the standard plugins and this file with ``mypy --strict``."""
    install_groups(session, "typing")
    session.run("mypy", "src", "plugins", "noxfile.py", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs (nitpicky, warnings are errors); run their examples, the tests of the Sphinx
    extension and the example plugin's tests."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "docs"), ".[testing,report]", EXAMPLE_PLUGIN)
    session.run("sphinx-build", "-n", "-W", "--keep-going", "-E", "-b", "html", "docs", "docs/_build/html")
    session.run("pytest", "docs", "tests/test_sphinxext.py", f"{EXAMPLE_PLUGIN}/tests", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Open ``relpolicy report``'s page in headless Chromium and check what a person sees.

    Installs Debian's ``chromium`` with apt when ``/usr/bin/chromium`` is missing (as root,
    or through sudo). Screenshots go to ``build/browser/``; the docs show its ``report.png``
    (copy it to ``docs/images/`` to refresh it).
    """
    if not Path(CHROMIUM).is_file():
        apt = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q"]
        if os.geteuid() != 0 and shutil.which("sudo"):
            apt.insert(0, "sudo")
        session.run(*apt, "update", external=True)
        session.run(*apt, "install", "-y", "--no-install-recommends", "chromium", external=True)
    install_groups(session, "browser", project=False)
    session.install(".[report]")
    session.run("pytest", "browser_tests", *session.posargs, env={"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"})


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """A long Hypothesis run over ``Request.from_dict`` and ``Policy.decide``, printing its figures.

    ``nox -s fuzz -- 50000`` sets the number of examples of each (10,000 by default).
    """
    install_groups(session, "test")
    session.run("python", "tests/test_robustness_fuzz.py", *session.posargs)


@nox.session(default=False)
def blind(session: nox.Session) -> None:
    """Decide the blind split once and print its figures (``relpolicy evaluate``).

    Run it when a change to the rules is done, and report what it says; nothing is
    ever tuned on these requests (``tests/data/CORPUS.md``).
    """
    session.install(".")
    paths = sorted(str(path) for path in Path("tests/data/blind").glob("*.jsonl"))
    session.run("relpolicy", "evaluate", *paths, *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks and print the tables of ``docs/performance.md`` (several minutes).

    ``nox -s bench -- -k framework`` runs some of them; the raw figures go to
    ``.benchmarks/bench.json``.
    """
    install_groups(session, "bench", project=False)
    session.install(".[dask]")
    session.run("pytest", "benchmarks", "--benchmark-json", ".benchmarks/bench.json", *session.posargs)
    session.run("python", "benchmarks/report.py", ".benchmarks/bench.json")
