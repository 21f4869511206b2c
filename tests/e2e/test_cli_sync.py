"""``export-batch`` / ``import-batch`` between a sub-district and its district, as two offices' computers
run them (design §4, §5): keys exchanged, batches sealed, imported once, held when one is missing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.e2e.test_cli import OFFICE, assert_one_line_error, digest
from tests.e2e.test_cli_keys import DISTRICT, Office


def done(office: Office, *args: str) -> str:
    """Run a command that reports progress on stderr; its stdout."""
    result = office.run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def members_of(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM members WHERE office_code = '110101006'").fetchone()[0])
    finally:
        conn.close()


def test_a_sub_district_sends_batches_to_its_district(tmp_path: Path) -> None:
    district = Office(tmp_path / "district", DISTRICT)
    dongsi = Office(tmp_path / "dongsi", [*OFFICE, "--parent", "110101"])
    done(dongsi, "demo", "--members", "120")
    for office, other, code in ((dongsi, district, "110101"), (district, dongsi, "110101006")):
        public = tmp_path / f"{code}.pub.json"
        other.ok("keys", "export-public", str(public))
        office.ok("keys", "trust", str(public), "--office", code)

    outbox = tmp_path / "usb"
    outbox.mkdir()
    first = done(dongsi, "export-batch", str(outbox)).strip().splitlines()
    assert first[0].startswith("第1批（增量，已加密）")
    batch1 = Path(first[-1])
    assert batch1.parent == outbox and batch1.name.startswith("110101006-1-")
    assert "东四" not in batch1.read_bytes().decode("latin-1")  # sealed: no readable names

    imported = done(district, "import-batch", str(batch1))
    assert "第1批" in imported and "新增" in imported
    assert members_of(district.db) == members_of(dongsi.db) == 120
    before = digest(district.db)
    again = done(district, "import-batch", str(batch1))
    assert "已导入过" in again and members_of(district.db) == 120
    assert digest(district.db) == before  # a batch imported twice changes nothing

    batch2 = Path(done(dongsi, "export-batch", str(outbox)).strip().splitlines()[-1])
    batch3 = Path(done(dongsi, "export-batch", str(outbox)).strip().splitlines()[-1])
    held = district.run("import-batch", str(batch3))
    assert held.returncode == 1 and "缺少" in held.stdout
    both = done(district, "import-batch", str(batch2), str(batch3))
    assert "第2批" in both and "第3批" in both

    tampered = tmp_path / batch1.name.replace("-1-", "-4-")
    data = bytearray(batch1.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    before = digest(district.db)
    assert_one_line_error(district.run("import-batch", str(tampered)))
    named = district.run("import-batch", str(batch1), str(tampered))
    assert_one_line_error(named)
    assert tampered.name in named.stderr  # among several files, the refused one is named
    assert digest(district.db) == before


def test_an_unsealed_batch_needs_a_reason_that_the_audit_keeps(tmp_path: Path) -> None:
    dongsi = Office(tmp_path / "dongsi", [*OFFICE, "--parent", "110101"])  # the district's key not trusted
    assert_one_line_error(dongsi.run("export-batch", str(tmp_path)), "尚未信任单位 110101 的公钥")
    assert_one_line_error(dongsi.run("export-batch", str(tmp_path), "--unsealed"), "必须写明理由")
    written = done(dongsi, "export-batch", str(tmp_path), "--unsealed", "--reason", "区里的公钥文件丢了").splitlines()
    assert written[0].startswith("第1批（增量，未加密）")
    conn = sqlite3.connect(dongsi.db)
    try:
        [changes] = conn.execute("SELECT changes FROM audit_entries WHERE action = 'export_batch'").fetchone()
    finally:
        conn.close()
    assert json.loads(changes)["reason"] == "区里的公钥文件丢了"
