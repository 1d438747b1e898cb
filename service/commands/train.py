"""``gongkai train``: build a model bundle from labelled corpora."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser(
        "train", help="用语料训练分类模型并写出模型包",
        description="读取一个或多个带 label 的语料（JSONL/CSV/Parquet，本地文件），去重、按固定种子划分、训练、"
                    "在留出集上评估并选定复核阈值，然后在全部语料上训练最终模型，写出模型包（model.joblib + manifest.json）。\n"
                    "不带参数时用 training/corpus 重建默认模型 models/default。",
    )
    p.add_argument("--corpus", action="append", metavar="路径", help="语料文件或目录，可重复；默认 training/corpus")
    p.add_argument("--out", default="models/default", metavar="目录", help="模型包输出目录（默认 models/default）")
    p.add_argument("--name", default="default", help="模型名称（写入清单）")
    p.add_argument("--seed", type=int, default=42, help="随机种子（默认 42）")
    p.add_argument("--C", type=float, default=0.5, help="线性 SVM 的正则化参数 C（默认 0.5）")
    p.set_defaults(func=run)


def run(args) -> int:
    from training.train import train

    train(corpus=args.corpus, out=args.out, name=args.name, seed=args.seed, C=args.C)
    return 0
