"""Bind each figure of a sentence to the phrase it measures (see docs/FACTS.md).

Left to right over the sentence's figures, with a little state carried along the sentence:
the topic before a colon ("行政复议案件：收到申请263件…"), the object of the last full
indicator (for 受理/审结/维持 chains and 其中 shares), the year last named, a pending "由A"
(for "增加至B"), whether a plan marker was seen. The phrase of a figure is the text between
the previous figure (or the clause start, at most 40 characters back) and the figure,
stripped of scope words (全年, 累计, 其中…) and linking verbs (达到, 为, 共…). The noun after a
measure word ("5期培训班", "与全市78家商会") names the count instead when that phrase is empty,
ends in 的/和/、/等, or is a longer phrase not tied to the figure by a linking verb (达/为/共有).
Every step looks at a bounded window, so the work is linear in the sentence length.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from facts.figures import Figure, find_figures
from facts.model import Fact
from zh.words import APPROX_JIN, APPROX_YUE, CASE_STAGES, UNIT_FAMILIES

_BOUNDARY = re.compile(r"[，,；;。！？!?\n]")
_WINDOW = 40
_YEAR = re.compile(r"(?<![较比与同和])((?:19|20)\d{2}|[二一][〇零○][〇零○一二三四五六七八九]{2})年(?:度)?"
                   r"(?!以来|起|至今|之前|以前|前|后)")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_YEAR_PHRASE = re.compile(r"(?:截至|截止)?(?:(?<![较比与同\d])"
                          r"(?:(?:19|20)\d{2}年?(?:至|到|—|－|~|～)|(?:19|20)\d{2}年(?:、|和|及|与))*"  # a span, a list
                          r"(?:19|20)\d{2}年(?:度|底|末|年底|上半年|下半年)?"
                          r"(?:\d{1,2}月(?:份|底|末)?)?|(?<![较比与同])(?:上一年|上年度?|去年|前年|年初))(?:的|，)?")
_LEAD = re.compile(
    r"^(?:其中|全年|全区|全市|全县|全省|全镇|全乡|全街道|全局|全系统|年内|当年|今年|本年度|本年|"
    r"截至目前|目前|现有|共有|拥有|有(?!效|序|力|关)|共计|总计|合计|累计|共|另有|另外|此外|同时|并|还|也|均|已|又|再|"
    r"、|，|对|向|为|在(?![册编岗押建职校读办])|从|通过|以来|先后|分别|逐步|有效|进一步|成功|依法|上述|力争|确保|争取|推动|"
    r"计划|预计|拟|目标(?:是|为)?|将|到|要|明年|下一年|来年|今后|以及(?=$)|[和及与](?=$))+")
_LEAD_KEEP_NEW = re.compile(r"^新(?=增|建|设|制定|出台|引进|发展|招录|聘请|受理|组建|上线)")
_TRAIL = re.compile(
    rf"(?:达到|达|(?<!行)为|是|共计|总计|合计|累计|共|计|有|{APPROX_YUE}|{APPROX_JIN}|超过|超|逾|多达|高达|仅|只有|不少于|"
    r"不低于|不超过|保持在|稳定在|控制在|突破|增至|降至|升至|提升至|提高至|提高到|上升至|下降至|增加至|"
    r"减少至|压缩至|缩短至|压减至|扩充至|扩大至|提升到|精简至|缩减至|压降至|下调至|上调至|调整至|调整为|精简为|"
    r"扩大到|扩充到|扩展至|扩展到|拓展至|拓展到|压缩到|缩短到|精简到|延伸至|延伸到|增加到|减少到|"
    r"缩减为|压缩为|缩短为|下调为|上调为|至|(?<![收接办做得遇找看听提受])到|了|的|在|(?<!平)均|分别|累计达|保持|全部|由|实现|力争|争取|确保|连续[\d一二三四五六七八九十]+年|"
    r"，|、|和|及|与)+$")
_CHANGE = re.compile(
    r"(?P<base>同比|环比|比上年|较上年|比去年|较去年|与上年相比|与去年相比|较上年度|比上年度|"
    r"较(?:19|20)\d{2}年|比(?:19|20)\d{2}年|较年初|较同期|比同期)?(?:分别|(?<!平)均)?"
    r"(?P<verb>增长|增加|上升|提高|提升|下降|减少|降低|回落|下滑|压减|减|增|降|多|少)了?$")
# (an adverb may come before the verb: 由10个工作日进一步压缩至5个工作日)
_ADVERB_OF_CHANGE = r"(?:进一步|再次|再|又|大幅|逐步|持续|累计)?"
_AFTER = re.compile(r"^(?:分别)?" + _ADVERB_OF_CHANGE +
                    r"(?:(?:增加|增长|提升|提高|上升|下降|减少|降低|扩大|缩小|压缩|缩短|压减|"
                    r"扩充|调整|精简|缩减|压降|下调|上调|增|降|升|减)?(?:至|到|为)|"
                    r"[\u4e00-\u9fff]{2}(?:至|到))$")  # 由7个扩展至10个
# 由4家 / 由法定的20个工作日 / 由每人每月860元 (a rate's unit of people and time before the figure)
_BEFORE = re.compile(r"(?:由|从)(?:[^由从，]{0,12}的|(?:每[人户名])?(?:每[年月天日])|人均|平均)?$")
_PREVIOUS_YEAR = re.compile(r"(?:上年|去年|上一年|上年度)(?:同期)?(?:的|为|是)$")  # "较上年的7882件"
# "纠错率为10.7%，较2024年的12.3%下降…", "（2024年为11.6%）": an earlier year's value, named
_EARLIER_YEAR = re.compile(r"(?:^|[较比与（(])((?:19|20)\d{2})年度?(?:同期)?(?:的|为|是)$")  # (…较2024年度的89.8%)
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                         r"[一二三四五六七八九十]{1,3}是)")  # "1." "（二）" "一是" before a paragraph


def without_enumerator(text: str) -> str:
    """The paragraph without its leading "1." / "（二）" / "一是" (and spaces)."""
    return _ENUMERATOR.sub("", text, count=1).lstrip()


_CHANGE_VERB = re.compile(r"增长|增加|上升|提高|提升|下降|减少|降低|回落|下滑|压减")
_DECREASE = frozenset({"下降", "减少", "降低", "回落", "下滑", "压减", "减", "降", "少"})
_PLAN = re.compile(r"力争|确保|目标(?=[是为：:]|达到|值)|按照?计划(?=[，,])|"
                   r"计划(?=[于在到将]|开展|完成|举办|建成|新建|实施|推出|培训|组织|新增|引进|达到)|预计|拟|争取|将(?=力争|达到|实现|提高|提升|增加|"
                   r"完成|建成|新增|开展|举办|培训|组织|新建|推动|突破|控制|覆盖)|(?:^|(?<=[，；：]))到(?:19|20)\d{2}年")
# what was done after a plan was stated ("按照计划，…建成…45个，截至年底已建成38个"): no plan
_ACTUAL = re.compile(r"实际|已经?(?=建成|完成|实现|达到|办理|开展|新增)")
_VERB = re.compile(
    r"^(?:受理|收到|收案|接收|接到|办理|办结|审结|审查|审核|审理|接待|开展|举办|组织|培训|化解|调解|"
    r"调处|处理|查处|引进|建成|建立|发放|出具|提供|制定|出台|修订|清理|备案|发布|公布|印发|落实|"
    r"完成|参与|参加|上报|征集|收集|立案|作出|答复|聘请|评查|评定|发现|督促|整改|纠正|组建|新增|"
    r"报备|招录|新招录|发生|审批|办|接|收)")
_VERB_END = re.compile(r"(?:收案|受理|办结|审结|结案|立案|数量|总数|总量|在册)$")
_CHAIN = frozenset({"受理", "不予受理", "审结", "办结", "结案", "维持", "撤销", "确认违法", "责令履行",
                    "变更", "驳回", "终止", "调解", "和解", "纠错", "纠正", "败诉", "胜诉", "收案",
                    "立案", "化解", "答复", "告知", "转送", "办理", "处理", "移送", "补正", "调解成功",
                    "撤诉", "判决", "裁定", "发生", "涉及", "审理", "出庭", "废止", "修改", "采纳",
                    "保留", "建成", "培训", "出具", "参训", "宣布失效", "接收", "整改"})
_RATE_OF_CHANGE = {"增幅": "increase", "增长率": "increase", "增速": "increase", "涨幅": "increase",
                   "降幅": "decrease", "下降率": "decrease", "降低率": "decrease"}
_MEASURE_UNITS = frozenset({"家", "个", "件", "名", "位", "项", "场", "期", "份", "条", "本", "册",
                            "所", "批", "篇", "部", "起", "宗", "类", "种", "组", "套", "台", "张",
                            "支", "处", "座", "间", "次", "人", "户", "门", "笔", "单", "轮", "卷"})
_POST_NOUN = re.compile(r"[\u4e00-\u9fff]{1,10}(?:（[\u4e00-\u9fff、]{1,6}）[\u4e00-\u9fff]{0,8})?")
_POST_STOP = re.compile(r"同比|较|比|以上|左右|以内|的|和|及|与|等|予以|获|被|为|中|内|增长|下降|"
                        r"全部|均|已|开展|进行|参加|参与|接受|实现|完成|设立|建成|组成|覆盖|纳入|"
                        r"列入|设置|提供|开通|达到|达|建立|配备|下沉|派驻|入驻|获评|通过|实行|撤回|"
                        r"调处|化解|审结|查处|发放|共(?=调|办|受|处|化|审|开|组|举|发|查|收|接|培|出)|"
                        r"全年|年内|当年|今年|累计|先后|依法|共计|合计|办理|受理|办结|收到|接待|举办|"
                        r"作出|出具|提出|承办")
_AFTER_AHEAD = re.compile(r"^的?" + _ADVERB_OF_CHANGE +
                          r"(?:(?:增加|增长|提升|提高|上升|下降|减少|降低|扩大|缩小|压缩|缩短|压减|扩充|"
                          r"精简|缩减|压降|下调|上调|调整|增|降|升|减|[\u4e00-\u9fff]{2})?(?:至|到)|"
                          r"(?:调整|精简|缩减|压缩|缩短|下调|上调|提高|降低)为)")
_LINK_END = re.compile(r"(?:达到|达|为|是|共计|总计|合计|增至|突破|超过|共有|现有|拥有|累计)\s*$")
_GENERIC_HEAD = re.compile(r"指标|数据|情况|成效|如下|以下|包括|具体|主要|成果|亮点|其中")
_QUOTED = re.compile(r"《[^《》]{0,60}》|“[^“”]{0,60}”")
_MID_TIME = re.compile(r"全年|年内|当年|今年以来|本年度|累计")
_IN_HEAD = re.compile(r"[^，。；：\d]{2,12}中，")
# 新接收: a step of the chain too; so is 经甄别受理 (a screening before the step)
_CHAIN_PREFIX = re.compile(r"^(?:决定|依法|予以|作出|被|新|经(?:审查|甄别|核查|核实|调查|审核|筛查|研判|初审|复核))")
_RATE = re.compile(r"(?:率|占比|比例|比重)$")
# before the items of a list, each named with its figure ("分别为瀣东区512件、濩水县468件")
_NAMED_AFTER = re.compile(r"分别(?:为|是)")
# what follows a figure that is a target ("高于年初确定的95%的目标"), not a level reached
_TARGET_AFTER = re.compile(r"^的?(?:年度|预期|既定|工作|考核)?目标")
_SHARE_PHRASE = re.compile(r"^占(?:比|比例|比重)?(?P<whole>.*?)(?:的?(?:比例|比重))?$")
_SHARE_END = re.compile(r"共|累计|全年|合计|总计|另|此外|同时|并|还|全市|全区|全县")


def _counted_alike(unit: str, whole_unit: str) -> bool:
    """A part counted like its whole: the same unit, or two units of one family each counts in
    ("新增经营主体4850户，其中企业九百六十三家": 家 and 户; 件 and 起) — not visits (家次) of things (家)."""
    if unit == whole_unit:
        return True
    if unit.endswith("次") or whole_unit.endswith("次"):
        return False
    return unit in UNIT_FAMILIES.get(whole_unit, ()) and whole_unit in UNIT_FAMILIES.get(unit, ())


def _strip(phrase: str) -> str:
    phrase = _YEAR_PHRASE.sub("", phrase[-2 * _WINDOW:]).lstrip()  # bounded: the trailing regex backtracks
    for _ in range(3):
        before = phrase
        if not _LEAD_KEEP_NEW.match(phrase) and (lead := _LEAD.match(phrase)):
            end = lead.end()
            if end == 1 or _LEAD.fullmatch(phrase[:end - 1]):  # a one-character lead word last
                end = _word_start(phrase, end)
            phrase = phrase[end:]
        phrase = _TRAIL.sub("", phrase, count=1)
        if phrase == before:
            break
    phrase = phrase.strip("“”\"' ，、")
    if phrase[:1] in "（(" and not re.search(r"[）)]", phrase):
        phrase = phrase[1:]
    if phrase[-1:] in "）)" and not re.search(r"[（(]", phrase):
        phrase = phrase[:-1]
    if phrase.count("“") != phrase.count("”") or phrase.count("《") != phrase.count("》"):
        phrase = re.sub(r"[“”《》]", "", phrase)
    return phrase


def _word_start(phrase: str, at: int) -> int:
    """``at``, or the start of the word ``at`` falls inside ("要素保障类投诉": 要 is no lead word
    there, 要素 is a noun)."""
    if at >= len(phrase) or at == 0:
        return at
    start = 0
    for word, _ in pos_words(phrase[:at + 3]):
        if start + len(word) > at:
            return start if start < at else at
        start += len(word)
    return at


def _in_chain(indicator: str) -> bool:
    """受理, 决定维持, 撤销或确认违法: a step of the chain, about the thing counted before it."""
    if indicator in _CHAIN or not indicator:
        return bool(indicator)
    parts = re.split(r"[或和、及]", _CHAIN_PREFIX.sub("", indicator))
    return all(p in _CHAIN for p in parts)


def object_of(indicator: str) -> str:
    """The thing an indicator counts: '受理信访事项' -> '信访事项', '行政诉讼案件收案' -> '行政诉讼案件'."""
    rest = _VERB.sub("", indicator, count=1)
    rest = _VERB_END.sub("", rest) if len(rest) > 4 else rest
    return rest if len(rest) >= 3 else indicator  # 清理文件: 文件 alone says too little


def _named_before(sentence: str, upto: int, indicator: str) -> str:
    """The fuller name an earlier clause gave a bare two-character object: in
    "开展行政规范性文件全面清理，共清理文件186件", 文件 is 行政规范性文件."""
    rest = _VERB.sub("", indicator, count=1)
    if len(rest) != 2 or rest == indicator or not re.fullmatch(r"[\u4e00-\u9fff]{2}", rest):
        return ""
    at = sentence.rfind(rest, max(0, upto - 2 * _WINDOW), upto - len(indicator))
    if at < 2:
        return ""
    left = max(sentence.rfind(c, 0, at) for c in "，；：")
    right = min((p for p in (sentence.find(c, at) for c in "，；：") if p >= 0), default=-1)
    if right < 0 or right >= upto - len(indicator) or re.search(r"\d", sentence[left + 1:right]):
        return ""  # only a clause of its own that counts nothing names it ("开展…全面清理，")
    run = re.search(r"[\u4e00-\u9fff]{2,10}$", re.split(r"[的、和与及]", sentence[max(0, at - 10):at])[-1])
    name = _strip(object_of(_strip(run.group(0)))) if run else ""
    return name + rest if len(name) >= 2 and not _VERB.match(name) else ""


# a figure that counts who a measure reached ("惠及群众2.3万户"), not what the measure is
_REACH = re.compile(r"^(?:惠及|受益|服务|覆盖|帮助|涉及)(?:群众|企业|居民|市民|农户|家庭|人员|人群|经营主体)?$")
_MEASURE_CLAUSE = re.compile(r"(?:推行|推广|实施|开展|推进|落实|实行|建立|推出)(?P<what>[^，；。\d]{2,20})$")


def _measure_of(sentence: str, upto: int, indicator: str) -> str:
    """The measure a reach figure is of: "推行“交房即交证”，全年惠及群众2.3万户" → 交房即交证
    (the clause right before, which counts nothing, names it); '' otherwise."""
    if not _REACH.match(indicator):
        return ""
    head = sentence[:upto]
    cut = max(head.rfind(c) for c in "，；")
    if cut < 0:
        return ""
    before = head[:cut]
    start = max(before.rfind(c) for c in "，；。：") + 1
    m = _MEASURE_CLAUSE.search(before[start:])
    return _strip(m.group("what").strip("“”\"")) if m else ""


# Verbs that have the thing counted after them do something ("帮助…经营主体完成信用修复", "组织…执法
#人员参加培训"), and what it did ends at a mark or a figure.
_CAUSATIVE = re.compile(r"帮助|指导|督促|推动|引导|组织|协助|动员|带动|支持|帮扶")
_CAUSED = re.compile(r"((?:完成|参加|参与|实现|通过|取得|开展|落实|建成|建立|申请|办理|签订|整改|修复|退出|入驻)"
                     r"[\u4e00-\u9fa5“”]{0,10}?)(?=[，,。；;、（(]|$|[0-9])")


def _post_noun(text: str) -> str:
    """The noun right after a measure word: '商会建立常态化联系' -> '商会'; '' when no verb or
    mark ends it within 8 characters (then it is a clause, not a noun)."""
    m = _POST_NOUN.match(text)
    if not m:
        return ""
    noun = m.group(0)
    words = pos_words(noun) if text[len(noun):len(noun) + 1] == "、" else ()
    if len(words) >= 3 and len(words[-1][0]) == 1 and words[-2][1] == "v":
        # "5个小组实地走访市、区两级…": the list after the verb is its object, not the noun's end
        noun = noun[:-len(words[-1][0]) - len(words[-2][0])]
    stop = _POST_STOP.search(noun)
    if stop is not None:
        noun = noun[:stop.start()]
    elif len(noun) > 3 and (cut := _predicate_start(noun)):
        noun = noun[:cut]  # "部门录入随机抽查事项清单": 录入 starts the predicate
    elif len(noun) == len(text[:len(noun) + 1]) - 1 and len(noun) > 8:
        return ""  # runs on past the window: a clause
    noun = _TRAIL.sub("", noun)
    return noun if len(re.sub(r"（[^）]*）", "", noun)) <= 8 else ""  # 乡镇（街道）综合执法队


@functools.cache
def _pos_tagger() -> Any:
    """jieba's part-of-speech tagger (its dictionary loads on first use, about a second)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.dt


