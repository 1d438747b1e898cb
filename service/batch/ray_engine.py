"""``gongkai relabel --engine ray``: the same batch function on Ray Data, for archives beyond one machine.

Input -> ``map_batches(RayAnalyzeBatch, compute=ActorPoolStrategy)`` (each actor loads and verifies
the model once) -> output:

- a local input file is read by the same reader as the ``datasets`` engine
  (:func:`~service.batch.reader.open_archive`: bad lines become error rows, GB18030 is detected,
  mixed-type JSON columns are kept) and handed to Ray as Arrow (``ray.data.from_arrow``); columns
  of mixed JSON types travel as JSON text and are decoded by the actors, so every row gets the same
  result and the same per-row error as with the ``datasets`` engine;
- a remote input (``s3://``, ``gs://``, ``hdfs://``) is read by ``ray.data.read_json/read_csv/
  read_parquet``; a failure there is a Chinese error, never a Ray traceback;
- ``OUT`` is a file: only the result columns come back, in input order (``preserve_order``), are
  joined to the input and written by the same writer as the ``datasets`` engine, so both engines
  produce the same file; or
- ``OUT`` is a folder (no extension, or ``--format`` with a trailing ``/``): ``write_parquet``/
  ``write_json``/``write_csv`` write it in parallel from the workers — the form for a cluster.

Installed with the extra ``gongkai[ray]``. Without ``--ray-address`` a local Ray instance is started
with ``--num-proc`` CPUs; with it (``auto`` or ``ray://head:10001``) the job runs on that cluster.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Callable

from .io import BatchError, EXTENSIONS, FORMATS, check_paths, json_text, resolve_format, resolve_output_encoding
from .io import write_archive
from .reader import open_archive, without_input_error
from .records import INPUT_ERROR, AnalyzerHandle, Columns, analyze_batch
from .relabel import DEFAULT_BATCH_SIZE, default_num_proc, interruptible, resolve_columns, result_features, summarise
from .summary import Summary
from .tempfiles import private_dir, private_folder, publish, remove_stale

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

    def __init__(self, handle: AnalyzerHandle, columns: Columns, json_columns: tuple[str, ...] = (),
                 results_only: bool = False):
        self.analyzer = handle.get()
        self.columns = columns
        self.json_columns = set(json_columns)
        self.results_only = results_only

    def __call__(self, batch):
        import pyarrow as pa

        c = self.columns
        wanted = [n for n in (c.title, c.body, c.id, c.label, INPUT_ERROR) if n and n in batch.column_names]
        values = batch.select(wanted).to_pydict()
        for name in self.json_columns.intersection(values):  # mixed JSON types travel as JSON text
            values[name] = [None if v is None else json.loads(v) for v in values[name]]
        results = analyze_batch(values, self.analyzer, c)
        arrays = {name: pa.array(results[name], type=getattr(pa, ARROW_TYPES[kind])())
                  for name, kind in c.result_types().items()}
        if self.results_only:
            return pa.table(arrays)
        else:
            if INPUT_ERROR in batch.column_names:
                batch = batch.drop_columns([INPUT_ERROR])
            for name in self.json_columns.intersection(batch.column_names):  # as the datasets engine writes them
                i = batch.column_names.index(name)
                text = [None if v is None else json_text(json.loads(v)) for v in batch.column(name).to_pylist()]
                batch = batch.set_column(i, name, pa.array(text, type=pa.string()))
        for name, array in arrays.items():
            batch = batch.append_column(name, array)
        return batch


def to_arrow_for_ray(dataset, names: list[str]):
    """The ``names`` columns of a ``datasets.Dataset`` as a plain Arrow table (``datasets.Json``
    columns as their JSON text) and the names of those JSON columns."""
    import datasets
    import pyarrow as pa

    table = dataset.data.table.select(names)
    json_columns = tuple(n for n in names if isinstance(dataset.features[n], datasets.Json))
    for name in json_columns:
        column = table.column(name)
        text = pa.chunked_array([chunk.storage for chunk in column.chunks], type=pa.string())
        table = table.set_column(table.column_names.index(name), name, text)
    return table.replace_schema_metadata(None), json_columns


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


@interruptible("已中断。Ray 引擎不能续跑：请重新运行，或改用默认的 datasets 引擎（可用 --resume 续跑）。")
def relabel_ray(src: str | Path, out: str | Path, *, analyzer=None, model: str | None = None,
                threshold: float | None = None, input_format: str | None = None, output_format: str | None = None,
                title_column: str | None = None, body_column: str | None = None, id_column: str | None = None,
                label_column: str | None = None, prefix: str = "", label_map=None, num_proc: int | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE, address: str | None = None, progress: bool = True,
                encoding: str | None = None, output_encoding: str | None = None, cache_dir: str | Path | None = None,
                log: Callable[[str], None] | None = None, **_ignored: Any) -> Summary:
    """Relabel ``src`` into ``out`` on Ray Data; same result columns, row order and per-row errors as :func:`relabel`."""
    ray = _ray()
    t0 = time.perf_counter()
    src, out = str(src), str(out)
    remote_in, remote_out = "://" in src, "://" in out
    folder = remote_out or is_folder_output(Path(out), output_format)
    if not folder:
        if remote_in:
            raise BatchError("输入在远程存储上时，输出请写到目录（给出 --format 和目录路径）。", "bad_option")
        check_paths(src, out)
    elif not remote_out:
        out = str(Path(out.rstrip(os.sep)))
    if not remote_out:
        remove_stale(Path(out).parent)
    in_builder = resolve_format(src, input_format)
    out_builder = FORMATS.get((output_format or "parquet").lower()) if folder else resolve_format(out, output_format)
    if out_builder is None:
        raise BatchError(f"不支持的格式 {output_format!r}：可用 jsonl、csv、parquet。", "unknown_format")
    out_encoding = resolve_output_encoding(output_encoding, out_builder)
    if folder and out_encoding != "utf-8":
        raise BatchError("写到目录（各 worker 并行写出）时输出总是 UTF-8：--output-encoding 只用于单个输出文件。", "bad_option")
    if analyzer is None:
        from classifier import Analyzer

        analyzer = Analyzer.load(model, threshold=threshold)
    if analyzer.path is None:
        raise BatchError("Ray 引擎需要从模型目录加载的模型（各工作进程按目录加载并校验 SHA-256）。", "model_path")
    handle = AnalyzerHandle.of(analyzer)  # not registered: each actor loads the model from its folder
    num_proc = max(1, num_proc or default_num_proc())
    options = dict(title=title_column, body=body_column, id=id_column, label=label_column, prefix=prefix,
                   label_map=label_map)
    with private_dir() as scratch:
        archive = None if remote_in else open_archive(src, in_builder, scratch, cache_dir=cache_dir, encoding=encoding,
                           progress=progress)
        if archive is not None:
            if len(archive.dataset) == 0:
                raise BatchError(f"{src} 中没有记录。", "empty_input")
            columns = resolve_columns(archive.columns, **options)
        started = _start(ray, address, num_proc)
        try:
            ctx = ray.data.DataContext.get_current()
            ctx.execution_options.preserve_order = True
            ctx.enable_progress_bars = progress
            if archive is None:
                ds = _read(ray, src, in_builder)
                columns = resolve_columns(ds.columns(), **options)
                json_columns: tuple[str, ...] = ()
            else:
                c = columns
                names = archive.dataset.column_names if folder else \
                    [n for n in (c.title, c.body, c.id, c.label, INPUT_ERROR) if n and n in archive.dataset.column_names]
                table, json_columns = to_arrow_for_ray(archive.dataset, names)
                ds = ray.data.from_arrow(table)
            actors = num_proc if not address else max(1, int(ray.cluster_resources().get("CPU", num_proc)))
            mapped = ds.map_batches(RayAnalyzeBatch, fn_constructor_kwargs={
                                        "handle": handle, "columns": columns, "json_columns": json_columns,
                                        "results_only": not folder},
                                    batch_size=batch_size, batch_format="pyarrow",
                                    compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors), num_cpus=1)
            summary = Summary(columns=columns, shards=0)
            info = analyzer.model_info
            summary.model = {"name": info.get("name"), "version": info.get("version"), "sha256": info.get("sha256")}
            try:
                if folder:
                    _write_folder(mapped, out, out_builder)
                    wanted = [n for n in columns.result_names() + [columns.id, columns.label] if n]
                    back = {"json": ray.data.read_json, "csv": ray.data.read_csv,
                            "parquet": ray.data.read_parquet}[out_builder]
                    for batch in back(out).select_columns(wanted).iter_batches(batch_format="pyarrow",
                                                                                batch_size=10_000):
                        summary.update(batch.to_pydict())
                else:
                    result = _join_results(archive.dataset, mapped, columns)
                    write_archive(result, out, out_builder, out_encoding)
                    summarise(result, summary)
            except (BatchError, KeyboardInterrupt):
                raise
            except Exception as exc:  # a Ray task failed: its traceback is for the Ray logs, not the user
                raise BatchError(f"Ray 处理失败：{_first_line(exc)}", "ray_failed") from exc
        finally:
            if started:
                ray.shutdown()
    summary.seconds = time.perf_counter() - t0
    summary.output = str(out)
    return summary


def _start(ray, address: str | None, num_proc: int) -> bool:
    """Start (or connect to) Ray unless the caller already did; True when this call started it."""
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False, logging_level="WARNING")
    else:
        ray.init(num_cpus=num_proc, include_dashboard=False, runtime_env=local_runtime_env(),
                 log_to_driver=False, logging_level="WARNING")
    return True


def _first_line(exc: BaseException) -> str:
    """The innermost cause of a Ray failure, in one line."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = getattr(exc, "cause", None) or exc.__cause__
        if not isinstance(inner, BaseException):
            break
        exc = inner
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0][:300] if lines else ''}"


