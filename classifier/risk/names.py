"""Reading a Chinese personal name at a position (surname list + one or two given-name characters)."""

from __future__ import annotations

from .text import is_cjk
from .words import common_words

MASK_CHARS = "某*＊×X"
# Characters that cannot be the first / second character of a given name: function words and
# verbs that follow a name in running text.
STOP_FIRST = frozenset("的了在是和与及等为因于系被将已向到对从由其同某先女们")
STOP_SECOND = frozenset("的了在是和与及等为因于系被将已向到对从由其同家说称表送打反患实今曾父母妻夫儿经并也都还就"
                        "到去来拿给把让请领获任现原男")
NOT_NAMES = frozenset(
    "家庭 家属 家中 家里 本人 其中 情况 信息 名单 姓名 人员 共计 累计 平均 全部 共有 包括 均为 合计 以上 以下 有关 相关 经过 "
    "通过 于是 同时 同志 需要 可以 应当 代表 单位 部门 全区 全县 全市 全镇 全乡 全村 全体 阿姨 先生 女士 师傅 大爷 大妈 阿伯 "
    "阿婆 老师 主任 书记 局长 车辆 车主 方式 时间 地点 地址 电话 项目 工作 社区 村民 居民 群众 申请 审核 审批 公示 如下 "
    "公布 公众 向其 计算 计划 计量 严加 严禁 严查 严厉 严防 管教 管控 向其 任何 任务 任职 华侨 高龄 高度 高速 常年 常住 常务 文化 文明 文件 安全 安置 安排 明确 明年 白天 金额 金融 黄金 "
    "石油 林业 林地 江边 江东 江西 海洋 海关 海岛 海边 关于 关爱 关心 关注 和谐 时候 时期 周边 周末 周年 周岁 程序 方面 方案 "
    "方向 田间 田地 包括 包户 包村 余额 余下 成员 成功 成为 成果 万元 元旦 温暖 上门 上报 康复 宋体 夏季 秋季 春节 钱款 "
    "孙子 孙女 儿子 女儿 父亲 母亲 丈夫 妻子 爷爷 奶奶 老人 小孩 邻居 房屋 房东 房间 东侧 西侧 南侧 北侧 东至 西至 南至 北至 "
    "向东 向西 农户 农村 农业 农民 杨树 柳树 梅花 红色 蓝色 白色 黄色 路面 路段 路口 史料 公安 公开 公共 公告 公司 公路 "
    "公示 公交 公园 公务 公益 平安 平台 平均 平方 应急 应征 相应 相关 宁德 洪水 尚未 尚有 乔木 甘肃 岳麓 和平 经营 经费 "
    "符合 纪实 纪律 纪念 纪要 成长 成绩 成立 成本 高考 高中 高级 高龄 高温 华人 华东 江苏 江南 云南 海南 湖南 河南 "
    "安徽 安徽 山东 广东 广西 贵州 四川 黑龙 吉林 辽宁 上海 北京 天津 重庆 福建 浙江 湖北 江西 陕西 山西 河北 "
    "范围 费用 程度 余额 管理 管护 章程 毕业 鲁迅 车间 钟点 方便 方法 方针 明显 明天 时间 时代 应该 于是 于今 "
    "欧洲 欧美 向上 向下 金钱 金牌 甄别 连续 连接 连同 卫生 卫星 宁静 宁可 伍市 米饭 包装 包含 包干 邢台 柴油 "
    "牛奶 牛肉 马上 马路 熊猫 龙头 凤凰 曾经 孟子 孔子 庄园 庄稼 路上 路边 路过 路线 苏醒 齐全 齐心 戴帽 花园 "
    "花费 强化 强调 强制 国家 国际 国内 国有 全面 全部 全省 全国 水平 司法 商品 商户 商业 阳光 祝愿 祝贺 双方 "
    "双向 双阳 左右 左侧 右侧 上述 经济 经过 经查 经审 经营 申请 申报 申领 车辆 车牌 车主 谷物 和睦 严格 严重".split()
)


AFTER_NAME = frozenset("反因系患家是于在的曾今等老经被将已向到对从由与和及并也都还就说称表送打领获任现原男女今年之为")
"""Characters that may follow a name in running text (function words, verbs that start a predicate)."""

def name_boundary(t: str, end: int) -> bool:
    """``t[end]`` can follow a name: end of text, punctuation/space, or a function word/verb."""
    return (end >= len(t) or t[end] in NAME_END or t[end] in AFTER_NAME or t[end] in STOP_SECOND
            or not is_cjk(t[end]))


TITLES = frozenset("阿姨 先生 女士 师傅 大爷 大妈 阿伯 阿婆 老师 同志 主任 书记 局长 老板 医生 大姐 大哥 阿叔 阿公 奶奶 爷爷 某某".split())


NAME_END = frozenset("（(，,、；;：: \t\u3000\n。）)｜|/")
"""Punctuation that may follow a name."""

NUMERALS = frozenset("一二三四五六七八九十百千万〇○零两0123456789")

VERY_COMMON_GIVEN = 30_000
"""A two-character "given name" this frequent is a word, whatever the surname ("童发展", "高中国")."""


