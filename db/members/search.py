"""What a clerk types into the member search box, and the SQL that finds it (design §3, §6).

:func:`parse` reads the text into :class:`Term` s; :func:`condition` turns one term into a
:class:`Condition`; :mod:`db.members.listing` combines the conditions with the filters (AND), sorts and pages.

What the text means. Full-width digits and letters, spaces inside numbers and a lower-case ``x`` are
all accepted; several words separated by spaces must all match (``张 顺丰``).

=========================================  ============================================================
typed                                      finds
=========================================  ============================================================
nothing (or only spaces)                   every member
an ID number: 18 characters, or the old    the member with that ID number
15 digits
a mobile number: 11 digits from 1 (with    the member with that phone number (or that member number)
+86, spaces or hyphens)
4 or 6 digits, or 3 or 5 digits and X      ID numbers ending with them; also that member number
other digits                               that member number; member numbers starting with them (6+
                                           digits); ID numbers starting with them (7+ digits); phone
                                           numbers starting with them (7-10 digits from 1)
Latin letters                              pinyin initials starting with them (``zs`` → 张三, 周顺) or
                                           the full pinyin starting with them (``zhangs`` → 张三), any case
anything else (Chinese, mixed)             names or employers containing it (张, 小明, 顺丰, 王府井)
=========================================  ============================================================

A search of a masked list (every list in the window, for every role) finds ID numbers only by the whole
number or by their last 4 characters, which the mask shows: not by the last 6 nor the first 7+ (they would
confirm hidden birth-date digits; :func:`db.masking.id_run_searchable`); a phone number only whole.

How each is found:

* ID number, phone, member number: equality or prefix ranges on their ``(column, uuid)`` indexes; the last
  4 or 6 ID characters through the expression indexes on ``substr(id_number, 15)`` and ``substr(…, 13)``
  (so only 18-character numbers have such endings).
* Pinyin: prefix ranges on ``name_initials`` and ``name_pinyin``.
* 3 or more characters: on SQLite the FTS5 trigram index ``members_fts`` over name and employer (an
  external-content table on the members rowid, kept by triggers; see :func:`deferred_search_index`
  for bulk inserts); elsewhere, or where it is missing, ``LIKE '%…%'`` (a scan).
* 1 or 2 characters (the trigram index cannot, design §6): the name starting with them
  (``ix_members_name_uuid``), the name from its second character starting with them (``ix_members_name_from2``:
  小明 in 王小明), for one character also from the third (``ix_members_name_from3``), names longer than three
  characters that contain them (a small partial index, scanned), and employers containing them (the
  distinct employers are read by a loose index scan, then looked up by equality) — a UNION of index reads.
  A fragment in more than 500 employer names, or with Latin letters, is only tested row by row.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    SQLColumnExpression,
    and_,
    column,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from db.errors import ValidationError
from db.masking import id_run_searchable
from db.models import Member
from db.validation import normalize_id_number, parse_id_number, validate_mobile

FTS_TABLE = "members_fts"
FTS_INSERT_TRIGGER = "members_fts_insert"

# Term kinds
ID_NUMBER, PHONE, ID_TAIL, DIGITS, PINYIN, TEXT = "id_number", "phone", "id_tail", "digits", "pinyin", "text"

_ID18 = re.compile(r"[0-9]{17}[0-9X]")
_ID15 = re.compile(r"[0-9]{15}")
_ID_TAIL = re.compile(r"[0-9]{3}[0-9X]|[0-9]{5}[0-9X]")
_DIGITS = re.compile(r"[0-9]+")
_LETTERS = re.compile(r"[a-z]+")
_PHONE_LIKE = re.compile(r"[0-9+()\-\s]+")
Expr = SQLColumnExpression[Any]
_FTS_MIN = 3  # the trigram index finds substrings of 3+ characters
_LOOSE_SCANNABLE = frozenset({"employer", "base_union"})  # columns with a (column, uuid) index
_MAX_EMPLOYERS = 500  # a 2-character fragment in more employer names than this is looked for by walking


def is_search_index_table(name: str) -> bool:
    """True for the FTS5 table and its shadow tables, which lie outside the models' metadata."""
    return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")


# --- reading the text --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One word of the search text and what kind of thing it is (see the module docstring)."""

    kind: str
    value: str


