"""Publish the archive with Datasette, configured by the project's ``metadata.yml``."""

import hashlib
import tempfile
from pathlib import Path

import yaml

METADATA_DATABASE_KEY = "archive"
# Datasette settings for a public, read-only archive: bounded SQL time, no facet suggestions
# (each costs a full count on big tables), and the default page size.
DATASETTE_SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "suggest_facets": "off",
    "allow_download": "off",
    # Long article texts are cut in tables; the row page shows them whole.
    "truncate_cells_html": 300,
}


def metadata_for(db_path: str | Path, metadata_path: str | Path) -> dict:
    """``metadata.yml`` with its ``databases.archive`` section renamed to this file's stem.

    Datasette names a database after its file (``data/demo.db`` is ``demo``), while the
    project keeps one metadata file for any archive name.
    """
    metadata = yaml.safe_load(Path(metadata_path).read_text(encoding="utf-8")) or {}
    databases = metadata.get("databases") or {}
    if METADATA_DATABASE_KEY in databases:
        databases[Path(db_path).stem] = databases.pop(METADATA_DATABASE_KEY)
    _rename_dashboard_databases(metadata, Path(db_path).stem)
    return metadata


def _rename_dashboard_databases(metadata: dict, name: str) -> None:
    """Point datasette-dashboards charts written for ``archive`` at this file's database."""
    dashboards = (metadata.get("plugins") or {}).get("datasette-dashboards") or {}
    for dashboard in dashboards.values():
        for chart in (dashboard.get("charts") or {}).values():
            if chart.get("db") == METADATA_DATABASE_KEY:
                chart["db"] = name


def metadata_file_for(db_path: str | Path) -> Path:
    """The temporary metadata file Datasette reads at start for this archive path."""
    key = hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"newsarchive-metadata-{key}.yml"


def datasette_command(db_path, metadata_path, host: str, port: int, python: str, immutable: bool = False) -> list[str]:
    """The ``datasette serve`` command line for the archive.

    The metadata for this archive's name is written to one temporary file per archive path,
    rewritten on each call, so serving again and again leaves nothing behind. ``immutable``
    serves a file on a read-only disk, which SQLite cannot open in WAL mode otherwise.
    """
    metadata = metadata_for(db_path, metadata_path)
    metadata_file = metadata_file_for(db_path)
    with open(metadata_file, "w", encoding="utf-8") as handle:
        yaml.safe_dump(metadata, handle, allow_unicode=True, sort_keys=False)
    command = [
        python,
        "-m",
        "datasette",
        "serve",
        *(["--immutable"] if immutable else []),
        str(db_path),
        "--metadata",
        str(metadata_file),
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in DATASETTE_SETTINGS.items():
        command += ["--setting", name, str(value)]
    return command
