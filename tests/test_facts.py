"""Facts: every figure bound to what it measures — sentences, table rows, loaders, the store.

The tables below are real-genre report sentences and rendered table rows, each with the exact
facts it must give: (text as written, value, unit, indicator, {qualifiers}). Qualifiers not
named must be empty."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facts import Fact, chunk_facts, facts_from_json, facts_to_json, sentence_facts
from facts.search import search_facts
from facts.table import is_table_row, table_row_facts
from ingest.loaders import html_loader, load_blocks
from ingest.loaders.tables import render_table
from tests.pdf_tables import paragraph_ops, table_ops, write_pdf

_QUALIFIERS = ("topic", "year", "role", "change", "plan", "share_of", "approx", "column")


def _row(f: Fact) -> tuple:
    value = int(f.value) if f.value.is_integer() else f.value
    quals = {k: getattr(f, k) for k in _QUALIFIERS if getattr(f, k)}
    return (f.text, value, f.unit, f.indicator, quals) if quals else (f.text, value, f.unit, f.indicator)


SENTENCES = [
    ('全年共收到行政复议申请178件，受理152件，审结140件，维持98件，撤销12件。', [
        ('178件', 178, '件', '收到行政复议申请'),
        ('152件', 152, '件', '受理', {'topic': '行政复议申请'}),
        ('140件', 140, '件', '审结', {'topic': '行政复议申请'}),
        ('98件', 98, '件', '维持', {'topic': '行政复议申请'}),
        ('12件', 12, '件', '撤销', {'topic': '行政复议申请'}),
    ]),
    ('全年受理信访事项860件，其中网上信访312件。', [
        ('860件', 860, '件', '受理信访事项'),
        ('312件', 312, '件', '网上信访', {'share_of': '信访事项'}),
    ]),
    ('组建仲裁庭45个，审结仲裁案件1200余件。', [
        ('45个', 45, '个', '组建仲裁庭'),
        ('1200余件', 1200, '件', '审结仲裁案件', {'approx': '余'}),
    ]),
    ('全区律师事务所由4家增加至7家。', [
        ('4家', 4, '家', '律师事务所', {'role': 'before'}),
        ('7家', 7, '家', '律师事务所', {'role': 'after'}),
    ]),
    ('全年发生安全生产事故9起，发生率0.3%。', [
        ('9起', 9, '起', '发生安全生产事故'),
        ('0.3%', 0.3, '%', '发生率', {'topic': '安全生产事故'}),
    ]),
    ('全年受理行政复议案件120件，同比增长12.5%。', [
        ('120件', 120, '件', '受理行政复议案件'),
        ('12.5%', 12.5, '%', '受理行政复议案件', {'change': 'increase'}),
    ]),
    ('行政诉讼一审败诉率为4.5%，较上年下降2个百分点。', [
        ('4.5%', 4.5, '%', '行政诉讼一审败诉率'),
        ('2个百分点', 2, '个百分点', '行政诉讼一审败诉率', {'change': 'decrease'}),
    ]),
    ('行政复议、行政诉讼、信访案件分别为120件、45件、300件。', [
        ('120件', 120, '件', '行政复议'),
        ('45件', 45, '件', '行政诉讼'),
        ('300件', 300, '件', '信访案件'),
    ]),
    ('累计培训行政执法人员3.2万人次。', [
        ('3.2万人次', 32000, '人次', '培训行政执法人员'),
    ]),
    ('行政复议纠错率达到百分之六十五点五。', [
        ('百分之六十五点五', 65.5, '%', '行政复议纠错率'),
    ]),
    ('全年引进律师事务所九家，全市律师事务所总数达187家。', [
        ('九家', 9, '家', '引进律师事务所'),
        ('187家', 187, '家', '律师事务所总数'),
    ]),
    ('举办5期培训班，培训1200人次。', [
        ('5期', 5, '期', '举办培训班'),
        ('1200人次', 1200, '人次', '培训', {'topic': '培训班'}),
    ]),
    ('力争到2025年行政复议纠错率达到15%以上。', [
        ('15%以上', 15, '%', '行政复议纠错率', {'year': 2025, 'plan': True, 'approx': '以上'}),
    ]),
    ('全年向市人大常委会报备规范性文件27件，报备率、及时率、规范率均为100%。', [
        ('27件', 27, '件', '市人大常委会报备规范性文件'),
        ('100%', 100, '%', '报备率', {'topic': '市人大常委会报备规范性文件'}),
        ('100%', 100, '%', '及时率', {'topic': '市人大常委会报备规范性文件'}),
        ('100%', 100, '%', '规范率', {'topic': '市人大常委会报备规范性文件'}),
    ]),
    ('对9个县（市、区）和52个市直部门开展年度考核。', [
        ('9个', 9, '个', '县'),
        ('52个', 52, '个', '市直部门'),
    ]),
    ('2023年受理行政复议申请120件，2024年受理150件。', [
        ('120件', 120, '件', '受理行政复议申请', {'year': 2023}),
        ('150件', 150, '件', '受理', {'topic': '行政复议申请', 'year': 2024}),
    ]),
    ('全市律师事务所由2022年的4家增加至2023年的7家。', [
        ('4家', 4, '家', '律师事务所', {'year': 2022, 'role': 'before'}),
        ('7家', 7, '家', '律师事务所', {'year': 2023, 'role': 'after'}),
    ]),
    ('为企业挽回经济损失3600余万元。', [
        ('3600余万元', 36000000, '元', '企业挽回经济损失', {'approx': '余'}),
    ]),
    ('深入推进行政执法三项制度，落实“一件事一次办”，开通“12345”热线，开展八五普法。', [
    ]),
    ('全年办理法律援助案件二百三十件，开展普法活动十一次。', [
        ('二百三十件', 230, '件', '办理法律援助案件'),
        ('十一次', 11, '次', '开展普法活动'),
    ]),
    ('全市注册志愿者超过5000人，发放宣传资料近4200件。', [
        ('超过5000人', 5000, '人', '注册志愿者', {'approx': '超过'}),
        ('近4200件', 4200, '件', '发放宣传资料', {'approx': '近'}),
    ]),
    ('全区市场主体达1.3万余家，其中民营企业1.1万家。', [
        ('1.3万余家', 13000, '家', '市场主体', {'approx': '余'}),
        ('1.1万家', 11000, '家', '民营企业', {'share_of': '市场主体'}),
    ]),
    ('全年审查政府合同465份，涉及金额2.87亿元。', [
        ('465份', 465, '份', '审查政府合同'),
        ('2.87亿元', 287000000, '元', '涉及金额', {'topic': '政府合同'}),
    ]),
    ('罚没款总额356.4万元，同比下降8.3%。', [
        ('356.4万元', 3564000, '元', '罚没款总额'),
        ('8.3%', 8.3, '%', '罚没款总额', {'change': 'decrease'}),
    ]),
    ('12345热线全年受理群众诉求91.2万件，按时办结率99.5%，群众满意率96.1%。', [
        ('91.2万件', 912000, '件', '12345热线全年受理群众诉求'),
        ('99.5%', 99.5, '%', '按时办结率', {'topic': '12345热线全年受理群众诉求'}),
        ('96.1%', 96.1, '%', '群众满意率', {'topic': '12345热线全年受理群众诉求'}),
    ]),
    ('行政机关负责人出庭应诉率连续三年保持100%。', [
        ('100%', 100, '%', '行政机关负责人出庭应诉率'),
    ]),
    ('全年共办理行政许可事项1.8万件，平均办理时限压缩至3个工作日。', [
        ('1.8万件', 18000, '件', '办理行政许可事项'),
        ('3个工作日', 3, '个工作日', '平均办理时限'),
    ]),
    ('政务服务事项全程网办率由85.2%提升至95.1%。', [
        ('85.2%', 85.2, '%', '政务服务事项全程网办率', {'role': 'before'}),
        ('95.1%', 95.1, '%', '政务服务事项全程网办率', {'role': 'after'}),
    ]),
    ('人民调解组织调处矛盾纠纷4288件，调解成功率97.0%。', [
        ('4288件', 4288, '件', '人民调解组织调处矛盾纠纷'),
        ('97.0%', 97, '%', '调解成功率', {'topic': '人民调解组织调处矛盾纠纷'}),
    ]),
    ('举办行政执法人员培训班5期，参训人员1200人次。', [
        ('5期', 5, '期', '举办行政执法人员培训班'),
        ('1200人次', 1200, '人次', '参训人员'),
    ]),
    ('全年开展“双随机、一公开”抽查4390次，联合检查1275次。', [
        ('4390次', 4390, '次', '开展“双随机、一公开”抽查'),
        ('1275次', 1275, '次', '联合检查'),
    ]),
    ('2024年3月20日，区政府召开第一次常务会议，研究法治政府建设工作3项。', [
        ('3项', 3, '项', '研究法治政府建设工作', {'year': 2024}),
    ]),
    ('全区获评全省法治政府建设示范区第三名，第一批入选。', [
    ]),
    ('新增公共法律服务站点23个，累计建成145个。', [
        ('23个', 23, '个', '新增公共法律服务站点'),
        ('145个', 145, '个', '建成', {'topic': '公共法律服务站点'}),
    ]),
    ('全年新招录行政执法人员36名，持证率达98.6%。', [
        ('36名', 36, '名', '新招录行政执法人员'),
        ('98.6%', 98.6, '%', '持证率', {'topic': '行政执法人员'}),
    ]),
    ('确保行政复议案件按期审结率达到100%。', [
        ('100%', 100, '%', '行政复议案件按期审结率', {'plan': True}),
    ]),
    ('计划新建村（社区）法律顾问室50个。', [
        ('50个', 50, '个', '新建村（社区）法律顾问室', {'plan': True}),
    ]),
    ('行政诉讼案件收案88件，败诉4件，败诉率4.5%。', [
        ('88件', 88, '件', '行政诉讼案件收案'),
        ('4件', 4, '件', '败诉', {'topic': '行政诉讼案件'}),
        ('4.5%', 4.5, '%', '败诉率', {'topic': '行政诉讼案件'}),
    ]),
    ('应出庭76件，实际出庭75件，出庭率98.7%。', [
        ('76件', 76, '件', '应出庭'),
        ('75件', 75, '件', '实际出庭'),
        ('98.7%', 98.7, '%', '出庭率', {'topic': '实际出庭'}),
    ]),
    ('全年清理规范性文件863件，其中废止21件、修改34件。', [
        ('863件', 863, '件', '清理规范性文件'),
        ('21件', 21, '件', '废止', {'topic': '规范性文件', 'share_of': '规范性文件'}),
        ('34件', 34, '件', '修改', {'topic': '规范性文件', 'share_of': '规范性文件'}),
    ]),
    ('法律顾问参与合同审查1900余件次，提出法律意见1186条。', [
        ('1900余件次', 1900, '件次', '法律顾问参与合同审查', {'approx': '余'}),
        ('1186条', 1186, '条', '提出法律意见'),
    ]),
    ('发放法律援助补贴97.4万元，惠及困难群众3200余人。', [
        ('97.4万元', 974000, '元', '发放法律援助补贴'),
        ('3200余人', 3200, '人', '惠及困难群众', {'approx': '余'}),
    ]),
    ('全年行政复议案件数量比上年增加3件。', [
        ('3件', 3, '件', '行政复议案件数量', {'change': 'increase'}),
    ]),
    ('市场主体同比增长6.2%，新登记企业2.1万户。', [
        ('6.2%', 6.2, '%', '市场主体', {'change': 'increase'}),
        ('2.1万户', 21000, '户', '新登记企业'),
    ]),
    ('公证机构办理公证书1.2万件，同比减少5.1%，减证便民事项增加12项。', [
        ('1.2万件', 12000, '件', '公证机构办理公证书'),
        ('5.1%', 5.1, '%', '公证机构办理公证书', {'change': 'decrease'}),
        ('12项', 12, '项', '减证便民事项', {'change': 'increase'}),
    ]),
    ('二〇二四年，全市共有执业律师2604名，其中公职律师318名、公司律师81名。', [
        ('2604名', 2604, '名', '执业律师', {'year': 2024}),
        ('318名', 318, '名', '公职律师', {'year': 2024, 'share_of': '执业律师'}),
        ('81名', 81, '名', '公司律师', {'year': 2024, 'share_of': '执业律师'}),
    ]),
    ('累计化解行政争议300余起，调解率超过60%。', [
        ('300余起', 300, '起', '化解行政争议', {'approx': '余'}),
        ('超过60%', 60, '%', '调解率', {'topic': '行政争议', 'approx': '超过'}),
    ]),
    ('全年行政执法案件办结率为百分之九十八点六。', [
        ('百分之九十八点六', 98.6, '%', '行政执法案件办结率'),
    ]),
    ('受理、审结行政复议案件分别为152件、140件。', [
        ('152件', 152, '件', '受理', {'topic': '行政复议案件'}),
        ('140件', 140, '件', '审结行政复议案件'),
    ]),
    ('全年信访总量下降12.6%，越级访下降30%。', [
        ('12.6%', 12.6, '%', '信访总量', {'change': 'decrease'}),
        ('30%', 30, '%', '越级访', {'change': 'decrease'}),
    ]),
    ('网上信访占比达到65.5%，较上年提高8个百分点。', [
        ('65.5%', 65.5, '%', '网上信访占比'),
        ('8个百分点', 8, '个百分点', '网上信访占比', {'change': 'increase'}),
    ]),
    ('预计全年新增就业岗位1.5万个。', [
        ('1.5万个', 15000, '个', '新增就业岗位', {'plan': True}),
    ]),
    ('行政规范性文件备案审查率连续5年达100%。', [
        ('100%', 100, '%', '行政规范性文件备案审查率'),
    ]),
    ('全区共有人民调解委员会312个，人民调解员1860名。', [
        ('312个', 312, '个', '人民调解委员会'),
        ('1860名', 1860, '名', '人民调解员'),
    ]),
    ('组织专题讲座8场，受众群众达3万余人次。', [
        ('8场', 8, '场', '组织专题讲座'),
        ('3万余人次', 30000, '人次', '受众群众', {'approx': '余'}),
    ]),
    ('执法人员持证上岗率从92%提高到99%。', [
        ('92%', 92, '%', '执法人员持证上岗率', {'role': 'before'}),
        ('99%', 99, '%', '执法人员持证上岗率', {'role': 'after'}),
    ]),
    ('全年受理行政复议申请178件，其中不予受理11件，受理后撤回9件。', [
        ('178件', 178, '件', '受理行政复议申请'),
        ('11件', 11, '件', '不予受理', {'topic': '行政复议申请', 'share_of': '行政复议申请'}),
        ('9件', 9, '件', '受理后撤回', {'share_of': '行政复议申请'}),
    ]),
    ('培训5期，覆盖干部职工560人。', [
        ('5期', 5, '期', '培训'),
        ('560人', 560, '人', '覆盖干部职工'),
    ]),
    ('一审行政诉讼案件败诉9起，败诉率由6.1%下降至4.3%。', [
        ('9起', 9, '起', '一审行政诉讼案件败诉'),
        ('6.1%', 6.1, '%', '败诉率', {'topic': '一审行政诉讼案件败诉', 'role': 'before'}),
        ('4.3%', 4.3, '%', '败诉率', {'topic': '一审行政诉讼案件败诉', 'role': 'after'}),
    ]),
    ('全市法律服务机构总数为212家，较上年增加15家。', [
        ('212家', 212, '家', '法律服务机构总数'),
        ('15家', 15, '家', '法律服务机构总数', {'change': 'increase'}),
    ]),
    ('全年共接待群众来访2.3万人次，同比下降15.2%。', [
        ('2.3万人次', 23000, '人次', '接待群众来访'),
        ('15.2%', 15.2, '%', '接待群众来访', {'change': 'decrease'}),
    ]),
    ('“八五”普法规划中期评估得分92.5分，位列全省第二。', [
        ('92.5分', 92.5, '分', '八五普法规划中期评估得分'),
    ]),
    ('涉案金额约1.2亿元，追回资金8000余万元。', [
        ('约1.2亿元', 120000000, '元', '涉案金额', {'approx': '约'}),
        ('8000余万元', 80000000, '元', '追回资金', {'approx': '余'}),
    ]),
    ('发出行政执法监督意见书21份，督促纠正执法不规范问题73个。', [
        ('21份', 21, '份', '发出行政执法监督意见书'),
        ('73个', 73, '个', '督促纠正执法不规范问题'),
    ]),
    ('持续推进公职律师工作，全区公职律师由上年的31名增加至44名。', [
        ('31名', 31, '名', '公职律师', {'role': 'before'}),
        ('44名', 44, '名', '公职律师', {'role': 'after'}),
    ]),
    ('组建由12名律师组成的涉外法律服务团队，为外贸企业提供服务70余次。', [
        ('12名', 12, '名', '组建律师'),
        ('70余次', 70, '次', '外贸企业提供服务', {'approx': '余'}),
    ]),
    ('围绕政策制定、市场监管、权益保护等6个方面设置评估指标42项。', [
        ('6个', 6, '个', '方面'),
        ('42项', 42, '项', '设置评估指标'),
    ]),
    ('审结179件，其中维持112件、驳回28件，纠错率8.4%。', [
        ('179件', 179, '件', '审结'),
        ('112件', 112, '件', '维持', {'share_of': '审结'}),
        ('28件', 28, '件', '驳回', {'share_of': '审结'}),
        ('8.4%', 8.4, '%', '纠错率'),
    ]),
    ('新增省级法治政府建设示范区（县）2个，全市累计达到5个。', [
        ('2个', 2, '个', '新增省级法治政府建设示范区（县）'),
        ('5个', 5, '个', '省级法治政府建设示范区（县）'),
    ]),
    ('全年投放法治公益广告1.5万条次。', [
        ('1.5万条次', 15000, '条次', '投放法治公益广告'),
    ]),
    ('形成对内、对外两支法律顾问团队，全区市场主体达1.3万余家企业。', [
        ('两支', 2, '支', '法律顾问团队'),
        ('1.3万余家', 13000, '家', '市场主体', {'approx': '余'}),
    ]),
    ('组织对全市42个市直执法部门的执法案卷开展评查，全区负责人出庭率实现100%。', [
        ('42个', 42, '个', '市直执法部门'),
        ('100%', 100, '%', '负责人出庭率'),
    ]),
    ('办理时限由法定的20个工作日压缩至5个工作日。', [
        ('20个工作日', 20, '个工作日', '办理时限', {'role': 'before'}),
        ('5个工作日', 5, '个工作日', '办理时限', {'role': 'after'}),
    ]),
    ('行政复议申请量从2022年的98件上升到2023年的126件，增长28.6%。', [
        ('98件', 98, '件', '行政复议申请量', {'year': 2022, 'role': 'before'}),
        ('126件', 126, '件', '行政复议申请量', {'year': 2023, 'role': 'after'}),
        ('28.6%', 28.6, '%', '行政复议申请量', {'year': 2023, 'change': 'increase'}),
    ]),
    ('一审行政诉讼案件数量较上年减少15件，降幅为12.5%。', [
        ('15件', 15, '件', '一审行政诉讼案件数量', {'change': 'decrease'}),
        ('12.5%', 12.5, '%', '一审行政诉讼案件数量', {'change': 'decrease'}),
    ]),
    ('行政复议案件综合纠错率为12.3%，较2023年提高2.1个百分点。', [
        ('12.3%', 12.3, '%', '行政复议案件综合纠错率'),
        ('2.1个百分点', 2.1, '个百分点', '行政复议案件综合纠错率', {'change': 'increase'}),
    ]),
    ('到2025年，全区行政复议纠错率力争达到10%。', [
        ('10%', 10, '%', '行政复议纠错率', {'year': 2025, 'plan': True}),
    ]),
    ('全市共有律师事务所56家、律师1023名。', [
        ('56家', 56, '家', '律师事务所'),
        ('1023名', 1023, '名', '律师'),
    ]),
    ('全年收到178件行政复议申请，与全市78家商会建立常态化联系。', [
        ('178件', 178, '件', '收到行政复议申请'),
        ('78家', 78, '家', '与全市商会'),
    ]),
    # a measure word's noun ends before a time word or the next predicate; it is the subject
    ('全县213个人民调解委员会全年调处矛盾纠纷3184件，调解成功3121件，调解成功率98.0%。', [
        ('213个', 213, '个', '人民调解委员会'),
        ('3184件', 3184, '件', '调处矛盾纠纷', {'topic': '人民调解委员会'}),
        ('3121件', 3121, '件', '调解成功', {'topic': '矛盾纠纷'}),
        ('98.0%', 98, '%', '调解成功率', {'topic': '矛盾纠纷'}),
    ]),
    ('全市28个行政执法单位累计办理行政处罚案件4521件。', [
        ('28个', 28, '个', '行政执法单位'),
        ('4521件', 4521, '件', '办理行政处罚案件', {'topic': '行政执法单位'}),
    ]),
    # 分别 over items named earlier in the sentence: each figure is the rate of its item
    ('办理市人大代表建议231件、市政协提案302件，代表委员满意率分别为99.1%和99.6%。', [
        ('231件', 231, '件', '办理市人大代表建议'),
        ('302件', 302, '件', '市政协提案'),
        ('99.1%', 99.1, '%', '代表委员满意率', {'topic': '市人大代表建议'}),
        ('99.6%', 99.6, '%', '代表委员满意率', {'topic': '市政协提案'}),
    ]),
    ('一审、二审败诉率分别为3.1%、2.4%。', [
        ('3.1%', 3.1, '%', '一审败诉率'),
        ('2.4%', 2.4, '%', '二审败诉率'),
    ]),
    ('受理、审结行政复议案件分别为120件、110件。', [
        ('120件', 120, '件', '受理', {'topic': '行政复议案件'}),
        ('110件', 110, '件', '审结行政复议案件'),
    ]),
    # 占x%: the share the figure before is of the whole
    ('全年受理信访事项11873件，其中网上信访7642件，占64.4%。', [
        ('11873件', 11873, '件', '受理信访事项'),
        ('7642件', 7642, '件', '网上信访', {'share_of': '信访事项'}),
        ('64.4%', 64.4, '%', '网上信访占比', {'share_of': '信访事项'}),
    ]),
    ('全年办理法律援助案件2310件，其中刑事案件1208件，占比52.3%。', [
        ('2310件', 2310, '件', '办理法律援助案件'),
        ('1208件', 1208, '件', '刑事案件', {'share_of': '法律援助案件'}),
        ('52.3%', 52.3, '%', '刑事案件占比', {'share_of': '法律援助案件'}),
    ]),
    ('线上调解纠纷4120件，占全部调解纠纷的38.5%。', [
        ('4120件', 4120, '件', '线上调解纠纷'),
        ('38.5%', 38.5, '%', '线上调解纠纷占比', {'share_of': '调解纠纷'}),
    ]),
    # a rate with no subject of its own is the rate of what the clause before counted
    ('全年收到行政复议申请612件，依法受理587件，纠错率8.3%。', [
        ('612件', 612, '件', '收到行政复议申请'),
        ('587件', 587, '件', '受理', {'topic': '行政复议申请'}),
        ('8.3%', 8.3, '%', '纠错率', {'topic': '行政复议申请'}),
    ]),
    ('全年审批建设项目环境影响报告书（表）386个，涉及总投资1846.3亿元。', [
        ('386个', 386, '个', '审批建设项目环境影响报告书（表）'),
        ('1846.3亿元', 184630000000, '元', '涉及总投资', {'topic': '建设项目环境影响报告书（表）'}),
    ]),
    # "X中，" heads the chain like a colon; 决定维持 and 撤销或确认违法 are chain steps
    ('审结案件中，决定维持121件、驳回23件、撤销11件、确认违法5件。', [
        ('121件', 121, '件', '决定维持', {'topic': '审结案件'}),
        ('23件', 23, '件', '驳回', {'topic': '审结案件'}),
        ('11件', 11, '件', '撤销', {'topic': '审结案件'}),
        ('5件', 5, '件', '确认违法', {'topic': '审结案件'}),
    ]),
    ('全年审结行政复议案件186件，维持142件，撤销或确认违法6件。', [
        ('186件', 186, '件', '审结行政复议案件'),
        ('142件', 142, '件', '维持', {'topic': '行政复议案件'}),
        ('6件', 6, '件', '撤销或确认违法', {'topic': '行政复议案件'}),
    ]),
    # before/after with 调整为, 精简至; a plan's 明年 is not part of what it measures
    ('赋予乡镇（街道）的行政执法事项由56项调整为42项。', [
        ('56项', 56, '项', '赋予乡镇（街道）的行政执法事项', {'role': 'before'}),
        ('42项', 42, '项', '赋予乡镇（街道）的行政执法事项', {'role': 'after'}),
    ]),
    ('行政许可事项由268项精简至229项。', [
        ('268项', 268, '项', '行政许可事项', {'role': 'before'}),
        ('229项', 229, '项', '行政许可事项', {'role': 'after'}),
    ]),
    ('行政许可事项精简至229项。', [
        ('229项', 229, '项', '行政许可事项'),
    ]),
    ('全年办理行政复议案件156件，力争明年纠错率达到10%以上。', [
        ('156件', 156, '件', '办理行政复议案件'),
        ('10%以上', 10, '%', '纠错率', {'topic': '行政复议案件', 'plan': True, 'approx': '以上'}),
    ]),
    # a bare two-character object takes the fuller name an earlier clause gave it
    ('开展行政规范性文件全面清理，共清理文件186件，其中继续有效162件、修改14件、废止10件。', [
        ('186件', 186, '件', '清理文件', {'topic': '行政规范性文件'}),
        ('162件', 162, '件', '继续有效', {'share_of': '行政规范性文件'}),
        ('14件', 14, '件', '修改', {'topic': '行政规范性文件', 'share_of': '行政规范性文件'}),
        ('10件', 10, '件', '废止', {'topic': '行政规范性文件', 'share_of': '行政规范性文件'}),
    ]),
    # figures after a total, in its unit, adding up to it exactly are its parts
    ('组织行政执法案卷评查，评查案卷420卷，评出优秀案卷96卷、合格案卷301卷、不合格案卷23卷。', [
        ('420卷', 420, '卷', '评查案卷', {'topic': '行政执法案卷'}),
        ('96卷', 96, '卷', '评出优秀案卷', {'share_of': '行政执法案卷'}),
        ('301卷', 301, '卷', '合格案卷', {'share_of': '行政执法案卷'}),
        ('23卷', 23, '卷', '不合格案卷', {'share_of': '行政执法案卷'}),
    ]),
    ('全年新设立律师事务所12家，培训律师300名、公证员30名。', [
        ('12家', 12, '家', '新设立律师事务所'),
        ('300名', 300, '名', '培训律师'),
        ('30名', 30, '名', '公证员'),
    ]),
    ('办理市人大代表建议214件、市政协提案286件，办结率均为100%，代表委员满意率分别为98.6%和99.3%。', [
        ('214件', 214, '件', '办理市人大代表建议'),
        ('286件', 286, '件', '市政协提案'),
        ('100%', 100, '%', '办结率', {'topic': '市政协提案'}),
        ('98.6%', 98.6, '%', '代表委员满意率', {'topic': '市人大代表建议'}),
        ('99.3%', 99.3, '%', '代表委员满意率', {'topic': '市政协提案'}),
    ]),
    ('全年适用清单办理案件2236件，减免罚款1418.7万元，同比分别增长19.4%和12.1%。', [
        ('2236件', 2236, '件', '适用清单办理案件'),
        ('1418.7万元', 14187000, '元', '减免罚款'),
        ('19.4%', 19.4, '%', '适用清单办理案件', {'change': 'increase'}),
        ('12.1%', 12.1, '%', '减免罚款', {'change': 'increase'}),
    ]),
    ('对方案确定的126项重点任务逐项评估，已完成或取得阶段性成效的任务占92%。', [
        ('126项', 126, '项', '重点任务'),
        ('92%', 92, '%', '完成或取得阶段性成效的任务占比'),
    ]),
    # a rate takes the count as topic only from the clause right before it
    ('带头出庭应诉行政诉讼案件2件，将法治政府建设纳入综合考核，分值占比提高到5%。', [
        ('2件', 2, '件', '带头出庭应诉行政诉讼案件'),
        ('5%', 5, '%', '分值占比'),
    ]),
    # the noun after a measure word ends where jieba's tags start a predicate (adverb,
    # preposition, a verb not before a noun)
    ('全市38个部门录入随机抽查事项清单512项，全年开展跨部门联合抽查437次。', [
        ('38个', 38, '个', '部门'),
        ('512项', 512, '项', '录入随机抽查事项清单'),
        ('437次', 437, '次', '开展跨部门联合抽查'),
    ]),
    ('针对检查发现的17个问题制定整改清单，已完成整改15个。', [
        ('17个', 17, '个', '问题'),
        ('15个', 15, '个', '完成整改'),
    ]),
    ('全市28个执法部门共公布裁量基准事项3120项。', [
        ('28个', 28, '个', '执法部门'),
        ('3120项', 3120, '项', '公布裁量基准事项', {'topic': '执法部门'}),
    ]),
    ('全市1352个人民调解组织共调处矛盾纠纷1.86万件。', [
        ('1352个', 1352, '个', '人民调解组织'),
        ('1.86万件', 18600, '件', '调处矛盾纠纷', {'topic': '人民调解组织'}),
    ]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[:14] for s, _ in SENTENCES])
def test_sentence_facts(sentence: str, expected: list[tuple]) -> None:
    facts = sentence_facts(sentence)
    assert [_row(f) for f in facts] == expected
    for f in facts:
        assert f.source == sentence and sentence[f.start:f.end] == f.text and not f.table


ROWS = [
    ('行政复议申请（件）｜2023年：150｜2024年：178｜同比：18.7%', [
        ('150', 150, '件', '行政复议申请', {'year': 2023, 'column': '2023年'}),
        ('178', 178, '件', '行政复议申请', {'year': 2024, 'column': '2024年'}),
        ('18.7%', 18.7, '%', '行政复议申请', {'change': 'increase', 'column': '同比'}),
    ]),
    ('罚没金额（万元）：356.4', [
        ('356.4', 3564000, '元', '罚没金额'),
    ]),
    ('罚没金额｜金额（万元）：356.4', [
        ('356.4', 3564000, '元', '罚没金额', {'column': '金额（万元）'}),
    ]),
    ('行政复议｜2023年受理：150｜2023年审结：140｜2024年受理：178｜2024年审结：160', [
        ('150', 150, '', '受理', {'topic': '行政复议', 'year': 2023, 'column': '2023年受理'}),
        ('140', 140, '', '审结', {'topic': '行政复议', 'year': 2023, 'column': '2023年审结'}),
        ('178', 178, '', '受理', {'topic': '行政复议', 'year': 2024, 'column': '2024年受理'}),
        ('160', 160, '', '审结', {'topic': '行政复议', 'year': 2024, 'column': '2024年审结'}),
    ]),
    ('2023年｜行政复议（件）：150｜行政诉讼（件）：30', [
        ('150', 150, '件', '行政复议', {'year': 2023, 'column': '行政复议（件）'}),
        ('30', 30, '件', '行政诉讼', {'year': 2023, 'column': '行政诉讼（件）'}),
    ]),
    ('行政复议案件：收到申请263件，受理236件，审结229件，纠错率5.2%', [
        ('263件', 263, '件', '收到申请', {'topic': '行政复议案件'}),
        ('236件', 236, '件', '受理', {'topic': '行政复议案件'}),
        ('229件', 229, '件', '审结', {'topic': '行政复议案件'}),
        ('5.2%', 5.2, '%', '纠错率', {'topic': '行政复议案件'}),
    ]),
    ('行政执法人员持证率：97.5%', [
        ('97.5%', 97.5, '%', '行政执法人员持证率'),
    ]),
    ('律师事务所（家）｜2022年：4｜2023年：7｜增减：+3', [
        ('4', 4, '家', '律师事务所', {'year': 2022, 'column': '2022年'}),
        ('7', 7, '家', '律师事务所', {'year': 2023, 'column': '2023年'}),
        ('+3', 3, '家', '律师事务所', {'change': 'increase', 'column': '增减'}),
    ]),
    ('行政诉讼一审败诉率（%）｜2023年：6.1｜2024年：4.5｜同比：-1.6个百分点', [
        ('6.1', 6.1, '%', '行政诉讼一审败诉率', {'year': 2023, 'column': '2023年'}),
        ('4.5', 4.5, '%', '行政诉讼一审败诉率', {'year': 2024, 'column': '2024年'}),
        ('-1.6个百分点', 1.6, '个百分点', '行政诉讼一审败诉率', {'change': 'decrease', 'column': '同比'}),
    ]),
    ('法律援助案件｜上年：1200｜本年：1350｜增长率：12.5%', [
        ('1200', 1200, '', '法律援助案件', {'column': '上年'}),
        ('1350', 1350, '', '法律援助案件', {'column': '本年'}),
        ('12.5%', 12.5, '%', '法律援助案件', {'change': 'increase', 'column': '增长率'}),
    ]),
    ('人民调解（件）｜2024年：4288｜2025年目标：4500', [
        ('4288', 4288, '件', '人民调解', {'year': 2024, 'column': '2024年'}),
        ('4500', 4500, '件', '人民调解', {'year': 2025, 'plan': True, 'column': '2025年目标'}),
    ]),
    ('公共法律服务中心｜数量（个）：23｜服务人次（万人次）：3.2', [
        ('23', 23, '个', '公共法律服务中心', {'column': '数量（个）'}),
        ('3.2', 32000, '人次', '服务人次', {'topic': '公共法律服务中心', 'column': '服务人次（万人次）'}),
    ]),
    ('行政复议申请｜单位：件｜2023年：150｜2024年：178', [
        ('150', 150, '件', '行政复议申请', {'year': 2023, 'column': '2023年'}),
        ('178', 178, '件', '行政复议申请', {'year': 2024, 'column': '2024年'}),
    ]),
    ('罚没金额｜计量单位：万元｜2024年：356.4', [
        ('356.4', 3564000, '元', '罚没金额', {'year': 2024, 'column': '2024年'}),
    ]),
    # one row per unit: each cell measures its column label, for the unit the row names
    ('凤鸣街道｜调处纠纷（件）：1208｜调解成功（件）：1171｜成功率（%）：96.9', [
        ('1208', 1208, '件', '调处纠纷', {'topic': '凤鸣街道', 'column': '调处纠纷（件）'}),
        ('1171', 1171, '件', '调解成功', {'topic': '凤鸣街道', 'column': '调解成功（件）'}),
        ('96.9', 96.9, '%', '成功率', {'topic': '凤鸣街道', 'column': '成功率（%）'}),
    ]),
    ('行政复议｜年度：2023年｜数量（件）：150', [
        ('150', 150, '件', '行政复议', {'year': 2023, 'column': '数量（件）'}),
    ]),
]


@pytest.mark.parametrize(("row", "expected"), ROWS, ids=[r[:14] for r, _ in ROWS])
def test_table_row_facts(row: str, expected: list[tuple]) -> None:
    assert is_table_row(row) or "，" in row  # "label：a sentence" is read as a sentence too
    facts = table_row_facts(row)
    assert [_row(f) for f in facts] == expected
    for f in facts:
        assert f.source == row and row[f.start:f.end] == f.text and f.table


def test_enough_patterns() -> None:
    assert len(SENTENCES) + len(ROWS) >= 60


@pytest.mark.parametrize("text", [
    "深入推进行政执法三项制度，落实“一件事一次办”，开通“12345”热线，开展八五普法。",
    "2024年3月20日，区政府召开第一次常务会议。",
    "全区获评全省法治政府建设示范区第三名，第一批入选。",
    "坚持“两个确立”，做到“两个维护”，推进两法衔接。",
    "1.深化行政争议实质性化解。（一）坚持党的领导。",
    "深入学习贯彻党的二十大和二十届三中全会精神，实现“十四五”规划目标。",
    "2024年是中华人民共和国成立75周年。",
    "十分重视法治建设，统一部署，一网通办。",
    "较上年前移三位，对考核排名后三位的单位进行通报。",
    "开展“法律进万家”活动，印发《2024年普法依法治理工作要点》。",
])
def test_not_figures(text: str) -> None:
    assert sentence_facts(text) == []


def test_ordinals_are_found_only_when_asked() -> None:
    from facts import find_ordinals

    text = "连续第十二届获评全国文明城市，第一批入选，排名第3位。"
    assert sentence_facts(text) == []
    assert [(f.text, f.value, f.unit) for f in find_ordinals(text)] == [
        ("第十二届", 12, "第届"), ("第一批", 1, "第批"), ("第3位", 3, "第位")]
    assert [f.text for f in find_ordinals(text, ("届",))] == ["第十二届"]


def test_display_restores_header_scale() -> None:
    (fact,) = table_row_facts("罚没金额（万元）：356.4")
    assert (fact.value, fact.unit, fact.display) == (3564000.0, "元", "356.4万元")
    (fact,) = sentence_facts("罚没金额356.4万元。")
    assert fact.display == "356.4万元"


def test_chunk_facts_rows_and_sentences_and_json_round_trip() -> None:
    text = ("全年共收到行政复议申请178件，受理152件。同比增长12.5%。\n"
            "行政复议申请（件）｜2023年：150｜2024年：178｜同比：18.7%\n"
            "行政执法人员持证率：97.5%")
    facts = chunk_facts(text, "一、主要举措 > （二）行政复议")
    assert [(f.text, f.table, f.year) for f in facts] == [
        ("178件", False, None), ("152件", False, None), ("12.5%", False, None),
        ("150", True, 2023), ("178", True, 2024), ("18.7%", True, None), ("97.5%", True, None)]
    for f in facts:
        assert f.source in text and f.source[f.start:f.end] == f.text
    data = facts_to_json(facts, text)
    assert text not in data  # sources are stored as spans of the chunk text
    assert facts_from_json(data, text) == facts
    assert facts_to_json([], text) == "" and facts_from_json("", text) == []


def test_chain_goes_on_after_a_semicolon_but_not_a_full_stop() -> None:
    text = "全年办理行政诉讼案件29件，其中一审21件、二审8件；审结26件，败诉率7.7%。审结15件。"
    rows = [_row(f) for f in chunk_facts(text)]
    assert rows == [
        ('29件', 29, '件', '办理行政诉讼案件'),
        ('21件', 21, '件', '一审', {'share_of': '行政诉讼案件'}),
        ('8件', 8, '件', '二审', {'share_of': '行政诉讼案件'}),
        ('26件', 26, '件', '审结', {'topic': '行政诉讼案件'}),
        ('7.7%', 7.7, '%', '败诉率', {'topic': '行政诉讼案件'}),
        ('15件', 15, '件', '审结'),
    ]


def test_caption_unit_reaches_the_rows_below() -> None:
    text = ("表1 行政执法主要数据（单位：万元）\n罚没金额｜2023年：320.5｜2024年：356.4\n"
            "行政复议申请（件）｜2024年：178\n正文另起一段。\n行政复议｜2024年：9")
    facts = chunk_facts(text)
    assert [(f.text, f.value, f.unit, f.display) for f in facts] == [
        ("320.5", 3205000, "元", "320.5万元"), ("356.4", 3564000, "元", "356.4万元"),
        ("178", 178, "件", "178件"), ("9", 9, "", "9")]


def test_heading_is_the_topic_of_last_resort() -> None:
    facts = chunk_facts("全年受理152件，审结140件。\n主要指标：行政复议申请178件，受理152件",
                        "一、主要举措 > （二）行政复议")
    assert [(f.text, f.indicator, f.topic) for f in facts] == [
        ("152件", "受理", "行政复议"), ("140件", "审结", "行政复议"),
        ("178件", "行政复议申请", ""), ("152件", "受理", "行政复议申请")]


def test_plan_section_marks_plans_with_its_year() -> None:
    facts = chunk_facts("全年引进律师事务所20家，培训执法人员3000人次。",
                        "四、2025年法治政府建设工作安排 > （三）做强法律服务业")
    assert [(f.text, f.plan, f.year) for f in facts] == [("20家", True, 2025), ("3000人次", True, 2025)]


@pytest.mark.parametrize("text", [
    "行" * 1_000_000,
    "1" * 1_000_000,
    "全年受理" + "，" * 500_000 + "案件12件",
    "九" * 300_000 + "家" + "由" * 300_000,
    "“" * 300_000 + "12件" + "分别" * 100_000,
    "2023年《" * 150_000,
    "行政复议：" + "、" * 500_000 + "12件",
], ids=["cjk", "digits", "commas", "numerals", "quotes", "years", "colon"])
def test_linear_time_on_a_megabyte(text: str) -> None:
    t0 = time.perf_counter()
    chunk_facts(text)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("unit", ["由4家增加至7家，", "分别为12件、", "其中受理12件，"])
def test_linear_time_in_figures(unit: str) -> None:
    """Text made of nothing but figures: time grows with the number of figures, not its square."""
    def best(n: int) -> float:
        runs = []
        for _ in range(2):
            t0 = time.perf_counter()
            chunk_facts(unit * n)
            runs.append(time.perf_counter() - t0)
        return min(runs)

    assert best(16_000) < 16 * best(2_000)  # 8 times the text: linear ~8, quadratic ~64


# --- tables in loaders ---------------------------------------------------------------

YEAR_TABLE = [["指标", "2023年", "2024年", "同比"],
              ["行政复议申请（件）", "150", "178", "18.7%"],
              ["罚没金额（万元）", "320.5", "356.4", "11.2%"]]
TWO_LINE_HEADER = [["指标", "2023年", None, "2024年", None],
                   ["", "受理", "审结", "受理", "审结"],
                   ["行政复议", "150", "140", "178", "160"]]
EXPECTED_ROWS = [
    "行政复议申请（件）｜2023年：150｜2024年：178｜同比：18.7%",
    "罚没金额（万元）｜2023年：320.5｜2024年：356.4｜同比：11.2%",
    "行政复议｜2023年受理：150｜2023年审结：140｜2024年受理：178｜2024年审结：160",
]


def _check_year_rows(texts: list[str]) -> None:
    rows = [t for t in texts if "｜" in t]
    assert rows == EXPECTED_ROWS
    facts = [f for row in rows for f in table_row_facts(row)]
    by = {(f.indicator, f.topic, f.year, f.change): (f.value, f.unit) for f in facts}
    assert by[("行政复议申请", "", 2023, "")] == (150, "件")
    assert by[("行政复议申请", "", 2024, "")] == (178, "件")
    assert by[("行政复议申请", "", None, "increase")] == (18.7, "%")
    assert by[("罚没金额", "", 2024, "")] == (3564000, "元")
    assert by[("审结", "行政复议", 2023, "")] == (140, "")
    assert by[("受理", "行政复议", 2024, "")] == (178, "")


def test_render_table_keeps_meaningful_headers() -> None:
    assert render_table(YEAR_TABLE + []) == EXPECTED_ROWS[:2]
    assert render_table(TWO_LINE_HEADER) == EXPECTED_ROWS[2:]
    assert render_table([["项目", "完成情况"], ["持证率", "97.5%"]]) == ["持证率：97.5%"]
    assert render_table([["项目", "2024年"], ["持证率", "97.5%"]]) == ["持证率｜2024年：97.5%"]
    assert render_table([["项目", "金额（万元）"], ["罚没金额", "356.4"]]) == [
        "罚没金额｜金额（万元）：356.4"]
    assert render_table([["序号", "指标", "数量（件）"], ["1", "行政复议", "150"],
                         ["2", "行政诉讼", "30"]]) == ["行政复议｜数量（件）：150", "行政诉讼｜数量（件）：30"]
    # rows are years, columns indicators
    assert render_table([["年度", "行政复议（件）", "行政诉讼（件）"], ["2023年", "150", "30"]]) == [
        "2023年｜行政复议（件）：150｜行政诉讼（件）：30"]
    # a label merged over rows (html rowspan) reaches every row it spans
    assert render_table([["项目", "年度", "数量（件）"], ["行政复议", "2023年", "150"],
                         ["", "2024年", "178"]]) == [
        "行政复议｜年度：2023年｜数量（件）：150", "行政复议｜年度：2024年｜数量（件）：178"]
    # no header row: the first row is data too
    assert render_table([["行政复议申请", "178件"], ["持证率", "97.5%"]]) == [
        "行政复议申请：178件", "持证率：97.5%"]
    # a cell's ； never splits the row into two sentences
    assert render_table([["项目", "受理", "备注"], ["复议", "5件", "线上；线下"]]) == [
        "复议｜受理：5件｜备注：线上，线下"]


def test_docx_year_columns_and_two_line_header(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("一、主要数据", level=1)
    for rows in (YEAR_TABLE, TWO_LINE_HEADER):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value:
                    table.cell(r, c).text = value
        if rows is TWO_LINE_HEADER:
            table.cell(0, 1).merge(table.cell(0, 2))
            table.cell(0, 3).merge(table.cell(0, 4))
            table.cell(0, 0).merge(table.cell(1, 0))  # 指标 spans both header lines
    document.add_paragraph("表后正文。")
    path = tmp_path / "表格.docx"
    document.save(str(path))
    _check_year_rows([b.text for b in load_blocks(path)])


_HTML_TABLES = """<html><head><meta charset="utf-8"><title>某区2024年法治政府建设年度报告</title></head>
<body><article><h1>某区2024年法治政府建设年度报告</h1>
<p>2024年，某区坚持以习近平法治思想为指导，全面推进法治政府建设，各项工作取得明显成效，现将有关情况报告如下。</p>
<table border="1"><tr><th>指标</th><th>2023年</th><th>2024年</th><th>同比</th></tr>
<tr><td>行政复议申请（件）</td><td>150</td><td>178</td><td>18.7%</td></tr>
<tr><td>罚没金额（万元）</td><td>320.5</td><td>356.4</td><td>11.2%</td></tr></table>
<p>全年共收到行政复议申请178件，受理152件，审结140件，行政复议工作规范有序推进，群众满意度持续提升。</p>
<table border="1"><tr><th rowspan="2">指标</th><th colspan="2">2023年</th><th colspan="2">2024年</th></tr>
<tr><th>受理</th><th>审结</th><th>受理</th><th>审结</th></tr>
<tr><td>行政复议</td><td>150</td><td>140</td><td>178</td><td>160</td></tr></table>
<p>下一步，我们将继续深化法治政府建设，为经济社会高质量发展提供坚实法治保障。</p>
</article></body></html>"""


@pytest.mark.parametrize("own_only", [False, True])
def test_html_year_columns_rowspan_and_colspan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               own_only: bool) -> None:
    if own_only:
        monkeypatch.setattr(html_loader, "_trafilatura_blocks", lambda doc, name: None)
    path = tmp_path / "report.html"
    path.write_text(_HTML_TABLES, encoding="utf-8")
    _check_year_rows([b.text for b in load_blocks(path)])


def test_pdf_year_columns_and_two_line_header(tmp_path: Path) -> None:
    ops, y = paragraph_ops(["某区2024年法治政府建设年度报告", "一、主要数据",
                            "全年共收到行政复议申请178件，受理152件。"], 800)
    first, y = table_ops(YEAR_TABLE, y - 10)
    second, y = table_ops(TWO_LINE_HEADER, y - 30)
    tail, _ = paragraph_ops(["表后正文。"], y - 10)
    path = write_pdf(tmp_path / "report.pdf", [ops + first + second + tail])
    blocks = load_blocks(path)
    _check_year_rows([b.text for b in blocks])
    assert all(b.page == 1 for b in blocks)


# --- the store ------------------------------------------------------------------------

REPORT = """某区2024年法治政府建设年度报告

