"""A place asked about without naming a department is answered by its government's report first —
unless a department's report of the place has a better sentence naming what the government's
sentence does not: a question describing medical disputes ("看病起了纠纷") is answered by the
district 卫健委's 医疗纠纷 committee's rate, not by the government's rate of all 人民调解. On the
reports of question set qa62 (a district government and its departments), asked in words of no
question of the set."""

from pathlib import Path

import pytest

from tests.conftest import build_store, first_line

QA62 = Path(__file__).parent / "fixtures" / "qsets" / "qa62"
pytestmark = pytest.mark.slow  # fourteen reports ingested with the real embedder


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(p for p in QA62.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    return build_store(tmp_path_factory.mktemp("gov_yields") / "store", files)[1]


@pytest.mark.parametrize("question", [
    "菊江区2025年看病闹了纠纷找调解，最后调解成的比例是多高？",
    "菊江区2025年看病起纠纷找调解的，最后调成的比例有多少？",
])
def test_a_department_sentence_naming_the_described_kind(service, question):
    line = first_line(service.ask(question))
    assert "91.8%" in line and "98.4%" not in line, line


def test_the_government_sentence_when_it_says_it(service):
    line = first_line(service.ask("菊江区2025年全区人民调解委员会的调解成功率是多少？"))
    assert "98.4%" in line, line
