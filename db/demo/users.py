"""The demo users: an administrator, a clerk who files hardship cases and an approver who approves them.

All share the password ``demo1234``; each is added only when its username is not taken yet.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from db.auth import ADMIN, APPROVER, CLERK, hash_password
from db.demo.context import AUDIT_ACTION, DemoContext
from db.ids import uuid_batch
from db.models import User
from db.writes import append_audit, utcnow

DEMO_PASSWORD = "demo1234"
CLERK_USER, APPROVER_USER = "clerk", "approver"  # who files and who approves the demo hardship cases
# username, display name, roles
DEMO_USERS = (("admin", "管理员", ADMIN), (CLERK_USER, "录入员", CLERK), (APPROVER_USER, "审核人", APPROVER))


def add_demo_users(ctx: DemoContext) -> int:
    """Add the demo users whose usernames are free; returns how many were added."""
    names = [name for name, _, _ in DEMO_USERS]
    existing = set(ctx.conn.scalars(select(User.username).where(User.username.in_(names))))
    missing = [user for user in DEMO_USERS if user[0] not in existing]
    if not missing:
        return 0
    password_hash = hash_password(DEMO_PASSWORD)  # scrypt is slow by design: once for all
    now = utcnow()
    rows: list[dict[str, Any]] = [
        {"uuid": uuid, "office_code": ctx.own.code, "username": name, "display_name": display,
         "roles": roles, "active": True, "created_at": now}
        for uuid, (name, display, roles) in zip(uuid_batch(len(missing)), missing, strict=True)]
    ctx.conn.execute(insert(User), [{**row, "password_hash": password_hash} for row in rows])
    # the password hash stays out of the audit trail (User.__audit_redact__)
    append_audit(ctx.conn, ctx.actor.username,
                 [(AUDIT_ACTION, "users", row["uuid"], row) for row in rows], now)
    return len(rows)
