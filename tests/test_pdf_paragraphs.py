"""Paragraphs of a printed PDF: a line that ends early only because the number starting the
next line did not fit ("…提高到" | "95.8%；…") is wrapped, not the end of a paragraph
(ingest.loaders.pdf._is_break)."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.pdf import _is_break, _Layout, _Line, load_pdf

QSETS = Path(__file__).parent / "fixtures" / "qsets"
LAYOUT = _Layout(left=68.25, right=526.7, char_width=12.0, pitch=23.25)


def _line(text: str, x0: float, x1: float, top: float) -> _Line:
    return _Line(text=text, page=0, x0=x0, x1=x1, top=top, size=13.2)


def test_numbers_wrapped_to_the_next_line_stay_in_their_paragraph() -> None:
    texts = [b.text for b in load_pdf(QSETS / "qa28" / "葶州市_2025.pdf")]
    assert any("合格率由上年的93.4%提高到95.8%；特邀行政执法监督员" in t for t in texts)
    assert any("收到行政复议申请2247件，同比增长19.8%，受理2096件" in t for t in texts)
    assert not any(t.startswith(("95.8%", "19.8%")) for t in texts)
    pdf = [b.text for b in load_pdf(QSETS / "qa29" / "萸溪县_2025.pdf")]
    assert any("调解成功41件，成功率56.2%。" in t for t in pdf)


def test_a_numbered_first_line_ending_short_before_a_number_is_wrapped() -> None:
    first = _line("2.加强行政执法监督。全市评查行政执法案卷910卷，合格率由上年的93.4%提高到", 90.75, 493.9, 515.2)
    assert not _is_break(first, _line("95.8%；特邀行政执法监督员增加到56名。", 68.25, 277.3, 535.5), LAYOUT)


def test_headings_and_sentence_ends_still_break() -> None:
    # a heading line with room for the next line's number after it is a heading of its own
    heading = _line("1.推进科学民主依法决策，健全重大行政决策程序制度体系", 68.25, 410.0, 100.0)
    assert _is_break(heading, _line("2024年，全市制定政府规章2件。", 68.25, 300.0, 123.3), LAYOUT)
    # a sentence ending short is a paragraph end whatever the next line starts with
    end = _line("全市办理法律援助案件4760件，同比增长10.2%，为受援人挽回经济损失。", 68.25, 480.0, 200.0)
    assert _is_break(end, _line("2025年，全市新设公共法律服务站12个。", 68.25, 400.0, 223.3), LAYOUT)
