"""`jiedao eval` end to end: the offline gate, the baseline column, a temporary corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from rag.cli import app
from tests.conftest import GOLD, REPORTS, ROOT


def test_eval_on_unseen_corpus_leaves_main_index_untouched(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    main = tmp_path / "main"
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(main))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    corpus_dir = tmp_path / "mine"
    corpus_dir.mkdir()
    shutil.copy(REPORTS / "000_fa4dcfe65d210400.txt", corpus_dir)
    facts = tmp_path / "facts.jsonl"
    rows = [line for line in (GOLD / "facts.jsonl").read_text(encoding="utf-8").splitlines() if '"guanhu-' in line]
    facts.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "--suite", "qa", "--corpus", str(corpus_dir), "--facts", str(facts),
                                   "--json", "--baseline", "--out", str(tmp_path / "out"),
                                   "--thresholds", str(ROOT / "evals" / "thresholds.json")])
    report = json.loads(res.stdout)
    assert report["qa"]["n"] == len(rows)
    assert report["qa"]["by_type"]["lookup"]["accuracy"] >= 0.8
    assert "baseline" in report and report["baseline"]["qa"]["n"] == len(rows)
    assert (tmp_path / "out" / "eval.md").exists()
    assert not (main / "jiedao.sqlite").exists() or not json.loads(
        CliRunner().invoke(app, ["reports", "--json"]).stdout)


def test_offline_eval_gate_passes_with_baseline_column(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(REPORTS)]).exit_code == 0
    res = runner.invoke(app, ["eval", "--json", "--baseline", "--gold-dir", str(GOLD), "--out", str(tmp_path / "o"),
                              "--thresholds", str(ROOT / "evals" / "thresholds.json")])
    assert res.exit_code == 0, res.stderr if hasattr(res, "stderr") else res.output
    report = json.loads(res.stdout)
    assert {"qa", "indicators", "metadata", "summaries", "baseline"} <= set(report)
    print(f"\noffline gate: qa {report['qa']['accuracy']:.2f} vs naive {report['baseline']['qa']['accuracy']:.2f}")
    assert report["qa"]["accuracy"] > report["baseline"]["qa"]["accuracy"]
