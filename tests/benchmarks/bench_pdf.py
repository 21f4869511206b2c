"""Printed forms at scale (design §6): how long a clerk waits for a PDF.

Targets:

* 会员花名册 of 10,000 members: at most 5 s (reading, layout, writing the file);
* one 入会申请登记表 in a fresh process: at most 200 ms, the first load of the CJK font included;
* 会员证 (if ``desktop/documents/pdf/member_cards.py`` exists): at least 1,000 cards a second.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_pdf.py [--members 10000] [--db PATH] [--runs 5]

The database (demo data, one sub-district) is built once with ``fill_demo`` and reused while the file exists.
Every measurement runs in a fresh child process (so the member form really loads the font for the first
time), timing the form's ``render`` call alone: the modules are imported and the database opened before the
clock starts. Medians of ``--runs`` runs are reported.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices  # noqa: E402
from db.auth import ADMIN, Actor  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.store import Store  # noqa: E402

ACTOR = Actor("bench", "基准", frozenset({ADMIN}), "110101006")
ROSTER_TARGET_S = 5.0
FORM_TARGET_S = 0.2
CARDS_TARGET_PER_S = 1000.0


def build(path: Path, members: int) -> None:
    if path.exists():
        return
    store = Store.open(path, create=True)
    try:
        offices.initialize(store, "110101006", "东四街道工会")
        started = time.perf_counter()
        fill_demo(store, members=members, seed=7)
        print(f"built {members:,} members in {time.perf_counter() - started:.1f} s: {path}")
    finally:
        store.close()


def child(kind: str, db: Path, out: Path) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    from sqlalchemy import select

    from db.models import Member
    from desktop.documents.pdf.forms import FORMS

    imported = importlib.import_module(f"desktop.documents.pdf.{FORMS[kind].module}")
    store = Store.open(db)
    try:
        with store.transaction() as session:
            first = session.scalar(select(Member.uuid).where(Member.deleted.is_(False)).order_by(Member.member_no))
        uuids = [first] if kind == "member-form" else None
        started = time.perf_counter()
        pages = imported.render(store, ACTOR, out, uuids=uuids)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    return {"seconds": seconds, "pages": pages, "bytes": out.stat().st_size}


def measure(kind: str, db: Path, runs: int) -> list[dict[str, float]]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            out = Path(folder) / f"{kind}-{run}.pdf"
            done = subprocess.run([sys.executable, __file__, "--child", kind, "--db", str(db), "--out", str(out)],
                                  capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"uniondesk-bench-pdf-{args.members}.sqlite"
    if args.child:
        print(json.dumps(child(args.child, db, args.out)))
        return 0
    build(db, args.members)
    store = Store.open(db)
    with store.transaction() as session:
        from sqlalchemy import func, select

        from db.models import Member

        members = int(session.scalar(select(func.count()).select_from(Member).where(Member.deleted.is_(False))) or 0)
    store.close()

    failed = False
    roster = measure("roster", db, args.runs)
    seconds = statistics.median(r["seconds"] for r in roster)
    failed |= seconds > ROSTER_TARGET_S
    print(f"roster of {members:,} members: {roster[0]['pages']:.0f} pages, {roster[0]['bytes'] / 1e6:.1f} MB, "
          f"median {seconds:.2f} s (target ≤ {ROSTER_TARGET_S:.0f} s) {'OK' if seconds <= ROSTER_TARGET_S else 'SLOW'}")

    form = measure("member-form", db, args.runs)
    seconds = statistics.median(r["seconds"] for r in form)
    failed |= seconds > FORM_TARGET_S
    print(f"one member form, fresh process (font load included): median {seconds * 1000:.0f} ms "
          f"(target ≤ {FORM_TARGET_S * 1000:.0f} ms) {'OK' if seconds <= FORM_TARGET_S else 'SLOW'}")

    if importlib.util.find_spec("desktop.documents.pdf.member_cards") is not None:
        cards = measure("member-cards", db, args.runs)
        seconds = statistics.median(r["seconds"] for r in cards)
        rate = members / seconds
        failed |= rate < CARDS_TARGET_PER_S
        print(f"member cards of {members:,} members: {cards[0]['pages']:.0f} pages, median {seconds:.2f} s = "
              f"{rate:,.0f} cards/s (target ≥ {CARDS_TARGET_PER_S:,.0f}) "
              f"{'OK' if rate >= CARDS_TARGET_PER_S else 'SLOW'}")
    else:
        print("member cards: desktop/documents/pdf/member_cards.py not there yet, not measured")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
