"""Word classes of Chinese questions, spelled once: measure words and the unit families that
answer them, money and percent words, change / sum / plan words, question and filler words,
quoted names. bot/ (query, frame, followup, compare, premise, extractive) imports them from here.
"""

from __future__ import annotations

import re

# ---- units --------------------------------------------------------------------------------
# Unit words a 多少/几 question can ask for, and the units that answer them.
UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "家": ("家", "家次", "户"), "家次": ("家次", "家"), "户次": ("户次", "户"), "场次": ("场次", "场"),
    "个": ("个", "家", "项", "所", "处"), "件": ("件", "宗", "起", "例"),
    "名": ("名", "人", "位"), "人": ("人", "名", "位", "人次"), "位": ("位", "名", "人"),
    "人次": ("人次", "人"), "项": ("项", "个", "件"), "次": ("次", "场", "期", "轮", "户次", "家次", "辆次"),
    "场": ("场", "次", "期"), "期": ("期", "次", "场"), "份": ("份", "件"), "条": ("条",),
    "本": ("本", "册", "卷", "份"), "所": ("所", "家", "个"), "批": ("批", "批次"), "批次": ("批次", "批"),
    "篇": ("篇",), "部": ("部", "件"),  # 规章、规范性文件 are counted in 件 as well
    # a document handed out: 张 of a licence or a ticket, 份 of a notice, 本 of a card
    "张": ("张", "份", "本", "件"),
    "起": ("起", "件", "宗"), "宗": ("宗", "件", "起"), "例": ("例", "件"), "天": ("天", "日", "个工作日"),
    "日": ("日", "天", "个工作日"), "年": ("年",), "倍": ("倍",), "户": ("户", "家"),
    "元": ("元", "万元", "亿元"), "万元": ("万元", "亿元", "元"), "亿元": ("亿元", "万元", "元"),
    "%": ("%",), "米": ("米", "公里"), "亩": ("亩",), "吨": ("吨",), "卷": ("卷", "件", "份"),
    "册": ("册", "本"), "页": ("页",), "种": ("种", "类", "项"), "类": ("类", "种", "项"),
    "座": ("座", "个", "处"), "处": ("处", "个", "座"), "支": ("支", "个"), "套": ("套",),
    "台": ("台",), "辆": ("辆", "辆次"), "辆次": ("辆次", "辆"), "小时": ("小时",), "分钟": ("分钟",),
    "课时": ("课时", "学时"),
    "学时": ("学时", "课时"), "周": ("周",), "分": ("分",), "月": ("个月",),
    # speech's measures of occurrences ("几回", "跑了几趟"): reports count them in 次
    # (visits are counted by whom they went to: 检查…2.1万户次, 检查车辆…辆次)
    "回": ("次", "件", "起", "宗", "场", "期", "轮", "户次", "家次", "辆次"), "趟": ("次", "户次", "家次"),
    "个工作日": ("个工作日", "天", "日"), "工作日": ("个工作日", "天", "日"),
    "平方公里": ("平方公里",), "平方米": ("平方米",), "立方米": ("立方米",), "公里": ("公里", "米"),
}
# 个 is the all-purpose measure word of speech: "多少个案子", "培养了多少个（人）". What it counts
# says which report units answer it — people are counted in 名/人/位, cases and disputes in
# 件/起/宗/例 (量词搭配, general Chinese, not a list of report phrases).
COUNTED_NOUN_UNITS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # taxpayers are counted as households or businesses (惠及纳税人2.58万户, A级纳税人1415户), or as people
    (re.compile(r"(?:纳税人|缴费人|纳税户)$"), ("户", "家", "名", "人")),
    (re.compile(r"(?:人|员|者|师|官|干部|骨干|代表|民警|警察|村民|居民|学生|工人|老板|农民工|职工|员工)$"),
     ("名", "人", "位")),
    (re.compile(r"(?:案|案子|案件|官司|纠纷|矛盾|事|事情|事儿|投诉|举报|诉求|申请|信访|复议|诉讼)$"),
     ("件", "起", "宗", "例")),
    # money said as 钱 ("低保钱一共有多少", "罚的钱是多少"): amounts in 元
    # and nouns of money (奖金, 赔偿金, 税款, 经费): "发了多少奖金" asks an amount, not a count
    # (款 of 赔偿款, 罚没款, 工程款 is money; 条款 is not, nor 罚款 the verb: "有多少家没罚款", nor 贷款 counted in 笔)
    (re.compile(r"(?:钱|[奖资罚偿助恤证]金|(?<![条罚贷])款|经费)$"), ("元", "万元", "亿元")),
    # enterprises and shops are counted in 家 or 户 (市场主体1.35万户), visits to them in 家次
    (re.compile(r"(?:公司|企业|商户|个体户|店|店铺|门店|市场主体|经营主体)$"), ("家", "户", "家次")),
    (re.compile(r"货物?$"), ("吨", "万吨")),  # goods are weighed: 卸载货物3260吨
    # calls, messages and work orders of a hotline: 来电142.6万件, 转办工单65.1万件, 接听来电3.2万通,
    # 接报警情86.4万起, 解答咨询2.1万人次
    (re.compile(r"(?:电话|来电|工单|留言|热线)$"), ("件", "个", "次", "通", "起", "人次")),
    # hazards and problems found are counted in 处, 个, 项 or 条 (发现安全隐患2730处, 发现问题57个)
    (re.compile(r"(?:隐患|问题)$"), ("处", "个", "项", "条")),
    # opinions, suggestions and leads are counted in 条 or 件 (征集立法意见812条, 代表建议412件)
    (re.compile(r"(?:意见|建议|线索)$"), ("条", "件")),
)


