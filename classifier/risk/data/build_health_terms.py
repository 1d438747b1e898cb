"""Build ``health_conditions.txt``: names of diseases, disorders and injuries from THUOCL's medical list.

    python classifier/risk/data/build_health_terms.py THUOCL_medical.txt [--min-freq 5]

THUOCL (THU Open Chinese Lexicon, https://github.com/thunlp/THUOCL, MIT licence) lists 18,749
medical words with their document frequency. Kept: words of 2–10 CJK characters that name a
condition (they end in 病, 症, 炎, 癌, 瘤, 综合征, 障碍, 衰竭, 骨折…), seen at least ``--min-freq``
times (two-character words at least 20 times: rarer ones are mostly pieces of longer names, "毒症"),
minus words that are not a person's condition (看病, 疾病, 流行病…, ``STOP`` below). Also kept: operations
and transplants (…切除术, …置换术, …移植) and symptoms (发热, 呕吐, 皮疹…): stated of a person, each says what
happened to their body. The
output is package data (one word a line, sorted); the runtime needs neither THUOCL nor this script.
A health word is reported only when it is stated of an identifiable person, so a long list is safe.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

CONDITION = re.compile(r"^[\u4e00-\u9fff]{2,10}\Z")
SUFFIXES = ("病", "症", "炎", "癌", "瘤", "综合征", "障碍", "中毒", "衰竭", "硬化", "梗死", "梗塞", "损伤", "骨折", "畸形",
            "瘫", "痴呆", "结核", "艾滋", "白血病", "哮喘", "癫痫", "贫血", "出血", "溃疡", "结石", "囊肿", "麻痹", "狼疮",
            "疟疾", "梅毒", "麻风", "残疾", "失明", "失聪",
            # conditions named by what they do to the body rather than by a disease suffix
            "内障", "光眼", "增生", "息肉", "气肿", "疝气", "痛风", "湿疹", "白癜风", "中风", "卒中", "心衰", "房颤", "耳聋",
            "聋哑", "失语", "智力低下", "烧伤", "烫伤", "截肢", "肌无力", "坏死", "积液", "结节", "肿大", "失禁", "缺损",
            "狭窄", "闭锁", "脱垂", "脱位", "扭伤", "挫伤", "裂伤", "梗阻", "穿孔", "感染", "发育迟缓", "早产", "唇裂", "腭裂",
            # what a person went through: operations and transplants ("胆囊切除术", "髋关节置换术", "肾移植")
            "切除术", "置换术", "移植术", "修补术", "成形术", "造瘘术", "摘除术", "搭桥术", "植入术", "移植",
            # symptoms stated of a person ("3月9日出现发热、皮疹", "突发昏迷") and what befell the body
            "发热", "呕吐", "腹泻", "腹痛", "皮疹", "咳嗽", "头晕", "昏迷", "抽搐", "休克", "胸闷", "失眠", "偏瘫", "截瘫",
            "坏疽", "肉芽肿", "咬伤", "断裂", "流产", "剖宫产")
STOP = frozenset("""看病 治病 防病 生病 疾病 病症 炎症 毛病 通病 弊病 语病 心病 就病 查病 诊病 发病 得病 患病 犯病 因病 大病 重病
疑难病 常见病 多发病 流行病 地方病 职业病 传染病 慢性病 急症 重症 病重 癌症 肿瘤 富贵病 现代病 文明病 老年病 儿童病 妇女病
疑难杂症 并发症 后遗症 适应症 禁忌症 对症 病危 冬病 夏病
增生 坏死 积液 结节 小结节 大结节 失禁 缺损 狭窄 闭锁 脱垂 脱位 梗阻 穿孔 感染 交叉感染 医院感染 院内感染 医源性感染
电穿孔 充盈缺损 基因缺陷 早产 撕裂
移植 染色体断裂 DNA断裂 文化休克 硬化""".split())


SHORT_MIN_FREQ = 20
"""A two-character word seen less often is mostly a piece of a longer name ("毒症" of 尿毒症): it needs this many."""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="THUOCL_medical.txt (word<TAB>frequency per line)")
    ap.add_argument("--min-freq", type=int, default=5)
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).with_name("health_conditions.txt"))
    args = ap.parse_args()
    words = set()
    for line in args.source.read_text(encoding="utf-8").splitlines():
        word, _, freq = line.strip().partition("\t")
        least = max(args.min_freq, SHORT_MIN_FREQ) if len(word) == 2 else args.min_freq
        if CONDITION.match(word) and word.endswith(SUFFIXES) and word not in STOP and int(freq or 0) >= least:
            words.add(word)
    header = ("# 疾病、障碍与伤情名称（健康信息语境词）。由 build_health_terms.py 从 THUOCL 医学词表（MIT 许可）生成，\n"
              "# 每行一个词；机关可在词表文件的 [terms] health 中追加。仅当与可识别的个人同句时才报出。\n")
    args.output.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} 个词 → {args.output}")


if __name__ == "__main__":
    main()
