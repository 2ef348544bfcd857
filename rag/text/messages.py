"""The one catalog of answer wordings (zh + en): figures, declines, caveats; the app adds UI strings here.

``msg(key, lang, **kw)`` formats the wording in the answer's language; a missing English wording falls back to
the Chinese one rather than failing.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

MESSAGES: dict[str, dict[str, str]] = {
    # ---- scope guard
    "scope_absent": {
        "zh": "语料中没有{places}的报告,无法回答(不会用其他地方的数字代替)。现有报告覆盖:{known}。",
        "en": "The corpus holds no report for {places}, so this cannot be answered (no other place's figure is "
              "used instead). Places covered: {known}.",
    },
    "none": {"zh": "无", "en": "none"},
    "ambiguous_place": {"zh": "语料中有不止一个{places}:{listing}。请说明是哪一个(例如加上所在县区)。",
                        "en": "The corpus holds more than one {places}: {listing}. Please say which one (add its "
                              "county or district)."},
    # ---- lookups
    "lookup": {"zh": "{place}{period}{label}{verb}{figure}[{n}]。",
               "en": "{place}: {label} in {period} {verb} {figure} [{n}]."},
    "also_growth": {"zh": "{verb}{figure}[{n}]。", "en": "It {verb} {figure} year on year [{n}]."},
    "also_kind": {"zh": "{verb}{figure}[{n}]。", "en": "It {verb} {figure} [{n}]."},
    "latest_period": {"zh": "问题未指明期间,按{place}最新的全年数据({period})回答。",
                      "en": "No period was named; {place}'s latest full-year figure ({period}) is given."},
    "latest_partial": {"zh": "问题未指明期间,{place}没有全年数据,按最新的{period}数据回答。",
                       "en": "No period was named and {place} has no full-year figure; the latest ({period}) is "
                             "given."},
    "nearest_period": {"zh": "报告没有{asked}的数字,给出的是{period}数据。",
                       "en": "The report has no figure for {asked}; the figure given is for {period}."},
    "derived_previous": {"zh": "{place}{period}{label}约为{figure}(计算值:{later}{level}[1]÷(1+{growth}[2]))。",
                         "en": "{place}: {label} in {period} was about {figure} (computed: {later} {level} [1] ÷ "
                               "(1 + {growth} [2]))."},
    "derived_target": {"zh": "{place}{label}年度目标约为{figure}(计算值:{period}完成{done}[1]÷完成率{rate}[2])。",
                       "en": "{place}: the annual target for {label} was about {figure} (computed: {done} done in "
                             "{period} [1] ÷ completion rate {rate} [2])."},
    "computed_note": {"zh": "该数字由报告中的数字计算得出(计算值),报告未直接给出。",
                      "en": "This figure is computed from the report's figures; the report does not state it."},
    "period_missing": {"zh": "{place}没有{period}的{label}数据;报告中有:{have}。",
                       "en": "{place} reports no {label} for {period}; the reports have: {have}."},
    # ---- kinds (verbs before the figure)
    "verb_actual": {"zh": "为", "en": "was"},
    "verb_estimate": {"zh": "预计为", "en": "was an estimated"},
    "verb_target": {"zh": "目标为", "en": "had a target of"},
    "verb_cumulative": {"zh": "累计为", "en": "was (cumulative)"},
    "verb_growth_up": {"zh": "同比增长", "en": "grew by"},
    "verb_growth_down": {"zh": "同比下降", "en": "fell by"},
    "verb_growth_up_est": {"zh": "预计同比增长", "en": "grew by an estimated"},
    "verb_growth_down_est": {"zh": "预计同比下降", "en": "fell by an estimated"},
    "verb_completion_rate": {"zh": "完成计划的", "en": "reached, as a share of the plan,"},
    "verb_share": {"zh": "占比", "en": "had a share of"},
    "kind_estimate": {"zh": "预计", "en": "estimated"},
    "kind_target": {"zh": "目标", "en": "target"},
    "kind_cumulative": {"zh": "累计", "en": "cumulative"},
    # ---- kind asked vs kind reported
    "only_growth": {"zh": "报告只给出{place}{period}{label}的增速({figure}[{n}]),未给出总量。",
                    "en": "The report gives only the growth rate of {label} for {place} in {period} ({figure} [{n}]), "
                          "not the total."},
    "only_level": {"zh": "报告只给出{place}{period}{label}的总量({figure}[{n}]),未给出增速。",
                   "en": "The report gives only the level of {label} for {place} in {period} ({figure} [{n}]), not "
                         "its growth rate."},
    "only_target": {"zh": "报告只给出{place}{period}{label}的目标({figure}[{n}]),未给出实际完成数。",
                    "en": "The report gives only a target for {label} for {place} in {period} ({figure} [{n}]), not "
                          "the result."},
    "only_other": {"zh": "报告未给出{place}{label}的{asked};只有:{figure}[{n}]。",
                   "en": "The report does not give the {asked} of {label} for {place}; it has only {figure} [{n}]."},
    "asked_estimate": {"zh": "预计数", "en": "estimate"},
    "asked_target": {"zh": "目标", "en": "target"},
    "asked_completion_rate": {"zh": "完成率", "en": "completion rate"},
    "asked_share": {"zh": "占比", "en": "share"},
    "asked_actual": {"zh": "实际数", "en": "actual figure"},
    "asked_yoy_growth": {"zh": "增速", "en": "growth rate"},
    # ---- rankings
    "rank_first": {"zh": "{place}{label}{word}:{figure}[{n}]。", "en": "{place} reported the {word} {label}: "
                                                                     "{figure} [{n}]."},
    "rank_second": {"zh": "其次是{place}:{figure}[{n}]。", "en": "Runner-up: {place} with {figure} [{n}]."},
    "rank_other": {"zh": "{place}:{figure}[{n}]。", "en": "{place}: {figure} [{n}]."},
    "rank_most": {"zh": "最多", "en": "highest"},
    "rank_least": {"zh": "最少", "en": "lowest"},
    "rank_missing": {"zh": "{places}未报告该指标。", "en": "Not reported: {places}."},
    "rank_other_unit": {"zh": "{places}的数字单位不同,未参与排序。", "en": "{places}: figures in another unit, not "
                                                                      "ranked."},
    "aggregate": {"zh": "{count}个地方的{label}合计{total}(计算值):{parts}。",
                  "en": "Total {label} across {count} places: {total} (computed): {parts}."},
    "periods_differ": {"zh": "统计期不同,按各地最新数据比较:{listing}。",
                       "en": "Periods differ; each place's latest figure is compared: {listing}."},
    "partial_mixed": {"zh": "{places}为{period}数据,不是全年数,与全年数不可直接比较。",
                      "en": "{places}: {period} figure, not a full year; not directly comparable with full years."},
    "estimate_note": {"zh": "{place}的数字为预计数。", "en": "{place}'s figure is an estimate."},
    "provisional_note": {"zh": "{place}的数字为初步数(以统计公布为准)。",
                         "en": "{place}'s figure is provisional (以统计公布为准)."},
    "cumulative_note": {"zh": "{place}为累计数({period})。", "en": "{place}'s figure is cumulative ({period})."},
    # ---- trends
    "trend_head": {"zh": "{place}{label}:", "en": "{place}, {label}: "},
    "trend_point": {"zh": "{period}{figure}[{n}]", "en": "{period}: {figure} [{n}]"},
    "trend_change": {"zh": ",比{prev}{direction}{delta}({pct},计算值)",
                     "en": ", {direction} {delta} on {prev} ({pct}, computed)"},
    "up": {"zh": "增加", "en": "up"},
    "down": {"zh": "减少", "en": "down"},
    "trend_one": {"zh": "只有一个期间的数据,无法比较变化。", "en": "Only one period is reported, so no change can be "
                                                               "computed."},
    "trend_reported_growth": {"zh": "报告所列:{verb}{figure}[{n}]。",
                              "en": "The report states it {verb} {figure} year on year [{n}]."},
    "trend_not_comparable": {"zh": "{a}与{b}统计期长度不同,未计算变化。",
                             "en": "{a} and {b} cover different spans; no change computed."},
    # ---- passage route declines
    "not_found": {"zh": "报告中未找到{where}关于“{terms}”的数字。", "en": "Not found in the reports: no figure for "
                                                                    "\"{terms}\" in {where}."},
    "all_reports": {"zh": "全部报告", "en": "all reports"},
    "report_has": {"zh": "{place}的报告中有这些指标:{labels}。", "en": "{place}'s reports do state: {labels}."},
    "only_targets_maybe": {"zh": "", "en": " Only targets or other metrics may be reported."},
}


def msg(key: str, lang: str, **kw: object) -> str:
    """The wording `key` in `lang` ('zh' or 'en'), formatted with `kw`."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**kw) if kw else text


def join_list(items: list[str], lang: str) -> str:
    """'A、B、C' in Chinese, 'A, B, C' in English."""
    return ("、" if lang == "zh" else ", ").join(items)
