"""A test web site full of what the real web does to crawlers, served on a loopback address.

Each path is one case: encodings declared in different places, a page that fails once, a slow
page, a redirect, a PDF, 404 and 410, a 429 with Retry-After, an oversized page, malformed
HTML, and traps (an endless calendar, session ids, repeated path segments, query explosions).
The server logs every request with its time and tracks how many were in flight at once.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

UMLAUT_SENTENCE = (
    "Die Düsseldorfer Wirtschaftsförderung begrüßt die Größe des Vorhabens an der "
    "Königsallee; Straßenbahn und Flughafen profitieren, heißt es im Rathaus. "
)


def article_html(title: str, marker: str, charset_meta: str | None = "utf-8", malformed=False) -> str:
    """An article page (og:type article, JSON-LD) whose body carries ``marker`` and umlauts."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    paragraphs = "".join(
        f"<p>{UMLAUT_SENTENCE}Absatz {n} mit dem Kennwort {marker}. Die Unternehmen der Region "
        f"investieren weiter in neue Standorte, Arbeitsplätze und Ausbildung.</p>"
        for n in range(1, 7)
    )
    if malformed:
        paragraphs = paragraphs.replace("</p>", "", 3) + "<div><span><b>unclosed"
    return f"""<!DOCTYPE html><html lang="de"><head>{meta}<title>{title}</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-11-02T10:00:00+01:00"}}</script></head>
<body><nav><a href="/">Start</a></nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>Fußzeile der Testseite</footer></body></html>"""


