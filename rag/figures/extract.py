"""Figure extraction: an open-vocabulary figure table from the number/unit scanner and clause rules.

Every figure with a unit (and every count with a measure word) becomes a row with a clean label (the indicator
name the report uses), a kind, a period and its source span. The lexicon maps labels to canonical keys where it
knows a synonym; otherwise the key is 'label:<label_zh>'. Keys carry no kind suffix: the kind is in `kind`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pydantic import ValidationError

from rag.errors import ExtractionError
from rag.figures.lexicon import Term, flavoured_key, match_term
from rag.figures.tables import table_indicators
from rag.ingest.chunk import chunk_at
from rag.ingest.periods import SEASON_AFTER_YEAR, period_in, season_years
from rag.schemas import Chunk, Evidence, Indicator, Kind, Report, Section
from rag.text.cues import (
    ACTORS_MOVED,
    BARE_OPEN,
    CHANGE,
    CHANGE_DOWN,
    COMPLETION,
    CUMULATIVE,
    DONE,
    ESTIMATE,
    ESTIMATE_SCOPE,
    GRADE,
    LIKE_FOR_LIKE,
    MONEY_FLOW,
    PER_SPELLED,
    PROJECTED,
    PROVISIONAL,
    RANKING_BEFORE,
    SHARE,
    STILL_LEFT,
    TARGET,
    TARGET_AFTER,
    YOY,
    ZONE_KINDS,
)
from rag.text.numbers import STREAK_UNITS, UNITS, Quantity, age_spans, normalize, scan_quantities
from rag.text.words import ends_in_verb, jieba, leading_noun, tagged

log = logging.getLogger(__name__)

_SENTENCE = re.compile(r"[^。！？；;\n]+")
_CLAUSE_SEP = re.compile(r"[，:：]|,(?!(?<=\d,)\d{3}(?!\d))")  # (a thousands comma, 1,700, ends no clause)
_MAX_LABEL = 20
_MAX_GAP = 8  # characters allowed between an indicator's name and its number (增至, 实现投资额 …)
_NOT_HEADLINE = re.compile(r"其中|正在|办理中|推进中|^[^,，]{0,4}拟")
_ATTRIBUTE = re.compile(r"增加值|总投入|投入|营收|营业收入|产值|金额")
# Leading time words and filler before an indicator name (全年, 1-10月, 今年以来, 其中, 累计, 预计, 实现, 全镇 …).
_LEAD = re.compile(
    r"^(?:其中[:：]?|全年|年内|今年以来|一年来|本年度?|当年|截[至止](?:目前|年[底末]|[^,，]{0,8}?[月日](?:底|末)?)"
    r"|(?:20\d\d|[xX]{2,4})\s*年度?|\d{1,2}\s*(?:月份?)?\s*[-－—–~～至到]+\s*\d{1,2}\s*月份?|\d{1,2}月(?:份|底|末|初)?"
    r"|前三季度|第?[一二三四1-4]季度|[上下]半年|(?:本|上一?|今)?榨季(?=全[镇乡区县])|累计|共计|共(?!享|建|同|青|治)|合计|总计|预计|初步统计|预估|估计|可望|有望"
    r"|可(?=完成|实现|达到?)|年[底末]前?(?=(?:可|能|将)?(?:完成|实现|达到?))"
    r"|实现|完成|达到|全镇|全街道?(?!级)|全乡|全区|全县|全办|我镇|我街道?|我乡|我办|我处|本镇|本街道?|本乡|街道(?!级)|在库"
    r"|辖区|同时|并且?|已|另|再(?!生|就业)|和(?!谐|美)|及(?!时)|与(?!会)|对(?!接|标|口|外)|在(?!建|岗|册|校|职|线|营|管|押)"
    r"|将|把|以上|以下|由|从(?!业|事)|向|为(?!民|老|企)|是|有(?!效|机|序|线)|新培育|年度计划|计划|目标"
    r"|" + STILL_LEFT + r"|各类|各种|力争|确保|争取|全力|锚定|瞄准|紧盯|用于|力促|今年|去年|又|一举|越过|跨过|跨越|突破|迈上|首次|[比较]上年|[比较]去年|与上年相比|上年同期|同期|[(（]下同[)）])+"
)
_TRAIL = re.compile(r"(?:(?:有序|稳步|顺利|加快|全面|扎实|持续)?推进中?|保持在|保持|稳定在|控制在|(?:提升|提高|上升|增加|增长|下降|降低|减少|发展|扩大|壮大)(?:至|到)|降至|降到|低至|高达"
                    r"|力争|确保|争取|预计|接近|将近|全部|都|均已|目标|任务|等|合计|由|逆势|稳步|大幅|较快|快速|可达到?|可望|有望|不少于|不低于|不超过|不高于|至少|总计|占比|比重|增速|增幅|增长率|[(（]下同[)）]|增至|达到|(?<![下传送到抵])达|为|是|至|(?<![签节制履合预违邀特公条契])约|近|超过|超|逾|突破|共计|共|计|实现|完成|累计|同比|分别|平均|(?<![村户人])均|已|的"
                    r"|\(|（|“|”)+$")
_VERB_LEAD = re.compile(r"^(?:实施|开展|推进|组织|新建|建成|受理|办理)")
_VERB_WORDS = (r"建成|新建|建设|完成|推动|帮助|引进|新增|实现|发动|开展|举办|组织|成功|累计|共|超|约|近|达"
               r"|培育|打造|创建|改造|提供|发放|慰问|走访|化解|解决|召开|接待|吸引|带动|安置|服务|办理|受理"
               r"|按时|顺利|完工|剩余|实施|选派|培训|销号|办结|重点抓好|抓好|高于|低于|惠及|涉及|参与"
               r"|新增了|完成了|投入|筹集|争取|落实|惠及|覆盖|签约|引入|招引|储备|排查|整治|清理|处置")
_VERB_ONLY = re.compile(f"(?:{_VERB_WORDS})+")
_VERBS_LAST = re.compile(f"(?:{_VERB_WORDS})+$")  # the verbs a text ends with
# (采煤沉陷区, 棚户区, 保护区, 示范区 … are areas worked on, not places)
_PLACE_TAIL = re.compile(r"(?:片区|街道|(?<![小社园景校厂营城学辖陷户护范验发灾心植殖])区|[镇乡县])$")
# ('第一议题学习', '第一书记' name things; '第3名', '第二批' are positions)
_FRAGMENT = re.compile(r"^第(?![一二三]产业|[一二三四五六七八九十]+(?![名位次批期届轮个年季阶])[\u4e00-\u9fff]{2,}$)|^占|第[\d一二三四五六七八九十]+[位名]?$|%|^(?:等|的)|(?:等|的|和|及|与|、|或|\d)$|^(?:年度|全年)?(?:任务|目标|计划)$")
_CONJ = re.compile(r"和(?!谐|美)|及(?!时|其)|与(?!会)")  # 和谐, 及时 and 与会 are words, not conjunctions; X及其Y is one
# statistical sectors joined by a conjunction name one sector group (批发零售和住宿餐饮业, 住宿和餐饮业, 仓储和邮政业)
_SECTOR_PAIR = re.compile(r"(?:批发|零售|批零|住宿|交通运输|仓储)[\u4e00-\u9fff]{0,3}?[和及与](?:住宿|餐饮|零售|住餐|仓储|邮政)")
# the words after a figure that name it ('建成12个口袋公园'), up to a time word that starts the next figure's clause
# ('6座村级光伏电站全年收益96万元': the stations are counted, the year's 收益 is the next figure's)
_AFTER = re.compile(r"(?:(?!全年|年内|当年|[上下]半年)[^,，;；。、和及与\d（(]){1,14}")
_EXAMPLES_AFTER = re.compile(r"[^，,；;。：:\d]{2,30}?、[^，,；;。：:\d]{2,30}?等([\u4e00-\u9fff]{2,10})(?=[，,；;。]|$)")
_ANIMAL = re.compile(r"(?:^|其中|[、，,；;])\s*([牛羊马驴骡猪鸡鸭鹅兔驼])$")
_COUNT_RUN = re.compile(r"([\u4e00-\u9fff]{2,8})、\s*\d")  # '41个片区、203个网格': the noun, then the run's next count
_RUN_GAP = re.compile(r"\s*[、和及与,，]\s*")
_OWN_CUES = re.compile(YOY.pattern + "|" + COMPLETION.pattern + r"|分别|均|各|较上年|比上年|较去年|比去年|下同|[(（)）]")
_PERIOD_NOISE = re.compile(r"(?:占|完成|为|达)?(?:了)?(?:全年|年度)(?:目标|任务|计划)|比上年|较上年|同期|去年"
                           # '召开2025年工作会议': a meeting named by the year it opens, which reviews the year before
                           r"|(?:19|20)\d\d\s*年度?(?:全[镇乡区县]|全街道)?(?:经济|三级干部|工作务虚)?(?:工作)?(?:会议?|大会)")
_ESTIMATE_AFTER = re.compile(r"[^,，。；;]{0,4}?[(（](?:" + ESTIMATE.pattern + ")")  # 41.3亿元（快报数）
_AIMED = re.compile(r"(?:力争|确保|争取|计划|拟)(?:全年|年底前|年内|年前|今年)?(?:完成|实现|达到?)")  # 争取完成 is still a target
_OTHER_MEASURE = re.compile(r"人数|户数|金额|面积")  # 事故亡人数 measures deaths, not accidents
_REACH_VERB = re.compile(r"惠及|涉及|带动|覆盖")
_REACH_ANY = re.compile(r"(惠及|涉及|覆盖)([\u4e00-\u9fff]{1,4})$")
_REACH = re.compile(r"(惠及|涉及|带动|覆盖|服务)(居民|群众|村民|农户|人口|人员|家庭|住户|学生|老人|企业)[^,，]{0,2}$")
_THRESHOLD = re.compile(r"(?:以上|以下|及以上)[^\d,，。；;、]{1,10}|的(?!基础上)[^\d,，。；;、]{1,6}")  # 超过10万元的村6个
_TIMES_PLACED = re.compile(r"(?:进入|排名|排在|位列|位居|名列|获评|荣获)[^，,。；;\d]{1,10}")
_BARE_TOTAL = re.compile(r"总(收入|产值)")
# things counted by the stage they are in, a list sharing its head ('8个已开工、5个待开工项目'; '4个已立项、9个拟立项项目')
_STAGED = re.compile(r"\s*(已|拟|待|未|正在|在)([\u4e00-\u9fff]{1,3}?)(项目|工程|企业)?(?=[、，,]|分期|建设|实施|推进|[。；;]|$)")
_STAGED_HEAD = re.compile(r"[^。；;]*?\d+\s*个(?:已|拟|待|未|正在|在)[\u4e00-\u9fff]{1,3}?(项目|工程|企业)")
# an industry named in the clause before a bare output ('生物医药产业加快发展，产值45.2亿元'): whose output it is
_BARE_OUTPUT = re.compile(r"(?:总)?产值|(?:营业|销售)?(?:总)?收入|营收|销售额")
_INDUSTRY_CLAUSE = re.compile(r"(?:^|[，,。；;：:])\s*([\u4e00-\u9fff]{2,12}?(?:产业集群|产业链|集群|产业|行业|板块))"
                              r"(?:已|已经|加快|快速|持续|稳步|蓬勃|初步)?(?:初具规模|发展壮大|加快发展|快速发展|集聚成势|集聚发展|"
                              r"蓬勃发展|稳步发展|持续壮大|成势|壮大|发展|形成)?[，,]\s*(?:全年|其|共|累计|实现|完成|年)?"
                              r"(?:总)?(?:产值|营业收入|销售收入|收入|营收|销售额)[^，,。；;]{0,4}$")
# a crop's measure named bare after another of its measures ('…平均亩产7.4吨，总产21.2万吨'), and those measures' words
_BARE_YIELD = re.compile(r"(?:总产量?|产量|单产|平均亩产|亩产|平均单产)")
_NEW_AREA = re.compile(r"(?:当年|今年|年内)?新(?:增|扩|植|种|栽|造)(?:种植|种|植|栽)?面积")
_CROP_MEASURE = re.compile(r"(?:平均)?(?:亩产|单产|种植面积|播种面积|面积|总产量?|产量)$")
_SCOPE_LEAD = re.compile(r"^(?:[个名家户]|全[镇乡区县市]|辖区|[我本]?[镇乡]|街道)+")
_RANGE_TO = re.compile(r"\s*(?:至|到|[-—–~～])\s*")
_SAME_AS_PREV = re.compile(r"总数|总量|总计|总规模|总额|规模|在库|在册|在统")
# "8个村集体经济收入合计190万元,均超过12万元": each one's floor, not a level of the indicator
_SUFFIX_VERB = re.compile(r"实施|开展|完成|实现|参与|获得|获评|通过|入选|被|纳入|达到|建成|申报|认定为|评为")
_SHARED_VERB = re.compile(r"出栏|存栏|种植|收购|新建|改造|建成|引进|培育|销售|出售|接待|查扣|查处|收缴|拆除|清理")
_TO_LEVEL = re.compile(r"(?:下降|提高|提升|上升|增加|降低|增长)(?:到|至)\s*$")
_RATE_NAMED = re.compile(r"增速|增幅|增长率|同比")  # '增速提高到6.5%' is still a growth rate
_TOP_ONE = re.compile(r"^(?:其中)?([\u4e00-\u9fff]{1,4}[村社区组])(?:的?[\u4e00-\u9fff]{0,6}?)最[高多大少低][,，]?(?:达到?|为)?$")
_ONE_VILLAGE = re.compile(r"^[\s,，]*其中([\u4e00-\u9fff]{1,4}[村社区组])$")  # '…村均52万元，其中柳沟村117万元': that village's
_VILLAGE_LISTED = re.compile(r"(?:分别为|分别是|[为是有、：:])([\u4e00-\u9fff]{1,4}村)$")
# a previous year's figure in brackets ('…4.72亿元（2018年4.35亿元）'): open up to a figure, or whole
_BASE_OPEN = r"[（(][^（）()]{0,6}?20\d\d\s*年[^（）()]*"
_BASE_AFTER = re.compile(_BASE_OPEN + r"[)）]")
# the collective income of villages a sentence names ('村集体经济收入', '行政村集体经营性收入'; group 1 without the 村)
_COLLECTIVE_INCOME = re.compile(r"(?:行政)?村?级?(集体(?:经济|经营性)(?:总)?收入)")
# who set a task or target, and for whom ('市下达', '上级下达给我镇的')
_SETTER = r"(?:上级|[省市区县])?"
_SET_FOR = r"(?:给)?(?:我|本)?(?:镇|乡|街道|街)?的?"
_GROUP_BOUND = re.compile(r"(?:(?:以上|以下|及以上|及以下|以内)的?|的)(?:行政)?(?:村|社区|户|企业|项目|家庭|经营主体)|"
                          r"(?:以上|以下)?的(?=[\d一二三四五六七八九十两]+个)")  # '其中超过10万元的7个': the villages past it
_MARK_PASSED = re.compile(r"(?:突破|超过|越过|跨过|迈上|首超)$")
_MARK_THEN = re.compile(r"(?:大关)?[，,]\s*(?:达到|达|增至|增加到|提高到|为)")
_FLOOR = re.compile(r"(?:(?<![村户人亩地场日月年平])均|全部|都|全都)(?:已)?(?:超过|超|达到|达|在|高于|不低于)$")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)\s*年(?:底|末|[^\d，,。；;]{0,6}?时)?的?$")  # 由2015年建档立卡时的9.8%
_MID_VERB = re.compile(r"(?<=..)(?:完成|实现)(?!率|值|额|数|量|情况)")  # a verb inside a long clause-lead label
_CROP_VERB = re.compile(r"(种植|播种|栽种|栽植|落实)(?!.*(?:面积|种植|播种))([\u4e00-\u9fff]{1,6}?)")
_SOWN = re.compile(r"(?:落实|完成|发展|扩大|实现)?((?:新增|新)?[\u4e00-\u9fff]{1,6}?)(种植|播种|栽种|栽植)")  # crop, then verb
# an area named only by 'so far' and a verb ('目前已下种', '现已栽植'): done of the crop named before
_SO_FAR_DONE = re.compile(r"(?:目前|当前|现在|截至目前|至今)?(?:已经|已|累计)((?:下种|播种|栽植|种植|栽种|移栽|收获|收割|机收|完成)(?:面积)?)")
_PEERS = re.compile(r"[^，,。；;\d]{0,8}?(?:乡镇|镇街|街镇|街道|镇|乡|县|区|市|单位)[^，,。；;\d]{0,14}?(?:排名|排|位列|位居|居|列)\s*第|"
                    r"(?:乡镇|镇街|街镇|街道|镇|乡)(?:[（(][^）)]{1,6}[）)])?中?第[一二三四五六七八九十\d]")  # ('增速居全县12个乡镇第3位',
# '增幅列全区9个镇（街道）第3位')
_SLOGAN = re.compile(r"“[一二两三四五六七八九十百千万]+[个项大条类张化零]")
_BARE_RATE = re.compile(r"[\u4e00-\u9fff]{1,3}率")  # 接种率, 办结率 after the figure they are the rate of
# A label that is only a verb (and an adverb before it): what it counts comes after the number
_COUNT_VERB = re.compile(r"(完成|实现|移交|建成|新建|改造|整治|打造|创建|培育|引进|实施|推动|提升|安装|配备|设置|落实|签约|"
                         r"办理|解决|化解|帮助|接收|交付|清理|拆除|治理|修复|更换|新增)$")
_SCOPE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:辖区|全镇|全乡|全街道?|全区|全县|本镇|本乡|本街道?)$")
_PLAIN_VERBS = ("完成", "实现", "建成", "新建", "新增", "打造", "创建", "培育", "引进", "推动", "实施")  # add nothing to a label
_LEAD_VERB = re.compile(r"^(?:排查|受理|办理|化解|办结|处置|调处|接待|采集|上报|完成|签约|腾空|拆除|移交|新增|新建|改造)")
_MONEY_HEAD = re.compile(r"(?:收入|投资|产值|税收|资金|销售额|营收|营业额|利润|增加值|生产总值|零售总?额)$")
_COLLECTED = re.compile(r"入库|入账|征收|收缴")  # revenue collected: a verb that names no measure of its own
_PEOPLE = re.compile(r"(?:居民|群众|人员|人口|户|人|家庭)$")  # '居民2680户,完成投资…': no 居民投资
_TIME_BEFORE = re.compile(r"(?:年底|年末|月底|年内|以来|期间|之前|前)$")
_AFTER_FIGURE = re.compile(r"\d\s*(?:[%％]|[亿万千百]*元|[亿万]?[^\d\s,，、;；。（(]{0,3}?(?=[（(]))")
_BRACKETED_MEASURE = re.compile(r"\s*[（(]\s*(?:(?:建筑|占地)?面积|合计|共计?|折合|约合)?\s*(?:约|近|超|达)?\s*")
_EXAMPLE_VERBS = "解决|办理|受理|化解|处理|协调|回应|办结|帮助|完成|开展|实施"
_EXAMPLES = re.compile(r"(?:^|[,，;；])([^,，;；]*?)(?:[“\"][^”\"]{1,30}[”\"]|[\u4e00-\u9fff]{2,12})(?:、[^,，;；]{2,30}?)*等$")
# names listed with 、 right before a count ('新设东湖、西岭、南坪3个社区'), no 等, no figure among them
_LISTED = re.compile(r"(?:^|[,，;；:：])([^,，;；:：、\d]{1,14}(?:、[^,，;；:：、\d]{1,10})+)$")
# '增速高于全县平均1.8个百分点': a gap to an average, a figure of its own (never this place's change)
_ABOVE_AVERAGE = re.compile(r"(高于|低于|快于|慢于|超过|超出|领先)([^，,。；;\d]{0,4}?(?:全[国省市区县镇乡]|同类)[^，,。；;\d]{0,6}?"
                            r"平均(?:水平|值)?|[^，,。；;\d]{0,6}?平均(?:水平|值)?|(?:序时|时序)进度)\s*$")
_LIST_VERB = re.compile(r"新设|设立|成立|组建|新建|建成|新增|打造|创建|培育|引进|认定|命名|评为|获评")
# words after a count's noun where the sentence goes on: an adverb, a motion verb, a place of action
_TAIL_END = re.compile(r"的(?:基础上|同时|前提下|情况下|过程中)|全面|全部|顺利|有效|持续|陆续|分别|赴|前往|到|在|参加|参与|进驻|入驻")
_HOW_AFTER = re.compile(r"按照|依照|根据")  # after a count's noun: how the things counted are dealt with
_NET = re.compile(r"净增加?|净减少?|注销|退出|迁出")  # a change of the things counted just before
_RAISED_TO = re.compile(r"(?:(?:[增提上扩减下降][加长高升大少低降]?|缩短|压缩|缩减|延长|翻番)(?:到|至|为)|[增降]至|达到)"
                        r"(?:(?:19|20)\d\d年的?)?")
_SIGNED = re.compile(r"^[+＋\-－]")
_TARGET_LEAD = re.compile(r"(?:将|要)?(?:力争|确保|争取|计划)")
_NEXT_YEAR = re.compile(r"明年|新的一年|来年")
_HERD_MEASURE = re.compile(r"存栏|出栏|饲养量")  # what a herd figure measures
_HERD = re.compile(r"(?:年末|年底|全年|其中)?(出栏量?|存栏量?|饲养量)$")  # livestock measures that name no animal
_NEW = re.compile(r"^(?:新增|新认定|新引进|新培育|新注册|新登记|新建|新发展|新种植|新栽植?|新)")
# Heads that name no subject of their own: "腊味企业9家,实现产值3.4亿元" measures the firms' output.
_HEAD_ONLY = re.compile(r"(?:总)?产值|(?:总)?产量|总产|(?:平均)?亩产|单产|(?:协议|意向|计划|合同|完成)?(?:总)?投资(?:额)?|(?:投入)?资金|总?投入|营业收入|营收|(?:销售)?收入|销售额|交易额"
                        r"|利润|(?:总)?收益|税收|金额|满意率|满意度|办结率|解决率|响应率|覆盖率")
_VALUE_OF_OUTPUT = re.compile(r"(?:总)?产值|(?:销售)?收入|销售额")  # what a crop's or a product's output is worth
_HEAD_TAIL = re.compile(f"(?:{_HEAD_ONLY.pattern})(?:总额|总量|合计)?$")
_MEASURE_TAIL = re.compile(r"(?:产量|(?:播种|种植|收获)?面积|数量|人数|户数|个数|总数|规模)$")
_PER = re.compile(r"([村户人亩地场日月年])均")  # 村均 / 人均 / 户均 …: a per-unit figure of the subject before it
_PARA_OPENER = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）][^。\n\d]{0,30}。)?"  # after a run-in heading
                          r"\s*(?:(?:据|经)?(?:初步)?统计(?:显示)?[,，]?)?"  # ('据统计，1-5月，…': the source, then the months)
                          r"\s*(?:今年|本年|20\d\d年)?\s*(?:\d{1,2}\s*[-－—–~至到]\s*\d{1,2}\s*月份?|截[至止]\s*\d{1,2}\s*月底?"
                          r"|前三季度|上半年|一季度)\s*(?:以来)?[,，:：]")
_MONEY_FLOW = re.compile(MONEY_FLOW + r"|增加值|生产总值")  # …and the value added and GDP of such months
_INNER_OPENER = re.compile(r"[。；;]\s*((?:今年|本年|20\d\d年)?\s*(?:\d{1,2}\s*[-－—–~至到]\s*\d{1,2}\s*月份?|截[至止]\s*\d{1,2}\s*月底?"
                           r"|前三季度|上半年|一季度)\s*(?:以来)?[,，:：])")
_FULL_YEAR_AFTER = re.compile(r"[。；;]\s*(?:预计)?(?:全年|年末|年底)")
Subject = tuple[Term | None, str]


@dataclass(frozen=True)
class _Clause:
    start: int
    text: str


def extract_indicators(report: Report, sections: list[Section], chunks: list[Chunk]) -> list[Indicator]:
    """Every grounded figure with a unit in the report; lexicon keys where known, 'label:<label_zh>' otherwise."""
    out: list[Indicator] = []
    seen: set[tuple[str, str, str, float]] = set()
    for section in sections:
        carry: list[Subject] = [(None, ""), (None, "")]  # the last subject named, carried across ；within one 。-sentence
        for sent_start, sentence in _sentences(report.text, section):
            if report.text[sent_start - 1 : sent_start] == "。" and BARE_OPEN.match(sentence):
                # '——全年税收预期目标增长5%。上半年完成2.4亿元': a bare result is the measure the line's aim named
                if not carry[0][1] and not re.search(r"率|比重|占比|比例", carry[1][1]):
                    carry[0] = carry[1]
            elif report.text[sent_start - 1 : sent_start] not in ("；", ";"):
                carry[0] = (None, "")
            try:
                found = list(_from_sentence(report, section, chunks, sent_start, sentence, carry))
            except Exception:  # one sentence a rule cannot read loses its figures, never the report
                log.exception("figure extraction failed on a sentence at %d of %s", sent_start, report.report_id)
                found = []
            for ind in found:
                sig = _signature(ind)
                if sig in seen:
                    continue  # a figure repeated (e.g. in a highlights block) is kept once, at first mention
                seen.add(sig)
                out.append(ind)
    for ind in table_indicators(report, sections, chunks):  # figures stated in tables, once each
        sig = _signature(ind)
        if sig not in seen:
            seen.add(sig)
            out.append(ind)
    return _one_key_per_label(out)


def _signature(ind: Indicator) -> tuple[str, str, str, float]:
    """What makes two figures one: a figure repeated (e.g. in a highlights block) is kept once, at first mention."""
    return ind.key, ind.kind, ind.period, round(ind.normalized_value, 6)


def _one_key_per_label(rows: list[Indicator]) -> list[Indicator]:
    """A label the report once names as a part of a whole ('其中区级税收2.9亿元') is that part wherever the report
    states it ('预计上半年区级税收可达3.5亿元'): one measure, never a lexicon total in one sentence and a part in the
    next."""
    parts = {x.label_zh for x in rows if x.key == f"label:{x.label_zh}" and x.evidence.quote.startswith("其中")}
    out: list[Indicator] = []
    seen: set[tuple[str, str, str, float]] = set()
    for x in rows:
        if x.label_zh in parts and not x.key.startswith(("label:", "other:")):
            x = x.model_copy(update={"key": f"label:{x.label_zh}"})
        sig = _signature(x)
        if sig not in seen:
            seen.add(sig)
            out.append(x)
    return out


def _sentences(text: str, section: Section) -> Iterator[tuple[int, str]]:
    for m in _SENTENCE.finditer(text, section.start, section.end):
        yield m.start(), m.group(0)


# the rest of a 、-list of figures that closes with 的目标 ('…增长7%、固定资产投资突破40亿元、税收收入9.8亿元的目标')
_LISTED_TARGETS = re.compile(r"(?:、[^，,。；;、！!？?]{1,30}?\d[^，,。；;、！!？?]{0,12}?)+的?(?:目标|任务)(?=[，,。；;！!]|$)")
# a rate after others of a plan in a run ('…任务的1.5倍和1.2倍', '…目标的102%、96%、101%')
_RATE_RUN_OF_PLAN = re.compile(r"(?:任务|目标|计划)(?:数)?的\s*[\d.]+\s*[%倍](?:\s*[、和及与]\s*[\d.]+\s*[%倍])*\s*[、和及与]\s*$")
# 'A、B和C三项(主要)指标依次为x、y、z': a count of the indicators listed before the figures in order
_INDICATORS_LISTED = re.compile(r"(?:主要)?(?:经济)?指标(?:依次|分别|均|各)")


def _is_figure(sentence: str, q: Quantity) -> bool:
    """Figures with units; not slogans (三个零), rankings (全区第2位) or masked values."""
    if q.unit is None or sentence[q.end : q.end + 1] == "零":
        return False
    if RANKING_BEFORE.search(sentence[max(0, q.start - 2) : q.start]):
        return False
    if q.unit in ("项", "个") and _INDICATORS_LISTED.match(sentence, q.end):
        return False  # '…三项指标依次为…': how many indicators the list names, no figure
    if _PEERS.match(sentence, q.end):
        return False  # '在全县18个乡镇中位列第5位': the peers counted, not a figure of the place
    if _GROUP_BOUND.match(sentence, q.end):
        return False  # '收入20万元以下的村全部清零': the bound that defines a group, not a figure
    if re.search(r"[至到~～]", q.number_text) and re.match(r"的?(?:行政)?(?:村|社区|户|企业|项目|家庭|经营主体)", sentence[q.end :]):
        return False  # '50至500万元项目完成0.6亿元': a range names a class of projects, no figure
    return not re.search(r"[xX×]\s*$", sentence[max(0, q.start - 2) : q.start])


def _from_sentence(report: Report, section: Section, chunks: list[Chunk], sent_start: int,
                   sentence: str, carry: list[Subject] | None = None) -> Iterator[Indicator]:
    scanned = scan_quantities(sentence)
    # '30万元至60万元的村5个': both ends of a band are thresholds of the count that follows
    band = {id(q) for n, q in enumerate(scanned[:-2]) if _RANGE_TO.fullmatch(sentence[q.end : scanned[n + 1].start])
            and _THRESHOLD.fullmatch(sentence[scanned[n + 1].end : scanned[n + 2].start])}
    quantities = [q for q in scanned if id(q) not in band and _is_figure(sentence, q)
                  and not _FLOOR.search(sentence, max(0, q.start - 6), q.start)]
    # "5000万元以上项目8个": the first amount is a threshold of the count that follows
    quantities = [q for n, q in enumerate(quantities) if not (
        n + 1 < len(quantities) and _THRESHOLD.fullmatch(sentence[q.end : quantities[n + 1].start]))]
    if not quantities:
        return
    # '由7个工作日压缩为4个工作日': the level before the change, with no year of its own, is no figure of the period
    before = {n for n, q in enumerate(quantities) if n + 1 < len(quantities)
              and _FROM_LEVEL.search(sentence, 0, q.start) and q.unit == quantities[n + 1].unit
              and _RAISED_TO.fullmatch(sentence[q.end : quantities[n + 1].start].strip())}
    # '总数突破一万个，达到10,520个': the round mark passed is no figure; the one after it is, named the same
    before |= {n for n in range(len(quantities) - 1) if _mark_passed(sentence, quantities, n + 1)}
    subjects = _subjects(sentence, quantities, carry)
    # '人均可支配收入从18960元增长至20410元，增长7.6%': the level before is the year before's when the rate stated
    # after is the change between the two (a span of years, '五年来…从…增长到…', states another rate or none)
    year = report.period_covered if re.fullmatch(r"\d{4}", report.period_covered or "") else None
    prior = {n for n in before if year and _rate_bridges(sentence, quantities, n)}
    # '预计全年实现地区生产总值5.2亿元；一般公共预算收入350万元': 预计 before a ； covers the whole 。-sentence
    lead = report.text[max(section.start, sent_start - 300) : sent_start]
    lead = re.split(r"[。！？\n]", lead)[-1]
    scoped = section.part == "review" and _estimate_scope(report.text, section, sent_start)
    aimed: int | None = None  # where a target cue (力争/确保…) earlier in the sentence starts, its list not ended
    # a plan paragraph reviewing an earlier year, and last year's levels a plan states: read as review text
    past_year = _past_paragraph(report, sent_start) if section.part == "plan" else None
    as_review = section.model_copy(update={"part": "review"}) if section.part == "plan" else section
    # what opens the 。-sentence's earlier ；-parts (预计 …), unless this part names its own cut-off
    # ('全年预计完成…；截至12月20日，完成财政总收入…': counted to a day, no estimate)
    opening = "" if _OWN_CUTOFF.match(sentence) else _opening(lead)
    event = ""  # the accidents or fires an earlier figure of the sentence counts, whose toll a later one gives
    for n, (q, (term, label, clause, change)) in enumerate(zip(quantities, subjects, strict=True)):
        if n in prior and year:
            term, label = subjects[n + 1][0], subjects[n + 1][1]
            ind = _build(report, section, chunks, sent_start, q, term, label, clause, "actual",
                         bool(PROVISIONAL.search(sentence)), sentence)
            if ind is not None:
                yield ind.model_copy(update={"period": str(int(year) - 1), "period_source": "clause"})
            continue
        if n in before:
            continue
        section_q = as_review if section.part == "plan" and (past_year or _past_in_plan(report, sentence, q)) \
            else section
        kind = _kind(section_q, sentence, clause, q)
        if kind in ("actual", "yoy_growth", "cumulative") and _GOAL_LEAD.search(lead + sentence[: q.start]):
            kind = "target"  # '主要预期目标是：…；税收收入4.6亿元；外资到位额1500万美元': every item is aimed at
        if kind == "actual" and aimed is not None and not DONE.search(_AIMED.sub("", clause.text)) \
                and not YOY.search(clause.text):
            kind = "target"  # '将力争完成税收3.1亿元、固定资产投资25亿元,新增“四上”企业12家以上'
            clause = _Clause(aimed, sentence[aimed : clause.start + len(clause.text)])  # the quote holds the cue
        cue = [m.start() for m in _TARGET_LEAD.finditer(sentence, 0, q.start)]
        aimed = (aimed if aimed is not None else cue[-1] if cue else None) if (
            kind == "target" and section.part == "review") else None
        if change:
            if section_q.part == "plan" or kind == "target":
                continue  # '力争比上年增加500万元': a planned increase is no level of the indicator
            kind = "yoy_change"  # '达到21500元,较上年增加840元': the change, signed
            q = replace(q, negative=change < 0)
        # 预计 opening the 。-sentence covers its ；-parts; 预计 inside an earlier ；-part covers only that part
        estimated = section_q.part == "review" and (scoped or bool(ESTIMATE.search(opening + sentence[: q.start]))
                                                  or bool(_ESTIMATE_AFTER.match(sentence, q.end)))
        if estimated and re.search(_BASE_OPEN + "$", sentence[: q.start]):
            estimated = False  # '预计全年…4.72亿元（2018年4.35亿元）': the year before's figure, in brackets, is final
        if estimated and kind in ("actual", "cumulative"):
            kind = "estimate"
        project = _PROJECT_AFTER.match(sentence, q.end) if re.fullmatch(r"总?投资|计划投资", label) else None
        if project:  # '投资5.4亿元的农产品冷链物流园': the park's investment, never the place's 投资
            label, term = _clean(project.group(1)) + label, None
        stake = _STAKE_AFTER.match(sentence, q.end) if re.search(r"(?:投资|出资|投入)(?:资金)?$", label) else None
        if stake:  # '投资200万元入股商业项目': money put into a stake, never the place's 投资
            label, term = label + stake.group(0), None
        if event and term is None and _BARE_TOLL.fullmatch(label):
            label = event + label  # '发生交通安全事故4宗，死亡人数下降66%': the deaths of those accidents
        elif event.endswith("事故") and re.fullmatch(r"事故(?:宗数|起数|" + _BARE_TOLL.pattern + ")", label):
            label = event + label[2:]  # '发生各类安全生产事故17宗，事故宗数下降48.5%': those accidents' count
        provisional = bool(PROVISIONAL.search(sentence))
        ind = _build(report, section_q, chunks, sent_start, q, term, label, clause, kind, provisional, sentence,
                     estimated)
        named_event = _EVENT.search(ind.label_zh) if ind is not None else None
        event = named_event.group(1) if named_event else event
        if ind is not None and ind.kind == "target" and section_q.part == "plan" and _rest_of_year(report) \
                and ESTIMATE.search(sentence[clause.start : q.start]) and not _AIMED.search(sentence[clause.start : q.start]):
            # a 第四季度 plan's '…全年收入预计可达2460万元': the year's estimate, written before it ends
            ind = ind.model_copy(update={"kind": "estimate", "estimated": True, "period": report.plan_period,
                                         "part": "review"})
        later = re.findall(r"((?:19|20)\d\d)\s*年", re.split(r"[；;]", sentence[: q.start])[-1]) \
            if ind is not None and ind.kind == "target" and section_q.part == "plan" else []
        plan_year = (report.plan_period or "")[:4]
        if ind is not None and later and plan_year.isdigit() and int(later[-1]) > int(plan_year):
            # a 第四季度 plan's '着手2025年春茶生产准备，新增茶园3600亩': that later year's target
            ind = ind.model_copy(update={"period": f"{later[-1]}-plan"})
        if ind is not None and past_year and section_q is not section and ind.period == "unknown":
            ind = ind.model_copy(update={"period": past_year, "period_source": "paragraph"})
        if ind is not None:
            yield ind


def _rate_bridges(sentence: str, quantities: list[Quantity], n: int) -> bool:
    """The level at `n` rose (or fell) to the next one by the growth rate stated right after that one."""
    if n + 2 >= len(quantities):
        return False
    a, b, rate = quantities[n], quantities[n + 1], quantities[n + 2]
    if rate.unit != "%" or not a.value or not re.fullmatch(r"\s*[，,]?\s*(?:同比|比上年|较上年)?(?:增长|增加|提高|上升|下降|减少|降低)了?\s*",
                                                         sentence[b.end : rate.start]):
        return False
    if _SPAN_WORDS.search(sentence[: a.start]):
        return False
    return abs(abs(b.value / a.value - 1) * 100 - abs(rate.value)) <= 0.3


_SPAN_WORDS = re.compile(r"五年|十三五|十四五|以来|年来|近[两三四五\d]年|期间|累计")


_AIMED_GROWTH = re.compile(r"(?:预期|目标|计划)[^,，。；;\d]{0,4}?(?:增长|增速|增幅)率?\s*(?:为|达到?)?\s*$")
_LEVEL_AFTER_RATE = re.compile(r"\s*(?:以上|左右)?[,，]\s*(?:力争|确保|争取)?(?:达到|达|突破|超过|实现|为)\s*")
_GOAL_LEAD = re.compile(r"(?:预期|主要|发展|奋斗)目标(?:任务)?(?:是|为)?\s*[:：]")
_STAKE_AFTER = re.compile(r"(?:入股|参股|持股|注资)[\u4e00-\u9fff“”]{2,12}?(?=[，,。；;]|$)")
_PROJECT_AFTER = re.compile(r"(?:余|多)?的([\u4e00-\u9fff“”]{2,20}?(?:项目|产业园|物流园|园区|基地|工程|中心|综合体|小镇|厂房|"
                            r"工厂|公司|学校|医院|大桥|水库|电站))")
def _opening(lead: str) -> str:
    """The first clause of each ；-part before a ；-part in its 。-sentence: what opens a part holds for the parts
    after it ('预计全年实现…；一般公共预算收入350万元'); a clause later in a part ('…，预计上半年可完成18亿元；')
    holds for nothing after it. A topic before it ('财政税收方面，1-6月全镇实现…；其中…') is passed over."""
    heads = []
    for part in re.split(r"[；;]", lead):
        clauses = re.split(r"[，,]", part, maxsplit=2)
        topic = len(clauses) > 1 and _TOPIC_LEAD.fullmatch(clauses[0].strip())
        heads.append(clauses[1] if topic else clauses[0])
    return " ".join(heads)


# '财政税收方面': what the sentence is about; '受…影响', '在…背景下': what it happened under
_TOPIC_LEAD = re.compile(r"[\u4e00-\u9fff]{1,8}(?:方面|领域|战线)|受[^，,；;]{1,30}?影响|在[^，,；;]{1,30}?(?:背景|形势|情况)下")


_LIKE_FOR_LIKE = re.compile(rf"(?:剔除|扣除|不含|不考虑)[^，,；;]{{1,14}}?后?(?:{LIKE_FOR_LIKE})?(?:增长|下降|增幅)?$|"
                            rf"(?:{LIKE_FOR_LIKE})(?:增长|下降|增幅)$")
_LAST_YEARS = re.compile(r"\s*[,，]?\s*(?:比|较)(?:上年|去年)的\s*")  # '比上年的2.32万吨': last year's level
_FROM_LEVEL = re.compile(r"[由从](?:年初|年前|上年|去年|上年[底末]|去年[底末]|改造前|整治前)?的?$")  # 由年初的64.5%提高到…
_EARLIER_YEAR = re.compile(r"(?<![比较与同于在])((?:19|20)\d\d)\s*年(?:底|末|全年)?")
_ON_THE_BASE = re.compile(r"[^，,。；;]{0,4}的?基础上")


def _rest_of_year(report: Report) -> bool:
    """A plan for the rest of the year the report reviews ('前三季度…第四季度打算'): the plan year is the report's."""
    plan, covered = report.plan_period or "", report.period_covered or ""
    return bool(re.fullmatch(r"\d{4}", plan)) and covered[:4] == plan and covered != plan


