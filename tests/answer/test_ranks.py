"""Stated positions ('排名全县第2'): answered from the sentence that states them, for the subject asked."""

from __future__ import annotations

from rag.answer.figures import indicator_answer
from rag.answer.passages import Context
from rag.answer.router import route
from rag.evals.scoring import headline_figures
from rag.schemas import Chunk, Hit, ReportMeta

TEXT = ("一、2023年工作回顾\n全年固定资产投资完成3.2亿元，同比增长9.1%，税收总量排名全县第6，固定资产投资增速排名全县第二。"
        "在全县乡镇综合目标考核中位列第4名。")
META = ReportMeta(report_id="r1", path="r1.txt", content_hash="h", street="云石镇", period_covered="2023")
CHUNK = Chunk(chunk_id="r1:0", report_id="r1", street="云石镇", part="review", section="一、2023年工作回顾",
              start=100, end=100 + len(TEXT), text=TEXT, n_tokens=80)
CTX = Context(reports=[META], indicators=lambda key, kind: [], search=lambda q, k, f, per: [Hit(chunk=CHUNK, score=1.0)],
              rows=lambda place: [])


def ask(q: str):  # noqa: ANN201
    a = indicator_answer(q, route(q, CTX.reports), CTX)
    assert a is not None, q
    return a


def test_the_position_of_the_subject_asked_with_its_own_span() -> None:
    a = ask("云石镇2023年固定资产投资增速在全县排名第几？")
    assert a.route == "indicator" and a.text.startswith("云石镇:固定资产投资增速排名全县第二")
    c = a.citations[0]
    assert TEXT[c.start - 100 : c.end - 100] == c.quote == "固定资产投资增速排名全县第二"
    assert (2.0, "count") in headline_figures(a) and (6.0, "count") not in headline_figures(a)
    assert "第4名" in ask("云石镇2023年在全县综合目标考核中排名第几？").text


def test_english_and_a_position_the_report_does_not_state() -> None:
    a = ask("How did Yunshi town rank in the county's comprehensive target assessment in 2023?")
    assert a.text.startswith("Yunshi Town ranked 4th")
    a = ask("云石镇2023年粮食产量在全县排名第几？")
    assert a.route == "abstain" and not headline_figures(a)


def test_the_clause_that_states_a_position_says_growth_or_total() -> None:
    text = ("一、2023年工作回顾\n全年完成一般公共预算收入2210万元，同比增长6.4%，收入总量在全市12个镇中排第5位，"
            "增速排第3位。")
    chunk = CHUNK.model_copy(update={"text": text, "end": 100 + len(text)})
    ctx = Context(reports=[META], indicators=lambda key, kind: [],
                  search=lambda q, k, f, per: [Hit(chunk=chunk, score=1.0)], rows=lambda place: [])
    q = "Where did the growth of Yunshi town's general budget revenue rank among the city's towns in 2023?"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and a.text.startswith("Yunshi Town ranked 3rd"), a.text


def test_a_position_stated_without_a_verb() -> None:
    from rag.text.cues import STATED_RANK

    found = [m.group(1) for t in ("累计办件21000件，办结率全区第三", "增速全市第3", "全区第二大企业")
             for m in STATED_RANK.finditer(t)]
    assert found == ["三", "3", "二"]
    assert not any(STATED_RANK.search(t) for t in ("全区第三产业增加值", "全市第一批", "全区第一个"))


def test_scope_words_of_the_question_name_no_subject_and_a_year_the_sentence_names_counts() -> None:
    # the county named and the peers ('在某县乡镇里排第几') are the scope the report writes as 全县
    assert "第4名" in ask("云石镇在石阡县乡镇综合目标考核中排第几？").text
    text = "一、2024年工作回顾\n云石镇在全县2023年度乡镇目标责任考核中位列第5名，获评优秀等次。"
    chunk = CHUNK.model_copy(update={"text": text, "end": 100 + len(text)})
    meta = META.model_copy(update={"period_covered": "2024"})
    ctx = Context(reports=[meta], indicators=lambda key, kind: [], search=lambda q, k, f, per: [Hit(chunk=chunk, score=1.0)],
                  rows=lambda place: [])
    q = "云石镇在2023年度乡镇目标责任考核中排第几？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and "第5名" in a.text, a  # the 2024 report states 2023's position, naming the year


def test_a_line_that_names_its_measure_before_the_result_and_the_positions() -> None:
    text = ("一、上半年主要指标\n——全年税收收入预期目标增长5%。上半年完成2.36亿元，同比增长3.8%，规模排名全区第4，"
            "增幅排名全区第7。\n——全年固定资产投资目标36亿元。1-5月完成15.2亿元，增速排名全区第2。")
    chunk = CHUNK.model_copy(update={"text": text, "end": 100 + len(text)})
    ctx = Context(reports=[META], indicators=lambda key, kind: [],
                  search=lambda q, k, f, per: [Hit(chunk=chunk, score=1.0)], rows=lambda place: [])
    q = "云石镇上半年税收收入增幅在全区排第几？"
    a = indicator_answer(q, route(q, ctx.reports), ctx)
    assert a is not None and (7.0, "count") in headline_figures(a), a.text
    assert (2.0, "count") not in headline_figures(a)
