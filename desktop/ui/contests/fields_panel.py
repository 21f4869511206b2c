"""The contest's declared fields (common/record_fields): coded values shown as their labels, and on a
published contest only what does not touch the results (name, organisers, venue, status) left typable —
the rule of db.contests.cases.update_contest, shown before the clerk types."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from db.contests.cases import FREE_AFTER_PUBLISH
from db.contests.fields import CONTESTS
from db.reference import label
from desktop.ui.common.record_fields import RecordFields


class ContestFields(RecordFields):
    """Every typed field of one contest in the declared groups (基本信息, 评分规则, 奖项名额与称号); the
    publishing marks are the header's (never typed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CONTESTS, parent=parent)

    def published(self) -> bool:
        return self.record is not None and self.record.published_at is not None

    def editable(self, name: str) -> bool:
        return not self.published() or name in FREE_AFTER_PUBLISH

    def _shown(self, record: Any, name: str) -> Any:
        """A coded value (status, tie-break chain, quota mode) as its label, the list's entry."""
        value = super()._shown(record, name)
        field = CONTESTS.field(name)
        if field.kind == "coded" and value:
            return label(field.choices or "", value)
        return value

