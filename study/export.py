"""Quizzes and briefs as Markdown and .docx (python-docx; opens in Word and WPS).

Both formats have the same shape: title, date and scope, the items (or passages), then —
on a new page in .docx, after a rule in Markdown — the answer key (or the sources) with
citations: report, section path, page, and the sentence quoted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from bot.answer import Citation
from study.brief import Brief
from study.corpus import StudyError
from study.quiz import KIND_NAMES, KINDS, LETTERS, Quiz, QuizItem

_NUMERALS = "一二三四五六七八九十"
_BODY_FONT = "宋体"
_HEADING_FONT = "黑体"
_KIND_HINTS = {"truefalse": "（正确的填“√”，错误的填“×”）",
               "match": "（在每项举措后填写章节字母）"}


# ---- shared wording ---------------------------------------------------------------------
ANSWER_SHEET_LINE = "姓名：＿＿＿＿＿＿＿＿　　单位：＿＿＿＿＿＿＿＿＿＿＿＿　　得分：＿＿＿＿＿＿"


def quiz_title(quiz: Quiz) -> str:
    return "法治政府建设学习测验" + (f"：{quiz.topic}" if quiz.topic else "")


def brief_title(brief: Brief) -> str:
    return f"专题学习资料：{brief.topic}"


def _date(today: dt.date | None) -> str:
    d = today or dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日"


def _scope(documents: Sequence) -> str:  # noqa: ANN001
    return "；".join(d.title or d.source for d in documents) or "（无）"


def quiz_meta(quiz: Quiz, today: dt.date | None) -> list[str]:
    return [f"生成日期：{_date(today)}　　题量：{len(quiz.items)}　　随机种子：{quiz.seed}",
            f"出题范围：{_scope(quiz.documents)}"]


def brief_meta(brief: Brief, today: dt.date | None) -> list[str]:
    found = len(brief.passages)
    lines = [f"生成日期：{_date(today)}　　检索词：{'、'.join(brief.terms)}　　"
             f"共{found}段原文，来自{len(brief.reports)}份报告",
             f"检索范围：{_scope(brief.documents)}"]
    if brief.omitted:
        lines.append(f"另有{brief.omitted}段相关度较低的原文未列入。")
    return lines


def _sections(quiz: Quiz) -> list[tuple[str, list[tuple[int, QuizItem]]]]:
    """(heading "一、填空题", [(number, item)]) in KINDS order, numbering items throughout."""
    out: list[tuple[str, list[tuple[int, QuizItem]]]] = []
    n = 0
    for kind in KINDS:
        items = [it for it in quiz.items if it.kind == kind]
        if not items:
            continue
        numbered = []
        for it in items:
            n += 1
            numbered.append((n, it))
        heading = f"{_NUMERALS[len(out)]}、{KIND_NAMES[kind]}{_KIND_HINTS.get(kind, '')}"
        out.append((heading, numbered))
    return out


def _stem(item: QuizItem) -> str:
    return item.stem + ("（　　）" if item.kind in ("choice", "truefalse") else "")


def _choice_line(item: QuizItem) -> str:
    return "　　".join(f"{LETTERS[i]}. {o}" for i, o in enumerate(item.options))


def _source_lines(item: QuizItem) -> list[str]:
    if item.kind == "match":
        return [f"举措（{c.n}）出处：{c.label()}" for c in item.citations]
    lines = [f"出处：{c.label()}" for c in item.citations]
    lines += [f"原文：{c.quote}" for c in item.citations]
    return lines


def _key_line(n: int, item: QuizItem) -> str:
    text = f"{n}. {item.answer}"
    return f"{text}。{item.note}" if item.note else text


# ---- Markdown -----------------------------------------------------------------------------
def quiz_markdown(quiz: Quiz, today: dt.date | None = None) -> str:
    out = [f"# {quiz_title(quiz)}", "", *_md_lines(quiz_meta(quiz, today)), "",
           ANSWER_SHEET_LINE, ""]
    if not quiz.items:
        out += ["（所选范围内没有可出题的句子。）", ""]
    for heading, items in _sections(quiz):
        out += [f"## {heading}", ""]
        for n, item in items:
            out += [f"**{n}.** {_stem(item)}", ""]
            if item.kind == "choice":
                out += [_choice_line(item), ""]
            elif item.kind == "match":
                out += ["举措：", ""]
                out += [f"- （{i}）{p}" for i, p in enumerate(item.prompts, 1)]
                out += ["", "章节：", ""]
                out += [f"- {LETTERS[i]}. {o}" for i, o in enumerate(item.options)]
                out += [""]
    out += ["---", "", "## 参考答案与出处", ""]
    for _, items in _sections(quiz):
        for n, item in items:
            out += [f"**{_key_line(n, item)}**", ""]
            out += [f"> {line}  " for line in _source_lines(item)]
            out += [""]
    return "\n".join(out).rstrip() + "\n"


def brief_markdown(brief: Brief, today: dt.date | None = None) -> str:
    out = [f"# {brief_title(brief)}", "", *_md_lines(brief_meta(brief, today)), ""]
    if not brief.reports:
        out += [f"所选报告中没有提到“{brief.topic}”的段落。", ""]
    highlight = _highlighter(brief.terms)
    for report in brief.reports:
        doc = report.document
        out += [f"## {doc.title or doc.source}", ""]
        for section in report.sections:
            out += [f"### {section.heading or '（报告开篇）'}", ""]
            for p in section.passages:
                text = "  \n".join(highlight(line, "**") for line in p.text.splitlines())
                out += [f"**[{p.citation.n}]** {text}", ""]
                if p.facts:
                    out += ["关键数据：", ""]
                    out += [f"- {fact}" for fact in p.facts]
                    out += [""]
    if brief.reports:
        out += ["---", "", "## 出处", ""]
        out += [f"[{p.citation.n}] {_brief_source(p.citation)}  " for p in brief.passages]
    return "\n".join(out).rstrip() + "\n"


def _md_lines(lines: list[str]) -> list[str]:
    return [line + "  " for line in lines]


def _brief_source(c: Citation) -> str:
    return c.label() + (f"（{c.year}年）" if c.year and str(c.year) not in c.title else "")


def _highlighter(terms: Sequence[str]):  # noqa: ANN202
    """Wraps each occurrence of a term in the given marks (longest term first)."""
    if not terms:
        return lambda text, mark: text
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    return lambda text, mark: pattern.sub(lambda m: f"{mark}{m.group(0)}{mark}", text)


# ---- .docx --------------------------------------------------------------------------------
def _new_document():  # noqa: ANN202
    try:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Pt
    except ImportError as e:  # pragma: no cover - python-docx is a runtime dependency
        raise StudyError("导出 .docx 需要 python-docx：pip install python-docx") from e

    doc = Document()
    for style_name, font, size in (("Normal", _BODY_FONT, 11), ("Title", _HEADING_FONT, 20),
                                   ("Heading 1", _HEADING_FONT, 15),
                                   ("Heading 2", _HEADING_FONT, 13),
                                   ("Heading 3", _HEADING_FONT, 11.5)):
        style = doc.styles[style_name]
        style.font.name = font
        style.font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), font)
    a4_with_page_numbers(doc)
    return doc


def new_document():  # noqa: ANN201
    """A blank .docx with the Chinese fonts, A4 pages and page numbers (for other exports)."""
    return _new_document()


def a4_with_page_numbers(doc) -> None:  # noqa: ANN001
    """A4 paper, 2.5 cm margins, and "第 N 页 共 M 页" centred in every page's footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, field in (("第 ", "PAGE"), (" 页 共 ", "NUMPAGES"), (" 页", None)):
            footer.add_run(text)
            if field:
                simple = OxmlElement("w:fldSimple")
                simple.set(qn("w:instr"), field)
                run = OxmlElement("w:r")
                value = OxmlElement("w:t")
                value.text = "1"
                run.append(value)
                simple.append(run)
                footer._p.append(simple)


