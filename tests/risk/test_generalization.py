"""Behaviours added so the recognizers generalise beyond the dev set: broader vocabulary, person
profiles and tables, markings in new positions — and the look-alikes they must leave alone.

Every example is invented for this file.
"""

import pytest

from tests.assertions import assert_found, findings, make_card, make_id, review


# ---- found ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, type_, part, title", [
    # social assistance statuses of a named person (broader vocabulary)
    ("以下学生拟获补助：\n郑雨欣，女，11岁，五年级，脱贫家庭学生；", "social_assistance", "脱贫家庭", "家庭经济困难学生补助名单"),
    ("经审核，居民钟国平享受困难残疾人生活补贴。", "social_assistance", "享受困难残疾人生活补贴", ""),
    # names in a list whose columns are separated by ideographic spaces, after a place
    ("拟将以下家庭纳入低保：\n1. 青石社区　蒙德厚　家庭人口3人", "person_name", "蒙德厚", "低保新增对象公示"),
    # names in the name column of a tab-separated table of a privacy list
    ("现将名单公示如下：\n序号\t户主姓名\t保障类别\n1\t莫桂兰\t农村低保一类", "person_name", "莫桂兰", "最低生活保障新增对象公示"),
    ("现将名单公示如下：\n序号\t户主姓名\t保障类别\n1\t莫桂兰\t农村低保一类", "social_assistance", "农村低保", "最低生活保障新增对象公示"),
    # an enumeration after a sensitive role: every name
    ("社区矫正对象卢德胜、闭海燕、农志刚参加了公益劳动。", "person_name", "农志刚", ""),
    # the name repeated in the next sentence links the attribute
    ("走访组来到独居老人廖秀珍家中。廖秀珍今年86岁，患有慢性心力衰竭。", "health", "患有慢性心力衰竭", ""),
    ("走访组来到独居老人廖秀珍家中。廖秀珍今年86岁，患有慢性心力衰竭。", "person_name", "廖秀珍", ""),
    # a diagnosis runs to the end of its clause, across 、
    ("患者鲍志远，经医院诊断为左手拇指、食指粉碎性骨折，已出院。", "health", "诊断为左手拇指、食指粉碎性骨折", ""),
    # an illness of a family member
    ("农户黎金山，妻子患慢性肾病长期透析，家庭困难。", "health", "妻子患慢性肾病长期透析", ""),
    # religion stated in a letter's salutation
    ("覃玉兰（壮族，信仰基督教）：\n您的来信收悉。", "religion", "信仰基督教", ""),
    ("覃玉兰（壮族，信仰基督教）：\n您的来信收悉。", "person_name", "覃玉兰", ""),
    # minors by a profile age ("，女，13岁") and by a statement of age
    ("学生名单：\n宁思远，男，12岁，六年级；", "minor", "宁思远，男，12岁", "寄宿生生活补助"),
    ("因黄某某未满十四周岁，依法不予处罚。", "minor", "未满十四周岁", ""),
    # the labelled party of a penalty decision
    ("当事人：龙海波，男，汉族\n违法事实：当事人在道路旁倾倒渣土。处罚决定：罚款人民币3000元。", "person_name", "龙海波",
     "行政处罚决定书"),
    # a whistleblower named before 实名举报
    ("我局接到甘文华（联系电话见档案）实名举报，反映某砂场非法采砂。", "whistleblower", "甘文华", ""),
    # draft stage closing a bracketed note, and the body's mentions once the title marks the draft
    ("附件：《某市停车管理条例（修订草案送审稿）》", "draft_marking", "送审稿", ""),
    ("本意见经各单位讨论后形成讨论稿。", "draft_marking", "讨论稿", "关于某项工作的意见（讨论稿）"),
    # trade-secret markings heading a document or after an item
    ("商业秘密　请勿外传\n企业名称：某某精密机械有限公司", "trade_secret_marking", "商业秘密　请勿外传", ""),
    ("申请材料：2. 生产工艺说明（商业秘密）；3. 安全评价报告。", "trade_secret_marking", "商业秘密", ""),
    # cost breakdowns: unit price times quantity, and items on the lines after their heading
    ("成交金额：98万元（其中：服务器单价6,200元/台×40台，交换机单价2,100元/台×20台，UPS单价8,800元/台×5台）",
     "bid_price_breakdown", "服务器单价6,200元", ""),
    ("附：报价明细\n1. 路灯　300套　单价2,150元　小计645,000元\n2. 电缆　8公里　单价38,000元　小计304,000元\n"
     "3. 配电箱　12台　单价5,600元　小计67,200元", "bid_price_breakdown", "单价2,150元", ""),
    ("附件：成本构成\n人工费：每人每月4,800元×60人；车辆折旧：每月3.2万元；管理费率7%；利润率4%",
     "bid_price_breakdown", "管理费率7%", ""),
    # personal evaluations written with quoted grades, or of a named (masked) person
    ("副科长孟某某：“优秀”票占41.2%，群众评价其作风漂浮、推诿扯皮。", "personal_evaluation", "群众评价其", ""),
    ("韦某试用期考核不合格，主要表现为工作拖沓。", "personal_evaluation", "试用期考核不合格", ""),
    # identifiers: 港澳居民来往内地通行证, card in groups of four, a home landline listed with a mobile
    ("港澳居民来往内地通行证号码：H12345678，补贴6000元。", "hk_macau_permit", "H12345678", ""),
    ("您留存的联系电话：13912345678、0755-26123456。", "landline", "0755-26123456", ""),
    ("户主｜补贴项目｜一卡通账号\n吕家旺｜耕地地力保护补贴｜6212 2600 0000 0000 019", "bank_card",
     "6212 2600 0000 0000 019", ""),
    # a company's account on the line below its bank, and in the 账号 column of a company table
    ("收款单位：某某生物科技有限公司\n开户银行：某银行高新支行\n银行账号：33050161234500001234", "bank_account",
     "33050161234500001234", ""),
    ("序号　企业名称　开户银行　银行账号\n1　某某物流有限公司　某银行城东支行　1208123456789012", "bank_account",
     "1208123456789012", ""),
    # addresses: property under a person's name, a township home, a patient's home
    ("权利人雷秀梅名下坐落于某市某区文华路8号华庭大厦2号楼1203室的房屋。", "address", "文华路8号华庭大厦2号楼1203室", ""),
    ("你于2024年在某县青山镇石塘村石塘路16号自家住宅楼顶搭建彩钢棚。", "address", "青山镇石塘村石塘路16号", ""),
    ("患者骆志明，男，51岁，住某县城关镇解放路27号，已隔离治疗。", "address", "某县城关镇解放路27号", ""),
    # a landline called a home phone after the number; an area code in brackets
    ("答复如下。你的联系方式：0731-86623145（住宅电话），请保持畅通。", "landline", "0731-86623145", ""),
    ("其固定电话(0412) 3367 295为住宅电话。", "landline", "(0412) 3367 295", ""),
    ("邓建华（联系电话0871-6402 318，住宅）。", "landline", "0871-6402 318", ""),
    # permit numbers: a newer series with a letter inside, the letter apart, a digits-only 台胞证
    ("朱晓岚，往来港澳通行证号码C73K51926；", "hk_macau_permit", "C73K51926", ""),
    ("持证人韦佳琪，证号L 5820 7143，请持证人认领。", "hk_macau_permit", "L 5820 7143", ""),
    ("旅客林佩君（台湾居民来往大陆通行证号0736 4182）未申报现金。", "hk_macau_permit", "0736 4182", ""),
    # a labelled mobile in an odd grouping; a valid card broken across a line
    ("退役军人郝建国（联系电话13871 5206 49）。", "mobile", "13871 5206 49", ""),
    ("补偿款12万元，收款账户62170012\n34567890122；", "bank_card", "62170012\n34567890122", ""),
    # the document is the record: its name alone on the heading line
    ("询问笔录\n询问时间：2025年3月2日9时\n询问地点：某所办公室", "enforcement_record", "询问笔录", ""),
    ("某县市场监督管理局现场检查笔录（第1页）\n检查时间：2025年3月2日", "enforcement_record", "现场检查笔录", ""),
    # a name right before a bracket stating something private, whatever stands before the name
    ("二是为冉海波（吸毒被强制隔离戒毒期满）联系了就业岗位。", "person_name", "冉海波", ""),
    ("三是苟老三（患阿尔茨海默病）护理等级偏低。", "health", "患阿尔茨海默病", ""),
    # rarer surnames (rules' own list), and a statement that starts after its person
    ("此次慰问困难群众，其中撒文贵（信仰伊斯兰教，患糖尿病）。", "person_name", "撒文贵", ""),
    ("来信反映的东坪村鲜于春兰信仰基督教。", "person_name", "鲜于春兰", ""),
    # a letter answering the addressee's report: the addressee is the whistleblower
    ("甘秀琴女士：\n你于2025年6月3日向我局举报某建材市场经营问题，现答复如下。", "whistleblower", "甘秀琴", ""),
    # an illness that struck, an infection
    ("一、郑德顺，因突发脑溢血住院致家庭生活困难，给予临时救助2000元；", "health", "突发脑溢血住院", ""),
    # names padded with spaces to line up (compound surnames too), a grade cell beside the name
    ("会议通报了辖区邓　琳（11岁，城北小学五年级学生）遭受家庭暴力一案。", "person_name", "邓　琳", ""),
    ("本周新接收社区矫正对象3名：第五　凯（危险驾驶罪，缓刑一年）、宋辉。", "person_name", "第五　凯", ""),
    ("学校|学生姓名|年级|资助类别\n某县第三中学|鲁 欣 怡|初二（3）班|脱贫户家庭学生", "person_name", "鲁 欣 怡", ""),
    # a landline given after its private owner's name or as an owner's kept number; spaced e-mail; HK permit 4-4-2
    ("熊建军联系电话：(0713) 8356 217\n开户银行：某银行", "landline", "(0713) 8356 217", ""),
    ("业主留存电话：024－2341 8862", "landline", "024－2341 8862", ""),
    ("俞晓玲，联系邮箱 yxl_0611 @ outlook.com（报失登记时留存）", "email", "yxl_0611 @ outlook.com", ""),
    ("往来内地通行证号码：H 1029 3847 01", "hk_macau_permit", "H 1029 3847 01", ""),
    # a list item headed by its village group; a reply letter's 你 is its addressee
    ("拟将以下家庭纳入农村最低生活保障：\n天堂镇大岭村5组 欧阳满福 保障人口3人", "person_name", "欧阳满福", ""),
    ("周建华：\n你于2025年3月12日反映的“要求解决工伤致腰椎骨折后遗症的医疗费用”问题收悉。", "health", "腰椎骨折后遗症", ""),
    # a role word read first does not hide the report that follows
    ("4月2日，群众苏晓明（住城东社区）实名举报某化工企业夜间偷排废水。", "whistleblower", "苏晓明", ""),
    # an address anchored on 5号 runs on over 楼2单元301室
    ("经查，当事人住北京市朝阳区安贞里5号楼2单元301室。", "address", "北京市朝阳区安贞里5号楼2单元301室", ""),
    # 栋-单元-室 written with hyphens after a residential complex
    ("承租房屋：新城区海拉尔东街丽苑小区14-2-601\n承租人：某某", "address", "新城区海拉尔东街丽苑小区14-2-601", ""),
    # a record written as label：value lines is one statement: its 病种 line is said of its 姓名 line
    ("姓名：欧阳秀兰\n病种：慢性肾功能衰竭（尿毒症期）\n救助金额：12000元", "health", "慢性肾功能衰竭（尿毒症", ""),
    ("姓名：欧阳秀兰\n病种：慢性肾功能衰竭（尿毒症期）\n救助金额：12000元", "person_name", "欧阳秀兰", ""),
    # a record line's label says what its value is, even a value no word list knows
    ("姓名：孙　磊\n病种：色盲\n救助金额：200元", "health", "色盲", ""),
    ("申请人：王建国\n保障类别：农村低保一类\n联系电话：13812345678", "social_assistance", "农村低保一类", ""),
    # a work secret claimed by the document, an internal telegram, an attached record
    ("本文件属工作秘密，不得擅自公开。", "internal_marking", "工作秘密", ""),
    ("（此页无正文）\n内部明电\n各县（市、区）：", "internal_marking", "内部明电", ""),
    ("附件3：现场检查笔录（复印件）", "enforcement_record", "现场检查笔录", ""),
    # a role word covers a comma-separated list of names
    ("经审核，本季度享受医疗救助人员为：安芳，顾德爱，晁杰梅，邹爱思。以上人员均为低保对象。", "person_name", "晁杰梅", ""),
    # a petition reply's addressee (after a 文号 line); a plate typed with a hyphen; a landline listed with a mobile
    ("某信复〔2025〕第0356号\n邝素云：\n    你于2025年7月3日反映的小区噪声问题收悉。", "person_name", "邝素云", ""),
    ("白色五菱面包车，号牌宁A-6M218，车主饶某。", "plate", "宁A-6M218", ""),
    ("因多次拨打你登记的联系电话0371-6593 8107、13673991864均无人接听。", "landline", "0371-6593 8107", ""),
    # a name right after a kind of person (务工人员, 保育员, 村民); a padded name before its predicate; injuries
    ("另有外来务工人员马哈西系穆斯林，反映就餐不便。", "person_name", "马哈西", ""),
    ("县第三中学初二（3）班学生甘  雨多次被同班同学殴打，致左耳鼓膜穿孔。", "person_name", "甘  雨", ""),
    ("城南街道居民苗淑兰来信反映其丈夫葛大明酗酒后多次实施家庭暴力致其轻微伤。", "health", "致其轻微伤", ""),
    # a three-character reading that runs into a word is the two-character name
    ("村民代表大会研究决定，农户王明申请低保。", "person_name", "王明", ""),
    # a passport's letter apart from its digits; an ID broken across an indented line of a table
    ("归国人员，护照号E 8472 6193，个人邮箱另附。", "passport", "E 8472 6193", ""),
    ("束  华  男  1985年  371523198507\n    300911\n34  束莹莹", "id_card", "371523198507\n    300911", ""),
    # a report made "through" something by a name opening its clause; a record quoted with a lead-in
    ("2025年1月，寇明礼通过12345热线举报国道旁非法采砂。", "whistleblower", "寇明礼", ""),
    ("经查，附《现场检查笔录》主要内容：检查人员毛某在场。", "enforcement_record", "现场检查笔录", ""),
    # a level with its term on one line, a star before the level, a minor said in words
    ("密级：秘密　　保密期限：10年\n各乡镇：", "secrecy_marking", "密级：秘密　　保密期限：10年", ""),
    ("★秘密\n各单位：\n现将有关事项通知如下。", "secrecy_marking", "★秘密", ""),
    ("患者沙丽娜（未成年，监护人为其外祖母），因艾滋病住院治疗。", "minor", "沙丽娜（未成年", ""),
    # a classification mark typed with another star
    ("机密▲\n市直各有关部门：\n现将有关事项通知如下。", "secrecy_marking", "机密▲", ""),
    # records a report says were made, named one after another or in title quotes
    ("执法人员赴现场勘测，并制作了现场勘测笔录和询问笔录。", "enforcement_record", "询问笔录", ""),
    ("执法人员对该店进行突击检查，并制作《现场检查笔录》。", "enforcement_record", "现场检查笔录", ""),
    # a private landline: an em dash inside it, a role and its fixed-line label, a number somebody left
    ("来访人要求电话回复，住宅电话0931—8826419。", "landline", "0931—8826419", ""),
    ("监护人固定电话0592－5536628，请核对。", "landline", "0592－5536628", ""),
    ("经联系，该家属留下的电话为0531-86915277。", "landline", "0531-86915277", ""),
    ("来信人住某村下屋组16号，留存固定电话0797-8163549。", "landline", "0797-8163549", ""),
    # a home with no house number after a home label: a building and its flat, a natural village
    ("当事人：某某，现住：云岩区安云路锦绣花园C栋8-2，家庭人口2人。", "address", "云岩区安云路锦绣花园C栋8-2", ""),
    ("患者某某，男，50岁，现住合浦县廉州镇西塘村委会上坡村，务农。", "address", "合浦县廉州镇西塘村委会上坡村", ""),
    # a grade written before the kind of disability; conditions the medical word list lacks
    ("特困人员：石某某，男，70岁，二级肢体残疾，分散供养。", "health", "二级肢体残疾", ""),
    ("经鉴定，工人鲍金宝被诊断为职业性矽肺二期，已申请工伤认定。", "health", "矽肺", ""),
    ("经核实，受助人员江小禾患有轻度智力障碍。", "health", "智力障碍", ""),
    # a Tibetan name whose opening syllable shares its first character with a surname; a longer profile
    # word in the child's bracket; a birth year less than eighteen years before the document's date
    ("二、卓玛拉姆（14岁，初二学生）经常随母亲参加转经活动。", "minor", "卓玛拉姆（14岁，初二学生）", ""),
    ("参加聚会人员中包括吴雨晴（吴建华之女，15岁）。", "minor", "吴雨晴（吴建华之女，15岁）", ""),
    ("2024年困境儿童新增公示：\n1. 吴欣然，女，2016年出生，父母一方重残。", "minor", "吴欣然，女，2016年出生", ""),
    # the title dates the document
    ("1. 吴欣然，女，2016年出生，父母一方重残。", "minor", "吴欣然，女，2016年出生", "2024年困境儿童新增公示"),
    # a price breakdown announced in a table's rows, in brackets, or after 其中
    ("成交供应商报价明细：\n| 分项 | 金额（万元） |\n| 木结构修缮 | 72.4 |\n| 石板路铺设 | 41.8 |\n| 给排水改造 | 38.6 |",
     "bid_price_breakdown", "木结构修缮", ""),
    ("合同附件：分项报价表（秩序维护72万元、保洁48万元、绿化18万元）。", "bid_price_breakdown", "秩序维护72万元", ""),
    ("中标人提供了成本说明，其中平板单台进货价5820元、安装调试费180元、三年维保折算320元。", "bid_price_breakdown",
     "平板单台进货价5820元", ""),
    # Hui and Zhuang surnames (敏, 禄, 侬) after a relative's word
    ("经查，你反映你父亲敏守信生前系某寺管委会成员。", "person_name", "敏守信", ""),
    # religious practice said of a named person
    ("经核实，村民卓玛央金经常随母亲参加转经、煨桑等活动。", "religion", "转经、煨桑", ""),
    # the persons of a case named by a pupil word, said to be under age
    ("经调查处理：三名涉事学生均未满十四周岁，由学校批评教育。", "minor", "未满十四周岁", ""),
])
def test_found(text, type_, part, title):
    assert_found(text, type_, part, title=title)


