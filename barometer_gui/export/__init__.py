"""Qt-free writers that turn core results into files (CSV/JSON, PowerPoint)."""
