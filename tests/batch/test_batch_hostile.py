"""Hostile archives: bad lines, other encodings, kills and Ctrl-C, misspelt columns (issue 11, items 11-16)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import read_archive

from service.batch.io import BatchError
from service.batch.relabel import relabel, work_dir_for

ROOT = Path(__file__).resolve().parents[2]

DRAFTS = [
    {"id": "a1", "title": "青山县财政局2025年度部门预算", "body": "本部门预算收入合计一百二十万元。"},
    {"id": "a2", "title": "关于调整青山县防汛抗旱指挥部组成人员的通知", "body": "因人事变动，现将组成人员调整如下。"},
    {"id": "a3", "title": "青山县人民政府办公室关于印发农村供水管理办法的通知", "body": "现印发给你们，请认真贯彻执行。"},
    {"id": "a4", "title": "青山县交通运输局道路养护工程中标结果公示", "body": "中标单位：青山路桥有限公司。"},
]


def run(src, out, analyzer, tmp_path, **kw):
    kw.setdefault("num_proc", 1)
    kw.setdefault("shard_rows", 3)
    kw.setdefault("batch_size", 2)
    return relabel(src, out, analyzer=analyzer, cache_dir=tmp_path / "hf", progress=False, log=lambda m: None, **kw)


def jsonl(rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def clean_results(tmp_path, analyzer, rows, name="clean"):
    """The output of a clean archive of ``rows`` (the reference: bad lines must change nothing else)."""
    src = tmp_path / f"{name}.jsonl"
    src.write_text(jsonl(rows), encoding="utf-8")
    out = tmp_path / f"{name}-out.jsonl"
    run(src, out, analyzer, tmp_path)
    return read_archive(out)


RESULT = ("category", "confidence", "needs_review", "verdict", "findings", "error_code")


def same_results(row, ref):
    return all(row[k] == ref[k] for k in RESULT) and row["title"] == ref["title"]


# --- 11: bad lines become error rows in their place -----------------------------------------------
def test_bad_jsonl_lines_become_error_rows_in_place(tmp_path, batch_analyzer):
    lines = [json.dumps(DRAFTS[0], ensure_ascii=False), "", '{"id": "broken", "title": "缺右括号"',
             '["title", "body"]', json.dumps(DRAFTS[1], ensure_ascii=False), "   ", '"只是一个字符串"',
             "NaN", '{"id": "nan", "title": NaN}', json.dumps(DRAFTS[2], ensure_ascii=False), "{}",
             json.dumps(DRAFTS[3], ensure_ascii=False), "[" * 200_000]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run(src, out, batch_analyzer, tmp_path)

    rows = read_archive(out)
    assert len(rows) == len(lines) == summary.rows  # one output row per input line, in order
    codes = [r["error_code"] for r in rows]
    assert codes == [None, "blank_line", "invalid_json", "not_an_object", None, "blank_line", "not_an_object",
                     "invalid_json", "invalid_json", None, "empty_input", None, "invalid_json"]
    for number, row in enumerate(rows, 1):
        if row["error_code"] and row["error_code"] != "empty_input":
            assert f"第 {number} 行" in row["error"]  # the line is named
            assert row["category"] is None and row["verdict"] is None
    assert "数组" in rows[3]["error"] and "字符串" in rows[6]["error"]
    assert "__gongkai_input_error__" not in rows[0]  # the reader's hidden column is never written
    reference = clean_results(tmp_path, batch_analyzer, DRAFTS)
    assert [r["id"] for r in rows if r["error_code"] is None] == ["a1", "a2", "a3", "a4"]
    assert all(same_results(r, ref) for r, ref in zip([r for r in rows if r["error_code"] is None], reference))
    assert summary.errors["blank_line"] == 2 and summary.errors["invalid_json"] == 4
    assert "嵌套过深" in rows[-1]["error"]
    assert "第 2 条" in summary.format() and "第 2 行是空行" in summary.format()


def test_bad_csv_records_become_error_rows_in_place(tmp_path, batch_analyzer):
    d = DRAFTS
    text = ("id,title,body\n"
            f"{d[0]['id']},{d[0]['title']},{d[0]['body']}\n"
            f"ragged,{d[1]['title']},多出来的,一列\n"            # line 3: too many fields
            f"{d[1]['id']},{d[1]['title']},\"正文跨两行，\n其中有引号内的换行。\"\n"  # lines 4-5: one valid record
            "\n"                                                # line 6: blank
            f"open,\"{d[2]['title']},引号没有闭合\n"                 # line 7: stray quote
            f"{d[2]['id']},{d[2]['title']},{d[2]['body']}\n"     # line 8: read again after the bad line
            f"short,{d[3]['title']}\n"                          # line 9: too few fields
            f"{d[3]['id']},{d[3]['title']},{d[3]['body']}\n"
            f"last,\"{d[0]['title']}\n")                        # line 11: quote open until the end of the file
    src = tmp_path / "in.csv"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run(src, out, batch_analyzer, tmp_path)

    rows = read_archive(out)
    assert [r["id"] for r in rows] == ["a1", None, "a2", None, None, "a3", None, "a4", None]
    assert [r["error_code"] for r in rows] == [None, "ragged_row", None, "blank_line", "invalid_csv", None,
                                               "ragged_row", None, "unclosed_quote"]
    assert "第 3 行有 4 个字段，与表头的 3 个不符" in rows[1]["error"] and "第 9 行有 2 个字段" in rows[6]["error"]
    assert "第 7 行" in rows[4]["error"] and "第 11 行的引号没有闭合" in rows[8]["error"]
    assert rows[2]["body"] == "正文跨两行，\n其中有引号内的换行。"
    assert summary.failed == 5 and summary.rows == 9
    good = [r for r in rows if r["error_code"] is None]
    reference = clean_results(tmp_path, batch_analyzer, [d[0], dict(d[1], body=rows[2]["body"]), d[2], d[3]])
    assert all(same_results(r, ref) for r, ref in zip(good, reference))


def test_csv_cells_are_read_as_text(tmp_path, batch_analyzer):
    src = tmp_path / "in.csv"
    src.write_text("id,title,body,amount\n007,青山县财政局2025年度部门预算,,1.50\n008,,正文,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run(src, out, batch_analyzer, tmp_path)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("007,青山县财政局2025年度部门预算,,1.50,")  # no type guessing: 007 and 1.50 kept
    assert lines[2].startswith("008,,正文,,")


# --- 12: GB18030 and GBK ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
@pytest.mark.parametrize("ext", [".csv", ".jsonl"])
def test_gb18030_gbk_and_bom_inputs_give_the_same_utf8_output(tmp_path, batch_analyzer, encoding, ext):
    if ext == ".jsonl":
        text = jsonl(DRAFTS)
    else:
        text = "id,title,body\n" + "".join(f"{r['id']},{r['title']},{r['body']}\n" for r in DRAFTS)
    utf8, other = tmp_path / f"utf8{ext}", tmp_path / f"other{ext}"
    utf8.write_text(text, encoding="utf-8")
    other.write_bytes(text.encode(encoding))
    assert other.read_bytes() != utf8.read_bytes()
    run(utf8, tmp_path / "a.jsonl", batch_analyzer, tmp_path)
    run(other, tmp_path / "b.jsonl", batch_analyzer, tmp_path)
    assert (tmp_path / "b.jsonl").read_bytes() == (tmp_path / "a.jsonl").read_bytes()
    assert read_archive(tmp_path / "b.jsonl")[0]["title"] == DRAFTS[0]["title"]


@pytest.mark.parametrize("encoding,ext", [("gb18030", ".csv"), ("utf-8-sig", ".csv"), ("gb18030", ".jsonl")])
def test_output_encoding_when_told(tmp_path, batch_analyzer, encoding, ext):
    src = tmp_path / "in.jsonl"
    rows = [dict(DRAFTS[i % 4], id=f"r{i}") for i in range(40)] + [{"id": "emoji", "title": "𠀀字与表情😀", "body": ""}]
    src.write_text(jsonl(rows), encoding="utf-8")
    run(src, tmp_path / f"a{ext}", batch_analyzer, tmp_path)
    run(src, tmp_path / f"b{ext}", batch_analyzer, tmp_path, output_encoding=encoding)
    utf8 = (tmp_path / f"a{ext}").read_bytes()
    other = (tmp_path / f"b{ext}").read_bytes()
    assert other != utf8 and other.decode(encoding) == utf8.decode("utf-8")
    assert other.count(b"\xef\xbb\xbf") == (1 if encoding == "utf-8-sig" else 0)
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "c.parquet", batch_analyzer, tmp_path, output_encoding="gb18030")
    assert err.value.code == "bad_option"
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "c.csv", batch_analyzer, tmp_path, output_encoding="gbk")
    assert err.value.code == "unknown_encoding" and "gb18030" in err.value.message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_transcoder_takes_utf8_cut_anywhere(encoding):
    import io

    from service.batch.io import Transcoder

    text = "标题,正文\n𠀀字😀,二\n" * 3
    data = text.encode("utf-8")
    sink = io.BytesIO()
    out = Transcoder(sink, encoding)
    for i in range(0, len(data), 5):  # cuts inside characters
        out.write(data[i:i + 5])
    assert sink.getvalue() == text.encode(encoding)  # one BOM at most, nothing lost


def test_a_line_in_no_known_encoding_is_an_error_row(tmp_path, batch_analyzer):
    src = tmp_path / "in.jsonl"
    bad = b'{"id": "x", "title": "\xff\xfe\xff\xfe"}\n'  # neither UTF-8 nor GB18030
    src.write_bytes(jsonl(DRAFTS[:2]).encode("utf-8") + bad + jsonl(DRAFTS[2:]).encode("utf-8"))
    run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path)
    rows = read_archive(tmp_path / "out.jsonl")
    assert [r["error_code"] for r in rows] == [None, None, "invalid_encoding", None, None]
    assert "第 3 行不是 UTF-8 编码" in rows[2]["error"]


def test_forced_encoding_and_unknown_encoding(tmp_path, batch_analyzer):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(DRAFTS).encode("gbk"))
    run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path, encoding="GBK")
    assert read_archive(tmp_path / "out.jsonl")[1]["title"] == DRAFTS[1]["title"]
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path, encoding="latin-9")
    assert err.value.code == "unknown_encoding"


# --- 13: temporary files ---------------------------------------------------------------------------
def test_temporary_output_is_private_and_the_output_is_not(tmp_path, batch_analyzer, monkeypatch):
    import service.batch.io as io_module

    seen = []
    real_publish = io_module.publish

    def spy(tmp, target):
        seen.append((tmp.name, stat.S_IMODE(tmp.stat().st_mode)))
        real_publish(tmp, target)

    monkeypatch.setattr(io_module, "publish", spy)
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(DRAFTS), encoding="utf-8")
    out = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        run(src, out, batch_analyzer, tmp_path, keep_work=True)
    finally:
        os.umask(old)
    assert seen == [(f".out.csv.gongkai-{os.getpid()}.tmp", 0o600)]
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    work = work_dir_for(out)
    assert stat.S_IMODE(work.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in work.glob("shard-*.parquet")} == {0o600}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from service.batch.tempfiles import private_file
    with private_file(Path(sys.argv[1])) as tmp:
        tmp.write_text("未去标识化的记录：身份证号码一串", encoding="utf-8")
        print(tmp, flush=True)
        time.sleep(60)
""")


