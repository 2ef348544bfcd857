"""The figure table: indicators in SQLite, and their flat row / CSV form for tables and downloads."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from rag.schemas import Indicator

CSV_FIELDS = ("street", "district", "period", "key", "label_zh", "label_en", "value", "unit", "qualifier",
              "normalized_value", "normalized_unit", "kind", "part", "provisional", "report_id", "quote", "start",
              "end")


def flat_record(i: Indicator) -> dict[str, object]:
    """One indicator as a flat row (tables and CSV), evidence inlined."""
    row = i.model_dump(exclude={"evidence", "label_zh", "label_en"}) | {"label_zh": i.label_zh, "label_en": i.label_en}
    row |= {"quote": i.evidence.quote, "start": i.evidence.start, "end": i.evidence.end}
    return {k: row[k] for k in CSV_FIELDS}


def to_csv(rows: list[Indicator]) -> str:
    """The indicator table as CSV text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(flat_record(i) for i in rows)
    return out.getvalue()


class IndicatorStore:
    """Indicators in SQLite, replaced wholesale when their report is re-ingested."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def replace(self, report_id: str, indicators: list[Indicator]) -> None:
        """Swap one report's indicators (call inside the ingest transaction)."""
        self.conn.execute("DELETE FROM indicators WHERE report_id = ?", (report_id,))
        self.conn.executemany(
            "INSERT INTO indicators (report_id, key, kind, street, json) VALUES (?, ?, ?, ?, ?)",
            [(i.report_id, i.key, i.kind, i.street, i.model_dump_json()) for i in indicators],
        )

    def query(self, *, street: str | None = None, key: str | None = None, kind: str | None = None,
              report_id: str | None = None) -> list[Indicator]:
        """Indicators matching every given filter, in report and extraction order."""
        where, args = [], []
        for column, value in (("street", street), ("key", key), ("kind", kind), ("report_id", report_id)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        sql = "SELECT json FROM indicators" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [Indicator.model_validate(json.loads(r[0])) for r in self.conn.execute(sql, args)]
