"""Optional LLM mode: fluent answers over the extractive answer's passages, verified.

Configured by FAZHI_LLM_BASE_URL + FAZHI_LLM_MODEL (+ FAZHI_LLM_API_KEY) — any
OpenAI-compatible server (Ollama, vLLM, Xinference, DeepSeek, Qwen). The extractive answer
stays the source of truth: the LLM sees its citations as numbered passages, and its answer is
shown only if ``bot.verify`` accepts it; otherwise, or on any error, the extractive answer is.
A refusal (``found=False``) never reaches the LLM.

Prompts live in prompts/*.md and render strictly (a missing variable raises).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from pydantic import SecretStr

from bot.answer import Answer, Citation
from bot.verify import numbers_in, verify

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from settings import Settings

logger = logging.getLogger(__name__)

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
_ROLES = {"system": "system", "user": "human", "assistant": "ai"}
_SECTION_RE = re.compile(r"^## (system|user|assistant)[ \t]*$", re.MULTILINE)
_PASSAGES_TAG_RE = re.compile(r"<\s*/?\s*passages\s*>", re.IGNORECASE)
_HISTORY_TAG_RE = re.compile(r"<\s*/?\s*history\s*>", re.IGNORECASE)
_THINK_RE = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL)

History = Sequence[Sequence[str]]


# ---- prompts --------------------------------------------------------------------------
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> ChatPromptTemplate:
    """prompts/<name>.md → a ChatPromptTemplate; rendering it without a variable raises KeyError.

    The file holds one or more messages, each starting with a line ``## system``, ``## user``
    or ``## assistant``; text before the first is a note for maintainers and is not sent.
    """
    path = directory / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    parts = _SECTION_RE.split(text)
    if len(parts) < 3:
        raise ValueError(f"{path}: no messages; start each with a line '## system' or '## user'")
    messages = [(_ROLES[role], body.strip()) for role, body in zip(parts[1::2], parts[2::2],
                                                                    strict=True)]
    if empty := [role for role, body in messages if not body]:
        raise ValueError(f"{path}: empty {', '.join(empty)} message")
    return ChatPromptTemplate.from_messages(messages, template_format="f-string")


def format_passages(passages: Sequence[Citation]) -> str:
    """Numbered passages with their source: '[1] 《标题》（2021年）· 一、… > （四）…' + text."""
    blocks = []
    for p in passages:
        source = f"《{p.title or p.source}》"
        if p.year and str(p.year) not in (p.title or ""):
            source += f"（{p.year}年）"
        if p.section:
            source += f" · {p.section}"
        text = _PASSAGES_TAG_RE.sub(" ", p.text.strip())
        blocks.append(f"[{p.n}] 来源：{_PASSAGES_TAG_RE.sub(' ', source)}\n{text}")
    return "\n\n".join(blocks)


def format_history(history: History, turns: int = 3, answer_chars: int = 300) -> str:
    lines = []
    for turn in list(history)[-turns:]:
        if not turn:
            continue
        lines.append(f"用户：{turn[0]}")
        if len(turn) > 1 and turn[1]:
            answer = turn[1] if len(turn[1]) <= answer_chars else turn[1][:answer_chars] + "…"
            lines.append(f"助手：{answer}")
    return _HISTORY_TAG_RE.sub(" ", "\n".join(lines))


def strip_reasoning(text: str) -> str:
    """Drop <think>…</think> blocks (reasoning models served through Ollama/vLLM emit them)."""
    return _THINK_RE.sub("", text).strip()


# ---- the chat model -------------------------------------------------------------------
def build_chat_model(settings: Settings, max_retries: int = 1) -> BaseChatModel | None:
    """ChatOpenAI for the configured endpoint, or None when LLM mode is not configured."""
    if not (settings.llm_base_url and settings.llm_model):
        if settings.llm_base_url or settings.llm_model:
            logger.warning("LLM mode needs both FAZHI_LLM_BASE_URL and FAZHI_LLM_MODEL; "
                           "answering extractively")
        return None
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as e:
        raise ImportError("LLM mode needs langchain-openai: pip install langchain-openai") from e
    return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model,
                      api_key=SecretStr(settings.llm_api_key or "not-needed"),
                      timeout=settings.llm_timeout, max_retries=max_retries, temperature=0)


# ---- answers --------------------------------------------------------------------------
class LLMAnswerer:
    """Rewrites an extractive answer with an LLM; keeps the LLM's text only if it verifies."""

    def __init__(self, chat_model: BaseChatModel, prompt: ChatPromptTemplate | None = None):
        self.prompt = prompt or load_prompt("answer")
        self.chain = self.prompt | chat_model | StrOutputParser()

    def stream(self, question: str, passages: Sequence[Citation]) -> Iterator[str]:
        """The model's answer as token deltas (unverified; raises on connection errors)."""
        yield from self.chain.stream(self._inputs(question, passages))

    def answer(self, question: str, extractive: Answer) -> Answer:
        """The verified LLM answer, or ``extractive`` unchanged (refusal, rejection, error)."""
        if not self._usable(extractive):
            return extractive
        try:
            text = self.chain.invoke(self._inputs(question, extractive.citations))
        except Exception as e:  # noqa: BLE001 - any failure of the endpoint means: fall back
            logger.warning("LLM call failed (%s: %s); using the extractive answer",
                           type(e).__name__, e)
            return extractive
        return self._checked(text, extractive)

    def stream_answer(self, question: str,
                      extractive: Answer) -> Iterator[tuple[str, Answer | None]]:
        """For a chat UI: ``(partial_text, None)`` while the model streams, then exactly one
        ``(final_text, answer)`` — the verified LLM answer, or the extractive fallback whose
        text replaces whatever was shown. ``answer.verified`` says the LLM's text passed.

        A refusal yields only the final pair. The partial text is the whole answer so far
        (not a delta), with reasoning blocks hidden.
        """
        if not self._usable(extractive):
            yield extractive.text, extractive
            return
        text = ""
        try:
            for delta in self.stream(question, extractive.citations):
                text += delta
                shown = strip_reasoning(text)
                if shown:
                    yield shown, None
        except Exception as e:  # noqa: BLE001
            logger.warning("LLM stream failed (%s: %s); using the extractive answer",
                           type(e).__name__, e)
            yield extractive.text, extractive
            return
        final = self._checked(text, extractive)
        yield final.text, final

    # ---- helpers
    @staticmethod
    def _usable(extractive: Answer) -> bool:
        return extractive.found and bool(extractive.citations)

    @staticmethod
    def _inputs(question: str, passages: Sequence[Citation]) -> dict[str, str]:
        return {"question": question, "passages": format_passages(passages)}

    @staticmethod
    def _checked(raw: str, extractive: Answer) -> Answer:
        text = strip_reasoning(raw)
        result = verify(text, extractive.citations)
        if not result.ok:
            logger.warning("LLM answer rejected (%s); using the extractive answer. LLM said: %r",
                           "; ".join(result.reasons), text[:200])
            return extractive
        return replace(extractive, text=text, found=True, verified=True)


