"""Page noise, pinyin glosses, header fields and the canonical → raw offset map (invented pages only)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.ingest.load import clean_text, load_bytes, raw_span

PAGE = (
    "# source: https://example.invalid/zwgk/2024/report.html\n"
    "索 引 号 | 11330000/2024-104525 | 组配分类 | 计划总结 |\n"
    "成文日期 | 2024-01-05 | 发布机构 | 柳湾镇人民政府 |\n"
    "[ 索引号 ] | 0012/2024-00001 | [ 发文字号 ] | 柳府发〔2024〕2号 |\n"
    "| | | |\n"
    "公开方式：主动公开\n"
    "信息来源：柳湾镇人民政府  发布时间：2024-01-06 10:22  浏览次数：128\n"
    "字号：[ 大 中 小 ]\n"
    "【打印】【关闭】\n"
    "柳湾镇2023年工作总结\n"
    "一、2023年工作总结\n"
    "全镇实现财政收入2310万元，同比增长6.5%。某某文库www.wenku.invalid\n"
    "规上工业总产值12.6亿元。某某文库www.wenku.invalid\n"
    "相关链接\n"
    "柳湾镇召开安全生产会议\n"
    "柳湾镇开展植树活动\n"
    "\n"
    "扫一扫在手机打开当前页\n"
    "粤ICP备00000000号\n"
)


def test_index_table_publisher_lines_and_widgets_are_removed() -> None:
    loaded = load_bytes(PAGE.encode(), "page.txt")
    text = loaded.text
    assert text.startswith("柳湾镇2023年工作总结\n一、2023年工作总结\n")
    for gone in ("索", "组配分类", "发布机构", "发文字号", "公开方式", "信息来源", "浏览次数", "字号", "打印",
                 "source", "wenku", "相关链接", "植树", "扫一扫", "ICP", "|"):
        assert gone not in text, gone
    assert "全镇实现财政收入2310万元，同比增长6.5%。" in text
    fields = loaded.header_fields
    assert fields["发布机构"] == "柳湾镇人民政府"
    assert fields["来源"] == "柳湾镇人民政府" and fields["信息来源"] == "柳湾镇人民政府"
    assert fields["索引号"] == "11330000/2024-104525"
    assert fields["发文字号"] == "柳府发〔2024〕2号"
    assert fields["成文日期"] == "2024-01-05"


def test_traditional_index_block_and_label_value_lines() -> None:
    page = "索 引 號：0012/2020-1\n發布機構：柳灣鎮\n來源：柳灣鎮 2020-02-21 14:49\n發布機構\n柳灣鎮\n正文第一句。\n"
    loaded = load_bytes(page.encode(), "t.txt")
    assert loaded.text == "正文第一句。"
    assert loaded.header_fields["发布机构"] == "柳湾镇"
    assert loaded.header_fields["来源"] == "柳湾镇"
    assert loaded.header_fields["日期"] == "2020-02-21 14:49"


def test_prose_starting_with_a_label_word_is_kept() -> None:
    prose = "来源于群众的意见建议共收集320条，已全部办结。"
    assert clean_text(prose) == (prose, 0)
    long = "时间：" + "全年完成固定资产投资8.6亿元，同比增长5.7%，" * 6
    assert clean_text(long)[0] == long


def test_repeated_watermark_lines_are_removed() -> None:
    text = "\n".join(["内部资料注意保存", "第一段正文。", "内部资料注意保存", "第二段正文。", "内部资料注意保存"])
    assert clean_text(text)[0] == "第一段正文。\n第二段正文。"


def test_glosses_are_stripped_from_the_canonical_text() -> None:
    page = "全區(qū)實現(xiàn)財政收入3.2億(yì)元，增長(zhǎng)5%。\n新增(zēng)萬(wàn)元戶(hù)12戶。"
    loaded = load_bytes(page.encode(), "g.txt")
    assert loaded.text == "全區實現財政收入3.2億元，增長5%。\n新增萬元戶12戶。"


def _norm(s: str) -> str:
    from rag.text.script import strip_glosses

    return re.sub(r"\s+", "", strip_glosses(s))


def test_raw_map_points_into_the_decoded_file() -> None:
    page = "\u3000\u3000" + PAGE.replace("全镇", "全\u00a0镇") + "区(qū)完成投资8.6億(yì)元。\r\n"
    raw = page
    loaded = load_bytes(page.encode(), "page.txt")
    text = loaded.text
    for m in re.finditer(r"[^。\n]+。", text):
        span = raw_span(loaded.raw_map, m.start(), m.end())
        assert span is not None
        assert _norm(raw[span[0] : span[1]]) == _norm(m.group(0)), (m.group(0), raw[span[0] : span[1]])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["正文内容。", "\u00a0", "\u3000", "\r\n", "\n", "區(qū)", " ", "打印", "增长5%",
                                 "发布机构：某镇", "\u200b", "字号：大 中 小"]), max_size=30))
def test_every_canonical_character_maps_to_itself(parts: list[str]) -> None:
    raw = "".join(parts)
    try:
        loaded = load_bytes(raw.encode(), "x.txt")
    except Exception:
        return
    for i, ch in enumerate(loaded.text):
        span = raw_span(loaded.raw_map, i, i + 1)
        assert span is not None
        got = raw[span[0] : span[1]]
        assert got == ch or (ch == " " and not got.strip()) or (ch == "\n" and got in "\r\n"), (i, ch, got)


def test_document_sharing_boilerplate_is_removed() -> None:
    lines = ["下面是小编为大家整理的工作总结范文，供大家参考。", "第1页共3页", "(阅读全部图文内容,您需要先登录!)",
             "---此处隐藏0字,下载后查看---", "(未完,全文共5200字,当前显示1500字)", "首页 上一页 1 2 3 下一页 尾页",
             "全镇实现财政收入2310万元。"]
    assert clean_text("\n".join(lines))[0] == "全镇实现财政收入2310万元。"


def test_a_figure_split_onto_its_own_line_is_joined_and_page_numbers_are_not() -> None:
    from rag.ingest.load import clean_text

    text = "全年完成工业投资\n8.35\n亿元，同比增长\n12%\n，好于预期。\n三、下一步打算\n2\n一是稳投资"
    out = clean_text(text)[0]
    assert "完成工业投资8.35亿元，同比增长12%，好于预期。" in out
    assert "三、下一步打算\n2\n一是稳投资" in out


def test_a_news_list_of_other_places_is_no_report_text() -> None:
    page = ("柳湾镇2023年工作总结\n"
            "全镇实现财政收入2310万元。\n"
            "- 桐岙镇2023年杨梅产量达1.8万吨 农户增收再创新高01-28\n"
            "竹岭乡茶叶种植面积突破2000亩 2024-01-22\n"
            "发布时间：2024-01-06\n"
            "规上工业总产值12.6亿元。\n")
    text = load_bytes(page.encode(), "page.txt").text
    assert "杨梅" not in text and "竹岭乡" not in text, text
    assert "财政收入2310万元" in text and "规上工业总产值12.6亿元" in text