RARE_CHAR_FREQ = 500  # a character jieba's dictionary counts fewer times than this is no everyday word


def rare_char(char: str) -> bool:
    """A character too rare in jieba's dictionary to be an everyday word of its own (漊, 漉, 濋):
    its part-of-speech tag is a guess, and in a name it is the name's own character."""
    tagger = _pos_tagger()
    tagger.tokenizer.check_initialized()
    return tagger.tokenizer.FREQ.get(char, 0) < RARE_CHAR_FREQ


@functools.lru_cache(maxsize=4096)
def pos_words(phrase: str) -> tuple[tuple[str, str], ...]:
    """The phrase's words with their part-of-speech tags (jieba.posseg): (("荛", "x"), ("北镇", "ns"))."""
    return tuple((w.word, w.flag) for w in _pos_tagger().lcut(phrase)) if phrase else ()


@functools.lru_cache(maxsize=8192)
def verbs(phrase: str) -> tuple[str, ...]:
    """The phrase's words tagged as verbs ("查处环境违法案件" → 查处; 违法 is a verbal noun); for
    short phrases (a word, a row label): tagging costs ~1 ms per 50 characters."""
    return tuple(w.word for w in _pos_tagger().lcut(phrase) if w.flag == "v") if phrase else ()


def is_verb(word: str) -> bool:
    """Whether a word alone is tagged as a verb (查处, 受理; not 违法, 案件)."""
    return verbs(word) == (word,)