def noun_units(noun: str) -> tuple[str, ...]:
    """The units a counted noun is counted in (COUNTED_NOUN_UNITS: 案件 → 件, 律师 → 名); () for others."""
    return next((units for pattern, units in COUNTED_NOUN_UNITS if pattern.search(noun)), ())


# English measure nouns ("how many kilometres of rural roads"): the unit asked, no word to find
EN_MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"kilomet(?:er|re)s?|km", ("公里",)), (r"batch(?:es)?", ("批次", "批")), (r"mu", ("亩",)),
    (r"hectares?", ("公顷",)), (r"tonnes?|tons?", ("吨",)), (r"households?", ("户",)),
    (r"yuan", ("元", "万元", "亿元")), (r"hours?", ("小时",)),
    (r"minutes?", ("分钟",)), (r"(?:working )?days?", ("个工作日", "工作日", "天", "日")),
    (r"items?", ("项", "个", "件")), (r"sessions?|lectures?", ("场", "次", "期", "场次")),
    (r"visits", ("户次", "人次", "家次", "次")),  # "inspections (counted in visits)": 检查…户次
)
EN_MEASURE_WORD = re.compile(r"\b(?:" + "|".join(w for w, _ in EN_MEASURES) + r")\b", re.I)
# What an English "how many …" counts, by its noun: the report units that answer it (and never a
# percentage: "how many cases were closed through mediation" is not 23.0% of them).
EN_COUNTED_UNITS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"^(?:cases?|disputes?|complaints?|applications?|petitions?|lawsuits?|matters?|"
                r"violations?|reports?|requests?|incidents?|appeals?|suits?)$", re.I), ("件", "起", "宗", "例")),
    (re.compile(r"^(?:people|persons?|workers?|lawyers?|officers?|veterans?|residents?|staff|mediators?|chiefs?|leaders?|"
                r"employees?|officials?|students?|villagers?|individuals?|members?|inspectors?)$", re.I),
     ("名", "人", "位")),
    (re.compile(r"^(?:firms?|compan(?:y|ies)|enterprises?|institutions?|businesses|shops?|entities|"
                r"agencies|stores?|organi[sz]ations?)$", re.I), ("家", "户")),
    *((re.compile(rf"^(?:{words})$", re.I), units) for words, units in EN_MEASURES),
    # "how many times", "how many person-times" (an act done so many times: the report may count its cases,
    # 冻结存款、汇款391件)
    (re.compile(r"^times$", re.I), ("次", "人次", "件", "起")),
    (re.compile(r"^person-times$", re.I), ("次", "人次")),
    (re.compile(r"^(?:files?|dossiers?|case-files?)$", re.I), ("卷", "份", "件")),  # 案卷 are counted in 卷
    (re.compile(r"^(?:opinions?|suggestions?|comments?|proposals?|leads?|clues?)$", re.I), ("条", "件", "份")),
    # gatherings are held in 场 or 次 (听证会6场, 普法活动86场, 培训4期)
    (re.compile(r"^(?:hearings?|meetings?|events?|activities|campaigns?|seminars?|forums?)$", re.I),
     ("场", "次", "期", "场次")),
)
# 对 counts couples (结婚登记1.58万对, 离婚登记4120对) — not 对口/对接/对标/对于/对象/一对一 …
PAIR_UNIT = r"对(?![一口接标照比于外象待话策应手立称岸面抗账焦齐])"
# The measure word right after 多少/几 ("多少件", "几家").
MEASURE = (rf"{PAIR_UNIT}|"
           r"个工作日|工作日|平方公里|平方米|立方米|公里|人次|家次|户次|场次|批次|辆次|万元|亿元|小时|分钟|课时|学时|"
           r"个月|"
           r"[家个件名人位项次回趟场期份条本所批篇部起宗例天日年倍户元米亩吨卷册页种类座处支套台辆周分张"
           r"尾头只匹箱瓶盒袋枚剂]")
