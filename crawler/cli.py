"""The ``newsarchive`` command line: a thin layer over the crawler and archive APIs."""

import gc
import json
import os
import socket
import subprocess
import sys
import urllib.request
from contextlib import closing
from pathlib import Path

import click

from crawler.scheduling import SchedulerConfig, default
from crawler.sources import SourcesError, load_sources, select_sources

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_METADATA = PROJECT_ROOT / "metadata.yml"

sources_option = click.option(
    "--sources",
    "sources_path",
    default="sources.yml",
    show_default=True,
    envvar="NEWSARCHIVE_SOURCES",
    type=click.Path(dir_okay=False),
    help="Sources file (env: NEWSARCHIVE_SOURCES).",
)
db_option = click.option(
    "--db",
    "db_path",
    default="data/archive.db",
    show_default=True,
    envvar="NEWSARCHIVE_DB",
    type=click.Path(dir_okay=False),
    help="Archive SQLite file (env: NEWSARCHIVE_DB).",
)


class BadInput(click.ClickException):
    """A bad sources file or unknown source id: exit 2, before anything runs."""

    exit_code = 2


class Commands(click.Group):
    """The command group: an error no command expected ends in one line, not a traceback.

    Unreachable Redis, a file that is not an archive, a full disk: the operator needs what
    failed and why; ``NEWSARCHIVE_DEBUG=1`` shows the traceback for a bug report.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise SystemExit(130) from None
        except Exception as error:  # noqa: BLE001 - reported in one line, see the docstring
            if os.environ.get("NEWSARCHIVE_DEBUG"):
                raise
            message = " ".join(str(error).split()) or type(error).__name__
            raise click.ClickException(f"{type(error).__name__}: {message}") from None


@click.group(cls=Commands)
@click.version_option(package_name="newsarchive")
def cli():
    """newsarchive: archive regional business news into SQLite and publish it with Datasette.

    \b
    Quick start:
        newsarchive demo                      # offline demo: crawl a bundled site, browse it
        newsarchive crawl                     # crawl every source in sources.yml
        newsarchive serve                     # browse data/archive.db in Datasette

    An unexpected error ends in one line; NEWSARCHIVE_DEBUG=1 shows its traceback.
    """


@cli.command()
@click.argument("source_ids", nargs=-1)
@sources_option
@db_option
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting, as 'scrapy crawl -s' does. Repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log at INFO level.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Live progress table on stderr [default: on when stderr is a terminal].",
)
def crawl(source_ids, sources_path, db_path, overrides, as_json, verbose, progress):
    """Crawl SOURCE_IDS (all sources when none are given) into the archive.

    Exits 0 when the crawl ran, even if some pages failed (they are counted as errors);
    1 when a crawl could not start (e.g. a bad --set value; recorded as a 'failed' run);
    2 on a bad sources file or an unknown source id, before fetching anything.

    \b
    Example:
        newsarchive crawl rp-duesseldorf --set DOWNLOAD_DELAY=2
    """
    sources = _load(sources_path, source_ids)
    settings = dict(_parse_setting(item) for item in overrides)
    # Before Scrapy is imported: the workers' warm-up overlaps the crawl's own start.
    from crawler.extraction.forkserver import start_for_new_archive

    start_for_new_archive(db_path, settings)
    _check_archive(db_path)

    from crawler.crawl import run_crawl

    if verbose:
        settings.setdefault("LOG_LEVEL", "INFO")
    settings.setdefault("NEWSARCHIVE_PROGRESS", sys.stderr.isatty() if progress is None else progress)
    summary = run_crawl(sources, db_path, settings)
    # The crawl is over and its archive closed: what it loaded goes out of the collector's reach,
    # so that the interpreter's exit does not walk all of it once more before the process ends.
    gc.freeze()
    for run in summary["runs"]:
        if run["status"] == "locked":
            click.echo(f"{run['source']}: skipped, another crawl of this source is running", err=True)
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        _print_summary(summary, db_path)
    failed = [run["source"] for run in summary["runs"] if run["status"] == "failed"]
    if failed:
        # One last line that says why: the scheduler records a failed crawl by it.
        reasons = sorted({summary["errors"].get(source, "see the error above") for source in failed})
        click.echo(f"Crawl failed to start for {', '.join(failed)}: {'; '.join(reasons)}", err=True)
        raise SystemExit(1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--metadata",
    "metadata_path",
    default=str(DEFAULT_METADATA),
    show_default="the project's metadata.yml",
    type=click.Path(exists=True, dir_okay=False),
    help="Datasette metadata file.",
)
@click.option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Print the response for PATH (e.g. /archive/articles.json) and exit: a check "
    "that the archive and metadata load, without opening a port.",
)
def serve(db_path, host, port, metadata_path, get_path):
    """Publish the archive with Datasette (read-only), configured by metadata.yml.

    \b
    Example:
        newsarchive serve --db data/archive.db --port 8001
    """
    from archive.publishing.publish import datasette_command, metadata_file_for
    from archive.storage.store import is_writable, open_archive_for_reading

    _require(db_path)
    writable = is_writable(db_path)
    if writable:
        _upgrade(db_path)
    else:
        # On a read-only disk the file is served as it is (raises if it would need an upgrade).
        open_archive_for_reading(db_path).close()
    command = datasette_command(db_path, metadata_path, host, port, sys.executable, immutable=not writable)
    if get_path:
        # A one-off check leaves no metadata file behind; a server keeps its one file per archive.
        try:
            returncode = subprocess.run([*command, "--get", get_path]).returncode
        finally:
            metadata_file_for(db_path).unlink(missing_ok=True)
        sys.exit(returncode)
    click.echo(f"Serving {db_path} at http://{host}:{port}/  (Ctrl-C to stop)")
    sys.stdout.flush()
    # Become Datasette, so a service manager's SIGTERM stops the server itself.
    os.execv(command[0], command)


@cli.command()
@click.argument("file_or_url")
@click.option("--url", help="The page's address, when FILE_OR_URL is a saved file.")
def extract(file_or_url, url):
    """Print, as JSON, what the pipeline would store for one page.

    \b
    Examples:
        newsarchive extract saved-page.html --url https://example.de/wirtschaft/a.html
        newsarchive extract http://127.0.0.1:8000/ruhr/2026/10/story.html
    """
    from crawler.extraction.extract import extract_article

    if file_or_url.startswith(("http://", "https://")):
        request = urllib.request.Request(file_or_url, headers={"User-Agent": "newsarchive"})
        with urllib.request.urlopen(request, timeout=30) as response:
            html = response.read()
        url = url or file_or_url
    else:
        path = Path(file_or_url)
        if not path.is_file():
            raise click.ClickException(f"{file_or_url}: no such file")
        html = path.read_bytes()
        url = url or path.resolve().as_uri()
    article = extract_article(html, url)
    if article is None:
        raise click.ClickException("no article text found in this page")
    click.echo(json.dumps(article.as_json(), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("source_ids", nargs=-1)
@db_option
def reextract(source_ids, db_path):
    """Extract articles again from the kept raw pages (no network); update what changed.

    Run it after upgrading newsarchive or trafilatura: rows whose extracted fields differ are
    updated in place. Limit it to SOURCE_IDS if given.

    \b
    Example:
        newsarchive reextract rp-duesseldorf
    """
    from crawler.extraction.reextract import reextract as run_reextract

    _require(db_path)
    counts = run_reextract(db_path, source_ids)
    click.echo(
        f"{counts['checked']} pages checked, {counts['updated']} articles updated, "
        f"{counts['failed']} without article text"
    )


@cli.command("export-warc")
@click.argument("warc_file", type=click.Path(dir_okay=False))
@db_option
def export_warc(warc_file, db_path):
    """Write every kept response (each stored article version) to WARC_FILE.

    The file is a standard gzipped WARC that web-archive tools (pywb, replayweb.page) replay.
    An existing WARC_FILE is replaced only when it is a WARC (an earlier export); anything
    else, the archive above all, is left alone (exit 2).

    \b
    Example:
        newsarchive export-warc data/archive.warc.gz
    """
    from crawler.extraction.reextract import ExportRefused
    from crawler.extraction.reextract import export_warc as run_export

    _require(db_path)
    try:
        written = run_export(db_path, warc_file)
    except ExportRefused as error:
        raise BadInput(str(error)) from None
    click.echo(f"{written} records written to {warc_file}")


# -word and -source:waz are the search's own syntax, not options: unknown ones stay in the query.
@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True, type=click.UNPROCESSED)
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Most articles to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
def search(query, db_path, limit, as_json):
    """Search the archive as Datasette's search does: best matches first.

    Words, "phrases", prefix*, OR, NOT or -word, and filters source:, region:, author:,
    lang:, title:, since:YYYY-MM-DD, until:, date:YYYY-MM. Anything else is searched as text.

    \b
    Examples:
        newsarchive search Wasserstoff Duisburg
        newsarchive search '"grüner Stahl" source:waz-wirtschaft since:2026-10'
    """
    from archive.indexing.query import search_articles
    from archive.storage.store import open_archive_for_reading

    _require(db_path)
    with open_archive_for_reading(db_path) as db:
        hits = search_articles(db, " ".join(query), limit)
    if as_json:
        click.echo(json.dumps(hits, indent=2, ensure_ascii=False))
    elif hits:
        _print_table(f"{len(hits)} articles", hits)
    else:
        click.echo("no articles found")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(db_path, as_json):
    """Show each source's last crawl (time, result, new and updated articles, errors), its
    next scheduled crawl and its health: failing, stale, pending or ok.

    \b
    Example:
        newsarchive status --db data/archive.db
    """
    from archive.publishing.status import source_status
    from archive.storage.store import open_archive_for_reading

    _require(db_path)
    with open_archive_for_reading(db_path) as db:
        rows = source_status(db)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        # The source's name is in --json; the table keeps to what fits a terminal.
        columns = ("source", "health", "last_run", "status", "new", "updated", "errors", "articles", "next_run")
        _print_table("Sources", [{column: row[column] for column in columns} for row in rows])


@cli.command()
@click.option(
    "--data-dir",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where demo.db and the demo sources file are written.",
)
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Datasette port (a free one is chosen if it is taken).",
)
@click.option("--no-serve", is_flag=True, help="Crawl the demo site, then exit.")
def demo(data_dir, port, no_serve):
    """Offline demo: serve the bundled news site, crawl it into DATA_DIR/demo.db, browse it.

    Everything stays on 127.0.0.1; no internet is needed. Stop with Ctrl-C.

    \b
    Example:
        newsarchive demo --port 8001
    """
    from crawler.demo import run_demo

    raise SystemExit(run_demo(Path(data_dir), port=port, serve=not no_serve, echo=click.echo))


@cli.command()
@sources_option
@db_option
@click.option(
    "--max-crawls",
    type=click.IntRange(min=1),
    default=None,
    help="Crawls running at once, over all sources.  [default: number of CPU cores]",
)
@click.option(
    "--crawl-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=default("crawl_timeout"),
    show_default=True,
    help="Seconds after which a crawl is stopped and recorded as 'timeout'.",
)
@click.option(
    "--kill-grace",
    type=click.FloatRange(min=0),
    default=default("kill_grace"),
    show_default=True,
    help="Seconds a stopped crawl gets to close after SIGTERM before SIGKILL.",
)
@click.option(
    "--shutdown-grace",
    type=click.FloatRange(min=0),
    default=default("shutdown_grace"),
    show_default=True,
    help="On SIGTERM/SIGINT, seconds running crawls may go on before they are stopped.",
)
@click.option(
    "--misfire-grace",
    type=click.IntRange(min=1),
    default=default("misfire_grace"),
    show_default=True,
    help="Seconds a missed run may be late and still run (missed runs coalesce into one).",
)
@click.option(
    "--jitter",
    type=click.IntRange(min=0),
    default=default("jitter"),
    show_default=True,
    help="Each scheduled run starts up to this many seconds late, at random.",
)
@click.option(
    "--default-every",
    "default_every_hours",
    type=click.IntRange(min=1, max=24),
    default=default("default_every_hours"),
    show_default=True,
    help="Hours between crawls of sources without a 'schedule' (minute derived from the id).",
)
@click.option("--timezone", default=default("timezone"), show_default=True, help="Time zone of the cron schedules.")
@click.option(
    "--watch-interval",
    type=click.FloatRange(min=0.1),
    default=default("watch_interval"),
    show_default=True,
    help="Seconds between checks of the sources file for edits (SIGHUP reloads at once).",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    help="Rotating log file.  [default: DB.scheduler.log beside the archive]",
)
@click.option(
    "--set",
    "crawl_settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Scrapy setting passed to every crawl. Repeatable.",
)
@click.option(
    "--interval-seconds",
    type=click.FloatRange(min=0, min_open=True),
    help="For testing only: crawl every source every N seconds, ignoring schedules.",
)
@click.option(
    "--redis",
    "redis_url",
    envvar="NEWSARCHIVE_REDIS",
    metavar="URL",
    help="Distributed mode: queue each due crawl in this Redis for 'newsarchive worker' "
    "processes instead of running it here (env: NEWSARCHIVE_REDIS).",
)
def schedule(sources_path, db_path, **options):
    """Crawl each source on its schedule until stopped (SIGTERM or Ctrl-C; exit 0).

    Each crawl runs as its own 'newsarchive crawl SOURCE' process (with --redis: is queued
    for the workers, and 'archive-writer' stores what they find). Jobs are stored in the
    archive, so a restart keeps them; edits of the sources file are applied without a
    restart (an invalid edit is logged and the current schedule kept). Logs go to stderr
    and to a rotating file beside the archive.

    \b
    Example:
        newsarchive schedule --sources sources.yml --db data/archive.db
    """
    from scheduler import SchedulerBusy, run_scheduler

    if options["max_crawls"] is None:
        del options["max_crawls"]
    options["crawl_settings"] = tuple(options["crawl_settings"])
    for item in options["crawl_settings"]:
        _parse_setting(item)
    log_file = options.pop("log_file")
    config = SchedulerConfig(
        sources_path=Path(sources_path), db_path=Path(db_path), log_file=Path(log_file) if log_file else None, **options
    )
    _check_archive(db_path)
    try:
        raise SystemExit(run_scheduler(config))
    except SourcesError as error:
        raise BadInput(str(error)) from None
    except SchedulerBusy as error:
        raise click.ClickException(str(error)) from None


redis_option = click.option(
    "--redis",
    "redis_url",
    required=True,
    envvar="NEWSARCHIVE_REDIS",
    metavar="URL",
    help="Redis shared by workers and the archive writer, e.g. redis://10.0.0.5:6379/0 (env: NEWSARCHIVE_REDIS).",
)


@cli.command()
@click.argument("source_ids", nargs=-1)
@sources_option
@redis_option
@click.option(
    "--name",
    "worker",
    default=socket.gethostname(),
    show_default="host name",
    help="This worker's name, unique per machine: a restarted worker with the same "
    "name takes back the requests its killed predecessor had in flight.",
)
@click.option(
    "--idle-exit",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Exit after this many seconds without work (0: run until stopped).",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting, as 'scrapy crawl -s' does. Repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print per-source counts as JSON at exit.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log at INFO level.")
def worker(source_ids, sources_path, redis_url, worker, idle_exit, overrides, as_json, verbose):
    """Crawl SOURCE_IDS (all when none are given) whenever a crawl of one is requested in Redis.

    Workers on any number of machines share one frontier and dupe filter in Redis, keep
    DOWNLOAD_DELAY per host between them all, and queue extracted articles for the one
    'archive-writer'. Crawls are requested with 'newsarchive enqueue' or 'schedule --redis'.

    \b
    Example:
        newsarchive worker --redis redis://10.0.0.5:6379/0 --name crawler1-a
    """
    from crawler.distributed import run_worker

    sources = _load(sources_path, source_ids)
    settings = dict(_parse_setting(item) for item in overrides)
    if verbose:
        settings.setdefault("LOG_LEVEL", "INFO")
    counts = run_worker(sources, redis_url, worker, idle_exit, settings)
    if as_json:
        click.echo(json.dumps(counts, indent=2))


@cli.command()
@click.argument("source_ids", nargs=-1)
@sources_option
@redis_option
def enqueue(source_ids, sources_path, redis_url):
    """Request one crawl of SOURCE_IDS (all when none are given) from the workers.

    \b
    Example:
        newsarchive enqueue rp-duesseldorf --redis redis://10.0.0.5:6379/0
    """
    from crawler.distributed import enqueue_crawls

    sources = _load(sources_path, source_ids)
    count = enqueue_crawls(redis_url, [source.id for source in sources])
    click.echo(f"{count} crawl requests queued")


@cli.command(name="archive-writer")
@sources_option
@db_option
@redis_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Items stored per batch; a batch is acknowledged only once stored.",
)
@click.option(
    "--idle-exit",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Exit after this many seconds with an empty queue (0: run until stopped).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON at exit.")
def archive_writer(sources_path, db_path, redis_url, batch_size, idle_exit, as_json):
    """Store the articles workers queued in Redis into the archive: the one writer per archive.

    Uses the same dedup and version logic as 'crawl'. Stopping or killing it loses nothing:
    an unfinished batch is stored again at the next start (as 'unchanged' where it was).

    \b
    Example:
        newsarchive archive-writer --redis redis://10.0.0.5:6379/0 --db data/archive.db
    """
    from redis import Redis

    from archive.storage.lock import LockHeld
    from archive.storage.queue import drain
    from crawler import settings

    sources = _load(sources_path, ())
    _check_archive(db_path)
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    try:
        counts = drain(
            Redis.from_url(redis_url),
            db_path,
            batch_size=batch_size,
            idle_exit=idle_exit,
            sources=[source.as_row() for source in sources],
            revisit_after=tuple(settings.INCREMENTAL_REVISIT_AFTER),
        )
    except LockHeld as error:
        raise click.ClickException(f"another archive writer is running: {error}") from None
    if as_json:
        click.echo(json.dumps(counts))
    else:
        click.echo(
            f"{counts['stored']} items stored in {counts['batches']} batches: "
            f"{counts['new']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['duplicate']} duplicates → {db_path}"
        )


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def enrich(db_path, as_json):
    """Link every article in the archive to the places and companies it mentions.

    New articles are linked during crawls; run this after upgrading, or after the gazetteer
    (archive/indexing/data/places.csv) or company list (archive/indexing/data/companies.csv) changed.

    \b
    Example:
        newsarchive enrich --db data/archive.db
    """
    from archive.indexing.enrich import enrich_archive
    from archive.storage.store import open_archive

    _require(db_path)
    with open_archive(db_path) as db:
        totals = enrich_archive(db)
    if as_json:
        click.echo(json.dumps(totals))
    else:
        click.echo(
            f"{totals['articles']} articles: {totals['places']} place links, "
            f"{totals['companies']} company links → {db_path}"
        )


@cli.group(name="sources")
def sources_group():
    """Onboard sources: propose an entry from a homepage, check one with a sample crawl.

    \b
    Examples:
        newsarchive sources add https://www.example-zeitung.de/ --id example --write
        newsarchive sources check example
    """


@sources_group.command(name="add")
@click.argument("url")
@click.option("--id", "source_id", help="Source id ([a-z0-9-]+); derived from the host if not given.")
@sources_option
@click.option("--write", is_flag=True, help="Append the proposed entry to the sources file.")
def sources_add(url, source_id, sources_path, write):
    """Propose a sources.yml entry for the site at URL (feeds, sitemaps, sections, article URLs).

    Fetches the homepage, robots.txt and a few sample pages, then prints the entry as YAML.
    With --write it is appended to the sources file, keeping its comments and order.

    \b
    Example:
        newsarchive sources add https://www.example-zeitung.de/ --id example --write
    """
    from crawler.onboard import OnboardError, append_source, propose_source, proposal_yaml

    try:
        proposal = propose_source(url, source_id)
    except OnboardError as error:
        raise click.ClickException(str(error)) from None
    click.echo(proposal_yaml(proposal), nl=False)
    if write:
        try:
            append_source(sources_path, proposal.entry)
        except SourcesError as error:
            raise BadInput(str(error)) from None
        click.echo(
            f"Added '{proposal.entry['id']}' to {sources_path}; next: newsarchive sources check {proposal.entry['id']}"
        )


@sources_group.command(name="check")
@click.argument("source_id")
@sources_option
@click.option(
    "--pages",
    default=10,
    show_default=True,
    type=click.IntRange(1),
    help="Pages to crawl (responses, feeds and sitemaps included).",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting for the sample crawl. Repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print pages and warnings as JSON.")
def sources_check(source_id, sources_path, pages, overrides, as_json):
    """Crawl a small sample of SOURCE_ID into a temporary archive and show what would be stored.

    Prints title, date, author, words and language per page, and warnings (no date, text too
    short, the same title on every page). Nothing is written to the real archive.

    \b
    Example:
        newsarchive sources check rp-duesseldorf --pages 20
    """
    from crawler.onboard import OnboardError, check_source

    _load(sources_path, [source_id])
    try:
        report = check_source(source_id, sources_path, pages, list(overrides))
    except OnboardError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps({"pages": report.pages, "warnings": report.warnings}, indent=2, ensure_ascii=False))
        return
    _print_table(f"Sample crawl of {source_id}: {len(report.pages)} pages stored", report.pages)
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    if not report.warnings:
        click.echo("no warnings")


def _upgrade(db_path):
    """Migrate an archive of an earlier release before Datasette publishes it: its pages and
    canned queries expect the current schema. A current archive is only read."""
    import sqlite3

    from sqlite_utils import Database

    from archive.storage.schema import upgrade_needed

    with closing(sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)) as connection:
        needed = upgrade_needed(Database(connection))
    if needed:
        from archive.storage.store import open_archive

        open_archive(db_path).close()


def _require(db_path):
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist yet: run 'newsarchive crawl' first")
    _check_archive(db_path)


def _check_archive(db_path):
    """A --db that is some other file (a sources file, a WARC) is bad input: exit 2, untouched."""
    from archive.storage.store import NotAnArchive, check_is_database

    try:
        check_is_database(Path(db_path))
    except NotAnArchive as error:
        raise BadInput(str(error)) from None


def _load(sources_path, source_ids):
    try:
        return select_sources(load_sources(sources_path), source_ids)
    except SourcesError as error:
        raise BadInput(str(error)) from None


def _parse_setting(item: str) -> tuple[str, object]:
    name, equals, value = item.partition("=")
    if not equals or not name:
        raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
    return name.strip(), value


def _print_summary(summary: dict, db_path: str) -> None:
    columns = (
        "source",
        "status",
        "pages_fetched",
        "not_modified",
        "skipped",
        "articles_new",
        "articles_updated",
        "duplicates",
        "errors",
    )
    rows = [{column: run.get(column) for column in columns} for run in summary["runs"]]
    _print_table(f"Crawl finished in {summary['elapsed']} s → {db_path}", rows)
    raw = summary.get("raw_store")
    if raw and raw["urls"]:
        click.echo(
            f"Raw pages kept: {raw['responses']} responses of {raw['urls']} articles, "
            f"{raw['stored_bytes'] / 1024:.0f} KiB compressed "
            f"({raw['stored_bytes_per_url'] / 1024:.1f} KiB per article, "
            f"{raw['compression_ratio']}× smaller than fetched)"
        )


def _print_table(title: str, rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in rows[0] if rows else ():
        table.add_column(column.replace("_", " "))
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row.values()))
    Console(width=None if sys.stdout.isatty() else 120).print(table)


if __name__ == "__main__":
    cli()
