"""Payments (帮扶记录) read from a spreadsheet get the rules a payment typed in the app gets (db.aid.payments):
only files 在档 (应急救助 also to a worker without one, with a reason), amounts in yuan with two decimals, days not
after today, unique voucher numbers, per-type caps per payment and per person per year counted with the stored
payments and the file's earlier rows. What the app asks of a person an import cannot: a payment above a cap and
a second payment of a type in a month are refused naming the row and the cap or the earlier payment, to be
recorded in the app. Every refusal names its row and column; a refused row is not written (the
accepted ones are, as every import does)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from db.aid import payments
from db.aid import settings as aid_settings
from db.auth import Actor
from db.errors import PermissionDenied
from db.models import AidCase, AidPayment
from db.store import Store
from db.tabular.plan import ImportPlan
from desktop.documents.excel import importer
from tests.unit.db.aid.conftest import (  # noqa: F401 - fixtures
    START,
    Today,
    add_member,
    clerk2,
    open_case,
    person,
    today,
    walk,
)

HEADERS = ["档案编号", "帮扶类型", "金额（元）", "发放日期", "发放方式", "凭证号", "收款人（未在档）", "收款人身份证号",
           "救助事由", "超限理由"]


def row(case_no: str | None, amount: str = "500", kind: str = "生活救助", on: dt.date = START,
        voucher: str | None = None, **extra: Any) -> list[Any]:
    return [case_no, kind, amount, on.isoformat(), "转账", voucher, extra.get("payee"), extra.get("payee_id"),
            extra.get("reason"), extra.get("override")]


def workbook(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def planned(store: Store, actor: Actor, path: Path) -> ImportPlan:
    return importer.plan(store, actor, importer.read_source(store, "aid-payments", path))


def errors(plan: ImportPlan) -> dict[int, str]:
    """The refusals by sheet row (2 is the first data row)."""
    return {r.row_no: " ".join(r.messages) for r in plan.rows if r.verdict == "error"}


def only_accepted_written(store: Store, actor: Actor, plan: ImportPlan) -> None:
    """Applying the plan writes its accepted rows and nothing of a refused one (as every import does)."""
    before = stored(store)
    accepted = [r for r in plan.rows if r.verdict == "new"]
    assert importer.apply(store, actor, plan) == {"new": len(accepted), "update": 0}
    assert len(stored(store)) == len(before) + len(accepted)


@pytest.fixture
def files(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today) -> dict[str, AidCase]:  # noqa: F811
    """Files in 在档 (two), 公示 and 解困脱困; today is then START + 14 days."""
    made = {}
    for n, status in ((1, "filed"), (2, "filed"), (3, "publicized"), (4, "relieved")):
        case = open_case(store, clerk, add_member(store, clerk, n))
        walk(store, case.uuid, status, clerk=clerk, checker=clerk2, approver=approver, today=today)
        made[status if status not in made else "filed2"] = case
        today.day = START  # a walk through 审批 moves seven days on; the next starts again
    today.day = START + dt.timedelta(days=14)
    return made


def stored(store: Store) -> list[tuple[Any, ...]]:
    with store.transaction() as session:
        return list(session.execute(select(AidPayment.case_uuid, AidPayment.kind, AidPayment.amount_fen,
                                           AidPayment.voucher_no, AidPayment.payee_id_number)
                                    .where(AidPayment.deleted.is_(False)).order_by(AidPayment.voucher_no)).all())


# --- what passes ---------------------------------------------------------------------------------------------

def test_payments_to_filed_files_and_an_emergency_payee_are_imported_in_fen(
        store: Store, clerk: Actor, admin: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    filed, other = files["filed"], files["filed2"]
    path = workbook(tmp_path / "帮扶.xlsx", [
        row(filed.case_no, "1234.56", voucher="PZ-1"),
        row(filed.case_no, "300", kind="医疗救助", voucher="PZ-2"),
        row(other.case_no, "200.5", voucher="PZ-3"),
        row(files["publicized"].case_no, "800", kind="应急救助", voucher="PZ-4", reason="突发重病"),  # open, not 在档
        row(None, "1000", kind="应急救助", voucher="PZ-5", payee="赵应急", payee_id=person(90), reason="火灾"),
    ])
    for actor in (clerk, admin):
        plan = planned(store, actor, path)
        assert errors(plan) == {} and plan.counts["new"] == 5
    assert importer.apply(store, clerk, planned(store, clerk, path)) == {"new": 5, "update": 0}
    assert stored(store) == [(filed.uuid, "生活救助", 123456, "PZ-1", None),
                             (filed.uuid, "医疗救助", 30000, "PZ-2", None),
                             (other.uuid, "生活救助", 20050, "PZ-3", None),
                             (files["publicized"].uuid, "应急救助", 80000, "PZ-4", None),
                             (None, "应急救助", 100000, "PZ-5", person(90))]
    again = planned(store, clerk, path)  # the same file again: nothing new; the payee's row has no file to be
    assert again.counts.get("new", 0) == 0  # known by, and its voucher number keeps it from being paid twice
    assert list(errors(again)) == [6] and "凭证号 PZ-5 已用于" in errors(again)[6]


def test_an_approver_without_records_write_cannot_import(store: Store, approver: Actor, files: dict[str, AidCase],
                                                         tmp_path: Path) -> None:
    path = workbook(tmp_path / "帮扶.xlsx", [row(files["filed"].case_no)])
    with pytest.raises(PermissionDenied):
        planned(store, approver, path)


# --- which files -------------------------------------------------------------------------------------------

def test_only_files_in_filed_receive_payments_and_emergencies_need_a_reason_and_payee(
        store: Store, clerk: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    path = workbook(tmp_path / "帮扶.xlsx", [
        row(files["publicized"].case_no),  # 2: 公示, not 应急救助
        row(files["relieved"].case_no, kind="应急救助", reason="突发"),  # 3: closed
        row(files["publicized"].case_no, kind="应急救助"),  # 4: no reason
        row(None, kind="生活救助", payee="钱某", payee_id=person(91), reason="困难"),  # 5: no file, not emergency
        row(None, kind="应急救助", payee="钱某", reason="困难"),  # 6: no ID number
        row(None, kind="应急救助", payee="职工1", payee_id=person(1), reason="困难"),  # 7: has a file in 在档
        row(files["filed"].case_no, kind="应急救助", payee="孙某", payee_id=person(92), reason="困难"),  # 8: both
    ])
    plan = planned(store, clerk, path)
    found = errors(plan)
    no = files["publicized"].case_no
    assert "只有在档的档案才能发放帮扶" in found[2] and no in found[2]
    assert "只有在档的档案才能发放帮扶" in found[3] and files["relieved"].case_no in found[3]
    assert found[4].startswith("I4 救助事由") and "须填写事由" in found[4]
    assert found[5].startswith("B5 帮扶类型") and "只能发放应急救助" in found[5]
    assert found[6].startswith("H6 收款人身份证号") and "必须填写" in found[6]
    assert found[7].startswith("H7 收款人身份证号") and files["filed"].case_no in found[7]
    assert "请在该档案下发放" in found[7]
    assert found[8].startswith("G8 收款人（未在档）") and "发放给档案时不填" in found[8]
    assert set(found) == {2, 3, 4, 5, 6, 7, 8}
    only_accepted_written(store, clerk, plan)


def test_amounts_and_days_as_the_app_takes_them(store: Store, clerk: Actor, files: dict[str, AidCase],
                                               tmp_path: Path) -> None:
    no = files["filed"].case_no
    path = workbook(tmp_path / "帮扶.xlsx", [
        row(no, "12.345"), row(no, "-5"), row(no, "0"),
        row(no, on=START + dt.timedelta(days=30)),  # after today (START + 14)
    ])
    found = errors(planned(store, clerk, path))
    assert all(found[n].startswith(f"C{n} 金额（元）") for n in (2, 3, 4)), found
    assert "两位小数" in found[2] or "小数" in found[2]
    assert found[5].startswith("D5 发放日期") and "不能晚于今天" in found[5]


# --- caps ----------------------------------------------------------------------------------------------------

def test_a_row_above_a_cap_per_payment_is_refused_for_every_role_that_imports(
        store: Store, clerk: Actor, admin: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    no = files["filed"].case_no
    path = workbook(tmp_path / "帮扶.xlsx", [row(no, "500", voucher="A"),
                                           row(no, "500.01", on=dt.date(2025, 2, 1), voucher="B")])
    for actor in (clerk, admin):
        plan = planned(store, actor, path)
        found = errors(plan)
        assert list(found) == [3]
        assert found[3].startswith("C3 金额（元）") and "生活救助单笔限额500.00元" in found[3]
        assert "本次500.01元" in found[3]
        assert "须由审核人在程序中登记" in found[3]
        only_accepted_written(store, actor, plan)


def test_the_yearly_cap_counts_stored_payments_and_the_file_s_earlier_rows(
        store: Store, clerk: Actor, admin: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=None, per_year_fen=100000)
    filed = files["filed"]
    payments.record_payment(store, clerk, filed.uuid, {"kind": "生活救助", "amount_fen": "300", "paid_on": "2025-01-10",
                                                       "method": "现金"})
    path = workbook(tmp_path / "帮扶.xlsx", [
        row(filed.case_no, "400", on=dt.date(2025, 2, 10)),  # 300 + 400: within
        row(files["filed2"].case_no, "900", on=dt.date(2025, 2, 10)),  # another household: its own cap
        row(filed.case_no, "300.01", on=dt.date(2025, 3, 10)),  # 300 + 400 + 300.01 > 1000
        row(filed.case_no, "300", on=dt.date(2024, 3, 10)),  # another year
        row(filed.case_no, "300", kind="医疗救助", on=dt.date(2025, 3, 10)),  # another type
    ])
    plan = planned(store, clerk, path)
    found = errors(plan)
    assert list(found) == [4], found
    assert "生活救助每人每年限额1,000.00元" in found[4] and "2025年已发700.00元" in found[4] \
        and "本次300.01元" in found[4] and "须由审核人在程序中登记" in found[4]
    only_accepted_written(store, clerk, plan)
    fixed = workbook(tmp_path / "改正.xlsx", [row(filed.case_no, "400", on=dt.date(2025, 2, 10)),  # imported
                                             row(filed.case_no, "300", on=dt.date(2025, 3, 10))])
    assert importer.apply(store, clerk, planned(store, clerk, fixed)) == {"new": 1, "update": 0}  # exactly the cap


def test_an_import_gives_no_override_reason(store: Store, clerk: Actor, admin: Actor, files: dict[str, AidCase],
                                            tmp_path: Path) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    path = workbook(tmp_path / "帮扶.xlsx", [row(files["filed"].case_no, "800", override="主任同意")])
    found = errors(planned(store, clerk, path))
    assert found[2].startswith("J2 超限理由") and "只能由审核人在程序中填写" in found[2]


# --- voucher numbers and the month's repeat -------------------------------------------------------------------

def test_voucher_numbers_are_unique_among_stored_payments_and_the_file_s_rows(
        store: Store, clerk: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    filed, other = files["filed"], files["filed2"]
    payments.record_payment(store, clerk, filed.uuid, {"kind": "医疗救助", "amount_fen": "100", "paid_on": "2025-01-10",
                                                       "method": "现金", "voucher_no": "PZ-9"})
    path = workbook(tmp_path / "帮扶.xlsx", [row(other.case_no, voucher="PZ-9", on=dt.date(2025, 1, 5)),
                                           row(other.case_no, voucher="PZ-10", on=dt.date(2025, 2, 5)),
                                           row(filed.case_no, voucher="PZ-10", on=dt.date(2025, 2, 5))])
    plan = planned(store, clerk, path)
    found = errors(plan)
    assert list(found) == [2, 4]
    assert found[2].startswith("F2 凭证号") and "凭证号 PZ-9 已用于 2025-01-10 的医疗救助 100.00元" in found[2]
    assert found[4].startswith("F4 凭证号") and "凭证号 PZ-10 已用于 2025-02-05 的生活救助 500.00元" in found[4]
    only_accepted_written(store, clerk, plan)


def test_a_second_payment_of_a_type_in_a_month_is_refused_naming_the_earlier_one(
        store: Store, clerk: Actor, files: dict[str, AidCase], tmp_path: Path) -> None:
    filed, other = files["filed"], files["filed2"]
    payments.record_payment(store, clerk, filed.uuid, {"kind": "生活救助", "amount_fen": "100", "paid_on": "2025-01-10",
                                                       "method": "现金", "voucher_no": "PZ-1"})
    path = workbook(tmp_path / "帮扶.xlsx", [
        row(filed.case_no, on=dt.date(2025, 1, 25)),  # 2: stored one that month
        row(other.case_no, on=dt.date(2025, 2, 3)),
        row(other.case_no, "80", on=dt.date(2025, 2, 20)),  # 4: row 3 that month
        row(other.case_no, on=dt.date(2025, 3, 1)),  # another month
        row(other.case_no, kind="医疗救助", on=dt.date(2025, 2, 20)),  # another type
    ])
    plan = planned(store, clerk, path)
    found = errors(plan)
    assert list(found) == [2, 4], found
    assert found[2].startswith("B2 帮扶类型")
    assert "该户2025年1月已有一笔生活救助（2025-01-10，100.00元，凭证号 PZ-1）" in found[2]
    assert "（2025-02-03，500.00元）（第3行）" in found[4] and "请在程序中登记" in found[4]
    only_accepted_written(store, clerk, plan)


# --- a changed row ---------------------------------------------------------------------------------------------

def test_a_changed_row_is_checked_as_changed_and_a_closed_file_s_payments_are_archived(
        store: Store, clerk: Actor, clerk2: Actor, admin: Actor, approver: Actor, today: Today,  # noqa: F811
        files: dict[str, AidCase], tmp_path: Path) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    filed = files["filed"]
    paid = payments.record_payment(store, clerk, filed.uuid, {"kind": "生活救助", "amount_fen": "400",
                                                              "paid_on": "2025-01-10", "method": "现金"})
    headers = [*HEADERS, "系统编号"]
    over = workbook(tmp_path / "改.xlsx", [[*row(filed.case_no, "600", on=dt.date(2025, 1, 10)), paid.uuid]], headers)
    found = errors(planned(store, clerk, over))
    assert found[2].startswith("C2 金额（元）") and "单笔限额500.00元" in found[2]
    fine = workbook(tmp_path / "改2.xlsx", [[*row(filed.case_no, "450", on=dt.date(2025, 1, 10)), paid.uuid]],
                    headers)
    assert importer.apply(store, clerk, planned(store, clerk, fine)) == {"new": 0, "update": 1}
    from db.aid import workflow
    workflow.take_step(store, clerk, filed.uuid, "relieved", "已就业")
    found = errors(planned(store, clerk, workbook(tmp_path / "改3.xlsx", [
        [*row(filed.case_no, "300", on=dt.date(2025, 1, 10)), paid.uuid]], headers)))
    assert "已撤档，其帮扶记录不能修改" in found[2] or "只有在档的档案才能发放帮扶" in found[2]
