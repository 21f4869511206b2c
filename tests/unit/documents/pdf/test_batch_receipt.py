"""Tests of 批次交接单 (desktop.documents.pdf.batch_receipt): the handover receipt of one sync batch, as the two
people who sign it read it — offices, batch number and kind, rows per registry, the fingerprint to compare."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from db.auth import Actor
from db.errors import NotFound
from db.models import Office, SyncBatch
from db.store import Store
from desktop.documents.pdf import batch_receipt
from desktop.documents.pdf.forms import form
from tests.unit.documents.pdf.test_engine import assert_fonts_embedded, assert_renders, pdf_text, squash

BATCH = "5b0c2f4e-9a51-4c1e-8d7e-0a1b2c3d4e5f"
SHA = hashlib.sha256(b"uniondesk batch 7").hexdigest()
COUNTS = {"members": 1234, "member_events": 1300, "honours": 12, "stations": 3, "aid_cases": 5,
          "future_table": 2}


def _add_batch(store: Store, **changes: object) -> None:
    values: dict[str, object] = dict(
        uuid=BATCH, direction="out", sender_code="110101006", recipient_code="110101000", seq=7, kind="delta",
        sha256=SHA, created_at=dt.datetime(2025, 3, 8, 1, 30), status="written", counts=json.dumps(COUNTS),
        file_name="110101006-7-20250308.ubatch")
    values.update(changes)
    with store.transaction() as session:
        if session.get(Office, "110101000") is None:
            session.add(Office(code="110101000", name="东城区总工会", level="district"))
        session.add(SyncBatch(**values))


def test_the_receipt_names_offices_batch_counts_and_fingerprint(store: Store, clerk: Actor, tmp_path: Path) -> None:
    _add_batch(store)
    out = tmp_path / "receipt.pdf"
    assert form("batch-receipt").render(store, clerk, out, uuids=[BATCH]) == 1
    text = squash(pdf_text(out))
    for value in ("批次交接单", "东四街道工会（110101006）", "东城区总工会（110101000）", "第7批", "增量",
                  "110101006-7-20250308.ubatch", BATCH, batch_receipt.local_time(dt.datetime(2025, 3, 8, 1, 30)),
                  "会员1,234", "会员变动记录1,300", "荣誉12", "暖心驿站3", "困难职工档案5", "future_table2",
                  "合计2,556", "移交人签字", "接收人签字", "移交单位（盖章）", "接收单位（盖章）"):
        assert squash(value) in text, value
    blocks = batch_receipt.fingerprint_blocks(SHA)
    assert len(blocks) == 8 and "".join(blocks) == SHA
    for number, block in enumerate(blocks, 1):
        assert f"{number}.{block}" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_an_unknown_office_is_printed_by_its_code_and_a_full_batch_says_so(store: Store, clerk: Actor,
                                                                            tmp_path: Path) -> None:
    _add_batch(store, recipient_code="110101999", kind="full", direction="in", status="imported",
               processed_at=dt.datetime(2025, 3, 9, 2, 0), counts="{}")
    out = tmp_path / "receipt.pdf"
    batch_receipt.render(store, clerk, out, uuids=[BATCH])
    text = squash(pdf_text(out))
    assert "110101999" in text and "全量" in text and "已导入" in text and "合计0" in text


def test_a_received_batch_lists_the_rows_it_carried(store: Store, clerk: Actor, tmp_path: Path) -> None:
    received = {"tables": COUNTS, "inserted": 2000, "updated": 500, "skipped": 50, "conflicts": 6}
    _add_batch(store, direction="in", status="imported", processed_at=dt.datetime(2025, 3, 9, 2, 0),
               counts=json.dumps(received))
    out = tmp_path / "receipt.pdf"
    batch_receipt.render(store, clerk, out, uuids=[BATCH])
    text = squash(pdf_text(out))
    assert "会员1,234" in text and "合计2,556" in text and "已导入" in text


def test_local_time_converts_stored_utc() -> None:
    stored = dt.datetime(2025, 3, 8, 1, 30)
    local = stored.replace(tzinfo=dt.UTC).astimezone()
    assert batch_receipt.local_time(stored) == local.strftime("%Y-%m-%d %H:%M")


def test_a_missing_batch_is_refused_before_writing(store: Store, clerk: Actor, tmp_path: Path) -> None:
    out = tmp_path / "receipt.pdf"
    with pytest.raises(NotFound, match="找不到批次"):
        batch_receipt.render(store, clerk, out, uuids=[BATCH])
    with pytest.raises(NotFound):
        batch_receipt.render(store, clerk, out, uuids=None)
    assert not out.exists()