def _past_paragraph(report: Report, sent_start: int) -> str | None:
    """A plan's paragraph that opens with an earlier year ('2024年，全镇…。主要指标预计：…'): a review of that year
    (a plan written at the year's end often opens so), its figures that year's."""
    plan_year = (report.plan_period or "")[:4]
    para = report.text[report.text.rfind("\n", 0, sent_start) + 1 : sent_start + 12]
    opening = re.match(r"\s*((?:19|20)\d\d)\s*年(?:以来|全年)?[，,]", para)
    return opening.group(1) if opening and plan_year.isdigit() and int(opening.group(1)) < int(plan_year) else None


def _past_in_plan(report: Report, sentence: str, q: Quantity) -> bool:
    """A figure in plan text that is an earlier year's level, not the plan's: '2024年全镇肉羊存栏5.2万只。' in a
    2025 plan, or the base of a planned rise ('在2024年860万元的基础上增长8%': 860万元 is 2024's, the 8%
    the plan's). A year after 比/较 is what the plan compares with ('比2024年增长8%' is planned)."""
    plan_year = (report.plan_period or "")[:4]
    if not plan_year.isdigit():
        return False
    before = sentence[: q.start]
    base = re.search(r"在\s*((?:19|20)\d\d)\s*年[^，,。；;]{0,12}$", before)
    if base and _ON_THE_BASE.match(sentence, q.end):
        return int(base.group(1)) < int(plan_year)
    years = list(_EARLIER_YEAR.finditer(before))
    if not years or "基础上" in before[years[-1].end() :]:
        return False
    return int(years[-1].group(1)) < int(plan_year)


