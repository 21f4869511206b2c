"""A conflict's whole journey through the command line (design §5): the same person joins two sub-districts,
the district keeps the second aside, a person settles it, and the district's return batch carries the
decision home to the sub-district, imported there by the same ``import-batch``."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from db.validation import make_id_number
from tests.e2e.test_cli import OFFICE, assert_one_line_error, digest
from tests.e2e.test_cli_keys import DISTRICT, Office
from tests.e2e.test_cli_sync import done

DONGSI, DONGHUAMEN = "110101006", "110101001"
PERSON_ID = make_id_number("110101", dt.date(1988, 3, 9), 7)


def trust_both_ways(tmp_path: Path, a: Office, b: Office, a_code: str, b_code: str) -> None:
    for office, other, code in ((a, b, b_code), (b, a, a_code)):
        public = tmp_path / f"{code}-for-{id(office)}.pub.json"
        other.ok("keys", "export-public", str(public))
        office.ok("keys", "trust", str(public), "--office", code)


def join(office: Office, tmp_path: Path, name: str, phone: str) -> None:
    roster = tmp_path / f"roster-{name}.csv"
    roster.write_text(f"姓名,身份证号,手机号码,入会日期\n{name},{PERSON_ID},{phone},2021-03-01\n", encoding="utf-8")
    done(office, "import-xlsx", "members", str(roster))


def member(db: Path, office_code: str) -> tuple[str, int, str]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT status, rev, phone FROM members WHERE id_number = ? AND office_code = ?",
                           (PERSON_ID, office_code)).fetchone()
        return (str(row[0]), int(row[1]), str(row[2]))
    finally:
        conn.close()


def test_a_settled_conflict_travels_back_to_the_sub_district(tmp_path: Path) -> None:
    district = Office(tmp_path / "district", DISTRICT)
    dongsi = Office(tmp_path / "dongsi", [*OFFICE, "--parent", "110101"])
    donghuamen = Office(tmp_path / "donghuamen", ["--office-code", DONGHUAMEN, "--office-name", "东华门街道工会",
                                                  "--parent", "110101"])
    trust_both_ways(tmp_path, district, dongsi, "110101", DONGSI)
    trust_both_ways(tmp_path, district, donghuamen, "110101", DONGHUAMEN)
    join(donghuamen, tmp_path, "王秀英", "13900139000")
    join(dongsi, tmp_path, "王秀英", "13800138000")
    usb = tmp_path / "usb"
    usb.mkdir()
    first = Path(done(donghuamen, "export-batch", str(usb)).splitlines()[-1])
    second = Path(done(dongsi, "export-batch", str(usb)).splitlines()[-1])
    imported = done(district, "import-batch", str(first), str(second))
    assert "冲突 2" in imported  # the member, and its join event waiting for it

    listed = done(district, "conflicts")
    assert "共 2 条待处理的冲突" in listed
    line = next(line for line in listed.splitlines() if "同一人在两个单位在会" in line)
    uuid = line.split()[0]
    shown = done(district, "conflicts", "show", uuid)
    assert "≠ 手机号码（phone）：13900139000 | 13800138000" in shown  # the command line may see full numbers
    before = digest(district.db)
    assert_one_line_error(district.run("conflicts", "settle", uuid, "retry"))
    assert_one_line_error(district.run("conflicts", "settle", uuid, "merge", "--take", "office_code"))
    assert digest(district.db) == before

    settled = done(district, "conflicts", "settle", uuid, "merge", "--take", "phone")
    assert "东四街道工会的“王秀英”记为转出" in settled
    assert "共 0 条" in done(district, "conflicts")
    assert member(district.db, DONGHUAMEN) == ("active", 2, "13800138000")
    assert member(district.db, DONGSI)[:2] == ("transferred_out", 2)

    for office, code in ((dongsi, DONGSI), (donghuamen, DONGHUAMEN)):
        back = Path(done(district, "export-batch", str(usb), "--to", code).splitlines()[-1])
        assert back.parent == usb / code  # a district's batches: one folder per recipient
        assert "第1批" in done(office, "import-batch", str(back))
    assert member(dongsi.db, DONGSI)[:2] == ("transferred_out", 2)
    assert member(donghuamen.db, DONGHUAMEN) == ("active", 2, "13800138000")
    # the next delta of a sub-district echoes nothing new, and the district stays settled
    again = Path(done(dongsi, "export-batch", str(usb)).splitlines()[-1])
    done(district, "import-batch", str(again))
    assert "共 0 条" in done(district, "conflicts")
