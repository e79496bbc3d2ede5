"""Publish: Datasette, its plugin and the journalists' pages, status reports."""
