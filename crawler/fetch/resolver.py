"""The crawl's DNS resolver: host names resolve to internal addresses only for sources on one.

:class:`archive.urls.UrlPolicy` refuses URLs whose host *is* an internal address (127.0.0.1,
10.x, 169.254.169.254 in any spelling), but a host name can *resolve* to one: a public site's
own subdomain pointed at 10.0.0.1, or a name whose DNS answers 127.0.0.1. The address is known
only when the crawler connects, so the check is made here, where Scrapy resolves names.
"""

import logging
from urllib.request import getproxies

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from archive.urls import ascii_host, host_of, is_internal_host

logger = logging.getLogger(__name__)


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses a name resolving to a private, loopback or
    link-local address, unless the crawl's sources are themselves on such addresses.

    The sources are on one when a host they name (``NEWSARCHIVE_SOURCE_HOSTS``, set by the crawl)
    is an internal address or resolves to one: an intranet site is crawled as a public one is.
    One resolver serves all crawls of a process, so this holds for the process's sources together.
    The proxies Scrapy takes from the environment (``http_proxy``, ``https_proxy``) may be on
    internal addresses too: an office's proxy usually is.

    Settings: ``NEWSARCHIVE_SOURCE_HOSTS``, and Scrapy's ``DNSCACHE_ENABLED``, ``DNSCACHE_SIZE``,
    ``DNS_TIMEOUT``.
    """

    own_hosts: frozenset[str] = frozenset()
    proxy_hosts: frozenset[str] = frozenset()
    internal_allowed = False
    refused: set[str]

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.own_hosts = frozenset(_name(host) for host in crawler.settings.getlist("NEWSARCHIVE_SOURCE_HOSTS"))
        resolver.internal_allowed = any(is_internal_host(host) for host in resolver.own_hosts)
        resolver.proxy_hosts = frozenset(_name(host_of(url)) for url in getproxies().values() if "://" in url)
        resolver.refused = set()
        return resolver

    def getHostByName(self, name, timeout=()):  # noqa: N802 - Twisted's interface
        return super().getHostByName(name, timeout).addCallback(self.checked, name)

    def checked(self, address: str, name: str) -> str:
        """``address`` when ``name`` may resolve to it; DNSLookupError (a failed fetch) if not."""
        if self.internal_allowed or not is_internal_host(address) or is_internal_host(name):
            # An internal literal or localhost in the URL was already judged by the URL policy.
            return address
        if _name(name) in self.proxy_hosts:
            return address
        if _name(name) in self.own_hosts:
            self.internal_allowed = True  # a source is itself on an internal address
            return address
        if name not in self.refused:
            # Twisted reports a failed lookup without its reason: the log says it, once per name.
            self.refused.add(name)
            logger.warning(
                "%s resolves to an internal address (%s), refused: the sources are on public ones", name, address
            )
        raise DNSLookupError(f"{name} resolves to an internal address ({address}), refused")


def _name(host: str) -> str:
    return ascii_host(host).lower().rstrip(".")
