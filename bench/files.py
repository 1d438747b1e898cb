"""Benchmark of attachments: check and redact, side by side with only reading the same file.

    python bench/files.py [--rows 10000] [--pages 100] [--docx-mb 5]

Three invented files, made here (the generators of tests/files/makers.py):
- an XLSX 名单 of ``--rows`` rows × 6 columns (ID number, mobile, address … in every row);
- a ``--pages``-page PDF with a text layer;
- a DOCX of about ``--docx-mb`` MB: ``--docx-pages`` pages of notice text (one paragraph in ten names a
  person with an ID number and a mobile) and embedded photos making up the rest, as a large Word
  attachment usually is.

Each side runs in a fresh process, so the peak RSS (``VmHWM``) is that side's alone; start-up work a
service does once (imports, the reviewer's lexicons, a warm-up review) is done before the clock starts
and shows in the RSS "at start"; the fastest of three runs is printed. The
baseline only reads the file with the library the reader uses (openpyxl ``load_workbook``; pypdf
``extract_text`` of every page; the DOCX parts parsed with lxml and their text collected). "check +
redact" is ``classifier.files.check_file`` (the risk review, as in ``gongkai check``) followed by
writing the redacted file. Aim for the XLSX: ≤ 3× the reading time, ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import io
import math
import multiprocessing as mp
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _prepare_read_only() -> None:
    import openpyxl  # noqa: F401  (imported here so that the timed part is the reading alone)
    import pypdf  # noqa: F401
    from lxml import etree  # noqa: F401


def _prepare_check() -> None:
    """What a service does once at start: imports, the reviewer's lexicons, one warm-up review."""
    global REVIEWER
    from classifier.files import check_file  # noqa: F401  (imported before the clock starts)
    from classifier.risk import RiskReviewer

    REVIEWER = RiskReviewer()
    REVIEWER.review("关于公示的通知", "申请人张三，身份证号11010519491231002X。")


REVIEWER = None


def _read_only(kind: str, data: bytes) -> int:
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        return sum(len(ws._cells) for ws in book.worksheets)
    if kind == "pdf":
        from pypdf import PdfReader

        return sum(len(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    from lxml import etree

    zf = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zf.read("word/document.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
    return sum(len(t.text or "") for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def _check_and_redact(kind: str, data: bytes) -> int:
    from classifier.files import check_file

    check = check_file(data, f"bench.{kind}", reviewer=REVIEWER)
    red = check.redacted_file()
    return len(check.result["findings"]) + 0 * len(red.data)


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss it starts afresh at exec, so the parent does not count)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _task(args) -> tuple[float, float, float, int]:
    prepare, fn, kind, data = args
    prepare()  # start-up work (imports, lexicons) is not timed: a service does it once
    before = peak_rss_mb()
    started = time.perf_counter()
    count = fn(kind, data)
    elapsed = time.perf_counter() - started
    return elapsed, peak_rss_mb(), before, count


def measure(prepare, fn, kind: str, data: bytes) -> tuple[float, float, float, int]:
    runs = []
    for _ in range(REPEAT):  # a fresh process each time, so each peak is that run's own
        with mp.get_context("spawn").Pool(1) as pool:
            runs.append(pool.apply(_task, ((prepare, fn, kind, data),)))
    return min(runs, key=lambda r: r[0])


REPEAT = 3
"""Each side runs this many times, each in a new process; the fastest run is printed (the machine is shared)."""


def make_files(rows: int, pages: int, docx_mb: float, docx_pages: int) -> dict[str, bytes]:
    import random

    from tests.assertions import make_id
    from tests.files.makers import docx, para, pdf, roster, table, xlsx

    files = {"xlsx": xlsx({"名单": roster(rows)})}
    page_text = "\n".join(f"第{i + 1}条 为进一步做好社会救助工作，申请人王小明身份证号{make_id('330106', '19850612', f'{100 + i:03d}')}，"
                          "经审核符合条件，予以公示。" for i in range(30))
    files["pdf"] = pdf([page_text] * pages)
    rng = random.Random(7)
    words = ("各街道", "社区居委会", "按照", "工作要求", "认真组织", "入户调查", "家庭经济状况", "核对", "民主评议",
             "公示", "审核审批", "动态管理", "应保尽保", "资金发放", "监督检查", "群众满意度", "进一步", "规范")
    body = []
    for n in range(docx_pages * 12):  # about 12 paragraphs of ~80 characters a page
        if n % 10 == 0:
            body.append(para(f"申请人李小红（身份证号{make_id('110105', '19720304', f'{n % 900 + 100}')}，"
                             f"手机139{n:08d}）家庭人均收入低于当地标准，拟给予救助{n % 900 + 100}元。"))
        else:
            body.append(para("".join(rng.choice(words) for _ in range(14)) + "。"))
        if n % 120 == 119:
            body.append(table([["序号", "事项", "金额"]] + [[str(i), rng.choice(words), str(rng.randint(100, 999))] for i in range(8)]))
    text_only = docx("".join(body))
    photos = {f"word/media/image{i}.jpeg": rng.randbytes(500_000) for i in range(max(0, math.ceil((docx_mb * 1e6 - len(text_only)) / 500_000)))}
    files["docx"] = docx("".join(body), extra=photos)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description="附件检查与去标识化的耗时和内存（与只读取文件对比）")
    parser.add_argument("--rows", type=int, default=10_000, help="XLSX 名单行数（6 列），默认 10000")
    parser.add_argument("--pages", type=int, default=100, help="PDF 页数，默认 100")
    parser.add_argument("--docx-mb", type=float, default=5.0, help="DOCX 大小（MB），默认 5")
    parser.add_argument("--docx-pages", type=int, default=300, help="DOCX 的文字页数，默认 300")
    args = parser.parse_args()
    files = make_files(args.rows, args.pages, args.docx_mb, args.docx_pages)
    labels = {"xlsx": f"XLSX {args.rows} 行×6 列", "pdf": f"PDF {args.pages} 页",
              "docx": f"DOCX {args.docx_pages} 页+图片"}
    print("每项在新进程中运行（导入和审查词表的加载不计时，取三次中最快的一次）；峰值为该进程的最大常驻内存，"
          "括号内为开始计时时的值（解释器、导入的库和词表）。")
    print(f"{'文件':<18}{'大小':>8}  {'只读取':>8}{'峰值':>14}  {'检查+去标识化':>10}{'峰值':>14}  {'时间比':>5}{'内存比':>6}{'发现':>7}")
    for kind in ("xlsx", "pdf", "docx"):
        data = files[kind]
        base_s, base_mb, base_start, _ = measure(_prepare_read_only, _read_only, kind, data)
        ours_s, ours_mb, ours_start, found = measure(_prepare_check, _check_and_redact, kind, data)
        print(f"{labels[kind]:<18}{len(data) / 1e6:>6.2f}MB  {base_s:>7.2f}s{base_mb:>7.0f}MB({base_start:>3.0f})"
              f"  {ours_s:>11.2f}s{ours_mb:>7.0f}MB({ours_start:>3.0f})  {ours_s / base_s:>4.1f}×{ours_mb / base_mb:>5.1f}×{found:>7}")


if __name__ == "__main__":
    main()
