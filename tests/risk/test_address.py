"""Detailed private addresses."""

import pytest

from classifier.risk.address import PROPERTY_HEADER_RE
from tests.assertions import assert_found, assert_not_found, findings, review


@pytest.mark.parametrize("text, part", [
    ("住址：某县某镇某村七组36号，联系电话", "七组36号"),                                  # private cue
    ("家庭住址南宁市青秀区新竹街道桃源支路9号1203房；", "桃源支路9号1203房"),          # full address
    ("房东谭某出租的雁塔区小寨街道翠华南巷23号2单元5楼1号存在隐患", "翠华南巷23号2单元5楼1号"),  # cue 出租的
    ("3. 覃某某户，桂花西路415号6栋902室，家庭电话", "桂花西路415号6栋902室"),           # room detail
    ("住址：石碣镇滨江大道东段翠湖家园8栋2单元704房。", "翠湖家园8栋2单元704房"),       # no 号: 栋 anchor
    ("送达地址为北京市朝阳区某街道某小区216楼3门502号", "216楼3门502号"),                # end of text
    ("住址：某镇某路１２号３０１室。", "某路１２号３０１室"),                              # full-width digits
    ("迁入前地址：某市某区高笋塘路58号4-2\n", "高笋塘路58号4-2"),                      # 迁入前地址
    ("现居住地 长春市朝阳区红旗街某广场C1栋1908\n", "C1栋1908"),                       # a lettered building
    ("有群众（来信地址：某县某镇水井村5组41号）提出补偿标准偏低。", "水井村5组41号"),   # a person's letter
    ("郭某某：\n你户位于某县某乡南台村二街14号的宅基地自2016年起闲置。", "南台村二街14号"),  # 你户位于
    ("工伤认定决定书已邮寄至某市某区双拥路38号新竹小区11栋3单元601，因无人签收被退回。",
     "11栋3单元601"),                                                                      # mailed to a flat
])
def test_found(text, part):
    f = assert_found(text, "address", part)
    assert f.replacement and f.replacement.endswith("***")


def test_replacement_keeps_to_street():
    f = assert_found("家庭住址南宁市青秀区新竹街道桃源支路9号1203房。", "address", "9号")
    assert f.replacement == "南宁市青秀区新竹街道***"


@pytest.mark.parametrize("text", [
    "办公地址：长春市朝阳区湖西路417号，邮政编码：130012",   # office address
    "社区党群服务中心，地址：武侯区浆洗街26号，办事电话",       # service point, no room
    "供应商地址：合肥市蜀山区长江西路233号创新大厦1705室；",      # supplier's registered address
    "办理地点：太原市小店区南中环街42号政务服务中心三楼",         # office
    "不动产坐落：某镇北厝村北厝168号；",                        # 不动产登记公告
    "关于印发某某文件的通知（某政发〔2024〕59号）",              # 文号
    "配租房源：柳岸新苑公租房7号楼；",                          # building of public housing
    "第5号台风将于7月25日登陆",
])
def test_not_found(text):
    assert_not_found(text, "address")


def test_address_column_of_a_table_with_a_person_column():
    body = ("序号  户主      地址                          补助金额（元）\n"
            "1     罗某某    某镇龙井村三组27号            35000\n"
            "2     韦*兰    某乡杉坪村水塘组8号           15000\n")
    found = [f.text for f in review(body).findings if f.type == "address"]
    assert found == ["某镇龙井村三组27号", "某乡杉坪村水塘组8号"], found


@pytest.mark.parametrize("text", [
    "来信地址：某市蜀山区长江西路2500号某县农业综合行政执法大队（邮编230000）",   # the office receiving letters
    "序号  单位名称          单位地址                  金额\n1     某某有限公司      某区某路18号3楼301室      5000\n",
])
def test_office_addresses_not_found(text):
    assert_not_found(text, "address")


