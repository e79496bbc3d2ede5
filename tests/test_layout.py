"""Imports follow the flow: an early or light module never loads a later or heavy one.

Each check runs in a fresh interpreter, since this test process has imported everything already.
"""

import subprocess
import sys

import pytest

# module imported -> modules it must not load
LAYERS = [
    ("archive", ["numpy", "datasketch", "archive.storage.store"]),
    ("archive.storage.lock", ["numpy", "datasketch", "sqlite_utils"]),
    (
        "archive.storage.schema",
        ["archive.indexing.dedup", "archive.indexing.search", "archive.storage.store", "datasketch"],
    ),
    ("crawler.sources", ["numpy", "scrapy", "trafilatura", "datasette"]),
    # What extraction hands on: read by storing and the distributed queue without trafilatura.
    (
        "crawler.extraction.article",
        ["trafilatura", "lxml", "scrapy", "crawler.extraction.extract", "archive.storage.store"],
    ),
    # The field rules read a parsed page; storing, indexing and trafilatura come later.
    ("crawler.extraction.page", ["trafilatura", "htmldate", "archive.storage.store", "archive.indexing.search"]),
    ("crawler.extraction.headline", ["trafilatura", "archive.storage.store", "crawler.extraction.extract"]),
    (
        "crawler.fetch.discover",
        ["trafilatura", "numpy", "datasketch", "archive.storage.store", "crawler.extraction.extract"],
    ),
    # The crawl process stores what its workers prepared: the German vocabulary loads on first use.
    ("archive.storage.store", ["wordfreq"]),
    # The crawl process classifies pages and hands articles to its workers: the extraction
    # libraries load in the workers' fork server only (crawler.extraction.warmup).
    *(
        (module, ["trafilatura", "htmldate", "py3langid", "pycld2", "ftfy", "datasketch", "wordfreq"])
        for module in ("crawler.crawl", "crawler.fetch.spider", "crawler.pipelines")
    ),
    # The extraction workers' fork server loads their task and never the crawl's Scrapy side,
    # which each worker would otherwise import on its first page.
    ("crawler.extraction.warmup", ["scrapy", "twisted", "crawler.pipelines", "crawler.fetch.spider"]),
    # The near-duplicate signature needs numpy only: scipy, which datasketch imports, took most
    # of a second of every pool's start.
    ("crawler.extraction.warmup", ["scipy", "datasketch"]),
    # A crawl into a new archive starts its workers' fork server before it imports the rest.
    ("crawler.extraction.forkserver", ["numpy", "scrapy", "archive.storage.store", "crawler.extraction.warmup"]),
    ("crawler.cli", ["scrapy", "trafilatura", "datasette", "numpy", "scheduler"]),
    ("scheduler", ["scrapy", "trafilatura", "datasette", "crawler.cli"]),
]


@pytest.mark.parametrize(("module", "forbidden"), LAYERS, ids=[module for module, _ in LAYERS])
def test_import_does_not_load_later_stages(module, forbidden):
    probe = f"import sys, {module}\nprint(' '.join(name for name in {forbidden!r} if name in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == []


def test_the_task_extraction_workers_run_is_loaded_by_their_fork_server():
    # A worker unpickles its task by importing the task's module: one the fork server has not
    # loaded would be imported again by every worker, with all it imports.
    probe = (
        "import sys, crawler.extraction.warmup\n"
        "loaded = set(sys.modules)\n"
        "from crawler.pipelines import extract_and_prepare\n"
        "print(extract_and_prepare.__module__ in loaded)"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == ["True"]


def test_a_crawl_opens_no_console():
    from scrapy.utils.conf import build_component_list

    from crawler.crawl import crawl_settings

    extensions = build_component_list(crawl_settings("archive.db").getwithbase("EXTENSIONS"))
    assert "crawler.extensions.CrawlRunRecorder" in extensions
    assert "scrapy.extensions.corestats.CoreStats" in extensions
    assert not {"scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl"} & set(
        extensions
    )


def test_a_component_switched_off_is_not_imported():
    # Scrapy imports every component its lists name, switched off or not, when it builds the
    # crawl's middlewares and extensions; the remote control would load aiohttp at each start.
    probe = (
        "import sys\n"
        "from crawler.crawl import COMPONENT_SETTINGS, crawl_settings\n"
        "settings = crawl_settings('archive.db')\n"
        "for name in COMPONENT_SETTINGS:\n"
        "    settings.get_component_priority_dict_with_base(name)\n"
        "print('scrapy.extensions.remote_control' in sys.modules, 'aiohttp' in sys.modules)"
    )
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert imported.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"EXTENSIONS": {"scrapy.extensions.logstats.LogStats": None, "crawler.extensions.CrawlRunRecorder": 100}},
        {"DOWNLOADER_MIDDLEWARES": {"scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None}},
    ],
)
def test_switched_off_components_leave_the_same_components_on(overrides):
    from scrapy.settings import Settings
    from scrapy.utils.conf import build_component_list

    from crawler import settings as project_settings
    from crawler.crawl import COMPONENT_SETTINGS, crawl_settings

    # The same settings as Scrapy would read them, with nothing taken out of its lists.
    as_given = Settings()
    as_given.setmodule(project_settings, priority="project")
    for name, value in overrides.items():
        as_given.set(name, value, priority="cmdline")
    crawl = crawl_settings("archive.db", overrides)
    for name in COMPONENT_SETTINGS:
        on = build_component_list(crawl.get_component_priority_dict_with_base(name))
        assert on == build_component_list(as_given.get_component_priority_dict_with_base(name))
        switched_off = [path for path, order in as_given.getdict(name).items() if order is None]
        assert not set(switched_off) & (set(crawl.getdict(name)) | set(crawl.getdict(f"{name}_BASE")))
