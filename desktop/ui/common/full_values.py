"""显示完整信息 on a record form (design §7): the form shows every sensitive value masked, to every role; a user
allowed full values asks for them — all, or one field (with what is masked beside it) from the button's menu —
and each view is one audited read (``db.privacy.reveal``, or a registry's own). A role without the right sees
the button off, saying why."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QToolButton

from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.common.record_fields import RecordFields
from desktop.ui.messages import describe
from desktop.ui.permissions import only_who_may

FULL = "sensitive.full"
Fetch = Callable[[Sequence[str]], Mapping[str, Any]]


def reveal_button() -> tuple[QToolButton, QMenu]:
    """The header's 显示完整信息 button (all the masked values) with its menu (one field); hidden until a
    record is shown."""
    button = QToolButton()
    button.setObjectName("reveal")
    button.setText(QCoreApplication.translate("FullValues", "显示完整信息"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    button.hide()
    return button, menu


class FullValues(QObject):
    """The reveal of one form's masked values: ``fetch(attrs)`` reads (and audits) their full values of the
    record shown; ``shown`` is called after, ``failed`` with a refusal's sentence."""

    def __init__(self, button: QToolButton, menu: QMenu, panel: RecordFields, may: bool, fetch: Fetch,
                 failed: Callable[[str], None], shown: Callable[[], None] = lambda: None) -> None:
        super().__init__(button)
        self.button, self.menu, self.panel, self.may = button, menu, panel, may
        self._fetch, self._failed, self._shown = fetch, failed, shown
        self.has_record = False
        button.clicked.connect(lambda _checked=False: self.reveal())

    def update(self, has_record: bool) -> None:
        """The button for the record shown now (``has_record``) and what of it is still masked."""
        self.has_record = has_record
        masked = self._leading(self.panel.masked_names()) if has_record else []
        self.button.setVisible(has_record)
        self.menu.clear()
        for name in masked:
            label = QCoreApplication.translate(CONTEXT, self.panel.spec.field(name).label)
            action = self.menu.addAction(self.tr("显示{field}").format(field=label))
            action.triggered.connect(lambda _checked=False, n=name: self.reveal([n]))
        if not self.may:
            why = only_who_may(FULL, self.tr("查看完整信息"))
        elif not masked:
            why = self.tr("没有隐藏的信息")
        else:
            why = ""
        self.button.setEnabled(not why)
        self.button.setToolTip(why or self.tr("显示隐藏的身份证号、电话、收入等敏感信息；每次查看都记入审计日志"))

    def _leading(self, names: Sequence[str]) -> list[str]:
        """The masked fields a user asks for by name: a birth date goes with its ID number, not alone."""
        return [n for n in names if n not in self.panel.masked_with or self.panel.masked_with[n] not in names]

    def reveal(self, names: Sequence[str] | None = None) -> bool:
        """Show the full values of ``names`` (default: every masked field) and what is masked with them."""
        if not self.has_record or not self.may:
            return False
        masked = self.panel.masked_names()
        wanted = list(names) if names is not None else masked
        wanted += [n for n, number in self.panel.masked_with.items() if number in wanted and n in masked
                   and n not in wanted]
        try:
            values = self._fetch(wanted)
        except Exception as exc:  # noqa: BLE001 - a refusal (the record gone, the right taken) in one sentence
            self._failed(describe(exc))
            return False
        for name in wanted:
            self.panel.show_full(name, values[name])
        self._shown()
        return True
