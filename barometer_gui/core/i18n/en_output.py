"""English catalogue for tables, footnotes, disclosure notes and exports: bokmål source → English."""

EN: dict[str, str] = {}
