"""Places and companies in articles: matching quality, link tables, crawl, command and Datasette."""

import asyncio
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from datasette.app import Datasette

from archive.indexing.enrich import enrich_article, find_companies, find_places, gazetteer, known_places
from archive.publishing.publish import metadata_for
from archive.storage.store import open_archive, store_article, utc_now
from crawler.extraction.article import Article
from bench.place_precision import load_sample, score
from tests.conftest import run_cli

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


def places_in(text: str) -> list[str]:
    return [mention.entity_id for mention in find_places(text)]


def companies_in(text: str) -> dict[str, str]:
    mentions, companies = find_companies(text)
    return {mention.entity_id: companies[mention.entity_id].name for mention in mentions}


def test_the_writers_places_are_the_gazetteers():
    """The crawl's writer links places by the table it reads without compiling the gazetteer."""
    assert known_places() == gazetteer().places


def test_gazetteer_is_complete_for_nrw():
    kinds = [place.kind for place in gazetteer().places.values()]
    # 396 municipalities: 22 independent cities plus 374 belonging to the 31 districts.
    assert kinds.count("city") == 22
    assert kinds.count("municipality") == 374
    assert kinds.count("district") == 31
    parents = {place.parent for place in gazetteer().places.values() if place.kind == "city_district"}
    assert {"Düsseldorf", "Köln", "Essen", "Dortmund", "Duisburg", "Bochum"} <= parents
    assert {"chongqing", "seoul", "tokyo", "osaka"} <= set(gazetteer().places)


def test_place_precision_on_labelled_sample():
    result = score(load_sample())
    assert result["sentences"] >= 90
    assert result["precision"] >= 0.95, result["errors"]
    assert result["recall"] >= 0.90, result["errors"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Düsseldorfer Wirtschaft wächst.", ["duesseldorf"]),
        ("Essens Innenstadt und die Kölnerinnen", ["essen", "koeln"]),
        ("Neue Büros in Oberbilk und Köln-Ehrenfeld", ["duesseldorf-oberbilk", "koeln-ehrenfeld", "koeln"]),
        ("Das Essen war gut, Jon Hamm lachte, Walter Moers zeichnete.", []),
        ("Das Werk in Marl liefert nach Hamm.", ["marl", "hamm"]),
        ("Office in Dusseldorf, partners in Chongqing", ["duesseldorf", "chongqing"]),
        ("Der Hafen wächst; die Altstadt ist voll.", []),
    ],
)
def test_place_matching(text, expected):
    assert places_in(text) == expected


def test_companies_with_legal_forms_and_curated_names_are_normalised():
    found = companies_in(
        "Laut Doosan Robotics Inc. will der Hersteller wachsen. Doosan Robotics sucht Partner. "
        "Die Düsseldorfer Henkel AG & Co. KGaA und die Thyssenkrupp Steel Europe AG liefern an "
        "HD Hyundai; thyssenkrupp spart. Der Zulieferer Müller Logistik GmbH & Co. KG stellt ein."
    )
    assert found == {
        "doosan-robotics": "Doosan Robotics",
        "henkel": "Henkel",
        "thyssenkrupp": "thyssenkrupp",
        "hd-hyundai": "HD Hyundai",
        "mueller-logistik": "Müller Logistik",
    }
    mentions, _ = find_companies("Doosan Robotics Inc. und Doosan Robotics")
    assert [mention.surface for mention in mentions] == ["Doosan Robotics Inc.", "Doosan Robotics"]


def test_company_names_do_not_run_across_sentences_or_lines():
    assert companies_in("Das Projekt startet. Rheinanker GmbH baut.\nAusbildung\nWupperschliff GmbH") == {
        "rheinanker": "Rheinanker",
        "wupperschliff": "Wupperschliff",
    }


