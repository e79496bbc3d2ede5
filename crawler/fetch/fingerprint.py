"""Request fingerprints from canonical URLs, so the dupe filter and the archive agree on identity."""

from scrapy.utils.request import RequestFingerprinter

from archive.canonical import canonical_url


class CanonicalRequestFingerprinter(RequestFingerprinter):
    """Scrapy's default fingerprint, taken of :func:`archive.canonical.canonical_url`.

    A start URL with tracking parameters, an AMP link or a redirect to a print variant is
    then seen once, like the discovered links the spider already canonicalises. Enabled with
    ``REQUEST_FINGERPRINTER_CLASS = "crawler.fetch.fingerprint.CanonicalRequestFingerprinter"``.
    """

    def fingerprint(self, request):
        canonical = canonical_url(request.url)
        if canonical is None:  # no http(s) URL: UrlPolicyMiddleware refuses it anyway
            return super().fingerprint(request)
        return super().fingerprint(request.replace(url=canonical))
