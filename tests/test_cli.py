"""The `jiedao` command as a real process: UTF-8 JSON, quiet library logs, -v, the skipped-files line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPORTS, ROOT

JIEDAO = Path(sys.executable).with_name("jiedao")

pytestmark = pytest.mark.skipif(not JIEDAO.exists(), reason="the jiedao console script is not installed")


def run(data: Path, *args: str, lang: str = "C") -> subprocess.CompletedProcess[bytes]:
    """One CLI command in a C locale (no UTF-8 from the environment); raw bytes back."""
    env = {**os.environ, "JIEDAO_DATA_DIR": str(data), "JIEDAO_EMBEDDER": "hash", "JIEDAO_MODEL": "offline",
           "JIEDAO_ALLOW_NETWORK_LLM": "false", "LANG": lang, "LC_ALL": lang, "PYTHONIOENCODING": ""}
    return subprocess.run([str(JIEDAO), *args], capture_output=True, env=env, cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    """Two sample reports plus two files of unsupported type, ingested once."""
    root = tmp_path_factory.mktemp("cli")
    folder = root / "reports"
    folder.mkdir()
    for report in sorted(REPORTS.glob("*.txt"))[:2]:
        (folder / report.name).write_bytes(report.read_bytes())
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.xlsx").write_bytes(b"")
    return root / "data", run(root / "data", "ingest", str(folder))


def test_ingest_ends_with_the_skipped_files(ingested: tuple[Path, subprocess.CompletedProcess[bytes]]) -> None:
    _, proc = ingested
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    last = proc.stdout.decode("utf-8").strip().splitlines()[-1]
    assert last.startswith("skipped 2 file(s) of unsupported type")
    assert "figures.xlsx (.xlsx)" in last and "scan.png (.png)" in last and ".hidden" not in last


@pytest.mark.slow
def test_ingest_without_skipped_files_has_no_skipped_line(tmp_path: Path) -> None:
    proc = run(tmp_path / "d", "ingest", str(sorted(REPORTS.glob("*.txt"))[0]))
    assert proc.returncode == 0 and "skipped" not in proc.stdout.decode("utf-8")


@pytest.mark.parametrize("args", [["ask", "哪个街道土地入库最多", "--json"], ["reports", "--json"],
                                  ["search", "土地整备入库", "-k", "2", "--json"]])
def test_json_output_is_utf8_with_chinese_unescaped(ingested: tuple[Path, subprocess.CompletedProcess[bytes]],
                                                    args: list[str]) -> None:
    data, _ = ingested
    proc = run(data, *args)
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    text = proc.stdout.decode("utf-8")
    assert "\\u" not in text and "街道" in text
    assert json.loads(text)


@pytest.mark.slow
def test_library_debug_logs_are_quiet_by_default_and_shown_with_vv(tmp_path: Path) -> None:
    """bm25s sets its own logger to DEBUG; its "Building index" line must not reach stderr unless asked for."""
    question = "观湖街道在民生方面做了哪些工作?"  # the passage route: BM25 is built on first use
    for data in (tmp_path / "quiet", tmp_path / "loud"):
        assert run(data, "ingest", str(sorted(REPORTS.glob("*.txt"))[0])).returncode == 0
    quiet = run(tmp_path / "quiet", "ask", question)
    assert quiet.returncode == 0 and b"DEBUG" not in quiet.stderr and b"INFO" not in quiet.stderr
    loud = run(tmp_path / "loud", "-vv", "ask", question)
    assert loud.returncode == 0 and b"DEBUG bm25s: Building index" in loud.stderr
    assert b"DEBUG" not in loud.stdout  # logs go to stderr only


def test_verbose_flag_is_documented() -> None:
    proc = run(Path("unused"), "--help")
    assert b"-v, --verbose" in proc.stdout


def test_indicator_table_prints_figures_through_the_display_owner(
        ingested: tuple[Path, subprocess.CompletedProcess[bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Values as reports print them (the qualifier where Chinese puts it); normalised values in digits, not 4.8e+10."""
    data, _ = ingested
    monkeypatch.setenv("COLUMNS", "250")  # no cell is cut short by the default 80 columns of a pipe
    proc = run(data, "indicators")
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    text = proc.stdout.decode("utf-8")
    assert "2.5万余人次" in text and "余2.5万" not in text
    assert "478.78亿元" in text and "47878000000 CNY" in text
    assert "e+" not in text
