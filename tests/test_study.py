"""Study materials: topic briefs, quizzes, Markdown/.docx export, CLI and UI entry points."""

from __future__ import annotations

import argparse
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from study.brief import build_brief
from study.corpus import (
    StudyError,
    corpus_sentences,
    select_documents,
    topic_terms,
    trim_numbering,
)
from study.export import quiz_markdown, save, write_brief_docx, write_quiz_docx
from study.facts import blankable, facts, key_facts, split_figure
from study.quiz import BLANK, KINDS, LETTERS, build_quiz, parse_kinds
from tests.conftest import SAMPLES, SEED_REPORT, build_store

TODAY = dt.date(2026, 11, 26)
SEEDS = (1, 2, 3, 11, 42)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The three sample reports with the cheap deterministic embedder."""
    files = [SEED_REPORT, SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"]
    return build_store(tmp_path_factory.mktemp("study"), files, embedding_model="hash")[1].store


@pytest.fixture(scope="module")
def quizzes(store):
    return [build_quiz(store, n=24, seed=seed) for seed in SEEDS]


def _items(quizzes, kind=None):
    return [it for q in quizzes for it in q.items if kind is None or it.kind == kind]


def _docx_text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# ---- figures and blanks -------------------------------------------------------------------
def test_figure_labels_say_what_is_counted():
    found = {f.label: f.value for f in facts("全年共收到行政复议申请241件，受理204件，审结196件，"
                                             "复议案件调解和解率为21.4%。")}
    assert found == {"收到行政复议申请": "241件", "受理": "204件", "审结": "196件",
                     "复议案件调解和解率": "21.4%"}
    assert [str(f) for f in facts("行政区划调整后，引进律师事务所9家，助力律师行业队伍壮大。")] == [
        "引进律师事务所：9家"]
    # a figure qualifying a noun is labelled by the noun
    assert str(facts("全年帮助412家企业完成信用修复。")[0]) == "企业完成信用修复：412家"
    # qualifiers stay with the value
    assert str(facts("目前全区执法人员持证率达90%以上。")[0]) == "全区执法人员持证率：90%以上"


def test_key_facts_join_a_change_and_prefix_table_rows():
    assert [str(f) for f in key_facts("平均办理时间由7个工作日压缩至2个工作日。")] == [
        "平均办理时间：由7个工作日压缩至2个工作日"]
    assert [str(f) for f in key_facts("行政执法人员持证率：97.5%")] == ["行政执法人员持证率：97.5%"]


def test_names_quotes_and_chinese_numerals_are_not_figures():
    assert facts("出台《明湖区支持法律服务业发展10条措施》，落实“三项制度”。") == []
    assert facts("对考核排名后三位的单位进行通报，形成两支法律顾问团队。") == []
    assert facts("经集体审议确定2021年度重大行政决策事项。") == []


def test_blank_rule_allows_distinctly_labelled_figures_of_one_unit():
    sentence = "全年共收到行政复议申请241件，受理204件，审结196件，复议案件调解和解率为21.4%。"
    assert [f.figure.text for f in blankable(sentence)] == ["241件", "204件", "196件", "21.4%"]


@pytest.mark.parametrize("sentence, not_blankable", [
    # the same figure text twice: the blank would have two places
    ("全年报备规范性文件15件，审查规范性文件15件。", {"15件"}),
    # same unit, and one figure has no words of its own: the blank could be either
    ("办理行政复议案件和行政诉讼案件分别为12件、15件。", {"12件", "15件"}),
    ("全年受理12件和15件。", {"12件", "15件"}),
    # same unit, same label
    ("受理12件，受理15件。", {"12件", "15件"}),
    # approximate values are not blanked
    ("帮助企业解决法律问题320余个。", {"320余个"}),
    # a figure that is part of another figure's text
    ("清理文件215件，废止15件。", {"15件"}),
])
def test_ambiguous_blanks_are_not_produced(sentence, not_blankable):
    assert not_blankable.isdisjoint(f.figure.text for f in blankable(sentence))


_LABELS = st.sampled_from(["受理", "审结", "办理案件", "清理文件", "培训", "引进律师事务所", ""])
_UNITS = st.sampled_from(["件", "家", "人次", "%", "万元"])


@given(st.lists(st.tuples(_LABELS, st.integers(1, 999), _UNITS), min_size=1, max_size=5),
       st.sampled_from(["，", "、"]))
@settings(max_examples=200, deadline=None)
def test_a_blank_has_one_place_and_one_reading(parts, sep):
    sentence = sep.join(f"{label}{n}{unit}" for label, n, unit in parts) + "。"
    found = facts(sentence)
    for fact in blankable(sentence):
        fig = fact.figure
        assert sentence.count(fig.text) == 1
        digits, suffix = split_figure(fig)
        stem = sentence[:fig.start] + BLANK + suffix + sentence[fig.end:]
        assert stem.count(BLANK) == 1
        assert stem.replace(BLANK, digits) == sentence
        for other in found:
            if other.figure.start != fig.start and other.figure.unit == fig.unit:
                assert len(fact.label) >= 2 and other.label != fact.label


# ---- sentences, topics, scope -------------------------------------------------------------
def test_trim_numbering():
    assert trim_numbering("3.强化合法性审查。") == "强化合法性审查。"
    assert trim_numbering("（二）提升行政执法质量。") == "提升行政执法质量。"
    assert trim_numbering("二是坚持学法用法。") == "坚持学法用法。"
    assert trim_numbering("1.9万余次检查。") == "1.9万余次检查。"


def test_overlapping_chunks_give_each_sentence_once(store):
    sentences = corpus_sentences(store.chunks())
    keys = [(s.chunk.doc_id, s.quote) for s in sentences]
    assert len(keys) == len(set(keys))
    assert all(s.quote in s.chunk.text for s in sentences)


def test_topic_terms_use_the_synonym_table_both_ways():
    assert set(topic_terms("行政复议")) == {"行政复议", "复议"}
    assert "行政复议" in topic_terms("复议")
    assert "合同" not in topic_terms("合法性审查")  # a colloquial word is not a short form


def test_select_documents(store):
    docs = store.documents()
    assert [d.year for d in select_documents(docs)] == [2021, 2022, 2023]
    assert [d.year for d in select_documents(docs, ["明湖区"])] == [2022, 2023]
    assert [d.year for d in select_documents(docs, ["明湖区_2023.txt"])] == [2023]
    assert [d.year for d in select_documents(docs, years=[2022])] == [2022]
    with pytest.raises(StudyError, match="没有找到报告"):
        select_documents(docs, ["不存在的报告"])
    with pytest.raises(StudyError, match="2019年"):
        select_documents(docs, years=[2019])


# ---- brief --------------------------------------------------------------------------------
def test_brief_on_administrative_review_cites_only_passages_about_it(store):
    brief = build_brief(store, "行政复议")
    passages = brief.passages
    assert len(passages) >= 5
    for p in passages:
        c = p.citation
        assert c.text == p.chunk.text
        assert any(w in c.text or w in c.section for w in ("行政复议", "复议")), c.label()
        assert c.quote in c.text
    # grouped by report (in year order), in document order within each report
    assert [r.document.year for r in brief.reports] == [2021, 2022, 2023]
    for report in brief.reports:
        positions = [p.chunk.position for s in report.sections for p in s.passages]
        assert positions == sorted(positions)
    # the core passages are there, with their key figures
    all_facts = {str(f) for p in passages for f in p.facts}
    assert {"受理：204件", "审结：196件", "调解成功率：65.5%",
            "行政复议案件·受理：236件"} <= all_facts
    # a passage that only mentions the topic in passing lists only the figures near it
    table = next(p for p in passages if "表1" in p.text)
    assert not any("败诉" in f.label for f in table.facts)
    assert [n for n, _ in enumerate(passages, 1)] == [p.citation.n for p in passages]


def test_brief_scope_and_unknown_topic(store):
    brief = build_brief(store, "行政复议", years=[2022])
    assert {p.chunk.year for p in brief.passages} == {2022}
    assert build_brief(store, "量子力学").passages == []
    with pytest.raises(StudyError):
        build_brief(store, "  ")


def test_brief_exports(store, tmp_path):
    brief = build_brief(store, "行政复议")
    md = save(brief, tmp_path / "brief.md", TODAY).read_text(encoding="utf-8")
    assert md.startswith("# 专题学习资料：行政复议")
    assert "2026年11月26日" in md and "## 出处" in md
    assert md.index("受理：204件") < md.index("## 出处")
    text = _docx_text(write_brief_docx(brief, tmp_path / "brief.docx", TODAY))
    assert "专题学习资料：行政复议" in text and "受理：204件" in text
    for p in brief.passages:
        assert p.citation.label() in text


# ---- quiz ---------------------------------------------------------------------------------
def test_quiz_has_all_kinds_and_the_requested_size(quizzes):
    for quiz in quizzes:
        assert len(quiz.items) == 24
        assert {it.kind for it in quiz.items} == set(KINDS)
        assert [it.kind for it in quiz.items] == sorted(
            (it.kind for it in quiz.items), key=KINDS.index)


def test_every_quiz_answer_occurs_verbatim_in_its_cited_passage(quizzes):
    for item in _items(quizzes):
        assert item.citations
        for c in item.citations:
            assert c.quote and c.quote in c.text
        if item.kind == "match":
            for prompt, c in zip(item.prompts, item.citations, strict=True):
                assert prompt.rstrip("。") in c.quote
            assert item.answer != "；".join(f"{i}—{LETTERS[i - 1]}"
                                            for i in range(1, len(item.prompts) + 1))
            for pair in item.answer.split("；"):
                i, letter = pair.split("—")
                heading = item.options[LETTERS.index(letter)]
                assert heading in item.citations[int(i) - 1].section
            continue
        (c,) = item.citations
        assert item.solution in c.quote
        if item.kind == "blank":
            assert item.answer == item.solution
        elif item.kind == "choice":
            letter, _, value = item.answer.partition(". ")
            assert item.options[LETTERS.index(letter)] == value == item.solution


def test_blank_stems_have_one_blank_and_keep_the_unit(quizzes):
    for item in _items(quizzes, "blank") + _items(quizzes, "choice"):
        assert item.stem.count(BLANK) == 1
        digits, suffix = re.match(r"(\d+(?:\.\d+)?)(.*)", item.solution).groups()
        assert BLANK + suffix in item.stem
        body = item.stem.split("：", 1)[1].replace(BLANK, digits, 1)
        assert body.rstrip("。").lstrip() in item.citations[0].quote.replace("；", "。") or \
            trim_numbering(item.citations[0].quote).rstrip("。；") == body.rstrip("。")
        # the blanked figure is not ambiguous within its sentence
        assert item.citations[0].quote.count(item.solution) == 1


def test_items_carry_their_report_as_context(quizzes):
    for item in _items(quizzes, "blank"):
        c = item.citations[0]
        head, body = item.stem.split("：", 1)
        assert str(c.year) in head or body.startswith(f"{c.year}年")
        assert ("余杭区" if "余杭" in c.region else "明湖区") in item.stem


def test_same_seed_same_quiz_and_different_seed_different_quiz(store, quizzes):
    again = build_quiz(store, n=24, seed=SEEDS[0])
    assert again == quizzes[0]
    assert quiz_markdown(again, TODAY) == quiz_markdown(quizzes[0], TODAY)
    stems = {tuple(it.stem for it in q.items) for q in quizzes}
    assert len(stems) == len(quizzes)


def test_distractors_differ_from_the_answer_and_share_its_unit(quizzes):
    choices = _items(quizzes, "choice")
    assert choices
    for item in choices:
        assert len(item.options) == 4
        values = [re.match(r"(\d+(?:\.\d+)?)(.*)$", o).groups() for o in item.options]
        answer_digits, answer_unit = re.match(r"(\d+(?:\.\d+)?)(.*)$", item.solution).groups()
        assert all(unit == answer_unit for _, unit in values)
        numbers = [float(d) for d, _ in values]
        assert len(set(numbers)) == 4
        assert numbers.count(float(answer_digits)) == 1
        # no distractor is already shown in the stem
        for option in item.options:
            if option != item.solution:
                assert not re.search(rf"(?<![\d.]){re.escape(option)}", item.stem)


def test_true_false_items_are_right_about_the_report(quizzes):
    items = _items(quizzes, "truefalse")
    assert {it.answer for it in items} == {"正确", "错误"}
    for item in items:
        c = item.citations[0]
        body = item.stem.split("：", 1)[1]
        original = trim_numbering(c.quote)
        original = original[:-1] + "。" if original.endswith("；") else original
        if item.answer == "正确":
            assert body == original
        else:
            assert item.note
            # either a figure was changed or the statement is put in another year
            assert body != original or str(c.year) not in item.stem.split("：")[0]
            if body != original:  # a swapped figure is never one end of a change
                pairs = zip(body, original, strict=False)
                at = next(i for i, (a, b) in enumerate(pairs) if a != b)
                while at and (body[at - 1].isdigit() or body[at - 1] == "."):
                    at -= 1  # back to the start of the swapped figure
                assert body[at - 1:at] != "由" and not body[:at].endswith("至")


def test_quiz_options(store):
    assert parse_kinds("blank, 判断题") == ("blank", "truefalse")
    with pytest.raises(StudyError):
        parse_kinds("essay")
    quiz = build_quiz(store, n=5, kinds="choice", seed=4, years=[2023])
    assert len(quiz.items) == 5
    assert {it.kind for it in quiz.items} == {"choice"}
    assert {it.citations[0].year for it in quiz.items} == {2023}
    topical = build_quiz(store, n=8, kinds="blank,choice,truefalse", seed=4, topic="行政复议")
    assert topical.items
    for item in topical.items:
        c = item.citations[0]
        assert "复议" in c.text or "复议" in c.section


def test_plans_are_introduced_by_their_report_part(store):
    for seed in range(8):
        for item in build_quiz(store, n=30, kinds="blank,choice", seed=seed).items:
            section = item.citations[0].section
            if "安排" in section.split(" > ")[0]:
                assert "年报告“" in item.stem and "安排”：" in item.stem


# ---- export -------------------------------------------------------------------------------
def test_quiz_docx_opens_and_holds_items_then_key_on_a_new_page(quizzes, tmp_path):
    import docx
    from docx.oxml.ns import qn

    quiz = quizzes[0]
    path = write_quiz_docx(quiz, tmp_path / "quiz.docx", TODAY)
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    key_at = paragraphs.index("参考答案与出处")
    for item in quiz.items:
        assert any(item.stem in p for p in paragraphs[:key_at])
        assert any(item.answer in p for p in paragraphs[key_at:])
        for c in item.citations:
            assert c.label() in text
    breaks = [i for i, p in enumerate(document.paragraphs)
              if any(br.get(qn("w:type")) == "page" for br in p._p.iter(qn("w:br")))]
    assert breaks and max(breaks) < key_at
    assert document.core_properties.title.startswith("法治政府建设学习测验")


def test_quiz_markdown_puts_the_key_after_the_items(quizzes):
    md = quiz_markdown(quizzes[0], TODAY)
    key = md.index("## 参考答案与出处")
    for item in quizzes[0].items:
        assert md.index(item.stem) < key
    assert "随机种子：1" in md and "2026年11月26日" in md


def test_save_rejects_other_formats(quizzes, tmp_path):
    with pytest.raises(StudyError, match="docx"):
        save(quizzes[0], tmp_path / "quiz.pdf")


# ---- CLI and UI entry points --------------------------------------------------------------
def _parser():
    from study import cli

    parser = argparse.ArgumentParser(prog="python -m study")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--today")
    cli.add_commands(parser, parents=[common])
    return parser


def test_cli_quiz_and_brief(store, tmp_path, capsys):
    from study.cli import run

    out = tmp_path / "q.docx"
    args = _parser().parse_args(["quiz", "--n", "6", "--seed", "5",
                                 "--types", "blank,choice", "--out", str(out),
                                 "--today", "2026-11-26"])
    assert run(args, store) == 0
    assert out.exists() and "6道题" in capsys.readouterr().out
    args = _parser().parse_args(["brief", "行政复议", "--year", "2023"])
    assert run(args, store) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# 专题学习资料：行政复议") and "鹭洲市明湖区2023年" in printed
    args = _parser().parse_args(["brief", "行政复议", "--report", "不存在"])
    assert run(args, store) == 2
    args = _parser().parse_args(["brief", "量子力学"])
    assert run(args, store) == 1


def test_ui_api_returns_markdown_and_a_docx(store, tmp_path):
    from study.ui_api import make_brief, make_quiz

    md, path = make_quiz(store, n=4, types=["填空题", "choice"], seed="9", out_dir=tmp_path,
                         today=TODAY)
    assert md.startswith("# 法治政府建设学习测验") and path.endswith(".docx")
    assert "参考答案与出处" in _docx_text(path)
    md, path = make_brief(store, "行政复议", years=["2022"], out_dir=tmp_path, today=TODAY)
    assert "受理：204件" in md and path.endswith(".docx")
    md, path = make_brief(store, "行政复议", reports=["不存在"], out_dir=tmp_path)
    assert path is None and "无法生成" in md
