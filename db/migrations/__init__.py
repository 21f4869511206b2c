"""Alembic migrations shipped inside the package, with the configuration built in code.

``python -m db.migrations revision -m "what changes"`` autogenerates a new revision against a scratch
database at head (for developers); the application only ever calls :func:`upgrade`.
"""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

SCRIPT_LOCATION = "db:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


@cache
def known_revisions() -> tuple[str, frozenset[str]]:
    """(head revision, every revision this program knows)."""
    script = ScriptDirectory.from_config(alembic_config())
    heads = script.get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0], frozenset(rev.revision for rev in script.walk_revisions())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    """Migrate the database behind ``connection`` to ``target``; the caller commits."""
    command.upgrade(alembic_config(connection), target)
