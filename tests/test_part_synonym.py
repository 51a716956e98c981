"""A 其中 part does not outbind its whole by a rarer synonym of the user's own word: "适用免罚清单办了
多少件" is 312件, not the part "首次轻微违法不予处罚案件207件" (不予处罚 is a word-table term of 免罚)."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """萝溪县2025年法治政府建设年度报告

一、推进包容审慎监管

全年适用免罚清单办理案件312件，减免罚款186.4万元，其中首次轻微违法不予处罚案件207件。

二、完善免罚清单制度

修订市场监管、生态环境领域免罚清单，免罚清单事项由98项增加至135项。

三、加强免罚清单宣传

通过以案释法宣传免罚清单，发放免罚清单解读材料1.2万份。

四、规范行政执法

全年办理行政处罚案件4126件，适用简易程序办理案件2983件，适用普通程序办理案件1143件。

办理行政复议案件86件，办理行政诉讼案件41件，适用调解和解办结案件12件。

五、规范免罚清单适用

开展免罚清单适用情况评估，对免罚清单执行不到位的单位督促整改6家。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("part_synonym"), "萝溪县_2025.txt", REPORT)



def test_the_whole_named_in_the_users_words(service):
    answer = service.ask("萝溪县2025年适用免罚清单办了多少件案件？")
    assert answer.found and first_line(answer).startswith("312件"), answer.text


def test_the_part_asked_by_its_own_words(service):
    answer = service.ask("萝溪县2025年首次轻微违法不予处罚的案件有多少件？")
    assert answer.found and first_line(answer).startswith("207件"), answer.text
