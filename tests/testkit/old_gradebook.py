"""An instructor's older gradebook, made from a current one: the same rows, an older schema.

The file is rebuilt with the shipped migration scripts up to ``version`` (the layout a
skinlessons of that time wrote) and filled from the current gradebook's tables and views,
which keep every older table's name and columns.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from skinlessons.gradebook.schema import MIGRATIONS
from skinlessons.gradebook.store import GRADEBOOK_FILE


def downgrade(out: Path, version: int) -> None:
    """Rewrite ``out``'s gradebook in the layout of schema ``version``, keeping its rows."""
    path = out / GRADEBOOK_FILE
    older = out / "older.sqlite"
    db = sqlite3.connect(older, isolation_level=None)
    try:
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
        for _number, script in MIGRATIONS[:version]:
            db.executescript(script)
        db.execute("ATTACH DATABASE ? AS current", (str(path),))
        db.execute("BEGIN")
        db.execute(
            "INSERT INTO main.schema_version "
            "SELECT * FROM current.schema_version WHERE version <= ?",
            (version,),
        )
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name != 'schema_version'"
            )
        ]
        for table in tables:
            columns = ", ".join(row[1] for row in db.execute(f"PRAGMA main.table_info({table})"))
            db.execute(
                f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM current.{table}"
            )
        db.execute("COMMIT")
        db.execute("DETACH DATABASE current")
    finally:
        db.close()
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(older, path)