def _holder(target: Path) -> tuple[subprocess.Popen, Path]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    tmp = Path(proc.stdout.readline().strip())
    assert tmp.is_file() and stat.S_IMODE(tmp.stat().st_mode) == 0o600
    return proc, tmp


def test_sigterm_removes_the_temporary_file_and_kill_9_leftovers_go_at_the_next_start(tmp_path, batch_analyzer):
    out = tmp_path / "out.jsonl"
    proc, tmp = _holder(out)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    assert not tmp.exists()  # removed on SIGTERM

    proc, tmp = _holder(out)
    proc.kill()  # kill -9: nothing can run
    proc.wait(timeout=30)
    assert tmp.exists() and tmp.name == f".out.jsonl.gongkai-{proc.pid}.tmp"
    stale_dir = tmp_path / f".out.jsonl.work.gongkai-{_dead_pid()}.tmp"
    stale_dir.mkdir()
    alive = tmp_path / f".other.jsonl.gongkai-{os.getppid()}.tmp"  # a live process's: not ours to remove
    alive.write_text("x")
    unrelated = tmp_path / ".out.jsonl.12345.tmp"
    unrelated.write_text("x")

    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(DRAFTS), encoding="utf-8")
    run(src, out, batch_analyzer, tmp_path)
    assert not tmp.exists() and not stale_dir.exists()
    assert alive.exists() and unrelated.exists()
    assert len(read_archive(out)) == 4


