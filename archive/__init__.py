"""Storage for newsarchive: schema, canonical URLs, upserts and search.

This package never imports Scrapy; the crawler calls into it, and so can any script.
Importing a light module (``archive.storage.lock``, ``archive.storage.schema``) must not load the heavy ones
(dedup's NumPy, search's word lists), so ``open_archive`` is resolved on first use.
"""

__all__ = ["open_archive"]


def __getattr__(name):
    if name == "open_archive":
        from archive.storage.store import open_archive

        return open_archive
    raise AttributeError(f"module 'archive' has no attribute {name!r}")
