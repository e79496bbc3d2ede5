"""Shared fixtures: the demo site on 127.0.0.1 and a helper that runs the real CLI."""

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest
import yaml
from hypothesis import HealthCheck, settings

from crawler.demo import demo_sources, free_port
from crawler.demosite import DemoSiteServer, load_articles

# Property tests are derandomized so that a run is repeatable and CI never flakes on a new example;
# HYPOTHESIS_PROFILE=explore searches afresh (more examples, random seeds) when hunting for bugs.
settings.register_profile(
    "ci", derandomize=True, max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def demo_articles():
    return load_articles()


@pytest.fixture(scope="session")
def demo_site():
    """The bundled demo site, served for the whole test session on a free port."""
    with DemoSiteServer() as site:
        yield site


def write_sources(path, document) -> str:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def run_cli(*args, timeout=300, check=True) -> subprocess.CompletedProcess:
    """Run ``newsarchive ARGS`` in a new process (one crawl per process, as in production)."""
    result = subprocess.run(
        [sys.executable, "-m", "crawler", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"newsarchive {' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture(scope="session")
def demo_archive(demo_site, tmp_path_factory):
    """The demo site crawled once, through `newsarchive crawl`, into a fresh archive."""
    directory = tmp_path_factory.mktemp("demo")
    sources = write_sources(directory / "sources.yml", demo_sources(demo_site.base_url))
    db_path = directory / "demo.db"
    requests_before = len(demo_site.requests)
    result = run_cli("crawl", "--sources", sources, "--db", db_path, "--json")
    return {"db_path": db_path, "result": result, "requests": demo_site.requests[requests_before:]}


@pytest.fixture
def redis_url(tmp_path_factory):
    """A fresh Debian redis-server on 127.0.0.1 (no persistence), stopped by its PID afterwards."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: run `make redis` (installs Debian's redis-server)")
    port = free_port(0)
    directory = tmp_path_factory.mktemp("redis")
    command = [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(directory),
        "--daemonize",
        "no",
    ]
    with running_server(command, ready="Ready to accept connections"):
        yield f"redis://127.0.0.1:{port}/0"


@contextmanager
def running_server(command: list[str], ready: str):
    """Run ``command`` until the block ends (then stop it by its PID); ready once its output
    has a line containing ``ready``."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        log = []
        for line in process.stdout:
            log.append(line)
            if ready in line:
                break
        else:
            pytest.fail(f"{command[0]} did not start:\n" + "".join(log))
        # Keep reading its output so the pipe never fills up.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
