"""`make run`'s commands open no socket to a non-loopback address: ingest, ask and the app start under a guard.

Each command runs in a subprocess whose `sitecustomize` installs an audit hook on `socket.connect`,
`socket.sendto` and `socket.getaddrinfo`: any non-loopback target is written to a log and refused. The
environment has no ANONYMIZED_TELEMETRY or HF_HUB_OFFLINE, so the code itself must keep everything local.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPORTS, ROOT
from tests.ingest.test_load import PAGE
from tests.support.streamlit import free_port, wait_healthy

pytestmark = pytest.mark.slow

JIEDAO = Path(sys.executable).with_name("jiedao")
STREAMLIT = Path(sys.executable).with_name("streamlit")

GUARD = '''
import ipaddress, os, sys

_LOG = os.environ["JIEDAO_SOCKET_GUARD_LOG"]
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host):
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or str(host).lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(event, target):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.path.basename(sys.argv[0])} {event} {target!r}\\n")
    raise ConnectionRefusedError(f"socket guard: {event} to {target!r}")


def _hook(event, args):
    if event in ("socket.connect", "socket.sendto"):
        address = args[1] if event == "socket.connect" else args[-1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            _refuse(event, address)
    elif event == "socket.getaddrinfo" and not _is_local(args[0]):
        _refuse(event, args[0])


sys.addaudithook(_hook)
'''


@pytest.fixture
def guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """Environment for guarded subprocesses: sitecustomize hook, own data dir, no telemetry variables."""
    hook_dir = tmp_path / "guard"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "violations.log"
    log.touch()
    env = {k: v for k, v in os.environ.items() if k not in {"ANONYMIZED_TELEMETRY", "HF_HUB_OFFLINE"}}
    env.update({"PYTHONPATH": f"{hook_dir}{os.pathsep}{ROOT}", "JIEDAO_SOCKET_GUARD_LOG": str(log),
                "JIEDAO_DATA_DIR": str(tmp_path / "data"), "JIEDAO_MODEL": "offline",
                "JIEDAO_ALLOW_NETWORK_LLM": "false"})
    env.pop("JIEDAO_EMBEDDER", None)  # the bundled default, as `make run` uses it
    return env, log


def test_guard_catches_an_outbound_connect(guarded_env: tuple[dict[str, str], Path]) -> None:
    env, log = guarded_env
    probe = "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('8.8.8.8', 1))"
    proc = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "socket guard" in proc.stderr
    assert "8.8.8.8" in log.read_text(encoding="utf-8")


@pytest.mark.skipif(not JIEDAO.exists(), reason="the jiedao console script is not installed")
def test_ingest_and_ask_stay_on_this_machine(guarded_env: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    env, log = guarded_env
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    for report in sorted(REPORTS.glob("*.txt"))[:2]:
        (folder / report.name).write_bytes(report.read_bytes())
    runs = [["ingest", str(folder)], ["ask", "哪个街道土地入库最多"],
            ["ask", "布吉街道新增了多少市场主体?", "--json"], ["search", "民生实事", "-k", "3", "--json"]]
    for args in runs:
        proc = subprocess.run([str(JIEDAO), *args], env=env, cwd=ROOT, capture_output=True, text=True,
                              encoding="utf-8", timeout=600)
        assert proc.returncode == 0, (args, proc.stderr[-2000:])
        assert "socket guard" not in proc.stderr, proc.stderr[-2000:]
    assert log.read_text(encoding="utf-8") == ""


@pytest.mark.skipif(not STREAMLIT.exists(), reason="streamlit is not installed")
def test_app_start_stays_on_this_machine(guarded_env: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    """`make run`'s streamlit command with the repo's .streamlit/config.toml: loopback only, no IP lookup."""
    env, log = guarded_env
    port = free_port()
    out_path = tmp_path / "streamlit.log"
    with out_path.open("wb") as out:
        proc = subprocess.Popen([str(STREAMLIT), "run", "app.py", "--server.port", str(port),
                                 "--server.headless", "true"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
        try:
            wait_healthy(f"http://127.0.0.1:{port}", proc, out_path)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as resp:
                assert resp.status == 200
            time.sleep(3)  # let any deferred start-up work (metrics, IP lookups) happen
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)
    output = out_path.read_text(encoding="utf-8")
    assert "external IP" not in output and "Network URL" not in output and "External URL" not in output, output
    assert "http://localhost:" in output, output
    assert log.read_text(encoding="utf-8") == "", output


def test_streamlit_config_turns_off_lookups_and_stats() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"] == "localhost"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["toolbarMode"] == "minimal"
