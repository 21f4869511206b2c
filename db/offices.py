"""This database's office, and the offices it knows (sub-districts of a district, the parent)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import reference
from db.auth import ADMIN, Actor, hash_password, system_actor
from db.errors import NotFound, ValidationError
from db.models import Office, Setting, User
from db.models.system import OFFICE_LEVELS
from db.store import Store
from db.writes import utcnow

OFFICE_CODE_KEY = "office_code"


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def this_office(session: Session) -> Office:
    """The office that owns this database; raises NotFound before ``uniondesk init``."""
    code = get_setting(session, OFFICE_CODE_KEY)
    office = session.get(Office, code) if code else None
    if office is None:
        raise NotFound("数据库还没有设置本单位，请先运行 uniondesk init。")
    return office


def initialize(store: Store, code: str, name: str, level: str = "subdistrict",
               parent_code: str | None = None) -> Office:
    """Record which office this database belongs to, with the example district's offices as peers.

    A sub-district knows its parent district; a district knows the sub-districts of the example
    district (DOMAIN.md), which its imports will fill in.
    """
    code, name = code.strip(), name.strip()
    if not code or len(code) > 20 or not code.isalnum():
        raise ValidationError("单位代码", "应为1到20位字母或数字")
    if not name:
        raise ValidationError("单位名称", "不能为空")
    if level not in OFFICE_LEVELS:
        raise ValidationError("级别", "应为 subdistrict（街道工会）或 district（区总工会）")
    example = reference.example_offices()
    with store.transaction(system_actor(code), action="init") as session:
        if get_setting(session, OFFICE_CODE_KEY):
            raise ValidationError("数据库", "已经初始化过，不能再次初始化")
        district = example["district"]
        if level == "subdistrict":
            parent_code = parent_code or district["code"]
            if parent_code != code and session.get(Office, parent_code) is None:
                parent_name = district["name"] if parent_code == district["code"] else parent_code
                session.add(Office(code=parent_code, name=parent_name, level="district"))
        office = Office(code=code, name=name, level=level, parent_code=parent_code)
        session.add(office)
        if level == "district":
            for sub in example["subdistricts"] if code == district["code"] else []:
                session.add(Office(code=sub["code"], name=sub["name"], level="subdistrict", parent_code=code))
        session.flush()
        set_setting(session, OFFICE_CODE_KEY, code)
    return office


def create_first_admin(store: Store, username: str, display_name: str, password: str) -> Actor:
    """The first account of a new database; refused once any user exists."""
    if len(password) < 6:
        raise ValidationError("密码", "至少6位")
    with store.transaction() as session:
        office = this_office(session)
        if session.scalar(select(User.uuid).limit(1)) is not None:
            raise ValidationError("管理员", "数据库已有用户，请由管理员在设置中添加")
        session.info["actor"] = system_actor(office.code)
        session.add(User(office_code=office.code, username=username, display_name=display_name,
                         password_hash=hash_password(password), roles=ADMIN, active=True,
                         created_at=utcnow()))
    return Actor(username, display_name, frozenset({ADMIN}), office.code)


def office_names(store: Store) -> dict[str, str]:
    """Every office this database knows, code → name (a district's sub-districts, for filters and lists)."""
    with store.transaction() as session:
        return {code: name for code, name in session.execute(select(Office.code, Office.name))}


@dataclass(frozen=True)
class OfficeSummary:
    """This database's office as plain values: what a window title and district mode need."""

    code: str
    name: str
    level: str


def this_office_summary(store: Store) -> OfficeSummary:
    """The office that owns this database (NotFound before ``uniondesk init``)."""
    with store.transaction() as session:
        office = this_office(session)
        return OfficeSummary(office.code, office.name, office.level)
