"""One URL normalisation, used for discovery, the dupe filter and storage alike."""
import re
from urllib.parse import urldefrag, urlsplit

from courlan import normalize_url
from w3lib.url import url_query_cleaner

SESSION_PARAMETERS = ("sid", "sessionid", "session_id", "phpsessid", "jsessionid", "sessid")
SESSION_PATH_PARAMETER = re.compile(r";(jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)


def canonical_url(url: str, declared: str | None = None) -> str:
    """Return the canonical form of ``url``.

    ``declared`` is the page's own ``<link rel="canonical">``; it wins when it points to the
    same site, because publishers use it to fold print, AMP and tracking variants into one
    address. A canonical pointing to another site is ignored: that is how syndicated copies
    are marked, and the copy must keep its own row (duplicates are linked, not merged).

    Normalisation (courlan): lower-case scheme and host, default port dropped, tracking
    parameters (utm_*, fbclid, gclid, mc_cid, session ids …) removed, query sorted; the
    fragment is removed too.

    >>> canonical_url("HTTPS://Example.DE:443/a?utm_source=x&b=2&a=1#top")
    'https://example.de/a?a=1&b=2'
    """
    if declared and same_site(declared, url):
        url = declared
    # Session ids: courlan knows only some, and servlet-style ";jsessionid=…" sits in the path.
    url = SESSION_PATH_PARAMETER.sub("", url.strip())
    url = url_query_cleaner(url, SESSION_PARAMETERS, remove=True, keep_fragments=True)
    normalized = normalize_url(url)
    return urldefrag(normalized).url


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on one host, ignoring case and a leading ``www.``."""
    return _bare_host(url) == _bare_host(other)


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