# ---- follow-up rewriting -----------------------------------------------------------------
class LLMRewriter:
    """Follow-up → standalone question with an LLM; the rule-based rewrite is the fallback."""

    def __init__(self, chat_model: BaseChatModel, prompt: ChatPromptTemplate | None = None,
                 max_chars: int = 120):
        self.prompt = prompt or load_prompt("rewrite")
        self.chain = self.prompt | chat_model | StrOutputParser()
        self.max_chars = max_chars

    def rewrite(self, question: str, history: History, rule_based: str) -> str:
        if not history:
            return rule_based
        try:
            raw = self.chain.invoke({"question": question, "candidate": rule_based,
                                     "history": format_history(history)})
        except Exception as e:  # noqa: BLE001
            logger.warning("LLM rewrite failed (%s: %s); using the rule-based rewrite",
                           type(e).__name__, e)
            return rule_based
        text = _clean_rewrite(raw)
        problem = self._problem(text, question, history, rule_based)
        if problem:
            logger.warning("LLM rewrite %r rejected (%s); using %r", raw[:200], problem, rule_based)
            return rule_based
        return text

    def _problem(self, text: str, question: str, history: History,
                 rule_based: str) -> str | None:
        if not text:
            return "empty"
        if text == question.strip() and rule_based.strip() != text:
            return "the follow-up left as it was, although the rules completed it"
        if "\n" in text:
            return "several lines"
        if len(text) > max(self.max_chars, 2 * len(rule_based)):
            return "too long"
        context = " ".join([question, rule_based, *(s for turn in history for s in turn)])
        known = set(numbers_in(context))
        invented = [v for v in numbers_in(text) if v not in known]
        if invented:
            return f"numbers not in the conversation: {', '.join(map(str, invented))}"
        return None


def _clean_rewrite(raw: str) -> str:
    text = strip_reasoning(raw)
    text = re.sub(r"^(?:改写后的问题|改写后|独立问题|完整问题|问题)\s*[:：]\s*", "", text)
    return text.strip().strip("\"'“”「」")
