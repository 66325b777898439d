"""Barometer: analysis of KS' innovation-barometer surveys."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`barometer_gui.__version__`: the installed package's version, looked up on first use.

    pyproject.toml is the one place the version is written; a frozen bundle carries the package
    metadata (build.spec `copy_metadata`). Looked up lazily because importlib.metadata costs
    ≈ 50-100 ms at start-up and most runs never ask. A source tree that was never installed has
    no metadata and says so rather than guessing.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("barometer")
    except metadata.PackageNotFoundError:
        version = "0+ukjent"
    globals()["__version__"] = version
    return version
