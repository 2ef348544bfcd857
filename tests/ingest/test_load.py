"""Tests for rag.ingest.load: decoding, format extraction, boilerplate removal and failure messages."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from rag.errors import IngestError, JiedaoError
from rag.ingest.load import SUPPORTED_SUFFIXES, LoadedText, clean_text, load_bytes, load_file

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
SIMPLIFIED = "布吉街道2022年工作总结\n全社会固定资产投资86.48亿元,同比增长5.7%(以统计公布为准);完成率102.5%。"
TRADITIONAL = "臺北市政府工作報告\n一、經濟發展穩定成長,全年營業額達到100億元,完成率102.5%。"
RARE = "𠮷野家与䶮字的街道工作总结\n全年完成投资12.5亿元。"
PARAGRAPH = (
    "2022年,在区委区政府的坚强领导下,街道深入学习贯彻党的二十大精神,全力推动各项事业发展取得新成效,"
    "全年规上工业总产值478.78亿元(以统计公布为准),全社会固定资产投资86.48亿元,同比增长5.7%。"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write bytes to a file under tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pdf_bytes(draw_text: bool = True) -> bytes:
    """A one-page reportlab PDF: a Chinese line (STSong-Light CID font) and an ASCII line, or a rectangle."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    if draw_text:
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(72, 700, "全社会固定资产投资86.48亿元,同比增长5.7%。")
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 680, "Total 2022: 478.78")
    else:
        pdf.rect(72, 600, 200, 100, fill=1)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _docx_bytes() -> bytes:
    """A .docx with a title property, two paragraphs, a table and a closing paragraph."""
    document = docx.Document()
    document.core_properties.title = "布吉街道2022年工作总结"
    document.add_paragraph("一、2022年主要工作")
    document.add_paragraph(PARAGRAPH)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "固定资产投资", "86.48亿元"
    document.add_paragraph("二、2023年工作计划")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- encodings


ENCODED = {
    "utf-8": (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    "utf-8-bom": (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    "gbk": (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
    "gb18030-rare": (RARE.encode("gb18030"), RARE, "gb18030"),
    "big5": (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
    "utf-16-le": (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
    "utf-16-be": (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
    "utf-32-bom": (SIMPLIFIED.encode("utf-32"), SIMPLIFIED, "utf-32"),
}


@pytest.mark.parametrize("case", sorted(ENCODED))
def test_text_encodings_decode(tmp_path: Path, case: str) -> None:
    data, expected, encoding = ENCODED[case]
    loaded = load_file(_write(tmp_path, "report.txt", data))
    assert loaded.text == expected
    assert loaded.encoding == encoding
    assert loaded.format == "txt"
    assert loaded.title_hint is None


def test_big5_short_title_alone(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "tw.txt", "臺北市政府工作報告".encode("big5")))
    assert loaded.text == "臺北市政府工作報告"


def test_short_gbk_fragment_is_not_read_as_big5(tmp_path: Path) -> None:
    text = "——党建引领势能强劲"
    loaded = load_file(_write(tmp_path, "short.txt", text.encode("gbk")))
    assert (loaded.text, loaded.encoding) == (text, "gb18030")


def test_hkscs_falls_back_to_charset_normalizer(tmp_path: Path) -> None:
    text = "香港特別行政區政府 𨋢 工作報告 2023年"
    loaded = load_file(_write(tmp_path, "hk.txt", text.encode("big5hkscs")))
    assert (loaded.text, loaded.encoding) == (text, "big5hkscs")


def test_markdown_is_plain_text(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "r.md", f"# 工作总结\n\n{PARAGRAPH}\n".encode()))
    assert loaded.format == "md"
    assert loaded.text == f"# 工作总结\n\n{PARAGRAPH}"


def test_mixed_line_endings_are_normalised(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "mixed.txt", "第一行\r\n第二行\n第三行\r第四行".encode()))
    assert loaded.text == "第一行\n第二行\n第三行\n第四行"
    assert "mixed line endings normalised" in loaded.warnings


def test_crlf_only_gives_no_warning(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "crlf.txt", "第一行\r\n第二行\r\n".encode()))
    assert loaded.text == "第一行\n第二行"
    assert loaded.warnings == []


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", "\u3000\u3000\n\u00a0".encode(), codecs.BOM_UTF8 + b"\n\n"]
)
def test_empty_or_blank_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match="empty file"):
        load_file(_write(tmp_path, "blank.txt", data))


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        b"ELF\x01\x02\x03\x04\x05\x06\x07\x08 some text \x10\x11\x12\x13\x14",
    ],
    ids=["random", "png", "controls"],
)
def test_binary_named_txt_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match=r"binary or unreadable file \(not text\)") as info:
        load_file(_write(tmp_path, "image.txt", data))
    assert info.value.path is not None and info.value.path.endswith("image.txt")