def test_a_notices_property_is_published_where_its_owner_lives_is_not():
    # an expropriation notice locates each property (the law requires it); the current home of its owner stays private
    body = ("现将第三批货币补偿款发放情况公示如下：\n"
            "户号｜被征收人｜被征收房屋坐落｜补偿金额（元）｜收款账户｜现住址\n"
            "HZ-031｜陈某某｜黄竹村新屋围一巷7号｜1,286,440｜6217000575977815773｜江北云山西路18号金域华府6栋1203房\n")
    result = review(body, "某村旧村改造项目房屋征收货币补偿款发放情况公示")
    assert [f.text for f in findings(result, "address")] == ["江北云山西路18号金域华府6栋1203房"]
    letter = ("赵某某：\n你位于芙蓉区马王堆街道东湖路65号的房屋在征收范围内。据登记信息，你现居住于芙蓉区朝阳街道"
              "韭菜园路17号2栋501室，因无人接收，特此公告。")
    result = review(letter, "关于向赵某某公告送达房屋征收补偿决定书的公告")
    assert [f.text for f in findings(result, "address")] == ["芙蓉区朝阳街道韭菜园路17号2栋501室"]


@pytest.mark.parametrize("header, property_column", [
    ("房屋坐落", True), ("被征收房屋坐落", True), ("不动产坐落", True), ("被征收房屋地址", True),
    ("所购住房坐落", False), ("原房屋坐落", False), ("现住址", False), ("地址", False),  # where the row's person lives
])
def test_which_columns_locate_a_notices_property(header, property_column):
    assert (PROPERTY_HEADER_RE.search(header) is not None) == property_column


def test_contact_address_inside_a_persons_bracketed_record():
    body = ("你于2024年3月4日向本机关提出政府信息公开申请（申请人身份证号：某某；联系电话：139 8501\n 4472；"
            "通讯地址：某区某街道某村彭家湾H区7栋2单元1803室），要求公开某项目房屋征收补偿方案。")
    assert_found(body, "address", "H区7栋2单元1803室")


def test_address_in_a_line_that_opens_with_a_masked_person():
    body = ("下列邮件无法按址投递，请收件人领取：\n1. 收件人宋**，电话见档案，地址某区某街道只楚路66号院3排5号；\n"
            "2. 承租人周某某，分配房源：民心佳园5栋。")
    found = [f.text for f in review(body).findings if f.type == "address"]
    assert len(found) == 1 and found[0].endswith("66号院3排5号"), found   # a building alone names no home


@pytest.mark.parametrize("text, part", [
    ("车辆所有人登记住址：四川省某市石桥镇双龙村六组。", "石桥镇双龙村六组"),        # a village group after a home label
    ("龙某敏，女，13岁，家住雷公山村三组，父母外出务工。", "雷公山村三组"),
])
def test_village_group_homes(text, part):
    assert_found(text, "address", part)


def test_village_groups_in_an_address_column():
    body = "序号｜姓名｜住址｜救助类别\n1｜龙某贵｜凤城街道三门塘村二组｜临时救助\n2｜吴某四｜石洞镇冲敏村六组｜临时救助\n"
    assert [f.text for f in review(body).findings if f.type == "address"] == ["凤城街道三门塘村二组", "石洞镇冲敏村六组"]


@pytest.mark.parametrize("text", [
    "冉某梅，家住某村5组，因丈夫车祸身亡给予临时救助。",          # the place left out
    "项目实施地点：石桥镇双龙村六组。",                            # no home label
])
def test_village_groups_not_homes(text):
    assert_not_found(text, "address")


def test_a_home_after_zhu_of_an_owner():
    body = "以下车辆长期占用消防通道：辽A·7K3M2（车主住和平区长白三路118号2单元5-3），请立即挪车。"
    assert [f.text for f in findings(review(body), "address")] == ["和平区长白三路118号2单元5-3"]


@pytest.mark.parametrize("body, home", [
    ("案件来源：群众举报。举报人黄德胜（住五河县小溪镇大桥村四组）反映，某公司违规排污。", "五河县小溪镇大桥村四组"),
    ("当事人：乌日根，住保合少镇水磨村三组。", "保合少镇水磨村三组"),
])
def test_a_village_group_after_zhu(body, home):
    assert [f.text for f in findings(review(body), "address")] == [home]


