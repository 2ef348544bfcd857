"""Question routing: intent (rank / aggregate / trend / lookup / open), indicator phrase, places, period, kind.

The Route is what the answerers and follow-up questions work from:
- ``phrase``: the question's indicator words (question minus place, period, question words and kind words);
- ``places`` (names the corpus has) and ``unknown_places`` (a place named in the question that the corpus does
  not have: the scope guard declines rather than answer from another place's report);
- ``period``: a period code when the question names one ("2022", "2024H1", "2024M01-M06"; "H1" or "M01-M06"
  when no year is named);
- ``kind`` asked: actual | estimate | target | yoy_growth | yoy_change | completion_rate | share | any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from rag.answer.places import Places, resolve_places, short_name
from rag.answer.places import same_county as same_county  # figures filters rows by county
from rag.figures.lexicon import BY_KEY, EN_PATTERNS, flavoured_key, terms_for_question
from rag.ingest.periods import season_years
from rag.schemas import ReportMeta
from rag.text.cues import (
    AFTER_ADDING_EN,
    ASKS_CHANGE,
    ASKS_RANK,
    COUNT_ASKED,
    DECLINE_ASKED,
    DERIVE,
    EXAMPLES_GIVEN,
    FINAL_ONLY,
    GIVEN_RATE,
    NUMBER_QUESTION,
    PER_EACH,
    PER_MONTH,
    PER_SPELLED,
    PREVIOUS_YEAR,
    QUESTION_TARGET,
    QUOTE_ASKS_WHICH,
    STILL_LEFT,
    STOCK_AFTER_ADDING_EN,
    WHICH_STATES,
    WHOLE_YEAR,
    ZONE_KINDS,
)
from rag.text.names import place_en_pattern, romanize
from rag.text.numbers import age_spans, scan_quantities
from rag.text.words import tagged

Intent = Literal["rank", "aggregate", "trend", "lookup", "open"]
AskedKind = Literal["actual", "estimate", "target", "yoy_growth", "yoy_change", "completion_rate", "share", "any"]

_RANK_ZH = re.compile(r"哪个|哪一个|哪些|哪一?家|哪一?边|哪里(?=[^？?，,]{0,20}?[多高大少低快慢])|谁的|谁(?=[^？?，,]{0,20}?[多高大少低])|最多|最高|最大|最少|最低|最小|排名|排序|排行|对比|比较|"
                      r"相比|各街道|各个街道|各镇|"
                      r"分别是多少")
_RANK_EN = re.compile(r"\b(which|highest|most|largest|biggest|lowest|least|smallest|fewest|rank|ranking|compare|"
                      r"comparison)\b", re.I)
_MORE_EN = re.compile(r"\b(?:who|more|fewer|less|higher|lower|larger|bigger|greater|better)\b", re.I)
_ASC = re.compile(r"最少|最低|最小|更少|更低|更小|较低|较少|(?:哪个|哪一个|谁)[^，,。？?]{0,12}?(?<!多)[少低小](?:一些|一点|些)?(?=[？?，,。]|$)|\b(lowest|least|smallest|fewest|lower|less|fewer|smaller)\b",
                  re.I)
# 'is A larger or smaller than B', '多还是少': both directions named, neither asked for
_EITHER_WAY = re.compile(r"\b(?:larger|bigger|higher|more|greater) or (?:smaller|lower|less|fewer)\b|"
                         r"\b(?:smaller|lower|less|fewer) or (?:larger|bigger|higher|more|greater)\b|[多高大]还是[少低小]|"
                         r"[少低小]还是[多高大]", re.I)
# 'from largest to smallest' orders the list, whichever word it ends with (group 1: the largest first)
_ORDER_EN = re.compile(r"\bfrom (?:the )?(?:(largest|highest|biggest|most|greatest)|smallest|lowest|least|fewest) to "
                       r"(?:the )?(?:largest|highest|biggest|most|greatest|smallest|lowest|least|fewest)\b", re.I)
_LESS_IS_BETTER = re.compile(r"PM\s*2\.?5|PM\s*10|浓度|能耗|\bconcentration|\benergy (?:use|consumption)", re.I)
_BETTER = re.compile(r"更好|最好|更优|最优|更清洁|更干净|更洁净|\b(?:cleaner|cleanest|clearer|fresher|better|best)\b", re.I)
_AGG = re.compile(r"合计|总共|总计|加起来|加总|(?:加|合|算)(?:在|到)?一(?:起|块)|合起来|一共|相加|总和|之和|\b(sum|summed|combined|altogether|in total|in all|add(?:ing)? up)\b|"
                  r"\badd\b[^?]{4,160}\band\b[^?]{2,160}\bthe total\b|\badd (?:them|these|those|both|the two)(?: \w+)? up\b|"
                  r"(?<![\d-])\bplus\b(?![- ]?\d)|"  # 'add the A and the B. What is the total', 'A's … plus B's ones'
                  r"\)\s+together\b|\band\b[^?,]{2,40}\btogether\b|\btaking\b[^?]{2,160}\btogether\b|^\s*(?:taken|put) together\b|"
                  # 'A (甲) and B (乙) together — how many'; 'what do they add up to'
                  r"\bwhat do (?:the two|both|they|the \w+ figures) come to\b|"
                  r"\bwhat do (?:the two|both|they|these|those|the \w+ figures) (?:add|sum) up to\b", re.I)
_NAMED_ZONE = re.compile(rf"[“\"][^”\"]{{2,10}}[”\"](?:[\u4e00-\u9fff]{{0,4}}?){ZONE_KINDS}")
# a lead of flows the asker gives before the stock asked ('新增5家、退出3家以后，'), read as context
_FLOW_GIVEN = r"(?:新增|增加|新进|纳入|退出|减少|注销|迁出)了?\s*\d+(?:\.\d+)?\s*[家个户名人座所]"
_FLOWS_GIVEN = re.compile(rf"^\s*(?:{_FLOW_GIVEN})(?:\s*[、，,和]\s*(?:{_FLOW_GIVEN}))*\s*(?:以后|之后|后)[，,]\s*")
_REPORT_NAME = r"\s*年?(?:底|末)?的?(?:镇|乡|街道)?(?:政府)?(?:工作)?(?:总结|报告|年报)"
_REPORT_SPAN = re.compile(rf"从\s*(20\d\d){_REPORT_NAME}\s*(?:到|至)\s*(20\d\d){_REPORT_NAME}|"
                          # '拿某镇2018年总结和2019年政府工作报告对照，…一年间增加了多少': the two reports' years
                          rf"(?<![\d年])(20\d\d){_REPORT_NAME}\s*(?:和|与|跟|同|及)\s*(20\d\d){_REPORT_NAME}\s*"
                          rf"(?:对照|对比|比较|相比)(?:着看|来看|一下)?")
# '2021年新进规上企业以后，全镇一共几家': the additions, unnumbered, lead to the stock asked; the year stays
_ADDED_THEN = re.compile(r"^(\s*(?:20\d\d\s*年)?)\s*(?:新增|新进|纳入|新引进)[^，,？?\d]{0,8}?(?:以后|之后|后)[，,]\s*")
_AFTER_ADDING = re.compile(AFTER_ADDING_EN + r"[^?]{0,40}?,", re.I)
_TREND = re.compile(r"近[两三四五二]年|近几年|历年|逐年|变化|趋势|走势|比上年|较上年|与上年相比|和上年相比|从20\d\d年?(?:到|至)20\d\d|"
                    r"(?:和|与|跟|同)20\d\d年?[底末初]?(?:相比|比较)|(?:^|(?<=[，,\s]))相比于?20\d\d年?[底末初]?(?=[，,])|"  # '与2019年比较，次年…多了几家', '相比2019年末，…': two years
                    r"\b(trend|over the years|over time|compared (?:with|to) (?:the )?(?:last|previous) year|"
                    r"change[ds]? (?:from|between|since)|from 20\d\d to 20\d\d|year by year|past (?:two|three|few) "
                    r"years)\b", re.I)
_GROWTH = re.compile(r"(?:减少|增加|降低|提高|少|多)了?(?:几成|百分之(?:几|多少))|同比|增长|增幅|涨幅|增速|下降|降幅|比增|涨得?(?:更|最)?快|跑得?(?:更|最)?快|[涨增升]了?还是[跌降减]|幅度(?:是|有)?(?:多少|多大)|[增减]产了?百分|[增减]收了?百分|\b(growth|grow|grew|increase[ds]?|decrease[ds]?|yoy|"
                     r"year-on-year|year on year|growth rate|fall|fell|drop(?:ped)?(?!-off)|decline[ds]?|rise|rose|climb(?:ed|s)?|"
                     r"shr[aiu]nk(?:s|ing)?|contracted by|contraction|slipped|dipped)\b|"
                     r"\bby what (?:percentage|per ?cent|%)|"
                     r"\b(?:by|at) what rate\b|"  # '… climbed in the year. By what rate?'
                     r"\b(?:up|down|rose|fell|grew|increased|decreased)\s+(?:by\s+)?\d+(?:\.\d+)?\s*(?:%|per ?cent)|"  # 'FAI up 8% — check?'

                     r"\b(?:up|down) (?:by )?(?:what|how much)\b|\b(?:went|gone|goes|go) (?:up|down)\b|"  # 'count down by what %?'
                     # 'how did its output do in January–May compared with a year earlier': the change asked
                     r"\bhow did\b[^?]{2,120}\b(?:do|fare|perform|go)\b[^?]{0,60}\b(?:compared (?:with|to)|against|versus|"
                     r"vs\.?|relative to|on)\s+(?:a year (?:earlier|before|ago)|the (?:same period|previous year|prior year|"
                     r"year before)|last year)\b|"
                     # 'by what percentage was that down on a year earlier?'
                     r"\bby what (?:percentage|per ?cent|%)(?= (?:\w+ ){0,4}(?:up|down|lower|higher)\b)|"
                     # '死亡人数降了多少', '规上产值涨了多少', 'down how much?': the rate, when no unit is asked
                     r"(?:降|涨|跌|掉)了?(?:大约|约|大概)?(?:多少|几)(?!个?百分点|[万亿元人户个家件亩吨斤公里平方米宗起次场])|"
                     r"(?<![核削缩])(?:降|涨|跌|增|减)了?(?:大约|约|大概)?百分之(?:几|多少)|"  # (核减: an audit's cut)
                     r"%\s*change\b|\bper ?cent(?:age)? change\b|\bchange (?:on|over|from|vs\.?) (?:the )?(?:year before|"
                     r"previous year|prior year|last year|a year (?:earlier|before))\b|"  # '% change on the year before'
                     r"\b(?:down|up) (?:by )?how much\b|\bhow much (?:lower|higher)\b(?= than (?:last|the previous) year| than a year (?:earlier|before))",
                     re.I)
_COMPLETION = re.compile(r"完成率|完成度|完成倍数|办结率|完成比例|完成进度(?:是|为|达到?|到了)?(?:百分之|多少|几成)|"
                         r"(?:按|照|对照)[^，,？?]{0,12}?(?:任务|目标|计划)(?:口径)?算?[，,][^？?]{0,30}?(?:百分之几|百分之多少|几成|多大比例)|(?:完成|占|相当于).{0,10}?(?:计划|目标|任务|预算)的?(?:比例|比重|进度|百分之|百分比|多少|几|多大)|"
                         # '工业投资目标完成进度是多少', '固投任务已经完成了多大比例', '任务完成了百分之多少'
                         r"(?:计划|目标|任务)的?(?:已经|已)?完成了?(?:多大|多少|几)?的?(?:进度|比例|程度|百分之|百分比|几成)|"
                         # '相对全年目标走到了哪一步？给个进度百分比': how far along the goal, as a share done
                         r"(?:计划|目标|任务)[^，,？?]{0,4}?(?:走到|推进到|进行到|干到|做到)了?(?:哪一步|什么程度|哪儿|哪里|几成)|"
                         r"(?:计划|目标|任务)进度(?:是|为|达到?|到了)?(?:百分之|多少|几成)|"  # '年度目标进度是百分之几'
                         # '固投的全年目标，1-11月完成了几成'
                         r"(?:计划|目标|任务)[，,][^，,？?]{0,10}?完成了?(?:几成|百分之(?:几|多少)|多大比例)|"
                         r"达到?.{0,6}(?:计划|目标|任务)进度的?(?:百分之|多少|几)|"  # '规模达到年度目标进度的多少'
                         # '工业投资进度已达年度任务的多少', '进度是全年任务的几成'
                         r"进度(?:已经|已)?(?:到|达|是|为|占)了?.{0,6}(?:计划|目标|任务)的?(?:百分之|多少|几成)|"
                         # '离36亿元的年度任务走到了百分之几': how far along the task
                         r"(?:离|距离?)[^，,？?]{0,16}?(?:计划|目标|任务)[^，,？?]{0,6}?(?:走到|完成|到|达)了?(?:百分之|多少|几成)|"
                         # '超额完成了年度任务，超到了百分之多少': how far past the task, as a share of it
                         r"超额完成.{0,12}?(?:计划|目标|任务)[^？?]{0,12}?百分之(?:几|多少)|"
                         r"(?:是|为|达到?)[^，,？?]{0,10}(?:计划|目标|任务|预算)的?(?:几|多少)倍|"  # '…是区下达年度任务的几倍'
                         r"(?:相对|相比|对照|对比)于?[^，,？?]{0,12}?(?:计划|目标|任务)[^，,？?]{0,6}?(?:几|多少)倍|"
                         # '相对于21.5亿元的年度任务，进度是百分之几': the share of the task done
                         r"(?:相对|相比|对照|对比|比照)于?[^？?]{0,20}?(?:计划|目标|任务)[^？?]{0,10}?(?:进度|完成)[^？?]{0,6}?"
                         r"(?:百分之|百分比|多少|几成|多大)|"

                         r"(?:what|which) % of (?:the |its |their )?(?:[\w'’]+[ -]){0,6}(?:task|plan|target|goal|budget)s?\b|"
                         # 'its tax take relative to the annual goal — what percentage was that'
                         # 'how did its funds compare with its annual target, as a percentage'
                         r"\bcompared? (?:with|to) (?:the |its |their )?(?:[\w'’-]+ ){0,4}(?:task|target|goal|quota|plan)s?\b"
                         r"[^?]{0,30}?\bas a (?:percentage|per ?cent|share)\b|"
                         r"\b(?:relative to|against|versus|vs\.?) (?:the |its |their )?(?:[\w'’-]+ ){0,4}(?:task|target|goal|quota|plan)s?\b"
                         r"[^?]{0,40}?\b(?:what|which) (?:completion )?(?:percentage|per ?cent|%)|"
                         r"\b(completion (?:rate|percentage)|(?:share|percentage|proportion|per ?cent) of (?:the |its |their )?"
                         r"(?:[\w.'’]+[ -]|[(（][^)）]{1,20}[)）]\s*){0,8}(?:task|plan|target|goal|budget|quota)s?(?! revenue)|"
                         r"(?:fulfil+|fulfill|complete|met|meet)[^?]{0,12}\b(?:its|the|their) (?:[\w'’-]+ ){0,6}budget|"
                         # 'had an 8亿元 task — what percentage of it was done', '…against the full-year task — how far
                         # along was it', 'how much of the year's tax task was done'
                         r"\b(?:task|target|goal|quota)s?\b[^?]{0,60}?\b(?:what (?:percentage|per ?cent|share|proportion) "
                         r"of (?:it|that|this)\b|how far (?:along|through)\b|"
                         # 'was given a revenue target…; to what percentage did it fulfil it'
                         r"(?:to )?what (?:percentage|per ?cent|%)[^?]{0,20}?\b(?:fulfil+\w*|meet|met|complet\w*|achiev\w*|"
                         r"reach\w*|hit)\b)|\bhow far through (?:its|the|their) "
                         r"(?:[\w'’-]+ |[(（][^)）]{1,20}[)）]\s*){0,8}(?:task|plan|target|goal)s?\b|\bhow much of (?:the |its |their )?"
                         r"(?:[\w'’-]+ ){0,6}(?:task|target|goal|quota)s?\b[^?]{0,30}?\b(?:done|completed|met|achieved|fulfil+ed|in|collected|"
                         r"raised|reached)\b|"
                         # 'how much of the county-set quota for tax (…) did the town fulfil, in percent'
                         r"\bhow much of (?:the |its |their )?(?:[\w'’-]+ ){0,6}(?:task|target|goal|quota)s?\b[^?]{0,90}?"
                         r"\b(?:fulfil+\w*|meet|met|complet\w*|achiev\w*|reach\w*|hit)\b[^?]{0,12}?(?:percentage|per ?cent|%)|"
                         # 'was set a tax quota of 800万元 — so how far did it get, in per cent'
                         r"\b(?:task|target|goal|quota)s?\b[^?]{0,60}?\bhow far did (?:it|they|the \w+)\b[^?]{0,20}?"
                         r"\b(?:percentage|per ?cent|%)|"
                         # 'which was further along its annual investment task': how much of the task was done
                         r"(?:further|farther|furthest|farthest|how far) along (?:its|the|their) (?:[\w'’-]+ ){0,6}"
                         r"(?:task|plan|target|goal)s?|"
                         # 'had it reached one third of its 2024 investment (固定资产投资) target': the share done
                         r"(?:reach(?:ed)?|hit|done|complet(?:ed|e)|achiev(?:ed|e)) (?:(?:at least|over|more than) )?"
                         r"(?:half|(?:a|one|two) (?:third|quarter)s?|three quarters) of (?:its|the|their) "
                         r"(?:[\w'’-]+ |[(（][^)）]{1,20}[)）]\s*){0,8}(?:task|plan|target|goal|budget)s?)\b", re.I)
_SHARE = re.compile(r"占比|比重|所占份额|"
                    # '签下的32户占全部户数的百分之几': the share of the whole named (never of a task: a completion)
                    r"占(?![^，,？?]{0,10}?(?:任务|目标|计划|预算))[^，,？?]{1,10}?的(?:百分之几|百分之多少|几成|多大比例|多少比例|比例(?:是|为)?(?:多少|几))|份额是多少|贡献了?(?:几成|百分之几|百分之多少|多大比[例重])|占了?全[区市县]|(?:折合|相当于)全[区市县镇][^，,？?]{0,6}?(?:几成|百分之几|百分之多少|比例)|占(?:了|到)?(?:几成|百分之几|多大比例|多少比例)|\b(share of|proportion)\b|"
                    r"\bwhat (?:percentage|per ?cent|share)\b[^?]{0,40}?\b(?:came from|was from|were from|contributed by)\b", re.I)
_ESTIMATE = re.compile(r"预计|预估|(?:报告|总结)的?(?:估算|测算)|(?<![不难])估计|初步统计|(?<![不难评])估(?:了|算了)?(?:一个|个)(?=[^，,？?]{2,20}?数)|\b(estimated?|expect(?:s|ed)?)\b|\b(?:was|were|is|are) expecting\b|"
                       # 'what output did it project in its autumn report': a forecast (never 'projects', the noun)
                       r"\b(?:projected|projections?)\b|\b(?:did|does|do) (?:it|they|the \w+) project\b[^?]{0,60}?\bto be\b|"
                       r"\b(?:did|does|do)\b[^?]{0,60}?\bproject\s+(?:in|for)\s+(?:its|the|their|this|that)\s+"
                       r"(?:[\w-]+\s+){0,2}(?:report|review|summary|plan|forecast)\b", re.I)
_NUMBER_Q = NUMBER_QUESTION
# a year, never a count ('1800人', '2010户': a figure in a unit)
_YEAR = re.compile(r"(?<![\d.])(?<!\d,)(20[0-4]\d)(?!\d|[.,]\d)(?:\s*年|(?=\s*(?:上半年|下半年|全年|前三季度|一季度))|"
                   r"(?=\s*(?:到|至|—|–|~)\s*20[0-4]\d)|(?![\u4e00-\u9fff])(?!\s*[%％万亿人户个家]))")
_BASE_YEAR_EN = re.compile(r"\b(?:increase|rise|grow|growth|gain|fall|drop|decline|change)\w*\s+(?:over|on|from)\s+(?:the\s+)?(?:level\s+of\s+)?"
                           r"(20[0-4]\d)\b(?!\s*(?:to|and|[-–—]))", re.I)
# '2022年…较2021年的同比降幅': the year asked, then its base year, then the rate
_BASE_YEAR_ZH = re.compile(r"(?P<year>20[0-4]\d)\s*年[^，,。？?]{0,30}?(?:较|比|相比|对比)(?:于)?\s*(?P<base>20[0-4]\d)\s*年[^，,。？?]{0,6}?"
                           r"(?:同比)?(?:降幅|增幅|增速|涨幅|增长率|下降率)")
# ('和2017年相比，某镇2018年…涨幅是多少': the base year said first)
_BASE_YEAR_FIRST_ZH = re.compile(r"(?:和|与|同|跟|较|比)\s*(?P<base>20[0-4]\d)\s*年(?:相比|比较|对比|比)[，,]?[^？?]{0,20}?"
                                 r"(?P<year>20[0-4]\d)\s*年[^，,。？?]{0,20}?(?:同比)?(?:降幅|增幅|增速|涨幅|增长率|下降率)")
# a year written short: '23年固投' (not '近5年', '连续20年', '20年来'), "'22", "FY23"
_SHORT_YEAR_ZH = re.compile(r"(?<![\d.\-－—~～至到近续历用了第每约超共有达满逾足整多])(1[5-9]|2\d|3[0-5])(?=年(?![代来内间度多半后前左以])|年以前)")
_BEFORE_YEAR = re.compile(r"\b(?:the )?year (?:before|prior to|preceding) (?:its |the |their )?((?:19|20)\d\d)\b|"
                          r"((?:19|20)\d\d)\s*年?的?(?:上一年|前一年)", re.I)
_MONTH_EN = (r"(?:(?:early|late|mid-|end-)?(?:January|February|March|April|May|June|July|August|September|October|"
             r"November|December)\s+)?")
# the run of examples before the kind they stand for ('…白茶、红茶等毛茶'): 、-items, the last before 等
_EXAMPLES_OF = re.compile(r"((?:、[\u4e00-\u9fff]{1,6}?)+)等(?=[\u4e00-\u9fff]{2})(?![一二三四五六七八九十几多\d]|方面|领域|要|将|已|达|共|合|总|"
                          r"一共|都|均|的|在|为|有|是|计|约|近|超|分别|等|多少|几)")

# how the answer is to be written, not what it is of: '（单位：万元；是已发放还是计划？）' keeps its unit;
# '请注明是约数还是确数', '保留一位小数', '数字照抄，单位也照原文写', '填表用', '请给数字和单位'; '表里这一格该填多少' asks
# the figure
_FORMAT_NOTE = (r"(?:请)?(?:注明|标明|说明|写明|标出)[^，,。；;？?）)]*|(?:保留|精确到)?[一两二三1-3]位小数|填表用|"
                r"数字(?:请)?照抄|单位(?:也|请)?照原文写?|请?给出?数字和单位|按报告(?:里|中)?的?[两二三]个数算")
_FORMAT_ASKED = re.compile(rf"(?<=[（(])(单位[：:]\s*[^，,；;）)]*)[^）)]*(?=[）)])|(?:[，,。；;]|(?<=[？?]))\s*(?:{_FORMAT_NOTE})(?=[，,。；;？?（(）)]|$)"
                           rf"|^(?:{_FORMAT_NOTE})[，,。；;]\s*")
_CELL_ASKED = re.compile(r"(?:表(?:里|中|格里)?的?)?(?:这一?|那一?)?(?:格|栏)?(?:应该|应|该)?填(?:多少|几|什么数)")


# after the ask, what the asker leaves out or asks about the figure's kind: '园区个数不用报，我要面积。', '同一串里的签约、
# 拆除比例请剔除。', '全程那一项另算。', '这是目标值，还是2022年的实绩？', '是实际产值还是预计数？'
_LEFT_OUT_NOTE = re.compile(r"(?<=[？?])\s*[^？?]*?(?:不用报|不需要报|不要|请剔除|剔除|另算|不算在内|除外)[^？?]*$|"
                            r"(?<=[？?])\s*(?:这|那|它|该数)?(?:个数|一项)?(?:是|属于|算)[^？?。]{0,16}?还是[^？?。]{0,16}?[？?]?\s*$")


def _format_asked_dropped(question: str) -> str:
    """The question without how its answer is to be written ('（单位：%，注明上下限）' keeps '单位：%')."""
    question = _LEFT_OUT_NOTE.sub("", question)
    question = _CELL_ASKED.sub("是多少", question)
    for _ in range(3):  # (several notes in a row: '，按报告两个数算，单位：%，一位小数。')
        question = _FORMAT_ASKED.sub(lambda m: m.group(1) or "", question)
    return question


def _examples_dropped(question: str) -> str:
    """'茗墘乡白茶、红茶等毛茶合计产量': the kind the examples stand for (毛茶), no list of items to add up; the first
    item is read as long as the last ('白茶', not '茗墘乡白茶')."""
    m = _EXAMPLES_OF.search(question)
    if m is None:
        return question
    size = len(m.group(1).split("、")[-1])
    start = m.start(1) - size
    if start < 0 or not all("\u4e00" <= c <= "\u9fff" for c in question[start : m.start(1)]):
        return question
    return question[:start] + question[m.end() :]


_REPORT_YEAR = re.compile(r"(?:19|20)\d\d\s*年?(?:底|末)?的?(?:工作)?(?:报告|总结|思路|谋划|打算)(?:部分)?(?:里|中|上)?"
                          r"(?=定|提|说|写|给)|"
                          # '在2021年底的工作思路里，把2022年…': the plan's year of writing, not the year it is for
                          r"(?:19|20)\d\d\s*年?(?:底|末)?的?(?:工作)?(?:思路|谋划|打算)(?:部分)?(?:里|中)[，,]?|"
                          # '在2025年1月镇人代会上报告的上年度…': the meeting's year, not the one reported
                          r"(?:19|20)\d\d\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|初)?(?:召开的|的)?(?:[镇乡区县]|街道)?"
                          r"(?:人代会|人大会议?|工作会议?|经济工作会议?)(?:上|中)?|"
                          # '据2019年初的政府工作报告，…2018年…': the year it was delivered
                          r"(?:19|20)\d\d\s*年(?:初|底|末)(?:的|那份|这份)?(?:[镇乡]|街道)?(?:人代会)?(?:政府)?(?:工作)?(?:报告|总结)|"
                          r"(?:19|20)\d\d\s*年(?:\d{1,2}\s*月)?的?(?:[镇乡]|街道)?(?:人代会)?政府工作报告|"
                          # '某年底那份工作安排里定的次年目标': the year-end plan's year, not the one asked
                          r"(?:19|20)\d\d\s*年(?:底|末)(?:的|那份|这份)?(?:工作)?(?:安排|计划|部署|打算)|"
                          # '在某年底给次年定的目标': when the plan was set, not the year it is for
                          r"(?:19|20)\d\d\s*年(?:底|末)(?=[给为替]\s*(?:19|20)\d\d)|"
                          # '比2021年底定的“突破3亿元”目标多出多少': when the goal was set, not the year asked
                          r"(?:19|20)\d\d\s*年(?:底|末|初)(?:时)?(?=(?:定|制定|确定|提出|设定|定下|规划|计划|部署|安排)的)|"
                          # 'the goal written into its 2017 year-end summary': the report's year, not the one asked
                          # ('…in its January 2022 congress report': the month it was delivered, the same)
                          # ('by how much did the 2022 work report show it falling short': the same)
                          r"\b(?:in|into|of|according to|from|per|did|does|by) (?:its|the|their) " + _MONTH_EN + r"(?:19|20)\d\d "
                          r"(?:year-end |annual |(?:(?:people['’]s )?congress |government )?(?:work )?)?(?:summary|report|review)\b|"
                          # "Lizao's (…) 2023 government work report gives a 2022 figure": the report's year
                          r"\b[A-Z][\w-]*['’]s\s+(?:[(（][^)）]{1,12}[)）]\s*)?" + _MONTH_EN + r"(?:19|20)\d\d (?:year-end |annual |"
                          r"(?:(?:people['’]s )?congress |government )?(?:work )?)?(?:summary|report|review)\b|"
                          # '2023年1月作报告时，…上一年': the year the report was delivered
                          r"(?:19|20)\d\d\s*年(?:\d{1,2}\s*月|初|底|末)?(?:在[^，,。？?]{1,10}?)?作(?:政府)?(?:工作)?报告|"
                          # 'the goal in its end-2021 plan': the plan written at the end of 2021, for the year after
                          r"\b(?:end|late|year-end)-(?:19|20)\d\d (?:work )?(?:plan|report|summary|agenda)\b",
                          re.I)
_SEASON_YEARS = re.compile(r"((?:19|20)\d\d)\s*[/／]\s*((?:19|20)\d\d)\s*年?")
_SHORT_YEAR_EN = re.compile(r"(?:['’‘]|\bFY)(1[5-9]|2\d|3[0-5])\b(?!['’])")


def full_years(question: str) -> str:
    """Years written with two digits, in full ('禾溪23年…' is 2023; "Hexi '22" is 2022), and months in Chinese
    numerals in digits ('截至五月底' is 5月底)."""
    question = _SHORT_YEAR_ZH.sub(lambda m: "20" + m.group(1), question)
    question = re.sub(r"(?<!\d)(?<=到)(1[5-9]|2\d|3[0-5])(?=年(?:底|末|初))", r"20\1", question)  # '到22年底有几家'
    # '玉塘二三年办的…' (2023), '二〇二二年': a year in Chinese numerals
    question = _YEAR_IN_NUMERALS.sub(lambda m: "".join(str(_DIGIT_ZH.index(c)) for c in m.group(1)), question)
    question = _SHORT_YEAR_NUMERALS.sub(lambda m: "20" + "".join(str(_DIGIT_ZH.index(c)) for c in m.group(1)), question)
    question = _MONTH_ZH.sub(lambda m: str(_MONTH_NO[m.group(1)]), question)
    return _SHORT_YEAR_EN.sub(lambda m: "20" + m.group(1), question)


_DIGIT_ZH = "〇一二三四五六七八九"
_YEAR_IN_NUMERALS = re.compile(r"(?<![〇零一二三四五六七八九十])([一二][〇零一二三四五六七八九]{3})(?=年)")
_SHORT_YEAR_NUMERALS = re.compile(r"(?<![〇零一二三四五六七八九十两几\d])([一二][〇一二三四五六七八九])(?=年(?![代来内间度多半后前左以]))")
_MONTH_ZH = re.compile(r"(?<![第\d一二三四五六七八九十几])(十[一二]?|[一二三四五六七八九])(?=月)")
_MONTH_NO = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}

_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"“[^”]{1,20}”|\"[^\"]{1,20}\"|'[^']{1,20}'")
# words that ask for a series of years, not one year's change on the last
_SPAN_ASKED = re.compile(r"近[两三四五二]年|近几年|历年|逐年|变化|趋势|走势|从20\d\d|\b(?:trend|over the years|over time|"
                         r"year by year|past (?:two|three|few) years|from 20\d\d|between 20\d\d)\b", re.I)
_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|and|what about|how about)|呢[？?]?$", re.I)

# Period words (the question's period is removed from the phrase).
_PERIOD_WORDS = re.compile(
    r"(?:今年|本年|年初|上半年|20[0-4]\d\s*年?)以来|(?:20[0-4]\d\s*年?(?:度|底|末)?)|目前|当前|迄今|至今|那一?年|(?:报告|统计)(?:年度|期)(?:里|内|中)?|上半年|(?:截[至止]|到)?年中|下半年|前三季度|一季度|第一季度|全年|年度|今年|去年|上年|明年|来年|下一年|一年(?=[多几有能是\s？?]|$)|近[两三四五二]年|近几年|历年|"
    r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?|截[至止]\d{1,2}月(?:底|末)?|\d{1,2}月(?:底|末|份)?|截[至止]")
_KIND_WORDS = re.compile(
    r"主要(?=预期|目标|指标|经济指标)|预期(?!寿命)|同比|增长率|增长|增幅|涨幅|增速|比增|下降|降幅|(?<![下上])(?:涨|降|跌)(?=了?(?:大约|约|大概)?(?:多少|几))|完成率|完成度|完成倍数|办结率|完成年度计划|完成情况|完成|实现|目标|任务(?![令书单])|计划(?!生育)|预计|预估|初步统计|力争|争取|确保|占比|比重|累计|"
    r"总量|数值|数据|变化|幅度|趋势|走势|情况")
_Q_WORDS = re.compile(
    r"(?:工作)?安排(?:里|中|内)|工作安排|(?<=[\u4e00-\u9fff])在(?=\s*(?:(?:19|20)\d\d|为|是))|[两三四五六七八九十\d]+(?:地|个地方|个街道|个镇|个乡镇|个镇街|镇|乡|街道|份(?:报告)?)(?:之中|当中|中|里)?|明确(?:说|提到|写明?|表示)?|(?:写明|写了|给出|给了|提到|提及|列出|披露)了?|哪一?份(?:报告|计划)?|具体的?|(?:^|(?<=\s))对(?![外口象接标比照话])|(?:的|定的?|提出的?)?要求(?=(?:是|为)?(?:多少|几))|[这那]一?(?:块|部分)|拆开(?:来)?看|[写记报](?=[的着]是?(?:多少|几))|(?<![\u4e00-\u9fff])只|给(?=\S{1,12}?定了?)|定了(?=具体|数值|目标)|哪里|哪儿|哪一?边|哪方|哪一家|哪一?地|更[高多大少低小]|"
    r"[多少高低]了?(?=多少|几)|[多少高低]出(?:了|来)?|[多少高低](?:一些|一点)?(?=[？?]|$)|怎样|怎么样?|百分之多少|(?:街道|镇|乡)?或(?:街道|镇|乡)|几?个?百分点|提高了?|降低了?|"
    r"[是有]?多少(?:[人户家场]次|[个家项宗名件座户人所条次亩吨辆台套栋幢间张头只部处场批块棵株担斤群棚箱羽匹口眼艘])?|几(?:[人户家场]次|[个家项宗名件座户所条辆台套栋幢间张头只部处场批块棵株倍])|多少倍|有?多[大长高宽重远]|大约|大概|左右|几成|百分之几|是什么|什么|怎么样|如何|哪一?个(?:镇街|乡镇|街道|镇|乡|地方|村(?![均级]))?|哪些|哪家|谁的|谁|最多|最高|最大|最少|最低|最小|排名|"
    r"排序|排行|比一比|比一下|对比|比较|相比|(?:实际|预计|计划|目标)?数?还是(?:实际|预计|计划|目标)数?|有没有|没有|(?:到|过|上)?[一二两三四五六七八九十]位数|(?<=报告)给的?|(?<=[业位构司户的])家数|[（(](?:百分比|百分数|%|百分之几)[)）]|分别|合计|总共|总计|加起来|(?:加|合|算)(?:在|到)一(?:起|块)|合起来|一共|估计|各街道|各个街道|各镇|各地|请问|报告|达到|达|为|是|了|吗|呢|的|有(?![机效序偿])|(?<![参给赋])与|和(?![谐美睦])|"
    r"(?<![惠涉普波顾危提])及|从|到(?![位账岗户村期])|至|比上年|较上年|上年|^那么|^那|^还有|^另外|^按照?(?!揭|摩|钮|键|期)|现在|眼下|当前|已经|"
    r"(?<![重主需只必摘纲提首])要(?![素求点闻件案])|[？?。,，、!！:：;；\s]")
_EN_STOP = {
    "how", "much", "many", "what", "was", "were", "is", "are", "the", "a", "an", "of", "in", "for", "did", "does",
    "do", "by", "to", "and", "its", "it", "has", "have", "had", "which", "highest", "most", "largest", "biggest",
    "lowest", "least", "smallest", "fewest", "rank", "ranking", "compare", "comparison", "total", "sum",
    "combined", "altogether", "year", "years", "half", "first", "second", "h1", "h2", "growth", "grow", "grew",
    "increase", "increased", "decrease", "yoy", "year-on-year", "target", "plan", "planned", "goal", "quota", "ahead",
    "estimated", "estimate", "expected", "expect", "expects", "projected", "trend", "over", "from", "between", "since",
    "during", "change", "changed", "higher", "lower",
    "subdistrict", "town", "township", "street", "report", "reported", "reports", "figure", "amount", "number",
    "value", "last", "previous", "past", "two", "three", "few", "compared", "with", "on", "at", "this", "that",
    "there", "be", "been", "get", "got", "reach", "reached", "achieve", "achieved", "level", "whose", "who", "share",
    "completion", "cumulative", "time", "s", "all", "each", "every", "across", "place", "places", "district",
    "percent", "percentage", "than", "sub-district", "large", "big", "high", "or", "through", "account", "accounted",
    "task", "tasks", "done", "decline", "declines", "declined", "drop", "dropped", "fell",
    "rose", "gives", "give", "gave",
    # how a change or a comparison is told, and what an asker adds around the measure
    "shrank", "shrink", "shrunk", "along", "comparing", "workload", "itself", "counting", "together",
    "q1", "q2", "q3", "q4", "set", "after", "crushing", "likely", "only", "hand", "close", "aim", "aimed", "aims",
    "short", "as", "wrote", "written", "takings", "summary", "mention", "mentions", "mentioned", "say", "says", "said",
    "remain", "remains", "still", "left", "ones", "roughly", "lots", "where", "really", "exactly", "versus", "vs",
}


class Route(BaseModel):
    """What the router understood; reused by follow-up questions."""

    intent: Intent = "open"
    phrase: str = Field("", description="The question's indicator words (zh), or the English phrase.")
    keys: list[str] = Field(default_factory=list, description="Lexicon keys, most specific first.")
    kind: AskedKind = "actual"
    places: list[str] = Field(default_factory=list, description="Known places named in the question.")
    unknown_places: list[str] = Field(default_factory=list, description="Places named but absent from the corpus.")
    years: list[int] = Field(default_factory=list)
    period: str | None = Field(None, description="'2023', '2024H1', '2024M01-M06', or 'H1'/'M01-M06' without year.")
    parts: list[str] = Field(default_factory=list)
    ascending: bool = False
    also_growth: bool = Field(False, description="'…是多少？同比增长多少？' asks for the figure and its growth.")
    also_kind: AskedKind | None = Field(None, description="A second kind asked after the level (growth, rate, target).")
    unit_hint: str | None = Field(None, description="Normalised unit the question asks for (CNY, count, m2).")
    twins: list[str] = Field(default_factory=list, description="Places one short name named at once (荇湖 for 荇湖街道 "
                                                                "and 荇湖镇): the answer asks which.")
    measure_word: str | None = Field(None, description="The measure word a count question names (多少户 → 户): a "
                                                     "count in another measure word (7个小区) does not answer it.")
    unit_strict: bool = Field(False, description="The question names the unit outright (多少资金, 几栋): a figure in "
                                                 "another unit never answers it.")
    one_village: bool = Field(False, description="The question asks for one village's figure ('收入最高的村'): the "
                                                 "place's total never answers it.")
    counted: str = Field("", description="What an English count question counts ('how many cadres took part' → "
                                         "'cadres'): with a Chinese name the sentence holds, it picks the figure.")
    districts: list[str] = Field(default_factory=list, description=(
        "Counties (as the reports' metadata writes them) the figure rows are limited to: set when every place that "
        "reports of several counties share is narrowed to one by the question ('永丰县禾塘镇', 'Hetang town "
        "(Longhui County)'); the other places named add their own counties."))
    place_counties: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Counties each place was named with: {'禾塘镇': ['永丰县', '隆回县']} when both same-named towns are "
        "named with their counties; a place named without county, city or province words is absent."))
    period_inherited: bool = Field(False, description="The period came from the previous question.")
    asked: str = Field("", description="The question as understood, when its asides were dropped ('别和2025年的"
                                       "目标混为一谈', '— not the 2025 plan —'); '' when it is the question itself.")
    language: Literal["zh", "en"] = "zh"

    @property
    def streets(self) -> list[str]:
        """Backwards-compatible name of `places`."""
        return self.places


def language_of(text: str) -> Literal["zh", "en"]:
    """'zh' when the text is mostly Chinese characters, else 'en'."""
    letters = [c for c in text if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK.match(c))
    return "zh" if letters and cjk / len(letters) >= 0.3 else "en"


_ADD_TO = re.compile(r"把([\u4e00-\u9fff]{2,10}?)(?:增加|新增|扩大)了?(?=多少|几)")
# '年产值过1亿元的企业': the firms past a bar, as reports name them (产值亿元以上企业)
_BAR_PASSED = re.compile(r"(?:超过|过了?|超|达到|达|不低于|在)?(?:[1一]个?(?=[万亿]))?((?:\d+(?:\.\d+)?|[十百千])?[万亿]元?)(?:以上|往上)?的?"
                         r"(?=企业|工业企业|村|项目|商户)")
# '小学加初中的学位', '小学、初中这一块': the school levels as reports abbreviate them (小初学位, 中小学)
_SCHOOLS = ((re.compile(r"小学(?:加上?|和|与|及|、)?初中|初中(?:加上?|和|与|及|、)?小学"), "小初"),
            (re.compile(r"小学(?:加上?|和|与|及|、)?中学|中学(?:加上?|和|与|及|、)?小学"), "中小学"))
# '工业增加值（规上口径）': the scope said after the name, in brackets, is the name's own qualifier (规上工业增加值)
_SCOPE_AFTER = re.compile(r"(工业|批发|零售|批零|企业|服务业|社零|社会消费品)([\u4e00-\u9fff]{0,8}?)[（(](规上|规模以上|限上|限额以上)口径[)）]")
# A yes-or-no question after the figure asked ('…完成多少？是第一次过百亿吗？'): no part of the figure's name
YES_NO_TAIL = re.compile(r"[？?][^？?]*(?:吗|是否|有没有|是不是|能否|没有?(?=[？?]?\s*$))[^？?]*[？?]?\s*$")


# An aside that names another period or figure only to set it apart ('别和2025年的目标混为一谈', '（不算2021年已
# 完工的…）', '— not the 2025 plan —'): no part of what is asked
_ASIDE = re.compile(r"[，,。；;]?\s*(?:别|不要|勿|请勿|注意不要)(?:和|与|跟|把)[^，,。？?！!]{1,40}?(?:混在一起|混为一谈|混淆|搞混|弄混|混)了?"
                    r"[。.！!]?|[（(](?:不算|不含|不包括|不计|不是|并非)[^（()）]{0,30}?\d{4}年[^（()）]{0,30}[)）]|"
                    # '（计划见2021年底的工作安排）': where the plan compared was written, no period asked
                    r"[（(](?:计划|目标|任务)(?:数)?(?:见|在|出自|来自|载于|取自|按)[^（()）]{1,30}[)）]|"
                    # '（不要增速）', '（不是企业数、不是增速）': what is not asked, named in a bracket
                    r"[（(](?:不要|不是|不含|不包括|不算|不计|并非|而非)[^（()）]{1,30}[)）]|"
                    r"[（(](?:只要|只问|仅要|仅问)[^（()）]{1,30}[)）]|"  # '（只要落地产值那一个倍数）': the ask, said again
                    r"[（(]要[^（()），,]{1,12}[，,]\s*(?:不要|不是|而非)[^（()）]{1,20}[)）]|"  # '（要金额，不要增速）'
                    # '…报告采用的计量单位是什么？', ', and in what unit?', 'which months does that figure cover?': the
                    # answer says its unit and period anyway
                    r"[，,。？?]\s*(?:报告)?(?:采用|用)?的?(?:计量)?单位是(?:什么|啥)[？?]?|"
                    # 'Setting the percentage aside, how many …': the rate is what is not asked
                    r"\b(?:setting|leaving|putting) (?:the |its |any )?(?:percentages?|rates?|growth(?: rates?)?|"
                    r"changes?) aside,?|"
                    r",?\s*and (?:in )?what units?(?: (?:is it|does it use))?(?=\s*\?\s*$)|"
                    r"(?<=[,.?])\s*(?:and )?which months? does (?:that|this|the) [\w\s-]{0,30}?cover(?=\s*\?\s*$)|"
                    # '…小初学位, leaving out senior-high places?': what the ask already leaves out, said last
                    r",\s*(?:leaving out|excluding|not counting|not including|without)\s+(?:the\s+|its\s+)?[^,?]{1,40}"
                    r"(?=\s*\?\s*$)|"
                    # 'Guanhu 2023 plan, education row: …': the row of the analyst's table, no part of the ask
                    r"(?<=[,;])\s*[a-z][\w-]*(?:\s+[\w-]+)?\s+(?:row|line|column|item|entry)\s*:|"
                    # '（中小学和幼儿园都算上）': the parts a total is asked with, no list of things to add up
                    r"[（(][^（()）]{1,30}?都(?:算上?|包括|含|计入)(?:在内|进去)?[)）]|"
                    r"\s*[—–]+\s*not (?:the |its )?[^—–?]{1,40}?[—–]+\s*|\s*\(not (?:the |its )?[^()?]{1,40}\)|"
                    # '… amount, please, not the completion rate.', '，而不是完成率': what is not asked
                    r"[,;]\s*(?:and |but )?(?:not|rather than|instead of|as opposed to) (?:the |its |a )?[^,;.?()]{1,40}?(?=[.?]|$)|"
                    r"\s+(?:rather than|instead of) (?:the |its |a )?[^,;.?()]{1,40}?(?=[.?]|$)|"  # '…level rather than the change?'
                    r"[，,]\s*(?:而)?不是(?:问)?(?!吗)[^，,。？?（）()]{1,20}?(?=[。？?]|$)|"
                    # 'Give it in yuan, and say whether it covers the full first half (January–June)': a check of
                    # the figure found, not the period asked
                    r"[,;]?\s*(?:and )?(?:say|tell me|state|note|check) (?:whether|if) (?:it|that|the figure) "
                    r"(?:covers|is for|spans|includes)[^?.]{0,60}|[，,]?\s*(?:并|再)?(?:说明|注明|说说)(?:一下)?(?:是否|是不是)"
                    r"(?:覆盖|涵盖|包括)[^？?。]{0,30}|"
                    # '— the count, not the % change?', '实际数，不是目标': what is not asked names no kind
                    r"[,;]\s*(?:and |but )?not (?:the |its |a )?[^,?—–]{1,30}(?=\s*[?？]\s*$)|"
                    # 'Besides the output, … its growth', '除了产值，…': what the question sets aside before asking
                    r"^\s*(?:besides|apart from|aside from|other than)\s+[^,?]{1,30},\s*|"
                    # '…? I want the count, not the 98.4% rate.': a second sentence on the kind not wanted
                    r"(?<=[?？])\s*I (?:want|need|mean|am asking for)\b[^.?]{0,40}?,\s*not (?:the |its |a )?[^?]{1,40}?[.?]?\s*$|"
                    r"[，,]\s*(?:而)?不是(?:问)?(?:增速|增幅|增长率|同比(?:增长|增速)?|百分比|比例|目标|计划|预计)(?:数|的数)?"
                    r"(?=\s*[？?。]?\s*$)", re.I)
_QUOTED_PASSAGE = re.compile(r"[“\"]([^”\"]{8,200})[”\"]")
# a premise, then the question it leads to ('某镇去年工单降了31%。那2026年的压降目标是多少？'): only the
# question's own year is asked
_PREMISE = re.compile(r"^(?P<premise>[^？?]+?[。.；;])\s*(?P<ask>(?:那么?|那|按(?:照)?(?=[^，,]{0,12}(?:计划|目标))|"
                      r"\b(?:Then|So),?)\s*[^。]+)$")


# A check against a threshold the question sets ('完成率超过90%了吗', '比上年降了2%以上没有', 'did the rate reach
# 90%?'): the figure is what is asked; the threshold is no figure of the report and no part of the measure's name.
_NUM = r"\d[\d,]*(?:\.\d+)?\s*(?:%|个百分点|[万亿千百]?[元人户个家件宗起项亩吨])?"
_CHECK_RATE_ZH = re.compile(r"(?:比|较)(?P<base>上年|去年|上一年)(?P<same>同期)?(?P<dir>[少降减低跌]|[多增涨高升])了?(?:超过|超出)?\s*"
                            + _NUM + r"(?:以上|以下)?(?:了吗|了没有|没有|吗|与否)?(?=[？?]|$)")
_CHECK_ZH = re.compile(r"(?:是否|有没有|有无|能否)?(?:已经)?(?:超过|突破|达到|达|高于|低于|少于|多于|不足|过|上)了?\s*" + _NUM
                       + r"(?:以上|以下|大关|关口)?(?:了吗|了没有|没有|吗|与否)?(?=[？?]|$)")
_CHECK_EN = re.compile(r"\b(?:did|does|do|has|have)\s+(?P<what>[^?]+?)\s+(?:reach|exceed|top|pass|hit|surpass|break|beat|"
                       r"go (?:above|over|beyond)|get (?:above|over|to))\s+(?:the\s+)?[\d.,]+\s*(?:%|per ?cent|million|billion|"
                       r"thousand|yuan|[\u4e00-\u9fff]{1,3})?\s*(?:mark|threshold|level)?\s*\?$|"
                       r"\b(?:was|were|is|are)\s+(?P<what2>[^?]+?)\s+(?:above|over|below|under|more than|less than|at least|"
                       r"higher than|lower than)\s+[\d.,]+\s*(?:%|per ?cent|million|billion|yuan)?\s*\?$", re.I)


# a rate half remembered and checked ('是不是同比涨了5%左右？', '同比增长大概11%，是这样吗？'): the rate is asked
_CHECK_ABOUT_ZH = re.compile(r"(?:是不是|是否|有没有)?(?P<same>同比)?(?P<dir>增长|上涨|提高|[涨增升]|下降|减少|降低|[降跌减])了?"
                             r"(?:大概|大约|约|近|将近|超过)?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|个百分点)(?:左右|上下|多)?"
                             r"(?:了?吗|呢|了没有)?(?:[，,]\s*(?:是这样吗|对吗|对不对|是吗|没错吧|是不是))?(?=[？?]|$)")
# '…申报任务完成了吗？有几家企业通过了认定？': a yes/no check before the figure asked, answered by that figure
_CHECK_FIRST = re.compile(r"(?:的?(?:任务|目标|计划))?(?:是否)?(?:完成|达到|实现|达标)了?(?:吗|没有|与否)?[？?](?=[^？?]*(?:多少|几))")


def _threshold_dropped(question: str) -> str:
    """A check against a threshold asked as the figure it checks; a yes/no check before a figure asked, dropped."""
    question = _CHECK_FIRST.sub("，", question, count=1)
    m = _CHECK_RATE_ZH.search(question)
    if m:
        rate = "下降" if m.group("dir") in "少降减低跌" else "增长"
        return question[: m.start()] + f"比{m.group('base')}{m.group('same') or ''}{rate}了百分之多少" + question[m.end() :]
    m = _CHECK_ABOUT_ZH.search(question)
    if m and m.start() > 0 and re.search(r"是不是|是否|有没有|吗|对不对|没错吧", m.group(0)):
        rate = "下降" if m.group("dir")[0] in "降跌减" else "增长"
        return question[: m.start()] + f"{m.group('same') or ''}{rate}了百分之多少" + question[m.end() :]
    m = _CHECK_ZH.search(question)
    if m and m.start() > 0 and not re.search(r"(?:多少|几)个?(?:行政村|村|社区|户|家|企业|项目)", question[: m.start()]):
        # (…never a count of those past the bar: '几个村的收入过了某个数')
        return question[: m.start()] + "是多少" + question[m.end() :]
    m = _CHECK_EN.search(question)
    if m:
        return question[: m.start()] + f"what was {m.group('what') or m.group('what2')}?"
    return question


# a figure someone else gave, checked against the report ('有稿件说…要新增12家专精特新企业，计划里到底定的是多少家'):
# who said it, and the figure said, go; the report's own figure is asked
_CLAIM_SAID = re.compile(r"(?:(?:网上|区里|市里)?(?:有|某|一|(?<![\u4e00-\u9fff]))(?:篇|些|的|一篇|个|家|条|则)?(?:区级|市级|本地|地方)?(?:稿件|稿子|通稿|新闻稿|报道|"
                         r"文章|材料|人|说法|自?媒体|消息|财经号|公众号|帖子|网帖|新闻|电视(?:新闻)?)|我(?:的)?(?:稿子|稿件|笔记)"
                         r"里?|据说|听说)(?:里|中|上)?(?:说|称|写的?是?|提到|报道)?")
_CLAIM_ASKED = re.compile(r"到底|实际|准确|原文|对吗|对不对|是这样吗|对得上吗|是这个数吗|是真的吗|核一下|核对|怎么写|"
                          r"报告(?:里|中|上)?(?:写|说|给)的?(?:是)?(?:多少|几)")
# the words of an ask that only points back at a claim ('报告原文是多少', '报告写的到底多少', '核一下报告的数')
_CLAIM_ASK_WORDS = r"报告|原文|实际|到底|准确|写的?|说的?|给的?|是|多少|几|[里中上的了？?个名项条家户人次]|核一下|核对|数"
_CLAIM_BEFORE = re.compile(r"[“\"]?(?:近|约|超过?|大概|大约)?$")  # …and the words around the figure given
_CLAIM_AFTER = re.compile(r"(?:以上|左右|多)?[”\"]?")


def _orchard(name: str) -> str:
    """The crop an orchard's name says ('苹果' of 苹果园, '脐橙' of 脐橙果园, none of 果园)."""
    return "" if name == "果" else name[:-1] if len(name) > 2 and name.endswith("果") else name


