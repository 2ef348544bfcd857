"""File -> clean text: encoding detection, HTML/DOCX/PDF extraction and web-boilerplate removal."""

from __future__ import annotations

import codecs
import io
import logging
import re
import stat
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import IngestError, JiedaoError
from rag.text.numbers import STREAK_ONLY, UNITS
from rag.text.script import GLOSS, simplified

__all__ = [
    "SUPPORTED_SUFFIXES", "LoadedText", "clean_text", "load_bytes", "load_file", "raw_runs", "raw_span", "source_text",
    "table_column",
]

if TYPE_CHECKING:
    from docx.table import Table

_log = logging.getLogger(__name__)

# The file types ingest reads (suffix -> format), the one list every user of supported types reads.
_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = tuple(_FORMATS)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024


@dataclass(frozen=True)
class LoadedText:
    """A file turned into canonical clean text; every later char offset refers to `text`."""

    text: str
    encoding: str | None
    format: str
    removed_lines: int
    warnings: list[str] = field(default_factory=list)
    title_hint: str | None = None
    # Index-table / publisher fields removed from the text, Simplified keys and values: 发布机构, 来源 (also
    # from 信息来源), 发布日期 (from 发布时间/日期/时间/生成日期/成文日期), 标题 (from 名称), 索引号, 发文字号 …
    header_fields: dict[str, str] = field(default_factory=dict)
    # Canonical → raw offsets as runs (canonical start, raw start); the raw text is `source_text(path)`.
    raw_map: tuple[tuple[int, int], ...] = ()


@dataclass
class _Extracted:
    """Raw text pulled out of one format, before `clean_text`."""

    text: str
    encoding: str | None = None
    title_hint: str | None = None
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- public verbs


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Read a report file from disk; the size is checked with stat before reading."""
    name = str(path)
    _format_for(name)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise IngestError("not a regular file", path=name)
        _check_size(info.st_size, max_bytes, name)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    return load_bytes(data, name, max_bytes=max_bytes)


def load_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Turn uploaded bytes into clean text; `name` only supplies the suffix and the error label."""
    fmt = _format_for(name)
    _check_size(len(data), max_bytes, name)
    if not data.strip():
        raise IngestError("empty file", path=name)
    notes: list[str] = []
    if fmt == "txt" and _sniff_html(data):
        fmt = "html"
        notes.append("content is HTML; parsed as HTML")
    try:
        extracted = _EXTRACTORS[fmt](data, name)
    except JiedaoError:
        raise
    except Exception as exc:  # boundary: a parser library choked on bad input
        _log.debug("unexpected %s failure on %s", fmt, name, exc_info=True)
        raise IngestError(f"{fmt.upper()} could not be read: {_reason(exc)}", path=name) from None
    return _finish(extracted, fmt, name, notes)


def clean_text(text: str) -> tuple[str, int]:
    """Normalise characters and whitespace and drop web boilerplate; returns (text, removed_lines)."""
    cleaned = _clean(text)
    return cleaned.text, cleaned.removed


def source_text(path: Path) -> str:
    """The raw text a report's `raw_map` points into: the decoded file for .txt/.md, the extracted main
    text (before cleaning) for HTML, DOCX and PDF."""
    data = path.read_bytes()
    fmt = _format_for(str(path))
    if fmt == "txt" and _sniff_html(data):
        fmt = "html"
    return _EXTRACTORS[fmt](data, str(path)).text


# ---------------------------------------------------------------- shared steps


def _format_for(name: str) -> str:
    """Map a file name to its format, or refuse an unsupported suffix."""
    suffix = Path(name).suffix.lower()
    if suffix not in _FORMATS:
        raise IngestError(
            f"unsupported file type '{suffix or '(none)'}'",
            path=name,
            hint="supported: " + " ".join(SUPPORTED_SUFFIXES),
        )
    return _FORMATS[suffix]


def _check_size(size: int, max_bytes: int, name: str) -> None:
    """Refuse files above the configured limit."""
    if size > max_bytes:
        mb, limit = size / _MB, max_bytes / _MB
        message = f"file is {mb:.1f} MB, above the {limit:g} MB limit (JIEDAO_MAX_FILE_MB)"
        raise IngestError(message, path=name)


def _reason(exc: BaseException) -> str:
    """A short one-line reason for a library exception."""
    text = " ".join(str(exc).split())[:100]
    return text or type(exc).__name__


def _finish(extracted: _Extracted, fmt: str, name: str, notes: list[str]) -> LoadedText:
    """Clean the extracted text and wrap it in a LoadedText."""
    warnings = [*notes, *extracted.warnings]
    if _has_mixed_line_endings(extracted.text):
        warnings.append("mixed line endings normalised")
    cleaned = _clean(extracted.text)
    text, removed = cleaned.text, cleaned.removed
    if not text:
        blank = not extracted.text.strip() and fmt != "html"  # a page of scripts is not an empty file
        message = "empty file" if blank else "no text left after removing markup and boilerplate"
        raise IngestError(message, path=name)
    return LoadedText(
        text=text,
        encoding=extracted.encoding,
        format=fmt,
        removed_lines=removed,
        warnings=warnings,
        title_hint=_one_line(extracted.title_hint or cleaned.header_fields.get("标题")),
        header_fields=cleaned.header_fields,
        raw_map=raw_runs(cleaned.idx),
    )


def _has_mixed_line_endings(text: str) -> bool:
    """True when a text uses more than one of CRLF, LF and CR."""
    crlf = text.count("\r\n")
    kinds = (crlf > 0, text.count("\n") > crlf, text.count("\r") > crlf)
    return sum(kinds) > 1


def _one_line(text: str | None) -> str | None:
    """Collapse a title to one clean line, or None when nothing is left."""
    if not text:
        return None
    cleaned = " ".join(_normalise_chars(text).split())
    return cleaned or None


