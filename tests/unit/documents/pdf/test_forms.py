"""The catalogue of forms: every form renders through it, and every rendering is in the audit trail."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from db.auth import Actor
from db.demo import fill_demo
from db.errors import ValidationError
from db.models import AuditEntry, Member
from db.store import Store
from desktop.documents.pdf import forms


def test_every_printing_is_audited_with_what_and_how(store: Store, admin: Actor) -> None:
    fill_demo(store, 12, seed=2)
    with store.transaction() as session:
        uuids = list(session.scalars(select(Member.uuid).limit(2)))
    pages = forms.form("member-form").render(store, admin, io.BytesIO(), uuids=uuids, full_ids=True)
    assert pages == 2
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).one()
        assert entry.actor == admin.username and entry.table_name == "members"
        assert json.loads(entry.changes) == {"form": "member-form", "pages": 2, "full_ids": True, "records": uuids}


def test_an_unknown_form_is_named() -> None:
    with pytest.raises(ValidationError, match="没有名为“card”的表单"):
        forms.form("card")
