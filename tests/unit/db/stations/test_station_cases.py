"""Warm-station use cases as a clerk meets them: stations saved, bad input refused naming the field with
nothing written, history kept, logs, inspections, stars, attention marks and year totals, rights checked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from db.auth import Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import (
    AuditEntry,
    Station,
    StationEvent,
    StationInspection,
    StationLog,
    StationRating,
    StationService,
)
from db.reference import values
from db.stations import attention, cases, inspections, logs
from db.store import Store

TODAY = dt.date.today()
THIS_MONTH = TODAY.replace(day=1)
SIX = {"has_sign": "是", "has_fixed_place": "是", "has_facilities": "是", "has_rules": "是", "has_staff": "是",
       "on_map": "是"}
STATION = {"code": "NX-006-001", "name": "东四快递小哥驿站", "address": "东四北大街100号", "host_type": "企业",
           "manager": "王芳", "phone": "13800138000", "opening_hours": "8:00-18:00", "area_sqm": "25",
           "built_on": "2020-01-10", "stars": 4, **SIX}


def count(store: Store, model: type) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def refused(field: str, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == field, caught.value.message
    return caught.value


@pytest.fixture
def station(store: Store, clerk: Actor) -> Station:
    return cases.create_station(store, clerk, STATION)


# --- stations ---------------------------------------------------------------------------------------------

def test_create_station_saves_cleaned_fields_the_eight_services_and_a_history(store: Store, clerk: Actor,
                                                                               station: Station) -> None:
    details = cases.station_details(store, station.uuid)
    saved = details["station"]
    assert (saved["code"], saved["status"], saved["area_sqm"], saved["built_on"], saved["stars"]) == (
        "NX-006-001", "running", 25.0, dt.date(2020, 1, 10), 4)
    assert saved["has_sign"] is True and saved["office_code"] == "110101006"
    assert details["services"] == values("station_services")
    assert details["history"] == [] and details["ratings"] == [] and details["inspections"] == []
    assert details["steps"] == ("pause", "close")
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)
                              .where(AuditEntry.action == "create_station")) >= 1


def test_a_duplicate_code_is_refused_naming_the_code(store: Store, clerk: Actor, station: Station) -> None:
    error = refused("编号", cases.create_station, store, clerk, {**STATION, "name": "另一驿站"})
    assert "NX-006-001" in error.reason and "东四快递小哥驿站" in error.reason
    assert count(store, Station) == 1
    other = cases.create_station(store, clerk, {**STATION, "code": "NX-006-002", "name": "另一驿站"})
    refused("编号", cases.update_station, store, clerk, other.uuid, {"code": "NX-006-001"})
    # a deleted station keeps its code: it may come back
    cases.soft_delete(store, clerk, station.uuid)
    assert "已删除" in refused("编号", cases.create_station, store, clerk, STATION).reason


@pytest.mark.parametrize(("field", "value", "label"), [
    ("code", "", "编号"), ("name", None, "名称"), ("phone", "12ab", "联系电话"), ("area_sqm", "-3", "面积（平方米）"),
    ("stars", 6, "星级"), ("stars", 0, "星级"), ("host_type", "学校", "建设单位类型"), ("built_on", "明天", "建成日期"),
    ("status", "paused", "状态"), ("services", ["x" * 31], "服务项目"), ("nonsense", "1", "nonsense"),
])
def test_bad_station_fields_are_refused_naming_the_field(store: Store, clerk: Actor, field: str, value: object,
                                                         label: str) -> None:
    refused(label, cases.create_station, store, clerk, {**STATION, field: value})
    assert count(store, Station) == 0


def test_a_built_date_in_the_future_is_refused(store: Store, clerk: Actor) -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    refused("建成日期", cases.create_station, store, clerk, {**STATION, "built_on": tomorrow})


def test_update_station_changes_fields_and_services_and_guards_the_revision(store: Store, clerk: Actor,
                                                                             station: Station) -> None:
    updated = cases.update_station(store, clerk, station.uuid, {"manager": "李强", "services": "阅读、冷可取暖"},
                                   expected_rev=station.rev)
    assert updated.manager == "李强" and updated.rev == station.rev + 1
    assert cases.station_details(store, station.uuid)["services"] == ["冷可取暖", "阅读"]
    error = refused("暖心驿站", cases.update_station, store, clerk, station.uuid, {"manager": "赵"},
                    expected_rev=station.rev)
    assert "他人修改" in error.reason
    refused("状态", cases.update_station, store, clerk, station.uuid, {"status": "closed"})


def test_set_services_takes_the_lists_and_free_text_and_brings_back_removed_ones(store: Store, clerk: Actor,
                                                                                 station: Station) -> None:
    assert cases.set_services(store, clerk, station.uuid, ["维修", " 自定义服务 ", "维修"]) == ["维修", "自定义服务"]
    assert cases.station_details(store, station.uuid)["services"] == ["维修", "自定义服务"]
    cases.set_services(store, clerk, station.uuid, "冷可取暖，维修")
    assert sorted(cases.station_details(store, station.uuid)["services"]) == sorted(["冷可取暖", "维修"])
    with store.transaction() as session:  # one row per name: 冷可取暖 came back rather than twice
        names = list(session.scalars(select(StationService.name).where(StationService.station_uuid == station.uuid)))
    assert len(names) == len(set(names))
    error = refused("服务项目", cases.set_services, store, clerk, station.uuid, ["长" * 31])
    assert "30" in error.reason
    assert "阅读" in cases.service_choices(store) and "冷可取暖" in cases.service_choices(store)


def test_status_steps_are_recorded_with_date_and_reason(store: Store, clerk: Actor) -> None:
    planned = cases.create_station(store, clerk, {**STATION, "status": "筹建", "built_on": None})
    assert planned.status == "planning"
    opened = cases.change_status(store, clerk, planned.uuid, "open", "2023-03-01")
    assert (opened.status, opened.built_on) == ("running", dt.date(2023, 3, 1))
    refused("原因", cases.change_status, store, clerk, planned.uuid, "pause", "2023-05-01")
    cases.change_status(store, clerk, planned.uuid, "pause", "2023-05-01", reason="装修")
    refused("状态", cases.change_status, store, clerk, planned.uuid, "pause", "2023-06-01", reason="再停")
    refused("日期", cases.change_status, store, clerk, planned.uuid, "resume", "2023-04-01")  # before the pause
    refused("日期", cases.change_status, store, clerk, planned.uuid, "resume", TODAY + dt.timedelta(days=1))
    cases.change_status(store, clerk, planned.uuid, "resume", "2023-07-01")
    closed = cases.change_status(store, clerk, planned.uuid, "close", "2024-01-02", reason="场地收回")
    assert closed.status == "closed"
    history = cases.station_details(store, planned.uuid)["history"]
    assert [(e["kind"], e["from_status"], e["to_status"]) for e in history] == [
        ("open", "planning", "running"), ("pause", "running", "paused"),
        ("resume", "paused", "running"), ("close", "running", "closed")]
    assert (history[1]["reason"], history[1]["on_date"]) == ("装修", dt.date(2023, 5, 1))
    refused("变动类别", cases.change_status, store, clerk, planned.uuid, "explode", "2024-01-03")


def test_a_step_before_the_station_was_built_is_refused(store: Store, clerk: Actor, station: Station) -> None:
    refused("日期", cases.change_status, store, clerk, station.uuid, "pause", "2019-12-31", reason="x")
    assert count(store, StationEvent) == 0


def test_soft_delete_and_undelete(store: Store, clerk: Actor, station: Station) -> None:
    cases.soft_delete(store, clerk, station.uuid)
    with pytest.raises(NotFound):
        cases.station_details(store, station.uuid)
    refused("暖心驿站", cases.undelete, store, clerk, cases.undelete(store, clerk, station.uuid).uuid)
    assert cases.station_details(store, station.uuid)["station"]["deleted"] is False


def test_an_approver_may_not_write(store: Store, clerk: Actor, approver: Actor, station: Station) -> None:
    calls = [
        lambda: cases.create_station(store, approver, {**STATION, "code": "X-1"}),
        lambda: cases.update_station(store, approver, station.uuid, {"name": "改名"}),
        lambda: cases.change_status(store, approver, station.uuid, "pause", "2021-01-01", reason="x"),
        lambda: cases.soft_delete(store, approver, station.uuid),
        lambda: cases.set_services(store, approver, station.uuid, ["阅读"]),
        lambda: logs.save_month_log(store, approver, station.uuid, "2023-01", {"visits_courier": 1}),
        lambda: inspections.record_inspection(store, approver, station.uuid, {"inspected_on": "2023-01-01",
                                                                              "inspector": "张"}),
        lambda: inspections.assess_stars(store, approver, station.uuid, 2023, 5, "达标"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert count(store, Station) == 1 and count(store, StationLog) == 0


# --- month logs -------------------------------------------------------------------------------------------

def test_a_month_log_computes_its_total_and_is_refused_twice(store: Store, clerk: Actor, station: Station) -> None:
    log = logs.save_month_log(store, clerk, station.uuid, "2023-05", {
        "visits_courier": "10", "visits_rider": 20, "visits_sanitation": 3, "services_used": "冷可取暖、渴可喝水",
        "supplies_received": "矿泉水2箱"})
    assert (log.on_date, log.period, log.visits_total, log.visits_driver) == (dt.date(2023, 5, 1), "month", 33, 0)
    error = refused("月份", logs.save_month_log, store, clerk, station.uuid, "2023年5月", {"visits_courier": 1})
    assert error.reason == "该驿站5月的台账已录入"
    assert count(store, StationLog) == 1
    changed = logs.save_month_log(store, clerk, station.uuid, dt.date(2023, 5, 20), {"visits_other": 7},
                                  log_uuid=log.uuid, expected_rev=log.rev)
    assert (changed.visits_courier, changed.visits_other, changed.visits_total) == (10, 7, 40)
    refused("驿站服务台账", logs.save_month_log, store, clerk, station.uuid, "2023-05", {"visits_other": 8},
            log_uuid=log.uuid, expected_rev=log.rev)
    refused("月份", logs.save_month_log, store, clerk, station.uuid, "2023-06", {"visits_other": 8},
            log_uuid=log.uuid)


def test_a_deleted_month_can_be_entered_again(store: Store, clerk: Actor, station: Station) -> None:
    log = logs.save_month_log(store, clerk, station.uuid, "2023-05", {"visits_courier": 10})
    logs.delete_month_log(store, clerk, log.uuid)
    again = logs.save_month_log(store, clerk, station.uuid, "2023-05", {"visits_rider": 4})
    assert (again.deleted, again.visits_courier, again.visits_total) == (False, 0, 4)
    assert count(store, StationLog) == 1


@pytest.mark.parametrize(("entries", "label"), [
    ({"visits_courier": -1}, "快递员"), ({"visits_rider": "很多"}, "外卖送餐员"), ({"visits_other": 1.5}, "其他"),
    ({"visits_courier": 1, "visits_total": 5}, "服务人次"), ({"visits_bikes": 1}, "visits_bikes"),
])
def test_bad_counts_are_refused_naming_the_group(store: Store, clerk: Actor, station: Station,
                                                 entries: dict[str, Any], label: str) -> None:
    refused(label, logs.save_month_log, store, clerk, station.uuid, "2023-05", entries)
    assert count(store, StationLog) == 0


def test_a_future_month_or_one_before_the_station_was_built_is_refused(store: Store, clerk: Actor,
                                                                       station: Station) -> None:
    next_month = (THIS_MONTH + dt.timedelta(days=32)).replace(day=1)
    assert "未到的月份不能填写" in refused("月份", logs.save_month_log, store, clerk, station.uuid, next_month,
                                   {"visits_courier": 1}).reason
    refused("月份", logs.save_month_log, store, clerk, station.uuid, "2019-12", {"visits_courier": 1})
    refused("月份", logs.save_month_log, store, clerk, station.uuid, "2023-13", {"visits_courier": 1})
    logs.save_month_log(store, clerk, station.uuid, "2020-01", {"visits_courier": 1})  # the month it was built
    logs.save_month_log(store, clerk, station.uuid, THIS_MONTH, {"visits_courier": 1})  # the month running
    assert count(store, StationLog) == 2


def test_year_totals_by_month_and_group_for_one_and_all_stations(store: Store, clerk: Actor,
                                                                 station: Station) -> None:
    other = cases.create_station(store, clerk, {**STATION, "code": "NX-006-002", "name": "另一驿站"})
    logs.save_month_log(store, clerk, station.uuid, "2023-01", {"visits_courier": 5, "visits_rider": 1})
    logs.save_month_log(store, clerk, station.uuid, "2023-03", {"visits_driver": 2})
    logs.save_month_log(store, clerk, other.uuid, "2023-01", {"visits_courier": 7})
    logs.save_month_log(store, clerk, other.uuid, "2022-12", {"visits_courier": 100})  # another year
    one = logs.year_totals(store, 2023, station.uuid)
    assert sorted(one) == list(range(1, 13))
    assert one[1] == {"visits_total": 6, "visits_courier": 5, "visits_rider": 1, "visits_sanitation": 0,
                      "visits_driver": 0, "visits_other": 0}
    assert one[3]["visits_driver"] == 2 and one[2]["visits_total"] == 0
    every = logs.year_totals(store, 2023)
    assert (every[1]["visits_total"], every[1]["visits_courier"], every[3]["visits_total"]) == (13, 12, 2)
    cases.soft_delete(store, clerk, other.uuid)  # a deleted station's logs no longer count
    assert logs.year_totals(store, 2023)[1]["visits_total"] == 6


def test_a_station_in_planning_has_no_log(store: Store, clerk: Actor) -> None:
    planned = cases.create_station(store, clerk, {**STATION, "status": "planning", "built_on": None})
    refused("暖心驿站", logs.save_month_log, store, clerk, planned.uuid, "2023-05", {"visits_courier": 1})


# --- inspections and stars --------------------------------------------------------------------------------

INSPECTION = {"inspected_on": "2023-04-10", "inspector": "市总工会 李明", **SIX, "posted_hours": "8:00-18:00",
              "actual_hours": "8:00-18:00", "medicine_expiry": "2024-01-01", "score": "95", "findings": "无问题"}


def test_a_clean_inspection_proposes_nothing(store: Store, clerk: Actor, station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, INSPECTION)
    assert (recorded.reasons, recorded.proposal) == ([], None)
    assert recorded.inspection.score == 95 and recorded.inspection.has_sign is True
    assert [i["inspected_on"] for i in cases.station_details(store, station.uuid)["inspections"]] == [
        dt.date(2023, 4, 10)]
    assert count(store, StationRating) == 0


def test_a_failed_inspection_proposes_a_mark_down_that_a_person_confirms(store: Store, clerk: Actor,
                                                                         station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, {
        **INSPECTION, "has_facilities": "否", "actual_hours": "10:00-16:00", "medicine_expiry": "2023-03-01",
        "follow_up": "限期维修", "follow_up_due_on": "2023-05-10"})
    assert len(recorded.reasons) == 3
    proposal = recorded.proposal
    assert proposal is not None
    assert (proposal.stars, proposal.confirmed, proposal.year) == (3, False, 2023)
    assert proposal.proposed_by_inspection_uuid == recorded.inspection.uuid
    assert "完备设施" in (proposal.reason or "")
    assert cases.station_details(store, station.uuid)["station"]["stars"] == 4  # not until confirmed
    inspections.confirm_rating(store, clerk, proposal.uuid)
    details = cases.station_details(store, station.uuid)
    assert details["station"]["stars"] == 3 and details["ratings"][0]["confirmed"] is True
    refused("驿站评星", inspections.confirm_rating, store, clerk, proposal.uuid)


def test_a_proposal_can_be_dismissed(store: Store, clerk: Actor, station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, {**INSPECTION, "on_map": "否"})
    assert recorded.proposal is not None
    inspections.dismiss_rating(store, clerk, recorded.proposal.uuid)
    details = cases.station_details(store, station.uuid)
    assert details["ratings"] == [] and details["station"]["stars"] == 4
    with pytest.raises(NotFound):
        inspections.confirm_rating(store, clerk, recorded.proposal.uuid)


def test_an_inspection_before_the_station_was_built_or_in_the_future_is_refused(store: Store, clerk: Actor,
                                                                              station: Station) -> None:
    assert "建成日期" in refused("检查日期", inspections.record_inspection, store, clerk, station.uuid,
                             {**INSPECTION, "inspected_on": "2019-12-31"}).reason
    refused("检查日期", inspections.record_inspection, store, clerk, station.uuid,
            {**INSPECTION, "inspected_on": TODAY + dt.timedelta(days=1)})
    refused("检查人", inspections.record_inspection, store, clerk, station.uuid, {**INSPECTION, "inspector": ""})
    refused("得分", inspections.record_inspection, store, clerk, station.uuid, {**INSPECTION, "score": 101})
    refused("整改期限", inspections.record_inspection, store, clerk, station.uuid,
            {**INSPECTION, "follow_up_due_on": "2023-04-09"})
    assert count(store, StationInspection) == 0 and count(store, StationRating) == 0


def test_a_follow_up_is_completed(store: Store, clerk: Actor, station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, {**INSPECTION, "follow_up": "补充药品",
                                                                          "follow_up_due_on": "2023-05-01"})
    refused("整改完成日期", inspections.complete_follow_up, store, clerk, recorded.inspection.uuid, "2023-04-01")
    done = inspections.complete_follow_up(store, clerk, recorded.inspection.uuid, "2023-04-20", note="已补充")
    assert (done.follow_up_done_on, done.follow_up) == (dt.date(2023, 4, 20), "已补充")


def test_yearly_stars_are_one_to_five_with_a_reason(store: Store, clerk: Actor, station: Station) -> None:
    cases.update_station(store, clerk, station.uuid, {"area_sqm": 32})  # 5★ asks for 30 m² by default
    rating = inspections.assess_stars(store, clerk, station.uuid, 2023, 5, "面积达标，配备AED",
                                      assessed_on="2023-12-20")
    assert (rating.stars, rating.confirmed, rating.year) == (5, True, 2023)
    assert cases.station_details(store, station.uuid)["station"]["stars"] == 5
    for stars in (0, 6, "五星", None):
        refused("星级", inspections.assess_stars, store, clerk, station.uuid, 2023, stars, "x")
    refused("评定理由", inspections.assess_stars, store, clerk, station.uuid, 2023, 3, " ")
    refused("年度", inspections.assess_stars, store, clerk, station.uuid, TODAY.year + 1, 3, "x")
    refused("评定日期", inspections.assess_stars, store, clerk, station.uuid, 2023, 3, "x",
            assessed_on=TODAY + dt.timedelta(days=1))
    assert count(store, StationRating) == 1


def test_a_closed_station_is_not_rated(store: Store, clerk: Actor, station: Station) -> None:
    cases.change_status(store, clerk, station.uuid, "close", "2023-01-01", reason="撤点")
    refused("星级", inspections.assess_stars, store, clerk, station.uuid, 2023, 3, "x")


# --- needs attention --------------------------------------------------------------------------------------

def test_attention_marks_on_chosen_dates(store: Store, clerk: Actor, station: Station) -> None:
    kept = cases.create_station(store, clerk, {**STATION, "code": "NX-006-002", "name": "整洁驿站"})
    cases.create_station(store, clerk, {**STATION, "code": "NX-006-003", "name": "筹建驿站", "status": "planning",
                                        "built_on": None})
    for uuid in (station.uuid, kept.uuid):
        logs.save_month_log(store, clerk, uuid, "2023-03", {"visits_courier": 1})
    logs.save_month_log(store, clerk, kept.uuid, "2023-04", {"visits_courier": 1})
    inspections.record_inspection(store, clerk, kept.uuid, {**INSPECTION, "medicine_expiry": "2024-01-01"})
    inspections.record_inspection(store, clerk, station.uuid, {
        **INSPECTION, "medicine_expiry": "2023-05-20", "follow_up": "更换药品", "follow_up_due_on": "2023-04-30"})

    # 15 April 2023: both logged March, inspected five days ago; the follow-up is not due yet
    assert attention.attention(store, on=dt.date(2023, 4, 15)) == {}
    # 1 May 2023: the follow-up is late, medicine runs out within 30 days, April's log is missing
    marks = attention.attention(store, on=dt.date(2023, 5, 1))
    assert sorted(marks) == [station.uuid]
    assert marks[station.uuid] == ["2023年4月台账未录入", "药品30天内到期（有效期至2023-05-20）",
                                   "整改逾期未完成（期限2023-04-30）"]
    # the follow-up done, the medicine replaced at a new inspection: only the log is missing
    inspection_uuid = cases.station_details(store, station.uuid)["inspections"][0]["uuid"]
    inspections.complete_follow_up(store, clerk, inspection_uuid, "2023-04-28")
    inspections.record_inspection(store, clerk, station.uuid, {**INSPECTION, "inspected_on": "2023-04-29",
                                                               "medicine_expiry": "2025-01-01"})
    assert attention.attention(store, on=dt.date(2023, 5, 1)) == {station.uuid: ["2023年4月台账未录入"]}
    # a year and more later, without inspection or logs, both are due; the planning one never
    later = attention.attention(store, on=dt.date(2024, 5, 1))
    assert sorted(later) == sorted([station.uuid, kept.uuid])
    assert later[kept.uuid][0] == "超过12个月未检查（上次：2023-04-10）"
    assert "药品已过期（有效期至2024-01-01）" in later[kept.uuid]
    # a paused station needs no log; a deleted one no attention at all
    cases.change_status(store, clerk, kept.uuid, "pause", "2023-04-30", reason="修缮")
    assert attention.attention(store, on=dt.date(2023, 6, 1)).get(kept.uuid) is None
    cases.soft_delete(store, clerk, station.uuid)
    assert station.uuid not in attention.attention(store, on=dt.date(2024, 5, 1))


def test_attention_on_an_empty_database(store: Store) -> None:
    assert attention.attention(store) == {}


def test_an_inspection_corrected_keeps_its_rules_and_its_mark_down_follows(store: Store, clerk: Actor,
                                                                            station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, INSPECTION)
    uuid = recorded.inspection.uuid
    mended = inspections.update_inspection(store, clerk, uuid, {"findings": "标识褪色", "score": "90"})
    assert (mended.reasons, mended.proposal) == ([], None)
    assert (mended.inspection.findings, mended.inspection.score, mended.inspection.inspector) == (
        "标识褪色", 90, "市总工会 李明")
    failed = inspections.update_inspection(store, clerk, uuid, {"on_map": "否"})
    assert failed.proposal is not None and failed.proposal.stars == 3 and failed.reasons == ["“六有”未达标：地图可查"]
    assert count(store, StationRating) == 1
    # a typo mended on the failed inspection leaves its proposal as it was
    assert inspections.update_inspection(store, clerk, uuid, {"findings": "未上地图"}).proposal is None
    assert [r["confirmed"] for r in cases.station_details(store, station.uuid)["ratings"]] == [False]
    # the check passed after all: the proposal is withdrawn
    inspections.update_inspection(store, clerk, uuid, {"on_map": "是"})
    assert cases.station_details(store, station.uuid)["ratings"] == []


def test_an_inspection_correction_is_checked_like_a_new_one(store: Store, clerk: Actor, approver: Actor,
                                                            station: Station) -> None:
    uuid = inspections.record_inspection(store, clerk, station.uuid, INSPECTION).inspection.uuid
    assert "建成日期" in refused("检查日期", inspections.update_inspection, store, clerk, uuid,
                             {"inspected_on": "2019-12-31"}).reason
    refused("检查人", inspections.update_inspection, store, clerk, uuid, {"inspector": " "})
    refused("得分", inspections.update_inspection, store, clerk, uuid, {"score": "101"})
    refused("整改期限", inspections.update_inspection, store, clerk, uuid, {"follow_up_due_on": "2023-04-09"})
    with pytest.raises(PermissionDenied):
        inspections.update_inspection(store, approver, uuid, {"findings": "x"})
    stored = cases.station_details(store, station.uuid)["inspections"][0]
    assert (stored["inspector"], stored["score"], stored["findings"]) == ("市总工会 李明", 95, "无问题")


def test_a_confirmed_mark_down_keeps_the_findings_it_stands_on(store: Store, clerk: Actor, station: Station) -> None:
    recorded = inspections.record_inspection(store, clerk, station.uuid, {**INSPECTION, "has_sign": "否"})
    assert recorded.proposal is not None
    inspections.confirm_rating(store, clerk, recorded.proposal.uuid)
    uuid = recorded.inspection.uuid
    assert "已确认" in refused("驿站检查", inspections.update_inspection, store, clerk, uuid, {"has_sign": "是"}).reason
    refused("驿站检查", inspections.update_inspection, store, clerk, uuid, {"inspected_on": "2023-04-11"})
    inspections.update_inspection(store, clerk, uuid, {"findings": "标识牌缺失", "follow_up": "补设标识"})
    details = cases.station_details(store, station.uuid)
    assert details["station"]["stars"] == 3 and [r["confirmed"] for r in details["ratings"]] == [True]
    assert details["inspections"][0]["has_sign"] is False