class NameReader:
    """Reads names: ``read(text, pos)`` -> ``(end, masked)`` or ``None``.

    A name is a surname plus one or two given-name characters that do not form a common word
    (``data/common_words.txt``): not ``支持``/``权益``/``常规`` (surname + given is a word), not
    ``权益保``/``相互尊`` (surname + first given character is a word and the last character starts
    the next word: "权益保障", "相互尊重"), not ``白血病`` (the whole
    is a word), not ``第五条`` (第 + numeral). Its surname must not end a word that begins before it
    (``儿童发展`` has no surname 童), unless the caller read it right after a role word
    (``after_word``: "职工钱某" — 工钱 is a word too). *Weak* surnames — characters far more often a
    function word (和, 来, 都, 于…; ``weak_surnames`` of terms.toml) — also need a given name that is
    neither a common word (``和妇女``, ``来我国``) nor a numeral (``由一九八〇年``); those almost only
    used as function words (``function_surnames``: 都, 和, 来…) also need punctuation or the end of the
    text right after the name ("都应该", "都能在…" are not names). ``第`` + numeral (``第五条``, where
    第五 is a compound surname) is never a name.
    """

    def __init__(self, surnames: frozenset[str], initials: frozenset[str] = frozenset(),
                 weak: frozenset[str] = frozenset(), words: dict[str, int] | None = None,
                 function: frozenset[str] = frozenset()):
        self.single = frozenset(s for s in surnames if len(s) == 1)
        self.double = frozenset(s for s in surnames if len(s) == 2)
        self.initials = initials
        self.function = frozenset(function)
        self.weak = frozenset(weak) | self.function
        self.words = common_words() if words is None else words

    def _word_before(self, t: str, pos: int) -> bool:
        """``t[pos]`` ends a common word that begins before it ("儿童" before "发展")."""
        w = self.words
        return any(t[a:pos + 1] in w for a in range(max(0, pos - 3), pos))

    def _word_from(self, t: str, pos: int) -> bool:
        """``t[pos]`` begins a common word of two to four characters."""
        w = self.words
        return any(t[pos:b] in w for b in range(pos + 2, min(len(t), pos + 4) + 1))

    def _given_ok(self, t: str, pos: int, g: int, end: int) -> bool:
        """The reading ``t[pos:end]`` (given name ``t[g:end]``) is not a word or a piece of one."""
        w = self.words
        if t[pos:end] in w:
            return False
        if end - g == 2 and t[pos:g + 1] in w and self._word_from(t, end - 1):
            # "权益保障", "相互尊重", "陆续回国": surname + first character is a word and the last
            # character starts the next one. ("吴国华", "王国强": 吴国/王国 are words too, but 华/强 end there.)
            return False
        weak = t[pos:g] in self.weak
        if weak and any(c in NUMERALS for c in t[g:end]):
            return False
        if end - g == 2:
            f = w.get(t[g:end])
            if f is not None and (weak or f >= VERY_COMMON_GIVEN):
                return False
        return True

    def read(self, t: str, pos: int, *, allow_initials: bool = False, allow_masked: bool = True,
             after_word: bool = False) -> tuple[int, bool] | None:
        n = len(t)
        if pos >= n or not is_cjk(t[pos]):
            return None
        if not after_word and pos > 0 and is_cjk(t[pos - 1]) and self._word_before(t, pos):
            return None
        if t[pos] == "第" and t[pos + 1:pos + 2] in NUMERALS:
            return None  # 第五条, 第五十章: an ordinal, not the compound surname 第五
        if t[pos:pos + 2] in self.double:
            sl = 2
        elif t[pos] in self.single:
            sl = 1
        elif allow_initials and t[pos:pos + 2] in self.initials:
            end = pos + 2
            while end < n and end < pos + 4 and is_cjk(t[end]) and t[end] not in STOP_SECOND:
                end += 1
            return end, False
        else:
            return None
        g = pos + sl
        if g >= n:
            return None
        if t[g] in MASK_CHARS:
            if not allow_masked:
                return None
            end = g
            while end < n and end < g + 3 and t[end] in MASK_CHARS:
                end += 1
            if end < n and is_cjk(t[end]) and t[end] not in STOP_SECOND and t[end] not in "某":
                end += 1
            return end, True
        if not is_cjk(t[g]) or t[g] in STOP_FIRST or t[pos:g + 1] in NOT_NAMES or t[g:g + 2] in TITLES:
            return None
        end = g + 1
        if end < n and is_cjk(t[end]) and t[end] not in STOP_SECOND and t[g:end + 1] not in NOT_NAMES:
            if not self._given_ok(t, pos, g, end + 1):
                # "权益保障", "和妇女": the three characters are (part of) words; so are the first two
                # unless only the surname + given pair were tested ("王建国" stays a name)
                return None
            end += 1
        elif not self._given_ok(t, pos, g, end):
            return None
        if t[pos:g] in self.function:
            if end < n and t[end] not in NAME_END:
                return None
        return end, False

    def read_bounded(self, t: str, pos: int, strict: bool = True, **kw) -> tuple[int, bool] | None:
        """Like :meth:`read`, but preferring a name that ends at a boundary (:func:`name_boundary`).

        A three-character reading that runs into the next word is retried as two characters. With
        ``strict`` a name that runs into the next word ("计算机单价") is rejected; without it (right
        after a role word, where "驾驶人邓志明酒后驾驶" is common) it is kept — unless a placeholder
        follows ("当事人：杭州某某公司") or words overlap it ("幼儿师范抓起")."""
        got = self.read(t, pos, **kw)
        if not got:
            return None
        end, masked = got
        if name_boundary(t, end):
            return got
        if not masked and end - pos == 3 and t[pos:pos + 2] not in self.double and name_boundary(t, end - 1):
            return end - 1, masked
        if strict or (end < len(t) and t[end] in MASK_CHARS):
            return None
        if not masked and (t[pos:pos + 2] in self.words or self._word_from(t, end - 1)):
            return None  # a run-on reading that begins with a word, or whose last character starts one
            # ("幼儿师范抓起": 抓起), is not a name
        return got
