"""jieba tokenisation for the keyword index: numerals normalised, search-mode segmentation,
a shipped dictionary of government terms, punctuation and stop words dropped."""

from __future__ import annotations

import logging
import math
import re
import threading
from functools import cache, cached_property
from pathlib import Path

from zh.numerals import normalize_numerals

USER_DICT = Path(__file__).with_name("userdict.txt")
STOPWORDS = frozenset(
    "的 了 和 与 及 在 是 对 为 等 中 将 把 被 由 从 以 并 或 也 都 而 其 之 于 上 下 年 "
    "多少 几 哪些 什么 怎么 如何 吗 呢 啊 吧 请问 请 一下 有 个 了 这 那 这个 那个 哪 "
    "全年 全区 共 达到 达 情况 方面 进行 开展 工作".split()
)
_KEEP_RE = re.compile(r"[\w%]")
# −log p of a character in jieba's dictionary above which it is a rare morpheme (摊 11.2, 讨 10.2,
# 罚 10.3; 工 9.7, 网 9.0, 地 5.9)
RARE_CHARACTER = 10.0
# −log p of a word below which it is one of general Chinese's most frequent (about 330 words of two
# or more characters: 事情 8.3, 觉得 8.2, 东西 8.1; 人家 8.9, 反映 9.1, 工钱 12.6)
COMMON_WORD = 8.5


_GLOBAL_DICT = threading.Lock()
_GLOBAL_LOADED: set[bool] = set()  # non-empty: the shipped dictionary is in jieba.dt already


class JiebaTokenizer:
    """Callable tokenizer; jieba's dictionary loads on first use (about a second)."""

    def __init__(self, user_dict: Path | None = USER_DICT, stopwords: frozenset[str] = STOPWORDS):
        self._user_dict = user_dict
        self._stopwords = stopwords
        self._lock = threading.Lock()

    @cached_property
    def _jieba(self):  # noqa: ANN202 - jieba has no types
        import jieba

        jieba.setLogLevel(logging.WARNING)
        # The shipped dictionary goes into jieba's global tokenizer, which jieba.posseg (used
        # by facts/) wraps too: the dictionary loads once per process, not twice.
        tokenizer = jieba.dt if self._user_dict == USER_DICT else jieba.Tokenizer()
        tokenizer.initialize()
        if self._user_dict and self._user_dict.exists():
            with _GLOBAL_DICT:
                if tokenizer is not jieba.dt or not _GLOBAL_LOADED:
                    tokenizer.load_userdict(str(self._user_dict))
                if tokenizer is jieba.dt:
                    _GLOBAL_LOADED.add(True)
        return tokenizer

    def __call__(self, text: str) -> list[str]:
        """Search-mode tokens (words and their sub-words), for the keyword index."""
        return self._filter(self._tokenizer().lcut_for_search(normalize_numerals(text).lower()))

    def is_word(self, text: str) -> bool:
        """Whether jieba's dictionary holds ``text`` as a word ("高新", "萧山"; not "茆山")."""
        return bool(self._jieba.FREQ.get(text))

    def rarity(self, text: str) -> float:
        """−log p of ``text`` as a word of jieba's dictionary (one it lacks counts as seen once)."""
        jieba = self._tokenizer()
        return -math.log(max(jieba.FREQ.get(text) or 1, 1) / jieba.total)

    def rare_characters(self, word: str) -> str:
        """The characters of ``word`` that are rare as words of their own in jieba's dictionary
        (the morphemes that carry its meaning: 摊 of 小摊, not 小; 讨 of 讨回, not 回)."""
        return "".join(c for c in word if "\u4e00" <= c <= "\u9fa5" and self.rarity(c) >= RARE_CHARACTER)

    def common_word(self, word: str) -> bool:
        """Whether ``word`` is among the most frequent words of general Chinese (jieba's
        dictionary: 事情, 觉得, 最后, 东西; not 工钱, 摆摊, 事儿): a word that names nothing in particular."""
        return self.rarity(word) < COMMON_WORD

    def words(self, text: str) -> list[str]:
        """Accurate-mode words (no overlapping sub-words), for weighing a question's terms."""
        return self._filter(self._tokenizer().lcut(normalize_numerals(text).lower()))

    def cut(self, text: str) -> list[str]:
        """Accurate-mode words with nothing dropped (stopwords and particles kept), for
        reading a question's structure ("案件中刑事案件有多少")."""
        return [t for t in self._tokenizer().lcut(normalize_numerals(text).lower()) if t.strip()]

    def tokenizer_cut(self, text: str) -> list[str]:
        """jieba's accurate-mode words of ``text`` as it is (nothing normalised or dropped): they
        join up to ``text`` again, so their lengths give its word boundaries."""
        return list(self._tokenizer().cut(text))

    def _tokenizer(self):  # noqa: ANN202
        with self._lock:  # initialise once, even when several threads ask at the same time
            return self._jieba

    def _filter(self, tokens: list[str]) -> list[str]:
        return [t for t in tokens
                if t.strip() and _KEEP_RE.search(t) and t not in self._stopwords]


@cache
def shared_tokenizer() -> JiebaTokenizer:
    """The process's default tokenizer: every store opened with the default dictionary
    shares it, so jieba's dictionary (about a second) loads once per process."""
    return JiebaTokenizer()
