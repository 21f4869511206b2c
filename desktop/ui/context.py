"""What every window and tab of a session shares: the store, who is working, and the job runner."""

from __future__ import annotations

from dataclasses import dataclass

from db.auth import ROLE_LABELS, Actor
from db.store import Store
from desktop.ui.worker import JobRunner


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    level: str  # subdistrict / district


@dataclass(frozen=True)
class AppContext:
    """Passed to windows and tabs through their constructors (no global registry of objects)."""

    store: Store
    actor: Actor
    office: OfficeInfo
    runner: JobRunner

    @property
    def is_district(self) -> bool:
        return self.office.level == "district"

    def roles_text(self) -> str:
        return "、".join(ROLE_LABELS[r] for r in sorted(self.actor.roles) if r in ROLE_LABELS) or "只读"
