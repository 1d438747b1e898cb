"""``gongkai relabel`` on ``datasets``: re-classify and re-screen an archive, resumably, without losing a row.

The archive is processed in K contiguous shards. Each shard goes through
``Dataset.map(analyze_batch, batched=True, num_proc=N, new_fingerprint=...)`` and is written to
``OUT.work/shard-0000i.parquet`` followed by a ``.done`` marker holding the shard's fingerprint. A
resumed run skips every shard whose marker matches; at the end the shards are concatenated in
order and written to a temporary file that replaces ``OUT`` only when complete.

Fingerprints are derived from the model file's sha256, the threshold and size limit, the column
options, the input's own fingerprint and the shard number: a retrained model, or another input,
never picks up cached results.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

from .io import BatchError, check_paths, load_parts, quiet_datasets, resolve_format, resolve_output_encoding
from .io import unknown_column, write_archive, write_parquet_atomic
from .reader import open_archive, without_input_error
from .records import BATCH_VERSION, AnalyzerHandle, Columns, fingerprint, map_function
from .summary import Summary
from .tempfiles import remove_stale

DEFAULT_SHARD_ROWS = 10_000
DEFAULT_BATCH_SIZE = 256
ENGINES = ("datasets", "ray")


def default_num_proc() -> int:
    return os.cpu_count() or 1


def work_dir_for(out: Path) -> Path:
    """The folder next to ``OUT`` that holds finished shards until the run completes."""
    return out.with_name(out.name + ".work")


def resolve_columns(names: list[str], *, title: str | None = None, body: str | None = None, id: str | None = None,
                    label: str | None = None, prefix: str = "") -> Columns:
    """Check the requested columns against the archive's columns.

    A column that is named (not ``None``) must exist: a misspelt ``--title-column`` would otherwise
    be read as an empty title, and a 机密★ title would never be seen. Unnamed, the defaults are
    ``title``, ``body`` (or ``text`` when there is no ``body``) and ``id``, each optional, but the
    archive must have a title or a body column."""
    have = set(names)
    for option, value in (("--title-column", title), ("--body-column", body), ("--id-column", id),
                          ("--label-column", label)):
        if value is not None and value not in have:
            raise unknown_column(option, value, names)
    title = title or "title"
    if body is None:
        body = "text" if "body" not in have and "text" in have else "body"
    if title not in have and body not in have:
        raise BatchError(f"输入中没有标题列 {title!r} 和正文列 {body!r}（现有列：{'、'.join(names)}）。"
                         "请用 --title-column / --body-column 指定。", "missing_columns")
    if id is None and "id" in have:
        id = "id"
    columns = Columns(title=title, body=body, id=id, label=label, prefix=prefix)
    clash = [c for c in columns.result_names() if c in have]
    if clash:
        raise BatchError(f"输入已有同名列 {'、'.join(clash)}：结果列会覆盖它们。请用 --prefix（例如 --prefix new_）"
                         "给结果列加前缀。", "column_clash")
    return columns


def result_features(dataset, columns: Columns):
    """The input's features followed by the result columns' (fixed types, so shards always concatenate)."""
    import datasets

    features = dict(dataset.features)
    features.update({name: datasets.Value(kind) for name, kind in columns.result_types().items()})
    return datasets.Features(features)


def job_fingerprint(handle: AnalyzerHandle, columns: Columns, input_fingerprint: str, rows: int) -> str:
    return fingerprint("relabel", BATCH_VERSION, handle.options, columns.to_dict(), input_fingerprint, rows)


def summarise(dataset, summary: Summary, batch_size: int = 10_000) -> Summary:
    """Feed the result (and id/label) columns of a finished dataset into ``summary``."""
    c = summary.columns
    wanted = [n for n in c.result_names() + [c.id, c.label] if n and n in dataset.column_names]
    table = dataset.select_columns(wanted).with_format("arrow")
    for start in range(0, len(table), batch_size):
        summary.update(table[start:start + batch_size].to_pydict())
    return summary


def _progress(total: int, enabled: bool, initial: int = 0):
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, unit="条", desc="重新分类", disable=not enabled, dynamic_ncols=True,
                file=sys.stderr, smoothing=0.1)


INTERRUPTED = "已中断，可用 --resume 继续"
"""Printed on Ctrl-C (with where the finished shards are)."""


_CTRL_C: list[int] = []
"""Non-empty once Ctrl-C was pressed under :func:`stop_on_ctrl_c`."""


def interrupted(exc: BaseException) -> bool:
    return isinstance(exc, KeyboardInterrupt) or bool(_CTRL_C)


@contextlib.contextmanager
def stop_on_ctrl_c() -> Iterator[None]:
    """Ctrl-C stops this process cleanly, never its workers.

    The terminal sends SIGINT to the whole process group, so ``datasets``' worker processes would
    each print a traceback, and the pool's shutdown would replace the parent's
    ``KeyboardInterrupt`` with a ``TimeoutError``. Workers forked while this block runs inherit a
    handler that ignores SIGINT (the parent terminates the pool); in the parent any exception
    raised after a Ctrl-C comes out as ``KeyboardInterrupt``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    parent = os.getpid()
    hit = _CTRL_C
    hit.clear()

    def on_sigint(signum, frame):
        if os.getpid() != parent:
            return
        hit.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    except BaseException as exc:
        if hit and not isinstance(exc, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise
    finally:
        signal.signal(signal.SIGINT, previous)


def make_work_dir(work: Path, resume: bool) -> None:
    """``OUT.work`` (private, ``0700``): emptied unless resuming."""
    if work.exists() and not resume:
        shutil.rmtree(work)
    work.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(work, 0o700)


def interruptible(message: str) -> Callable[[Callable], Callable]:
    """Run a batch job under :func:`stop_on_ctrl_c`; on Ctrl-C log ``message`` (unless the job
    already said more) and re-raise ``KeyboardInterrupt``."""
    def decorate(run: Callable) -> Callable:
        @functools.wraps(run)
        def wrapper(*args, **kwargs):
            log = kwargs.get("log") or (lambda msg: print(msg, file=sys.stderr))
            try:
                with stop_on_ctrl_c():
                    return run(*args, **kwargs)
            except KeyboardInterrupt as exc:
                if not getattr(exc.__context__, "reported", False) and not getattr(exc, "reported", False):
                    log(message)
                raise

        return wrapper

    return decorate


@interruptible(f"{INTERRUPTED}。")
def relabel(src: str | Path, out: str | Path, *, analyzer=None, model: str | None = None,
            threshold: float | None = None, input_format: str | None = None, output_format: str | None = None,
            title_column: str | None = None, body_column: str | None = None, id_column: str | None = None,
            label_column: str | None = None, prefix: str = "", num_proc: int | None = None,
            batch_size: int = DEFAULT_BATCH_SIZE, shard_rows: int = DEFAULT_SHARD_ROWS, resume: bool = False,
            cache_dir: str | Path | None = None, keep_work: bool = False, progress: bool = True,
            encoding: str | None = None, output_encoding: str | None = None,
            log: Callable[[str], None] | None = None) -> Summary:
    """Relabel ``src`` into ``out`` with the ``datasets`` engine; return the run's :class:`Summary`.

    ``analyzer`` may be given (already loaded); otherwise the model at ``model`` is loaded with
    ``threshold``. Raises :class:`~service.batch.io.BatchError` (Chinese message) for a job that
    cannot run; rows that cannot be read or analysed never raise, they get an ``error``. On
    Ctrl-C the finished shards stay in ``OUT.work`` and ``KeyboardInterrupt`` is raised again.
    """
    log = log or (lambda msg: print(msg, file=sys.stderr))
    t0 = time.perf_counter()
    src, out = check_paths(src, out)
    remove_stale(out.parent)  # temporary files of runs that were killed
    in_builder = resolve_format(src, input_format)
    out_builder = resolve_format(out, output_format)
    out_encoding = resolve_output_encoding(output_encoding, out_builder)
    if analyzer is None:
        from classifier import Analyzer

        analyzer = Analyzer.load(model, threshold=threshold)
    work = work_dir_for(out)
    make_work_dir(work, resume)
    archive = open_archive(src, in_builder, work, cache_dir=cache_dir, encoding=encoding,
                           progress=progress)
    dataset = archive.dataset
    if len(dataset) == 0:
        raise BatchError(f"{src} 中没有记录。", "empty_input")
    columns = resolve_columns(archive.columns, title=title_column, body=body_column, id=id_column,
                              label=label_column, prefix=prefix)
    num_proc = max(1, num_proc or default_num_proc())
    handle = AnalyzerHandle.register(analyzer)
    features = result_features(dataset, columns)
    job = job_fingerprint(handle, columns, archive.fingerprint, len(dataset))
    k = max(1, math.ceil(len(dataset) / max(1, shard_rows)))
    (work / "job.json").write_text(json.dumps({"job": job, "shards": k, "input": str(src), "output": str(out),
                                               "model": handle.options}, ensure_ascii=False, indent=2),
                                   encoding="utf-8")
    summary = Summary(columns=columns, shards=k)
    info = analyzer.model_info
    summary.model = {"name": info.get("name"), "version": info.get("version"), "sha256": info.get("sha256")}

    parts: list[Path] = []
    todo: list[int] = []
    done_rows = 0
    for i in range(k):
        part, marker = work / f"shard-{i:05d}.parquet", work / f"shard-{i:05d}.done"
        parts.append(part)
        shard_fp = fingerprint(job, i, k)
        if resume and part.is_file() and marker.is_file() and marker.read_text(encoding="utf-8").strip() == shard_fp:
            summary.shards_skipped += 1
            done_rows += len(dataset.shard(num_shards=k, index=i, contiguous=True))
        else:
            todo.append(i)
    if summary.shards_skipped:
        log(f"续跑：{k} 个分片中 {summary.shards_skipped} 个已完成，跳过。")

    bar = _progress(len(dataset), progress, initial=done_rows)
    finished = summary.shards_skipped
    try:
        with quiet_datasets():
            for i in todo:
                shard = dataset.shard(num_shards=k, index=i, contiguous=True)
                procs = max(1, min(num_proc, math.ceil(len(shard) / batch_size)))
                mapped = shard.map(
                    map_function, batched=True, batch_size=batch_size, num_proc=procs if procs > 1 else None,
                    fn_kwargs={"handle": handle, "columns": columns}, features=features,
                    new_fingerprint=fingerprint(job, i, k), desc=f"分片 {i + 1}/{k}",
                )
                write_parquet_atomic(mapped, parts[i])
                parts[i].with_suffix(".done").write_text(fingerprint(job, i, k), encoding="utf-8")
                finished += 1
                bar.update(len(shard))
    except BaseException as exc:
        if interrupted(exc):
            bar.close()
            log(f"{INTERRUPTED}：{k} 个分片中已完成 {finished} 个，保存在 {work}；用相同参数加 --resume 重跑即可接着处理。")
            exc.reported = True
        raise
    finally:
        bar.close()
        handle.release()

    result = without_input_error(load_parts(parts, cache_dir))
    if len(result) != len(dataset):  # every input row yields exactly one output row
        raise BatchError(f"内部错误：输出 {len(result)} 行，输入 {len(dataset)} 行。已保留工作目录 {work}。", "row_count")
    write_archive(result, out, out_builder, out_encoding)
    summarise(result, summary)
    if not keep_work:
        shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - t0
    summary.output = str(out)
    return summary
