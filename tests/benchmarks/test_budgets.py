"""Time budgets of work small enough for a test, kept out of the default run (the default run asserts what
happens, not how fast: a loaded machine must not turn it red). Run on demand::

    .venv/bin/python -m pytest tests/benchmarks

The files and batches are the ones the behavioural tests build (tests/unit/documents/excel/test_safety.py,
tests/unit/db/sync/test_batchfile.py); these tests only time them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.documents.excel.safety import UnsafeFile, check_file
from tests.unit.db.sync import test_batchfile as batches
from tests.unit.documents.excel import test_safety as hostile

REFUSAL_SECONDS = 5  # a hostile file is refused before the clerk wonders whether the program hangs


@pytest.mark.parametrize(("build", "fragment"), [
    (hostile.write_zip_bomb, "压缩炸弹"),
    (hostile.write_many_entries, "超过了10000个"),
    (hostile.write_whole_grid, "16384列"),
    (hostile.write_unreferenced_cells, "600万个单元格"),
])
def test_a_hostile_file_is_refused_within_seconds(tmp_path: Path, build: Callable[[Path, Path], Path],
                                                  fragment: str) -> None:
    path = build(hostile.write_roster(tmp_path / "roster.xlsx"), tmp_path / "hostile.xlsx")
    started = time.perf_counter()
    with pytest.raises(UnsafeFile, match=fragment):
        check_file(path)
    assert time.perf_counter() - started < REFUSAL_SECONDS


def test_the_scan_of_a_big_sheet_stays_far_under_the_import_budget(tmp_path: Path) -> None:
    path = hostile.write_big_sheet(tmp_path / "big.xlsx")
    started = time.perf_counter()
    assert check_file(path) == "xlsx"
    assert time.perf_counter() - started < 1.0


def test_hundred_thousand_members_sealed_within_seconds(tmp_path: Path) -> None:
    start = time.perf_counter()
    path = batches._write(tmp_path, tables={"members": batches._members(100_000)}, kind="full")
    written = time.perf_counter()
    opened = batches._open(path)
    verified = time.perf_counter()
    count = sum(1 for _ in opened.rows("members"))
    done = time.perf_counter()
    assert count == 100_000
    size = path.stat().st_size
    print(f"\n100k members sealed: write {written - start:.2f} s, open+verify {verified - written:.2f} s, "
          f"rows {done - verified:.2f} s; file {size / 2**20:.1f} MB, "
          f"plaintext {opened.manifest.tables['members'].size / 2**20:.1f} MB")
    assert written - start < 4 and verified - written < 2