一、主要举措和成效

（一）行政复议

全年共收到行政复议申请178件，受理152件，审结140件，其中维持98件。全区律师事务所由4家增加至7家。

| 指标 | 2023年 | 2024年 |
|---|---|---|
| 罚没金额（万元） | 320.5 | 356.4 |
"""


def test_facts_survive_the_store_and_leave_with_their_report(tmp_path: Path, hash_settings) -> None:
    from ingest.pipeline import Ingestor
    from vectorstore.factory import open_store

    path = tmp_path / "某区_2024.md"
    path.write_text(REPORT, encoding="utf-8")
    store = open_store(hash_settings)
    (result,) = Ingestor(store).ingest([path])
    assert result.status == "added"

    reopened = open_store(hash_settings)  # a fresh snapshot read back from Chroma
    chunks = reopened.chunks()
    facts = [f for c in chunks for f in c.facts()]
    by = {(f.indicator, f.topic, f.year, f.role): f for f in facts}
    assert by[("受理", "行政复议申请", None, "")].text == "152件"
    assert by[("律师事务所", "", None, "after")].value == 7
    money = by[("罚没金额", "", 2024, "")]
    assert (money.value, money.unit, money.table, money.display) == (3564000, "元", True, "356.4万元")
    assert all(f.source in c.text for c in chunks for f in c.facts())

    found = search_facts(chunks, "罚没金额", year=2023)
    assert [(x.fact.text, x.year, x.record.region) for x in found] == [("320.5", 2023, "某区")]
    assert [x.fact.text for x in search_facts(chunks, "行政复议", year=2024)] == [
        "178件", "152件", "140件", "98件"]

    twice = search_facts([*chunks, *chunks], "罚没金额")
    assert [x.fact.text for x in twice] == ["320.5", "356.4"]

    reopened.delete_document(result.document.doc_id)
    assert open_store(hash_settings).chunks() == []


_ALPHABET = ("0123456789.,%％万亿余多近约超过以上由从增加至同比下降其中分别为、，。；：｜“”《》（）"
             "第年月日件家个名人次元率受理审结行政复议一二三四五六七八九十百千两点之\n ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120), st.text(alphabet=_ALPHABET, max_size=20))
def test_any_text_gives_well_formed_facts(text: str, heading: str) -> None:
    facts = chunk_facts(text, heading)
    for f in facts:
        assert f.source in text and f.source[f.start:f.end] == f.text
        assert f.value == f.value and f.value >= 0  # not NaN, not negative
    assert facts_from_json(facts_to_json(facts, text), text) == facts
