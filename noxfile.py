"""Development sessions: ``nox`` runs tests, lint, typing and docs; ``nox -s bench`` and
``nox -s fuzz`` run only when asked for."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.sessions = ["tests", "lint", "typing"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


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
    install_groups(session, "test")
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
