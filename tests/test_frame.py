"""Question frames: (history, question) → the frame understood, table-driven; follow-ups
merge slots (never glue two indicators); a conversation costs one merge per turn."""

import datetime as dt
import time
from dataclasses import replace

import pytest

import bot.conversation as conversation_module
from bot.compare import _missing_text, change_word
from bot.conversation import conversation
from bot.figures import Figure
from bot.frame import Ask, Frame, ask_kind, ask_question, clause_units, parse
from bot.limits import ChatLimits
from tests.conftest import SAMPLES, build_store

REGIONS = ["江北市", "鹭洲市明湖区", "明湖区", "明湖", "青川县", "青川", "澄阳市", "澄阳", "汶溪县", "汶溪",
           "凤栖区", "桐溪区", "枫桥区", "石湾市", "石湾", "云峰市"]
TODAY = dt.date(2026, 11, 26)
H_FY = [["明湖区2022年走访了多少家企业？", "1120家"]]
H_RV = [["明湖区2024年行政复议受理了多少件？", "688件"]]
H_LA = [["澄阳市2024年办理了多少件法律援助案件？", "5218件。"]]
H_RATE = [["明湖区2024年行政复议纠错率是多少？", "9.6%"]]
H_REL = [["澄阳市去年网上信访有多少件？", "7642件。"]]
H_NAME = [["枫桥区2022年推出的企业服务平台叫什么？", "枫桥区2022年推出了“企航通”企业服务平台。"]]
H_LIST = [["青川县2023年有哪些行政执法改革措施？", "一是…二是…"]]
H_GZ = [["青川县2023年办理了多少件公证？", "3120件"]]
H_MD = [["澄阳市2024年化解了多少起矛盾纠纷？", "1.2万起"]]
H_SF = [["汶溪县2024年受理了多少件行政复议申请？", "203件"]]
H_FB = [["凤栖区2024年收到多少件行政复议申请？", "412件"]]
H_EN = [["How many notarizations did 青川县 handle in 2023?", "3120"]]

