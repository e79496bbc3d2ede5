"""The benchmarks run end to end at tiny sizes; counts are checked, never timings."""

import json
from datetime import date

import pytest

from bench import archive as archive_bench
from bench import crawl as crawl_bench
from bench import furniture as furniture_bench
from bench import peers as peers_bench
from bench import synthetic
from crawler.demosite import synthetic_articles


def test_synthetic_articles_are_deterministic_and_distinct():
    first, again = synthetic_articles(40, seed=3), synthetic_articles(40, seed=3)
    assert first == again
    assert len({article.path for article in first}) == 40
    assert len({tuple(article.paragraphs) for article in first}) == 40
    assert synthetic_articles(5, seed=4) != first[:5]


def test_news_articles_carry_the_searched_terms():
    articles = [article for _, article in synthetic.news_articles(200, seed=1)]
    assert len({article.url for article in articles}) == 200
    for term in synthetic.rare_terms(200, 5):
        assert any(term in article.text for article in articles)
    common = sum(synthetic.COMMON_TERM in article.text for article in articles)
    assert 5 <= common <= 40


def test_crawl_benchmark(tmp_path):
    output = tmp_path / "crawl.json"
    result = crawl_bench.main(["--pages", "30", "--output", str(output)])
    assert json.loads(output.read_text()) == json.loads(json.dumps(result))
    assert result["first_crawl"]["articles_stored"] == 30
    assert result["first_crawl"]["errors"] == 0
    assert result["trafilatura_single_process"]["extracted"] == 30
    assert result["second_crawl"]["article_pages_fetched_in_full"] == 0
    assert result["second_crawl"]["articles_new"] == 0


def test_peers_benchmark_checks_every_article_of_every_tool(tmp_path):
    output = tmp_path / "peers.json"
    result = peers_bench.main(["--pages", "8", "--page-kib", "40", "--concurrency", "4", "--output", str(output)])
    assert json.loads(output.read_text()) == json.loads(json.dumps(result))
    assert result["mean_article_page_kib"] >= 40
    for tool in ("newsarchive", "trafilatura_cli"):
        figures = result["tools"][tool]
        assert figures["error"] is None
        assert figures["articles_extracted"] == figures["articles_correct"] == 8
        assert figures["cpu_ms_per_article"]["tool"] > 0


def test_peers_benchmark_tells_a_wrong_extraction():
    article = synthetic_articles(1, seed=2)[0]
    text = "\n".join(article.paragraphs)
    assert peers_bench.correct(article, article.title, text)
    assert not peers_bench.correct(article, "Rhein-Ruhr Wirtschaft", text)
    assert not peers_bench.correct(article, article.title, "\n".join(article.paragraphs[:1]))


def test_archive_benchmark(tmp_path):
    output = tmp_path / "archive.json"
    result = archive_bench.main(["--articles", "120", "--queries", "3", "--output", str(output)])
    assert json.loads(output.read_text()) == json.loads(json.dumps(result))
    assert result["insert"]["outcomes"] == {"new": 120}
    cpu = result["insert"]["cpu_ms_per_article"]  # preparing in two processes, writing here
    assert cpu["preparing"] > 0 and cpu["writing"] > 0
    assert result["insert"]["one_writer_limit_per_second"] == round(1000 / cpu["writing"])
    assert result["dedup_lookup"]["matches_found"] == result["dedup_lookup"]["lookups"]
    searches = result["searches"]
    assert searches["rare_term"]["mean_hits"] >= 1
    assert searches["common_term"]["mean_hits"] >= 3
    assert searches["compound_part"]["mean_hits"] >= 1
    assert searches["compound_part_ranked"]["mean_hits"] >= 1
    assert searches["phrase"]["queries"] == 3


def test_archive_benchmark_times_searches_on_an_existing_archive(tmp_path):
    db_path = tmp_path / "kept.db"
    built = archive_bench.main(
        [
            "--articles",
            "60",
            "--queries",
            "2",
            "--db",
            str(db_path),
            "--keep",
            "--workers",
            "0",
            "--output",
            str(tmp_path / "built.json"),
        ]
    )
    cpu = built["insert"]["cpu_ms_per_article"]  # both in this process, told apart
    assert cpu["preparing"] > 0 and cpu["writing"] > 0
    output = tmp_path / "searches.json"
    result = archive_bench.main(["--existing", str(db_path), "--queries", "2", "--output", str(output)])
    assert json.loads(output.read_text()) == json.loads(json.dumps(result))
    assert result["articles"] == 60 and "insert" not in result
    assert result["searches"]["common_term"]["mean_hits"] >= 1
    assert result["searches"]["rare_term"]["queries"] == 2


