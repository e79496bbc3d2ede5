"""The docs cover every command, option, setting and table, and their links lead somewhere."""

import re
import sys
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS))

import cogdocs  # noqa: E402

from crawler.cli import cli  # noqa: E402


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", cogdocs.commands(), ids=" ".join)
def test_every_command_and_option_is_in_the_cli_reference(path):
    reference = read("cli.md")
    assert f"## newsarchive {' '.join(path)}\n" in reference
    command = cli
    for name in path:
        command = command.get_command(click.Context(command), name)
    section = reference.split(f"## newsarchive {' '.join(path)}\n", 1)[1].split("\n## ", 1)[0]
    for param in command.params:
        for flag in param.opts if isinstance(param, click.Option) else []:
            assert flag in section, f"{flag} of {' '.join(path)} is not documented"


@pytest.mark.parametrize("name", [name for name, _, _ in cogdocs.settings()])
def test_every_setting_is_documented_with_its_default(name):
    assert f"| `{name}` |" in read("settings.md")


def test_every_table_and_view_is_in_the_schema_page():
    page = read("schema.md")
    for name, kind, columns in cogdocs.schema():
        assert f"**`{name}`** ({kind})" in page
        for column, _ in columns:
            assert f"`{column}`" in page


def test_readme_is_short_and_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    opening = "\n".join(readme.splitlines()[:15])
    assert "make demo" in opening and "make test" in opening


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))], ids=lambda p: str(p.relative_to(ROOT))
)
def test_relative_links_lead_to_files(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
