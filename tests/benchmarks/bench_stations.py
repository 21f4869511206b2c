"""The warm-station registry at district scale: the tab's first page as the clerk feels it, the year view of all
stations, and a grid cell committed.

Targets (issue 12), on a district database of 1,000 stations over its sub-districts, each with 36 months of
logs, four inspections a year for three years and the eight services: the tab's first page ≤ 50 ms — the
list read with its count, the ⚠ marks of the page and every cell of the rows a window shows (also with
``cym`` typed, with 需关注 chosen, and both); a year view of all stations (``logs.year_totals``) ≤ 200 ms;
one changed cell of an existing month saved (``logs.save_month_log`` with its ``log_uuid``) ≤ 20 ms.
Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_stations.py [--stations 1000] [--db PATH] [--runs 15]

The database is built once with bulk inserts (a few seconds) and reused while the file exists. Each case prints
the median, the 95th percentile and the maximum over its runs; the verdict is on the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from db import offices, reference  # noqa: E402
from db.auth import ADMIN, CLERK, Actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.demo import pools  # noqa: E402
from db.listing import ListFilter, ListSort  # noqa: E402
from db.models import Office, Station, StationInspection, StationLog, StationService  # noqa: E402
from db.models.stations import search_columns  # noqa: E402
from db.stations import attention, logs  # noqa: E402
from db.stations.rules import month_log_uuid  # noqa: E402
from db.stations.tabular import NEEDS_ATTENTION  # noqa: E402
from db.store import Store  # noqa: E402
from db.writes import next_sync_seq  # noqa: E402
from desktop.ui.context import AppContext, OfficeInfo  # noqa: E402
from desktop.ui.stations.table_model import StationTableModel  # noqa: E402
from desktop.ui.worker import JobRunner  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

DISTRICT = ("110101", "东城区总工会")
VISIBLE_ROWS = 28  # the rows a 1366×768 window shows of the list
SIX = ("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map")
GROUPS = ("visits_courier", "visits_rider", "visits_sanitation", "visits_driver", "visits_other")


def _months(today: dt.date, count: int) -> list[dt.date]:
    """The first days of the ``count`` complete months before ``today``'s month, oldest first."""
    index = today.year * 12 + today.month - 1
    return [dt.date((index - back) // 12, (index - back) % 12 + 1, 1) for back in range(count, 0, -1)]


def build(path: Path, count: int) -> Store:
    if path.exists():
        return Store.open(path)
    started = time.perf_counter()
    store = Store.open(path, create=True)
    offices.initialize(store, *DISTRICT, "district")
    rng = random.Random(12)
    today = dt.date.today()
    months = _months(today, 36)
    places = pools.LANDMARKS if isinstance(pools.LANDMARKS, tuple) else tuple(str(pools.LANDMARKS).split())
    with store.transaction() as session:
        subs = sorted(session.scalars(select(Office.code).where(Office.parent_code == DISTRICT[0])))
    actor = Actor("bench", "基准", frozenset({ADMIN}), DISTRICT[0])
    stations, month_logs, inspections, services = [], [], [], []
    eight = reference.values("station_services")
    for i in range(count):
        office = subs[i % len(subs)]
        place = places[i % len(places)]
        uuid = f"00000000-0000-7000-8000-{i:012d}"
        status = rng.choices(("running", "paused", "planning", "closed"), (90, 5, 3, 2))[0]
        built = months[0] - dt.timedelta(days=rng.randint(30, 900))
        stations.append(search_columns({
            "uuid": uuid, "office_code": office, "code": f"NX-{office}-{i:04d}",
            "name": f"{place}{rng.choice(pools.STATION_SUFFIXES)}{i // len(places) + 1}号站",
            "address": f"北京市东城区{place}{rng.randint(1, 199)}号", "host_type": rng.choice(("企业", "社区", "工会")),
            "host_name": f"{place}{rng.choice(('社区居委会', '物业公司', '顺丰速运'))}", "manager": "王芳",
            "phone": f"138{rng.randint(10_000_000, 99_999_999)}", "opening_hours": "8:00-20:00",
            "area_sqm": round(15 + rng.random() * 60, 1), "status": status,
            "built_on": None if status == "planning" else built,
            "stars": None if status == "planning" else rng.choice((None, 1, 2, 3, 3, 4, 4, 5)),
            **{check: rng.random() < 0.9 for check in SIX}}))
        services += [{"office_code": office, "station_uuid": uuid, "name": name} for name in eight]
        if status == "planning":
            continue
        skip_last = rng.random() < 0.1  # a tenth have not entered last month yet: marked ⚠
        for month in months[:-1] if skip_last else months:
            visits = {g: rng.randint(0, 300) for g in GROUPS}
            month_logs.append({"uuid": month_log_uuid(uuid, month), "office_code": office, "station_uuid": uuid,
                         "period": "month", "on_date": month, "visits_total": sum(visits.values()), **visits})
        for quarter in range(12):
            day = months[quarter * 3] + dt.timedelta(days=rng.randint(0, 80))
            due = day + dt.timedelta(days=30) if rng.random() < 0.2 else None
            inspections.append({
                "office_code": office, "station_uuid": uuid, "inspected_on": min(day, today), "inspector": "督查组",
                **{check: rng.random() < 0.95 for check in SIX}, "score": rng.randint(70, 100),
                "medicine_expiry": day + dt.timedelta(days=rng.randint(60, 500)),
                "follow_up": "整改" if due else None, "follow_up_due_on": due,
                "follow_up_done_on": None if due is None or rng.random() < 0.3 else due})
    with store.transaction(actor, action="bench") as session:
        conn = session.connection()
        seq = next_sync_seq(conn)
        for model, rows in ((Station, stations), (StationService, services), (StationLog, month_logs),
                            (StationInspection, inspections)):
            bulk_insert(conn, model, rows, actor, sync_seq=seq)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {count:,} stations, {len(month_logs):,} month logs, {len(inspections):,} inspections in "
          f"{time.perf_counter() - started:.1f} s: {path}")
    return store


def first_page(model: StationTableModel, flt: ListFilter) -> int:
    """What the clerk waits for: the list read again (count, first page, its marks) and the shown cells drawn."""
    model.set_view(flt, ListSort())
    columns = model.columnCount()
    marked = 0
    for row in range(min(VISIBLE_ROWS, model.rowCount())):
        for column in range(columns):
            model.data(model.index(row, column))
        if model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole):
            marked += 1
    return marked


