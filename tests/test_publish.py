"""Datasette over the crawled demo archive, with the project's metadata.yml."""

import asyncio
import json
from pathlib import Path

from datasette.app import Datasette

from archive.publishing.publish import metadata_file_for, metadata_for
from tests.conftest import run_cli

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


def get(db_path, path):
    datasette = Datasette([str(db_path)], metadata=metadata_for(db_path, METADATA))

    async def fetch():
        return await datasette.client.get(path)

    return asyncio.run(fetch())


def test_home_page_has_title_and_hides_internal_tables(demo_archive):
    home = get(demo_archive["db_path"], "/")
    assert "newsarchive – regional business news" in home.text
    response = get(demo_archive["db_path"], "/demo")
    assert response.status_code == 200
    assert "articles_fts_data" not in response.text.split("hidden tables")[0]
    assert "/demo/articles" in response.text


def test_articles_searchable_newest_first_with_facets(demo_archive, demo_articles):
    keyword = demo_articles[3].keyword
    response = get(demo_archive["db_path"], f"/demo/articles.json?_search={keyword}&_shape=objects")
    rows = response.json()["rows"]
    assert [row["title"] for row in rows] == [demo_articles[3].title]

    data = get(demo_archive["db_path"], "/demo/articles.json?_shape=objects&_extra=facet_results").json()
    published = [row["published"] for row in data["rows"]]
    assert published == sorted(published, reverse=True)
    facets = data["facet_results"]["results"] if "results" in data["facet_results"] else data["facet_results"]
    assert {"source", "language"} <= set(facets)


def test_serve_command_starts_datasette_on_the_archive(demo_archive):
    metadata_file_for(demo_archive["db_path"]).unlink(missing_ok=True)  # a server's, if one ran
    result = run_cli("serve", "--db", demo_archive["db_path"], "--get", "/demo/articles.json?_shape=array&_size=3")
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert {"url", "title", "published", "text"} <= set(rows[0])
    # The one-off check leaves no metadata file behind in the temporary directory.
    assert not metadata_file_for(demo_archive["db_path"]).exists()
