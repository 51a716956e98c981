""""…案件，2025年比2024年多了还是少了？": the cases counted (not the wages of 欠薪 cases), and no
"实际并未增加" — the question presumes neither way."""

from __future__ import annotations

import pytest

from tests.conftest import reports_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two_years")
    texts = {
        "柘州市人力资源和社会保障局_2024.txt": "柘州市人力资源和社会保障局2024年法治政府建设年度报告\n\n"
                                        "一、根治欠薪\n\n"
                                        "全年查处欠薪案件327件，为劳动者追发工资5870万元。\n",
        "柘州市人力资源和社会保障局_2025.txt": "柘州市人力资源和社会保障局2025年法治政府建设年度报告\n\n"
                                        "一、根治欠薪\n\n"
                                        "全年查处欠薪案件286件，为劳动者追发工资4630万元。\n",
    }
    return reports_service(folder, texts)


def test_the_cases_are_compared_without_a_premise(service):
    answer = service.ask("柘州市人社局查处的欠薪案件，2025年比2024年多了还是少了？")
    first = answer.text.split("\n")[0]
    assert answer.found and "327件" in first and "286件" in first, answer.text
    assert "并未" not in first, answer.text