# a label opening with a place's name of two characters ('江南街道…', '柳河镇…'), not a kind of town ('小城镇', '全镇')
_OTHER_PLACE = re.compile(r"([\u4e00-\u9fff](?<![全各两本该我邻周乡村城集小重])[\u4e00-\u9fff](?<![城集小村全本该各])(?:街道|镇|乡))"
                          r"(?=[\u4e00-\u9fff]{2})")
_BARE_TOLL = re.compile(r"(?:死亡|受伤|伤亡|遇难)(?:人数)?")
_EVENT = re.compile(r"^(?:全年)?(?:共)?(?:发生)?([\u4e00-\u9fff]{2,10}?(?:事故|案件|警情)|[\u4e00-\u9fff]{0,10}?(?:火灾|火情))(?:宗数|起数|数)?$")
_OWN_CUTOFF = re.compile(r"\s*(?:截[至止]|到)\s*(?:20\d\d\s*年)?\s*\d{1,2}\s*月|\s*1\s*[-—–~至到]\s*\d{1,2}\s*月")


def _estimate_scope(text: str, section: Section, sent_start: int) -> bool:
    """'预计(以下均为预计)' / '(预计数,下同)' earlier in the same paragraph covers the figures after it."""
    para_start = text.rfind("\n", 0, sent_start)
    para_start = max(section.start, text.rfind("\n", 0, max(0, para_start)) + 1)  # this paragraph or a lead line
    return bool(ESTIMATE_SCOPE.search(text, para_start, sent_start + 1)) or bool(
        ESTIMATE_SCOPE.search(text[sent_start : sent_start + 40]))


def _mark_passed(sentence: str, quantities: list[Quantity], i: int) -> bool:
    """Quantity i is the figure itself after a round mark passed just before it, in the same unit ('突破一万个，
    达到10,520个')."""
    if i <= 0:
        return False
    q, mark = quantities[i], quantities[i - 1]
    return q.unit == mark.unit and bool(_MARK_PASSED.search(sentence, max(0, mark.start - 3), mark.start)) \
        and bool(_MARK_THEN.fullmatch(sentence[mark.end : q.start]))


