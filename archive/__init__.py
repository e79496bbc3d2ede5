"""Storage for newsarchive: schema, canonical URLs, upserts and search.

This package never imports Scrapy; the crawler calls into it, and so can any script.
"""
from archive.store import open_archive

__all__ = ["open_archive"]
