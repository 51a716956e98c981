"""The lead of a comparison over time: the change with its sign and unit, and for a count
also the change in percent, as the reports state it (同比下降12.1%)."""

from types import SimpleNamespace

from bot.compare import _compose
from bot.figures import Figure


def _side(label: str, text: str, unit: str):  # noqa: ANN202
    chunk = SimpleNamespace(doc_id="d", source="青石县_2025.txt", title="青石县2025年报告", year=2025,
                            region="青石县", section_path="一、", page=None, text=text, chunk_index=0)
    hit = SimpleNamespace(chunk=chunk)
    ev = SimpleNamespace(chunk=chunk, hit=hit, sentence=f"{label}为{text}。")
    return (label, ev, Figure(text, unit, 0, len(text)))


def _lead(q_text: str, later: tuple, earlier: tuple) -> str:
    q = SimpleNamespace(normalized=q_text, years=[2025, 2024], kind="numeric")
    return _compose(q, [_side(*later), _side(*earlier)]).text.split("\n")[0]


def test_a_count_change_is_stated_in_units_and_percent():
    lead = _lead("2025年和2024年相比变化多少", ("2025年", "538件", "件"), ("2024年", "612件", "件"))
    assert "减少74件" in lead and "下降12.1%" in lead and "612件" in lead and "538件" in lead


def test_a_rate_change_is_in_points_only():
    lead = _lead("2025年和2024年相比变化多少", ("2025年", "4.9%", "%"), ("2024年", "6.3%", "%"))
    assert "1.4个百分点" in lead and "下降1.4" in lead and "22.2%" not in lead


def test_two_years_of_a_flow_add_up():
    lead = _lead("2024年和2025年一共受理了多少件", ("2025年", "538件", "件"), ("2024年", "612件", "件"))
    assert lead.startswith("合计1150件")


def test_a_rise_asked_with_yigong_is_the_change_not_a_sum():
    # "这三年一共提高了多少": from the first year's level to the last's, never their sum
    lead = _lead("这三年网上可办率一共提高了多少", ("2025年", "98.4%", "%"), ("2023年", "91.7%", "%"))
    assert "提高6.7个百分点" in lead and "合计" not in lead and "190.1" not in lead
    lead = _lead("两年一共增加了多少件", ("2025年", "612件", "件"), ("2024年", "538件", "件"))
    assert "增加74件" in lead and "合计" not in lead


def test_rates_never_add_up():
    lead = _lead("2024年和2025年的败诉率加起来是多少", ("2025年", "4.9%", "%"), ("2024年", "6.3%", "%"))
    assert "合计" not in lead and "11.2" not in lead
