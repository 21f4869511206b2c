"""The hardship files' list (困难帮扶) and the payments' list at scale: the first page as the tab reads it, and the
tab opened and painted.

Target (issue 14): 10,000 files with 100,000 payments, the list's first page ≤ 100 ms. Timed:

* the files' list (:mod:`db.listing` with ``AID_CASES`` and its hooks, what the tab's model reads: the count,
  then the first page with its derived names and per-capita incomes): sorted by 档案编号 (the default) and by
  状态, with a name or an ID number's last 4 typed, with 状态 = 在档 chosen, with 今年需复核, and a search with
  a filter together;
* the GUI: the 困难帮扶 tab (``AidTab``) built, shown and its first page painted (the window's first look at the
  tab), and a filter change or a typed search (the search delay left out: from the timer firing) until the
  list is painted again;
* the payments' list (``AID_PAYMENTS``): its first page sorted by type (the default), by date newest first,
  with a file number typed.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_aid_list.py [--files 10000] [--payments 100000] [--db PATH]
                                                        [--runs 15]

The database is built once with bulk inserts (about half a minute) and reused while the file exists. Each case
prints the median, the 95th percentile and the maximum over its runs; the verdict is on the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from db import listing, offices, reference  # noqa: E402
from db.aid import cases as aid_cases  # noqa: E402
from db.aid import settings as aid_settings  # noqa: E402
from db.aid import workflow  # noqa: E402
from db.aid.fields import AID_CASES, AID_PAYMENTS  # noqa: E402
from db.aid.rules import approval_from  # noqa: E402
from db.aid.tabular import REVIEW_DUE  # noqa: E402
from db.auth import ADMIN, APPROVER, CLERK, Actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.demo import pools  # noqa: E402
from db.listing import ListFilter, ListSort  # noqa: E402
from db.models import AidCase, AidCaseStep, AidHouseholdMember, AidPayment, Member  # noqa: E402
from db.registry import RegistrySpec  # noqa: E402
from db.store import Store  # noqa: E402
from db.validation import make_id_number  # noqa: E402
from db.writes import next_sync_seq  # noqa: E402
from desktop.ui.aid.tab import AidTab  # noqa: E402
from desktop.ui.context import AppContext, OfficeInfo  # noqa: E402
from desktop.ui.worker import JobRunner  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

OFFICE = ("110101006", "东四街道工会")
TARGET_MS = 100
# a sub-district's files over ten years: the earlier years' filed or closed; of the last year's a tenth still
# on their way (about 20 in 公示: the approver's 待我审批 queue, read when the tab opens)
OLD_STATUSES = (("filed", 55), ("relieved", 30), ("cancelled", 15))
NEW_STATUSES = (("filed", 90), ("applied", 3), ("verified", 3), ("reviewed", 2), ("publicized", 2))
RELATIONS = ("配偶", "子女", "父母")


def _names(rng: random.Random, count: int) -> list[str]:
    surnames = [s for s, _ in pools.SURNAMES]
    weights = [w for _, w in pools.SURNAMES]
    given = (*pools.MALE_GIVEN, *pools.FEMALE_GIVEN)
    return [s + rng.choice(given) for s in rng.choices(surnames, weights, k=count)]


def build(path: Path, files: int, count: int) -> Store:
    if path.exists():
        return Store.open(path)
    started = time.perf_counter()
    store = Store.open(path, create=True)
    offices.initialize(store, *OFFICE, "subdistrict")
    actor = Actor("bench", "基准", frozenset({ADMIN}), OFFICE[0])
    rng = random.Random(14)
    kinds = reference.values("aid_payment_kind")
    methods = reference.values("payment_method")
    categories = reference.values("aid_category")
    causes = reference.values("aid_cause")
    names = _names(rng, files * 3)
    members, cases, steps, household, paid = [], [], [], [], []
    filed = []
    today = dt.date.today()
    for i in range(files):
        member = f"00000000-0000-7000-8000-{i:012d}"
        born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
        members.append({"uuid": member, "name": names[i], "gender": "男" if i % 2 else "女",
                        "id_number": make_id_number("110101", born, i % 1000),
                        "member_no": f"M{i:06d}", "joined_on": dt.date(2010, 1, 1)})
        uuid = f"00000000-0000-7000-9000-{i:012d}"
        year = 2016 + i * 10 // files  # numbered by year as the offices do: 10 years of files
        statuses, weights = zip(*(NEW_STATUSES if year == 2025 else OLD_STATUSES), strict=True)
        status = rng.choices(statuses, weights)[0]
        cases.append({"uuid": uuid, "member_uuid": member, "case_no": f"KN006{year}{i:05d}",
                      "category": rng.choice(categories), "main_cause": rng.choice(causes), "status": status,
                      "filed_by": "clerk", "household_size": 3, "household_income_fen": rng.randint(0, 6_000_000),
                      "monthly_income_fen": rng.randint(0, 300_000),
                      "next_review_on": today + dt.timedelta(days=rng.randint(-200, 400))
                      if status == "filed" else None,
                      "publicized_on": today - dt.timedelta(days=rng.randint(1, 20))
                      if status == "publicized" else None})
        steps.append({"case_uuid": uuid, "step": "applied", "actor": "clerk",
                      "at": dt.datetime(year, 3, 1, 9, 0, tzinfo=dt.UTC), "note": "申请"})
        for r, relation in enumerate(RELATIONS[:2]):
            household.append({"case_uuid": uuid, "name": names[files + 2 * i + r], "relation": relation,
                              "id_number": make_id_number("110105", born + dt.timedelta(days=300 * (r + 1)),
                                                          (i + r) % 1000)})
        if status in ("filed", "relieved", "cancelled"):
            filed.append(uuid)
    first = dt.date(2017, 1, 1).toordinal()
    days = (dt.date(2025, 12, 31).toordinal() - first) + 1
    for n in range(count):
        day = dt.date.fromordinal(first + rng.randrange(days))
        paid.append({"case_uuid": filed[rng.randrange(len(filed))], "kind": rng.choice(kinds),
                     "amount_fen": rng.randint(100, 500_000), "paid_on": day, "method": rng.choice(methods),
                     "voucher_no": f"PZ{n:07d}", "approver": "王主席"})
    with store.transaction(actor, action="bench") as session:
        conn = session.connection()
        seq = next_sync_seq(conn)
        for model, rows in ((Member, members), (AidCase, cases), (AidCaseStep, steps),
                            (AidHouseholdMember, household), (AidPayment, paid)):
            bulk_insert(conn, model, rows, actor, sync_seq=seq)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {files:,} files ({len(household):,} household members), {count:,} payments in "
          f"{time.perf_counter() - started:.1f} s: {path}")
    return store


def first_page(store: Store, spec: RegistrySpec, flt: ListFilter, sort: ListSort = ListSort()) -> int:  # noqa: B008
    """What the tab's model reads for a view: the count, then the first page (each its own transaction)."""
    listing.read_count(store, spec, flt)
    return len(listing.read_page(store, spec, flt, sort))