def test_png_gets_a_hint(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="PNG"):
        load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "upload.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no real 21 MB written

    def refuse(self: Path) -> bytes:
        raise AssertionError("the file was read before the size check")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(IngestError) as info:
        load_file(path)
    assert "file is 21.0 MB, above the 20 MB limit (JIEDAO_MAX_FILE_MB)" in str(info.value)


def test_bytes_over_a_custom_limit() -> None:
    with pytest.raises(IngestError, match=r"above the .* MB limit \(JIEDAO_MAX_FILE_MB\)"):
        load_bytes(SIMPLIFIED.encode() * 10, "u.txt", max_bytes=100)


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="unsupported file type '.exe'"):
        load_bytes(b"MZ", "tool.exe")
    with pytest.raises(IngestError, match="cannot read file"):
        load_file(tmp_path / "missing.txt")
    assert ".pdf" in SUPPORTED_SUFFIXES and ".htm" in SUPPORTED_SUFFIXES


# ---------------------------------------------------------------- HTML

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>布吉街道2022年工作总结_深圳市龙岗区政府</title>
<style>.nav {{ color: red }} body {{ font-size: 14px }}</style>
<script>var tracker = "SCRIPT_TEXT_SHOULD_VANISH"; alert("x");</script></head>
<body onload="init()">
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/gk">信息公开</a></div>
<div class="crumb">当前位置: 首页&nbsp;&gt;&nbsp;信息公开&nbsp;&gt;&nbsp;规划计划</div>
<article>
<h1>布吉街道2022年工作总结及2023年工作计划</h1>
<p>发布时间: 2023年07月11日 来源:龙岗区布吉街道办事处 浏览次数:- 字号:</p>
<p>&#12288;&#12288;{PARAGRAPH}</p>
<p>二是深化产业发展,持续优化营商环境,全年新增市场主体1.2万户,规上工业企业新增17家,
实现营收62.8亿元,同比增长5.93%;推动“数创谷”建设,服务企业超过300家。</p>
<p>三是强化民生保障,完成民生实事12项,新增学位3000个,建成口袋公园5个,
群众满意度持续提升,获评“深圳市年度夜间经济发展示范街道”。</p>
<img src="missing.png" onerror="alert('HANDLER_SHOULD_VANISH')">
<iframe src="https://example.invalid/embed">IFRAME_TEXT_SHOULD_VANISH</iframe>
</article>
<div class="share">分享到:</div>
<div class="tools">【打印】【关闭】</div>
<footer><p>版权所有:深圳市龙岗区布吉街道办事处 网站标识码:4403070001 粤ICP备12345678号</p>
<p>网站地图 | 联系我们</p></footer>
<script>document.write("SCRIPT_TEXT_SHOULD_VANISH")</script>
</body></html>"""


def test_html_page_keeps_body_and_drops_chrome(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert loaded.format == "html"
    assert loaded.encoding == "utf-8"
    assert loaded.title_hint == "布吉街道2022年工作总结及2023年工作计划"
    assert PARAGRAPH in loaded.text
    assert "全年新增市场主体1.2万户" in loaded.text and "民生实事12项" in loaded.text
    assert "规上工业企业新增17家,实现营收62.8亿元" in loaded.text  # source line break is not a space
    for gone in ("SCRIPT_TEXT", "HANDLER_SHOULD", "IFRAME_TEXT", "alert", "onerror", "font-size"):
        assert gone not in loaded.text
    for gone in ("当前位置", "分享到", "版权所有", "ICP备", "【打印】", "网站地图"):
        assert gone not in loaded.text


def test_html_main_text_comes_from_trafilatura_not_the_fallback(tmp_path: Path) -> None:
    """lxml_html_clean is installed (trafilatura needs it): the page is read without the tag-stripping fallback."""
    import lxml.html.clean  # noqa: F401  (a separate project since lxml 5.2; must be a declared dependency)

    loaded = load_file(_write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert not any("fell back" in w for w in loaded.warnings), loaded.warnings
    assert "全年新增市场主体1.2万户" in loaded.text and "当前位置" not in loaded.text


def test_html_in_gbk_with_meta_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="gb2312"')
    loaded = load_file(_write(tmp_path, "page.htm", page.encode("gb18030")))
    assert loaded.encoding == "gb18030"
    assert PARAGRAPH in loaded.text


def test_txt_that_is_html_is_parsed_as_html(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "saved.txt", PAGE.encode("utf-8")))
    assert loaded.format == "html"
    assert "content is HTML; parsed as HTML" in loaded.warnings
    assert "SCRIPT_TEXT" not in loaded.text and PARAGRAPH in loaded.text


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    broken = (
        f"<html><head><title>工作总结<body><div><p>{PARAGRAPH}<p>第二段:完成率102.5%,新增学位3000个。"
        "<b>未闭合的加粗<table><tr><td>投资<td>86.48亿元<script>alert('SCRIPT_TEXT')"
    )
    loaded = load_file(_write(tmp_path, "broken.html", broken.encode()))
    assert PARAGRAPH in loaded.text
    assert "完成率102.5%" in loaded.text
    assert "投资\t86.48亿元" in loaded.text or "投资 | 86.48亿元" in loaded.text
    assert "SCRIPT_TEXT" not in loaded.text


def test_html_with_only_markup_is_refused() -> None:
    with pytest.raises(IngestError, match="no text left"):
        load_bytes("<html><body><script>alert(1)</script><div>分享到:</div></body></html>".encode(), "p.html")


# ---------------------------------------------------------------- DOCX and PDF


def test_docx_paragraphs_and_table_in_order(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "report.docx", _docx_bytes()))
    assert loaded.format == "docx" and loaded.encoding is None
    assert loaded.title_hint == "布吉街道2022年工作总结"
    assert loaded.text.split("\n") == [
        "一、2022年主要工作",
        PARAGRAPH,
        "指标\t数值",
        "固定资产投资\t86.48亿元",
        "二、2023年工作计划",
    ]


@pytest.mark.parametrize("kind", ["random", "truncated"])
def test_damaged_docx(tmp_path: Path, kind: str) -> None:
    good = _docx_bytes()
    data = os.urandom(2048) if kind == "random" else good[: len(good) // 2]
    with pytest.raises(IngestError, match="DOCX is damaged or truncated: "):
        load_file(_write(tmp_path, "bad.docx", data))


def test_pdf_text_layer_with_chinese(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "report.pdf", _pdf_bytes()))
    assert loaded.format == "pdf" and loaded.encoding is None
    assert "Total 2022: 478.78" in loaded.text
    assert "全社会固定资产投资86.48亿元,同比增长5.7%。" in loaded.text


def test_pdf_with_a_blank_page_warns(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf_bytes())))
    writer.append(PdfReader(io.BytesIO(_pdf_bytes(draw_text=False))))
    buf = io.BytesIO()
    writer.write(buf)
    loaded = load_file(_write(tmp_path, "two.pdf", buf.getvalue()))
    assert "Total 2022: 478.78" in loaded.text
    assert "1 of 2 PDF pages have no text layer" in loaded.warnings


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"PDF has no text layer \(scanned\?\); run OCR first"):
        load_file(_write(tmp_path, "scan.pdf", _pdf_bytes(draw_text=False)))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = _pdf_bytes()
    with pytest.raises(IngestError, match="PDF is damaged or truncated: "):
        load_file(_write(tmp_path, "cut.pdf", data[: len(data) // 2]))


def test_garbage_pdf(tmp_path: Path) -> None:
    data = b"%PDF-1.4\n" + os.urandom(3000) + b"\n%%EOF\n"
    with pytest.raises(IngestError, match="PDF is damaged or truncated|PDF has no text layer"):
        load_file(_write(tmp_path, "junk.pdf", data))


def _encrypted_pdf(user_password: str) -> bytes:
    """The reportlab test PDF encrypted by pypdf with the given user password."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf_bytes())))
    writer.encrypt(user_password, owner_password="owner-secret")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="PDF is encrypted"):
        load_file(_write(tmp_path, "locked.pdf", _encrypted_pdf("secret")))


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "owner-only.pdf", _encrypted_pdf("")))
    assert "Total 2022: 478.78" in loaded.text


