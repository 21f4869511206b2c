"""The contest's declared fields (common/record_fields): the publishing marks shown, never typed, and on a
published contest only what does not touch the results (name, organisers, venue, status) left typable —
the rule of db.contests.cases.update_contest, shown before the clerk types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from db.contests.cases import FREE_AFTER_PUBLISH
from db.contests.fields import CONTESTS
from db.reference import label
from desktop.ui.common.record_fields import RecordFields


class ContestFields(RecordFields):
    """Every field of one contest in the declared groups (基本信息, 评分规则, 奖项名额与称号, 成绩发布)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CONTESTS, parent=parent)
        self.read_only_names = frozenset(n for n in self.names if CONTESTS.field(n).readonly)

    def published(self) -> bool:
        return self.record is not None and self.record.published_at is not None

    def editable(self, name: str) -> bool:
        if name in self.read_only_names:
            return False
        return not self.published() or name in FREE_AFTER_PUBLISH

    def values(self) -> dict[str, Any]:
        """The values to save: the typed fields (the publishing marks are set by publishing)."""
        return {name: value for name, value in super().values().items() if name not in self.read_only_names}

    def _shown(self, record: Any, name: str) -> Any:
        """A coded value (status, tie-break chain, quota mode) as its label, the list's entry; a time as local."""
        value = super()._shown(record, name)
        field = CONTESTS.field(name)
        if field.kind == "coded" and value:
            return label(field.choices or "", value)
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        return value

    def problem(self, name: str) -> str | None:
        return None if name in self.read_only_names else super().problem(name)
