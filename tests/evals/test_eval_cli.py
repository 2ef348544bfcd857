"""`jiedao eval` end to end: the offline gate, the baseline column, a temporary corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
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


def test_a_missing_corpus_or_facts_file_is_an_error_never_an_empty_report(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    for flag, missing in (("--corpus", tmp_path / "no_reports"), ("--facts", tmp_path / "no_facts.jsonl")):
        res = CliRunner().invoke(app, ["eval", "--suite", "qa", flag, str(missing), "--json",
                                       "--out", str(tmp_path / "out"), "--thresholds", str(tmp_path / "none.json")])
        assert res.exit_code != 0 and str(missing) in res.output, res.output
        assert len(res.output.strip().splitlines()) == 1, res.output  # one line, no traceback


@pytest.mark.slow
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


YI_REPORT = """测试街道2022年工作总结

一、2022年工作回顾
(一)文旅消费持续回暖。全年接待游客1.2亿人次,同比增长8.5%,举办文化活动120场次。
(二)现代农业稳步发展。全年生猪出栏3.5万头,蔬菜产量2.1万吨,带动农户增收。

二、2023年工作计划
力争接待游客1.5亿人次以上。
"""


def test_eval_scores_a_fact_in_yi_person_times(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A fact whose unit is 亿人次 (or 万头) is scored, not a traceback."""
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(tmp_path / "main"))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    corpus_dir = tmp_path / "mine"
    corpus_dir.mkdir()
    (corpus_dir / "ceshi.txt").write_text(YI_REPORT, encoding="utf-8")
    base = {"doc": "ceshi.txt", "street": "测试街道", "period": "2022", "lang": "zh", "type": "lookup"}
    facts = [base | {"id": "yi-1", "question": "测试街道2022年接待游客多少人次?", "answer_value": 1.2,
                     "answer_unit": "亿人次", "evidence": ["全年接待游客1.2亿人次"]},
             base | {"id": "wan-1", "question": "测试街道2022年生猪出栏多少头?", "answer_value": 3.5,
                     "answer_unit": "万头", "evidence": ["全年生猪出栏3.5万头"]}]
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "--suite", "qa", "--corpus", str(corpus_dir), "--facts", str(path),
                                   "--json", "--out", str(tmp_path / "out"),
                                   "--thresholds", str(ROOT / "evals" / "thresholds.json")])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    report = json.loads(res.stdout)
    assert report["qa"]["n"] == 2
    failures = {f["id"]: f["reason"] for f in report["qa"]["failures"]}
    assert "yi-1" not in failures, failures  # 1.2亿人次 found in the answer and matched as 1.2e8
    assert "35000 count" in failures.get("wan-1", "35000 count"), failures  # scored with the unit understood
