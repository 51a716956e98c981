"""A place's share of the place it belongs to is computed from the two counts, each found as a
question about that place alone would find it ("全市在册社区矫正对象里，芷溪区的占百分之几" → 12.5%
= 310 / 2480), and said with both figures cited; a share the report states of one place is
not computed."""

import pytest

from bot.share_of import share_of_places
from tests.conftest import first_line, reports_service

_CITY = ("芷州市2025年法治政府建设年度报告\n\n一、社区矫正\n\n全市在册社区矫正对象2480名，全年未发生脱管漏管。\n\n"
         "二、行政复议\n\n全市共收到行政复议申请1960件，受理1815件，办结1742件。\n")
_DISTRICT = ("芷州市芷溪区2025年法治政府建设年度报告\n\n一、社区矫正\n\n全区在册社区矫正对象310名，其中缓刑262名。\n\n"
             "二、行政复议\n\n全区行政复议机构全年受理行政复议申请363件，办结351件。\n\n"
             "三、信访\n\n全年受理信访事项1204件，其中网上信访占比65.2%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("share_of"),
                           {"芷州市_2025.txt": _CITY, "芷州市芷溪区_2025.txt": _DISTRICT})


@pytest.mark.parametrize(("question", "share"), [
    ("2025年芷州全市在册社区矫正对象里，芷溪区的大约占百分之几？", "12.5%"),
    ("2025年芷溪区受理的行政复议申请占芷州市全市受理量的比例是多少？", "20%"),  # 363 / 1815
])
def test_share_of_a_place_in_its_whole(service, question, share):
    answer = service.ask(question)
    assert answer.found and share in first_line(answer), answer.text
    assert len(answer.citations) == 2


def test_a_share_the_report_states_is_not_computed(service):
    line = first_line(service.ask("芷溪区2025年网上信访占比是多少？"))
    assert "65.2%" in line, line


def test_one_place_asks_no_share_of_places(service):
    docs = service.documents(None)
    q = service.analyze("芷溪区2025年网上信访占比是多少？", docs)
    assert share_of_places(service, q, docs) is None