def _subjects(sentence: str, quantities: list[Quantity],
              carry: list[Subject] | None = None) -> list[tuple[Term | None, str, _Clause, int]]:
    """For each quantity: the lexicon term and label of what it measures, its clause, and the sign of a change
    on the previous year it states (0 for none: '较上年增加840元' is +1). `carry` holds the subject named last
    before a ； ("工单1.3万件，同比下降5%；满意率96%"): a bare head borrows it; updated."""
    out: list[tuple[Term | None, str, _Clause, int]] = []
    respectively = _respectively(sentence, quantities, carry[0][1] if carry else "")
    runs = _percent_runs(sentence, quantities)
    levels: list[Subject] = []  # subjects of the non-percent figures so far, in order
    prev: Subject = carry[0] if carry else (None, "")
    of_part: Subject | None = None  # the whole the last figure is a 其中 part of
    last_any: Subject = (None, "")  # the subject of the figure before, a percentage included
    by_unit: dict[str, Subject] = {}  # the last subject of each unit kind (not a per-unit one)
    villages = _village_counts(sentence, quantities)
    asides = [(m.start(), m.end()) for m in re.finditer(r"[（(][^（()）]{4,}[)）]", sentence)]
    for i, q in enumerate(quantities):
        clause = _clause_of(sentence, q)
        prefix = sentence[clause.start : q.start]
        if i in respectively:
            prefix = respectively[i]
        elif i and quantities[i - 1].end >= clause.start:
            prefix = sentence[quantities[i - 1].end : q.start]
            if re.match(r"(?:余|多)?的(?!基础)[\u4e00-\u9fff“]{3}", prefix):
                prefix = re.sub(r"^(?:余|多)?的", "", prefix)  # '总投资2.8亿元的某场馆形象进度超35%': the 的 ties them
        if q.unit in ("万", "亿") and _MONEY_HEAD.search(_clean(prefix)):
            q = quantities[i] = replace(q, unit=q.unit + "元")  # '完成一般公共预算收入6230万': money, its 元 left out
        unit_kind = UNITS[q.unit].normalized_unit if q.unit else None
        if unit_kind == "times" and i in runs:
            unit_kind = "percent"  # '分别完成任务的1.2倍、1.4倍': ratios of the figures before, like percentages
        change = CHANGE.fullmatch(prefix.strip(" \t,，、")) if unit_kind not in (None, "percent", "times") else None
        own_change = _OWN_CHANGE.fullmatch(prefix.strip(" \t,，、")) if unit_kind not in (None, "percent", "times") \
            and not change else None
        if own_change:  # '大豆面积比上年增加3.1万亩': the change of the measure the clause names, not a level of it
            change = CHANGE.fullmatch(prefix.strip(" \t,，、")[own_change.end(1) :])
        gap = _ABOVE_AVERAGE.search(prefix) if q.unit in ("个百分点", "百分点") else None
        if gap and (prev[1] or last_any[1]):
            # '增长8.4%，增速高于全县平均1.8个百分点': the gap to an average, a figure of its own
            growth = "增幅" if re.search(r"增幅|增速|增长|比增", sentence[max(0, q.start - 24) : q.start]) else ""
            term, label = None, (last_any[1] or prev[1]) + growth + gap.group(1) + gap.group(2)
        elif i and out and out[-1][1] and i not in respectively and q.unit == quantities[i - 1].unit and (
                _RAISED_TO.fullmatch(prefix.strip()) or _mark_passed(sentence, quantities, i)):
            term, label = out[-1][0], out[-1][1]  # '贫困发生率由2016年底的9.7%降至0.41%': the level it fell to
        elif unit_kind == "percent" and prev[1] and i not in respectively and _LIKE_FOR_LIKE.search(prefix):
            term, label = None, prev[1] + "同口径"  # '税收…同比下降2.4%，剔除留抵退税因素后同口径增长4.9%'
        elif prev[1] and i not in respectively and _LAST_YEARS.fullmatch(prefix):
            term, label = prev  # '粮食总产2.41万吨，比上年的2.32万吨…': the same measure, last year's level
        elif own_change and change:
            subject = own_change.group(1)
            found = match_term(subject, unit_kind)
            term, label = (found[0] if found and found[1] == len(subject) else None), _label(subject, len(subject))
        elif change and prev[1] and i not in respectively:
            term, label = prev  # '人均可支配收入21500元,较上年增加840元': the change of the figure before
        elif i in runs and i not in respectively and len(levels) >= runs[i][1]:
            pos, n = runs[i]
            term, label = levels[len(levels) - n + pos]  # 'A x、B y,同比分别增长a%和b%': growths in order
        elif i and not prefix.strip() and prev[1]:
            term, label = prev  # "整治土地12处3.4万平方米": the second figure measures the same thing
        elif i and prev[1] and _BRACKETED_MEASURE.fullmatch(prefix) and unit_kind not in (None, "percent") \
                and (prior := quantities[i - 1].unit) is not None and unit_kind != UNITS[prior].normalized_unit:
            term, label = None, prev[1]  # '某项目签约86户（约3.7万平方米）': the same thing, measured in another unit
        elif unit_kind == "percent" and i not in respectively and SHARE.search(prefix) and (
                not YOY.search(prefix[-8:]) or _TO_LEVEL.search(prefix)):
            term, label = _share_of(prefix, prev)  # "土地移交入库31.5万平方米,入库量占全区18%"
        elif unit_kind == "percent" and (i in respectively or YOY.search(prefix) or COMPLETION.search(prefix)
                                         or _SIGNED.match(q.number_text)
                                         or COMPLETION.search(sentence[clause.start : q.start])):
            # '入驻率提升到81%，较上年提高3个百分点': the points a rate moved are that rate's, not the count's before it
            points_of_rate = q.unit in ("个百分点", "百分点") and i > 0 and quantities[i - 1].unit == "%" and last_any[1]
            of_all = _whole_of_parts(sentence, quantities, out, i) if COMPLETION.search(prefix) else None
            # '收入1086万元，其中税收412万元、非税674万元，完成全年任务的93.6%': the whole's task, not the last part's
            term, label = _own_or_prev(prefix, of_all or (last_any if points_of_rate or not prev[1] else prev))  # 力争增长7%
        elif unit_kind == "times" and i not in respectively and COMPLETION.search(prefix) and prev[1]:
            term, label = _own_or_prev(prefix, prev)  # '招引项目96个,完成区下达年度任务的1.6倍': the projects' task
        elif prev[1] and i not in respectively and _TASK_AMOUNT.search(prefix) \
                and (re.match(r"[)）]?(?:任务|目标)?(?:进度)?的\s*\d", sentence[q.end :])
                     or re.search(r"[（(]$", prefix) and re.match(r"\s*[)）]", sentence[q.end :])
                     and quantities[i - 1].unit == q.unit):
            term, label = prev  # '收入3120万元，完成县定全年任务3600万元的86.7%': the task is the same measure's
            # ('拆除违法建筑38.2万平方米，超额完成区下达的年度任务（35万平方米）': the same, the task in brackets)
        elif elided := _elided_head(sentence, quantities, i):
            term, label = None, elided  # '设立2个市级和9个区级示范点': 市级示范点, the head said once, last
        else:
            # '收入增长8%以上,力争达到4500万元': with no figure before it in another unit, the subject of a rate
            before = prev if prev[1] else last_any
            unit_before = quantities[i - 1].unit if i else None
            if last_any[1] and unit_before and UNITS[unit_before].normalized_unit == "percent" \
                    and _LEVEL_AFTER_RATE.fullmatch(prefix):
                before = last_any  # '人均可支配收入增长7%，达到2.96万元': the level of the rate's subject
            if _PER.search(prefix, max(0, len(prefix) - 4)) and unit_kind in by_unit:
                # '村集体收入1930万元,其中50万元以上的村9个,村均40.2万元': the per-village figure of the income
                before = by_unit[unit_kind]
            term, label = _named(prefix, sentence[q.end : clause.start + len(clause.text)], unit_kind, before)
            if i and quantities[i - 1].unit == "个" and quantities[i - 1].end == q.start - len(prefix) \
                    and re.match(r"[村户]均\s*(?:在|超过|超|达到?|高于|不低于|突破)", prefix):
                term, label = None, ""  # '其余6个村均在30万元以上': 均 says each of the villages counted passes a bar
            again = _whole_before_parts(sentence, quantities, out, i) \
                if (not label or label == before[1]) and _WHOLE_AGAIN.search(prefix) else None
            if again is not None:  # '财政收入…，其中国税…、地税…，预计全年完成…': the whole again, not its last part
                term, label = again
            elif label and _WHOLE_AGAIN.search(prefix) and (cut := sentence.rfind("其中", 0, q.start)) >= 0 \
                    and (ending := re.search(rf"(?:{_HEAD_ONLY.pattern})$", label)) and i \
                    and quantities[i - 1].start > cut and label.startswith(_MEASURE_TAIL.sub("", out[-1][1]) or "\0"):
                # '小站稻种植面积1.86万亩，其中稻蟹混养0.42万亩，…预计总产1.12万吨': the whole's crop, not the part's
                whole = next((o[1] for o, x in zip(reversed(out), reversed(quantities[:i]), strict=False)
                              if x.end <= cut and o[1]), "")
                subject = _MEASURE_TAIL.sub("", whole)
                if len(subject) >= 2 and subject != whole:
                    term, label = None, subject + ending.group(0)
            elif not label and i and prev[1] and unit_kind not in (None, "percent") and quantities[i - 1].unit == q.unit:
                term, label = _stock_or_added(prefix, prev)
            if not label and re.search(r"目标|任务", prefix) and i + 1 < len(quantities) \
                    and quantities[i + 1].unit == q.unit:
                # '全年市下达目标3900万元，1-5月完成财政收入1720万元': the target of the measure the next figure names
                ahead = match_term(sentence[q.end : quantities[i + 1].start], unit_kind)
                if ahead is not None:
                    term, label = ahead[0], ahead[0].zh
            named_after = _AFTER.match(sentence, q.end)
            if i and out and label and label == prefix.strip() and label in out[-1][1] and named_after \
                    and (before_unit := quantities[i - 1].unit) and UNITS[before_unit].normalized_unit != unit_kind \
                    and len(tail := _counted(_label(named_after.group(0), 0))) >= 2 and not _HEAD_TAIL.search(tail):
                # '改造9条街巷14公里人行步道': the lanes were counted; the kilometres are of the footpaths after
                found = match_term(named_after.group(0), unit_kind)
                term, label = (found[0] if found else None), tail
            team = _TEAM_AFTER.match(sentence, q.end) if q.unit in _PERSON_UNITS else None
            if team:  # '组建不少于12人的专业招商团队': the team's size
                term, label = None, team.group(1)
            of_after = _OF_AFTER.match(sentence, q.end) if unit_kind not in (None, "percent", "times") and (
                not label or all(f.startswith(("v", "d", "p")) and f != "vn" for _, f in tagged(label))) else None
            if of_after and not team:  # '加快实施超50万平方米的新一轮土地整备项目': the size of what follows 的
                found = match_term(of_after.group(1), unit_kind)
                term, label = (found[0] if found else None), of_after.group(1)
            if not label and q.unit in _PERSON_UNITS:
                label = _people_label(prefix, sentence[q.end : clause.start + len(clause.text)], q.unit)
            if label in ("参加", "参与", "受益", "观看") and q.unit in _PERSON_UNITS and prev[1]:
                # '举办读书分享会24场，共860余人次参加': those who took part in what was just counted
                label = re.sub(r"^(?:开展|举办|组织|举行)", "", prev[1]) + label + ("人次" if q.unit.endswith("人次") else "人数")
        per_income = re.fullmatch(r"([村户])均(?:总)?收入", label)
        income_named = list(_COLLECTIVE_INCOME.finditer(sentence, 0, q.start)) if per_income else []
        if per_income and income_named:  # '…村集体经济收入全部达到10万元以上，…村均收入24.8万元': the per-village collective income
            label = per_income.group(1) + "均" + income_named[-1].group(1)
        villages_summed = unit_kind == "CNY" and i and quantities[i - 1].unit == "个" \
            and (label.endswith("村") or re.fullmatch(r"(?:收入)?(?:总额|合计|总计)", label) is not None) \
            and re.fullmatch(r"[，,\s]*(?:收入)?(?:合计|共计|总计|共|总额|总收入)(?:达到?|为)?\s*", prefix)
        income_of = list(_COLLECTIVE_INCOME.finditer(sentence, 0, q.start)) if villages_summed else []
        if income_of:  # '…村集体经营性收入全部超过5万元，其中超过10万元的村4个，合计96.4万元': the villages' income summed,
            label = "村" + income_of[0].group(1)  # never an amount of the villages counted
        crop_of = _CROP_MEASURE.sub("", re.sub(r"^(?:种植|播种|栽种|发展)", "", out[-1][1])) \
            if _BARE_YIELD.fullmatch(label) and out and out[-1][1] else ""
        if 2 <= len(crop_of) <= 8 and crop_of != out[-1][1]:
            label = crop_of + label  # '加工番茄平均亩产7.4吨，总产21.2万吨': the crop's output, borrowed from before
        planted = out[-1][1] if out and _NEW_AREA.fullmatch(label) and "其中" in prefix \
            and out[-1][1].endswith("面积") else ""
        if planted and 2 <= len(crop := _CROP_MEASURE.sub("", re.sub(r"^(?:种植|播种|栽种|发展)", "", planted))) <= 8:
            label = crop + label  # '花椒种植面积3.2万亩，其中新扩种面积0.38万亩': the crop's new planting
        bare = _BARE_TOTAL.fullmatch(label)
        named = re.search(rf"([\u4e00-\u9fff]{{2,10}}?){bare.group(1)}", sentence[: q.start]) if bare else None
        if bare and named and len(subject := _SCOPE_LEAD.sub("", named.group(1))) >= 2:
            label = subject + "总" + bare.group(1)  # '全乡18个村集体经济收入均已超过6万元，全年总收入…': whose total
        industry = _INDUSTRY_CLAUSE.search(sentence, 0, q.start) if _BARE_OUTPUT.fullmatch(label) else None
        if industry:  # '高端装备产业集群初具规模，总产值达120.5亿元': the cluster's output, never the place's
            label = industry.group(1) + label
        staged = _STAGED.match(sentence, q.end) if q.unit in ("个", "项", "家", "座", "所") else None
        head = (staged.group(3) or next((h.group(1) for h in [_STAGED_HEAD.match(sentence, staged.end())] if h), "")) \
            if staged else ""
        if staged and head:  # '等4个已立项、…等9个拟立项项目分期实施': the projects in each stage, the head shared
            term, label = None, staged.group(1) + staged.group(2) + head
        placed = _TIMES_PLACED.match(sentence, q.end) if q.unit == "次" else None
        if placed:  # '季度考评4次位列全县前三，其中2次排名第一': how often it was placed so, each its own figure
            base = label if label and label != "其中" else _TIMES_PLACED.sub("", prev[1])
            term, label = None, re.sub(r"^其中", "", base) + placed.group(0)
        if label and len(label) <= 4 and all(f.startswith("v") for _, f in tagged(label)):
            same = [o for o, x in zip(out, quantities, strict=False) if x.unit == q.unit and label in o[1]]
            if same:  # '到9月底收购蚕茧820担，…，全年预计收购900担': what the verb did before, in the same unit
                term, label = same[-1][0], same[-1][1][same[-1][1].index(label) :]
        head = next((o[1] for o in reversed(out) if len(o[1]) > 3 and tagged(o[1])[-1][1].startswith("v")), "") \
            if out else ""
        if label and len(label) <= 3 and i and head and quantities[i - 1].unit == q.unit \
                and prefix.strip(" ，,、；;") == label and len(tagged(label)) == 1:
            # '某项目累计签约96%,收楼83%,拆除61%': each bare word after it is the same project's progress
            head_words = tagged(head)
            subject = "".join(w for w, _ in head_words[:-1] if w not in ("累计", "共", "已", "共计"))
            last_same = next((o[1] for o, x in zip(reversed(out), reversed(quantities[:i]), strict=False)
                              if x.unit == q.unit), "")
            if len(head_words) >= 2 and head_words[-1][1].startswith("v") and len(subject) >= 2 and label not in subject \
                    and last_same.startswith(subject):  # ('暂扣三轮车、电动车…辆、货车…辆' after '查处渣土车违法': no)
                label = subject + label
        income = prev[1] if prev[1].endswith(("收入", "总额", "总量", "合计")) else by_unit.get("CNY", (None, ""))[1]
        base = re.sub(r"总收入$", "收入", re.sub(r"^[村户人]均", "", _BAND_GROUP.sub("", re.sub(
            r"(?:总额|总量|合计)$", "", income))))  # ('村均…收入' is per village: the villages are banded by the income)
        bare_band = re.fullmatch(r"(超过|超|达到|达|在)?([\d.]+[万亿]?元)(及?以上|及?以下)?", label) \
            if unit_kind == "count" and prefix.rstrip().endswith("的") else None
        named_income = list(_COLLECTIVE_INCOME.finditer(sentence, 0, q.start)) if bare_band else []
        if bare_band and named_income:  # '…集体经济收入全部超过5万元，其中超过10万元的7个': the villages past that bar
            bar, amount, side = bare_band.groups()  # (worded as the report words it: 超过10万元, 10万元以上)
            label = f"{named_income[-1].group(0)}{bar or ''}{amount}{side or ('' if bar else '以上')}的村"
        elif _BAND_GROUP.fullmatch(label) and len(base) >= 2 and base.endswith("收入"):
            # '村集体经济收入总额260万元，其中20万元以上的村5个': villages banded by that income (also when a count of
            # villages stands between: '总收入528万元，14个村全部超过20万元，其中50万元以上的村6个')
            label = base + label
        sown = _SOWN.fullmatch(label) if unit_kind == "m2" else None
        if sown:  # '落实小麦种植2.4万亩': the crop's planted area, as the items after it borrow it
            label = sown.group(1) + ("播种面积" if sown.group(2) == "播种" else "种植面积")
        progress = _SO_FAR_DONE.fullmatch(label) if unit_kind == "m2" and out and out[-1][1] else None
        crop = _MEASURE_TAIL.sub("", out[-1][1]) if progress else ""
        if progress and 2 <= len(crop) <= 6 and crop not in label:
            # '甘蔗种植任务4.5万亩，目前已下种3.9万亩': the crop before, what has been done of it so far
            label = crop + "已" + progress.group(1) + ("面积" if not progress.group(1).endswith("面积") else "")
        if label.startswith("连续") and out and out[-1][1]:
            label = out[-1][1] + label  # '巡查覆盖率100%,连续三个月居全县首位': the streak of the figure before
        if unit_kind in STREAK_UNITS:
            term = None  # 'PM2.5浓度连续4年下降': a streak of years, never the measure's own figure
        # a part of the figure before ('…18.2万亩（其中小麦9.4万亩、…': a bracket may open it, in the same clause)
        part = any(t.lstrip(" （(").startswith("其中") for t in (sentence[clause.start : q.start], prefix))
        if label and prev[1] and term is None and (part or (
                unit_kind == "m2" and re.fullmatch(r"(?:当年)?(?:新植|投产|挂果|开割|结果|可采|采摘)面积", label))):
            # '蜜柚种植面积7600亩,其中投产面积4300亩' -> 蜜柚投产面积; '…种植面积3.2万亩,受寒潮影响,投产面积…' too
            # '总收入2100万元，村均70万元，其中经营性收入980万元': a part of the total, not of the per-village figure
            whole = by_unit.get(unit_kind or "", prev)[1] if _PER.search(prev[1]) else prev[1]
            if of_part and of_part[1] and prefix.lstrip().startswith("、"):
                whole = of_part[1]  # '…，其中疆内转移5904人次、疆外转移831人次': each item is a part of the same whole
            label = _part_of(label, whole)
        if part or prefix.lstrip().startswith("、"):
            label += _borrowed_measure(label, prev[1], unit_kind)
        if label and prefix.lstrip().startswith("、") and len(out) >= 2 and out[-1][1] \
                and quantities[i - 1].unit != q.unit and any(label == o[1] for o in out[:-1]):
            # '新增学位2400座,其中小学2所、新增学位1800座,幼儿园1所、新增学位600座': each item's share of the whole
            item = re.sub(r"^(?:其中|新增|新建|改扩建|建成)+", "", out[-1][1])
            if 2 <= len(item) <= 6:
                term, label = None, item + label
        if unit_kind == "CNY" and re.fullmatch(r"第?[一二三]产(?:业)?", label):
            label += "增加值"  # '其中一产、二产、三产分别为…万元': the sectors' shares of the output are their value added
        shared = _SHARED_VERB.match(prev[1]) if i and prefix.lstrip().startswith("、") else None
        if shared and label and not label.startswith(shared.group(0)) and not _SHARED_VERB.match(label) \
                and not tagged(label)[0][1].startswith("v"):  # ('…、腾退厂房1.3万平方米' says its own verb)
            label = shared.group(0) + label  # '出栏羊1.2万只、生猪4100头': the pigs too were 出栏
        elif label and i and prefix.lstrip().startswith("、") and quantities[i - 1].unit == q.unit:
            label = _object_shared(prev[1], label)  # '加装电梯签约41台、竣工运行18台': the lifts too were 竣工运行
        elif i and quantities[i - 1].unit == q.unit and prev[1] and unit_kind == "count" and label in ("", verbs := (
                bare.group(1) if (bare := _BARE_VERBS.fullmatch(prefix)) else "\0")):
            # '…立项41台，年内完工17台': the lifts too were 完工 (when the words before name nothing more)
            done_to = _object_shared(prev[1], verbs)
            label = done_to if len(done_to) > len(verbs) else label
        stock = re.fullmatch(r"([\u4e00-\u9fff]{2,8}?)(总数|总量)", label) if i and prev[1] else None
        fuller = _NEW_VERB.sub("", prev[1]) if stock and quantities[i - 1].unit == q.unit and _NEW_VERB.match(prev[1]) \
            else ""
        if stock and fuller != stock.group(1) and fuller.endswith(stock.group(1)) \
                and not _SUBSET_MARK.search(fuller[: -len(stock.group(1))]):  # ('新建标准化初制所…，初制所总数': all of them)
            label = fuller + stock.group(2)  # '新增农民专业合作社7家，全镇合作社总数达到96家': the same things, named in full
        if term is not None and term.context and not re.search(term.context, sentence):
            term = None
        if _NOT_HEADLINE.search(sentence[clause.start : q.start]) and not (
                term and term.regex.fullmatch(label) and unit_kind != "count"):  # 其中规上工业产值 is still that
            term = None  # subsets (其中…; a count of the firms just counted) and work in progress are not headlines
        sign = (-1 if CHANGE_DOWN.fullmatch(change.group(1)) else 1) if change and (prev[1] or own_change) \
            and i not in respectively else 0
        out.append((term, label, clause, sign))
        if label:
            last_any = (term, label)
        aside = any(a < q.start < b for a, b in asides)  # '（其中A项目完成…万元）': a part, said in passing
        if unit_kind != "percent" and not aside:  # (the whole a 其中 part is of, kept for the next ；-part)
            of_part = (of_part or prev) if sentence[clause.start : q.start].lstrip(" （(").startswith("其中") else None
        if unit_kind == "count" and not label and i in villages:
            prev = (None, villages[i])  # '11个村集体经济收入…,村均9.1万元'
        elif unit_kind != "percent" and not aside:
            prev = (term, label)
            levels.append(prev)
        if label and unit_kind and unit_kind != "percent" and not _PER.search(label):
            by_unit[unit_kind] = (term, label)
    if carry is not None:  # ('…收入1486万元，其中税收收入1213万元；预计全年完成1760万元': the whole's estimate)
        carry[0] = of_part if of_part is not None and of_part[1] else prev
        carry[1:] = [last_any]  # the subject of the last figure, a rate's included (see extract_indicators)
    return out


_WHOLE_AGAIN = re.compile(r"预计|全年|全季|上半年|截[至止]")  # a period said again: the whole's level at its end


def _before_cut(quantities: list[Quantity], out: list[tuple[Term | None, str, _Clause, int]], i: int, cut: int,
                unit: str | None = None) -> tuple[Term | None, str, Quantity] | None:
    """The last named figure before position `cut` (in `unit` when given), with its quantity."""
    return next(((o[0], o[1], x) for o, x in zip(reversed(out), reversed(quantities[:i]), strict=False)
                 if x.end <= cut and (unit is None or x.unit == unit) and o[1]), None)


