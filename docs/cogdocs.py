"""Generated parts of the docs, written into the Markdown pages by cog.

`make docs` rewrites them (``cog -r -I docs docs/*.md``) and `make test` checks that they are
current (``cog --check``): the CLI reference from ``--help``, the settings reference from
``crawler/settings.py``, the schema from a freshly created archive and the performance table
from ``bench/results/*.json``.
"""

import ast
import json
import sqlite3
import tempfile
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
HELP_WIDTH = 88


def commands(group: click.Group | None = None, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the ``newsarchive`` CLI, groups included, in --help order."""
    from crawler.cli import cli

    group = group or cli
    found = []
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        if command is None or command.hidden:
            continue
        found.append(prefix + (name,))
        if isinstance(command, click.Group):
            found.extend(commands(command, prefix + (name,)))
    return found


def cli_reference() -> str:
    """``--help`` of the CLI and of every command, each under its own heading."""
    from crawler.cli import cli

    runner = CliRunner()
    parts = []
    for path in [()] + commands():
        result = runner.invoke(cli, [*path, "--help"], prog_name="newsarchive", terminal_width=HELP_WIDTH)
        heading = "newsarchive " + " ".join(path) if path else "newsarchive"
        parts.append(f"## {heading}\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def settings() -> list[tuple[str, str, str]]:
    """``(name, default, comment)`` of each setting in ``crawler/settings.py``, in file order.

    The comment is the block of ``#`` lines above the setting or its group of settings.
    """
    source = (ROOT / "crawler" / "settings.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    comment = ""
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        name = node.targets[0].id
        above = []
        row = node.lineno - 2
        while row >= 0 and lines[row].lstrip().startswith("#"):
            above.insert(0, lines[row].lstrip("# ").strip())
            row -= 1
        if above:
            comment = " ".join(above)
        elif row >= 0 and not lines[row].strip():
            comment = ""
        default = ast.get_source_segment(source, node.value) or ""
        found.append((name, " ".join(default.split()), comment))
    return found


def settings_reference() -> str:
    """Every setting with its default, grouped under the comment that explains the group."""
    parts = []
    for name, default, comment in settings():
        if not parts or comment != parts[-1][0]:
            parts.append((comment, []))
        parts[-1][1].append(f"| `{name}` | `{default.replace('|', chr(92) + '|')}` |")
    text = []
    for comment, rows in parts:
        if comment:
            text.append(comment + "\n")
        text.append("\n".join(["| setting | default |", "| --- | --- |", *rows]) + "\n")
    return "\n".join(text)


def schema() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``(name, "table" or "view", [(column, type)])`` of a freshly created archive.

    FTS5 shadow tables and SQLite's own tables are left out: they are not for queries.
    """
    from archive import open_archive

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.db"
        open_archive(str(path)).conn.close()
        conn = sqlite3.connect(path)
        objects = conn.execute(
            "select name, type from sqlite_master where type in ('table', 'view') order by type, name"
        ).fetchall()
        shadow = {
            name
            for (fts,) in conn.execute("select name from sqlite_master where sql like '%using fts5%'")
            for name, _ in objects
            if name.startswith(fts + "_")
        }
        found = []
        for name, kind in objects:
            if name in shadow or name.startswith("sqlite_"):
                continue
            columns = [(row[1], row[2]) for row in conn.execute(f'pragma table_info("{name}")')]
            found.append((name, kind, columns))
        conn.close()
    return found


def schema_reference() -> str:
    """Every table and view of a fresh archive with its columns and their types."""
    parts = []
    for name, kind, columns in schema():
        cols = ", ".join(f"`{column}` {ctype}".rstrip() for column, ctype in columns)
        parts.append(f"- **`{name}`** ({kind}): {cols}")
    return "\n".join(parts) + "\n"


# (results file, path into its JSON, what it is, unit)
PERFORMANCE_FIGURES = [
    ("crawl.json", "first_crawl.articles_per_second", "crawl, 2,000 article pages", "articles/s"),
    (
        "crawl.json",
        "trafilatura_single_process.pages_per_second",
        "plain trafilatura.extract, same pages, one process",
        "pages/s",
    ),
    ("crawl.json", "speedup_vs_trafilatura", "crawl ÷ plain trafilatura", "×"),
    ("crawl.json", "first_crawl.peak_pss_mb", "peak memory, crawl and extraction workers", "MB PSS"),
    (
        "crawl.json",
        "second_crawl.share_of_first_crawl_time",
        "second crawl of the unchanged site, share of the first's time",
        "",
    ),
    (
        "crawl.json",
        "second_crawl.share_of_articles_fetched_in_full",
        "second crawl: share of articles fetched in full",
        "",
    ),
    ("crawl_10000.json", "first_crawl.articles_per_second", "crawl, 10,000 article pages", "articles/s"),
    ("crawl_10000.json", "first_crawl.peak_pss_mb", "peak memory over 10,000 pages", "MB PSS"),
    ("archive_100000.json", "insert.articles_per_second", "insert, 100,000 articles", "articles/s"),
    ("archive_100000.json", "insert.bytes_per_article", "file size per article at 100,000", "bytes"),
    ("archive_1000000.json", "insert.articles_per_second", "insert, 1,000,000 articles", "articles/s"),
    ("archive_1000000.json", "dedup_lookup.ms_per_article", "near-duplicate lookup at 1,000,000", "ms"),
    ("archive_1000000_searches.json", "searches.rare_term.p95_ms", "search, rare term, p95 at 1,000,000", "ms"),
    ("archive_1000000_searches.json", "searches.phrase.p95_ms", "search, phrase, p95 at 1,000,000", "ms"),
    ("archive_1000000_searches.json", "searches.compound_part.p95_ms", "search, compound part, p95 at 1,000,000", "ms"),
    (
        "archive_1000000_searches.json",
        "searches.common_term_ranked.p95_ms",
        "search, common term ranked, p95 at 1,000,000",
        "ms",
    ),
    (
        "archive_1000000_searches.json",
        "searches.facet_source_month_search.p95_ms",
        "facet page with a search, p95 at 1,000,000",
        "ms",
    ),
    *(
        (
            "archive_1000000_searches.json",
            f"searches.newsroom_{kind}.p95_ms",
            f"newsroom page, {label}, p95 at 1,000,000",
            "ms",
        )
        for kind, label in (
            ("home", "newest stories"),
            ("rare_term", "rare term"),
            ("common_term", "common term, best first"),
            ("compound_part", "compound part, best first"),
            ("phrase", "phrase, best first"),
            ("compound_part_newest", "compound part, newest first"),
            ("phrase_newest", "phrase, newest first"),
        )
    ),
    ("peers.json", "tools.newsarchive.articles_per_second", "newsarchive, peers site (bench/peers.py)", "articles/s"),
    ("peers.json", "tools.trafilatura_cli.articles_per_second", "trafilatura's CLI, same site, same run", "articles/s"),
    ("peers.json", "tools.news_please.articles_per_second", "news-please, same site, same run", "articles/s"),
    ("peers.json", "newsarchive_vs_trafilatura_cli", "newsarchive ÷ trafilatura's CLI", "×"),
    (
        "peers_1000.json",
        "tools.newsarchive.articles_per_second",
        "newsarchive, peers site of 1,000 pages",
        "articles/s",
    ),
    (
        "peers_1000.json",
        "tools.trafilatura_cli.articles_per_second",
        "trafilatura's CLI, same 1,000 pages",
        "articles/s",
    ),
    ("peers_1000.json", "newsarchive_vs_trafilatura_cli", "newsarchive ÷ trafilatura's CLI at 1,000 pages", "×"),
    ("dedup.json", "chosen.precision", "near-duplicates: precision on the labelled pairs", ""),
    ("dedup.json", "chosen.recall", "near-duplicates: recall on the labelled pairs", ""),
    ("place_precision.json", "precision", "place matching: precision", ""),
    ("enrich_speed.json", "ms_per_article", "place and company matching per article", "ms"),
    ("scheduler_overhead.json", "crawl_process_seconds_median", "scheduler: one crawl process, median", "s"),
    (
        "raw_compression.json",
        "candidates.zstd level 3.compress_ms_per_page",
        "keeping a fetched page: compression CPU (zstd 3)",
        "ms",
    ),
    (
        "raw_compression.json",
        "candidates.zlib level 6.compress_ms_per_page",
        "the same with zlib 6, before 0.2.0",
        "ms",
    ),
    ("raw_compression.json", "candidates.zstd level 3.ratio", "kept pages, fetched ÷ stored size (zstd 3)", "×"),
]


def figure(data: dict, path: str):
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def performance_table() -> str:
    """The headline figures of ``bench/results/*.json`` as a Markdown table."""
    results = ROOT / "bench" / "results"
    rows = ["| figure | value | from |", "| --- | --- | --- |"]
    for filename, path, label, unit in PERFORMANCE_FIGURES:
        file = results / filename
        if not file.exists():
            continue
        value = figure(json.loads(file.read_text(encoding="utf-8")), path)
        if value is None:
            continue
        rows.append(f"| {label} | {f'{value} {unit}'.strip()} | `{filename}`: `{path}` |")
    return "\n".join(rows) + "\n"


# The search targets at a million articles (issue 19): (key in searches, what it is, target p95 ms).
SEARCH_TARGETS_FILE = "archive_1000000_searches.json"
SEARCH_TARGETS = [
    ("rare_term", "table search, rare term", 300),
    ("phrase", "table search, phrase", 300),
    ("compound_part", "table search, compound part", 300),
    ("newsroom_rare_term", "newsroom, rare term", 300),
    ("newsroom_phrase_newest", "newsroom, phrase, newest first", 300),
    ("newsroom_compound_part_newest", "newsroom, compound part, newest first", 300),
    ("common_term_ranked", "ranked query, common term", 1000),
    ("compound_part_ranked", "ranked query, compound part", 1000),
    ("newsroom_common_term", "newsroom, common term, best first", 1000),
    ("newsroom_phrase", "newsroom, phrase, best first", 1000),
    ("newsroom_compound_part", "newsroom, compound part, best first", 1000),
]


def search_targets_table() -> str:
    """Each search target beside the p95 measured at a million articles, and whether it holds."""
    file = ROOT / "bench" / "results" / SEARCH_TARGETS_FILE
    searches = json.loads(file.read_text(encoding="utf-8")).get("searches", {}) if file.exists() else {}
    rows = ["| search | target p95 | measured p95 | holds |", "| --- | --- | --- | --- |"]
    for key, label, target in SEARCH_TARGETS:
        measured = figure(searches, f"{key}.p95_ms")
        if measured is None:
            rows.append(f"| {label} | ≤ {target:,} ms | not measured yet | – |")
        else:
            rows.append(f"| {label} | ≤ {target:,} ms | {measured} ms | {'yes' if measured <= target else 'no'} |")
    return "\n".join(rows) + "\n"


def extraction_table() -> str:
    """``bench/results/extraction.json`` side by side: newsarchive and plain trafilatura on each
    half of metadata-de (rules are developed on tune, figures reported on check) and on the
    body-text set, with CPU per page."""
    results = json.loads((ROOT / "bench" / "results" / "extraction.json").read_text(encoding="utf-8"))
    metadata, body = results.get("metadata-de", {}), results.get("article-extraction", {})
    rows = ["| set | figure | newsarchive | plain trafilatura |", "| --- | --- | --- | --- |"]
    for half in ("check", "tune"):
        if "halves" not in metadata.get("newsarchive", {}):
            break
        pages = metadata["newsarchive"]["halves"][half]["pages"]
        for field, label in (("title", "headline"), ("date", "publication day"), ("author", "authors")):
            cells = []
            for tool in ("newsarchive", "trafilatura"):
                score = metadata[tool]["halves"][half].get(field)
                cells.append(f"{score['rate']:.3f}" if score else "–")
            entries = metadata["newsarchive"]["halves"][half][field]["entries"]
            rows.append(f"| metadata-de {half} ({pages} pages) | {label} (n={entries}) | {cells[0]} | {cells[1]} |")
    if body:
        f1 = [f"{body[tool]['f1']:.3f}" for tool in ("newsarchive", "trafilatura")]
        rows.append(
            f"| article-extraction ({body['newsarchive']['pages']} pages) | body 4-gram F1 | {f1[0]} | {f1[1]} |"
        )
    # Plain trafilatura is scored on metadata-de with its metadata; its `extract` with defaults,
    # the baseline of the CPU target, is timed beside it.
    timed = (
        ("metadata-de", metadata, "trafilatura extract", " (`extract`, defaults)"),
        ("metadata-de", metadata, "trafilatura", " (with metadata)"),
        ("article-extraction", body, "trafilatura", " (`extract`, defaults)"),
    )
    for name, data, tool, how in timed:
        if all("cpu_ms_per_page" in data.get(each, {}) for each in ("newsarchive", tool)):
            ours, theirs = data["newsarchive"]["cpu_ms_per_page"], data[tool]["cpu_ms_per_page"]
            rows.append(f"| {name} | CPU per page{how} | {ours:.1f} ms ({ours / theirs:.2f}×) | {theirs:.1f} ms |")
    return "\n".join(rows) + "\n"


def furniture_table() -> str:
    """``bench/results/furniture.json``: for each block added around the metadata-de stories, the
    right fields it made wrong, of those tested, on each half."""
    results = json.loads((ROOT / "bench" / "results" / "furniture.json").read_text(encoding="utf-8"))
    fields = (("title", "headline"), ("date", "day"), ("author", "authors"))
    header = " | ".join(f"{half} {label}" for half in ("check", "tune") for _field, label in fields)
    rows = [f"| block added | {header} |", "| --- |" + " --- |" * 6]
    for block, halves in results["blocks"].items():
        cells = [
            f"{halves[half][field]['broken']} of {halves[half][field]['tested']}"
            for half in ("check", "tune")
            for field, _label in fields
        ]
        rows.append(f"| {block} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def templates_table() -> str:
    """``bench/results/templates.json``: fields right on the news-site template pages, newsarchive
    beside plain trafilatura."""
    results = json.loads((ROOT / "bench" / "results" / "templates.json").read_text(encoding="utf-8"))
    labels = {"headline": "headline", "kicker": "kicker", "day": "publication day", "people": "people credited"}
    labels["agencies"] = "wire services credited"
    rows = ["| field | newsarchive | plain trafilatura |", "| --- | --- | --- |"]
    for field, label in labels.items():
        ours, theirs = results["newsarchive"].get(field), results["trafilatura"].get(field)
        if ours:
            other = f"{theirs['hits']} of {theirs['pages']}" if theirs else "–"
            rows.append(f"| {label} | {ours['hits']} of {ours['pages']} | {other} |")
    return "\n".join(rows) + "\n"