def painted(app: QApplication, tab: AidTab) -> None:
    """The tab's list drawn now (a repaint of the table's viewport, events delivered)."""
    tab.table.viewport().repaint()
    app.processEvents()


def explain(store: Store, spec: RegistrySpec, flt: ListFilter, sort: ListSort = ListSort()) -> None:  # noqa: B008
    """The plan SQLite chose for the first page (printed with ``--explain``)."""
    with store.transaction() as session:
        stmt = listing._select(session, spec, flt).order_by(  # noqa: SLF001 - the very query timed
            *listing._order(spec, listing.sort_column(spec, sort), not sort.descending)).limit(201)  # noqa: SLF001
        sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql).fetchall()
    print(f"   plan of {spec.name} {flt} {sort}:")
    for row in plan:
        print(f"     {row[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--explain", action="store_true", help="print the query plans of the list's cases")
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/uniondesk-aid-list-{args.files}-{args.payments}.sqlite")
    store = build(path, args.files, args.payments)
    with store.transaction() as session:
        files = int(session.scalar(select(func.count()).select_from(AidCase)) or 0)
        paid = int(session.scalar(select(func.count()).select_from(AidPayment)) or 0)
        probe = session.execute(select(Member.name, Member.id_number).order_by(Member.uuid).limit(1)).one()
        case_no = session.scalar(select(AidCase.case_no).order_by(AidCase.uuid).offset(files // 2).limit(1))
    print(f"{files:,} files, {paid:,} payments")
    timings = Timings()

    # (a) the files' list as the tab's model reads it
    cases_views: tuple[tuple[str, ListFilter, ListSort], ...] = (
        ("by 档案编号", ListFilter(), ListSort()),
        ("by 状态", ListFilter(), ListSort("status")),
        ("by 档案编号 desc", ListFilter(), ListSort(descending=True)),
        (f"name {probe.name} typed", ListFilter(text=probe.name), ListSort()),
        ("surname typed (1 character)", ListFilter(text=probe.name[0]), ListSort()),
        ("ID number's last 4 typed", ListFilter(text=probe.id_number[-4:]), ListSort()),
        ("档案编号 prefix typed", ListFilter(text="KN0062020"), ListSort()),
        ("状态 在档", ListFilter(equals=(("status", "filed"),)), ListSort()),
        ("今年需复核", ListFilter(flags=(REVIEW_DUE,)), ListSort()),
        ("surname and 状态 在档", ListFilter(text=probe.name[0], equals=(("status", "filed"),)), ListSort()),
    )
    for label, flt, sort in cases_views:
        with store.transaction() as session:
            rows = listing.count(session, AID_CASES, flt)
        timings.timed(f"files: {label} ({rows:,})", args.runs,
                      functools.partial(first_page, store, AID_CASES, flt, sort), TARGET_MS)
        if args.explain:
            explain(store, AID_CASES, flt, sort)

    # (c) the payments' list
    payment_views: tuple[tuple[str, ListFilter, ListSort], ...] = (
        ("by 帮扶类型", ListFilter(), ListSort()),
        ("by 发放日期 desc", ListFilter(), ListSort("paid_on", descending=True)),
        ("档案编号 typed", ListFilter(text=case_no or ""), ListSort()),
        ("凭证号 part typed", ListFilter(text="PZ00123"), ListSort()),
        ("name typed", ListFilter(text=probe.name), ListSort()),
        ("帮扶类型 医疗救助", ListFilter(equals=(("kind", "医疗救助"),)), ListSort("paid_on", descending=True)),
    )
    for label, flt, sort in payment_views:
        with store.transaction() as session:
            rows = listing.count(session, AID_PAYMENTS, flt)
        timings.timed(f"payments: {label} ({rows:,})", args.runs,
                      functools.partial(first_page, store, AID_PAYMENTS, flt, sort), TARGET_MS)
        if args.explain:
            explain(store, AID_PAYMENTS, flt, sort)

    gui(store, timings, args.runs, probe.name, probe.id_number)
    print(timings.verdict())
    store.close()


def queue_file_by_file(store: Store, actor: Actor) -> list[workflow.QueueItem]:
    """待我审批 as it was read before its checkers and objections were read at once: the rule asked file by
    file, reading both for each (the comparison's other side)."""
    with store.transaction() as session:
        settings = aid_settings.read_in(session)
        day = aid_cases.today()
        rows = session.execute(select(AidCase, Member.name).join(Member, Member.uuid == AidCase.member_uuid).where(
            AidCase.deleted.is_(False), AidCase.status == "publicized", AidCase.office_code == actor.office_code)
            .order_by(AidCase.publicized_on, AidCase.case_no)).all()
        return [workflow.QueueItem(case.uuid, case.case_no, name, case.category, case.publicized_on,
                                   approval_from(case.publicized_on, settings.publicity_days))
                for case, name in rows if case.publicized_on is not None
                and workflow.refusal(session, actor, case, "filed", day, settings) is None]


def compare_queues(timings: Timings, runs: int, context: AppContext, opened: Callable[[], None],
                   closed: Callable[[], None]) -> None:
    """待我审批 read at once and file by file, alternating run by run (a shared machine's load falls on both
    alike): the queue alone, and the approver's tab opened until painted."""
    def queue() -> None:
        workflow.approval_queue(context.store, context.actor)

    cases = (("approval_queue", queue, None), ("GUI: tab opened, first page painted (审核人)", opened, closed))
    for label, run, before in cases:
        times: dict[str, list[float]] = {"at once": [], "file by file, as before": []}
        for n in range(runs + 1):
            for way, taken in times.items():
                with mock.patch.object(workflow, "approval_queue",
                                       queue_file_by_file if way != "at once" else workflow.approval_queue):
                    if before is not None:
                        before()
                    started = time.perf_counter()
                    run()
                    if n:  # the first round warms
                        taken.append((time.perf_counter() - started) * 1000)
        if before is not None:
            before()
        for way, taken in times.items():
            taken.sort()
            median = statistics.median(taken)
            p95 = taken[min(len(taken) - 1, int(len(taken) * 0.95))]
            print(f"{label + ' (' + way + ')':<52} n={runs:>3}  median {median:7.2f}  p95 {p95:7.2f}  "
                  f"max {taken[-1]:7.2f} ms")
            timings.results.append((f"{label} ({way})", median, None))


def gui(store: Store, timings: Timings, runs: int, name: str, id_number: str) -> None:
    """(b) the tab opened and painted; a filter changed, a search typed, until the list is painted again."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    runner = JobRunner()
    tabs: list[AidTab] = []
    for role, who in ((CLERK, "录入员"), (APPROVER, "审核人")):
        context = AppContext(store, Actor("bench", who, frozenset({role}), OFFICE[0]),
                             OfficeInfo(*OFFICE, "subdistrict"), runner)

        def opened(context: AppContext = context) -> None:
            tab = AidTab(context)
            tab.resize(1366, 700)
            tab.show()
            tab.refresh()
            painted(app, tab)
            tabs.append(tab)

        def closed() -> None:
            while tabs:
                tab = tabs.pop()
                tab.close()
                tab.deleteLater()
            app.processEvents()

        timings.timed(f"GUI: tab opened, first page painted ({who})", runs, opened, TARGET_MS, before=closed)
        closed()
        if role == APPROVER:  # the same beside the queue read as it was (two queries per file in 公示)
            compare_queues(timings, runs, context, opened, closed)
    tab = AidTab(AppContext(store, Actor("bench", "录入员", frozenset({CLERK}), OFFICE[0]),
                            OfficeInfo(*OFFICE, "subdistrict"), runner))
    tab.resize(1366, 700)
    tab.show()
    tab.refresh()
    painted(app, tab)
    filed = tab.status_filter.findData("filed")

    def status_changed() -> None:
        tab.status_filter.setCurrentIndex(filed if tab.status_filter.currentIndex() != filed else 0)
        painted(app, tab)

    timings.timed("GUI: 状态 filter changed, list painted", runs, status_changed, TARGET_MS)
    tab.status_filter.setCurrentIndex(0)
    words = iter([name, name[0], id_number[-4:]] * (runs + 1))

    def searched() -> None:
        tab.search.blockSignals(True)  # the typing delay (its timer) is not what is timed: its firing is
        tab.search.setText(next(words))
        tab.search.blockSignals(False)
        tab.apply_filters()
        painted(app, tab)

    timings.timed("GUI: search typed, list painted (after the delay)", runs, searched, TARGET_MS)
    assert tab.model.total() > 0
    tab.close()
    runner.cancel_all()


if __name__ == "__main__":
    main()
