"""English catalogue for import-side messages: readers, importers, mappings, files: bokmål source → English."""

EN: dict[str, str] = {}
