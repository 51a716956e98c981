"""A village named right after its town ("芰溪镇芰湾村…") that the town's report names is asked about
itself: only a passage naming it answers, never the town's total."""

import pytest

from bot.query import reads_as_a_name
from tests.conftest import first_line, report_service

REPORT = """芰溪镇人民政府2025年法治政府建设年度报告

一、化解矛盾纠纷

全镇人民调解组织全年共调解矛盾纠纷286件，调解成功率98.3%，其中镇人民调解委员会调解34件，各村人民调解委员会调解252件。

五个村调解纠纷分别为芰溪村58件、芰湾村44件、芰口村41件、芰塘村47件、芰林村62件。

二、法治宣传

培养“法律明白人”一百二十名；芰桥村被评为省级民主法治村。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("village"), "芰溪镇_2025.txt", REPORT)


def test_a_village_of_the_list_is_its_own_figure(service):
    answer = service.ask("芰溪镇芰湾村2025年调解了多少件矛盾纠纷？")
    assert answer.found and first_line(answer).startswith("44件"), answer.text


def test_a_village_the_report_gives_no_figure_for_is_not_the_towns_total(service):
    answer = service.ask("芰溪镇芰桥村2025年调解了多少件矛盾纠纷？")
    assert not answer.found and "286件" not in first_line(answer), answer.text


def test_the_town_itself_is_still_its_total(service):
    answer = service.ask("芰溪镇2025年调解了多少件矛盾纠纷？")
    assert answer.found and first_line(answer).startswith("286件"), answer.text


def test_a_village_the_report_never_names_is_unknown(service):
    answer = service.ask("芰溪镇芰汭村2025年调解了多少件矛盾纠纷？")
    assert not answer.found and "286件" not in first_line(answer), answer.text


@pytest.mark.parametrize("words, name", [
    ("涢湾村", True), ("芰汭村", True), ("沨岭乡", True),
    ("向乡镇", False), ("有几个村", False), ("有几家乡", False), ("各乡镇", False), ("新农村", False)])
def test_a_place_name_or_words_ending_in_a_unit(words, name):
    assert reads_as_a_name(words) is name
