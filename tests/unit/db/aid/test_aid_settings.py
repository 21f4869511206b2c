"""The hardship-aid settings (帮扶设置): the 低保 line kept year by year, the 公示's days and the years a closed
file is kept — read by anyone, written by an administrator only, checked, audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.aid import settings as aid_settings
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AuditEntry
from db.store import Store
from tests.unit.db.aid.conftest import snapshot


def test_defaults_are_seven_days_of_publicity_and_ten_years_of_keeping(store: Store) -> None:
    assert aid_settings.read(store) == aid_settings.AidSettings({}, 7, 10)
    assert aid_settings.read(store).line_for(2025) is None


def test_the_dibao_line_is_kept_year_by_year_and_audited(store: Store, admin: Actor) -> None:
    aid_settings.set_dibao_line(store, admin, 2024, 132_000)
    saved = aid_settings.set_dibao_line(store, admin, 2025, 139_500)
    assert saved.dibao_lines == {2024: 132_000, 2025: 139_500}
    assert (saved.line_for(2023), saved.line_for(2024), saved.line_for(2025), saved.line_for(2027)) == (
        None, 132_000, 139_500, 139_500)
    corrected = aid_settings.set_dibao_line(store, admin, 2024, 133_000)  # 2025 stays
    assert corrected.dibao_lines == {2024: 133_000, 2025: 139_500}
    assert aid_settings.set_dibao_line(store, admin, 2025, None).dibao_lines == {2024: 133_000}
    with store.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "aid_settings")
                                  .order_by(AuditEntry.id)).all()
        assert [json.loads(e.changes) for e in entries] == [
            {"year": 2024, "value": [None, 132_000]}, {"year": 2025, "value": [None, 139_500]},
            {"year": 2024, "value": [132_000, 133_000]}, {"year": 2025, "value": [139_500, None]}]
        assert {e.actor for e in entries} == {"admin"}


def test_publicity_days_and_retention_years_are_saved_apart(store: Store, admin: Actor) -> None:
    assert aid_settings.save(store, admin, publicity_days=10) == aid_settings.AidSettings({}, 10, 10)
    assert aid_settings.save(store, admin, retention_years=15) == aid_settings.AidSettings({}, 10, 15)


@pytest.mark.parametrize("who", ["clerk", "approver"])
def test_only_an_administrator_changes_them(store: Store, who: str, request: pytest.FixtureRequest) -> None:
    actor: Actor = request.getfixturevalue(who)
    before = snapshot(store)
    for call in (lambda: aid_settings.set_dibao_line(store, actor, 2025, 139_500),
                 lambda: aid_settings.save(store, actor, publicity_days=5)):
        with pytest.raises(PermissionDenied, match="修改系统设置"):
            call()
    assert snapshot(store) == before
    assert aid_settings.read(store) == aid_settings.AidSettings()


@pytest.mark.parametrize(("kwargs", "field", "words"), [
    ({"publicity_days": 0}, "公示天数", "应为1到30天"),
    ({"publicity_days": 31}, "公示天数", "应为1到30天"),
    ({"retention_years": 9}, "撤档后保存年限", "全总规定撤档后至少保存10年"),
    ({"retention_years": 51}, "撤档后保存年限", "应为10到50年"),
])
def test_out_of_range_values_are_refused(store: Store, admin: Actor, kwargs: dict[str, int], field: str,
                                         words: str) -> None:
    before = snapshot(store)
    with pytest.raises(ValidationError) as caught:
        aid_settings.save(store, admin, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field and words in caught.value.message
    assert snapshot(store) == before


def test_a_line_out_of_range_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="低保标准"):
        aid_settings.set_dibao_line(store, admin, 2025, 0)
    with pytest.raises(ValidationError, match="年度"):
        aid_settings.set_dibao_line(store, admin, 1999, 100_000)
    assert aid_settings.read(store).dibao_lines == {}
