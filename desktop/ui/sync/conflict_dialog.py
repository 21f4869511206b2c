"""处理同步冲突: a person settles one row an import kept aside (design §5), seeing both sides field by field.

Everything it knows and does goes through :mod:`db.sync.settle`: :func:`~db.sync.settle.conflict_detail` to
read the conflict, :func:`~db.sync.settle.settle` (one small transaction, run directly) to settle it. A refused
settlement shows its Chinese message and leaves the dialog open with nothing changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from db.auth import PERMISSION_LABELS
from db.errors import UnionDeskError
from db.sync import settle
from db.sync.merge_rows import CROSS_OFFICE
from db.sync.settle import MERGE
from desktop.ui.common.ask import ask
from desktop.ui.context import AppContext
from desktop.ui.messages import show_error
from desktop.ui.sync.conflict_table import FIELD, INCOMING, LOCAL, RESULT, ConflictFieldsModel, PickTableView
from desktop.ui.sync.conflict_text import choice_text, choice_tooltip, confirmation, kind_text

Button = QMessageBox.StandardButton
OPEN = "open"
NOTE_STYLE = "color: #7a4b00"


class ConflictDialog(QDialog):
    """Both sides of one sync conflict, a button per way of settling it, and a field-by-field merge mode.

    Accepted once the conflict is settled; ``result_message`` then says what was done. Raises NotFound
    (from :func:`~db.sync.settle.conflict_detail`) when the conflict does not exist.
    """

    def __init__(self, context: AppContext, conflict_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.conflict_uuid = conflict_uuid
        self.result_message = ""
        self.detail = settle.conflict_detail(context.store, context.actor, conflict_uuid)
        self.setWindowTitle(self.tr("处理同步冲突"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setMinimumSize(720, 460)
        self.resize(1040, 640)
        self.model = ConflictFieldsModel(self.detail.fields, self.detail.local_title, self.detail.incoming_title, self)
        self.table = self._make_table()
        self.only_differences = QCheckBox(self.tr("仅显示不同"))
        self.only_differences.setObjectName("only_differences")
        # two records of one person (一人多档) are compared whole; two versions of one record by what differs
        self.only_differences.setChecked(any(f.differs for f in self.detail.fields)
                                         and self.detail.summary.kind != CROSS_OFFICE)
        self.only_differences.toggled.connect(self._filter_rows)
        self.merge_hint = QLabel(self.tr("点击某一侧的值选用它（或选中一行后按空格键切换，← 本地，→ 来件）；"
                                         "未选的项保留本地。"))
        self.merge_hint.setObjectName("merge_hint")
        self.picked_label = QLabel()
        self.picked_label.setObjectName("picked")
        self.choice_buttons = {choice: self._choice_button(choice) for choice in self.detail.choices}
        self.merge_ok = self._button(self.tr("确定合并"), "merge_ok", self.apply_merge)
        self.merge_back = self._button(self.tr("返回"), "merge_back", self.stop_merge)
        self.cancel_button = self._button(self.tr("取消"), "cancel", self.reject)
        self.note = self._label("note", NOTE_STYLE)
        self._lay_out()
        self.model.dataChanged.connect(self._count_picks)
        self._filter_rows()
        self.stop_merge()
        self._show_state()
        self.table.setFocus()

    # ----- building ---------------------------------------------------------------------------------
    def _make_table(self) -> PickTableView:
        table = PickTableView()
        table.setObjectName("fields")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        # a light current row, so that the tints of the sides stay readable under it
        palette = table.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#cfe2f3"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        table.setPalette(palette)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FIELD, 140)
        for column in (LOCAL, INCOMING, RESULT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    def _label(self, name: str, style: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter must not settle a conflict by accident
        button.clicked.connect(slot)
        return button

    def _choice_button(self, choice: str) -> QPushButton:
        button = self._button(choice_text(choice), f"choice_{choice}", lambda: self.choose(choice))
        button.setToolTip(choice_tooltip(self.detail.summary.kind, choice))
        return button

    def _lay_out(self) -> None:
        summary = self.detail.summary
        heading = self._label("heading")
        record = summary.title if summary.title.startswith(summary.table_label) else \
            self.tr("{0}“{1}”").format(summary.table_label, summary.title)  # a name, or already "会员变动记录 01a2…"
        heading.setText(self.tr("{0}：{1}").format(kind_text(summary.kind_label), record))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        source = self._label("source", "color: #555555")
        source.setText(self._source_text())
        explanation = self._label("explanation")
        explanation.setText(self.detail.explanation)
        self.count_note = self._label("count_note", NOTE_STYLE)
        if self.detail.local_count > 1:
            count = self.detail.local_count
            self.count_note.setText(self.tr("另有 {0} 份未关闭的记录，下表显示第一份。").format(count)
                                    if summary.kind == CROSS_OFFICE
                                    else self.tr("本单位有 {0} 条在会记录，下表显示第一条。").format(count))
        self.count_note.setVisible(self.detail.local_count > 1)
        options = QHBoxLayout()
        options.addWidget(self.only_differences)
        options.addSpacing(16)
        options.addWidget(self.merge_hint, 1)
        options.addWidget(self.picked_label)
        buttons = QHBoxLayout()
        for button in self.choice_buttons.values():
            buttons.addWidget(button)
        buttons.addWidget(self.merge_ok)
        buttons.addWidget(self.merge_back)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for label in (heading, source, explanation, self.note):
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self.count_note)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _source_text(self) -> str:
        summary = self.detail.summary
        text = self.tr("来自{0}第{1}批").format(summary.sender_name, summary.batch_seq)
        if summary.received_at is not None:
            at = summary.received_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            text += self.tr("，{0} 导入").format(at)
        return text

    # ----- state ------------------------------------------------------------------------------------
    def _show_state(self) -> None:
        """Read-only, with a note, when the conflict is settled or the person may not settle it."""
        if self.detail.status != OPEN:
            reason = self.tr("这条冲突已经处理过，只能查看。")
        elif not self.context.actor.can("records.write"):
            reason = self.tr("您没有“{0}”的权限，只能查看这条冲突。").format(PERMISSION_LABELS["records.write"])
        else:
            reason = ""
        self.note.setText(reason)
        self.note.setVisible(bool(reason))
        if reason:
            self.stop_merge()
            for button in (*self.choice_buttons.values(), self.merge_ok, self.merge_back):
                button.setVisible(False)
            self.cancel_button.setText(self.tr("关闭"))

    def _filter_rows(self) -> None:
        only = self.only_differences.isChecked()
        for row, field in enumerate(self.detail.fields):
            self.table.setRowHidden(row, only and not field.differs)

    def _count_picks(self) -> None:
        count = len(self.model.picks())
        self.picked_label.setText(self.tr("已选用来件 {0} 项").format(count) if self.model.picking else "")

    # ----- merging ----------------------------------------------------------------------------------
    def start_merge(self) -> None:
        """逐项合并: the table shows check boxes on each side of the fields that differ, and 确定合并."""
        self.model.set_picking(True)
        self._show_merge(True)
        first = next((row for row in range(self.model.rowCount()) if self.model.choosable(row)), None)
        if first is not None:
            self.table.setCurrentIndex(self.model.index(first, INCOMING))
        self.table.setFocus()

    def stop_merge(self) -> None:
        self.model.incoming.clear()
        self.model.set_picking(False)
        self._show_merge(False)

    def _show_merge(self, on: bool) -> None:
        self.table.setColumnHidden(RESULT, not on)
        self.merge_hint.setVisible(on)
        self.merge_ok.setVisible(on)
        self.merge_back.setVisible(on)
        for button in self.choice_buttons.values():
            button.setVisible(not on)
        self._count_picks()

    def apply_merge(self) -> None:
        self._settle(MERGE, self.model.picks())

    # ----- settling ---------------------------------------------------------------------------------
    def choose(self, choice: str) -> None:
        """A choice button: 逐项合并 opens pick mode; every other choice settles (after a question if it
        replaces or transfers a record)."""
        if choice == MERGE:
            self.start_merge()
        else:
            self._settle(choice, None)

    def _settle(self, choice: str, picks: dict[str, str] | None) -> None:
        question = confirmation(self.detail, choice, self.model.picked_labels() if picks is not None else [])
        if question is not None and not self._confirm(choice, question):
            return
        try:
            message = settle.settle(self.context.store, self.context.actor, self.conflict_uuid, choice, picks)
        except (UnionDeskError, DBAPIError) as error:
            show_error(self, error, self.tr("无法处理冲突"))
            self._reread()
            return
        self.result_message = message
        self.accept()

    def _confirm(self, choice: str, question: str) -> bool:
        text = question + "\n\n" + self.tr("确定要这样处理吗？")
        answer = ask(self, self.tr("处理同步冲突"), text,
                     [(Button.Yes, choice_text(choice)), (Button.No, self.tr("取消"))], Button.No)
        return answer == Button.Yes

    def _reread(self) -> None:
        """After a refusal: if someone settled the conflict meanwhile, say so and offer nothing more."""
        try:
            detail = settle.conflict_detail(self.context.store, self.context.actor, self.conflict_uuid)
        except UnionDeskError:
            return
        if detail.status != self.detail.status:
            self.detail = detail
            self._show_state()