ASK_UNIT_RE = re.compile(rf"(?:多少|(?<![那这])几)({MEASURE})")  # not "那几个村子"
MONEY_WORDS = re.compile(r"多少(?:钱|资金|经费|金额|罚款|万元|元|亿元|工资|工钱|薪水|薪酬|钱款|赔偿金|赔款|税款)|"
                         r"金额|资金|经费|罚款|罚没|收入|支出|预算|工资|工钱|欠薪|薪酬|税费|缴存额|提取额|发放额|贷款额|"
                         r"投入|花了|花费|费用|补贴|补助|奖励|标的额|挽回|追回|要回|讨回|损失|违法所得|"
                         r"how much|money|funds?|amount|yuan",
                         re.I)
PERCENT_WORDS = re.compile(r"比例|比率|占比|率|百分|rate|percentage|percent", re.I)
# A follow-up that asks for a share of the same thing ("比例呢？", "占比呢", "办结率呢？").
RATE_ASK = re.compile(r"(?:[\u4e00-\u9fa5]{0,4}率|比例|占比|比率|百分比)")

# The kinds a body's name ends in (市住建局, 城中分局, 卫健委): a follow-up may name one alone,
# a comparison may name two of one kind.
BODY_KIND = r"分局|支队|大队|中队|局|厅|委员会|委|办公室|中心|医院|法院|检察院"

# ---- what a question asks ------------------------------------------------------------------
ASK_WORDS = re.compile(r"多少|几")
# Words that make a text ask something: one base, read three ways. The base: wh-words and 吗,
# 多少/几, 是否/有没有, and the English wh-words a mixed question may use.
_WH = r"什么|怎么|如何|怎样|为什么|哪|吗"
_WHETHER = r"是否|有没有"
_EN_WH = r"how|what|why"
# A follow-up's words ask something of their own ("审结了多少", "有哪些") — or only name a topic
# ("执业律师", which then inherits the previous ask). 呢 and 情况 do not ask here: "那仲裁呢"
# names a topic.
# "占多大比例", "比重有多高": a share asked without 多少
_HOW_LARGE_A_SHARE = r"多[大高]的?(?:比例|比重|占比|份额)|(?:比例|比重|占比|份额)(?:有|是|为)?多[大高]"
ASKING_WORD = re.compile(rf"{ASK_WORDS.pattern}|{_WH}|{_WHETHER}|{_HOW_LARGE_A_SHARE}")
# A clause of one question asks, beside what its kind already says (a count, a list, yes or
# no): "…执法情况呢" asks, "出庭应诉率已经做到100%了" is the topic of the next clause. 多少/几
# and 是否/有没有 are left out on purpose: a rate clause with 多少 after a premise ("纠错率已经
# 超过10%了，具体是多少") is one ask with the clause before it.
ASKING_CLAUSE = re.compile(rf"{_WH}|情况|呢|{_EN_WH}", re.I)
# A sentence of a message asks (a preamble or planted instruction does not): the base, a
# question mark, 呢, 请问, and English questions.
ASKING_SENTENCE = re.compile(rf"[？?]|{ASK_WORDS.pattern}|{_WH}|{_WHETHER}|呢|请问|{_EN_WH}|"
                             r"which|when|where|who|is there|are there", re.I)
