"""What every stage of the demo fill shares: the context it runs in, weighted pools and the offices.

:class:`DemoContext` carries the connection, the one ``random.Random`` everything is drawn from, the
audit stamp and the bookkeeping that keeps ID numbers and phone numbers unique across registries.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.auth import Actor, system_actor
from db.bulk import bulk_insert
from db.demo import pools
from db.models import Office, RegistryRow
from db.offices import this_office
from db.registry import table_label
from db.validation import make_id_number
from db.writes import next_sync_seq

Progress = Callable[[str, int, int], None]

AUDIT_ACTION = "demo"



class Draw:
    """A weighted pool drawn from with cumulative weights, the fastest form for ``random.choices``."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum = list(accumulate(weight for _, weight in pairs))

    def many(self, rng: random.Random, k: int) -> list[Any]:
        return rng.choices(self.values, cum_weights=self.cum, k=k)

    def one(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


SURNAMES = Draw(pools.SURNAMES)
REGIONS = Draw(pools.REGIONS)


class OfficeInfo(NamedTuple):
    """An office records are spread over, with what the generator prints of it."""

    code: str
    name: str
    suffix: str  # short code in member, case and voucher numbers
    union: str  # the sub-district's 联合工会, where workers without a union at work join

    @classmethod
    def of(cls, office: Office) -> OfficeInfo:
        short = office.name.removesuffix("工会")
        return cls(office.code, office.name, office.code[-3:], f"{short}联合工会")


@dataclass
class DemoContext:
    """What every stage shares: the connection, the random source, the stamp and the bookkeeping."""

    conn: Connection
    rng: random.Random
    actor: Actor
    sync_seq: int
    today: dt.date
    own: OfficeInfo
    offices: list[OfficeInfo]  # where registry records go: the sub-districts of a district, or own
    is_district: bool
    progress: Progress | None = None
    counts: dict[str, int] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)
    used_phones: set[str] = field(default_factory=set)
    pinyin: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (pinyin, initials)

    def insert(self, model: type[RegistryRow], rows: list[dict[str, Any]]) -> None:
        name = model.__tablename__  # type: ignore[attr-defined]
        self.report(f"写入{table_label(name)}", 0, len(rows))
        self.counts[name] = self.counts.get(name, 0) + bulk_insert(
            self.conn, model, rows, self.actor, sync_seq=self.sync_seq, audit_action=AUDIT_ACTION)
        self.report(f"写入{table_label(name)}", len(rows), len(rows))

    def report(self, label: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(label, done, total)

    def id_number(self, region: str, birth: dt.date, male: bool) -> str:
        """A valid ID number no one else in the demo has (same region, day and sequence is rare)."""
        sequence = int(self.rng.random() * 500) * 2 + male
        number = make_id_number(region, birth, sequence)
        while number in self.used_ids:
            sequence = (sequence + 2) % 1000
            number = make_id_number(region, birth, sequence)
        self.used_ids.add(number)
        return number

    def phone(self) -> str:
        prefixes, rnd = pools.MOBILE_PREFIXES, self.rng.random
        number = f"{prefixes[int(rnd() * len(prefixes))]}{int(rnd() * 100_000_000):08d}"
        while number in self.used_phones:
            number = f"{prefixes[int(rnd() * len(prefixes))]}{int(rnd() * 100_000_000):08d}"
        self.used_phones.add(number)
        return number

    def person_name(self, male: bool, surname: str | None = None) -> str:
        given = pools.MALE_GIVEN if male else pools.FEMALE_GIVEN
        return (surname or SURNAMES.one(self.rng)) + given[int(self.rng.random() * len(given))]

    def day_between(self, first: int, last: int) -> int:
        """A day ordinal in [first, last] (first when the range is empty)."""
        return first + int(self.rng.random() * (last - first + 1)) if last > first else first


def open_context(conn: Connection, rng: random.Random, progress: Progress | None, today: dt.date) -> DemoContext:
    """The context of a fill in ``conn``: records go to this office, or to its sub-districts if it has any."""
    with Session(bind=conn) as session:
        office = this_office(session)
        subs = session.scalars(select(Office).where(Office.parent_code == office.code)
                               .order_by(Office.code)).all()
        own = OfficeInfo.of(office)
        is_district = office.level == "district"
        offices = [OfficeInfo.of(o) for o in subs] if is_district and subs else [own]
    return DemoContext(conn, rng, system_actor(own.code, "demo"), next_sync_seq(conn), today, own, offices,
                       is_district, progress)
