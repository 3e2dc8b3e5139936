"""The ``relpolicy`` command (placeholder until the command line lands)."""


def main() -> None:
    """Run the command line."""
    raise SystemExit("relpolicy: the command line is not built yet")
