"""The hardship files' list searched by an ID number: a role that sees ID numbers masked (no sensitive.full)
finds a file by the whole number or the last 4 characters the mask shows, never by more of it (the last 6
would confirm two hidden birth-date digits); a role that sees them in full keeps every search."""

from __future__ import annotations

import pytest

from db import listing
from db.aid.fields import AID_CASES
from db.auth import Actor
from db.listing import ListFilter
from db.masking import id_run_searchable
from db.store import Store
from tests.unit.db.aid.conftest import Today, add_member, open_case, person


def _found(store: Store, actor: Actor, text: str) -> list[str]:
    flt = ListFilter(text=text, full_ids=actor.can("sensitive.full"))
    with store.transaction() as session:
        return [row["case_no"] for row in listing.page(session, AID_CASES, flt, listing.ListSort()).rows]


@pytest.fixture
def filed(store: Store, clerk: Actor, today: Today) -> str:
    """One file, of member 7 (ID number ``person(7)``); another member's file beside it."""
    case = open_case(store, clerk, add_member(store, clerk, 7))
    open_case(store, clerk, add_member(store, clerk, 8))
    return case.case_no


def test_a_clerk_finds_a_file_by_the_whole_id_number_or_the_shown_last_4(store: Store, clerk: Actor,
                                                                            filed: str) -> None:
    number = person(7)
    assert _found(store, clerk, number) == [filed]
    assert _found(store, clerk, number.lower()) == [filed]
    assert filed in _found(store, clerk, number[-4:])


@pytest.mark.parametrize("part", ["last 6", "first 7", "first 14", "first 17", "birth date"])
def test_a_clerk_never_confirms_hidden_digits(store: Store, clerk: Actor, filed: str, part: str) -> None:
    number = person(7)
    typed = {"last 6": number[-6:], "first 7": number[:7], "first 14": number[:14], "first 17": number[:17],
             "birth date": number[6:14]}[part]
    assert filed not in _found(store, clerk, typed)


def test_an_approver_keeps_todays_search(store: Store, approver: Actor, filed: str) -> None:
    number = person(7)
    assert _found(store, approver, number) == [filed]
    assert filed in _found(store, approver, number[-4:])
    assert _found(store, approver, number[-6:]) == [filed]


def test_the_rule_keeps_what_the_mask_shows() -> None:
    """110101********1234: the first 6 and last 4 characters are shown; nothing else is searchable masked."""
    assert id_run_searchable("1234", False, "end")
    assert not id_run_searchable("561234", False, "end")
    assert id_run_searchable("110101", False, "start")
    assert not id_run_searchable("1101011", False, "start")
    assert not id_run_searchable("19", False, "anywhere")
    assert all(id_run_searchable(run, True, at) for run in ("561234", "1101011", "19")  # type: ignore[arg-type]
               for at in ("start", "end", "anywhere"))
