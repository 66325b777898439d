"""English catalogue for chart texts: bokmål source → English."""

EN: dict[str, str] = {}
