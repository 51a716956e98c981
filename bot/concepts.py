"""Official concepts recognised from a citizen's description of them: "给打不起官司的人免费派
律师" is 法律援助, "对政府的决定不服、找上级重新审" is 行政复议.

The data is ``bot/concepts.txt``: each official term with short everyday descriptions of it
(domain knowledge, written without any test question). A question is matched against every
concept's descriptions by the character pairs (bigrams) they share, each pair weighted by how
few concepts use it (its inverse document frequency over the descriptions), so 官司 or 说和
count and 政府 or 部门 hardly do. A concept whose share of the question's weight is high, and
clearly above the next concept's, stands for the span of the question it matched: the answerer
then searches report sentences for the official term as an alternative of that span
(bot.query.Question.synonyms), exactly like a row of the word table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zh.words import QUESTION_WORDS

_HERE = Path(__file__).parent
_HAN = re.compile(r"[\u4e00-\u9fff]+")

# A concept answers for a description when it holds this share of the question's content
# weight and leads the next concept by MARGIN (fitted on the train and dev paraphrases; refitted
# for the 427 concepts of session 7, docs/DECISIONS.md 9.; a wrong concept gives a wrong figure,
# so both are strict).
SHARE = 0.15
MARGIN = 1.1
MIN_PAIRS = 2  # two distinct shared character pairs at least: one word is no description
MIN_SPAN = 4  # … spread over four characters at least
# The most a word around the description weighs once the concept is recognised (a common report
# word weighs ~1.5–4.5, a colloquial one 0.6): fitted on train + dev — 0.6 gave 3 answers and 1
# wrong figure, 1.2 the same 3 answers and none.
AROUND = 1.2


@dataclass(frozen=True)
class Concept:
    terms: tuple[str, ...]  # the official forms, the first the main one
    text: str  # its descriptions, joined


def _read(path: Path) -> tuple[Concept, ...]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        left, _, right = line.partition("=")
        terms = tuple(t.strip() for t in left.split("|") if t.strip())
        if terms:
            out.append(Concept(terms, "；".join(d.strip() for d in re.split("[；;]", right) if d.strip())))
    return tuple(out)


@cache
def concepts() -> tuple[Concept, ...]:
    path = _HERE / "concepts.txt"
    return _read(path) if path.exists() else ()


def _pairs(text: str) -> set[str]:
    return {run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)}


@cache
def _index() -> tuple[tuple[frozenset[str], ...], dict[str, float]]:
    docs = tuple(frozenset(_pairs(c.text) | {p for t in c.terms for p in _pairs(t)}) for c in concepts())
    df: dict[str, int] = {}
    for d in docs:
        for p in d:
            df[p] = df.get(p, 0) + 1
    n = max(1, len(docs))
    return docs, {p: math.log(1 + n / k) for p, k in df.items()}


_FILLER = re.compile("|".join(sorted((w for w in QUESTION_WORDS if re.fullmatch(r"[\u4e00-\u9fff]+", w)),
                                     key=len, reverse=True)))


# "…的占多大比例": 占 asks a share, it describes nothing (的占 would match "…的占几成" of any rate)
_SHARE_ASK = re.compile(r"占(?=多|几|比|百分|全)")


def descriptions(terms: tuple[str, ...]) -> str:
    """The everyday descriptions of the concept whose official terms are ``terms`` ("" for none)."""
    return next((c.text for c in concepts() if c.terms == terms), "")


def recognise(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """[(span of ``text``, the official terms it describes)]: at most one concept, and none
    when the text already names one of its terms or no concept clearly leads. ``text``: the
    asked words, places and years already blanked."""
    return [(span, terms) for span, terms, _ in recognise_scored(text)]


def recognise_scored(text: str, named_too: bool = False) -> list[tuple[str, tuple[str, ...], float]]:
    """:func:`recognise` with the concept's share of the question's weight; ``named_too``: also a
    concept the text names besides describing it ("对政府决定不服、找上级机关讨说法的复议申请": the words
    around 复议 describe it, they ask nothing more)."""
    docs, idf = _index()
    if not docs:
        return []
    content = _FILLER.sub(" ", _SHARE_ASK.sub(" ", text))
    asked = _pairs(content)
    if not asked:
        return []
    unseen = max(idf.values(), default=1.0)
    total = sum(idf.get(p, unseen) for p in asked)
    scored = []
    for k, doc in enumerate(docs):
        shared = asked & doc
        if len(shared) >= MIN_PAIRS:
            scored.append((sum(idf[p] for p in shared) / total, k, shared))
    if not scored:
        return []
    scored.sort(reverse=True)
    share, k, shared = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    concept = concepts()[k]
    if share < SHARE or share < MARGIN * runner or not named_too and any(t in text for t in concept.terms):
        return []
    at = [i for i in range(len(text) - 1) if text[i:i + 2] in shared]
    span = text[min(at):max(at) + 2].strip(" ，,、")
    # pairs inside one short word ("外面的": 外面, 面的) describe nothing
    return [(span, concept.terms, share)] if len(span) >= MIN_SPAN else []