def _whole_before_parts(sentence: str, quantities: list[Quantity], out: list[tuple[Term | None, str, _Clause, int]],
                        i: int) -> Subject | None:
    """The subject of the figure stated before a 其中 list of parts, when figure i comes after those parts in the
    same unit; None otherwise."""
    q = quantities[i]
    cut = sentence.rfind("其中", 0, q.start)
    if cut < 0 or not any(x.start > cut and x.unit == q.unit for x in quantities[:i]):
        return None
    whole = _before_cut(quantities, out, i, cut, q.unit)
    return (whole[0], whole[1]) if whole else None


def _whole_of_parts(sentence: str, quantities: list[Quantity], out: list[tuple[Term | None, str, _Clause, int]],
                    i: int) -> Subject | None:
    """The subject of the figure before a 其中 list of two or more parts, in its unit, that ends just before rate i;
    None otherwise."""
    cut = sentence.rfind("其中", 0, quantities[i].start)
    parts = [x for x in quantities[:i] if x.start > cut]
    whole = _before_cut(quantities, out, i, cut) if cut >= 0 and len(parts) >= 2 else None
    if whole is None or whole[2].unit is None:
        return None
    # (the parts share the whole's unit: '…9860人，其中脱贫劳动力3120人，实现劳务收入1.47亿元，完成…' is the income's task)
    kind = UNITS[whole[2].unit].normalized_unit
    if any(x.unit is None or UNITS[x.unit].normalized_unit != kind for x in parts):
        return None
    return whole[0], whole[1]


def _borrowed_measure(label: str, whole: str, unit_kind: str | None) -> str:
    """The measure a part or a listed item takes from the figure before it, when it names none itself ('' else):
    a herd's ('牲畜存栏18.2万头,其中牦牛2.6万头、藏羊15.1万只': 牦牛存栏, 藏羊存栏) or a crop's ('播种面积2.05万公顷,
    其中玉米1.1万公顷、大豆0.62万公顷': 玉米播种面积, 大豆播种面积)."""
    if not label:
        return ""
    if unit_kind == "count":
        herd = re.search(f"(?:{_HERD_MEASURE.pattern})$", whole)
        return herd.group(0) if herd and not _HERD_MEASURE.search(label) else ""
    if unit_kind in ("m2", "t"):
        crop = re.search(r"(?:播种面积|种植面积|面积|产量)$", whole)  # ('茶园面积…,其中早茶…': 早茶面积)
        return crop.group(0) if crop and len(label) <= 4 and not re.search(r"面积|产量|产值|收入", label) else ""
    return ""


_COUNTED = re.compile(r"[^,，;；。、\d]{1,16}")  # what a count counts, brackets included: 村（社区）集体经济收入


def _village_counts(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """'11个村(社区)集体经济收入合计…': the measure after a count of villages, by the count's index."""
    out = {}
    for n, q in enumerate(quantities):
        if q.unit and UNITS[q.unit].normalized_unit == "count":
            after = _COUNTED.match(sentence, q.end)
            tail = _label(after.group(0), 0) if after else ""
            if tail and _HEAD_TAIL.search(tail):
                out[n] = tail
    return out


def _percent_runs(sentence: str, quantities: list[Quantity]) -> dict[int, tuple[int, int]]:
    """Runs of two or more percentages that name no subject of their own ('分别增长9.8%和12.4%'):
    index -> (position in run, run length)."""
    out: dict[int, tuple[int, int]] = {}
    i = 0
    pct = [q.unit is not None and UNITS[q.unit].normalized_unit in ("percent", "times") for q in quantities]
    while i < len(quantities):
        if not pct[i]:
            i += 1
            continue
        j = i
        while (j + 1 < len(quantities) and pct[j + 1]
               and _RUN_GAP.fullmatch(sentence[quantities[j].end : quantities[j + 1].start])):
            j += 1
        if j > i:
            clause = _clause_of(sentence, quantities[i])
            lead = sentence[clause.start : quantities[i].start]
            if i and quantities[i - 1].end > clause.start:
                lead = sentence[quantities[i - 1].end : quantities[i].start]
            if len(_clean(_OWN_CUES.sub(" ", lead).split(" ")[-1])) < 2 and (
                    "分别" in sentence or _OWN_CUES.search(lead)):
                for n in range(i, j + 1):
                    out[n] = (n - i, j - i + 1)
        i = j + 1
    return out


_DATE_SAID = re.compile(r"(?:截[至止]|到)?\d{1,2}月\d{1,2}日(?:前|止|起)?")


def _named(prefix: str, suffix: str, unit_kind: str | None, prev: Subject) -> Subject:
    """Name a figure from the words before it, else after it ("建成12个口袋公园")."""
    prefix = _DATE_SAID.sub("", prefix)  # '截至11月10日完成…': a date, no name
    # ('其中“杉语湾”片区8.6万人次': a zone's quoted name is read as the bare name)
    prefix = re.sub(rf"“([^“”]{{2,8}})”(?={ZONE_KINDS})", r"\1", prefix)
    # '新增近320个停车位': how exact, no name (签约, 附近 end in the same characters and are words)
    prefix = re.sub(r"(?<=[\u4e00-\u9fff])(?:将近|接近|大约|(?<![附最就临])近|(?<![签合节制预公契条协])约|逾)$", "", prefix)
    # ('金明路(甲路—乙路)、新澜大街(…)等15条规划道路': a bracket after an example says where it runs)
    examples = _EXAMPLES.search(re.sub(r"[（(][^（）()]{1,30}[)）]", "", prefix)) if unit_kind == "count" else None
    after = _AFTER.match(suffix)
    streak = prefix.rstrip().endswith("连续") and unit_kind in STREAK_UNITS
    if streak and after and len(tail := re.sub(r"[“”\"'\s]", "", after.group(0)[:12])) >= 2:
        # '星级站点数连续四年全县第一': a streak is named by what was kept up, after the number
        head = prefix.rstrip()[:-2]
        return None, _label(head, len(head)) + "连续" + tail
    if examples and after and len(tail := _label(after.group(0), 0)) >= 2:
        # '改造提升红枫路、玉兰路等18条路段照明设施': the roads before 等 are examples; what is counted follows
        verb = re.match(r"(?:[\u4e00-\u9fff]{0,2}?)((?:改造|提升|新建|建成|建设|完成|实施|推动|整治|打造|安装|修复){1,2})",
                        examples.group(1))
        named = match_term(tail, unit_kind)
        return (named[0] if named else None), (verb.group(1) if verb else "") + tail
    listed = _LISTED.search(prefix) if unit_kind == "count" and not examples else None
    if listed and after and len(tail := _label(after.group(0), 0)) >= 2 and not _HEAD_TAIL.search(tail):
        # '新设东湖、西岭、南坪3个社区': the names listed are the things counted, named after the number
        verb = _LIST_VERB.search(listed.group(1).split("、")[0])
        named = match_term(tail, unit_kind)
        return (named[0] if named else None), (verb.group(0) if verb else "") + _counted(tail)
    animal = _ANIMAL.search(prefix) if unit_kind == "count" and prev[1] else None
    if animal:  # '牲畜总头数12.4万头只，其中牛1.6万头、羊9.9万只': each animal's herd, as the total was counted
        return None, animal.group(1) + ("出栏" if "出栏" in prev[1] else "存栏")
    listed_after = _EXAMPLES_AFTER.match(suffix) if unit_kind == "count" else None
    if listed_after and not _HEAD_TAIL.search(listed_after.group(1)) and not re.search(
            r"开展|参加|参与|进行|组织|实施|完成|举办|推动|帮助|带动", suffix[: suffix.find("、")]):
        # ('联动9家金融机构开展…推广、…等活动': the firms are counted, then what they did)
        # '开展26场次政策宣讲、技能培训等惠企服务活动': the examples go, what they are examples of is counted
        named = match_term(listed_after.group(1), unit_kind)
        return (named[0] if named and named[1] == len(listed_after.group(1)) else None), listed_after.group(1)
    run = _COUNT_RUN.match(suffix) if unit_kind == "count" and after else None
    if run and after and len(tail := _counted(_label(after.group(0), 0)) or run.group(1)) >= 2 \
            and not _HEAD_TAIL.search(tail):
        # '精准划分41个片区、203个网格、512个楼栋格': each count of the run names the things after it
        named = match_term(after.group(0), unit_kind)
        return (named[0] if named and named[1] == len(after.group(0)) else None), tail
    found = match_term(prefix, unit_kind)
    if found and len(prefix) - found[1] <= _MAX_GAP and not re.search(r"等|、|和", prefix[found[1] :]):
        label = _label(prefix, len(prefix))
        if not found[0].regex.search(label):
            label = _label(prefix, found[1])  # words between the name and the number are verbs, not the name
        if prev[1] and _HEAD_ONLY.fullmatch(label) and _PART_SUBJECT.search(prev[1]) and not _HEAD_TAIL.search(prev[1]):
            # '商务楼宇增至14栋,实现税收2.21亿元': the buildings' tax (a part of the total: _build drops the key)
            joined = _MEASURE_TAIL.sub("", _VERB_LEAD.sub("", prev[1])) + label
            whole = match_term(joined, unit_kind)
            return (whole[0] if whole and whole[1] == len(joined) else None), joined
        return found[0], label if len(label) >= 2 else found[0].zh
    prefix = PER_SPELLED.sub(r"\1均", prefix)  # '村（社区）平均56万元' is a per-village figure: 村均
    # '16个村（社区）集体经营性收入平均达到38.2万元': after a count of villages, an average is per village
    prefix = re.sub(r"^([村户])(?:[（(][^）)]{1,4}[）)])?([^，,。；;\d]{2,12}?)平均", r"\1均\2", prefix)
    top = _TOP_ONE.search(prefix) or _VILLAGE_LISTED.search(prefix) or _ONE_VILLAGE.search(prefix)
    if prev[1] and top:  # '其中桐坪村最高，达96万元', '…的村分别为东塘村810万元、石门村655万元': each village's figure
        return None, top.group(1) + re.sub(r"^(?:[\u4e00-\u9fff]{1,4}村(?=[\u4e00-\u9fff]{3})|村[均级]?)", "", prev[1])
    label = _label(prefix, len(prefix))
    herd = _HERD.fullmatch(label)
    if prev[1] and herd and _HERD.search(prev[1]) and not _HERD.fullmatch(prev[1]):
        # '肉鸭出栏9.6万羽,年末存栏2.3万羽': the same birds ('年末生猪存栏…，全年出栏…': no 年末 on the flow)
        return None, re.sub(r"^(?:年末|年底|全年)", "", _HERD.sub("", prev[1])) + herd.group(1)
    if prev[1] and _RAISED_TO.fullmatch(prefix.strip()):
        return prev  # '由2021年的12家增加到18家': the same measure, its later level
    if prev[1] and _NET.fullmatch(label) and not _NET.fullmatch(prev[1]):
        # '新增市场主体1180户,净增385户': 净增市场主体 ('新增入规7家，退出3家，净增4家': 净增入规, not 净增退出入规)
        return None, label + _NEW.sub("", _NET.sub("", prev[1], count=1) if _NET.match(prev[1]) else prev[1])
    if prev[1] and re.fullmatch(r"\s*累计(?:已)?(?:达到?|为|有)?\s*", re.split(r"[,，;；]", prefix)[-1]) \
            and re.match(r"\s*(?:[，,;；。]|$)", suffix):  # (not '累计860人次参加': who took part, another measure)
        # '新发展矮化密植梨园900亩，累计达到5400亩': the same measure's running total (kind: cumulative)
        total = _NEW.sub("", prev[1])
        named = match_term(total, unit_kind) if total != prev[1] else None
        return (named[0] if named and named[1] == len(total) else None) if total != prev[1] else prev[0], total
    if prev[1] and _SAME_AS_PREV.fullmatch(re.sub(r"^(?:年末|年底|期末)", "", label)):
        # "新增国家高新技术企业12家,总数达到96家", '…,年末总数为256家'
        stock = _NEW.sub("", _NET.sub("", prev[1], count=1)) + (label if label in ("总数", "总量") else "")
        named = match_term(stock, unit_kind) if prev[0] is None else None  # ('退出3家，年末在库37家': the firms')
        return (named[0] if named and named[1] == len(stock) else prev[0]), stock
    per = _PER.search(prefix, max(0, len(prefix) - 4))
    if per and re.search(r"(?:\d+|[一二三四五六七八九十两]+)个[村户]$|(?:所有|全部|各|其余|其他)[^，,]{0,3}[村户]$",
                         prefix[: per.end() - 1]) and re.match(r"\s*(?:在|超过|超|达到?|高于|不低于|突破)", prefix[per.end() :]):
        return None, ""  # '其余6个村均在30万元以上', '所有村均超过40万元': 均 says each one passes a bar, no average
    rest = re.sub(r"[^\u4e00-\u9fff]|(?:达到|达|为|是|约|超过|突破|实现)+$", "", prefix[per.end() :]) if per else ""
    # '…超过40万元的村5个，村均收入27.4万元' names its own measure; after '村集体经济收入…', 村均收入 is that income's
    own_measure = len(rest) >= 2 and not prev[1].endswith(rest)
    if prev[1] and per and not own_measure and not _label(prefix[: per.start()], 0):
        # "合计1,320万元,村均120万元": the per-village figure of the same measure
        own = re.sub(rf"^[^{per.group(1)}]{{0,3}}{per.group(1)}级?(?:[（(][^）)]*[）)])?", "",
                     re.sub(r"^(?:全[镇乡区县]|所有)", "", prev[1]))  # 村均 + 行政村集体经济收入 -> 村均集体经济收入
        return None, per.group(0) + re.sub(r"(?<=..)(?:总额|总量|合计|总数)$", "", own)  # (an average is no 总额)
    crop = re.sub(r"总$", "", _MEASURE_TAIL.sub("", re.sub(r"总产$", "产量", prev[1]))) if prev[1] and _VALUE_OF_OUTPUT.fullmatch(label) \
        else ""
    if len(crop) >= 2 and crop != prev[1] and not _HEAD_TAIL.search(crop):
        return None, crop + label  # '山楂产量1.2万吨，实现产值0.9亿元': the hawthorns' output value
    if prev[1] and _HEAD_ONLY.fullmatch(label) and not _HEAD_TAIL.search(prev[1]) and not _PEOPLE.search(prev[1]):
        joined = prev[1] + label
        found = match_term(joined, unit_kind)
        if found and found[1] == len(joined):
            return found[0], joined  # "规上工业总产值…,增加值64.5亿元"
        joined = _MEASURE_TAIL.sub("", _VERB_LEAD.sub("", prev[1])) + label  # "新签约项目4个,总投资12.5亿元"
        found = match_term(joined, unit_kind)
        return (found[0] if found and found[1] == len(joined) else None), joined
    reach = _REACH.search(prefix) or _REACH_ANY.search(prefix)
    if prev[1] and reach and reach.group(2) == label and not _REACH_VERB.search(prev[1]):
        return None, prev[1] + reach.group(1) + label  # "改造老旧小区6个,惠及居民1482户", "…涉及楼栋52栋"
    listed = re.fullmatch(r"\s*、\s*([\u4e00-\u9fff]{1,4})", prefix)
    verb = _REACH_VERB.search(prev[1]) if prev[1] and listed and listed.group(1) == label else None
    if verb:
        return None, prev[1][: verb.end()] + label  # '…涉及楼栋52栋、居民1830户': the residents it reached too
    seg = re.split(r"[,，、:：;；]", prefix)[-1].strip()
    after_noun = _AFTER.match(suffix)
    if prev[1] and not label and _VERB_ONLY.fullmatch(seg) and len(seg) <= 4 and not (
            after_noun and len(_label(after_noun.group(0), 0)) >= 2) and not re.search(r"[;；]|\d", prefix):
        # (…but never across a clause boundary or an unread figure: '超过30万人参与投票;…活动项目达35大项,共1500多场')
        # '排查矛盾纠纷428件,化解419件': the same things, another verb
        if not _LEAD_VERB.match(prev[1]):
            words = tagged(prev[1])
            verbs = len(words) - next((n for n in range(len(words) - 1, -1, -1) if words[n][1] != "v"), -1) - 1
            cut = sum(len(w) for w, _ in words[len(words) - max(verbs, 1):])
            if verbs > 1 and tagged(seg)[-1][0] == words[-1][0]:
                cut = len(words[-1][0])  # '…集中居住签约186户，累计签约642户': the same verb again, the rest is what
            if verbs and len(words[-1][0]) >= 2 and len(prev[1]) > cut + 1:
                # '加装电梯签约31部、完工14部': 加装电梯完工; '低保新增纳入18户、退出11户': 低保退出
                return None, prev[1][:-cut] + seg
        base = _VERB_LEAD.sub("", re.sub(r"^开展", "", prev[1]))
        if base.endswith(seg) and len(base) > len(seg):
            return None, base  # '开展技能培训12期,培训1500人次': the same 技能培训, counted in people
        return None, seg + _LEAD_VERB.sub("", prev[1])
    if prev[1] and len(label) <= 4 and _ATTRIBUTE.search(label) and not _PEOPLE.search(prev[1]):
        joined = prev[1] + label  # "规上工业总产值…,增加值64.5亿元"
        found = match_term(joined, unit_kind)
        if found and found[1] == len(joined):
            return found[0], joined
    if (len(label) < 2 or _COLLECTED.fullmatch(label)) and prev[1] and unit_kind in ("CNY", "USD") and not \
            prefix.strip(" ,，、").endswith(("和", "及")):
        # "年度计划总投资4.1亿元,1-9月累计完成3.3亿元", '…收入任务7800万元，截至11月底已入库7350万元': the same
        # indicator, another kind
        return prev
    if prev[1] and re.fullmatch(r"(?:平均)?(?:收购|销售|出售)?(?:均价|单价|价格)", label):
        return None, prev[1] + label  # '收购茶青86万公斤，均价12.5元/公斤': the price of what was bought (收购茶青均价)
    if prev[1] and _BARE_RATE.fullmatch(label) and unit_kind == "percent":
        stem = label[:-1]  # '全程接种15830人次、接种率98.42%': the rate of the figure before
        if prev[1].startswith(stem):
            return None, prev[1][len(stem) :] + label  # '化解矛盾纠纷419件,化解率97.9%' -> 矛盾纠纷化解率
        return None, (prev[1] + "率") if prev[1].endswith(stem) else prev[1] + label
    if unit_kind == "count" and after_noun and (re.search(r"\d", label) or label.endswith("类")):
        tail = _counted(_label(after_noun.group(0), 0))  # '“3+2”类86项审批服务事项': a code or a class is no name
        if len(tail) >= 2 and not _HEAD_TAIL.search(tail):
            found = match_term(after_noun.group(0), unit_kind)
            return (found[0] if found else None), tail
    seg = _SCOPE_TAIL.sub("", seg)  # '组织辖区25家企业参展': 辖区 says where, the verb counts 企业
    seg = re.sub(r"^[在于对向](?=[\u4e00-\u9fff]{2,4}$)", "", seg)  # '在成立14个…站的基础上': the verb after 在
    verb = (_COUNT_VERB.search(seg) or (re.search(r"([\u4e00-\u9fff]{2})$", seg) if label and len(seg) <= 6 and (
        ends_in_verb(seg) or len(seg) == 2 and tagged(seg)[-1][1] == "vn")  # '助推14项重点攻坚任务'
                                        else None) if unit_kind == "count" else None)
    if verb and len(seg) - len(verb.group(0)) <= 2:
        # '分批移交12条“三无”小巷', '提前完成45个小区“雨污分流”': the things counted follow the number
        tail = _counted(_label(after_noun.group(0), 0)) if after_noun else ""
        if after_noun and len(tail) < 2:
            tail = _clean(leading_noun(after_noun.group(0)))  # '挽留7家企业继续在本街道经营': 企业, what was kept
        lead = _clean(leading_noun(after_noun.group(0))) if after_noun and verb.group(1) not in _PLAIN_VERBS else ""
        rest = after_noun.group(0)[len(lead) :] if after_noun and lead and after_noun.group(0).startswith(lead) else ""
        if len(lead) >= 2 and rest[:1] in ("将", "把") and not _HEAD_TAIL.search(lead):
            return None, verb.group(1) + lead  # '挽留8家企业把总部继续设在本地': 挽留企业, what was done to them
        if after_noun and len(tail) >= 2 and not _HEAD_TAIL.search(tail):
            found = match_term(after_noun.group(0), unit_kind)
            if found and _SUFFIX_VERB.search(after_noun.group(0), found[1]):
                return None, tail  # '推动9家规上工业企业实施数字化改造': firms that did something, not the stock
            if found:
                return found[0], tail  # '建成35个民生实事项目': a lexicon measure
            if verb.group(1) == "新增" and not _NEW.match(tail):
                return None, "新增" + tail  # '新增216个停车位': what was added (新增停车位), not the stock of them
            return None, tail + ("" if verb.group(1) in _PLAIN_VERBS else verb.group(1))
    if len(label) < 2 and unit_kind != "percent":
        after = _AFTER.match(suffix)
        raw = after.group(0) if after else ""
        tail = _label(raw, 0)
        how = _HOW_AFTER.split(tail, maxsplit=1)[0] if unit_kind == "count" else tail
        tail = how if len(how) >= 2 else tail  # '4处易涝点按照…落实': the spots, before how they are dealt with
        found = match_term(raw, unit_kind)
        if found and _SUFFIX_VERB.search(raw, found[1]):
            found = None  # '推动9家规上工业企业实施数字化改造': firms that did something, not the stock of firms
        if unit_kind == "count" and _HEAD_TAIL.search(tail):
            return None, ""  # "8个行政村集体经济收入合计…": a count of villages, not an income
        return (found[0] if found else None), tail
    if prev[1] and label:
        return None, _sibling(prev[1], label)
    return None, label


_PERSON_UNITS = frozenset({"人", "人次", "万人", "万人次"})
# a figure that sizes the thing after its 的, when the words before it only say what is done ('加快实施超50万平方米的
# 新一轮土地整备项目', '推进约12公顷的产业用地出让'): that thing, up to the clause's end
_OF_AFTER = re.compile(r"的([\u4e00-\u9fff]{2,16}?)(?=[，,。；;、）)]|$)")
_TEAM_AFTER = re.compile(r"(?:左右|以上)?的([\u4e00-\u9fff]{2,10}?(?:团队|队伍|专班|小组|工作组|服务队|志愿队))(?=[,，。；;、]|$)")


def _people_label(prefix: str, suffix: str, unit: str) -> str:
    """'培训820人', '累计服务1.2万人次', '超过3000人参与演练': people counted by what was done for them (or what they
    did) are that verb's 人数 (人次): the verbs just before the number, or 参与/参加 and what follows it."""
    measure = "人次" if unit.endswith("人次") else "人数"
    seg = re.split(r"[,，、:：;；]", prefix)[-1]
    seg = _LEAD.sub("", re.sub(r"(?:超过|超|近|约|逾|达到?|共计?|累计|合计)+$", "", seg.strip()))
    words = tagged(seg) if 2 <= len(seg) <= 6 else ()
    if words and words[-1][1].startswith("v") and all(f[:1] in "vadm" for _, f in words[:-1]):
        return seg + measure
    took_part = re.match(r"(参与|参加)([\u4e00-\u9fff]{2,6}?)(?=$|[,，。；;、]|活动)", suffix)
    return took_part.group(0) + measure if took_part else ""


_BAND_GROUP = re.compile(r"[\d.]+[万亿]?元(?:及?以上|及?以下)的?(?:行政)?村$")
_TASK_AMOUNT = re.compile(r"(?:完成|占)[^，,。；;\d%]{0,10}?(?:任务|目标|计划)(?:数|额)?[（(]?$")


def _elided_head(sentence: str, quantities: list[Quantity], i: int) -> str:
    """'设立2个市级和9个区级示范点': a count whose grade is followed by another count of the same measure word and
    another grade names the head that follows the last grade ('市级示范点'); '' otherwise."""
    if i + 1 >= len(quantities) or quantities[i + 1].unit != quantities[i].unit:
        return ""
    q, nxt = quantities[i], quantities[i + 1]
    own = re.fullmatch(rf"({GRADE})\s*(?:和|及|与|、)\s*", sentence[q.end : nxt.start])
    after = _AFTER.match(sentence, nxt.end)
    theirs = re.match(rf"{GRADE}(.{{2,}})", after.group(0)) if own and after else None
    head = _counted(_label(theirs.group(1), 0)) if theirs else ""
    return own.group(1) + head if own and len(head) >= 2 else ""


def _counted(tail: str) -> str:
    """The things a count counts, cut where the sentence goes on ('企业赴广州参加…' -> 企业, '服务事项全面下沉' ->
    服务事项)."""
    cut = _TAIL_END.split(tail, maxsplit=1)[0]
    return cut if len(cut) >= 2 else tail


_BEFORE_TOTAL = re.compile(r"^(?:其中|全(?:街道|[镇乡区县])|辖区|今年|当年|全年|[，,\s])+")
_NEW_VERB = re.compile(r"^(?:新建|新增|新培育|新引进|新认定|新发展)")


def _stock_or_added(prefix: str, prev: Subject) -> Subject:
    """A figure named only by a total word or a verb, after a figure of the same unit: '今年新建社区菜园12个，全街道累计
    达到57个' (the 菜园 in all: the label without its 新建), '口袋公园达到23个，其中今年新建6个' (新建 + the 公园)."""
    said = _BEFORE_TOTAL.sub("", prefix).strip()
    if re.fullmatch(r"(?:累计|总数|总量|共计?|合计)(?:达到?|有|为|增至|增加到)?", said):
        stock = _NEW_VERB.sub("", prev[1])
        return (None, stock) if len(stock) >= 2 else (None, "")
    if prefix.lstrip(" ，,").startswith("其中") and 2 <= len(said) <= 3 and _NEW_VERB.fullmatch(said):
        return None, said + prev[1]
    return None, ""


# a clause that is only a time word and verbs before a count ('，年内完工17台'): done to the thing counted just before
_BARE_VERBS = re.compile(r"\s*[，,]?\s*(?:年内|全年|当年|今年|年底前)*((?:竣工|完工|建成|投用|交付|开工|投运|运行|签约|"
                         r"验收|通过验收|启用|办结|化解|整改|销号)(?:投用|运行|使用)?)\s*")


# words that pick out some of the things counted ('标准化初制所', '示范社'): a count of them is no name of the whole
_SUBSET_MARK = re.compile(r"第[一二三四五六七八九十\d]{1,2}代|新一代|新型|标准化|规范化|示范|星级|精品|高标准|[省市区县]级|重点|龙头|优质|特色|智能|数字")
# a clause naming its measure, then a change on last year ('大豆面积比上年增加'): the measure, and its change
_OWN_CHANGE = re.compile(r"([^，,；;。\d]*?[\u4e00-\u9fff]{2})(?:同比|较上年同期|比上年同期|较上年|比上年|较去年|比去年|与上年相比)"
                         r"(?:净)?(?:增加|增长|减少|下降|增产|减产|增收|减收|多|少)了?")


def _object_shared(prev: str, label: str) -> str:
    """'加装电梯签约41台、竣工运行18台': a list item named only by verbs is done to the thing the item before names
    ahead of its own verbs (加装电梯), so it takes those words; any other label is kept."""
    mine, before = tagged(label), tagged(prev)
    if not mine or any(f not in ("v", "vn") for _, f in mine):
        return label
    cut = len(before)
    while cut and (before[cut - 1][1] in ("v", "vn") or before[cut - 1][0] in ("立项", "备案", "签约")):
        cut -= 1
    if cut == len(before) or cut == 0 or before[cut - 1][1][:1] != "n":
        return label
    return "".join(w for w, _ in before[:cut]) + label


def _sibling(prev: str, label: str) -> str:
    """'城市更新完工项目3个,开工项目5个': a verb and the same head after the previous label's verb and head name the
    same kind of thing in another state, so the label takes the previous label's words before its verb."""
    before, mine = tagged(prev), tagged(label)
    if len(mine) != 2 or len(before) < 3 or mine[-1] != before[-1] or len(mine[-1][0]) < 2:
        return label
    if mine[0][1] != "v" or before[-2][1] != "v" or mine[0][0] == before[-2][0]:
        return label
    return "".join(w for w, _ in before[:-2]) + label


def _share_of(prefix: str, prev: Subject) -> Subject:
    """A share ('X占全区18%') measures X; X that repeats part of the figure before it ('入库量' after
    '土地移交入库') is that figure's indicator."""
    head = prefix[: prefix.rfind("占")] if "占" in prefix else prefix
    label = _label(head, len(head))
    if prev[1] and (not label or len(label) <= 3 and any(label[n : n + 2] in prev[1] for n in range(len(label) - 1))):
        return prev
    found = (match_term(label, "percent") or match_term(label)) if label else None  # a share of 工业投资 is still 工业投资's
    return (found[0] if found and found[1] == len(label) else None), label


def _own_or_prev(prefix: str, prev: Subject) -> Subject:
    """A growth or completion rate belongs to the figure before it unless it names its own subject."""
    stripped = YOY.split(COMPLETION.split(prefix)[0])[0]
    found = match_term(stripped)
    if found and len(stripped) - found[1] <= _MAX_GAP and not _OTHER_MEASURE.search(stripped[found[1] :]):
        label = _label(stripped, found[1])
        return found[0], label if len(label) >= 2 else found[0].zh
    label = _label(stripped, len(stripped))
    if len(label) >= 2 and not (prev[1] and (re.fullmatch(r"规模|总量|总额|数额|金额|绝对额|(?:任务|计划|目标)?进度", label)
                                             or re.search(r"第$", label))):  # ('…12个乡镇第3位，完成…的86.1%')
        return None, label  # "、死亡人数下降35.2%" names its own subject ('规模达目标进度的51%' is the one before's)
    return prev


# '岚坑、鹊溪两村': the last named item, then how many places of which kind are listed
_UNITS_NAMED = re.compile(r"(.+?)(?:[两二三四五六七八九十\d]+个?)(村|社区|镇|乡|街道)")
# an area planted, the clause right before a list of crops ('中药材种植0.65万亩，')
# ('…播种面积8.2万亩，大春、小春分别为…；大豆、玉米分别为…': clauses of areas between keep the lead)
_AREA = r"\d[\d.,]*\s*(?:万?亩|公顷|平方米)"
_PLANTED_BEFORE = re.compile(rf"(种植|播种)[^，,。；;\d]{{0,6}}?{_AREA}(?:[，,；;][^。，,；;\d]*{_AREA}(?:[^。，,；;\d]*{_AREA})*)*"
                             r"[，,；;]\s*$")
_MEASURE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:收入|产值|总额|面积|产量|人口)")  # the measure those places share


