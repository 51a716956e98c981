"""Follow-up questions → standalone questions, by rules (no LLM needed).

"那2023年呢？" after "明湖区2022年为企业出具了多少份法律意见书？" becomes
"明湖区2023年为企业出具了多少份法律意见书？": an elliptical follow-up inherits the previous
question with the new slot (year, region, what is asked) substituted, or the missing topic
carried over. A question that stands on its own is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from zh.dates import CONTEXT_RELATIVE, TODAY_RELATIVE, YEAR_WORD_RE, replace_relative
from zh.numerals import normalize_numerals
from zh.words import CHANGE_ASK as _CHANGE
from zh.words import GENERIC_NOUNS as _GENERIC
from zh.words import LEAD_WORDS as _LEAD
from zh.words import PRONOUN as _PRONOUN
from zh.words import QUOTED_NAME as _NAMED
from zh.words import TAIL_WORDS as _TAIL

_YEAR = YEAR_WORD_RE.pattern
_REGION = r"[\u4e00-\u9fa5]{2,8}?(?:自治区|自治州|省|市|区|县|旗)"
_DEMONSTRATIVE = re.compile(r"(?:这种|这个|这些|这项|这类|那个|那种|那些|那项|该项|此项|该|此|上述|其中|它们|它|其)"
                            r"([\u4e00-\u9fa5]{1,12})")
# What a follow-up may ask instead of the previous question's ask.
_ASK = re.compile(r"(?:有)?多少[\u4e00-\u9fa5]?|几[个家件名项次人份条所位场批期]|有哪些|哪些|"
                  r"是什么|什么|是多少|比例|占比|比率|百分比")
_ASK_ONLY = re.compile(r"^(?:具体|主要|分别)?(?:有哪些|是哪些|哪些|包括哪些|有什么|是什么|比例|占比|比率|"
                       r"百分比|率|多少[\u4e00-\u9fa5]?|几[个家件名项次人份条所位])?"
                       r"(?:措施|举措|做法|内容|情况|方面|成效|事项)?(?:是多少|多少|呢)?$")
# Nouns that say what kind of answer is wanted, not what it is about.
_CONTENT = re.compile(r"[\u4e00-\u9fa5A-Za-z]{2,}")


def _strip(question: str) -> str:
    q = _LEAD.sub("", question.strip())
    return _TAIL.sub("", q)


def _years(text: str) -> list[str]:
    return re.findall(_YEAR, text)


def _regions(text: str, known: Sequence[str]) -> list[str]:
    found = [r for r in sorted(known, key=len, reverse=True) if r in text]
    if found:
        return found[:1]
    return [m for m in re.findall(_REGION, re.sub(_YEAR, " ", text))
            if not m.startswith(("全", "本", "各", "该", "我"))][:1]


def _topic_words(text: str, known: Sequence[str]) -> list[str]:
    """Words left once years, regions, ask words and demonstratives are removed."""
    t = re.sub(_YEAR, " ", text)
    for r in _regions(text, known):
        t = t.replace(r, " ")
    t = _ASK.sub(" ", t)
    t = re.sub(r"这种|这个|这些|那个|那种|那些|具体|分别|详细|主要|一共|到|了|的|呢|在|有|是|还|又|再|都|也|吗",
               " ", t)
    t = _GENERIC.sub(" ", t)
    return _CONTENT.findall(t)


def is_elliptical(question: str, known_regions: Sequence[str] = ()) -> bool:
    q = _strip(normalize_numerals(question))
    if re.match(r"^(?:那么|那|还有|另外)", question.strip()) or question.strip().endswith(("呢？", "呢?", "呢")):
        return True
    if _DEMONSTRATIVE.search(q):
        return True
    return len(_topic_words(q, known_regions)) == 0


def standalone_turns(history: Sequence[Sequence[str]], known_regions: Sequence[str] = (),
                     today: dt.date | None = None) -> list[str]:
    """The standalone form of every earlier question, computed once each, in order: each turn
    reads only the forms already computed, so a conversation of N turns costs O(N) rewrites."""
    turns: list[str] = []
    for i, turn in enumerate(history):
        turns.append(_rewrite(turn[0], history[:i], turns, known_regions, today))
    return turns


def rewrite(question: str, history: Sequence[Sequence[str]], known_regions: Sequence[str] = (),
            today: dt.date | None = None) -> str:
    """The standalone form of ``question`` given earlier [question, answer] turns."""
    turns = standalone_turns(history, known_regions, today)
    return _rewrite(question, history, turns, known_regions, today)


def _rewrite(question: str, history: Sequence[Sequence[str]], turns: list[str],
             known_regions: Sequence[str], today: dt.date | None) -> str:
    """``rewrite`` with the earlier turns' standalone forms already known."""
    if not history:
        return question
    if today is not None:  # "那前年呢？": a year of its own, whatever the conversation's
        question = replace_relative(question, today.year, TODAY_RELATIVE)
    previous = turns[-1]
    previous_answer = history[-1][1] if len(history[-1]) > 1 else ""
    last = _strip(normalize_numerals(previous))  # the previous question, standalone
    question = _relative_to(question, _years(last))
    question = _resolve_pronoun(question, previous_answer + " " + previous)
    current = _strip(normalize_numerals(question))
    years, regions = _years(current), _regions(current, known_regions)
    change = _as_change(current, last, years, known_regions)
    if change:
        return change
    verb = _PREDICATE_ONLY.fullmatch(current)
    if verb and not regions and not years:
        # "审结了多少？" after "…收到多少行政复议申请？" asks the same about another step
        swapped = _swap_predicate(last, verb.group(1))
        if swapped:
            return swapped + "？"
    if not is_elliptical(question, known_regions):
        # A new topic still inherits the place and year the conversation is about.
        return _carry_slots(question.strip(), last, years, regions, known_regions)
    base = _strip(normalize_numerals(_base_turn(current, turns)))
    result = base
    # Substitute the slots the follow-up names.
    if years:
        old = _years(base)
        if old:
            result = result.replace(old[0], years[0], 1)
            for surplus in old[1:]:
                result = result.replace(surplus, "", 1)
        else:
            result = years[0] + result
    if regions:
        old_r = _regions(base, known_regions)
        result = result.replace(old_r[0], regions[0], 1) if old_r else regions[0] + result
    rest = current
    for y in years:
        rest = rest.replace(y, "")
    for r in regions:
        rest = rest.replace(r, "")
    rest = rest.strip("，, 的到")
    if not rest:
        return result + "？"
    pieces = [p for p in re.split(r"[？?]", rest) if p.strip("，, 的到")]
    if len(pieces) > 1:
        # "那2024年审结了多少？纠错率呢？": the base re-asked, plus more asks about the same
        extra = [p.strip("，, ") for p in pieces if not _restates(p, result)]
        if len(extra) < len(pieces):
            tails = [p if re.search(r"多少|几|哪|什么", p) else p + "是多少" for p in extra]
            return "，".join([result, *tails]) + "？"
    if _ASK_ONLY.match(rest):
        # "比例呢？" / "具体有哪些？": keep the topic, change what is asked.
        stem = re.sub(r"(?:办|做|干|搞|开展)得$", "", _ASK.sub("", result).rstrip("，, 的了"))
        tail = rest if re.search(r"哪些|什么|多少$", rest) else rest + "是多少"
        return f"{stem}{tail}？"
    swapped = _swap_predicate(result, rest)
    if swapped:
        # "那撤销的呢？" after "…维持了多少件？" → "…撤销了多少件？"
        return swapped + "？"
    # The follow-up has its own topic: carry over the missing year/region, resolve "这种…".
    carried = _carry_slots(current, base, years, regions, known_regions)
    return _resolve_demonstrative(carried, previous + " " + previous_answer) + "？"


