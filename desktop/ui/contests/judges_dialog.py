"""评委: the judges of a contest as rows to type (序号, 姓名, 工作单位), as many rows as the contest's 裁判人数.
OK saves them in order with :func:`db.contests.cases.set_judges` (empty rows at the end are judges not yet
named); a refusal (a judge without a name) stays in the dialog with nothing written. A judge's 工作单位 is what
the entrants page compares with each entrant's for 回避."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.contests.entrants import JudgeRow
from desktop.ui.messages import describe, error_label

Judges = list[dict[str, str | None]]
NAME, EMPLOYER = 1, 2  # the columns typed in (0 is the judge's number)


class JudgesDialog(QDialog):
    """The judges of one contest, a row per judge up to ``judge_count``; OK runs ``submit`` with the named
    judges in order (``[{"name", "employer"}, …]``). Read-only (``writable`` False): the list only."""

    def __init__(self, contest_name: str, judge_count: int, judges: Sequence[JudgeRow],
                 submit: Callable[[Judges], None], *, writable: bool = True, why_not: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("评委：{name}").format(name=contest_name))
        self._submit = submit
        self.table = QTableWidget(judge_count, 3)
        self.table.setObjectName("judges")
        self.table.setHorizontalHeaderLabels([self.tr("序号"), self.tr("姓名"), self.tr("工作单位")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(NAME, 120)
        known = {judge.judge_no: judge for judge in judges}
        for row in range(judge_count):
            number = QTableWidgetItem(self.tr("{n}号").format(n=row + 1))
            number.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, number)
            judge = known.get(row + 1)
            self.table.setItem(row, NAME, QTableWidgetItem(judge.name if judge else ""))
            self.table.setItem(row, EMPLOYER, QTableWidgetItem((judge.employer or "") if judge else ""))
        if not writable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        note = QLabel(self.tr("与选手工作单位或代表队相同的评委，在该选手一行标明回避，不计其评分。")
                      if writable else why_not)
        note.setWordWrap(True)
        self.error_label = error_label(hidden=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   if writable else QDialogButtonBox.StandardButton.Close)
        if writable:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        else:
            buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, min(160 + 30 * judge_count, 600))

    def set_row(self, row: int, name: str, employer: str = "") -> None:
        """Type a judge into row ``row`` (0: judge 1)."""
        for column, text in ((NAME, name), (EMPLOYER, employer)):
            item = self.table.item(row, column)
            assert item is not None
            item.setText(text)

    def judges(self) -> Judges:
        """The rows typed, in order, without the empty rows at the end (a blank row in between stays: the
        use case says that judge needs a name)."""
        rows: Judges = []
        for row in range(self.table.rowCount()):
            name, employer = (self._text(row, column) for column in (NAME, EMPLOYER))
            rows.append({"name": name or None, "employer": employer or None})
        while rows and rows[-1]["name"] is None and rows[-1]["employer"] is None:
            rows.pop()
        return rows

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def submit(self) -> None:
        self.error_label.hide()
        try:
            self._submit(self.judges())
        except Exception as exc:  # noqa: BLE001 - every failure becomes the clerk's one-line message
            self.error_label.setText(describe(exc))
            self.error_label.show()
            return
        self.accept()
