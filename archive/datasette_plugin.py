"""Datasette hooks for the archive (placeholder, filled below)."""
