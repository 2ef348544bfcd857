"""The figure table: indicators in SQLite, and their flat row / CSV form for tables and downloads."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Callable

from rag.schemas import Indicator

CSV_FIELDS = ("street", "district", "period", "key", "label_zh", "label_en", "value", "unit", "qualifier",
              "normalized_value", "normalized_unit", "kind", "part", "provisional", "report_id", "quote", "start",
              "end")


def flat_record(i: Indicator) -> dict[str, object]:
    """One indicator as a flat row (tables and CSV), evidence inlined."""
    row = i.model_dump(exclude={"evidence", "context", "label_zh", "label_en"})
    row |= {"label_zh": i.label_zh, "label_en": i.label_en}
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

    def update_rows(self, report_id: str, change: Callable[[Indicator], Indicator]) -> int:
        """Rewrite one report's rows in place (street column and JSON), e.g. after a place/period override."""
        rows = self.conn.execute("SELECT id, json FROM indicators WHERE report_id = ?", (report_id,)).fetchall()
        for row_id, raw in rows:
            new = change(Indicator.model_validate(json.loads(raw)))
            self.conn.execute("UPDATE indicators SET street = ?, json = ? WHERE id = ?",
                              (new.street, new.model_dump_json(), row_id))
        return len(rows)

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


# ---- periods in order, one row per period (T) ------------------------------------------------------------
_PERIOD = re.compile(r"^(\d{4})(?:H([12])|M(\d{2})-M(\d{2})|Q([1-4]))?(-plan)?$")


def period_order(code: str) -> tuple[int, int, int, int, str]:
    """Sort key of a period code: 2022 < 2023M01-M03 < 2023M01-M06 = 2023H1 < 2023H2 < 2023 < 2023-plan < 2024.

    (year, last month covered, months covered, plan, code); an unknown code sorts after its year.
    """
    m = _PERIOD.match(code or "")
    if not m:
        return (int(code[:4]) if code[:4].isdigit() else 9999, 99, 99, 1, code)
    year, half, m0, m1, quarter, plan = m.groups()
    first, last = 1, 12
    if half:
        first, last = (1, 6) if half == "1" else (7, 12)
    elif m0:
        first, last = int(m0), int(m1)
    elif quarter:
        first, last = 3 * int(quarter) - 2, 3 * int(quarter)
    return (int(year), last, last - first + 1, 1 if plan else 0, code)


def same_indicator(row: Indicator, key_or_label: str) -> bool:
    """True when a row is the indicator named by a lexicon key, a 'label:<label_zh>' key or a bare label."""
    wanted = key_or_label.strip()
    bare = wanted.split(":", 1)[1] if wanted.startswith(("label:", "other:")) else wanted
    return row.key in (wanted, f"label:{bare}", f"other:{bare}") or row.label_zh == bare


def one_per_period(rows: list[Indicator], report_order: list[str]) -> list[Indicator]:
    """One row per period, in period order: from the latest-ingested report of that period, its first row."""
    rank = {rid: i for i, rid in enumerate(report_order)}
    chosen: dict[str, Indicator] = {}
    for row in rows:  # extraction order: the first row of a report wins within that report
        have = chosen.get(row.period)
        if have is None or rank.get(row.report_id, -1) > rank.get(have.report_id, -1):
            chosen[row.period] = row
    return sorted(chosen.values(), key=lambda r: period_order(r.period))