# ---------------------------------------------------------------- decoding

# UTF-32-LE's BOM starts with UTF-16-LE's, so UTF-32 is tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_CODECS = ["gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"]
_GB_FAMILY = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030"}
_MAGIC = (
    (b"\x89PNG", "looks like a PNG image"),
    (b"\xff\xd8\xff", "looks like a JPEG image"),
    (b"GIF8", "looks like a GIF image"),
    (b"PK\x03\x04", "looks like a ZIP archive; a .docx file must keep its .docx name"),
    (b"%PDF-", "looks like a PDF; give it a .pdf name"),
)
_CONTROL_BYTES = frozenset([*range(0, 9), *range(14, 32), 127])
_BAD_CHARS = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f]")
_PLAUSIBLE = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uff00-\uffef\U00020000-\U0003134f]"
)


def _decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes: BOM, BOM-less UTF-16, strict UTF-8, declared charset, then detection."""
    bom_codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if bom_codec is not None:
        try:
            return _checked(data.decode(bom_codec), bom_codec, name)
        except UnicodeDecodeError:
            raise _unreadable(name, data) from None
    utf16 = _utf16_guess(data)
    if utf16 is not None:
        return _checked(*utf16, name)
    if _looks_binary(data):
        raise _unreadable(name, data)
    for codec in filter(None, ("utf-8", declared)):
        try:
            return _checked(data.decode(codec), codec, name)
        except (UnicodeDecodeError, LookupError):
            pass
    return _checked(*_detect(data, name), name)


def _checked(text: str, codec: str, name: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly replacement or control characters."""
    bad = len(_BAD_CHARS.findall(text))
    if bad > 1 + 0.02 * len(text):
        raise _unreadable(name, b"")
    return text, codec


def _unreadable(name: str, data: bytes) -> IngestError:
    """The error for binary or undecodable content, with a hint when the magic bytes are known."""
    hint = next((note for magic, note in _MAGIC if data.startswith(magic)), None)
    return IngestError("binary or unreadable file (not text)", path=name, hint=hint)


def _utf16_guess(data: bytes) -> tuple[str, str] | None:
    """Recognise BOM-less UTF-16 by NUL bytes sitting on one parity (the high bytes of ASCII)."""
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if even + odd == 0 or max(even, odd) < 0.9 * (even + odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if len(_PLAUSIBLE.findall(text)) < 0.8 * len(text):
        return None
    return text, codec


def _looks_binary(data: bytes) -> bool:
    """True for bytes with NULs or a high share of control bytes."""
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > 0.02 * len(sample)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Detect a legacy encoding: GB18030 vs Big5 by character commonness, else charset_normalizer."""
    from charset_normalizer import from_bytes

    chinese = _gb_or_big5(data)
    if chinese is not None:
        return chinese
    best = from_bytes(data, cp_isolation=_CHINESE_CODECS).best() or from_bytes(data).best()
    if best is None:
        raise _unreadable(name, data)
    codec = codecs.lookup(best.encoding).name
    codec = _GB_FAMILY.get(codec, codec)
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return str(best), best.encoding


def _gb_or_big5(data: bytes) -> tuple[str, str] | None:
    """Strict GB18030 or Big5, whichever reads as more common characters (ties: GB); None if neither fits."""
    # Big5 bytes nearly always decode as GBK too, and short GB text often as Big5; charset_normalizer
    # guesses badly on short samples, so each reading is scored by its share of frequent characters.
    best: tuple[float, str, str] | None = None
    for codec, vocab, is_common in (("gb18030", "gbk", _in_gb2312), ("big5", "big5", _in_big5_level1)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _common_share(text, vocab, is_common)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0.5:
        return None
    return best[1], best[2]


def _common_share(text: str, codec: str, is_common: Callable[[bytes], bool]) -> float:
    """Share of non-ASCII characters (first 20k) that fall in the common area of a legacy code page."""
    chars = [char for char in text if ord(char) > 0x7F][:20000]
    common = 0
    for char in chars:
        try:
            common += is_common(char.encode(codec))
        except UnicodeEncodeError:
            continue
    return common / len(chars) if chars else 0.0


def _in_gb2312(encoded: bytes) -> bool:
    """A GBK code inside the GB2312 area (symbols and both hanzi levels)."""
    return len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xF7 and encoded[1] >= 0xA1


def _in_big5_level1(encoded: bytes) -> bool:
    """A Big5 code among the symbols or the level-1 (frequent) hanzi."""
    return len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xC6


# ---------------------------------------------------------------- plain text and HTML

_HTML_START = (b"<!doctype html", b"<html")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_NEAR_CJK = rf"[{_CJK}0-9,.;:!?()%]"
# A source line break between Chinese characters is formatting, not a space (CSS Text 3 segment breaks);
# the reports put ASCII digits and punctuation inside Chinese text, so those count as neighbours too.
_BREAK = r"[ \t]*\r?\n[ \t]*"
_CJK_SEGMENT_BREAK = re.compile(rf"(?<=[{_CJK}]){_BREAK}(?={_NEAR_CJK})|(?<={_NEAR_CJK}){_BREAK}(?=[{_CJK}])")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _extract_plain(data: bytes, name: str) -> _Extracted:
    """Decode a .txt or .md file."""
    text, encoding = _decode(data, name)
    return _Extracted(text=text, encoding=encoding)


def _sniff_html(data: bytes) -> bool:
    """True when a .txt file's content clearly starts as an HTML document."""
    head = data[:1024].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith(_HTML_START)


def _declared_charset(data: bytes) -> str | None:
    """A Chinese charset declared in a <meta> tag (GB code pages widened to gb18030), else None."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    codec = _GB_FAMILY.get(codec, codec)
    # Only Chinese declarations are trusted: a wrong single-byte one (latin-1) would decode anything.
    return codec if codec in _CHINESE_CODECS else None


def _extract_html(data: bytes, name: str) -> _Extracted:
    """Main text of an HTML page via trafilatura, falling back to a plain tag-stripping parse."""
    markup, encoding = _decode(data, name, _declared_charset(data))
    markup = _CJK_SEGMENT_BREAK.sub("", markup)
    page = _parse_visible(markup)
    main = _main_text(markup)
    warnings: list[str] = []
    if main is None or len("".join(main.split())) < 0.3 * len("".join(page.text.split())):
        main = page.text
        warnings.append("HTML main-text extraction fell back to tag stripping")
    elif any(_layout_row(line) for line in main.splitlines()):
        # an old portal's layout table: the article sits in one cell, its paragraphs run together as one table row
        start = page.text.find(page.title) if len(page.title) >= 6 else -1
        main = page.text[start:] if start > 0 else page.text  # (from the article's title: the sidebars before go)
        warnings.append("HTML page laid out in a table: read by tag stripping")
    else:  # the index table and source line (发布机构, 来源) the main text left out: read as header fields
        fields = [ln.strip() for ln in page.text.splitlines() if ln.strip() and ln.strip() not in main
                  and _header_fields(" ".join(ln.split()))]
        main = "\n".join([*fields, main]) if fields else main
    h1 = page.h1 if page.h1 and not _site_name(page.h1, page) else ""
    if h1 and h1 not in main[: len(h1) + 200]:
        main = f"{h1}\n\n{main}"
    return _Extracted(text=main, encoding=encoding, title_hint=h1 or page.title, warnings=warnings)


def _layout_row(line: str) -> bool:
    """A table row of the extracted main text that holds paragraphs of prose (a page laid out in a table)."""
    return line.lstrip().startswith("|") and len(line) > 400 and line.count("。") >= 5


def _site_name(h1: str, page: _VisibleText) -> bool:
    """An <h1> that is the portal's name ('某区人民政府'), not the article's title: the <title> ends with it."""
    return bool(page.title) and h1 != page.title and bool(re.search(r"人民政府$|政府网$|门户网站$|^[^\n]{2,20}网$", h1)) \
        and bool(re.search(r"工作|报告|总结|计划|要点", page.title))


def _main_text(markup: str) -> str | None:
    """trafilatura's main-text extraction (offline), or None when it finds nothing or fails."""
    import trafilatura

    try:
        return trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True)
    except Exception:  # lxml/trafilatura raise on some malformed input; the stdlib parse is the fallback
        _log.debug("trafilatura failed", exc_info=True)
        return None


