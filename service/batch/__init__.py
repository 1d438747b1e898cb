"""Batch analysis of whole archives: one batch function, run by ``datasets``, Ray Data or Spark.

- :func:`~service.batch.reader.open_archive` — JSONL/CSV/Parquet in, every line a row (bad lines as error rows);
- :func:`~service.batch.records.analyze_batch` — a column batch in, result columns out (every engine);
- :func:`~service.batch.relabel.relabel` — the ``datasets`` engine behind ``gongkai relabel``;
- :func:`~service.batch.ray_engine.relabel_ray` — the same job on Ray Data (``gongkai[ray]``);
- :func:`~service.batch.report.build_report` — the annual report's 主动公开 counts (``gongkai report``);
- :mod:`~service.batch.tempfiles` — private temporary files, removed on any exit and after a kill.
"""

from __future__ import annotations

from .records import RESULT_TYPES, Columns, analyze_batch

__all__ = ["RESULT_TYPES", "Columns", "analyze_batch"]