def is_report_verb(word: str) -> bool:
    """A verb alone, or one of the reports' action verbs jieba tags otherwise (办理 as n, 清理 as a)."""
    return is_verb(word) or bool(_VERB.fullmatch(word)) and len(word) > 1


def ends_with_verb(phrase: str) -> bool:
    """Whether the phrase's last word is a verb ("县政府本级受理"; not "省政府本级")."""
    words = _pos_tagger().lcut(phrase[-40:]) if phrase else []
    return bool(words) and words[-1].flag == "v"


_NOT_NAMING = frozenset("r d p c u m q v f e y o".split())  # pronouns, adverbs, … verbs: name no kind


@functools.lru_cache(maxsize=8192)
def names_a_kind(word: str) -> bool:
    """Whether a word can name a kind of thing (交通运输, 城管, 邻里, 刑事), not a pronoun or an
    adverb (自己, 这些) or a plain verb."""
    tagged = _pos_tagger().lcut(word) if word else []
    return bool(tagged) and all(w.flag not in _NOT_NAMING for w in tagged)


def starts_with_verb(phrase: str) -> bool:
    """Whether the phrase opens with a verb, its subject left to the clause before ("受理881件，
    审结856件" after "市本级收到行政复议申请963件；")."""
    words = _pos_tagger().lcut(phrase[:12]) if phrase else []
    lead = 0
    while lead < min(2, len(words) - 1) and words[lead].flag == "d":
        lead += 1  # (an adverb first: "已整改到位134件", "均已办结")
    return bool(words) and words[lead].flag == "v"


