"""Store: the schema and its migrations, one row per story, fetch state and raw responses."""