NAME_ASK = re.compile(r"叫什么|名称|名字|什么(?:品牌|称号|荣誉|项目|平台|活动|机制|模式|改革|案例|奖|工程)|"
                      # (not the relative "which" of "the rate at which…", "the extent to which…": looked
                      # behind only where "which" stands, so a long text is scanned as fast as before)
                      r"哪项|哪个|哪一|哪家|what is the name|"
                      r"\bwhich\b(?<!\bat which)(?<!\bby which)(?<!\bto which)", re.I)
YES_NO = re.compile(r"吗[？?。]?$|是否|有没有|是不是|did |does |is there|are there", re.I)
# Words of a question that say what kind of answer is wanted, not what it is about.
QUESTION_WORDS = frozenset(
    "多少 几 几个 几家 几件 哪些 哪个 哪项 哪一 哪几 什么 是否 有没有 怎样 怎么 如何 是指 指 叫 "
    "名称 具体 分别 一共 总共 共有 一共有 总共有 还有 那起 这起 那次 这次 那些 这些 那个 这个 "
    "情况 主要 哪 谁 何 为何 为什么 多 少 了 吗 呢 么 是 有 请问 告诉 加起来 起来 合起来 "
    "段时间 时间段 哪段 哪年 哪一年 何时 什么时候 时候 哪里 哪儿 "
    "亲自 专门 到底 究竟 大概 大约 时 的时候 当时 一下 帮着 帮 给 被 让 呀 嘛 之间 "
    "实际 实际上 真正 目前 现在 当前 已经 最终 具体数 数量 数目 数字 多大 程度 "
    # determiners: "占全部调解纠纷的比例", "所有案件" — all of what the noun says, no word of it
    "全部 所有 全体 "
    "作为 报告 报告里 里 说 提到 写 做到 达到 措施 举措 做法 比例 比率 百分比 几成 "
    "what was which how many much is are the of for in did does do s".split()) | frozenset(
    # English function words and question scaffolding: no glossary row translates them and no
    # Chinese sentence holds them, so they would count as rare words every sentence lacks
    "a an and or as at by to on into onto from with within about against during per than that this these those "
    "there their its it they them were be been being has have had all any each give gave get got "
    "total number amount level figure value according reported report reports year years "
    "what's whats bureau "
    # light verbs: what was held or taken is said by the noun ("how many sessions did … hold")
    "hold holds held make makes made "
    # prepositions that join a phrase ("across the city", "after the adjustment"): no content of
    # their own
    "across through throughout after before under over since until between among upon via "
    "newly "
    # a date's scaffolding ("at the end of 2025"): the year is read apart
    "end".split())
