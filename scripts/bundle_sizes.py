"""Print what each library contributes to a built one-folder bundle, and the total (unpacked).

Usage: python scripts/bundle_sizes.py dist/barometer [--target-mb 300] [--limit-mb 340]
Sizes are of regular files (symlinks that PyInstaller makes for shared libraries count once, at
their target). --target-mb only reports; exit status 1 when the bundle is larger than --limit-mb
(a guard against growth, set above today's size).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

# Top-level files of _internal/ by name → the library that brought them.
NAMED = [
    (r"^libQt6|^libicu|^libpyside6|^libshiboken6", "PySide6 (Qt)"),
    (r"^libpython|^base_library\.zip$|^python3", "Python runtime"),
    (r"^lib", "system libraries (X11/xcb, glib, fontconfig, …)"),
]
PACKAGE_ALIASES = {
    "PySide6": "PySide6 (Qt)",
    "shiboken6": "PySide6 (Qt)",
    "pillow": "PIL",
    "lib-dynload": "Python runtime",
}


def owner(relative: Path) -> str:
    parts = relative.parts
    if parts[0] != "_internal":
        return "launchers (program + Python archive)" if len(parts) == 1 else parts[0]
    if len(parts) == 2:
        for pattern, name in NAMED:
            if re.search(pattern, parts[1]):
                return name
        return parts[1]
    first = parts[1].removesuffix(".libs")
    first = re.sub(r"-[\d.]+\.dist-info$", " (metadata)", first)
    return PACKAGE_ALIASES.get(first, "Python runtime" if first.startswith("python3") else first)


def sizes(bundle: Path) -> Counter:
    total: Counter = Counter()
    for folder, _, files in os.walk(bundle):
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                total[owner(path.relative_to(bundle))] += path.stat().st_size
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--target-mb", type=float)
    parser.add_argument("--limit-mb", type=float)
    args = parser.parse_args(argv)
    table = sizes(args.bundle)
    total = sum(table.values())
    print(f"{'library':<52}{'MB':>8}")
    for name, size in table.most_common():
        if size >= 0.5e6:
            print(f"{name:<52}{size / 1e6:>8.1f}")
    small = sum(size for size in table.values() if size < 0.5e6)
    print(f"{'(everything under 0.5 MB each)':<52}{small / 1e6:>8.1f}")
    print(f"{'TOTAL (unpacked)':<52}{total / 1e6:>8.1f}")
    if args.target_mb:
        verdict = "under" if total <= args.target_mb * 1e6 else "OVER"
        print(f"{verdict} the {args.target_mb:.0f} MB target by {abs(total / 1e6 - args.target_mb):.0f} MB")
    if args.limit_mb and total > args.limit_mb * 1e6:
        print(f"bundle is {total / 1e6:.0f} MB, over the {args.limit_mb:.0f} MB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
