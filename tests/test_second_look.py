"""The second look (bot/second_look.py): a sentence the support check turned down gives its
figure only when the fitted model is sure of it; otherwise the question is refused as before."""

from __future__ import annotations

import json

import pytest

from bot.gate import SECOND_LOOK_FILE, SIGNALS, Gate, Row, load_gate
from bot.gate import SECOND_LOOK_SIGNAL as MARK
from bot.second_look import held_out, second_look_rows
from tests.conftest import report_service

SURE, NEVER = Gate({}, 50.0, 0.5), Gate({}, -50.0, 0.5)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("second_look"), "澧水县_2025.txt",
                          "澧水县2025年法治政府建设年度报告\n\n一、公共法律服务\n\n"
                          "全县法律援助机构办理法律援助案件1218件，其中刑事法律援助案件302件。\n\n"
                          "二、安全生产\n\n全年发生生产安全事故12起，因事故死亡31人，同比分别下降14.3%和8.8%。\n")


# everyday words the support check turns down (no word of 生产安全事故/死亡 is said)
COLLOQUIAL = "澧水县2025年因为干活出事故丢了性命的有多少人？"


def test_a_sure_second_look_answers_with_the_sentences_figure(service):
    service.second_look = SURE
    answer = service.ask(COLLOQUIAL)
    assert answer.found and answer.text.startswith("31人"), answer.text
    assert answer.signals[MARK] > 0.99 and "bound" in answer.signals


@pytest.mark.parametrize("model", [NEVER, None])
def test_an_unsure_or_absent_second_look_refuses_as_before(service, model):
    service.second_look = model
    answer = service.ask(COLLOQUIAL)
    assert not answer.found and "31人" not in answer.text.split("\n")[0]


def test_a_supported_answer_takes_no_second_look(service):
    service.second_look = NEVER
    answer = service.ask("澧水县2025年办理法律援助案件多少件？")
    assert answer.found and answer.text.startswith("1218件") and MARK not in answer.signals


def test_the_bundled_model_uses_the_gates_signals_and_loads():
    data = json.loads(SECOND_LOOK_FILE.read_text(encoding="utf-8"))
    assert set(data["weights"]) <= set(SIGNALS) and 0.0 < data["threshold"] < 1.0
    assert load_gate(SECOND_LOOK_FILE) is not None


def test_rows_are_the_second_looks_of_eval_details(tmp_path):
    details = tmp_path / "v_qa1.jsonl"
    rows = [{"id": "a", "found": True, "headline_ok": True, "answer": "31人。", "signals": {MARK: 1.0, "bound": 0.2}},
            {"id": "b", "found": True, "headline_ok": True, "answer": "9家。", "signals": {"bound": 1.2}},
            {"id": "c", "found": False, "headline_ok": False, "answer": "…", "signals": {MARK: 1.0}}]
    details.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [r.source for r in second_look_rows([details])] == ["v_qa1.jsonl:a"]


def test_the_held_out_tradeoff_scores_every_row_once():
    rows = [Row({"bound": b / 10, MARK: 1.0}, b > 4, "set", f"v_qa{s}.jsonl:{b}") for s in range(6) for b in range(10)]
    curve = held_out(rows)
    assert all(c["right"] + c["wrong"] + c["gated_right"] + c["gated_wrong"] == len(rows) for c in curve)
    assert curve[-1]["wrong"] <= curve[0]["wrong"]