def parse(raw: str) -> tuple[Term, ...]:
    """The terms of the search text; none for an empty text (every member)."""
    text_ = unicodedata.normalize("NFKC", raw).strip()  # full-width digits, letters and spaces → ASCII
    if not text_:
        return ()
    whole = _number(text_)
    if whole is not None:
        return (whole,)
    return tuple(_number(word) or _word(word) for word in text_.split())


def _number(text_: str) -> Term | None:
    """An ID number or mobile number, which may be typed with spaces (or hyphens) inside."""
    compact = normalize_id_number(text_)
    if _ID18.fullmatch(compact):
        return Term(ID_NUMBER, compact)
    if _ID15.fullmatch(compact):
        try:
            return Term(ID_NUMBER, parse_id_number(compact).number)  # stored widened to 18 characters
        except ValidationError:
            return None
    if _PHONE_LIKE.fullmatch(text_):
        try:
            return Term(PHONE, validate_mobile(text_))
        except ValidationError:
            return None
    return None


def _word(word: str) -> Term:
    upper = normalize_id_number(word)
    if _ID_TAIL.fullmatch(upper) and upper.endswith("X"):
        return Term(ID_TAIL, upper)
    if _DIGITS.fullmatch(word):
        return Term(DIGITS, word)
    if _LETTERS.fullmatch(word.lower()):
        return Term(PINYIN, word.lower())
    return Term(TEXT, word)


