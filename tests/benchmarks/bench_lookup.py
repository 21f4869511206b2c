"""Member lookups at scale through the member list: by ID number and by pinyin-initials prefix (first page of 200).

Target at 1,000,000 members: ≤ 50 ms for the member list's first page of these searches (issue 3: the page comes
in the list's sort order, member number by default, so the matches are sorted or the sort index walked).
Run on demand:

    .venv/bin/python tests/benchmarks/bench_lookup.py --members 1000000 [--db PATH]

tests/benchmarks/bench_member_list.py measures every other search, sort, page and count. The database is the
one bench_member_list builds (a district of ``fill_demo`` data), built here too when the file does not exist.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_member_list import build, timed  # noqa: E402
from sqlalchemy import func, literal_column, select  # noqa: E402

from db.members import listing as member_list  # noqa: E402
from db.members.listing import MemberFilter, MemberSort  # noqa: E402
from db.models import Member  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--probes", type=int, default=1000)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/uniondesk-member-list-{args.members}.sqlite")
    store = build(path, args.members)
    rng = random.Random(3)
    with store.transaction() as session:
        total = int(session.scalar(select(func.count()).select_from(Member)) or 0)
        rowids = [rng.randrange(1, total + 1) for _ in range(args.probes)]
        sample = session.execute(select(Member.id_number, Member.name_initials)
                                 .where(literal_column("rowid").in_(rowids))).all()
    print(f"database {path} with {total:,} members; {len(sample)} probes")
    ids = [row.id_number for row in sample]
    prefixes = [row.name_initials[: rng.choice((1, 2, 3))] for row in sample]

    def lookup(text: str) -> int:
        with store.transaction() as session:
            return len(member_list.page(session, MemberFilter(text=text), MemberSort()).rows)

    lookup("z")  # the first query of a session reads the schema
    timed("list page: ID number", ids, lookup, 5)
    timed("list page: initials prefix (200)", prefixes, lookup, 50)
    store.close()


if __name__ == "__main__":
    main()