CASES = [
    # a new region: the admin word follows it ("全县" → "全市")
    ([["青川县2023年底全县有几家律师事务所？", "11家"]],
     "澄阳市呢？",
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市'],
      'text': '澄阳市2023年底全市有几家律师事务所？'}),
    # a rate follow-up after a rate follow-up keeps the indicator, the year replaced
    ([["桐溪区2023年行政诉讼一审败诉了多少件？", "9件"], ["比例呢？", "6.9%"]],
     "2024年呢？",
     {'kind': 'rate', 'years': [2024], 'regions': ['桐溪区'],
      'text': '桐溪区2024年行政诉讼一审败诉比例是多少？'}),
    ([],
     '明湖区2024年行政复议纠错率是多少？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区']}),
    ([],
     '澄阳市2023年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市']}),
    ([],
     '23年澄阳市办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市']}),
    ([],
     '二〇二三年澄阳市办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市']}),
    ([],
     '澄阳市去年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市']}),
    ([],
     '澄阳市今年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2026], 'regions': ['澄阳市']}),
    ([],
     '澄阳市前年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市']}),
    ([],
     '澄阳市上年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市']}),
    ([],
     '青川县明年打算引进几家律师事务所？',
     {'kind': 'number', 'years': [2027], 'regions': ['青川县'], 'plan': True}),
    ([],
     '明湖区2023年有哪些行政执法改革措施？',
     {'kind': 'list', 'years': [2023], 'regions': ['明湖区']}),
    ([],
     '明湖区2022年推出的企业服务平台叫什么？',
     {'kind': 'name', 'years': [2022], 'regions': ['明湖区']}),
    ([],
     '明湖区2023年是否开展了法治督察？',
     {'kind': 'yesno', 'years': [2023], 'regions': ['明湖区']}),
    ([],
     '明湖区2023年法治政府建设情况怎么样？',
     {'kind': 'description', 'years': [2023], 'regions': ['明湖区']}),
    ([],
     '澄阳市2025年一审行政诉讼案件审结多少件，败诉率多少？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市'], 'asks': ['number', 'rate']}),
    ([],
     '明湖区2022年重大行政决策收集了多少条公众意见，采纳了多少条？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'], 'asks': ['number', 'number']}),
    ([],
     '2024年云峰市行政复议申请收了多少件，受理了多少件？',
     {'kind': 'number', 'years': [2024], 'regions': ['云峰市'], 'asks': ['number', 'number']}),
    ([],
     '澄阳市2025年法律援助案件比2024年多了多少件？',
     {'kind': 'comparison', 'years': [2025, 2024], 'regions': ['澄阳市']}),
    ([],
     '2025年澄阳市和汶溪县的一审行政诉讼败诉率相差多少？',
     {'kind': 'comparison', 'years': [2025], 'regions': ['澄阳市', '汶溪县']}),
    # "谁…更多" with a long thing between (a quoted name and its verb): the two places compared
    ([],
     '2025年澄阳市和汶溪县谁按“首违不罚”清单作出的不予处罚决定更多？',
     {'kind': 'comparison', 'years': [2025], 'regions': ['澄阳市', '汶溪县']}),
    ([],
     '明湖区2023年比上年多引进了几家律师事务所？',
     {'kind': 'comparison', 'years': [2023, 2022], 'regions': ['明湖区']}),
    ([],
     '石湾市2022年人民调解成功率为什么跌到了90%以下？',
     {'kind': 'rate', 'years': [2022], 'regions': ['石湾市'], 'premise': '跌到了90%以下'}),
    ([],
     '明湖区已经做到100%了，主要靠什么办法？',
     {'kind': 'description', 'years': [], 'regions': ['明湖区']}),
    ([],
     '深圳去年办理了多少件法律援助案件？',
     {'kind': 'number', 'years': [2025], 'regions': ['深圳'], 'unknown': ['深圳']}),
    ([],
     '澄阳市下辖多少个县？',
     {'kind': 'number', 'years': [], 'regions': ['澄阳市']}),
    ([],
     '全区2023年有多少名执业律师？',
     {'kind': 'number', 'years': [2023], 'regions': []}),
    ([],
     '各街道2023年调处了多少件纠纷？',
     {'kind': 'number', 'years': [2023], 'regions': []}),
    ([],
     "What was Minghu District's error-correction rate for administrative reconsideration in 2023?",
     {'kind': 'rate', 'years': [2023], 'lang': 'en'}),
    ([],
     'How many legal aid cases did 澄阳市 handle in 2024, and what was the success rate?',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'], 'asks': ['number', 'rate'], 'lang': 'en'}),
    ([],
     'Which measures did 青川县 take in 2023?',
     {'kind': 'list', 'years': [2023], 'regions': ['青川县'], 'lang': 'en'}),
    ([],
     '明湖区2022年罚款多少万元？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区']}),
    ([],
     '明湖区2022年举办了多少场法治讲座？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区']}),
    (H_FY,
     '那2023年呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年走访了多少家企业？'}),
    (H_FY,
     '2023年呢',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年走访了多少家企业？'}),
    (H_FY,
     '那前年呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年走访了多少家企业？'}),
    (H_FY,
     '去年呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['明湖区'],
      'text': '明湖区2025年走访了多少家企业？'}),
    (H_FY,
     '今年呢？',
     {'kind': 'number', 'years': [2026], 'regions': ['明湖区'],
      'text': '明湖区2026年走访了多少家企业？'}),
    (H_FY,
     '那23年呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年走访了多少家企业？'}),
    (H_FY,
     '次年呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年走访了多少家企业？'}),
    (H_FY,
     '上一年呢？',
     {'kind': 'number', 'years': [2021], 'regions': ['明湖区'],
      'text': '明湖区2021年走访了多少家企业？'}),
    (H_FY,  # only the ask again: the same topic
     '上年是多少家？',
     {'kind': 'number', 'years': [2021], 'regions': ['明湖区'],
      'text': '明湖区2021年走访了多少家企业？'}),
    (H_FY,
     '同年青川县呢？',
     {'kind': 'number', 'years': [2022], 'regions': ['青川县'],
      'text': '青川县2022年走访了多少家企业？'}),
    (H_FY,  # "同一年" like 同年: the year talked about, no word to search
     '那青川县同一年呢？',
     {'kind': 'number', 'years': [2022], 'regions': ['青川县'],
      'text': '青川县2022年走访了多少家企业？'}),
    (H_RATE,
     '前年呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年行政复议纠错率是多少？'}),
    (H_RATE,
     '那2023年呢？',
     {'kind': 'rate', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年行政复议纠错率是多少？'}),
    (H_REL,
     '前年呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市2024年网上信访有多少件？'}),
    (H_FY,
     '那青川县呢？',
     {'kind': 'number', 'years': [2022], 'regions': ['青川县'],
      'text': '青川县2022年走访了多少家企业？'}),
    (H_FY,
     '青川县呢',
     {'kind': 'number', 'years': [2022], 'regions': ['青川县'],
      'text': '青川县2022年走访了多少家企业？'}),
    (H_RV,
     '那澄阳市2023年呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市'],
      'text': '澄阳市2023年行政复议受理了多少件？'}),
    (H_LA,
     '汶溪呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['汶溪'],
      'text': '汶溪2024年办理了多少件法律援助案件？'}),
    (H_LA,
     '那执业律师呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市2024年执业律师有多少？'}),
    (H_LA,
     '那仲裁呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市2024年仲裁有多少？'}),
    (H_RV,
     '那仲裁呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年仲裁受理了多少件？'}),
    (H_RV,
     '行政诉讼呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年行政诉讼受理了多少件？'}),
    (H_LA,
     '那罚没金额呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市2024年罚没金额是多少？'}),
    (H_LA,
     '公证呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市2024年公证有多少？'}),
    (H_RATE,
     '那调解成功率呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年调解成功率是多少？'}),
    (H_LIST,
     '那普法宣传呢？',
     {'kind': 'list', 'years': [2023], 'regions': ['青川县'],
      'text': '青川县2023年普法宣传有哪些？'}),
    (H_REL,
     '占比呢',
     {'kind': 'rate', 'years': [2025], 'regions': ['澄阳市'],
      'text': '澄阳市2025年网上信访占比是多少？'}),
    (H_RV,
     '比例呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年行政复议受理比例是多少？'}),
    (H_RV,
     '纠错率呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年行政复议纠错率是多少？'}),
    (H_RV,
     '办结率呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['明湖区'],
      'text': '明湖区2024年行政复议办结率是多少？'}),
    ([['桐溪区2024年凤鸣街道调处了多少件纠纷？', '1208件']],
     '成功率呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['桐溪区'],
      'text': '桐溪区2024年凤鸣街道调处了纠纷成功率是多少？'}),
    ([['桐溪区2023年行政诉讼一审败诉了多少件？', '9件']],
     '比例呢？',
     {'kind': 'rate', 'years': [2023], 'regions': ['桐溪区'],
      'text': '桐溪区2023年行政诉讼一审败诉比例是多少？'}),
    # the share word with its ask said ("占比多少？"): a rate, not the count asked again
    ([['桐溪区2023年行政诉讼一审败诉了多少件？', '9件']],
     '占比多少？',
     {'kind': 'rate', 'years': [2023], 'regions': ['桐溪区'],
      'text': '桐溪区2023年行政诉讼一审败诉占比是多少？'}),
    # an adverb of time before the verb ("最后调成了…") names no new topic: the previous question's verb is
    # swapped (受理 → 调成), its topic stays
    ([['青川县2024年受理了多少件医疗纠纷？', '312件']],
     '最后调成了多少件？',
     {'kind': 'number', 'years': [2024], 'regions': ['青川县'],
      'text': '青川县2024年调成了多少件医疗纠纷？'}),
    ([['桐溪区2023年行政诉讼一审败诉了多少件？', '9件']],
     '那2024年的比例呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['桐溪区'],
      'text': '桐溪区2024年行政诉讼一审败诉比例是多少？'}),
    ([['汶溪县2025年收到多少件行政复议申请？', '218件']],
     '审结了多少？',
     {'kind': 'number', 'years': [2025], 'regions': ['汶溪县'],
      'text': '汶溪县2025年审结多少件行政复议申请？'}),
    ([['汶溪县2025年收到多少件行政复议申请？', '218件']],
     '受理了多少件？',
     {'kind': 'number', 'years': [2025], 'regions': ['汶溪县'],
      'text': '汶溪县2025年受理多少件行政复议申请？'}),
    ([['明湖区2023年行政复议维持了多少件？', '62件']],
     '那撤销的呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年行政复议撤销了多少件？'}),
    ([['凤栖区行政复议服务中心2025年受理了多少件？', '276件。']],
     '它纠错了几件',
     {'kind': 'number', 'years': [2025], 'regions': ['凤栖区'],
      'text': '凤栖区行政复议服务中心2025年纠错了几件？'}),
    ([['明湖区2023年立案查处了多少件违法案件？', '80件']],
     '结案了多少？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年结案了多少件违法案件？'}),
    (H_NAME,
     '它归集了多少条惠企政策？',
     {'kind': 'number', 'years': [2022], 'regions': ['枫桥区'],
      'text': '枫桥区2022年“企航通”企业服务平台归集了多少条惠企政策？'}),
    (H_NAME,
     '这个平台2023年注册了多少家企业？',
     {'kind': 'number', 'years': [2023], 'regions': ['枫桥区'],
      'text': '枫桥区2023年“企航通”企业服务平台注册了多少家企业？'}),
    ([['桐溪区2023年“法治体检进企业”走访了多少家企业？', '1280家'], ['出具了多少份法律意见书？', '153份']],
     '那它2024年帮企业解决了多少涉法问题？',
     {'kind': 'number', 'years': [2024], 'regions': ['桐溪区'],
      'text': '桐溪区2024年“法治体检进企业”帮企业解决了多少涉法问题？'}),
    ([['枫桥区2022年受理了多少件行政复议申请？', '187件']],
     '比上一年多了多少？',
     {'kind': 'comparison', 'years': [2022, 2021], 'regions': ['枫桥区'],
      'text': '枫桥区2022年比2021年受理了多少件行政复议申请？'}),
    # the whole again after a part, asked with a verb ("一共办了多少件"), of the year before
    ([['枫桥区2022年办理法律援助案件多少件？', '812件'], ['其中民事案件呢？', '400件']],
     '上一年一共办了多少件？',
     {'kind': 'number', 'years': [2021], 'regions': ['枫桥区'], 'text': '枫桥区2021年办理法律援助案件多少件？'}),
    # one more year back from the year talked about
    ([['枫桥区2022年行政机关负责人出庭应诉率是多少？', '98.6%'], ['2021年呢？', '97.2%']],
     '再往前一年呢？',
     {'kind': 'rate', 'years': [2020], 'regions': ['枫桥区'], 'text': '枫桥区2020年行政机关负责人出庭应诉率是多少？'}),
    # so many years after or before the year talked about
    ([['枫桥区2022年行政机关负责人出庭应诉率是多少？', '98.6%']],
     '两年后呢？',
     {'kind': 'rate', 'years': [2024], 'regions': ['枫桥区'], 'text': '枫桥区2024年行政机关负责人出庭应诉率是多少？'}),
    ([['枫桥区2024年行政机关负责人出庭应诉率是多少？', '98.6%']],
     '那三年前呢？',
     {'kind': 'rate', 'years': [2021], 'regions': ['枫桥区'], 'text': '枫桥区2021年行政机关负责人出庭应诉率是多少？'}),
    ([['枫桥区2022年受理了多少件行政复议申请？', '187件']],
     '它比上年多了多少',  # the pronoun is the thing asked before
     {'kind': 'comparison', 'years': [2022, 2021], 'regions': ['枫桥区'],
      'text': '枫桥区2022年比2021年受理了多少件行政复议申请？'}),
    ([['明湖区“湖心茶话”品牌调解室2022年有多少个？', '8个']],
     '到2023年增加了多少个？',
     {'kind': 'comparison', 'years': [2023, 2022], 'regions': ['明湖区'],
      'text': '明湖区“湖心茶话”品牌调解室2023年比2022年有多少个？'}),
    ([['澄阳市2025年法律援助案件比2024年多了多少件？', '476件']],
     '那汶溪县呢？',
     {'kind': 'comparison', 'years': [2025, 2024], 'regions': ['汶溪县'],
      'text': '汶溪县2025年法律援助案件比2024年多了多少件？'}),
    (H_FY,
     '出具了多少份法律意见书？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'],
      'text': '明湖区2022年出具了多少份法律意见书？'}),
    (H_FY,
     '律师事务所有多少家？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'],
      'text': '明湖区2022年律师事务所有多少家？'}),
    (H_FY,
     '青川县2021年有多少名执业律师？',
     {'kind': 'number', 'years': [2021], 'regions': ['青川县'],
      'text': '青川县2021年有多少名执业律师？'}),
    (H_LIST,
     '具体有哪些？',
     {'kind': 'list', 'years': [2023], 'regions': ['青川县'],
      'text': '青川县2023年行政执法改革措施具体有哪些？'}),
    ([['枫桥区2021年确定了几项重大行政决策事项？', '5项']],
     '具体有哪些？',
     {'kind': 'list', 'years': [2021], 'regions': ['枫桥区'],
      'text': '枫桥区2021年确定了重大行政决策事项具体有哪些？'}),
    ([['明湖区2022年收到多少行政复议申请？', '600件'], ['审结了多少？', '580件']],
     '那2023年审结了多少？纠错率呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年审结多少行政复议申请，纠错率是多少？', 'asks': ['number', 'rate']}),
    (H_FY,
     'And in 2023?',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年走访了多少家企业？'}),
    ([['明湖区2022年走访了多少家企业？', '1120家'], ['那2023年呢？', '1563家'], ['青川县呢？', '300家']],
     '前年呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['青川县'],
      'text': '青川县2024年走访了多少家企业？'}),
    ([['澄阳市2024年办理了多少件法律援助案件？', '5218件'], ['那执业律师呢？', '2318名']],
     '2025年呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市'],
      'text': '澄阳市2025年执业律师有多少？'}),
    ([['澄阳市2024年办理了多少件法律援助案件？', '5218件'], ['那执业律师呢？', '2318名']],
     '汶溪县呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['汶溪县'],
      'text': '汶溪县2024年执业律师有多少？'}),
    ([['明湖区2024年行政复议受理了多少件？', '688件'], ['纠错率呢？', '9.6%']],
     '那2023年呢？',
     {'kind': 'rate', 'years': [2023], 'regions': ['明湖区'],
      'text': '明湖区2023年行政复议纠错率是多少？'}),
    # a change asked of the previous figure: the year before, a named year, or the level then
    (H_GZ, '增长了多少？',
     {'kind': 'comparison', 'years': [2023, 2022], 'regions': ['青川县'],
      'text': '青川县2023年比2022年办理了多少件公证？'}),
    (H_GZ, '较前一年减少了几件？',
     {'kind': 'comparison', 'years': [2023, 2022], 'regions': ['青川县'],
      'text': '青川县2023年比2022年办理了多少件公证？'}),
    (H_GZ, '到2024年增长了多少？',
     {'kind': 'comparison', 'years': [2024, 2023], 'regions': ['青川县'],
      'text': '青川县2024年比2023年办理了多少件公证？'}),
    (H_GZ, '2024年增加到多少件了？',
     {'kind': 'number', 'years': [2024], 'regions': ['青川县'], 'text': '青川县2024年办理了多少件公证？'}),
    (H_MD, '和2022年比呢？',
     {'kind': 'comparison', 'years': [2024, 2022], 'regions': ['澄阳市'],
      'text': '澄阳市2024年比2022年化解了多少起矛盾纠纷？'}),
    ([['明湖区2022年收到多少件行政复议申请？', '600件']], '增长率呢？',
     {'kind': 'comparison', 'years': [2022, 2021], 'regions': ['明湖区'],
      'text': '明湖区2022年比2021年收到行政复议申请增长率是多少？'}),
    # a new thing counted, not a change of the old one
    ([['明湖区2022年引进了多少家律师事务所？', '5家']], '2023年增加了多少家企业？',
     {'kind': 'number', 'years': [2023], 'regions': ['明湖区'], 'text': '明湖区2023年增加了多少家企业？'}),
    # another indicator compared like the previous one
    ([['澄阳市2025年法律援助案件比2024年多了多少件？', '476件']], '那执业律师呢？',
     {'kind': 'comparison', 'years': [2025, 2024], 'regions': ['澄阳市'],
      'text': '澄阳市2025年执业律师比2024年多了多少？'}),
    # "这种/这类/这个 + noun": the noun the previous turn named, its kind not its brand
    ([['石湾市2023年新建了多少个“枫桥式”调解工作室？', '石湾市2023年新建“枫桥式”调解工作室36个。']],
     '这种工作室2024年有多少个？',
     {'kind': 'number', 'years': [2024], 'regions': ['石湾市'], 'text': '石湾市调解工作室2024年有多少个？'}),
    ([['汶溪县2025年培育了多少个品牌调解室？', '汶溪县培育“溪和”等品牌调解室15个。']],
     '这类调解室调处了多少件纠纷？',
     {'kind': 'number', 'years': [2025], 'regions': ['汶溪县'], 'text': '汶溪县2025年品牌调解室调处了多少件纠纷？'}),
    ([['江北市2023年建成了哪个法律服务综合体？', '江北市建成公共法律服务中心。']],
     '这个中心接待了多少人次？',
     {'kind': 'number', 'years': [2023], 'regions': ['江北市'],
      'text': '江北市2023年公共法律服务中心接待了多少人次？'}),
    (H_FY, '因此减少了多少投诉？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'], 'text': '明湖区2022年因此减少了多少投诉？'}),
    ([['澄阳市有什么调解品牌？', '澄阳市培育了“澄心和”品牌调解室，2022年共6个。']],
     '这个到2024年增加到多少个了？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市“澄心和”品牌调解室到2024年增加到多少个了？'}),
    # several asks in one follow-up: each merged in turn
    (H_FB, '那2025年受理了多少？办结率呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['凤栖区'], 'asks': ['number', 'rate'],
      'text': '凤栖区2025年受理多少件行政复议申请，行政复议申请办结率是多少？'}),
    (H_FB, '前年呢？纠错率是多少？',
     {'kind': 'number', 'years': [2024], 'regions': ['凤栖区'], 'asks': ['number', 'rate'],
      'text': '凤栖区2024年收到多少件行政复议申请，纠错率是多少？'}),
    # another verb with another measure: the thing counted before is the topic
    ([['云峰市2023年开展了多少场普法讲座？', '260场']], '覆盖了多少人？',
     {'kind': 'number', 'years': [2023], 'regions': ['云峰市'], 'text': '云峰市2023年普法讲座覆盖了多少人？'}),
    ([['云峰市2023年有哪些普法举措？', '一是…']], '具体有哪些做法？',
     {'kind': 'list', 'years': [2023], 'regions': ['云峰市'], 'text': '云峰市2023年普法举措具体有哪些做法？'}),
    # another body of the same kind named alone: the previous question about it
    ([['澄阳市教育局2024年复议案子有多少件？', '18件']], '市住建局呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'], 'text': '澄阳市住建局2024年复议案子有多少件？'}),
    ([['澄阳市市场监管局城中分局2025年办了多少行政处罚案件？', '612件']], '城北分局呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市'],
      'text': '澄阳市市场监管局城北分局2025年办了多少行政处罚案件？'}),
    # a verb and an ask, no topic of its own: about the previous topic (a rate's, its thing)
    ([['青川县医疗纠纷调解成功率是多少？', '91.9%']], '赔了多少钱？',
     {'kind': 'number', 'years': [], 'regions': ['青川县'], 'text': '青川县医疗纠纷调解赔了多少钱？'}),
    ([['青川县2025年卫生监督检查了多少户次？', '3200户次']], '下一年计划查多少',
     {'kind': 'number', 'years': [2026], 'regions': ['青川县'], 'plan': True,
      'text': '青川县2026年卫生监督检查计划查多少？'}),
    # a year counted from the conversation's year, the region carried
    ([['青川县2024年新引进了几家律师事务所？', '2家']], '明年打算引进几家？',
     {'kind': 'number', 'years': [2025], 'regions': ['青川县'], 'plan': True,
      'text': '青川县2025年新引进律师事务所打算引进几家？'}),
    # asks joined by 、 are two asks; a figure the question states is its topic, not an ask
    ([], '青川县现在共有几家公证处、多少名公证员？',
     {'kind': 'number', 'years': [], 'regions': ['青川县'], 'asks': ['number', 'number']}),
    ([], '汶溪县2025年行政复议纠错率已经超过10%了，具体是多少？',
     {'kind': 'rate', 'years': [2025], 'regions': ['汶溪县'], 'asks': ['rate']}),
    ([], '澄阳市2024年法律援助覆盖率已经达到100%了，是怎么做到的？',
     {'kind': 'description', 'years': [2024], 'regions': ['澄阳市'], 'asks': ['description']}),
    # comparisons: 同比 brings the year before; a sum over one year and one place is none;
    # the province as a whole is a second place
    ([], '澄阳市2025年一审行政诉讼收案数同比变化了多少？',
     {'kind': 'comparison', 'years': [2025, 2024], 'regions': ['澄阳市']}),
    ([], '青川县2023年和上一年一共办理了多少件公证？',
     {'kind': 'comparison', 'years': [2023, 2022], 'regions': ['青川县']}),
    ([], '青川县2023年全县一共办理了多少件公证？',
     {'kind': 'number', 'years': [2023], 'regions': ['青川县']}),
    ([], '石湾市2023年行政复议纠错率比全省平均高多少？',
     {'kind': 'comparison', 'years': [2023], 'regions': ['石湾市']}),
    # a place's short name inside a quoted name is not a second place
    ([], '石湾市2022年“石湾e办”平台办理了多少件事项？',
     {'kind': 'number', 'years': [2022], 'regions': ['石湾市']}),
    (H_SF, '跟上一年相比呢？',
     {'kind': 'comparison', 'years': [2024, 2023], 'regions': ['汶溪县'],
      'text': '汶溪县2024年比2023年受理了多少件行政复议申请？'}),
    (H_SF, '两年加起来呢？',
     {'kind': 'comparison', 'years': [2023, 2024], 'regions': ['汶溪县'],
      'text': '汶溪县2023年和2024年一共受理了多少件行政复议申请？'}),
    (H_RATE, '下降了多少？',
     {'kind': 'comparison', 'years': [2024, 2023], 'regions': ['明湖区'],
      'text': '明湖区2024年比2023年行政复议纠错率是多少？'}),
    (H_RATE, 'What about 2023?',
     {'kind': 'rate', 'years': [2023], 'regions': ['明湖区'], 'text': '明湖区2023年行政复议纠错率是多少？'}),
    # two follow-ups in one turn, each with its own slots: both kept
    (H_SF, '那澄阳市呢？2023年呢？',
     {'kind': 'number', 'years': [2024, 2023], 'regions': ['澄阳市'], 'asks': ['number', 'number'],
      'text': '澄阳市2024年受理了多少件行政复议申请，澄阳市2023年受理了多少件行政复议申请？'}),
    ([['青川县2023年有哪些行政执法改革措施？', '一是推行“综合查一次”改革，二是…']], '这项改革覆盖了多少家企业？',
     {'kind': 'number', 'years': [2023], 'regions': ['青川县'],
      'text': '青川县2023年“综合查一次”改革覆盖了多少家企业？'}),
    # after a comparison: the same comparison, or with another year
    ([['明湖区2022年比2021年走访了多少家企业？', '多了443家']], '和2020年比呢？',
     {'kind': 'comparison', 'years': [2022, 2020], 'regions': ['明湖区'],
      'text': '明湖区2022年比2020年走访了多少家企业？'}),
    # the whole a body is one of: the same ask of all of them, the body left out
    ([['明湖区市场监管局2022年罚没了多少钱？', '1286万元']], '那全区所有执法部门加起来呢？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'],
      'text': '明湖区2022年全区所有执法部门加起来罚没了多少钱？'}),
    ([['明湖区去年调处了多少件矛盾纠纷？', '386件']], '那整个江北市呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['江北市'], 'text': '江北市2025年调处了多少件矛盾纠纷？'}),
    # another body: its own cases, the first body's field word gone from what is counted
    ([['澄阳市生态环境局2024年立案查处了多少件环境违法案件？', '186件']], '那交通局呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['澄阳市'],
      'text': '澄阳市交通局2024年立案查处了多少件违法案件？'}),
    # another stage of the same cases named bare: the stage swapped
    ([['青川县2024年法律援助中心受理了多少件法律援助案件？', '1236件']], '那办结呢？',
     {'kind': 'number', 'years': [2024], 'regions': ['青川县'],
      'text': '青川县2024年法律援助中心办结了多少件法律援助案件？'}),
    # a place named as a whole ("全县") after another place's rate: the same ask of that place
    ([['明湖区去年矛盾纠纷调解成功率是多少？', '调解成功率98.3%。']], '江北市全市呢？',
     {'kind': 'rate', 'years': [2025], 'regions': ['江北市'], 'text': '江北市2025年矛盾纠纷调解成功率是多少？'}),
    (H_FY, '那呢？',
     {'kind': 'number', 'years': [2022], 'regions': ['明湖区'], 'text': '明湖区2022年走访了多少家企业？'}),
    # a stage said inside the thing counted ("立案多少件"): "那破案呢" swaps it
    ([['青川县2023年刑事案件立案多少件？', '1108件']], '那破案呢？',
     {'kind': 'number', 'years': [2023], 'regions': ['青川县'], 'text': '青川县2023年刑事案件破案多少件？'}),
    # "…的时候呢": the year asked, no ask of its own
    ([['明湖区2024年一审行政诉讼败诉率是多少？', '5.1%']], '2023年的时候呢？',
     {'kind': 'rate', 'years': [2023], 'regions': ['明湖区'], 'text': '明湖区2023年一审行政诉讼败诉率是多少？'}),
    # a bureau after the government's (or no body's) question: the bureau in its stead
    ([['澄阳市政府本级去年受理了多少件行政复议案件？', '120件']], '那税务局呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市'],
      'text': '澄阳市税务局2025年受理了多少件行政复议案件？'}),
    ([['青川县2025年下乡普法活动搞了多少场？', '12场']], '那人社局呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['青川县'], 'text': '青川县人社局2025年下乡普法活动搞了多少场？'}),
    # "那整个X呢" after X's bureau: the place's whole
    ([['澄阳市市场监督管理局2025年罚没款是多少？', '1586.4万元']], '那整个澄阳市呢？',
     {'kind': 'number', 'years': [2025], 'regions': ['澄阳市'], 'text': '澄阳市2025年罚没款是多少？'}),
    # English after English: the slot replaced in the English question
    (H_EN, 'And in 2024?',
     {'kind': 'number', 'years': [2024], 'regions': ['青川县'], 'lang': 'en',
      'text': 'How many notarizations did 青川县 handle in 2024?'}),
    (H_EN, 'What about 澄阳市?',
     {'kind': 'number', 'years': [2023], 'regions': ['澄阳市'], 'lang': 'en',
      'text': 'How many notarizations did 澄阳市 handle in 2023?'}),
]


