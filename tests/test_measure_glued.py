"""A measure word the segmenter glues to the noun after it ("多少起纠纷" cut as 起纠纷) is no
word the reports never use: the question is in the reports' own words and describes no
concept, so it is answered from the sentence about the asked thing, not from a concept's
sentence about one kind of it."""

import pytest

from tests.conftest import first_line, report_service

_REPORT = ("茴山区2024年法治政府建设年度报告\n\n2024年，茴山区坚持和发展新时代“枫桥经验”。\n\n"
           "一、化解矛盾纠纷\n\n全区人民调解组织共调处矛盾纠纷4215件，调解成功率98.4%，涉及金额1.9亿元。\n\n"
           "区物业纠纷人民调解委员会全年调解物业纠纷83件，涉及金额320余万元。\n\n"
           "二、法律服务\n\n全年办理法律援助案件1206件，其中刑事案件318件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("glued"), "茴山区_2024.txt", _REPORT)


@pytest.mark.parametrize("question", [
    "茴山区2024年人民调解组织调解了多少起纠纷？",
    "茴山区2024年人民调解组织调解了多少件纠纷？",
    "茴山区2024年人民调解组织调处了几起纠纷？",
])
def test_measure_word_glued_to_the_noun(service, question):
    assert "4215件" in first_line(service.ask(question))


def test_glued_measure_word_is_known(service):
    assert not service._unknown_word("起纠纷")
    assert not service._unknown_word("纠纷")
    assert not service._unknown_word("几起")
    assert service._unknown_word("劝和")  # words no report uses
    assert service._unknown_word("家暴")  # 家 is a measure word too, but 暴 no word of the reports