def _predicate_start(phrase: str) -> int:
    """Where a predicate starts after the leading noun of ``phrase`` (0: none seen): an adverb
    or preposition, or a verb not followed by a noun (a verb before a noun may modify it:
    行政执法案卷)."""
    words = [(w.word, w.flag) for w in _pos_tagger().lcut(phrase)]
    at = 0
    seen_noun = False
    for k, (word, flag) in enumerate(words):
        if seen_noun and at >= 2 and (flag in ("d", "p", "c") or flag == "v" and len(word) >= 2 and (
                k + 1 < len(words) and not words[k + 1][1].startswith(("n", "v")))):
            before = words[k - 1]
            if before[1] == "v" and len(before[0]) >= 2 and at - len(before[0]) >= 2:
                return at - len(before[0])  # "问题制定整改清单": the predicate starts at 制定
            return at
        seen_noun = seen_noun or flag.startswith("n") or flag in ("l", "j")
        at += len(word)
    return 0


def _years(sentence: str) -> list[tuple[int, int]]:
    """(position, year) of the years the sentence names, outside quotes and book titles."""
    out = []
    depth = last = 0
    for m in _YEAR.finditer(sentence):
        gap = sentence[last:m.start()]
        depth += gap.count("《") + gap.count("“") - gap.count("》") - gap.count("”")
        last = m.start()
        if depth <= 0:
            out.append((m.start(), int(m.group(1).translate(_CN_YEAR_DIGITS))))
    return out


# "2023年至2025年", "2023—2025年", "2023年、2024年和2025年": the years a 分别 list runs over
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})年?(?:至|到|—|－|-|~|～)((?:19|20)\d{2})年")
_YEAR_LIST = re.compile(r"(?:(?:19|20)\d{2}年(?:度)?(?:、|和|及|与|，))+(?:19|20)\d{2}年(?:度)?")


def _listed_years(sentence: str, figures: list[Figure]) -> dict[int, int]:
    """"2023年至2025年，全县办理法律援助案件分别为286件、318件、352件": {index of 286件: 2023, …}
    — the years named before 分别, one per figure of its list, when they are as many as the
    figures and no other figure stands between them and 分别."""
    out: dict[int, int] = {}
    starts = [f.start for f in figures]
    pos = sentence.find("分别")
    while pos >= 0:
        first = bisect.bisect_left(starts, pos)
        before = figures[first - 1].end if first else 0
        head = sentence[before:pos]
        spans = [(m.end(), list(range(int(m.group(1)), int(m.group(2)) + 1)))
                 for m in _YEAR_SPAN.finditer(head) if int(m.group(1)) < int(m.group(2))]
        spans += [(m.end(), [int(y) for y in re.findall(r"(?:19|20)\d{2}", m.group())])
                  for m in _YEAR_LIST.finditer(head)]
        if spans:
            named = max(spans)[1]
            run = [first]
            for i in range(first + 1, len(figures)):
                gap = sentence[figures[i - 1].end:figures[i].start]
                if len(gap) > 3 or re.search(r"[^、，和及与以]", gap):
                    break
                run.append(i)
            if len(run) == len(named) >= 2:
                out.update(zip(run, named, strict=True))
        pos = sentence.find("分别", pos + 2)
    return out


def _colon_topic(sentence: str, first: int) -> tuple[int, str]:
    """A short head before a colon that precedes the first figure: '行政复议案件：…'."""
    at = sentence.find("：", 0, first)
    if at < 0:
        m = _IN_HEAD.match(sentence[:first])  # "审结案件中，决定维持121件…"
        if m is None:
            return -1, ""
        at = m.end() - 1
    head = sentence[:at]
    cut = max(head.rfind(c) for c in "，。；")
    head = _strip(head[cut + 1:].removesuffix("中"))
    if _GENERIC_HEAD.search(head):
        return at, ""  # "主要指标：…", "具体情况如下：…" name no subject
    return (at, head) if 0 < len(head) <= 24 else (-1, "")