def main() -> None:
    timings = Timings()
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=1000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/uniondesk-stations-{args.stations}.sqlite")
    store = build(path, args.stations)
    app = QApplication.instance() or QApplication([])
    clerk = Actor("clerk", "录入员", frozenset({CLERK}), DISTRICT[0])
    runner = JobRunner()
    context = AppContext(store, clerk, OfficeInfo(*DISTRICT, "district"), runner)
    model = StationTableModel(context)
    with store.transaction() as session:
        stations = int(session.scalar(select(func.count()).select_from(Station)) or 0)
        log_count = int(session.scalar(select(func.count()).select_from(StationLog)) or 0)
        last = session.execute(select(StationLog.uuid, StationLog.station_uuid, StationLog.on_date, StationLog.rev)
                               .order_by(StationLog.on_date.desc()).limit(1)).one()
    marks = len(attention.attention(store))
    print(f"{stations:,} stations, {log_count:,} logs, {marks} need attention today")

    def written() -> None:
        """Someone saved something: the marks remembered for the write counter's value are stale."""
        with store.transaction() as session:
            next_sync_seq(session.connection())

    views = (("no filter", ListFilter()), ("'cym' typed", ListFilter(text="cym")),
             ("需关注", ListFilter(flags=(NEEDS_ATTENTION,))),
             ("'cym' and 需关注", ListFilter(text="cym", flags=(NEEDS_ATTENTION,))))
    for label, flt in views:
        model.set_view(flt, ListSort())
        rows = model.total()
        # after a save (the marks computed afresh), and read again unchanged (a filter chosen, a sort)
        timings.timed(f"first page, {label} ({rows} rows), after a write", args.runs,
                      lambda flt=flt: first_page(model, flt), 50, before=written)
        timings.timed(f"first page, {label} ({rows} rows), again", args.runs,
                      lambda flt=flt: first_page(model, flt), 50)
    timings.timed("attention of all stations, after a write", args.runs, lambda: attention.attention(store),
                  before=written)
    year = last.on_date.year
    timings.timed(f"year view of all stations ({year})", args.runs, lambda: logs.year_totals(store, year), 200)
    timings.timed("year view of one station", args.runs, lambda: logs.year_totals(store, year, last.station_uuid))
    writer = Actor("clerk", "录入员", frozenset({CLERK}), DISTRICT[0])
    values = iter(range(1, 1_000_000))
    timings.timed("grid cell committed (save_month_log, log_uuid)", args.runs,
                  lambda: logs.save_month_log(store, writer, last.station_uuid, last.on_date,
                                              {"visits_rider": next(values)}, log_uuid=last.uuid), 20)
    print(timings.verdict())
    runner.cancel_all()
    del app
    store.close()


if __name__ == "__main__":
    main()
