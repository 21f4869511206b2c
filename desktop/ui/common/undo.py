"""Undo of what a form saved in this session, as recorded commands: each saved change carries the command that
takes it back, and the stack keeps each record's revision after the latest change the form made, so that a
record changed elsewhere since is not undone over that change (the command is told the revision it expects)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Revised(Protocol):
    """A record after a command took a change back: its revision, and whether it is now deleted."""

    @property
    def rev(self) -> int: ...

    @property
    def deleted(self) -> bool: ...


TakeBack = Callable[[int | None], "Revised | None"]
"""Takes a change back, given the revision the record had after it (None: not known); returns the record
afterwards, or None when the record itself did not change (a child row was removed)."""


@dataclass
class SavedChange:
    """A change a form saved: what it did, in words (the status bar, 撤销's tooltip), and how to take it back."""

    uuid: str  # the record the change is about
    description: str
    take_back: TakeBack


class UndoStack:
    """The changes saved in this session, newest last, and each record's revision after the latest of them."""

    def __init__(self) -> None:
        self._changes: list[SavedChange] = []
        self._known_rev: dict[str, int] = {}

    def push(self, change: SavedChange, rev: int | None = None) -> None:
        """Remember a saved change, and the record's revision it left (None: the record's was not changed)."""
        if rev is not None:
            self._known_rev[change.uuid] = rev
        self._changes.append(change)

    def top(self) -> SavedChange | None:
        """What undo would take back next."""
        return self._changes[-1] if self._changes else None

    def pop(self) -> SavedChange:
        return self._changes.pop()

    def take_back(self, change: SavedChange) -> bool:
        """Run a change's command; True when its record is still on file afterwards."""
        record = change.take_back(self._known_rev.get(change.uuid))
        if record is None:
            return True
        self._known_rev[change.uuid] = record.rev
        return not record.deleted


def save_edits(before: Any, changes: dict[str, Any], description: str,
               write: Callable[[dict[str, Any], int | None], Any]) -> tuple[SavedChange | None, Any]:
    """Write a form's ``changes`` to the record it opened (``before``, its uuid, rev and values) through
    ``write(values, expected_rev)``; the SavedChange that writes the old values back (None: nothing to write,
    or the write changed nothing) and the record afterwards."""
    if not changes:
        return None, before
    record = write(changes, before.rev)
    if record.rev == before.rev:
        return None, record
    old_values = {name: getattr(before, name) for name in changes}
    return SavedChange(before.uuid, description, lambda known: write(old_values, known)), record
