"""Barometer: analysis of KS' innovation-barometer surveys."""

__version__ = "0.1.0"
