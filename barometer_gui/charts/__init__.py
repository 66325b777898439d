"""Matplotlib charts drawn on a given Figure (never pyplot), so the GUI, exports and tests share them."""