@pytest.mark.parametrize("history, question, expected", CASES)
def test_frame(history, question, expected):
    f = conversation(history, question, REGIONS, TODAY)[-1]
    got = {"kind": f.kind, "years": list(f.years), "regions": list(f.regions)}
    if "text" in expected:
        got["text"] = f.text
    if "unknown" in expected:
        got["unknown"] = list(f.unknown_places)
    if "asks" in expected:
        got["asks"] = [a.kind for a in f.asks]
    if "lang" in expected:
        got["lang"] = f.lang
    if "premise" in expected:
        got["premise"] = f.premise
    if "plan" in expected:
        got["plan"] = f.plan
    if "regions" not in expected:
        del got["regions"]
    assert got == expected


def test_enough_cases():
    assert len(CASES) >= 80


@pytest.mark.parametrize("history, question, old, new", [
    (H_LA, "那执业律师呢？", "法律援助", "执业律师"),
    (H_LA, "那罚没金额呢？", "法律援助", "罚没金额"),
    ([["明湖区2023年审结了多少件行政复议案件？", "580件"]], "那行政诉讼应诉呢？", "行政复议", "行政诉讼应诉"),
    ([["青川县2024年新引进了几家律师事务所？", "2家"]], "那公证员呢？", "律师事务所", "公证员"),
])
def test_a_new_indicator_replaces_the_old_one(history, question, old, new):
    text = conversation(history, question, REGIONS, TODAY)[-1].text
    assert new in text and old not in text


