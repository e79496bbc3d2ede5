"""Classify and extract: which pages are stories, and their text and metadata."""