def _carry_slots(question: str, base: str, years: list[str], regions: list[str],
                 known_regions: Sequence[str]) -> str:
    prefix = ""
    if not regions:
        prefix += "".join(_regions(base, known_regions))
    if not years:
        prefix += "".join(_years(base)[:1])
    return prefix + question


def _base_turn(current: str, turns: list[str]) -> str:
    """The earlier question a follow-up continues: the last one, unless the follow-up names
    a kind of thing ("具体有哪些事项？") that only an earlier question was about."""
    for noun in _GENERIC.findall(current):
        for turn in reversed(turns):
            if noun in turn:
                return turn
    return turns[-1]


_WORD = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|下降|降低|减少|上升|降|涨)(?:到|至)")  # asks the level
_PREDICATE_ONLY = re.compile(r"([\u4e00-\u9fa5]{2})(?:了|过)?(?:多少|几)[\u4e00-\u9fa5]?")
# Years counted from the year the conversation is about, not from today.




def _resolve_pronoun(question: str, context: str) -> str:
    """'这个到2023年增加到多少个了？' after an answer about “禾事好商量”品牌调解室 → that name."""
    if not _PRONOUN.search(question):
        return question
    named = _NAMED.search(context)
    if not named:
        return question
    topic = re.split(r"[，。,；\d]|有|是|共|达|为|等|已", named.group(0))[0]
    return _PRONOUN.sub(topic, question, count=1)


