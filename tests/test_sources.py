"""sources.yml validation: every message names the source and the field; the CLI exits 2."""
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.sources import SourcesError, load_sources, select_sources

PROJECT = Path(__file__).resolve().parent.parent

VALID = """
sources:
  - id: good-source
    name: Good
    feeds: [https://example.de/feed.xml]
"""

BROKEN = [
    ("sources: [", "not valid YAML"),
    ("sources:\n  - name: No id\n    feeds: [https://a.de/f]\n", "field 'id': missing"),
    ("sources:\n  - id: Bad_Id\n    feeds: [https://a.de/f]\n", "field 'id'"),
    ("sources:\n  - id: typo\n    feds: [https://a.de/f]\n", "source 'typo', field 'feds': unknown key"),
    ("sources:\n  - id: regex\n    feeds: [https://a.de/f]\n    allow: ['[unclosed']\n",
     "source 'regex', field 'allow': bad regular expression"),
    ("sources:\n  - id: pattern\n    feeds: [https://a.de/f]\n    article_pattern: '(?P<'\n",
     "source 'pattern', field 'article_pattern'"),
    ("sources:\n  - id: nothing\n    name: Nothing to crawl\n",
     "source 'nothing', field 'feeds': at least one of feeds, sitemaps or start_urls"),
    ("sources:\n  - id: twice\n    feeds: [https://a.de/f]\n  - id: twice\n    feeds: [https://b.de/f]\n",
     "source 'twice', field 'id': duplicate id"),
    ("sources:\n  - id: cron\n    feeds: [https://a.de/f]\n    schedule: 'every hour'\n",
     "source 'cron', field 'schedule'"),
    ("sources:\n  - id: url\n    feeds: [ftp://a.de/f]\n", "source 'url', field 'feeds'"),
    ("sources:\n  - id: depth\n    start_urls: [https://a.de/]\n    max_depth: -1\n",
     "source 'depth', field 'max_depth'"),
]


def write(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads(tmp_path):
    [source] = load_sources(write(tmp_path, VALID))
    assert source.id == "good-source"
    assert source.feeds == ("https://example.de/feed.xml",)
    assert source.hosts == ("example.de",)


@pytest.mark.parametrize("text, message", BROKEN)
def test_broken_file_names_source_and_field(tmp_path, text, message):
    with pytest.raises(SourcesError) as error:
        load_sources(write(tmp_path, text))
    assert message in str(error.value)


def test_unknown_source_id_is_an_error(tmp_path):
    sources = load_sources(write(tmp_path, VALID))
    with pytest.raises(SourcesError, match="unknown source id.*nope"):
        select_sources(sources, ["nope"])
    assert select_sources(sources, []) == sources


def test_shipped_sources_file_is_valid():
    sources = load_sources(PROJECT / "sources.yml")
    assert len(sources) >= 15
    assert all(source.feeds or source.sitemaps or source.start_urls for source in sources)


@pytest.mark.parametrize("text, message", [BROKEN[3], BROKEN[4]])
def test_crawl_exits_2_before_crawling(tmp_path, text, message):
    sources = write(tmp_path, text)
    db = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "--sources", str(sources), "--db", str(db)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert not db.exists()


def test_crawl_unknown_source_exits_2(tmp_path):
    sources = write(tmp_path, VALID)
    db = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "missing-id", "--sources", str(sources),
         "--db", str(db)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "unknown source id(s): missing-id" in result.stderr
    assert not db.exists()
