"""Which figure of a sentence a question asks, when the words around it could mislead: a manner word
(方式), the report named as the source (…年度报告中), a statutory name of the whole (民间纠纷), a 其中 part
named or not, a total named by no noun of its own (总数). Each report is one real-genre sentence and
its question in words of no question set; every case failed on the code before its rule."""

import pytest

from tests.conftest import first_line, reports_service

_PROBLEMS = "\n二、存在的问题\n基层法治力量仍较薄弱。\n"

CASES = [
    # "以调解、和解方式结案的": 方式 frames how the cases ended — no kind of 结案 the report must name
    ("沄溪市_2025.md", "沄溪市人民政府2025年法治政府建设年度报告\n一、行政复议\n"
     "全年市政府收到行政复议申请317件，同比增长11.2%，受理286件，审结271件，其中调解和解结案69件、"
     "决定变更撤销或确认违法等纠错34件，直接纠错率为12.5%。" + _PROBLEMS,
     [("沄溪市2025年行政复议案件中以调解、和解方式结案的有多少件？", "69件")]),
    # 民间纠纷 is what 人民调解 mediates — by the word tables the 矛盾纠纷 the sentence counts, not a kind
    # of 纠纷 missing among its 其中 parts (婚姻家庭纠纷, 邻里纠纷)
    ("沄溪市司法局_2025.md", "沄溪市司法局2025年法治政府建设年度报告\n一、人民调解\n"
     "全市共有人民调解委员会221个，全年排查化解矛盾纠纷5862件，调解成功5797件，调解成功率98.9%，"
     "其中婚姻家庭纠纷1213件、邻里纠纷1548件。" + _PROBLEMS,
     [("沄溪市2025年民间纠纷调解成功了多少件？", "5797件")]),
    # "…2025年法治政府建设年度报告中，…": where the figure is said — neither words to find nor a whole
    # (…报告中) the rate would be a part of
    ("沄溪市_2025.md", "沄溪市人民政府2025年法治政府建设年度报告\n一、行政复议\n"
     "全年收到行政复议申请3486件，同比增长14.3%。受理3128件，审结2964件，综合纠错率16.8%，调解和解率26.6%。"
     + _PROBLEMS,
     [("沄溪市人民政府2025年法治政府建设年度报告中，全市行政复议综合纠错率是多少？", "16.8%"),
      ("沄溪市2025年的报告里，行政复议综合纠错率是多少？", "16.8%")]),
    # "…明白人，去年培养了多少个": the whole (158名), not its first 其中 part (村“两委”干部44名); a part
    # the question names is still the part
    ("沄河镇_2025.md", "沄河镇2025年法治政府建设年度报告\n一、法治乡村\n"
     "全镇培育“法律明白人”158名，其中村“两委”干部44名、网格员39名、党员和村民代表75名，每季度开展集中培训。"
     + _PROBLEMS,
     [("沄河镇村里那些懂法的明白人，2025年培养了多少个？", "158名"),
      ("沄河镇2025年法律明白人里网格员有多少名？", "39名")]),
    # "其中为农民工1.12万人追发工资1.63亿元": 农民工 names the part although it stands before 1.12万人
    ("沄州市_2025.md", "沄州市2025年法治政府建设年度报告\n一、根治欠薪\n"
     "全市劳动保障监察机构全年受理欠薪案件4126件，结案4087件，结案率99.1%，"
     "为1.37万名劳动者追发工资待遇1.96亿元，其中为农民工1.12万人追发工资1.63亿元。\n二、存在的问题\n执法力量不足。\n",
     [("沄州去年给农民工讨回了多少工钱？", "1.63亿元")]),
    # "新增律师事务所六家，总数达到50家": 总数 names no noun — it totals the 律师事务所
    ("沄川区司法局_2025.md", "沄川区司法局2025年法治政府建设年度报告\n一、公共法律服务\n"
     "全年新增律师事务所六家，总数达到50家；执业律师由上年的412名增加至468名。\n二、存在的问题\n法律服务资源分布不均。\n",
     [("沄川区2025年底共有多少家律师事务所？", "50家"),
      ("How many law firms were there in Yunchuan District at the end of 2025?", "50家"),
      ("沄川区2025年新增了多少家律师事务所？", "六家")]),
]


@pytest.mark.parametrize(("name", "report", "asked"), CASES, ids=[c[2][0][0][:12] for c in CASES])
def test_the_figure_asked(tmp_path, name, report, asked):
    service = reports_service(tmp_path, {name: report})
    for question, start in asked:
        line = first_line(service.ask(question))
        assert line.startswith(start), (question, line)