class _VisibleText(HTMLParser):
    """Collect visible text, the <title> and the first <h1>; skip scripts, styles, iframes and the like."""

    SKIP = frozenset("script style iframe noscript template svg object canvas select".split())
    BLOCK = frozenset(
        "address article aside blockquote body br dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6 "
        "header hr li main nav ol p pre section table tr ul".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.title_parts: list[str] | None = None
        self.title = ""
        self.h1_parts: list[str] | None = None
        self.h1 = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open skipped elements, start title/h1 capture and break lines at blocks."""
        if tag in self.SKIP:
            self.skip.append(tag)
        elif tag == "title" and not self.title:
            self.title_parts = []
        elif tag == "h1" and not self.h1:
            self.h1_parts = []
        if tag in self.BLOCK:
            self._end_title()
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        """Close skipped elements and captures; break lines at blocks."""
        if tag in self.skip:
            del self.skip[len(self.skip) - 1 - self.skip[::-1].index(tag) :]
        elif tag == "title":
            self._end_title()
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split())[:300]
            self.h1_parts = None
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements, with HTML whitespace collapsed."""
        if self.skip:
            return
        text = re.sub(r"[ \t\r\n\f]+", " ", data)
        if self.title_parts is not None:
            self.title_parts.append(text)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        self.parts.append(text)

    def _end_title(self) -> None:
        """Finish the <title> capture (also when the tag was never closed)."""
        if self.title_parts is not None:
            self.title = _strip_site_suffix(" ".join("".join(self.title_parts).split())[:300])
            self.title_parts = None

    @property
    def text(self) -> str:
        """The visible text collected so far."""
        return "".join(self.parts)


def _parse_visible(markup: str) -> _VisibleText:
    """Run the stdlib parser; broken markup keeps whatever was parsed."""
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser may still trip on exotic broken markup; partial text is fine
        _log.debug("html.parser failed", exc_info=True)
    parser._end_title()
    return parser


def _strip_site_suffix(title: str) -> str:
    """Drop a site-name suffix such as '_深圳市龙岗区政府' from a page title."""
    head = re.split(r"\s+[-|–—]\s+|_|\||-{2,}|—{2}", title, maxsplit=1)[0].strip()  # ('…计划--某区人民政府')
    return head if len(head) >= 4 else title


# ---------------------------------------------------------------- DOCX and PDF


def _extract_docx(data: bytes, name: str) -> _Extracted:
    """Paragraphs and table rows (cells tab-separated) of a .docx, in document order."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines = [
            _table_text(block) if isinstance(block, Table) else block.text
            for block in document.iter_inner_content()
        ]
        title = document.core_properties.title
    except Exception as exc:  # python-docx raises zipfile/KeyError/lxml errors for damaged files
        raise IngestError(f"DOCX is damaged or truncated: {_reason(exc)}", path=name) from None
    return _Extracted(text="\n".join(lines), title_hint=title or None)


def _table_text(table: Table) -> str:
    """One line per table row, merged cells counted once, cells separated by tabs."""
    rows: list[str] = []
    for row in table.rows:
        unique = {id(cell._tc): cell for cell in row.cells}.values()  # a merged cell repeats per grid column
        rows.append(
            "\t".join(" ".join(t for p in cell.paragraphs if (t := p.text.strip())) for cell in unique)
        )
    return "\n".join(rows)


def _extract_pdf(data: bytes, name: str) -> _Extracted:
    """Page texts of a PDF joined with newlines; scanned, encrypted and damaged files are refused."""
    if data.find(b"%PDF-", 0, 1024) < 0:
        raise IngestError("PDF is damaged or truncated: no %PDF header", path=name)
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("PDF is damaged or truncated: no %%EOF marker at the end", path=name)
    pages = _pdf_pages(data, name)
    empty = sum(1 for page in pages if not page.strip())
    if empty == len(pages):
        raise IngestError("PDF has no text layer (scanned?); run OCR first", path=name)
    warnings = [f"{empty} of {len(pages)} PDF pages have no text layer"] if empty else []
    return _Extracted(text="\n".join(pages), warnings=warnings)


def _pdf_pages(data: bytes, name: str) -> list[str]:
    """Open the PDF (empty password allowed) and extract each page's text."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many error types for damaged files
        raise IngestError(f"PDF is damaged or truncated: {_reason(exc)}", path=name) from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except Exception:  # e.g. an unsupported cipher: still a password problem for the user
            opened = False
        if not opened:
            raise IngestError("PDF is encrypted", path=name, hint="remove the password and try again")
    try:
        return [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # damaged page trees and content streams surface here
        raise IngestError(f"PDF is damaged or truncated: {_reason(exc)}", path=name) from None


_EXTRACTORS: dict[str, Callable[[bytes, str], _Extracted]] = dict(
    txt=_extract_plain, md=_extract_plain, html=_extract_html, docx=_extract_docx, pdf=_extract_pdf
)


# ---------------------------------------------------------------- cleaning

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SHORT_LINE = 60
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_VIEW_COUNT = r"(?:浏览次数|点击数|点击量|点击率|点击|阅读次数|阅读量|访问量|浏览量)"
_META_NOISE = re.compile(rf"\s*(?:{_VIEW_COUNT}|T?浏览字号|字号)\s*[:：].*$")
_BOILERPLATE_EXACT = frozenset(
    "回到 顶部 回到顶部 返回顶部 首页 网站首页 新闻 打印 关闭 分享 分享到 字号 footer header nav "
    "T浏览 无障碍 无障碍浏览 长者模式 关怀版 繁體 繁体 简体 English 登录 注册 搜索 扫一扫".split()
)
_ACTION = r"(?:打印|关闭|打印本页|打印此页|打印整页|打印内容|打印页面|关闭窗口|关闭本页|关闭页面|收藏|返回|返回顶部|返回列表|保存|纠错|分享)"
_RELATED = re.compile(
    r"(?:相关(?:政策法规|政策|法规|链接|新闻|阅读|文章|文件|附件|稿件|推荐)|相关解读)"
    r"(?:\s*[/、|]\s*(?:解读|链接))?\s*[:：]?"
)
_BOILERPLATE_ANCHORED = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：].{0,200}",
        r"(?:网站)?首页\s*(?:>|>|»|›)\s*.{0,200}",
        r"字号\s*[:：]?\s*[\[【]?\s*(?:[大中小]\s*[\]】]?\s*[\[【]?\s*)*",
        r"(?:分享到|分享至)\s*[:：]?.{0,30}",
        r"扫一扫.{0,30}",
        rf"(?:[【\[]?\s*{_ACTION}\s*[】\]]?\s*)+",
        r"(?:上一篇|下一篇|上一条|下一条)\s*[:：]?.{0,100}",
        rf"{_VIEW_COUNT}\s*[:：].{{0,30}}",
        _RELATED.pattern,
        r"[【\[]\s*责任编辑\s*[:：].{0,30}",
        r"(?:版权所有|(?i:copyright)|©|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站标识码).{0,200}",
        r".{0,100}(?:ICP备|ICP证|公网安备).{0,100}",
        # document-sharing re-hosts
        r"第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页",
        r"[(（]?\s*阅读全部.{0,20}登录.{0,4}[)）]?",
        r"-*\s*此处隐藏\s*\d*\s*字.{0,20}",
        r"[(（]?\s*未完\s*[,，]\s*全文共.{0,30}",
        r"(?:下面是小编|以下是小编|温馨提示|文档介绍|由会员分享|下载后的文档).{0,80}",
        r"(?:上一页|下一页|尾页|首页)(?:\s*(?:上一页|下一页|尾页|首页|\d+))+",
    )
)
_BOILERPLATE_MARKERS = tuple("版权所有 © ICP备 网站标识码 主办单位 技术支持 联系我们 网站地图".split())
_BREADCRUMB_ARROWS = (">", ">", "»", "›")
# an item of a page's news list: a headline ending in its date ('- 某镇脐橙产量达4.6万吨 果农增收再创新高01-30'),
# another page's words, never the report's own
_NEWS_ITEM = re.compile(r"(?:[-·•]\s*)?[^。；;！？:：\n]{4,60}?\s*(?:(?:19|20)\d\d[-/.])?(?:0[1-9]|1[0-2])[-/.](?:0[1-9]|[12]\d|3[01])")
_SOURCE_LINE = re.compile(r"#\s*(?:source|url|来源)\s*[:：]", re.IGNORECASE)

