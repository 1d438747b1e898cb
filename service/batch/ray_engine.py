"""``gongkai relabel --engine ray``: the same batch function on Ray Data, for archives beyond one machine.

``ray.data.read_json/read_csv/read_parquet`` -> ``map_batches(RayAnalyzeBatch, compute=ActorPoolStrategy)``
(each actor loads and verifies the model once) -> either

- ``OUT`` is a file: the batches are streamed back in input order (``preserve_order``) and written by
  the same writer as the ``datasets`` engine, so both engines produce the same file; or
- ``OUT`` is a folder (no extension, or ``--format`` with a trailing ``/``): ``write_parquet``/
  ``write_json``/``write_csv`` write it in parallel from the workers — the form for a cluster.

Installed with the extra ``gongkai[ray]``. Without ``--ray-address`` a local Ray instance is started
with ``--num-proc`` CPUs; with it (``auto`` or ``ray://head:10001``) the job runs on that cluster.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

from .io import BatchError, EXTENSIONS, FORMATS, check_paths, resolve_format, write_archive
from .records import AnalyzerHandle, Columns, analyze_batch
from .relabel import DEFAULT_BATCH_SIZE, default_num_proc, resolve_columns, summarise
from .summary import Summary

ARROW_TYPES = {"string": "string", "float64": "float64", "bool": "bool_"}


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise BatchError("未安装 Ray：请安装可选依赖 `pip install \"gongkai[ray]\"`（即 ray[data]），或改用默认的 "
                         "--engine datasets。", "ray_missing") from exc
    return ray


class RayAnalyzeBatch:
    """Callable class for ``map_batches``: loads the model once per actor, then analyses pyarrow batches.

    Parameters
    ----------
    handle : AnalyzerHandle
        Where the model is and the sha256 it must have; every actor checks it.
    columns : Columns
        Input column names and result prefix (as for :func:`~service.batch.records.analyze_batch`).
    """

    def __init__(self, handle: AnalyzerHandle, columns: Columns):
        self.analyzer = handle.get()
        self.columns = columns

    def __call__(self, batch):
        import pyarrow as pa

        c = self.columns
        wanted = [n for n in (c.title, c.body, c.id, c.label) if n and n in batch.column_names]
        results = analyze_batch(batch.select(wanted).to_pydict(), self.analyzer, c)
        for name, kind in c.result_types().items():
            batch = batch.append_column(name, pa.array(results[name], type=getattr(pa, ARROW_TYPES[kind])()))
        return batch


def _read(ray, src: str, builder: str):
    reader = {"json": ray.data.read_json, "csv": ray.data.read_csv, "parquet": ray.data.read_parquet}[builder]
    try:
        return reader(str(src), file_extensions=None)
    except Exception as exc:
        raise BatchError(f"Ray 无法读取 {src}（按 {builder} 格式）：{exc}", "unreadable") from exc


def local_runtime_env() -> dict[str, Any]:
    """Let the workers of a local Ray instance import this checkout (a cluster needs gongkai installed)."""
    root = str(Path(__file__).resolve().parents[2])
    return {"env_vars": {"PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}}


def is_folder_output(out: Path, output_format: str | None) -> bool:
    """A path without a known extension (or ending in ``/``) is a folder of part files."""
    return str(out).endswith(os.sep) or out.is_dir() or (out.suffix.lower() not in EXTENSIONS and output_format is not None)


def relabel_ray(src: str | Path, out: str | Path, *, analyzer=None, model: str | None = None,
                threshold: float | None = None, input_format: str | None = None, output_format: str | None = None,
                title_column: str = "title", body_column: str = "body", id_column: str | None = None,
                label_column: str | None = None, prefix: str = "", label_map=None, num_proc: int | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE, address: str | None = None, progress: bool = True,
                log: Callable[[str], None] | None = None, **_ignored: Any) -> Summary:
    """Relabel ``src`` into ``out`` on Ray Data; same result columns and row order as :func:`relabel`."""
    log = log or (lambda msg: print(msg, file=sys.stderr))
    ray = _ray()
    t0 = time.perf_counter()
    src, out = str(src), str(out)
    remote_out = "://" in out
    folder = remote_out or is_folder_output(Path(out), output_format)
    if not folder:
        if "://" in src:
            raise BatchError("输入在远程存储上时，输出请写到目录（给出 --format 和目录路径）。", "bad_option")
        check_paths(src, out)
    elif not remote_out:
        out = str(Path(out.rstrip(os.sep)))
    in_builder = resolve_format(src, input_format)
    out_builder = FORMATS.get((output_format or "parquet").lower()) if folder else resolve_format(out, output_format)
    if out_builder is None:
        raise BatchError(f"不支持的格式 {output_format!r}：可用 jsonl、csv、parquet。", "unknown_format")
    if analyzer is None:
        from classifier import Analyzer

        analyzer = Analyzer.load(model, threshold=threshold)
    if analyzer.path is None:
        raise BatchError("Ray 引擎需要从模型目录加载的模型（各工作进程按目录加载并校验 SHA-256）。", "model_path")
    handle = AnalyzerHandle.of(analyzer)  # not registered: each actor loads the model from its folder
    num_proc = max(1, num_proc or default_num_proc())
    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False, logging_level="WARNING")
        else:
            ray.init(num_cpus=num_proc, include_dashboard=False, runtime_env=local_runtime_env(),
                     log_to_driver=False, logging_level="WARNING")
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = progress
        ds = _read(ray, src, in_builder)
        columns = resolve_columns(ds.columns(), title=title_column, body=body_column, id=id_column,
                                  label=label_column, prefix=prefix, label_map=label_map)
        actors = num_proc if not address else max(1, int(ray.cluster_resources().get("CPU", num_proc)))
        mapped = ds.map_batches(RayAnalyzeBatch, fn_constructor_kwargs={"handle": handle, "columns": columns},
                                batch_size=batch_size, batch_format="pyarrow",
                                compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors), num_cpus=1)
        summary = Summary(columns=columns, shards=0)
        info = analyzer.model_info
        summary.model = {"name": info.get("name"), "version": info.get("version"), "sha256": info.get("sha256")}
        if folder:
            _write_folder(mapped, out, out_builder)
            c = columns
            wanted = [n for n in c.result_names() + [c.id, c.label] if n]
            back = {"json": ray.data.read_json, "csv": ray.data.read_csv, "parquet": ray.data.read_parquet}[out_builder]
            for batch in back(out).select_columns(wanted).iter_batches(batch_format="pyarrow", batch_size=10_000):
                summary.update(batch.to_pydict())
        else:
            import datasets
            import pyarrow as pa

            tables = list(mapped.iter_batches(batch_format="pyarrow", batch_size=None))
            table = pa.concat_tables(tables, promote_options="permissive")
            result = datasets.Dataset(table)
            write_archive(result, out, out_builder)
            summarise(result, summary)
    finally:
        if started:
            ray.shutdown()
    summary.seconds = time.perf_counter() - t0
    summary.output = str(out)
    return summary


def _write_folder(mapped, out: str, builder: str) -> None:
    """Parallel write by the workers. A local folder is written beside ``out`` and renamed when complete;
    a remote URI (``s3://``, ``gs://``, ``hdfs://``) is written in place."""
    writer = {"json": mapped.write_json, "csv": mapped.write_csv, "parquet": mapped.write_parquet}[builder]
    extra = {"force_ascii": False} if builder == "json" else {}
    if "://" in out:
        writer(out, **extra)
        return
    out = Path(out)
    if out.exists():
        raise BatchError(f"输出目录 {out} 已存在：请换一个目录名或先删除它。", "output_exists")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        writer(str(tmp), **extra)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
