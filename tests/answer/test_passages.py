"""The passage route on invented text: an English question's indicator words must all be covered."""

from __future__ import annotations

from rag.answer.passages import Context, passage_answer
from rag.answer.router import route
from rag.schemas import Chunk, Hit, ReportMeta

TEXT = ("上半年，全区实施重点项目9个，总投资18.2亿元，上半年完成投资3.1亿元。"
        "度假区接待游客41.5万人次，同比增长12.0%。")
META = ReportMeta(report_id="r1", path="r1.txt", content_hash="h", street="松岭旅游度假区管委会", period_covered="2024H1")
CHUNK = Chunk(chunk_id="r1:0", report_id="r1", street="松岭旅游度假区管委会", part="review", section="一、上半年工作",
              start=0, end=len(TEXT), text=TEXT, n_tokens=60)
CTX = Context(reports=[META], indicators=lambda key, kind: [], search=lambda q, k, f, per: [Hit(chunk=CHUNK, score=1.0)],
              rows=lambda place: [])


def test_english_question_quotes_the_sentence_of_the_indicator_asked() -> None:
    q = "How many tourists did the resort receive in the first half of 2024?"
    a = passage_answer(q, route(q, CTX.reports), CTX)
    assert a.route == "passage" and "41.5万人次" in a.text and "18.2亿元" not in a.text


def test_english_question_whose_words_no_sentence_covers_is_declined() -> None:
    q = "How many hotel beds did the resort add in the first half of 2024?"
    a = passage_answer(q, route(q, CTX.reports), CTX)
    assert a.route == "abstain"


def test_a_figure_question_the_table_cannot_answer_says_so_before_quoting() -> None:
    from rag.answer.passages import _one_figure_clause

    sentence = "全区实施重点项目9个，总投资18.2亿元，上半年完成投资3.1亿元。"
    assert not _one_figure_clause(sentence, ["锂电", "项目", "产值"])  # no clause states one figure of that
    assert _one_figure_clause(sentence, ["重点项目"])
