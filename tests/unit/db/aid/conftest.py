"""Shared pieces of the hardship-aid use-case tests: a movable today, members to file for, a file walked along
its workflow, and a snapshot of everything the aid use cases write (to assert that a refusal wrote nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from db import members
from db.aid import cases, workflow
from db.auth import CLERK, Actor
from db.errors import ValidationError
from db.models import AidCase, AidCaseDocument, AidCaseStep, AidHouseholdMember, AidObjection, AuditEntry
from db.store import Store
from db.validation import make_id_number
from tests.conftest import OFFICE_CODE

START = dt.date(2025, 3, 3)  # before the real today: the declaration's "not after today" holds too


class Today:
    """The day the aid rules see; tests move it."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def move(self, days: int) -> dt.date:
        self.day += dt.timedelta(days=days)
        return self.day


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Today:
    holder = Today(START)
    monkeypatch.setattr(cases, "_today", lambda: holder.day)
    return holder


@pytest.fixture
def clerk2() -> Actor:
    """A second clerk: checks at home the files the first one filed."""
    return Actor("clerk2", "录入员乙", frozenset({CLERK}), OFFICE_CODE)


def person(n: int, year: int = 1980) -> str:
    """A valid ID number (sequence ``n``; odd: 男)."""
    return make_id_number("110101", dt.date(year, 1, 1) + dt.timedelta(days=n), n)


def add_member(store: Store, clerk: Actor, n: int) -> str:
    return members.register(store, clerk, {"name": f"职工{n}", "id_number": person(n),
                                           "joined_on": "2015-05-01", "employer": "东四环卫所"}).uuid


FILE = {"category": "相对困难", "main_cause": "患重特大疾病", "minor_causes": "子女上学",
        "household_income_fen": "36000", "household_size": 3}  # yuan, as typed


def open_case(store: Store, clerk: Actor, member_uuid: str, **extra: Any) -> AidCase:
    return cases.create_case(store, clerk, {"member_uuid": member_uuid, **FILE, **extra})


def signed_papers(store: Store, clerk: Actor, case_uuid: str, day: dt.date = START) -> None:
    for name in ("申请书", "家庭经济状况核对授权委托书"):
        cases.receive_document(store, clerk, case_uuid, name, day)


def walk(store: Store, case_uuid: str, to: str, *, clerk: Actor, checker: Actor, approver: Actor,
         today: Today) -> None:
    """Take a file from 申请 along the workflow up to status ``to`` (filed: past its 公示 period)."""
    order = ["verified", "reviewed", "publicized", "filed"]
    if to in ("relieved", "cancelled"):
        walk(store, case_uuid, "filed", clerk=clerk, checker=checker, approver=approver, today=today)
        workflow.take_step(store, clerk, case_uuid, to, "家庭人均收入已高于困难标准")
        return
    if to == "applied":
        return
    signed_papers(store, clerk, case_uuid)
    for step in order[: order.index(to) + 1]:
        if step == "filed":
            today.move(7)
        actor = {"verified": checker, "filed": approver}.get(step, clerk)
        workflow.take_step(store, actor, case_uuid, step, f"{step}意见")


def snapshot(store: Store) -> tuple[Any, ...]:
    """Every row count the aid use cases change, the audit trail's length and every file's status and rev."""
    with store.transaction() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in (
            AidCase, AidCaseStep, AidHouseholdMember, AidCaseDocument, AidObjection, AuditEntry))
        files = tuple(session.execute(select(AidCase.uuid, AidCase.status, AidCase.rev, AidCase.publicized_on)
                                      .order_by(AidCase.uuid)).all())
        return counts, files


def refused(store: Store, error: type[Exception], words: str, call: Callable[..., Any], *args: Any,
            field: str | None = None, **kwargs: Any) -> Exception:
    """``call`` is refused with ``error`` whose message holds ``words`` (and on ``field``), writing nothing."""
    before = snapshot(store)
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    assert words in str(caught.value), str(caught.value)
    if field is not None:
        assert isinstance(caught.value, ValidationError) and caught.value.field == field, str(caught.value)
    assert snapshot(store) == before, "a refusal wrote something"
    return caught.value
