"""Cue words that decide what kind of figure a sentence states: the one owner of these word lists.

Extraction (figure kinds), the Indicator validator, summaries (which sentences count as results) and the
router (what kind of figure a question asks for) all read the lists here, so they cannot drift apart.
"""

from __future__ import annotations

import re

# Plan wording: a figure after these is a target, not a result (计划 = plan, not achievement).
# 预计 is NOT here: in review text it marks an estimate of the result (see ESTIMATE); in plan text every
# figure is a target anyway.
TARGET_WORDS = ("力争", "计划", "目标", "任务", "不少于", "不低于", "确保", "争取", "拟")
TARGET = re.compile("|".join(TARGET_WORDS))
# Summaries also treat 将 ("will") as future wording when ranking review sentences.
TARGET_OR_FUTURE = re.compile(TARGET.pattern + "|将")
# A question asking for a target rather than a result.
QUESTION_TARGET = re.compile("|".join((*TARGET_WORDS, "打算")) + r"|准备(?=(?:在[^，,？?]{1,8}?)?再?[加建新引推完实开投修改铺落种培把])|(?<![只就此这])要(?:突破|达到|完成|实现|增长(?![率速幅]))|(?:今年|明年|年内|年底前?)要|"
                             r"(?<![主需重必只])要[\u4e00-\u9fff]{1,4}(?:多少|几|多大)|"
                             r"(?<![思理感回])想(?:要)?(?:再)?(?:新增|多出|增加|加|达到|引进|培育|建成?|完成)[^，,？?]{0,4}(?:多少|几)|"
                             # '希望明年客流能突破几万人次': a figure hoped for, a plan's
                             r"希望[^，,？?]{0,24}?(?:突破|达到|超过|实现|完成)(?:多少|几)|"
                             # '在2021年底的工作思路里，…希望2022年招商引资到位多少': the plan's hope for a later year
                             r"(?<![我你您])希望(?![了知查看问])(?=[^，,？?]{0,6}?20\d\d\s*年)[^，,？?]{0,24}?(?:多少|几)|"
                             r"工作思路(?:里|中|上)|"
                             r"(?:至少|最少|起码)要(?=几|多少)|硬(?:指标|任务)|要冲(?:到|刺|击)|"
                             # '镇人代会定的2024年…', '年终大会部署的': what a meeting set, a plan's
                             r"(?:会议?|报告|规划|部署)(?:上|里|中)?(?:定|部署|提出|确定)的|"
                             # '2024年玉塘要在…完成', '下半年要让…入库': a period's plan
                             r"(?:20\d\d年|[上下]半年|今年|明年|全年)[\u4e00-\u9fff]{0,4}?(?<![主需重必只想])要(?=[在把让将对给向加推新建引])|"
                             # '给2023年定的供应量', '2024年定的新增数量': what was set for a period
                             r"(?:20\d\d年|[上下]半年|今年|明年|全年|年初)定的|(?:工作)?安排(?:里|中)[^，,？?]{0,16}?把|把[^，,？?]{1,20}?定(?:在|为|成)(?:多少|几)|给[^，,？?]{0,16}?(?<![认确核鉴评审判制规决约肯])定(?:的|了)|(?<![确肯认一搞敲])定了(?=几|多少|多大)|"
                             # '为2021年税收收入设了多大的盘子': a later year's figure set
                             r"[给为]\s*(?:20\d\d\s*年|明年|下一年|来年)[^，,？?]{0,12}?(?:定|设)(?:的|了|定)|(?<=[，,])定的|底线|"
                             r"将(?!近)[\u4e00-\u9fff]{1,4}(?:多少|几|多大)|\b(target|targets|targeting|targeted|plan|planned(?! (?:roads?|streets?|routes?|lanes?)\b)|plans|planning|goal|aim|aims|aiming|will|task|"
                             r"quota|cap|ceiling|to-do list|agenda|pencil+ed in)\b|\b(?:supposed|meant|wants?|intends?|hopes?) to\b|"
                             r"\bwhat (?:is the )?(?:floor|minimum)\b(?! area| space)|\bmust (?:bring|add|complete|reach|attract|land)\b|"  # 'the floor …'
                             r"\b(?:does|do|did)\b[^?,]{1,40}?\bwant\b[^?,]{1,60}?\bto\b",  # 'does Pinghu want the project to
                             re.I)
