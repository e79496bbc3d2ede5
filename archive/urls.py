"""Which URLs the archive requests, stores and renders as links: one policy for all of them.

- Only ``http`` and ``https`` URLs with a host are web URLs (:func:`web_url`); anything else
  (``javascript:``, ``file:``, ``data:``, text that is no URL) is never fetched, stored or linked.
- A source's crawl stays on the source's own hosts (:class:`UrlPolicy`): hubs found inside hubs,
  links and redirects to other hosts are refused, unless an ``allow`` pattern names that host.
- Private, loopback and link-local addresses are refused unless the source itself is on one, so
  a public site cannot make the crawler fetch from the operator's network (169.254.169.254,
  127.0.0.1, 10.x). IP literals in the decimal, hex and short forms that resolvers accept
  (``2130706433``, ``0x7f.1``, ``127.1``) count as the address they stand for.

Host names that resolve to private addresses are not looked up here: that needs DNS at request
time and is left to the network the crawler runs in.
"""

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

WEB_SCHEMES = ("http", "https")
# Browsers and urllib drop tabs and newlines anywhere in a URL; other control characters make
# a string that only looks like a URL.
TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# What a host made only of numbers looks like to inet_aton: 2130706433, 0x7f.1, 127.1, 0177.0.0.1.
NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?$", re.IGNORECASE)

IPV4_CARRYING = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("::/96"))

# Reasons a URL is refused; each is a crawl stat ``newsarchive/refused/<reason>``.
NOT_WEB = "not_http"
INTERNAL_ADDRESS = "internal_address"
OFFSITE = "offsite"


def web_url(text: object) -> str | None:
    """``text`` as an http(s) URL with a host, else ``None``.

    Surrounding whitespace and inner tabs and newlines are removed, as browsers do. Never
    raises: feeds, sitemaps and pages are outside input.
    """
    if not isinstance(text, str):
        return None
    text = TABS_AND_NEWLINES.sub("", text.strip())
    if CONTROL_CHARACTERS.search(text) or not re.match(r"https?://", text, re.IGNORECASE):
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is no port
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return text


def joined_web_url(base: str, text: object) -> str | None:
    """``text``, an address a page gives (maybe relative: "/media/a.jpg", "//cdn.de/a.jpg"),
    joined to the page's address ``base`` as an http(s) URL (:func:`web_url`), else ``None``.
    Never raises: a page may give "http://[" (an IPv6 host left open), which ``urljoin``
    refuses with an error."""
    if not isinstance(text, str):
        return None
    try:
        return web_url(urljoin(base, TABS_AND_NEWLINES.sub("", text.strip())))
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The URL's host as it is requested (see :func:`ascii_host`), lower-case, without brackets
    and a trailing dot ('' when it has none)."""
    try:
        return ascii_host(urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def ascii_host(host: str) -> str:
    """``host`` IDNA-encoded, as Scrapy (w3lib) encodes it before connecting: full-width or
    circled digits and ideographic dots (``１２７。０。０。１``) then spell the address they stand for."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # an empty or over-long label: no request is made to such a host
        return host


def ip_address_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host stands for when it is an IP literal in any form resolvers accept."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not NUMERIC_HOST.match(host):
            return None
        try:
            # The C library's reading, the same one getaddrinfo applies to such names.
            address = ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except (OSError, ValueError):
            return None
    if isinstance(address, ipaddress.IPv6Address):
        # IPv6 forms that carry an IPv4 address reach that address (::ffff:a.b.c.d, 6to4, NAT64's
        # 64:ff9b::a.b.c.d and the old IPv4-compatible ::a.b.c.d).
        if address.ipv4_mapped or address.sixtofour:
            return address.ipv4_mapped or address.sixtofour
        if any(address in network for network in IPV4_CARRYING) and int(address) > 1:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def is_internal_host(host: str) -> bool:
    """True for localhost names and for private, loopback, link-local and other non-global IPs."""
    host = ascii_host(host).lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address = ip_address_of(host)
    return address is not None and not address.is_global


@dataclass(frozen=True)
class UrlPolicy:
    """Where one source's crawl may go: its own hosts (and their subdomains), hosts its ``allow``
    patterns name, and internal addresses only when the source itself is on one."""

    hosts: frozenset[str]
    allow: tuple[re.Pattern, ...] = ()
    internal_allowed: bool = False

    @classmethod
    def for_source(cls, hosts: Iterable[str], allow: Iterable[str] = ()) -> "UrlPolicy":
        hosts = frozenset(_bare(host) for host in hosts if host)
        return cls(
            hosts, tuple(re.compile(pattern) for pattern in allow), any(is_internal_host(host) for host in hosts)
        )

    def refusal(self, url: object) -> str | None:
        """Why ``url`` must not be requested (one of the reasons above), ``None`` when it may."""
        url = web_url(url)
        if url is None:
            return NOT_WEB
        host = host_of(url)
        if not self.internal_allowed and is_internal_host(host):
            return INTERNAL_ADDRESS
        if self.on_site(host) or self.allowed_elsewhere(url):
            return None
        return OFFSITE

    def on_site(self, host: str) -> bool:
        host = _bare(host)
        if host in self.hosts:
            return True
        # Subdomains (feeds.x.de for www.x.de), but never "subdomains" of an IP address.
        return ip_address_of(host) is None and any(
            host.endswith("." + own) for own in self.hosts if ip_address_of(own) is None
        )

    def allowed_elsewhere(self, url: str) -> bool:
        """An ``allow`` pattern admits another host only when its match spans that host
        (``^https://cdn\\.x\\.net/``): a path pattern such as ``/wirtschaft/`` filters the
        source's own pages and must not open the crawl to every site with such a path."""
        netloc = urlsplit(url).netloc
        netloc_start = url.find("//") + 2
        netloc_end = netloc_start + len(netloc)
        for pattern in self.allow:
            match = pattern.search(url)
            if match and match.start() <= netloc_start and match.end() >= netloc_end:
                return True
        return False


def _bare(host: str) -> str:
    return ascii_host(host).lower().rstrip(".").removeprefix("www.")
