"""材料: the paper documents a hardship file holds, as the checklist of its three parts (原始档案, 财务档案,
日常工作档案) with the day each was received. Ticking a document records it as received today
(db.aid.cases.receive_document), typing another day corrects it, unticking takes it back (remove_document);
a document outside the standard list is added with its part."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.aid import cases
from desktop.ui.aid import texts
from desktop.ui.aid.dialogs import today_text
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may

WRITE = "records.write"
_CHECK = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled


class AidDocuments(QWidget):
    """The documents page of one file.

    Signals:
        changed(str): the uuid of the file after a document was received, re-dated or taken back.
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.uuid: str | None = None
        self.rows: list[cases.DocumentRow | None] = []  # None: a part's heading
        self._filling = False
        self.writable = context.actor.can(WRITE)
        self.note = QLabel(self.tr(
            "勾选表示已收到（日期为今天，可双击修改）；入户核查前须收到申请书和家庭经济状况核对授权委托书。"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("documents_table")
        self.table.setHorizontalHeaderLabels([self.tr("材料"), self.tr("收到日期")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.error = error_label("documents_error", hidden=True)
        self.other_name = QLineEdit()
        self.other_name.setObjectName("other_document")
        self.other_name.setPlaceholderText(self.tr("其他材料名称，如 低保证复印件"))
        self.other_part = QComboBox()
        self.other_part.setObjectName("other_document_part")
        for code, text in texts.labels("aid_document_part").items():
            self.other_part.addItem(text, code)
        self.add_button = QPushButton(self.tr("添加已收到的材料"))
        self.add_button.setObjectName("add_document")
        self.add_button.clicked.connect(self.add_other)
        adding = QHBoxLayout()
        adding.addWidget(self.other_name, 1)
        adding.addWidget(self.other_part)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(adding)
        if not self.writable:
            why = only_who_may(WRITE, self.tr("登记档案材料"))
            for widget in (self.other_name, self.other_part, self.add_button):
                widget.setEnabled(False)
                widget.setToolTip(why)

    def show_case(self, uuid: str | None) -> None:
        """Show file ``uuid``'s checklist (None: none for a file not yet saved)."""
        self.uuid = uuid
        self.error.hide()
        found = cases.documents(self.context.store, uuid) if uuid is not None else []
        self._filling = True
        try:
            self.rows = []
            self.table.setRowCount(0)
            part = None
            for row in found:
                if row.part != part:
                    part = row.part
                    self._add_heading(texts.label("aid_document_part", row.part))
                self._add_document(row)
        finally:
            self._filling = False
        self.add_button.setEnabled(self.writable and uuid is not None)
        if self.writable:
            self.add_button.setToolTip(self.tr("登记一份清单以外的材料，收到日期为今天") if uuid is not None
                                       else self.tr("保存档案后登记材料"))

    def _add_heading(self, text: str) -> None:
        at = self.table.rowCount()
        self.table.insertRow(at)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.table.setItem(at, 0, item)
        self.table.setSpan(at, 0, 1, 2)
        self.rows.append(None)

    def _add_document(self, row: cases.DocumentRow) -> None:
        at = self.table.rowCount()
        self.table.insertRow(at)
        name = QTableWidgetItem(row.name if row.standard else self.tr("{name}（其他）").format(name=row.name))
        name.setFlags(_CHECK if self.writable else Qt.ItemFlag.ItemIsEnabled)
        name.setCheckState(Qt.CheckState.Checked if row.received_on else Qt.CheckState.Unchecked)
        day = QTableWidgetItem(row.received_on.isoformat() if row.received_on else "")
        editable = self.writable and row.received_on is not None
        day.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsEditable if editable else Qt.ItemFlag.NoItemFlags))
        self.table.setItem(at, 0, name)
        self.table.setItem(at, 1, day)
        self.rows.append(row)

    def document_row(self, name: str) -> int:
        """The table row of document ``name`` (-1 when not listed)."""
        return next((i for i, row in enumerate(self.rows) if row is not None and row.name == name), -1)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.uuid is None:
            return
        row = self.rows[item.row()]
        if row is None:
            return
        store, actor = self.context.store, self.context.actor
        try:
            if item.column() == 0 and item.checkState() == Qt.CheckState.Checked and row.received_on is None:
                cases.receive_document(store, actor, self.uuid, row.name, today_text(), row.part)
            elif item.column() == 0 and item.checkState() == Qt.CheckState.Unchecked and row.uuid is not None:
                cases.remove_document(store, actor, row.uuid)
            elif item.column() == 1 and row.received_on is not None:
                cases.receive_document(store, actor, self.uuid, row.name, item.text(), row.part)
            else:
                return
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence; the list is read again
            self._refused(exc)
            return
        self._wrote()

    def add_other(self) -> bool:
        """A document outside the standard list, received today, in the part chosen."""
        if self.uuid is None:
            return False
        try:
            cases.receive_document(self.context.store, self.context.actor, self.uuid, self.other_name.text(),
                                   today_text(), self.other_part.currentData())
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._refused(exc)
            return False
        self.other_name.clear()
        self._wrote()
        return True

    def _refused(self, exc: Exception) -> None:
        uuid = self.uuid
        self.show_case(uuid)
        self.error.setText(describe(exc))
        self.error.show()

    def _wrote(self) -> None:
        uuid = self.uuid
        assert uuid is not None
        self.show_case(uuid)
        self.changed.emit(uuid)
