"""Every string the app's interface shows, in Chinese (default) and English: `ui(key, lang, **kw)`.

One catalog so the interface language follows the user everywhere (issue 17); answer wordings live with the
answers. Display units for charts are here too, since they are interface wording (亿元 / CNY bn).
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

UI: dict[str, tuple[str, str]] = {
    # page and sidebar
    "page_title": ("Jiedao 街道报告", "Jiedao sub-district reports"),
    "title": ("街道工作报告", "Sub-district work reports"),
    "language": ("界面语言", "Interface language"),
    "mode_offline": ("离线模式：抽取式回答", "offline — extractive answers"),
    "mode_llm": ("大模型：{host} · {model}", "LLM — {host} · {model}"),
    "view": ("视图", "View"),
    "view_chat": ("问答", "Chat"),
    "view_indicators": ("指标", "Indicators"),
    "view_reports": ("报告", "Reports"),
    "view_summaries": ("摘要", "Summaries"),
    "reports_n": ("报告（{n}）", "Reports ({n})"),
    "add_reports": ("添加报告", "Add reports"),
    "ingesting": ("正在导入 {n} 个文件…", "Ingesting {n} file(s)…"),
    "ingest_done": ("导入结果：新增 {added}，替换 {replaced}，重复 {duplicate}，失败 {failed}",
                    "Upload: {added} added, {replaced} replaced, {duplicate} duplicate, {failed} failed"),
    "status_added": ("已新增", "added"),
    "status_replaced": ("已替换旧版本", "replaced"),
    "status_unchanged": ("未变化（已导入过）", "unchanged (already ingested)"),
    "status_duplicate": ("重复，未再次添加", "duplicate, not added twice"),
    "status_failed": ("失败", "failed"),
    "dense_progress": ("语义索引：{done}/{total} 段", "dense index: {done}/{total} chunks"),
    "dense_pending": ("语义索引：{done}/{total} 段（期间使用关键词检索）",
                      "dense index: {done}/{total} chunks (keyword search meanwhile)"),
    "dense_error": ("语义索引：{done}/{total} 段 — {error}", "dense index: {done}/{total} chunks — {error}"),
    "filters": ("筛选", "Filters"),
    "choose": ("请选择", "Choose"),
    "f_places": ("街道", "Places"),
    "f_years": ("年份", "Years"),
    "f_parts": ("部分", "Part"),
    "part_review": ("工作总结（已完成）", "review (achieved)"),
    "part_plan": ("工作计划（目标）", "plan (targets)"),
    "unknown": ("未知", "unknown"),
    "place_unknown": ("街道不明", "place unknown"),
    "district_unknown": ("区不明", "district unknown"),
    "plan_suffix": ("（含{period}计划）", " (+ plan {period})"),
    # chat
    "ask_placeholder": ("问一个关于报告的问题", "Ask about the reports"),
    "searching": ("正在检索报告…", "Searching the reports…"),
    "examples": ("示例问题", "Try one of these"),
    "understood": ("理解为：{what}", "Understood as: {what}"),
    "u_place": ("地点 {v}", "place {v}"),
    "u_all_places": ("全部街道", "all places"),
    "u_indicator": ("指标 {v}", "indicator {v}"),
    "u_period": ("期间 {v}", "period {v}"),
    "u_rank_desc": ("从高到低排名", "ranked highest first"),
    "u_rank_asc": ("从低到高排名", "ranked lowest first"),
    "u_aggregate": ("合计", "total"),
    "u_trend": ("历年变化", "over time"),
    "u_open": ("原文检索", "passage search"),
    "flagged": ("大模型给出的某个数字无法与原文对应，请以下方引文为准。",
                "An LLM-phrased figure could not be matched to the sources; rely on the citations below."),
    "searched": ("已查找：{what}", "searched: {what}"),
    "unexpected": ("意外错误：{what}", "unexpected error: {what}"),
    "col_rank": ("排名", "rank"),
    "col_place": ("街道", "place"),
    "col_value": ("数值", "value"),
    "col_period": ("期间", "period"),
    "col_kind": ("类型", "kind"),
    "col_indicator": ("指标", "indicator"),
    "col_source": ("出处", "source"),
    "col_part": ("部分", "part"),
    "col_quote": ("原文", "source text"),
    "col_report": ("报告", "report"),
    "not_reported": ("未报告", "not reported"),
    "report_chars": ("报告 {rid} · 第 {start}–{end} 字", "report {rid} · chars {start}–{end}"),
    # kinds
    "kind_actual": ("实际", "actual"),
    "kind_estimate": ("预计", "estimate"),
    "kind_target": ("目标", "target"),
    "kind_yoy_growth": ("同比增长", "year-on-year growth"),
    "kind_completion_rate": ("完成率", "completion rate"),
    "kind_cumulative": ("累计", "cumulative"),
    "kind_share": ("占比", "share"),
    # indicators
    "all": ("（全部）", "(all)"),
    "ind_place": ("街道", "Place"),
    "ind_key": ("指标", "Indicator"),
    "ind_kind": ("类型", "Kind"),
    "ind_count": ("共 {total} 项指标，显示 {n} 项", "{n} of {total} indicators"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_json": ("下载 JSON", "Download JSON"),
    "download_xlsx": ("下载 Excel（XLSX）", "Download Excel (XLSX)"),
    "compare": ("街道对比", "Compare places"),
    "compare_on": ("对比指标", "Compare places on"),
    "left_out": ("{n} 个数字的单位不同（非{unit}），未画入图中。",
                 "{n} figure(s) in a unit other than {unit} left out of the chart."),
    "series": ("历年变化", "Over time"),
    "series_place": ("街道", "Place"),
    "series_key": ("指标", "Indicator"),
    "series_none": ("该街道此指标只有一个期间的数字。", "This place reports this indicator for one period only."),
    "evidence": ("原文出处", "Evidence"),
    "show_source": ("查看出处", "Show the source of"),
    "no_rows": ("没有符合条件的指标。", "No indicators match."),
    # reports
    "reports_total": ("共 {n} 份报告；展开一份可查看元数据、修改、删除或重新导入。",
                      "{n} reports; open one to see its metadata, edit, remove or re-ingest it."),
    "more_reports": ("另有 {n} 份报告，见“报告”视图。", "{n} more in the Reports view."),
    "reports_none": ("还没有报告：请在侧栏上传。", "No reports yet: upload one in the sidebar."),
    "meta_place": ("街道", "Place"),
    "meta_district": ("区", "District"),
    "meta_city": ("市", "City"),
    "meta_province": ("省", "Province"),
    "meta_period": ("报告期", "Period covered"),
    "meta_plan": ("计划期", "Plan period"),
    "meta_title": ("标题", "Title"),
    "meta_path": ("来源文件", "Source file"),
    "meta_chars": ("字数", "Characters"),
    "meta_notes": ("说明", "Notes"),
    "meta_figures": ("指标数", "Figures"),
    "inferred": ("（推断）", " (inferred)"),
    "edit_meta": ("修改元数据", "Edit metadata"),
    "save": ("保存", "Save"),
    "saved": ("已保存。", "Saved."),
    "edit_unavailable": ("此版本不支持修改元数据。", "Editing metadata is not available in this version."),
    "remove": ("删除报告", "Remove report"),
    "removed": ("已删除：{name}", "Removed: {name}"),
    "reingest": ("重新导入", "Re-ingest"),
    "reingested": ("已重新导入：{name}（{status}）", "Re-ingested: {name} ({status})"),
    "period_hint": ("如 2023、2024H1、2024M01-M05", "e.g. 2023, 2024H1, 2024M01-M05"),
    # summaries
    "report": ("报告", "Report"),
    "summarising": ("正在生成摘要…", "Summarising…"),
    "summary_mode": ("模式：{mode} · 已核对 {n} 个数字", "mode: {mode} · {n} figures checked against the report"),
    "summary_unsupported": ("{n} 个模型给出的数字无法在报告中找到，已换成原文摘录。",
                            "{n} model figure(s) could not be traced to the report; those points were replaced by "
                            "extractive ones."),
    "key_figures_zh": ("主要指标", "主要指标"),
    "key_figures_en": ("Key figures", "Key figures"),
    "source_clause": ("原文：「{quote}」", "source: “{quote}”"),
    "download_md": ("下载 Markdown", "Download Markdown"),
    "phrased_by": ("由 {mode} 组织语言，数字已与原文核对", "phrased by {mode}; figures checked against the sources"),
    "reingest_missing": ("找不到原文件，改用已存的报告文本重新导入。",
                         "The source file is gone; re-ingesting from the stored report text."),
}

# Display units for charts: normalised unit -> [(threshold, divisor, label)], largest first.
_SCALES: dict[str, dict[str, list[tuple[float, float, str]]]] = {
    "zh": {
        "CNY": [(1e8, 1e8, "亿元"), (1e4, 1e4, "万元"), (0, 1, "元")],
        "m2": [(1e6, 1e4, "万平方米"), (1e4, 1e4, "公顷"), (0, 1, "平方米")],
        "m": [(1e3, 1e3, "公里"), (0, 1, "米")],
        "count": [(1e8, 1e8, "亿"), (1e4, 1e4, "万"), (0, 1, "")],
        "percent": [(0, 1, "%")],
    },
    "en": {
        "CNY": [(1e9, 1e9, "CNY bn"), (1e6, 1e6, "CNY m"), (0, 1, "CNY")],
        "m2": [(1e4, 1e4, "ha"), (0, 1, "m²")],
        "m": [(1e3, 1e3, "km"), (0, 1, "m")],
        "count": [(1e6, 1e6, "million"), (1e3, 1e3, "thousand"), (0, 1, "")],
        "percent": [(0, 1, "%")],
    },
}


def ui(key: str, lang: str = "zh", **kw: object) -> str:
    """The interface string `key` in `lang` ('zh' unless 'en'), formatted with `kw`."""
    zh, en = UI[key]
    text = en if lang == "en" else zh
    return text.format(**kw) if kw else text


def display_scale(normalized_unit: str | None, max_abs: float, lang: str = "zh") -> tuple[float, str]:
    """(divisor, unit label) to show normalised values whose largest magnitude is `max_abs` (亿元 / CNY bn)."""
    table = _SCALES["en" if lang == "en" else "zh"].get(normalized_unit or "")
    if not table:
        return 1.0, normalized_unit or ""
    for threshold, divisor, label in table:
        if max_abs >= threshold:
            return divisor, label
    return table[-1][1], table[-1][2]