# Words between a verb and 多少 that are not the verb ("一共办理了多少" → 办理).
FILLERS = frozenset("了 的 是 有 共 达 为 到 一共 总共 共计 累计 全年 大约 约".split())
# A follow-up's opening and closing words ("那么…", "…呢？").
LEAD_WORDS = re.compile(r"^(?:那么|那(?![个种些样])|还有|另外|再问一下|再问|请问|好的|好|嗯|哦)[，,、\s]*")
TAIL_WORDS = re.compile(r"(?:呢|的呢|怎么样|如何|情况)?[？?。！!\s]*$")
# Nouns that say what kind of answer is wanted, not what it is about.
GENERIC_NOUNS = re.compile(r"措施|举措|做法|内容|情况|方面|成效|办法|方式|手段|事项|要求|数据|数字|结果|原因")
PRONOUN = re.compile(r"(?:这个|这些|它们|它|这项|该项)(?=[到在的有是了，,？?\d]|$)")
# "这种调解室", "这个中心", "该平台": a noun the conversation has named (group 1: the noun).
DEMONSTRATIVE = re.compile(r"(?:这种|这个|这些|这项|这类|那个|那种|那些|那项|那类|该项|此项|该|此|上述|其中|它们|它|其)"
                           r"([\u4e00-\u9fa5]{1,12})")
QUOTED = re.compile(r"[“「《\"]([^”」》\"]{2,40})[”」》\"]")
QUOTED_NAME = re.compile(r"“[^”]{1,20}”[\u4e00-\u9fa5]{0,8}")

# ---- comparisons, sums, plans ----------------------------------------------------------------
# A question comparing two years or places, or summing them (with two years or places named).
COMPARE_WORDS = re.compile(r"比(?:(?:19|20)\d{2}年?|去年|前年|上年)|相比|对比|同比|增长了?多少|增加了?多少|减少了?多少|"
                           r"(?:下降|提高|降低|上升|提升)了?(?:多少|几)|"
                           r"变化|差距|多了|少了|合计|总共|加起来|一共|(?<!\d)[两2]年|几年来|相差|差了?多少|差多少|"
                           r"[高低多少]多少|"
                           r"比[^，。？?]{1,12}?[多少][\u4e00-\u9fa5]了(?:多少|几)|"  # "比萸阳市多收了多少件"
                           # "2024年跟2023年比是升了还是降了"
                           r"[跟和与同](?:19|20)\d{2}年?相?比|[升增高多涨提][了]?还是[降减低少跌]|"
                           r"(?:上升|增加|提高|增长)还是(?:下降|减少|降低)")
# A measurement asked without 多少 ("面积多大", "要多久", "多长时间"): the units that answer it.
AREA_UNITS = ("平方米", "平方公里", "亩", "公顷")
MEASURE_ASKS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"面积(?:有|是|为)?多大|多大(?:的)?面积|面积[^，,。？?；;]{0,12}?多少|"
                r"\bhow (?:large|big)\b|\bhow much (?:farm|cultivated |arable )?land\b|"
                r"\bwhat (?:was|is|were) the (?:total )?area\b", re.I), AREA_UNITS),
    (re.compile(r"多久|多长时间|多少时间|(?:天数|日数|期限|时限|时长|用时|耗时|周期)(?:是|为|有)?(?:多少|多长|几)"),
     ("个工作日", "工作日", "天", "日", "小时", "分钟", "个月")),
)
# "多还是少", "是升了还是降了", "高还是低": which way two figures differ, asked as a figure
MORE_OR_LESS = re.compile(r"(?:是)?[升增高多涨提降减低少跌]了?还是[升增高多涨提降减低少跌]了?")
# A count named by its measure word ("事故起数", "死亡人数", "受理件数"): what is counted, no content word
COUNT_OF_MEASURE = re.compile(r"(起|件|人|户|家|次|名|项|宗)数(?!据|字|量)")
# "哪个区的败诉率低", "哪年法律援助的案子多", "谁更快": which of two figures is the larger or the
# smaller (``dir``: the comparative asked), not a name
WHICH_MORE = re.compile(r"(?:哪个|哪一个|哪一年|哪年|哪家|哪里|哪边|谁)"
                        r"(?:的?(?:更|比较)?|[^，。？?]{0,20}?(?:更|比较)|[^，。？?]{0,20}?(?=[高低多少大小快慢][呢啊呀]?(?:[，,？?。；;\s]|$)))"
                        r"(?P<dir>高|低|多(?!少)|少|大|小|快|慢)")