def test_slots_not_stated_are_inherited_and_stated_ones_replaced():
    history = [["明湖区2022年走访了多少家企业？", "1120家"], ["青川县呢？", "300家"], ["前年呢？", "310家"]]
    frames = conversation(history, "那2023年呢？", REGIONS, TODAY)
    assert [f.regions[0] for f in frames] == ["明湖区", "青川县", "青川县", "青川县"]
    assert [f.years[0] for f in frames] == [2022, 2022, 2024, 2023]
    assert all(f.indicator == "走访企业" for f in frames)


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # a year after a change asked: that year's level of the indicator, not the change again
    ([["明湖区2023年罚没款多少？", "19385万元。"], ["同比变化多少？", "同比下降9.7%。"]], "2022年是多少？",
     "明湖区2022年罚没款多少？"),
    ([["明湖区2023年办理法律援助案件多少件？", "701件。"], ["比上年增长多少？", "增长12.5%。"]],
     "那2022年办了多少件？", "明湖区2022年办理法律援助案件多少件？"),
    # the same ask with its verb said short (办 of 办理…)
    ([["明湖区2023年办理法律援助案件多少件？", "701件。"]], "那2022年办了多少件？",
     "明湖区2022年办理法律援助案件多少件？"),
    # … of the turn that asked it in that measure, not the money asked in between
    ([["明湖区2023年适用免罚清单办了多少件案件？", "1745件。"], ["减免了多少罚款？", "减免罚款732万元。"]],
     "上一年办了多少件？", "明湖区2022年适用免罚清单办了多少件案件？"),
])
def test_a_year_asked_after_a_change_is_the_level_of_the_earlier_ask(history, question, resolved):
    assert conversation(history, question, REGIONS, TODAY)[-1].resolved == resolved


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # the whole asked again after a part: the turn before the part
    ([["明湖区2023年法律援助案件有多少件？", "1452件。"], ["其中帮农民工讨薪的呢？", "386件。"]],
     "那2022年总共是多少件？", "明湖区2022年法律援助案件有多少件？"),
    ([["明湖区2023年法律援助案件有多少件？", "1452件。"]], "那2022年总共是多少件？",
     "明湖区2022年法律援助案件有多少件？"),
])
def test_a_total_asked_again_is_the_whole(history, question, resolved):
    assert conversation(history, question, REGIONS, TODAY)[-1].resolved == resolved