@pytest.mark.parametrize("body, home", [
    ("朱某英家庭住址：塘房镇凉水村营盘组。", "塘房镇凉水村营盘组"),
    ("王某琪，女，2014年6月出生，住巴彦查干乡德力格尔村东屯，由伯父抚养。", "巴彦查干乡德力格尔村东屯"),
    ("迁出地以古镇新田村大寨组，迁入地县城安置点。", "以古镇新田村大寨组"),
    ("住址：张渚镇省庄村上湾自然村", "张渚镇省庄村上湾自然村"),
    ("住址：博厚镇透滩村第三村民小组", "博厚镇透滩村第三村民小组"),
    ("联系地址：美岱召镇沙图沟嘎查二社", "美岱召镇沙图沟嘎查二社"),
])
def test_a_named_village_group_after_a_home_label(body, home):
    assert [f.text for f in findings(review(body), "address")] == [home]


@pytest.mark.parametrize("body", [
    "申请人罗某，家庭人口3人，拟建地址谷远村新寨组，占地面积96平方米。",
    # a homestead approval notice publishes where the house will stand (the plot), even where the old house stood
    "申请户韦某，拟建地址青禾县玉屏街道水甫村五组（原旧宅拆除重建）。",
    "地址：县驻村工作组办公室",
])
def test_a_plot_or_a_work_team_is_no_village_home(body):
    assert not findings(review(body), "address")


@pytest.mark.parametrize("body, address", [
    ("二房东转租案。冯某某承租闵行区梅陇镇春申路2888弄16号402室后改建为胶囊房转租。", "闵行区梅陇镇春申路2888弄16号402室"),
    ("经网格巡查，李**住在白云区同和街道蟾蜍石东路9号1栋602房，长期堆放杂物。", "白云区同和街道蟾蜍石东路9号1栋602房"),
])
def test_the_masked_subject_placed_at_an_address_is_not_part_of_it(body, address):
    found = [f.text for f in review(body).findings if f.type == "address"]
    assert found == [address]


@pytest.mark.parametrize("body, address", [
    # "您所居住的": 所 after a pronoun names no body (派出所, 研究所) whose seat the address would be
    ("一是您所居住的江岸区百步亭街道幸福社区12栋3单元704室的房屋因楼上漏水受损。", "江岸区百步亭街道幸福社区12栋3单元704室"),
    # a reply mailed to its applicant, though it is about a 征收 scheme (whose notices publish properties)
    ("你申请的征收补偿方案已主动公开。\n本答复书将以邮寄方式送达：嘉定区马陆镇育绿路188弄9号301室。", "嘉定区马陆镇育绿路188弄9号301室"),
    # a building written with # ("15#楼"), a house number's sub-number ("218号之三")
    ("该户（蜀山区琥珀街道某名城15#楼1单元602室）可与物业服务企业协商。", "蜀山区琥珀街道某名城15#楼1单元602室"),
    ("来电人：陈女士\n诉求地址：天河区棠下街道棠安路218号之三1703房\n诉求内容：反映油烟。", "天河区棠下街道棠安路218号之三1703房"),
    # a flat in a lettered tower, with no house number ("某某大厦A座705房")
    ("住户　　住址　　　　　　　　　　　　联系电话\n曾先生　　越秀区东风路某苑大厦A座705房　　020-38810000",
     "越秀区东风路某苑大厦A座705房"),
])
def test_homes_written_in_more_ways(body, address):
    assert [f.text for f in findings(review(body), "address")] == [address]


def test_an_office_word_in_another_cell_does_not_make_a_home_column_an_office():
    body = ("序号｜姓名｜职业｜住址\n1｜蒋某怡｜社区工作者｜天山区友好南路300号15栋6单元602室\n"
            "2｜马平｜社区卫生服务中心医生｜水磨沟区幸福路523号19栋6单元701室")
    assert [f.text for f in findings(review(body), "address")] == ["天山区友好南路300号15栋6单元602室",
                                                                   "水磨沟区幸福路523号19栋6单元701室"]