# ---- not found ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, type_, title", [
    # an aggregate report is not a person's status
    ("全县共有特困供养人员512人，发放困难残疾人生活补贴380万元。", "social_assistance", ""),
    # honorees listed under their school are not pupils
    ("附件：优秀教师名单\n县实验小学：谭丽君　孔德明", "minor", "关于表彰优秀教师的决定"),
    # a word after a role that is not a name
    ("已责令其监护人严加管教。", "person_name", ""),
    ("其中学生计算机单价4,100元。", "minor", ""),
    # a company as the party of a penalty
    ("当事人：某市某某餐饮管理有限公司\n违法事实：销售过期食品。", "person_name", "行政处罚决定书"),
    # "当事人应…" in a penalty decision is not a name
    ("当事人应自收到本决定书之日起十五日内缴纳罚款。", "person_name", "行政处罚决定书"),
    # negated detention
    ("因黄某某未满十四周岁，依法不予行政拘留。", "criminal_record", ""),
    # a statement that prices are withheld is not a marking
    ("（分项报价涉及投标人商业秘密，依法不予公开）", "trade_secret_marking", ""),
    # a title announcing excellent grades is not an evaluation; nor a citizen "反映其…"
    ("", "personal_evaluation", "关于2024年度考核优秀等次人员的公示"),
    ("来电人反映其居住的小区楼下饭店油烟扰民。", "personal_evaluation", ""),
    # exam ticket numbers that look like mobiles, inline and in a table column
    ("准考证号：13601020315，笔试成绩72.5分。", "mobile", ""),
    ("姓名｜准考证号｜成绩\n蔡雨晴｜13601020316｜80.5", "mobile", ""),
    # a card split 4-4-4-4-3 is not a mobile in its last groups
    ("补贴账号：6230 5811 1873 2405 617", "mobile", ""),
    # an agency's seat after its name, and an office address followed by the office
    ("被申请人：某市某区市场监督管理局，住所地：某市某区文化路90号。", "address", ""),
    ("异议材料送达地址：某市某区新城大道88号政务服务中心二楼", "address", ""),
    # a building or entrance named as a project location is not a flat
    ("现将牛角路9号院3栋2单元既有住宅增设电梯项目公示如下。", "address", ""),
    # a quoted marking inside a news sentence
    ("每一份试卷袋均贴有“绝密★启用前”标识，实行双人双锁。", "secrecy_marking", ""),
    # a design draft in a tender is not a draft marking
    ("设计初稿须在合同签订后20日内提交。", "draft_marking", ""),
    # an office number with a bracketed area code; a number that is not called a permit
    ("咨询电话：（0731）8662 3145（工作日）", "landline", ""),
    ("合同编号12345678，项目编号C2025K0012。", "hk_macau_permit", ""),
    # an unlabelled digit run in odd groups is not a mobile; an invalid "card" across lines is two numbers
    ("统计数13871 5206 49", "mobile", ""),
    ("电话65250460\n65594125", "bank_card", ""),
    # a letter to a person who applied for information is no report; "向我局" is no name
    ("甘秀琴女士：\n你申请公开的政府信息答复如下。", "whistleblower", ""),
    ("你于2025年6月3日向我局举报某建材市场经营问题。", "whistleblower", ""),
    # an office's phone after the office's name, or after an official
    ("县民政局联系电话：0311-86027733", "landline", ""),
    ("联系人王科长，联系电话：0311-86027733", "landline", ""),
    # words read as names: a surname and a frequent word ("公民有"), a class before padding, a column label
    ("根据有关条例，公民有宗教信仰自由，但不得强迫他人信教。", "person_name", ""),
    ("开庭排期\n日期  案号  申请人  被申请人  仲裁庭\n12月9日  劳人仲案88号  某某  某公司  第一庭", "person_name", ""),
    # a religion's word in general, a hospital department, a disease's control work
    ("经核实，其家中供奉佛像属于个人宗教信仰范畴，未组织聚会。", "religion", ""),
    ("患儿尚小川目前仍在市第一医院烧伤科接受治疗。", "health", ""),
    ("村民鲍一鸣参加了村里的结核病防控工作宣传。", "health", ""),
    # an adult's birth year
    ("2024年困境儿童新增公示：\n2. 杨俊峰，男，1978年出生，系监护人。", "minor", ""),
    # another adult's birth year does not date the document: the appointee born two years earlier is no child
    ("拟调任：\n邝立群，男，1990年5月生，现任镇党政办科员；\n聂晓燕，女，1992年8月生，拟调任县财政局科员。", "minor", ""),
    ("新增高龄津贴人员：\n阎桂芝，女，1937年生；\n甘茂林，男，1935年生，住东风中路226号。", "minor", ""),
    # meeting the conditions of a scheme is no status yet
    ("经核实，郝建平家庭医疗支出超过家庭收入，符合临时救助条件。", "social_assistance", ""),
    # a neighbour "living in the same unit" is no address
    ("你通过信箱反映，居住在同一单元的邻居在楼顶饲养鸽子。", "address", ""),
    # an age limit that defines a category, not a person's age
    ("本规定所称未成年人是指未满十八周岁的公民。", "minor", ""),
    ("特困人员（未满16周岁的，可延至18周岁）按月领取供养金。", "minor", ""),
    ("被执行人：焦某某，男，汉族\n执行依据：（2023）甘0102民初8421号\n承办法官：柯文杰  联系电话：0931-8815299", "landline", ""),
    # a housing-subsidy payout names its households by rule (no low-income status stated); a court's 被执行人
    ("现将农村危房改造补助资金兑付情况公示如下：\n东山镇 普成平 原址翻建 补助28000元", "person_name", ""),
    ("被执行人：宗建栋，男，1976年5月21日出生。现向社会征集其财产线索。", "person_name", ""),
    # a letter to an organisation ("你单位") says nothing private of the person heading it
    ("周建华：\n你单位报送的材料中提到加强尿毒症防治。", "health", ""),
    # a hyphenated code that follows no residential complex
    ("项目编号2024-1-1001，标段3-2-105。", "address", ""),
    # in a record that also gives a home address, an office's own labelled number stays
    ("当事人住址：某县某路5号3单元201室\n车辆：白色小型普通客车\n执法大队电话：0532-88996215", "landline", ""),
    # a contact block says nothing private
    ("联系人：张科长\n联系电话：0771-2345678\n办公地址：某路1号", "landline", ""),
    # a label with no value, or a label inside prose, states nothing
    ("病种：无\n姓名：王建国", "health", ""),
    ("参保人员申报病种：高血压等慢性病门诊用药。", "health", ""),
    # work secrets as a topic of prose
    ("工作人员不得泄露国家秘密和工作秘密。", "internal_marking", ""),
    # an office number listed with a mobile
    ("咨询电话：0371-65938107、13673991864", "landline", ""),
    # an aggregate of cases says nothing of a person
    ("全县新增阳性病例3例，职工食堂加强消毒。", "health", ""),
    # a code that is not called a passport
    ("项目编号E 8472 6193。", "passport", ""),
    # an office that passes a report on is no whistleblower; a record cited as evidence is not quoted
    ("2025年1月，县局通过12345热线举报受理平台转办。", "whistleblower", ""),
    ("本案有《询问笔录》等证据证实。", "enforcement_record", ""),
    # official, school-bus and company vehicles; a fuel card; an office's seat in brackets after its name
    ("一、公务用车统一由办公室调度，车牌贵A·G1738、贵A·D82106为执法执勤用车。", "plate", ""),
    ("- 校车号牌：鄂A·D37651；驾驶人：覃志勇", "plate", ""),
    ("三、车辆加油卡号1000113200012437659由办公室统一保管。", "bank_card", ""),
    ("联系地址：锦江区城市管理综合执法大队（锦江区东华门街28号），咨询电话028-86659012。", "address", ""),
    # a blank form's sample mobile; a published duty mobile; a phone beside an account is no account
    ("联系电话：13800000000（示例）", "mobile", ""),
    ("区住建局 0851-85812420（值班手机13398512345，24小时）", "mobile", ""),
    ("对公账户由机构提供，联系电话0951-6718825", "bank_account", ""),
    # the two ends of a range of numbers in a 号段 notice are nobody's numbers
    ("新增号段公告：\n中国移动：1987310 0000—1987319 9999\n中国电信：1733110 0000至1733119 9999", "mobile", ""),
    # a space between a surname and the next word is no padded name
    ("低保对象 王 主任 说明情况。", "person_name", ""),
    ("依照本法第五 条规定办理。", "person_name", ""),
    # a bracket after a policy word is no person's statement
    ("加强慢性病（高血压、糖尿病）规范管理。", "person_name", ""),
    ("开展重点人群（艾滋病感染者）随访服务。", "person_name", ""),
    # a record named inside a sentence is a piece of evidence, not the document
    ("经查，有询问笔录、现场检查笔录等证据为证。", "enforcement_record", ""),
])
def test_not_found(text, type_, title):
    result = review(text, title)
    assert not findings(result, type_) and not findings(result, type_, "title"), \
        [(f.type, f.text) for f in result.findings]


def test_masked_minor_is_flagged_on_the_age_without_masking_the_placeholder():
    result = review("将嫌疑人吴某某（男，15岁，系某中学学生）抓获。")
    minors = findings(result, "minor")
    assert minors and all("吴某某" not in f.text for f in minors)
    assert all(f.replacement is None for f in minors)


