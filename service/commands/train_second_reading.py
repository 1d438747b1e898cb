"""``gongkai train-second-reading``: build the second-reading model of a bundle and register it in its manifest."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "train-second-reading", help="训练二次判读模型并登记到模型包",
        description="用项目自己编写并标注的审查集（bench/data 中 ind1–179、ind188–195、ind204–225、ind234–257、ind282–289 与 ind298–321）和分类语料（training/corpus，以规则的判断为标注）"
                    "训练逻辑回归模型，对规则的判断再读一次上下文："
                    "规则未能关联到个人的健康、社会救助、违法犯罪记录、宗教信仰陈述，未成年人的年龄和年级，未判为私人住址的门牌地址，"
                    "以及密级、内部、草稿、请示、会议纪要、执法案卷、报价明细、个人评价等标志——规则没报的，模型有把握时补报（请人工核实）；"
                    "后一类中（密级标志除外）规则报了而模型有把握并非如此的，予以撤回；"
                    "人名规则读到的每个人名也再判一次：规则未判为私人姓名而模型有把握的补报，规则判为私人姓名而模型有把握并非如此的撤回"
                    "（未成年人、举报人的姓名不撤回）。"
                    "写出 second_reading.json，并登记到模型包的 manifest.json（files 中的 SHA-256 与 second_reading 一节）。"
                    "须在仓库检出目录中运行（读取 bench/data）；不改动分类模型和人名模型。相同输入两次训练得到逐字节相同的文件。",
    )
    p.add_argument("--out", default=None, metavar="目录",
                   help="模型包目录（须已有 manifest.json；默认为仓库的 models/default）")
    p.set_defaults(func=run)


def run(args) -> int:
    from classifier.bundle import read_manifest, shipped_model_dir
    from training.second_reading import DATA_DIR, TRAIN_SETS, register as register_model, shipped_name_tagger
    from training.second_reading import train_second_reading

    out = Path(args.out) if args.out else shipped_model_dir()
    read_manifest(out)  # fail before an expensive training when the folder is not a bundle
    if not DATA_DIR.is_dir():
        print(f"找不到训练用的审查集目录 {DATA_DIR}：请在仓库检出目录中运行本命令。", file=sys.stderr)
        return 2
    print(f"正在用 {len(TRAIN_SETS)} 个审查集训练二次判读模型（约 2–4 分钟），输出到 {out} …", file=sys.stderr)
    done = [0]

    def progress(_name: str) -> None:
        done[0] += 1
        print(f"\r  已读 {done[0]}/{len(TRAIN_SETS)} 个审查集", end="", file=sys.stderr, flush=True)

    entry = train_second_reading(out, name_tagger=shipped_name_tagger(out), progress=progress)
    print(file=sys.stderr)
    register_model(out, entry)
    h = entry["metrics"]["heldout"]
    print(f"已写入 {entry['file']}（{entry['bytes'] / 1e6:.2f} MB，{entry['features']} 个特征，"
          f"{entry['examples']} 个样例）并登记到 manifest.json。")
    print(f"留出检验（{h['train_sets']} 训练，{h['test_sets']} 检验）：规则未报的 {h['unreported']} 处中，模型补报 {h['added']} 处，"
          f"其中 {h['added_gold']} 处为标注所有；规则已报的标志中撤回 {h['withdrawn']} 处，其中 {h['withdrawn_not_gold']} 处标注中确实没有。")
    return 0