def _claim_dropped(question: str) -> str:
    """A question checking a figure someone else gave, less who gave it and the figure given."""
    said = _CLAIM_SAID.search(question)
    asked = _CLAIM_ASKED.search(question, said.end()) if said else None
    claimed = next((q for q in scan_quantities(question) if q.unit and said and asked
                    and said.end() <= q.start and q.end <= asked.start()), None)
    if not said or not claimed:
        return question
    before = _CLAIM_BEFORE.search(question, said.end(), claimed.start)
    after = _CLAIM_AFTER.match(question, claimed.end)
    start, end = before.start() if before else claimed.start, after.end() if after else claimed.end
    rest = question[end:]
    stop = rest.find("。")
    if stop >= 0 and not re.search(r"[\u4e00-\u9fff]{2}", re.sub(_CLAIM_ASK_WORDS, "", rest[stop + 1 :])):
        rest = rest[:stop] + "，" + rest[stop + 1 :]  # '…“约120万条”。报告原文是多少？': the ask names nothing, the claim does
    return question[: said.start()] + question[said.end() : start] + rest


# an analyst's purpose before the question ('做财政口径的对比，', '写简报用：'), when the place asked follows it
_PURPOSE_LEAD = re.compile(r"^\s*(?:(?:为了|为)?(?:做|写|准备|整理|核对|汇报)[^，,：:？?]{1,20}?(?:对比|比较|简报|材料|报告|稿子|汇报|用)|"
                           r"先摸个?底|先了解一下|想了解一下|问一下|想摸一?下[^，,：:？?]{0,12}?(?:家底|底数|情况)|"
                           # '我是第一次看某街道的材料，': a newcomer's lead, its place kept
                           r"我?(?:是)?(?:第一次|头一回|刚开始|刚)(?:看|读|接触|研究)[^，,：:？?]{0,16}?(?=[，,：:])|"
                           # '给领导的汇报材料要写某地旧改进展：': the document being written, then the ask
                           r"[^，,：:？?]{0,12}?(?:简报|材料|稿子|汇报稿|讲话稿)[^，,：:？?]{0,16}?(?=[：:])|"
                           # '兜底保障资金请核实：', '请提供：': an official's request, then the ask
                           r"[^，,：:？?]{0,16}?(?:请|烦请|麻烦)(?:核实|核对|确认|提供|说明|查一下)(?:一下)?(?=[：:，,]))[，,：:]\s*")
# 'I'm checking a line that says A out-invested B. …?', 'A story claims …': who made the claim checked, no part of it
_CLAIM_LEAD_EN = re.compile(r"^\s*(?:(?:I'm|I am|We're|We are)\s+(?:just\s+)?(?:checking|fact-checking|verifying|"
                            r"double-checking)\s+(?:a|the|one|this)\s+(?:line|claim|sentence|statement|figure|draft|story)|"
                            r"(?:My|Our|A|An|The|One)\s+(?:[\w-]+\s+){0,2}?(?:draft|story|article|notes?|source|line|colleague|"
                            r"editor|item|piece|release|site|post|feature|bulletin)(?:\s+is\s+quoted\s+as)?|"
                            # 'Grandpa keeps telling everyone that …', 'Grandma heard that …': family talk, the claim
                            r"(?:My\s+)?(?:Grandma|Grandpa|Granny|Grandad|Grandmother|Grandfather|Mum|Mom|Dad|Auntie|Uncle|"
                            r"(?:A|One|Our) neighbou?r))"
                            r"[^.?!]{0,30}?\b(?:says|said|claims|claimed|claiming|states|reads|heard|hears|(?:keeps|kept) (?:telling|saying)"
                            r"(?: (?:everyone|everybody|us|me|people))?|told (?:me|us|everyone))\b(?:\s+that)?\s+")
_FRAMING_ASK = re.compile(r"(?:势头|情况|表现|形势|态势|体量|成绩|家底|发展得?|涨得|增长得|跑得)?(?:咋样|怎么样|怎样|如何|好不好|有多大|多不多|大不大|"
                          r"高不高|强不强|快不快)[？?]\s*"
                          r"(?=[^？?]*(?:多少|几))")