def _small(paragraph, size: float = 9) -> None:  # noqa: ANN001
    from docx.shared import Pt, RGBColor

    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _indent(paragraph, cm: float = 0.74) -> None:  # noqa: ANN001
    from docx.shared import Cm

    paragraph.paragraph_format.left_indent = Cm(cm)


DOCX_PROPERTY_CHARS = 255  # python-docx refuses longer core properties


def _titled_document(title: str, meta: list[str]):  # noqa: ANN202
    """A new document with its title and the small meta lines under it."""
    doc = _new_document()
    doc.core_properties.title = title[:DOCX_PROPERTY_CHARS]  # a longer one raises ValueError
    doc.add_heading(title, level=0)
    for line in meta:
        _small(doc.add_paragraph(line), 10)
    return doc


def write_quiz_docx(quiz: Quiz, path: Path, today: dt.date | None = None) -> Path:
    doc = _titled_document(quiz_title(quiz), list(quiz_meta(quiz, today)))
    doc.add_paragraph(ANSWER_SHEET_LINE)
    if not quiz.items:
        doc.add_paragraph("（所选范围内没有可出题的句子。）")
    for heading, items in _sections(quiz):
        doc.add_heading(heading, level=1)
        for n, item in items:
            para = doc.add_paragraph()
            para.add_run(f"{n}. ").bold = True
            para.add_run(_stem(item))
            if item.kind == "choice":
                _indent(doc.add_paragraph(_choice_line(item)))
            elif item.kind == "match":
                _indent(doc.add_paragraph("举措："))
                for i, prompt in enumerate(item.prompts, 1):
                    _indent(doc.add_paragraph(f"（{i}）{prompt}"), 1.2)
                _indent(doc.add_paragraph("章节："))
                for i, option in enumerate(item.options):
                    _indent(doc.add_paragraph(f"{LETTERS[i]}. {option}"), 1.2)
    doc.add_page_break()
    doc.add_heading("参考答案与出处", level=1)
    for _, items in _sections(quiz):
        for n, item in items:
            doc.add_paragraph().add_run(_key_line(n, item)).bold = True
            for line in _source_lines(item):
                para = doc.add_paragraph(line)
                _indent(para)
                _small(para)
    return _save(doc, path)