def _respectively(sentence: str, quantities: list[Quantity], carried: str = "") -> dict[int, str]:
    """'A、B同比(分别)下降x%、y%', 'A和B分别达到x元和y元': map the listed subjects onto the numbers by position.
    `carried`: the subject named last before a ； that opens this part of the sentence."""
    out: dict[int, str] = {}
    i = 0
    while i < len(quantities):
        j = i
        while j + 1 < len(quantities) and sentence[quantities[j].end : quantities[j + 1].start] in ("、", "和", "及"):
            j += 1
        if j > i:
            clause = _clause_of(sentence, quantities[i])
            # (…from the last ； on: '…分别为5.1万亩和3.1万亩；大豆、玉米分别为…' lists other things)
            head = re.split(r"同比|分别|依次|(?<!人)均|各(?=[为达])|占",
                            re.split(r"[；;]", sentence[clause.start : quantities[i].start])[-1])[0]
            # ('A、B和C三项指标依次为…': the count of indicators goes, the names stay)
            head = _LEAD.sub("", re.sub(r"(?:\d+|[一二两三四五六七八九十]+)[项个](?:主要)?(?:经济)?指标$", "", head.strip()))
            items = [x for x in re.split(r"、|和|及", head)]
            ordinal = re.match(r"^第?([一二三四五六七八九十])(.{2,})$", items[-1])
            if ordinal and len(items) >= 2 and all(re.fullmatch(r"第?[一二三四五六七八九十]", x) for x in items[:-1]):
                # '第一、二、三产业增加值分别为…': 第一产业增加值, 第二产业增加值, 第三产业增加值
                items = [f"第{x.lstrip('第')}{ordinal.group(2)}" for x in items[:-1]] + \
                    [f"第{ordinal.group(1)}{ordinal.group(2)}"]
            units = _UNITS_NAMED.fullmatch(items[-1]) if len(items) == j - i + 1 else None
            if units and all(2 <= len(x) <= 4 for x in [*items[:-1], units.group(1)]):
                # '其中岚坑、鹊溪两村分别达到68.2万元和55.7万元': each village's figure of the measure before
                measure = _MEASURE_BEFORE.findall(sentence[: clause.start])
                own = re.sub(r"^[个村户]+", "", measure[-1]) if measure else ""
                items = [x + units.group(2) + own for x in [*items[:-1], units.group(1)]]
            # (…or before the ； this part follows: '…播种面积8.2万亩，大春、小春分别为…；大豆、玉米分别为…')
            planted = _PLANTED_BEFORE.search(sentence, 0, clause.start) or (
                re.search(r"(种植|播种)面积$", carried) if not sentence[: clause.start].strip() else None)
            if planted and len(items) == j - i + 1 and all(0 < len(x) <= 4 and not _MEASURE_TAIL.search(x) for x in items) \
                    and not any(re.search(r"基地|园|场|大棚|示范|新建|建成|发展|改造", x) for x in items) \
                    and all(q.unit and UNITS[q.unit].normalized_unit == "m2" for q in quantities[i : j + 1]):
                # '中药材种植0.8万亩，柴胡、丹参分别为0.5万亩和0.3万亩': each crop's planted area
                items = [x + ("播种面积" if planted.group(1) == "播种" else "种植面积") for x in items]
            if len(items) == 1 and j - i == 1 and "城乡" in items[0]:
                # '城乡居民人均可支配收入分别达到X元和Y元': the towns' (城镇) first, the countryside's (农村) second
                items = [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
            if len(items) == j - i + 1 and all(items):
                tail = _clean(items[-1])
                head_item = _clean(items[0])
                for n, item in enumerate(items):
                    if n < len(items) - 1 and len(item) <= 3 and len(tail) > len(item):
                        item = complete_item(item, tail)  # 城镇和农村居民人均可支配收入 -> 城镇居民人均可支配收入
                    elif n and len(item) <= 4 and re.search(r"[数量额率]$", head_item) and len(head_item) > len(item):
                        item = head_item[:-2] + item  # 安全事故宗数、死亡人数 -> 安全事故死亡人数
                    out[i + n] = item
        i = j + 1
    return out


def _part_of(label: str, whole: str) -> str:
    """A 其中 part that words only its own modifier and the measure ('投产面积') keeps what the whole names before
    that ('井冈蜜柚种植面积' -> '井冈蜜柚投产面积')."""
    if re.match(r"[\u4e00-\u9fff]{2,4}[村组](?![均级])", label) and not whole.startswith(label[:3]):
        return label  # '村均52万元，其中柳沟村117万元': one village's own figure, named already
    if re.fullmatch(r"[\u4e00-\u9fff]{1,2}[外内]|本地|外地|本省|本市|本县|本区", label) and not whole.startswith(label):
        return label + whole  # '内资到位额9.6亿元，其中省外5.1亿元': the whole's share from there (省外内资到位额)
    where = re.fullmatch(r"([\u4e00-\u9fff]{1,2}[外内]|本地|外地)([\u4e00-\u9fff]{2})", label)
    if where and whole.startswith(where.group(2)) and len(whole) > len(where.group(2)) + 1:
        return where.group(1) + whole  # '转移富余劳动力…，其中疆外转移831人次': 疆外转移富余劳动力
    new = _NEW.match(whole)
    if new and not _NEW.match(label) and len(label) <= 4 and not re.search(r"[率比]$", label):
        return new.group(0) + label  # '新增市场主体1020户,其中企业310家': 新增企业
    crop = re.match(r"(.{2,8}?)(种植面积|播种面积|面积|产量)$", whole)
    if crop and re.match(r"(?:当年)?(?:新|投产|挂果|开割|结果|可采|采摘|盛果|初果|丰产)", label) and len(label) <= 4 \
            and not label.endswith(("面积", "产量")):
        measure = "面积" if "面积" in crop.group(2) else crop.group(2)
        subject = re.sub(r"(?<=..)总$", "", crop.group(1))  # ('茶园总面积…,其中投产茶园…': the 茶园)
        if label.endswith(subject):
            return label + measure  # '茶园面积…,其中投产茶园…' -> 投产茶园面积
        return subject + label + measure  # 其中新植 -> 黄花菜新植面积
    if crop and crop.group(2) == "产量" and re.fullmatch(r"出口|外销|内销|销售|加工|商品化|收购|调出", label):
        return re.sub(r"(?<=..)总$", "", crop.group(1)) + label + "量"  # '鸭梨总产量…，其中出口…' -> 鸭梨出口量
    if crop and label.endswith(crop.group(2)) and 1 <= len(label) - len(crop.group(2)) <= 4 \
            and crop.group(1) not in label:
        return crop.group(1) + label  # '铁皮石斛种植面积…,其中仿野生种植…' -> 铁皮石斛仿野生种植面积
    for n in (3, 2):
        tail = label[-n:]
        mod = len(label) - n
        if 1 <= mod <= 2 and whole.endswith(tail) and len(whole) - n - mod >= 2 and label[:mod] != whole[-n - mod : -n]:
            head = whole[: len(whole) - n - mod]
            # '税收超千万元楼宇…,其中超亿元楼宇': the part's 超 stands for the whole's, once (税收超亿元楼宇)
            return (head[:-1] if head.endswith(label[0]) else head) + label
    for n in (3, 2):  # '村集体经济总收入…,其中经营性收入…': the whole less its 总 and measure, then the part
        stem = whole[:-n - 1] if whole.endswith("总" + label[-n:]) else ""
        if len(stem) >= 2 and 1 <= len(label) - n <= 4 and label[:-n] not in whole:
            return stem + label
    if len(label) <= 4 and all(flag.startswith("v") for _, flag in tagged(label)) and not whole.endswith(label):
        return whole + label  # '低保430户，其中新增纳入18户': the whole's additions, never a bare verb
    return label


def complete_item(item: str, last: str) -> str:
    """A short list item borrows the measure its last sibling names: '工业' + '服务业投资' -> '工业投资',
    '城镇' + '农村居民人均可支配收入' -> '城镇居民人均可支配收入', '生猪' + '羊出栏' -> '生猪出栏' (the last item less
    its first word)."""
    if any(start == len(item) and end - start >= 2 for _, start, end in jieba().tokenize(last, mode="search")) \
            or len(last) - len(item) >= 2 and last[len(item) - 1] == item[-1]:
        # '农村|居民…': the modifiers are the same length; so are '鲜枣' and '干枣' ('鲜枣、干枣线上销售额',
        # which the segmenter cuts '干|枣线|上')
        return item + last[len(item) :]
    words = jieba().lcut(last, HMM=False)
    if len(words) < 2 and len(last) - len(item) < 2:
        return item  # '辣椒、蔬菜、中药材': one word, one character left over (材), is no shared measure
    if len(words) < 2 or len(last) - len(words[0]) < 2:  # '治安警|情': one character is no shared measure
        return item + last[len(item) :]
    return item + last[len(words[0]) :]


def _clause_of(sentence: str, q: Quantity) -> _Clause:
    """The comma-delimited clause holding `q`, widened to the previous clause when it names nothing."""
    starts = [0] + [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, q.start)]
    start = starts[-1]
    if q.start - start < 3 and len(starts) > 1:
        start = starts[-2]
    end_m = _CLAUSE_SEP.search(sentence, q.end)
    end = end_m.start() if end_m else len(sentence)
    return _Clause(start, sentence[start:end])