# Achievement wording that overrides a target cue in the same clause (已完成, 实现 …).
DONE = re.compile(r"完成|实现|(?<![下送到传抵表转直])达到?|已")  # 下达 (handed down) is no result
# Summaries also count 累计 (cumulative totals) as achieved.
DONE_OR_CUMULATIVE = re.compile(DONE.pattern + "|累计")

# Year-on-year change wording before a percentage (比增, 增, 同比+x%, 同比增长-x%, 负增长 …).
YOY = re.compile(r"同比|增长|增幅|增速|比增|比降|比减|下降|降幅|减少|上升|提高|提升|回落|负增长|[增减]产|[增减]收|增(?=\s*$)|[+＋]\s*$")
# Completion of a plan/target: 完成年度计划81.2%, 完成年度任务的101.9%, 占全年任务数的77.8%, 完成率,
# 完成镇人代会目标的52%, 占年计划101.5%, 为年度计划的108%, 目标完成率.
# What a completion rate completes: a plan, target, task or budget (预算收入 is revenue, no budget).
PLAN_OBJECT = r"(?:计划|目标|任务|预算(?!本?级?收入|总收入))"
_MONTHS_SPAN = r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?"  # a plan's months, '1-9月'
_IN_CLAUSE = r"(?:[^,，。;；%]|(?<=\d),(?=\d{3}))"  # a character of the clause (a thousands comma is no clause end)
COMPLETION = re.compile(  # …and a budget: 完成年度预算的101.6%, 完成年初预算的98%
    rf"完成率|办结率|(?:完成|占|为|达)(?:了)?[^,，。;；\d%]{{0,10}}?{PLAN_OBJECT}(?:目?数)?的?\s*$"
    rf"|(?:完成|占|为|达)(?:了|到)?\s*{_MONTHS_SPAN}\s*(?:序时|时序)?{PLAN_OBJECT}(?:目?数)?的?\s*$"  # 达到1-9月序时目标的96%
    rf"|(?:完成|占)(?:了)?[^,，。;；\d%]{{0,10}}?{PLAN_OBJECT}(?:目?数)?的"
    rf"|(?:完成|占|为|达)(?:了)?[^,，。;；\d%]{{0,10}}?{PLAN_OBJECT}{_IN_CLAUSE}{{0,12}}?的\s*$"  # 占全年目标8亿元的38.8%
    rf"|(?:完成|占|为|达)(?:了)?[^,，。;；\d%]{{0,10}}?{PLAN_OBJECT}{_IN_CLAUSE}{{0,14}}?进度的?\s*$"  # 任务（…）进度的71.2%
    r"|完成进度(?:为|达到?)?\s*$"  # '招引企业152家（完成进度108%）': the share of its task done
)
SHARE = re.compile(r"占全[区市县镇]|全[区市县]占比|占比|占[^，,。；;\d]{0,14}(?:比重|比例)"
                   r"|占(?![^，,。；;\d%]*(?:计划|目标|任务))[^，,。；;\d%]{1,12}?的\s*$")  # 占街道税收的50.3%
# An absolute change on the previous year stated after a level: '达到21500元，较上年增加840元', '增产320万斤'.
# Group 1 is the direction word; the whole clause before the figure must be this (a fullmatch on it).
# '…2.32万吨增0.09万吨'; '比上年净增1420元' (a bare 净增 is a flow: 净增市场主体380户)
CHANGE = re.compile(r"(?:同比|与上年相比|较上年同期|比上年同期|较上年|比上年|较去年|比去年|较20\d\d年|比20\d\d年)?(?:净)?"
                    r"(增加|增长|减少|下降|增产|减产|增收|减收|多|少|(?<!净)增|(?<!净)减|(?<=[年期比]净)[增减])了?")
