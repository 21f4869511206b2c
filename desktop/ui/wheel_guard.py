"""The mouse wheel scrolls; it never changes a value it passes over (DESIGN §8).

Qt lets the wheel change the drop-down, spin box, date edit or slider under the pointer, and even gives it
the focus on the way (``Qt.WheelFocus``): a clerk scrolling a long form changes 学历 or a date without
noticing. One application-wide event filter makes every such widget — of every tab, dialog and wizard, and
of those written later — take the wheel only while it has the focus (the clerk clicked or tabbed into it);
otherwise the wheel scrolls the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)  # spin boxes include QDateEdit, QTimeEdit
_POLISH, _WHEEL = QEvent.Type.Polish, QEvent.Type.Wheel


def takes_a_value(widget: QObject) -> bool:
    """Whether the wheel would change ``widget``'s value (a scroll bar scrolls: it is left alone)."""
    return isinstance(widget, VALUE_WIDGETS) and not isinstance(widget, QScrollBar)


def has_focus(widget: QWidget) -> bool:
    """``widget`` or a part of it (the line edit of an editable combo box) has the keyboard focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class WheelGuard(QObject):
    """The application-wide event filter that keeps the wheel from changing unfocused values."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()  # every event of the application passes here: the cheap test first
        if kind == _WHEEL:
            if takes_a_value(watched) and isinstance(watched, QWidget) and not has_focus(watched):
                assert isinstance(event, QWheelEvent)
                scroll_around(watched, event)
                return True
        elif kind == _POLISH and takes_a_value(watched) and isinstance(watched, QWidget):
            # a wheel must not hand it the focus either, or the next notch would change it
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def scroll_around(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area around ``widget`` (none: the wheel does nothing)."""
    event.accept()
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    forwarded = QWheelEvent(viewport.mapFromGlobal(event.globalPosition()), event.globalPosition(),
                            event.pixelDelta(), event.angleDelta(), event.buttons(), event.modifiers(),
                            event.phase(), event.inverted(), event.source(), event.pointingDevice())
    QCoreApplication.sendEvent(viewport, forwarded)


_GUARDS: list[WheelGuard] = []  # the installed filter, kept alive with its Python side


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on the application once (a second call returns the first guard)."""
    for guard in _GUARDS:
        if guard.parent() is app:
            return guard
    guard = WheelGuard(app)
    guard.setObjectName("wheel_guard")
    app.installEventFilter(guard)
    _GUARDS.append(guard)
    return guard