def _asides_dropped(question: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> str:
    """The question less its asides, a passage of the report it quotes before asking (its places kept), a
    premise before '那…' reduced to the places it names, and a threshold it checks a figure against."""
    question = _personal_dropped(_threshold_dropped(_ASIDE.sub(" ", question).strip()), names, metas)
    # '(牲畜存栏, cattle and sheep counted together)': the report's term glossed, then a note on it in English
    # (…never a place's own period: 'Guanhu (观湖, end of 2022)')
    question = re.sub(r"([(（]\s*[\u4e00-\u9fff“”\"]{2,16})\s*[,，;；]\s*(?![^()（）]*\d)[A-Za-z][^()（）]{0,80}([)）])", r"\1\2",
                      question)
    # ', counting firms and individual businesses together': the whole the report counts, said again; no sum asked
    question = re.sub(r",\s*\b(?:counting|including|taking) (?:both )?[^?,;()（）]{2,60}? (?:together|alike|combined|as one)\s*(?=\?)",
                      "", question, flags=re.I)
    # '论固投增速，…', '说到社零，…': the topic's lead word, no part of the name
    question = re.sub(r"^\s*(?:论|说到|讲到|至于)(?=[\u4e00-\u9fff]{2,10}[，,])", "", question)
    # '新增5家、退出3家以后，年末还剩几家在库': the flows given lead to the stock asked, no part of its name
    question = _ADDED_THEN.sub(r"\1", _FLOWS_GIVEN.sub("", question))
    # '拿甲和乙比一比社零，哪边卖得多': the two sides' measure, and which has more
    question = re.sub(r"^\s*拿([^，,？?]{2,30}?(?:和|与|跟)[^，,？?]{2,30}?)比(?=[\u4e00-\u9fff]{2})", r"\1的", question)
    question = re.sub(r"(?<=哪边|哪个|哪家)[^\W涨增降跌长升减]得(?=多|少|高|低|大)", "", question)
    read_out = False  # a passage of the report read out: what the ask is about (no sentence of it is dropped)
    for quote in reversed(list(_QUOTED_PASSAGE.finditer(question))):
        # '报告：“…完成签约1.2万户、签约率97%，腾空9800户……”。其中腾空多少户？': the passage
        # read out is context; what follows it asks
        if sum(1 for q in scan_quantities(quote.group(1)) if q.unit) >= 2 and _NUMBER_Q.search(question[quote.end() :]) \
                and not QUOTE_ASKS_WHICH.search(question[quote.end() :]):  # (…'1.4倍对应的是哪项指标': it asks of them)
            kept = [p for p in resolve_places(quote.group(1), names, metas).found if p not in question[: quote.start()]]
            question = question[: quote.start()] + " ".join(kept) + question[quote.end() :]
            read_out = True
    # '规下工业2023年势头咋样？营业收入涨了百分之几？': a general ask before the figure asked frames it
    question = _claim_dropped(_FRAMING_ASK.sub("，", question, count=1))
    purpose = _PURPOSE_LEAD.match(question)
    if purpose and any(short_name(n) in question[purpose.end() :] for n in names):
        question = question[purpose.end() :]  # '做财政口径的对比，XX街道…': what the analyst is doing, no part of the ask
    elif purpose and (kept := resolve_places(purpose.group(0), names, metas).found):
        question = " ".join(kept) + " " + question[purpose.end() :]  # …its places kept ('材料要写某地…进展：')
    lead, colon, ask = question.rpartition("：") if "：" in question else question.rpartition(":")
    if colon and len(lead) <= 40 and not NUMBER_QUESTION.search(lead) and NUMBER_QUESTION.search(ask) \
            and language_of(question) == "zh" and terms_for_question(ask) and not terms_for_question(lead) \
            and not DERIVE.search(lead) and not re.search(r"[“\"÷×]|按[^：:]{0,20}算", lead) \
            and not re.search(r"^[^，,？?]*(?:它|其|该|这个|此)", ask) \
            and not (in_lead := resolve_places(lead, names, metas)).unknown:
        # '布吉的产业投资占比偏低，想核一下绝对额：2022年全年实际完成的工业投资是多少亿元': why the asker asks goes
        # (its places kept); the part after the colon names the measure and asks (…never a lead naming a place the
        # ask points back to, '想比较一下桂园街道：它2022年的…', nor one saying how the figure is derived, '余额测算：')
        kept = [p for p in in_lead.found if p not in ask and short_name(p) not in ask]
        years = [y + "年" for y in _YEAR.findall(lead) if y not in ask]
        if kept or not in_lead.found:  # ('观湖、布吉都是2022年的数：观湖固投比布吉…': a lead of the ask's own places stays)
            question = " ".join([*kept, *years[:1]]) + " " + ask
    claim = _CLAIM_LEAD_EN.match(question)
    if claim:  # who made the claim goes; the claim goes too when the ask after it names the measure itself
        said, _, ask = question[claim.end() :].partition(". ")  # ('…out-invested B. A's 固投 or B's 固投 — which?')
        named = bool(re.search(r"[\u4e00-\u9fff]{2,}", re.sub(r"\([^)]*\)", " ", ask)))
        again = resolve_places(ask, names, metas).found
        kept = [p for p in resolve_places(said, names, metas).found if p not in again]
        question = " ".join(kept) + " " + ask if named and "?" in ask else question[claim.end() :]
    premise = _PREMISE.match(question)
    if premise and not DERIVE.search(question):
        kept = resolve_places(premise.group("premise"), names, metas).found
        question = " ".join(kept) + " " + re.sub(r"^(?:那么|那)(?=[\u4e00-\u9fff])", "", premise.group("ask"))
    return ((None if read_out else _ask_sentence(question, names, metas)) or question).strip()


# a clause about the asker, not the report: who they are, what they feel ('我有亲戚住在水库下面', '想想都怕')
_PERSONAL = re.compile(r"我|咱|俺|孙[子女]|老伴|亲戚|邻居|想想|提心吊胆|(?<![恐哪])怕|担心|盼着?|心里|这把年纪|"
                       r"(?<![思理设构])想(?:把|要|先|了解|弄清|搞清|看看)|捋一捋|理一理")  # '开会前想把…捋一捋': the asker's plan
# what the asker knows ('年份不一样我清楚'), or means ('我要的是意向数，不是到位资金')
_KNOWN = re.compile(r"我(?:都)?(?:知道|清楚|明白|了解|晓得)|心里有数|"
                    r"我?要的是[^，,。？?]{1,12}(?:[，,]\s*(?:不是|而不是|不要)|\s*[。.！!]?\s*$)")
_PERSONAL_EN = re.compile(r"\b(?:I|I'm|I've|my|me|we|our|us)\b|\bnowadays\b|\bthese days\b|"
                          r"\b(?:grandma|grandpa|granny|grandmother|grandfather|grandson|granddaughter|grandchild(?:ren)?|"
                          r"mum|mom|dad|the old folks)\b", re.I)


def _without_counties(phrase: str, metas: Sequence[ReportMeta]) -> str:
    """An English phrase less the pinyin of the counties, cities and provinces its places' reports are in ('Xibei',
    'Tianjin')."""
    spelt = {romanize(re.sub(r"(?<=..)(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治县|自治旗|县|区|市|旗|省)$", "", name)).lower()
             for m in metas for name in (m.district, m.city, m.province) if name}
    return " ".join(w for w in phrase.split() if w.lower().strip("'’s") not in spelt)


def _personal_dropped(question: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> str:
    """The question less what it says of the asker: in Chinese, the clauses before its first ask ('我天天骑车买菜，就盼着
    这个。') unless a clause names a place, a quoted name or a figure, and a last sentence of what they know
    ('年份不一样我清楚。'); in English, scene-setting sentences ('My granddaughter wrote this out for me.') and a lead
    before a colon ('…, so I want to know: …'), their places kept."""
    if language_of(question) != "zh":
        return _personal_dropped_en(question, names, metas)
    sentences = [p for p in re.split(r"(?<=[。！!？?：:])", question) if p.strip()]
    while len(sentences) >= 2 and not re.search(r"[？?]", sentences[-1]) and _KNOWN.search(sentences[-1]) \
            and not re.search(r"[“\"\d]", sentences[-1]) and not resolve_places(sentences[-1], names, metas).found:
        sentences.pop()  # '…哪边多？年份不一样我清楚。': what the asker knows, after the ask
    asks = [n for n, p in enumerate(sentences) if re.search(r"[？?]", p) or NUMBER_QUESTION.search(p)]
    # ('拆迁和安置的面积我有了，补偿那一项是多少': a clause of what the asker has already, within the ask)
    sentences = [_HAVE_CLAUSE.sub(_had, p) if n in asks else p for n, p in enumerate(sentences)]
    if len(sentences) < 2 or not asks:
        return "".join(sentences)
    kept = []
    for sentence in sentences[: asks[0]]:  # (only what comes before the first ask: an ask is never dropped)
        if re.search(r"[：:]\s*$", sentence) and not re.search(r"[“\"\d]|哪|谁|多少|几|[更最][多少高低大小快慢]|吗|是否", sentence) \
                and not _named_any(resolve_places(sentence, names, metas)) and _YEAR_OR_SHORT.search(sentences[asks[0]]) \
                and not terms_for_question(sentence) and not re.search(r"这|那|该|其|它|此", sentences[asks[0]]):
            # '排下半年任务前先摸个底：', '专项核查：': the asker's heading, before an ask that names its year
            # (a lead that names the measure asked stays, '地区生产总值比一比：', and one the ask points back to,
            # '核对规上服务业：…这类企业…')
            continue
        clauses = [c for c in re.split(r"(?<=[，,；;。！!：:])", sentence) if c.strip()]
        # (a clause of the asker's that names a place keeps the place: '请帮我核一下某街道城市更新的进度：')
        own = "".join(c if not _PERSONAL.search(c) or re.search(r"[“\"\d]", c) else _places_only(c, names, metas)
                      for c in clauses)
        if own:  # (a sentence stays one: its end, when its last clause went)
            kept.append(own if own == sentence else own.rstrip("，,；; ") + "。")
    return "".join([*kept, *sentences[asks[0] :]])


def _named_any(found: Places) -> bool:
    """A place is named, known to the corpus or not ('请调阅东坝街道的材料：' names one it lacks)."""
    return bool(found.found or found.unknown)


_YEAR_OR_SHORT = re.compile(r"(?:19|20)?\d\d\s*年")  # an ask's own year ('2022年', '22年')
# a clause saying what the asker has already ('…的数我有了，', '…我手上已经有了，'): no part of the ask
_HAVE_CLAUSE = re.compile(r"(?:^|(?<=[，,]))[^，,？?。]{2,30}?我(?:这边|手上|手里)?(?:已经?|都)?(?:有了|拿到了|掌握了)[，,]")


def _had(m: re.Match[str]) -> str:
    """A clause of what the asker has already goes, unless the ask points back to it ('某街道社零58.3亿元这个总量
    我已经有了，它比上年涨了几个点'): then its place and measure stay, without the figure and the asker's words."""
    if not re.search(r"它|其(?![中他余])|这个数|该数|这一?数", m.string[m.end() :]):
        return ""
    kept = re.sub(r"\d[\d.,]*\s*(?:万|亿)?(?:元|人次|人|户|家|个|亩|吨|平方米|公顷)?", "", m.group(0))
    kept = re.sub(r"(?:这个|这一?|那个)?(?:总量|数字?|数据|绝对额|规模)?我(?:这边|手上|手里)?(?:已经?|都)?(?:有了|拿到了|掌握了)",
                  "", kept)
    return kept


def _places_only(clause: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> str:
    """What is left of an asker's clause: the places it names, if any ('平湖街道，'), else nothing."""
    found = resolve_places(clause, names, metas).found
    return "".join(found) + "，" if found else ""


def _personal_dropped_en(question: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> str:
    """An English question less its scene-setting sentences ('My granddaughter wrote this out for me.') and a personal
    lead before a colon ('Our estate's lane is blocked, so I want to know: in XX (XX街道), how many …'), the lead's
    places kept; never a lead that names its subject in Chinese ('For our note on Zhaochi (兆驰): …')."""
    sentences = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z“‘'\"(])", question) if p.strip()] or [question]
    kept = [p for p in sentences[:-1] if not _PERSONAL_EN.search(p) or re.search(r"[\u4e00-\u9fff\d“\"]", p)
            or resolve_places(p, names, metas).found]
    later = resolve_places(sentences[-1], names, metas).found
    # ('Safety inspections are a big part of street-level government. In …, how many premises checks did Pinghu…':
    # a general remark before the ask, naming no place, figure or term of the report)
    names_its_own = bool(re.search(r"\bhow many (?!of\b|more\b|times\b)[a-z-]{3,}|\bwhat (?!was|is|were|are|did|does|do|has|had|"
                                   r"share|percentage|rate)[a-z-]{4,}", sentences[-1], re.I))  # (the ask names its measure)
    kept = [p for p in kept if not later or not names_its_own or resolve_places(p, names, metas).found
            or re.search(r"[\u4e00-\u9fff\d“\"'(（]", p) or re.search(r"\b(?:reports?|says?|said|gives?|states?|lists?|figures?|"
                                                                 r"plans?|targets?|goals?|counts?|totals?|writes?|calls?|"
                                                                 r"names?)\b", p, re.I)]
    kept = [p for p in (_scene_places(p, later, names, metas) for p in kept) if p.strip()]
    ask = sentences[-1]
    lead = re.match(r"([^:?]{8,}?):\s+(?=\S)", ask)
    if lead and (_PERSONAL_EN.search(lead.group(1)) or re.match(r"\s*(?:a |one |my )?question (?:about|on)\b",
                                                              lead.group(1), re.I)
                 # ('Trade-fair angle: …', 'Safety league table: …': a writer's slug, a few words naming nothing)
                 or len(lead.group(1).split()) <= 4 and not re.search(r"[\u4e00-\u9fff\d()（）]", lead.group(1))
                 and re.search(r"\b(?:story|angle|table|note|brief|profile|piece|feature|headline|column|sidebar|check|"
                               r"focus|context|background)\s*$", lead.group(1), re.I)):
        places = resolve_places(lead.group(1), names, metas).found
        unnamed = lead.group(1)
        for place in places:
            unnamed = unnamed.replace(place, "").replace(short_name(place), "")
        rest = ask[lead.end() :]
        # (…unless the rest names only the sides: 'which would give our client more listed-company neighbours:
        # A at end-2022 or B in 2023?' asks in its lead)
        if not re.search(r"[\u4e00-\u9fff]", unnamed) and re.search(
                r"\b(?:how|what|which|who|whose|when|where|did|does|do|is|was|were|are|has|have|had)\b", rest, re.I):
            again = resolve_places(rest, names, metas).found
            ask = " ".join([*(p for p in places if p not in again), rest])
    return " ".join([*kept, ask])


def _scene_places(sentence: str, later: Sequence[str], names: Sequence[str], metas: Sequence[ReportMeta]) -> str:
    """An English scene about the asker ("Grandma's street in Buji (布吉) floods whenever it pours."): only the places
    it names that the ask does not; any other sentence, a claim, or one with a figure, a quote or the gloss of
    something other than a place ('…at Fuchengao New Village (辅城坳新村)'), as it is."""
    found = resolve_places(sentence, names, metas).found
    if not found or not _PERSONAL_EN.search(sentence) or _CLAIM_LEAD_EN.match(sentence) or re.search(r"[\d“\"]", sentence):
        return sentence
    unplaced = _PLACE_GLOSSES.sub(lambda m: "" if resolve_places(m.group(0), names, metas).found else m.group(0),
                                  sentence)
    return sentence if re.search(r"[\u4e00-\u9fff]", unplaced) else " ".join(p for p in found if p not in later)


# a sentence that asks ('…多少亿元？', '哪一边降得更多？', 'How many … ?'); a lead before its colon or dash
_ASKING = re.compile(r"哪[一个边家份类项]|谁|\bwhich\b", re.I)
_ASK_LEAD = re.compile(r"^(?:[^：:？?]*?(?:[：:]|——|—)|\s*(?:除此之外|此外|另外)[，,])\s*(?=[^：:—]*?(?:多少|几|哪|谁))")
# an ask that points back at things the sentences before name ('这些项目', '其中刑事警情', 'those projects')
# ('工业用地那一块', '事故宗数这一项': the thing just named, no pointing back)
_BACK_REFERENCE = re.compile(r"这些|那些|这(?!一块|一?项)[\d一二两三四五六七八九十几](?!(?:级|层)(?:的|[，,\s])|年)|那(?!一块)[\d一二两三四五六七八九十几](?!年)|上述|以上(?:这|几)|这两|那两|两个金额|"
                             r"之前|此前|以前|原先|原来|这里|此处|这句|该句|这段|文中|"
                             r"该项目|这个项目|(?<![数额量率值积入资])这一?项|\b(?:these|those|them|the two|both figures|of which|that work|components?|"
                             r"that figure|that number|the same)\b", re.I)


# a sentence after the ask that says what the report claims of the figure: context, no ask of its own
_SAID_AFTER = re.compile(r"^\s*(?:报告|文中|原文|材料)[里中]?(?:说|称|提到|写(?:着|道|的是)?|讲)(?![^。]*[？?])")
# a computation the asker spells out ('请用两个的合计减去其中一个来算'): part of the ask, never an aside
_SPELT_OUT = re.compile(r"(?:用|拿|以|按)[^。？?]{2,30}?(?:减去|减掉|加上|除以|乘以)[^。？?]{2,20}?(?:来|去)?(?:算|计算|得出|推算)|"
                        r"\b(?:subtract|minus|take away)\b", re.I)


_SAID_AGAIN = re.compile(r"^\s*(?:就是|也就是说?|即|换句话说|说白了)[，,]?")


def _about_asker(sentence: str) -> bool:
    """A sentence after the ask about the asker ('我孙子也在到处找事做呢。', '我们楼下那个充电棚不晓得算不算进去。'):
    no figure, no quote, no measure named, no question of its own."""
    return bool(_PERSONAL.search(sentence)) and not re.search(r"[“\"\d？?]", sentence) \
        and not terms_for_question(sentence) and not _NUMBER_Q.search(sentence)


def _ask_sentence(question: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> str | None:
    """Of a question in several sentences, the one sentence that asks, with the places and the one year the
    others name when it names none: what the analyst already knows ('已经知道它2022年规上产值是…'), scene-setting
    ('I'm building a profile of …') and what they do not want ('…那个数不要', 'not the growth rate') go. None unless
    one sentence asks and names its measure itself (in English, by the Chinese it gives), and the others only set
    the scene or set something aside: a clarification after the ask ('我是说…福利服务经费'), an ask that points
    back ('这些项目') or a passage read out keep the question whole."""
    lang = language_of(question)
    split = r"(?<=[。？?！!；;])|(?<=[^—。？?！!；;”」]{10}——)" if lang == "zh" else r"(?<=[.?!;])\s+(?=[A-Z“‘'\"(])"
    parts = [p for p in re.split(split, question) if p.strip()]
    optional = next((n for n, p in enumerate(parts) if n >= 2 and _SECOND_OPTIONAL.search(p)), None)
    if optional is not None:  # ('…？…？后一个报告里没有的话就算了。': the second ask is optional, the first is asked)
        parts = parts[: optional - 1] + parts[optional + 1 :]
    asking = [n for n, p in enumerate(parts) if _NUMBER_Q.search(p) or _ASKING.search(p)
              or re.search(r"吗|是否|有没有|是不是|能否|^\s*(?:did|does|do|is|was|were|has|have|had|are)\b", p, re.I)]
    requests = [n for n, p in enumerate(parts) if lang == "zh" and _REQUEST.match(p)]  # ('请提供当年的实际宗数。')
    asks = sorted({n for n in asking if re.search(r"[？?]\s*$", parts[n])} | set(requests))
    if lang == "zh" and len(asks) == 2 and asks[1] == asks[0] + 1 and _SAID_AGAIN.match(parts[asks[1]]):
        # '一共能收多少个小娃娃？就是托位有几个？': the ask said again in the report's words is the one asked
        parts[asks[1]] = _SAID_AGAIN.sub("", parts[asks[1]], count=1)
        parts[asks[0]] = re.sub(r"[^，,。；;]*[？?]\s*$", "", parts[asks[0]]) or "。"
        asks = [asks[1]]
    if len(parts) < 2 or len(asks) != 1 or DERIVE.search(question) \
            or re.search(r"[“\"][^”\"]*\d[^”\"]*[”\"]", "".join(parts[: asks[0]])):
        return None  # (a passage of the report read out before the ask is what the ask is about)
    ask = _PURPOSE.sub("", parts[asks[0]]) if lang == "zh" else parts[asks[0]]  # ('…，以便复核降幅': why, no ask)
    after = parts[asks[0] + 1 :]
    after = [p for p in after if not _SAID_AFTER.match(p)]  # ('…完成多少亩？材料里说这占到全市一半。')
    if any(not _SETS_ASIDE.search(p) and not _CLARIFIES.match(p) and not _about_asker(p) or _SPELT_OUT.search(p)
           for p in after):
        return None  # ('…花了多少？…福利服务经费那块。': what follows says what is asked; '请用合计减去…来算': how)
    if any(_CLARIFIES.match(p) for p in after):  # ('…多少家？我问的是通过认定的企业家数。': the ask and what it means)
        ask = ask + "".join(p for p in after if _CLARIFIES.match(p))  # (what it sets aside goes)
    lead = _ASK_LEAD.match(ask) if lang == "zh" else None
    if lead and QUESTION_TARGET.search(lead.group(0)):
        lead = None  # ('观湖2023年计划：…要新增的里程是多少': the lead says a plan is asked; it stays with the ask)
    before = "".join(parts[: asks[0]]) + (lead.group(0) if lead else "")
    ask = ask[lead.end() :] if lead else ask
    # (a gloss of a place names no measure; one of a thing does, when the ask names its own year: 'In its 2023
    # plan, how many garden estates (花园小区)…'; undated, the sentence before says which: '…in the first half of
    # 2024. What completion rate (办结率)…')
    unplaced = _PLACE_GLOSSES.sub(lambda m: "" if resolve_places(m.group(0), names, metas).found else m.group(0), ask) \
        if lang == "en" and _YEAR.search(ask) else _PLACE_GLOSSES.sub("", ask)
    given = re.sub(r"[\d.]*(?:[万亿千百]?元|万?平方米|公顷|万?亩|万?吨|个百分点)", "", unplaced)
    # ('甲、乙这两个水库': the things the ask lists itself, no pointing back)
    listed = re.sub(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+[这那](?:两|[三四五六七八九十\d])", "", ask)
    if _BACK_REFERENCE.search(listed) or (lang == "en" and not re.search(r"[\u4e00-\u9fff]{2}", given)):
        return None  # ('这些项目总共投入了多少': what the sentence before names is asked; 'How many 亿元 is it?')
    own = resolve_places(ask, names, metas)
    words = indicator_phrase(ask, own.spans, lang, own.found)
    nouns = [w for w, pos in tagged(words) if len(w) >= 2 and pos.startswith("n") and not _GENERIC_NOUN.fullmatch(w)]
    # ('正风肃纪这一块，审计发现了多少个问题': a long phrase of its own names what is counted, whatever its tags)
    if lang == "zh" and not nouns and not terms_for_question(ask) and len(re.findall(r"[\u4e00-\u9fff]", words)) < 8:
        return None  # ('…。那增速是多少？', '具体多少来着', '核实一下是哪个街道更低': the measure is the sentence before's)
    earlier = resolve_places(before, names, metas)
    if any(re.search(r"[\u4e00-\u9fff]", u) for u in earlier.unknown):  # (named in Chinese: no county in pinyin)
        return None  # ('Fenggang (凤岗镇) is Pinghu's neighbour. What was its output?': a place the corpus lacks is asked)
    kept = [p for p in earlier.found if p not in own.found]
    years = sorted(set(_YEAR.findall(before)))
    dated = bool(_YEAR.search(ask) or _SHORT_YEAR_ZH.search(ask) or _PERIOD_WORDS.search(ask)
                 or re.search(r"\b(?:H[12]|Q[1-4]|first half|mid-year|(?<!that )(?<!the )year)\b", ask, re.I))
    when = f"{years[0]}{'年' if lang == 'zh' else ''}" if len(years) == 1 and not dated else ""
    return " ".join([*kept, when, ask]).strip()


# a request that asks without a question mark ('请提供当年的实际宗数。', '麻烦给出…')
_REQUEST = re.compile(r"^\s*(?:请|麻烦|烦请|劳驾)您?(?:提供|给出|列出|告知|告诉我|说明|核实|确认|查一下|报一下|给个|给一下)")
# why the figure is wanted, after the ask ('…，以便复核降幅', '，用于核对'): no part of what is asked
_PURPOSE = re.compile(r"[，,]\s*(?:以便|以供|便于|用于|用来|好让|方便)[^，,。？?]*(?=[。？?]?\s*$)")
# a sentence that makes the ask before it optional ('后一个报告里没有的话就算了', '第二个要是报告没写，告诉我第一个就行')
_SECOND_OPTIONAL = re.compile(r"(?:后一个|后一项|第二个|第二项|后面那个|后者)[^。？?]{0,12}?(?:没有|没写|未写|没提|不写)[^。？?]{0,12}?"
                              r"(?:算了|就行|也行|不用|没关系|无妨)")
# a sentence after the ask that says what the ask means ('我问的是…', '我是说…', 'I mean …'): read with the ask
_CLARIFIES = re.compile(r"^\s*(?:我(?:问|说|指|要)的?是|我是说|我的意思是|我(?:只)?要的?是|\bI mean\b|\bI'm asking (?:about|for)\b|"
                        r"\b(?:I|we) (?:only |just )?(?:need|want) (?:the|a|just)\b|\bwhat (?:I|we) need is\b)", re.I)
# a sentence after the ask that only sets something aside ('…那个数不要。', '不用重复。', '年份不同我知道。')
_SETS_ASIDE = re.compile(r"换算|折算|折合成|(?:按|用)[^，,。？?]{1,6}(?:说|算|给|表示|报)就?(?:行|可以|好)?|口径|同为|均为|勿|混淆|搞混|区分|分开|范围内|只问|仅问|不计入|另有|另[算计]|另外再?查|另查|回头再?查|单独再?查|先不管|先不问|不用管|不要|不是|不用|(?<![特区分级类性])别|不算|不含|不包括|单列|不比|不必|无需|不需要|我知道|我清楚|只要|只需要?|(?:这儿|这里|这边|手上|手里)(?:已经?)?有了|\bnot\b|\bno need\b|"
                         r"\bleave\b|\bexclud|\bignore\b|\bI know\b|\bplease\W*$|\bconvert(?:ed)? (?:it )?(?:in)?to\b|\b(?:I|we) (?:already|now) (?:have|know)\b|"
                         r"\b(?:I|we)(?:'ve| have) (?:already )?got\b", re.I)
# a place's Chinese in brackets after its pinyin ('Guanhu (观湖)', 'XX (XX街道)'): where, no measure
_PLACE_GLOSSES = re.compile(r"[(（][A-Za-z\u4e00-\u9fff]{2,8}[)）]")
_GENERIC_NOUN = re.compile(r"街道|地方|地区|数字|数据|情况|方面|报告|问题|时候|时间|部分|东西|事情|核实|核对|确认|说明|介绍|对比|比较")


# a place the question sets aside ('excluding Pinghu', '…Pinghu gives only January–May, so leave it out', '除平湖外',
# '不算平湖'): named, and no place of the comparison
_SET_ASIDE_EN = re.compile(r"\b(?:excluding|except(?: for)?|leaving out|leave out|not counting|other than|apart from|"
                          r"aside from)\s+(?P<what>[^,.;?]{1,60})|"
                          r"(?P<sentence>[^.;?]{1,120}?)[,;]?\s*(?:so\s+)?(?:(?:leave|leaving|keep)\s+(?:it|them|that one|those)\s+out|"
                          r"(?:exclude|ignore|skip|drop)\s+(?:it|them|that one|those))\b", re.I)
_SET_ASIDE_ZH = re.compile(r"(?:不含|不算|不包括|除去?了?|排除|去掉|剔除)(?P<what>[^，,。？?]{1,20}?)(?:之外|以外|外|不算|[，,。？?]|$)|"
                          r"(?P<what2>[^，,。？?]{1,16}?)除外")


def _places_left_out(question: str, names: Sequence[str], metas: Sequence[ReportMeta]) -> list[str]:
    """The places a question names only to set them aside."""
    out: list[str] = []
    for m in (_SET_ASIDE_EN if language_of(question) == "en" else _SET_ASIDE_ZH).finditer(question):
        text = next((g for g in m.groups() if g), "")
        out += resolve_places(text, names, metas).found
    return out


# an English note after a Chinese term ('小初学位 (primary plus junior-secondary places)'): the term says it
_GLOSS_EXPLAINED = re.compile(r"(?<=学位|面积|产值|收入|投资|企业|项目|人数|户数|数量|总额|用地|税收|经费)([”’'\"]?)\s*"
                              r"\((?![^()]*[\u4e00-\u9fff])[A-Za-z][^()]{2,60}\)")  # (a measure's; a programme's name keeps its note)


# any English note in brackets right after a Chinese term explains the term; it asks nothing of its own
_NOTE_AFTER_ZH = re.compile(r"(?<=[\u4e00-\u9fff])\s*\((?![^()]*[\u4e00-\u9fff])[A-Za-z][^()]{2,60}\)|"
                            # '集体经济收入总盘子（12个村合计），…涨了多少': a note on what the total covers, no sum asked
                            r"[（(]\s*\d+个(?:行政)?(?:村|社区|村居|村（居）)(?:的)?(?:合计|加总|总计|加起来)\s*[)）]")


# the report's own name for what a question describes in plain words ('…，报告叫精防应急事件的，…', '报告里叫“X”')
_REPORT_CALLS = re.compile(r"(?:报告|文件|原文|材料)(?:里|中|上)?(?:叫|称|称为|叫做|写作|写成|管它叫)[“\"]?([\u4e00-\u9fff]{2,14}?)[”\"]?"
                           r"(?:的)?(?=[，,。；;？?]|$)")
# 'I'm not sure whether it was 2022 or 2023': one year asked, the asker unsure which
_EITHER_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?(?:的事)?(?:还是|或者?)((?:19|20)\d\d)\s*年")
_UNSURE = re.compile(r"记不清|不记得|记不得|忘了|不确定|不清楚|说不准|拿不准|我记得|好像")
# '老师，观湖22年…', '请问主任：…': the person asked, addressed before the question
_ADDRESS = re.compile(r"^\s*(?:(?:请问|问一下|想问一下)?(?:老师|同学|领导|主任|书记|师傅|阿姨|叔叔|大爷|大姐|大哥|专家)们?(?:您?好)?"
                      r"[，,：:！!]\s*)+")


# '办了政策宣讲会，也办了公益招聘会。这两种一共…': two things done, said in two clauses, then added up
_ALSO_DONE = re.compile(r"([办搞开建修举组])(了?[\u4e00-\u9fff]{2,12}?)[，,]\s*(?:也|还|又|另外)\1了?(?=[\u4e00-\u9fff]{2,12}?[。；;，,]"
                        r"[^？?]{0,6}?(?:这|那)?(?:两|二|三|几)(?:种|项|类|样|个)[^？?]{0,4}?(?:一共|合计|总共|加起来|合起来|共))")


def plain_question(question: str) -> str:
    """The question as reports word it: no words addressing the person asked ('老师，…') and no examples before the
    kind they stand for ('白茶、红茶等毛茶'); spoken forms in the report's ('排老几', '多少平方', '平摊到14个村，每村');
    two things done in two clauses joined for the sum asked; numbers as reports write them ('8,800万元' is 8800万元;
    '单个规模在10万到500万元之间的项目' is 10至500万元项目)."""
    question = _examples_dropped(_ADDRESS.sub("", question))
    question = _format_asked_dropped(question)
    # '新增的1684户市场主体中，企业占几户': the whole's count names which whole, the part's count is asked
    question = re.sub(r"(?<![\d.])\d+(?:\.\d+)?\s*(户|家|个|人|项|名)(?=[\u4e00-\u9fff]{2,8}(?:中|里|当中|之中)[，,]"
                      r"[^？?]{0,12}?(?:占|有)(?:几|多少)\1)", "", question)
    # '…超没超年度目标？完成比例是多少？': one ask, the completion rate
    question = re.sub(r"(?:超没超|超了没有?|有没有超过?|是否超过?|完成了没有?|达没达到|达到了没有?|有没有完成)(?:过)?(?:年度|全年)?"
                      r"(?:目标|任务|计划)[？?，,。]\s*(?:完成(?:比例|率|进度)(?:是|有)?(?:多少|几)|完成了?百分之(?:多少|几))",
                      "完成年度目标的比例是多少", question)
    # '在2020到2021这一年里': two years as a span; '对照两份材料，': which reports, no measure
    question = re.sub(r"((?:19|20)\d\d)\s*(?:年)?\s*(?:到|至)\s*((?:19|20)\d\d)(?![\d年])", r"\1年到\2年", question)
    question = re.sub(r"^(?:对照|对比|结合|翻看|看)(?:这)?[两二三几]?(?:份|篇|个)?(?:材料|报告|总结|文件)[，,]|"
                      r"^(?:前后)?[两二三](?:年|个年份|份报告|份材料)(?:对比|对照|比较|放在一起看)[，,：:]", "", question)
    # '…是涨是跌？跌幅多大？': one ask, the growth rate and its sign
    question = re.sub(r"(?:是|到底是)?(?:涨|增|升)(?:了)?(?:还)?是(?:跌|减|降)(?:了)?[？?，,。]?\s*(?:跌幅|涨幅|降幅|增幅|幅度|变化幅度|变动幅度)"
                      r"(?:有|是)?(?:多大|多少)", "增幅是多少", question)
    # '财政收入（一般公共预算口径）': the measure the bracket names; '按14个村合计口径，': how it is counted, no sum asked
    question = re.sub(r"财政收入[（(](一般公共预算|地方一般公共预算|全口径财政)(?:收入)?口径[)）]", r"\1收入", question)
    question = re.sub(r"按(?:照)?[^，,？?]{0,10}?(?:合计|汇总|加总)口径[，,]?", "", question)
    # '从2022年的3.6万亩起算，…到2023年扩大了多少': the start the question gives, its year kept
    question = re.sub(r"从((?:19|20)\d\d\s*年)的?[\d.]+\s*[万亿]?[\u4e00-\u9fff]{0,3}?(?:起算|算起|出发|开始算?)[，,]", r"从\1", question)
    question = question.replace("几多", "多少").replace("排老几", "排第几")  # (spoken: 'how many', 'what place')
    question = re.sub(r"(?<=多少|几个)平方(?![米公千])|(?<=多少)个平方(?![米公千])", "平方米", question)  # '拆了多少平方'
    # '把村集体经济收入平摊到14个村，…每村大约多少': the per-village figure (村均…)
    question = re.sub(r"把([\u4e00-\u9fff]{2,14}?)(?:平摊|平均分摊|分摊|均摊|平分|平均分)(?:到|给)\d+个([村户人])[，,]([^？?]*?)每\2"
                      r"(?:大约|大概|约|平均)?", r"\3\2均\1", question)
    question = _ALSO_DONE.sub(r"\1\2和", question)
    question = re.sub(r"[，,]\s*(?:再|还要|另外再?|然后再?)加上", "加上", question)  # '…学位，再加上高中学位': one sum
    # '…、职业技能培训，三样加一块一共多少场': the items counted again before they are added up
    question = re.sub(r"[，,]\s*(?:这|那)?[两二三四五六七八九十几]+(?:样|项|种|类)(?:东西|活动|事情?|工作)?"
                      r"(?=\s*(?:加|合|一共|总共|合计|共计|全部|都))", "", question)
    question = re.sub(r"(?:加|合|算)(?:在|到)?一(?:起|块)(?=\s*(?:一共|总共|合计|共计))", "", question)  # ('加一块一共': one ask)
    question = re.sub(r"(?<=\d),(?=\d{3}(?![\d.,])\s*[\u4e00-\u9fff%])", "", question)  # ('in units of 10,000 mu' kept)
    question = re.sub(r"(?:单个|单体|单项)(?:项目)?(?:规模|投资额?)?在(?=\d)|规模在(?=[\d.]+\s*[万亿]?元?\s*(?:到|至))", "",
                      question)
    return re.sub(r"(\d+(?:\.\d+)?)\s*[万亿]?元?\s*(?:到|至|~|～|—)\s*(\d+(?:\.\d+)?)\s*([万亿])元(?:之间)?", r"\1至\2\3元",
                  question)


def route(question: str, known: Sequence[str] | Sequence[ReportMeta], previous: Route | None = None) -> Route:
    """Understand a question; a follow-up without its own indicator, place or period inherits them."""
    question = _GLOSS_EXPLAINED.sub(r"\1", question) if language_of(question) == "en" else question
    question = plain_question(question)  # (as reports word it: '老师，…', '白茶、红茶等毛茶', '8,800万元')
    # 'the Xitian (溪田) area of Town', '(“溪田”) area is a tea-tourism zone': a named zone, no area measured
    question = re.sub(r"(?<=[)）])(\s*)area(?=\s+(?:of|inside|within|is\s+an?)\b)", r"\1zone", question)
    # '按镇人代会定的全年目标，下半年…还差多少': what is left of the year's target after the first half, no half-year
    # figure; whose target it is names nothing
    question = re.sub(r"下半年(?=[^，,？?]{0,20}?还(?:差|需|得|要))", "", question)
    question = re.sub(r"(?:按|按照|对照)[^，,？?]{0,10}?(?:定|确定|提出|下达)的(?=(?:全年|年度)?(?:目标|任务))", "按", question)
    # 'Road safety benchmarking, Buji (布吉) 2022: …', 'Audit note: …': a heading says what the asker is doing
    question = re.sub(r"^(?:[A-Za-z][\w-]*\s+){0,3}(?:benchmarking|benchmark|audit|fact[- ]check|check|review|worksheet|"
                      r"note)(?:\s+(?:row|item|note))?(?:\s+\d+)?\s*[,:—–-]\s*", "", question, flags=re.I)
    if language_of(question) == "en":
        question = _en_frame_dropped(question)
        # a unit glossed or spelled ('10,000-dan (万担)', ', in 万头?'), a day of a month ('As of June 30, 2025'): no part
        # of the measure
        question = re.sub(r"\b\d{1,3}(?:,\d{3})*-(?:dan|jin)\b", "tonnes", question)  # (a weight, as the row's 担 is)
        question = re.sub(r"[（(]\s*[万亿](?:担|头|只|羽|架|袋|株)\s*[)）]|\b\d{1,3}(?:,\d{3})*-(?:head|mu)\b|"
                          r"[,;]?\s*\bin\s+[万亿](?:担|头|只|羽|架|袋|株)(?=\s*[?.]|\s*$)", " ", question)
        question = re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                          r"\s+\d{1,2}(?:st|nd|rd|th)?(?=,?\s+(?:19|20)\d\d)", r"\1", question)
        # '…have in 2019, new sheds included': the whole stock, the year's additions inside it, never the additions
        question = re.sub(r"[,;]?\s*(?:the |its )?new(?:ly added)? (?:[a-z-]+ )?(?:included|counted in|inclusive)\b|"
                          r"[,;]?\s*\b(?:including|counting|inclusive of) (?:the |its |this year's |that year's )?new(?:ly added)?"
                          r"(?: [a-z-]+)?(?=\s*[?,.;]|\s*$)", "", question, flags=re.I)
    question = _ADD_TO.sub(r"新增\1", question)  # '计划把幼儿托位增加多少个': the plan's new places (新增托位)
    question = _SCOPE_AFTER.sub(r"\3\1\2", question)
    # everyday names: '产出' of money is the output value, '花了多少' the outlay, '自行车道' the 非机动车道, '压降' a fall
    question = re.sub(r"产出(?=[^，,？?]{0,8}(?:亿|万元))", "总产值", question)
    question = re.sub(r"(?:花|砸)了?(?:进去)?(?=多少)", "投入", question).replace("自行车道", "非机动车道").replace("压降", "下降")
    question = re.sub(r"(?<=[规限上])工企", "工业企业", question)  # '规上工企': 规上工业企业
    question = re.sub(r"(?:同是|都是|同样是)(?=20\d\d)", "", question)  # '同是2022年，…': both in that year
    question = _BAR_PASSED.sub(lambda m: m.group(1).removesuffix("元") + "元以上", question)
    for schools, short in _SCHOOLS:
        question = schools.sub(short, question)
    # '2021/2022年榨季': one season, by the year it ends; '60至79岁': the band as labels write it, 60-79岁
    question = age_spans(season_years(full_years(question)))
    # '从2016年的报告到2017年的工作总结，增减多少': two reports named, their two years compared
    question = _REPORT_SPAN.sub(lambda m: f"从{m.group(1) or m.group(3)}年到{m.group(2) or m.group(4)}年", question)
    question = re.sub(r"^(?:拿|把|用)(?=[^，,？?]{0,12}从20\d\d年到20\d\d年)", "", question)
    question = _POINTS_COLLOQUIAL.sub(r"\1了百分之几", question)  # '社零比上年涨了几个点': the growth, in per cent
    metas = [m for m in known if isinstance(m, ReportMeta)]
    names = sorted({m.street for m in metas if m.street} | {k for k in known if isinstance(k, str)})
    lead = _WHY_ASKED_FIRST.match(question)
    if lead and not any(n in lead.group(0) or len(short_name(n)) >= 2 and short_name(n) in lead.group(0) for n in names) \
            and re.search(r"多少|几|哪|吗|是否", question[lead.end() :]):
        question = question[lead.end() :]  # '我们写对口帮扶的案例。…': why the asker asks, no part of the ask
    original, question = question, _asides_dropped(question, names, metas)
    # '完成率是97.3%，倒推…任务': the rate is an input to the answer (which reads it from `asked`), the target asked
    stated, question = question, GIVEN_RATE.sub("", question)
    lang = language_of(question)
    found = resolve_places(question, names, metas)
    places, unknown, spans = found.found, found.unknown, found.spans
    left_out = _places_left_out(original, names, metas)
    if left_out and len([p for p in places if p not in left_out]) >= 2:
        places = [p for p in places if p not in left_out]  # '…Pinghu gives only January–May, so leave it out'
    # '2023年报告定下的2024年目标': a year naming the report, never a period asked (when another year is asked)
    dated = _SEASON_YEARS.sub(r"\2年", _REPORT_YEAR.sub(" ", question))  # ('2018/2019年榨季': the season is 2019's)
    years = sorted({int(y) for y in _YEAR.findall(dated if _YEAR.search(dated) else question)}) \
        or relative_year(question, places, metas)
    unsure = _EITHER_YEAR.search(question) if len(years) == 2 and _UNSURE.search(question) else None
    if unsure and {int(unsure.group(1)), int(unsure.group(2))} == set(years):
        # '是22年还是23年的事我也记不清了': one year, the asker unsure which; the one the place's reports cover
        reported = [y for y in years if str(y) in {(m.period_covered or "")[:4] for m in metas if m.street in places}]
        years = reported if len(reported) == 1 else []  # (both reported: the latest, its year said)
    told = _REPORT_YEAR.search(question)
    if told and not _YEAR.search(dated) and re.search(r"上年|去年|上一年|前一年", dated):
        years = [int(_YEAR.findall(told.group(0))[0]) - 1]  # '按2020年政府工作报告，上年…': the year it reviews
    before = _BEFORE_YEAR.search(question) if len(years) == 1 else None
    if before and int(before.group(1) or before.group(2)) == years[0]:
        years = [years[0] - 1]  # 'the year before its 2020 report year', '2020年的上一年': that year less one
    if len(years) == 1 and _NEXT_OF_REPORT.search(question):
        years = [years[0] + 1]  # '2021年总结里下一年的固投目标', "the 2021 summary's goal for the following year"
    base = _BASE_YEAR_EN.search(question) if lang == "en" and len(years) == 1 else None
    covered = {(m.period_covered or "")[:4] for m in metas if m.street in places}
    if base and _GROWTH.search(question) and int(base.group(1)) == years[0] \
            and not (str(years[0]) in covered and str(years[0] + 1) not in covered):
        # 'by what percentage did retail sales increase over 2022': the year after its base (…unless only the year
        # named is reported: 'how fast did its tax grow over 2021', of a 2021 report, is growth during it)
        years = [years[0] + 1]
    trend = bool(_TREND.search(question)) or (len(years) >= 2 and not _RANK_ZH.search(question)
                                              and not _RANK_EN.search(question) and len(places) < 2) or (
        bool(WHICH_YEAR.search(question)) and len(places) < 2)
    # 'Buji in 2022 or Yutang in 2023': two places, each with its year, compare; they trace no trend
    if trend and len(years) <= 1 and re.search(r"同比|year[- ]on[- ]year|" + _RATE_ON_LAST_YEAR, question, re.I):
        trend = False  # '2022年…同比变化了多少' asks for the reported growth rate
    period = None if trend else period_of(question, years)
    # ('a “ladder plan” (梯队计划)': in English, a Chinese gloss only names a thing, it asks no kind)
    kind = kind_asked(_QUOTED.sub("“”", re.sub(r"拟(?:作|用|写|起|取)", " ", re.sub(
        r"(?<=[”\"])\s*[(（][\u4e00-\u9fff“”]{2,12}[)）]", "", question) if lang == "en" else question)))  # ('标题拟作“…”': a title, no plan)  # '“梯队计划”累计吸纳…': a programme's name asks no target
    clauses = re.split(r"[，,；;。]", question) if lang == "zh" else []
    ask_at = next((n for n in range(len(clauses) - 1, 0, -1) if _NUMBER_Q.search(clauses[n])), 0)
    stating = [c for c in clauses[:ask_at] if any(q.unit and re.search(r"\d", c[q.start : q.end]) for q in scan_quantities(c))]
    if stating and not any(_NUMBER_Q.search(c) for c in clauses[:ask_at]) and not DERIVE.search(question) \
            and not re.search(r"还剩|还差|剩余|剩下|尚差|缺口", clauses[ask_at]) \
            and kind_asked("，".join(stating)) == kind:  # ('照此推算还剩多少': the premise is the input)
        # '土地入库任务14.3公顷，截至年中实际已完成入库多少': a figure stated first, with its kind, frames the ask;
        # the rest says the kind asked
        kind = kind_asked(_QUOTED.sub("“”", "，".join(c for c in clauses if c not in stating)))
    last = re.split(r"(?<=[\w)”])\.\s+(?=[A-Z])", question)[-1] if lang == "en" else question
    earlier = last != question and kind in ("yoy_growth", "yoy_change") and kind_asked(last) == "actual" \
        and bool(PREVIOUS_YEAR.search(last))
    if earlier:
        # 'X grew its firms by a stated rate in 2022. How many did it have a year earlier?': the level asked, of the
        # year before the one the premise names
        kind = "actual"
        if len(years) == 1:
            years = [years[0] - 1]
            period = period_of(str(years[0]), years)
    given = any(q.unit for q in scan_quantities(question)) or lang == "en" and bool(
        re.search(r"(?<![\d.,])\d+(?:\.\d+)?\s+(?!per\b)[a-z]", re.sub(r"\b(?:19|20)\d\d\b", " ", question)))  # '46 firms'
    if trend and kind == "target" and len(years) == 2 and given \
            and not ASKS_CHANGE.search(question) and not re.search(r"差|相比|对比|比较|\b(?:than|compared?)\b", question):
        # '2023年有21家“小升规”，2024年计划把这个数提到多少家': the earlier figure is given, the later plan asked
        trend, years = False, years[-1:]
        period = period_of(question, years)
    based = (_BASE_YEAR_ZH.search(question) or _BASE_YEAR_FIRST_ZH.search(question)) \
        if lang == "zh" and len(years) == 2 and kind == "yoy_growth" else None
    if trend and based and years[1] - years[0] == 1 and int(based.group("base")) == years[0] \
            and int(based.group("year")) == years[1]:
        # '某年某指标较上一年（写明年份）的降幅': the rate the report gives for the later year, no series
        trend, years = False, years[1:]
        period = period_of(question, years)
    if trend and len(years) <= 1 and kind in ("yoy_change", "yoy_growth") and not _SPAN_ASKED.search(question):
        trend = False  # '报告年度事故宗数比上年少了多少': one year's change on the last, no series
        period = period_of(question, years)
    tail = YES_NO_TAIL.search(question) if lang == "zh" else None  # '固投完成多少？是第一次过百亿吗？'
    asked = question[: tail.start() + 1] if tail and _NUMBER_Q.search(question[: tail.start()]) else question
    phrase = indicator_phrase(asked, [s for s in spans if s[1] <= len(asked)], lang, places)
    if lang == "en" and places:  # 'Zhechuan (柘川街道), Xibei: …': the county the place is in, no part of the name
        phrase = _without_counties(phrase, [m for m in metas if m.street in places])
    part_of = _OF_THE_WHOLE.search(question) if lang == "en" else None
    part_words = indicator_phrase(part_of.group("part"), [], lang, places) if part_of else ""
    if len(part_words.split()) >= 2:  # 'Of the new 四上 firms it added, how many were service-sector firms?': the part
        phrase = part_words  # is what is counted (…when its words name it: 'kindergarten places' keeps the whole's)
    of_them = _PART_OF_WHOLE_EN.search(question) if lang == "en" and not part_of else None
    if of_them and re.search(r"\b(?:these|those|them)\b", of_them.group("part"), re.I):
        of_them = None  # ('how many of them were these'): no part named
    if of_them:
        # 'how many of the market entities newly registered … were enterprises', '…registered 2,146 new market
        # entities; what number of them were companies': the part, as new as the whole it is taken from
        said_before = question[: of_them.start("part")]
        fresh = "newly registered " if re.search(r"\bregist", said_before, re.I) else "new " if re.search(
            r"\bnew(?:ly)?\b|\badded\b", said_before, re.I) else ""
        phrase = indicator_phrase(fresh + of_them.group("part"), [], lang, places) or phrase
    frame = _context_frame(question) if lang == "zh" else None
    if frame and len(phrase) >= len(context := indicator_phrase(
            frame.group(0), [sp for sp in spans if sp[1] <= frame.end()], lang)) + 2 and context in phrase:
        phrase = phrase.replace(context, "", 1)
    # ('人数较前一年多了几个人': a change on a year before, no count of additions)
    unchanged = re.sub(r"(?:[比较]|相比|和|与)(?:上年|去年|上一年|前一年|20\d\d\s*年?)(?:相比)?[^，,？?]{0,12}?增加了?", " ", question)
    # ('算上新增12家、退库3家之后，年末还剩多少家': what was added first frames the stock asked)
    unchanged = re.sub(_DONE_FIRST + r"(?=[^，,？?]*(?:多少|几))", " ", unchanged)
    keys = [flavoured_key(t, unchanged) for t in terms_for_question(question[frame.end():] if frame else question)] \
        if lang == "zh" else (_en_keys(question) or [t.key for t in terms_for_question(question)])  # '托位的新增': new_
    if of_them:
        keys = _en_keys(phrase)  # (the part's own lexicon name, never the whole's)
    if lang == "zh" and keys and re.search(r"(?:产值|收入|投资额?|税收|金额|资金|销售额|营收|利润)(?:下限|上限|底线)?$", phrase) \
            and all(BY_KEY[k].units == ("count",) for k in keys if k in BY_KEY):
        keys = []  # '引进项目年内纳统产值要达到多少': the projects' output value, never the count of projects
    brought = _BROUGHT.search(asked) if lang == "zh" else None
    if brought:  # '引进项目带来了多少亿元落地产值': the measure named after the money asked, not what brought it
        phrase, keys = brought.group(1), [flavoured_key(t, brought.group(1)) for t in terms_for_question(brought.group(1))]
    called = _REPORT_CALLS.search(question) if lang == "zh" else None
    if called:  # '处理这种精神病人的突发情况，报告叫精防应急事件的，…': the report's own name for what is asked
        phrase = called.group(1)
        keys = [flavoured_key(t, phrase) for t in terms_for_question(phrase)]
    if not keys and (phrase == "投资" or lang == "en" and re.findall(r"[\u4e00-\u9fff]+", phrase) == ["投资"]):
        keys = ["fixed_asset_investment"]  # '今年的投资完成了多少', 'investment (投资)': a place's investment is its 固投
        phrase = phrase.replace("投资", "固定资产投资")  # …never a bare '投资' some sentence gives a project
    if kind == "target":
        # a plan's count is of things to add ('小升规 target', '专精特新目标'): the new_ measure answers it too
        keys += [f"new_{k}" for k in keys if not k.startswith("new_") and f"new_{k}" not in keys]
    named_share = re.search(r"\bthe ([a-z][\w-]*(?: [a-z][\w-]*)?) share of\b", question, re.I) \
        if lang == "en" and kind == "share" else None
    if named_share and not re.match(r"(?:larg|bigg|small|high|low|great|less|more|total|whole)", named_share.group(1), re.I):
        # 'the tax share of its budget revenue': the share is the tax's
        phrase = indicator_phrase(named_share.group(1), [], lang, places)
        keys = _en_keys(named_share.group(1))
    part = _EN_SHARE_FROM.search(question) if lang == "en" and kind == "share" else None
    part_words = indicator_phrase(part.group(2), [], lang, places) if part else ""
    went = bool(part and re.search(r"\bwent (?:in)?to|\bgoes (?:in)?to", question, re.I))
    if part and (len(part_words.split()) >= 2 or went and part_words):
        # 'what share of its tax came from key office buildings': theirs; '…of its investment went into industry'
        whole = indicator_phrase(part.group(1), [], lang, places).split()
        phrase = part_words + (f" {whole[-1] if went else whole[0]}" if whole else "")
        keys = []  # the part and the first word of the whole ('key office buildings tax'), not the whole's measure
    ranking = bool(_RANK_ZH.search(question) or _RANK_EN.search(question)) or (
        len(places) >= 2 and bool(_MORE_EN.search(question))) or (  # 'who reached more: A or B'
        bool(WHICH_STATES.search(question)) and len(places) != 1)  # '哪一份给出了…': every place's report asked

    if ranking and kind == "yoy_change" and not re.search(r"上一?年|去年|前一年|同比|同期|last year|previous year", question, re.I):
        kind = "actual"  # '谁…多？多几场': the gap between places, not a change on the previous year
    falls = kind in ("yoy_growth", "yoy_change") and bool(DECLINE_ASKED.search(question))  # '降幅更大': lowest first
    # 'which had cleaner air by PM2.5', '哪个空气更好（PM2.5）': of a measure where less is better, the lowest
    falls = falls != bool(kind == "actual" and _LESS_IS_BETTER.search(question) and _BETTER.search(question))
    hint = unit_hint(last if earlier else question)  # (a premise's rate is not the unit asked)
    intent: Intent
    # ('…村集体经济收入的合计数，2022年比2021年多了多少': the sum's change between two years, a trend)
    summed_changed = trend and len(set(years)) == 2 and bool(ASKS_CHANGE.search(question)) and len(places) <= 1 \
        and bool(re.search(r"的?(?:合计|总计|总和)数?(?:放在一起看|放一起看|对照着看|摆在一起)?(?:[，,]|(?=在|从))", question))
    # ('三地村集体经济收入合计哪个最多': each place's total, ranked)
    # ('哪个的村级集体收入合计更多': the same, asked the other way round)
    summed_ranked = ranking and len(places) >= 2 and bool(re.search(
        r"(?:合计|总计|总额)数?(?:是)?(?:哪|谁)|(?:哪|谁)[^？?]{0,20}?(?:合计|总计|总额|总和)数?[^，,？?]{0,3}?(?:更|最)[多高大少低小]",
        question))
    if _AGG.search(_NOTE_AFTER_ZH.sub("", question)) and not _AFTER_ADDING.search(question) and not summed_changed \
            and not summed_ranked and not called \
            and not (not places and _NAMED_ZONE.search(question)):  # ('“某台”片区一共迎来多少游客': one zone's total)
        # ('new 小初 (primary plus junior-high) places': a note; 'after adding two, how many … in total': the stock)
        intent = "aggregate"
    elif trend:
        intent = "trend"
    elif ranking and sum(len(found.counties.get(p, ())) or 1 for p in places) != 1:  # two 禾塘镇 are two places
        intent = "rank"
    elif phrase or keys:
        # 'Buji (布吉) procurement savings rate?': a terse question naming a rate or unit asks a figure
        intent = "lookup" if (_NUMBER_Q.search(question) or ASKS_RANK.search(question) or keys or kind != "actual"
                              or hint or _terse(question, phrase, lang)) else "open"
    else:
        intent = "open"
    kind, also_kind = _two_asks(question, kind)
    if kind == "yoy_change" and hint == "percent":
        kind = "yoy_growth"  # '比去年同期少了多少（百分比）': the change as a rate is the stated growth
    second = (_SECOND_EN if lang == "en" else _SECOND_ZH).search(question) if also_kind else None
    if second:  # 'FAI for 2022, in 亿 — and does the report say what % of the task that was?', '入库面积有多少，在全区
        # 占多大比重': the first ask names it
        cut = second.start() if lang == "en" else second.end()  # ('…落户了多少个项目？': the measure word and noun kept)
        first = indicator_phrase(question[:cut], [s for s in spans if s[1] <= cut], lang, places)
        phrase = first or phrase
    if also_kind and hint == "percent":
        hint = None  # 'how much land…, and what share of the district was that': the rate is the second ask
    told = _EN_TOLD_THEN_ASKED.search(question) if lang == "en" and intent == "lookup" else None
    if told and re.search(r"[(（][^()（）]*[\u4e00-\u9fff]{2,}[^()（）]*[)）]", told.group("ask")) \
            and re.search(r"\d", re.sub(r"\b20\d\d\b", "", told.group("told"))):
        # 'Hechuan says its firms rose to 214 in 2023. In the same report, how many new 四上 firms (新增“四上”企业)…':
        # the figure told is context; the sentence that asks names the measure (and its kind)
        ask = told.group("ask")
        phrase, keys, asked_kind = indicator_phrase(ask, [], lang, places), _en_keys(ask), kind_asked(ask)
        kind = kind if asked_kind == "actual" and kind == "target" else asked_kind  # ('…H2 plan…. How many…': the plan's)
    after_rate = _asked_after_rate(question) if intent == "lookup" else None
    if after_rate:  # '固投的任务完成率是103.6%，对应的投资额是多少亿元': the rate given, the amount asked
        (kind, hint), also_kind = after_rate, None
        phrase = " ".join(_RATE_GIVEN.sub("", re.sub(r"绝对(?:额|值|数)", "", phrase)).split())  # ('累计的绝对额')
    net = re.search(r"净(增|减)(?:加|少)?了?(?:大约|约|大概)?(?:多少|几)", question) if lang == "zh" else None
    if net and phrase.endswith("净") and not trend:  # '“四上”企业净增加了几家': the net change the report names 净增…
        phrase, keys = "净" + net.group(1) + phrase[:-1], []
    r = Route(intent=intent, phrase=phrase, keys=keys, kind=kind, places=places, unknown_places=unknown,
              years=years, period=period, parts=["plan"] if kind == "target" else [],
              ascending=(bool(_ASC.search(question) and not _EITHER_WAY.search(question)) if not (order := _ORDER_EN.search(
                  question)) else order.group(1) is None) != falls,
              also_growth=also_kind == "yoy_growth", also_kind=also_kind,
              unit_hint=hint, unit_strict=unit_strict(question, hint), measure_word=measure_word(question),
              one_village=bool(_TOP_VILLAGE_ASKED.search(question)), counted=counted_noun(question) if lang == "en" else "",
              twins=found.twins, districts=found.districts, place_counties=found.counties,
              language=lang, asked=stated if stated != original.strip() else "")
    return _inherit(r, previous, question) if previous else r


_EN_TOLD_THEN_ASKED = re.compile(r"^(?P<told>[^?]+?\d[^?]*?[.;])\s+(?P<ask>[^.;]*\b(?:how (?:many|much)|what)\b[^.;]*\?)\s*$",
                                 re.I)
_RATE_GIVEN = re.compile(r"[+-]?\d+(?:\.\d+)?\s*%?|百分之[\d.一二三四五六七八九十点]+|\s\.(?=\s|$)")  # (its phrase words)
_RATE_KINDS = ("completion_rate", "yoy_growth", "yoy_change", "share")


def _last_clause(question: str) -> str:
    """The clause that asks: the words after the last clause break before a question word ('…103.6%，对应的投资额是
    多少亿元？' -> '对应的投资额是多少亿元？'; '… What did they come to, in 亿元?' -> 'What did they come to, in 亿元?')."""
    body = question.rstrip("？?。.！! ")
    cuts = [m.end() for m in re.finditer(r"[，,。；;？?！!]|\.\s", body)]
    return question[next((c for c in reversed(cuts) if _NUMBER_Q.search(question[c:])
                          or re.match(r"\s*(?:what|how)\b", question[c:], re.I)), 0):]


def _asked_after_rate(question: str) -> tuple[AskedKind, str] | None:
    """The kind and unit a last clause asks after earlier clauses that give only rates: 'Retail sales grew 7.2% in
    2023. What did they come to, in 亿元?', '工业投资只完成了年度目标的31.5%，累计的绝对额是多少亿元' ask the level (the
    rate's and the target's words describe the figure given); None unless the last clause asks an amount or a count."""
    tail = _last_clause(question)
    head = question[: len(question) - len(tail)]
    given = [q for q in scan_quantities(head) if q.unit]
    hint = unit_hint(tail)
    if not given or any(q.unit != "%" for q in given) or any(q.unit for q in scan_quantities(tail)) \
            or not (_NUMBER_Q.search(tail) or re.match(r"\s*(?:what|how)\b", tail, re.I)) \
            or hint in (None, "percent") or DERIVE.search(question):
        return None  # ('…完成了年度目标的31.25%，照此推算还剩多少': computed from the rate, another route's)
    kind = kind_asked(tail)
    return ("actual" if kind in _RATE_KINDS else kind), hint


def _terse(question: str, phrase: str, lang: str) -> bool:
    """'Yutang (玉塘) 规上 output 2023?': a measure's name, with the Chinese term, and a place, no question word: a
    figure is asked (without the Chinese, 'tax take?', the passages answer as before)."""
    # ('Buji (布吉), 2022: cumulative length of pipes maintained (累计开展排水管渠养护), in km.': a spreadsheet row
    # named after the place and period, no question mark)
    row_named = re.match(r"[^:?.]{3,80}:\s*[^?]+$", question.strip()) is not None \
        and len(re.findall(r"[A-Za-z]+", question)) <= 40
    return lang == "en" and bool(re.search(r"[\u4e00-\u9fff]", phrase)) \
        and (question.rstrip().endswith("?") and len(re.findall(r"[A-Za-z]+", question)) <= 12 or row_named) \
        and not re.search(r"\b(?:how|why|what|which|who|whom|where|when|describe|explain|list|name)\b", question, re.I)


def _inherit(r: Route, prev: Route, question: str) -> Route:
    """A follow-up ('那2022年呢？', '观湖街道呢', '同比增长多少？') reuses what it does not say itself."""
    own_indicator = bool(r.phrase or r.keys)
    short = len(question) < 16 or bool(_FOLLOW_UP.search(question.strip()))
    if own_indicator and not short:
        return r
    update: dict[str, object] = {}
    if not own_indicator:
        update |= {"phrase": prev.phrase, "keys": prev.keys}
        if r.kind == "actual" and not _ESTIMATE.search(question):
            update["kind"] = prev.kind
        if r.intent == "open":
            update["intent"] = prev.intent if prev.intent != "open" else "lookup"
    if not r.places and not r.unknown_places:
        update |= {"places": prev.places, "districts": prev.districts, "place_counties": prev.place_counties}
    if r.period is None and not r.years and r.intent != "trend":
        update |= {"period": prev.period, "years": prev.years,
                   "period_inherited": bool(prev.period or prev.years) or prev.period_inherited}
    if r.places and not prev.places and update.get("intent") == "rank":
        update["intent"] = "lookup"
    if update.get("intent") == "trend" and (r.period or r.years) and r.intent != "trend":
        update["intent"] = "lookup"
    return r.model_copy(update=update)


_SECOND_ASK = re.compile(r"(?:多少|几|多大)[^？?]*[？?，,；;][^？?]*(?:办结率|完成率|增长|增速|增幅|同比|目标|任务|占比|比重|占全)|"
                         r"(?:是多少|完成多少|多少亿|多少万)[^？?]*(?:同比|增长)")
_BOTH_GROWTH = re.compile(r"及增速|和增速|及增幅|及同比|以及增长|(?:总量|金额|数额|规模)[和及与]增[速幅长]|"
                          r"\band how (?:fast|much) did (?:it|they) grow\b|"
                          # '…at year-end, and by how much per cent had that number risen?'
                          r",? and (?:by )?(?:what|how much) (?:percentage|per ?cent|%)?[^?]{0,40}?\b(?:grow|grew|grown|"
                          r"rise|rose|risen|increased?|climbed?|fall|fell|fallen|drop|dropped)\b|"
                          # 'retail sales in 2023 — amount and growth?', '…, and the year-on-year change?'
                          r"\b(?:amount|level|total|value|figure) and (?:its |the )?(?:growth|change|yoy)\b|"
                          r"(?<!%)(?<!rate), and (?:its |the )?(?:(?:year-on-year|yoy) )?(?:change|growth)\?", re.I)
_EN_TWO = re.compile(r"(?:what (?:was|were)|how (?:much|many))[^?]*\band\b[^?]*(?:grow|growth|target|task|goal|"
                     r"\bshare\b|\bproportion\b)|"
                     # 'what PM2.5 level did it report, and did it meet the target?': the level, then the check
                     r"\bwhat\b[^?]*,? and (?:(?:did|does|was|were|is) (?:it|this|that|they)|what|how)\b[^?]*(?:target|task|"
                     r"goal|\bshare\b|\bgrow|growth|\bproportion\b)|"
                     # terse: 'industrial investment Jan–May — 亿, and what % of the year's target?'
                     # …'FAI (固投) for 2022, in 亿 — and does the report say what % of the task that was?'
                     r"(?:亿元?|万元?|\byuan\b|\bRMB\b|[—–:]\s*(?:amount|level|value)\b)\s*(?:[—–,;:]\s*)*and\b[^?]*"
                     r"(?:%|per ?cent|share|grow|growth|target|task|how far)", re.I)


_SECOND_ZH = re.compile(r"(?:(?<=多少)|(?<=几)|(?<=多大))[^，,？?；;]{0,6}[，,？?；;]")  # where a second ask starts
_SECOND_EN = re.compile(r"\s*[—–,;:]\s*(?:[—–,;:]\s*)*\band\b(?=[^?]*(?:%|per ?cent|share|grow|growth|target|task|how far))",
                        re.I)  # after a dash or comma: 'level and growth rate' is one ask's words


def _two_asks(question: str, kind: AskedKind) -> tuple[AskedKind, AskedKind | None]:
    """'…多少宗？办结率多少？' / 'what was X, and how fast did it grow': the level first, then the other kind."""
    if _BOTH_GROWTH.search(question):
        return "actual", "yoy_growth"
    unquoted = re.sub(r"'[^']{1,60}'|\"[^\"]{1,60}\"|“[^”]{1,60}”", " ", question)  # 'A and B' names one thing
    # …as does 'fiscal and tax revenue', 'wholesale and retail sales': one measure's name, no second ask
    unquoted = re.sub(r"\b[\w-]+ and [\w-]+(?= (?:revenues?|income|output|investment|sales|enterprises|firms|"
                      r"projects|catering)\b)", " ", unquoted, flags=re.I)
    if kind in ("yoy_growth", "completion_rate", "target", "share") and (_SECOND_ASK.search(question)
                                                               or _EN_TWO.search(unquoted)
                                                               or _terse_then_rate(unquoted)):
        first = _SECOND_ZH.search(question)
        if first and kind_asked(question[: first.start()]) == kind:
            return kind, None  # '消费市场涨了多少？请给…的同比增速': the first ask asks the rate too
        return "actual", kind
    return kind, None


_ASKING_EN = re.compile(r"\b(?:what|how|which|who|whose|did|does|do|is|was|were)\b", re.I)
_RATE_AFTER = re.compile(r"\s*(?:how far|what (?:share|%|percentage|proportion|per ?cent)|(?:and )?(?:its|the) "
                         r"(?:completion|share of))", re.I)


def _terse_then_rate(question: str) -> bool:
    """'industrial investment in the first five months, and how far along its target?': a level named without a
    question word, then a rate asked of it."""
    head, sep, tail = question.partition(", and ")
    return bool(sep) and not _ASKING_EN.search(head) and bool(_RATE_AFTER.match(tail))


# an area measured ('the eel-farming area'), never a place's surroundings ('projects to settle in the area')
_AREA_WORD = re.compile(r"(?<!\bin the )(?<!\bto the )(?<!\bacross the )(?<!\bwithin the )(?<!\blocal )"
                        r"\b(?:area|acreage)\b", re.I)


def unit_strict(question: str, hint: str | None) -> bool:
    """Money or weight named outright (`hint`, from unit_hint), or a count with its measure word (几栋, 多少家):
    never answered in another unit (an output in tonnes is not a planted area in 亩); nor is a unit the answer is
    wanted in ('换算成亩')."""
    if wanted_unit(question):
        return True
    if hint == "m2" and (re.search(r"面积|多少(?:平方米|亩|公顷)|\bhow many (?:mu\b|hectares?|square)", question, re.I)
                         or _AREA_WORD.search(question)):
        return True  # '收楼的面积有多大': an area, never the households counted beside it
    if hint == "m" and re.search(r"多少(?:千米|公里|米)|\bhow many (?:kilomet|km\b|metres|meters)", question, re.I):
        return True  # 'how many kilometres of bike lanes': a length, never the roads counted beside it
    return hint in ("CNY", "t", "percent") or bool(COUNT_ASKED.search(question)) and measure_word(question) not in DURATIONS \
        or hint == "count" and _people_counted(question)


_RATE_ASKED = re.compile(r"(?<!增长)(?<!增)率(?!先)|比例|百分之|百分比|百分点|几成|\b(?:(?<!growth )rates?|ratios?|percentages?|proportion|"
                         r"what share|per ?cent)\b", re.I)


# 'which year was higher' (of one place's series): a trend whose answer leads with the year
WHICH_YEAR = re.compile(r"(?:哪一?年|哪个年份?|哪一个年份)[^，,？?]{0,16}?(?:更|最)[多少高低大小]|"
                        r"(?:哪一?年|哪个年份?|哪一个年份).{0,4}?[多少高低大小]|"
                        r"\b(?:which|what)(?: of the(?: \w+)?)? years?\b[^?]*?"
                        r"\b(?:more|most|higher|highest|larger|largest|bigger|fewer|less|least|lower|lowest|smaller)\b",
                        re.I)
_FORM_FILL = re.compile(r"(?:要|该|应该?)填(?:写)?(?=多少|几)")  # '…总数要填多少宗': a form filled in, no target or name
_POINTS_COLLOQUIAL = re.compile(r"(?<!百分)([涨增降跌])了?(?:几|多少)个点(?![位子])")
_BROUGHT = re.compile(r"(?:带来|带动|拉动|撬动|贡献|创造|产生)了?(?:多少|几)个?[万亿]?元的?([\u4e00-\u9fff]{0,6}?(?:产值|收入|"
                      r"投资|税收|销售额|营收|利润))(?:呢|吗)?\s*[？?]?\s*$")
_FRAME = re.compile(r"^[^，,？?]{0,12}?在[^，,？?]{2,24}?(?:工作|行动|过程|项目)?(?:中|里|方面)(?![村心])[，,]?|"
                    # '土地整备里拆掉的建筑物': the work the thing done in it belongs to
                    r"^[^，,？?]{0,12}?[\u4e00-\u9fff]{2,8}?(?:里|中)(?=(?:拆|建|新增|完成|签约|引进|投入|实现|腾挪|清理|移交)"
                    r"[\u4e00-\u9fff]{0,2}的)")
# '安全生产上，', '招商这块，': a topic opening the question (unless it names the indicator); '国高方面' names it
_TOPIC = re.compile(r"^(?:说到|谈到|讲到|关于|至于)?([\u4e00-\u9fff]{2,6}?)(?:上|这块|那块|这一块)[，,]|"
                    r"^(?:说到|谈到|讲到|关于|至于)([\u4e00-\u9fff]{2,6}?)[，,]|^[\u4e00-\u9fff]{2,4}?([\u4e00-\u9fff]{4})[：:]|"
                    # '布吉2022年防坍塌、治水这块，': after the place and year
                    r"(?<=年)([\u4e00-\u9fff、]{2,12}?)(?:这块|那块|这一块|项目上|工作上|方面)[，,]")


# '平湖招商成绩单：', '做授信要看项目储备：', '城市更新推进的阶段性成果：': what the asker looks at, before the ask
_OF_THE_WHOLE = re.compile(r"^\s*Of (?:the |its |their )?[^,?]{4,120},\s*how many (?:of them )?(?:were|are|was|is) "
                          r"(?P<part>[^?,]{3,60})\?", re.I)
# a clause of what was done first, before the ask ('某片区清拆掉以后，…', '算上新增12家、退库3家之后，…')
_DONE_FIRST = r"^[^，,？?]{4,40}?(?:以后|之后)[，,]"
# (…a bare 后 only before a measure of its own: '…入股光伏电站后，每年给村里的分红是多少'; never '…1-5月财政收入
# 完成后，要完成全年目标还需完成多少', whose measure is the clause before)
_DONE_FIRST_BARE = r"^[^，,？?]{4,40}?(?<=[\u4e00-\u9fff]{2})(?<![前落最然随今此其背午先])后[，,](?=[^，,？?]*的[^，,？?]{2,}(?:是|有)?多少)"
_PART_OF_WHOLE_EN = re.compile(r"\b(?:how many|what number) of (?:the |its |their |them\b|these\b|those\b)[^?]{0,120}?\b"
                               r"(?:were|was|are|is)\s+(?P<part>(?:[a-z][\w-]*\s*){1,4}?)\s*\?\s*$", re.I)
_LEAD_FRAME = re.compile(r"^[^，,：:？?]{0,16}?(?:成绩单|成果|储备|情况|进展|亮点|盘点|概况|家底|要看|想看|想了解|看看|分量|核查|测算|"
                         r"效率|角度)[：:]|^看[^，,：:？?]{1,16}[：:]")  # ('看财政资金使用效率：', '…在全区盘子里的分量：')


def _context_frame(question: str) -> re.Match[str] | None:
    """The words that set a Chinese question's context, not its measure: '在土地整备等工作中，…拆除面积', a lead
    that says what the asker looks at ('招商成绩单：'), and a topic that names no lexicon indicator ('托育这块，',
    '安全生产上，')."""
    frame = _FRAME.search(question) or _LEAD_FRAME.search(question)
    topic = _TOPIC.search(question) if not frame else None
    if topic and not any(f[:1] == "n" and f not in ("ns", "nr", "nt")
                         for w, f in tagged(question[topic.end() :])[1:]):  # (the first word: the place)
        return frame  # '非机动车道这块，观湖准备再铺几公里': the topic is the only thing named, the thing asked
    return frame or (topic if topic and not terms_for_question(next(g for g in topic.groups() if g)) else None)


def context_frame(question: str) -> str:
    """The text of `_context_frame`, '' when the question has none."""
    m = _context_frame(question)
    return m.group(0) if m else ""
_TOP_VILLAGE_ASKED = re.compile(r"(?:最高|最多|最大|最少|最低)的(?:行政)?村|哪一?个村(?![均级])|\bwhich village\b", re.I)
_MONEY_IN_UNITS = re.compile(r"(?:多少|几)个?[万亿](?:块钱?)?(?=[？?，,。]|的(?:目标|任务|规模|盘子)|$)")  # '几个亿', '几个亿的目标'
# the unit an answer is wanted in ('折合多少万元', '按万元计', '换算成亩', '请按平方米给出，不要用万平方米'): no part
# of the name; and a threshold asked yes or no before the figure ('过百亿了没有？具体是多少')
_UNIT_WORD = r"(?:万元|亿元|元|万平方米|平方米|平米|平方公里|万亩|亩|公顷|吨|万吨|万人次|人次|公里|千米|米)"
_UNIT_WANTED = re.compile(rf"[，,。；;]?\s*(?:请)?(?:按|以|用)\s*[“\"]?({_UNIT_WORD})[”\"]?(?:为单位(?:计算?|表示|给出)?|计算?|算|表示|给出|回答)"
                          rf"(?:的话)?(?:[，,]?\s*不要用\s*{_UNIT_WORD}[。.]?)?"
                          rf"|[，,（(]\s*单位[：:]?\s*[“\"]?({_UNIT_WORD})[”\"]?[)）]?"  # '…有多少，单位亿元'
                          rf"|(?:折合|换算成?|换成|转换成?|转成|折算成?|写成|表示为|化成|折(?:算|合)?下来[，,]?)(?:成|为)?[“\"]?(?:大约|大概|约)?(?:有)?(?:多少|几)?个?"
                          rf"[“\"]?({_UNIT_WORD})[”\"]?")
# …in English: 'Give it in yuan', 'expressed in mu', 'written out in full, how many … (person-times)'
_UNIT_WANTED_EN = re.compile(r"\b(?:give|giving|express|expressed|state|stated|write|written|convert(?:ed)?|answer)\b"
                             r"[^?.;]{0,24}?\b(?:in|into|as)\s+(?:full\s+)?(yuan|mu|hectares?|square met(?:re|er)s|"
                             r"met(?:re|er)s|kilomet(?:re|er)s|km|tonnes?|tons?|person-times)\b"
                             r"|\b(?:in|into) (mu|hectares|square met(?:re|er)s|person-times)\s*[?？]"
                             r"|[(（]\s*(person-times)\s*[)）]"
                             rf"|\b(?:in|into|as)\s+({_UNIT_WORD})(?=\s*[?？.,;，]|\s*$)", re.I)  # '…, in 亿元?'
_WANTED_UNIT = {"万元": "CNY", "亿元": "CNY", "元": "CNY", "yuan": "CNY", "万人次": "count", "人次": "count",
                "person-times": "count", "公里": "m", "千米": "m", "米": "m", "metres": "m", "meters": "m",
                "kilometres": "m", "kilometers": "m", "km": "m", "吨": "t", "万吨": "t", "tonne": "t", "tonnes": "t",
                "ton": "t", "tons": "t"}


def wanted_unit(question: str) -> tuple[str, str | None] | None:
    """The unit a question wants its answer in ('折合多少万人次', '换算成亩', 'Give it in yuan'): the normalised
    unit, and the measure word a count is then asked in (人次)."""
    m = _UNIT_WANTED.search(question) or _UNIT_WANTED_EN.search(question)
    if not m:
        return None
    word = next(g for g in m.groups() if g).lower()
    hint = _WANTED_UNIT.get(word, "m2")
    return hint, ("人次" if hint == "count" else None)


_OVER_BAR = re.compile(r"(?:过|突破|超过|上|破)了?[百千万]?[十百千万亿]+(?:元|亩|人|户)?了?(?:没有|没|吗|么)[？?，,]?"
                       r"|具体(?:是|为|有)?(?:多少|几)")
_MEASURE_ASKED = re.compile(r"(?:多少|几)万?(人次|户次|家次|场次|件次|套|栋|幢|户|家|条|座|场|次|件|宗|起|名|人|位|所|间|台|辆|张|头|只|羽|匹|部|处|"
                            r"对|袋|株|棵|箱|盏|批|艘|架|册|双|例|篇|份)"
                            r"|(?<![近这前好])(?:多少|几)个?(工作日|月|季度|年|天|日|小时)(?![来以])")
_EN_DURATIONS = {"years": "年", "months": "月", "quarters": "季度", "days": "天", "working days": "工作日",
                 "workdays": "工作日", "hours": "小时"}
_EN_DURATION = re.compile(r"\bhow many (?:consecutive |straight |successive )?(working days|workdays|years|months|quarters|"
                          r"days|hours)\b", re.I)
# Measure words that count the same things: '多少名' is answered by 人, '几栋' by 幢.
_SAME_MEASURE = (("人", "名", "位", "人次"), ("栋", "幢"), ("家", "户"), ("件", "宗", "起", "条", "件次"), ("场", "次", "场次"), ("天", "日"),
                 ("处", "个"), ("所", "个"), ("家", "个"), ("项", "个"))  # ('多少处路口' over '20个路口': 个 counts places, and firms, too)
DURATIONS = ("工作日", "月", "季度", "年", "天", "日", "小时")  # '缩短到几个工作日', '连续几年': answered only in that time unit


# a count of those a work reached ('老旧小区改造惠及的户数'): households or people, never the things done
_BENEFITED_COUNT = re.compile(r"(?:惠及|涉及|覆盖|受益|带动|服务)的?(户|人)数(?![据字])")


def measure_word(question: str) -> str | None:
    """The measure word a count question names ('惠及多少户居民' → 户, 'how many years in a row' → 年); None for 个
    or none."""
    m = _MEASURE_ASKED.search(question)
    if m:
        return m.group(1) or m.group(2)
    counted = _BENEFITED_COUNT.search(question) or re.search(r"(?<=[\u4e00-\u9fff])的(人|户)数(?![据字量])(?:是|为|有)?(?:多少|几)",
                                                             question)
    if counted:  # households, never the compounds renovated ('已脱贫的人数是多少': people, not households)
        return counted.group(1)
    wanted = wanted_unit(question)
    if wanted and wanted[1]:  # '参与规模用“万人次”表示是多少': people counted per visit
        return wanted[1]
    if re.search(r"(?:多少|几)[\u4e00-\u9fff]{0,4}?(?:人口|群众|居民|村民|劳动力|干部|党员|志愿者|职工)(?!的|小组|组|委|代表|队|服务|之家|活动)|\bhow many "
                 r"(?:[\w-]+ ){0,3}?(?:people|persons|residents|villagers)\b(?!['’])", question, re.I):
        return "人"  # '有多少贫困人口实现脱贫': people are counted, not the households they live in
    if re.search(r"(?:^|[—–:;,]\s*|\bnumber of\s+)(?:the\s+)?(?:people|persons|residents)\b(?!['’])", question, re.I) \
            and not re.search(r"\bhouseholds?\b", question, re.I):
        return "人"  # 'XX poverty relief — people already lifted out of poverty?': people, not households
    if re.search(r"\bhow many (?:[\w-]+ ){0,3}?households\b(?!['’])|\b(?:more|fewer) households\b", question, re.I):
        return "户"  # 'how many households did the renovation cover': not the compounds renovated
    glossed = _EN_MEASURE_GLOSS.search(question)
    if glossed:  # 'how many resident visits (人次)': the measure word the English glosses
        return glossed.group(1)
    counted = _EN_COUNTED_WORD.search(question)
    if counted:  # 'how many rooms do the quarantine hotels offer': rooms (间), not the hotels (家)
        return _EN_MEASURE_WORDS[counted.group(1).lower()]
    en = _EN_DURATION.search(question)
    return _EN_DURATIONS[en.group(1).lower()] if en else None


_EN_MEASURE_GLOSS = re.compile(r"\bhow many [^?()]{0,40}?[(（](人次|户次|家次|场次|户|家|人|名|栋|套|所|件|宗|起|场|台|辆|头|只)[)）]",
                               re.I)
# English count nouns that have a measure word of their own
_EN_MEASURE_WORDS = {"rooms": "间", "beds": "张", "buildings": "栋", "schools": "所", "vehicles": "辆", "trees": "株",
                     "flats": "套", "apartments": "套"}
_EN_COUNTED_WORD = re.compile(r"\bhow many (?:[\w-]+ ){0,3}?(" + "|".join(_EN_MEASURE_WORDS) + r")\b(?!['’])", re.I)
_HOW_MANY = re.compile(r"\bhow many\s+((?:[a-z][\w'-]*\s*){1,6})", re.I)
_NOUN_END = re.compile(r"^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|in|of|on|at|for|from|under|"
                       r"with|by|to|that|which|who|across|between|during|over|[a-z]+ed|took|went|got|made|gave|came|"
                       r"saw|won|ran|kept|held|sold|built|brought|set)$", re.I)
_TERSE_ASK = re.compile(r"\s[—–]\s*((?:[a-z][\w'-]*\s*){1,5}?)(?:,|\s+in\s+20\d\d|\s*\(|\s*[?？]|$)")
_MEASURE_NOUNS = {"head", "sheets", "pieces", "units", "sets", "batches", "rounds", "kinds", "types", "items"}


def counted_noun(question: str) -> str:
    """The things an English count question counts: the words after 'how many' up to its verb or preposition
    ('how many formerly poor villages in …' → 'formerly poor villages'; 'how many head of cattle' → 'cattle')."""
    m = _HOW_MANY.search(question)
    if not m:
        # a terse ask after a dash names what is asked ('Buji 城市管家 platform — fines collected in 2022?')
        terse = _TERSE_ASK.search(question)
        return terse.group(1).strip() if terse and len(terse.group(1).split()) <= 5 else ""
    words = m.group(1).split()
    out: list[str] = []
    for n, w in enumerate(words):
        adjective = w.lower().endswith("ed") and (not out or out[-1].lower().endswith("ly"))  # 'newly registered'
        if _NOUN_END.match(w) and not adjective:
            if w.lower() == "of" and out and out[-1].lower() in _MEASURE_NOUNS:
                out = []  # 'head of beef cattle': the beef cattle are counted
                continue
            break
        out.append(w)
        if n >= 4:
            break
    noun = " ".join(out)
    # 'how many national high-tech enterprises (国高)': the Chinese glosses the things counted, it names no project
    gloss = re.match(rf"\s*{re.escape(noun)}\s*[（(]([\u4e00-\u9fff]+)[)）]", question[m.start(1):]) if noun else None
    return f"{noun} {gloss.group(1)}" if gloss else noun


def measure_fits(asked: str | None, unit: str) -> bool:
    """A printed count unit answers the measure word asked: the same word or one of its kind (名 = 人)."""
    if not asked:
        return True
    same = {w for g in _SAME_MEASURE if asked in g for w in g} or {asked}
    return any(unit.endswith(w) for w in same)


# '多少长期失业的青年', '几位老人': people counted by the noun, without a measure word (never a rate or money of theirs)
_PEOPLE = re.compile(r"(?:多少|几)(?:位|个)?[^，,。？?多少几]{0,10}?(?:青年|年轻人|人群|群众|居民|老人|学生|儿童|妇女|农民|工人|"
                     r"干部|残疾人|困难户|贫困户|劳动力|人员)(?!的?(?:收入|比例|占比|率|比重|资金|补贴))")


def _people_counted(question: str) -> bool:
    """People counted by the noun, and no money or rate asked beside them."""
    return bool(_PEOPLE.search(question)) and not re.search(r"多少(?:万|亿)?元|多少钱|比例|占比|百分", question)


# an English ask of its own after a sentence that sets it up, counting people or things: a count, whatever money
# the sentence before names
_EN_COUNT_LAST = re.compile(r"[.;]\s+How many (?!(?:more|fewer|less|yuan|rmb|billion|million|mu|hectares?|square|sq|tonnes?|"
                            r"tons?|km|kilomet\w*|met(?:re|er)s?|per ?cent|percent|times|years?|months?|days?)\b)[a-z-]+[^.;?]*\?\s*$")


def unit_hint(question: str) -> str | None:
    """The normalised unit a question asks for, when it says ('多少资金' → CNY, '多少家' → count)."""
    if re.search(r"(?:分母|基数)[^，,？?]{0,6}?(?:多少|几)(?:万)?(?:人|户|家|个)|\b(?:denominator|base population)\b", question, re.I):
        return "count"  # '用接种人次和接种率倒推，接种率的分母大约是多少人': those the rate is of, never the rate
    if _RATE_ASKED.search(question):
        return "percent"  # '满意率是多少', 'what share', 'satisfaction rate': a percentage, never a count
    if _EN_COUNT_LAST.search(question):
        return "count"  # '…paid 12 million yuan in care funds. How many people did that money reach?'
    wanted = wanted_unit(question)
    if wanted:  # '换算成亩是多少': an area, whatever else the question counts ('意向地块' is no count of plots)
        return wanted[0]
    if re.search(r"\b(?:counting|in (?:terms of )?(?:the )?number of|by (?:the )?number of)\s+(?:the\s+)?(?:projects|firms|"
                 r"enterprises|companies|households|people|villages)\b|\bwhat (?:was|is|were) the number of\b", question, re.I):
        return "count"  # 'Counting projects, how much of its investment drive had landed': a count, whatever 'how much'
    if re.search(r"(?:多少|几)(?:万)?(?:人次|人(?!民)|户|家|名|件|宗|所|座|场|台|辆|套|部|项|个(?![亿万]|百分点|工作日|月|小时))|"
                 + _BENEFITED_COUNT.pattern, question) \
            and not re.search(r"多少(?:万|亿)?元|多少钱", question):
        return "count"  # '发放补助资金惠及多少人次': the measure word asked decides, not the money named before it
    if _people_counted(question):
        return "count"  # '让多少长期失业的青年和特殊人群上了岗': people counted, never their rate
    if re.search(r"价格|单价|均价|\b(?:average )?prices?\b", question, re.I):
        return "CNY"  # 'what average price had it paid for tobacco leaf': money per unit, never the tonnes bought
    if re.search(r"资金|金额|经费|总投入|多少钱|多少万?元|多少亿元|多少(?:万元|元)?的?(?:补贴|补助|津贴|津补贴|救助金|奖补)|"
                 r"\b(how much money|funding|funds|(?:rake|raked|raking|pull|pulled|haul|hauled) in)\b|"
                 r"\bin (?:money|yuan|cash|monetary|absolute|amount) terms\b|\bas an? (?:amount|sum) of money\b|"
                 r"\b(?:spending|expenditures?|outlays?)\b|\bbudget (?:for|of)\b|\btotal (?:that )?[^?]{0,40}?\bput into\b|"  # 'Spending on … micro-projects': money
                 r"\bhow many\s*(?:亿|万元|元|yuan|RMB|billion|million)", question, re.I) or (
            re.search(r"\b(output values?|value of[\w\s-]{0,20}output|(?:sales|operating) revenue)\b", question, re.I)
            and not re.search(r"\bhow many\b", question, re.I)):  # 'the output value of tea' is money, not tonnes
        return "CNY"
    if re.search(r"\b(?:how much|what (?:amount|sum|value))\b[^?]*\b(revenue|income|tax(?:es)?|investment|sales|spending|lending|loans?|"
                 r"output value|funds?|yuan|money)\b", question, re.I) and not re.search(r"\bchange\b", question, re.I):
        return "CNY"
    if re.search(r"\bwhat did\b[^?]{2,120}?\b(?:earn|make|bring in|take in|collect)\b", question, re.I):
        return "CNY"  # 'what did the village PV stations earn from power generation': money
    if re.search(r"(?:出口|进口|销售|交易|成交|营业|贸易|外贸)额|绝对额|(?<!人)(?:总)?金额(?:是|为|定了?)?(?:多少|几)", question):
        return "CNY"  # '蜜柚出口额': the money exported, never the tonnes
    if re.search(r"钱(?:一共|总共|共)?[\u4e00-\u9fff]{0,4}?多少|投(?:了|进去了?|入了?)(?:大约|约|大概)?多少(?![个家项宗名件座户人所条次])",
                 question):
        return "CNY"  # '那笔钱总共投进去多少', '旧改项目投了多少': money spent, never a count of projects
    if _MONEY_IN_UNITS.search(question) or re.search(
            r"\b(?:in|into|as) (?:(?:ten[- ]thousand|thousand|million|billion|hundred[- ]million)\s+)?(?:yuan|RMB|CNY)\b",
            question, re.I):
        return "CNY"  # '社零总额有多少个亿': money, in 亿元; 'What is the amount in million yuan?'
    if re.search(r"多少(?:亿元|万元)?的?(?:产值|收入|资金|投资|税收|营收|销售额)", question):
        return "CNY"  # '争取把多少产值留在光明'
    if re.search(r"(?:总投资|投资额|(?:完成|实现|累计)投资|固定资产投资|产值|收入|销售额|营业额|营收)的?(?:目标|任务|计划)?(?:是|为|达到?|能?有|能达到?|可达到?|实现)?多少"
                 r"(?![个家项宗名件座户人所条次])",
                 question):
        return "CNY"
    # ('what total output did the orange season bring': a crop's tonnes, no money)
    if re.search(r"\bwhat\b[^?]*\b(?:income|revenue|investment|output value|(?:gross|industrial|annual|yearly) "
                 r"output|tax(?:es)?)\b|\bwhat\b[^?]*\btotal output\b(?![^?]*\b(?:season|harvest|crops?|yield|tonnes|tons)\b)",
                 question, re.I) and not re.search(
            r"\b(?:season|harvest|crops?|yield|tonnes|tons)\b[^?]*\btotal output\b", question, re.I) and not re.search(
            r"\bgr[eo]w|growth|increase|\brise\b|\brose\b|change", question, re.I):
        return "CNY"  # 'what rural per-capita disposable income is it aiming for': an amount, not its growth
    if measure_word(question) in DURATIONS:
        return None  # '缩短到几个工作日': a length of time, read by its measure word, not a count
    # 'how many kilometres', 'how many mu': the unit named decides, not 'how many'
    # ('how many 万 square metres', 'how many thousand tonnes': a scale word first)
    scale = r"(?:(?:[万亿千]|thousand|million|billion|hundred)\s*)?"
    if re.search(rf"多少万?(?:千米|公里|米)|\bhow many {scale}(?:kilomet|km\b|metres|meters|公里|千米|米)", question, re.I):
        return "m"
    if re.search(rf"多少万?(?:平方米|亩|公顷)|\bhow many {scale}(?:mu\b|hectares?|square|sq\.? ?m\b|sqm\b|m²|m2\b|平方米|"
                 rf"亩|公顷)", question, re.I):  # ('how many 万平方米': the report's unit, named in English)
        return "m2"
    if re.search(rf"多少(?:万)?吨|多少公斤|多少斤|\bhow many {scale}(?:tonnes|tons|kilograms|kg\b|吨|公斤)", question, re.I):
        return "t"  # 'how many kilograms of cocoons': a weight, never a count nor the cocoons' income
    if _AREA_WORD.search(question) and not re.search(r"\bhow many\b", question, re.I) \
            and not re.search(r"\b(?:output|revenue|income|sales|investment|tax(?:es)?)\b", question, re.I):
        return "m2"  # 'how large was the eel-farming area': an area, never the number of farms
    if COUNT_ASKED.search(question) or re.search(r"多少(?:人|次)|\bhow many\b", question, re.I):
        return "count"
    if re.search(r"面积|多少平方米|多少亩|多少公顷", question):
        return "m2"
    if re.search(r"(?<!per )\b(?:tonnes?|tons?|kilograms?)\b", question, re.I) and not re.search(
            r"价格|单价|均价|\bprices?\b", question, re.I):  # 'price per kilogram' is money
        return "t"
    terse = _TERSE_COUNT.search(question)
    if terse and not _MONEY_PLURAL.fullmatch(terse.group(1)):
        return "count"  # 'Yutang — Tianliao car park, spaces added?', 'trucks impounded?': things counted
    return None


# a terse English ask of things counted: a plural noun and what was done to them, at the question's end
_TERSE_COUNT = re.compile(r"\b([a-z]{3,}(?<!s)s)\s+(?:[a-z]+ed|lit|built|held|sold|set up|made|done|won|run|taken|"
                          r"given|seen|grown|kept|brought in)\s*[?？]\s*$", re.I)
_MONEY_PLURAL = re.compile(r"fines|sales|revenues|taxes|funds|subsidies|allowances|earnings|savings|profits|costs|"
                           r"investments|expenses|proceeds|wages|incomes|payments|donations|grants|loans", re.I)


# ---- kinds, periods, phrase ----------------------------------------------------------------------
# '比上年减少了百分之多少': the growth rate on last year, as the report states it
_RATE_ON_LAST_YEAR = r"(?:比|较)(?:上年|去年|上一年|前一年)(?:同期)?(?:(?:增长|增加|减少|下降|提高|降低|上升|[增减][产收]|[增降减多少])了?百分之(?:多少|几)|" \
                     r"是?增(?:还)?是减)"  # '比上年是增是减？变化幅度多少？': the reported rate, its sign


_MEANS_TO = re.compile(r"\b(?:plans?|aims?|supposed|meant|wants?|intends?|hopes?) to (?:actually )?\w+", re.I)


def kind_asked(question: str) -> AskedKind:
    """The kind of figure a question asks for."""
    # '按增速倒推，上一年的产值约多少': the rate is what the figure is computed from, not what is asked
    question = re.sub(r"按(?:照)?[^，,。？?]{0,8}?(?:增速|增幅|增长率|同比|完成率|完成倍数|倍数|完成进度)[^，,。？?]{0,4}?"
                      r"(?:倒推|推算|测算|估算|反推)出?", " ", question)  # ('按完成倍数反推': the task from the rate)
    # '… the report gives the number … and their growth rate. Roughly how many were added': what is given before
    # an ask of its own for the number added is an input; that ask says the kind
    added = re.search(r"(?:^|[.:;]\s+)([^.:;?]*\bhow many\b[^.:;?]*\b(?:added|new|more|fewer)\b[^.:;?]*\?)\s*$", question,
                      re.I)
    if added and added.start(1) > 0 and re.search(r"\b(?:gives?|states?|lists?|reports?)\b[^.?]{0,120}?\b(?:growth|rate)\b",
                                                   question[: added.start(1)], re.I) \
            and not re.search(r"%|\b(?:percent|percentage|rate|growth)\b", added.group(1), re.I):
        question = added.group(1)
    # 'using the count and the year-on-year fall, how many fewer …': the rate is an input, in English too
    question = re.sub(r"\b(?:using|from|given|with|based on)\b[^,;?]{0,60}?\b(?:growth|fall|rise|decline|drop|increase|"
                      r"decrease)(?: rate)?\b(?=\s*[,;]\s*(?:about |roughly |approximately )?how (?:many|much)\b)", " ",
                      question, flags=re.I)
    if re.search(r"连续(?:几|多少)|\bin a row\b|\bconsecutive\b", question, re.I):
        return "actual"  # '连续几年超额完成…任务': a streak kept up, never a target
    if re.search(r"\bto what (?:level|rate|figure|value)\b|(?:降|下降|降低|减少|回落|升|上升|提高|增加|增长)(?:至|到)了?"
                 r"(?:多少|百分之几|几)", question, re.I) and not QUESTION_TARGET.search(question):
        return "actual"  # 'to what level did poverty incidence fall', '降至多少': the level reached, no rate of change
    if re.search(r"(?:高于|低于|快于|慢于|超过|超出)[^，,。？?]{0,8}(?:平均|序时进度|时序进度)|\b(?:beat|above|below|exceed\w*|outpac\w*|ahead of|"
                 r"behind)\b[^?]{0,30}(?<!annual )(?<!yearly )(?<!monthly )\baverage\b", question, re.I):
        return "actual"  # '增幅高于全区平均几个百分点': the gap to the average, a figure of its own
    if re.search(r"\bhow much of (?:its|the|their) [\w\s'’-]{0,40}?\b(?:task|target|quota|plan)\b[^?]{0,80}?\b(?:completed?|"
                 r"fulfil+(?:ed)?|met|achieved|reached|done|delivered|collected|finished)\b", question, re.I):
        return "completion_rate"  # 'how much of its annual investment task had it completed': the share done
    if re.search(r"\bwhat (?:percentage|proportion|share|per ?cent) of (?:the |its )?[^?]{0,60}?\b(?:planned|targeted|"
                 r"aimed (?:at|for)|budgeted|set as (?:its|the) (?:target|goal))\b", question, re.I):
        return "completion_rate"  # 'what percentage of the tax revenue planned for the year had it collected'
    if re.search(r"\b(?:aims?|aimed|targets?|targeted|plans?|planned) (?:for|at|to)\b[^?]{0,80}?\bhow far along\b[^?]{0,30}?"
                 r"\b(?:percent|per cent|%|percentage)", question, re.I):
        return "completion_rate"  # '…aims for 2.6亿元 of tax in 2023; how far along was it, in percent, by end-May'
    if re.search(r"\b(?:how far|further|farther) (?:along|advanced|ahead|on|(?:had|has|did|was) [^?]{0,60}?\b(?:got|gotten|come|"
                 r"progressed|moved|gone|get)\b)[^?]{0,60}?\b(?:toward|towards|to|on|against|with)\b[^?]{0,60}?"
                 r"\b(?:task|target|quota|plan|goal)s?\b", question, re.I):
        return "completion_rate"  # 'how far along was it toward its full-year revenue task': the share done
    if re.search(r"\b(?:against|versus|vs\.?|relative to|compared (?:with|to)) (?:its|the|a|their) [^?]{0,20}?\d[^?]{0,12}? "
                 r"(?:[\w-]+ ){0,2}(?:task|target|goal|quota)\b", question, re.I) \
            and not re.search(r"\b(?:percent|per cent|percentage|share|proportion|short|shortfall|below|above|gap|remain\w*|"
                              r"left|beat|exceed\w*|missed?|over|under)\b|%", question, re.I):
        return "actual"  # 'what investment had it put in place by June, against its 7.8亿元 task': the task is given
    if re.search(r"(?:目标|任务|计划)[^，,？?]{0,4}[，,]\s*实际(?:完成|实现|达到)了?(?:多少|几)", question):
        return "actual"  # '2022年报告定下的2023年固投目标，实际完成了多少': the result, against that target
    if re.search(r"\b(?:target|goal|task|quota|plan)s?\b[^?]{0,40}?(?:[—–;:,]|\s-)\s*(?:but |so )?(?:what|how (?:much|many))\b"
                 r"[^?]{0,60}?\b(?:really|actually|in fact|in reality)\b", question, re.I):
        return "actual"  # '…set a 2019 output goal — what output did it really deliver': the result
    if re.search(r"(?:目标|任务)约?(?:是|为)?多少(?!百分|倍|成)|(?:目标|任务)(?:原本|本来|原先|应该?)?(?:大约|大概|约)?(?:是|为)多少(?!百分|倍|成)",
                 question):  # ('占年度任务多少百分比': the share done)
        return "target"  # '…全年任务原本大约是多少亿元': the task, whatever rate the question quotes
    if _COMPLETION.search(question) or re.search(r"\b(?:how many times (?:over )?|what multiple of )(?:its|the|their)\b[^?]{0,60}?"
                                                 r"\b(?:task|target|quota|plan)\b|\b(?:task|target|quota|plan)\b[^?]{0,80}\?"
                                                 r"\s*(?:and )?(?:by )?(?:what multiple|how many times)\b|\b(?:multiple|times) of (?:the |its |their )?"
                                                 r"(?:[\w-]+\s)?(?:task|target|quota|plan)\b", question, re.I):
        return "completion_rate"  # 'how many times its district-assigned annual task': 完成任务的1.6倍
    if re.search(_RATE_ON_LAST_YEAR, question):
        return "yoy_growth"
    if ASKS_CHANGE.search(question):
        if QUESTION_TARGET.search(question) and not re.search(r"[比较]|同比|同期|上年|去年|\b(?:than|on|over)\b", question):
            return "target"  # '计划…要增加多少个': the plan's addition, no change on a year before
        return "yoy_change"
    if re.search(r"\b(?:likely|probable) (?:full-year |annual |year-end )?(?:total|figure|outturn|result)\b|"
                 r"\b(?:what|which)\b[^?]{0,40}?\bdid (?:it|they|the [\w-]+) (?:project|forecast|predict)\b", question, re.I):
        return "estimate"  # '…only had actual revenue up to October; what did it give as the likely full-year total'
    if _ESTIMATE.search(question) and not FINAL_ONLY.search(question) and not (
            re.search(r"\bexpected\b", question, re.I) and re.search(r"\b(?:plans?|planned|targets?|aims?)\b", question, re.I)):
        # …but 'what is it expected to add under its 2024 plan' asks the plan's figure, a target
        # '预计比增多少': the estimated growth rate (a growth row, flagged as estimated), not the estimated level
        return "yoy_growth" if re.search(r"比增|同比|增幅|增速|增长率|百分之几|百分之多少|增长了?多少(?![万亿元人户个家件亩吨斤公里平方米])",
                                         question) else "estimate"
    if _SHARE.search(question):
        return "share"
    done = re.sub(r"完成了?[^，,？?]{0,8}?任务|(?:多少|几)[项个条件类批][^，,？?]{0,12}?任务|"
                  r"任务[\u4e00-\u9fff]{1,4}了(?:多少|几)[项个条件类批]", " ", question)  # '重点攻坚任务助推了几项'
    # '几个村完成了补强任务', '完成了多少项…整改任务' ask a result (the tasks are what is counted), as does 'a result
    # that beat its district-assigned task'
    done = re.sub(r"\bplanning (?:approval|permits?|permission|review|consent)s?\b|\btask (?:forces?|orders?)\b|任务令|"
                  r"\bahead of (?:the |its |their )?(?:year's |annual |full-year )?(?:task|target|schedule|plan)s?\b|"
                  r"提前完成(?:了)?[^，,？?]{0,30}?(?:任务|目标)|"  # 'finished ahead of the year's task': a result
                  + _FORM_FILL.pattern, " ", done,
                  flags=re.I)  # 规划审批; a task force (攻坚专班) or task order (任务令) is a thing, no target; '要填多少': a form
    done = re.sub(r",[^?,]{0,30}?\b(?:beat|beating|exceed\w*|surpass\w*|overfulfil\w*|outperform\w*)\b[^?,]{0,40}?\b(?:task|"
                  r"target|quota|goal)s?\b", " ", done, flags=re.I)  # (…but 'which exceeded its task by most' asks it)
    if re.search(r"\bby how (?:much|many|far)\b", done, re.I) and not re.search(r"\bpoints?\b", done, re.I):
        # 'By how many head did its stock exceed the target' (never 'by how many points … beat its target': a gap the
        # report may state)
        done = re.sub(r"\b(?:exceed\w*|beat|surpass\w*|top|topped|miss\w*|f[ae]ll short of)\b[^?,]{0,40}?\b(?:task|target|"
                      r"quota|goal|plan)s?\b", " ", done, flags=re.I)
    if re.search(r"明年|来年|下一年度?|\b(?:next|coming) year\b", question, re.I) and not re.search(
            r"实际|已经?|\b(?:achieved|actual(?:ly)?)\b", question, re.I):
        return "target"  # '观湖明年征拆几个项目': next year's figures are the report's plans
    if QUESTION_TARGET.search(re.sub(r"above[- ](?:the[- ])?quota", " ", done, flags=re.I)) and (not re.search(
            r"\b(achieved|actual(?:ly)?)\b(?! (?:brought|put|in place|received|used|utili[sz]ed|paid|arrived))", question, re.I)
            or _MEANS_TO.search(question)):  # ('a goal for funds actually brought in': 实际到位资金, a name)
        return "target"  # 'above-quota retail sales' (限上) is no quota set; 'plan to actually land' is a plan
    if re.search(r"\b(?:how (?:much|many)|what (?:area|acreage|amount|quantity|tonnage) of) (?!did\b|does\b|do\b)[^?]*?"
                 r"\b(?:did|does|do)\b[^?]*\bgrow\b(?!\s+by)", question,
                 re.I) and not re.search(r"\bgrowth\b|\bper ?cent|\brate\b|\bby how much\b|sales|revenue|income|output|"
                                         r"investment|tax|value|GDP|product", question, re.I):
        return "actual"  # 'how much astragalus did the town grow': a crop grown, no growth rate
    if _GROWTH.search(question) and not re.search(r"多少(个(?!百分点)|家|宗|项|座|名|件|起)|\bnet (?:increase|growth|gain|"
                                                  r"addition)\b", question, re.I):  # 净增 is a count, no rate
        return "yoy_growth"
    if re.search(r"\bhow (?:did\b|much did\b).*\bchange\b", question, re.I) and len(set(_YEAR.findall(question))) <= 1:
        return "yoy_growth"
    return "actual"


_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}


_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_N_MONTHS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
_EN_MONTHS = re.compile(rf"\bjan(?:uary)?\s*(?:-|–|—|to|through|until)\s*(?P<to>{_MONTH_WORD})\b|"
                        rf"\b(?:(?:by |to |until |as of |at )?(?:the )?end of |(?:at |by |as of )?end-)(?P<end>{_MONTH_WORD})\b|"
                        rf"\b(?:by|as of|up to|through|until|to) (?:the )?(?:3[01]|2\d)(?:st|th)? (?P<day>{_MONTH_WORD})\b|"  # by 30 September
                        r"\b(?:first|after|over) (?:the )?(?:first )?(?P<n>three|four|five|six|seven|eight|nine|ten|eleven) "
                        r"months\b|\b(?P<n2>three|four|five|six|seven|eight|nine|ten|eleven) months (?:into|of|to|through|ending|ended|up to) "
                        rf"(?:the end of )?(?:20\d\d|the year|{_MONTH_WORD})\b",
                        re.I)  # ('five months into 2023')


_EN_WINDOW = re.compile(rf"\b(?P<a>{_MONTH_WORD})\s*(?:-|–|—|to|through|and)\s*(?P<b>{_MONTH_WORD})\b", re.I)


def _month_en(word: str) -> int:
    return _MONTHS_EN.index(word[:3].lower()) + 1 if word else 0


# '去年', 'last year' said of a report's own time (never '比去年', '去年同期', 'than last year': a growth's base)
_NOT_COMPARED = r"(?<![比较于与和跟同])"  # '比去年', '与上一年': a comparison with that year, no year asked
_LAST_YEAR = re.compile(_NOT_COMPARED + r"去年(?!同期|相比|同比)|(?<!than )(?<!on )(?<!over )(?<!from )(?<!vs )"
                        r"(?<!vs\. )(?<!with )(?<!to )\blast year\b(?!'s same period|'s level)", re.I)
_THIS_YEAR = re.compile(r"今年|\bthis year\b", re.I)
# '前一年的固投': the year before the one the place's latest report covers (never '比前一年增长', a growth asked)
_YEAR_BEFORE = re.compile(_NOT_COMPARED + r"(?:前一年|上一年)(?!度?(?:计划|目标))")


# the year after the one a report is named by ('2021年总结…下一年', "2021 summary … the following year")
_NEXT_OF_REPORT = re.compile(r"20\d\d\s*年?(?:底|末)?(?:的|度|那份|这份)?(?:工作)?(?:总结|报告|计划|规划|安排|部署)[^？?]{0,30}?"
                             r"(?:下一年|次年|第二年|来年|明年)|"
                             # '2021年底…给下一年定下…': a year-end plan for the year after
                             r"20\d\d\s*年(?:底|末)[^，,。？?]{0,12}?[给为替](?:下一年|次年|第二年|来年|明年)|"
                             r"\b20\d\d (?:summary|report|review)\b[^?]{0,60}?\b(?:the )?(?:following|next|coming|"
                             r"subsequent) year\b", re.I)


def relative_year(question: str, places: Sequence[str], metas: Sequence[ReportMeta]) -> list[int]:
    """'去年', '今年' read from the year the place's latest report speaks from ('前一年': the year before the one it
    covers): the year it plans for when it has a plan, else the year it covers (a 2022 review with a 2023 plan says
    去年 of 2022; a 2024 half-year report says 今年 of 2024). '今年' is read only when the report covers that year (a
    review's 今年 may be either year); [] when the question names no such year, or not exactly one place."""
    last, this, before = _LAST_YEAR.search(question), _THIS_YEAR.search(question), _YEAR_BEFORE.search(question)
    if len(places) != 1 or not (last or this or before) or (last and this):
        return []
    own = [m for m in metas if m.street == places[0] and m.period_covered and m.period_covered[:4].isdigit()]
    if not own:
        return []
    latest = max(own, key=lambda m: m.period_covered or "")
    covered = int((latest.period_covered or "")[:4])
    speaks = int(latest.plan_period[:4]) if latest.plan_period and latest.plan_period[:4].isdigit() else covered
    if last:
        return [speaks - 1]
    if before and not this:
        return [covered - 1]
    return [speaks] if speaks == covered else []


# a half-year report's plan part, named as where to look ('下半年工作安排里', '下半年计划中')
_H2_PLAN_PART = re.compile(r"下半年(?:的)?(?:工作)?(?:计划|安排|打算|思路|重点)(?:里|中|内|上|部分)?|"
                           r"\b(?:plans?|agenda|priorities) for the second half\b|\bsecond[- ]half (?:(?:19|20)\d\d )?(?:work )?(?:plans?|agenda)\b",
                           re.I)


# a report named by the part of the year it covers ('its mid-year report', '半年报告里'), beside the period asked
_REPORT_NAMED = re.compile(r"\b(?:in|from|by) (?:its|the|their) (?:mid-year|half-year|interim|first-half|H1|year-end) "
                           r"(?:report|review|summary|update)\b|(?:上半年|半年|年中)(?:的)?(?:工作)?(?:总结|报告)(?:里|中|上)?", re.I)


def period_of(question: str, years: list[int] | None = None) -> str | None:
    """The period a question names, as a code ('2022', '2024H1', '2024M01-M06'); partial codes without a year."""
    years = years if years is not None else sorted({int(y) for y in _YEAR.findall(question)})
    prefix = str(years[-1]) if len(years) == 1 else ""
    if len(years) > 1:
        return None
    if WHOLE_YEAR.search(question):  # 'the full-year target its mid-year report states': the report, no period asked
        question = _REPORT_NAMED.sub(" ", question)
    months = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:月份?)?\s*[-—–~至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月",
                       question)  # ('1月到6月')
    if months:
        a, b = (int(x) if x.isdigit() else _CN_NUM.get(x, 0) for x in months.groups())
        if 1 <= a <= b <= 12:
            if a == 1 and b == 12:
                return prefix or None
            return f"{prefix}M{a:02d}-M{b:02d}"
    first = re.search(r"[前头]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月", question)  # '今年前5个月'、'头六个月'
    if first:
        n = int(first.group(1)) if first.group(1).isdigit() else _CN_NUM.get(first.group(1), 0)
        if 1 <= n < 12:
            return f"{prefix}M01-M{n:02d}"
    # 截至2019年9月底, 到2023年11月底
    upto = re.search(r"(?:截[至止]|(?<![\d月])到)\s*(?:20\d\d\s*年)?\s*(\d{1,2})\s*月(底|末|初|上旬|\s*\d{1,2}\s*[日号])?(?!\d)",
                     question)  # '截至10月12日': the months to then
    if upto and 1 <= int(upto.group(1)) <= 12:  # (…到12月底 is the year's end: the year)
        last = int(upto.group(1)) - (1 if upto.group(2) in ("初", "上旬") and 1 < int(upto.group(1)) < 12 else 0)
        return f"{prefix}M01-M{last:02d}" if last < 12 else prefix or None  # ('截至10月初': to the end of September)
    window = _EN_WINDOW.search(question)  # 'July–August 2016', 'in July and August': months not from January
    if window and 1 < _month_en(window.group("a")) < _month_en(window.group("b")):
        return f"{prefix}M{_month_en(window.group('a')):02d}-M{_month_en(window.group('b')):02d}"
    en = _EN_MONTHS.search(question)  # 'January–October', 'Jan-May', 'the end of October', 'first ten months'
    if en:
        last = _month_en(en.group("to") or en.group("end") or en.group("day") or "") or \
            _N_MONTHS.get((en.group("n") or en.group("n2") or "").lower(), 0)
        if 1 <= last < 12:
            return f"{prefix}M01-M{last:02d}"
        if last == 12:
            return prefix or None
    if re.search(r"上半年|(?:截[至止]|到)\s*(?:20\d\d\s*年)?\s*年中|\b(first[- ]half|H1|mid-year)\b|\bmid-20\d\d\b", question, re.I):
        return f"{prefix}H1"
    plan_part = _H2_PLAN_PART.search(question)
    rest = question[: plan_part.start()] + " " + question[plan_part.end() :] if plan_part else ""
    if plan_part and not re.search(r"下半年|\bsecond[- ]half\b", rest, re.I) \
            and re.search(r"全年|年度|20\d\d\s*年|\b(?:full|whole)[- ]year\b|\bannual\b|\bfor the year\b",
                          question[plan_part.end() :] if plan_part.start() == 0 or re.match(r"[\u4e00-\u9fff]", question)
                          else rest, re.I):
        return prefix or None  # '下半年打算里，全年固投定的是多少': the report's plan part, the year's target asked
    if re.search(r"下半年|\b(second[- ]half|H2)\b", question, re.I):
        return f"{prefix}H2"
    if re.search(r"前三季度|\b(?:first|after|in|over) three quarters\b|\bthree quarters of 20\d\d|\bQ1\s*[–—-]\s*Q3\b|"
                 # 'after Q3', 'its Q3 report', '三季度总结里': the year to September, as such reports count
                 r"\b(?:after|through|by the end of|at the end of|as of|to the end of|up to)\s+(?:the\s+)?(?:Q3|third quarter)\b|"
                 r"\bQ3 (?:report|review|update|summary)\b|三季度(?:的)?(?:工作)?(?:总结|报告|末)|截[至止]三季度", question, re.I):
        return f"{prefix}M01-M09"
    if re.search(r"(?:第)?一季度|\bfirst quarter|Q1\b", question, re.I):
        return f"{prefix}M01-M03"
    return prefix or None


_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z'’-]*(?:\s+(?:[Ss]ub-?district|[Tt]own(?:ship)?|[Ss]treet|[Cc]ounty))?"
                          r"(?:'s|’s)?\s*[(（]\s*$")


# 'in land preparation work, what floor area of old buildings was knocked down': the work the measure
# belongs to, before an ask that names its own measure in three words or more (never a year: 'in 2023, …')
_EN_FRAME = re.compile(r"(?:(?<=^)|(?<=[:;]\s)|(?<=[:;]))\s*in (?:its |the |their )?(?:[a-z][a-z-]* ){0,5}[a-z][a-z-]*,\s*"
                       r"(?=(?:what|how (?:many|much))\b([^?]*))")
_EN_ASK_WORDS = re.compile(r"\b(?!(?:what|much|many|were|was|have|has|had|does|did|that|this|with|from|into|they|their|"
                           r"there|been|actually|really)\b)[a-z][a-z-]{3,}\b")


def _en_frame_dropped(question: str) -> str:
    """An English question without the work its measure belongs to, when the ask names a measure of its own."""
    m = _EN_FRAME.search(question)
    if m and len(_EN_ASK_WORDS.findall(m.group(1))) >= 3:
        return question[: m.start()] + " " + question[m.end() :]
    return question


# a first sentence saying what the asker is doing ('我们想估算交通安全宣导上的志愿者投入。', '写扶贫案例要用：')
_WHY_ASKED_FIRST = re.compile(r"^\s*(?:我们|我|咱们|本人|为了|写|做|给)[^。？?！!：:\d]{2,40}?(?:[。！!]|(?<=用|要|看|查|核|算)[：:])\s*")


def _orchard_crop(m: re.Match[str]) -> str:
    """'猕猴桃园' -> '猕猴桃': a crop's orchard (a noun of the crop before 园), never a park ('产业园', '公园')."""
    crop = m.group(1)
    words = tagged(crop)
    if len(words) == 1 and words[0][1] == "n" and not re.match(r"[产工科农物创文体城社动植公乐游示生湿森]", crop):
        return crop
    return m.group(0)


def indicator_phrase(question: str, place_spans: list[tuple[int, int]], lang: str,
                     places: Sequence[str] = ()) -> str:
    """The question's indicator words: places, periods, question words and kind words removed."""
    text = question
    spans: list[tuple[int, int]] = []
    for start, end in sorted(place_spans):
        gloss = _NAME_BEFORE.search(question[:start]) if lang == "en" else None
        if gloss:  # 'Jueao (榉岙街道)': whatever its spelling, the name the Chinese in brackets glosses is the place
            start = gloss.start()
        if spans and start <= spans[-1][1]:  # a pinyin span and the Chinese after it: one span
            spans[-1] = (min(start, spans[-1][0]), max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    if lang == "en":
        for place in places:  # 'Heshan township's (鹤山乡)': the pinyin form too, when the Chinese was the match
            pattern = place_en_pattern(place)
            if pattern:
                text = re.sub(rf"(?:{pattern})(?:'s|’s)?", " ", text, flags=re.I)
        text = re.sub(r"\b(?:growth|completion) rate\b", " ", text, flags=re.I)
        text = re.sub(r"\b(how (?:much|many)) (?:more|fewer|less)\b", r"\1", text, flags=re.I)  # a gap asked, no 增
        text = PER_MONTH.sub(" ", text)  # 'a month on average': how it is shown, no part of the name
        text = re.sub(r"(?:\bin\s+)?(?<![\u4e00-\u9fff])(?:亿元?|万元?|[万亿]?(?:人次|平方米|亩|吨|户|担|公顷|斤|公斤|千克))"
                      r"(?![\u4e00-\u9fff])", " ", text)  # 'in 亿', 'its total in 亿人次': a unit, no name
        # 'in 10,000 mu', 'how many 10,000 jin': the unit counted in, no name
        # (…never an amount that sets a band: 'worth more than 100 million yuan' is 亿元以上)
        text = re.sub(r"\b(?:in\s+(?:units\s+of\s+)?|(?<=many )|(?<=much ))(?:10,000|ten[- ]thousand|100 million|hundred[- ]million)\s+"
                      r"(?:mu|dan|jin|yuan|tonnes?|tons?|people|households|person-times)\b", " ", text, flags=re.I)
        text = _UNIT_WANTED_EN.sub(" ", text)  # 'Give it in yuan'
        text = re.sub(r"\b(?:written|spelt|spelled) out(?: in full)?\b|\bin full\b", " ", text, flags=re.I)
        # 'rank among Shunde's towns and sub-districts': the peers a rank counts, no part of the name
        text = re.sub(r"\b(?:among|of) (?:the |all )?(?:[A-Z][a-z]+(?:'s|’s)? |(?:district|county|city)(?:'s|’s) )?"
                      r"(?:\d+ )?(?:towns?|townships?|sub-?districts?|streets?|places?)(?:,? (?:and|or) (?:towns?|townships?|"
                      r"sub-?districts?|streets?))?\b", " ", text)
        text = re.sub(r"^\s*where\b", " ", text, flags=re.I)  # 'Where did it rank': the position asked
        text = re.sub(r"\bwhere did (?:it|they|that|the figure) (?:land|end up|come in)\b|\bcame in\b", " ", text,
                      flags=re.I)  # 'where did the figure end up': how the figure turned out, no land (土地)
        # 'the county-assigned maize acreage task': who set the task, no part of the name (as 县下达的)
        text = re.sub(r"\b(?:county|district|city|municipal|town|township|higher[- ]level|superior)[- ](?:assigned|set|"
                      r"issued|allocated|imposed)\b", " ", text, flags=re.I)
        text = re.sub(r"\b(?:full|whole)[- ]year\b|\bmid-(?=20\d\d|year\b)(?:year)?|\b(?:at|by) the end of\b|"
                      rf"\b(?:end|mid|early|late)-(?=20\d\d\b|{_MONTH_WORD}\b)|\b(?:pastoral|herding|grazing) year\b|\b(?:at )?(?:the )?(?:year[- ]end|end of (?:the )?year)\b", " ", text,
                      flags=re.I)  # periods ('at the end of 2023', 'end-2022', 'at year-end')
        # 'so far in 2024 (as of the half-year report)', 'In its land-consolidation work,': when and where, no name
        text = re.sub(r"\bso far\b|\bas of the (?:half-year|mid-year|year-end|latest) report\b|\bas of\b|"
                      r"^\s*(?:in|on) (?:its|the) [\w\s-]{2,40}? work,", " ", text, flags=re.I)
        # 'After adding nine firms in 2021, what was its overall count of …': the change told first frames the stock
        text = _AFTER_ADDING.sub(" ", text)
        text = re.sub(r"\bproject\b(?=[^?]{0,60}\bto be\b)", " ", text, flags=re.I)  # 'did it project … to be': a forecast
        text = re.sub(r"\bin (?:money|monetary|cash|yuan) terms\b|\b(?:for )?the whole of (?=(?:19|20)\d\d\b|the year\b)|\b(?:first|second)[- ]half\b", " ", text,
                      flags=re.I)  # a period
        # 'industrial land to be handed over to the reserve': the land's own name; the handing over is its verb
        text = re.sub(r"\b(?:to be )?(?:handed|transferred|turned) over (?:to|into) (?:the )?(?:land )?(?:reserve|land bank)\b",
                      " ", text, flags=re.I)
        text = re.sub(r"\b(?:added|adding) (?:\w+ ){0,2}?(?=[\w-]+ (?:[\w-]+ )?(?:firms|enterprises|companies)\b)|"
                      r"\bto the statistics\b|\bwhat did that bring (?:its|the|their) (?:total )?(?:count|number|tally) to\b",
                      " ", text, flags=re.I) if STOCK_AFTER_ADDING_EN.search(text) else text
        # "its Q3 report projects this year's harvest — how many tonnes": the forecast's verb and the unit counted in
        text = re.sub(r"\b(report|review|update|summary)\s+projects\b|\b(?:how many|in) (?:tonnes|tons)\b", r" \1 ", text,
                      flags=re.I)
        text = re.sub(r"\b(?:overall|whole|full) (?:count|number|tally)\b", " ", text, flags=re.I)
        text = re.sub(r"\badd(?:ing)?\s+up\b|\b(?:taken|put)\s+together\b|\bin\s+total\b", " ", text,
                      flags=re.I)  # 'Add up the … that A and B removed': the sum asked, no part of the name
        text = re.sub(r"(?<=[)）])\s*zone\b", " ", text, flags=re.I)  # 'the Xitian (溪田) zone': where, named
        text = re.sub(r"\bvalue\s+added\b", "value-added", text, flags=re.I)  # one term, not 'value' + 'added'
        text = re.sub(r"\btotal\s+output\b(?!\s+value)", "total-output", text, flags=re.I)  # 总产, not 'total' dropped
        text = re.sub(r"\b(school)\s+places\b", r"\1-places", text, flags=re.I)  # 学位, not 学校
        # 'retail sales above designated size': the qualifier first, as in 限额以上零售额, so the measure ends the phrase
        text = re.sub(r"\b((?:[\w-]+\s+){0,3}?[\w-]+)\s+above[- ]designated[- ]size\b", r"above-designated-size \1", text,
                      flags=re.I)
        text = re.sub(r"\bnet\s+(increase|growth|gain|addition)\b", r"net-\1", text, flags=re.I)  # 净增
        text = re.sub(r"\b(?:on a net basis|in net terms|net of (?:closures|exits))\b", " net-increase ", text, flags=re.I)
        text = re.sub(r"\b(?:or|and)\s+(higher|above)\b", r"or-\1", text, flags=re.I)  # '区级以上': 'district-level or higher'
        text = re.sub(r"\b(district|county|town|township|city)[\s-]+level\b", r"\1-level", text, flags=re.I)  # 镇级
        text = re.sub(rf"\b(?:3[01]|[12]?\d)(?:st|nd|rd|th)?\s+(?={_MONTH_WORD}\b)", " ", text, flags=re.I)  # by 30 September
        text = re.sub(rf"\b{_MONTH_WORD}\b(?:\s*(?:[–—-]|to|through)\s*{_MONTH_WORD}\b)?", " ", text, flags=re.I)
        text = re.sub(r"(?:'s|’s)\b", " ", text)
        # 'the 2.9亿元 annual tax task': the task's size and its year, given; no part of the name
        text = re.sub(r"\b(?:annual|yearly|full-year)\b(?=\s+(?:[\w-]+\s+){0,2}(?:task|target|goal|quota)s?\b)", " ", text,
                      flags=re.I)
        text = re.sub(r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|亿|万)?(?=\s+(?:[\w-]+\s+){0,3}(?:task|target|goal|quota)s?\b)",
                      " ", text, flags=re.I)
        # 'had aimed for 3.5亿元 of paid-in investment': the aim's size, given
        text = re.sub(r"\b(?:aims?|aimed|aiming|targeted|planned|budgeted) (?:for|at) (?:about |around |some )?\d[\d,]*(?:\.\d+)?\s*"
                      r"(?:亿元|万元|亿|万|元|(?:million|billion) yuan|yuan)?(?: of)?", " ", text, flags=re.I)
        text = re.sub(r"\b((?:task|target|goal|quota)s?) of\s+\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|亿|万|元)?", r"\1 ", text,
                      flags=re.I)  # 'a revenue quota of 3,350万元': the task's size, given
        # 'its whole tea-garden area, bearing or not': either way, no qualifier of the name
        text = re.sub(r",?\s*\b[\w-]+ or not\b", " ", text, flags=re.I)
        # 'in Gyangze county': where the place is (its county in a spelling the gazetteer may not give), no part of the name
        text = re.sub(r"\bin [A-Z][\w'’-]+ (?:county|district|city|prefecture|banner)\b", " ", text)
        # 'did it project in its autumn report': the forecast's verb and the report that gives it, no part of the name
        text = re.sub(r"\bproject(?=\s+(?:in|for|at|by|to)\b)|\b(?:as reported )?(?:in|from|by|according to|per) (?:its|the|their) (?:[\w–—-]+ ){0,3}"
                      r"(?:report|review|summary|update)\b", " ", text, flags=re.I)
        # 'for the eleven months to November', 'in the first ten months': the period, said apart
        text = re.sub(r"\b(?:(?:in|for|over) )?(?:the )?(?:first )?(?:three|four|five|six|seven|eight|nine|ten|eleven) months\b",
                      " ", text, flags=re.I)
        text = re.sub(r"\bhow far\b|\bas a (?:percentage|share)\b|\bin percent(?:age)?(?: terms)?\b", " ", text, flags=re.I)
        text = _EN_AMOUNT.sub(_zh_amount, text)  # 'over 1 million yuan' -> 100万元, as the report writes it
        text = re.sub(r"20[0-4]\d|[^\w\s.\-']", " ", text)
        words = [w.rstrip(".") for w in text.split()]  # ('…still left. How many…': a sentence's full stop, no part)
        # ('tea output value': money, 产值, never the tonnes an 'output' alone may be)
        return " ".join(_head_last([w for n, w in enumerate(words) if (
            w.lower() not in _EN_STOP or w.lower() == "of"
            or w.lower() == "value" and n and words[n - 1].lower() == "output") and re.search(r"\w", w)]))
    renamed = _RENAMED.search(text)
    if renamed:  # '招来的企业，实打实的产值（落地产值）有几亿': a bracket that renames the word before it with
        text = renamed.group(2) + text[renamed.end() :]  # the report's own term names what is asked, from there on
    # '社零110亿出头，这个量…排第几': a figure the asker gives, and the word pointing back to it
    text = re.sub(r"\d+(?:\.\d+)?\s*(?:万|亿)(?:元)?(?:出头|左右|上下)[，,]?|(?:这个|那个|该)(?:量|数(?!量)|数字|总量)(?![\u4e00-\u9fff]{0,2}级)",
                  " ", text)
    # '关于城中村燃气“瓶改管”改造，…在28个城中村里完成了多少栋房屋': the topic word, and a count given as where
    text = re.sub(r"^\s*关于(?=[^，,？?]{2,24}[，,])|在\s*\d+\s*个[\u4e00-\u9fff]{1,6}?(?:里|内|当中|之中)(?=[\u4e00-\u9fff])", " ", text)
    text = PER_MONTH.sub(" ", _MONEY_IN_UNITS.sub(" ", text))  # '有多少个亿', '平均每月': the unit asked, no name
    # '秋粮里头，玉米面积占了多少亩': a part's own amount asked (in a unit, no share), the whole only its frame
    if re.search(r"占了?(?=(?:大约|约)?(?:多少|几)(?:万|亿)?(?:亩|公顷|平方米|人次|人|户|个|家|元|吨|头))", text):
        text = re.sub(r"占了?(?=(?:大约|约)?(?:多少|几))", " ", re.sub(r"^[^，,？?]{2,12}?(?:里头|里面|里|当中|之中|中)[，,]", " ", text))
    # '9个村（居）的集体收入': how many villages the whole counts, and a short aside on who; no part of the name
    text = re.sub(r"(?:^|(?<=[，,\s]))\d+个(?:行政村|村|社区)(?=(?:20\d\d\s*年)?的?(?:村|社区|集体))", "", text)
    text = re.sub(r"(?:^|(?<=[，,\s]))\d+个(?=村|社区|行政村)(?!(?:行政村|村|社区)(?:里|中|当中|之中))|"
                  r"(?<=村)[（(](?:居|社区|居委会|社)[)）]", "", text)  # (…never the whole a count is taken from)
    # '做总结那会儿估了个全年税收的数': when and how the report gave it, no part of the name
    text = re.sub(r"(?:写|作|做)(?:总结|报告)(?:时|的时候)|估(?:了|算了)?(?:一个|个)|(?<=[\u4e00-\u9fff]{2})的数(?=[，,]|是|为|有?多少|$)", " ", text)
    # '社零（retail sales）', '那份报告里': an English gloss in a Chinese question, the report pointed at
    text = re.sub(r"[（(][A-Za-z][A-Za-z\s'’-]{2,60}[)）]|[这那]份(?=报告|材料|总结|文件|[里中上])", " ", text)
    # '那篇繁体转载的三季度总结里': which document, however it is described, no part of the name
    text = re.sub(r"[这那]一?[篇份](?:[^，,。？?]{0,14}?)(?:报告|总结|材料|文件|稿子?|文章|通报)(?:里|中|上|里面)?", " ", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:的)?(?:数字|数据|数值)(?=(?:是|为|有)?(?:多少|几))", " ", text)
    # '是精确数还是约数': how exact the figure is, asked beside it (its qualifier, 近/约, says); '建成后': when the
    # thing counts, no part of its name
    text = re.sub(r"(?:是|为)?(?:精确数|准确数|确数|确切数)(?:字)?还是(?:约数|估计数|概数|大概数)(?:字)?|"
                  r"(?:建成|投用|完工|投产)(?:后|以后|之后)(?=[\u4e00-\u9fff]{0,4}?(?:计划|将|能|可|会|要|新增|增加))", " ", text)
    # '单就项目个数而言（不看落地产值）': what is set aside in brackets goes, and the 'as for' around the measure
    text = re.sub(r"[（(](?:不看|不算|不含|不包括|不计|别算|不管|先不管|撇开)[^）)]{1,16}[）)]|(?:单就|仅就|就)(?=[^，,？?]{2,12}?而言)|"
                  r"(?<=[\u4e00-\u9fff])而言", " ", text)
    # '都落地了，每年能贡献多少产值': the yearly output once landed (落地后年产值), as reports word it
    text = re.sub(r"每年(?:能|可以?|会)?(?:贡献|带来|创造|实现|产生)(?:大约|约|大概)?(?:多少|几)?(?:亿元|万元|亿|万)?的?"
                  r"(?=产值|税收|营收|收入)", "年", text)
    text = re.sub(r"(?:都|全部|全都)?落地了?(?=[\s，,]*(?:预计|估计)?年(?:产值|税收|营收|收入))", "落地后", text)
    # '头五个月做下来占任务多少': how far the months went, no part of the name
    text = re.sub(r"(?:做|干|跑|算|忙)下来", " ", text)
    # '计划增加的车位数': the things added, as reports word them (新增车位)
    text = re.sub(r"(?<![新净])增加的(?=[\u4e00-\u9fff]{2})", "新增", text)
    text = re.sub(r"(?<=[车床泊学岗座摊]位)数(?![据字量值])", "", text)  # '车位数': the places counted, 车位
    # '还有几户建档立卡贫困户没有脱贫': those still not done, as reports write them (剩余…, 未脱贫)
    text = re.sub(r"还有(多少|几)([户人个家])?[\u4e00-\u9fff]{2,8}?(?:没有|没|未|尚未)([\u4e00-\u9fff]{2})(?=[？?，,]|$)",
                  r"剩余未\3\1\2", text)
    text = re.sub(r"还剩下?|" + STILL_LEFT, " ", text)  # '年底还剩多少户贫困户': the stock left, as the report's label
    # '已经投产的猕猴桃园有多少亩': the orchard's area, as reports state it (猕猴桃投产面积)
    text = re.sub(r"(?:已经?)?(挂果|投产|采摘)的([\u4e00-\u9fff]{1,4}?)园(?=(?:有|是|为|共)?(?:多少|几)(?:万?亩|公顷))",
                  lambda m: _orchard(m.group(2)) + m.group(1) + "面积", text)
    # '6.8万亩茶园里，已经进入投产期的是多少': those of the whole in that state, as reports name them (投产茶园)
    text = re.sub(r"(?:(?<![\d.])\d+(?:\.\d+)?[万亿]?[亩个家户座所条]?)?([^\W\d的]{2,6}?)(?:里|中|当中)[，,]\s*"
                  r"(?:已经?)?进入了?([\u4e00-\u9fff]{2,4}?)期?的(?=(?:是|有|为)?(?:多少|几))", r"\2\1", text)
    # '投资进度比时序进度快了几个百分点': ahead of the months elapsed, as reports write it (超序时进度)
    text = re.sub(r"(?:的)?进度?(?:比|较)(序时|时序)进度(?:快|超出?|高)了?", r"超\1进度", text)
    # '年底栏里还有多少生猪（存栏数）': the animals in the pens are the 存栏, as reports count them
    text = re.sub(r"(?<![存出专宣公告广护围])(?:圈|栏)(?:里|中|内)(?:还)?(?:有|剩)?", "存栏", text)  # (never '存栏里能繁母猪')
    text = re.sub(r"(?<![存出专宣公告广护围])在(?:圈|栏)(?=[？?，,]|$)", "存栏", text)  # '…还有多少头在栏？': the same
    text = re.sub(r"(?<=存栏)数(?![据字量值])|(?<![偿归退返交])还(?=(?:有|差|需|得|要)?(?:多少|几))", "", text)
    # '受理投诉86宗，对应的退赔金额是多少': a figure given, then the measure that goes with it is asked
    text = re.sub(r"^[^，,？?]*\d[^，,？?]*[，,]\s*(?:与之|与此)?(?:对应|相应|相对应)的?", " ", text)
    # '幼儿园新增学位500座，明年计划新增多少座': a figure the question gives at a clause's end is no part of the name
    if "“" not in text:  # (…a figure quoted from the report is read where it stands)
        text = re.sub(r"\d+(?:\.\d+)?(?:万|亿)?(?:座|个|家|所|人|户|项|亩|吨|套|栋|辆|条|场|次|宗|件)(?=[，,])", " ", text)
    # '占全年800人任务的百分比': the share of the task asked, no part of the name
    text = re.sub(r"占[^，,？?]{0,10}?(?:计划|目标|任务|预算)的?(?:比例|比重|进度|百分之[几多少]*|百分比)", " ", text)
    # '除了新建街道党群服务站，还建了几个驿站': what else is asked after 还, never the thing set aside
    # ('除了已签约的，正在洽谈的还有多少': what else, named before its 还)
    text = re.sub(r"除了?[^，,。？?]{2,24}?(?:以外|之外|外)?[，,]\s*(?=还|另外|又|[^，,。？?]{2,12}?的?还(?:有|剩))", " ", text)
    text = re.sub(r"[前头]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月", " ", text)  # '今年前5个月': a period
    text = _OVER_BAR.sub(" ", _UNIT_WANTED.sub(" ", text))
    text = re.sub(r"(?:排名?|位列|位居)第?[一二三四五六七八九十\d]+(?:名|位)?", " ", text)  # '固投排第二的': the position asked
    text = re.sub(r"([\u4e00-\u9fff])([\u4e00-\u9fff])\1了(?=多少|几)", r"\1\2", text)  # '拆违拆了多少': 拆违
    # '…，2022年实际数比目标差几个': the result held against the plan, no part of the name asked
    text = re.sub(r"实际(?:完成)?(?:数|值)?(?=[比较与和跟]?(?:目标|计划|任务)|差)|(?<=[\u4e00-\u9fff])差(?=[几多]|$)", " ", text)
    # '算上所有景区和民宿，…游客接待总量': what the total takes in, said first; no part of the name
    text = re.sub(r"^(?:算上|加上|包括|连同|含)(?![^，,？?]*新)(?:所有|全部|各个?)?[^，,？?]{1,20}?(?:在内)?[，,](?=[^，,？?]*(?:多少|几))",
                  " ", text)
    # '新进“四上”库的14家企业里，批发零售类（限上批零）是几家': the whole the part is taken from, then the part, by the
    # report's own term in brackets
    text = re.sub(r"^[^，,？?]{2,30}?\d+(?:家|个|户|项|名|人)[\u4e00-\u9fff]{0,6}?(?:里|中|当中|之中)[，,](?=[^，,？?]*(?:多少|几))",
                  " ", text)
    text = re.sub(r"[\u4e00-\u9fff]{2,8}?类[（(]([\u4e00-\u9fff“”]{2,10})[)）]", r"\1", text)
    # '全镇11个村中，超过50万元的村有几个': the whole the count is taken from, no part of the name asked
    text = re.sub(r"(?:^|(?<=[，,\s年镇乡道]))\d+个[\u4e00-\u9fff]{1,4}?(?:里|中|当中|之中)[，,]?", " ", text)
    # '除了街道级中心以外，社区层面的…': what is set aside before the ask is no part of the name asked
    text = re.sub(r"(?<![扣剔免消排去破])除了?[^，,。？?]{1,20}?(?:之外|以外|外)[，,]", " ", text)
    # the usual other name of GDP (总量 is no kind word here); '人均能支配的收入' is 可支配
    text = text.replace("经济总量", "地区生产总值").replace("能支配", "可支配")
    # spoken words for what reports write: '多少来着', '到底', '搞定了几个…问题' (解决), '罚了多少钱' (罚款)
    text = re.sub(r"来着|到底|相当于|(?<![\u4e00-\u9fff])那个(?![\d一二两三四五六七八九十])|靠这个|(?<=[\u4e00-\u9fff]{2})方面(?=的?[\u4e00-\u9fff])",
                  " ", text)
    text = re.sub(r"搞定了?", "解决", re.sub(r"罚了?多少钱", "罚款", text))
    # '出人命的安全事故', '有人死亡的事故': accidents with deaths (亡人事故), as reports count them
    text = re.sub(r"(?:出(?:了)?人命|死(?:了)?人|有人死亡|致人死亡|死人)的(?:安全(?:生产)?)?事故", "亡人事故", text)
    # '年产值上亿的厂子': firms of output over 亿元 (产值亿元以上企业), as reports write them
    text = re.sub(r"(?:年)?(产值|营收|税收|收入)(?:上|过|超)(亿|千万|百万)元?的?", r"\1\2元以上", text).replace("厂子", "企业").replace(
        "案子", "案件")
    # '问题解决的比例', '参保的比例': the rate of it (解决率, 参保率)
    text = re.sub(r"(解决|办结|响应|参保|覆盖|接种|入驻|达标|合格|满意|回复|结案|化解)的?(?:比例|比率|百分比)", r"\1率", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?:种植|播种|种)了?(?=(?:多少|几)(?:万?亩|公顷|万公顷))", "种植面积", text)  # 玉米种了几万亩
    text = re.sub(r"(?<=[\u4e00-\u9fff])播了?(?=(?:多少|几)(?:万?亩|公顷|万公顷))", "播种面积", text)  # '小春播了多少万亩'
    # ('落实了多大面积的青稞': the area sown to it)
    text = re.sub(r"(新(?:增)?)?(?:种植了?|播种了?|(?<![接蚕育良品物树])种了|落实了)(?:多少|多大面积的?)(?![万亩公顷张株棵人次户个名])([\u4e00-\u9fff]{1,4}?)"
                  r"(?=[？?]|$)", lambda m: m.group(2) + (m.group(1) or "") + "种植面积",
                  text)  # '种了多少谷子': its area (never '蚕种多少张'); '新种了多少…' the year's new planting
    # '新扩种的西兰花有多少万亩': the year's added planting (新增…种植面积), as reports write it
    text = re.sub(r"新?(?:扩种|扩大种植)(?:了|的)*(?![了的])([\u4e00-\u9fff]{1,4}?)(?=(?:有|是|共|一共)?(?:多少|几)(?:万?亩|公顷))",
                  r"新增\1种植面积", text)
    # '产干茶多少吨': the output of what is named after 产
    # '青稞能收多少吨', '三华李预计能产多少': the crop's output
    text = re.sub(r"(?:能|可以?)?(?<![回征接验税吸没])收(?:了|获|获了)?(?=多少(?:万?吨|公斤|万?斤))", "产量", text)
    # '签了几户搬迁协议': the signing counted (征收签约), the agreement its paper
    text = re.sub(r"签(?:下|订|署)?了?(?:多少|几)([户份个家])?([\u4e00-\u9fff]{0,4}?)协议(?=[？?]|$)", r"\2签约多少\1", text)
    text = re.sub(r"(?:能|可以?)产(?=多少(?:万?吨|公斤|万?斤|担)?[？?]?$|$)", "产量", text)
    text = re.sub(r"(?<![生出投共增减总])产(?:了)?(?![量值能])([\u4e00-\u9fff]{1,4}?)(?=多少(?:万?吨|公斤|万?斤|担))", r"\1产量", text)
    # '工单比上年减少了百分之多少': the comparison with last year says the kind asked, no part of the name
    text = re.sub(r"(?:相|对)?[比较](?:上年|去年|上一年|前一年)(?:同期)?(?:增长|增加|减少|下降|提高|降低|上升|[增降减])?了?", " ", text)
    text = re.sub(r"是?(?:[涨增升]了?|正增长|正(?:数|的)?)(?:还是|是)(?:[跌降减]了?|负增长|负(?:数|的)?)", " ",
                  text)  # '涨了还是跌了', '是正增长还是负增长', '正的还是负的': the sign, no part of the name
    text = re.sub(r"省下了?(?=百分之|几个点|多少百分)", "节约率", text)  # '采购项目省下了百分之几': the saving rate (节约率)
    text = re.sub(r"(?:跟|和|与|同)(?:去年|上年|上一年)(?:同期)?(?:相)?比(?:较)?", " ", text)  # '跟去年同期比'
    # '（保留两位小数）', '10月31日', '均价是每千克多少元': how the figure is shown, a day, a price's unit; no name
    text = re.sub(r"[（(]?(?:请)?保留[一二两三四\d]位小数[)）]?|\d{1,2}\s*[日号](?!\d)|(?<=价)(?:是|为)?每(?:千克|公斤|斤|吨|亩|平方米|立方米|头|只)", " ", text)
    text = re.sub(r"幅度(?=多少|是?多少|有多大)|辖区(?:里|内)?(?=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff]{2})存量|面向[^，,？?]{1,12}?的|"
                  r"(?:^|(?<=[，,\s]))通过(?=[^，,？?]{2,8}?(?:共|一共|总共)?(?:挖|引|招|落))|(?<![\u4e00-\u9fff])约(?=为|是)|(?<=[\u4e00-\u9fff]{2})(?:队伍|梯队|阵容)",
                  " ", text)  # '幅度多少', '辖区里上市的企业', '专精特新队伍': no part of the name
    text = re.sub(r"(?:上级|省|市|区|县|镇|乡|街道)?里?下达的?(?:年度|全年)?(?=任务|目标|计划)", " ", text)  # '完成上级下达任务的比例': who set it
    # …and the share of it done is the completion asked ('任务已经完成了多大比例')
    text = re.sub(r"(任务|目标|计划)的?(?:(?:已经|已)?完成了?)?(?:多大|多少)?的?(?:比例|百分比)", r"\1", text)
    # '…比计划多干出几个亿': a spoken verb of doing, no part of the name
    text = re.sub(r"(?<=多)(?:干|做|搞)出了?", "", text)
    # '幼儿园实际新增了多少座学位': the result (the kind asked), no part of the name
    text = re.sub(r"实际(?=新增|新建|建成|增加|完工|竣工|开工|投用|交付)", "", text)
    # '连着好几年全区第一': a streak or a position said of the figure, no part of its name
    text = re.sub(r"(?:连着|连续)(?:好几|几|\d+|[一二两三四五六七八九十]+)?年|(?:全[区市县省国]|区内|市内)(?:排名)?"
                  r"第[一二三四五六七八九十\d]+(?:名|位)?", " ", text)
    # '报告里说…', '计划里讲还要修…', '玉塘那边': who says it and where, spoken; no part of the name
    text = re.sub(r"(?<=[里中])(?:说|讲|提到|提|写着?)(?:的|了)?|(?<=[\u4e00-\u9fff])那边", "", text)
    # '死了人的事故', '事故里死的人': fatal accidents and their deaths, said plainly
    text = re.sub(r"死了?人的?事故", "亡人事故", text)
    text = re.sub(r"(?<=事故)(?:里|中)?死(?:了|掉)?的人(?:数)?", "死亡人数", text)
    # '按镇人代会报告的口径', '照总结的说法': which document's account, not what
    text = re.sub(r"(?:按照?|依照?|照|根据)[^，,。？?]{0,12}?(?:报告|总结|材料|文件|会议?)的?(?:口径|说法|数据|估算|测算|估计|预计)", " ", text)
    # '据镇政府工作报告，…', '从这份总结看，…': which document, said before the ask
    text = re.sub(r"(?:^|(?<=[，,。；;]))\s*(?:据|根据|依据|按照?|从)[^，,。？?\d]{0,14}?(?:报告|总结|材料|文件)(?:来看|看|显示|所述|中|里)?[，,]",
                  " ", text)
    # '当地农村居民…在什么水平': where (the place asked) and how the level is asked, no part of the name
    text = re.sub(r"(?:^|(?<=[\s，,年]))(?:当地|本地)(?=[\u4e00-\u9fff]{2})|(?:处)?在(?:什么|怎样的?|哪个)水平(?:上)?", " ", text)
    # '按工作计划中', '报告里的GDP': where, not what
    text = re.sub(r"(?:工作)?(?:计划|总结|规划|要点|报告)(?:之中|当中|中|里)的?", " ", text)
    # '按2024年工作计划，…', '…企业不少于多少家': whose plan, and the floor a plan sets, name nothing
    text = re.sub(r"(?:按照?|根据|依据)\s*(?:20\d\d\s*年)?的?(?:工作)?(?:计划|规划|安排)[，,]|(?:不少于|不低于|至少|最少|起码)(?:要|得)?(?=多少|几)",
                  " ", text)
    # '（不算小区长者服务点）', '（不是死亡人数）': what is left out, no part of the name
    text = re.sub(r"[（(][^（）()]{0,20}?(?:不算|不含|不包括|不计|不是|不只是?|不仅是?|不单是?|而非|说的是|问的是|指的是|都算上?|都包括|都含)[^（）()]{0,20}[)）]", " ",
                  text)
    # '市场主体（存量）': the stock said again in a bracket, which is what a level is; no part of the name
    text = re.sub(r"[（(](?:存量|总量|总数|累计数?|年末数|期末数|实有数?)[)）]", " ", text)
    # '小初学位（小学加初中）': a bracket that only says again what the name says
    text = re.sub(r"[（(]([^（）()]{1,12})[)）]",
                  lambda m: " " if m.group(1) in text.replace(m.group(0), "", 1) else m.group(0), text)
    # '（完成率在100%以上）': a condition on the figure, no part of its name
    text = re.sub(r"[（(][^（）()]*?(?:超过|高于|低于|以上|以下|大于|小于|不足)[^（）()]*?\d[^（）()]*[)）]", " ", text)
    # '那年搞“瓶改管”，改完的房子…': a colloquial verb before a quoted name, and the colloquial word for 房屋
    text = re.sub(r"(?:搞|弄|整|抓)(?:了|的)?(?=“)", " ", text)
    text = re.sub(r"房子", "房屋", text)
    text = re.sub(r"(?:一整?年|全年|当年|这一?年)(?:里头?|中|内|下来|当中)(?=[，,\s（(]|[\u4e00-\u9fff])", " ", text)  # '2015年一年里，…'
    # '全街道一共划出来几个街区', '…交出去', '它一家的入库量', '龙头兆驰集团', '产值写的是', '据说刷屏了——': how the
    # asker puts it, the report's own verbs (划分, 移交) aside
    text = re.sub(r"划(?:出来?|分出来?)了?", "划分", text)
    text = re.sub(r"(?:一共|总共)?(?:来了|吸引了?|迎来了?|招来了?)(?=(?:多少|几)(?:万)?(?:人次|人|名)?的?(?:游客|客人|旅客))", "接待", text)  # '来了多少游客', '吸引了多少游客'
    text = re.sub(r"(?:移|交)(?:出去|出来)了?", "移交", text)
    text = re.sub(r"(?:它|其)一家的?|给个(?:百分比|百分数|准数|数)|龙头(?=[\u4e00-\u9fff]{2,6}(?:集团|公司))|"
                  r"(?<=[\u4e00-\u9fff])写(?:的是|着|的)(?=多少|几|[？?]|$)|刷屏了?(?:——|—|，|,)?", " ", text)
    # '听说…弄了些叫“暖蜂窗口”的地方': hearsay, and a thing named by what it is called
    text = re.sub(r"听说|据说|(?:弄|搞|建)了一?些(?=叫)", " ", text)
    # '报告原文是多少', '报告写的到底多少': which text is asked, no part of the name
    text = re.sub(r"(?:报告)?原文|(?:报告)?(?:里|中|上)?(?:写|说|给)的?(?:到底|实际)?(?:是)?(?=(?:多少|几))", " ", text)
    text = re.sub(r"叫(?:做|作)?([“\"][^”\"]{2,12}[”\"])的(?:地方|东西|项目|活动|站点|点位)", r"\1", text)
    # '我想知道签下来、腾空了的…', '红星村那个统租改造': the asker's lead, a demonstrative, and 签约 said plainly
    text = re.sub(r"我?想(?:知道|问问?|了解|打听)(?:一下)?|请问(?:一下)?|(?<=[\u4e00-\u9fff])那个(?=[\u4e00-\u9fff]{2})", " ", text)
    text = re.sub(r"签(?:下来|下|上)了?的?", "签约", text)
    text = re.sub(r"(?:查|审)出来?了?的?(?=问题)", "发现", text)  # '审计查出来的问题': the problems it found (发现问题)
    # '除了打通几条断头路，…一共立项的有几条': what the ask sets aside first, no part of the name asked
    text = re.sub(r"(?:^|(?<=[\s年]))(?:除(?:了|去)?[^，,？?]{2,20}?(?:之外|以外|外)?|[^，,？?除]{2,14}?(?:之外|以外))[，,]"
                  r"(?!\s*(?:其他|其余|另外|剩下|以其他|别的))", " ", text)
    # '还让企业自己设了…', '这种劝导站': who was moved to do it, and a word pointing back, name nothing
    text = re.sub(r"还?(?:让|叫|请|组织|推动|引导)?[^，,？?]{1,12}?[也还]?自己(?=设|建|办|成立|组建)|(?:^|(?<=[，,\s]))(?:这种|这类|那种|那类)(?=[\u4e00-\u9fff]{2})", " ",
                  text)
    # '某项指标这一项，…两地谁的面积大？差多少': the item pointed at, the dimension compared and the gap asked
    text = re.sub(r"(?:这|那)一?项(?:指标|工作)?(?=[，,\s]|$)|(?:^|(?<=[\s？?，,]))(?:相)?差了?(?=\s*(?:多少|几))", " ", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff]面积)(?:更|最|较)?[大小](?=[？?，,\s]|$)", " ", text)  # ('哪个面积大': the area)
    # '像甲路、乙街这样的规划道路': examples of the things counted, no part of their name; '报上去立项': 立项申报
    text = EXAMPLES_GIVEN.sub(" ", text)
    text = re.sub(r"报上去(?:了)?的?立项|立项报上去(?:了)?", "立项申报", text)
    # '理论宣讲搞了多少场': colloquial, no name ('接报了多少案件': 接报 is the name's verb)
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:搞|弄|干|整|做|设|(?<![接申填举通呈预汇上])报)了?(?=多少|几)", " ", text)
    text = re.sub(r"(?<![建开假增新])设了(?=[\u4e00-\u9fff]{2})", "设立", text)  # '自己设了交通劝导站': 设立
    # '产值2024年比2023年增加了多少亿元': the change and the unit asked, no part of the name
    text = re.sub(r"(?<=[\u4e00-\u9fff\s）)])(?:增加|减少|提高|降低|上升|多出?)了?(?=多少|几|百分之)", " ", text)
    # '（2021→2022）': the two years went with the period words; their arrow and brackets go too
    text = re.sub(r"[（(]\s*(?:20\d\d\s*年?)?\s*(?:→|->|—>|－>|至|到|—|-|~|～)\s*(?:20\d\d\s*年?)?\s*[)）]", " ", text)
    if re.search(r"(?:比|相比|相较|较)[^？?]{0,16}?净增", text):  # '…比2019年末净增了几家': the change on a year named, as 增加
        text = re.sub(r"净增(?:加)?了?(?=多少|几)", " ", text)
    text = re.sub(r"(?<=多少)个?[万亿]?元", " ", text)
    # '限上批零单位' are the report's 限额以上批零企业 (units of the statistics are firms)
    text = re.sub(r"((?:限上|限额以上|规上|规模以上|四上)[”\"]?[\u4e00-\u9fff]{0,8}?)单位(?=[有共是数合]|[^\u4e00-\u9fff]|$)", r"\1企业", text)
    text = re.sub(r"[，,。]?\s*(?:请)?(?:用|以)百分(?:比|数)(?:来)?(?:回答|表示|给出)[。.]?", " ", text)  # how to answer
    text = re.sub(r"按[^，,。？?]{1,12}?(?:分|划分|区分)(?:开)?(?:来)?(?:看)?[，,]", " ", text)  # '按区30强内外分，': how it is split
    # '数一数…：', '倒推一下', '前后搞了多少场', '一共发出去多少钱': an analyst's everyday words, no part of the name
    text = re.sub(r"^\s*(?:数一数|数数|算一算|算算|查一查|看一看|看看|根据|依据|按照?(?=\s))|(?:倒推|推算|测算|估算|反推)(?:一下)?|前后(?=\s|搞|办|开展|举办|组织|共|一共|总共|累计)|"
                  r"(?:发|花|用|拨)出去了?(?=多少)|(?<=年)定的|到底(?=[有是]|多少|几)|"
                  r"(?<=[\u4e00-\u9fff]{2})(?<!形象)进度(?=[：:，,\s]|(?:已经|已)?(?:到|达)了?)", " ", text)  # ('固投进度：…完成了百分之多少')
    # '那17个招商项目', '给养老、助残发的补贴': which things and to whom, no part of the name
    text = re.sub(r"[这那](?=\s*\d+(?:\.\d+)?\s*[个家项所户座名条])|给(?=[^，,？?]{1,10}?发(?:放)?的?[\u4e00-\u9fff]{0,6}?(?:补贴|奖励|补助|资金|奖金|经费))",
                  " ", text)
    text = re.sub(r"上了?岗|找到了?工作|端上了?饭碗", "实现就业", text)  # '让多少…人上了岗': the people placed in jobs
    # everyday words for the report's: '挖出来的项目' (挖掘), '腾出的土地' (释放), '从规下升到了规上' (小升规),
    # '年产值做到了一个亿以上' (亿元以上), '拿到了规划审批' (通过), '区一级的' (区), '按2022年报告算' (how, no name)
    text = re.sub(r"挖(?:出来?|到)了?的?", "挖掘", text)
    # '收进来多少公顷产业用地' (收储), '一下子腾出了…', '纳入…产业保障房管理' (纳管): everyday words for the report's
    text = re.sub(r"收(?:进来|回来)了?(?=多少|几)", "收储", text)
    text = re.sub(r"摘(?:掉|下)了?(?:贫困)?(?:的)?帽子?|摘帽", "脱贫", text)  # '摘掉贫困帽子的有多少户': 脱贫
    text = re.sub(r"折合(?=[\u4e00-\u9fff]{1,4}?(?:多少|几))", "折", text)  # '鲜黄花折合干菜多少吨': 折干菜, as reports write
    text = re.sub(r"新添了?|新加了?(?![入坡起])", "新增", text)  # '新添了多少个托位': the places added (新增托位)
    text = re.sub(r"^[^，,：:？?]{0,24}?分量[：:]|(?<![\u4e00-\u9fff])它的?|它们的?", " ", text)  # '…的分量：它的入库量'
    # '执法指标：', '土地指标（下半年目标）：': the topic an official files the figure under, no part of its name
    text = re.sub(r"^[^，,：:？?]{0,12}?(?:指标|数据|数字|口径)(?:[（(][^（）()]{1,10}[)）])?[：:]", " ", text)
    text = re.sub(r"^[^，,：:？?]{0,12}?定的?(?:硬)?(?:指标|目标)(?:里|中)[，,]", " ", text)  # '招商定的硬指标里，'
    # '大约多少', '手上有几家', '招商的硬指标：': how sure, whose, and a plan's word, no part of the name
    text = re.sub(r"大约|大概|约莫|(?<![\u4e00-\u9fff])约(?=多少|几)|手上|手里|硬(?:指标|任务)[：:，,]?", " ", text)
    # '落地后一年预计能有多少产值': what a project yields a year once done, as reports write it (落地后年产值)
    text = re.sub(r"(?<=后)一年(?:的)?(?:预计|估计)?(?:能|可以?)?(?:有|到|达到?|带来)?(?:多少)?的?(?=产值|收入|税收|销售)", "年", text)
    text = re.sub(r"一下子|一口气|一举|(?:多大|多少)面积的(?=[\u4e00-\u9fff])|把(?![关握手控])", "", text)  # '一下子', '把多大面积的…纳入'
    text = re.sub(r"纳入[^，,？?\s]{0,14}?管理", "纳管", text)
    text = re.sub(r"纳入(?:统计|统计库|统计范围)的?", "纳统", text)
    text = re.sub(r"养猪", "生猪", re.sub(r"养(?=[牛羊鸡鸭鹅兔][^肉])", "", text))  # '说到养猪，…出栏量': the pigs (生猪出栏)  # '当年纳入统计的产值': 纳统产值, as reports write it
    # '去甲地、乙地那些地方招商，总共去了几次': going elsewhere to do it is 外出 (as reports write 外出招商)
    text = re.sub(r"(?:去|到|赴)[^，,？?\s]{1,20}?(?:那些|这些|等)(?:地方|地)", "外出", text)
    text = re.sub(r"(?<=[，,\s])(?:总共|一共)?(?:去|跑)了?(?=几|多少)", " ", text)
    text = re.sub(r"义务教育(?:阶段)?(?:[（(]小学[、和及]初中[)）])?的?", "小初", text)  # 义务教育 is 小学 and 初中: 小初学位
    text = re.sub(r"留住了?", "挽留", text)  # '留住了几户打算迁走的商户': the firms kept (挽留)
    text = re.sub(r"(?:本来|原本|原来)(?:想|要|打算)[^，,？?]{1,12}?的", " ", text)  # …and what they had meant to do
    text = re.sub(r"(?<=[，,\s])定(?:的|了个?)|底线|(?<=[位量额数率积])方面(?=[，,\s])", " ", text)  # '，定的…', '方面，'
    # '其中网格这一级，…一共划了多少个': the part, named; the level it is and the verb of dividing name nothing
    text = re.sub(r"^\s*其中(?=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff]{2})这一?(?:级|层|类)(?=[，,\s]|$)|"
                  r"(?<=[\u4e00-\u9fff])(?:划|分)了?(?=(?:多少|几)个?)", " ", text)
    # '年终总结大会上部署要冲到几个亿': the meeting that set it, no part of the name
    text = re.sub(r"(?:年终|年度|全年)?(?:工作)?(?:总结)?(?:表彰)?(?:大会|会议)(?:上|里|中)?(?:部署|提出|确定|定)(?:的|了)?", " ", text)
    # '比…定的“突破3亿元”目标多出多少': the goal quoted, given; no part of the name
    text = re.sub(r"(?:[比较跟和与][^，,？?]{0,12}?)?(?<![固确制设决规约])(?:定|制定|确定|提出|设定|定下)的?\s*“[^”]{1,14}”\s*(?:的)?"
                  r"(?:目标|任务|计划)", " ", text)
    # '给下一年定下…要冲到多少亿': who it was set for and the push to reach it, no part of the name
    text = re.sub(r"(?:[给为]\s*(?:下一年|次年|来年|明年|20\d\d\s*年)?\s*)?定下(?:的|了)?|(?<=[\u4e00-\u9fff]{2})要?冲(?:到|刺|击)?(?=多少|几|\s|$)", " ", text)

    text = re.sub(r"腾出(?:来)?的?", "释放", text)
    text = re.sub(r"从?规下升(?:到|为|至|成)了?规上", "小升规", text)
    # '通过“小升规”进入规上行列': the upgrade, and what it means said again
    text = re.sub(r"(?:通过)?[“\"]?小升规[”\"]?(?:的?方式)?(?:进入|升入|迈入|跨入|晋升为?|升为|成为)了?(?:规上|规模以上)(?:工业)?(?:企业)?"
                  r"(?:行列|队伍)?", "小升规", text)
    if "小升规" in text:  # '跨入规上行列的“小升规”企业': what the upgrade means, said first
        text = re.sub(r"(?:进入|升入|迈入|跨入|晋升为?|升为)了?(?:规上|规模以上)(?:工业)?(?:企业)?(?:行列|队伍)的?", " ", text)
    text = re.sub(r"(?:一|1)个亿(?:元)?", "亿元", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff])做到了?(?=[\u4e00-\u9fff\d])|拿到了?(?=[\u4e00-\u9fff]{2})|(?<=[业位构司户])数量", "", text)
    text = re.sub(r"(?<=[区市县镇])一级的?", "", text)
    text = re.sub(r"[，,。]?\s*按[^，,。？?]{0,12}?算[。.]?\s*$", " ", text)
    # '某片区清拆掉以后，…腾出了多少平方米的…': what was done first frames the ask, no part of the name
    text = re.sub(_DONE_FIRST + r"(?=[^，,？?]*(?:多少|几)[^，,？?]*[\u4e00-\u9fff]{2}|"
                  r"[^，,？?]*[\u4e00-\u9fff]{2}[^，,？?]*(?:多少|几))", " ", text)
    text = re.sub(_DONE_FIRST_BARE, " ", text)
    # '取缔三处砂场，这一举措腾出的空间': the clause before 'this action' says which, the words after it what
    text = re.sub(r"^[^？?]*[，,]\s*(?:这一?|该|此)(?:行动|举措|做法|措施|整治|工作)", " ", text)
    text = re.sub(r"(?:一共|总共|共)投了?多少钱", "投入", text)  # '…项目一共投了多少钱': the outlay (总投入)
    text = re.sub(r"投入(?:了)?多少钱", "投入", text)  # '…砸了多少钱' (投入): the outlay
    text = re.sub(r"投了?多少钱", "投资", text)  # '某工程打算投多少钱': the investment
    # '烟站收了多少万担烟叶': what a buying station takes in is bought (收购), never harvested
    text = re.sub(r"(?:烟站|收购站|茧站)?收了?(?=(?:多少|几)(?:万)?(?:担|吨|公斤|斤)?的?(?:烟叶|菸叶|蚕茧|茧|茶青|鲜叶))", "收购", text)
    # '一共产了多少吨干茶', '马铃薯预计能收多少': the crop's output
    text = re.sub(r"(?:一共|总共|共)?(?<!总)产了?(?:多少|几)(?:万)?(?:吨|斤|公斤|千克)?的?([\u4e00-\u9fff]{1,6}?)(?=[？?]|$)", r"\1产量", text)
    text = re.sub(r"(?:(?:能|可以|可)(?:收|收获)|收获)了?(?=(?:多少|几)(?:万)?(?:吨|斤|公斤|千克)?[？?]?$)", "产量", text)
    # '鲜果通过线上卖了多少钱': the sales (销售额), by the channel named
    text = re.sub(r"(?:通过|经由|借助|依托)(?=线上|线下|网上|网络|电商|直播|平台)", "", text)
    # '新增种植的花椒面积': the crop's new planting, as reports name it ('花椒新种面积', '花椒新扩种面积')
    text = re.sub(r"新(?:增|扩)?(?:种植|栽种|栽植)的?([\u4e00-\u9fff]{2,6}?)面积", r"\1新种面积", text)
    # '已经投产的猕猴桃园有多少亩': an orchard's area is its crop's (猕猴桃投产面积), never a thing of its own
    if re.search(r"(?:多少|几)(?:万)?(?:亩|公顷)", text):
        text = re.sub(r"([\u4e00-\u9fff]{2})园(?![区地林艺])", _orchard_crop, text)
    text = re.sub(r"(?:一共|总共)?卖(?:出|掉)?了?多少钱", "销售额", text)
    text = re.sub(r"卖(?:出|掉)?了?([\u4e00-\u9fff]{0,6}?)(?:的|得到的|换来的)?(?=收入)", r"\1销售", text)  # '卖青菜头收入': 销售收入
    text = re.sub(r"[（(](?:单位)?[:：]?\s*(?:[万亿]?元|万人|公顷|亩|万亩|平方米|万平方米|个|家|%|％|人|户|宗|项)[)）]", " ", text)  # '（万元）'
    text = re.sub(r"钱?(?:一共|总共)?投进去了?(?:多少钱)?", "投入", text)  # '…一共投进去多少钱', '钱一共投进去多少': the outlay
    text = re.sub(r"(?<=多少)钱", " ", text)  # '补贴总共有多少钱': the unit asked
    text = re.sub(r"(?:能|可以)?[收交缴纳](?:上来|进来|到)?了?多少(?:钱的)?税(?:款|收)?", "税收", text)  # '收了多少税': the tax revenue
    text = re.sub(r"收上来的?税(?:款|收)?", "税收", text)  # '去年一年收上来的税'
    text = re.sub(r"(?<=释放|腾退|清理|整理|盘活)出来的?(?=[\u4e00-\u9fff])|" + _FORM_FILL.pattern, "", text)  # '释放出来的'
    # '…是31.6亿元，那同比增速呢？请给出具体百分比': the figure given, the 那 of a follow-up and the request's wording
    text = re.sub(r"(?:是|为|有|达到?)?\d+(?:\.\d+)?\s*(?:万|亿)?(?:元|人次|人|户|家|个|亩|吨|平方米|公顷|件|宗)(?=[，,]\s*那)|"
                  r"请(?:给出|提供|说明|列出|告诉我)(?:一下)?(?:具体的?)?(?:百分比|百分数|数字|数值|数据)?|(?:^|(?<=[，,。？?\s]))那(?=[\u4e00-\u9fff])(?!一?年)", " ", text)
    # '甲和乙的产值谁大', '谁发得多': who is ahead, no part of the name
    text = re.sub(r"谁(?:的)?(?:[\u4e00-\u9fff]得)?(?:更|最)?(?:大|多|高|少|小|低|强)(?=[？?，,]|$)", " ", text)
    # '给老人、残疾人这些群体发补贴': who receives it, no part of the name (发放补贴)
    text = re.sub(r"给?[^，,？?]{1,16}?(?:这些|那些|等)(?:群体|人群|对象|人员|困难群众)?发(?:放)?了?的?(?=[\u4e00-\u9fff]{0,4}?"
                  r"(?:补贴|补助|救助金|慰问金|津贴))", "发放", text)
    # '把A、B和C的工单相加，总数是多少', '从多到少排': how the figures are combined or ordered, no name
    # everyday words around the name: '等到2023年', '给下半年定的', '真正落户的', '再多出', '发的补贴', '多少钱'
    text = re.sub(r"给([^，,？?]{0,14}?)定[的了]", r" \1 ", text)
    # '学位准备加多少个', '准备再铺几公里': the plan's addition, and the unit asked, name nothing
    text = re.sub(r"(?:准备|打算)(?:再)?(?:铺|建|修|加|多出来?)?(?=\s|几|多少)|(?:[一总]?共计?)?(?:几|多少)(?:万)?(?:公里|千米|平方米|米|亩|公顷|吨|担|公斤|斤)的?", " ", text)
    text = re.sub(r"等到(?=\s|20\d\d)|真正(?:的)?(?=[\u4e00-\u9fff])|再(?=\s|多|加|新增)|发(?:放)?的(?=补贴|奖励|补助|资金|奖金)",
                  " ", text)
    text = re.sub(r"^\s*(?:按照|依照|照)(?=\s)", " ", text)  # '照观湖2023年的计划，…': whose plan, no name
    text = re.sub(r"^\s*把|(?:[两二三四五几]项)?(?:相加|加总|汇总)(?:起来)?(?:后)?(?:[，,]\s*)?(?:的)?(?:总(?:数|和))?|之和|"
                  r"从(?:高|多|大)到(?:低|少|小)(?:排(?:序|列)?)?|"
                  r"(?:排|位|居|处)(?:在|于)?中间(?:的)?|居中(?:的)?",
                  " ", text)
    text = re.sub(r"(?:要|将|拟|打算|准备)(?=新增|完成|实现|打造|建成|新建|引进|培育|达到|突破|改造|新)", "", text)  # '专精特新要新增几家'
    # '新培育入库几家“四上”单位': firms newly entering the statistics' rolls are the year's new ones (新增“四上”企业)
    text = re.sub(r"新?(?:培育|升规)?(?:入库|纳统|进库)(?=[^，,？?]{0,4}?[“\"]?(?:四上|规上|限上|规模以上|限额以上))|"
                  r"新培育(?=[^，,？?]{0,4}?[“\"]?(?:四上|规上|限上|规模以上|限额以上))", "新增", text)
    text = _PERIOD_WORDS.sub(" ", text)
    text = re.sub(r"截[至止](?=\s)", " ", text)  # '截至2019年底…': the date went with the period words
    text = _KIND_WORDS.sub(" ", text)
    text = _Q_WORDS.sub(" ", text)
    text = re.sub(r"(?:^|(?<=\s))[比较](?=\s|$)", " ", text)  # '…2024年比2022年多了多少': the comparison word left alone
    # '算个差：A的固投减去B的固投，等于多少': the difference asked, no part of the name
    text = re.sub(r"^\s*算(?:个|一下)?差[：:，,]?|减去|减掉|相差|[，,]?\s*(?:等于|差了?)(?=\s*(?:多少|几))", " ", text)
    # '甲镇税收比乙镇多多少', '甲（2021年）跟乙（报告年度）比', 'A对B': the words that set one place against another
    text = re.sub(r"(?<=[\u4e00-\u9fffA-Za-z）)])[比较](?=[\s，,])|(?:^|(?<=[\s（()）]))(?:跟|同|对)(?=[\s（(]|$)", " ", text)
    text = re.sub(r"[A-Za-z]+(?![\w.])", lambda m: m.group(0) if m.group(0).upper() in {"GDP", "PM"} else " ", text)
    text = re.sub(r"[（(]\s*[）)]", "", re.sub(r"\s+", "", text))  # '楠溪镇（2023年）': the year went, its brackets too
    if re.search(r"(?:镇|乡|街道)(?:之中|当中|中)[，,]", question):
        text = re.sub(r"^(?:之中|当中|中)", "", text)  # 'A、B和C中，哪个…': the places' 中, no part of the name
    each = PER_EACH.search(text)
    if each:  # '各村（社区）集体经济收入平均每村多少': 村均集体经济收入
        text = each.group(1) + "均" + re.sub(r"^各[村户](?:[（(][^）)]{1,4}[）)])?", "", text[: each.start()] + text[each.end() :])
    text = PER_SPELLED.sub(r"\1均", text)  # '村（社区）平均' is 村均
    if re.search(r"20\d\d\s*年[^，,。？?]{0,30}?[比较][^，,。？?]{0,12}?20\d\d\s*年", question):
        # '…2023年比2022年增加了多少': the comparison of two years says the change asked, no part of the name
        text = re.sub(r"(?<![净新])[比较]?(?:增加|增长|减少|下降|提高|降低|上升|增|减)?了?$", "", text)
        text = re.sub(r"(?<=[\u4e00-\u9fff])[比较](?=净增|净减)", "", text)
    text = re.sub(r"^(?:街道|镇|乡|社区|各地)+(?!级)", "", text)  # '镇级税收' keeps its scope
    # '…收入合计数在2020年到2021年这一年里涨了多少': the span's 在 and the sum's 数, no part of the name
    text = re.sub(r"(?<=收入|产值|总额|税收|投资)数?在$", "", text)
    # '专精特新要新增几家', '幼儿托位的新增目标': the verb said after the thing added opens its name, as reports write it
    text = re.sub(r"^([\u4e00-\u9fff]{2,}?)(新增|新建|新引进|新培育|新认定)$", r"\2\1", text)
    # '招来的项目，目前落户了多少个': the things that did it, named as reports write them ('…落户项目')
    # (…'引来的项目里，真正落户的有几个': those of the things named before 里 that did it)
    # (a whole word only: '长者服务站建成' splits no word)
    done = re.fullmatch(r"([\u4e00-\u9fff]*?)([\u4e00-\u9fff]{2})(?:里|中|当中|之中)?(落户|签约|开工|竣工|投产|建成|完工|入库|纳统|落地)",
                        text)
    if done and (tagged(done.group(1) + done.group(2)) or (("", ""),))[-1][0] == done.group(2):
        return done.group(1) + done.group(3) + done.group(2)
    return text


