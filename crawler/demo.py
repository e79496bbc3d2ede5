"""The offline demo: the bundled news site on 127.0.0.1, crawled into SQLite, served by Datasette."""

import socket
import subprocess
import sys
from pathlib import Path

import yaml

from crawler.demosite import DemoSiteServer

DEMO_SOURCE_ID = "rrw-demo"


def demo_sources(base_url: str) -> dict:
    """A sources file for the demo site, using all three kinds of discovery."""
    return {
        "sources": [
            {
                "id": DEMO_SOURCE_ID,
                "name": "Rhein-Ruhr Wirtschaft (demo)",
                "homepage": f"{base_url}/",
                "region": "Düsseldorf / Ruhr",
                "language": "de",
                "feeds": [f"{base_url}/feed.xml"],
                "sitemaps": [f"{base_url}/sitemap.xml"],
                "start_urls": [f"{base_url}/{section}/" for section in ("duesseldorf", "ruhr", "koeln", "english")],
                "max_depth": 2,
                # Everything is on this machine; waiting between requests would only slow the demo.
                "download_delay": 0,
            }
        ]
    }


def write_demo_sources(path: Path, base_url: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(demo_sources(base_url), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def free_port(preferred: int, host: str = "127.0.0.1") -> int:
    """``preferred`` when nothing listens there, else a port the OS picks."""
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise OSError("no free port")


# The demo site's own port: the same address on every run keeps the demo archive's URLs stable,
# so that a second `make demo` re-crawls the stories it holds instead of finding new ones.
DEMO_SITE_PORT = 8010


def run_demo(data_dir: Path, port: int = 8001, serve: bool = True, echo=print) -> int:
    """Crawl the demo site into ``data_dir/demo.db``, then serve it.

    The archive is kept between runs: a second run is an incremental crawl of the same site, as
    a scheduled crawl would be, and shows what it skipped.
    """
    db_path = data_dir / "demo.db"
    newsarchive = [sys.executable, "-m", "crawler"]
    with DemoSiteServer(port=free_port(DEMO_SITE_PORT)) as site:
        echo(f"Demo news site running at {site.base_url}/")
        sources_path = write_demo_sources(data_dir / "demo-sources.yml", site.base_url)
        code = subprocess.call(newsarchive + ["crawl", "--sources", str(sources_path), "--db", str(db_path)])
        if code != 0 or not serve:
            return code
        port = free_port(port)
        echo("")
        try:
            return subprocess.call(newsarchive + ["serve", "--db", str(db_path), "--port", str(port)])
        except KeyboardInterrupt:
            return 0
