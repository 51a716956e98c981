"""各级 ("at every level") scopes what is asked as 各乡镇 does, and names nothing a sentence must
say: a town's "镇村两级人民调解组织…调处矛盾纠纷164件" answers "各级人民调解组织调处了多少件"."""

from tests.conftest import first_line, reports_service

TOWN = """潋溪镇2025年法治政府建设工作报告

一、主要工作
健全镇、村两级人民调解组织网络，全镇共有人民调解委员会19个、人民调解员96名。镇村两级人民调解组织全年调处矛盾纠纷164件，调解成功161件，调解成功率98.2%。
"""


CITY = """汾川市2025年法治政府建设年度报告

一、主要工作
全市各级人民调解组织调处矛盾纠纷5862件，调解成功率98.9%，化解信访积案27件。
"""


def test_every_level_is_a_scope_not_a_term(tmp_path):
    service = reports_service(tmp_path, {"潋溪镇_2025.txt": TOWN, "汾川市_2025.txt": CITY})
    answer = service.ask("潋溪镇2025年各级人民调解组织调处了多少件矛盾纠纷？")
    assert answer.found and first_line(answer).startswith("164件"), answer.text
