"""A year's payments (帮扶记录) by type at scale: ``payments.year_totals`` of one office and of the whole database,
and one payment recorded with all its checks (caps, the month's repeat, the voucher number).

Target (issue 14): 10,000 files with 100,000 payments, a year's totals by type ≤ 200 ms. The payments are
spread over two years (2024–2025), so a year holds about half; the worst case, every payment in one year, is
timed too. Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_aid_payments.py [--files 10000] [--payments 100000] [--db PATH]
                                                            [--runs 15]

The database is built once with bulk inserts and reused while the file exists. Each case prints the median,
the 95th percentile and the maximum over its runs; the verdict is on the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices, reference  # noqa: E402
from db.aid import payments  # noqa: E402
from db.auth import ADMIN, CLERK, Actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.models import AidCase, AidPayment, Member  # noqa: E402
from db.store import Store  # noqa: E402
from db.validation import make_id_number  # noqa: E402
from db.writes import next_sync_seq  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

OFFICE = ("110101006", "东四街道工会")
TARGET_MS = 200


def build(path: Path, files: int, count: int, one_year: bool) -> Store:
    if path.exists():
        return Store.open(path)
    started = time.perf_counter()
    store = Store.open(path, create=True)
    offices.initialize(store, *OFFICE, "subdistrict")
    actor = Actor("bench", "基准", frozenset({ADMIN}), OFFICE[0])
    rng = random.Random(14)
    kinds = reference.values("aid_payment_kind")
    methods = reference.values("payment_method")
    members, cases, paid = [], [], []
    for i in range(files):
        member = f"00000000-0000-7000-8000-{i:012d}"
        members.append({"uuid": member, "name": f"职工{i}", "gender": "男" if i % 2 else "女",
                        "id_number": make_id_number("110101", dt.date(1970, 1, 1) + dt.timedelta(days=i), i % 1000),
                        "member_no": f"M{i:06d}", "joined_on": dt.date(2010, 1, 1)})
        cases.append({"uuid": f"00000000-0000-7000-9000-{i:012d}", "member_uuid": member,
                      "case_no": f"KN0062020{i:05d}", "category": "相对困难", "main_cause": "患重特大疾病",
                      "status": "filed", "filed_by": "bench"})
    first = dt.date(2025 if one_year else 2024, 1, 1).toordinal()
    days = (dt.date(2025, 12, 31).toordinal() - first) + 1
    for n in range(count):
        day = dt.date.fromordinal(first + rng.randrange(days))
        paid.append({"case_uuid": cases[rng.randrange(files)]["uuid"], "kind": rng.choice(kinds),
                     "amount_fen": rng.randint(100, 500_000), "paid_on": day, "method": rng.choice(methods),
                     "voucher_no": f"PZ{n:07d}"})
    with store.transaction(actor, action="bench") as session:
        conn = session.connection()
        seq = next_sync_seq(conn)
        for model, rows in ((Member, members), (AidCase, cases), (AidPayment, paid)):
            bulk_insert(conn, model, rows, actor, sync_seq=seq)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {files:,} files, {count:,} payments in {time.perf_counter() - started:.1f} s: {path}")
    return store


def recorder(store: Store) -> Callable[[], object]:
    """One payment recorded by a clerk each call, with a fresh voucher number (the month's repeat confirmed)."""
    clerk = Actor("clerk", "录入员", frozenset({CLERK}), OFFICE[0])
    serial = iter(range(10**6))
    return lambda: payments.record_payment(store, clerk, "00000000-0000-7000-9000-000000000007", {
        "kind": "生活救助", "amount_fen": "100", "paid_on": dt.date(2024, 6, 1), "method": "现金",
        "voucher_no": f"NEW{next(serial)}"}, confirmed_repeat=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    timings = Timings()
    with tempfile.TemporaryDirectory() as tmp:
        for one_year in (False, True):
            name = f"aid-payments-{args.files}-{args.payments}-{'one' if one_year else 'two'}-years.sqlite"
            path = args.db.with_name(name) if args.db else Path(tmp) / name
            store = build(path, args.files, args.payments, one_year)
            span = "all in 2025" if one_year else "over 2024-2025"
            timings.timed(f"year_totals 2025, one office ({span})", args.runs,
                          lambda s=store: payments.year_totals(s, 2025, OFFICE[0]), TARGET_MS)
            timings.timed(f"year_totals 2025, whole database ({span})", args.runs,
                          lambda s=store: payments.year_totals(s, 2025), TARGET_MS)
            if not one_year:
                timings.timed("record_payment with its checks", args.runs, recorder(store))
            store.close()
    print(timings.verdict())


if __name__ == "__main__":
    main()
