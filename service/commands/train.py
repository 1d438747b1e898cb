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
    p.add_argument("--feedback", action="store_true",
                   help="加入审查记录中编辑的类别更正作为训练样本（需附标题或 GONGKAI_KEEP_TEXT=true 保存了原文），"
                        "在指标中单独报告")
    p.add_argument("--database", metavar="URL", default=None,
                   help="与 --feedback 一起：审查记录数据库（默认：GONGKAI_DATABASE_URL，否则用户数据目录中的 reviews.db）")
    p.set_defaults(func=run)


def run(args) -> int:
    from training.train import train

    feedback = []
    if args.feedback:
        from service.commands.reviews import open_from
        from service.reviews.feedback import feedback_rows

        found = feedback_rows(open_from(args))
        feedback = found.rows
        print(f"审查记录中有 {found.corrections} 条类别更正，可用于训练 {len(found.rows)} 条"
              f"（{found.without_text} 条没有标题或原文，不能用）。")
    train(corpus=args.corpus, out=args.out, name=args.name, seed=args.seed, C=args.C, feedback=feedback)
    return 0