# Each of several years or places asked for ("23年和24年分别有多少", "各有多少家"): both figures.
EACH_ONE = re.compile(r"分别|各(?:自|年)?(?:有|是|为|达到)?(?:多少|几)|各[\u4e00-\u9fa5]{1,3}了(?:多少|几)|每年")
# Always a comparison: "2023年比2022年…", "比去年…".
COMPARE_TO_YEAR = re.compile(r"比(?:(?:19|20)\d{2}|去年|前年|上年)")
# The province as a whole ("比全省平均高多少"): a second place to compare with.
WHOLE_PROVINCE = re.compile(r"全省|本省|省里|省级")
# What a figure is the whole of: a place ("全市持证执法人员9872名") or one body ("全局持有执法
# 证件的执法人员486名", a department's own staff) — a figure of the one is no answer about the other.
WHOLE_OF_PLACE = re.compile(r"全(?:省|市|区|县|州|盟|旗|镇|乡)")
WHOLE_OF_BODY = re.compile(r"全局|本局|局机关|全系统|本系统|本部门|全委|本委")
# Words that frame a field or part without naming it ("生态环境领域的", "其中婚姻家庭方面的"), or a
# manner ("以调解、和解方式结案的": the 调解 and 和解 name how, 方式 names nothing).
FRAMING_WORDS = frozenset({"领域", "方面", "这块", "这一块", "那块", "这类", "那类", "方式", "形式"})
# "in its area" ("潊江分局辖区…刑事警情", "全县境内"): where, as the place is — no thing counted
AREA_WORDS = frozenset({"辖区", "本辖区", "辖内", "境内", "区域内"})
UP_WORDS = re.compile(r"涨|增加|增长|上升|提高|提升|多了")
DOWN_WORDS = re.compile(r"跌|减少|下降|降低|少了")
CHANGE_ASK = re.compile(r"(?:增加|增长|减少|下降|提高|降低|上升|多|少|涨|降|变化)了?(?:多少|几)?[\u4e00-\u9fa5]?")
# The stages of a case's life in the reports' words: it happened (发案), was taken in (受理, 立案),
# was concluded (办结, 破获) or handed on (移送). A count of one stage is never another stage's
# ("破获了多少起" is not 发案1127起). Field vocabulary, not any question's wording.
CASE_STAGES: tuple[frozenset[str], ...] = (
    frozenset({"发案", "发生"}),
    frozenset({"受理", "收到", "接收", "收案", "新收", "立案", "接报"}),
    frozenset({"办结", "审结", "结案", "破获", "侦破", "破案", "执结", "查结"}),
    frozenset({"移送", "移交"}),
)
# a permit's or licence's life: issued is not revoked ("核发排污许可证104张" answers no 吊销)
PERMIT_STAGES: tuple[frozenset[str], ...] = (
    frozenset({"核发", "颁发", "发放", "新发"}),
    frozenset({"吊销", "注销"}),
)
STAGES = CASE_STAGES + PERMIT_STAGES

SUM_WORDS = re.compile(r"合计|总共|一共|加起来|共计|总计|累计")
# a clause leading to the places it goes on to name one of: "各县（区）中，", "在各乡镇中，"
EACH_PLACE_LEAD = r"在?各(?:县|区|市|镇|乡|街道|乡镇|镇街)(?:[（(][^）)]{1,8}[）)])?(?:中|里|当中|之中)"
EACH_PLACE_LEAD_AT = re.compile(rf"^(?:{EACH_PLACE_LEAD})[，,、]?")  # such a clause opening a text
RATIO_WORDS = re.compile(r"增长了?(?:百分之)?多少(?:百分点|%)|增长了?百分之多少|增幅|增长率|增速|倍")
PLAN_WORDS = re.compile(r"计划|打算|安排|将要|明年|下一步|目标|力争")
# a result asked of a plan ("没完成1000件的目标，实际只办了多少件", "实际建成了几个？", "完成了吗？")
RESULT_ASKED = re.compile(r"实际|最终|最后|真正|完成了|完成没|达到了|达成|兑现|做到了")
# The heading of a report's part about next year ("四、2024年法治政府建设主要安排").
PLAN_SECTION = re.compile(r"安排|计划|打算|思路|下一步|工作重点|重点工作|努力方向|工作目标")

