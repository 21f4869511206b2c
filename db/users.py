"""User accounts: login, and management by an admin (design §7)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import ROLES, Actor, hash_password, parse_roles, require, verify_password
from db.errors import PermissionDenied, ValidationError
from db.models import User
from db.store import Store
from db.writes import utcnow

MIN_PASSWORD = 6


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("密码", f"至少{MIN_PASSWORD}位")


def _check_roles(roles: frozenset[str]) -> str:
    unknown = roles - set(ROLES)
    if not roles or unknown:
        raise ValidationError("角色", "应为录入员、审核人、管理员中的一个或几个")
    return ",".join(r for r in ROLES if r in roles)


def actor_of(user: User) -> Actor:
    return Actor(user.username, user.display_name, parse_roles(user.roles), user.office_code)


def authenticate(store: Store, username: str, password: str) -> Actor:
    """The actor for a correct username and password; one message for every failure (no hints)."""
    with store.transaction() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None or not user.active or not verify_password(password, user.password_hash):
            raise PermissionDenied("用户名或密码不正确。")
        return actor_of(user)


@dataclass(frozen=True)
class UserSummary:
    """One user as a list shows it (plain values, read inside the transaction)."""

    username: str
    display_name: str
    roles: frozenset[str]
    active: bool


def list_users(store: Store, actor: Actor) -> list[UserSummary]:
    """Every user of this database, by username; only for those who manage users."""
    require(actor, "users.manage")
    with store.transaction() as session:
        return [UserSummary(u.username, u.display_name, parse_roles(u.roles), u.active)
                for u in session.scalars(select(User).order_by(User.username))]


def any_user(store: Store) -> bool:
    """Whether anyone can log in yet (the first run asks for the first administrator when not)."""
    with store.transaction() as session:
        return session.scalar(select(User.uuid).limit(1)) is not None


def create_user(store: Store, actor: Actor, username: str, display_name: str, password: str,
                roles: frozenset[str]) -> User:
    require(actor, "users.manage")
    username = username.strip()
    if not username or len(username) > 40 or any(c.isspace() for c in username):
        raise ValidationError("用户名", "应为1到40个字符，不含空格")
    if not display_name.strip():
        raise ValidationError("姓名", "必须填写")
    _check_password(password)
    role_text = _check_roles(roles)
    with store.transaction(actor, action="create_user") as session:
        if session.scalar(select(User.uuid).where(User.username == username)) is not None:
            raise ValidationError("用户名", f"“{username}”已存在")
        user = User(office_code=actor.office_code, username=username, display_name=display_name.strip(),
                    password_hash=hash_password(password), roles=role_text, active=True,
                    created_at=utcnow())
        session.add(user)
    return user


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise ValidationError("用户名", f"没有用户“{username}”")
    return user


def reset_password(store: Store, actor: Actor, username: str, new_password: str) -> None:
    """An admin sets a new password for any user."""
    require(actor, "users.manage")
    _check_password(new_password)
    with store.transaction(actor, action="reset_password") as session:
        _get(session, username).password_hash = hash_password(new_password)


def change_own_password(store: Store, actor: Actor, old_password: str, new_password: str) -> None:
    _check_password(new_password)
    with store.transaction(actor, action="change_password") as session:
        user = _get(session, actor.username)
        if not verify_password(old_password, user.password_hash):
            raise PermissionDenied("原密码不正确。")
        user.password_hash = hash_password(new_password)


def set_roles(store: Store, actor: Actor, username: str, roles: frozenset[str], active: bool = True) -> None:
    require(actor, "users.manage")
    role_text = _check_roles(roles)
    if username == actor.username and ("admin" not in roles or not active):
        raise ValidationError("角色", "不能取消自己的管理员身份或停用自己")
    with store.transaction(actor, action="set_roles") as session:
        user = _get(session, username)
        user.roles, user.active = role_text, active
