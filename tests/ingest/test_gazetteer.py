"""The township gazetteer: lookups, short forms, and same-named places told apart by the text."""

from rag.ingest import gazetteer


def test_township_has_its_path():
    (place,) = gazetteer.lookup("观湖街道")
    assert (place.province, place.city, place.county) == ("广东省", "深圳市", "龙华区")
    assert place.path() == "广东省/深圳市/龙华区/观湖街道"


def test_same_named_towns_resolved_by_the_county_the_text_names():
    assert len(gazetteer.lookup("新塘镇")) > 1
    assert gazetteer.resolve("新塘镇", "在增城区委区政府的坚强领导下，全镇经济稳中有进。").county == "增城区"
    assert gazetteer.resolve("新塘镇", "衡东县新塘镇2023年工作总结").county == "衡东县"
    assert gazetteer.resolve("新塘镇", "全镇经济稳中有进。") is None  # nothing to tell them apart


def test_short_county_name_is_enough():
    assert gazetteer.resolve("平湖街道", "举办龙岗平湖行活动").county == "龙岗区"


def test_counties_by_short_and_autonomous_forms():
    assert gazetteer.resolve_county("彭水县", "").name == "彭水苗族土家族自治县"
    assert gazetteer.resolve_county("河东区", "建设美丽天津").city == "天津市"
    assert gazetteer.resolve_county("开平市", "").city == "江门市"


def test_is_township_and_no_office_entries():
    assert gazetteer.is_township("牛镇镇")  # a name that itself ends in 镇
    assert not gazetteer.is_township("县千镇")
    assert not gazetteer.lookup("布吉街道办事处")


def test_division_forms_full_and_short():
    assert gazetteer.division_forms("永丰县") == {"永丰县", "永丰"}
    assert {"彭水县", "彭水"} <= gazetteer.division_forms("彭水苗族土家族自治县")
    assert gazetteer.division_forms("丰县") == {"丰县"}  # one character left: no short form
    assert gazetteer.division_forms("北河县") == {"北河县", "北河"}  # a name the gazetteer lacks: suffix stripped


def test_same_division_needs_a_whole_name_or_a_path():
    assert gazetteer.same_division("永丰", "永丰县")
    assert gazetteer.same_division("江西省永丰县", "永丰县")
    assert gazetteer.same_division("江西永丰", "永丰县")
    assert gazetteer.same_division("彭水县", "彭水苗族土家族自治县")
    assert not gazetteer.same_division("丰县", "永丰县")  # a different county, not a short form
    assert not gazetteer.same_division("吉安市", "吉安县")  # a city and a county of one short name
    assert not gazetteer.same_division("隆回县", "永丰县")
