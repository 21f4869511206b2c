"""One household, one file across a district (一人多档): the rule a district's batch import checks.

Each sub-district refuses a second open file for a person it knows of (:mod:`db.aid.cases`), but two
sub-districts can each file the same person — someone who moved and whose old file was not closed, or a
worker filed in one office who is listed as a household member of a file in another. At the district the two
batches meet: a file (or a household member) that gives a person an open file beside another office's open
file is kept aside as a ``cross_office`` conflict (:mod:`db.sync.merge_rows`), shown side by side as the two
files, and settled by a person (:mod:`db.sync.settle`): keep the district's file (the incoming one 注销), take
the incoming one (the others 注销) or keep both (not asked again for that pair).

A person is known by ID number: the file's member's, or a household member's. Open: not deleted and not
closed (解困脱困 / 注销). Declared on the file and household tables (:mod:`db.aid.fields`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from db.aid.cases import today
from db.aid.rules import CLOSING_REASON_LIMIT, OPEN_STATUSES, is_open
from db.aid.workflow import step_in
from db.auth import Actor
from db.models import AidCase, AidCaseStep, AidHouseholdMember, Member
from db.registry import AcrossOffices, Clash
from db.validation import mask_id_number

_OPEN = (AidCase.deleted.is_(False), AidCase.status.in_(OPEN_STATUSES))


def _files_of(conn: Connection, numbers: Iterable[str]) -> dict[str, set[tuple[str, str]]]:
    """ID number → the open files (uuid, office) it is in, as the file's member or as a household member."""
    wanted = sorted(set(numbers))
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    if not wanted:
        return found
    for start in range(0, len(wanted), 500):  # a bound IN list far below every database's limit
        part = wanted[start:start + 500]
        for number, uuid, office in conn.execute(
                select(Member.id_number, AidCase.uuid, AidCase.office_code)
                .join(AidCase, AidCase.member_uuid == Member.uuid).where(*_OPEN, Member.id_number.in_(part))):
            found[str(number)].add((uuid, office))
        for listed, uuid, office in conn.execute(
                select(AidHouseholdMember.id_number, AidCase.uuid, AidCase.office_code)
                .join(AidCase, AidCase.uuid == AidHouseholdMember.case_uuid)
                .where(*_OPEN, AidHouseholdMember.deleted.is_(False), AidHouseholdMember.id_number.in_(part))):
            found[str(listed)].add((uuid, office))
    return found


class OneFileAcrossOffices(AcrossOffices):
    """一人多档 on a file (by its member's ID number) or a household member (by theirs)."""

    label = "一人多档"
    subject = "aid_cases"
    closed = "注销"

    def clashes(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[Clash | None]:
        # who each row is: (the file it belongs to, its office, the ID number, the name), or None if it counts not
        people: list[tuple[str, str, str, str] | None] = []
        if rows and "case_uuid" in rows[0]:  # household members: their file as stored (merged before them)
            files = {uuid: (office, status, gone) for uuid, office, status, gone in conn.execute(
                select(AidCase.uuid, AidCase.office_code, AidCase.status, AidCase.deleted)
                .where(AidCase.uuid.in_(sorted({r["case_uuid"] for r in rows}))))}
            for row in rows:
                parent = files.get(row["case_uuid"])
                counts = parent is not None and is_open(parent[1]) and not parent[2]
                people.append((row["case_uuid"], parent[0], row["id_number"], row["name"])
                              if counts and parent is not None and row.get("id_number") and not row["deleted"]
                              else None)
        else:  # files: their member's ID number
            members = {uuid: (number, name) for uuid, number, name in conn.execute(
                select(Member.uuid, Member.id_number, Member.name)
                .where(Member.uuid.in_(sorted({r["member_uuid"] for r in rows}))))}
            for row in rows:
                number, name = members.get(row["member_uuid"], (None, ""))
                counts = is_open(row["status"]) and not row["deleted"] and bool(number)
                people.append((row["uuid"], row["office_code"], str(number), name) if counts else None)
        held = _files_of(conn, [p[2] for p in people if p is not None])
        out: list[Clash | None] = []
        for person in people:
            if person is None:
                out.append(None)
                continue
            subject, office, number, name = person
            others = tuple(sorted(uuid for uuid, owner in held.get(number, ()) if owner != office and uuid != subject))
            out.append(Clash(subject, others, f"{name}（{mask_id_number(number)}）") if others else None)
        return out

    def is_open(self, row: Mapping[str, Any]) -> bool:
        return is_open(str(row.get("status"))) and not row.get("deleted")

    def retire(self, session: Any, actor: Any, row: Any, reason: str) -> list[str]:
        """注销 the file through the workflow's own step (its rules in one home), the reason as its 撤档原因."""
        case: AidCase = row
        if not is_open(case.status) or case.deleted:
            return []
        assert isinstance(actor, Actor)
        step_in(session, actor, case, "cancelled", today(), reason[:CLOSING_REASON_LIMIT])
        added = [obj for obj in session.new if isinstance(obj, AidCaseStep)]
        session.flush()
        return [obj.uuid for obj in added]