def test_a_conversation_costs_one_parse_per_turn_and_one_per_merge(monkeypatch):
    calls = 0
    inner = conversation_module.parse

    def counting(*args, **kw):
        nonlocal calls
        calls += 1
        return inner(*args, **kw)

    monkeypatch.setattr(conversation_module, "parse", counting)
    for n in (10, 40, 160):
        calls = 0
        history = [["明湖区2022年走访了多少家企业？", "1120家"], ["那2023年呢？", "1563家"]] * (n // 2)
        conversation(history, "那2022年呢？", REGIONS, TODAY)
        # the first turn is parsed once; every later turn twice (as typed, then merged)
        assert calls == 1 + 2 * n


FOLLOW_UPS = ["具体有哪些措施？", "增长了多少？", "那青川县呢？2023年呢？", "比例呢？",
              "那2023年审结了多少？纠错率呢？", "那执业律师呢？", "审结了多少？", "这种企业有哪些？",
              "它们有多少家？", "和2021年比呢？", "两年加起来呢？", "那澄阳市呢？", "前年呢？", "成功率呢？",
              "出具了多少份法律意见书？", "What about 2023?", "办结率呢？纠错率呢？"]


@pytest.mark.parametrize("question", FOLLOW_UPS)
def test_a_follow_up_asked_again_and_again_does_not_grow(question):
    lengths = [len(conversation(H_FY + [[question, "x"]] * n, question, REGIONS, TODAY)[-1].text) for n in (1, 12)]
    assert lengths[1] <= lengths[0] + 4


def test_a_long_mixed_conversation_stays_short_and_fast():
    history = H_FY + [[FOLLOW_UPS[(7 * i) % len(FOLLOW_UPS)], "x"] for i in range(340)]
    t0 = time.perf_counter()
    frames = conversation(history, "那2022年呢？", REGIONS, TODAY)
    assert time.perf_counter() - t0 < 2.0
    assert max(len(f.text) for f in frames) <= 60


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    svc = build_store(tmp_path_factory.mktemp("frame"), [SAMPLES / "明湖区_2022.txt"],
                      embedding_model="hash")[1]
    svc.limits = ChatLimits(max_history_turns=400, max_history_chars=1_000_000)
    return svc


def test_a_200_turn_history_is_read_whole_in_under_a_second(service):
    history = [["明湖区2022年走访了多少家企业？", "1120家"], ["青川县呢？", "—"],
               ["那明湖区呢？", "1120家"], ["前年呢？", "—"]] * 50
    service.ask("预热", [])
    t0 = time.perf_counter()
    answer = service.ask("那2022年呢？", history)
    assert time.perf_counter() - t0 < 1.0
    assert answer.question == "明湖区2022年走访了多少家企业？"


def test_the_understood_question_is_rendered_from_the_frame(service):
    answer = service.ask("比例呢？", [["明湖区2022年行政复议受理了多少件？", "x"]])
    assert answer.question == "明湖区2022年行政复议受理比例是多少？"


@pytest.mark.parametrize("question, asks", [
    ("澄阳市2025年一审行政诉讼案件审结多少件，败诉率多少？",
     ["澄阳市2025年一审行政诉讼案件审结多少件？", "澄阳市2025年一审行政诉讼案件败诉率多少？"]),
    ("白沙县有多少人持有行政执法证？持证率多少？", ["白沙县有多少人持有行政执法证？", "白沙县持证率多少？"]),
    ("How many legal aid cases did Chengyang handle in 2024, and what was the success rate?",
     ["How many legal aid cases did 澄阳市 handle in 2024?",  # the place in the reports' name
      "what was the success rate of legal aid cases 澄阳市 2024?"]),
])
def test_each_ask_of_a_multi_part_question_stands_alone(question, asks):
    f = parse(question, ["澄阳市", "白沙县"], TODAY)
    assert [ask_question(f, a) for a in f.asks] == asks


def test_the_question_reads_what_is_asked_from_its_frame():
    from bot.query import analyze
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord(doc_id="d", title="青川县2023年法治政府建设年度报告", region="青川县", year=2023,
                           source="青川县_2023.txt", path="青川县_2023.txt", sha256="0", chunks=1,
                           ingested_at="2026-11-30")]
    q = analyze("青川县2023年办结了多少件行政复议案件，纠错率是多少？", docs, TODAY)
    assert (q.kind, q.asks, q.is_comparison) == ("numeric", 2, False)
    assert [units for _, units in q.ask_parts()] == [("件", "宗", "起", "例"), ("%",)]
    assert q.units == ("件", "宗", "起", "例")
    q = analyze("青川县2023年比2022年多办结了多少件行政复议案件？", docs, TODAY)
    assert (q.kind, q.asks, q.is_comparison) == ("numeric", 1, True)
    assert q.ask_parts() == [(q.normalized, ("件", "宗", "起", "例"))]
    assert analyze("青川县2023年有哪些普法举措？", docs, TODAY).kind == "list"
    assert analyze("青川县2023年推出的平台叫什么？", docs, TODAY).kind == "descriptive"


