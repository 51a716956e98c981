"""Bad input: every kind fails alone, with a readable message, and loses nothing else.

One `python -m ingest` run takes a good report together with all the bad files: the good
report (and the odd-but-valid ones) are ingested, each bad file fails with its own message,
the exit code is 1, and no traceback is printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ingest.pipeline import Ingestor, prepare
from tests.conftest import ROOT, SAMPLES, make_settings
from tests.store_check import check
from vectorstore.factory import open_store

GOOD = SAMPLES / "明湖区_2023.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# file name → a phrase its error message must contain
BAD: dict[str, str] = {
    "empty.txt": "空文件",
    "huge.txt": "超过导入上限",
    "nul.txt": "NUL",
    "png_renamed.txt": "图片",  # the type comes from the content: a broken PNG
    "utf16_no_bom.txt": "UTF-16",
    "mixed_encodings.txt": "编码",
    "junk.docx": ".docx",
    "not_a_zip.docx": "不是 zip",
    "old_word.docx": ".doc",
    "bomb.docx": "压缩炸弹",
    "blank.pdf": "OCR",
    "truncated.pdf": "损坏",
    "html_as.pdf": "PDF",
    "table.xlsx": "不支持的文件类型",
    "only_scripts.html": "文字",
    "only_markup.md": "文字",
}
SCRIPT_MARKERS = ("SCRIPTPAYLOAD", "alert", "ONCLICK", "JSLINK", "STYLEPAYLOAD", "IFRAMEPAYLOAD",
                  "javascript", "color:red", "document.write")


def _docx_zip(path: Path, xml_body: bytes | None = None, repeat: int = 0) -> None:
    """A zip with word/document.xml; ``repeat`` MB of 'a' inside one run makes a bomb."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as w:
            w.write(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
            w.write(xml_body or b"")
            megabyte = b"a" * 2**20
            for _ in range(repeat):
                w.write(megabyte)
            w.write(b"</w:t></w:r></w:p></w:body></w:document>")


def scripts_html() -> str:
    body = "".join(
        f"<script>var x{i}='SCRIPTPAYLOAD{i}';document.write('x')</script>"
        f"<p onclick=\"alert('ONCLICK')\">第{i}段：全年办理法律援助案件73{i}件。"
        f"<a href=\"javascript:alert('JSLINK')\">详情</a></p>"
        "<style>p{color:red} /*STYLEPAYLOAD*/</style>"
        for i in range(10))
    return ("<html><head><title>脚本测试</title><script>alert('head')</script></head><body>"
            f"<h1>青山区2022年法治政府建设年度报告</h1>{body}"
            "<iframe src=\"javascript:alert(1)\">IFRAMEPAYLOAD</iframe>"
            "<img src=x onerror=\"alert('IMG')\"></body></html>")


def mixed_encodings(path: Path) -> None:
    """The good report with every fifth line saved as GBK, the rest as UTF-8."""
    lines = GOOD.read_text(encoding="utf-8").splitlines()
    path.write_bytes(b"\n".join(line.encode("gbk" if i % 5 == 3 else "utf-8")
                                for i, line in enumerate(lines)))


def make_bad_files(folder: Path) -> None:
    from pypdf import PdfWriter

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as f:  # sparse: instant, no disk used
        f.truncate(100 * 2**20)
    (folder / "nul.txt").write_bytes("第一行文字。\n".encode() + b"abc\x00\x00def\n")
    (folder / "png_renamed.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    (folder / "utf16_no_bom.txt").write_bytes("全年办理法律援助案件734件。".encode("utf-16-le"))
    mixed_encodings(folder / "mixed_encodings.txt")
    with zipfile.ZipFile(folder / "junk.docx", "w") as z:
        z.writestr("junk.bin", os.urandom(2000))
        z.writestr("word/document.xml", b"\x89PNG not xml <<<")
    (folder / "not_a_zip.docx").write_text("这只是一个改了扩展名的文本文件。", encoding="utf-8")
    (folder / "old_word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    _docx_zip(folder / "bomb.docx", repeat=300)  # 300 MB of text in a 300 KB file
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(folder / "blank.pdf")
    pdf = (SAMPLES / "明湖区_2023.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "html_as.pdf").write_text("<html><body>not a pdf</body></html>", encoding="utf-8")
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (folder / "only_scripts.html").write_text(
        "<html><head><script>alert(1)</script></head><body><script>var a=1;</script>"
        "<style>body{}</style></body></html>", encoding="utf-8")
    (folder / "only_markup.md").write_text("---\n```\n```\n***\n", encoding="utf-8")


def test_bad_files_fail_alone_with_clear_messages(tmp_path):
    bad = tmp_path / "bad"
    make_bad_files(bad)
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "scripts.html").write_text(scripts_html(), encoding="utf-8")
    # A path with ".." components resolves; the stored source is the plain file name.
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd.txt").write_text(
        (SAMPLES / "明湖区_2022.txt").read_text(encoding="utf-8").replace("明湖", "青山"),
        encoding="utf-8")
    sneaky = tmp_path / "ok" / "a" / ".." / ".." / "etc" / "passwd.txt"
    (tmp_path / "ok" / "a").mkdir()
    store = tmp_path / "store"
    files = [*(bad / name for name in BAD), GOOD, tmp_path / "ok" / "scripts.html", sneaky]

    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "ingest", "-q", "--embedding-model", "hash", "--store",
         str(store), *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")})
    elapsed = time.monotonic() - t0

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    failures = [line.removeprefix("failed: ") for line in done.stderr.splitlines()
                if line.startswith("failed: ")]
    assert len(failures) == len(BAD), done.stderr
    for name, phrase in BAD.items():
        [message] = [m for m in failures if name in m]
        assert phrase in message, message
    assert done.stdout.startswith(f"{len(files)} files: 3 added, {len(BAD)} failed"), done.stdout
    assert elapsed < 120  # nothing hangs: the 100 MB and the bomb are refused unread

    state = check(store)
    assert [s for s, _, _ in state["served"]] == sorted(
        ["passwd.txt", "scripts.html", GOOD.name])
    assert state["unserved"] == [] and state["snapshot_matches_chroma"]


def test_script_content_never_reaches_the_index(tmp_path):
    page = tmp_path / "scripts.html"
    page.write_text(scripts_html(), encoding="utf-8")
    store = open_store(make_settings(tmp_path / "store", embedding_model="hash"),
                       tokenize=str.split)
    [result] = Ingestor(store).ingest([page])
    assert result.status == "added"
    text = "\n".join(c.text for c in store.chunks())
    assert "第9段：全年办理法律援助案件739件" in text
    assert not [m for m in SCRIPT_MARKERS if m in text]
    assert "<" not in text and ">" not in text


def test_oversized_file_fails_fast_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(100 * 2**20)
    store = open_store(make_settings(tmp_path / "store", embedding_model="hash"),
                       tokenize=str.split)
    t0 = time.monotonic()
    [result] = Ingestor(store, max_file_mb=50).ingest([huge])
    assert time.monotonic() - t0 < 2
    assert result.status == "failed" and "100 MB" in result.error and "50 MB" in result.error


@pytest.mark.parametrize("unit", ["全年办理法律援助案件734件，调解成功率96.2%，", "法"],
                         ids=["clauses", "no-punctuation"])
def test_five_megabyte_single_line_is_chunked_in_bounded_time(tmp_path, unit):
    """One 5 MB line (with clauses, and without any punctuation at all): loading and
    chunking stay linear; every chunk is within the size limit."""
    from ingest.loaders import load_blocks

    line = unit * (5 * 2**20 // len(unit.encode()))
    path = tmp_path / "one_line.txt"
    path.write_text(line, encoding="utf-8")
    t0 = time.monotonic()
    blocks = load_blocks(path)
    prepared = prepare(blocks, "one_line", size=300)
    elapsed = time.monotonic() - t0
    assert elapsed < 60, elapsed
    lengths = [len(c.text) for c in prepared.chunks]
    assert min(lengths) > 0 and max(lengths) <= 300
    assert sum(lengths) >= len(line)  # nothing dropped (overlap may repeat text)


def test_mixed_encodings_are_refused_not_garbled(tmp_path):
    """Decision: a file whose lines use different encodings is refused with a message to
    re-save it as UTF-8 — never ingested as mojibake."""
    from ingest.errors import IngestError
    from ingest.loaders import load_blocks

    mixed_encodings(tmp_path / "mixed.txt")
    with pytest.raises(IngestError, match="UTF-8"):
        load_blocks(tmp_path / "mixed.txt")