CHANGE_DOWN = re.compile(r"减少|下降|减产|减收|少|减")
# A question asking for that change: '比上年增加了多少元', '增产多少斤', 'how much more than last year'.
ASKS_CHANGE = re.compile(r"(?:增加|减少|增产|减产|增收|减收|扩大|缩小|缩减|压减|(?<![至最])(?:多出?|少)|超出|高出)了?(?:多少|几)(?!个?百分点|%|成)|"  # 至少几个: a floor
                         r"(?:增长|下降|上涨|涨|下跌|跌)了?多少(?=万|亿|元|人|户|个|家|件|亩|吨|斤|公里|平方米)|"
                         r"\bhow (?:much|many) (?:more|fewer|less)\b(?![^?]*\b(?:than in|than the|than [A-Z]))|"
                         r"\bhow (?:much|many) (?:more|fewer|less)\b[^?]*\bthan (?:(?:a|one|the) year (?:earlier|before|ago)|"
                         r"(?:in )?the same (?:period|months|half|quarter)(?: of)?(?: a| the| one| last)? (?:year|years?\b))\b|"
                         r"\bby how (?:much|many) (?:yuan|people|households)\b|"
                         r"\b(?:up|down|rise|rose|grew|fell|increased?|decreased?) (?:by )?how many\s*(?:亿|万|元|yuan|RMB|"
                         r"billion|million)|"  # 'up by how many 亿 yoy': the amount the level moved
                         r"\babsolute (?:increase|decrease|change)\b|"
                         # ('…rise in absolute terms'; 'what was the value added, in money terms' asks the level)
                         r"\b(?:increase|decrease|rise|rose|risen|gr[eo]wn?|grew|gain|fall|fell|fallen|drop|change|"
                         r"up|down)\w*\b[^?]{0,60}\bin (?:money|absolute|yuan) terms\b|\bhow many (?:more )?yuan\b|"
                         r"\bin (?:money|absolute|yuan) terms\b[^?]{0,80}\b(?:increase|decrease|rise|rose|risen|gr[eo]wn?|grew|"
                         r"gain|fall|fell|fallen|drop|change)\w*\b|"
                         # 'by how much did X exceed the same period a year earlier': the amount over last year's
                         r"\bby how much\b[^?]*\b(?:exceed|top|surpass|outstrip)\w*\b[^?]*"
                         r"\b(?:same period|year earlier|last year|previous year|year before)\b",
                         re.I)
# what is left of a whole, asked ('还有多少户…尚未脱贫', '剩余', 'how many are still unfinished')
# What a report says is left of a stock ('截至年底仍有贫困户37户'): read by extraction (no part of a label), the router
# (no part of a phrase) and the rest guard (a quote that states what remains answers '还剩').
STILL_LEFT = r"仍有|尚有|仍剩|尚余"
# 'After the 2021 additions, how many … were there', '…added 2 firms — what did that bring its total count to': the
# stock once the year's additions are in, never the additions
AFTER_ADDING_EN = r"\b(?:after|having|with) (?:adding|added|the (?:(?:19|20)\d\d )?(?:additions?|new entrants))\b"
STOCK_AFTER_ADDING_EN = re.compile(AFTER_ADDING_EN + r"|"
                                   r"\bbr(?:ing|ings|ought) (?:its|the|their) (?:total|count|number|tally)\b|"
                                   r"\b(?:total|overall) (?:count|number|tally)\b", re.I)
REST_ASKED = re.compile(r"尚未|仍未|还未|还没有?|还剩|剩余|剩下|剩(?=多少|几)|另外一个|另一个|还有[^，,？?]{0,12}?(?:没有?|未)(?=[\u4e00-\u9fff])|"
                        r"\b(?:remaining|still (?:not|un)\w*|yet to|still (?:had|has|have|needed|needs|need) to|left to|"
                        r"(?:hadn|hasn|haven)[’']t\b[^?]{0,40}?\byet|"
                        r"still (?:needs?|needed)\b(?= in\b| for\b| over\b))\b",
                        re.I)
