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
# Error templates that name themselves whatever their wording or language: WordPress's 404
# template puts "error404" in the <body> class (served with 200 when a plugin or cache gets the
# status wrong), other themes "error-404" or "page-404"; pre-rendered single-page apps declare
# the status they mean in <meta name="prerender-status-code">. Only the first <body> tag and
# the first such <meta> tag are read, each at most TAG_BYTES long: linear on any page.
ERROR_CLASSES = {"error404", "error-404", "page-404"}
BODY_TAG = re.compile(rb"<body\b", re.IGNORECASE)
PRERENDER_TAG = re.compile(rb"<meta\b[^>]{0,100}?prerender-status-code", re.IGNORECASE)
CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
CONTENT_ATTRIBUTE = re.compile(r"""\bcontent\s*=\s*["']?\s*(\d{3})\b""", re.IGNORECASE)
TAG_BYTES = 2000
# Error templates say so at the top of the page; a long page is read no further than this.
HEAD_BYTES = 200_000


def soft_404_reason(body: bytes) -> str | None:
    """The title or first headline of an HTML page when it says the page was not found, or the
    error template's own name for itself."""
    head = body[:HEAD_BYTES]
    if template := error_template(head):
        return f"error template ({template})"
    for pattern in (TITLE, HEADING):
        found = pattern.search(head)
        if found:
            text = " ".join(TAG.sub(" ", found.group(1).decode("utf-8", "replace")).split())
            if text and len(text) <= 200 and NOT_FOUND.search(text):
                return text
    return None


def error_template(head: bytes) -> str | None:
    """The name an error template gives itself in the page (see ERROR_CLASSES), or ``None``."""
    if body := BODY_TAG.search(head):
        tag = _tag_text(head, body.start())
        if found := CLASS_ATTRIBUTE.search(tag):
            classes = set(next(group for group in found.groups() if group is not None).lower().split())
            if named := classes & ERROR_CLASSES:
                return min(named)
    if meta := PRERENDER_TAG.search(head):
        found = CONTENT_ATTRIBUTE.search(_tag_text(head, meta.start()))
        if found and found.group(1) in ("404", "410"):
            return f"prerender-status-code {found.group(1)}"
    return None


def _tag_text(head: bytes, start: int) -> str:
    end = head.find(b">", start, start + TAG_BYTES)
    return head[start : end if end != -1 else start + TAG_BYTES].decode("latin-1")


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
