"""驿站设置: the services this office offers beyond the "八可", and the minimum area per star level (the star
criteria), kept by an administrator (:mod:`db.stations.settings`). Opened from the settings dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import reference
from db.errors import ValidationError
from db.stations import settings as station_settings
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may
from desktop.ui.users_dialog import ActionDialog

_EDITABLE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


class StationSettingsDialog(ActionDialog):
    """The extra services as an editable list (添加, 改名, 删除) and five spin boxes of square metres, 1★…5★.

    OK saves both through :func:`db.stations.settings.save`; a refused value (a name of the "八可", a name
    twice, a smaller area for a higher level) shows its message under the form and keeps the dialog open.
    Someone who may not change settings sees the values and cannot press OK (the tooltip says who may).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("驿站设置"))
        current = station_settings.read(context.store)
        self.may_change = context.actor.can(station_settings.MANAGE)

        self.form.addRow(self._services_box(current))
        self.form.addRow(self._stars_box(current))
        self.services.currentRowChanged.connect(self._update_buttons)
        self._set_editable()
        self._update_buttons()
        self.resize(620, 480)

    def _services_box(self, current: station_settings.StationSettings) -> QGroupBox:
        services = QGroupBox(self.tr("服务项目"))
        eight_names = "、".join(reference.values("station_services"))
        eight = QLabel(self.tr("“八可”（每个驿站默认提供）：{0}").format(eight_names))
        eight.setWordWrap(True)
        self.services = QListWidget()
        self.services.setObjectName("services")
        for name in current.services_extra:
            self._add_item(name)
        self.new_service = QLineEdit()
        self.new_service.setObjectName("new_service")
        self.new_service.setPlaceholderText(self.tr("新的服务项目，如 阅读、维修"))
        self.new_service.setMaxLength(station_settings.SERVICE_LIMIT)
        self.new_service.returnPressed.connect(self.add_service)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("add_service")
        self.add_button.clicked.connect(self.add_service)
        self.rename_button = QPushButton(self.tr("改名"))
        self.rename_button.setObjectName("rename_service")
        self.rename_button.clicked.connect(self.rename_service)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.setObjectName("remove_service")
        self.remove_button.clicked.connect(self.remove_service)
        adding = QHBoxLayout()
        adding.addWidget(self.new_service, 1)
        adding.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        listing = QHBoxLayout()
        listing.addWidget(self.services, 1)
        listing.addLayout(side)
        box = QVBoxLayout(services)
        box.addWidget(eight)
        box.addWidget(QLabel(self.tr("本单位增加的服务项目（双击可改名）：")))
        box.addLayout(listing)
        box.addLayout(adding)

        return services

    def _stars_box(self, current: station_settings.StationSettings) -> QGroupBox:
        stars = QGroupBox(self.tr("评星标准：各星级驿站的最小面积"))
        grid = QGridLayout(stars)
        self.min_area: list[QDoubleSpinBox] = []
        for column, level in enumerate(station_settings.STAR_LEVELS):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"min_area_{level}")
            spin.setRange(0, station_settings.MAX_AREA)
            spin.setDecimals(1)
            spin.setSuffix(self.tr(" 平方米"))
            spin.setValue(current.min_area_for(level))
            spin.setToolTip(self.tr("{0}星驿站的面积应不少于此数").format(level))
            grid.addWidget(QLabel(self.tr("{0}星").format(level)), 0, column)
            grid.addWidget(spin, 1, column)
            self.min_area.append(spin)
        note = QLabel(self.tr("评星时面积达不到该星级最小面积的驿站不能评为该星级；星级越高，最小面积不能越小。"))
        note.setWordWrap(True)
        grid.addWidget(note, 2, 0, 1, len(station_settings.STAR_LEVELS))
        return stars

    # --- the list ---------------------------------------------------------------------------------------

    def service_names(self) -> list[str]:
        """The extra services as the list shows them now."""
        return [self.services.item(row).text() for row in range(self.services.count())]

    def add_service(self) -> bool:
        """Add the typed name at the end of the list, checked as a save would check it (the message shown)."""
        name = self.new_service.text().strip()
        if not name:
            return False
        try:
            station_settings.clean_services([*self.service_names(), name])
        except ValidationError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.services.setCurrentItem(self._add_item(name))
        self.new_service.clear()
        return True

    def rename_service(self) -> None:
        item = self.services.currentItem()
        if item is not None:
            self.services.editItem(item)

    def remove_service(self) -> None:
        row = self.services.currentRow()
        if row >= 0:
            self.services.takeItem(row)

    def _add_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(_EDITABLE)
        self.services.addItem(item)
        return item

    def _update_buttons(self) -> None:
        chosen = self.may_change and self.services.currentRow() >= 0
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _set_editable(self) -> None:
        """Someone who may not change the settings sees them, read-only, and is told who may."""
        if self.may_change:
            return
        why = only_who_may(station_settings.MANAGE, self.tr("修改驿站设置"))
        for widget in (self.new_service, self.add_button, *self.min_area):
            widget.setEnabled(False)
        self.services.setEditTriggers(QListWidget.EditTrigger.NoEditTriggers)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(False)
        ok.setToolTip(why)

    # --- saving -----------------------------------------------------------------------------------------

    def apply(self) -> None:
        station_settings.save(self.context.store, self.context.actor, services_extra=self.service_names(),
                              min_area=[spin.value() for spin in self.min_area])
