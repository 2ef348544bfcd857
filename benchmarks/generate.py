"""A 100-report corpus generated from the sample reports and the invented real-style dev reports.

The 19 source reports are copied as they are; the other reports are variants of them: a new place name (same
街道/镇/乡 suffix), every stated year shifted by 0 to -3 and every figure multiplied by a random factor. Variants
come in pairs that share a place and differ in year, so places hold several years as real collections do.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import GOLD, REPORTS
from rag.corpus import Corpus

N_REPORTS = 100
SEED = 20240601
DEV_SETS = (GOLD / "realstyle", GOLD / "realstyle2")
# Second syllables avoid characters the street detector treats as generic tails (山, 港, 林, 园 …).
FIRST = "青东西南北金银凤松柏"
SECOND = "溪湖桥岭田塘坪沙洲滨"
SUFFIXES = ("街道", "镇", "乡")
YEAR_SHIFTS = (0, -1, -2, -3)
# A figure: digits not glued to letters (PM2.5, G4), to other digits or to a date's dash, and not a year, month,
# day or range start.
_FIGURE = re.compile(r"(?<![A-Za-z\d./\-])(\d+(?:\.\d+)?)(?![\d.]*[年月日号时\-—~～至])(?![A-Za-z\d])")
# A year: 1950-2049 followed by 年, or opening a date or a range (2023-02-16, 2021—2025).
_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20[0-4]\d)(?=\s*(?:年|[-/.—–~～至]\s*\d))")


@dataclass(frozen=True)
class Source:
    """A source report and the place its text names."""

    path: Path
    street: str

    @property
    def suffix(self) -> str:
        """街道, 镇 or 乡 ('' for other forms, which are not varied)."""
        return next((s for s in SUFFIXES if self.street.endswith(s)), "")

    def variable(self) -> bool:
        """Variants need the place name printed in the text (a Traditional-script report prints another form)."""
        return bool(self.suffix) and self.street in self.path.read_text(encoding="utf-8")


def sources() -> list[Source]:
    """The sample reports, then the real-style dev reports, each with the place from its gold metadata."""
    out = []
    for folder, reports in ((GOLD, REPORTS), *((d, d / "reports") for d in DEV_SETS)):
        rows = [json.loads(line) for line in (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        out += [Source(reports / m["doc"], m["street"]) for m in rows
                if m.get("street") and (reports / m["doc"]).exists()]
    return out


def street_bases(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Distinct generated two-syllable place names that no source report uses."""
    pool = [a + b for a in FIRST for b in SECOND if a + b not in taken]
    return rng.sample(pool, count)


def vary_figures(text: str, rng: random.Random) -> str:
    """Multiply every figure by a random factor in [0.5, 1.5], keeping its decimals (years and dates stay)."""

    def scale(m: re.Match[str]) -> str:
        at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if at_line_start and text[m.end() : m.end() + 1] in (".", "、", "．"):
            return m.group(0)  # a numbered heading
        raw = m.group(1)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw) * rng.uniform(0.5, 1.5)
        return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)) if float(raw) else 0)

    return _FIGURE.sub(scale, text)


def shift_years(text: str, delta: int) -> str:
    """Every stated year (in Arabic digits) moved by delta."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text) if delta else text


def variant(src: Source, base: str, delta: int, rng: random.Random) -> str:
    """The source text with its place renamed (full and short form), years shifted and figures varied."""
    old_base = src.street.removesuffix(src.suffix)
    text = src.path.read_text(encoding="utf-8").replace(src.street, base + src.suffix).replace(old_base, base)
    return vary_figures(shift_years(text, delta), rng)


def generate(out: Path, n: int = N_REPORTS, seed: int = SEED) -> list[dict[str, str | int]]:
    """The source reports plus variants up to n reports, written to `out`; one row per file."""
    rng = random.Random(seed)
    srcs = sources()
    varied = [s for s in srcs if s.variable()]
    pairs = (n - len(srcs) + 1) // 2
    bases = street_bases(rng, pairs, {s.street.removesuffix(s.suffix) for s in srcs})
    out.mkdir(parents=True, exist_ok=True)
    made: list[dict[str, str | int]] = []
    for i, src in enumerate(srcs):
        name = f"{i:03d}_{src.path.name}"
        shutil.copyfile(src.path, out / name)
        made.append({"file": name, "street": src.street, "source": src.path.name, "year_shift": 0})
    for p, base in enumerate(bases):
        src = varied[p % len(varied)]
        for delta in sorted(rng.sample(YEAR_SHIFTS, 2), reverse=True):
            if len(made) == n:
                break
            name = f"{len(made):03d}_{base}{src.suffix}_{delta:+d}{src.path.suffix}"
            (out / name).write_text(variant(src, base, delta, rng), encoding="utf-8")
            made.append({"file": name, "street": base + src.suffix, "source": src.path.name, "year_shift": delta})
    return made


def corpus_shape(corpus: Corpus, made: list[dict[str, str | int]]) -> dict[str, int]:
    """Reports, sources, places and periods of the generated corpus; reports whose place ingest read right."""
    by_file = {Path(m.path).name: m for m in corpus.reports()}
    right = sum(1 for row in made if (m := by_file.get(str(row["file"]))) and m.street == row["street"])
    return {"reports": len(made), "sources": len({row["source"] for row in made}),
            "places": len({row["street"] for row in made}), "places_read_right": right,
            "periods": len({m.period_covered for m in by_file.values()})}
