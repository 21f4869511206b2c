"""``uniondesk keys`` as two offices use it (design §4, §5): each creates its keys in its own data folder,
exports its public key, and trusts the other's file after reading the fingerprint over the phone."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

from tests.e2e.test_cli import OFFICE, assert_one_line_error, digest, run

DISTRICT = ["--office-code", "110101", "--office-name", "东城区总工会", "--level", "district"]
FINGERPRINT = re.compile(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}")


class Office:
    """One office's computer: a database and a data folder of its own."""

    def __init__(self, root: Path, init_args: list[str]) -> None:
        root.mkdir()
        self.db, self.home = root / "office.sqlite", root / "home"
        assert self.run("init", *init_args).returncode == 0

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run("--db", str(self.db), *args, env={"UNIONDESK_HOME": str(self.home)})

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        return result.stdout


def fingerprint_in(text: str) -> str:
    found = FINGERPRINT.search(text)
    assert found, text
    return found.group(0)


def test_two_offices_exchange_and_trust_public_keys(tmp_path: Path) -> None:
    dongsi, district = Office(tmp_path / "dongsi", OFFICE), Office(tmp_path / "district", DISTRICT)

    created = dongsi.ok("keys", "create")
    assert "已创建" in created and "110101006" in created and str(dongsi.home / "keys") in created
    fingerprint = fingerprint_in(created)
    again = dongsi.ok("keys", "create")
    assert "已有" in again and fingerprint_in(again) == fingerprint
    assert sorted(p.name for p in (dongsi.home / "keys").iterdir()) == [
        "110101006.receiving.pem", "110101006.signing.pem"]

    dongsi_pub, district_pub = tmp_path / "dongsi.pub.json", tmp_path / "district.pub.json"
    assert fingerprint_in(dongsi.ok("keys", "export-public", str(dongsi_pub))) == fingerprint
    assert json.loads(dongsi_pub.read_text(encoding="utf-8"))["office_name"] == "东四街道工会"
    district_fingerprint = fingerprint_in(district.ok("keys", "export-public", str(district_pub)))
    assert (district.home / "keys" / "110101.signing.pem").is_file()  # export-public created the keys
    assert district_fingerprint != fingerprint

    trusted = district.ok("keys", "trust", str(dongsi_pub), "--office", "110101006")
    assert trusted.strip() == f"已信任 东四街道工会（110101006）的公钥，指纹 {fingerprint}"
    trusted = dongsi.ok("keys", "trust", str(district_pub), "--office", "110101")
    assert trusted.strip() == f"已信任 东城区总工会（110101）的公钥，指纹 {district_fingerprint}"

    for office, peer in ((district, "110101006"), (dongsi, "110101")):
        conn = sqlite3.connect(office.db)
        try:
            stored = conn.execute("SELECT key FROM settings WHERE key LIKE 'trusted%'").fetchall()
            actors = conn.execute("SELECT actor FROM audit_entries WHERE action = 'trust_key'").fetchall()
            dump = "\n".join(conn.iterdump())
        finally:
            conn.close()
        assert stored == [(f"trusted_key/{peer}",)]
        assert len(actors) == 1 and actors[0][0].startswith("cli:")
        assert "PRIVATE KEY" not in dump  # the private keys never enter the database


def test_a_replaced_key_is_announced(tmp_path: Path) -> None:
    dongsi, district = Office(tmp_path / "dongsi", OFFICE), Office(tmp_path / "district", DISTRICT)
    pub = tmp_path / "dongsi.pub.json"
    dongsi.ok("keys", "export-public", str(pub))
    old = fingerprint_in(district.ok("keys", "trust", str(pub), "--office", "110101006"))
    for key_file in (dongsi.home / "keys").iterdir():  # the sub-district's computer was replaced
        key_file.unlink()
    dongsi.ok("keys", "export-public", str(pub))
    output = district.ok("keys", "trust", str(pub), "--office", "110101006")
    assert f"原来的公钥（指纹 {old}）已被替换" in output


def test_wrong_files_and_offices_are_one_line_errors(tmp_path: Path) -> None:
    dongsi, district = Office(tmp_path / "dongsi", OFFICE), Office(tmp_path / "district", DISTRICT)
    pub = tmp_path / "dongsi.pub.json"
    dongsi.ok("keys", "export-public", str(pub))
    before = digest(district.db)

    assert_one_line_error(district.run("keys", "trust", str(pub), "--office", "110101005"),
                          "110101006", "110101005")
    assert_one_line_error(dongsi.run("keys", "trust", str(pub), "--office", "110101006"),
                          "本单位")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("这不是公钥", encoding="utf-8")
    assert_one_line_error(district.run("keys", "trust", str(garbage), "--office", "110101006"),
                          "garbage.json")
    assert_one_line_error(district.run("keys", "trust", str(tmp_path / "none.json"),
                                       "--office", "110101006"), "找不到公钥文件")
    assert digest(district.db) == before

    signing = dongsi.home / "keys" / "110101006.signing.pem"
    signing.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n")
    assert_one_line_error(dongsi.run("keys", "create"), "密钥文件已损坏")
    assert b"broken" in signing.read_bytes()
