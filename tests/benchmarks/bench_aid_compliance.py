"""来件核查 at scale: :func:`db.aid.compliance.findings` over a district's 10,000 files (two sub-districts, each
file with its workflow's steps) and 100,000 payments made while their files were 在档, with the district's
caps set and a few records breaking a rule.

Target: ≤ 1 s for the whole database (every office, every year). Timed: every office and year; one year;
one office.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_aid_compliance.py [--files 10000] [--payments 100000] [--db PATH]
                                                              [--runs 7]

The database is built once with bulk inserts and reused while the file exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices, reference  # noqa: E402
from db.aid import compliance  # noqa: E402
from db.aid import settings as aid_settings  # noqa: E402
from db.auth import ADMIN, Actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.models import AidCase, AidCaseStep, AidPayment, Member, Office  # noqa: E402
from db.store import Store  # noqa: E402
from db.validation import make_id_number  # noqa: E402
from db.writes import next_sync_seq  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

DISTRICT = ("110101000", "东城区总工会")
SUBS = (("110101006", "东四街道工会"), ("110101007", "东华门街道工会"))
TARGET_MS = 1000
BROKEN_EVERY = 500  # one file in so many approved by its home checker; one payment in so many over the cap


def build(path: Path, files: int, count: int) -> Store:
    if path.exists():
        return Store.open(path)
    started = time.perf_counter()
    store = Store.open(path, create=True)
    offices.initialize(store, *DISTRICT, "district")
    admin = Actor("bench", "基准", frozenset({ADMIN}), DISTRICT[0])
    with store.transaction(admin) as session:
        for code, name in SUBS:
            session.add(Office(code=code, name=name, level="subdistrict", parent_code=DISTRICT[0]))
    for kind in reference.values("aid_payment_kind"):
        aid_settings.set_payment_cap(store, admin, kind, per_payment_fen=500_000, per_year_fen=2_000_000)
    rng = random.Random(14)
    kinds = reference.values("aid_payment_kind")
    members, cases, steps, paid = [], [], [], []
    filed: list[tuple[str, str, dt.date, dt.date]] = []  # (file, office, approved, closed or the last day)
    last_day = dt.date(2025, 12, 31)
    for i in range(files):
        office = SUBS[i % 2][0]
        member = f"00000000-0000-7000-8000-{i:012d}"
        born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
        members.append({"uuid": member, "office_code": office, "name": f"职工{i}", "gender": "男",
                        "id_number": make_id_number("110101", born, i % 1000), "member_no": f"M{i:06d}",
                        "joined_on": dt.date(2010, 1, 1)})
        uuid = f"00000000-0000-7000-9000-{i:012d}"
        applied = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
        status = rng.choices(("filed", "relieved", "cancelled", "publicized"), (60, 25, 10, 5))[0]
        cases.append({"uuid": uuid, "office_code": office, "member_uuid": member, "case_no": f"KN{i:06d}",
                      "category": "相对困难", "main_cause": "患重特大疾病", "status": status, "filed_by": "clerk",
                      "household_size": 3, "publicized_on": applied + dt.timedelta(days=10)})
        checker = "approver" if i % BROKEN_EVERY == 0 else "clerk2"
        walk = [("applied", "clerk", 0), ("verified", checker, 3), ("reviewed", "clerk", 6),
                ("publicized", "clerk", 10)]
        if status != "publicized":
            walk.append(("filed", "approver", 18))
        closed = None
        if status in ("relieved", "cancelled"):
            closed = applied + dt.timedelta(days=18 + rng.randrange(900))
            if closed < last_day:
                walk.append((status, "clerk", (closed - applied).days))
            else:
                closed = None
        for step, actor, after in walk:
            day = applied + dt.timedelta(days=after)
            steps.append({"case_uuid": uuid, "office_code": office, "step": step, "actor": actor, "on_date": day,
                          "at": dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.UTC), "note": step})
        if status != "publicized":
            approved = applied + dt.timedelta(days=18)
            filed.append((uuid, office, approved, closed or last_day))
    for n in range(count):
        uuid, office, start, end = filed[rng.randrange(len(filed))]
        day = start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))
        amount = 600_000 if n % BROKEN_EVERY == 0 else rng.randint(100, 100_000)
        paid.append({"case_uuid": uuid, "office_code": office, "kind": rng.choice(kinds), "amount_fen": amount,
                     "paid_on": day, "method": "转账", "voucher_no": f"PZ{n:07d}", "approver": "王主席"})
    with store.transaction(admin, action="bench") as session:
        conn = session.connection()
        seq = next_sync_seq(conn)
        for model, rows in ((Member, members), (AidCase, cases), (AidCaseStep, steps), (AidPayment, paid)):
            bulk_insert(conn, model, rows, admin, sync_seq=seq)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {files:,} files ({len(steps):,} steps), {count:,} payments in "
          f"{time.perf_counter() - started:.1f} s: {path}")
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/uniondesk-aid-compliance-{args.files}-{args.payments}.sqlite")
    store = build(path, args.files, args.payments)
    timings = Timings()
    for label, where in (("every office, every year", {}), ("one year (2024)", {"year": 2024}),
                         (f"one office ({SUBS[0][1]})", {"office_code": SUBS[0][0]})):
        found = compliance.findings(store, **where)  # type: ignore[arg-type]
        rules: dict[str, int] = {}
        for finding in found:
            key = finding.rule.split("（")[0].split("，")[0]
            rules[key] = rules.get(key, 0) + 1
        print(f"{label}: {len(found):,} findings {rules}")
        timings.timed(f"findings: {label}", args.runs, functools.partial(compliance.findings, store, **where),
                      TARGET_MS)
    print(timings.verdict())
    store.close()


if __name__ == "__main__":
    main()
