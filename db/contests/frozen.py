"""Published results stay frozen when they arrive by sync (design §5: a value in a signed batch gets the
same checks as one typed): the use cases refuse a score change on a published contest until an admin reopens
it (db.contests.cases), so a batch that changes one without a reopening — a hand-edited file, a bug — is
refused, naming the table, row and field.

A legitimate correction travels as reopen → change → publish again: the contest arrives (parents first) with
a publication later than the change. So a stored judge's score changed after its contest's current publication, or
an entrant's score that differs from the stored one although the stored entrant already carried that
publication, was changed on published results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select

from db.models import Contest, ContestEntry
from db.registry import ColumnsProblem

FROZEN = "成绩已于 {at} 发布，批次修改了它而没有经过管理员重新开放"
_SCORES = (("theory_score", "理论成绩"), ("practical_score", "实操成绩"), ("total_score", "总成绩"))


def _time(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _published(conn: Any, contest_uuids: set[str]) -> dict[str, dt.datetime]:
    return {uuid: at for uuid, at in conn.execute(select(Contest.uuid, Contest.published_at).where(
        Contest.uuid.in_(sorted(contest_uuids)), Contest.published_at.is_not(None)))}


def _contests_of_entries(conn: Any, entry_uuids: set[str]) -> dict[str, str]:
    return dict(conn.execute(select(ContestEntry.uuid, ContestEntry.contest_uuid).where(
        ContestEntry.uuid.in_(sorted(entry_uuids)))).all())


def check_judge_scores(conn: Any, rows: Sequence[Mapping[str, Any]],
                       stored: Sequence[Mapping[str, Any] | None]) -> ColumnsProblem | None:
    """A stored judge's score changed (or withdrawn) after its contest's current publication is refused. A
    score the receiver does not hold yet is not judged by its time: a contest arriving whole may carry scores
    stamped after a publication recorded by hand (a demo, an Excel import); a forged one would also have to
    change its entrant's 实操成绩, which :func:`check_entries` refuses."""
    contests = _contests_of_entries(conn, {row["entry_uuid"] for row in rows})
    published = _published(conn, set(contests.values()))
    for index, (row, old) in enumerate(zip(rows, stored, strict=True)):
        at = published.get(contests.get(row["entry_uuid"], ""))
        if at is None or old is None or (old["score"], old["deleted"]) == (row["score"], row["deleted"]):
            continue
        written = _time(row["updated_at"])
        if written is not None and written > at:
            return index, "评分", FROZEN.format(at=f"{at:%Y-%m-%d %H:%M}")
    return None


def check_entries(conn: Any, rows: Sequence[Mapping[str, Any]],
                  stored: Sequence[Mapping[str, Any] | None]) -> ColumnsProblem | None:
    """An entrant's score that differs from the stored one, on a contest whose publication the stored entrant
    already carried (no new publication came with the change), is refused."""
    published = _published(conn, {row["contest_uuid"] for row in rows})
    for index, (row, old) in enumerate(zip(rows, stored, strict=True)):
        at = published.get(row["contest_uuid"])
        if at is None or old is None or old["updated_at"] is None or old["updated_at"] < at:
            continue
        for attr, label in _SCORES:
            if row[attr] != old[attr]:
                return index, label, FROZEN.format(at=f"{at:%Y-%m-%d %H:%M}")
    return None