@pytest.mark.parametrize("body", [
    "联系电话：0592-2037517\n邮寄地址：思明区湖滨南路388号区政府大楼东楼8层",        # a government building
    "请持单位介绍信到市人力资源和社会保障局职称管理科（天河北路638号1205室）领取。",     # the office named before it
    "举办者住址：见登记表\n单位住所：锦江区牛市口路166号\n开办资金：50万元",              # an organisation's seat
    "材料请寄至：任城区太白湖新区市政大楼B座1107室。",                              # a city-hall tower
    "异议请书面寄送：某县五云街道溪南路18号文体大楼412室，联系人某某。",                # a 大楼 is an office building
    "机构名称：某文化艺术培训学校有限公司\n办学地址：杭州市西湖区文三路478号华星大厦3楼302室",  # a school's address
    "执行事务合伙人：聂某某\n执业地址：武汉市武昌区中北路109号中钢大厦1708室",                 # a firm's
    "经核查，城关镇天主教堂位于城关镇胜利街87号2号楼201室，属依法登记的宗教活动场所。",       # where a venue stands
])
def test_offices_named_in_more_ways_keep_their_addresses(body):
    assert not findings(review(body), "address")


def test_a_road_named_after_an_office_is_part_of_a_home():
    assert [f.text for f in findings(review("住址：城关镇政府路12号3栋201室"), "address")] == ["城关镇政府路12号3栋201室"]


@pytest.mark.parametrize("body, address", [
    ("彭思远（湖南某科普协会，家住长沙市岳麓区麓谷街道枫林三路金茂悦小区6栋2单元1802室）",
     "长沙市岳麓区麓谷街道枫林三路金茂悦小区6栋2单元1802室"),
    ("邹玉兰（某中学退休教师，户籍地浏阳市集里街道花园社区新屋组17号）", "浏阳市集里街道花园社区新屋组17号"),
    ("本决定书按您申请表中填写的地址寄送：广东省陆丰市碣石镇新兴社区海滨三巷7号。", "广东省陆丰市碣石镇新兴社区海滨三巷7号"),
    ("本答复按你留存的联系方式送达：黑龙江省尚志市亚布力镇青云村四屯27号。", "黑龙江省尚志市亚布力镇青云村四屯27号"),
])
def test_a_home_or_a_letters_own_address_cue_gives_the_home(body, address):
    assert [f.text for f in findings(review(body), "address")] == [address]


@pytest.mark.parametrize("body, address", [
    # a village whose name ends in a region's character (红旗村: not the banner 旗, 新市村: not a city)
    ("申请人：戴某某\n原户籍地址：黑龙江省海林市某某镇红旗村4组\n拟迁入地址：同被投靠人住址", "黑龙江省海林市某某镇红旗村4组"),
    ("户籍地址：城固县新市村三组\n", "城固县新市村三组"),
    # where the person's household was registered, where they would move, where a decision was served on them
    ("你原户籍登记于永州市零陵区某某街道柳子街社区下河线44号，1996年因迁往外地被迁出。", "永州市零陵区某某街道柳子街社区下河线44号"),
    ("经审查，你拟迁入的地址（沈阳市沈河区某某街道大西路三段71号2-3-1）房屋产权人为你的侄子。", "沈阳市沈河区某某街道大西路三段71号2-3-1"),
    ("本决定已邮寄送达贾某某住所（包头市青山区某某街道保利花园11栋1单元801），因无人签收，现予公告。",
     "包头市青山区某某街道保利花园11栋1单元801"),
])
def test_a_registered_home_or_where_a_person_is_served_is_a_home(body, address):
    assert [f.text for f in findings(review(body), "address")] == [address]


def test_a_companys_registered_seat_is_no_home():
    body = "因通过你公司登记的住所（东莞市某某园区工业北三路6号1栋305室）无法联系，现予公告送达。"
    assert not findings(review(body), "address")





@pytest.mark.parametrize("body", [
    "定于7月19日13:00至22:00对以下区域临时停水：中南二路1号至41号（单号）；武珞路北侧。",
    "停电范围：丰产路1号—57号住户。",
])
def test_a_range_of_house_numbers_is_nobodys_home(body):
    assert not findings(review(body), "address")


@pytest.mark.parametrize("body, address", [
    ("2. 钟某（南山区海德三道某大厦A座1707，座机：0755—2671 3385）投诉物业费公示不规范。", "南山区海德三道某大厦A座1707"),
    ("用户编号　　地址\n0108776302　迎泽区柳巷南路金港公寓B座1108　　2,054.10", "迎泽区柳巷南路金港公寓B座1108"),
])
def test_a_lettered_towers_flat_needs_no_room_word(body, address):
    assert address in [f.text for f in findings(review(body), "address")]