def test_frames_are_typed_values():
    f = parse("明湖区2024年行政复议纠错率是多少？", REGIONS, TODAY)
    assert isinstance(f, Frame) and isinstance(f.asks[0], Ask)
    assert f.asks[0].units == ("%",) and f.indicator == "行政复议纠错率"
    assert replace(f, years=(2023,)).years == (2023,)


@pytest.mark.parametrize("v1, v2, rate, over_time, word", [
    (263, 241, False, True, "增加"), (241, 263, False, True, "减少"),
    (13.6, 11.2, True, True, "提高"), (11.2, 13.6, True, True, "下降"),
    (926, 705, False, False, "多"), (4.5, 4.8, True, False, "低"),
])
def test_a_change_is_stated_with_its_sign(v1, v2, rate, over_time, word):
    assert change_word(v1, v2, rate, over_time) == word


def test_a_missing_side_is_said_plainly():
    fig = Figure("5694件", "件", 0, 5)
    text = _missing_text([("2025年", object(), fig), ("2024年", None, None)], ["2024年"], [])
    assert text == "2024年的报告中没有找到这一数据，无法比较；2025年为5694件。"


@pytest.mark.parametrize("question", ["", "？", "“”", "“是有的”平台建了几个？", "它", "多少", "那呢？",
                                      "比例", "“a”", "2023年", "和与及", "What?", "它的呢？", "这个"])
def test_odd_questions_and_follow_ups_parse(question):
    assert isinstance(parse(question, REGIONS, TODAY), Frame)
    assert isinstance(conversation(H_NAME, question, REGIONS, TODAY)[-1], Frame)


@pytest.mark.parametrize("question, years, comparison", [
    ("青石县2025年行政复议纠错率为什么上升了？", (2025, 2024), True),
    ("青石县2025年办理的法律援助案件为何减少了", (2025, 2024), True),
    ("青石县2025年调解成功率为什么跌到了90%以下？", (2025,), False),  # a figure premise: premise.py
    ("青石县2025年为什么要推进行政复议体制改革？", (2025,), False),
])
def test_a_why_question_about_a_change_is_checked_against_the_year_before(question, years, comparison):
    f = parse(question, ["青石县"], TODAY)
    assert f.years == years and f.comparison is comparison


@pytest.mark.parametrize("question, asks", [
    ("青石县2025年审结的行政复议案件中维持、撤销、确认违法的各有多少件？",
     ["维持多少件", "撤销多少件", "确认违法多少件"]),
    ("青石县2025年行政诉讼一审、二审案件各多少件？", ["行政诉讼一审多少件", "二审案件多少件"]),
    ("青石县律师事务所和公证机构各有几家？", ["律师事务所几家", "公证机构几家"]),
])
def test_each_of_a_listed_set_is_its_own_ask(question, asks):
    f = parse(question, ["青石县"], TODAY)
    assert [a.text for a in f.asks] == asks and all(a.kind == "number" for a in f.asks)


@pytest.mark.parametrize("question, asks, kinds", [
    # a verb between 各 and the ask, kept with each item
    ("青石县2025年人大代表建议、政协委员提案各办了多少件？", ["人大代表建议办了多少件", "政协委员提案办了多少件"],
     ["number", "number"]),
    ("青石县信访事项按时办完的和群众满意的各占多少？", ["信访事项按时办完的占多少", "群众满意占多少"],
     ["rate", "rate"]),
    # what follows the last item is said of every item
    ("青石县2025年行政处罚案件和行政复议申请同比各变了多少？",
     ["行政处罚案件同比变了多少", "行政复议申请同比变了多少"], ["number", "number"]),
    # a counted measure that is itself the noun (人), a verb after it: two asks
    ("青石县帮多少人要回了多少钱？", ["帮多少人", "要回了多少钱"], ["number", "number"]),
    ("青石县为多少名农民工追回了多少工资？", ["为多少名农民工", "追回了多少工资"], ["number", "number"]),
])
def test_listed_and_joined_asks_each_stand_alone(question, asks, kinds):
    f = parse(question, ["青石县"], TODAY)
    assert [a.text for a in f.asks] == asks and [a.kind for a in f.asks] == kinds


def test_parallel_asks_keep_their_own_things_when_asked_alone():
    f = parse("青石县2025年行政处罚案件和行政复议申请同比各变了多少？", ["青石县"], TODAY)
    assert [ask_question(f, a) for a in f.asks] == ["青石县2025年2024年行政处罚案件同比变了多少？",
                                                    "青石县2025年2024年行政复议申请同比变了多少？"]


@pytest.mark.parametrize("clause, units", [
    ("拆除面积多大", ("平方米", "平方公里", "亩", "公顷")),
    ("办个营业执照要多久", ("个工作日", "工作日", "天", "日", "小时", "分钟", "个月")),
    ("行政复议案件平均审理天数是多少", ("个工作日", "工作日", "天", "日", "小时", "分钟", "个月")),
    ("平均审理期限是多少", ("个工作日", "工作日", "天", "日", "小时", "分钟", "个月")),
    ("帮多少打工的讨回了被拖欠的工资", ("名", "人", "位")),  # the ones who work: people, not money
])
def test_a_measurement_asked_in_words_has_its_units(clause, units):
    assert ask_kind(clause) == "number" and clause_units(clause, "number") == units


@pytest.mark.parametrize("question, comparison", [
    ("青石县行政诉讼败诉率从2023年到2025年下降了多少个百分点？", True),
    ("青石县2023年到2025年负责人出庭应诉率提高了几个百分点？", True),
    ("青石县2025年行政诉讼败诉率下降了多少个百分点？", False),  # one year: the change it states
])
def test_a_change_asked_over_two_years_compares_them(question, comparison):
    assert parse(question, ["青石县"], TODAY).comparison is comparison


PLACES = ["莉湾区", "萍川区", "蓓州市", "蓓州市莉湾区", "蓓州市萍川区"]


