"""One URL normalisation, used for discovery, the dupe filter and storage alike."""

import re
from urllib.parse import parse_qsl, urldefrag, urlsplit, urlunsplit

from courlan import normalize_url
from w3lib.url import url_query_cleaner

from archive.urls import host_of, web_url

# Campaign and session parameters that courlan keeps; Webtrekk's wt_* is common on German news
# sites, the others come from newsletter and ad tools.
EXTRA_TRACKING_PARAMS = re.compile(
    r"^(wt_\w+|_hs\w+|hsa_\w+|mkt_tok|cmpid|ocid|itm_\w+|ns_\w+|at_\w+|xtor|ito|"
    r"phpsessid|jsessionid|sid|sessid|sessionid|session_id|s_cid|rss|newsletter|src)$",
    re.IGNORECASE,
)
# Query parameters that ask for the AMP or print rendering of the same article.
VARIANT_PARAMS = {
    "amp": None,
    "print": None,
    "druck": None,
    "printversion": None,
    "outputtype": {"amp", "print"},
    "output": {"amp", "print"},
    "view": {"amp", "print"},
    "format": {"amp", "print"},
    "ampview": None,
}
# Path segments and file suffixes of AMP and print renderings.
VARIANT_SEGMENTS = {"amp", "print", "druck", "druckansicht", "druckversion", "printversion"}
VARIANT_SUFFIX = re.compile(r"[.-](amp|print)(?=\.html?$)", re.IGNORECASE)
# A last path segment with a file extension names a document, so a slash after it is noise.
FILE_SEGMENT = re.compile(r"/[^/]+\.[a-z0-9]{2,5}/$", re.IGNORECASE)
# Servlet-style session ids sit in the path: /a.html;jsessionid=…
SESSION_PATH_PARAMETER = re.compile(r";(jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)


def canonical_url(url: str, declared: str | None = None) -> str | None:
    """Return the canonical form of ``url``; ``None`` when it is no http(s) URL.

    ``declared`` is the page's own ``<link rel="canonical">``; it wins when it is an http(s)
    URL on the same site, because publishers use it to fold print, AMP and tracking variants into
    one address, unless it names the home page for a page below it (:func:`_is_home`). A
    canonical pointing to another site is ignored: that is how syndicated copies are marked, and
    the copy must keep its own row (duplicates are linked, not merged). So is one with another
    scheme (``javascript://same-host/…``): it would be stored and shown as the article's link.

    Normalisation: lower-case scheme and host, default port dropped, tracking parameters
    (utm_*, fbclid, gclid, mc_cid, wt_mc, session ids …) removed, query sorted (courlan,
    then w3lib for the parameters courlan keeps); fragment removed; AMP and print renderings
    (``/amp/``, ``?amp=1``, ``.amp.html``, ``/print/``, ``?print=1``, ``?view=print``) mapped
    to the article itself; an empty path becomes ``/`` and a slash after a file name goes.

    A slash after a directory-like path (``/wirtschaft/``) is kept: servers treat ``/a`` and
    ``/a/`` as two addresses and redirect one to the other, and folding them would make the
    dupe filter drop that redirect. Articles that use both forms are unified by their
    rel=canonical.

    >>> canonical_url("HTTPS://Example.DE:443/a.html?utm_source=x&b=2&a=1&amp=1#top")
    'https://example.de/a.html?a=1&b=2'
    """
    url = web_url(url)
    if url is None:
        return None
    declared = web_url(declared)
    if declared and same_site(declared, url) and not (_is_home(declared) and not _is_home(url)):
        url = declared
    url = SESSION_PATH_PARAMETER.sub("", url)
    try:
        normalized = urldefrag(normalize_url(url)).url
        normalized = _without_params(normalized)
        scheme, host, path, query, _ = urlsplit(normalized)
    except ValueError:  # a host or port that only looked valid (courlan parses it again)
        return None
    return web_url(urlunsplit((scheme, host, _article_path(path), query, "")))


# A directory's own page: "/index.html", "/wirtschaft/index.php", "/home", "/startseite" are the
# home page or a section as much as "/" and "/wirtschaft/" are.
INDEX_DOCUMENT = re.compile(r"/(?:index|default|home|startseite)(?:\.[a-z]{2,5})?$", re.IGNORECASE)


def _is_home(url: str) -> bool:
    """Whether ``url`` is a site's home page (its root, or the root's index document). A
    canonical naming it for a page below it is a template's that marks every page so: taken,
    it would store every article of the site under one address."""
    parts = urlsplit(url)
    return not parts.query and not INDEX_DOCUMENT.sub("", parts.path).rstrip("/")


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on one host, ignoring case and a leading ``www.``."""
    host = _bare_host(url)
    return bool(host) and host == _bare_host(other)


def _bare_host(url: str) -> str:
    return host_of(url).removeprefix("www.")


def _without_params(url: str) -> str:
    """``url`` without the tracking and AMP/print parameters courlan leaves in."""
    unwanted = {
        name
        for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
        if EXTRA_TRACKING_PARAMS.match(name) or _is_variant_param(name, value)
    }
    return url_query_cleaner(url, sorted(unwanted), remove=True) if unwanted else url


def _is_variant_param(name: str, value: str) -> bool:
    name = name.lower()
    if name not in VARIANT_PARAMS:
        return False
    values = VARIANT_PARAMS[name]
    return values is None or value.lower() in values


def _article_path(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment.lower() not in VARIANT_SEGMENTS]
    path = "/".join(segments) if len(segments) > 1 else "/"
    if not path.startswith("/"):
        path = "/" + path
    path = VARIANT_SUFFIX.sub("", path)
    if FILE_SEGMENT.search(path):
        path = path.rstrip("/")
    return path