CUMULATIVE = re.compile(r"累计")
# Stated provisional: the figure awaits the statistics office.
PROVISIONAL = re.compile(r"以统计(?:局|部门)?公布(?:数据)?为准")
# Estimate wording (review text): the reported result is an estimate written before the final statistics.
ESTIMATE = re.compile(r"预计|初步统计|快报|预估|可望|有望|估计")
# What a project is to yield once built ('投产后年产值可达3亿元'): a future expectation, filed as a target, no result.
PROJECTED = re.compile(r"(?:建成|投产|达产|投用|投运|运营|竣工|落地)(?:后|以后)")
# Growth on a like-for-like basis (剔除留抵退税因素后同口径增长4.9%): a figure apart from the headline growth.
LIKE_FOR_LIKE = r"同口径|可比口径"
# A clause stating an aim or an expectation, never a result: a target's words, 将, 有望, 可达, or a project's
# figure once it is built.
AIMED_OR_EXPECTED = re.compile(TARGET.pattern + r"|有望|可达|可望|将(?!近)|" + PROJECTED.pattern)
# Paragraph-wide estimate notes: 预计(以下均为预计), (预计数,下同).
ESTIMATE_SCOPE = re.compile(r"以下[^。，,]{0,10}?(?:均|都)(?:为|是|系)预计|预计数[,，、]?\s*下同|下同[^。]{0,4}预计")
# A figure that is a target beside an actual: 突破60亿元目标, 越过50亿元目标.
TARGET_AFTER = re.compile(r"^\s*(?:的)?(?:目标|任务)")
# A ranking, not a value: 全区第2, 第13位, 前10位.
RANKING_BEFORE = re.compile(r"(?:第|前)\s*$")

# A question that asks for a figure (多少, 几个, how much / many, what was …).
NUMBER_QUESTION = re.compile(r"[率度](?:如何|怎样|怎么样)|多少|(?:什么|怎样的?|哪个|多高的?)水平|(?:请|麻烦)(?:给出|提供|列出|告知)[^。？?]{0,20}?(?:数|额|量|率|值)(?:[，,。]|$)|几[百千万亿]|几[个家项所宗座名件起年次届天季人户条处口栋幢间套批场只头辆台]|第几|名次|是多少|有多少|规模|数量|情况|多大|几成|百分之几|\b(how (?:much|many)|"
                             r"what(?: (?:was|is|were|are)|['’]s)|how (?:large|big|high|long|far)|figure|amount|number of|count of|total|"
                             r"value|rank(?:ed)?|"
                             # 'what annual trading volume did …', 'what share of …': a measure named after 'what'
                             r"what (?:[\w-]+ ){0,3}(?:volume|output|revenue|income|rate|share|sales|turnover|"
                             r"investment|yield|area|price|level|growth|percentage|proportion|tax(?:es)? take|tax(?:es)?|"
                             r"target|inventory|stock|capacity|tonnage|headcount|population|count|minimum|maximum|floor|ceiling|"
                             r"goal|quota)|"
                             # 'What sheep stock did the town report for 2021': a figure the report gives
                             r"what [^?]{2,60}? did [^?]{2,80}? (?:report|record|post|log|state)(?: for| in| at|\?)|"
                             # 'what did its hotels rake in', 'what did the park bring in': money earned
                             r"what did [^?]{0,80}?\b(?:rake|bring|brought|pull|haul) in)\b",
                             re.I)

# An English noun naming what a figure measures (tax, output, sales …): a company named in Chinese beside it
# ('how much tax Zhaochi Group (某集团) paid') is answered only by a figure the report gives of that measure.
EN_MEASURE_NOUN = re.compile(r"\b(?:tax(?:es)?|output|revenues?|income|sales|turnover|investments?|profits?|exports?|"
                             r"imports?|employees|jobs|wages?|salar(?:y|ies)|subsid(?:y|ies)|funding|budget|"
                             r"payroll|dividends?)\b", re.I)

