"""Offices of the sync tests: a database, a data folder of keys, and batches sent between them.

Used by the unit tests of the merge, settlement and overview and by the 同步 tab's UI tests.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db import offices
from db.auth import ADMIN, CLERK, Actor
from db.models import REGISTRY_MODELS
from db.store import Store
from db.sync import keys
from db.sync.batchfile import Sender, write_batch
from db.sync.merge import import_batches
from db.sync.merge_rows import table_of
from tests.conftest import OFFICE_CODE, OFFICE_NAME

DISTRICT, DISTRICT_NAME = "110101", "东城区总工会"
OTHER, OTHER_NAME = "110101001", "东华门街道工会"


@dataclass
class Peer:
    """One office of a test: its database, its keys' data folder and a clerk and admin of it."""

    store: Store
    code: str
    name: str
    level: str
    data: Path

    @property
    def keys(self) -> keys.OfficeKeys:
        return keys.load_or_create(self.code, self.data)

    @property
    def clerk(self) -> Actor:
        return Actor("clerk", "录入员", frozenset({CLERK}), self.code)

    @property
    def admin(self) -> Actor:
        return Actor("admin", "管理员", frozenset({ADMIN}), self.code)

    def trust(self, other: Peer) -> None:
        path = self.data / f"{other.code}.pub"
        keys.export_public(other.keys, other.name, path)
        keys.trust(self.store, self.admin, path, other.code)

    def send(self, to: Peer, seq: int, tables: dict[str, list[dict[str, Any]]], prev: str | None = None,
             out: Path | None = None) -> tuple[Path, str]:
        folder = out or self.data / f"out-{seq}-{random.random()}"
        folder.mkdir(parents=True)
        return write_batch(folder, sender=Sender(self.code, self.name, self.level), recipient=to.code, seq=seq,
                           kind="delta", prev_sha256=prev, schema_revision="head", app_version="test",
                           tables=tables, signing_key=self.keys.signing, recipient_key=to.keys.receiving.public_key())

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every registry table, every column: what an export of everything would carry."""
        with self.store.engine.connect() as conn:
            return {table_of(m).name: [dict(r) for r in conn.execute(select(table_of(m))).mappings()]
                    for m in REGISTRY_MODELS}

    def import_(self, *paths: Path, **options: Any) -> list[Any]:
        return import_batches(self.store, self.admin, list(paths), data=self.data, **options)


def make_peer(tmp_path: Path, code: str, name: str, level: str, data: Path | None = None) -> Peer:
    """A new office: its database in ``tmp_path``, its keys in ``data`` (default: a folder of its own)."""
    store = Store.open(tmp_path / f"{code}.sqlite", create=True)
    offices.initialize(store, code, name, level)
    folder = data or tmp_path / f"data-{code}"
    folder.mkdir(parents=True, exist_ok=True)
    return Peer(store, code, name, level, folder)


def linked_district(tmp_path: Path, *subs: Peer, data: Path | None = None) -> Peer:
    """The district of ``subs``, each trusting the other's key."""
    district = make_peer(tmp_path, DISTRICT, DISTRICT_NAME, "district", data)
    for peer in subs:
        district.trust(peer)
        peer.trust(district)
    return district


@pytest.fixture
def sub(tmp_path: Path) -> Iterator[Peer]:
    peer = make_peer(tmp_path, OFFICE_CODE, OFFICE_NAME, "subdistrict")
    yield peer
    peer.store.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Peer]:
    peer = make_peer(tmp_path, OTHER, OTHER_NAME, "subdistrict")
    yield peer
    peer.store.close()


@pytest.fixture
def district(tmp_path: Path, sub: Peer, other: Peer) -> Iterator[Peer]:
    peer = linked_district(tmp_path, sub, other)
    yield peer
    peer.store.close()
