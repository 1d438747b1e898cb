"""Review records (谁提供、谁审核、谁负责): every kept analysis, and what editors decided about it.

- :mod:`.models`      the tables (SQLAlchemy 2 declarative): ``reviews`` and the append-only ``review_events``;
- :mod:`.store`       :class:`ReviewStore`: open (create and migrate), keep a review, add an event, read, list;
- ``migrations/``     Alembic environment and revisions, shipped as package data;
- :mod:`.export`      the audit CSV (one row per review, UTF-8 with BOM);
- :mod:`.exemptions`  repeated dismissals as a reviewable agency lexicon (TOML);
- :mod:`.feedback`    category corrections as training rows.

A review keeps the findings' spans, types, reasons and masked replacements, never the original
text, unless ``keep_text`` is on. Nothing is updated in place: decisions, dismissals and category
corrections are new events with who, when and why.
"""

from .store import ReviewError, ReviewStore, default_database_url, open_store

__all__ = ["ReviewError", "ReviewStore", "default_database_url", "open_store"]
