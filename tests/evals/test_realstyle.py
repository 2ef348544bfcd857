"""The invented real-style dev sets: a regression gate on strict accuracy and, above all, on wrong figures.

These reports are invented in shapes seen in public 街道/镇 reports (see evals/data/realstyle*/README.md).
The bounds sit just under/over today's measured values (hash embedder), so a change that makes Jiedao state
more wrong figures fails here; raise them as the product improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from tests.conftest import ROOT

# (dev set, minimum strict accuracy, maximum wrong rate) — measured, in order: 0.99/0.00, 0.94/0.00, 0.97/0.00,
# 0.97/0.00, 0.96/0.00, 0.95/0.00, 1.00/0.00, 0.99/0.01, 0.94/0.00, 0.90/0.01, 0.91/0.00, 0.94/0.00, 0.96/0.00,
# 0.96/0.00, 0.96/0.00, 0.99/0.00, 0.93/0.00, 0.97/0.00, 0.97/0.00, 0.96/0.00, 0.94/0.00, 0.94/0.00, 0.96/0.01,
# 0.97/0.00, 0.99/0.00, 0.96/0.00, 0.97/0.00, 0.94/0.00, 0.91/0.01, 0.94/0.00, 0.96/0.00, 0.96/0.01, 0.91/0.00,
# 0.94/0.00, 0.94/0.00, 0.93/0.00, 0.91/0.00, 0.93/0.01, 0.96/0.03, 0.97/0.00, 0.97/0.00, 1.00/0.00, 0.99/0.00,
# 0.87/0.03, 0.91/0.03, 0.93/0.01, 0.97/0.00, 0.91/0.01, 0.93/0.00, 0.94/0.04, 0.96/0.00, then realstyle81–85 at
# 1.00/0.00, 0.94/0.00, 0.93/0.03, 0.96/0.01, 0.93/0.01, realstyle86–87 at 0.97/0.00, 0.94/0.00, realstyle88–89
# at 0.96/0.00, 0.96/0.00, realstyle90–91 at 0.99/0.00, 0.94/0.00, realstyle92–94 at 0.99/0.00, 0.96/0.01,
# 1.00/0.00, realstyle95–97 at 0.99/0.00, 1.00/0.00, 0.93/0.04, realstyle98–101 at 0.99/0.00, 0.96/0.01, 0.96/0.00,
# 0.99/0.01, realstyle102–105 at 1.00/0.00, 1.00/0.00, 0.94/0.00, 0.96/0.00, realstyle106–108 at 0.91/0.00,
# 0.93/0.00, 0.85/0.00, realstyle109–111 at 0.96/0.00, 0.92/0.00, 0.97/0.01 (realstyle111 read in the round after its
# own), realstyle112–114 at 0.88/0.03, 0.90/0.00, 1.00/0.00 (realstyle114 read in the round after its own),
# realstyle115–117 at 0.87/0.00, 0.96/0.00, 0.94/0.00 (realstyle117 read in the round after its own),
# realstyle118–120 at 0.93/0.00, 0.90/0.03, 1.00/0.00 (realstyle120 read in the round after its own),
# realstyle121–123 at 0.99/0.00, 0.99/0.00, 1.00/0.00 (realstyle123 read in the round after its own),
# realstyle124–126 at 0.99/0.00, 1.00/0.00, 0.89/0.01 (realstyle126 kept unseen: its gate holds its late state, wrong
# answers and all, until it is read), realstyle127–129 at 0.90/0.00, 0.74/0.00, 0.76/0.09 (realstyle126 read in the
# round after its own; realstyle129 kept unseen, its gate holding its late state), realstyle130–132 at 0.91/0.00,
# 0.96/0.01, 0.86/0.06 (realstyle129 read in the round after its own, now 0.97/0.00; realstyle132 kept unseen, its gate
# holding its late state) (an older row's value may have moved a little since).
GATES = [("realstyle", 0.93, 0.03), ("realstyle2", 0.88, 0.03), ("realstyle3", 0.92, 0.03),
         ("realstyle4", 0.92, 0.03), ("realstyle5", 0.92, 0.03), ("realstyle6", 0.91, 0.03),
         ("realstyle7", 0.95, 0.03), ("realstyle8", 0.94, 0.04), ("realstyle9", 0.87, 0.03),
         ("realstyle10", 0.83, 0.05), ("realstyle11", 0.84, 0.03), ("realstyle12", 0.87, 0.03),
         ("realstyle13", 0.88, 0.03), ("realstyle14", 0.86, 0.03), ("realstyle15", 0.90, 0.03),
         ("realstyle16", 0.92, 0.03), ("realstyle17", 0.81, 0.03), ("realstyle18", 0.90, 0.04),
         ("realstyle19", 0.92, 0.03), ("realstyle20", 0.92, 0.03), ("realstyle21", 0.89, 0.03),
         ("realstyle22", 0.85, 0.03), ("realstyle23", 0.90, 0.04), ("realstyle24", 0.92, 0.03),
         ("realstyle25", 0.93, 0.03), ("realstyle26", 0.90, 0.03), ("realstyle27", 0.90, 0.03),
         ("realstyle28", 0.89, 0.03), ("realstyle29", 0.84, 0.04), ("realstyle30", 0.90, 0.03),
         ("realstyle31", 0.91, 0.03), ("realstyle32", 0.91, 0.04), ("realstyle33", 0.86, 0.03),
         ("realstyle34", 0.89, 0.03), ("realstyle35", 0.87, 0.03), ("realstyle36", 0.88, 0.03),
         ("realstyle37", 0.86, 0.03), ("realstyle38", 0.88, 0.04), ("realstyle39", 0.91, 0.05),
         ("realstyle40", 0.92, 0.03), ("realstyle41", 0.93, 0.03), ("realstyle42", 0.95, 0.03),
         ("realstyle43", 0.95, 0.03), ("realstyle44", 0.82, 0.05), ("realstyle45", 0.86, 0.05),
         ("realstyle46", 0.89, 0.04), ("realstyle47", 0.93, 0.03), ("realstyle48", 0.87, 0.03),
         ("realstyle49", 0.89, 0.03), ("realstyle50", 0.90, 0.06), ("realstyle51", 0.92, 0.03),
         ("realstyle52", 0.93, 0.03), ("realstyle53", 0.90, 0.03), ("realstyle54", 0.90, 0.03),
         ("realstyle55", 0.93, 0.03), ("realstyle56", 0.92, 0.03), ("realstyle57", 0.89, 0.03),
         ("realstyle58", 0.84, 0.03), ("realstyle59", 0.93, 0.03), ("realstyle60", 0.95, 0.03),
         ("realstyle61", 0.95, 0.03), ("realstyle62", 0.93, 0.03), ("realstyle63", 0.95, 0.03),
         ("realstyle64", 0.90, 0.03), ("realstyle65", 0.87, 0.03), ("realstyle66", 0.81, 0.06),
         ("realstyle67", 0.90, 0.03), ("realstyle68", 0.90, 0.05), ("realstyle69", 0.83, 0.03),
         ("realstyle70", 0.89, 0.05), ("realstyle71", 0.92, 0.03), ("realstyle72", 0.95, 0.03),
         ("realstyle73", 0.87, 0.03), ("realstyle74", 0.90, 0.03), ("realstyle75", 0.95, 0.03),
         ("realstyle76", 0.92, 0.03), ("realstyle77", 0.93, 0.03), ("realstyle78", 0.95, 0.03),
         ("realstyle79", 0.95, 0.03), ("realstyle80", 0.89, 0.03), ("realstyle81", 0.96, 0.03),
         ("realstyle82", 0.91, 0.03), ("realstyle83", 0.90, 0.05), ("realstyle84", 0.92, 0.03),
         ("realstyle85", 0.89, 0.03), ("realstyle86", 0.93, 0.03), ("realstyle87", 0.90, 0.03),
         ("realstyle88", 0.92, 0.03), ("realstyle89", 0.92, 0.03), ("realstyle90", 0.93, 0.03),
         ("realstyle91", 0.90, 0.03), ("realstyle92", 0.93, 0.03), ("realstyle93", 0.90, 0.03),
         ("realstyle94", 0.94, 0.03), ("realstyle95", 0.94, 0.03), ("realstyle96", 0.94, 0.03),
         ("realstyle97", 0.88, 0.06), ("realstyle98", 0.94, 0.03), ("realstyle99", 0.91, 0.04),
         ("realstyle100", 0.91, 0.03), ("realstyle101", 0.94, 0.04), ("realstyle102", 0.96, 0.03),
         ("realstyle103", 0.96, 0.03), ("realstyle104", 0.90, 0.04), ("realstyle105", 0.93, 0.03),
         ("realstyle106", 0.88, 0.03), ("realstyle107", 0.89, 0.03), ("realstyle108", 0.81, 0.03),
         ("realstyle109", 0.92, 0.03), ("realstyle110", 0.88, 0.03), ("realstyle111", 0.93, 0.04),
         ("realstyle112", 0.84, 0.05), ("realstyle113", 0.86, 0.03), ("realstyle114", 0.96, 0.03),
         ("realstyle115", 0.83, 0.03), ("realstyle116", 0.91, 0.03), ("realstyle117", 0.90, 0.03),
         ("realstyle118", 0.89, 0.03), ("realstyle119", 0.86, 0.05), ("realstyle120", 0.95, 0.03),
         ("realstyle121", 0.94, 0.03), ("realstyle122", 0.94, 0.03), ("realstyle123", 0.95, 0.03),
         ("realstyle124", 0.94, 0.03), ("realstyle125", 0.95, 0.03), ("realstyle126", 0.95, 0.03),
         ("realstyle127", 0.85, 0.03), ("realstyle128", 0.71, 0.03), ("realstyle129", 0.92, 0.03),
         ("realstyle130", 0.86, 0.03), ("realstyle131", 0.91, 0.03), ("realstyle132", 0.81, 0.07)]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "min_accuracy", "max_wrong"), GATES)
def test_real_style_dev_set(tmp_path: Path, monkeypatch, name: str, min_accuracy: float,  # type: ignore[no-untyped-def]
                            max_wrong: float) -> None:
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    data = ROOT / "evals" / "data" / name
    res = CliRunner().invoke(app, ["eval", "--suite", "qa", "--corpus", str(data / "reports"), "--facts",
                                   str(data / "facts.jsonl"), "--gold-dir", str(data), "--json",
                                   "--out", str(tmp_path / "o"), "--thresholds", str(tmp_path / "none.json")])
    qa = json.loads(res.stdout)["qa"]
    print(f"\n{name}: accuracy {qa['accuracy']:.2f}, wrong {qa['wrong_rate']:.2f}, declined {qa['declined_rate']:.2f}")
    assert qa["n"] >= 60
    assert qa["wrong_rate"] <= max_wrong
    assert qa["accuracy"] >= min_accuracy
    assert qa["citation_exact"] == 1.0