def _relative_to(question: str, base_years: list[str]) -> str:
    """'明年打算引进几家？' after a question about 2024 → '2025年打算引进几家？'."""
    if not base_years:
        return question
    year = int(base_years[0][:4])
    return replace_relative(question, year, CONTEXT_RELATIVE)


def _as_change(current: str, base: str, years: list[str], known_regions: Sequence[str]) -> str:
    """'到2024年增加了多少个？' / '比上年多了多少？' after a question about one year → the same
    question as a comparison of that year with the new one."""
    old = _years(base)
    if not old or not re.search(r"多少|几", base):
        return ""
    rest = current
    for y in years:
        rest = rest.replace(y, " ")
    rest = re.sub(r"到|至|比|和|与|相比|较|呢|一共|总共|共", " ", rest)
    if not _CHANGE.search(rest) or _regions(current, known_regions):
        return ""
    if _CHANGE.sub(" ", _ASK.sub(" ", rest)).strip("，, ？?了个"):
        return ""  # it names something of its own
    if _TO_LEVEL.search(current):  # "到2023年增加到多少个了？": the level in that year
        return base.replace(old[0], years[0], 1) + "？" if years else ""
    first = int(old[0][:4])
    # no other year named ("增长了多少？"): the change from the year before
    new = next((int(y[:4]) for y in years if int(y[:4]) != first), first - 1)
    later, earlier = max(first, new), min(first, new)
    return base.replace(old[0], f"{later}年比{earlier}年", 1) + "？"


def _restates(part: str, base: str) -> bool:
    """The part asks nothing the base question does not: '审结了多少' against '…审结多少…'."""
    words = _CONTENT.findall(_ASK.sub(" ", re.sub(r"了|的|呢|是", " ", part)))
    return bool(words) and all(w in base for w in words)


def _swap_predicate(base: str, rest: str) -> str:
    """Replace the word right before the base question's 多少/几 (or 了多少) by the new one."""
    word = rest.removesuffix("的").removesuffix("了")
    if not _WORD.match(word) or not re.search(r"多少|几", base):
        return ""
    m = re.search(r"([\u4e00-\u9fa5]{2})(了)?(?=多少|几)", base)
    if not m or m.group(1) in ("一共", "总共", "共计", "大约"):
        return ""
    start = m.start(1)
    # "2023年立案查处了多少件": a bare two-verb predicate right after the year goes whole
    before = re.search(r"(?:年度?|[区县市局])([\u4e00-\u9fa5]{2})$", base[:start])
    if before:
        start = before.start(1)
    return base[:start] + word + base[m.end(1):]


_MODIFIER = r"[^\s，,。？?！!、：:；;有是的了在和与及等个么什哪]"


def _resolve_demonstrative(text: str, context: str) -> str:
    """'这种调解室' → '品牌调解室' when the earlier turn names a word ending in 调解室."""
    def sub(m: re.Match[str]) -> str:
        noun = m.group(1)
        for n in range(len(noun), 1, -1):
            head = noun[:n]
            found = [c.strip("“”") for c in re.findall(rf"{_MODIFIER}{{1,6}}{re.escape(head)}", context)]
            if found:
                return max(found, key=len) + noun[n:]
        return noun
    return _DEMONSTRATIVE.sub(sub, text)