# Index-table / publisher labels (Simplified; matched on the Simplified view, spaces allowed inside: "索 引 号").
_TABLE_LABELS = (
    "索引号 索取号 发布机构 所属机构 生成日期 成文日期 发文日期 组配分类 公开方式 公开范围 公开时限 发文字号 发文机关 "
    "文件编号 主题分类 体裁分类 服务对象 有效性 信息来源 发布时间 发布日期 更新时间 主题词 关键词"
).split()
_LINE_LABELS = [*_TABLE_LABELS, *"责任编辑 浏览次数 点击数 点击量 点击 来源 作者 编辑 名称 标题 文号 时间 日期".split()]
_LABEL_RE = "|".join(r"\s?".join(label) for label in sorted(_LINE_LABELS, key=len, reverse=True))
_LABEL_AT = re.compile(rf"(?:^|(?<=[\s|\[【•·*-]))[\[【]?\s*(?P<label>{_LABEL_RE})\s*[\]】]?\s*[:：|]")
_LABEL_START = re.compile(rf"[\s|\[【•·*-]*[\[【]?\s*(?:{_LABEL_RE})\s*[\]】]?\s*[:：|]")
_TABLE_RE = "|".join(r"\s?".join(label) for label in _TABLE_LABELS)
_LABEL_ALONE = re.compile(rf"[\s|\[【•·*-]*(?P<label>{_TABLE_RE})\s*[\]】]?\s*[:：|]?\s*")
_VALUE_EDGE = re.compile(r"^[\s|\[\]【】:：•·]+|[\s|\[\]【】:：•·]+$")
_EMPTY_ROW = re.compile(r"[|\s]*\|[|\s]*")
_TRAILING_DATE = re.compile(rf"\s*(?P<date>(?:{_DATE.pattern})(?:\s*\d{{1,2}}\s*[:：]\s*\d{{2}}(?:\s*[:：]\s*\d{{2}})?)?)\s*$")
_FIELD_ALIASES = {"信息来源": "来源", "发布时间": "发布日期", "名称": "标题", "文号": "发文字号", "文件编号": "发文字号"}
_MAX_HEADER_LINE = 200
_GLUED_TAIL = re.compile(r"[。；！？”]\s*([^\s。；！？，,：:“”]{6,30})$")
_WATERMARK = re.compile(r"[^\s,，。;；]{0,20}(?:https?://|www\.)[A-Za-z0-9./?=&_%#:~-]+[^\s,，。;；]{0,12}")
_HEADING_START = re.compile(r"[一二三四五六七八九十0-9(（第]")
# a mirror's advert pasted into a sentence ('…1.27亿元，《某某娱乐app下载-官方网站》完成年度任务的84.7%'), once is enough
_SPAM_INSERT = re.compile(r"[《【][^》】\n]{0,24}?(?:app|APP|App|下载|官方网站|官网|娱乐|彩票|棋牌|博彩|赌场|真人|老虎机)"
                          r"[^》】\n]{0,24}[》】]")