def test_minor_mask_keeps_the_age():
    result = review("学生名单：\n宁思远，男，12岁，六年级；", "寄宿生生活补助")
    # the child's name is a private name (masked); the minor finding spans name and age and masks nothing
    assert [(f.text, f.replacement) for f in findings(result, "person_name")] == [("宁思远", "宁**")]
    # (the grade after the age goes on with the child's profile)
    assert [(f.text, f.replacement) for f in findings(result, "minor")] == [("宁思远，男，12岁，六年级", None)]
    assert result.redacted["body"] == "学生名单：\n宁**，男，12岁，六年级；"


@pytest.mark.parametrize("text, name, statement", [
    ("经调查，小学四年级学生甘子墨（10岁）被电动自行车撞倒。", "甘子墨", "小学四年级学生甘子墨（10岁）"),
    ("典型案例：单小龙（9岁），其父因盗窃罪在省监狱服刑。", "单小龙", "单小龙（9岁）"),
    ("其中欧阳小宇为8岁儿童，患先天性心脏病。", "欧阳小宇", "欧阳小宇为8岁儿童"),
])
def test_named_child_is_a_private_name_inside_the_statement_that_says_it_is_a_child(text, name, statement):
    result = review(text)
    assert name in [f.text for f in findings(result, "person_name")], [(f.type, f.text) for f in result.findings]
    assert statement in [f.text for f in findings(result, "minor")], [(f.type, f.text) for f in result.findings]


def test_an_adult_age_or_a_college_student_is_no_minor_statement():
    for text in ("患者张三，45岁，患尿毒症。", "低保对象大学生王小明患白血病。"):
        assert not findings(review(text), "minor"), text


def test_id_in_a_table_row_is_still_an_identifier():
    number = make_id("330106", "19880415", "231")
    result = review(f"序号｜姓名｜身份证号\n1｜项光明｜{number}")
    assert [f.text for f in findings(result, "id_card")] == [number]


def test_a_statement_starts_after_the_person_it_is_about():
    result = review("西岭镇谯志远曾因吸毒被强制隔离戒毒二年。")
    assert [f.text for f in findings(result, "person_name")] == ["谯志远"]
    assert [f.text for f in findings(result, "criminal_record")] == ["曾因吸毒被强制隔离戒毒二年"]


def test_bracketed_statements_of_two_people_stay_apart_and_a_benefit_name_is_no_disability():
    result = review("现将拟享受残疾人两项补贴人员公示如下：杜金兰（视力一级）、覃小刚（智力二级）。")
    assert [f.text for f in findings(result, "health")] == ["视力一级", "智力二级"]
    assert [f.text for f in findings(result, "person_name")] == ["杜金兰", "覃小刚"]


def test_after_a_comma_a_description_of_the_person_is_no_further_name():
    assert [f.text for f in findings(review("低保对象王五，李村人，患病多年。"), "person_name")] == ["王五"]


def test_a_table_written_with_semicolons_is_a_table():
    body = ("姓名；住址；救助类别；金额\n阮小燕；某市某区解放路157号2栋1单元1102室；临时救助（急难型）；2000\n"
            "钱小五；某市某区龙泉村9组72号；临时救助（支出型）；2700")
    result = review(body, "临时救助对象公示")
    assert [f.text for f in findings(result, "person_name")] == ["阮小燕", "钱小五"]
    assert [f.text for f in findings(result, "social_assistance")] == ["临时救助（急难型）", "临时救助（支出型）"]
    # prose with semicolons is no table
    assert not review("一是加强领导；二是压实责任；三是强化督导；四是严格考核。").findings


def test_names_lined_up_with_two_spaces_in_a_space_aligned_table():
    body = ("以下人员拟认定为特困供养人员：\n  马  福    男   82岁   分散供养   全自理\n"
            "  丁  生 贵  男   67岁   集中供养   半护理\n  海秀英    女   79岁   分散供养   全护理")
    result = review(body, "特困人员认定公示")
    assert [f.text for f in findings(result, "person_name")] == ["马  福", "丁  生 贵", "海秀英"]
    assert [f.text for f in findings(result, "social_assistance")] == ["分散供养", "集中供养", "分散供养"]


def test_a_column_label_says_what_every_row_cell_is():
    body = ("姓名；残疾类别；残疾等级；补贴类别；所在村\n辜新明；肢体；一级；重度残疾人护理补贴；南山村\n"
            "阙小芳；智力；二级；困难残疾人生活补贴；北岭村")
    result = review(body, "残疾人两项补贴公示")
    assert [f.text for f in findings(result, "health")] == ["肢体", "一级", "智力", "二级"]
    assert [f.text for f in findings(result, "person_name")] == ["辜新明", "阙小芳"]  # not 南山村


def test_a_class_code_under_a_status_column_states_nothing():
    body = "户主姓名|保障类别|月保障金\n龙建军|B类|520\n石小梅|农村低保一类|610"
    assert [f.text for f in findings(review(body, "农村低保公示"), "social_assistance")] == ["农村低保一类"]


@pytest.mark.parametrize("body, name", [
    ("黄志鹏先生：\n您于2025年3月2日来电反映您母亲在我院住院期间的医疗费用问题。", "黄志鹏"),
    ("戚长顺：\n你于2025年4月7日来信反映你与邻居因宅基地界址发生纠纷一事。", "戚长顺"),
])
def test_the_addressee_of_a_petition_reply_is_a_private_name(body, name):
    result = review(body)
    assert [f.text for f in findings(result, "person_name")][:1] == [name]
    assert not findings(result, "whistleblower")


def test_the_addressee_of_a_reply_to_a_report_is_a_whistleblower():
    body = ("吴晓敏同志：\n您于2024年5月9日通过12345政务服务便民热线反映某中学教师有偿补课问题，我局高度重视，立即组织调查。"
            "\n经查，情况属实，已给予该教师警告处分。")
    result = review(body, "关于群众举报教师有偿补课问题的调查处理情况答复")
    assert [f.text for f in findings(result, "whistleblower")] == ["吴晓敏"]
    assert not findings(result, "person_name")


def test_grades_and_units_are_no_names():
    result = review("资助名单：高二（3）班学生林小雨、高三学生陈明，由儿童福利股负责发放。", "困难学生资助公示")
    assert {f.text for f in findings(result, "person_name")} == {"林小雨", "陈明"}