def _label(prefix: str, end: int) -> str:
    """A clean Chinese label for the figure: the noun phrase just before it, minus time words, filler and verbs."""
    text = prefix[:end] if end else prefix
    segment = re.split(r"[,，:：;；]", text)[-1]
    # '赴甲地、乙地等地开展外出招商活动(5次)': where it was done, no part of what is counted
    segment = re.sub(r"(?:赴|到|前往|去)[^,，;；]{1,30}?等(?:地|省市|城市|地区)(?=[\u4e00-\u9fff]{2})", "", segment)
    examples = re.match(rf"({_EXAMPLE_VERBS})[^,，;；]{{2,30}}?等([\u4e00-\u9fff]{{2,6}})$", _TRAIL.sub("", segment))
    if examples:  # '解决企业用工、减免租金等问题': the examples go, the verb and what it counts stay
        return _clean(examples.group(1) + examples.group(2))
    items = segment.split("、")
    if len(items) >= 3 and segment.rstrip().endswith("等"):  # '力争2024年新增A、B、C等42家': the list from its verb
        items[0] = re.sub(r"^.*?(?=(?:新增|新培育|培育|新引进|引进|新认定|认定)[^、]{2,8}$)", "", items[0])
    after_verb = re.search(rf"(?:{_EXAMPLE_VERBS})([^、]{{2,8}})$", items[-2]) if len(items) >= 2 else None
    if after_verb and len(items[-1]) <= 6:  # '…街道办理人大建议、政协提案共98件': both items, not the place
        items[-2] = after_verb.group(0)
    if (len(items) >= 2 and items[-2] and len(items[-2]) <= 8 and len(items[-1]) <= 6
            and not re.search(r"[\d一二两三四五六七八九十]", items[-2]) and not _VERB_ONLY.match(items[-1])
            and _clean(items[-2])):
        listed = len(items) <= 5 and segment.rstrip().endswith("等") \
            and all(0 < len(it) <= 8 and not re.search(r"[\d一二两三四五六七八九十]", it) for it in items)
        # '整治占道、乱摆卖、乱堆放等2.1万宗': a list closed by 等 is one figure of every item
        return _clean("、".join(items if listed else items[-2:]))  # '受理群众来信、来访86件': one figure of both
    framed = re.match(r"[^、]*?等[\u4e00-\u9fff]{0,10}?(?:项目|工程|地块|片区|领域|行业)(?:中|里|内)(?=[\u4e00-\u9fff]{2})",
                      items[-1])
    if framed:  # '在轨道6号线、…医院等重大项目中累计完成土地整备41万平方米': where it was done frames the measure
        return _clean(items[-1][framed.end() :])
    given_to = re.match(r"[^、]*?(?:群体|人群|对象|家庭|人员|群众|老人|儿童|残疾人|企业|农户|学生)(?=(?:发放|提供|兑现|拨付|落实)"
                        r"[\u4e00-\u9fff]{2})", items[-1]) if len(items) >= 2 or "等" in items[-1] else None
    if given_to:  # '向孤寡老人、…等困难对象发放慰问金近80万元': who received it frames what was paid
        return _clean(items[-1][given_to.end() :])
    actors = re.match(r"[^、]*?(?=(?:成立|设立|建立|组建|建成|开展|举办|创建)[\u4e00-\u9fff]{2})", items[-1]) \
        if len(items) >= 2 and re.search(ACTORS_MOVED, items[0]) else None
    if actors and actors.end():  # '推动企业、园区成立交通劝导站27个': who was moved to do it frames what was done
        return _clean(items[-1][actors.end() :])
    return _clean(items[-1])


def _clean(text: str) -> str:
    """Strip filler; '' when what is left is no noun phrase (a fragment, a verb, a place)."""
    text = re.sub(r"\s+", "", season_years(text)).strip("“”\"'‘’").lstrip("·•（(—－-")
    text = re.sub(rf"^(?:19|20)\d\d(?={SEASON_AFTER_YEAR})", "", text)  # '2024/2025榨季甘蔗入厂' is the season's 榨季甘蔗入厂
    if not _SLOGAN.search(text):
        text = re.sub(r"[“”]", "", text)  # '“三无”小巷' -> '三无小巷'; a slogan (“两个维护”) keeps its quotes
    text = re.sub(r"[（(][^）)]{1,4}[）)]", "", text)  # 限额以上批发业（单位）销售额, 村（社区）: the short aside goes
    text = re.sub(r"(?<=..)[（(][^）)]{5,16}[）)]$", "", text)  # 税收收入（含某类款项）: a trailing note on the scope
    text = re.sub(r"(?<=.)(?:绝对额|绝对值|绝对量)$", "", text)  # 固定资产投资绝对额 is 固定资产投资
    text = re.sub(r"(?<=..)累计(?=[\u4e00-\u9fff]{2})", "", text)  # '规上工业企业累计营业收入': a running total (its kind)
    text = re.sub(r"^(?:惠及|涉及|参与|带动|覆盖|服务(?!业)|高于|低于)", "", text)
    text = re.sub(r"^[^，,、]{2,12}?后(?=净增|净减|新增|累计|共)", "", text)  # '剔除退库企业后净增3家': context
    text = re.sub(r"^[^，,、]{0,8}?将(?:紧盯|力争|确保|努力|争取|全力|继续|实现|完成)?", "", text)  # 度假区将紧盯全年…
    text = re.sub(r"(?<=..)[由从](?:19|20)\d\d年[^\d，,。；;]{0,6}?时的?$", "", text)  # '发生率由2015年建档立卡时(的9.8%)'
    text = re.sub(r"(?<=.)[由从]?(?:19|20)\d\d年(?:度|底|末)?的?(?:实现|完成)?", "", text)  # 龙头集团2020年实现产值 -> 龙头集团产值
    # '综合执法上半年立案结案': the period inside the name is no part of it
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:上半年|下半年|前三季度|今年以来)(?:累计)?(?=[\u4e00-\u9fff]{2})", "", text)
    text = re.sub(r"^([\u4e00-\u9fff]{2,4})全年(?!任务|目标|计划)(?=[\u4e00-\u9fff]{2,3}$)", r"\1", text)  # ('片区全年客流': 片区客流)
    for _ in range(3):
        before = text
        text = _TRAIL.sub("", _LEAD.sub("", re.sub(r"^(?:\d{0,2}[.．、)）]|[一二三四五六七八九十]{1,3}[）)、]|[一二三四五六七八九十]是)", "", text))).strip("“”\"'‘’")
        # '县下达我镇一般公共预算收入(任务…)': who set the task, no part of the measure's name
        text = re.sub(rf"^{_SETTER}下达{_SET_FOR}(?=[\u4e00-\u9fff]{{4}})", "", text)
        if text == before:
            break
    if re.fullmatch(rf"(?:年初|年内|全年)?{_SETTER}(?:下达|确定|制定|设定|定){_SET_FOR}", text):
        return ""  # '全年市下达目标(3900万元)', '年初确定的目标为…': who set it, or when, no name
    text = re.sub(r"(?<=..)\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?$", "", text)  # '工业开票销售1-11月(累计…)': the period
    text = re.sub(r"(?<=[\u4e00-\u9fff”]{4})(?:全年|当年|年内|今年|年底前)$", "", text)  # ('新增“四上”企业全年(达到8家)')
    # '村集体经济总收入在2024年860万元的基础上(增长8%)': the base and the rise are the income's
    text = re.sub(r"(?<=..)在(?:[^在]{0,16}的?基础上)?$", "", text)
    text = re.sub(r"(?<=..)稳产$", "产量", text)  # '原煤稳产2860万吨': the output, held steady
    text = re.sub(r"(?<=..)已?于$", "", text)  # '7个贫困村已于(2018年全部出列)'
    text = re.sub(r"(?<=..)[由从](?:年初|年前|上年|去年|上年[底末]|去年[底末])?$", "", text)  # '入驻率由年初(的64.5%…)'

    pairs = [m.span() for m in _SECTOR_PAIR.finditer(text)]  # '限额以上批发零售和住宿餐饮业营业额': one measure
    joins = [m for m in _CONJ.finditer(text) if not any(a <= m.start() < b for a, b in pairs)]
    if joins:
        text = _LEAD.sub("", text[joins[-1].end() :])  # '道路建设和东片区' -> '东片区' (then rejected below)
    done = _MID_VERB.search(text)
    if done and len(text) - done.end() >= 2 and not _FRAGMENT.search(text[done.end() :]):
        if _TIME_BEFORE.search(text[: done.start()]):
            text = text[done.end() :]  # '某片区项目年底前完成工业用地': what was completed is the measure
        else:
            text = text[: done.start()] + text[done.end() :]  # '商务楼宇实现税收' -> '商务楼宇税收'

    per_after = re.fullmatch(r"(.{2,}?)([村户人])均", text)
    if per_after:  # '村级集体经营性收入村均' -> '村均集体经营性收入'
        text = per_after.group(2) + "均" + re.sub(rf"^{per_after.group(2)}级?", "", per_after.group(1))
    run_in = re.match(r"^.{3,}?(?:全年|今年以来|一年来|全镇|全乡)(?=.{2,}$)", text)
    rest = text[run_in.end() :] if run_in else ""
    if run_in and tagged(rest)[:1] and tagged(rest)[0][1].startswith("v") and not _VERB_ONLY.fullmatch(rest):
        # '便民服务热线全年受理群众诉求': the subject, then 全年 and its verb: one measure
        text = text[: run_in.end()].removesuffix("全年") + rest if run_in.group(0).endswith("全年") else text
    elif run_in and re.search(r"(?:片区|景区|园区|基地|小区|社区)(?:全年|今年以来|一年来)$", run_in.group(0)):
        text = re.sub(r"(?:全年|今年以来|一年来)$", "", text[: run_in.end()]) + rest  # '某谷片区全年迎客': the zone's
    elif run_in:  # '楼宇经济量质齐升全年街道税收收入': a run-in heading before the figure's own words
        text = _LEAD.sub("", rest) or text
    verbs = _VERBS_LAST.search(text)
    if verbs and len(verbs.group(0)) >= 4 and verbs.start() >= 4 and re.search(r"推动|争取|力争|确保", verbs.group(0)):
        return ""  # '提升老街业态争取推动(至少3个老旧市场…)': a run-in clause, then verbs; the thing is after
    if len(text) > _MAX_LABEL:
        text = text[-_MAX_LABEL:]
    if len(text) < 2 or _VERB_ONLY.fullmatch(text) or _FRAGMENT.search(text) or _PLACE_TAIL.search(text):
        return ""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return ""
    return text


# a colon opening a list of goals ('全年目标为：', '预期目标：'), the last colon before the figure
_GOALS_LISTED = re.compile(r"(?:目标|任务)(?:为|是)?[：:](?=[^：:]*$)")


_COVERS = re.compile(r"(?:涉及|惠及|覆盖|包括|包含|含)[\u4e00-\u9fff]{0,8}")


# a part of a running total that is the year's own ('其中今年拆除', '其中2023年新增')
_YEARS_OWN = re.compile(r"^\s*其中\s*(?:今年|当年|本年|年内|全年|20\d\d年)")


