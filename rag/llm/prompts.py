"""Versioned prompt files (`prompts/<name>.v<N>.md`), rendered strictly into chat messages."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from rag.errors import PromptError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
FENCE_OPEN = "<<<REPORT_DATA"
FENCE_CLOSE = "REPORT_DATA>>>"
_FILE = re.compile(r"^(?P<name>[A-Za-z0-9_-]+)\.v(?P<version>\d+)\.md$")
_HEADING = re.compile(r"^##[ \t]+(system|user)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Prompt:
    """One prompt version: a system and a user template with `{name}` placeholders."""

    name: str
    version: int
    system: str
    user: str
    path: Path

    @property
    def id(self) -> str:
        """The id logged with every LLM call, e.g. 'answer.v1'."""
        return f"{self.name}.v{self.version}"

    @property
    def variables(self) -> frozenset[str]:
        """Every placeholder name used by the templates."""
        return _placeholders(self.system, self.path) | _placeholders(self.user, self.path)

    def render(self, **values: object) -> list[dict[str, str]]:
        """System and user messages with every placeholder filled; wrong variables raise PromptError."""
        expected = self.variables
        missing = sorted(expected - values.keys())
        unknown = sorted(values.keys() - expected)
        if missing:
            raise PromptError(f"prompt {self.id} is missing variable(s): {', '.join(missing)}")
        if unknown:
            raise PromptError(f"prompt {self.id} does not use variable(s): {', '.join(unknown)}")
        text = {key: str(value) for key, value in values.items()}
        return [
            {"role": "system", "content": self.system.format_map(text)},
            {"role": "user", "content": self.user.format_map(text)},
        ]


def _placeholders(template: str, path: Path) -> frozenset[str]:
    """Placeholder names in `template`; only bare `{name}` is allowed (`{{`/`}}` are literal braces)."""
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise PromptError(
            f"{path.name}: bad placeholder syntax ({exc}); write literal braces as {{{{ }}}}"
        ) from None
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not _IDENT.match(field) or spec or conversion:
            raise PromptError(f"{path.name}: placeholder {{{field}}} must be a bare name like {{question}}")
        names.add(field)
    return frozenset(names)


def load_prompt(name: str, version: int | None = None, directory: Path | None = None) -> Prompt:
    """Load `prompts/<name>.v<version>.md` (the highest version when `version` is None)."""
    folder = directory or PROMPTS_DIR
    versions = _versions(name, folder)
    if not versions:
        raise PromptError(f"no prompt named '{name}' in {folder.name}/ (expected {name}.v1.md)")
    chosen = max(versions) if version is None else version
    if chosen not in versions:
        found = ", ".join(f"v{v}" for v in sorted(versions))
        raise PromptError(f"prompt '{name}' has no version v{version} (found {found})")
    path = versions[chosen]
    system, user = _sections(path.read_text(encoding="utf-8"), path)
    prompt = Prompt(name=name, version=chosen, system=system, user=user, path=path)
    _ = prompt.variables  # fail at load time on malformed placeholders
    return prompt


def _versions(name: str, folder: Path) -> dict[int, Path]:
    """Version number -> file for every `<name>.v<N>.md` in `folder`."""
    found: dict[int, Path] = {}
    if folder.is_dir():
        for path in folder.iterdir():
            match = _FILE.match(path.name)
            if match and match["name"] == name:
                found[int(match["version"])] = path
    return found


def _sections(text: str, path: Path) -> tuple[str, str]:
    """The `## system` and `## user` bodies of a prompt file (text before them is a comment)."""
    parts = _HEADING.split(text)
    bodies: dict[str, str] = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        key = heading.lower()
        if key in bodies:
            raise PromptError(f"{path.name}: more than one '## {key}' section")
        bodies[key] = body.strip()
    if not bodies.get("system") or not bodies.get("user"):
        raise PromptError(f"{path.name}: needs a non-empty '## system' and '## user' section")
    return bodies["system"], bodies["user"]


def list_prompts(directory: Path | None = None) -> list[str]:
    """Ids of every prompt file, e.g. ['answer.v1', 'summarize_section.v1']."""
    folder = directory or PROMPTS_DIR
    ids = [f"{m['name']}.v{m['version']}" for p in folder.glob("*.md") if (m := _FILE.match(p.name))]
    return sorted(ids)


def fence(text: str) -> str:
    """Wrap untrusted document text as data, neutralising any fence markers inside it."""
    safe = re.sub(r"(?i)report\s*_\s*data", "REPORT DATA", text)
    safe = re.sub(r"<(?=<<)", "< ", safe)
    safe = re.sub(r">(?=>>)", "> ", safe)
    return f"{FENCE_OPEN}\n{safe}\n{FENCE_CLOSE}"