def test_enrich_article_fills_and_replaces_link_tables(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    db["sources"].insert({"id": "test", "name": "Test"})
    article = Article(
        url="http://127.0.0.1/a.html",
        title="Doosan Robotics eröffnet in Oberbilk",
        text="Die Doosan Robotics Inc. zieht nach Düsseldorf. In Oberbilk entstehen 40 Stellen.",
    )
    article_id = store_article(db, article, source="test").article_id

    assert enrich_article(db, article_id) == {"places": 2, "companies": 1}
    links = {row["place_id"]: row["mentions"] for row in db["article_places"].rows}
    assert links == {"duesseldorf-oberbilk": 2, "duesseldorf": 1}
    company = next(db["article_companies"].rows)
    assert company == {
        "article_id": article_id,
        "company_id": "doosan-robotics",
        "mentions": 2,
        "surface": "Doosan Robotics",
    }
    assert db["companies"].get("doosan-robotics")["legal_form"] == "Inc."
    assert db["places"].get("duesseldorf-oberbilk")["parent"] == "Düsseldorf"

    store_article(db, replace(article, text="RWE baut in Hamm und Bochum."), source="test")
    assert enrich_article(db, article_id) == {"places": 3, "companies": 2}
    assert {row["place_id"] for row in db["article_places"].rows} == {"duesseldorf-oberbilk", "hamm", "bochum"}


def test_crawl_links_articles_to_places_and_companies(demo_archive):
    db = open_archive(demo_archive["db_path"])
    articles = list(db.query("select id, title, description, text from articles"))
    linked = {(row["article_id"], row["place_id"]) for row in db["article_places"].rows}
    mentioning = [row["id"] for row in articles if "Düsseldorf" in f"{row['title']} {row['description']} {row['text']}"]
    assert mentioning
    assert all((article_id, "duesseldorf") in linked for article_id in mentioning)
    assert db["article_companies"].count > 0
    assert db["companies"].get("rheinbahn")["curated"] == 1


def test_enrich_command_rebuilds_links_for_existing_archive(demo_archive, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(demo_archive["db_path"], copy)
    db = open_archive(copy)
    before = sorted(tuple(row.values()) for row in db["article_places"].rows)
    db.execute("delete from article_places")
    db.execute("delete from article_companies")
    db.conn.commit()
    db.close()

    result = run_cli("enrich", "--db", copy, "--json")
    db = open_archive(copy)
    after = sorted(tuple(row.values()) for row in db["article_places"].rows)
    assert after == before
    assert f'"places": {len(before)}' in result.stdout
    assert db["article_companies"].count > 0


def datasette_get(db_path, path):
    datasette = Datasette([str(db_path)], metadata=metadata_for(db_path, METADATA))
    return asyncio.run(datasette.client.get(path))


def test_datasette_canned_queries_and_article_links(tmp_path):
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    db["sources"].insert({"id": "test", "name": "Test"})
    for number, (text, published) in enumerate(
        [
            ("Die Henkel AG investiert in Oberbilk.", utc_now()),
            ("Henkel und RWE in Oberbilk.", utc_now()),
            ("RWE baut in Oberbilk.", "2020-05-04T10:00:00+02:00"),
        ]
    ):
        stored = store_article(
            db,
            Article(url=f"http://127.0.0.1/{number}.html", title=f"Story {number}", text=text, published=published),
            source="test",
        )
        enrich_article(db, stored.article_id)
    db.close()

    this_month = datasette_get(db_path, "/archive/companies_this_month.json?_shape=objects").json()
    assert [(row["name"], row["articles"]) for row in this_month["rows"]] == [("Henkel", 2), ("RWE", 1)]

    by_month = datasette_get(db_path, "/archive/place_by_month.json?_shape=objects&place=Oberbilk").json()
    counts = {row["month"]: row["articles"] for row in by_month["rows"]}
    assert counts == {utc_now()[:7]: 2, "2020-05": 1}

    about = datasette_get(db_path, "/archive/company_articles.json?_shape=objects&company=RWE").json()
    assert len(about["rows"]) == 2

    row_page = datasette_get(db_path, "/archive/articles/1")
    assert row_page.status_code == 200
    assert "article_places" in row_page.text and "article_companies" in row_page.text
    links = datasette_get(db_path, "/archive/article_places.json?_shape=objects&_labels=on&article_id=1").json()
    assert {row["place_id"]["label"] for row in links["rows"]} == {"Oberbilk"}


def test_enrichment_is_switched_by_its_setting(tmp_path):
    from scrapy.utils.misc import build_from_crawler
    from scrapy.utils.test import get_crawler

    from crawler.pipelines import ArchivePipeline, ExtractPipeline

    db_path = str(tmp_path / "archive.db")
    for enabled in (True, False):
        crawler = get_crawler(settings_dict={"NEWSARCHIVE_DB": db_path, "ENRICH_ENABLED": enabled})
        assert build_from_crawler(ExtractPipeline, crawler).find_entities is enabled
        assert build_from_crawler(ArchivePipeline, crawler).options.link_entities is enabled
