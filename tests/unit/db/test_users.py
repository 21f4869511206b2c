"""Accounts and roles: who may log in, who may manage whom, and what the audit trail keeps of it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db import offices, users
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AuditEntry
from db.store import Store


def test_first_admin_then_login(store: Store) -> None:
    offices.create_first_admin(store, "boss", "王主席", "secret-1")
    actor = users.authenticate(store, "boss", "secret-1")
    assert actor.roles == frozenset({"admin"}) and actor.office_code == "110101006"
    with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
        users.authenticate(store, "boss", "wrong")
    with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
        users.authenticate(store, "nobody", "secret-1")
    with pytest.raises(ValidationError, match="已有用户"):
        offices.create_first_admin(store, "second", "李", "secret-2")


def test_admin_manages_users_and_a_clerk_cannot(store: Store, admin: Actor, clerk: Actor) -> None:
    users.create_user(store, admin, "li", "李会计", "pw123456", frozenset({"clerk"}))
    assert users.authenticate(store, "li", "pw123456").roles == frozenset({"clerk"})
    with pytest.raises(PermissionDenied, match="管理用户"):
        users.create_user(store, clerk, "zhao", "赵", "pw123456", frozenset({"admin"}))
    with pytest.raises(ValidationError, match="已存在"):
        users.create_user(store, admin, "li", "又一个李", "pw123456", frozenset({"clerk"}))
    users.reset_password(store, admin, "li", "newpass1")
    assert users.authenticate(store, "li", "newpass1").username == "li"
    users.set_roles(store, admin, "li", frozenset({"clerk"}), active=False)
    with pytest.raises(PermissionDenied):
        users.authenticate(store, "li", "newpass1")


def test_password_hashes_never_reach_the_audit_trail(store: Store, admin: Actor) -> None:
    users.create_user(store, admin, "li", "李会计", "pw123456", frozenset({"clerk"}))
    users.reset_password(store, admin, "li", "another1")
    with store.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "users")).all()
    assert [e.action for e in entries] == ["create_user", "reset_password"]
    assert json.loads(entries[1].changes) == {"password_hash": ["***", "***"]}
    assert all("scrypt" not in e.changes for e in entries)


def test_weak_passwords_and_bad_roles_are_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="至少6位"):
        users.create_user(store, admin, "li", "李", "123", frozenset({"clerk"}))
    with pytest.raises(ValidationError, match="角色"):
        users.create_user(store, admin, "li", "李", "pw123456", frozenset({"king"}))
    with pytest.raises(ValidationError, match="自己"):
        users.set_roles(store, admin, "admin", frozenset({"clerk"}))


def test_the_list_of_users_is_for_those_who_manage_users(store: Store, admin: Actor, clerk: Actor) -> None:
    assert not users.any_user(store)
    offices.create_first_admin(store, "boss", "王主席", "secret-1")
    users.create_user(store, admin, "li", "李会计", "pw123456", frozenset({"clerk"}))
    assert users.any_user(store)
    listed = users.list_users(store, admin)
    assert [(u.username, u.roles, u.active) for u in listed] == [("boss", frozenset({"admin"}), True),
                                                                  ("li", frozenset({"clerk"}), True)]
    with pytest.raises(PermissionDenied):
        users.list_users(store, clerk)