def test_search_quality_benchmark_ranks_the_chosen_german_analysis_first(monkeypatch):
    from bench import search_quality

    # The product's analysis against 0.1.0's; the optional libraries are compared by the bench.
    monkeypatch.setattr(
        search_quality,
        "ANALYSES",
        {name: search_quality.ANALYSES[name] for name in ("0.1.0 splitter (legacy)", "Snowball + frequency splitter")},
    )
    figures = search_quality.run()
    assert figures["queries"] >= 150 and 0 < figures["held_out"] < figures["queries"]
    legacy, chosen = (figures["analyses"][name]["held_out"]["all"] for name in search_quality.ANALYSES)
    assert chosen["recall"] > legacy["recall"] and chosen["precision"] >= 0.95


def test_raw_compression_benchmark_round_trips_every_candidate(tmp_path):
    from bench import raw_compression
    from bench.extraction import benchmarks_dir

    if not benchmarks_dir().exists():
        pytest.skip("the public benchmark pages (../shared/benchmarks) are absent")
    result = raw_compression.main(["--limit", "3", "--output", str(tmp_path / "raw.json")])
    assert result["pages"] == 6
    assert result["chosen"] in result["candidates"]
    assert all(figures["ratio"] > 1 for figures in result["candidates"].values())


def test_furniture_goes_where_sites_put_it():
    page = "<html><head><title>T</title></head><body class=x><h1>H</h1><article><p>Text</p><p>More</p></article></body></html>"
    placed = {block.place: furniture_bench.furnished(page, block) for block in furniture_bench.FURNITURE}
    assert set(placed) == set(furniture_bench.PLACES)
    assert placed["head"].index("application/ld+json") < placed["head"].index("</head>")
    assert placed["body start"].startswith("<html><head><title>T</title></head><body class=x><")
    assert placed["before headline"].index("<nav") < placed["before headline"].index("<h1>H</h1>")
    assert placed["after headline"].index("</h1>") < placed["after headline"].index("<article>") - 20
    assert placed["in story"].index("<p>Text</p>") < placed["in story"].index("<p>More</p>") - 20
    assert placed["after story"].index("</article>") < placed["after story"].index("</body>") - 20
    assert placed["body end"].endswith("</footer></body></html>")
    after_headline = next(block for block in furniture_bench.FURNITURE if block.place == "after headline")
    assert furniture_bench.furnished("<p>no headline</p>", after_headline) is None


def test_furniture_dates_are_counted_from_the_story_s_day():
    top_bar = next(block for block in furniture_bench.FURNITURE if block.name == "top bar")
    placed = furniture_bench.furnished("<body><h1>H</h1></body>", top_bar, date(2024, 2, 27))
    # Three days after the story: the day of a visit, past the month's end.
    assert "Freitag, 1. März 2024" in placed
    for block in furniture_bench.FURNITURE:
        assert not furniture_bench.DATE_SLOT.search(furniture_bench.dated(block.html, date(2024, 2, 27)))
    assert furniture_bench.story_day_of({"date": "2022-29-11"}) == furniture_bench.SOME_DAY


def test_furniture_benchmark_counts_fields_it_breaks(tmp_path):
    output = tmp_path / "furniture.json"
    result = furniture_bench.main(
        ["--limit", "6", "--blocks", "top bar", "comments", "--workers", "1", "--output", str(output)]
    )
    assert json.loads(output.read_text()) == json.loads(json.dumps(result))
    assert set(result["blocks"]) == {"top bar", "comments"}
    tested = 0
    for halves in result["blocks"].values():
        for fields in halves.values():
            for cell in fields.values():
                assert 0 <= cell["broken"] <= cell["tested"]
                tested += cell["tested"]
    assert tested > 0


@pytest.mark.parametrize(
    "credited, expected",
    [
        ("Dr. Anna Schmidt", "anna schmidt"),
        ("Mag.a Eva Lindner", "eva lindner"),
        ("Dr.in Jana Wolf", "jana wolf"),
        ("Dr.-Ing. Felix Brandstätter", "felix brandstätter"),
        ("Dipl.-Ing. Jan Hof, MBA", "jan hof"),
        # A first name is no title.
        ("Maga Berg", "maga berg"),
        ("Ingrid Meyer", "ingrid meyer"),
    ],
)
def test_the_template_benchmark_compares_names_without_academic_titles(credited, expected):
    from bench.templates import person_key

    assert person_key(credited) == expected
