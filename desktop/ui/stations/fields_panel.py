"""The station's declared fields (common/record_fields) with the services as a checklist instead of a text box:
a new station starts with the "八可" ticked; each ticked name is checked as a service name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from db.errors import ValidationError
from db.reference import values
from db.stations.fields import SERVICE_TABLE, STATIONS
from desktop.ui.common.record_fields import RecordFields
from desktop.ui.stations.services_box import ServicesBox, ServicesField

SERVICES = "services"


class StationFields(RecordFields):
    """Every field of one station in the declared groups (六有 as six check boxes), the phone masked unless the
    user may see it, and the services ticked in a checklist."""

    def __init__(self, service_choices: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(STATIONS, parent=parent)
        declared = self.fields[SERVICES]
        self.services_box = ServicesBox(service_choices)
        row = declared.editor.parentWidget()
        layout = row.layout() if row is not None else None
        assert layout is not None
        layout.replaceWidget(declared.editor, self.services_box)  # found in the row's nested layouts
        declared.editor.hide()  # gone at once: deleteLater waits for the event loop, and it would show meanwhile
        declared.editor.deleteLater()
        for caption in self.findChildren(QLabel):
            if caption.buddy() is declared.editor:  # its Alt key and click lead to the checklist
                caption.setBuddy(self.services_box)
        services = ServicesField(declared.field, self.services_box, declared.error)
        services.on_change(lambda: self._changed(SERVICES))
        self.fields[SERVICES] = services

    def focus_chain(self) -> list[QWidget]:
        chain = super().focus_chain()
        at = chain.index(self.services_box)
        return [*chain[:at], *self.services_box.boxes.values(), self.services_box.add_edit,
                self.services_box.add_button, *chain[at + 1:]]

    def new_value(self, name: str) -> Any:
        """A new station offers the "八可" until the clerk unticks one."""
        return values("station_services") if name == SERVICES else super().new_value(name)

    def problem(self, name: str) -> str | None:
        if name != SERVICES:
            return super().problem(name)
        try:
            for service in self.fields[SERVICES].value():
                SERVICE_TABLE.field("name").clean(service)
        except ValidationError as exc:
            return exc.reason
        return None
