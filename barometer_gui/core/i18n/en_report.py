"""English catalogue for report specs, report runs and report content: bokmål source → English."""

EN: dict[str, str] = {}
