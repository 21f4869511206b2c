"""获奖证书 at scale (issue 13): 1,000 certificates with signed QR codes at no less than 500 pages a second.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_certificates.py [--certificates 1000] [--runs 5]

The database (demo data, then awarded entries copied into one contest until there are ``--certificates``)
is built once in a temporary folder and reused while it exists. Each measurement runs in a fresh child process
timing the form's ``render`` call alone (modules imported, font registered, the office key created and the
database opened before the clock starts); medians of ``--runs`` runs are reported, with what a page's parts
cost on their own — signing, the QR matrix, the rest — to say which one bounds the rate.
"""

from __future__ import annotations

import argparse
import json
import os
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

CODE = "110101006"
ACTOR = Actor("bench", "基准", frozenset({ADMIN}), CODE)
TARGET_PAGES_PER_S = 500.0
LONG_CONTEST = "2026年东城区「爱家·敬老杯」养老护理员、家政服务员、育婴员职业技能大赛暨技术能手选拔赛"


def build(path: Path, certificates: int) -> None:
    if path.exists():
        return
    from sqlalchemy import func, insert, select, update

    from db.ids import new_uuid
    from db.models import Contest, ContestEntry

    store = Store.open(path, create=True)
    try:
        offices.initialize(store, CODE, "东四街道工会")
        fill_demo(store, members=300, seed=7)
        with store.engine.begin() as conn:
            awarded = ContestEntry.certificate_no.is_not(None)
            have = conn.scalar(select(func.count()).select_from(ContestEntry).where(awarded)) or 0
            model = conn.execute(select(ContestEntry.__table__).where(awarded).limit(1)).mappings().one()
            # the longest contest name of the measure: the QR code is the largest one prints
            conn.execute(update(Contest).where(Contest.uuid == model["contest_uuid"]).values(name=LONG_CONTEST))
            seq = conn.scalar(select(func.max(ContestEntry.sync_seq))) or 0
            rows = [{**model, "uuid": new_uuid(), "entry_no": f"B{k:05d}", "certificate_no": f"BENCH-{k:05d}",
                     "name": ("欧阳娜娜", "王芳", "李建国")[k % 3], "sync_seq": seq + 1 + k}
                    for k in range(certificates - have)]
            if rows:
                conn.execute(insert(ContestEntry.__table__), rows)
    finally:
        store.close()


def child(db: Path, out: Path) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    from db.contests import certificates
    from db.sync import keys
    from desktop.documents.pdf import certificate, fonts, qr

    fonts.register()
    store = Store.open(db)
    try:
        own = keys.load_or_create(CODE)
        started = time.perf_counter()
        pages = certificate.render(store, ACTOR, out)
        seconds = time.perf_counter() - started
        chosen = certificates.printable(store)
    finally:
        store.close()
    started = time.perf_counter()
    texts = [certificates.sign(facts, own) for facts in chosen]
    signing = time.perf_counter() - started
    encoder = qr.QrEncoder()
    started = time.perf_counter()
    for text in texts:
        encoder.matrix(text)
    matrices = time.perf_counter() - started
    return {"seconds": seconds, "pages": pages, "bytes": out.stat().st_size, "signing": signing, "qr": matrices,
            "longest": max(len(t) for t in texts)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"uniondesk-bench-certificates-{args.certificates}"
    db = args.db or folder / "bench.sqlite"
    if args.child:
        print(json.dumps(child(db, args.out)))
        return 0
    folder.mkdir(exist_ok=True)
    env = {**os.environ, "UNIONDESK_HOME": str(folder / "home")}  # the office key lives beside the database
    build(db, args.certificates)
    results = []
    for run in range(args.runs):
        out = folder / f"certificates-{run}.pdf"
        done = subprocess.run([sys.executable, __file__, "--child", "--db", str(db), "--out", str(out)],
                              capture_output=True, text=True, check=True, env=env)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in results)
    pages = results[0]["pages"]
    rate = pages / seconds
    per_page = seconds / pages * 1000
    signing = statistics.median(r["signing"] for r in results) / pages * 1000
    matrices = statistics.median(r["qr"] for r in results) / pages * 1000
    print(f"certificates: {pages:.0f} pages, {results[0]['bytes'] / 1e6:.1f} MB, median {seconds:.2f} s = "
          f"{rate:,.0f} pages/s (target ≥ {TARGET_PAGES_PER_S:,.0f}) {'OK' if rate >= TARGET_PAGES_PER_S else 'SLOW'}")
    print(f"a page: {per_page:.2f} ms — signing {signing:.2f} ms, QR matrix {matrices:.2f} ms "
          f"(longest text {results[0]['longest']:.0f} characters), the rest {per_page - signing - matrices:.2f} ms")
    return 0 if rate >= TARGET_PAGES_PER_S else 1


if __name__ == "__main__":
    sys.exit(main())