def _kind(section: Section, sentence: str, clause: _Clause, q: Quantity) -> Kind:
    before = sentence[clause.start : q.start]
    unit_kind = UNITS[q.unit].normalized_unit if q.unit else ""
    # a programme's quoted name ('开展“青禾计划”等活动') is no plan wording, nor the tail of one a clause opens in
    named = re.sub(r"^[^“”]*”|“[^”]*”", "", before)
    # …nor a plan a clause before names as a thing ('出台…人才推进计划,组织6场宣讲'): 计划 closing its clause
    named = re.sub(r"(?<=推进|行动|实施|工作|发展|提升|帮扶|培育|振兴|建设|攻坚|育苗|人才)计划(?=[,，;；])", "", named)
    if section.part == "plan" or PROJECTED.search(named) or _LISTED_TARGETS.match(sentence, q.end):
        return "target"  # ('锚定增长7%、投资突破40亿元、税收9.8亿元的目标': each item of the list is aimed at)
    if unit_kind in ("times", "percent") and _RATE_RUN_OF_PLAN.search(sentence[: q.start]) or \
            unit_kind == "times" and COMPLETION.search(before):
        # 完成年度任务的1.4倍; '分别为年度任务的1.5倍和1.2倍', '分别达到序时目标的102%、96%、101%': the later ones too
        return "completion_rate"
    if unit_kind == "percent" and q.unit in ("个百分点", "百分点") and _ABOVE_AVERAGE.search(before):
        return "actual"  # '增速高于全县平均1.8个百分点': a gap to the average, no growth of its own
    if unit_kind == "percent" and _AIMED_GROWTH.search(before):
        return "target"  # '全年税收预期目标增长6%': the growth aimed at, in a review's indicator line
    if unit_kind == "percent":
        tail = _AFTER_FIGURE.split(before)[-1]  # the words since the last figure of the clause
        if tail != before and re.fullmatch(r"\s*[、和及与]\s*", tail) and YOY.search(before) \
                and not COMPLETION.search(before) and not SHARE.search(before):
            return "yoy_growth"  # '同比增长分别为5.2%、2.7%、18.4%': the run's later rates are growth too
        # '贫困发生率从…下降到0.8%' is the level it fell to, not a fall of 0.8% ('增速提高到6.5%' is a growth rate)
        to_level = bool(_TO_LEVEL.search(before)) and not _RATE_NAMED.search(before)
        if tail != before and (YOY.search(tail) and not to_level or _SIGNED.match(q.number_text)) \
                and not COMPLETION.search(tail):
            return "yoy_growth"  # '占任务数的47.2%（同比增长8.9%）', '产值52.36亿元（+7.8%）'
        if COMPLETION.search(before):
            return "completion_rate"
        if SHARE.search(before) and not q.negative and (not YOY.search(before[-8:]) or _TO_LEVEL.search(before)):
            return "share"  # '占固定资产投资比重下降到22.8%' is the share now, not a growth rate
        if YOY.search(before[-8:]) and not to_level or q.negative:
            return "yoy_growth"
    if TARGET_AFTER.match(sentence[q.end :]):
        return "target"  # 突破60亿元目标
    goals = _GOALS_LISTED.search(sentence[: q.start])
    if goals and not DONE.search(sentence[goals.end() : q.start]):
        return "target"  # '年初确定的全年目标为：财政总收入3.2亿元，固定资产投资8亿元': every item of the list
    if re.search(r"(?:任务|目标|计划)(?:数|额)?[（(]?$", before) and re.match(r"[)）]?(?:任务|目标)?(?:进度)?的\s*\d", sentence[q.end :]):
        return "target"  # '完成全年任务0.98亿元的43%', '…任务（9600万元）进度的71.2%': the task, then the share done
    if re.search(r"(?:任务|目标|计划)(?:数|额)?[（(]$", before) and re.match(r"\s*[)）]", sentence[q.end :]):
        return "target"  # '超额完成区下达的年度任务（40万平方米）': the task, in brackets after the result
    if TARGET.search(named) and not DONE.search(_AIMED.sub("", before)):
        return "target"
    lead = sentence[max(0, clause.start - 40) : clause.start]
    if _COVERS.fullmatch(before.strip()) and TARGET.search(re.split(r"[,，;；]", lead.rstrip(",，;； "))[-1]) \
            and not DONE.search(lead):
        return "target"  # '土地入库任务16.5公顷,涉及项目18个': what the task covers is planned too
    if CUMULATIVE.search(sentence[: q.start]) and not _YEARS_OWN.search(before):
        return "cumulative"  # (…'累计拆除86.3万平方米，其中今年拆除31.2万平方米': the year's own part)
    return "actual"


def period_of(report: Report, section: Section, sentence: str, pos: int | None = None,
              before: str = "", flow: bool = False) -> tuple[str, str]:
    """(period code, source) of a figure at `pos` in `sentence`: its clause, then the sentence before it (back to
    the last 。, across ；), then the section heading, then the report ('2023M01-M10', 'clause'). `before` is
    the text in front of `sentence`; `flow`: the figure is money over a span. Plan text: the plan period."""
    if section.part == "plan":
        return f"{report.plan_period or 'unknown'}-plan", "report"
    base = report.period_covered or "unknown"
    year = base[:4] if base[:4].isdigit() else None
    pos = len(sentence) if pos is None else pos
    if year and _LAST_YEARS.search(sentence, max(0, pos - 6), pos) and re.fullmatch(r"\d{4}", base):
        return str(int(year) - 1), "clause"  # '比上年的2.32万吨': the year before the report's
    own = _YEAR_BEFORE.search(sentence, max(0, pos - 14), pos)  # "由2020年的12.4亿元增长到2023年的20.5亿元"
    if own and year and int(own.group(1)) <= int(year):
        return own.group(1), "clause"
    cuts = [0] + [m.end() for m in _CLAUSE_SEP.finditer(sentence, 0, pos)]
    end_m = _CLAUSE_SEP.search(sentence, pos)
    end = end_m.start() if end_m else len(sentence)
    for n, start in enumerate(reversed(cuts)):
        stop = end if n == 0 else cuts[len(cuts) - n]
        seg = sentence[start:stop]
        # '…4.72亿元（2018年4.35亿元）,同比增长8.5%': a year in brackets is the base's, never a figure's outside them
        seg = seg[: pos - start] + _BASE_AFTER.sub(" ", seg[pos - start :]) if n == 0 else _BASE_AFTER.sub(" ", seg)
        found = period_in(_PERIOD_NOISE.sub(" ", seg), year)
        if found:
            return found, "clause" if n == 0 else "sentence"
    # "1-10月,实现财政总收入…;一般公共预算收入7.36亿元": a period opening the sentence holds across its ；
    lead = _opening(_BASE_AFTER.sub(" ", re.split(r"[。！？\n]", before[-300:])[-1]))  # ('…，预计上半年可完成18亿元；' opens nothing)
    found = period_in(_PERIOD_NOISE.sub(" ", lead), year) if lead.strip() else None
    if found:
        return found, "sentence"
    # "1-10月,实现财政总收入…。…固定资产投资完成8.8亿元": a paragraph opened by a period holds to its end
    # (the paragraph's start: after a line break, or the section's start when `before` reaches it)
    opener = _PARA_OPENER.match(before.rsplit("\n", 1)[-1]) if "\n" in before or len(before) < 300 else None
    found = period_in(opener.group(0), year) if opener else None
    if found:
        return found, "paragraph"
    # '…增长4.4%。1-11月，完成规上工业总产值…。完成固定资产投资93.6亿元': a sentence of the paragraph opened by a
    # period holds to the paragraph's end, until a sentence names the full year ('预计全年…', '全年…'); for money
    # that flows over the months only (`flow`): a count a later sentence gives ('…千万级楼宇达到7栋') is the year's
    paragraph = before.rsplit("\n", 1)[-1] if flow and ("\n" in before or len(before) < 300) else ""
    inner = list(_INNER_OPENER.finditer(paragraph))
    if inner and not _FULL_YEAR_AFTER.search(paragraph, inner[-1].end()):
        found = period_in(inner[-1].group(1), year)
        if found:
            return found, "paragraph"
    found = period_in(_PERIOD_NOISE.sub(" ", section.heading), year)
    if found:
        return found, "section"
    return base, "report"


def _plan_year_said(report: Report, sentence: str, before: str) -> bool:
    """A target's sentence, or the one before it in its paragraph, names the report's plan year, later than the
    year it reviews ('会议指出，2025年是攻坚之年。镇将锚定…的目标'): the aim is that year's."""
    plan, covered = (report.plan_period or "")[:4], (report.period_covered or "")[:4]
    if not (plan.isdigit() and covered.isdigit() and int(plan) > int(covered)):
        return False
    last = re.split(r"[。！？]", before.rsplit("\n", 1)[-1])[-2:]  # the sentence before, in the same paragraph
    said = re.compile(rf"{plan}\s*年(?!度?(?:工作)?(?:会|大会))")  # (not '2025年工作会议': the meeting)
    return bool(said.search(sentence) or any(said.search(x) for x in last))


def _build(report: Report, section: Section, chunks: list[Chunk], sent_start: int, q: Quantity,
           term: Term | None, label: str, clause: _Clause, kind: Kind, provisional: bool,
           sentence: str, estimated: bool = False) -> Indicator | None:
    if term is None and len(label) < 2:
        return None  # a number with no nameable subject is not an indicator
    value = -abs(q.value) if (q.negative and kind in ("yoy_growth", "yoy_change", "target")) else abs(q.value)
    if q.unit is None:
        raise ExtractionError(f"figure {q.number_text!r} has no unit (extraction keeps only figures with units)")
    norm_value, norm_unit = normalize(value, q.unit)
    start = sent_start + clause.start
    quote = clause.text
    if kind == "yoy_growth" and q.negative and str(_fmt(abs(q.value))) not in quote:
        return None
    label_zh = age_spans(label if len(label) >= 2 else (term.zh if term else label))  # ('60至79岁人群': 60-79岁)
    # ('发生各类安全生产事故17宗': every kind, the whole; 发生 is how they came about, no part of the name)
    label_zh = re.sub(r"^(?:发生|出现)?(?:各类|各种)(?=[\u4e00-\u9fff]{2})|^(?:发生|出现)(?=[\u4e00-\u9fff]{0,6}(?:事故|案件|火灾|警情|纠纷)$)",
                      "", label_zh)
    crop = _CROP_VERB.fullmatch(label_zh) if norm_unit == "m2" else None
    if crop:  # '种植烤烟4200亩' is the 烤烟种植面积, as other reports word it
        label_zh = crop.group(2) + ("播种面积" if crop.group(1) == "播种" else "种植面积")
    made = re.fullmatch(r"(?:年|全年)?(?:产出?|生产)(?![量值能])([\u4e00-\u9fff]{1,6})", label_zh) if norm_unit == "t" \
        else None  # ('年产量' is already the output)
    if made:  # '产干茶1860吨' is the 干茶产量
        label_zh = made.group(1) + "产量"
    if norm_unit == "t":  # '种植马铃薯…，预计总产5.8万吨': the crop's output (马铃薯总产量), no planting
        label_zh = re.sub(r"^(?:种植|种|栽培)(?=[\u4e00-\u9fff]{2,}(?:总产量?|产量)$)", "", label_zh)
    own = report.street or ""
    for name in (own, re.sub(r"(?:街道|镇|乡)$", "", own)):
        if len(name) >= 2 and label_zh.startswith(name) and len(label_zh) - len(name) >= 2 \
                and not re.match(r"[村组]|社区", label_zh[len(name) :]):  # 桐溪村 in 桐溪乡 is a village of its own
            label_zh = label_zh[len(name) :]  # '2024年,某街道完成税收…': the report's own place is no part of the name
            break
    other = _OTHER_PLACE.match(label_zh)
    if other and own and not own.startswith(other.group(1)):
        return None  # '江南街道棚改征收签约突破900户' (a sidebar headline): another place's figure, never this one's
    if term is not None and _names_a_part(label_zh, term):
        term = None  # '重点楼宇税收' is part of the 税收 total, not the total: its own label, not the lexicon key
    key = flavoured_key(term, sentence[clause.start : q.start]) if term else f"label:{label_zh}"
    period, period_source = period_of(report, section, sentence, q.start,
                                      before=report.text[max(section.start, sent_start - 300) : sent_start],
                                      flow=norm_unit in ("CNY", "USD") or norm_unit == "percent" and bool(
                                          _MONEY_FLOW.search(label_zh)))  # (and the growth of such money)
    noted = data_months(report, section) if period_source in ("report", "section") and period == report.period_covered \
        and norm_unit in ("CNY", "USD", "percent") else None
    if noted:  # '（文中经济指标未注明的均为1—4月数据）': the report's money figures and rates cover those months
        period, period_source = noted, "report"
    if kind == "target" and section.part == "review" and report.plan_period and (
            _NEXT_YEAR.search(sentence) or "今年" in sentence and _title_year(report) == report.plan_period[:4]
            or _plan_year_said(report, sentence, report.text[max(section.start, sent_start - 120) : sent_start])):
        # '今年,街道将力争完成税收3.1亿元' in a report titled with the plan year: that year's target
        period, period_source = f"{report.plan_period}-plan", "sentence"
    elif kind == "target" and period[:4].isdigit() and (re.search(r"全年|年度", clause.text) or re.search(
            r"全年|年度目标", re.split(r"[。！？\n]", report.text[max(section.start, sent_start - 300) : sent_start])[-1]
            + _opening(sentence[: clause.start])) or re.search(r"全年(?:目标|任务)|年度目标", sentence[: clause.start])):
        # '1-5月…,全年目标4.5亿元', '下半年…确保全年完成3.5亿元', '…紧盯全年目标:…；新增就业1500人': the whole year's
        period = period[:4] + ("-plan" if period.endswith("-plan") else "")
        period_source = "clause"
    covered = (report.period_covered or "")[:4]
    if kind == "actual" and period_source == "sentence" and re.fullmatch(r"\d{4}", period) and covered.isdigit() \
            and int(period) > int(covered) and section.part == "review" \
            and not re.search(r"(?:19|20)\d\d\s*[/／—–~-]\s*(?:19|20)?\d\d|季", sentence):  # (a season ends the year after)
        # a 2024 review's '次年…产值要达到某亿元': a year still to come holds aims, not results
        kind, period = "target", f"{period}-plan"
    try:
        return Indicator.model_validate(
            {
                "report_id": report.report_id, "street": report.street, "district": report.district,
                "city": report.city, "period": period, "period_source": period_source, "key": key,
                "label_zh": label_zh, "label_en": term.en if term else f"figure: {label_zh}",
                "value": value, "unit": q.unit, "normalized_value": norm_value, "normalized_unit": norm_unit,
                "kind": kind, "qualifier": q.qualifier, "part": section.part, "provisional": provisional,
                "estimated": estimated,
                "evidence": Evidence(chunk_id=chunk_at(chunks, start), start=start, end=start + len(quote),
                                     quote=quote),
                "context": f"{section.heading} {sentence[max(0, clause.start - _CONTEXT) : clause.start + len(quote)]}",
            },
            context={"text": report.text},
        )
    except ValidationError as exc:
        log.debug("dropped %s %s: %s", label, q.number_text, exc.errors()[0]["msg"])
        return None


_CONTEXT = 160  # characters of the sentence before a quote kept as its context

_PART_SUBJECT = re.compile(r"(?:楼宇|企业|项目|园区|集群|基地|村|社区|片区)$")  # things whose tax or output is a part
_PART_WORDS = re.compile(r"重点|主要|龙头|骨干|其中|部分|楼宇|园区|项目|村|社区|片区")
_SCOPE_WORDS = re.compile(r"全口径|区级|县级|镇级|乡级|市级|本级|地方级?|街道级?|全年|全镇|全乡|全区|辖区|完成|实现|累计|年度")


def _names_a_part(label: str, term: Term) -> bool:
    """The label narrows the lexicon measure to a part ('重点楼宇税收', '园区规上工业产值'), not a scope word."""
    found = term.regex.search(label)
    if found is None:
        return False
    before = _SCOPE_WORDS.sub("", label[: found.start()])
    return len(before) >= 2 and bool(_PART_WORDS.search(before))


# a report-wide note on its figures' months: '文中经济指标未注明的均为1—4月数据', '以上数据截至10月底'
_DATA_NOTE = re.compile(r"(?:数据|指标)[^。；;\n]{0,12}?为\s*(1\s*[-—–~至]+\s*1?\d\s*月)份?(?:的)?数据"
                        r"|数据(?:均)?截[至止]到?\s*(1?\d)\s*月(?:底|末)?")


_NOTE_PART = re.compile(r"第?\s*[（(]?([一二三四五六七八九十]{1,2})[)）]?\s*(?:部分|项)[^。；;\n]{0,8}$")


def data_months(report: Report, section: Section | None = None) -> str | None:
    """The months a report's figures cover by its own note ('2024M01-M05'), when the note differs from the
    period the report covers; None when there is no such note. A note on one part ('第（一）部分经济指标…均为
    1-10月数据') covers only the sections under that heading, when `section` is given."""
    found = _DATA_NOTE.search(report.text[:2000])
    year = (report.period_covered or "")[:4]
    if not found or not year.isdigit():
        return None
    part = _NOTE_PART.search(report.text[max(0, found.start() - 24) : found.start() + 2])
    if part and section is not None:  # '第（一）部分' is the (一) heading, '第一部分' the 一、 one
        bracketed = part.group(0).lstrip("第 ")[:1] in "（("
        head = rf"[（(]{part.group(1)}[)）]" if bracketed else rf"{part.group(1)}、"
        if not any(re.match(head, h) for h in section.path):
            return None
    months = found.group(1) or f"1-{found.group(2)}月"
    period = period_in(months, year)
    return period if period and period != report.period_covered and "M01-M" in period else None


def _title_year(report: Report) -> str | None:
    found = re.search(r"(20\d\d)\s*年", report.title or "")
    return found.group(1) if found else None


def _fmt(v: float) -> str:
    return f"{v:g}"