# ---------------------------------------------------------------- clean_text


def test_clean_text_spaces_controls_and_blank_lines() -> None:
    raw = "\u3000\u3000标题\u00a0一 \n\n\n\n  正文\u200b内容\x07,完成率(102.5%)\t\n\n\n结尾\ufeff"
    assert clean_text(raw) == ("标题 一\n\n正文内容,完成率(102.5%)\n\n结尾", 0)


def test_clean_text_keeps_half_width_punctuation() -> None:
    text = "全年完成投资86.48亿元,同比增长5.7%;完成率:102.5%(以统计公布为准)。"
    assert clean_text(text) == (text, 0)


def test_clean_text_removes_boilerplate_lines() -> None:
    lines = [
        "回到",
        "顶部",
        "当前位置: 首页 > 信息公开 > 规划计划",
        "首页 » 新闻 » 通知",
        "标题2023年工作总结",
        "字号:大 中 小",
        "扫一扫在手机打开当前页",
        "分享到:",
        "【打印】【关闭】",
        "上一篇:关于开展安全检查的通知",
        "相关政策法规/解读",
        "版权所有 © 深圳市人民政府 粤ICP备05000000号",
        "footer",
    ]
    text, removed = clean_text("\n".join(lines))
    assert text == "标题2023年工作总结"
    assert removed == len(lines) - 1


