"""The indicator lexicon: keys, Chinese synonyms (regex), English labels, topic and importance.

Entries are general terms of Chinese sub-district reporting, not phrases of any one report. Order matters
only for ties: a more specific entry is listed before a broader one that shares words with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Term:
    """One indicator concept."""

    key: str
    zh: str
    en: str
    patterns: tuple[str, ...]
    units: tuple[str, ...]  # normalised units this indicator may carry
    topic: str
    importance: int = 1  # 3 = headline economic figure, 2 = notable, 1 = other
    context: str | None = None  # the sentence must also match this (e.g. discipline words for 立案)
    flow: bool = False  # a count of events (小升规, 事故): every one is new, so '新增' names no other measure

    @property
    def regex(self) -> re.Pattern[str]:
        """All synonyms as one pattern."""
        return _compiled(self.patterns)

    @property
    def adds_apart(self) -> bool:
        """Its additions are a measure of their own ('new_<key>': 新增托位 beside 总托位): a count of a stock, not of
        events, and not already an addition."""
        return self.units == ("count",) and not self.flow and not self.key.startswith("new_")


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


MONEY, AREA, COUNT, PCT, LEN = ("CNY",), ("m2",), ("count",), ("percent",), ("m",)

TERMS: tuple[Term, ...] = (
    # economy
    Term("gdp", "地区生产总值", "GDP", (r"地区生产总值|(?<![A-Za-z])GDP(?![A-Za-z])|(?<!工业)生产总值|经济总量",), MONEY, "economy", 3),
    Term("industrial_value_added_above_scale", "规上工业增加值", "Industrial value added of above-scale enterprises",
         (r"规(?:模以)?上工业(?:企业)?(?:总产值[^,，;；。]{0,12})?增加值",), MONEY, "economy", 3),
    Term("industrial_output_above_scale", "规上工业总产值", "Gross industrial output of above-scale enterprises",
         (r"规(?:模以)?上工业(?:企业)?(?:总?产值|生产总值)", r"规上工业总产值"), MONEY, "economy", 3),
    Term("industrial_investment", "工业投资", "Industrial investment", (r"工业投资",), MONEY, "economy", 2),
    Term("fixed_asset_investment", "固定资产投资", "Fixed-asset investment",
         (r"(?:全社会)?固定资产投资(?:总额)?", r"固投"), MONEY, "economy", 3),
    Term("retail_sales", "社会消费品零售总额", "Retail sales of consumer goods",
         (r"社会消费品零售总?额", r"社消零?总?额", r"社零(?:总?额)?", r"(?<![上外内])消费品零售总?额"), MONEY, "economy", 3),
    # fiscal (specific before general: 财政总收入 > 一般公共预算收入 > 地方收入 > 财政收入)
    Term("fiscal_revenue_total", "财政总收入", "Total fiscal revenue", (r"(?:公共)?财政总收入|财税总收入",), MONEY,
         "economy", 3),
    Term("general_budget_revenue", "一般公共预算收入", "General public budget revenue",
         (r"(?:地方)?一般(?:公共)?预算收入|公共财政预算收入",), MONEY, "economy", 3),
    Term("local_fiscal_revenue", "地方财政收入", "Local fiscal revenue",
         (r"[区镇街乡县]级(?:地方)?(?:财政)?收入|地方(?:财政)?收入",), MONEY, "economy", 2),
    Term("fiscal_revenue", "财政收入", "Fiscal revenue", (r"(?<![总方])财政收入|财税收入",), MONEY, "economy", 3),
    Term("tax_revenue", "税收收入", "Tax revenue", (r"入库税收|税收(?:收入|总额)?",), MONEY, "economy", 3),
    Term("above_quota_wholesale_retail_catering_sales", "限上批零住餐销售额",
         "Sales of above-quota wholesale, retail, accommodation and catering",
         (r"限(?:额以)?上批(?:发)?零(?:售)?住(?:宿)?餐(?:饮)?(?:业)?(?:销售额|营业额|销售收入)?",), MONEY, "economy", 2),
    Term("services_revenue", "服务业营业收入", "Services revenue",
         (r"(?:规上|规模以上)?服务业(?:企业)?(?:营业收入|营收)",), MONEY, "economy", 2),
    Term("tech_renovation_investment", "技改投资", "Technological-renovation investment",
         (r"技(?:术)?改(?:造)?投资",), MONEY, "economy", 2),
    Term("contracted_foreign_investment", "合同外资", "Contracted foreign investment", (r"合同(?:利用)?外资",),
         MONEY + ("USD",), "economy", 2),
    Term("funds_in_place", "产业项目到位资金", "Project funds in place",
         (r"(?:产业项目|招商引资|项目)?到位资金|实到内资",), MONEY, "economy", 2),
    Term("signed_projects_investment", "签约项目总投资", "Total investment of signed projects",
         (r"签约(?:项目)?(?:计划)?总投资(?:额)?",), MONEY, "economy", 2),
    Term("below_scale_industrial_output", "规下工业产值", "Output of below-scale industry",
         (r"规(?:模以)?下工业(?:企业)?(?:总)?产值",), MONEY, "economy", 2),
    Term("new_registered_enterprises", "新登记企业", "Newly registered enterprises",
         (r"新(?:登记|注册|设立)(?:各类)?企业",), COUNT, "economy", 2),
    Term("new_market_entities", "新增市场主体", "New market entities",
         (r"新(?:增|登记|注册)(?:各类)?(?:市场|经营|商事)主体",), COUNT, "economy", 2),
    Term("foreign_trade", "进出口总额", "Total imports and exports", (r"进出口总?额|外贸进出口",), MONEY, "economy", 2),
    Term("actual_foreign_investment", "实际利用外资", "Foreign investment actually used",
         (r"实际(?:利用|使用|到账)外资|实到外资|(?<!合同)利用外资",), MONEY + ("USD",), "economy", 2),
    Term("four_above_enterprises", "“四上”企业数", "'Four-above' enterprises", (r"四上.{0,2}(?:企业|单位)",), COUNT,
         "economy", 2),
    Term("above_scale_industrial_enterprises", "规上工业企业数", "Above-scale industrial enterprises",
         (r"规(?:模以)?上(?:工业)?企业",), COUNT, "economy", 2),  # a town's 规上企业 are its industrial ones
    Term("high_tech_enterprises", "国家高新技术企业数", "National high-tech enterprises",
         (r"国高.{0,2}企业|国家(?:级)?高新技术企业|高新技术企业|(?<![提升])高企(?!业)",), COUNT, "economy", 2),
    Term("specialized_sme_count", "专精特新企业数", "Specialised and innovative SMEs", (r"专精特新.{0,2}企业",),
         COUNT, "economy", 2),
    Term("little_giant_enterprises", "“小巨人”企业数", "'Little giant' enterprises", (r"小巨人.{0,2}企业",),
         COUNT, "economy", 1),
    Term("listed_companies", "上市公司数", "Listed companies", (r"上市(?:公司|企业)",), COUNT, "economy", 2),
    Term("small_to_above_scale_upgrades", "“小升规”企业数", "Enterprises upgraded to above-scale",
         (r"小升规",), COUNT, "economy", 1, flow=True),
    Term("projects_attracted", "招引项目数", "Investment projects attracted",
         (r"招引(?:落地)?项目|引进(?:落户)?项目|招商(?:引资)?项目",), COUNT, "economy", 1),
    Term("enterprise_burden_reduction", "为企业减负", "Cost relief for enterprises", (r"为企业减负|减负",), MONEY,
         "economy", 1),
    Term("tourist_visits", "接待游客", "Tourist visits",
         (r"接待(?:国内外)?游客|游客接待量|游客(?:人次|量)",), COUNT, "economy", 1),
    # agriculture and rural incomes
    Term("urban_disposable_income", "城镇居民人均可支配收入", "Per-capita disposable income of urban residents",
         (r"城镇(?:常住)?居民人均可支配收入",), MONEY, "economy", 2),
    Term("rural_disposable_income", "农村居民人均可支配收入", "Per-capita disposable income of rural residents",
         (r"农村(?:常住)?居民人均可支配收入|农民人均(?:纯|可支配)收入",), MONEY, "economy", 2),
    Term("grain_output", "粮食产量", "Grain output", (r"粮食(?:总)?产量|粮食总产",), ("t", "kg"), "agriculture", 2),
    Term("grain_sown_area", "粮食播种面积", "Grain sown area", (r"粮食(?:播种|种植)面积|粮播面积",), AREA,
         "agriculture", 2),
    Term("planting_area", "种植面积", "Planted area", (r"(?<!粮食)(?:播种|种植)面积",), AREA, "agriculture", 1),
    Term("village_collective_income", "村集体经济收入", "Village collective income",
         (r"村(?:级)?集体(?:经济)?(?:经营性)?收入|村财收入",), MONEY, "agriculture", 2),  # 村财收入: 福建's wording
    # land and space
    Term("land_storage_area", "土地入库面积", "Land put into storage",
         (r"土地(?:整备|移交)?入库|入库土地|用地入库",), AREA, "land", 3),
    Term("land_consolidation_area", "土地整备面积", "Land consolidated", (r"土地整备(?!入库|利益|项目)",), AREA,
         "land", 2),
    Term("industrial_land_released_area", "释放产业用地", "Industrial land released",
         (r"释放(?:连片)?产业(?:用地|空间)",), AREA, "land", 2),
    Term("buildings_demolished_area", "建筑物清拆面积", "Buildings cleared or demolished",
         (r"(?:建筑物|房屋)(?:清拆|拆除)|(?:清拆|拆除)(?:建筑物|房屋)|拆(?:了)?房(?:屋|子)?(?=面积)",), AREA, "land", 1),
    Term("demolished_illegal_buildings_area", "拆除违建面积", "Illegal buildings demolished",
         (r"拆除(?:消化)?(?:各类)?违(?:法)?建(?:筑)?|消化违(?:法)?建(?:筑)?|查违减存量|拆违(?!法)",), AREA, "urban", 2),
    Term("urban_renewal_projects", "城市更新项目", "Urban-renewal projects", (r"城市更新(?:单元|项目)",), COUNT,
         "land", 1),
    Term("rural_toilet_renovation", "农村户厕改造", "Rural household toilets renovated",
         (r"(?:农村)?(?:户用|户)厕(?:所)?(?:改造|改建)|(?:农村)?改厕|(?:农村)?卫生厕所改造",), COUNT, "agriculture", 1),
    # environment
    Term("pm25", "PM2.5年均浓度", "PM2.5 annual mean concentration", (r"PM2\.5",), ("ug/m3",), "environment", 2),
    Term("pm10", "PM10年均浓度", "PM10 annual mean concentration", (r"PM10",), ("ug/m3",), "environment", 1),
    Term("sewer_pipes_length", "新建污水管网", "Sewer pipes built", (r"(?:干支|污水)?管网",), LEN, "environment", 1),
    # governance
    Term("hotline_cases", "12345热线工单", "Hotline cases (12345)",
         (r"(?:12345|便民|市民|政务)[^，,。；;、\d]{0,10}?热线(?:[及和、][^，,。；;\d]{0,8}?)?(?:工单|诉求|来电|件|事项)|"
          r"热线(?:工单|诉求)|12345(?:工单|诉求)",
          # '热线全年受理市民来电', '12345服务平台受理诉求': the verb and whose between the line and the count
          r"(?:12345|热线)[^，,。；;、\d]{0,12}?(?:受理|接到|接听|收到|转办|承办)(?:群众|市民|居民|企业)?(?:工单|诉求|来电|事项)"),
         COUNT,
         "governance", 1),
    # livelihoods
    Term("new_school_places", "新增学位", "New school places", (r"(?<!幼儿园)(?<!基础教育)(?<!高中)(?<!小初)(?:公办)?学位",), COUNT, "livelihood", 2),
    Term("childcare_places", "托位数", "Childcare places", (r"(?:婴幼儿|幼儿)?托位",), COUNT, "livelihood", 2),
    Term("livelihood_micro_projects", "民生微实事项目", "Livelihood micro-projects",
         (r"民生(?:微实事|大盆菜)",), COUNT, "livelihood", 2),
    Term("livelihood_micro_projects_funding", "民生微实事经费", "Livelihood micro-project funding",
         (r"民生(?:微实事|大盆菜).{0,12}(?:经费|投入|资金|投资额?)",), MONEY, "livelihood", 1),
    Term("public_housing_supply", "公共住房供应", "Public housing supplied",
         (r"公共住房|保障性(?:租赁)?住房|人才住房",), COUNT, "livelihood", 1),
    Term("labour_transferred", "劳动力转移就业", "Rural labour placed in outside work",
         (r"(?:劳务|劳动力)(?:输转|输出|转移)(?:就业)?|(?:输转|转移)(?:农村|农牧民)?劳动力|转移(?:农牧民)?就业",), COUNT,
         "livelihood", 1),
    Term("urban_jobs_created", "城镇新增就业", "New urban jobs created",
         (r"城镇新增就业|新增城镇就业",), COUNT, "livelihood", 2),
    Term("employment_subsidies", "就业创业补贴", "Employment and entrepreneurship subsidies",
         (r"就业(?:创业)?补贴",), MONEY, "livelihood", 1),
    # safety and order
    Term("safety_accidents", "安全生产事故", "Work-safety accidents", (r"(?<!交通)(?<!交通安全)(?<!亡人)(?<![火灾])(?:安全生产|安全)?事故(?:宗数)?",), COUNT,
         "safety", 1, flow=True),
    Term("criminal_and_public_security_incidents", "刑事治安警情", "Criminal and public-security incidents",
         (r"刑事治安警情",), COUNT, "safety", 1, flow=True),
    Term("fire_alarms", "火警", "Fire reports", (r"火警",), COUNT, "safety", 1, flow=True),
    # party building
    Term("discipline_cases_filed", "纪检立案数", "Disciplinary cases filed", (r"(?:党纪|纪检(?:监察)?|纪律审查|监察)立案|(?<![管罚处执察])立案(?=[^,，]{0,8}$)",), COUNT,
         "party", 1, context=r"纪|腐|廉", flow=True),
    Term("new_party_members", "发展党员", "New Party members", (r"发展(?:新)?党员",), COUNT, "party", 1),
)

BY_KEY: dict[str, Term] = {t.key: t for t in TERMS}
KIND_SUFFIX = {"yoy_growth": "_yoy", "completion_rate": "_completion_rate", "target": "_target"}
TOPIC_EN = {"economy": "economy", "land": "land and space", "urban": "urban management",
            "environment": "environment", "agriculture": "agriculture", "livelihood": "livelihoods",
            "safety": "safety", "party": "party building"}


def base_key(key: str) -> str:
    """Strip a kind suffix: 'retail_sales_yoy' -> 'retail_sales'."""
    for suffix in KIND_SUFFIX.values():
        if key.endswith(suffix) and key[: -len(suffix)] in BY_KEY:
            return key[: -len(suffix)]
    return key


def match_term(text: str, unit_kind: str | None = None) -> tuple[Term, int] | None:
    """The term whose synonym ends closest to the end of `text` (the number follows it), with its end offset."""
    best: tuple[int, int, Term] | None = None
    for term in TERMS:
        if unit_kind is not None and unit_kind not in term.units:
            continue
        for m in term.regex.finditer(text):
            cand = (m.end(), m.end() - m.start(), term)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return (best[2], best[0]) if best else None


def flavoured_key(term: Term, before: str) -> str:
    """The row key of a term: newly added counts (新增托位) are a different metric from stocks (总托位), 'new_<key>'."""
    # ('玉塘加了几个托位', '增加了多少个', '新上市了几家公司': a question's everyday words for the same addition)
    if term.adds_apart and re.search(r"新增|(?<![增追])加了|增加了|添了|新$", before):
        return "new_" + term.key
    return term.key


def terms_for_question(text: str) -> list[Term]:
    """Every term a question mentions, in order of mention (longest first at the same place)."""
    text = re.sub(r"[()（）]", "", text)
    found: list[tuple[int, int, Term]] = []
    for term in TERMS:
        spans = [(x.start(), x.end() - x.start()) for x in term.regex.finditer(text)]
        if spans:
            start, length = min(spans)
            found.append((start, -length, term))
    found.sort(key=lambda t: t[:2])
    return [t for _, _, t in found]




# English question wording → lexicon key (for routing English questions).
EN_PATTERNS: dict[str, str] = {
    "land_storage_area": r"land (?:put )?into storage|land storage|put (?:the )?most land into storage|"
                         r"land (?:banked|reserve[ds]?)|storage of land",
    "land_consolidation_area": r"land consolidation|land (?:readjustment|assembly)",
    "fixed_asset_investment": r"fixed[- ]asset investment|\bFAI\b|\b(?:put|invested|investing|invest|went|spent) [^?]{0,40}?\binto fixed assets\b",
    "industrial_investment": r"industrial investment|\bfactory investment|investment in (?:industry|factories|"
                             r"manufacturing)\b",
    "industrial_output_above_scale": r"industrial (?:gross )?output|output of (?:industrial )?enterprises above|"
                                     # an analyst's words: 'how much do the big factories produce'
                                     r"\bbig (?:factories|manufacturers|industrial firms)\b[^?]{0,40}\b(?:output|"
                                     r"turn(?:s|ed)? out|produced?)\b|\b(?:output|production) of (?:the |its )?big "
                                     r"(?:factories|manufacturers)\b|"
                                     # 'factories above designated size: what was their combined gross output'
                                     r"\b(?:factories|industrial (?:firms|enterprises))[- ]above[- ]designated[- ]size\b"
                                     r"[^?]{0,60}\boutput\b|\boutput of (?:the |its )?(?:factories|industrial (?:firms|"
                                     r"enterprises))[- ]above[- ]designated[- ]size\b",
    "industrial_value_added_above_scale": r"industrial value[- ]added",
    "retail_sales": r"retail sales|consumer (?:spending|goods sales)",
    "urban_jobs_created": r"\burban (?:jobs?|job[- ]creation|employment)\b|\bnew jobs? in (?:the )?(?:towns?|cities|urban)",
    "labour_transferred": r"\blabou?r transfer\b|\bmigrant (?:labou?r|work)|"
                          r"\b(?:rural )?(?:labou?r(?:ers)?|workers) (?:placed|sent|transferred)\b",
    "gdp": r"\bGDP\b|gross (?:domestic|regional) product|size of (?:the |its )?(?:local )?economy|economic output",
    "tax_revenue": r"(?<!fiscal and )(?<!fiscal & )tax revenue|\btaxes\b|\btax (?:take|intake|receipts)\b",
    "high_tech_enterprises": r"high[- ]tech (?:enterprises|companies|firms)|国高",
    "specialized_sme_count": r"specialised|specialized|专精特新",
    "listed_companies": r"listed[- ](?:companies|company|firms?|enterprises?)",
    "pm25": r"PM2\.5",
    "pm10": r"PM10",
    "new_school_places": r"school places|school seats|\bdegrees? places\b",
    "childcare_places": r"childcare|child[- ]care|nursery places",
    "livelihood_micro_projects": r"micro[- ]projects|民生微实事",
    "demolished_illegal_buildings_area": r"illegal (?:buildings|construction)",
    "discipline_cases_filed": r"disciplin\w+ cases",
    "fiscal_revenue_total": r"total fiscal revenue|\bfiscal (?:and|&) tax revenue",  # 财税总收入
    "general_budget_revenue": r"(?:general )?public budget revenue|general budget revenue",
    "fiscal_revenue": r"fiscal revenue",
    # ('newly registered market entities' are 新登记市场主体, no count of enterprises alone)
    "new_registered_enterprises": r"(?<!entities )(?<!players )(?:new(?:ly)?|enterprises) (?:registered|registrations?)"
                                  r"(?! (?:market|business) (?:entit|player))|new enterprises",
    # ('how many market entities newly registered': the same, the verb after the things counted)
    "new_market_entities": r"\b(?:new(?:ly)?(?: registered)?|added) (?:market|business) (?:entities|entity|players)\b|"
                           r"\b(?:market|business) (?:entities|players) (?:(?:were|was|got) )?(?:newly )?(?:registered|added)\b",
    "hotline_cases": r"hotline (?:cases|work orders|calls|requests|complaints)|(?:cases|work orders|calls|requests) "
                     r"(?:to|on|via|through) the (?:12345 )?hotline",
    "rural_disposable_income": r"rural (?:residents'? )?(?:per[- ]capita )?(?:disposable )?income|"
                               r"(?:per[- ]capita )?disposable income of (?:the )?rural (?:residents|households|people)",
    "urban_disposable_income": r"urban (?:residents'? )?(?:per[- ]capita )?(?:disposable )?income|"
                               r"(?:per[- ]capita )?disposable income of (?:the )?urban (?:residents|households|people)",
    "grain_output": r"grain (?:output|production)",
    "tourist_visits": r"\b(?:visitors?|tourists?|tourist (?:visits|arrivals)|visitor (?:numbers|arrivals))\b",
    "actual_foreign_investment": r"\bFDI\b|foreign direct investment|foreign (?:capital|investment) (?:actually )?"
                                 r"(?:used|utili[sz]ed|received|paid in|in place)",
    "tech_renovation_investment": r"technolog\w+ (?:renovation|upgrad\w+) investment",
    # ('paid-in investment', 'investment funds in place': 到位资金, never foreign capital's own 实际利用外资)
    "funds_in_place": r"(?<!foreign )\b(?:funds|investment|capital|money) (?:actually )?(?:in place|paid in|that arrived)\b|"
                      r"(?<!foreign )\bpaid[- ]in (?:investment|funds|capital)\b",
    "enterprise_burden_reduction": r"reduce\w* (?:enterprises'? |companies'? |business )?costs|cost relief|纾困",
}

# English words → Chinese search terms, so BM25 can match English questions against Chinese text.
EN_TO_ZH: dict[str, str] = {
    "fatal accident": "亡人事故", "accident": "事故", "death": "死亡", "relief": "纾困 减负",
    "cost": "减负", "tax": "税收", "childcare": "托位 托育", "listed": "上市", "storage": "入库",
    "land": "土地", "investment": "投资", "retail": "社会消费品零售总额", "industrial output": "规上工业总产值",
    "high-tech": "国高 高新技术企业", "school": "学位", "pm2.5": "PM2.5", "police": "警情", "fire": "火警",
    "grid": "网格", "party member": "党员", "volunteer": "志愿服务", "parking": "停车位", "growth": "增长 同比",
    "first half": "上半年", "demolish": "拆除", "illegal building": "违建", "gdp": "地区生产总值",
    "micro-project": "民生微实事", "subsid": "补贴", "employment": "就业", "case": "案件 立案",
    "poverty relief": "扶贫 帮扶", "poverty-relief": "扶贫 帮扶", "landed": "落地 落户",
}


def expand_english(question: str) -> str:
    """Append Chinese equivalents of English terms (for the lexical index)."""
    low = question.lower()
    extra = []
    for en in sorted(EN_TO_ZH, key=len, reverse=True):  # longest first, each word once: 'poverty-relief' is no 纾困
        if re.search(rf"\b{re.escape(en)}", low):
            extra.append(EN_TO_ZH[en])
            low = re.sub(rf"\b{re.escape(en)}\w*", " ", low)
    for key, pattern in EN_PATTERNS.items():
        if re.search(pattern, question, re.I):
            extra.append(BY_KEY[key].zh.strip("“”") if key in BY_KEY else "")
    return question + (" " + " ".join(e for e in extra if e) if extra else "")