@pytest.mark.parametrize("question, resolved", [
    ("另一个区呢？", "萍川区2025年办理了多少件法律援助案件？"),  # the one other district
    ("隔壁区呢？", "萍川区2025年办理了多少件法律援助案件？"),
    ("隔壁萍川区呢？", "萍川区2025年办理了多少件法律援助案件？"),  # 隔壁 before a name says nothing
])
def test_the_other_place_is_the_one_other_place_of_its_kind(question, resolved):
    history = [["莉湾区2025年办理了多少件法律援助案件？", "1126件。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == resolved


@pytest.mark.parametrize("question", ["市里呢？", "那市里的呢？", "市级呢？"])
def test_the_level_above_said_is_the_place_containing_the_last_one(question):
    history = [["莉湾区2025年办理了多少件法律援助案件？", "1126件。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == "蓓州市2025年办理了多少件法律援助案件？"


@pytest.mark.parametrize("question", ["其中萍川区呢？", "其中萍川区的呢？", "这里面萍川区的呢？"])
def test_among_them_a_place_asks_the_same_of_that_place(question):
    # a part of the city's count that is a place: the same ask of the place (not its verb lost)
    history = [["蓓州市2025年市场监管部门一共查办了多少案件？", "4.27万件。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == "萍川区2025年市场监管部门查办了多少案件？"


def test_among_the_totals_places_one_place_asks_its_own_figure():
    history = [["蓓州市2025年各县（市、区）行政复议收案合计多少件？", "1542件。"]]
    assert conversation(history, "其中萍川区呢？", PLACES, TODAY)[-1].text == "萍川区2025年行政复议收案多少件？"


@pytest.mark.parametrize("question", ["全省呢？", "那全省呢", "省里呢？"])
def test_the_whole_of_a_level_above_is_the_knowledge_bases_one_place_of_it(question):
    # no report's name says the zone is in 蓓江省; the knowledge base holds one province
    places = ["蓓江省", "蓓州市公安局", "蓓州高新技术产业开发区", "蓓州高新区"]
    history = [["蓓州高新区2025年调处了多少件矛盾纠纷？", "38件。"]]
    assert conversation(history, question, places, TODAY)[-1].text == "蓓江省2025年调处了多少件矛盾纠纷？"


def test_the_whole_of_a_level_above_is_not_guessed_among_several():
    places = ["蓓江省", "蓓海省", "蓓州高新区"]
    history = [["蓓州高新区2025年调处了多少件矛盾纠纷？", "38件。"]]
    assert "蓓江省" not in conversation(history, "全省呢？", places, TODAY)[-1].text


@pytest.mark.parametrize("question", ["萍川区那边呢？", "那萍川区自己呢？", "萍川区这边的呢"])
def test_a_place_with_words_pointing_at_it_asks_the_same(question):
    history = [["莉湾区2025年办理了多少件法律援助案件？", "1126件。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == "萍川区2025年办理了多少件法律援助案件？"


@pytest.mark.parametrize("question", ["去年扩到多少项了？", "2025年增加到多少项了", "去年达到几项了？"])
def test_the_level_a_count_went_to_in_another_year_is_the_same_ask(question):
    history = [["莉湾区2024年实行告知承诺制的证明事项有多少项？", "52项。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == "莉湾区2025年实行告知承诺制的证明事项有多少项？"


def test_the_same_level_said_is_no_other_place():
    history = [["莉湾区2025年办理了多少件法律援助案件？", "1126件。"]]  # "区里" in 莉湾区 is not 萍川区
    assert "萍川区" not in conversation(history, "区里呢？", PLACES, TODAY)[-1].text


def test_another_place_of_several_is_left_as_asked():
    history = [["莉湾区2025年办理了多少件法律援助案件？", "1126件。"]]
    places = [*PLACES, "芷江区"]  # two other districts: which one is not guessed
    assert "萍川区" not in conversation(history, "另一个区呢？", places, TODAY)[-1].text


@pytest.mark.parametrize("question, resolved", [
    ("比前年多还是少？", "萍川区2025年上门服务比2024年多还是少？"),
    ("比上一年高还是低？", "萍川区2025年上门服务比2024年高还是低？"),
])
def test_more_or_less_than_another_year_compares_the_previous_figure(question, resolved):
    history = [["萍川区2025年上门服务了多少件？", "1032件。"]]
    f = conversation(history, question, PLACES, TODAY)[-1]
    assert f.text == resolved and f.comparison and f.asks[0].kind == "number"


def test_how_big_without_a_measure_is_no_number():
    assert ask_kind("执法力度多大") != "number"


@pytest.mark.parametrize("question, kind, comparison", [
    ("青石县和白沙县的调解成功率哪个高？", "rate", True),
    ("青石县2024年和2025年哪一年受理的行政复议案件更多？", "number", True),
    ("青石县2024年和2025年哪年法律援助的案子多", "number", True),  # no 更: the clause ends on it
    ("青石县和白沙县去年 哪个县打官司输的比例低", "rate", True),
    ("青石县2025年的法律援助案件和公证事项谁多？", "number", False),  # one place, one year
    ("青石县哪个部门获评示范单位？", "name", False),
])
def test_which_is_higher_compares_figures(question, kind, comparison):
    f = parse(question, ["青石县", "白沙县"], TODAY)
    assert f.asks[0].kind == kind and f.comparison is comparison


@pytest.mark.parametrize("question, kind, units", [
    ("青石县的执法人员里，手上有执法证的占多少？", "rate", ("%",)),
    ("青石县老百姓告政府，政府输了几成？", "rate", ("%",)),
    ("青石县网上信访占多少件？", "number", ("件", "宗", "起", "例")),
    ("青石县法治文化公园占地多少亩？", "number", ("亩",)),
])
def test_a_share_asked_in_words_is_a_rate(question, kind, units):
    f = parse(question, ["青石县"], TODAY)
    assert (f.asks[0].kind, f.asks[0].units) == (kind, units)


@pytest.mark.parametrize(("clause", "first"), [
    ("政府出钱给没钱请律师的老百姓办了多少个案子？", "件"),   # cases are counted in 件
    ("村里帮乡亲们评评理的热心人，街道一共有多少个？", "名"),  # people in 名/人/位
    ("澄阳市下辖多少个县？", "个"),                           # anything else keeps 个's family
    ("帮外出干活的人要回拖欠工资的案子有多少？", "件"),         # a bare 多少: the noun before it
    ("自然资源领域有几个案子交给警察处理了？", "件"),           # the noun right after 几个
    ("政府当被告打官司输了几个", "件"),                         # the noun before the verb asked
    ("警察平均几分钟能赶到？", "分钟"),
    ("有多少家企业", "家"),
    ("引进了多少家律所", "家"),      # jieba cuts 家律|所: what follows is a word of its own
    ("多少户群众", "户"),
    ("有几个刚出狱的人被帮着申请了临时救助", "名"),  # the noun after the last 的, its predicate after it
    ("老百姓告政府的官司 一审有多少个", "件"),        # a space typed in chat is a pause like a comma
    ("邻居吵架闹矛盾的 帮着调解了多少个", "件"),
])
def test_what_duo_shao_ge_counts_says_the_units(clause, first):
    from bot.frame import clause_units

    units = clause_units(clause, "number")
    assert units[0] == first and ("个" in units or "个" not in clause)


@pytest.mark.parametrize(("clause", "unit"), [
    ("政府输了几场官司", "件"),       # what any measure word counts says its units too: 官司 in 件
    ("去年新开了多少家公司", "户"),   # enterprises are counted in 家 or 户 (新增企业1.35万户)
    ("新出了几部规章", "件"),         # rules in 部 or 件 (制定政府规章3件)
])
def test_the_counted_noun_adds_the_units_reports_count_it_in(clause, unit):
    from bot.frame import clause_units

    assert unit in clause_units(clause, "number")


def test_a_measure_word_alone_keeps_its_own_family():
    from bot.frame import clause_units

    assert clause_units("开了几场听证会", "number") == ("场", "次", "期")


@pytest.mark.parametrize(("clause", "money"), [
    ("对初犯的小毛病有多少家没罚款", False),   # 家 counted; 罚款 is what they were spared
    ("追讨了多少工资", True),
    ("帮农民工要回来多少", True),
    ("帮多少农民工讨回了欠薪", False),  # the word after 多少 is counted: 农民工, in 名
    ("帮多少打工人追回了工资", False),  # jieba cuts 打|工人: the one character is read with its noun
    ("有多少家企业，罚款多少钱", True),
    ("给困难户发的低保钱一共有多少", True),  # 钱 before the ask, a sum word between
    ("罚的钱是多少", True),
    ("为劳动者追发工资待遇多少", True),  # 工资, 缴存额, 税费 are money before a bare 多少 too
    ("住房公积金缴存额是多少", True),
    ("讨薪的农民工有多少", False),  # the people are counted
    ("老板拖着不发工资人社局一共接了多少这种举报投诉", False),  # complaints are counted, in 件
])
def test_a_money_word_asks_money_unless_something_else_is_counted(clause, money):
    from bot.frame import clause_units

    assert ("元" in clause_units(clause, "number")) is money


@pytest.mark.parametrize(("question", "asks"), [
    ("荪阳市去年几个部门一起去企业检查搞了几次，少打扰了多少企业？", 2),  # several departments together
    ("几个部门联合执法了多少次？", 1),
    ("几家单位一起办的？", 1),  # no other ask: 几家 is the ask
    ("有几个部门？", 1),
])
def test_ji_ge_doing_something_together_before_an_ask_is_several(question, asks):
    f = parse(question, ["荪阳市"], TODAY)
    assert len(f.asks) == asks


def test_na_ji_ge_points_and_asks_nothing():
    # "那几个村子": those villages; the ask is 几部, counted in 部
    f = parse("青石县那几个村子自己定的规矩，2025年重新改了几部？", ["青石县"], TODAY)
    assert len(f.asks) == 1 and f.asks[0].units == ("部", "件")  # (rules are counted in 件 too)


@pytest.mark.parametrize(("clause", "units"), [
    ("公安局2023年办了多少户籍业务", ()), ("有多少家庭", ()), ("立了多少项目", ()),
    ("有多少人员参加", ("名", "人", "位")),  # 人 is no measure: 人员 is what is counted
])
def test_a_measure_character_that_begins_a_word_is_no_measure(clause, units):
    from bot.frame import clause_units

    assert clause_units(clause, "number") == units


@pytest.mark.parametrize("clause, units", [
    ("人社局查处的欠薪案件比多了还是少了", ("件", "起", "宗", "例")),  # the cases, not the wages
    ("罚款比多了还是少了", ("元", "万元", "亿元")),  # money still when money is what is compared
])
def test_more_or_less_counts_the_noun_before_it(clause, units):
    assert clause_units(clause, "number") == units


def test_a_street_follow_up_replaces_the_street_not_its_district():
    # "凤栖区桐花街道…" then "柳岸街道呢": the place of the new one's level gives way
    known = ["凤栖区", "凤栖", "桐花街道", "柳岸街道"]
    history = [["凤栖区桐花街道2025年调解了多少件纠纷？", "桐花街道2025年调解纠纷612件。"]]
    text = conversation(history, "柳岸街道呢？", known, TODAY)[-1].text
    assert text.startswith("凤栖区柳岸街道2025年") and "桐花" not in text, text


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # a sibling of the counted thing (结婚 → 离婚: one head character) replaces it, the verb stays
    ([["明湖区2024年办理了多少对结婚登记？", "12700对"]], "那离婚的呢？", "明湖区2024年办理了多少对离婚登记？"),
    # a kind with no verb (行政, not a sibling by its last character) replaces the counted thing's kind
    ([["明湖区2024年办了多少件刑事法律援助案件？", "1480件"]], "行政的呢？",
     "明湖区2024年办了多少件行政法律援助案件？"),
    # a verb of its own replaces the verb
    ([["明湖区2024年维持了多少件原行政行为？", "12件"]], "那撤销的呢？", "明湖区2024年撤销了多少件原行政行为？"),
    # a one-character verb is the verb, its 了 said once
    ([["明湖区2024年受理了多少件欠薪案件？", "4126件"]], "结了多少件？", "明湖区2024年结了多少件欠薪案件？"),
])
def test_a_sibling_of_the_counted_thing_replaces_it(history, question, resolved):
    assert conversation(history, question, REGIONS, TODAY)[-1].text == resolved


@pytest.mark.parametrize("clause, units", [
    # what an English "how many" counts, by its noun: never a percentage of them
    ("how many administrative reconsideration cases were closed through mediation", ("件", "起", "宗", "例")),
    ("How many people under community corrections were registered in 2025?", ("名", "人", "位")),
    ("How many veterans did the bureau help into employment", ("名", "人", "位")),
    ("How many law firms are there?", ("家", "户")),
    # English measure nouns: the unit itself
    ("how many mu of land did they involve", ("亩",)),
    ("How many kilometres of rural roads were built or upgraded in 2025?", ("公里",)),
    ("How many batches of food did the market regulator sample and test?", ("批次", "批")),
    ("how many person-times received legal aid", ("次", "人次")),
    ("How many times did they freeze deposits as a coercive measure", ("次", "人次", "件", "起")),  # or its cases
    ("how many units of housing were built", ()),  # a measure the table does not know: any
])
def test_an_english_how_many_is_counted_in_its_nouns_units(clause, units):
    assert clause_units(clause, "number") == units


@pytest.mark.parametrize("plan, follow_up, resolved", [
    ("沄川区2023年的报告计划2024年新建多少个村（社区）调解室？", "实际建成了几个？",
     "沄川区2024年新建了几个村（社区）调解室？"),
    ("沄川区2024年的报告给2025年定的公职律师目标是多少？", "完成了吗？实际有多少名？",
     "沄川区2025年公职律师有多少名？"),
    # the planned year said again
    ("沄川区2024年的报告给2025年行政机关负责人出庭应诉率定了什么目标？", "那2025年实际达到了多少？",
     "沄川区2025年行政机关负责人出庭应诉率有多少？"),
])
def test_a_result_asked_after_a_plan_is_the_planned_years_result(plan, follow_up, resolved):
    # the next report states what was done: its year, not the plan's report, and no plan asked
    f = conversation([[plan, "20个。"]], follow_up, ["沄川区"], TODAY)[-1]
    assert (f.text, f.plan) == (resolved, False)


def test_a_noun_pointed_at_takes_no_year_from_the_last_question():
    # "那个调解室": the last question names 人民调解 after its year; "024年人民调解室" is no noun
    history = [["莉湾区2024年人民调解调处了多少件矛盾纠纷？", "3100件。"]]
    text = conversation(history, "萍川区那个调解室呢？", PLACES, TODAY)[-1].text
    assert text.count("024年") == 1, text  # not "萍川区2024年萍川区024年人民调解室"


@pytest.mark.parametrize("question", ["跟上一年比是多了还是少了，变了多少？", "比上年变了多少？"])
def test_the_direction_and_the_change_asked_is_a_change_asked(question):
    history = [["莉湾区2025年信访多少件次？", "146件次。"]]
    assert conversation(history, question, PLACES, TODAY)[-1].text == "莉湾区2025年比2024年信访多少件次？"


def test_a_how_is_it_clause_before_the_ask_asks_nothing():
    history = [["莉湾区2024年免罚轻罚一共办了多少案子？", "1203件。"]]
    text = conversation(history, "去年那个咋样了，办了多少件？", PLACES, TODAY)[-1].text
    assert text == "莉湾区2025年免罚轻罚一共办了多少案子？"


@pytest.mark.parametrize(("question", "counted"), [
    ("前年有多少人对县政府的处理决定不服，去申请复议？", True),  # their applications, in 件
    ("有多少人不服行政处罚，又告到了法院？", True),
    ("全县有多少人考取了执法证？", False),                        # people, nothing they filed
])
def test_people_who_filed_are_counted_by_what_they_filed(question, counted):
    frame = parse(question, [], dt.date(2026, 12, 4))
    # one ask: the clause after it says what they did, no ask of its own
    assert len(frame.asks) == 1 and frame.asks[0].kind == "number"
    assert frame.asks[0].units[0] == "人" and ("件" in frame.asks[0].units) == counted


@pytest.mark.parametrize(("question", "anchor"), [
    ("前年有多少人申请行政复议？", ""),         # a time word says when, not what is counted
    ("去年受理了多少件行政复议申请？", "受理"),
])
def test_a_time_word_is_no_anchor(question, anchor):
    from bot.extractive import ask_anchor
    from vectorstore.tokenizer import shared_tokenizer

    assert ask_anchor(question, shared_tokenizer().cut) == anchor


@pytest.mark.parametrize(("question", "resolved"), [
    # "它" with no thing of its own named before: the body asked about, another of its indicators
    ("它的行政强制呢？", "澄阳市生态环境局2025年行政强制有多少？"),
    ("那行政强制呢？", "澄阳市生态环境局2025年行政强制有多少？"),
])
def test_it_is_the_body_asked_about(question, resolved):
    history = [["澄阳市生态环境局2025年罚没金额是多少？", "3127.5万元。"]]
    assert conversation(history, question, REGIONS, TODAY)[-1].resolved == resolved


@pytest.mark.parametrize(("history", "question", "kept", "verb"), [
    # 立案 is the verb though it ends as nouns do (案): the next verb takes its place, the field stays
    ([["2025年澄阳市检察机关在食品药品安全领域立案多少件行政公益诉讼？", "132件"]], "起诉了几件？",
     "食品药品安全领域", "起诉"),
    ([["2025年青川县备案了多少件规范性文件？", "35件"]], "纠正了几件？", "规范性文件", "纠正"),
])
def test_a_new_verb_replaces_a_verb_ending_as_nouns_do(history, question, kept, verb):
    text = conversation(history, question, REGIONS, TODAY)[-1].text
    assert kept in text and verb in text and "立案起诉" not in text and "备案纠正" not in text, text


def test_these_things_are_the_ones_the_last_turn_counted():
    history = [["澄阳市2025年专项资金审计做了几个项目？", "12个"]]
    text = conversation(history, "这些项目查出的问题金额是多少万元？", REGIONS, TODAY)[-1].text
    assert "专项资金审计项目" in text, text
