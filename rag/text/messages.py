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
    "also_missing": {"zh": "报告未给出其{asked}。", "en": "The report gives no {asked} for it."},
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
    "derived_increase": {"zh": "{place}{period}{label}比上年增加约{figure}(计算值:{level}[1]−{level}[1]÷(1+{growth}[2]))。",
                         "en": "{place}: {label} in {period} was about {figure} more than the year before (computed: "
                               "{level} [1] − {level} [1] ÷ (1 + {growth} [2]))."},
    "derived_decrease": {"zh": "{place}{period}{label}比上年减少约{figure}(计算值:{level}[1]−{level}[1]÷(1−{growth}[2]))。",
                         "en": "{place}: {label} in {period} was about {figure} less than the year before (computed: "
                               "{level} [1] − {level} [1] ÷ (1 − {growth} [2]))."},
    "derived_monthly": {"zh": "{place}{period}{label}平均每月约{figure}(计算值:{total}[1]÷{months}个月)。",
                        "en": "{place}: {label} averaged about {figure} a month in {period} (computed: {total} [1] ÷ "
                              "{months} months)."},
    "derived_average": {"zh": "{place}{period}平均每{per}约{figure}(计算值:{total}[1]÷{count}[2])。",
                        "en": "{place}: about {figure} per {per} on average in {period} (computed: {total} [1] ÷ "
                              "{count} [2])."},
    "derived_target": {"zh": "{place}{label}年度目标约为{figure}(计算值:{period}完成{done}[1]÷完成率{rate}[2])。",
                       "en": "{place}: the annual target for {label} was about {figure} (computed: {done} done in "
                             "{period} [1] ÷ completion rate {rate} [2])."},
    "listed_count": {"zh": "{place}报告逐一列出的共{count}{counted}(计算值,按原文所列名称计数)[1]。原文:{quote}",
                     "en": "{place}: the report names {count} ({counted}) one by one (computed, counting the names "
                           "listed) [1]. The report: {quote}"},
    "derived_excess": {"zh": "{place}{label}超出年度目标约{figure}(计算值:{period}完成{done}[1],减去目标约{target},即完成数"
                             "÷完成率{rate}[2])。",
                       "en": "{place}: {label} exceeded the annual target by about {figure} (computed: {done} done in {period} [1], "
                             "less the target of about {target}, i.e. what was done ÷ completion rate {rate} [2])."},
    "derived_gap": {"zh": "{place}{label}距年度目标还差约{figure}(计算值:目标约{target},即{period}完成{done}[1]÷完成率"
                          "{rate}[2],减去已完成数)。",
                    "en": "{place}: about {figure} of {label} remained to reach the annual target (computed: target about "
                          "{target}, i.e. {done} done in {period} [1] ÷ completion rate {rate} [2], less what was done)."},
    "derived_rate": {"zh": "{place}{period}{label}完成目标的{figure}(计算值:{done}[1]÷目标{target}[2])。",
                     "en": "{place} reached {figure} of its {period} target for {label} (computed: {done} [1] ÷ target "
                           "{target} [2])."},
    "derived_whole": {"zh": "{label}的总量约为{figure}(计算值,{period}):按{place}{level}[1]、占比{share}[2]推算。",
                      "en": "The whole of which {place}'s {label} is a share comes to about {figure} ({period}, computed: "
                            "{level} [1] is {share} of it [2])."},
    "derived_rest": {"zh": "{label}之外的其余部分约为{figure}(计算值,{period}):总量约{whole},即{place}{level}[1]÷占比{share}[2],"
                           "减去{level}。",
                     "en": "The rest beyond {place}'s {label} comes to about {figure} ({period}, computed: the whole is about "
                           "{whole}, i.e. {level} [1] ÷ its share {share} [2], less {level})."},
    "derived_remainder": {"zh": "{place}{period}{whole}中{part}以外的部分约为{figure}(计算值:{whole_fig}[1]−{part_fig}[2])。",
                          "en": "{place}: in {period}, {whole} other than {part} came to about {figure} (computed: "
                                "{whole_fig} [1] − {part_fig} [2])."},
    "derived_times": {"zh": "{place}{period}{part}约为{whole}的{figure}(计算值:{part_fig}[1]÷{whole_fig}[2])。",
                      "en": "{place}: in {period}, {part} was about {figure} {whole} (computed: {part_fig} [1] ÷ "
                            "{whole_fig} [2])."},
    "derived_ratio": {"zh": "{place}{period}{part}约相当于{whole}的{figure}(计算值:{part_fig}[1]÷{whole_fig}[2])。",
                      "en": "{place}: in {period}, {part} came to about {figure} of {whole} (computed: {part_fig} [1] "
                            "÷ {whole_fig} [2])."},
    "formula_each": {"zh": "{place}约{figure}(计算值:{total_fig}[{n}]÷{count_fig}[{m}])",
                     "en": "{place} about {figure} (computed: {total_fig} [{n}] ÷ {count_fig} [{m}])"},
    "formula_compared": {"zh": "{first}比{second}多约{delta}(按“{formula}”计算):{each}。",
                         "en": "{first} is higher than {second} by about {delta} (computed as {formula}): {each}."},
    "derived_per_item": {"zh": "{place}{period}平均每个{item}的{label}约{figure}(计算值:{total_fig}[1]÷{count_fig}[2])。",
                         "en": "{place}: in {period}, {label} came to about {figure} per {item} (computed: "
                               "{total_fig} [1] ÷ {count_fig} [2])."},
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
    "verb_change_up": {"zh": "比上年增加", "en": "rose on the previous year by"},
    "verb_change_down": {"zh": "比上年减少", "en": "fell on the previous year by"},
    "verb_completion_rate": {"zh": "完成计划的", "en": "reached, as a share of the plan,"},
    "verb_named_rate": {"zh": "{rate}为", "en": "had a rate (“{rate}”) of"},
    "verb_share": {"zh": "占比", "en": "had a share of"},
    # a figure the question quotes, asked what it is ('73.9亿元是全年的还是1-11月的数？')
    "identified": {"zh": "报告中的{figure}是{place}{period}的{label}({kind})[1]。原文:“{quote}”。",
                   "en": "The {figure} in the report is {place}'s {label} for {period} ({kind}) [1]. "
                         "Source: “{quote}”."},
    "quote_level": {"zh": "{place}{period}的{label}为{figure}[1],报告中“{words}”说的就是这一项。",
                    "en": "{place}'s {label} for {period} was {figure} [1]; that is what “{words}” in the report "
                          "speaks of."},
    "quote_is": {"zh": "其中{figure}是该项的{kind}[2]。", "en": " The {figure} quoted is its {kind} [2]."},
    "quote_change": {"zh": "“{figure}”是该项的同比变化[2]。", "en": " The quoted “{figure}” is its year-on-year change [2]."},
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
    "only_estimate": {"zh": "报告只给出{place}{period}{label}的预计数({figure}[{n}]),未给出最终实际数。",
                      "en": "The report gives only an estimate of {label} for {place} in {period} ({figure} [{n}]), "
                            "not the final figure."},
    "only_stock": {"zh": "报告只给出{place}{period}{label}的总数({figure}[{n}]),未给出新增数。",
                   "en": "The report gives only the total of {label} for {place} in {period} ({figure} [{n}]), not "
                         "the number added."},
    "only_other": {"zh": "报告未给出{place}{label}的{asked};只有:{figure}[{n}]。",
                   "en": "The report does not give the {asked} of {label} for {place}; it has only {figure} [{n}]."},
    "asked_estimate": {"zh": "预计数", "en": "estimate"},
    "asked_target": {"zh": "目标", "en": "target"},
    "asked_completion_rate": {"zh": "完成率", "en": "completion rate"},
    "asked_share": {"zh": "占比", "en": "share"},
    "asked_actual": {"zh": "实际数", "en": "actual figure"},
    "asked_yoy_growth": {"zh": "增速", "en": "growth rate"},
    "asked_yoy_change": {"zh": "比上年增减量", "en": "change on the previous year"},
    "rank_stated": {"zh": "{place}:{quote}[1]。", "en": "{place} ranked {position}: “{quote}” [1]."},
    "rank_not_stated": {"zh": "报告中未找到{place}关于“{terms}”的排名。",
                        "en": "The reports state no position of {place} for \"{terms}\"."},
    "which_place": {"zh": "问题没有说明是哪个地方。报告中有{label}的地方:{places}。请指明地方,或问“哪个…最多”。",
                    "en": "The question names no place. Places whose reports give {label}: {places}. Please name "
                          "one, or ask which place has the most."},
    "passage_no_figure": {"zh": "报告中没有直接回答这个问题的数字。以下是相关原文,请核对:",
                          "en": "No figure in the reports answers this directly. Related passages, to check:"},
    "ambiguous_measure": {"zh": "报告中{place}有几个数字都可能是所问的指标:{labels}。请说明是哪一个。",
                          "en": "{place}'s reports hold several figures that could be the one asked for: {labels}. "
                                "Please say which one."},
    "asked_amount": {"zh": "金额", "en": "amount of money"},
    "asked_area": {"zh": "面积", "en": "area"},
    "asked_weight": {"zh": "重量", "en": "weight"},
    "asked_length": {"zh": "长度", "en": "length"},
    # ---- rankings
    "measure_sum": {"zh": "{place}{period}{label}与{other}合计{delta}(计算值:{figure}[1]+{other_figure}[2])。",
                    "en": "{place}, {period}: {label} and {other} come to {delta} together (computed: {figure} [1] + "
                          "{other_figure} [2])."},
    "measure_difference": {"zh": "{place}{period}{label}比{other}多{delta}(计算值:{figure}[1]−{other_figure}[2])。",
                           "en": "{place}, {period}: {label} exceeded {other} by {delta} (computed: {figure} [1] − "
                                 "{other_figure} [2])."},
    "measure_fell_more": {"zh": "{place}{period}{label}降幅更大,比{other}多降{delta}(计算值:{figure}[1]、{other_figure}[2])。",
                          "en": "{place}, {period}: {label} fell more than {other}, by {delta} (computed: {figure} [1], "
                                "{other_figure} [2])."},
    "measure_shortfall": {"zh": "{place}{period}{label}比{other}少{delta}(计算值:{figure}[1]−{other_figure}[2])。",
                          "en": "{place}, {period}: {label} fell short of {other} by {delta} (computed: {figure} [1] − "
                                "{other_figure} [2])."},
    "rank_difference": {"zh": "{place}{label}为{figure},比{other}多{delta}(计算值)。",
                        "en": "{place}'s {label}, {figure}, exceeds {other}'s by {delta} (computed)."},
    "rank_ratio": {"zh": "{place}{label}约是{other}的{ratio}倍(计算值:{figure}÷{other_figure})。",
                   "en": "{place}'s {label} is about {ratio} times ({ratio}倍) {other}'s (computed: {figure} ÷ "
                         "{other_figure})."},
    "rank_nth": {"zh": "排第{nth}的是{place}:{figure}[{n}]。", "en": "In position {nth}: {place} with {figure} [{n}]."},
    "rank_first": {"zh": "{place}{label}{word}:{figure}[{n}]。", "en": "{place} reported the {word} {label}: "
                                                                     "{figure} [{n}]."},
    "rank_second": {"zh": "其次是{place}:{figure}[{n}]。", "en": "Runner-up: {place} with {figure} [{n}]."},
    "rank_other": {"zh": "{place}:{figure}[{n}]。", "en": "{place}: {figure} [{n}]."},
    "rank_most": {"zh": "最多", "en": "highest"},
    "rank_least": {"zh": "最少", "en": "lowest"},
    "rank_high": {"zh": "最高", "en": "highest"},
    "rank_low": {"zh": "最低", "en": "lowest"},
    "rank_fall_most": {"zh": "降幅最大", "en": "largest fall in"},
    "rank_fall_least": {"zh": "降幅最小", "en": "smallest fall in"},
    "rank_missing": {"zh": "{places}未报告该指标。", "en": "Not reported: {places}."},
    "rank_other_unit": {"zh": "{places}的数字单位不同,未参与排序。", "en": "{places}: figures in another unit, not "
                                                                      "ranked."},
    "aggregate": {"zh": "{count}个地方的{label}合计{total}(计算值):{parts}。",
                  "en": "Total {label} across {count} places: {total} (computed): {parts}."},
    "aggregate_items": {"zh": "{place}{period}合计{total}(计算值):{parts}。",
                        "en": "{place}, {period}: {total} in total (computed): {parts}."},
    "aggregate_years": {"zh": "{place}{periods}{label}合计{total}(计算值):{parts}。",
                        "en": "{place}'s {label} over {periods} totals {total} (computed): {parts}."},
    "which_states": {"zh": "给出{label}的报告:{have}。{missing}的报告未给出。",
                     "en": "{label} is stated by: {have}. The reports of {missing} give none."},
    "sum_missing": {"zh": "无法合计:未找到{places}的{label}。报告给出的是:{have}。",
                    "en": "No total can be given: no {label} was found for {places}. What the reports give: {have}."},
    "compare_missing": {"zh": "无法比较:未找到{places}的{label}。报告给出的是:{have}。",
                        "en": "No comparison can be made: no {label} was found for {places}. What the reports give: "
                              "{have}."},
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
    "trend_headline": {"zh": "{place}{label}{later}比{prev}{direction}{delta}({pct},计算值)。",
                       "en": "{place}'s {label} was {direction} {delta} in {later} on {prev} ({pct}, computed)."},
    "trend_point": {"zh": "{period}{figure}[{n}]", "en": "{period}: {figure} [{n}]"},
    "trend_top_year": {"zh": "{place}{label}{period}{which}:{figure}[{n}]。",
                       "en": "{place}'s {label} was {which} in {period}: {figure} [{n}]."},
    "trend_top_year_gap": {"zh": "{place}{label}{period}{which}:{figure}[{n}],比{other}{more}{delta}(计算值)。",
                           "en": "{place}'s {label} was {which} in {period}: {figure} [{n}], {delta} {more} than in "
                                 "{other} (computed)."},
    "to_target": {"zh": "{place}{year}年{label}距全年目标还差约{figure}(计算值:目标{target}[1]−截至{period}已完成{done}[2])。",
                  "en": "{place}: about {figure} of {label} was still to go to its {year} target (computed: target {target} "
                        "[1] − {done} done by {period} [2])."},
    "to_target_estimate": {"zh": "{place}{year}年{label}按预计数距全年目标还差约{figure}(计算值:目标{target}[1]−预计全年完成{done}[2])。",
                           "en": "{place}: on the report's estimate, about {figure} of {label} was still to go to its {year} "
                                 "target (computed: target {target} [1] − {done} expected for the year [2])."},
    "to_target_rate": {"zh": "{place}{label}距全年目标还差约{figure}(计算值:截至{period}已完成{done}[1],完成全年目标的{rate}[2])。",
                       "en": "{place}: about {figure} of {label} was still to go to its full-year target (computed: {done} "
                             "done by {period} [1], {rate} of the target [2])."},
    "vs_target": {"zh": "{place}{period}{label}{done}[1],比目标{target}[2]{direction}{delta}(计算值)。",
                  "en": "{place}'s {label} in {period} was {done} [1], {delta} {direction} its target of {target} [2] "
                        "(computed)."},
    "plan_vs_result": {"zh": "{place}{plan_period}计划的{plan_label}比{done_period}实际{direction}{delta}({direction}{pct},计算值)",
                       "en": "{place}'s {plan_period} plan for {plan_label} is {delta} {direction} its {done_period} "
                             "result ({pct} {direction}, computed)"},
    "plan_vs_result_pct": {"zh": "{place}{plan_period}计划的{plan_label}比{done_period}实际{direction}{pct}(相差{delta},计算值)",
                           "en": "{place}'s {plan_period} plan for {plan_label} is {pct} against its {done_period} "
                                 "result ({delta} {direction}, computed)"},
    "plan_vs_result_times": {"zh": "{place}{plan_period}计划的{plan_label}是{done_period}实际的{times}倍(计算值)",
                             "en": "{place}'s {plan_period} plan for {plan_label} is {times} times its {done_period} "
                                   "result (computed)"},
    "plan_vs_result_points": {"zh": "{place}{plan_period}计划的{plan_label}与{done_period}实际相差{gap}(计算值)",
                              "en": "{place}'s {plan_period} plan for {plan_label} differs from its {done_period} "
                                    "result by {gap} (computed)"},
    "plan_vs_result_tail": {"zh": ":计划{plan}[1],实际{done_label}{done}[2]。",
                            "en": ": the plan {plan} [1], the result ({done_label}) {done} [2]."},
    "over_target": {"zh": "多", "en": "above"},
    "under_target": {"zh": "少", "en": "below"},
    "which_high": {"zh": "更高", "en": "higher"},
    "which_low": {"zh": "更低", "en": "lower"},
    "which_highest": {"zh": "最高", "en": "highest"},
    "which_lowest": {"zh": "最低", "en": "lowest"},
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
    # ---- LLM prompts: what the figure table knows the reports lack (in the question's language)
    "llm_gap_absent": {"zh": "{place}的报告没有{label}的数字", "en": "{place}'s report states no {label}"},
    "llm_gap_kind": {"zh": "{place}的报告中{label}只有{kinds},没有{asked}",
                     "en": "{place}'s report states {label} only as {kinds}, not as {asked}"},
    "llm_gap_rule": {"zh": "指标表显示:{gap}。如果段落中也没有,只回答“{decline}”,不要用其他数字代替。",
                     "en": "Known from the figure table: {gap}. If the passages do not state it either, reply only "
                           "\"{decline}\"; never offer another figure as the answer."},
    "asked_cumulative": {"zh": "累计数", "en": "cumulative figure"},
    # ---- LLM fallbacks (caveats of a flagged answer)
    "llm_declined": {"zh": "大模型在段落中没有找到答案(已拒答),显示离线答案",
                     "en": "the LLM found no answer in the passages (it declined); offline answer shown"},
    "llm_rejected": {"zh": "大模型的回答未通过数字核对({problems}),显示离线答案",
                     "en": "LLM answer failed the number check ({problems}); offline answer shown"},
    "llm_unavailable": {"zh": "大模型不可用({error}),显示离线答案", "en": "LLM unavailable ({error}); offline answer shown"},
    "llm_phrase_declined": {"zh": "大模型未能组织这个答案,显示指标表的答案",
                            "en": "the LLM declined to phrase the answer; the figure table's answer shown"},
    "llm_phrase_rejected": {"zh": "大模型的措辞未通过核对({problems}),显示指标表的答案",
                            "en": "the LLM's wording failed the check ({problems}); the figure table's answer shown"},
}


def msg(key: str, lang: str, **kw: object) -> str:
    """The wording `key` in `lang` ('zh' or 'en'), formatted with `kw`."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**kw) if kw else text


def join_list(items: list[str], lang: str) -> str:
    """'A、B、C' in Chinese, 'A, B, C' in English."""
    return ("、" if lang == "zh" else ", ").join(items)


# ---- interface strings of the app (A) --------------------------------------------------------------------
# Every string the app's interface shows, Chinese (default) and English: `ui(key, lang, **kw)`. Display units for
# charts are here too (亿元 / CNY bn), since they are interface wording.
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
    "kind_yoy_change": ("比上年增减", "change on the previous year"),
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