def _join_results(dataset, mapped, columns: Columns):
    """The input rows with the result columns Ray computed, in input order (hidden column dropped)."""
    import datasets
    import pyarrow as pa

    tables = list(mapped.iter_batches(batch_format="pyarrow", batch_size=None))
    results = pa.concat_tables(tables, promote_options="permissive") if tables else None
    if results is None or results.num_rows != len(dataset):  # every input row yields exactly one output row
        raise BatchError(f"内部错误：Ray 返回 {0 if results is None else results.num_rows} 行，输入 {len(dataset)} 行。",
                         "row_count")
    features = result_features(dataset, columns)
    info = datasets.DatasetInfo(features=datasets.Features({n: features[n] for n in columns.result_names()}))
    results = datasets.Dataset(results.select(columns.result_names()), info=info)
    return without_input_error(datasets.concatenate_datasets([dataset, results], axis=1))


def _write_folder(mapped, out: str, builder: str) -> None:
    """Parallel write by the workers. A local folder is written beside ``out`` (privately) and renamed
    when complete; a remote URI (``s3://``, ``gs://``, ``hdfs://``) is written in place."""
    writer = {"json": mapped.write_json, "csv": mapped.write_csv, "parquet": mapped.write_parquet}[builder]
    extra = {"force_ascii": False} if builder == "json" else {}
    if "://" in out:
        writer(out, **extra)
        return
    out = Path(out)
    if out.exists():
        raise BatchError(f"输出目录 {out} 已存在：请换一个目录名或先删除它。", "output_exists")
    with private_folder(out) as tmp:
        writer(str(tmp), **extra)
        publish(tmp, out)