def test_report_scratch_is_private_and_stale_scratch_goes(tmp_path):
    import tempfile

    from service.batch.report import build_report
    from service.batch.tempfiles import private_dir

    stale = Path(tempfile.gettempdir()) / f"gongkai-{_dead_pid()}-leftover"
    stale.mkdir()
    with private_dir() as scratch:
        assert stat.S_IMODE(scratch.stat().st_mode) == 0o700 and scratch.name.startswith(f"gongkai-{os.getpid()}-")
        assert not stale.exists()
    assert not scratch.exists()
    src = tmp_path / "out.csv"  # a relabelled archive: the report reads CSV through a private copy
    src.write_text("id,category,verdict,error\nx,work,publish,\n", encoding="utf-8")
    assert build_report(src, cache_dir=tmp_path / "hf").total == 1
    assert not [p for p in Path(tempfile.gettempdir()).glob(f"gongkai-{os.getpid()}-*")]


# --- 14: Ctrl-C -----------------------------------------------------------------------------------
SLOW_CLI = textwrap.dedent("""
    import sys, time
    import service.batch.records as records
    real = records.analyze_batch
    def slow(*args, **kwargs):
        time.sleep(0.4)
        return real(*args, **kwargs)
    records.analyze_batch = slow
    from service.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_ctrl_c_stops_cleanly_keeps_shards_and_resume_finishes(tmp_path, batch_model_dir):
    rows = [dict(DRAFTS[i % 4], id=f"r{i}") for i in range(48)]
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    work = work_dir_for(out)
    args = ["relabel", str(src), "-o", str(out), "--model", str(batch_model_dir), "--num-proc", "2",
            "--shard-rows", "8", "--batch-size", "2", "--no-progress", "--cache-dir", str(tmp_path / "hf")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CLI, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    while not list(work.glob("*.done")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole process group
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "已中断，可用 --resume 继续" in stderr and "--resume" in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) <= 2  # the message (a warning at most)
    done = sorted(p.name for p in work.glob("*.done"))
    assert 1 <= len(done) < 6 and not out.exists()

    resumed = subprocess.run([sys.executable, "-m", "service.cli", *args, "--resume", "--json"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["shards_skipped"] == len(done) and summary["rows"] == 48 and summary["failed"] == 0
    assert [r["id"] for r in read_archive(out)] == [r["id"] for r in rows]


def test_ctrl_c_in_a_worker_free_run_is_reported_once(tmp_path, batch_analyzer):
    from service.batch.relabel import interruptible, stop_on_ctrl_c

    said = []

    @interruptible("停了")
    def job(log=None):
        os.kill(os.getpid(), signal.SIGINT)  # what the terminal sends
        time.sleep(5)

    previous = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        job(log=said.append)
    assert said == ["停了"] and signal.getsignal(signal.SIGINT) is previous

    with pytest.raises(KeyboardInterrupt):  # any error after Ctrl-C (a pool's TimeoutError) is the interrupt
        with stop_on_ctrl_c():
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(5)
            except KeyboardInterrupt:
                raise TimeoutError from None


# --- 16: misspelt columns -------------------------------------------------------------------------
@pytest.mark.parametrize("option,value", [("--title-column", "titel"), ("--body-column", "bodi"),
                                          ("--id-column", "编号"), ("--label-column", "lable")])
def test_a_misspelt_column_is_a_clear_error(tmp_path, batch_model_dir, capsys, option, value):
    from service.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(jsonl([dict(r, label="finance") for r in DRAFTS]), encoding="utf-8")
    code = main(["relabel", str(src), "-o", str(tmp_path / "out.jsonl"), "--model", str(batch_model_dir),
                 "--num-proc", "1", "--no-progress", "--cache-dir", str(tmp_path / "hf"), option, value])
    err = capsys.readouterr().err
    assert code == 2
    assert f"没有 {option} 指定的列 {value!r}" in err and "现有列：id、title、body、label" in err
    assert "Traceback" not in err and "__gongkai" not in err
    if value != "编号":
        assert "是不是" in err  # a close match is suggested
    assert not (tmp_path / "out.jsonl").exists()


def test_default_columns_may_be_missing_but_named_ones_may_not(tmp_path, batch_analyzer):
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl([{"text": r["title"]} for r in DRAFTS]), encoding="utf-8")  # no title, no body: text
    summary = run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path)
    assert summary.failed == 0 and summary.columns.body == "text"
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path, title_column="title")
    assert err.value.code == "missing_columns" and "--title-column" in err.value.message