# PDF copies that put a figure on a line of its own, mid-sentence: "完成工业投资\n8.35\n亿元，同比增长12%"
_SPLIT_FIGURE = re.compile(r"(?<=[^\s。！？；;：:])[ \t]*\n[ \t]*[-+]?\d[\d,.]*(?:[ \t]*\n[ \t]*)?(?="
                           + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)
                                      if u not in STREAK_ONLY) + r")"
                           r"|(?<=[^\s。！？；;：:])[ \t]*\n[ \t]*(?=[，,、])")  # a line that opens with a comma goes on


@dataclass
class _Mapped:
    """Text plus, for every character, its index in the source text it was cut from."""

    text: str
    idx: list[int]
    nl: int = -1  # for a line: where its line break sits in the source

    def __getitem__(self, key: slice) -> _Mapped:
        return _Mapped(self.text[key], self.idx[key])

    def sub(self, pattern: re.Pattern[str], repl: str) -> _Mapped:
        """`pattern.sub(repl, text)` keeping the map (replacement characters map to the match)."""
        parts: list[str] = []
        idx: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            if m.end() == m.start():
                continue
            parts.append(self.text[pos : m.start()])
            idx.extend(self.idx[pos : m.start()])
            if repl:
                same = len(repl) == m.end() - m.start()
                idx.extend(self.idx[m.start() : m.end()] if same else [self.idx[m.start()]] * len(repl))
                parts.append(repl)
            pos = m.end()
        if pos == 0:
            return self
        parts.append(self.text[pos:])
        idx.extend(self.idx[pos:])
        return _Mapped("".join(parts), idx)

    def unbreak(self, pattern: re.Pattern[str]) -> _Mapped:
        """The line breaks inside each match of `pattern` removed (the other characters keep their map)."""
        keep = [True] * len(self.text)
        for m in pattern.finditer(self.text):
            for i in range(m.start(), m.end()):
                if self.text[i] == "\n":
                    keep[i] = False
        if all(keep):
            return self
        return _Mapped("".join(c for c, k in zip(self.text, keep, strict=True) if k),
                       [i for i, k in zip(self.idx, keep, strict=True) if k])

    def strip(self, chars: str) -> _Mapped:
        """Both ends stripped of `chars`."""
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        out = self[left:right] if right > left else _Mapped("", [])
        out.nl = self.nl
        return out

    def lines(self) -> list[_Mapped]:
        """Split at '\n' (the newlines themselves dropped)."""
        out: list[_Mapped] = []
        pos = 0
        while True:
            nl = self.text.find("\n", pos)
            if nl < 0:
                out.append(self[pos:])
                return out
            line = self[pos:nl]
            line.nl = self.idx[nl]
            out.append(line)
            pos = nl + 1


@dataclass
class _Cleaned:
    text: str
    idx: list[int]
    removed: int
    header_fields: dict[str, str]