def test_publisher_line_leaves_the_text_and_becomes_header_fields() -> None:
    text, removed = clean_text("发布时间: 2023年07月11日 来源:某街道办事处 浏览次数:- T浏览字号:\n正文")
    assert (text, removed) == ("正文", 1)
    loaded = load_bytes("发布时间: 2023年07月11日 来源:某街道办事处 浏览次数:- T浏览字号:\n正文".encode(), "a.txt")
    assert loaded.header_fields["发布日期"] == "2023年07月11日"
    assert loaded.header_fields["来源"] == "某街道办事处"


def test_clean_text_never_drops_long_prose_with_trigger_words() -> None:
    prose = (
        "分享到各社区的经验做法持续推广,打印宣传册1200份,门户网站首页 > 专栏建设已完成,"
        "主动联系我们的企业和群众超过3000人次,版权所有权登记服务新增15项。"
    )
    assert len(prose) > 60
    assert clean_text(prose) == (prose, 0)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)[0]
    assert clean_text(once) == (once, 0)


BOILERPLATE_BITS = [
    *"回到 首页 打印 【 】 版权所有 正文内容 footer 分享到: 字号: 浏览次数: 2023年1月1日".split(),
    *[" > ", "\n", "\r", "\u3000", "\u200b", "\x0c", "\t", " "],
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(BOILERPLATE_BITS), max_size=30))
def test_clean_text_is_idempotent_on_boilerplate_soup(parts: list[str]) -> None:
    once = clean_text("".join(parts))[0]
    assert clean_text(once) == (once, 0)


# ---------------------------------------------------------------- fuzz


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_as_txt_never_crash(data: bytes) -> None:
    try:
        result = load_bytes(data, "x.txt")
    except IngestError as exc:
        assert isinstance(exc, JiedaoError) and "\n" not in str(exc)
        return
    assert isinstance(result, LoadedText) and result.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=1500))
def test_random_text_as_html_never_crashes(text: str) -> None:
    try:
        result = load_bytes(text.encode("utf-8", "surrogatepass"), "x.html")
    except IngestError:
        return
    assert isinstance(result, LoadedText) and result.text


TAG_SOUP = [*"<p> </p> <div> <script> </script> <iframe> <b> 正文 &amp; <!-- -->".split(), "\n"]
TAG_SOUP += "<![CDATA[ <title> <h1> </h1> < > onerror=x <style>".split()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TAG_SOUP), max_size=40))
def test_random_tag_soup_never_crashes(parts: list[str]) -> None:
    try:
        load_bytes("".join(parts).encode("utf-8"), "x.html")
    except IngestError:
        pass


# ---------------------------------------------------------------- the sample corpus


def _sample_files() -> list[Path]:
    """The five sample reports shipped in data/reports."""
    return sorted(REPORTS.glob("*.txt"))


def _space_normalised(line: str) -> str:
    """A source line as clean_text prints it: odd spaces -> ASCII, indentation and trailing spaces gone."""
    return line.replace("\u00a0", " ").replace("\u3000", " ").strip(" \t")