def test_a_landlords_row_gives_the_rented_flat():
    body = ("备案编号｜出租人｜证件号码｜房屋坐落\n"
            "XHZL-2024-09-0317｜王某某｜330106197103051532｜西湖区文新街道学院路77号4幢2单元503室")
    assert [f.text for f in findings(review(body), "address")] == ["西湖区文新街道学院路77号4幢2单元503室"]


def test_a_flat_written_with_hyphens_after_a_lane_compound():
    body = "家庭住址：南开区学府街道龙兴里5-1-302"
    assert [f.text for f in findings(review(body), "address")] == ["南开区学府街道龙兴里5-1-302"]


def test_a_location_label_without_its_colon_is_no_part_of_the_address():
    body = "因下列当事人拒不签收行政处罚决定书，现依法公告送达：\n一、当事人李某某，违建位置台江区宁化街道工业路318号顶层，违建面积约62平方米。"
    assert all(not f.text.startswith("违建") for f in review(body, "违法建设行政处罚决定的公告").findings)


def test_a_suppliers_address_in_its_record_stays():
    body = ("二、中标供应商：黔城规划设计有限公司\n统一社会信用代码：91520102MA6H2K3L4X\n法定代表人：吴立成\n"
            "地址：贵阳市观山湖区长岭北路66号6号楼1803\n中标金额：1,265,000.00元\n")
    assert not findings(review(body), "address")


@pytest.mark.parametrize("body, place", [
    # an individual business whose record gives its operator's identity number: the operator's home (registration
    # words, but no organisation's record)
    ("经营者：邹某某\n身份证号：52010219880615441X\n注册号：520102600123457\n地址：南明区油榨街18号2单元402室\n",
     "南明区油榨街18号2单元402室"),
])
def test_a_flat_outside_an_organisations_record_is_still_private(body, place):
    assert place in [f.text for f in findings(review(body), "address")]


def test_a_companys_seat_under_a_changed_seat_column_stays():
    body = ("企业名称        统一社会信用代码        变更后住所        企业联系电话\n"
            "上海衡岳模具有限公司        91310112MA1GB3XK2P      上海市闵行区申南路518号2幢        021-64421873\n")
    assert not findings(review(body), "address") and not findings(review(body), "landline")


def test_a_legal_representatives_home_column_in_a_company_row_is_still_private(analyzer):
    # the shipped review (rules and name model): "法定代表人住所" is the person's home, not the company's seat
    body = ("本局决定吊销下列企业营业执照：\n\n企业名称｜注册号｜法定代表人｜法定代表人住所\n"
            "呼和浩特市塞北建材有限责任公司｜150102000419384｜巴特尔｜呼和浩特市新城区昭君路满都海小区12号楼3单元602\n"
            "内蒙古青城文化传播有限公司｜150102000527169｜白永平｜呼和浩特市新城区东影南路金宇文苑6-2-1102\n")
    result = analyzer.reviewer.review("关于吊销部分企业营业执照的公告", body)
    assert "呼和浩特市新城区昭君路满都海小区12号楼3单元602" in [f.text for f in result.findings if f.type == "address"]


def test_an_office_in_a_party_committees_compound_is_no_home():
    body = "请于6月10日前将材料报送区保密局，报送地址：某市船营区光华路21号区委大院2号楼307室，电话：0432-62077154。"
    assert not findings(review(body), "address") and not findings(review(body), "landline")


def test_an_address_starts_after_the_verb_that_reports_it():
    body = "1. 投诉编号GR231208-017：居民邵某反映南岗区学府路316号和兴小区7栋3单元602室室温仅14℃。经测温核实，系阀门故障。"
    assert [f.text for f in findings(review(body), "address")] == ["南岗区学府路316号和兴小区7栋3单元602室"]


def test_a_law_firms_seat_in_its_record_stays():
    body = ("现将某某律师事务所设立申请有关情况公示如下：\n律所名称：河南嵩岳律师事务所\n组织形式：普通合伙\n"
            "住所：郑州市金水区农业路28号汇宝大厦17层1708室\n负责人：冯立新\n")
    assert not findings(review(body), "address")