# --- turning a term into SQL -----------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """A test on member rows, written in forms that select the same rows (deleted or not).

    ``scan`` tests a row and on SQLite never leads the planner to an index (columns behind a unary
    ``+``): it is for walking the sort index. ``seek`` finds the rows through an index, or is None when no
    index can; ``probe`` selects them as cheaply as possible (index or FTS only), to count them;
    ``sample`` may select some twice but starts yielding at once, to estimate how many there are.
    ``hints`` maps a sort column to a range of it that every matching row lies in (a shorter walk).
    """

    scan: ColumnElement[bool]
    seek: ColumnElement[bool] | None = None
    probe: Select[Any] | None = None
    hints: Mapping[str, ColumnElement[bool]] = field(default_factory=dict)
    sample: Select[Any] | None = None

    def estimate_query(self) -> Select[Any] | None:
        return self.sample if self.sample is not None else self.probe

    @classmethod
    def indexed(cls, scan: ColumnElement[bool], seek: ColumnElement[bool],
                hints: Mapping[str, ColumnElement[bool]] | None = None) -> Condition:
        probe = select(literal(1)).select_from(Member.__table__).where(seek)
        return cls(scan, seek, probe, hints or {})


def unindexed(expr: Expr, dialect: str) -> Expr:
    """``+expr`` on SQLite: the same value, but the planner will not use an index for it."""
    if dialect != "sqlite":
        return expr
    return UnaryExpression(expr, operator=operators.custom_op("+"), type_=getattr(expr, "type", None))  # type: ignore[arg-type]


def column_in(column_: Expr, values: Sequence[str], dialect: str) -> Condition:
    """``column`` equal to one of ``values`` (a filter, an exact number)."""
    if len(values) == 1:
        return Condition.indexed(unindexed(column_, dialect) == values[0], column_ == values[0])
    return Condition.indexed(unindexed(column_, dialect).in_(values), column_.in_(values))


def _prefix(column_: Expr, prefix: str, dialect: str, start: int = 1) -> tuple[ColumnElement[bool], ...]:
    """(scan, seek) for "the column (from character ``start`` on) starts with ``prefix``": an index range
    on SQLite, ``LIKE 'p%'`` elsewhere (right in any collation, indexed in the C collation)."""
    def expr(col: Expr) -> Expr:
        return col if start == 1 else _substr(col, start)

    if dialect != "sqlite":
        like = expr(column_).like(f"{_escape(prefix)}%", escape="\\")
        return like, like
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    plain, indexed = expr(unindexed(column_, dialect)), expr(column_)
    return and_(plain >= prefix, plain < upper), and_(indexed >= prefix, indexed < upper)


def _substr(column_: Expr, start: int) -> Expr:
    # a literal, not a bound parameter: SQLite matches the query's expression to the index's text
    return func.substr(column_, literal_column(str(start)))


def _either(parts: Sequence[tuple[ColumnElement[bool], ...]]) -> Condition:
    scans, seeks = zip(*parts, strict=True)
    return Condition.indexed(or_(*scans), or_(*seeks))


def condition(session: Session, term: Term, *, full_ids: bool = False) -> Condition:
    """The SQL of one search term on the session's database; ``full_ids``: the user sees ID numbers in
    full, and may find them by any tail or beginning (else only what the mask shows)."""
    dialect = session.get_bind().dialect.name
    m = Member
    if term.kind == ID_NUMBER:
        return column_in(m.id_number, [term.value], dialect)
    if term.kind == PHONE:
        return _either([(unindexed(m.phone, dialect) == term.value, m.phone == term.value),
                        (unindexed(m.member_no, dialect) == term.value, m.member_no == term.value)])
    if term.kind == ID_TAIL:
        if not id_run_searchable(term.value, full_ids, "end"):
            return Condition.indexed(false(), false())  # nothing but ID numbers ends with a letter X
        return _either([_tail(term.value, dialect)])
    if term.kind == DIGITS:
        return _either(_digit_parts(term.value, dialect, full_ids))
    if term.kind == PINYIN:
        return _pinyin(term.value, dialect)
    if len(term.value) >= _FTS_MIN:
        return _contains(session, term.value, dialect)
    return _fragment(session, term.value, dialect)


def _tail(value: str, dialect: str) -> tuple[ColumnElement[bool], ...]:
    start = 19 - len(value)  # 15 for the last 4 characters, 13 for the last 6 (the expression indexes)
    return (_substr(unindexed(Member.id_number, dialect), start) == value,
            _substr(Member.id_number, start) == value)


def _digit_parts(digits: str, dialect: str, full_ids: bool) -> list[tuple[ColumnElement[bool], ...]]:
    m = Member
    if len(digits) >= 6:  # a member number or its beginning
        parts = [_prefix(m.member_no, digits, dialect)]
    else:
        parts = [(unindexed(m.member_no, dialect) == digits, m.member_no == digits)]
    if len(digits) in (4, 6) and id_run_searchable(digits, full_ids, "end"):
        parts.append(_tail(digits, dialect))
    if len(digits) >= 7 and id_run_searchable(digits, full_ids, "start"):
        parts.append(_prefix(m.id_number, digits, dialect))
    # a phone's beginning past the 3 digits its mask shows would confirm the hidden middle ones
    if full_ids and 7 <= len(digits) <= 10 and digits.startswith("1"):
        parts.append(_prefix(m.phone, digits, dialect))
    return parts


def _pinyin(letters: str, dialect: str) -> Condition:
    m = Member
    cond = _either([_prefix(m.name_initials, letters, dialect), _prefix(m.name_pinyin, letters, dialect)])
    # initials and pinyin both begin with the first syllable's first letter: a walk in name order (by
    # pinyin) can start at that letter instead of at "a"
    return Condition(cond.scan, cond.seek, cond.probe, {"name": _prefix(m.name_pinyin, letters[0], dialect)[1]})


def _like_any(value: str, dialect: str) -> ColumnElement[bool]:
    pattern = f"%{_escape(value)}%"
    if dialect == "sqlite":  # LIKE is case-insensitive (ASCII) there, like the trigram index
        return or_(Member.name.like(pattern, escape="\\"), Member.employer.like(pattern, escape="\\"))
    return or_(Member.name.ilike(pattern, escape="\\"), Member.employer.ilike(pattern, escape="\\"))


def _contains(session: Session, value: str, dialect: str) -> Condition:
    """Name or employer contains ``value`` (3+ characters): the trigram index on SQLite."""
    scan = _like_any(value, dialect)
    if dialect != "sqlite" or not has_search_index(session.connection()):
        return Condition(scan)
    phrase = '"' + value.replace('"', '""') + '"'  # FTS5 query syntax: one quoted phrase, taken literally
    match = literal_column(FTS_TABLE).op("MATCH")(phrase)
    rowids: Select[Any] = select(column("rowid")).select_from(table(FTS_TABLE)).where(match)
    probe: Select[Any] = select(literal(1)).select_from(table(FTS_TABLE)).where(match)
    return Condition(scan, literal_column("members.rowid").in_(rowids), probe)


def _fragment(session: Session, value: str, dialect: str) -> Condition:
    """Name or employer contains ``value`` (1 or 2 characters), through the indexes listed above."""
    scan = _like_any(value, dialect)
    if any(c.isascii() and c.isalpha() for c in value):
        return Condition(scan)  # LIKE ignores the case of Latin letters, index ranges do not
    m = Member
    employers = distinct_values(session, "employer", containing=value)
    if len(employers) > _MAX_EMPLOYERS:
        return Condition(scan)  # so common a fragment that walking the list finds it fastest
    # where the fragment can start in a name of up to three characters; longer names are few
    starts = (1, 2, 3) if len(value) == 1 else (1, 2)
    parts = [_prefix(m.name, value, dialect, start=start)[1] for start in starts]
    parts.append(and_(func.length(m.name) > literal_column("3"), m.name.like(f"%{_escape(value)}%", escape="\\")))
    if employers:
        parts.append(m.employer.in_(employers))
    return _any_of(scan, parts, dialect)


def _any_of(scan: ColumnElement[bool], parts: Sequence[ColumnElement[bool]], dialect: str) -> Condition:
    """Rows matching any of ``parts``, each part found through its own index (a UNION of them).

    ``OR`` does the same only when every part is an index range; the scan of the partial index of long
    names is not one, and SQLite then reads the whole table instead.
    """
    key: Any = literal_column("rowid") if dialect == "sqlite" else Member.uuid  # in every index
    table_ = Member.__table__
    selects = [select(key).select_from(table_).where(part).correlate(None) for part in parts]
    found = union(*selects)  # distinct: a name can match two ways, a member by name and by employer
    outer: Any = literal_column("members.rowid") if dialect == "sqlite" else Member.uuid
    probe = select(literal(1)).select_from(found.subquery())
    sample = select(literal(1)).select_from(union_all(*selects).subquery())  # streams, unlike UNION
    return Condition(scan, outer.in_(found), probe, sample=sample)


def distinct_values(session: Session, name: str, containing: str | None = None) -> list[str]:
    """The distinct values of an indexed member column (deleted rows included), in order, optionally only
    those containing a text: a loose index scan, one index seek per value, not one row per member."""
    if name not in _LOOSE_SCANNABLE:
        raise ValueError(f"no loose scan over members.{name}")
    op = "LIKE" if session.get_bind().dialect.name == "sqlite" else "ILIKE"
    where = f"WHERE value {op} :pattern ESCAPE '\\'" if containing is not None else "WHERE value IS NOT NULL"
    rows = session.execute(text(
        f"WITH RECURSIVE loose(value) AS ("
        f" SELECT min({name}) FROM members"
        f" UNION ALL"
        f" SELECT (SELECT min({name}) FROM members WHERE {name} > loose.value)"
        f" FROM loose WHERE loose.value IS NOT NULL)"
        f" SELECT value FROM loose {where}"
    ), {"pattern": f"%{_escape(containing or '')}%"})
    return [value for (value,) in rows]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- the FTS5 index --------------------------------------------------------------------------------


def has_search_index(conn: Connection) -> bool:
    """Whether this database has the trigram index (SQLite after migration 0002, not create_all)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)).first()
    return found is not None


@contextlib.contextmanager
def deferred_search_index(conn: Connection) -> Iterator[None]:
    """Around a bulk insert of members: index the new rows in one statement at the end, not row by row.

    The insert trigger costs 30-70 µs a row under ``executemany`` (each statement opens a statement
    journal and flushes the FTS5 buffer as a segment of its own): the 100k-member demo fill took 14 s
    instead of 7. One ``INSERT … SELECT`` of the new rows costs about 3 µs a row. The trigger is dropped
    and re-created inside the caller's transaction, so a rollback restores it. Only insert members inside
    the block: an update or delete of a row inserted there would reach the index before the row does.
    """
    trigger_sql = None
    if has_search_index(conn):
        trigger_sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (FTS_INSERT_TRIGGER,)).scalar()
    if trigger_sql is None:
        yield
        return
    last = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM members").scalar()
    conn.exec_driver_sql(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, name, employer) "
                             "SELECT rowid, name, employer FROM members WHERE rowid > ?", (last,))
        conn.exec_driver_sql(trigger_sql)
