"""Qt-free model layer: import, survey schema, register, tabulation, report specs.

Nothing in this package may import Qt; `tests/test_architecture.py` runs an
import-linter contract that fails the suite if it does.
"""
