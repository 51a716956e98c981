"""The genre's word counts (bot/background.py): built from report files, read back, and telling a word
of every report (全年) from one that names a thing (医疗)."""

from __future__ import annotations

from bot import background


def test_common_words_are_not_rare_in_the_genre():
    assert background.background_idf("医疗") is not None
    assert background.background_idf("全年") is None or \
        background.background_idf("全年") < background.background_idf("医疗")
    assert background.background_idf("濭州市从未出现的词") is None  # (not held: says nothing)


def test_counts_are_built_from_report_files_and_read_back(tmp_path):
    report = tmp_path / "瀍源县_2025.txt"
    report.write_text("瀍源县2025年法治政府建设年度报告\n\n一、行政复议\n\n全县收到行政复议申请318件，受理296件。\n\n"
                      "二、行政诉讼\n\n全县行政诉讼案件收案121件，行政机关败诉率3.3%。\n", encoding="utf-8")
    n, df = background.count([report])
    assert n >= 2 and df["行政"] >= 2
    out = tmp_path / "df.tsv"
    background.write(n, df, out)
    chunks, read = background._table(out)
    assert chunks == n and read["行政"] == df["行政"]
    assert all(d >= background.MIN_DF for d in read.values())
