"""Import planning and applying (db.tabular): verdicts, cell-named errors, round trips, one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, update

from db import members
from db.aid import cases
from db.auth import Actor
from db.demo import fill_demo
from db.errors import PermissionDenied, ValidationError
from db.members.fields import MEMBERS
from db.models import AidCase, AuditEntry, Member, MemberEvent, Station, StationService
from db.registry import RegistrySpec, registries
from db.store import Store
from db.tabular import rows as stored
from db.tabular.apply import apply_plan
from db.tabular.plan import ImportPlan, plan_import
from db.validation import make_id_number, mask_id_number, parse_id_number


def _letters(registry: RegistrySpec, skip: tuple[str, ...] = ()) -> dict[str, str]:
    fields = [f for f in registry.fields if f.attr not in skip]
    return {f.attr: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i] if i < 26 else "A" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i - 26]
            for i, f in enumerate(fields)}


def _exported(store: Store, registry: RegistrySpec, *, full: bool = True) -> list[tuple[int, dict[str, Any]]]:
    """The registry's rows as an export's cells, numbered like sheet rows under a header."""
    with store.transaction() as session:
        rows = [row for chunk in stored.iter_rows(session, registry) for row in chunk]
    return [(i + 2, {f.attr: f.to_cell(row.get(f.attr), full=full) for f in registry.fields})
            for i, row in enumerate(rows)]


def _plan(store: Store, actor: Actor, name: str, rows: list[tuple[int, dict[str, Any]]],
          skip: tuple[str, ...] = ()) -> ImportPlan:
    return plan_import(store, actor, name, rows, _letters(registries()[name], skip))


@pytest.fixture
def demo(store: Store) -> Store:
    fill_demo(store, 80, seed=3)
    return store


@pytest.mark.parametrize("name", list(registries()))
@pytest.mark.parametrize("full", [True, False], ids=["full", "masked"])
def test_exported_rows_come_back_unchanged(demo: Store, clerk: Actor, name: str, full: bool) -> None:
    rows = _exported(demo, registries()[name], full=full)
    assert rows, f"the demo has no {name}"
    plan = _plan(demo, clerk, name, rows)
    assert plan.counts == {"new": 0, "update": 0, "unchanged": len(rows), "error": 0}, [
        (r.row_no, r.messages, r.changes) for r in plan.rows if r.verdict != "unchanged"][:3]


def _member_cells(name: str, id_number: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "id_number": id_number, "joined_on": "2020-05-01", **more}


def test_new_members_are_written_in_one_go_with_their_join_events(store: Store, clerk: Actor) -> None:
    ids = [make_id_number("110101", dt.date(1990, 1, 1 + i), 100 + i) for i in range(3)]
    rows = [(3 + i, _member_cells(f"新会员{i}", ids[i], phone="13800138000")) for i in range(3)]
    plan = _plan(store, clerk, "members", rows)
    assert plan.counts["new"] == 3
    assert apply_plan(store, clerk, plan) == {"new": 3, "update": 0}
    with store.transaction() as session:
        saved = session.scalars(select(Member).order_by(Member.member_no)).all()
        assert [m.id_number for m in saved] == ids
        assert len({m.member_no for m in saved}) == 3 and all(m.member_no for m in saved)
        assert [m.gender for m in saved] == [parse_id_number(n).gender for n in ids]
        assert saved[0].birth_date == dt.date(1990, 1, 1)
        assert saved[0].name_initials == "xhy0"
        assert session.scalar(select(func.count()).select_from(MemberEvent)) == 3
        actions = session.scalars(select(AuditEntry.action)).all()
        assert "import_xlsx" in actions
    again = _plan(store, clerk, "members", rows)
    assert again.counts["unchanged"] == 3


def test_errors_name_the_cell_and_the_problem(store: Store, clerk: Actor) -> None:
    good = make_id_number("110101", dt.date(1985, 3, 7), 21)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    rows = [
        (5, _member_cells("甲", good)),
        (6, _member_cells("乙", bad)),
        (7, _member_cells("丙", good)),  # the same ID number again
        (8, _member_cells("", make_id_number("110101", dt.date(1986, 1, 1), 5))),
        (9, _member_cells("丁", make_id_number("110101", dt.date(1987, 1, 1), 7), joined_on="2021-02-30")),
        (10, _member_cells("戊", make_id_number("110101", dt.date(1988, 1, 1), 9), status="退会")),
    ]
    letters = _letters(MEMBERS)
    plan = _plan(store, clerk, "members", rows)
    verdicts = {r.row_no: r for r in plan.rows}
    assert verdicts[5].verdict == "new"
    assert verdicts[6].verdict == "error"
    assert verdicts[6].messages[0].startswith(f"{letters['id_number']}6 身份证号：")
    assert "校验" in verdicts[6].messages[0]
    # the report is shared and kept: the ID number in it is masked like everywhere else
    assert verdicts[7].messages == ("第7行：与第5行重复（身份证号 " + mask_id_number(good) + "）",)
    assert verdicts[8].messages == (f"{letters['name']}8 姓名：必须填写",)
    assert "日期不存在" in verdicts[9].messages[0] and verdicts[9].messages[0].startswith(
        f"{letters['joined_on']}9 入会日期")
    assert "在会" in verdicts[10].messages[0]
    assert plan.counts == {"new": 1, "update": 0, "unchanged": 0, "error": 5}


def test_an_update_lists_its_changes_and_refuses_a_status_change(demo: Store, clerk: Actor) -> None:
    rows = _exported(demo, MEMBERS)[:3]
    rows[0][1]["phone"] = "13912345678"
    rows[1][1]["status"] = "去世" if rows[1][1]["status"] != "去世" else "在会"
    plan = _plan(demo, clerk, "members", rows)
    first, second, third = plan.rows
    assert first.verdict == "update"
    assert first.changes["手机号码"][1] == "139****5678"
    assert second.verdict == "error" and "状态不能通过导入修改" in second.messages[0]
    assert third.verdict == "unchanged"
    apply_plan(demo, clerk, plan)
    with demo.transaction() as session:
        member = session.get(Member, first.uuid)
        assert member is not None and member.phone == "13912345678" and member.rev == first.rev + 1


def test_a_record_changed_after_the_preview_stops_the_whole_import(demo: Store, clerk: Actor) -> None:
    rows = _exported(demo, MEMBERS)[:2]
    rows[0][1]["remarks"] = "导入修改"
    rows[1][1]["remarks"] = "导入修改"
    plan = _plan(demo, clerk, "members", rows)
    assert plan.counts["update"] == 2
    members.update(demo, clerk, plan.rows[1].uuid or "", {"occupation": "别人改的"})
    with pytest.raises(ValidationError, match="第3行的记录在预览之后被修改"):
        apply_plan(demo, clerk, plan)
    with demo.transaction() as session:
        assert session.scalar(select(func.count()).where(Member.remarks == "导入修改")) == 0


def test_masked_cells_cannot_create_records(store: Store, clerk: Actor) -> None:
    plan = _plan(store, clerk, "members", [(2, _member_cells("甲", "110101********1234"))])
    assert plan.rows[0].verdict == "error"
    assert "已打码" in plan.rows[0].messages[0]


def test_only_a_role_that_enters_records_may_import(store: Store, approver: Actor) -> None:
    with pytest.raises(PermissionDenied):
        _plan(store, approver, "members", [])


def test_station_services_follow_the_sheet(demo: Store, clerk: Actor) -> None:
    rows = _exported(demo, registries()["stations"])[:1]
    rows[0][1]["services"] = "渴可喝水，机可充电、阅读"
    plan = _plan(demo, clerk, "stations", rows)
    assert plan.rows[0].verdict == "update", plan.rows[0].messages
    apply_plan(demo, clerk, plan)
    with demo.transaction() as session:
        station = session.scalars(select(Station).where(Station.uuid == plan.rows[0].uuid)).one()
        names = session.scalars(select(StationService.name).where(
            StationService.station_uuid == station.uuid, StationService.deleted.is_(False))).all()
    assert sorted(names) == sorted(["渴可喝水", "机可充电", "阅读"])


def test_entries_find_their_contest_and_a_person_enters_it_once(demo: Store, clerk: Actor) -> None:
    rows = _exported(demo, registries()["entries"])[:1]
    cells = rows[0][1]
    cells.update(uuid=None, entry_no="X-0001", certificate_no=None, rank=None, award=None, title=None,
                 practical_score=None)
    plan = _plan(demo, clerk, "entries", rows)  # the same person again (or a published contest): refused
    assert plan.rows[0].verdict == "error"
    assert "已报名本竞赛" in plan.rows[0].messages[0] or "成绩已发布" in plan.rows[0].messages[0]
    cells["contest_name"] = "不存在的竞赛"
    plan = _plan(demo, clerk, "entries", rows)
    assert "找不到" in plan.rows[0].messages[0]


def test_one_household_one_file(demo: Store, clerk: Actor) -> None:
    exported = _exported(demo, registries()["aid-cases"])
    open_rows = [r for r in exported if r[1]["status"] not in ("解困脱困", "注销")][:1]
    existing = open_rows[0][1]["uuid"]
    open_rows[0][1].update(uuid=None, case_no="KN-NEW-1", status=None)
    plan = _plan(demo, clerk, "aid-cases", open_rows)
    assert plan.rows[0].verdict == "error"
    assert "一户一档" in plan.rows[0].messages[0]
    # a member whose only file is closed may be filed again
    with demo.transaction(clerk) as session:
        session.execute(update(AidCase).where(AidCase.uuid == existing).values(status="relieved"))
    plan = _plan(demo, clerk, "aid-cases", open_rows)
    assert plan.rows[0].verdict == "new", plan.rows[0].messages


def test_a_household_member_of_an_open_file_is_not_filed_by_import(store: Store, clerk: Actor) -> None:
    spouse = make_id_number("110101", dt.date(1982, 3, 4), 12)
    for n, number in ((1, make_id_number("110101", dt.date(1980, 1, 2), 11)), (2, spouse)):
        members.register(store, clerk, {"name": f"职工{n}", "id_number": number, "joined_on": "2015-05-01",
                                        "employer": "东四环卫所"})
    case = cases.create_case(store, clerk, {"member_id_number": make_id_number("110101", dt.date(1980, 1, 2), 11),
                                            "category": "深度困难", "main_cause": "下岗失业"},
                             [{"name": "职工2", "relation": "配偶", "id_number": spouse}])
    cells = {"case_no": "KN-NEW-3", "member_id_number": spouse, "category": "深度困难", "main_cause": "下岗失业"}
    plan = _plan(store, clerk, "aid-cases", [(2, cells)])
    assert plan.rows[0].verdict == "error"
    assert f"已是困难职工档案 {case.case_no} 的家庭成员（一户一档）" in plan.rows[0].messages[0]


def test_member_numbers_stay_unique(demo: Store, clerk: Actor) -> None:
    taken = _exported(demo, MEMBERS)[0][1]["member_no"]
    rows = [(2, _member_cells("甲", make_id_number("110101", dt.date(1990, 2, 1), 3), member_no=taken)),
            (3, _member_cells("乙", make_id_number("110101", dt.date(1990, 2, 2), 5), member_no="N-1")),
            (4, _member_cells("丙", make_id_number("110101", dt.date(1990, 2, 3), 7), member_no="N-1"))]
    plan = _plan(demo, clerk, "members", rows)
    assert [r.verdict for r in plan.rows] == ["error", "new", "error"]
    assert plan.rows[0].messages[0].endswith(f"会员编号 {taken} 已被使用")
    assert plan.rows[2].messages[0].endswith("会员编号 N-1 与第3行重复")


def test_contest_rules_between_fields(store: Store, clerk: Actor) -> None:
    cells = {"name": "职工技能大赛", "trade": "家政服务员", "level": "区级", "starts_on": "2026-05-02",
             "ends_on": "2026-05-01", "theory_weight": 30, "practical_weight": 60}
    plan = _plan(store, clerk, "contests", [(2, cells)])
    assert "结束日期：不能早于开始日期" in plan.rows[0].messages[0]
    cells["ends_on"] = "2026-05-03"
    plan = _plan(store, clerk, "contests", [(2, cells)])
    assert "之和应为100" in plan.rows[0].messages[0]
    cells["practical_weight"] = 70
    assert _plan(store, clerk, "contests", [(2, cells)]).counts["new"] == 1