# A stated position: '排名全县第2', '位列全区街道第3位', '居全市15个镇(街)第四位', 'ranked 2nd'.
STATED_RANK = re.compile(r"(?:(?:排名|排在?|位列|位居|位次|居|列|获得?|取得|荣获|夺得)[^，,。；;第]{0,16}|"
                         # '办结率全区第三', '增速全市第3', '全区第二大企业': the scope and the position, no verb
                         r"(?<![一二三四五六七八九十\d])全[区市县省国镇](?:排名)?|(?:区|市|县)内排名)"
                         r"第\s*([一二三四五六七八九十\d]{1,3})\s*(?:位|名|大)?(?!产业|书记|批|季度|届|期|次|个|[一二三四五六七八九十\d])|"
                         r"\branked\s+(?:no\.\s*)?(\d{1,3})(?:st|nd|rd|th)?|"
                         r"(?:排名|位居|位列|居于?|名列)[^，,。；;第]{0,8}?(?:首位|榜首)", re.I)  # '位居全区首位': first


def stated_position(m: re.Match[str]) -> int:
    """The position a STATED_RANK match states: its number, or 1 for 首位/榜首."""
    from rag.text.numbers import parse_number  # (numbers reads no cue: imported here, where it is used)

    n = m.group(1) or m.group(2)
    return int(parse_number(n)) if n else 1

# A question that asks for a position: 排名第几, 排第几, 第几名, what rank / place / position.
ASKS_RANK = re.compile(r"第几|排名多少|名次|(?:什么|哪个|哪一|几)(?:位次|名次)|(?:处在|处于|排在|排到|居于?)(?:什么|哪个|哪一)位置|排在?哪一?[位名]|(?:排位|位次|排名)(?:如何|怎样|怎么样|情况)|\b(?:which|what) (?:place|position|spot) did\b|(?:排|列|居)(?:在|于)?哪个位置|\bwhat (?:rank|ranking|place|position)\b|\b(?:where|how) (?:did|does|do|is|was) .* rank\b|"
                       r"\brank(?:ed)? (?:in|among)\b|\bwhere did .* (?:place|finish|stand|come)\b|\bwhere did .* put (?:it|them)\b|"
                       r"\bwhat (?:was|is) (?:its|their|the) (?:[\w-]+ )?(?:rank|ranking|position)\b|"
                       r"\bwhat (?:was|is) [\w\s-]{2,40}?(?:'s|’s)\s+(?:[(（][^)）]{1,20}[)）]\s*)?(?:[\w-]+ )?(?:rank|ranking|position|standing)\b", re.I)
# A name quoted for the thing a question counts ('新增多少家“四上”企业'), never one it leaves out ('不含“某某”项目'):
# group 1 is the name.
QUOTED_COUNTED = re.compile(r"(?<!不含)(?<!不算)(?<!除)“([^”]{2,8})”(?=企业|单位|项目|公司)")
# A question that wants the final result, not an estimate: '实际完成额(不是预计数)', 'not the estimate'.
FINAL_ONLY = re.compile(r"(?:不是|不要|而非|非|不含|不包括|并非)\s*(?:预计|预估|估计|初步)|最终(?:数|结果|统计)|"
                        r"实际(?!利用|使用|到位|投资|到账|用地|居住|控制|管理|解决|办结|工作)|"
                        r"\bactual(?:ly)?\b(?! (?:use|utili[sz]ed?|investment))|"
                        r"\bnot (?:the |an? )?(?:estimated?|projection|preliminary)\b|\bfinal (?:figure|result)\b", re.I)
