"""File -> clean text: encoding detection, HTML/DOCX/PDF extraction and web-boilerplate removal."""

from __future__ import annotations

import codecs
import io
import logging
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import IngestError, JiedaoError

__all__ = ["SUPPORTED_SUFFIXES", "LoadedText", "clean_text", "load_bytes", "load_file"]

if TYPE_CHECKING:
    from docx.table import Table

_log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024
_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


@dataclass(frozen=True)
class LoadedText:
    """A file turned into canonical clean text; every later char offset refers to `text`."""

    text: str
    encoding: str | None
    format: str
    removed_lines: int
    warnings: list[str] = field(default_factory=list)
    title_hint: str | None = None


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
    text = _normalise_chars(text)
    kept: list[str] = []
    removed = 0
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        if line and _is_boilerplate(line):
            removed += 1
            continue
        kept.append(_strip_meta_noise(line))
    return "\n".join(_collapse_blank_lines(kept)), removed


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
    text, removed = clean_text(extracted.text)
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
        title_hint=_one_line(extracted.title_hint),
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
    if page.h1 and page.h1 not in main[: len(page.h1) + 200]:
        main = f"{page.h1}\n\n{main}"
    return _Extracted(text=main, encoding=encoding, title_hint=page.h1 or page.title, warnings=warnings)


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
    head = re.split(r"\s+[-|–—]\s+|_|\|", title, maxsplit=1)[0].strip()
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
_VIEW_COUNT = r"(?:浏览次数|点击数|点击量|阅读次数|阅读量|访问量|浏览量)"
_META_NOISE = re.compile(rf"\s*(?:{_VIEW_COUNT}|T?浏览字号|字号)\s*[::].*$")
_BOILERPLATE_EXACT = frozenset(
    "回到 顶部 回到顶部 返回顶部 首页 网站首页 新闻 打印 关闭 分享 分享到 字号 footer header nav "
    "T浏览 无障碍 无障碍浏览 长者模式 关怀版 繁體 繁体 简体 English 登录 注册 搜索 扫一扫".split()
)
_ACTION = r"(?:打印|关闭|打印本页|打印此页|关闭窗口|关闭本页|收藏|返回|返回顶部|返回列表|保存)"
_BOILERPLATE_ANCHORED = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[::].{0,200}",
        r"(?:网站)?首页\s*(?:>|>|»|›)\s*.{0,200}",
        r"字号\s*[::]?\s*(?:[大中小]\s*)*",
        r"(?:分享到|分享至)\s*[::]?.{0,30}",
        r"扫一扫.{0,30}",
        rf"(?:[【\[]?\s*{_ACTION}\s*[】\]]?\s*)+",
        r"(?:上一篇|下一篇|上一条|下一条)\s*[::]?.{0,100}",
        rf"{_VIEW_COUNT}\s*[::].{{0,30}}",
        r"(?:相关(?:政策法规|政策|法规|链接|新闻|阅读|文章|文件|附件|稿件|推荐)|相关解读)"
        r"(?:\s*[/、|]\s*(?:解读|链接))?\s*[::]?",
        r"(?:版权所有|(?i:copyright)|©|主办单位\s*[::]|承办单位\s*[::]|技术支持\s*[::]|网站标识码).{0,200}",
        r".{0,100}(?:ICP备|ICP证|公网安备).{0,100}",
    )
)
_BOILERPLATE_MARKERS = tuple("版权所有 © ICP备 网站标识码 主办单位 技术支持 联系我们 网站地图".split())
_BREADCRUMB_ARROWS = (">", ">", "»", "›")


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


def _strip_meta_noise(line: str) -> str:
    """On a publish-date line, drop the trailing view-count / font-size widgets but keep the date."""
    match = _DATE.search(line)
    if not match or len(line) > 2 * _SHORT_LINE:
        return line
    return (line[: match.end()] + _META_NOISE.sub("", line[match.end() :])).rstrip(" \t")


def _collapse_blank_lines(lines: Iterable[str]) -> list[str]:
    """At most one blank line in a row, none at the start or the end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
