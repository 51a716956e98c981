"""A 其中 part is of its whole: when the whole measures a sibling of what is asked (学生欺凌 asked as
网络欺凌), its part does not answer either — it had been the only figure left to bind."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """葭水市教育局2025年法治政府建设年度报告

一、加强校园安全治理

（一）防治学生欺凌

坚持“零容忍”，开展学生欺凌专项排查整治，全年排查认定学生欺凌事件三十七起，均按规定及时处置，其中移交公安机关4起；开展防欺凌专题教育1200余场次。

（二）规范校外培训

全年检查校外培训机构860家次，查处无证办学机构23家，其中责令停止办学19家。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("sibling"), "葭水市教育局_2025.txt", REPORT)



def test_a_part_of_a_sibling_whole_is_no_answer(service):
    answer = service.ask("葭水市2025年认定的网络欺凌事件有多少起？")
    assert "4起" not in first_line(answer) and "37" not in first_line(answer), answer.text
    assert not answer.found


def test_the_whole_is_answered_in_the_other_official_wording(service):
    # 校园欺凌 and 学生欺凌 are one thing written two ways (bot/synonyms.txt)
    answer = service.ask("葭水市2025年认定的校园欺凌事件有多少起？")
    assert answer.found and first_line(answer).startswith(("三十七起", "37起")), answer.text


def test_the_part_of_the_asked_whole_still_answers(service):
    answer = service.ask("葭水市2025年学生欺凌事件中移交公安机关的有多少起？")
    assert answer.found and first_line(answer).startswith("4起"), answer.text