# A question that asks for the whole year, so part of one (1-11月) does not answer it.
WHOLE_YEAR = re.compile(r"全年度?(?!的?(?:任务|目标|计划|预算))|"  # '完成全年任务的多少': the task's year, no period asked
                        r"一整年|整整一年|整年(?!度?的?(?:任务|目标|计划))|(?:12|十二)个月(?:合计|累计|加起来|总共|一共|的?总)|完整的?(?:12|十二)个月|"
                        r"\b(?:full|whole|entire)[- ](?:calendar[- ])?year\b(?![- ](?:task|target|plan|goal|budget))|"
                        r"\bfor the (?:full|whole) year\b|\bcalendar (?:year )?20\d\d\b|\b20\d\d as a whole\b|"
                        r"\b(?:the )?(?:whole|all) of (?:20\d\d|the year)\b", re.I)
# …stressed: every month of it ('完整12个月的'), so a year-end report's 1-11月 does not answer it
WHOLE_YEAR_STRESSED = re.compile(r"完整的?(?:一年|(?:12|十二)个月|年度)|整整(?:一年|(?:12|十二)个月)|(?<!\d)1\s*[-—~至到]\s*12\s*月|最终|"
                                 r"(?:全部|所有)?(?:四|4)个季度(?:合计|加起来|累计|总共|一共|加总|的?总)|(?<![前后上下])一年下来|"
                                 r"(?:等|直)到[^，,？?]{0,8}?年(?:底|末)|"  # '直到2016年末，…到底完成多少'
                                 # '…到年底实际做到了多少': the year's final result, never a figure to September
                                 # ('到2017年12月底…实际做到了多少': the same, the month named)
                                 r"到\s*(?:20\d\d\s*年)?(?:年|(?:12|十二)月)(?:底|末)[^，,？?]{0,12}?(?:实际|最终)"
                                 r"(?:做到|完成|实现|达到|干到)|"
                                 r"\b(?:all|the) four quarters\b|"
                                 r"整个\s*20\d\d\s*年度?|"  # '整个2019年度，…合计完成了多少': the whole year
                                 # '在2022年12个月合计做到了多少', '把12月也算进去': December counted in, the whole year
                                 r"(?<![\d\-－—~～至到前头])(?:12|十二)个月(?:的)?(?:合计|加起来|加总|汇总|累计|总共|一共|全部|下来|总和)|"
                                 r"把\s*(?:12|十二)\s*月(?:份)?(?:的)?(?:也|都)?(?:算|加|统计|包括|包含)进?(?:去|来)|"
                                 r"(?:整个[\u4e00-\u9fff]{0,4}?[季年]度?|(?:收购|榨|产|采摘|销售)季(?:全部|整个)?)(?:结束|下来|过后|以后)|"
                                 r"\bfinal (?:full-year |annual )?(?:figure|outturn|result|total|number)s?\b|"
                                 r"\b(?:all|full|complete|entire) (?:12|twelve) months\b|"
                                 r"\bJan(?:uary)?\.?\s*(?:[-–—]|to|through)\s*Dec(?:ember)?\b", re.I)
# What a report moved others to do ('推动企业、园区成立…', '引导…'): those named after it act, and are not counted.
ACTORS_MOVED = r"(?:推动|引导|组织|动员|带动|鼓励|指导|督促|支持|发动)"
# Kinds of zone inside a place ('“某湾”片区', '某某产业园'): a zone's figure is never the place's, nor its name a place's.
ZONE_KINDS = r"(?:片区|景区|园区|产业园|基地|街区|小镇)"
# Examples the asker gives of the things counted ('像甲路、乙街这样的规划道路'): no item, no part of the name
EXAMPLES_GIVEN = re.compile(r"(?:还有)?(?:像|比如|例如|诸如)[^，,？?]{1,30}?(?:这样|那样|这类|那类|之类|一类)的?")
# A question that asks for a figure computed from stated ones (推算 the district total from a share), or allows one.
DERIVE = re.compile(r"推算|估算|倒推|测算|据此|\b(?:estimate from|derive|work out|compute|judging (?:from|by)|"
                    r"going by|(?:based on|given|using|from) [\w\s'’()\u4e00-\u9fff-]{0,90}?(?:level|figure|amount|growth|fall|rise|share|"
                    r"decline|increase)|work(?:ing)? back|back out|"
                    r"implied by|impl(?:y|ies)|what does that make|"
                    r"(?:does|did) (?:that|this|the) (?:increase|rise|gain|growth) (?:amount|come) to)\b", re.I)
