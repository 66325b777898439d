"""Barometer: analysis of KS' innovation-barometer surveys."""

from importlib import metadata


def _version() -> str:
    """The installed package's version (pyproject.toml is the one place it is written).

    A frozen bundle carries the package metadata (build.spec `copy_metadata`); a bare source
    tree that was never installed has none and says so rather than guessing.
    """
    try:
        return metadata.version("barometer")
    except metadata.PackageNotFoundError:
        return "0+ukjent"


__version__ = _version()
