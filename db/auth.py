"""Users, roles and permissions (design §7).

Permission checks live here and in the use cases, never in the UI. Passwords are hashed with scrypt,
a memory-hard KDF from the standard library.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

CLERK, APPROVER, ADMIN = "clerk", "approver", "admin"
ROLES = (CLERK, APPROVER, ADMIN)
ROLE_LABELS = {CLERK: "录入员", APPROVER: "审核人", ADMIN: "管理员"}

# What each permission is, and which roles hold it.
PERMISSIONS: dict[str, frozenset[str]] = {
    "records.write": frozenset({CLERK, ADMIN}),  # enter and change registry records
    "aid.approve": frozenset({APPROVER}),  # approve hardship files and payments
    "sensitive.full": frozenset({APPROVER, ADMIN}),  # see and export full ID, phone and bank numbers
    "users.manage": frozenset({ADMIN}),
    "store.manage": frozenset({ADMIN}),  # keys, backups, restore
    "settings.manage": frozenset({ADMIN}),  # an office's settings: a station's services and star criteria
    "batches.unsealed": frozenset({ADMIN}),  # write a batch in clear: every name and number readable (§5)
    "results.reopen": frozenset({ADMIN}),  # reopen a contest's published results for a correction
}
PERMISSION_LABELS = {
    "records.write": "录入和修改台账",
    "aid.approve": "审批帮扶档案和帮扶记录",
    "sensitive.full": "查看完整的证件号码和银行卡号",
    "users.manage": "管理用户",
    "store.manage": "管理密钥和备份",
    "settings.manage": "修改系统设置",
    "batches.unsealed": "不加密导出同步批次",
    "results.reopen": "重新开放已发布的竞赛成绩",
}

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True)
class Actor:
    """The person doing a use case, as known after login. Immutable, so it can cross threads."""

    username: str
    display_name: str
    roles: frozenset[str]
    office_code: str

    def can(self, permission: str) -> bool:
        return bool(self.roles & PERMISSIONS[permission])


def system_actor(office_code: str, name: str = "system") -> Actor:
    """The actor of work no person starts by hand (initialisation, demo data, migrations)."""
    return Actor(name, "系统", frozenset(ROLES), office_code)


def require(actor: Actor | None, permission: str) -> Actor:
    """Return ``actor`` if it holds ``permission``; raise PermissionDenied otherwise."""
    from db.errors import PermissionDenied

    if actor is None:
        raise PermissionDenied("请先登录。")
    if not actor.can(permission):
        raise PermissionDenied(f"用户“{actor.display_name}”没有“{PERMISSION_LABELS[permission]}”的权限。")
    return actor


def parse_roles(text: str) -> frozenset[str]:
    return frozenset(r for r in text.split(",") if r)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
    )
    return hmac.compare_digest(actual, expected)
