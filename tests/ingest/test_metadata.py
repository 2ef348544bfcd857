"""Place and period detection on invented report snippets, and place/period overrides."""

from pathlib import Path

from rag.corpus import Corpus
from rag.ingest.metadata import detect_metadata
from rag.ingest.sections import parse_sections, plan_start


def meta_of(text: str, **kw):
    return detect_metadata(text, plan_start=plan_start(parse_sections("t", text)), **kw)


BODY = "（一）经济运行\n全年实现财政收入1.36亿元，同比增长5.2%。\n"


def test_slogans_are_never_places():
    text = ("2023年，我镇深入实施“百县千镇万村高质量发展工程”，推进千村示范、平安乡村、和美乡村、数字乡村建设。\n"
            "一、2023年工作总结\n" + BODY)
    meta = meta_of(text)
    assert meta.street is None


def test_city_in_front_is_not_the_street():
    text = "清远市凤岭街道2023年工作总结和2024年工作计划\n一、2023年工作总结\n" + BODY
    assert meta_of(text).street == "凤岭街道"


def test_town_name_ending_in_zhen_kept_whole():
    text = "2023年，牛镇镇在太湖县委县政府的坚强领导下，全镇经济稳中有进。\n一、2023年工作总结\n" + BODY
    meta = meta_of(text)
    assert (meta.street, meta.district, meta.city, meta.province) == ("牛镇镇", "太湖县", "安庆市", "安徽省")
    invented = "石镇镇2023年工作总结\n一、2023年工作总结\n2023年，我镇各项工作稳步推进。\n" + BODY
    assert meta_of(invented).street == "石镇镇"


def test_a_name_with_a_sun_or_year_in_it_is_a_name_a_date_is_not():
    # transliterated 苏木 and 嘎查 names hold 日 (哈日…); a day before a unit word ('18日镇…') is a date
    text = "巴日乌兰苏木2023年工作总结\n\n巴日乌兰苏木人民政府\n2023年12月26日\n\n一、2023年工作总结\n" + BODY
    assert meta_of(text).street == "巴日乌兰苏木"
    assert meta_of("年丰镇2023年工作总结\n一、2023年工作总结\n我镇" + BODY).street == "年丰镇"


def test_offices_and_committees():
    assert meta_of("城南办事处2023年工作总结\n一、2023年工作总结\n我处" + BODY).street == "城南办事处"
    assert meta_of("枫林街道办事处2023年工作总结\n一、2023年工作总结\n" + BODY).street == "枫林街道"
    text = "通化市云台山旅游度假区管理委员会\n2024年上半年工作总结及下半年工作计划\n一、上半年工作\n" + BODY
    meta = meta_of(text)
    assert meta.street == "云台山旅游度假区管委会"
    assert meta.period_covered == "2024H1"


def test_unnamed_report_takes_the_title_line_and_marks_it_inferred():
    text = "虞城县柳沟乡2022年工作总结和2023年工作谋划\n一、2022年工作开展情况\n2022年，我乡在县委、县政府领导下。\n" + BODY
    meta = meta_of(text)
    assert (meta.street, meta.district, meta.city) == ("柳沟乡", "虞城县", "商丘市")
    assert "street" in meta.inferred
    assert meta.evidence["place_checked"] == "false"  # an invented 乡 the gazetteer does not know


def test_file_name_when_the_text_names_no_place():
    text = "一、2023年工作总结\n今年以来，我镇坚持稳中求进。\n" + BODY
    meta = meta_of(text, file_name="松岭镇2023年工作总结.docx")
    assert meta.street == "松岭镇"
    assert "street" in meta.inferred


def test_publisher_field_names_the_place():
    text = "2023年1-10月工作总结及2024年工作思路\n一、1-10月工作开展情况\n1-10月，全镇完成税收3100万元。\n"
    meta = meta_of(text, header_fields={"来源": "衡东县新塘镇人民政府"})
    assert (meta.street, meta.district, meta.province) == ("新塘镇", "衡东县", "湖南省")
    assert meta.period_covered == "2023M01-M10"


def test_same_named_towns_told_apart_by_the_county_named():
    a = meta_of("2023年，新塘镇在增城区委区政府的坚强领导下，经济稳中有进。\n一、2023年工作总结\n" + BODY)
    b = meta_of("2023年，新塘镇在衡东县委县政府的坚强领导下，经济稳中有进。\n一、2023年工作总结\n" + BODY)
    assert (a.street, a.district, a.city) == ("新塘镇", "增城区", "广州市")
    assert (b.street, b.district, b.city) == ("新塘镇", "衡东县", "衡阳市")


def test_neighbour_named_in_passing_loses_to_the_report_own_place():
    text = ("锦溪镇2023年工作总结\n一、2023年工作总结\n2023年，锦溪镇与赤坎镇联合举办文旅节，"
            "全镇游客增长12%。\n" + BODY)
    assert meta_of(text).street == "锦溪镇"


