"""A district computer switched off in the middle of an import: whatever the moment, the database passes
SQLite's integrity check and holds the whole batch or none of it, and the batch imports afterwards."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_cli import OFFICE
from tests.e2e.test_cli_keys import DISTRICT, Office
from tests.e2e.test_cli_sync import done

MEMBERS = 3000


def state_of(db: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM members WHERE office_code = '110101006'").fetchone()[0]
        batches = conn.execute("SELECT count(*) FROM sync_batches WHERE direction = 'in'").fetchone()[0]
    finally:
        conn.close()
    return str(check), int(members), int(batches)


@pytest.mark.slow
def test_a_killed_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    district = Office(tmp_path / "district", DISTRICT)
    dongsi = Office(tmp_path / "dongsi", [*OFFICE, "--parent", "110101"])
    done(dongsi, "demo", "--members", str(MEMBERS))
    for office, other, code in ((dongsi, district, "110101"), (district, dongsi, "110101006")):
        public = tmp_path / f"{code}.pub.json"
        other.ok("keys", "export-public", str(public))
        office.ok("keys", "trust", str(public), "--office", code)
    batch = Path(done(dongsi, "export-batch", str(tmp_path)).strip().splitlines()[-1])

    trial = tmp_path / "trial.sqlite"  # the district's empty database, to time one whole import
    shutil.copy(district.db, trial)
    started = time.monotonic()
    timed = subprocess.run([sys.executable, "-m", "desktop", "--db", str(trial), "import-batch", str(batch)],
                           env={**os.environ, "UNIONDESK_HOME": str(district.home)}, capture_output=True,
                           text=True, check=False)
    duration = time.monotonic() - started
    assert timed.returncode == 0, timed.stderr
    assert state_of(trial)[1] == MEMBERS

    rnd = random.Random(11)
    outcomes = set()
    # from the start-up to the commit, denser where the batch is verified and written (the second half)
    for delay in sorted([rnd.uniform(0.05, duration) for _ in range(3)] +
                        [rnd.uniform(0.5 * duration, 1.05 * duration) for _ in range(7)]):
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--db", str(district.db), "import-batch", str(batch)],
            env={**os.environ, "UNIONDESK_HOME": str(district.home)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        check, members, batches = state_of(district.db)
        assert check == "ok"
        assert (members, batches) in ((0, 0), (MEMBERS, 1)), (delay, members, batches)
        outcomes.add(members)
    done(district, "import-batch", str(batch))
    assert state_of(district.db) == ("ok", MEMBERS, 1)
    assert 0 in outcomes  # at least one kill landed before the commit
