"""The source itself: no control character hides in a pattern or a string (a backspace typed for a word
boundary makes an English pattern silently match nothing)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_source_file_holds_a_control_character() -> None:
    files = [*ROOT.glob("rag/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("evals/**/*.py"),
             *ROOT.glob("benchmarks/**/*.py"), ROOT / "app.py"]
    assert len(files) > 20
    found = [f"{f.relative_to(ROOT)}:{n}" for f in files
             for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1) if _CONTROL.search(line)]
    assert not found, found