def test_review_heading_year_beats_the_title_year():
    text = "2024年柳溪镇政府工作报告\n一、2023年工作回顾\n" + BODY + "二、2024年工作安排\n力争财政收入增长6%。\n"
    meta = meta_of(text)
    assert (meta.period_covered, meta.plan_period) == ("2023", "2024")


def test_report_written_before_year_end():
    text = ("柳溪镇2023年工作总结和2024年工作计划\n一、2023年工作总结\n1-10月，完成财政收入1.1亿元。"
            "预计全年完成财政收入1.4亿元。\n二、2024年工作计划\n力争增长6%。\n")
    meta = meta_of(text)
    assert meta.period_covered == "2023"
    assert "written before year end (figures to 1-10月, 预计全年)" in meta.notes


def test_half_year_report():
    text = "柳溪镇2024年上半年工作总结及下半年工作计划\n一、上半年工作总结\n1-5月，完成投资2.1亿元。\n二、下半年工作计划\n抓项目。\n"
    meta = meta_of(text)
    assert (meta.period_covered, meta.plan_period) == ("2024H1", "2024H2")


def test_override_updates_report_and_figure_rows_and_survives_reingest(settings, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("一、2023年工作总结\n2023年，我镇完成财政收入1.36亿元，同比增长5.2%。\n", encoding="utf-8")
    c = Corpus(settings)
    (result,) = c.ingest([path], embed=False, place="新塘镇", period="2022")
    meta = c.find_report(result.report_id)
    assert (meta.street, meta.period_covered, meta.evidence["street"]) == ("新塘镇", "2022", "override")
    rows = c.indicators(street="新塘镇")
    assert rows and all(r.street == "新塘镇" for r in rows)
    c.remove(result.report_id)
    (again,) = c.ingest([path], embed=False)  # the override is remembered for the path
    assert c.find_report(again.report_id).street == "新塘镇"
    updated = c.set_metadata(again.report_id, place="松岭镇")
    assert updated.street == "松岭镇" and c.indicators(street="松岭镇")


def test_markdown_title_line():
    text = "# 柳塘街道2023年工作总结\n\n一、2023年工作总结\n2023年，柳塘街道全年地区生产总值110.4亿元。\n"
    assert meta_of(text).street == "柳塘街道"


def test_title_with_a_year_and_a_publisher_field_beat_a_township_found_inside_a_word() -> None:
    from rag.ingest.metadata import detect_metadata

    text = ("发文机构：北川县柳坪镇　发布日期：2025年01月10日\n\n2025年柳坪镇人民政府工作报告\n\n一、2024年工作回顾\n"
            "全年实施集镇污水管网改造1.2公里，完成集镇道路硬化3公里。")
    assert detect_metadata(text).street == "柳坪镇"


def test_a_congress_report_is_placed_by_its_dateline_and_the_mayor_line() -> None:
    from rag.ingest.metadata import detect_metadata

    text = ("政府工作报告\n\n——2024年1月9日在桂溪镇第十七届人民代表大会第三次会议上\n\n东岭县桂溪镇人民政府镇长  某某\n\n"
            "各位代表：\n一、2023年工作回顾\n全年完成固定资产投资3.2亿元。")
    assert detect_metadata(text).street == "桂溪镇"


def test_a_new_year_address_names_its_place_and_year() -> None:
    from rag.ingest.metadata import detect_metadata

    text = ("岚溪镇党委 岚溪镇人民政府新春贺词\n瑞雪兆丰年。值此新春佳节之际，向全镇干部群众致以问候！\n回望2024年，全镇经济稳中向好。"
            "全镇一般公共预算本级收入完成1.12亿元，同比增长5.1%。\n")
    meta = detect_metadata(text)
    assert meta.street == "岚溪镇" and meta.period_covered == "2024"


def test_a_congress_report_titled_with_its_delivery_year_reviews_the_year_before() -> None:
    from rag.ingest.metadata import detect_metadata

    text = ("(某市)2024年岚溪镇人民政府工作报告\n\n——2024年1月16日在岚溪镇第十八届人民代表大会第四次会议上\n\n各位代表：\n\n"
            "2023年工作回顾\n\n一、经济运行稳中向好\n全镇一般公共预算收入3120万元，同比增长6.2%。\n")
    assert detect_metadata(text).period_covered == "2023"


def test_a_mirror_title_in_brackets_of_its_county_names_an_unlisted_township() -> None:
    from rag.ingest.metadata import detect_metadata

    text = ("导航菜单\n\n(仙桃市)菱湾镇2022年前三季度工作总结及第四季度工作打算\n\n2022年以来，菱湾镇各项工作稳步推进。\n\n"
            "一、主要经济指标完成情况\n截至9月底，全镇规模以上工业总产值12.4亿元，增长11.2%。\n")
    meta = detect_metadata(text)
    assert meta.street == "菱湾镇" and meta.title.startswith("菱湾镇2022年") and meta.district == "仙桃市"
