"""File types decided by content; folders report what they cannot read; loaders stay linear."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ingest.loaders import load_blocks, load_document
from ingest.loaders.sniff import sniff
from ingest.loaders.text import parse_text_bytes
from ingest.pipeline import iter_files, prepare
from tests.conftest import ROOT, SAMPLES

DOCX = SAMPLES / "明湖区_2023.docx"
PDF = SAMPLES / "明湖区_2023.pdf"
TXT = SAMPLES / "明湖区_2023.txt"


def _wps_docx(path: Path) -> None:
    """The sample .docx with the members WPS Office adds (docProps/custom.xml with KSO ids)."""
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("docProps/custom.xml", '<?xml version="1.0"?><Properties><property '
                     'name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0</vt:lpwstr></property>'
                     "</Properties>")


def test_kind_comes_from_content_not_suffix(tmp_path: Path) -> None:
    cases = {"报告.pdf.txt": PDF, "报告.doc": DOCX, "报告": PDF, "报告.DOCX": DOCX}
    for name, src in cases.items():
        shutil.copy(src, tmp_path / name)
    assert sniff(tmp_path / "报告.pdf.txt") == "pdf"
    assert sniff(tmp_path / "报告.doc") == "docx"
    assert sniff(tmp_path / "报告") == "pdf"
    _wps_docx(tmp_path / "wps.docx")
    assert sniff(tmp_path / "wps.docx") == "docx"
    (tmp_path / "page.doc").write_text("<!DOCTYPE html><html><body><p>全年办理法律援助案件734件。</p>"
                                       "</body></html>", encoding="utf-8")
    assert sniff(tmp_path / "page.doc") == "html"  # Word's "save as web page", named .doc
    with zipfile.ZipFile(tmp_path / "x.ofd", "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    assert sniff(tmp_path / "x.ofd") == "ofd"
    (tmp_path / "plain.txt").write_text("法治政府建设。", encoding="utf-8")
    assert sniff(tmp_path / "plain.txt") == "text"


def test_mislabelled_files_read_by_their_content(tmp_path: Path) -> None:
    expected = [b.text for b in load_blocks(DOCX)]
    shutil.copy(DOCX, tmp_path / "报告.doc")
    assert [b.text for b in load_blocks(tmp_path / "报告.doc")] == expected
    _wps_docx(tmp_path / "wps.docx")
    assert [b.text for b in load_blocks(tmp_path / "wps.docx")] == expected
    shutil.copy(PDF, tmp_path / "报告.txt")
    loaded = load_document(tmp_path / "报告.txt")
    assert loaded.kind == "pdf" and loaded.pages == 4
    assert any("律师事务所" in b.text for b in loaded.blocks)


def test_folder_reports_every_document_it_cannot_read(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(TXT, folder / "明湖区_2023.txt")
    with zipfile.ZipFile(folder / "统计表.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    (folder / "说明.rtf").write_text("{\\rtf1 法治}", encoding="utf-8")
    (folder / "data.json").write_text("{}", encoding="utf-8")  # not a document: skipped
    shutil.copy(DOC, folder / "旧版.wps")
    from tests.ofd_writer import write_ofd

    write_ofd(folder / "版式.ofd", _ofd_pages())
    assert [p.name for p in iter_files([folder])] == [
        "旧版.wps", "明湖区_2023.txt", "版式.ofd", "统计表.xlsx", "说明.rtf"]

    done = subprocess.run(
        [sys.executable, "-m", "ingest", "-q", "--embedding-model", "hash", "--store",
         str(tmp_path / "store"), str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")})
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("5 files: 3 added, 2 failed"), out
    assert "旧版.wps [added]" in out and "发布机关：鹭洲市明湖区人民政府" in out
    assert "版式.ofd [added]" in out and "页数：3" in out and "无法识别页：3" in out
    assert "统计表.xlsx" in out and "Excel" in out
    assert "说明.rtf" in out and "RTF" in out
    # what was detected in the report that was read
    [line] = [ln for ln in out.splitlines() if ln.strip().startswith("明湖区_2023.txt")]
    assert "标题：鹭洲市明湖区2023年法治政府建设年度报告" in line and "年度：2023" in line
    assert "分块：" in line


# --- bounded work: every loader is linear in its input (issue #15) ------------------------

_N = 1_000_000


def _adversarial_markdown() -> dict[str, str]:
    return {
        "unclosed emphasis": "**a " * (_N // 4),
        "heading with a long space run": "# 标题" + " " * _N + "结尾",
        "spaces before a pipe": " " * _N + "|x|",
        "long separator cell": "|" + "-" * _N + "x|",
        "bullets": "- " * (_N // 2) + "x",
        "closing hashes": "# " + "a #" * (_N // 3),
        "one long Chinese line": "全区法治政府建设取得新成效，" * (_N // 14),
    }


@pytest.mark.parametrize("name", list(_adversarial_markdown()))
def test_markdown_loader_is_linear_on_1mb_lines(name: str) -> None:
    text = _adversarial_markdown()[name]
    t0 = time.perf_counter()
    blocks = parse_text_bytes(text.encode(), "x.md", markdown=True)
    prepare(blocks, "x")
    assert time.perf_counter() - t0 < 10, name  # was 40 s at 40 KB for the quadratic patterns


def test_one_line_text_file_of_1_2_mb_loads_in_linear_time(tmp_path: Path) -> None:
    line = "2023年，全区办理法律援助案件734件，同比增长12%；"
    path = tmp_path / "one_line.txt"
    path.write_text(line * (1_200_000 // len(line.encode())), encoding="utf-8")
    t0 = time.perf_counter()
    small = prepare(load_blocks(_head(path, tmp_path, 10)), "x")
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    prepared = prepare(load_blocks(path), "x")
    elapsed = time.perf_counter() - t0
    assert prepared.chunks and small.chunks
    assert elapsed < 20
    assert elapsed < 40 * t_small + 2  # ~10× the input: far from 100× (quadratic)


def _head(path: Path, tmp_path: Path, parts: int) -> Path:
    data = path.read_text(encoding="utf-8")
    head = tmp_path / "head.txt"
    head.write_text(data[: len(data) // parts], encoding="utf-8")
    return head


def test_html_loader_is_linear_on_1mb_input(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    cell = "<tr><td>律师事务所</td><td>9家</td></tr>"
    path.write_text("<html><body><h1>明湖区2023年法治政府建设年度报告</h1><table>"
                    + cell * (_N // len(cell)) + "</table><p>" + "法治" * (_N // 4)
                    + "</p><div>" * 2000 + "</body></html>", encoding="utf-8")
    t0 = time.perf_counter()
    blocks = load_blocks(path)
    assert blocks
    assert time.perf_counter() - t0 < 60  # 16 s here on a busy machine


def test_expansion_limit_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("全年办理法律援助案件734件。\n" * 2000, encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_document(path, max_chars=10_000)
    assert "文档“long.txt”展开后超过10000字" in str(info.value)
    assert load_document(path, max_chars=100_000).chars > 10_000


# --- .doc, .wps, .ofd ----------------------------------------------------------------------

DOC = ROOT / "tests" / "fixtures" / "formats" / "明湖区_2023_节选.doc"


def test_word97_doc_and_wps_read_with_table_rows(tmp_path: Path) -> None:
    shutil.copy(DOC, tmp_path / "报告.wps")
    shutil.copy(DOC, tmp_path / "伪装.docx")  # a .doc renamed .docx is read as .doc
    for path in (DOC, tmp_path / "报告.wps", tmp_path / "伪装.docx"):
        loaded = load_document(path)
        texts = [b.text for b in loaded.blocks]
        assert loaded.kind == "doc", path
        assert texts[0] == "鹭洲市明湖区2023年法治政府建设年度报告"
        assert "律师事务所｜2022年：8家｜2023年：9家" in texts
        assert "法律援助案件｜2022年：650件｜2023年：734件" in texts
        assert texts[-2:] == ["鹭洲市明湖区人民政府", "2024年3月15日"]
        assert any("出具合法性审查意见书431份" in t for t in texts)
    expected = TXT.read_text(encoding="utf-8")
    for text in texts:  # every paragraph byte-exact to the source (tables aside)
        assert "｜2022年：" in text or text in expected, text


def _ofd_pages() -> list[list[tuple[float, float, str]]]:
    return [
        [(25, 30, "鹭洲市明湖区2023年法治政府建设年度报告"), (25, 45, "一、主要工作和成效"),
         (25, 55, "全年办理法律援助案件734件，同比增长12%。"),
         (25, 70, "指标"), (90, 70, "2022年"), (150, 70, "2023年"),
         (25, 80, "律师事务所"), (90, 80, "8家"), (150, 80, "9家"), (100, 287, "— 1 —")],
        [(25, 30, "行政复议申请1376件，受理1192件。"), (130, 60, "鹭洲市明湖区人民政府"),
         (135, 70, "2024年3月15日"), (100, 287, "— 2 —")],
        [],  # a page without text: reported
    ]


def test_ofd_read_page_by_page_with_tables(tmp_path: Path) -> None:
    from tests.ofd_writer import write_ofd

    write_ofd(tmp_path / "报告.ofd", _ofd_pages())
    loaded = load_document(tmp_path / "报告.ofd")
    assert loaded.kind == "ofd" and loaded.pages == 3 and loaded.unreadable_pages == [3]
    assert [(b.text, b.page) for b in loaded.blocks] == [
        ("鹭洲市明湖区2023年法治政府建设年度报告", 1), ("一、主要工作和成效", 1),
        ("全年办理法律援助案件734件，同比增长12%。", 1), ("律师事务所｜2022年：8家｜2023年：9家", 1),
        ("行政复议申请1376件，受理1192件。", 2), ("鹭洲市明湖区人民政府", 2), ("2024年3月15日", 2)]
    info = prepare(loaded.blocks, "x").detected
    assert (info.issuer, info.region, info.year) == ("鹭洲市明湖区人民政府", "鹭洲市明湖区", 2023)


def test_damaged_doc_and_ofd_fail_with_clear_messages(tmp_path: Path) -> None:
    from ingest.errors import IngestError

    data = DOC.read_bytes()
    (tmp_path / "坏.doc").write_bytes(data[:600])
    with zipfile.ZipFile(tmp_path / "坏.ofd", "w") as z:
        z.writestr("OFD.xml", "<not xml")
    for name in ("坏.doc", "坏.ofd"):
        with pytest.raises(IngestError) as info:
            load_document(tmp_path / name)
        assert name in str(info.value) and "Traceback" not in str(info.value)


def test_docx_expansion_limit_and_linear_time(tmp_path: Path) -> None:
    from docx import Document

    from ingest.errors import IngestError

    document = Document()
    document.add_paragraph("鹭洲市明湖区2023年法治政府建设年度报告")
    # ~1 M characters in one paragraph, varied enough to pass the zip-bomb ratio check
    document.add_paragraph("".join(f"第{i}项：办理法律援助案件{i * 7 % 9973}件。" for i in range(40_000)))
    document.save(tmp_path / "长文档.docx")
    t0 = time.perf_counter()
    with pytest.raises(IngestError) as info:
        load_document(tmp_path / "长文档.docx", max_chars=500_000)
    assert "文档“长文档.docx”展开后超过500000字" in str(info.value)
    prepare(load_document(tmp_path / "长文档.docx").blocks, "x")
    assert time.perf_counter() - t0 < 60
