"""Year and region as soft scope: another report's year column answers, the nearest year is
offered (labelled, found=false) when the asked year has no report; filters hold without a year."""

import pytest

from tests.conftest import SAMPLES, SEED_REPORT, build_store


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [SEED_REPORT, SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"]
    return build_store(tmp_path_factory.mktemp("scope"), files, embedding_model="hash")[1]


def test_a_year_without_a_report_offers_the_nearest_year_labelled(service):
    answer = service.ask("明湖区2025年引进了多少家律师事务所？")
    assert not answer.found
    first, rest = answer.text.split("\n", 1)
    assert "没有" in first and "2025年" in first and "8家" not in first
    assert "2023年报告中的相关内容" in rest and "8家" in rest


def test_the_report_filter_holds_for_a_question_without_a_year(service):
    docs = {d.year: d.doc_id for d in service.documents() if d.region and "明湖" in d.region}
    only_2022 = service.ask("明湖区引进了多少家律师事务所？", doc_ids=[docs[2022]])
    assert only_2022.citations and all(c.year == 2022 for c in only_2022.citations)
    only_2023 = service.ask("明湖区引进了多少家律师事务所？", doc_ids=[docs[2023]])
    assert only_2023.citations and all(c.year == 2023 for c in only_2023.citations)


def test_the_earlier_value_of_a_pair_answers_for_its_own_year(tmp_path):
    # "由2024年的58件下降到43件" in the 2025 report states 2024's figure: asked about 2024 (no
    # report of that year), it answers, saying which report it comes from
    report = tmp_path / "苕溪市自然资源和规划局_2025.txt"
    report.write_text("苕溪市自然资源和规划局2025年法治政府建设年度报告\n\n一、依法化解行政争议\n\n"
                      "办理行政复议案件31件，同比下降13.9%。办理行政诉讼一审案件由2024年的58件下降到43件，"
                      "败诉2件，负责人出庭应诉率100%。\n\n二、执法监督\n\n查处违法用地案件136件。\n",
                      encoding="utf-8")
    service = build_store(tmp_path / "store", [report], embedding_model="hash")[1]
    answer = service.ask("苕溪市2024年行政诉讼一审案件多少件？")
    first = answer.text.split("\n")[0]
    assert first.startswith("58件") and "2025年报告" in first, answer.text
    assert "43件" not in first