def _respectively(sentence: str, figures: list[Figure],
                  bounds: list[int]) -> dict[int, tuple[str, str, str]]:
    """'行政复议、行政诉讼案件分别为120件、45件' -> {index of 120件: ('行政复议', topic, change), …};
    a topic '#j' means "about the item of figure j" (items named earlier with their figures)."""
    out: dict[int, tuple[str, str, str]] = {}
    starts = [f.start for f in figures]
    pos = sentence.find("分别")
    while pos >= 0:
        run: list[int] = []
        last = pos
        for i in range(bisect.bisect_left(starts, pos), len(figures)):
            f = figures[i]
            gap = sentence[last:f.start]
            if run and (len(gap) > 3 or re.search(r"[^、，和及与以]", gap)):
                break
            if not run and len(gap) > 12:
                break
            run.append(i)
            last = f.end
        k = bisect.bisect_right(bounds, pos) - 1
        start = bounds[k] + 1 if k >= 0 else 0
        head = sentence[max(start, pos - 2 * _WINDOW):pos]  # (a list of long names: 生态环境和资源保护、…领域的)
        if not head.strip() and k >= 1:
            # "泃阳市、泫州市、泃川市…户次居全省前三位，分别为…": the list is the clause before
            head = _RANKED.sub("", sentence[max(bounds[k - 1] + 1, pos - _WINDOW):bounds[k]])
        items = _list_items(head)
        if len(run) >= 2 and len(items) > len(run) and "、" in head:
            # "生态环境和资源保护、食品药品安全…领域": an item's own 和 is no join when 、 alone gives one item
            # a figure
            marked = [x for x in map(_strip, head.split("、")) if x]
            items = marked if len(marked) == len(run) else items
        base = bool(items) and _CHANGE.fullmatch(items[-1] + "增长") is not None
        if len(run) >= 2 and len(items) == len(run) and not base:
            whole = object_of(items[-1])  # 受理、审结行政复议案件: both about 行政复议案件
            size = len(items[0])
            if size <= 3 and len(items[-1]) > size and all(
                    len(x) == size and not _in_chain(x) for x in items[:-1]):
                items = [x + items[-1][size:] for x in items[:-1]] + items[-1:]  # 一审、二审败诉率
            elif places := _places_with_tail(items):  # 在潅城区、潈江区、潈溪县的案件败诉率: each place's
                items = places
            elif tail := _after_field_word(items) or _after_last_word(items):
                # 行政处罚类、信息公开类、工伤认定类案件败诉率: each 类's; 一般登记、抵押登记平均办理时间: each 登记's
                items = [x + tail for x in items[:-1]] + items[-1:]
            elif head := _shared_head(items):  # 危险化学品、工贸、非煤矿山、烟花爆竹企业: all 企业
                items = [x + head for x in items[:-1]] + items[-1:]
            elif said := _shared_predicate(items):  # 电话、政府网站、微信小程序受理量: each one's 受理量
                items = [x + said for x in items[:-1]] + items[-1:]
            for i, item in zip(run, items, strict=True):
                out[i] = (item, whole if item in _CHAIN and whole != items[-1] else "", "")
        elif len(run) >= 2 and len(items) <= 1:
            # "办理建议231件、提案302件，满意率分别为99.1%和99.6%" / "…，同比分别增长19.4%和12.1%":
            # one each of the items named before, with their figures
            rates = figures[run[0]].unit in ("%", "个百分点")
            earlier = [j for j in range(run[0]) if not rates
                       or figures[j].unit not in ("%", "个百分点")][-len(run):]
            if len(earlier) == len(run) and _listed(sentence, [figures[j] for j in earlier]):
                verb = _CHANGE_VERB.search(sentence[pos:figures[run[0]].start])
                change = "" if verb is None and not base else \
                    "decrease" if verb is not None and verb.group(0) in _DECREASE else "increase"
                item = "" if change else (items[0] if items else "")
                if item or change:
                    for i, j in zip(run, earlier, strict=True):
                        out[i] = (item, f"#{j}", change)
            elif k >= 0 and (places := _places_listed(sentence[bounds[k - 1] + 1 if k else 0:bounds[k]])) \
                    and len(places) == len(run):
                # "在澊北街道、漌塘镇试点建设调解工作室，分别调处纠纷326件、281件": one each of the
                # places the clause before lists
                said = _strip(head + re.sub(r"^(?:为|是|达到|达)", "", sentence[pos + 2:figures[run[0]].start]))
                for i, place in zip(run, places, strict=True):
                    out[i] = (said, place, "")
        pos = sentence.find("分别", pos + 2)
    return out


def _shared_predicate(items: list[str]) -> str:
    """The predicate the last item of a list of nouns carries for all ("电话、政府网站、微信小程序受理量"
    → 受理量): from its first verb of doing on, when no earlier item has a verb; "" otherwise."""
    if any(len(w) >= 2 and (is_report_verb(w) or flag == "v") for x in items[:-1] for w, flag in pos_words(x)):
        return ""  # (an earlier item says its own doing: 全程网办率、按时办结率)
    at = 0
    for word, _ in pos_words(items[-1]):
        if at >= 2 and is_report_verb(word):
            said = items[-1][at:]
            return "" if said.endswith("率") else said
        at += len(word)
    return ""


_PLACE_NAME = r"[\u4e00-\u9fa5]{1,6}?(?:街道|镇|乡|区|县|市|州)"
_PLACE_LIST = re.compile(rf"{_PLACE_NAME}(?:[、和及与]{_PLACE_NAME})+")


def _places_listed(clause: str) -> list[str]:
    """The places a clause lists ("在澊北街道、漌塘镇试点…" → 澊北街道, 漌塘镇); [] for none."""
    m = _PLACE_LIST.search(re.sub(r"^[在对向于从为]", "", clause))
    return re.split("[、和及与]", m.group(0)) if m else []


_JOINERS = frozenset({"、", "和", "及", "与", "以及"})
# where the items of a list stand ("居全省前三位", "位列全市第一"): no part of what they measure
_RANKED = re.compile(r"(?:均|分别)?(?:居|位居|位列|排在?|列)(?:全[国省市区县州]|同类[\u4e00-\u9fa5]{0,4})?"
                     r"(?:前|第)[一二三四五六七八九十\d]{1,2}(?:位|名)?$")


def _list_items(head: str) -> list[str]:
    """The items of a list before 分别 ("行政复议、行政诉讼案件" → 行政复议, 行政诉讼案件), split at the
    joining words as words, never inside one (涉及, 参与, 和解, 及时 are no joins)."""
    items, item = [], ""
    for word, _ in pos_words(head):
        if word in _JOINERS:
            items.append(item)
            item = ""
        else:
            item += word
    items.append(item)
    return [x for x in map(_strip, items) if x]


_FIELD_WORDS = frozenset({"领域", "方面", "行业", "类", "类别", "类型", "系统"})


# the thing a clause says is highest (lowest, most…), before the clause giving only its figure ("…最高，为14.2%")
_TOP_BEFORE = re.compile(r"(?:^|[，,；;。：:])([^，,；;。：:]{2,30}?)"
                         r"(?:最高|最低|最多|最少|最大|最小|最快|最长)[，,]\s*$")


def _places_with_tail(items: list[str]) -> list[str]:
    """Places listed before what each of them measures ("被诉行政机关在潅城区、潈江区、潈溪县的案件败诉率" →
    潅城区的案件败诉率, 潈江区的案件败诉率, 潈溪县的案件败诉率); [] when the items are no places."""
    named = [re.split("[在对向于的]", x)[-1] for x in items[:-1]]
    last = re.match(rf"(?:{_PLACE_NAME})(?=的?[\u4e00-\u9fa5]{{2}})", items[-1])
    if last is None or len(last.group()) > 5 or not all(
            2 <= len(x) <= 5 and re.fullmatch(_PLACE_NAME, x) for x in named):
        return []
    tail = items[-1][last.end():]
    lead = items[0][:len(items[0]) - len(named[0])]  # "被诉行政机关在": whose figures, for each place
    return [lead + x + tail for x in named] + [lead + items[-1]]


def _after_field_word(items: list[str]) -> str:
    """What the last item says after the field word every item ends in ("行政处罚类、信息公开类、
    工伤认定类案件败诉率" → 案件败诉率: each kind's 败诉率); "" when the items end otherwise."""
    field = next((w for w in sorted(_FIELD_WORDS, key=len, reverse=True) if items[0].endswith(w)), "")
    return _tail_after(items, field, str.rfind)


def _after_last_word(items: list[str]) -> str:
    """What the last item says after the word every other item ends in, said inside it too ("一般登记、抵押登记
    平均办理时间" → 平均办理时间: each kind of 登记's time); "" when the items end otherwise."""
    words = pos_words(items[0])
    last = words[-1][0] if words else ""
    return _tail_after(items, last if len(last) >= 2 else "", str.find)