def _clean(text: str) -> _Cleaned:
    """The cleaning steps over a character map: every kept character remembers where it came from."""
    mapped = _Mapped(text, list(range(len(text))))
    mapped = mapped.sub(_LINE_BREAK, "\n").sub(_DROP, "").sub(_ODD_SPACE, " ").sub(GLOSS, "")
    mapped = _unwrap(_flat_tables(_drop_watermarks(mapped)).unbreak(_SPLIT_FIGURE))
    lines = [line.strip(" \t") for line in mapped.lines()]
    repeated = _repeated_lines([line.text for line in lines])
    header: dict[str, str] = {}
    kept: list[_Mapped] = []
    removed, i, related = 0, 0, False
    while i < len(lines):
        line = lines[i]
        t = line.text
        if not t:
            kept.append(line)
            related = False
            i += 1
            continue
        if related and len(t) < _SHORT_LINE and not t.endswith("。"):
            removed += 1  # an item of a 相关链接 list
            i += 1
            continue
        related = False
        if _SOURCE_LINE.match(t) or t in repeated or _is_boilerplate(t):
            related = bool(_RELATED.fullmatch(t))
            removed += 1
            i += 1
            continue
        fields = _header_fields(t)
        if fields is not None:
            for key, value in fields:
                _add_field(header, key, value)
            removed += 1
            i += 1
            continue
        if _NEWS_ITEM.fullmatch(t):
            removed += 1
            i += 1
            continue
        alone = _LABEL_ALONE.fullmatch(simplified(t))
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if alone and nxt and len(nxt) <= _SHORT_LINE and _header_fields(nxt) is None and not _is_boilerplate(nxt):
            _add_field(header, alone.group("label"), nxt)
            removed += 2
            i += 2
            continue
        kept.append(_strip_meta_noise(line))
        i += 1
    out_text: list[str] = []
    out_idx: list[int] = []
    last = -1
    for n, line in enumerate(_collapse_blank_lines(kept)):
        if n:
            out_text.append("\n")
            out_idx.append(last)
        out_text.append(line.text)
        out_idx.extend(line.idx)
        last = line.nl if line.nl >= 0 else (line.idx[-1] + 1 if line.idx else last)
    return _Cleaned("".join(out_text), out_idx, removed, header)


_WRAP_END = re.compile(r"[。！？；;：:」”’\)）】》…]$")
_NEW_BLOCK = re.compile(r"^(?:[\u3000 \t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|"
                        r"表\s*\d|图\s*\d|[—\-－]+\s*\d+\s*[—\-－]+$)")
_MIN_WRAPPED = 4  # hard-wrapped lines (PDF copies) needed before any line is joined


def _unwrap(mapped: _Mapped) -> _Mapped:
    """Prose hard-wrapped at a fixed width (text copied out of a PDF: '其中税收收\n入4.57亿元') joined back: a line
    of about the common wrapped width that ends mid-sentence runs on into the next line of prose."""
    lines = mapped.text.split("\n")
    widths = [len(ln.rstrip()) for ln in lines if len(ln.rstrip()) >= 16 and not _WRAP_END.search(ln.rstrip())]
    if len(widths) < _MIN_WRAPPED:
        return mapped
    width = sorted(widths)[len(widths) // 2]
    near = [w for w in widths if abs(w - width) <= 3]
    if len(near) < _MIN_WRAPPED or len(near) < 0.5 * len(widths):
        return mapped  # ordinary line lengths: nothing was wrapped
    keep = [True] * len(mapped.text)
    pos = 0
    for n, line in enumerate(lines[:-1]):
        end = pos + len(line)
        body, nxt = line.rstrip(), lines[n + 1]
        if (abs(len(body) - width) <= 3 and not _WRAP_END.search(body) and nxt.strip()
                and not _NEW_BLOCK.match(nxt) and re.match(r"[\u4e00-\u9fff\d“‘（(]", nxt)):
            keep[end] = False  # the newline after this line
        pos = end + 1
    if all(keep):
        return mapped
    return _Mapped("".join(c for c, k in zip(mapped.text, keep, strict=True) if k),
                   [i for i, k in zip(mapped.idx, keep, strict=True) if k])


# ---------------------------------------------------------------- flattened tables

# Header cells of a figure table, by column kind (matched on the cell with its spaces removed). Bare 名称 is left
# out: '| 名称 |' reads as a publisher field and the line would be dropped.
_PCT_HEAD = r"(?:[(（]?(?:[%％]|±[%％]|百分点)[)）]?)?"
_PERIOD_WORDS = r"(?:上年|去年|本年|今年|当年)?(?:同期)?(?:累计|实际(?:完成)?|完成(?:值|数|额)?|本期|上期|本月|上半年|下半年|前三季度|一季度)?"
_TABLE_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("index", r"序号"),
    ("label", r"(?:主要)?(?:经济)?指标(?:名称)?|(?:项目|指标)名称|项目|类别|内容"),
    ("unit", r"(?:计量)?单位"),
    ("completion", rf"(?:目标|计划|任务)?完成(?:率|进度|比例){_PCT_HEAD}"
                   rf"|(?:占|完成)(?:年度|全年|本年)?(?:目标|计划|任务)的?(?:比例|比重|进度)?{_PCT_HEAD}"),
    ("growth", rf"(?=.*(?:增|同比|±))(?:同比|比上年|较上年|累计)?(?:增幅|增长率?|增速|增减(?:幅度|率)?|比增)?±?{_PCT_HEAD}"),
    ("target", r"(?:(?:19|20)\d\d年?度?|年度|全年|本年)?(?:目标|计划|任务)(?:数|值|任务)?(?:[(（][^)）]{0,6}[)）])?"),
    ("period", r"(?=.*(?:\d|年|期|累计|实际|完成|季度))(?:(?:19|20)\d\d年?度?)?"
               r"(?:[1一][-－—–~～至到](?:1[0-2]|[1-9]|十[一二]?|[二三四五六七八九])月份?)?"
               rf"{_PERIOD_WORDS}(?:预计(?:完成)?|快报数?|预估|初步统计)?(?:[(（][^)）]{{0,8}}[)）])?"),
))
_PAGE_MARK = re.compile(r"[—\-－–]+\s*\d{1,3}\s*[—\-－–]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?")
_VALUE_CELL = re.compile(r"[+\-－−–—]?\s*\d[\d,，]*(?:\.\d+)?\s*(?:[%％]|[万亿])?|[-－—–/／×]{1,3}")
_INDEX_CELL = re.compile(r"\d{1,3}|[一二三四五六七八九十]{1,3}")
_CELL_MAX = 30  # a longer line is prose, not a table cell
_MAX_SKIPPED = 4  # blank and page-marker lines in a row inside a table