class LoopbackSite:
    """An HTTP server on a loopback address in a background thread, for ``with``."""

    def __init__(self, host: str, handler):
        self._server = ThreadingHTTPServer((host, 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()


class WebCases(LoopbackSite):
    """The test site. ``requests``: list of (time, path, status, user_agent)."""

    ARTICLES = {
        "/artikel/utf8.html": "Kennwort UTF-8",
        "/artikel/latin1-header.html": "Latin-1 im Header",
        "/artikel/latin1-meta.html": "Latin-1 im Meta-Tag",
        "/artikel/cp1252-undeclared.html": "Ohne Angabe",
        "/artikel/utf8-declared-latin1.html": "Falsch deklariert",
        "/artikel/flaky.html": "Erst Fehler dann gut",
        "/artikel/slow.html": "Langsam",
        "/artikel/redirect.html": "Umleitung",
        "/artikel/moved-here.html": "Umgezogen",
        "/artikel/busy.html": "Ausgelastet",
        "/artikel/malformed.html": "Kaputtes HTML",
        "/artikel/huge.html": "Riesig",
    }

    def __init__(self, host: str = "127.0.0.1", slow_seconds: float = 3.0):
        self.requests: list[tuple[float, str, int, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.slow_seconds = slow_seconds
        self._hits: dict[str, int] = {}
        self._lock = threading.Lock()
        super().__init__(host, self._handler())

    def hits(self, path: str) -> int:
        return sum(1 for _, seen, _, _ in self.requests if seen == path)

    def paths(self) -> list[str]:
        return [path for _, path, _, _ in self.requests]

    # --- responses ------------------------------------------------------------------
    def respond(self, path: str, hits: int):
        """``(status, headers, body, delay)`` for one request; ``hits`` counts earlier ones."""
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /privat/\n", 0
        if path == "/feed.xml":
            links = [
                *self.ARTICLES,
                "/artikel/dokument.pdf",
                "/artikel/bild.jpg",
                "/artikel/fehlt.html",
                "/artikel/entfernt.html",
                "/privat/geheim.html",
            ]
            links.remove("/artikel/moved-here.html")
            items = "".join(f"<item><title>{p}</title><link>{self.base_url}{p}</link></item>" for p in links)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
            return 200, {"Content-Type": "application/rss+xml"}, body.encode(), 0
        if path == "/start.html":
            links = [
                "/kalender/2026-01-01.html",
                "/sitzung.html;jsessionid=ABC123",
                "/sitzung.html?sid=77&x=1",
                "/a/a/a/a/tief.html",
                "/filter.html?a=1&b=2&c=3&d=4&e=5&f=6",
            ]
            links += [f"/suche.html?q={n}" for n in range(60)]
            body = "".join(f'<a href="{link}">{link}</a> ' for link in links)
            return 200, html, f"<html><head><title>Start</title></head><body>{body}</body></html>".encode(), 0
        if path.startswith("/kalender/"):
            day = path.rsplit("/", 1)[1].removesuffix(".html")
            year, month, date = map(int, day.split("-"))
            following = f"{year:04d}-{month:02d}-{date + 1:02d}" if date < 28 else f"{year:04d}-{month % 12 + 1:02d}-01"
            body = f'<html><body><h1>Termine {day}</h1><a href="/kalender/{following}.html">weiter</a></body></html>'
            return 200, html, body.encode(), 0
        if path in ("/sitzung.html", "/suche.html", "/filter.html") or path.startswith("/a/"):
            return 200, html, b"<html><body><p>Liste</p></body></html>", 0
        if path == "/privat/geheim.html":
            return 200, html, article_html("Geheim", "Geheimwort").encode(), 0
        if path in ("/artikel/fehlt.html",):
            return 404, html, b"<html><body>nicht gefunden</body></html>", 0
        if path == "/artikel/entfernt.html":
            return 410, html, b"<html><body>entfernt</body></html>", 0
        if path == "/artikel/dokument.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n" + b"0" * 4000, 0
        if path == "/artikel/bild.jpg":
            return 200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0" + b"0" * 4000, 0
        if path == "/artikel/redirect.html":
            return 301, {"Location": f"{self.base_url}/artikel/moved-here.html"}, b"", 0
        if path == "/artikel/flaky.html" and hits == 0:
            return 500, html, b"<html><body>Serverfehler</body></html>", 0
        if path == "/artikel/busy.html" and hits == 0:
            return 429, {**html, "Retry-After": "1"}, b"<html><body>zu viele Anfragen</body></html>", 0
        if path in self.ARTICLES:
            title = self.ARTICLES[path]
            marker = path.rsplit("/", 1)[1].removesuffix(".html").replace("-", "")
            delay = self.slow_seconds if path == "/artikel/slow.html" else 0
            if path == "/artikel/latin1-header.html":
                body = article_html(title, marker, charset_meta=None).encode("latin-1")
                return 200, {"Content-Type": "text/html; charset=iso-8859-1"}, body, delay
            if path == "/artikel/latin1-meta.html":
                body = article_html(title, marker, charset_meta="iso-8859-1").encode("latin-1")
                return 200, {"Content-Type": "text/html"}, body, delay
            if path == "/artikel/utf8-declared-latin1.html":
                # UTF-8 bytes under a Latin-1 declaration: decoded as declared, they are mojibake.
                body = article_html(title, marker, charset_meta="iso-8859-1").encode("utf-8")
                return 200, {"Content-Type": "text/html; charset=iso-8859-1"}, body, delay
            if path == "/artikel/cp1252-undeclared.html":
                body = article_html(title, marker, charset_meta=None).encode("cp1252")
                return 200, {"Content-Type": "text/html"}, body, delay
            body = article_html(title, marker, malformed=path.endswith("malformed.html")).encode()
            if path == "/artikel/huge.html":
                body = body.replace(b"</footer>", b"</footer><!--" + b"x" * 400_000 + b"-->")
            return 200, html, body, delay
        return 404, html, b"<html><body>404</body></html>", 0

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                path = urlsplit(self.path).path
                # The slow page outlives the crawler's timeout here, after the crawler has
                # let go of it; counting it would measure the server, not the crawler.
                counted = path != "/artikel/slow.html"
                with site._lock:
                    hits = site._hits.get(self.path, 0)
                    site._hits[self.path] = hits + 1
                    site.in_flight += counted
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    status, headers, body, delay = site.respond(path, hits)
                    if delay:
                        time.sleep(delay)  # the server is slow on purpose; the crawler must time out
                    with site._lock:
                        site.requests.append((time.monotonic(), path, status, self.headers.get("User-Agent", "")))
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the crawler gave up on a slow or oversized response, as it should
                finally:
                    with site._lock:
                        site.in_flight -= counted

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                pass

        return Handler