def write_brief_docx(brief: Brief, path: Path, today: dt.date | None = None) -> Path:
    doc = _titled_document(brief_title(brief), list(brief_meta(brief, today)))
    if not brief.reports:
        doc.add_paragraph(f"所选报告中没有提到“{brief.topic}”的段落。")
    pattern = (re.compile("|".join(re.escape(t) for t in
                                   sorted(brief.terms, key=len, reverse=True)))
               if brief.terms else None)
    for report in brief.reports:
        doc.add_heading(report.document.title or report.document.source, level=1)
        for section in report.sections:
            doc.add_heading(section.heading or "（报告开篇）", level=2)
            for p in section.passages:
                for i, line in enumerate(p.text.splitlines()):
                    para = doc.add_paragraph()
                    if i == 0:
                        para.add_run(f"[{p.citation.n}] ").bold = True
                    _add_highlighted(para, line, pattern)
                if p.facts:
                    para = doc.add_paragraph()
                    para.add_run("关键数据：").bold = True
                    _indent(para)
                    for fact in p.facts:
                        _indent(doc.add_paragraph(f"· {fact}"), 1.2)
    if brief.reports:
        doc.add_page_break()
        doc.add_heading("出处", level=1)
        for p in brief.passages:
            _small(doc.add_paragraph(f"[{p.citation.n}] {_brief_source(p.citation)}"), 10)
    return _save(doc, path)


def _add_highlighted(paragraph, text: str, pattern: re.Pattern | None) -> None:  # noqa: ANN001
    if pattern is None:
        paragraph.add_run(text)
        return
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        paragraph.add_run(m.group(0)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _save(doc, path: Path) -> Path:  # noqa: ANN001
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


# ---- by file name -------------------------------------------------------------------------
def save(material: Quiz | Brief, path: Path, today: dt.date | None = None) -> Path:
    """Write a quiz or a brief as .md or .docx, chosen by the file's extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        if isinstance(material, Quiz):
            return write_quiz_docx(material, path, today)
        return write_brief_docx(material, path, today)
    if suffix in (".md", ".markdown"):
        text = (quiz_markdown(material, today) if isinstance(material, Quiz)
                else brief_markdown(material, today))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    raise StudyError(f"不支持的输出格式“{path.suffix or path.name}”：请用 .docx 或 .md。")


def to_markdown(material: Quiz | Brief, today: dt.date | None = None) -> str:
    if isinstance(material, Quiz):
        return quiz_markdown(material, today)
    return brief_markdown(material, today)
