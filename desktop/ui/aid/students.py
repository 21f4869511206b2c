"""金秋助学: a hardship file's students (household members who are 子女, 孙子女 or 兄弟姐妹) with their grants by
year — level, amount (the office's standard), aided elsewhere, and where the grant stands: 待公示, 公示中 (and
from when it may be paid), 已发放. 登记助学… records a grant (db.aid.students.record_student_grant; a student
aided elsewhere is refused under that field); 发放… pays one only after its 公示 (off until then, saying
when); 金秋助学公示… starts the 公示 of the office's year list after showing who is on it. 修改… (double-click)
and 撤销登记 correct a grant recorded by mistake, 撤销 (Ctrl+Z) takes back the last of these
(:mod:`desktop.ui.aid.grant_edit`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.aid import cases, money_reads
from db.aid import settings as aid_settings
from db.aid import students as aid_students
from db.aid.fields import PAYMENT_TABLE, STUDENT_TABLE
from db.aid.rules import approval_from
from db.errors import ValidationError
from desktop.ui.aid.dialogs import RecordDialog
from desktop.ui.aid.fields_panel import yuan
from desktop.ui.aid.grant_edit import (
    GRANT_GROUP,
    EditGrantDialog,
    GrantUndo,
    amount_words,
    grant_words,
    take_back_question,
)
from desktop.ui.aid.grant_edit import why_not_change as why_not_change_grant
from desktop.ui.aid.grant_edit import why_not_edit as why_not_edit_grant
from desktop.ui.aid.payments import money
from desktop.ui.common.field_editors import align_captions
from desktop.ui.common.table_keys import TableKeys
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import ALERT, Cell, PageHooks, allow, fill_table, make_table, selected_row

WRITE = "records.write"
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
PAY_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "发放"))
GRANT_NAMES = ("student_uuid", "year", "school_level", "school", "aided_elsewhere", "elsewhere_note", "remarks")
PAY_NAMES = ("paid_on", "method", "voucher_no", "approver", "remarks")


def grant_status(grant: dict[str, Any], today: dt.date) -> Cell:
    """Where a grant stands, in words (in the alert colour while it waits for the clerk)."""
    if grant["paid_on"] is not None:
        return translate("AidStudents", "已发放（{day}）").format(day=grant["paid_on"].isoformat())
    if grant["aided_elsewhere"]:
        return translate("AidStudents", "已获其他资助，不予发放")
    if grant["publicized_on"] is None:
        return translate("AidStudents", "待公示")
    if today < grant["may_pay_from"]:
        return translate("AidStudents", "公示中（{day}起可发放）").format(day=grant["may_pay_from"].isoformat())
    return translate("AidStudents", "公示期满，待发放"), ALERT


class GrantDialog(FieldDialog):
    """登记助学: the student (a household member who may receive it), the year, the school level (its
    amount shown from the settings), the school, aided elsewhere and what aid; OK runs record_student_grant."""

    def __init__(self, context: AppContext, case_uuid: str, students: Sequence[dict[str, Any]],
                 chosen: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记金秋助学"), parent)
        self.context, self.case_uuid = context, case_uuid
        self.grant: Any = None
        self.student = QComboBox()
        for row in students:
            self.student.addItem(self.tr("{name}（{relation}）").format(name=row["name"], relation=row["relation"]),
                                 row["uuid"])
        if chosen is not None and self.student.findData(chosen) >= 0:
            self.student.setCurrentIndex(self.student.findData(chosen))
        self.amount_note = QLabel()
        self.amount_note.setObjectName("grant_amount")
        fields = [STUDENT_TABLE.field(name) for name in GRANT_NAMES]
        self.columns.addWidget(self.group(GRANT_GROUP, fields, extra={"student_uuid": self.student}))
        column = self.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.amount_note)
        align_captions(self.captions)
        self.fields["year"].set_value(cases.today().year)
        self.amounts = aid_settings.read(context.store).student_amounts
        self.fields["school_level"].on_change(self._show_amount)
        self._show_amount()
        self.setMinimumWidth(460)

    def _show_amount(self) -> None:
        self.amount_note.setText(amount_words(self.fields["school_level"].value(), self.amounts))

    def run(self) -> None:
        uuid = self.student.currentData()
        if uuid is None:
            raise ValidationError(STUDENT_TABLE.field("student_uuid").label, self.tr("请选择学生"))
        values = {name: value for name, value in self.values().items() if name != "student_uuid"}
        self.grant = aid_students.record_student_grant(self.context.store, self.context.actor, self.case_uuid,
                                                       uuid, values)


class PayGrantDialog(FieldDialog):
    """发放金秋助学: the grant (student, level, amount) and the payment's day, method, voucher, approver;
    OK runs pay_student_grant (a 助学救助 payment of the grant's amount on the file)."""

    def __init__(self, context: AppContext, grant: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("发放金秋助学"), parent)
        self.context, self.grant_uuid = context, grant["uuid"]
        self.payment: Any = None
        note = QLabel(self.tr("{name}，{year}年{level}，资助金额 {amount}").format(
            name=grant["student_name"], year=grant["year"], level=grant["school_level"],
            amount=money(grant["amount_fen"])))
        note.setObjectName("pay_grant_note")
        note.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(note)
        column.addWidget(self.group(PAY_GROUP, [PAYMENT_TABLE.field(name) for name in PAY_NAMES]))
        self.columns.addLayout(column)
        align_captions(self.captions)
        self.fields["paid_on"].set_value(cases.today())
        self.setMinimumWidth(440)

    def run(self) -> None:
        self.payment = aid_students.pay_student_grant(self.context.store, self.context.actor, self.grant_uuid,
                                                      self.values())


class PublicizeDialog(RecordDialog):
    """金秋助学公示: the year, and the office's grants of that year waiting for their 公示 (name, level,
    amount); OK starts the 公示 today (publicize_student_grants)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("金秋助学公示"), parent)
        self.context = context
        self.year = QSpinBox()
        self.year.setObjectName("publicize_year")
        self.year.setRange(2000, cases.today().year + 1)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(cases.today().year)
        self.form.addRow(self.tr("年度"), self.year)
        self.pending = QLabel()
        self.pending.setObjectName("publicize_pending")
        self.pending.setWordWrap(True)
        self.form.addRow(self.pending)
        self.days = aid_settings.read(context.store).publicity_days
        self.year.valueChanged.connect(self.show_pending)
        self.ok_button.setText(self.tr("开始公示"))
        self.show_pending()

    def show_pending(self) -> None:
        rows = [r for r in aid_students.student_grants(self.context.store, self.year.value(),
                                                       self.context.actor.office_code)
                if r["publicized_on"] is None and not r["aided_elsewhere"]]
        day = cases.today()
        first = approval_from(day, self.days)
        if rows:
            names = "、".join(self.tr("{name}（{no}，{level} {amount}）").format(
                name=r["student_name"], no=r["case_no"], level=r["school_level"], amount=money(r["amount_fen"]))
                for r in rows)
            self.pending.setText(self.tr("将公示{year}年金秋助学 {n} 名：{names}。\n自{day}起公示{days}天，"
                                         "{first}起可发放。").format(year=self.year.value(), n=len(rows), names=names,
                                                                 day=day.isoformat(), days=self.days,
                                                                 first=first.isoformat()))
        else:
            self.pending.setText(self.tr("{year}年没有待公示的金秋助学").format(year=self.year.value()))
        allow(self.ok_button, None if rows else self.pending.text(), "")

    def run(self) -> Any:
        return aid_students.publicize_student_grants(self.context.store, self.context.actor, self.year.value())


class AidStudents(QWidget):
    """The 金秋助学 page of one file: a row per grant, and per student without one.

    Signals:
        changed(str): the uuid of the file after a grant was recorded, changed, taken back, publicized or paid.
    """

    changed = Signal(str)
    # the status early: the page is narrow, the school last (elided, its tooltip in full)
    HEADERS = (QT_TRANSLATE_NOOP("AidStudents", "学生"), QT_TRANSLATE_NOOP("AidStudents", "年度"),
               QT_TRANSLATE_NOOP("AidStudents", "就读阶段"), QT_TRANSLATE_NOOP("AidStudents", "资助金额（元）"),
               QT_TRANSLATE_NOOP("AidStudents", "状态"), QT_TRANSLATE_NOOP("AidStudents", "已获其他资助"),
               QT_TRANSLATE_NOOP("AidStudents", "学校"))
    STATUS = 4

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hooks = PageHooks(self)
        self.uuid: str | None = None
        self.page: money_reads.CaseStudents | None = None
        self.rows: list[tuple[dict[str, Any], dict[str, Any] | None]] = []  # (student, grant or None)
        self.undos: list[GrantUndo] = []  # the grants recorded, changed or taken back here, newest last: 撤销
        self.title = QLabel()
        self.title.setObjectName("students_title")
        self.title.setWordWrap(True)
        self.table = make_table("students_table", [translate("AidStudents", str(h)) for h in self.HEADERS])
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.keys = TableKeys(self.table, undo=self.undo, can_undo=lambda: bool(self.undos))
        self.error = error_label("students_error", hidden=True)
        self.grant_button = QPushButton(self.tr("登记助学…"))
        self.grant_button.setObjectName("record_grant")
        self.grant_button.clicked.connect(self.record_grant)
        self.pay_button = QPushButton(self.tr("发放…"))
        self.pay_button.setObjectName("pay_grant")
        self.pay_button.clicked.connect(self.pay_selected)
        self.publicize_button = QPushButton(self.tr("金秋助学公示…"))
        self.publicize_button.setObjectName("publicize_grants")
        self.publicize_button.clicked.connect(self.publicize)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setObjectName("edit_grant")
        self.edit_button.clicked.connect(self.edit_selected)
        self.take_back_button = QPushButton(self.tr("撤销登记"))
        self.take_back_button.setObjectName("take_back_grant")
        self.take_back_button.clicked.connect(self.take_back_selected)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setObjectName("undo_grant")
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        for button in (self.grant_button, self.pay_button, self.edit_button, self.take_back_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.publicize_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        allow(self.publicize_button, None if context.actor.can(WRITE) else only_who_may(WRITE, self.tr("公示金秋助学")),
              self.tr("公示本街道某年已登记、尚未公示的金秋助学名单（全部档案）"))

    def show_case(self, uuid: str | None) -> None:
        """Show file ``uuid``'s students and grants (None: no file, or one not yet saved)."""
        if uuid != self.uuid:
            self.undos = []
        self.uuid = uuid
        self.error.hide()
        self.page = money_reads.case_students(self.context.store, uuid) if uuid is not None else None
        self.rows = []
        if self.page is not None:
            by_uuid = {s["uuid"]: s for s in self.page.students}
            granted = set()
            for grant in self.page.grants:
                student = by_uuid.get(grant["student_uuid"], {"uuid": grant["student_uuid"],
                                                              "name": grant["student_name"], "relation": ""})
                self.rows.append((student, grant))
                granted.add(grant["student_uuid"])
            self.rows += [(s, None) for s in self.page.students if s["uuid"] not in granted]
        today = cases.today()
        fill_table(self.table, [self._cells(student, grant, today) for student, grant in self.rows])
        if self.page is None:
            self.title.setText(self.tr("请先在列表中选择一个档案"))
        else:
            self.title.setText(self.tr("档案 {no} 家庭中的学生（子女、孙子女、兄弟姐妹）；资助金额按帮扶设置中的"
                                       "就读阶段标准，公示{days}天后发放").format(no=self.page.case_no,
                                                                    days=self.page.publicity_days))
        self._update_buttons()

    def _cells(self, student: dict[str, Any], grant: dict[str, Any] | None, today: dt.date) -> list[Cell]:
        who = self.tr("{name}（{relation}）").format(name=student["name"], relation=student["relation"]) \
            if student["relation"] else student["name"]
        if grant is None:
            return [who, "", "", "", self.tr("未登记"), "", ""]
        return [who, str(grant["year"]), grant["school_level"], yuan(grant["amount_fen"]), grant_status(grant, today),
                (grant["elsewhere_note"] or self.tr("是")) if grant["aided_elsewhere"] else self.tr("否"),
                grant["school"] or ""]

    def selected(self) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        row = selected_row(self.table)
        return self.rows[row] if row is not None else None

    # ----- what may be done now ----------------------------------------------------------------------------
    def why_not_grant(self) -> str | None:
        if self.page is None:
            return self.tr("请先在列表中选择一个档案")
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, self.tr("登记金秋助学"))
        if self.page.status != "filed":
            return self.tr("只有在档档案的学生才能申请金秋助学")
        if not self.page.students:
            return self.tr("家庭成员中没有子女、孙子女或兄弟姐妹：请先在“家庭成员”页登记")
        return None

    def why_not_pay(self) -> str | None:
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, self.tr("发放金秋助学"))
        chosen = self.selected()
        if chosen is None or chosen[1] is None:
            return self.tr("请先选择一条已登记的金秋助学")
        grant = chosen[1]
        if grant["paid_on"] is not None:
            return self.tr("已于{day}发放").format(day=grant["paid_on"].isoformat())
        if grant["aided_elsewhere"]:
            return self.tr("该学生已获其他资助，不予发放")
        if grant["publicized_on"] is None:
            return self.tr("尚未公示：请先用“金秋助学公示…”公示，公示期满才能发放")
        first = grant["may_pay_from"]
        if cases.today() < first:
            last = first - dt.timedelta(days=1)
            return self.tr("公示期至{last}，{first}起才能发放").format(last=last.isoformat(), first=first.isoformat())
        if self.page is not None and self.page.status != "filed":
            return self.tr("只有在档档案的学生才能发放金秋助学")
        return None

    def chosen_grant(self) -> dict[str, Any] | None:
        chosen = self.selected()
        return chosen[1] if chosen is not None else None

    def why_not_edit(self) -> str | None:
        return why_not_edit_grant(self.context, self.page.status if self.page else None, self.chosen_grant())

    def why_not_take_back(self) -> str | None:
        return why_not_change_grant(self.context, self.page.status if self.page else None, self.chosen_grant(),
                                    self.tr("撤销登记"))

    def why_not_undo(self) -> str | None:
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, self.tr("撤销金秋助学的登记或修改"))
        return None if self.undos else self.tr("没有可撤销的登记、修改或撤销登记")

    def _update_buttons(self) -> None:
        allow(self.grant_button, self.why_not_grant(), self.tr("为家庭中的学生登记本年度金秋助学"))
        allow(self.pay_button, self.why_not_pay(), self.tr("发放选中的金秋助学（记入帮扶记录）"))
        allow(self.edit_button, self.why_not_edit(),
              self.tr("修改选中的金秋助学（双击）：就读阶段、学校、是否已获其他资助、备注"))
        allow(self.take_back_button, self.why_not_take_back(),
              self.tr("撤销选中的金秋助学登记（登记错误时；已发放的连同其帮扶记录）"))
        allow(self.undo_button, self.why_not_undo(), self.undos[-1].tip() if self.undos else "")

    # ----- writing -------------------------------------------------------------------------------------------
    def record_grant(self) -> None:
        if self.why_not_grant() is not None or self.page is None or self.uuid is None:
            return
        chosen = self.selected()
        dialog = GrantDialog(self.context, self.uuid, self.page.students, chosen[0]["uuid"] if chosen else None, self)
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted:
            grant = dialog.grant
            if grant is not None:
                self.undos.append(GrantUndo("add", grant.uuid, self.tr("{year}年{level}").format(
                    year=grant.year, level=grant.school_level)))
            self._wrote()

    def edit_selected(self) -> None:
        """修改…: the selected grant in its dialog (Esc writes nothing)."""
        chosen = self.selected()
        if self.why_not_edit() is not None or chosen is None or chosen[1] is None:
            return
        student, grant = chosen[0], chosen[1]
        dialog = EditGrantDialog(self.context, grant, student["name"], self)
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted:
            self.undos.append(GrantUndo("edit", grant["uuid"], grant_words(grant, student["name"]), dialog.before))
            self._wrote()

    def take_back_selected(self) -> None:
        """撤销登记: the selected grant taken back (with its payment) after asking."""
        chosen = self.selected()
        if self.why_not_take_back() is not None or chosen is None or chosen[1] is None:
            return
        student, grant = chosen[0], chosen[1]
        if not self.hooks.agree(self.tr("撤销金秋助学登记"), take_back_question(grant, student["name"]),
                                self.tr("撤销登记")):
            return
        undo = GrantUndo("delete", grant["uuid"], grant_words(grant, student["name"]))
        try:
            aid_students.delete_student_grant(self.context.store, self.context.actor, grant["uuid"])
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._failed(exc)
            return
        self.undos.append(undo)
        self._wrote()

    def undo(self) -> None:
        """Ctrl+Z: take back the last grant recorded, changed or taken back on this page."""
        if self.why_not_undo() is not None:
            return
        try:
            self.undos.pop().apply(self.context)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._failed(exc)
            return
        self._wrote()

    def _failed(self, exc: Exception) -> None:
        self.show_case(self.uuid)
        self.error.setText(describe(exc))
        self.error.show()

    def pay_selected(self) -> None:
        chosen = self.selected()
        if self.why_not_pay() is not None or chosen is None or chosen[1] is None:
            return
        dialog = PayGrantDialog(self.context, chosen[1] | {"student_name": chosen[0]["name"]}, self)
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted:
            self._wrote()

    def publicize(self) -> None:
        if not self.context.actor.can(WRITE):
            return
        dialog = PublicizeDialog(self.context, self)
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted and self.uuid is not None:
            self._wrote()

    def _wrote(self) -> None:
        uuid = self.uuid
        assert uuid is not None
        try:
            self.show_case(uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self.error.setText(describe(exc))
            self.error.show()
        self.changed.emit(uuid)
