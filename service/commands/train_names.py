"""``gongkai train-names``: build the person-name model of a bundle and register it in its manifest."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "train-names", help="训练人名识别模型（CRF）并登记到模型包",
        description="用公开人名标注语料（Universal NER 中文 GSD，CC BY-SA 4.0）和编写的政务公开句式训练字级 CRF 人名识别模型，"
                    "写出 names.crfsuite，在语料测试集和留出的政务句式上评估，并登记到模型包的 manifest.json"
                    "（files 中的 SHA-256 与 name_model 一节）。不改动分类模型。相同输入两次训练得到逐字节相同的文件。",
    )
    p.add_argument("--out", default=None, metavar="目录",
                   help="模型包目录（须已有 manifest.json；默认为仓库的 models/default）")
    p.add_argument("--seed", type=int, default=0, help="生成训练句式的随机种子（默认 0）")
    p.set_defaults(func=run)


def run(args) -> int:
    from classifier.bundle import read_manifest, shipped_model_dir
    from training.names.train import register as register_model, train_name_model

    out = Path(args.out) if args.out else shipped_model_dir()
    read_manifest(out)  # fail before an expensive training when the folder is not a bundle
    print(f"正在训练人名识别模型（约 1–2 分钟），输出到 {out} …", file=sys.stderr)
    entry = train_name_model(out, seed=args.seed)
    register_model(out, entry)
    m = entry["metrics"]
    print(f"已写入 {entry['file']}（{entry['bytes'] / 1e6:.1f} MB，用时 {entry['seconds']} 秒）并登记到 manifest.json。")
    print(f"语料测试集 F1 {m['corpus_test']['f1']:.3f}（P {m['corpus_test']['precision']:.3f} / R {m['corpus_test']['recall']:.3f}）；"
          f"留出政务句式 F1 {m['gov_heldout']['f1']:.3f}（P {m['gov_heldout']['precision']:.3f} / R {m['gov_heldout']['recall']:.3f}）。")
    return 0
