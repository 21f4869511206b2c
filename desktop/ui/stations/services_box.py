"""The station's services (服务项目) as a checklist: the "八可" and the usual additions, any other name the
station has, and a line to add a name not in the list. It stands in the form for the declared text field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db.fields import Field
from desktop.ui.common.field_editors import FieldEditor

COLUMNS = 3  # the eight "八可" and the additions in rows of three: every name readable at 1366×768


class ServicesBox(QWidget):
    """Check boxes of service names, and a line to add another name.

    Signals:
        changed(): the clerk checked, unchecked or added a service (not sent while names are shown).
    """

    changed = Signal()

    def __init__(self, choices: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("services")
        self._choices = choices  # the names offered: the "八可" and this office's additions (its settings)
        self.boxes: dict[str, QCheckBox] = {}
        self._editable = True
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self.add_edit = QLineEdit()
        self.add_edit.setObjectName("service_to_add")
        self.add_edit.setPlaceholderText(self.tr("列表中没有的服务项目"))
        self.add_edit.setMaxLength(30)  # a service name is at most 30 characters (db.stations.fields)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("add_service")
        self.add_button.setToolTip(self.tr("添加一项并勾选"))
        self.add_button.clicked.connect(self.add_typed)
        self.add_edit.returnPressed.connect(self.add_typed)
        adding = QHBoxLayout()
        adding.addWidget(QLabel(self.tr("其他：")))
        adding.addWidget(self.add_edit, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addLayout(adding)
        self.show_names([])

    def show_names(self, checked: Sequence[str]) -> None:
        """The offered names and any other ``checked`` one, those of ``checked`` ticked; no signal."""
        names = list(dict.fromkeys([*self._choices(), *checked]))
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.hide()  # at once: deleteLater waits for the event loop
            box.deleteLater()
        self.boxes = {}
        for name in names:
            self._add_box(name, name in checked)

    def _add_box(self, name: str, checked: bool) -> QCheckBox:
        box = QCheckBox(name)
        box.setObjectName(f"service_{len(self.boxes)}")
        box.setChecked(checked)
        box.setEnabled(self._editable)
        box.toggled.connect(lambda _checked: self.changed.emit())
        position = len(self.boxes)
        self._grid.addWidget(box, position // COLUMNS, position % COLUMNS)
        self.boxes[name] = box
        return box

    def checked(self) -> list[str]:
        """The ticked names, in the list's order."""
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def add_typed(self) -> None:
        """Add the typed name (ticked), or tick it when it is in the list already."""
        name = " ".join(self.add_edit.text().split())
        if not name:
            return
        box = self.boxes.get(name)
        if box is None:
            self._add_box(name, True)
            self.changed.emit()
        else:
            box.setChecked(True)
        self.add_edit.clear()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for box in self.boxes.values():
            box.setEnabled(editable)
        for widget in (self.add_edit, self.add_button):
            widget.setEnabled(editable)


class ServicesField(FieldEditor):
    """The declared 服务项目 field with the checklist as its editor: its value is the list of ticked names."""

    def __init__(self, field: Field, box: ServicesBox, error: QLabel) -> None:
        super().__init__(field, box, error)
        self.box = box

    def value(self) -> list[str]:
        return self.box.checked()

    def set_value(self, value: Any) -> None:
        self.box.show_names(list(value or []))

    def set_editable(self, editable: bool) -> None:
        self.box.set_editable(editable)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.changed.connect(callback)
