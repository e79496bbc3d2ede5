"""Index: search terms and queries, near-duplicates, places and companies."""