APPROXIMATE = re.compile(DERIVE.pattern + r"|约|大约|大概|\b(?:approximately|about|roughly)\b", re.I)
# A completion rate the question itself states, before asking the target it implies ('税收完成率是96.4%，倒推一下…任务',
# '完成了全年任务的96.4%，那任务是多少'): the rate is an input, not what is asked.
GIVEN_RATE = re.compile(r"(?:完成率|完成了?[^，,。？?]{0,8}?(?:任务|目标|计划)的?)(?:是|为|达到?|有)?\s*\d+(?:\.\d+)?\s*[%％]"
                        r"(?=[^？?]*(?:任务|目标|计划)[^？?]*(?:多少|几))|"
                        r"\b(?:completion rate (?:was|is|of)|(?:completed|reached|hit|fulfilled|met))\s*\d+(?:\.\d+)?\s*"
                        r"(?:%|per ?cent)(?: of (?:its|the) (?:[\w-]+ ){0,2}(?:target|goal|task|plan))?"
                        r"(?=[^?]*\b(?:target|goal|task|plan)\b[^?]*\?)", re.I)
# A count asked with its measure word ('有几栋', '多少家', '增加了几个'): a figure in yuan or m² never answers it.
COUNT_ASKED = re.compile(r"(?:多少|几)万?(?:个|家|项|宗|名|件|座|户|所|条|栋|幢|处|套|间|场|次|批|位|人次|人(?!民|均)|"
                         r"头|只|羽|匹|辆|台|部|艘|张|株|棵|盏|架|册|双|袋|箱)|"
                         r"\bhow many\b(?!\s+(?:more\s+)?(?:(?:[万亿千]|thousand|million|billion)\s*)?(?:tonnes?|tons?|mu|"
                         r"hectares?|square|cubic|kilo\w*|"
                         r"met(?:re|er)s?|yuan|dan|jin|percent(?:age)?|points?|times|hours?|days?|km)\b)", re.I)

# An average per village / household / person spelled out ('村（社区）平均', '平均每村', '每户平均'): 村均, 户均, 人均.
# money that accrues month by month ('1-11月…完成固定资产投资…'): a year-to-date span holds for it
MONEY_FLOW = r"投资|产值|收入|零售|销售|税|营收|营业额"
# a monthly average of a year-to-date figure asked ('前4个月工业投资平均每月多少', 'how much a month on average')
PER_MONTH = re.compile(r"平均每月|每月平均|月均|平均每个月|\bper month\b|\bmonthly average\b|\ba month on average\b|"
                       r"\baverage (?:per|a|each) month\b|\bon average (?:per|a|each) month\b", re.I)
PER_SPELLED = re.compile(r"([村户人])(?:[（(][^）)]{1,4}[）)])?平均(?:每[个户人])?")
# 'on average' before a per-unit word ('平均每村', '平均下来每村'): one wording for the router and the matcher
AVERAGED = r"平均(?:下来|算下来|算来)?"
PER_EACH = re.compile(rf"(?:{AVERAGED})?每(?:个)?([村户人])(?:平均)?(?![\u4e00-\u9fff]*均)")

# A grade before the thing graded (市级示范点, 一类, 小型停车场): '2个市级和9个区级示范点' says the head once.
GRADE = r"[\u4e00-\u9fff]{1,5}?(?:级|类|型|档|星级)"