# ---- figures in report sentences -----------------------------------------------------------
# Words around a figure that make it approximate: "近200件", "超过90%", "1000人以上".
# 约/近 inside a word (村规民约, 公约, 最近, 附近) is no approximation
APPROX_YUE = r"(?<![公民合条契预制节签履违特守协相])约"
APPROX_JIN = r"(?<![附最亲邻靠])近"
APPROX_BEFORE = re.compile(rf"(?:将近|接近|大约|超过|突破|不少于|不低于|不超过|不足|多达|"
                           rf"{APPROX_JIN}|{APPROX_YUE}|超|逾)$")
APPROX_AFTER = re.compile(r"^(?:以上|以下|左右|以内)")
# Filler opening the words before a figure ("全年共收到…") and copulas closing them ("…为", "…达到").
FIGURE_LEAD = re.compile(r"^(?:全年共|全年|共计|共|累计|其中|并且|并|同时|目前|当年|今年|截至目前)+")
FIGURE_COPULA = re.compile(r"(?:分别为|分别达|均达到|均达|达到了|达到|达|为|是|实现|保持|共计|共|"
                           rf"计|均|{APPROX_YUE}|{APPROX_JIN}|逾|仅|超过|超|不少于|不低于|"
                           r"不超过|分别)+$")
# A sentence opening that leans on the one before it ("同时，…", "该平台…").
DEPENDENT_OPENINGS = ("同时", "此外", "另外", "其中", "对此", "为此", "在此基础上", "这", "该", "此")

# "为什么上升了？": a why-question whose premise is a direction of change over the year before
WHY_ASK = r"(?:为什么|为何|怎么会|什么原因|啥原因)[^，。？?]{0,12}"
CHANGE_VERBS = r"上升|增加|增长|提高|提升|下降|减少|降低|回落|多了|少了"
# … or a longer subject when the change ends the question ("为什么湟溪区2025年行政复议申请数量下降了？")
WHY_ASK_LONG = r"(?:为什么|为何|怎么会)[^，。？?]{13,30}"
WHY_CHANGED = re.compile(rf"{WHY_ASK}(?:{CHANGE_VERBS})|{WHY_ASK_LONG}(?:{CHANGE_VERBS})(?=了?[？?]?$)")

__all__ = ["APPROX_AFTER", "APPROX_BEFORE", "APPROX_JIN", "APPROX_YUE", "ASKING_CLAUSE", "ASKING_SENTENCE",
           "ASKING_WORD",
           "ASK_UNIT_RE", "ASK_WORDS", "BODY_KIND", "CHANGE_ASK", "CHANGE_VERBS",
           "COMPARE_TO_YEAR", "COMPARE_WORDS", "COUNTED_NOUN_UNITS", "EN_COUNTED_UNITS", "EN_MEASURE_WORD",
           "noun_units",
           "WHY_ASK", "WHY_ASK_LONG", "WHY_CHANGED",
           "DEMONSTRATIVE", "DEPENDENT_OPENINGS",
           "DOWN_WORDS",
           "FIGURE_COPULA", "FIGURE_LEAD", "FILLERS", "FRAMING_WORDS", "GENERIC_NOUNS", "LEAD_WORDS", "MEASURE",
           "MONEY_WORDS", "MORE_OR_LESS", "NAME_ASK", "PAIR_UNIT", "PERCENT_WORDS", "PLAN_SECTION", "PLAN_WORDS",
           "PRONOUN",
           "QUESTION_WORDS", "QUOTED", "QUOTED_NAME", "RATE_ASK", "RATIO_WORDS", "SUM_WORDS",
           "MEASURE_ASKS", "TAIL_WORDS", "UNIT_FAMILIES", "UP_WORDS", "WHICH_MORE", "WHOLE_OF_BODY",
           "WHOLE_OF_PLACE",
           "WHOLE_PROVINCE", "YES_NO"]
