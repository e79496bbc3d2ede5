"""Pages that are gone although the server says otherwise: "not found" pages answered with
200 (soft 404s), and expired articles redirected to their section or the home page.

A news site rarely answers 404 for an old article: content management systems show their
error template with status 200, or send the reader on to the section. Stored, such a page
would become an "article" called "Seite nicht gefunden"; missed, a removed article would
never be noticed.
"""

import re
from urllib.parse import urlsplit

from parsel import Selector

from archive.canonical import INDEX_DOCUMENT

# Headlines and titles of error pages, German and English, as publishers' templates word them:
# "Seite nicht gefunden", "Fehler 404", "Diese Seite existiert nicht (mehr)", "Diese Seite gibt
# es nicht mehr", "Der Artikel ist nicht mehr verfügbar", "Wir konnten die Seite nicht finden",
# "Page not found", "404 – Not Found", "Sorry, this page doesn't exist", "Oops! That page can't be
# found", "We can't find the page you're looking for", "The article you requested is no longer
# available". The subject must be a page's ("Seite", "page"; not "Page-Rank"), so that a headline
# about something else not found is none.
NOT_FOUND = re.compile(
    r"\b(?:seite|artikel|beitrag|inhalt|page|article|story|content)\b(?!-)[^.!?]{0,40}?"
    r"(?:nicht (?:mehr )?(?:gefunden|verfügbar|vorhanden|erreichbar|online|finden)|existiert (?:leider )?nicht"
    r"|gibt es (?:leider )?nicht|not (?:be )?found|no longer (?:available|exists?)|does ?n[o’']t exist"
    r"|(?:could|can)(?: ?not|n[o’']t|[’']t) be found|removed)"
    r"|\b(?:seite|beitrag|inhalt)\b(?!-)[^.!?]{0,40}?wurde (?:leider )?(?:entfernt|gelöscht)"
    r"|\b(?:can(?: ?not|[’']t)|could(?: ?not|n[o’']t)) find (?:the|this|that) (?:page|article|story|content)\b"
    r"|\b(?:fehler|error|http)[\s-]*404\b|^\W*404\W*$|\b404\W*(?:seite|page|not found|nicht gefunden)"
    r"|^\W*(?:not found|nicht gefunden|nothing found|nichts gefunden|fehlerseite|oops[^a-z]*|hoppla[^a-z]*"
    r"|ups[^a-z]*|huch[^a-z]*)\W*$",
    re.IGNORECASE,
)
# What an error page tells its reader in a sentence under a headline that says nothing ("Huch!",
# "Da ist etwas schiefgelaufen"): "Die von Ihnen aufgerufene Seite konnte leider nicht gefunden
# werden", "Diese Seite gibt es leider nicht (mehr)", "The page you requested could not be
# found". Read only on short pages (ERROR_PARAGRAPHS), and only sentences about "the page" or
# "this page", never a story's own words about some other side or page.
ERROR_SENTENCE = re.compile(
    r"\b(?:die|diese)\s(?:von ihnen\s)?(?:(?:angeforderte|gesuchte|aufgerufene|gewünschte)\s)?(?:seite|adresse|url)\b"
    r"(?!-)[^.!?]{0,60}?(?:nicht (?:mehr )?(?:gefunden|finden|verfügbar|vorhanden)|existiert (?:leider )?"
    r"(?:nicht|nicht mehr)|gibt es (?:leider )?(?:nicht|nicht mehr))"
    r"|\b(?:the|this)\s(?:page|url|article)\s(?:you\s(?:are|were|'re|’re)\s\w+(?:\sfor)?\s|you\s\w+\s)?"
    r"(?:could ?n[o’']t be found|can ?n[o’']t be found|can[’']t be found|was not found|does ?n[o’']t exist|no longer exists?"
    r"|is no longer available)",
    re.IGNORECASE,
)
# Headings read for error wording: an error template's headline is seldom the page's first <h1>
# (the site's name or logo often is) and may be an <h2>.
HEADINGS = "(//h1)[position() <= 3] | (//h2[not(ancestor::nav) and not(ancestor::footer)])[position() <= 3]"
# The sentences read on a page of at most this many paragraphs in its main content (the site's
# header, navigation and footer, alike on every page, left out).
ERROR_PARAGRAPHS = 5
# An error page says what it has to say in a few words; a short story about a page that "was not
# reachable yesterday" says more.
ERROR_PAGE_WORDS = 60
CONTENT_PARAGRAPHS = ".//p[not(ancestor::header) and not(ancestor::nav) and not(ancestor::footer)]"
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


def soft_404_reason(body: bytes, tree=None) -> str | None:
    """The title, a headline or (on a short page) a sentence of an HTML page when it says the page
    was not found, or the error template's own name for itself; ``None`` for any other page.

    ``tree`` is the page parsed by lxml (Scrapy's ``response.selector.root``), read instead of
    parsing ``body`` again."""
    head = body[:HEAD_BYTES]
    if template := error_template(head):
        return f"error template ({template})"
    if tree is None:
        tree = _parse(head)
        if tree is None:
            return None
    for text in _page_texts(tree):
        if text and len(text) <= 200 and NOT_FOUND.search(text):
            return text
    main = tree.xpath("//main") or tree.xpath('//*[@role="main"]') or tree.xpath("//body")
    elements = main[0].xpath(CONTENT_PARAGRAPHS) if main else []
    if len(elements) > ERROR_PARAGRAPHS:
        return None
    paragraphs = [" ".join(p.xpath("string()").split()) for p in elements]
    if sum(len(text.split()) for text in paragraphs) <= ERROR_PAGE_WORDS:
        for text in paragraphs:
            if ERROR_SENTENCE.search(text):
                return text
    return None


def _page_texts(tree):
    """The page's title, then its first headlines (see HEADINGS), as one-line texts."""
    for element in (*tree.xpath("//title[1]"), *tree.xpath(HEADINGS)):
        yield " ".join(element.xpath("string()").split())


def _parse(head: bytes):
    """An lxml tree of a page (as Scrapy's selector would build it), ``None`` for no HTML at all."""
    text = head.decode("utf-8", "replace")
    if not text.strip():
        return None
    try:
        return Selector(text=text, type="html").root
    except ValueError:
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
    new_path = INDEX_DOCUMENT.sub("", after.path).rstrip("/")
    if old_path == new_path:  # http → https, a trailing slash, a parameter dropped
        return False
    return new_path == "" or (old_path.startswith(new_path + "/") and not after.query)


def _site(hostname: str | None) -> str:
    return (hostname or "").removeprefix("www.")
