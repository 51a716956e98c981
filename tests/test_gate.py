"""The confidence gate (bot/gate.py): a numeric answer whose figure is unlikely to be right is
shown as related material (found=false); its data (bot/gate_data.py) and its fit."""

import json

import pytest

from bot.gate import GATE_FILE, SIGNALS, Gate, Row, fit, load_gate, rows_of
from tests.conftest import build_store

REPORT = ("云杉县2025年法治政府建设年度报告\n"
          "一、主要工作和成效\n"
          "（一）化解行政争议。全年共收到行政复议申请412件，受理389件，审结376件，直接纠错率为8.2%。\n"
          "（二）法律援助。全县办理法律援助案件1286件，其中刑事法律援助案件534件。\n")


@pytest.fixture
def service(tmp_path):
    report = tmp_path / "云杉县_2025.txt"
    report.write_text(REPORT, encoding="utf-8")
    return build_store(tmp_path / "store", [report], embedding_model="hash")[1]


def test_the_bundled_gate_loads_and_names_only_known_signals():
    gate = load_gate(GATE_FILE)
    assert gate is not None and set(gate.weights) <= set(SIGNALS)
    assert 0.0 < gate.threshold < 1.0
    assert gate.meta["rows"]["replay"] > 0 and gate.meta["rows"]["masked"] > 0


def test_unknown_signals_are_refused():
    with pytest.raises(ValueError, match="unknown signals"):
        Gate.from_json(json.dumps({"weights": {"no_such": 1.0}, "bias": 0.0, "threshold": 0.5}))


def test_a_numeric_answer_carries_its_signals_and_the_gate_turns_an_unsure_one_into_related(service):
    service.gate = None
    answer = service.ask("云杉县2025年受理行政复议申请多少件？")
    assert answer.found and answer.text.startswith("389件")
    assert {"bound", "score_margin", "f_coverage"} <= set(answer.signals)
    assert "signals" not in answer.to_dict()  # not part of the JSON contract
    # a gate no answer passes: the passage is shown, no figure leads, found=false
    service.gate = Gate({"f_coverage": 1.0}, bias=-50.0, threshold=0.5)
    gated = service.ask("云杉县2025年受理行政复议申请多少件？")
    assert not gated.found and not gated.text.startswith("389件")
    assert "不能确定" in gated.text and "可能相关的内容" in gated.text and "受理389件" in gated.text
    assert gated.signals["confidence"] < 0.5
    # a gate every answer passes changes nothing
    service.gate = Gate({"f_coverage": 1.0}, bias=50.0, threshold=0.5)
    assert service.ask("云杉县2025年受理行政复议申请多少件？").text == answer.text


def test_the_fit_learns_which_signal_tells_right_from_wrong_and_sets_a_threshold():
    rows = [Row({"bound": 1.5 + i % 5 / 10, "f_coverage": 0.9}, True, "set", f"r{i}") for i in range(60)]
    rows += [Row({"bound": 0.3 + i % 5 / 10, "f_coverage": 0.9}, False, "replay", f"w{i}") for i in range(20)]
    gate, curve = fit(rows)
    assert gate.weights["bound"] > 0
    assert gate.probability({"bound": 1.8, "f_coverage": 0.9}) >= gate.threshold
    assert gate.probability({"bound": 0.4, "f_coverage": 0.9}) < gate.threshold
    assert curve[0]["gated_right"] == 0 and curve[0]["right"] == 60


def test_rows_of_masked_details_count_a_figure_as_wrong_unless_it_is_the_cut_one(tmp_path):
    details = tmp_path / "x.masked.jsonl"
    lines = [{"id": "a", "found": True, "answer": "534件。\n…", "orig": ["534件"], "signals": {"bound": 1.0}},
             {"id": "b", "found": True, "answer": "1286件。\n…", "orig": ["534件"], "signals": {"bound": 1.0}},
             {"id": "c", "found": False, "answer": "报告中没有…", "orig": ["9家"], "signals": {"bound": 1.0}}]
    details.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    rows = rows_of(details, "masked")
    assert [(r.source.split(":")[1], r.right) for r in rows] == [("a", True), ("b", False)]


def test_a_masked_set_loses_its_gold_spans_and_keeps_its_encoding(tmp_path):
    from bot.evalsets import load_set
    from bot.gate_data import mask_set

    folder = tmp_path / "qsx"
    folder.mkdir()
    (folder / "云杉县_2025.txt").write_bytes(REPORT.replace("\n", "\r\n").encode("gbk"))
    questions = [{"id": "q1", "type": "numeric", "q": "刑事法律援助案件多少件？", "answer": ["534件"],
                  "gold": "其中刑事法律援助案件534件", "doc": "云杉县_2025.txt"},
                 {"id": "q2", "type": "unanswerable", "q": "县长叫什么？", "answer": [], "gold": None}]
    (folder / "questions.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions),
                                            encoding="utf-8")
    (folder / "set.json").write_text('{"split": "dev", "today": "2026-12-01"}', encoding="utf-8")
    qset = load_set(folder)
    assert qset.today is not None and qset.today.isoformat() == "2026-12-01"
    assert mask_set(qset, tmp_path / "masked") == 1
    text = (tmp_path / "masked" / "云杉县_2025.txt").read_bytes().decode("gbk")
    assert "534件" not in text and "1286件" in text and "\r\n" in text
    masked = [json.loads(x) for x in (tmp_path / "masked" / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert masked == [{**questions[0], "answer": [], "gold": None, "orig": ["534件"]}]
    assert load_set(tmp_path / "masked").today == qset.today
