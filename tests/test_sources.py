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
    (
        "sources:\n  - id: regex\n    feeds: [https://a.de/f]\n    allow: ['[unclosed']\n",
        "source 'regex', field 'allow': bad regular expression",
    ),
    (
        "sources:\n  - id: pattern\n    feeds: [https://a.de/f]\n    article_pattern: '(?P<'\n",
        "source 'pattern', field 'article_pattern'",
    ),
    (
        "sources:\n  - id: nothing\n    name: Nothing to crawl\n",
        "source 'nothing', field 'feeds': at least one of feeds, sitemaps or start_urls",
    ),
    (
        "sources:\n  - id: twice\n    feeds: [https://a.de/f]\n  - id: twice\n    feeds: [https://b.de/f]\n",
        "source 'twice', field 'id': duplicate id",
    ),
    (
        "sources:\n  - id: cron\n    feeds: [https://a.de/f]\n    schedule: 'every hour'\n",
        "source 'cron', field 'schedule'",
    ),
    ("sources:\n  - id: url\n    feeds: [ftp://a.de/f]\n", "source 'url', field 'feeds'"),
    (
        "sources:\n  - id: depth\n    start_urls: [https://a.de/]\n    max_depth: -1\n",
        "source 'depth', field 'max_depth'",
    ),
    # A number too large for a float, and delays no crawl could wait.
    (
        "sources:\n  - id: huge\n    start_urls: [https://a.de/]\n    download_delay: 1" + "0" * 400 + "\n",
        "source 'huge', field 'download_delay'",
    ),
    ("sources:\n  - id: slow\n    feeds: [https://a.de/f]\n    download_delay: 86400\n", "field 'download_delay'"),
    # A line break after the id would pass a pattern anchored with $; whitespace inside a URL is a typo.
    ('sources:\n  - id: "newline\\n"\n    feeds: [https://a.de/f]\n', "field 'id'"),
    ('sources:\n  - id: space\n    feeds: ["https://a.de/a b"]\n', "source 'space', field 'feeds'"),
    ('sources:\n  - id: break\n    feeds: ["https://a.de/f\\nx"]\n', "source 'break', field 'feeds'"),
    ("sources:\n  - id: relative\n    homepage: //a.de/\n    feeds: [https://a.de/f]\n", "field 'homepage'"),
    ('sources:\n  - id: key\n    feeds: [https://a.de/f]\n    "a\\nb": 1\n', "field 'a\\nb': unknown key"),
    ("sources: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
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
    assert "\n" not in str(error.value) and len(str(error.value)) < 400


def test_a_whole_number_too_large_for_a_float_is_still_a_depth(tmp_path):
    [source] = load_sources(
        write(tmp_path, "sources:\n  - id: deep\n    start_urls: [https://a.de/]\n    max_depth: 1" + "0" * 400)
    )
    assert source.max_depth == 10**400


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
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert not db.exists()


def test_crawl_unknown_source_exits_2(tmp_path):
    sources = write(tmp_path, VALID)
    db = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "missing-id", "--sources", str(sources), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "unknown source id(s): missing-id" in result.stderr
    assert not db.exists()


# --- Anything an operator (or an editor gone wrong) can put into the file ------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
import yaml  # noqa: E402

from crawler.sources import KNOWN_KEYS  # noqa: E402

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "https://a.de/feed",
            "http://[::1",
            "http://a.de:0/",
            "ftp://a.de/",
            "https://" + "x" * 3000 + ".de/",
            "(a+)+$",
            "[",
            "0 6 * * *",
        ]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
ENTRIES = st.dictionaries(st.sampled_from(sorted(KNOWN_KEYS)) | st.text(max_size=8), VALUES, max_size=8)


def loads_or_explains(tmp_path, payload: bytes):
    path = tmp_path / "sources.yml"
    path.write_bytes(payload)
    try:
        return load_sources(path)
    except SourcesError as error:
        message = str(error)
        assert "\n" not in message and len(message) < 700, message
        assert message.startswith(str(path)) or message.startswith("unknown source")


@given(st.lists(ENTRIES, max_size=4))
def test_any_entries_load_or_fail_with_one_line(tmp_path_factory, entries):
    payload = yaml.safe_dump({"sources": entries}, allow_unicode=True).encode("utf-8")
    loads_or_explains(tmp_path_factory.mktemp("entries"), payload)


@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda text: text.encode("utf-8")))
def test_any_bytes_load_or_fail_with_one_line(tmp_path_factory, payload):
    loads_or_explains(tmp_path_factory.mktemp("bytes"), payload)


@pytest.mark.parametrize(
    "field, value",
    [
        ("id", "a" * 5000),
        ("name", "N" * 5000),
        ("feeds", ["https://a.de/" + "p" * 5000]),
        ("allow", ["x" * 5000]),
        ("feeds", ["https://a.de/f"] * 5000),
    ],
)
def test_overlong_fields_are_refused_with_a_short_message(tmp_path, field, value):
    entry = {"id": "long", "feeds": ["https://a.de/f"], field: value}
    path = write(tmp_path, yaml.safe_dump({"sources": [entry]}))
    with pytest.raises(SourcesError, match=f"field '{field}'") as error:
        load_sources(path)
    assert len(str(error.value)) < 300
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "--sources", str(path), "--db", str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
