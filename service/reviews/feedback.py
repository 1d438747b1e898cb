"""Category corrections as training rows for ``gongkai train --feedback``.

A correction trains only with text: the title the editor sent with it (checked against the kept
hash) or the draft kept with ``GONGKAI_KEEP_TEXT=true``. The latest correction of a review wins;
the same text corrected twice is one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from .store import ReviewStore


@dataclass
class Feedback:
    rows: list[dict]
    corrections: int
    without_text: int


def feedback_rows(store: ReviewStore) -> Feedback:
    latest: dict[int, tuple[dict, dict]] = {}
    for event, review in store.events("category"):
        latest[review["review_id"]] = (event, review)  # events come oldest first
    rows: dict[tuple[str, str], dict] = {}
    without_text = 0
    for event, review in latest.values():
        title = event["title"] if event["title"] is not None else review.get("title") or ""
        body = review.get("body") or ""
        if not (title.strip() or body.strip()):
            without_text += 1
            continue
        rows[(title, body)] = {"title": title, "body": body, "label": event["category"],
                               "id": f"review-{review['review_id']}"}
    return Feedback(list(rows.values()), len(latest), without_text)
