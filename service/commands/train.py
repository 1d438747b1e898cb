"""``gongkai train``: build a model bundle from labelled corpora (and adapt it to a site's archive)."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser(
        "train", help="用语料训练分类模型并写出模型包（可用本站存档和栏目映射适配本站）",
        description="读取一个或多个带 label 的语料（JSONL/CSV/Parquet，本地文件），去重、按固定种子做 5 折交叉验证，"
                    "用每条的留出预测评估并选定复核阈值（有真实来源时按留一来源选定），然后在全部语料上训练最终模型，写出模型包（model.joblib + manifest.json）。\n"
                    "不带参数时用 training/corpus 重建默认模型 models/default。同样的语料和参数得到逐字节相同的模型包。\n\n"
                    "适配本站：再加一个 --corpus 指向本站存档（每条带本站栏目名），用 --label-map 说明哪个栏目是哪一类。"
                    "映射之外的栏目会列出并排除，不作猜测；本站条目加权训练，复核阈值在留出的本站条目上选定，"
                    "并打印当前模型与新模型在这些条目上的前后对比。\n\n"
                    "训练不会改变已安装程序随包发布的模型：写出的模型包用 --model 目录 或环境变量 GONGKAI_MODEL_DIR 启用。",
        epilog="示例：\n"
               "  gongkai train                                  # 重建 models/default\n"
               "  gongkai train --corpus training/corpus --corpus 本站存档.jsonl --label-map 栏目映射.toml --out models/本站\n"
               "  GONGKAI_MODEL_DIR=models/本站 gongkai serve\n\n"
               "栏目映射.toml：\n"
               "  field = \"栏目\"                 # 存档中存放栏目名的字段\n"
               "  ignore = [\"图片新闻\"]           # 明确不用的栏目\n"
               "  [columns]\n"
               "  \"人事任免\" = \"人事信息\"          # 中文类别名或代码（personnel）均可\n"
               "  \"部门预决算\" = \"财政信息\"",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--corpus", action="append", metavar="路径", help="语料文件或目录，可重复；默认 training/corpus")
    p.add_argument("--label-map", metavar="栏目映射.toml", default=None,
                   help="本站栏目 → 类别的映射（TOML）；有该映射所指字段的文件按栏目定类，作为本站条目")
    p.add_argument("--site-weight", type=float, default=3.0, help="本站条目的训练权重（默认 3）")
    p.add_argument("--site-target", type=float, default=0.97,
                   help="选阈值时要求本站留出条目中自动定类部分达到的准确率（默认 0.97）")
    p.add_argument("--sources", metavar="目录", default=None,
                   help="真实公开存档及其栏目映射（每个 名称.jsonl 配 名称.toml）；不给 --corpus 时默认读 "
                        "training/sources。有真实来源时，复核阈值按留一来源在其上选定")
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
    from classifier.categories import load_label_map
    from classifier.errors import GongkaiError
    from training.train import real_sources, train

    if args.site_weight <= 0:
        raise GongkaiError("--site-weight 必须是正数。", "bad_option")
    if not 0.5 <= args.site_target < 1:
        raise GongkaiError("--site-target 应在 0.5 与 1 之间。", "bad_option")
    label_map = load_label_map(args.label_map) if args.label_map else None
    feedback = []
    if args.feedback:
        from service.commands.reviews import open_from
        from service.reviews.feedback import feedback_rows

        found = feedback_rows(open_from(args))
        feedback = found.rows
        print(f"审查记录中有 {found.corrections} 条类别更正，可用于训练 {len(found.rows)} 条"
              f"（{found.without_text} 条没有标题或原文，不能用）。")
    train(corpus=args.corpus, out=args.out, name=args.name, seed=args.seed, C=args.C, label_map=label_map,
          site_weight=args.site_weight, site_target=args.site_target,
          sources=real_sources(args.sources) if args.sources else None, feedback=feedback)
    return 0