def test_sample_corpus_is_present() -> None:
    assert len(_sample_files()) == 5


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.name[:3])
def test_sample_long_lines_survive_verbatim(path: Path) -> None:
    loaded = load_file(path)
    kept = set(loaded.text.split("\n"))
    long_lines = [line for line in path.read_text(encoding="utf-8").split("\n") if len(line) > 60]
    assert long_lines
    for line in long_lines:
        assert _space_normalised(line) in kept


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_sample_html_scrapes_are_cleaned(prefix: str) -> None:
    path = next(p for p in _sample_files() if p.name.startswith(prefix))
    loaded = load_file(path)
    source_lines = [_space_normalised(line) for line in path.read_text(encoding="utf-8").split("\n")]
    title = next(line for line in source_lines if "工作总结及" in line)
    assert loaded.text.startswith(title + "\n")
    for gone in ("回到", "扫一扫", "分享到", "footer", "相关政策法规/解读", "当前位置", "浏览次数", "字号"):
        assert gone not in loaded.text
    date = loaded.header_fields["发布日期"]  # the publisher line leaves the text, its fields stay available
    assert "年" in date and "月" in date and "日" in date
    assert loaded.removed_lines >= 4


def test_sample_001_title_and_date() -> None:
    loaded = load_file(next(p for p in _sample_files() if p.name.startswith("001")))
    assert loaded.text.startswith("布吉街道2022年工作总结及2023年工作计划\n\n一、")
    assert loaded.header_fields["发布日期"].startswith("2023年07月11日")


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_plain_samples_are_unchanged(prefix: str) -> None:
    path = next(p for p in _sample_files() if p.name.startswith(prefix))
    original = path.read_text(encoding="utf-8")
    loaded = load_file(path)
    assert loaded.text == "\n".join(_space_normalised(line) for line in original.split("\n")).strip("\n")
    assert loaded.removed_lines == 0 and loaded.warnings == [] and loaded.encoding == "utf-8"


def test_a_stamp_glued_after_every_line_is_removed() -> None:
    stamp = "Zx9镇村资料站--服务基层"
    lines = ["某镇2023年工作总结", "2023年工作回顾" + stamp] + [f"第{n}项工作完成投资{n}.2亿元。{stamp}" for n in range(1, 8)]
    cleaned, _ = clean_text("\n".join(lines))
    assert stamp not in cleaned and "2023年工作回顾" in cleaned and "第3项工作完成投资3.2亿元。" in cleaned


PORTAL = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2023年工作总结及2024年工作安排_规划计划_某县人民政府</title></head><body>
<div class="header"><h1>某县人民政府</h1></div>
<ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li></ul>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 乡镇 &gt; 规划计划</div>
<table class="meta">
<tr><td>索 引 号：</td><td>11000000-1/2024-00031</td><td>分　　类：</td><td>规划计划</td></tr>
<tr><td>发布机构：</td><td>某县枫岙镇</td><td>发文日期：</td><td>2024年01月18日</td></tr>
</table>
<div class="article"><h2>2023年工作总结及2024年工作安排</h2>
<div class="info">发布时间：2024-01-18 09:30　来源：枫岙镇人民政府　浏览次数：<span>211</span></div>
<div class="content">
<p>一、2023年工作总结</p>
<p>一年来，全镇上下凝心聚力，经济社会平稳发展。全年完成一般公共预算收入2360万元，同比增长6.8%；完成固定资产投资3.1亿元。</p>
<p>新建农村公路12公里，改造危房36户，新增城乡居民医保参保人数820人，全年接待游客18.6万人次。</p>
<p>二、2024年工作安排</p>
<p>力争一般公共预算收入增长6%以上，固定资产投资达到3.4亿元。</p>
</div></div>
<div class="footer">版权所有：某县人民政府 网站标识码：0000000000</div>
</body></html>"""


def test_a_portal_page_names_its_town_only_in_the_index_table_and_source_line(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "portal.html", PORTAL.encode("utf-8")))
    assert loaded.title_hint == "2023年工作总结及2024年工作安排"  # the portal's own name is no title
    assert loaded.header_fields.get("发布机构") == "某县枫岙镇" and loaded.header_fields.get("来源") == "枫岙镇人民政府"
    assert "一般公共预算收入2360万元" in loaded.text and "某县人民政府" not in loaded.text.splitlines()[0]