def _tail_after(items: list[str], word: str, find: Callable[[str, str], int]) -> str:
    """What the last item says after ``word`` (where ``find`` finds it: its first or last place), when every other
    item ends in it and the first is more than it; "" otherwise, or when that is under two characters."""
    if not word or len(items[0]) == len(word) or not all(x.endswith(word) for x in items[:-1]):
        return ""
    at = find(items[-1], word)
    tail = items[-1][at + len(word):] if at > 0 else ""
    return tail if len(tail) >= 2 else ""


def _shared_head(items: list[str]) -> str:
    """The noun ending the last item of a 、 list that names the kind of every item ("危险化学品、
    工贸、非煤矿山、烟花爆竹企业" → 企业; "行政复议、行政诉讼案件" → 案件); "" when the others end
    as it does ("全程网办率、按时办结率"), are steps of a chain (受理、审结…), or it is no noun."""
    words = pos_words(items[-1])
    if len(words) < 2:
        # one word ("噪声污染" of "大气、水、固体废物和噪声污染"): the dictionary word it ends in
        return _ending_noun(items)
    head, flag = words[-1]
    # (a verbal noun too, with the noun before it, when the last item is longer than any other: "危险化学品、
    # 非煤矿山、工贸行业专项检查" — all 专项检查; not "行政处罚、行政强制、行政检查", three kinds alike)
    verbal = flag == "vn" and len(words) >= 3 and words[-2][1] == "n" \
        and len(items[-1]) > max(len(x) for x in items[:-1]) + 1 \
        and not any(f == "v" for x in items for _, f in pos_words(x))  # (not acts: 移送行政拘留、移送涉嫌…犯罪)
    if len(head) < 2 or not (flag.startswith("n") or verbal) or any(
            head in x or x.endswith(head[-1]) or _in_chain(x) for x in items[:-1]):
        return ""
    if verbal:
        head, words = words[-2][0] + head, words[:-1]
    # "市场监管、自然资源、人力社保领域的案件": the field word before it is every item's too, and
    # all the last item says after it ("…出让领域的诉前检察建议": 领域的诉前检察建议)
    said = [w for w, _ in words[:-1]]
    field_at = next((j for j in range(len(said) - 2, 0, -1) if said[j] in _FIELD_WORDS and said[j + 1] == "的"), 0)
    if field_at and not any("的" in x for x in items[:-1]):
        return "".join(said[field_at:]) + head
    field = said[-2:] if said[-1:] == ["的"] and said[-2:-1] and said[-2] in _FIELD_WORDS else \
        said[-1:] if said[-1:] and said[-1] in _FIELD_WORDS else []
    if len(field) < len(said) and not any("".join(field) in x for x in items[:-1]):
        head = "".join(field) + head
    return head


def _ending_noun(items: list[str]) -> str:
    """The noun a one-word last item ends in, that no other item has ("噪声污染" → 污染), or ""."""
    import jieba

    last = items[-1]
    ends = [w for w in jieba.lcut_for_search(last) if w != last and len(w) >= 2 and last.endswith(w)]
    if not ends or any(ends[-1] in x or x.endswith(ends[-1][-1]) or _in_chain(x) for x in items[:-1]):
        return ""
    tagged = pos_words(ends[-1])
    flag = tagged[0][1] if len(tagged) == 1 else ""
    return ends[-1] if flag.startswith("n") or flag == "vn" else ""


def _listed(sentence: str, figures: list[Figure]) -> bool:
    """The figures stand in one list: only 、，和及与 and item names between them."""
    return all(re.search(r"[、，和及与]", sentence[a.end:b.start]) is not None
               and not re.search(r"[；;。]", sentence[a.end:b.start])
               for a, b in zip(figures, figures[1:], strict=False))


_WHOLE_LOOKBACK = 12  # figures looked back through for the whole of a 其中 part


def _stage_of(text: str) -> int | None:
    """The one stage of a case's life (zh.words.CASE_STAGES) a text names; None for none or several."""
    said = {k for k, words in enumerate(CASE_STAGES) if any(w in text for w in words)}
    return next(iter(said)) if len(said) == 1 else None


def sentence_facts(sentence: str, heading: str = "", topic: str = "") -> list[Fact]:
    """The facts of one sentence (see module doc). ``heading``: the section title, the topic
    of last resort; ``topic``: a topic the caller knows (a table row label)."""
    return facts_and_object(sentence, heading, topic)[0]