def table_column(cell: str) -> str | None:
    """The kind of a table header cell: 'label', 'unit', 'period', 'growth', 'target', 'completion' or 'index'
    ('2023年1-10月' → 'period', '增幅（%）' → 'growth', '占年度目标%' → 'completion'); None for any other text."""
    text = "".join(cell.split())
    if not text or len(text) > _CELL_MAX:
        return None
    return next((kind for kind, pattern in _TABLE_COLUMNS if pattern.fullmatch(text)), None)


def _flat_tables(mapped: _Mapped) -> _Mapped:
    """Tables copied out of a PDF one cell per line ('指标名称\\n单位\\n2022年\\n2023年\\n…\\n税收收入\\n亿元\\n3.1\\n3.4')
    rewritten one row per line as '| 税收收入 | 亿元 | 3.1 | 3.4 |', the form HTML tables take; page markers and
    blank lines inside the table are dropped and a blank line ends it. Cells keep their map, separators map to
    the cell after them."""
    lines = mapped.lines()
    if not any(table_column(line.text) == "unit" for line in lines):
        return mapped
    out: list[_Mapped] = []
    i, changed = 0, False
    while i < len(lines):
        found = _flat_table_at(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out.extend(rows)
        changed = True
        if i < len(lines) and lines[i].text.strip(" \t"):
            gap = _Mapped("", [])
            gap.nl = rows[-1].nl
            out.append(gap)
    return _joined_lines(out) if changed else mapped


def _flat_table_at(lines: list[_Mapped], i: int) -> tuple[list[_Mapped], int] | None:
    """The rows of a flattened table whose header starts at line `i`, and the line after its last record."""
    if i and table_column(lines[i - 1].text):
        return None  # inside a run of header cells: the table starts at the run's first cell
    head: list[_Mapped] = []
    while i + len(head) < len(lines) and table_column(lines[i + len(head)].text):
        head.append(lines[i + len(head)].strip(" \t"))
    kinds = [table_column(cell.text) or "" for cell in head]
    first = kinds[1:2] if kinds[:1] == ["index"] else kinds[:1]
    if first != ["label"] or kinds.count("unit") != 1 or "period" not in kinds or len(kinds) < 3:
        return None
    rows, j = [_row_of(head)], i + len(head)
    while (found := _flat_record(lines, j, head, kinds)) is not None:
        cells, j = found
        if cells:
            rows.append(_row_of(cells))
    return (rows, j) if len(rows) > 1 else None


def _flat_record(lines: list[_Mapped], j: int, head: list[_Mapped],
                 kinds: list[str]) -> tuple[list[_Mapped], int] | None:
    """The cells of the record starting at line `j` (page markers and blank lines skipped; [] for a header
    repeated on a new page) and the line after it, or None when the lines there do not fit the columns."""
    for joined in (1, 2):  # a long label may wrap onto a second line
        cells: list[_Mapped] = []
        k, skipped = j, 0
        while len(cells) < len(kinds) and k < len(lines) and skipped <= _MAX_SKIPPED:
            text = lines[k].text.strip(" \t")
            if not text or _PAGE_MARK.fullmatch(text):
                k, skipped = k + 1, skipped + 1
                continue
            cell = lines[k].strip(" \t")
            if kinds[len(cells)] == "label" and joined == 2 and k + 1 < len(lines):
                cell = _Mapped(cell.text + lines[k + 1].text.strip(" \t"), cell.idx + lines[k + 1].strip(" \t").idx)
                cell.nl, k = lines[k + 1].nl, k + 1
            if [c.text for c in cells] + [cell.text] == [h.text for h in head[: len(cells) + 1]]:
                cells.append(cell)
            elif not _cell_fits(cell.text, kinds[len(cells)]):
                break
            else:
                cells.append(cell)
            k, skipped = k + 1, 0
        if len(cells) == len(kinds):
            return ([] if [c.text for c in cells] == [h.text for h in head] else cells), k
    return None


def _cell_fits(text: str, kind: str) -> bool:
    """True when `text` can fill a cell of a column of `kind` (a label, a unit, a number or a dash)."""
    if len(text) > _CELL_MAX or text.endswith("。"):
        return False
    if kind == "index":
        return bool(_INDEX_CELL.fullmatch(text))
    if kind == "label":
        return bool(re.search(r"[\u4e00-\u9fff]", text)) and not _VALUE_CELL.fullmatch(text)
    if kind == "unit":
        return len(text) <= 8 and not re.search(r"[\d。，,；;]", text)
    return bool(_VALUE_CELL.fullmatch(text))


def _row_of(cells: list[_Mapped]) -> _Mapped:
    """One '| a | b |' line from its cells; a separator maps to the cell after it, the closing bar to the last
    character of the last cell."""
    text: list[str] = []
    idx: list[int] = []
    for n, cell in enumerate(cells):
        sep = " | " if n else "| "
        text += [sep, cell.text]
        idx += [cell.idx[0]] * len(sep) + cell.idx
    text.append(" |")
    idx += [cells[-1].idx[-1]] * 2
    row = _Mapped("".join(text), idx)
    row.nl = cells[-1].nl
    return row


def _joined_lines(lines: list[_Mapped]) -> _Mapped:
    """Lines joined with '\\n' again, each newline mapped to where the line it ends had its break."""
    text: list[str] = []
    idx: list[int] = []
    for n, line in enumerate(lines):
        if n:
            text.append("\n")
            idx.append(lines[n - 1].nl)
        text.append(line.text)
        idx.extend(line.idx)
    return _Mapped("".join(text), idx)


def _drop_watermarks(mapped: _Mapped) -> _Mapped:
    """Remove URL-bearing fragments that recur inside the text (site watermarks stamped into the prose)."""
    counts: dict[str, int] = {}
    for m in _WATERMARK.finditer(mapped.text):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    # a stamp glued after the end of many lines ('…同比增长9.7%。某某资料库--为基层服务'), with or without a URL
    lines = [line.rstrip() for line in mapped.text.split("\n") if line.strip()]
    for tail in filter(None, map(_GLUED_TAIL.search, lines)):
        counts[tail.group(1)] = counts.get(tail.group(1), 0) + 1
    marks = sorted({w for w, c in counts.items() if c >= 2 and (_WATERMARK.fullmatch(w) or c >= max(5, len(lines) // 5))}
                   | set(_SPAM_INSERT.findall(mapped.text)), key=len, reverse=True)
    if not marks:
        return mapped
    return mapped.sub(re.compile("|".join(map(re.escape, marks))), "")


def _repeated_lines(lines: list[str]) -> set[str]:
    """Short digit-free lines that recur three or more times: watermarks and running page headers."""
    counts: dict[str, int] = {}
    for line in lines:
        if 4 <= len(line) <= 40 and not re.search(r"\d", line) and not _HEADING_START.match(line):
            counts[line] = counts.get(line, 0) + 1
    return {line for line, c in counts.items() if c >= 3 and not line.endswith(("：", ":"))}


def _header_fields(line: str) -> list[tuple[str, str]] | None:
    """(label, value) pairs of an index-table / publisher line, or None when the line is not one."""
    if len(line) > _MAX_HEADER_LINE:
        return None
    simple = simplified(line)
    if _EMPTY_ROW.fullmatch(simple):
        return []
    if not _LABEL_START.match(simple) or "。" in simple:
        return None
    hits = list(_LABEL_AT.finditer(simple))
    pairs: list[tuple[str, str]] = []
    for n, m in enumerate(hits):
        end = hits[n + 1].start() if n + 1 < len(hits) else len(simple)
        value = _VALUE_EDGE.sub("", simple[m.end() : end])
        label = "".join(m.group("label").split())
        if len(value) > 80:
            return None  # a label followed by prose is a sentence, not a table cell
        date = _TRAILING_DATE.search(value) if label not in ("时间", "日期") and "日期" not in label else None
        if date and date.start() > 0:
            pairs.append(("日期", date.group("date")))
            value = value[: date.start()].strip()
        pairs.append((label, value))
    return pairs


def _add_field(header: dict[str, str], label: str, value: str) -> None:
    """Record a header field once (first value wins), also under its alias (信息来源 → 来源 …)."""
    label = "".join(simplified(label).split())
    value = _VALUE_EDGE.sub("", " ".join(simplified(value).split()))
    if not value or value in ("-", "—") or re.fullmatch(_VIEW_COUNT + "|责任编辑|编辑", label):
        return
    header.setdefault(label, value)
    if label in _FIELD_ALIASES:
        header.setdefault(_FIELD_ALIASES[label], value)
    if label in ("时间", "日期", "发布时间", "生成日期", "成文日期", "更新时间"):
        header.setdefault("发布日期", value)


def _normalise_chars(text: str) -> str:
    """Unify line breaks, drop zero-width/control characters and turn odd spaces into ASCII spaces."""
    text = _LINE_BREAK.sub("\n", text)
    text = _DROP.sub("", text)
    return _ODD_SPACE.sub(" ", text)


def _is_boilerplate(line: str) -> bool:
    """True for a (stripped) web navigation/footer line; dated lines and long prose are kept."""
    if _DATE.search(line):
        return False
    if line in _BOILERPLATE_EXACT or any(p.fullmatch(line) for p in _BOILERPLATE_ANCHORED):
        return True
    if len(line) >= _SHORT_LINE:
        return False
    if any(marker in line for marker in _BOILERPLATE_MARKERS):
        return True
    return "首页" in line and any(arrow in line for arrow in _BREADCRUMB_ARROWS)


def _strip_meta_noise(line: _Mapped) -> _Mapped:
    """On a publish-date line, drop the trailing view-count / font-size widgets but keep the date."""
    match = _DATE.search(line.text)
    if not match or len(line.text) > 2 * _SHORT_LINE:
        return line
    tail = _META_NOISE.search(line.text, match.end())
    if not tail:
        return line
    out = line[: tail.start()].strip(" \t")
    out.nl = line.nl
    return out


def _collapse_blank_lines(lines: Iterable[_Mapped]) -> list[_Mapped]:
    """At most one blank line in a row, none at the start or the end."""
    out: list[_Mapped] = []
    for line in lines:
        if line.text or (out and out[-1].text):
            out.append(line)
    while out and not out[-1].text:
        out.pop()
    return out


# ---------------------------------------------------------------- canonical → raw offsets


def raw_runs(idx: list[int]) -> tuple[tuple[int, int], ...]:
    """Compress a per-character map into runs (canonical start, raw start) where both advance together."""
    runs: list[tuple[int, int]] = []
    prev = -2
    for i, raw in enumerate(idx):
        if raw != prev + 1:
            runs.append((i, raw))
        prev = raw
    return tuple(runs)


def raw_span(runs: Sequence[Sequence[int]], start: int, end: int) -> tuple[int, int] | None:
    """The [start, end) span of the canonical text as a span of the raw text; None without a map."""
    if not runs or end <= start:
        return None
    starts = [r[0] for r in runs]

    def at(i: int) -> int:
        k = max(bisect_right(starts, i) - 1, 0)
        return runs[k][1] + (i - runs[k][0])

    return at(start), at(end - 1) + 1