_RENAMED = re.compile(r"([\u4e00-\u9fff]{2})[（(](?!其中|含|包括|不|除|非|仅|而非|并非|只)([\u4e00-\u9fff]{1,8}\1)[)）]")  # '…的产值（落地产值）'
_EN_SHARE_FROM = re.compile(r"\bshare of (?:the |its )?(.+?) (?:(?:came|comes|come|was|were|is|are) (?:from|contributed by|"
                            r"generated by|paid by)|went (?:in)?to|goes (?:in)?to) (?:its |the )?([\w' -]+?)(?:\?|$| in \d{4}| during)",
                            re.I)
_EN_AMOUNT = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|billion|k|m|mn|bn)?\s*(?:yuan|RMB)\b", re.I)
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}


def _zh_amount(m: re.Match[str]) -> str:
    """'1 million yuan' -> ' 100万元 ', '500,000 yuan' -> ' 50万元 ', '100 million yuan' -> ' 亿元 ' (超亿元)."""
    value = float(m.group(1).replace(",", "")) * _EN_SCALE.get((m.group(2) or "").lower(), 1.0)
    if value >= 1e8:
        shown = "亿元" if value == 1e8 else f"{value / 1e8:g}亿元"
    elif value >= 1e4:
        shown = f"{value / 1e4:g}万元"
    else:
        shown = f"{value:g}元"
    return f" {shown} "


def _head_last(words: list[str]) -> list[str]:
    """'resolution rate of hotline cases' -> 'hotline cases resolution rate': the measure last, as in Chinese
    (and in the English phrases the matcher reads head-last); other 'of's are dropped."""
    if "of" in words:
        i = words.index("of")
        before, after = words[:i], [w for w in words[i + 1 :] if w != "of"]
        if 1 <= len(before) <= 4 and after:
            return after + before
    return [w for w in words if w != "of"]


def _en_keys(question: str) -> list[str]:
    """The lexicon keys an English question names; a count asked as new ('how many new places (托位)') is the
    count of those added, as flavoured_key reads '新增' in Chinese."""
    new = bool(re.search(r"\bnew(?:ly)?\b|\badded\b", question, re.I)) and not STOCK_AFTER_ADDING_EN.search(question)
    return [("new_" + key) if new and key in BY_KEY and BY_KEY[key].adds_apart else key
            for key, pattern in EN_PATTERNS.items() if re.search(pattern, question, re.I)]