def facts_and_object(sentence: str, heading: str = "", topic: str = "",
                     carried: str = "") -> tuple[list[Fact], str]:
    """:func:`sentence_facts`, given and giving the object the chain of 受理/审结… counts:
    ``carried`` from the sentence before when it ended with ；, and the object of this
    sentence's last full indicator, for the next."""
    original = sentence
    # "1.全市新登记经营主体5.16万户": the paragraph's number is no subject of its figures
    sentence = _ENUMERATOR.sub(lambda m: " " * len(m.group()), sentence, count=1)
    figures = find_figures(sentence)
    if not figures:
        return [], carried
    bounds = [m.start() for m in _BOUNDARY.finditer(sentence)]
    years = _years(sentence)
    year_pos = [p for p, _ in years]
    # a year right after 由/从 dates the value of a 由A到B pair that follows it, nothing else:
    # {year position: index of that figure}
    pair_years = {p: next((k for k, f in enumerate(figures) if f.start > p), -1)
                  for p, _ in years if sentence[max(0, p - 1):p] in ("由", "从")}
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]
    plans = [m.start() for m in _PLAN.finditer(sentence)  # not 《…三年行动计划》
             if not any(a < m.start() < b for a, b in quoted)]
    colon_at, colon_topic = _colon_topic(sentence, figures[0].start)
    topic = topic or colon_topic
    heading_topic = _strip(re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", "", heading))
    respectively = _respectively(sentence, figures, bounds)
    listed_years = _listed_years(sentence, figures)
    share_at = sentence.find("其中")
    out: list[Fact] = []
    by_figure: dict[int, Fact] = {}
    last_object = carried
    subject = ""  # "213个人民调解委员会全年调处…": the units counted first do what follows
    share_of = ""
    share_unit = ""  # the whole's unit: a share list goes on only in it
    later_shares = collections.deque(m.start() for m in re.finditer("其中", sentence))
    if later_shares:
        later_shares.popleft()  # the first is share_at
    pending_before: Fact | None = None
    previous: Fact | None = None
    previous_noun = previous_named = ""
    list_verb = ""  # the verb of a 、 list's first item
    listed_head = ""  # what a list of items named with their figures after 分别为 measures
    for i, fig in enumerate(figures):
        k = bisect.bisect_right(bounds, fig.start - 1) - 1
        clause_start = bounds[k] + 1 if k >= 0 else 0
        prev_end = figures[i - 1].end if i else 0
        same_clause = i > 0 and prev_end > clause_start
        seg = max(clause_start, prev_end, fig.start - _WINDOW, colon_at + 1)
        raw = sentence[seg:fig.start]
        if "：" in raw:
            raw = raw.rsplit("：", 1)[1]
        nxt = bisect.bisect_left(bounds, fig.end)
        post_end = min(bounds[nxt] if nxt < len(bounds) else len(sentence),
                       figures[i + 1].start if i + 1 < len(figures) else len(sentence),
                       fig.end + 18)
        post = sentence[fig.end:post_end]
        y = bisect.bisect_right(year_pos, fig.start) - 1
        while y >= 0 and years[y][0] in pair_years and pair_years[years[y][0]] != i:
            y -= 1  # "由2023年的4516万元下降到…，其中…1215件": 2023 dates 4516万元 only
        year = listed_years.get(i, years[y][1] if y >= 0 else None)
        plan = bool(plans) and plans[0] < fig.start and not _ACTUAL.search(
            sentence, max(p for p in plans if p < fig.start), fig.start)
        later = -1
        while later_shares and later_shares[0] < fig.start:  # the last later 其中 passed
            later = later_shares.popleft()
        if later >= 0:  # "…，其中新增6家，执业律师1200人，其中党员律师300人": a new whole
            share_at, share_of = later, ""
        if share_at >= 0 and share_at < fig.start and not share_of and previous is not None:
            # the whole before 其中: the last figure counted in the same unit, else the last — of the same
            # stage when the part says one ("受理23290件，审结22615件…。其中省本级受理…1386件": of 受理)
            # (the last few figures only: a text of nothing but figures stays linear)
            alike = [f for f in itertools.islice(reversed(out), _WHOLE_LOOKBACK)
                     if f.unit == fig.unit and not f.change and f.unit not in ("%", "个百分点")]
            stage = _stage_of(sentence[share_at:fig.start]) if len(alike) > 1 else None
            whole_fact = next((f for f in alike if stage is not None and _stage_of(f.indicator) == stage),
                              alike[0] if alike else previous)
            share_of = (previous_named if whole_fact is previous else "") \
                or object_of(whole_fact.indicator)
            share_unit = whole_fact.unit
        clause_head = sentence[clause_start:clause_start + 3]
        if share_of and not same_clause and share_at < clause_start and (
                _SHARE_END.match(clause_head) or sentence[clause_start - 1:clause_start] in "；;"):
            share_at = -1  # "…，共发现问题57个": the share list has ended
        in_share = share_at >= 0 and share_at < fig.start and bool(share_of) and (
            _counted_alike(fig.unit, share_unit) if fig.unit not in ("%", "个百分点")
            else ("占" in raw or "比例" in raw))
        bare = _YEAR_PHRASE.sub("", raw)
        role = change = ""
        indicator = ""
        consumed = previous_noun if same_clause else ""
        previous_noun = ""
        if same_clause and pending_before is not None and _AFTER.match(bare.strip()):
            role, indicator = "after", pending_before.indicator
            if y >= 0 and years[y][0] < pending_before.start and \
                    sentence[max(0, years[y][0] - 1):years[y][0]] in ("由", "从"):
                year = None  # "由2022年的420人增加到486人": 486人 is now, not 2022
            pending_before = None
        elif (bm := _BEFORE.search(bare)) is not None and _AFTER_AHEAD.match(
                _YEAR_PHRASE.sub("", sentence[fig.end:fig.end + 16])):
            role = "before"
            if y >= 0 and sentence[max(0, years[y][0] - 1):years[y][0]] not in ("由", "从"):
                year = None  # "2025年，…总数由4.62万户增加至5.08万户": the year is the later value's
            indicator = _strip(bare[:bm.start()])
            if not indicator:  # "律师事务所由…" with the head before the window start
                indicator = _strip(sentence[max(clause_start, fig.start - 2 * _WINDOW):seg])
            if not indicator and previous is not None and previous.unit == fig.unit and not previous.role:
                # "受理信访事项173件，由上年的215件下降至173件": the pair is the figure before it
                indicator = previous.indicator
        elif previous is not None and previous.unit == fig.unit and not previous.role \
                and _PREVIOUS_YEAR.search(raw.strip()):
            # "办理…8416件，较上年的7882件增长6.8%", "纠错率9.3%（上年为11.6%）": the same
            # indicator's value in the year before the report's (dated by ``dated``)
            role, indicator = "previous", previous.indicator
            if year is not None:  # "2025年…出具意见书466份，较上年的398份": 398份 is 2024's
                year -= 1
        elif previous is not None and previous.unit == fig.unit and not previous.role \
                and (em := _EARLIER_YEAR.search(raw.strip())) is not None \
                and (previous.year is None or int(em.group(1)) < previous.year):
            # "纠错率为10.7%，较2024年的12.3%下降1.6个百分点": 12.3% is the 纠错率 of 2024
            role, indicator, year = "previous", previous.indicator, int(em.group(1))
        elif (cm := _CHANGE.search(bare)) is not None and not (
                cm.group("base") is None and (len(cm.group("verb")) == 1
                                              or bare[:cm.start()].endswith("新"))):
            change = "decrease" if cm.group("verb") in _DECREASE else "increase"
            indicator = _strip(bare[:cm.start()])
            if not indicator and previous is not None and (
                    same_clause or cm.group("base") or fig.unit in ("%", "个百分点")):
                indicator = previous.indicator
        list_topic = ""
        if i in respectively:
            indicator, list_topic, listed_change = respectively[i]
            change = listed_change or change
        elif not role and not change:
            if consumed and raw.startswith(consumed) and _strip(raw[len(consumed):]):
                raw = raw[len(consumed):]  # "6个方面设置评估指标42项": 方面 belongs to 6个
                subject = consumed if len(consumed) >= 3 else subject
            indicator = _strip(raw)
            if (item_at := _NAMED_AFTER.search(raw)) is not None and _strip(raw[item_at.end():]):
                # "查办案件数居前三位的县（市、区）分别为瀣东区512件、濩水县468件": each item named with its
                # figure — the item is what it measures, of what comes before 分别为
                listed_head, indicator = _strip(raw[:item_at.start()]), _strip(raw[item_at.end():])
                list_topic = listed_head
            elif listed_head and same_clause and sentence[prev_end:prev_end + 1] == "、":
                list_topic = listed_head
            noun = _post_noun(post) if fig.unit in _MEASURE_UNITS else ""
            if noun and (not indicator
                         or (len(noun) >= 2 and len(indicator) > 3 and not _LINK_END.search(raw))
                         or raw.rstrip().endswith(("的", "和", "及", "与", "、", "等"))):
                indicator, previous_noun = noun, noun
            elif noun and len(indicator) <= 3:
                # "帮助1,286户经营主体完成信用修复": a verb that has the noun do something says what
                # is counted with what they did (帮助经营主体完成信用修复, not 帮助经营主体)
                done = _CAUSED.match(post[len(noun):]) if _CAUSATIVE.fullmatch(indicator) else None
                indicator, previous_noun = indicator + noun + (done.group(1) if done else ""), noun
            elif (tm := _MID_TIME.search(indicator)) is not None and tm.start() >= 2 \
                    and len(indicator) - tm.end() >= 2 and not _CHANGE.search(indicator[:tm.start()]):
                # "12345热线全年受理群众诉求78.9万件": the subject, a time word, the predicate
                subject, indicator = _strip(indicator[:tm.start()]), _strip(indicator[tm.end():])
            if not indicator:  # "其中5件已由制定机关自行纠正": what the clause says of it
                indicator = _strip(re.split(r"[、，。；]", post, maxsplit=1)[0])
            if not indicator and (top := _TOP_BEFORE.search(sentence[:clause_start])):
                indicator = _strip(top.group(1))  # "征收拆迁类案件败诉率最高，为14.2%": the highest one's
            if not indicator and previous is not None and not in_share:
                indicator = object_of(previous.indicator)  # "新增示范区2个，全市累计达到5个"
            joined = sentence[prev_end:prev_end + 1] == "、" or (
                sentence[prev_end:prev_end + 1] in "和及与" and pos_words(raw)[:1] != ()
                and pos_words(raw)[0][0] in _JOINERS)  # "…9件和合同138份", not "和解45件"
            in_list = same_clause and joined
            if in_list and raw[:1] in "和及与":
                indicator = indicator.removeprefix(raw[:1])
            if in_list and list_verb and indicator and not _VERB.match(indicator) \
                    and not previous_noun:
                indicator = list_verb + indicator  # "审查规范性文件9件、合同138份": 审查合同
            elif not in_list:
                verb = _VERB.match(indicator)
                list_verb = verb.group(0) if verb is not None and len(verb.group(0)) >= 2 else ""
        if indicator.endswith("占") and len(indicator) > 2:
            indicator += "比"  # "已完成的任务占92%"
        if indicator in _RATE_OF_CHANGE and previous is not None and not change:
            change, indicator = _RATE_OF_CHANGE[indicator], previous.indicator  # 降幅为12.5%
        if list_topic.startswith("#"):  # 分别 over items named before: each figure's item
            earlier = by_figure.get(int(list_topic[1:]))
            list_topic = object_of(earlier.indicator) if earlier is not None else ""
            if not indicator and earlier is not None:  # 同比分别增长: the change of each item
                indicator, list_topic = earlier.indicator, ""
        # "占64.4%", "占全部案件的12%": a share; "占道经营62起" is no share, it counts
        share = _SHARE_PHRASE.match(indicator) if indicator.startswith("占") and previous is not None \
            and not role else None
        if share is not None and fig.unit not in ("%", "成") and share.group("whole"):
            share = None
        if share is not None and previous is not None and not change and i not in respectively:
            # "其中网上信访7642件，占64.4%": the share of what the figure before counts
            whole = _strip(share.group("whole").removeprefix("全部").removeprefix("总"))
            indicator = previous.indicator + "占比"
            if whole or not in_share:
                share_of = whole or (object_of(out[-2].indicator) if len(out) > 1 else "")
                in_share = bool(share_of)
        target = _TARGET_AFTER.match(post) is not None and previous is not None and previous.unit == fig.unit \
            and not role and not change
        if target and previous is not None:  # "审计整改率95.8%，高于年初确定的95%的目标": the level the
            indicator, plan = previous.indicator, True  # indicator before was to reach
        items = [indicator]
        if "、" in indicator and re.search(r"均(?:为|达到|达|保持在)?$", raw):
            items = [x for x in (_strip(p) for p in indicator.split("、")) if x]
        fact_topic = topic or list_topic
        if not fact_topic and indicator.startswith("涉及") and previous is not None and previous.share_of \
                and sentence[previous.end:fig.start].startswith("、"):
            # "其中向纪检监察机关移送17件、涉及人员26人": the people of that part, not of the whole
            fact_topic = previous.indicator
        elif not fact_topic and (_in_chain(indicator) or not indicator):
            fact_topic = last_object or subject or heading_topic
        elif not fact_topic and (_RATE.search(indicator) and len(indicator.split("、")[-1]) <= 5
                                 or indicator.startswith("涉及")) and (
                previous is None or len(_BOUNDARY.findall(sentence, previous.end, fig.start)) <= 1):
            # 纠错率, 涉及金额 right after the count they are of
            fact_topic = subject or last_object  # 热线全年受理诉求…，按期办结率: the 热线's
            if fact_topic in indicator or (in_share and share_of == fact_topic):
                fact_topic = ""
        elif not fact_topic and subject and subject not in indicator:
            fact_topic = subject
        if not fact_topic and indicator.startswith("实际") and previous is not None \
                and previous.indicator.find("应") >= 2 and not previous.role:
            # "全市行政机关负责人应出庭应诉案件1012件，实际出庭1004件": of those due, the ones done
            fact_topic = previous.indicator
        named = "" if fact_topic or role or change else _named_before(sentence, fig.start, indicator)
        fact_topic = fact_topic or named or _measure_of(sentence, fig.start, indicator)
        for item in items:
            fact = Fact(fig.value, fig.text, fig.unit, item, fact_topic if fact_topic != item else "",
                        fig.start, fig.end, sentence, year, role, change, plan,
                        share_of if in_share else "", fig.approx)
            out.append(fact)
        fact = by_figure[i] = out[-1]
        if role == "before":
            pending_before = fact
        governed = bool(previous_noun) and re.search(r"[对向与在为给]", raw) is not None
        if not in_share and not change and not role and len(indicator) > 2 and not governed \
                and not _in_chain(indicator) and not _RATE.search(indicator):
            last_object = named or object_of(indicator)
        if not target:  # (a target is no level a later "较上年的…" compares: 93.1% is the 审计整改率's)
            previous, previous_named = fact, named
    out = _parts_of_totals(out)
    if sentence != original:
        out = [replace(f, source=original) for f in out]
    return out, last_object


def _parts_of_totals(facts: list[Fact]) -> list[Fact]:
    """"评查案卷420卷，评出优秀案卷96卷、合格案卷301卷、不合格案卷23卷": figures right after a
    total, in its unit, that add up to it exactly are its parts (as after 其中)."""
    out = list(facts)
    for j, whole in enumerate(facts):
        if whole.change or whole.role or whole.share_of or whole.unit in ("", "%", "个百分点"):
            continue
        total = 0.0
        for k in range(j + 1, min(len(facts), j + 9)):
            part = facts[k]
            if part.unit != whole.unit or part.change or part.role or part.share_of \
                    or part.value >= whole.value:
                break
            total += part.value
            if abs(total - whole.value) < 1e-6 * max(1.0, whole.value):
                if k > j + 1:
                    of = whole.topic if whole.topic and not _in_chain(whole.indicator) \
                        else object_of(whole.indicator)
                    for m in range(j + 1, k + 1):
                        out[m] = replace(out[m], share_of=of)
                break
    return out
