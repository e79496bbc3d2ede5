"""Pages that are gone although the server says otherwise: "not found" pages answered with
200 (soft 404s), and expired articles redirected to their section or the home page.

A news site rarely answers 404 for an old article: content management systems show their
error template with status 200, or send the reader on to the section. Stored, such a page
would become an "article" called "Seite nicht gefunden"; missed, a removed article would
never be noticed.
"""

import re
from urllib.parse import urlsplit

# Headlines and titles of error pages, German and English, as publishers' templates word them:
# "Seite nicht gefunden", "Fehler 404", "Diese Seite existiert nicht (mehr)", "Der Artikel
# ist nicht mehr verfügbar", "Page not found", "404 – Not Found", "Sorry, this page doesn't
# exist", "The article you requested is no longer available".
NOT_FOUND = re.compile(
    r"\b(?:seite|artikel|beitrag|inhalt|page|article|story|content)\b[^.!?]{0,40}?"
    r"(?:nicht (?:mehr )?(?:gefunden|verfügbar|vorhanden|erreichbar)|existiert nicht|gibt es nicht"
    r"|not (?:be )?found|no longer (?:available|exists?)|does ?n[o’']t exist|could not be found|"
    r"cannot be found|removed)"
    r"|\b(?:fehler|error|http)[\s-]*404\b|^\W*404\W*$|\b404\W*(?:seite|page|not found|nicht gefunden)"
    r"|^\W*(?:not found|nicht gefunden|oops[^a-z]*|hoppla[^a-z]*|ups[^a-z]*)\W*$",
    re.IGNORECASE,
)
TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
HEADING = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# Error templates say so at the top of the page; a long page is read no further than this.
HEAD_BYTES = 200_000


def soft_404_reason(body: bytes) -> str | None:
    """The title or first headline of an HTML page when it says the page was not found."""
    head = body[:HEAD_BYTES]
    for pattern in (TITLE, HEADING):
        found = pattern.search(head)
        if found:
            text = " ".join(TAG.sub(" ", found.group(1).decode("utf-8", "replace")).split())
            if text and len(text) <= 200 and NOT_FOUND.search(text):
                return text
    return None


def expired_redirect(requested: str, landed: str) -> bool:
    """Whether a redirect from an article's address ``requested`` to ``landed`` sends the
    reader on to the home page or a section above it (the article's own path cut short)
    rather than to the article at a new address."""
    before, after = urlsplit(requested), urlsplit(landed)
    # example.de and www.example.de are one site: its home page may be at either.
    if _site(before.hostname) != _site(after.hostname):
        return False
    old_path = before.path.rstrip("/")
    new_path = after.path.rstrip("/")
    if old_path == new_path:  # http → https, a trailing slash, a parameter dropped
        return False
    return new_path == "" or (old_path.startswith(new_path + "/") and not after.query)


def _site(hostname: str | None) -> str:
    return (hostname or "").removeprefix("www.")
