"""Errors a clerk can meet. Each carries a Chinese message meant to be shown as it is."""

from __future__ import annotations


class UnionDeskError(Exception):
    """Base of every error the application turns into one clear message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UnionDeskError):
    """A value a user typed or a file carried is not acceptable.

    ``field`` names the field (the Chinese label a clerk sees, or the model attribute); ``message``
    says what is wrong, in Chinese.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}：{message}")
        self.field = field
        self.reason = message


class PermissionDenied(UnionDeskError):
    """The acting user's roles do not allow the use case."""


class NotFound(UnionDeskError):
    """A record the caller named does not exist (or is deleted)."""


class StoreError(UnionDeskError):
    """The database file cannot be used: missing, unreadable, corrupt, or of a newer schema."""