@pytest.mark.parametrize("body, name", [
    ("如江北村的钮 伟，2022年因吸毒被责令社区戒毒三年，经推荐就业。", "钮 伟"),   # after a village and 的
    ("村委会反映村民覃大勇长期外出务工，其子覃小龙（9岁）由祖父照顾。", "覃小龙"),     # a role, then the age
    ("课间，四年级学生某某与同班同学潘小川发生推搡，致潘小川左臂骨折。", "潘小川"),  # a classmate in an incident
])
def test_more_places_a_private_name_stands(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


def test_a_child_read_after_a_role_word_is_still_a_child():
    assert [f.text for f in findings(review("其子覃小龙（9岁）由祖父照顾。"), "minor")] == ["覃小龙（9岁）"]


def test_a_company_account_right_after_its_bank_branch():
    result = review("某某建设有限公司投标保证金退至 徽商银行合肥蜀山支行 522 1701 0210 0036 78。")
    assert [f.text for f in findings(result, "bank_account")] == ["522 1701 0210 0036 78"]


def test_a_list_item_read_first_after_a_neutral_role_is_still_a_list_item():
    body = "以下家庭自2026年11月起纳入城市最低生活保障，现予公示：\n户主：闵桂芳，家庭人口2人；\n户主：訾文武，家庭人口3人。"
    result = review(body, "城市最低生活保障新增对象公示")
    assert [f.text for f in findings(result, "person_name")] == ["闵桂芳", "訾文武"]


def test_a_list_of_people_serving_a_sentence_is_private():
    body = "经比对，以下人员因正在服刑，依规暂停领取养老保险待遇：\n钮大全，男，1959年生；\n薄永年，男，1961年生。"
    assert [f.text for f in findings(review(body), "person_name")] == ["钮大全", "薄永年"]


def test_a_name_followed_by_its_school_grade_is_a_child_even_after_a_neutral_role():
    result = review("李女士：您好！您反映的女儿邬晨曦（县一中高一（7）班学生）家庭困难问题已收悉。")
    assert [f.text for f in findings(result, "person_name")] == ["邬晨曦"]
    assert not findings(result, "minor")  # a grade alone: the pupil's private name says it


@pytest.mark.parametrize("body, name, title", [
    ("学校|学生姓名|年级|资助类别\n某县第三中学|鲁 欣 怡|初二（3）班|脱贫户家庭学生", "鲁 欣 怡", ""),
    ("资助名单如下：\n初二（3）班 颜若汐 脱贫家庭学生 625元", "颜若汐", ""),
    ("孤儿助学金名单：\n席可馨，高一学生，事实无人抚养儿童。", "席可馨", ""),
    ("经查，该生羊梓轩（初二（3）班）患有先天性心脏病。", "羊梓轩", ""),
    ("姓名\t学校\t年级\t资助类别\n俞欣悦\t城厢第二小学\t四年级\t特困供养家庭", "俞欣悦", "资助学生名单公示"),
    ("参与人员中包括村民邱淑芬（天主教徒）、邱国强等12人，其中邱国强系在校初中生。", "邱国强", ""),
    ("其子王小军系在校初二学生、患有癫痫需长期服药。", "王小军", ""),
])
def test_a_pupil_named_with_a_grade_alone_is_a_private_name_and_no_age_statement(body, name, title):
    """A school grade says who is a pupil, not the age: the name is the private finding (the pupil's list or what is
    said of them makes it one); a ``minor`` finding is where an age or birth date is stated."""
    result = review(body, title)
    assert name in [f.text for f in findings(result, "person_name")]
    assert not findings(result, "minor")


def test_a_grade_beside_an_age_or_birth_date_is_part_of_the_minor_statement():
    result = review("婚生子高子墨（2015年3月出生，现就读于某小学三年级）由上诉人抚养。")
    assert [f.text for f in findings(result, "minor")] == ["高子墨（2015年3月出生，现就读于某小学三年级）"]


def test_pupils_in_an_honour_notice_stay_named():
    assert not review("授予学生李小明（初二（3）班）优秀学生称号。", "关于表彰优秀学生的决定").findings


@pytest.mark.parametrize("body, name, minor", [
    ("其中病情较重的欧阳可欣（高一学生，16岁）曾入住ICU。", "欧阳可欣", "欧阳可欣（高一学生，16岁）"),   # grade before the age
    ("其中，仡彩霞（14岁，八年级）经多次家访已返校。", "仡彩霞", "仡彩霞（14岁，八年级）"),               # a rare surname
])
def test_children_named_in_briefings(body, name, minor):
    result = review(body)
    assert name in [f.text for f in findings(result, "person_name")]
    assert minor in [f.text for f in findings(result, "minor")]


def test_a_legal_aid_recipient_and_struggling_workers_are_private():
    assert [f.text for f in findings(review("案例：受援人晏春兰，低保户，因丈夫车祸身亡向肇事方索赔。"), "person_name")] == ["晏春兰"]
    body = "经审核，以下职工符合帮扶条件：\n宓建国，在档困难职工，帮扶金3000元；\n骆红英，在档困难职工，帮扶金3000元。"
    assert [f.text for f in findings(review(body), "person_name")] == ["宓建国", "骆红英"]


def test_a_bare_level_the_document_claims_for_itself_on_its_first_line():
    result = review("此件绝密 不得翻印\n近期我局对辖区内各类重点人员开展排查。")
    assert [f.text for f in findings(result, "secrecy_marking")] == ["绝密"]
    assert not findings(review("经审查，此件秘密等级已解除。"), "secrecy_marking")


def test_a_phone_beside_a_company_account_is_not_part_of_the_account():
    body = ("收款单位：某市某区康馨托养服务中心\n开户行：某银行某支行\n账　号：10200114500087316\n"
            "对公账户由机构提供，0951-6718825")
    assert [f.text for f in findings(review(body), "bank_account")] == ["10200114500087316"]


def test_a_disability_certificate_number_is_the_holders_id_number_and_two_digits():
    number = make_id("520102", "19820614", "237") + "43"  # 肢体, 三级
    result = review(f"序号|姓名|残疾人证号|补贴\n1|韦某某|{number}|120元")
    assert [f.text for f in findings(result, "id_card")] == [number]
    # twenty digits that are not an ID number and a kind/level stay
    assert not findings(review("统计编码 " + make_id("520102", "19820614", "237") + "93"), "id_card")
    assert not findings(review("项目编码 52010219820614237599"), "id_card")


@pytest.mark.parametrize("body, marking", [
    ("附件2：重点对象台账（密级：机密 期限：10年）\n请各单位专人领取。", "密级：机密 期限：10年"),
    ("密级：秘密，保密期限：5年\n关于某事项的报告", "密级：秘密，保密期限：5年"),
    ("内部★秘密\n今年全县共完成某项任务。", "内部★秘密"),
])
def test_a_level_with_its_term_and_a_starred_level_after_internal(body, marking):
    assert [f.text for f in findings(review(body), "secrecy_marking")] == [marking]


def test_the_levels_in_a_catalogue_column_headed_secrecy_level_are_markings():
    body = "序号|资料名称|比例尺|密级\n1|某县影像图|1:10000|公开\n2|某县控制点成果|—|机密\n3|某河道地形图|1:2000|秘密"
    assert [f.text for f in findings(review(body), "secrecy_marking")] == ["机密", "秘密"]
    # the same words in another column, in prose, are not markings
    assert not findings(review("序号|事项|说明\n1|保密自查|未发现泄露秘密情况\n2|培训|完成"), "secrecy_marking")


def test_a_private_contact_and_a_number_alone_in_brackets_are_personal_phones():
    assert [f.text for f in findings(review("车主联系人褚某某（15286470193）已电话告知。"), "mobile")] == ["15286470193"]
    assert [f.text for f in findings(review("紧急联系人：其子 152 8647 0193"), "mobile")] == ["152 8647 0193"]
    # a four-three-four grouping alone in brackets after a name
    assert [f.text for f in findings(review("家长代表（1528 647 0193）参加陪餐"), "mobile")] == ["1528 647 0193"]
    # an office's contact stays; a four-three-four grouping in running figures is no phone
    assert not findings(review("联系人：办公室褚某某 15286470193"), "mobile")
    assert not findings(review("共计 1528 647 0193 件"), "mobile")


@pytest.mark.parametrize("body, name, statement", [
    ("走访发现，住在金桂园小区的谈国梁患双相情感障碍多年，近期停药。", "谈国梁", "双相情感障碍"),
    ("另有暂予监外执行对象冼丽芬，因肝硬化失代偿正在住院治疗。", "冼丽芬", "肝硬化"),
])
def test_a_name_after_a_residential_compound_or_a_kind_of_supervised_person(body, name, statement):
    result = review(body)
    assert name in [f.text for f in findings(result, "person_name")]
    assert any(statement in f.text for f in findings(result, "health"))


def test_a_letter_to_a_comrade_answering_a_petition_names_a_petitioner():
    body = "晏德顺同志：\n你反映与邻居因排水沟发生争执一事，我所已组织调解。对方提出你曾因寻衅滋事被行政拘留五日。"
    result = review(body)
    assert [f.text for f in findings(result, "person_name")] == ["晏德顺"]
    assert findings(result, "criminal_record")
    # a letter of appointment to a comrade names nobody private
    assert not findings(review("晏德顺同志：\n经研究，决定任命你为办公室主任。"), "person_name")


def test_an_injury_record_states_health():
    body = "职工姓名：裘某某\n用人单位：某服装厂\n受伤经过：在缝纫车间作业时左手被针车扎伤。\n认定结论：属于工伤。"
    assert any("左手被针车扎伤" in f.text for f in findings(review(body, "工伤认定决定书"), "health"))


def test_a_summary_of_an_interview_record_is_part_of_the_enforcement_file():
    assert [f.text for f in findings(review("检查情况：现场发现问题。\n询问笔录摘要：当事人承认未核验证件。"), "enforcement_record")] == ["询问笔录"]
    assert not findings(review("以上事实有《询问笔录》等证据证实。"), "enforcement_record")


def test_an_evaluation_of_a_named_cadre_in_a_report():
    body = "经调查，群众反映的问题部分属实。调查组认为，该同志作风粗暴，群众基础差，不宜继续担任村委会主任。"
    assert findings(review(body), "personal_evaluation")


def test_unit_prices_in_a_price_breakdown():
    body = "成交供应商：某农产品配送中心\n报价明细：面粉3.10元/斤，菜籽油9.60元/斤，牛肉36.00元/斤，配送费按总价5%计取"
    assert findings(review(body), "bid_price_breakdown")


def test_a_companys_account_in_a_payment_list_or_a_refund_table():
    body = ("1. 预算单位：县水利局；用途：堤防维修；收款单位：某县恒达水利工程有限公司；金额：42.6万元；"
            "收款账号：5105 0165 3608 0000 1172。")
    assert [f.text for f in findings(review(body), "bank_account")] == ["5105 0165 3608 0000 1172"]
    table = "｜投标人｜保证金｜退款账户｜\n｜某市宏图建设有限公司｜3万元｜44-050101040006281｜\n｜某县路桥有限公司｜3万元｜431060100100562011｜"
    assert [f.text for f in findings(review(table), "bank_account")] == ["44-050101040006281", "431060100100562011"]
    assert not findings(review(table), "bank_card")


def test_the_addressees_own_account_is_a_card_even_near_a_company():
    card = make_card("622588", 16)
    body = f"原告某装饰有限公司诉你买卖合同纠纷一案，因你预留的收款账户{card}（某银行某分行）已注销，请来院办理。"
    assert [f.text for f in findings(review(body), "bank_card")] == [card]
    assert not findings(review(body), "bank_account")


def test_a_foreign_passport_right_after_its_label():
    assert [f.text for f in findings(review("外籍专家某某（护照号K4821937Q）补贴20万元"), "passport")] == ["K4821937Q"]
    assert not findings(review("项目编号ZB2024001234已受理"), "passport")


@pytest.mark.parametrize("body, type_, part", [
    ("其家庭固定电话为0769-22418835，请知情人转告。", "landline", "0769-22418835"),
    ("本决定书按你所留邮寄地址某市某区某路18号3栋1单元502室寄送。", "address", "某路18号3栋1单元502室"),
    ("我镇接到上坝村村民钭有才的实名举报，反映河道非法采砂。", "whistleblower", "钭有才"),
    ("专项行动中，对闵秀珍因复吸被决定强制隔离戒毒二年。", "person_name", "闵秀珍"),
    ("如犯罪嫌疑人覃俊杰（作案时年仅十五周岁）因寻衅滋事被移送审查起诉。", "minor", "作案时年仅十五周岁"),
    ("如犯罪嫌疑人覃俊杰因寻衅滋事被移送审查起诉，本院作出附条件不起诉决定。", "criminal_record", "移送审查起诉"),
    ("驾驶员某某驾驶贵A·T5821号出租车拒载乘客。", "plate", "贵A·T5821"),
    ("【机密·长期】\n某指挥部：\n现将有关预案报告如下。", "secrecy_marking", "机密·长期"),
])
def test_more_positions_of_private_data_and_markings(body, type_, part):
    assert_found(body, type_, part)


def test_a_letter_granting_relief_to_its_addressee():
    body = "卜秀云同志：\n你提交的临时救助申请收悉。经调查，你家庭符合临时救助条件，决定给予临时救助金1500元。"
    result = review(body)
    assert [f.text for f in findings(result, "person_name")] == ["卜秀云"]
    assert findings(result, "social_assistance")
    # a letter to a township about its own materials names nobody
    assert not findings(review("某镇人民政府：\n你镇报送的临时救助审批材料收悉，经审核符合要求。"))


def test_a_list_of_work_injury_findings_names_the_injured():
    body = "现将工伤认定结论公示如下：\n1．郗德明，某物流有限公司，右手拇指离断伤，认定为工伤；\n2．某某，某纺织有限公司，不予认定。"
    result = review(body, "工伤认定结论公示")
    assert [f.text for f in findings(result, "person_name")] == ["郗德明"]
    assert findings(result, "health")


@pytest.mark.parametrize("body, absent", [
    ("新纳入保障的儿童：逢亭镇某某，7岁。", "逢亭镇"),          # a township named after a family
    ("消费者投诉举报热线：12315", "者投诉"),                      # 者 is a surname, 投诉 no given name
    ("镇儿童督导员粟某萍带领儿童主任开展走访。", "粟某萍"),      # staff in role, not a child
])
def test_readings_that_are_not_private_persons(body, absent):
    assert absent not in [f.text for f in review(body).findings]


def test_a_restriction_after_a_draft_stage_marks_a_draft_and_a_request_sentence_is_no_closing():
    result = review("此稿为讨论稿，未经局党组审定，请勿外传\n一、工作目标")
    assert {f.type for f in result.findings} == {"draft_marking"}
    assert [f.type for f in review("内部资料　请勿外传\n一、工作目标").findings] == ["internal_marking"]
    closing = review("以上请示已征求财政局意见，均无异议。\n当否，请批示。")
    assert [f.text for f in findings(closing, "request_report")] == ["当否，请批示"]


def test_an_organisations_account_by_its_label_and_twenty_digits_in_fours_are_no_card():
    result = review("企业基本户：4105 0166 5708 0000 1283（某银行某分行）\n初审意见：符合申报条件。")
    assert [f.text for f in findings(result, "bank_account")] == ["4105 0166 5708 0000 1283"]
    assert not findings(result, "bank_card")
    assert [f.type for f in review("药店对公账户：52050179360800000362").findings] == ["bank_account"]


@pytest.mark.parametrize("body, type_, part", [
    ("领奖人手机 1 3 9 1 9 4 2 6 5 0 8，奖励金额2000元", "mobile", "1 3 9 1 9 4 2 6 5 0 8"),
    ("申请人联系方式：0951-5107328（家）；", "landline", "0951-5107328"),
    ("五年级学生谷浩然（11岁）有自伤行为史，已转介心理老师。", "health", "自伤"),
    ("系居民金某顺的邻居邝美顺在家中组织天主教家庭聚会。", "religion", "天主教家庭聚会"),
    ("（1）某镇汤宝平户，户主患肝硬化晚期，已落实临时救助。", "person_name", "汤宝平"),
    ("投诉人戚桂芳之父戚长根于今年2月住院治疗，诊断为肺癌晚期。", "person_name", "戚长根"),
    ("现将考核情况汇总如下：\n1. 赵某某：工作主动性不强，年度考核确定为基本称职；", "personal_evaluation", "基本称职"),
    ("秘 密★1年\n各乡镇人民政府：", "secrecy_marking", "秘 密★1年"),
    ("征求意见稿 请勿外传\n各街道、各有关部门：", "draft_marking", "请勿外传"),
    ("企业商业秘密　仅限审核使用\n经审核，某公司申请调整价格。", "trade_secret_marking", "商业秘密　仅限审核使用"),
])
def test_third_round_positions(body, type_, part):
    assert_found(body, type_, part)


def test_a_request_report_title_and_readings_that_stay_quiet():
    assert findings(review("", "关于请求调拨救灾物资的请示报告"), "request_report")
    assert not review("居民张某参加家庭聚会。").findings            # a family gathering, no religion
    assert not findings(review("已落实大病保险报销。"), "health")       # an insurance scheme
    assert not findings(review("亲属以“单人户”名义纳入保障。"), "person_name")
    assert not review("这 秘 密 的").findings                        # spaced prose


@pytest.mark.parametrize("body, name", [
    ("拟将以下家庭纳入低保：\n1. 户主买买提江·阿不都热依木，家庭人口3人，致贫原因：妻子患尿毒症。", "买买提江·阿不都热依木"),
    ("特困人员阿依古丽·买买提·吐尔逊（女，患有糖尿病）", "阿依古丽·买买提·吐尔逊"),
    ("所附该寺周边居民吐尔洪·买买提明每周五到该寺参加礼拜的情况说明", "吐尔洪·买买提明"),
])
def test_names_written_with_a_middle_dot(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


def test_dotted_places_and_officials_are_no_private_names():
    assert not review("本届运动会在北京·上海两地举行。").findings
    assert not findings(review("局长阿卜杜拉·艾合买提出席会议。"), "person_name")


@pytest.mark.parametrize("body, type_, part, title", [
    ("联系人固定电话0954-2089761（本人住宅）。", "landline", "0954-2089761", ""),
    ("回复对象登记信息：家庭住址某区某街道七星街某号楼4单元501。", "address", "4单元501", ""),
    ("执法人员进行现场检查，制作了现场检查笔录，当场查获过期面包12袋。", "enforcement_record", "现场检查笔录", ""),
    ("4人诉求缺乏依据。\n附：复查调查笔录（共6份）\n某局", "enforcement_record", "调查笔录", ""),
    ("内部呈阅件\n市信访局：\n关于某问题的复查意见。", "internal_marking", "内部呈阅件", ""),
    ("会议认为其工作态度散漫，多次未完成入户任务，由社区书记提醒谈话。", "personal_evaluation", "态度散漫", ""),
    ("评估依据的企业资料（密级：商密）：采矿成本每吨68.4元。", "trade_secret_marking", "密级：商密", ""),
    ("供应商银行账号：0601 0201 0900 0123 456", "bank_account", "0601 0201 0900 0123 456", ""),
    ("中标人账户：2101 2345 6789 0123 4", "bank_account", "2101 2345 6789 0123 4", ""),
    ("分项报价：土建工程842.10万元、设备采购316.80万元、安装工程98.55万元、措施费29.00万元", "bid_price_breakdown",
     "土建工程842.10万元", ""),
    ("征求意见稿\n一、部门基本情况", "draft_marking", "征求意见稿", "某委员会2023年度部门决算说明（征求意见稿）"),
    ("第二稿 待局务会审定。\n以上请示当否，请予批复。", "draft_marking", "第二稿", "关于调整城区公交线路的请示（第二稿）"),
])
def test_fourth_round_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


def test_fourth_round_look_alikes_stay():
    assert findings(review("各单位", "关于调整城区公交线路的请示（第二稿）"), "request_report")
    # a consultation draft of a rule, or one cited in 《》, is put out for the public
    assert not review("现公开征求意见。", "某市养老服务条例（征求意见稿）").findings
    assert not review("征求意见稿", "关于《某规定（征求意见稿）》的起草说明").findings
    # an announced breakdown that lists nothing here; a unit number without a room
    assert not review("报价明细见附件。中标金额：568万元，履约保证金28.4万元，投标保证金5万元，预付款30%。").findings
    assert not findings(review("小区3单元门口设置了垃圾分类点。"), "address")
    assert not findings(review("独居老人马某某因行动不便未能参加礼拜。"), "religion")


@pytest.mark.parametrize("body, type_, part", [
    ("车牌号码        停放位置\n粤B·3K7M2      福华三路\n粤BD 82651      新洲路", "plate", "粤BD 82651"),
    ("船东于某已被罚款。该船东还驾驶私家车（号牌鲁B 5T2G8）在港区违规停放。", "plate", "鲁B 5T2G8"),
    ("新兴镇退役军人吉长林，因公致残，伤残等级为四级。", "person_name", "吉长林"),
    ("持证人孙**，往来港澳通行证号码CA 7185203，已更正。", "hk_macau_permit", "CA 7185203"),
    ("经调查，某市某区某路188号院7号楼1单元西户房屋所有人在楼顶私自搭建彩钢板房。", "address", "1单元西户"),
    ("出租人梁某某，出租房屋位于某市某区某路锦园新村15座602房，存在未登记承租人信息。", "address", "15座602房"),
    ("我局接到群众岑秀芬（某镇居民）来电举报，反映某五金厂夜间偷排。", "whistleblower", "岑秀芬"),
    ("我局接到萧红梅（该小区7栋住户）实名举报。", "whistleblower", "萧红梅"),
    ("秘密（6个月）\n各县（市、区）人民政府：", "secrecy_marking", "秘密（6个月）"),
    ("附件6：参考投标文件格式\n以下内容为我公司商业秘密，未经同意不得向第三方披露\n餐品供应链：", "trade_secret_marking",
     "以下内容为我公司商业秘密"),
    ("乙方开户银行：某银行某支行；账号：1560 5010 0100 2378 66\n签订日期", "bank_account", "1560 5010 0100 2378 66"),
    ("附：中标人报价一览表（节选）\n场馆运营人员工资福利1,962,000元；图书更新采购720,000元；设备维护216,000元", "bid_price_breakdown",
     "设备维护216,000元"),
    ("医疗救助对象名单：\n姓名｜病种｜金额\n彭玉琼｜乳腺癌术后化疗｜12430\n何建明｜精神分裂症｜5200\n以上救助对象均为低保对象。", "social_assistance",
     "低保对象"),
    ("低保对象傅建国、阎秀英。", "person_name", "阎秀英"),
])
def test_fifth_round_positions(body, type_, part):
    assert_found(body, type_, part)


def test_a_child_named_again_is_a_private_name_and_fifth_round_look_alikes():
    result = review("学校决定给予初二（3）班学生陈某轩警告处分。\n陈子轩家长表示接受。".replace("陈某轩", "陈子轩"))
    assert [f.type for f in result.findings if f.text == "陈子轩"] == ["person_name", "person_name"]
    assert not findings(review("今年新建3座桥梁和5座公厕。"), "address")
    assert not findings(review("我局接到群众（该小区7栋住户）反映。"), "address")
    assert not review("以上数据均为低保对象统计。").findings
    assert not review("老师傅讲解了操作要领。").findings


@pytest.mark.parametrize("body, type_, part", [
    ("段某某（身份证号 ５３０１０２　１９９００６１２　３１５２）", "id_card", "５３０１０２　１９９００６１２　３１５２"),
    ("附：你留存的备用联系方式 zt_zhou1990 at 126 dot com", "email", "zt_zhou1990 at 126 dot com"),
    ("邮箱 zhangsan#163.com", "email", "zhangsan#163.com"),
    ("（二）川 A 5Q21L，黑色SUV，暂扣地点：某停车场；", "plate", "川 A 5Q21L"),
    ("— 张某某 交通银行 62258802\n19044683", "bank_card", "62258802\n19044683"),
    ("某小区发生一起入室抢劫案，年仅9岁的被害人周子涵受伤。", "minor", "年仅9岁的"),
    ("犯罪嫌疑人陈宇航，男，2008年出生，案发时系某中学高一学生。", "minor", "某中学高一学生"),
    ("1. 陶梓涵，中班，5岁，低保家庭；", "minor", "5岁"),
    ("事后，蒋一鸣因多动症需长期服药。", "health", "多动症"),
    ("经查，患者邵雨欣，女，17岁，因情绪问题过量服用安眠药，送医洗胃。", "health", "过量服用"),
    ("现将消防监督检查记录及现场询问笔录摘要附后：", "enforcement_record", "检查记录"),
    ("内部督办件　不得公开\n区公安分局：", "internal_marking", "内部督办件"),
    ("（纪要发至局党组成员，不得外传）", "internal_marking", "不得外传"),
    ("三、报价分项（摘自响应文件）：律师值班补贴每村每月450元；专项法律服务每件1,200元；交通费每村每年600元", "bid_price_breakdown",
     "交通费每村每年600元"),
    ("第7章页眉标注“本页内容涉及投标人商业秘密”。", "trade_secret_marking", "本页内容涉及投标人商业秘密"),
    ("本报告涉及被监审企业商业秘密，仅供定价决策使用\n根据有关办法", "trade_secret_marking", "商业秘密"),
    ("杨某某，某校校长，因公护照号码：SE 1287 472", "passport", "SE 1287 472"),
    ("Martin Keller 护照号C4K9R2T81", "passport", "C4K9R2T81"),
    ("申请人覃某某，男，58岁。\n二、健康状况。申请人2019年突发脑梗，遗留右侧肢体偏瘫。", "health", "脑梗"),
    ("该患者住某街道某社区西区12号楼3单元201户，在某物流公司工作。", "address", "12号楼3单元201户"),
    ("本件标注：秘密（★长期）\n各边境乡镇", "secrecy_marking", "秘密（★长期）"),
    ("一、主要优点。该同志政治素质较好，熟悉业务，群众评价较高。", "personal_evaluation", "政治素质"),
    ("会议原则同意新增周德芳、任光荣两户为农村低保对象。", "person_name", "周德芳"),
    ("1. 岩温罕，曼根村人，2023年8月被责令社区戒毒三年，目前在合作社务工。", "person_name", "岩温罕"),
    ("投诉人：邱某某，住所：某市某区某街21号2栋1单元301号，联系电话：028-85541736。", "landline", "028-85541736"),
    ("经调查核实，您所反映的杨光明系基督教信徒，每周日在家中读经。", "person_name", "杨光明"),
    ("1. 逝者马福祥，生前信仰伊斯兰教，按其宗教习俗实行土葬。", "religion", "信仰伊斯兰教"),
    ("现将有关材料一并报上。以上当否，请予审批。", "request_report", "当否，请予审批"),
])
def test_sixth_round_positions(body, type_, part):
    assert_found(body, type_, part)


@pytest.mark.parametrize("body", [
    "We meet at noon dot com",                                 # English prose, no e-mail
    "季度内新发现报告患者4人，均已纳入管理。",                     # 季度内 is no name
    "某小区8号楼业主申请使用住宅专项维修资金。",                   # a masked place is no address
    "经审查，本机关认为该部分确属商业秘密，根据《条例》第十五条不予公开。",  # the agency's finding, no claim
    "贵A·D12345为号牌格式示例。",                               # a sample plate
    "各乡镇卫生院要严格落实保密制度，随访资料不得外传。",            # an instruction about other papers
    "要求各单位建立检查记录制度。",                               # no record
])
def test_sixth_round_look_alikes_stay(body):
    assert not review(body).findings, [(f.type, f.text) for f in review(body).findings]


@pytest.mark.parametrize("body, type_, part", [
    ("拾得人家庭联系电话0371-6598 2211。", "landline", "0371-6598 2211"),
    ("您家中座机0451-55637204已作为紧急联系电话登记。", "landline", "0451-55637204"),
    ("通讯地址：某市某区某街道某里6门301），您申请获取", "address", "6门301"),
    ("| 杨正明 | 4 | 新田村7组 | 妻子患乳腺癌化疗 | 1,120元 |\n以上三户纳入农村低保。", "social_assistance", "纳入农村低保"),
    ("经了解，钱玉芳系某天主教堂登记的教友。", "religion", "教友"),
    ("现将有关情况公开如下：\n现场检查笔录（摘录）：\n检查时间：3月12日\n当事人签字：梁永福", "person_name", "梁永福"),
    ("附：询问笔录（节选）——问：该人员是否具备执业资格？", "enforcement_record", "询问笔录"),
    ("电子邮箱wudan1999 AT 126.com；", "email", "wudan1999 AT 126.com"),
    ("2．侯*刚，登记车辆陕AU 7G52；", "plate", "陕AU 7G52"),
    ("朱*兰，身份证号" + make_id("411302", "19560412", "027")[:6] + "·" + make_id("411302", "19560412", "027")[6:14] + "·"
     + make_id("411302", "19560412", "027")[14:] + "，个人缴费380元；", "id_card", "·19560412·"),
    ("吴* 扣款卡 6228480801\n234075662 应缴 612元", "bank_card", "6228480801"),
    ("郭长顺与其妻刘淑珍均系基督教信徒。", "person_name", "刘淑珍"),
])
def test_seventh_round_positions(body, type_, part):
    assert_found(body, type_, part)


def test_a_cell_ends_a_diagnosis_and_a_gate_number_needs_a_flat():
    result = review("姓名 | 人口 | 住址 | 致贫原因 | 金额\n| 杨正明 | 4 | 新田村7组 | 妻子患乳腺癌化疗 | 1,120元 |")
    assert [f.text.strip() for f in findings(result, "health")] == ["妻子患乳腺癌化疗"]
    assert not review("本学期开设3门课程。").findings


@pytest.mark.parametrize("body, type_, part, title", [
    ("核实：\n张某  " + make_id("150102", "19490208", "014") + "  新城区东街街道呼伦南路某小区2-3-401\n"
     "白某某  150102195309170281  新城区东街街道锡林北路53号院平房12号", "address", "某小区2-3-401", ""),
    ("学生家长韩某某，联系电话0971 6152 287，申报住址某区某路61号院。", "landline", "0971 6152 287", ""),
    ("1.JOHNSON M.，护照号5 6 8 1 2 3 4 7 9，住某公寓", "passport", "5 6 8 1 2 3 4 7 9", ""),
    ("因宋某某申请注销时留存的联系方式为个人座机（0431）8561 2209", "landline", "8561 2209", ""),
    ("某堂点会计何雅琴系基督教受洗信徒，由负责人直接指定。", "person_name", "何雅琴", ""),
    ("杨光勇：\n本院受理原告吴秀兰诉你离婚纠纷一案已审理终结。", "person_name", "吴秀兰",
     "某县人民法院关于吴秀兰与杨光勇离婚纠纷一案的公告"),
    ("根据您申请表中填写的信息，本答复书将邮寄至某市某区某路115号6栋402室。", "address", "115号6栋402室", ""),
    ("本局依法对你位于某区某路82号3栋2单元401室的房屋实施征收。", "address", "82号3栋2单元401室", ""),
    ("经查，你在某区某街9号6幢顶层平台擅自搭建彩钢板房。", "address", "9号6幢", ""),
    ("投诉人联系方式：手机13983065127，座机023-63825571。", "landline", "023-63825571", ""),
    ("你留存的联系电话为139 6410 2735，备用电话0531-8691 2047，如有异议可提出。", "landline", "0531-8691 2047", ""),
    ("来电人（座机021-5895 3164）对办理结果基本满意。", "landline", "021-5895 3164", ""),
    ("——某镇党委书记 陈国栋：抓党建工作重视不够，群众满意度排名靠后；", "personal_evaluation", "重视不够", ""),
])
def test_eighth_round_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


@pytest.mark.parametrize("body", [
    "某公司诉王明买卖合同纠纷一案，原告某公司，被告王明。",       # not a family case
    "执行法官：郑海波，电话：022-27305118",                       # an officer's phone
    "地址：五华区人民中路某号，联系电话0871-63612345。",            # an office's masked address
    "经核查，您反映的KTV位于思明区湖滨南路412号，已监测。",        # a business
    "你可在公告期内到本局法制科（杭州市西湖区保俶路189号）领取处罚决定书。",  # the office
])
def test_eighth_round_look_alikes_stay(body):
    assert not review(body).findings, [(f.type, f.text) for f in review(body).findings]


def test_a_custody_appeal_names_private_parties_and_their_child():
    body = ("高某军：\n本院受理上诉人孟某丽与被上诉人高建军变更抚养关系纠纷一案，依法公告送达。上诉人请求：婚生子高子墨"
            "（2015年3月出生，现就读于某小学三年级）由上诉人抚养。")
    result = review(body)
    assert "高建军" in [f.text for f in findings(result, "person_name")]
    assert "高子墨" in [f.text for f in findings(result, "person_name")]
    assert any("三年级" in f.text for f in findings(result, "minor"))
    assert not review("某公司诉王明买卖合同纠纷一案，上诉人某公司，被上诉人王明。").findings


@pytest.mark.parametrize("body, type_, part", [
    ("某财预〔2024〕38号  秘密（★6个月）\n各区（县、市）财政局：", "secrecy_marking", "秘密（★6个月）"),
    ("行政处罚案件集体讨论记录\n案由：某加油站未按规定开展安全风险辨识案", "enforcement_record", "集体讨论记录"),
    ("六、主要标的及单价：\n路面修补单价186.5元/平方米（其中人工费42.3元、材料费118.6元、机械费16.2元、管理费及利润9.4元）",
     "bid_price_breakdown", "人工费42.3元"),
    ("封面已标注'商业秘密 严禁外泄'，公开后将造成损害。", "trade_secret_marking", "商业秘密 严禁外泄"),
    ("二是走访了张秀珍，系天主教信徒，丈夫早逝。", "person_name", "张秀珍"),
    ("来电人住址为和平区三好街66-2号3门，现场检测。", "address", "66-2号3门"),
])
def test_ninth_round_positions(body, type_, part):
    assert_found(body, type_, part)


def test_a_civil_affairs_assistant_named_as_the_contact_stays():
    body = ("街道第二季度临时救助对象如下：\n1. 申请人：钱国平，救助事由：家庭成员突发重病住院，临时救助金5,000元；\n"
            "联系人：街道民政助理员孙静，电话025-83517260。")
    names = [f.text for f in findings(review(body, "关于对临时救助对象的公示"), "person_name")]
    assert "钱国平" in names and "孙静" not in names


@pytest.mark.parametrize("body, type_, part, title", [
    # a date right after a name opens its predicate; a given name that is also a word (海军)
    ("全镇共有社区康复人员7名。其中，蒙德贵2022年5月解除强制隔离戒毒，现已就业。", "person_name", "蒙德贵", ""),
    ("例如，韦海军2023年因吸食甲基苯丙胺被决定社区戒毒三年。", "person_name", "韦海军", ""),
    ("3. 城东镇社区康复人员符小平合并乙型肝炎感染，需跟进治疗；", "person_name", "符小平", ""),
    # markings: spaced level said of the document itself, a banner line, a company item's account
    ("各县区征集兵员分配数见附件。本简报秘　密，注意保管。", "secrecy_marking", "秘　密", ""),
    ("内部材料　初稿\n一、工作进展。全县已完成改厕1.2万户。", "internal_marking", "内部材料", ""),
    ("内部材料　初稿\n一、工作进展。全县已完成改厕1.2万户。", "draft_marking", "初稿", ""),
    ("现将投标保证金退还：\n1. 某路桥工程有限公司，保证金10万元，退至账号4402061409008813527；",
     "bank_account", "4402061409008813527", ""),
    # a landline of a person named by role: labelled so, or in the record the role opens
    ("房源二：某区长江路9号2单元301户，出租人联系电话0532-85561234，核查结果：面积不符。", "landline", "0532-85561234", ""),
    ("信访人：钱某\n联系地址：某区文化路3号院2号楼101室\n联系电话：0351 6123478\n你反映的问题收悉。",
     "landline", "0351 6123478", ""),
    ("1. 业主代表 孙某某，联系地址某区中山路5巷2号301房，联系电话020-81234567；", "landline", "020-81234567", ""),
    # a list item's role word before the name; a letter's applicant; a salutation the name reader does not know
    ("以下家庭拟停止发放最低生活保障金：\n1. 户主杭德顺，东风社区，停保原因：收入超标；", "person_name", "杭德顺", "低保停保公示"),
    ("冯家明：\n    本机关于2025年3月收到你提出的政府信息公开申请，现答复如下。", "person_name", "冯家明", ""),
    ("次仁央金：\n    你于2025年4月向本局提出的医疗救助申请收悉。经审核，你因患肺结核住院治疗。", "person_name", "次仁央金", ""),
    ("杜桂芬：\n    你于2025年6月提出的临时救助申请收悉。经审批，给予你家庭临时救助金5000元。", "social_assistance",
     "临时救助金5000元", ""),
    # an enumeration carries its label to every value, across a note in brackets
    ("下列护照宣布作废：\n普通护照：E12345678（持证人张某）、EK1234567（持证人李某某）；", "passport", "EK1234567", ""),
    ("团员因公护照号码如下：SE1234567、SE1234568、PE7654321。", "passport", "PE7654321", ""),
    # a price broken down after 其中; cost items right after a trade-secret claim
    ("投标人二：某设备有限公司，投标总价412万元，其中主机价350万元、三年维保38万元、安装调试24万元；", "bid_price_breakdown",
     "主机价350万元", ""),
    ("投标文件中“商业秘密，不予公开”部分：人工成本每年52.4万元、耗材成本16.1万元、管理费6.3万元、利润8.2万元",
     "bid_price_breakdown", "人工成本每年52.4万元", ""),
])
def test_tenth_round_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


@pytest.mark.parametrize("body, title", [
    ("现将规划初稿公开征求意见，意见请发送至某局规划科。", "关于《某镇公共服务设施专项规划（初稿）》公开征求意见的公告"),
    ("二、规划初稿编制情况\n已完成。", ""),
    ("被征收人对公示内容有异议的，请于7日内向区房屋征收事务中心反映，电话0731-88123456。", "被征收人：某某"),
    ("申请人：某县住房和城乡建设局\n联系电话：0351-7123456", ""),
    ("我们将内部材料整理后按时上报。", ""),
    ("各学校：\n你们报送的材料收悉。", ""),
    ("当事人：某某\n经查，当事人未取得许可开展诊疗活动。我局决定：没收违法所得，并处罚款。\n联系电话：027-87123456", ""),
    ("全县共发放补贴3,200万元，其中耕地地力保护补贴2,100万元、农机购置补贴800万元、种粮补贴300万元。", ""),
    ("吴女士：\n你于2025年5月提出的申请收悉，现答复如下。", ""),
])
def test_tenth_round_look_alikes_stay(body, title):
    result = review(body, title)
    assert not result.findings, [(f.type, f.text) for f in result.findings]


@pytest.mark.parametrize("body, type_, part, title", [
    # a breakdown announced with a note in brackets; a two-column table whose header names the unit;
    # cells under cost columns; a bidder's clarification of its low price
    ("五、分项报价明细（供应商投标文件原文）：\n整机硬件成本9,100.00元/套；安装辅材520.00元/套；三年运维费用1,400.00元/套",
     "bid_price_breakdown", "整机硬件成本9,100.00元/套", "某某采购项目中标公告"),
    ("分项报价明细：\n费用项目｜金额（元）\n人员工资及社保｜1,500,000\n车辆燃油及维修｜210,000\n保洁耗材｜80,000\n管理费｜90,000",
     "bid_price_breakdown", "车辆燃油及维修｜210,000", ""),
    ("（以下为商业秘密，供应商申请不予公开）\n序号｜品名｜规格｜出厂价｜加价率｜报价\n1｜注射器｜5ml｜0.20元｜40%｜0.28元\n"
     "2｜输液器｜带针｜0.80元｜35%｜1.08元", "bid_price_breakdown", "0.20元", ""),
    ("该公司提交的澄清说明称：灯具出厂价每套1,000元，灯杆采购单价2,100元，措施费压降至2.0%，报价具有合理性。",
     "bid_price_breakdown", "出厂价每套1,000元", ""),
    # a role word of private people that ends in an official's word; a candidate; a child of the applicant
    ("街道走访了信教群众代表，其中柏美华系基督教徒，每周参加礼拜。", "person_name", "柏美华", ""),
    ("河口村候选人邹新亮，2021年因寻衅滋事被行政拘留十日；", "criminal_record", "因寻衅滋事被行政拘留十日", ""),
    ("李立新家长：\n你为子女李子涵（2018年3月出生，拟入读一年级）提交的入学申请材料已审核完毕。", "person_name", "李立新", ""),
    ("李立新家长：\n你为子女李子涵（2018年3月出生，拟入读一年级）提交的入学申请材料已审核完毕。", "minor", "拟入读一年级", ""),
    ("区医院开辟绿色通道，其中叶海涛因脱水症状较重留院观察两天。", "health", "脱水", ""),
    # identifiers: a home phone without area code, a plate with an ideographic space, a utility user's
    # address down to the flat, a home after （住
    ("联络员主动公布个人电话方便联系：13957215604，住宅电话2036518。", "landline", "2036518", ""),
    ("川Ｓ　Ｌ６０８８　小型普通客车　2024-04-21", "plate", "Ｌ６０８８", ""),
    ("用户号：0103217765　用水地址：渝中区解放西路66号4-2　联系电话：023－6378 2014", "address", "4-2", ""),
    ("用户号：0103217765　用水地址：渝中区解放西路66号4-2　联系电话：023－6378 2014", "landline", "6378 2014", ""),
    ("我所接到举报人孟庆和（住前进村三组15号，联系电话13846297105）的举报", "address", "前进村三组15号", ""),
])
def test_eleventh_round_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


@pytest.mark.parametrize("body, title", [
    ("人大代表张某，系本镇企业负责人。", ""),
    ("全年受理群众来电2036518件，办公电话0351-7123456。", ""),
    ("某执法大队（住建局三楼5号）负责受理。", ""),
    ("费用项目｜金额（元）｜备注\n会议费｜12,000｜全年\n培训费｜8,000｜全年", "2024年部门决算说明"),
])
def test_eleventh_round_look_alikes_stay(body, title):
    result = review(body, title)
    assert not result.findings, [(f.type, f.text) for f in result.findings]


@pytest.mark.parametrize("body, title", [
    # an office's closing contact lines; an organisation's record; an address followed by the office's name
    ("因你未提供有效送达地址，现公告送达。自公告之日起经过三十日视为送达。\n联系地址：某市雁塔区小寨西路233号  联系电话：029-85398000", ""),
    ("名称：某房产经纪有限公司\n统一社会信用代码：91330106347182659P\n法定代表人：蒋某群\n住所：某市西湖区天目山路176号2楼", ""),
    ("异议书面材料送达地址：花溪区明珠大道208号花溪区不动产登记事务中心\n联系电话：0851-83123456", ""),
    # a contact with the department between the label and the name, under a notice about private people
    ("低保户张某患尿毒症，已纳入救助。\n联系人：社会事务科 钟丽，电话0577-88351207。", "救助情况通报"),
    ("联系人：镇残联理事长 马晓燕，电话：0930-7121866", "困难残疾人补贴公示"),
])
def test_offices_contacts_and_seats_stay(body, title):
    result = review(body, title)
    assert not [f for f in result.findings if f.type in ("address", "person_name", "landline")], \
        [(f.type, f.text) for f in result.findings]


@pytest.mark.parametrize("body, part", [
    ("信访人：钱某\n联系地址：某区文化路3号院2号楼101室\n联系电话：0351 6123478\n你反映的问题收悉。", "文化路3号院2号楼101室"),
    ("包某某（身份证号：500103198605246134，联系地址：某市渝中区民族路8号12-3）：\n经查，你拖欠工资。", "民族路8号12-3"),
    ("统一社会信用代码：92110105728403160R\n经营者住所：某市朝阳区小武基村西区3排12号\n经营者身份证号：110105196807305922",
     "小武基村西区3排12号"),
])
def test_a_persons_contact_address_and_an_individual_business_home_are_found(body, part):
    assert_found(body, "address", part)


@pytest.mark.parametrize("body, title", [
    # an organisation's own mail domain; a company's vehicle; a plate range in the 新能源 form; public funds' accounts
    ("如有疑问请联系代理机构财务部，电话：0755-83207715，邮箱：cw@szzbdl-example.com.cn。", ""),
    ("| 3 | 沧州某物流有限公司 | 冀J·B2760 | 7200 |", "货车补贴公示"),
    ("二、新能源小型汽车号段：鲁AD·60001至鲁AD·69999；", "号段启用通告"),
    ("社会保险基金收入户账号：3002038109024587612（开户行：工商银行某支行）", ""),
    ("保证金专户：开户名 某市公共资源交易中心，开户行 中国银行某分行营业部，账号134258613845。", "招标公告"),
])
def test_organisations_mailboxes_vehicles_and_public_accounts_stay(body, title):
    result = review(body, title)
    assert not result.findings, [(f.type, f.text) for f in result.findings]


def test_a_webmail_box_a_persons_plate_and_a_payers_card_are_still_found():
    assert_found("投诉人邮箱：shao_xm88@126.com", "email", "shao_xm88@126.com")
    assert_found("| 2 | 张三 | 冀J·B2760 | 7200 |", "plate", "冀J·B2760", title="货车补贴公示")
    assert_found("按照非税收入退付管理规定，现通知缴款人办理退付。原缴款账户为6214837555120987，因该账户已注销。",
                 "bank_card", "6214837555120987")


@pytest.mark.parametrize("body, type_, part, title", [
    # criticism of one official in an appraisal about them; the appraisal's words
    ("吴某旺，男，汉族，1975年生，现任县农业农村局副局长。\n一、德的方面：政治立场坚定，但存在一定的本位主义思想。", "personal_evaluation",
     "本位主义", ""),
    ("三、主要不足和问题。该同志工作作风有时简单急躁，与同事沟通不够；个别谈话对象反映其原则性不强。", "personal_evaluation",
     "沟通不够", ""),
    # names opening bulleted and numbered items; a role nearer the name than an official's word; 并 opens a predicate
    ("重点随访对象：\n·杨光荣，住某镇某村18号，精神分裂症，近期停药；\n·罗金凤，双相情感障碍，病情稳定；", "person_name", "罗金凤", ""),
    ("名单如下：\n（1）向德明，默戎镇，肢体二级残疾（双下肢截肢），适配假肢一对；", "person_name", "向德明", ""),
    ("经核查，该聚会点负责人为村民林福生，系基督教信徒，在自家住宅组织每周礼拜活动。", "person_name", "林福生", ""),
    ("刘某贵之妻何桂兰并非本案被执行人，患有乳腺癌，正在化疗。", "person_name", "何桂兰", ""),
    ("某村拟推荐人选普志华，2019年因故意伤害罪被判处有期徒刑一年六个月；", "person_name", "普志华", ""),
])
def test_eleventh_round_b_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


def test_a_statement_in_brackets_and_a_place_before_an_age_are_no_names():
    result = review("名单如下：\n（1）向德明，默戎镇，肢体二级残疾（双下肢截肢），适配假肢一对；\n（2）田小军，红石林镇，7岁，听力一级残疾；")
    names = [f.text for f in findings(result, "person_name")]
    assert "双下肢" not in names and "林镇" not in names and "向德明" in names and "田小军" in names


def test_an_appraisal_method_is_no_evaluation():
    body = "考察组于2024年9月对某中心副主任李某强同志进行了考察。考察采取个别谈话、民主测评、查阅档案等方式进行。"
    assert not findings(review(body), "personal_evaluation")


@pytest.mark.parametrize("body, type_, part, title", [
    # a name column vouches for a name the reader takes for a word; a school and grade after the age
    ("姓名\t乡镇\t残疾类别等级\t补贴类型\n黄金妹\t新州镇\t视力残疾一级\t困难残疾人生活补贴", "person_name", "黄金妹", "残疾人两项补贴名单"),
    ("1. 朱梓涵，女，8岁，上集镇中心小学二年级，父母在外务工，患先天性心脏病；", "minor", "二年级", ""),
    ("被迁移人公民身份号码500103197206251716，迁往地址：江北区建新北路二支路7号附2号11-3。", "address", "7号附2号11-3", ""),
    ("其中宋某怡、钱卫国等3人住院治疗，钱卫国合并有慢性肾功能不全，目前已出院。", "health", "肾功能不全", ""),
])
def test_eleventh_round_c_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


def test_a_masked_name_in_a_name_column_stays_masked():
    body = "序号｜姓名｜身份证号｜救助金额（元）\n1｜古丽某某｜（已隐去）｜3000"
    assert not findings(review(body, "临时救助公示"), "person_name")


@pytest.mark.parametrize("name", ["次×卓嘎", "王*明", "阿依＊古丽"])
def test_the_end_of_a_name_masked_in_the_middle_is_no_name(name):
    body = f"以下儿童拟纳入孤儿基本生活保障范围：\n1. {name}，女，2013年4月出生，吉日街道；"
    result = review(body, "城关区2024年新增孤儿基本生活保障对象公示")
    assert not findings(result, "person_name"), [f.text for f in result.findings]
    assert name in result.redacted["body"]


@pytest.mark.parametrize("body", [
    "欧阳某：\n经核查，你家庭成员名下存款合计11.6万元，超出本县临时救助家庭财产限定标准，不予救助。",
    "某某：\n你家庭人均收入超过当地低保标准。你可按规定申请医疗救助。",
    "以上事实有违法行为人陈述、被侵害人陈述、证人证言等证据证实。",
])
def test_a_schemes_bar_advice_and_statements_of_parties_are_no_findings(body):
    result = review(body)
    assert not [f for f in result.findings if f.type in ("social_assistance", "person_name")], \
        [(f.type, f.text) for f in result.findings]


@pytest.mark.parametrize("body, part", [
    ("其中附件3《配方说明》标注“商业秘密，未经许可不得公开”，第三方已书面表示不同意公开。", "未经许可不得公开"),
    ("该企业明确表示资料封面标注有“企业机密·技术资料”，涉及其核心工艺参数，不同意公开。", "企业机密·技术资料"),
    ("【企业保密资料】某化工企业环境影响后评价报告（摘要）", "企业保密资料"),
])
def test_trade_secret_markings_written_other_ways(body, part):
    assert_found(body, "trade_secret_marking", part)


def test_a_quoted_term_being_defined_is_no_marking():
    assert not review("“商业秘密”的界定按照有关规定执行。").findings


def test_a_secrecy_markings_handling_rule_is_part_of_it():
    result = review("★机密（本件不得翻印）\n各单位：\n现将有关情况通报如下。")
    assert [f.type for f in result.findings] == ["secrecy_marking"]


@pytest.mark.parametrize("body, part", [
    ("本稿仅供内部讨论，请勿外传", "仅供内部讨论"),
    ("第三稿　仅供内部讨论　请勿外传", "第三稿"),
])
def test_this_drafts_restriction_is_a_draft_marking(body, part):
    result = review(body)
    assert_found(body, "draft_marking", part)
    assert not findings(result, "internal_marking")


@pytest.mark.parametrize("body, type_, part, title", [
    # a spaced level alone on the first line (in 【】 too); 秘密等级 with its term in Chinese numerals
    ("秘 密\n市国防动员办公室：\n按照年度工作安排。", "secrecy_marking", "秘 密", "关于报送潜力数据的报告"),
    ("【秘 密】\n市国防动员办公室：", "secrecy_marking", "秘 密", ""),
    ("秘密等级：秘密 保密期限：十年 关于重点单位反恐防范措施的通知", "secrecy_marking", "十年", ""),
    # marked as a trade secret in quotes; passports whose letters stand apart from their digits
    ("水价成本明细，企业已标注“商业秘密”。", "trade_secret_marking", "商业秘密", ""),
    ("申请人：M某，国籍：巴基斯坦\n护照号码：AK 7031 594", "passport", "AK 7031 594", ""),
    ("内有：\n护照一本，号码EH 2047681；", "passport", "EH 2047681", ""),
])
def test_eleventh_round_d_positions(body, type_, part, title):
    assert_found(body, type_, part, title=title)


def test_a_spaced_level_inside_the_text_is_prose():
    assert not review("一、情况\n秘 密\n其他").findings


@pytest.mark.parametrize("body, type_, part", [
    ("阿依古丽：\n您报送的材料收悉。经审核，您信仰伊斯兰教。", "person_name", "阿依古丽"),
    ("现将典型情况通报如下：\n1．周建新，2021年因吸毒被强制隔离戒毒二年，解除后在社区康复。", "person_name", "周建新"),
    ("·天河区棠下街道棠东东路棠下村148号，出租人联系电话020－3821 6570", "address", "棠下村148号"),
    ("本答复通过邮寄送达：某市迎泽区双塔西街62号院9号楼3单元201，收件电话18635127704", "address", "9号楼3单元201"),
])
def test_eleventh_round_d_more_positions(body, type_, part):
    assert_found(body, type_, part)


def test_a_deputy_addressed_by_title_stays():
    assert not findings(review("陈文杰代表：\n您提出的关于加强农村道路建设的建议收悉，现答复如下。"), "person_name")


@pytest.mark.parametrize("body, type_, part", [
    ("投标人A：山东某路桥工程有限公司，投标总价3,215,600元；\n其中人工费1,120,400元、材料费1,406,300元、机械费402,100元；",
     "bid_price_breakdown", "材料费1,406,300元"),
    ("投标报价明细\n1. 人员费用：保洁员132人×3,650元/月×12月=5,781,600元\n2. 机械费用：折旧及油耗合计1,286,000元\n"
     "3. 材料及耗材：214,800元", "bid_price_breakdown", "材料及耗材：214,800元"),
    ("本局执法人员制作的现场检查笔录及询问笔录载明：当事人承认未及时清理过期食品。", "enforcement_record", "询问笔录"),
    ("本局执法人员制作的现场检查笔录及询问笔录载明：当事人承认未及时清理过期食品。", "enforcement_record", "现场检查笔录"),
])
def test_eleventh_round_d_breakdowns_and_records(body, type_, part):
    assert_found(body, type_, part)


def test_evidence_named_in_a_decision_is_no_record():
    body = "以上事实有现场检查笔录、询问笔录等证据证实。"
    assert not findings(review(body), "enforcement_record")


def test_an_age_before_a_pupil_word_is_part_of_the_childs_statement():
    assert_found("（二）威远镇12岁儿童韦明杰，患自闭症，已安排送教上门。", "minor", "12岁")


@pytest.mark.parametrize("body, part, title", [
    ("现将不符合要求的房源公示如下：\n房源一：市南区云南路67号3单元502户，出租人联系电话0532-85561234。", "云南路67号3单元502户",
     "关于公共租赁住房房源核查结果的公示"),
    ("将暂停供水。\n1. 户号GA1002387，贵安新区马场镇平寨村平寨组31号，欠费1,286.40元；", "平寨组31号", ""),
])
def test_a_landlords_and_a_customers_addresses(body, part, title):
    assert_found(body, "address", part, title=title)


def test_offered_public_housing_stays():
    body = "本批配租房源如下：\n1. 某区幸福路12号公租房小区3栋2单元502室，面积52平方米。"
    assert not findings(review(body, "公共租赁住房配租房源公告"), "address")


@pytest.mark.parametrize("body", [
    "林某某，女，7岁，事实无人抚养儿童，每月发放基本生活补贴1,480元，由祖母照顾，祖母患有严重糖尿病。",
    "经个人申请、村（社区）初审、镇（街道）审核、区残联和区民政局审定，现将两项补贴对象公示如下：\n1. 张某某，肢体二级残疾。",
    "全区在册严重精神障碍患者187人。季度内新发现报告患者4人，均已纳入管理。",
    "青龙村某某户，家庭人口1人，患慢性肾衰竭需长期透析，拟纳入农村低保，按单人户施保；",
    "部分村（社区）吸毒人员底数不清、管控不到位，个别戒毒康复人员失联脱管。",
])
def test_words_read_as_names_by_any_finder_are_dropped(body):
    names = [f.text for f in findings(review(body), "person_name")]
    assert not any(w in names for w in ("祖母", "区残联", "季度内", "施保", "单人户", "管控")), names


def test_a_name_column_vouches_for_a_name_opening_with_a_word():
    body = "姓名\t乡镇\t残疾类别等级\n黄金妹\t新州镇\t视力残疾一级"
    assert "黄金妹" in [f.text for f in findings(review(body, "残疾人两项补贴名单"), "person_name")]


@pytest.mark.parametrize("header", ["来电人", "诉求人", "来访人"])
def test_a_column_of_callers_petitioners_or_claimants_names_private_persons(header):
    body = f"工单编号\t{header}\t联系电话\t事项\n1\t王女士\t13812345678\t路灯不亮\n2\t赵国梁\t13912345678\t噪声扰民"
    names = [f.text for f in findings(review(body, "热线工单办理情况"), "person_name")]
    assert names == ["赵国梁"]  # (a surname and a courtesy title say who nobody is)


@pytest.mark.parametrize("body", [
    "经核实，你丈夫已在系统中登记，可申领严重精神障碍患者监护补助。",
    "你家系城市低保家庭，可向街道申请残疾儿童康复救助。",
    "姓名：张某某\n病情：（略）",
    "姓名：张某某\n病情：已脱敏",
    "序号\t参保人\t就医医院\t报销金额（元）\n1\t曾*\t省肿瘤医院\t5,069.73",  # a hospital named after a condition
    "张三在市精神病院门诊部工作。",
])
def test_schemes_for_a_condition_and_empty_values_state_no_ones_health(body):
    assert not findings(review(body), "health"), [(f.type, f.text) for f in review(body).findings]


@pytest.mark.parametrize("body", [
    "覃某某：\n根据《禁毒法》第三十八条之规定，本局决定对你强制隔离戒毒二年。因你下落不明，现依法公告送达。",
    "矫正对象孙某，本季度两次未按时报到，司法所已给予训诫。",
])
def test_the_act_a_notice_serves_is_no_record(body):
    assert not findings(review(body), "criminal_record"), [(f.type, f.text) for f in review(body).findings]


def test_a_past_record_is_still_found():
    assert_found("孙卫东（因犯盗窃罪被判处有期徒刑一年，缓刑二年），本季度两次未按时报到。", "criminal_record", "因犯盗窃罪")


@pytest.mark.parametrize("body, title", [
    ("申请人陈某某于2024年4月提交临时救助申请。", "关于陈某某临时救助申请的答复"),
    ("一、起草背景\n为规范城市更新工作……", "关于城市更新专项规划（讨论稿）的说明"),
])
def test_titles_that_name_the_matter_or_explain_a_draft(body, title):
    result = review(body, title)
    assert not [f for f in result.findings if f.field == "title" and f.type != "person_name"], \
        [(f.type, f.text) for f in result.findings]


def test_a_record_and_a_draft_in_the_title_are_still_found():
    assert_found("问：你叫什么名字？", "enforcement_record", "询问笔录", title="询问笔录", field="title")
    # the version prepared for publication is the record too: a person decides what of it may go out
    assert_found("检查时间：2024年5月10日\n检查地点：某超市", "enforcement_record", "现场检查笔录",
                 title="现场检查笔录（公开版）", field="title")
    assert_found("一、总体要求", "draft_marking", "讨论稿", title="某区城市更新行动计划（讨论稿）", field="title")


def test_transliterated_names_no_surname_list_knows_head_private_items():
    body = ("现将第三批医疗救助对象审批结果公示如下：\n1. 拉毛措，乳腺癌术后化疗，核定医疗救助1.2万元；\n"
            "2. 才让东知，尿毒症透析，核定医疗救助0.8万元。")
    names = [f.text for f in findings(review(body, "医疗救助对象公示"), "person_name")]
    assert "拉毛措" in names and "才让东知" in names


def test_yi_names_in_a_childrens_list_are_read_without_a_surname():
    body = ("经乡镇审核、县民政局审批，以下儿童认定为事实无人抚养儿童：\n1. 吉克阿呷，女，2013年4月出生，竹核乡；\n"
            "2. 阿苦日火，男，2016年10月出生，解放乡；父母均重残")
    names = [f.text for f in findings(review(body, "关于认定事实无人抚养儿童的公示"), "person_name")]
    assert "阿苦日火" in names


@pytest.mark.parametrize("body", [
    "现将低保对象复核情况公示如下：\n1. 序号，姓名，金额；\n2. 综上，共计12户。",
    "现将救助对象名单公示如下：\n1. 和平村，3户；\n2. 东门社区，2户。",
])
def test_words_at_an_items_head_are_no_transliterated_names(body):
    names = [f.text for f in findings(review(body, "低保对象公示"), "person_name")]
    assert not names, names


@pytest.mark.parametrize("body, type_, part", [
    ("琼B3T861（车辆登记联系人电话13518058742）", "mobile", "13518058742"),
    ("甘棠街道：黎某某，1827 9214 306", "mobile", "1827 9214 306"),
    ("联系人 赵某某，手机 138-8016-2274，住址 锦江区东光小区12栋2单元503室；", "mobile", "138-8016-2274"),
    ("你的联系方式18780123456和现居地址双流区东升街道棠湖西路二段9号附1号仅用于送达本意见。", "address", "二段9号附1号"),
    ("联系人一：联系电话18787046215，暂住五华区学府路省建工小区2幢502号；", "address", "2幢502号"),
])
def test_twelfth_round_positions(body, type_, part):
    assert_found(body, type_, part)


def test_an_office_contact_with_a_title_keeps_the_number():
    assert not review("联系人：王局长，手机13987654321").findings


@pytest.mark.parametrize("body, type_, part", [
    ("你公司来信反映，原技术员将你公司标注“绝密级商业秘密”的工艺文件带至竞争企业。", "trade_secret_marking", "绝密级商业秘密"),
    ("四、供应商报价明细（供应商声明：以下报价明细为商业秘密）：人员工资每年846,000元", "trade_secret_marking", "以下报价明细为"),
    ("其中财务审计报告封面标注“企业秘密”，学校已书面表示不同意公开。", "trade_secret_marking", "企业秘密"),
    ("该报价单首页载明“内部核价资料，涉及商业秘密”，我局已删除机构名称。", "trade_secret_marking", "内部核价资料"),
    ("马小燕；女，11岁；社会散居孤儿；每月1500元；", "minor", "11岁"),
])
def test_twelfth_round_markings_and_minors(body, type_, part):
    assert_found(body, type_, part)


@pytest.mark.parametrize("body, part", [
    ("粤B·D72K19（新能源小型轿车），4月4日14时许，沈海高速K2761处；", "粤B·D72K19"),
    ("车牌号码\t违法时间\t违法地点\n鲁AQ5R093\t2024-02-27 21:06\t泉城路", "鲁AQ5R093"),
])
def test_a_plate_outside_the_issued_series_is_one_where_the_text_says_so(body, part):
    assert_found(body, "plate", part)


def test_a_code_shaped_like_a_loose_plate_without_a_plate_word_stays():
    assert not review("项目编号川AF6K205已备案").findings


@pytest.mark.parametrize("body, type_, part", [
    ("以下申请人的出入境证件已制作完成：\n往来港澳通行证：C8821 4093", "hk_macau_permit", "C8821 4093"),
    ("误附了一名申请人的证件信息（港澳通行证号C-6328-0417），现已更正。", "hk_macau_permit", "C-6328-0417"),
    ("护照号E 8472 6193", "passport", "E 8472 6193"),
])
def test_document_numbers_written_in_groups(body, type_, part):
    assert_found(body, type_, part)


def test_a_grouped_code_without_a_document_word_stays():
    assert not review("标段编号A 1234 5678，工期180天。").findings


@pytest.mark.parametrize("body, part", [
    ("请网格员上门提醒：\n杨某某　　　522601196203075193　　　0855-8263417\n吴某　　　　522601********1824", "0855-8263417"),
    ("涂某某老人（身份证号 360102196502238121）：紧急联系人电话 0791 8622 4517、159 7083 2246；", "0791 8622 4517"),
])
def test_landlines_of_a_persons_row_and_an_emergency_contact(body, part):
    assert_found(body, "landline", part)


def test_an_office_phone_after_a_persons_id_in_the_same_line_stays():
    body = "张某，身份证号110105194912310021，核定补助金额每季度三百元，如有异议请拨打监督电话：0871-65558123。"
    assert not findings(review(body), "landline")


def test_a_masked_persons_item_has_a_card_whatever_body_the_lead_in_names():
    body = ("请以下人员携带身份证到区退役军人服务中心办理账户变更：\n1．赵某某，原账号6222-0240-0211-3890-273，退回原因：户名不符；")
    assert_found(body, "bank_card", "6222-0240-0211-3890-273")
    assert not findings(review(body), "bank_account")


def test_a_letter_to_two_applicants_names_both():
    body = "蒋文斌、唐丽：\n你二人于2024年5月提出的政府信息公开申请收悉，现答复如下。"
    names = [f.text for f in findings(review(body), "person_name")]
    assert names[:2] == ["蒋文斌", "唐丽"], names


def test_a_letter_to_a_role_has_no_name_but_its_statements_about_you_stand():
    body = "来信人：\n你反映的问题已收悉。你母亲于2024年8月提出临时救助申请，申请理由为确诊乳腺癌，需行化疗。"
    result = review(body)
    assert not findings(result, "person_name")
    assert_found(body, "health", "确诊乳腺癌")


def test_a_reading_ending_like_a_number_label_is_no_name():
    assert not review("工单编号：NC240611-0823").findings


def test_a_class_before_padding_is_no_name():
    body = "学生\u3000班级\u3000类别\n陈小禾\u3000三年级（2）班\u3000建档立卡脱贫户"
    assert [f.text for f in findings(review(body, "寄宿生生活补助公示"), "person_name")] == ["陈小禾"]


@pytest.mark.parametrize("title, body, dates", [
    ("2024年困境儿童公示", "1.黄某涵，出生日期2014年8月3日，监护人黄某勇。\n2.农某杰，出生日期1971年12月19日。", ["2014年8月3日"]),
    ("", "班级｜姓名｜出生日期｜资助金额\n初一（3）班｜陈某涵｜2012年2月17日｜625\n八年级｜王某远｜2011年6月3日｜625\n2024年9月20日",
     ["2012年2月17日", "2011年6月3日"]),
    ("", "2024年5月，执法人员发现未成年人林某（2009年11月出生）在店内购买卷烟。", ["2009年11月出生"]),
    ("", "经核实，该儿童出生于2018年9月，2024年起由祖母抚养。", ["2018年9月"]),
    ("2024年辍学劝返名单", "姓名\t出生年月\t劝返责任人\n阮小杰\t2009.04\t校长\n孟小涵\t2011-09-12\t校长", ["2009.04", "2011-09-12"]),
    ("2024年秋季转学安排", "刘小睿　2018年5月出生　安排学校：第十三小学　一年级\n王小涵　2012年9月出生　安排学校：第八中学",
     ["2018年5月出生", "2012年9月出生"]),
    ("", "新生儿姓名：苏小桐，出生日期：2024年2月19日（2024年3月补发证明）。", ["2024年2月19日"]),  # a newborn
])
def test_a_childs_birth_date_by_its_label_column_or_bracket(title, body, dates):
    found = [f.text for f in findings(review(body, title), "minor")]
    # (a named child's finding runs from the name to the statement: "刘小睿　2018年5月出生")
    assert all(any(d in f for f in found) for d in dates) and not any("1971" in f for f in found), found


@pytest.mark.parametrize("body", [
    "2024年，2016年1月1日以后出生的儿童均可接种。",   # a cohort, nobody's birth
    "2024年5月，张某，男，出生于1990年3月。",          # an adult's
    "出生日期：2014年8月3日。",                          # the document gives no year of its own
    "2024年招生：2018年9月1日至2019年8月31日出生的适龄儿童可报名。",  # a rule's range, nobody's birth
    "2024年人员名单：张三　1980年5月出生　科员",         # an adult listed
])
def test_no_childs_birth_date(body):
    assert not findings(review(body), "minor")


def test_a_guardian_in_the_cell_after_a_grade_is_no_child():
    body = "姓名 | 出生日期 | 就读学校 | 监护人\n谢小军 | 2013年11月4日 | 禾丰中学七年级 | 谢发根（祖父）"
    result = review(body, "2024年事实无人抚养儿童名单")
    assert not [f for f in findings(result, "minor") if "谢发根" in f.text]
    assert {"谢小军", "谢发根"} <= {f.text for f in findings(result, "person_name")}


@pytest.mark.parametrize("title, body, home", [
    # a person's record: the employer before 住址 is no organisation's seat
    ("关于准予校车驾驶资格许可的公告", f"一、马某江，公民身份号码 {make_id('622922', '19790815')}，服务单位：某县某校车服务有限公司，"
                                     "住址：康乐县附城镇上湾村四社27号。", "康乐县附城镇上湾村四社27号"),
    # 住 right before the address is its closest cue, whatever office address stands before
    ("关于拟任命人民陪审员人选的公示", "陈某远，男，现为某石材有限公司职员（单位地址：某市水头镇五里桥工业区），住南安市柳城街道美林社区成功街214号。",
     "南安市柳城街道美林社区成功街214号"),
])
def test_a_home_after_an_employer(title, body, home):
    assert home in [f.text for f in findings(review(body, title), "address")]


def test_a_companys_seat_stays():
    assert not findings(review("某某建材有限公司，住所：某县某镇工业路8号。"), "address")


def test_the_names_of_a_row_stating_a_childs_birth_are_private():
    body = ("学生姓名  出生日期  监护人  分配学校\n叶小墨  2018-02-11  叶国华  坪山区竹坑学校\n"
            "钟小馨  2017-11-30  赖美玲  坪山区六联小学")
    found = {f.text: f for f in findings(review(body, "2024年入学安排通知"), "person_name")}
    assert {"叶小墨", "叶国华", "钟小馨", "赖美玲"} <= set(found), list(found)
    assert "未成年人信息" in found["叶小墨"].reason
    # a staff table with adults' birth dates states no child: its names stay
    staff = "姓名  出生年月  职务\n王某华  1980.05  科长\n李某明  1975.11  科员\n（2024年9月）"
    assert not findings(review(staff, "2024年干部名册"), "person_name")


def test_a_breakdown_begins_at_its_heading():
    body = ("供应商：某某数字科技有限公司\n分项报价明细：\n序号\t项目\t综合单价（元）\t成本构成说明\n"
            "1\t受理模块\t186,000\t人工费142,000元、管理费24,000元、利润20,000元\n"
            "2\t调解小程序\t98,500\t人工费76,300元、接口费9,200元、利润13,000元\n")
    found = findings(review(body, "某项目报价单"), "bid_price_breakdown")
    assert len(found) == 1 and found[0].text.startswith("分项报价明细") and "利润13,000元" in found[0].text, found


def test_the_names_under_a_failed_check_heading_are_private_and_the_recruits_stay():
    body = ("经笔试、面试、体检和考察，拟聘用人员名单公示如下：\n苗晓东、戚宇航、韩雪薇\n"
            "二、体检不合格人员（1人）：\n裘文斌（准考证号240812036），经复检不合格。\n"
            "考察不合格（1人）：\n邝立新\n监督电话：0931-8123456")
    names = [f.text for f in findings(review(body, "2024年事业单位公开招聘体检和考察结果公示"), "person_name")]
    assert "裘文斌" in names and "邝立新" in names
    assert not {"苗晓东", "戚宇航", "韩雪薇"} & set(names)
    # (a title that announces the appointments names everyone the notice lists: left as published)


def test_a_candidate_named_in_a_misconduct_notice_is_private():
    body = ("现将考试违纪违规考生处理如下：\n1. 考生滕浩然（准考证号3402052001），在考试中携带手机进入考场，"
            "给予其当次考试成绩无效的处理。\n联系电话：0551-63123456")
    names = [f.text for f in findings(review(body, "关于考试违纪违规行为处理情况的通报"), "person_name")]
    assert names == ["滕浩然"]


@pytest.mark.parametrize("body, name", [
    ("3月12日，县疾控中心接报，县第三中学教师滕志远经县人民医院确诊为活动性肺结核，已居家治疗。", "滕志远"),
    ("高一（2）班英语教师蓝晓岚因确诊抑郁症，需住院治疗，课程由他人代课。", "蓝晓岚"),
    ("检查发现，某聚会点负责人卫约翰（基督教信徒）未按规定报备。", "卫约翰"),
])
def test_an_officials_own_private_statement_makes_the_name_private(body, name):
    assert name in [f.text for f in findings(review(body, "情况通报"), "person_name")]


@pytest.mark.parametrize("body", [
    "县卫健局局长滕建国介绍，今年共救治肺结核患者120人。",
    "被告人徐某豪被判处缓刑一年。承办法官卢晓岚在判后回访中了解到其患有多动障碍，协调学校安排心理辅导。",
    "患儿出现哭闹症状，经接种门诊医生蓝建华现场处置后转县人民医院，诊断为过敏反应。",
])
def test_an_official_acting_on_someone_elses_matter_stays(body):
    assert not findings(review(body, "情况通报"), "person_name")


@pytest.mark.parametrize("title, body, name", [
    ("关于病假申请的批复", "区环卫中心：\n你单位《关于鲍振国同志延长病假的报告》收悉。经研究，同意其延长病假三个月。", "鲍振国"),
    ("关于某某同志问题线索初核情况的报告", "一、关于阙晓光同志问题线索初核情况\n经初核，反映的部分问题属实。", "阙晓光"),
    ("关于瞿晓峰同志年度考核情况的说明", "经单位考核小组研究，现将有关情况说明如下。", "瞿晓峰"),
    ("信访联席会议纪要", "会议议定事项如下：\n一、关于仝国权反映安置房产权证办理问题\n由区住建局牵头办理。", "仝国权"),
])
def test_a_person_whose_own_matter_a_title_or_item_names_is_private(title, body, name):
    assert name in [f.text for f in findings(review(body, title), "person_name")]


def test_an_appointment_named_the_same_way_stays():
    body = "各科室：\n《关于阙晓光同志任职的通知》已印发，请遵照执行。\n一、关于瞿晓峰同志任职的有关事项\n按程序办理。"
    assert not findings(review(body, "关于转发任职通知的通知"), "person_name")


@pytest.mark.parametrize("body, names", [
    ("阿依努尔女士：\n您反映的孩子因户籍不在本地无法入学的问题收悉。经核实，已协调解决。", ["阿依努尔"]),
    ("郜建军等12户村民：\n你们反映的流转土地租金拖欠问题，镇政府已调查核实。", ["郜建军"]),
    ("滕国庆、宓丽华等12户业主：\n你们于7月2日反映的屋面渗漏问题收悉。", ["滕国庆", "宓丽华"]),
    ("蔺建英同志：\n您寄给市长的信已转我委办理。", ["蔺建英"]),
])
def test_the_addressee_of_a_reply_to_a_petition_is_private(body, names):
    assert [f.text for f in findings(review(body, "关于来信反映问题的答复"), "person_name")] == names


def test_a_letter_to_a_group_names_no_one():
    assert not findings(review("尊敬的家长：\n你们好！现将寒假安全事项告知如下。", "致家长的一封信"), "person_name")


def test_a_companys_seat_stays_when_its_record_gives_the_representatives_id():
    body = ("当事人：某某办公设备有限公司\n统一社会信用代码：912201025380986288\n法定代表人：甄立成\n"
            f"法定代表人身份证号码：{make_id('220102', '19700830', '783')}\n住所：长春市南关区某某大街3218号\n经查，当事人…")
    result = review(body, "行政处罚决定书")
    assert findings(result, "id_card") and not findings(result, "address")
    # an individual business whose operator gives an ID: the 住所 is a home
    home = f"经营者：甄立成\n身份证号码：{make_id('220102', '19700830', '783')}\n住所：长春市南关区某某大街3218号"
    assert findings(review(home, "行政处罚决定书"), "address")


def test_a_nodule_or_mass_found_in_a_check_up_is_health_information():
    body = "体检结果反馈，请以下同志及时复诊：\n办公室：瞿志军（肺部磨玻璃结节8mm，建议3个月后复查CT）\n财务科：蔺丽（乳腺肿物，建议复查）"
    result = review(body, "关于职工体检结果的通知")
    assert [f.text for f in findings(result, "person_name")] == ["瞿志军", "蔺丽"]
    assert len(findings(result, "health")) == 2
    assert not findings(review("甲状腺结节的防治知识讲座将于周五举行。", "健康讲座通知"), "health")