# A fall asked about ('降幅更大', 'fell more sharply'): declines are negative, so the larger fall ranks lower.
# 'which of the four plans spells out how many parking spaces', '哪一份写明了…': the places that state the figure
# are the answer (a figure missing for the others is what is asked about, not a reason to decline)
WHICH_STATES = re.compile(r"(?:哪|谁)[^，,。？?]{0,12}(?:写明|写了|给出|给了|提到|提及|列出|公布|披露|明确|定了|说了|"
                          r"有(?=[^，,。？?]{0,20}(?:数据|数字|数值|统计|具体)))|"
                          r"\bwhich\b[^?]{0,80}?\b(?:gives?|states?|mentions?|sets?|names?|spells? out|puts? a (?:number|figure)|"
                          r"includes?|quotes?|(?:has|have) (?:a|any) (?:figure|number|data))\b(?![^?]*\b(?:more|most|less|least|higher|"
                          r"highest|lower|lowest|larger|largest|bigger|biggest|smaller|smallest)\b)", re.I)
DECLINE_ASKED = re.compile(r"降幅|下降幅度|跌幅|减幅|(?:下降|降|跌|减少)得|\b(?:fell|fall|falls|declined?|declines|dropped|drops?)\b", re.I)

# A sentence that opens with its period and verb and names no measure: it goes on with the one named before it
BARE_OPEN = re.compile(r"(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月份?|截[至止]\d{1,2}月底?)?"
                       r"\s*(?:预计)?(?:上半年|全年|前三季度)?(?:可|累计|共)?(?:完成|实现|达到)\s*[\d.]")


# A ranking question that asks for a place below the top ('哪个排第二', 'which ranks second', 'the runner-up')
# (never 第二产业, a 'second half', a 'secondary' sector)
_NTH_ASKED = re.compile(r"(?:排名?|位列|位居|居)第([二三])|第([二三])(?:名|位|高|多|大|低|少)|"
                        r"\b(?:ranks?|ranked|ranking|placed|comes?|came|is|was) (?:in )?(?:the )?(second|third|2nd|3rd)\b(?![- ](?:half|quarter))|"
                        r"\b(second|third|2nd|3rd)[- ](?:highest|largest|biggest|most|lowest|smallest|fewest|least|place)\b|"
                        r"\b(runner-up)\b", re.I)


_MIDDLE_ASKED = re.compile(r"(?:排|位|居|处)(?:在|于)?中间|居中|\bin the middle\b|\bthe middle (?:one|place|figure)\b|"
                           r"\bmiddle[- ]ranked\b|\bmedian\b", re.I)


def nth_asked(question: str) -> int:
    """The position a ranking question asks for (2 or 3); -1 for the middle one ('排在中间的是哪个'); 0 for the top
    or none."""
    m = _NTH_ASKED.search(question)
    if not m:
        return -1 if _MIDDLE_ASKED.search(question) else 0
    word = next(g for g in m.groups() if g).lower()
    return 3 if word in ("三", "third", "3rd") else 2

# what a question asks of the report's words it quotes: which measure they speak of, the figure before or after
# them ('“同比下降8.5%”是哪项指标的降幅', '…前面那个数是多少', 'which figure is that')
QUOTE_ASKS_WHICH = re.compile(r"哪项|哪一项|哪个指标|什么指标|哪类|指的是|说的是|对应的?是|前面(?:那个|的)?数|后面(?:那个|的)?数|"
                              r"\bwhich (?:figure|indicator|measure|number)\b|\bwhat (?:figure|indicator|measure)\b|"
                              r"\bwhat (?:does|do) (?:it|they|that|this) (?:count|measure|refer)", re.I)

# Words before a figure a question names as a bar, not as a figure of the report: '收入超过80万元的村' names the
# villages by it, '目标定到20亿元以上了吗' checks against it.
BAR_BEFORE = re.compile(r"(?:超过?|达到?|突破|过|高于|低于|不足|不到|少于|多于|大于|小于|在)\s*$")
# The year before the one a question names ('上一年', 'a year earlier', 'the year before').
PREVIOUS_YEAR = re.compile(r"上一年|上年|去年|前一年|\b(?:previous|prior|last|preceding) year\b|\bthe year before\b|"
                           r"\b(?:a|one) year (?:earlier|before)\b", re.I)
