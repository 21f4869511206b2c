"""Tests of the demo data generator (db.demo) and of the bulk insert path it runs on (db.bulk).

One sub-district and one district database are filled once per module (2,000 members each) and then
checked table by table: the values must pass the same checks a clerk's input passes, the contest results
must follow the ranking rule, and the fill must be one all-or-nothing, audited write.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

import db.demo
from db.auth import system_actor, verify_password
from db.bulk import bulk_insert
from db.contests.cases import avoided_judges, judge_units
from db.contests.results import results_in
from db.demo import DEMO_PASSWORD, fill_demo
from db.demo.pools import POVERTY_LINE_FEN
from db.errors import ValidationError
from db.models import (
    REGISTRY_MODELS,
    AidCase,
    AuditEntry,
    Contest,
    ContestEntry,
    JudgeScore,
    Member,
    Office,
    User,
)
from db.offices import initialize
from db.pinyin import pinyin_columns
from db.stations.rules import month_log_uuid
from db.store import Store
from db.users import create_user
from db.validation import parse_id_number, validate_credit_code, validate_mobile

TODAY = dt.date(2025, 11, 20)
MEMBERS = 2_000
SUB_CODE, SUB_NAME = "110101006", "东四街道工会"
DISTRICT_CODE, DISTRICT_NAME = "110101", "东城区总工会"


def new_store(path: Path, level: str = "subdistrict") -> Store:
    store = Store.open(path, create=True)
    if level == "district":
        initialize(store, DISTRICT_CODE, DISTRICT_NAME, "district")
    else:
        initialize(store, SUB_CODE, SUB_NAME)
    return store


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int], list[tuple]]]:
    store = new_store(tmp_path_factory.mktemp("sub") / "demo.sqlite")
    calls: list[tuple] = []
    counts = fill_demo(store, MEMBERS, seed=7, progress=lambda *args: calls.append(args), today=TODAY)
    yield store, counts, calls
    store.close()


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    store = new_store(tmp_path_factory.mktemp("district") / "demo.sqlite", "district")
    counts = fill_demo(store, MEMBERS, seed=7, today=TODAY)
    yield store, counts
    store.close()


def rows(store: Store, sql: str, **params: Any) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(text(sql), params).all())


def scalar(store: Store, sql: str) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


# --- counts, stamps, audit -----------------------------------------------------------------------


def test_every_registry_table_has_plausible_counts(filled: tuple[Store, dict[str, int], list]) -> None:
    store, counts, _ = filled
    for model in REGISTRY_MODELS:
        table = model.__tablename__
        assert counts[table] > 0, table
        assert scalar(store, f"SELECT count(*) FROM {table}") == counts[table], table
    assert counts["members"] == MEMBERS
    assert MEMBERS <= counts["member_events"] <= MEMBERS * 1.1
    assert counts["stations"] == 20
    assert counts["station_services"] >= 8 * 20
    assert counts["contests"] == 6
    assert 2 * counts["contest_entries"] <= counts["judge_scores"] < 5 * counts["contest_entries"]  # 回避, partly
    assert 40 * 6 <= counts["contest_entries"] <= 150 * 6
    assert counts["aid_cases"] == pytest.approx(MEMBERS * 0.01, abs=2)
    assert counts["honours"] == pytest.approx(MEMBERS * 0.015, abs=2)
    assert counts["users"] == 3


def test_every_row_is_stamped_once_with_one_sync_seq(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    seqs = set()
    for model in REGISTRY_MODELS:
        stamps = rows(store, f"SELECT DISTINCT rev, deleted, updated_by, sync_seq FROM {model.__tablename__}")
        assert [s[:3] for s in stamps] == [(1, 0, "demo")], model.__tablename__
        seqs.add(stamps[0][3])
    assert len(seqs) == 1 and None not in seqs
    assert scalar(store, "SELECT value FROM counters WHERE name = 'sync_seq'") == seqs.pop()


def test_audit_trail_has_one_bulk_entry_per_table_and_check_passes(
        filled: tuple[Store, dict[str, int], list]) -> None:
    store, counts, _ = filled
    entries = rows(store, "SELECT table_name, row_uuid, changes FROM audit_entries WHERE action = 'demo'")
    bulk = {table: json.loads(changes) for table, row_uuid, changes in entries if row_uuid is None}
    assert bulk == {m.__tablename__: {"rows": counts[m.__tablename__]} for m in REGISTRY_MODELS}
    users = [json.loads(changes) for table, row_uuid, changes in entries if table == "users"]
    assert len(users) == 3 and all("password_hash" not in u for u in users)
    assert store.check() == []


def test_progress_reports_every_stage(filled: tuple[Store, dict[str, int], list]) -> None:
    _, _, calls = filled
    labels = {label for label, _, _ in calls}
    assert {"生成会员", "写入会员", "写入暖心驿站", "生成技能竞赛", "写入困难职工档案"} <= labels
    assert ("生成会员", MEMBERS, MEMBERS) in calls
    assert all(0 <= done <= total for _, done, total in calls)


def test_demo_users_can_log_in(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    with store.transaction() as session:
        users = {u.username: u for u in session.scalars(select(User))}
    assert {name: (u.display_name, u.roles) for name, u in users.items()} == {
        "admin": ("管理员", "admin"), "clerk": ("录入员", "clerk"), "approver": ("审核人", "approver")}
    assert all(verify_password(DEMO_PASSWORD, u.password_hash) for u in users.values())
    assert all(u.active and u.office_code == SUB_CODE for u in users.values())


def test_existing_usernames_are_kept(tmp_path: Path) -> None:
    store = new_store(tmp_path / "users.sqlite")
    create_user(store, system_actor(SUB_CODE), "admin", "张主任", "secret99", frozenset({"admin"}))
    counts = fill_demo(store, 10, seed=1, today=TODAY)
    assert counts["users"] == 2
    with store.transaction() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        assert admin.display_name == "张主任" and verify_password("secret99", admin.password_hash)
        assert session.scalar(select(func.count()).select_from(User)) == 3
    store.close()


def test_a_second_fill_is_refused_and_changes_nothing(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    before = scalar(store, "SELECT count(*) FROM audit_entries")
    with pytest.raises(ValidationError):
        fill_demo(store, 10, seed=8, today=TODAY)
    assert scalar(store, "SELECT count(*) FROM members") == MEMBERS
    assert scalar(store, "SELECT count(*) FROM audit_entries") == before


# --- members -------------------------------------------------------------------------------------


def test_member_identities_are_valid_and_consistent(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    members = rows(store, "SELECT id_number, birth_date, gender, phone, joined_on, consent_on FROM members")
    for id_number, birth, gender, phone, joined, consent in members:
        info = parse_id_number(id_number, today=TODAY)
        assert (info.birth_date.isoformat(), info.gender) == (birth, gender)
        assert validate_mobile(phone) == phone and phone[:2] in ("13", "15", "17", "18", "19")
        joined_on = dt.date.fromisoformat(joined)
        assert (joined_on - info.birth_date).days >= 18 * 365 + 4 and joined_on <= TODAY
        assert consent is None or joined <= consent <= TODAY.isoformat()
    assert len({m[0] for m in members}) == len({m[3] for m in members}) == MEMBERS


def test_all_id_numbers_are_valid_and_unique_across_registries(
        filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    household = rows(store, "SELECT id_number, birth_date, gender FROM aid_household_members")
    outsiders = rows(store, "SELECT id_number FROM contest_entries WHERE member_uuid IS NULL")
    for id_number, birth, gender in household:
        info = parse_id_number(id_number, today=TODAY)
        assert (info.birth_date.isoformat(), info.gender) == (birth, gender)
    for (id_number,) in outsiders:
        parse_id_number(id_number, today=TODAY)
    members = [r[0] for r in rows(store, "SELECT id_number FROM members")]
    everyone = members + [h[0] for h in household] + [o[0] for o in outsiders]
    assert len(set(everyone)) == len(everyone)
    assert len(outsiders) >= 6 * 2


def test_member_numbers_unique_and_names_spelled(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    members = rows(store, "SELECT member_no, card_no, name, name_pinyin, name_initials FROM members")
    assert len({m[0] for m in members}) == len({m[1] for m in members}) == MEMBERS
    assert all((m[3], m[4]) == pinyin_columns(m[2]) for m in members)
    surnames = Counter(m[2][:1] for m in members)
    assert len(surnames) > 60 and surnames.most_common(1)[0][0] in "王李张"


def test_employers_and_employment_forms_are_consistent(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    for (code,) in rows(store, "SELECT DISTINCT employer_credit_code FROM members"):
        assert validate_credit_code(code) == code
    codes = rows(store, "SELECT employer, count(DISTINCT employer_credit_code) FROM members "
                        "GROUP BY employer")
    assert all(n == 1 for _, n in codes) and len(codes) > 20
    forms = dict(rows(store, "SELECT employment_form, count(*) FROM members GROUP BY employment_form"))
    assert 0.33 < 1 - forms["标准就业"] / MEMBERS < 0.47
    mismatched = scalar(store, "SELECT count(*) FROM members WHERE employment_form != '标准就业' "
                               "AND employment_form != '其他' AND employment_form != occupation "
                               "AND occupation NOT IN ('育婴员', '养老护理员')")
    assert mismatched == 0
    assert scalar(store, "SELECT count(*) FROM members WHERE employer LIKE '%三快%' "
                         "AND occupation = '外卖送餐员'") > 0


def test_statuses_and_their_events(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    statuses = dict(rows(store, "SELECT status, count(*) FROM members GROUP BY status"))
    assert statuses["active"] > 0.9 * MEMBERS and statuses["transferred_out"] > 0.01 * MEMBERS
    assert scalar(store, "SELECT count(*) FROM member_events WHERE kind = 'join'") == MEMBERS
    exits = rows(store, "SELECT m.status, e.to_status, e.on_date >= m.joined_on, e.reason IS NOT NULL "
                        "FROM member_events e JOIN members m ON m.uuid = e.member_uuid "
                        "WHERE e.kind != 'join'")
    assert len(exits) == MEMBERS - statuses["active"]
    assert all(status == to and after and reason for status, to, after, reason in exits)


# --- stations, contests, aid -------------------------------------------------------------------------


def test_station_logs_add_up_and_codes_are_unique(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    bad = scalar(store, "SELECT count(*) FROM station_logs WHERE visits_total != visits_courier "
                        "+ visits_rider + visits_sanitation + visits_driver + visits_other")
    assert bad == 0
    codes = [r[0] for r in rows(store, "SELECT code FROM stations")]
    assert len(set(codes)) == 20 and all(c.startswith(f"NX-{SUB_CODE}-") for c in codes)
    assert scalar(store, "SELECT min(latitude) >= 39.90 AND max(longitude) <= 116.44 FROM stations") == 1
    per_station = rows(store, "SELECT count(*) FROM station_services GROUP BY station_uuid")
    assert all(n >= 8 for (n,) in per_station)


def test_contest_results_follow_the_rules(filled: tuple[Store, dict[str, int], list]) -> None:
    """Published contests hold what publishing would compute from their judges' scores (the contest's rule,
    回避 included); the one in progress has its scores partly entered and no results yet."""
    store, _, _ = filled
    with store.transaction() as session:
        contests = session.scalars(select(Contest).order_by(Contest.starts_on)).all()
        assert [c.status for c in contests] == ["finished"] * 5 + ["running"]
        for contest in contests:
            entries = {e.uuid: e for e in session.scalars(
                select(ContestEntry).where(ContestEntry.contest_uuid == contest.uuid))}
            found, _ = results_in(session, contest)
            assert avoidance_in(session, contest.uuid, entries), contest.name
            for placed in found.placed:
                e = entries[placed.key]
                assert (e.practical_score, e.total_score) == (placed.practical, placed.total)
                if contest.published_at is not None:
                    assert (e.rank, e.award, e.title) == (placed.rank, placed.award, placed.title)
                    assert (e.certificate_no is not None) == (e.award is not None)
                else:
                    assert (e.rank, e.award, e.certificate_no) == (None, None, None)
            if contest.published_at is None:
                assert 0 < sum(p.practical is None for p in found.placed) < len(entries)
            else:
                assert not found.needs_draw and all(p.rank for p in found.placed)
                assert [p.award for p in found.placed[:3]].count("一等奖") >= 1


def avoidance_in(session: Any, contest_uuid: str, entries: dict[str, Any]) -> bool:
    """Whether a judge of the contest avoids (回避) an entrant, and that judge scored none of them."""
    judges = judge_units(session, contest_uuid)
    avoided = {uuid: avoided_judges(judges, e.employer, e.team) for uuid, e in entries.items()}
    scored = set(session.execute(select(JudgeScore.entry_uuid, JudgeScore.judge_no).where(
        JudgeScore.entry_uuid.in_(list(entries)))).all())
    return any(avoided.values()) and all((uuid, n) not in scored for uuid, ns in avoided.items() for n in ns)


def test_certificate_numbers_unique(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    numbers = [r[0] for r in rows(store, "SELECT certificate_no FROM contest_entries "
                                         "WHERE certificate_no IS NOT NULL")]
    assert len(numbers) > 6 * 10 and len(set(numbers)) == len(numbers)
    assert all(n.startswith("DCJS20") for n in numbers)


def test_one_aid_case_per_member_and_workflow_roles(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    assert scalar(store, "SELECT count(*) FROM (SELECT member_uuid FROM aid_cases GROUP BY member_uuid "
                         "HAVING count(*) > 1)") == 0
    assert scalar(store, "SELECT count(DISTINCT case_no) = count(*) FROM aid_cases") == 1
    steps = rows(store, "SELECT step, actor FROM aid_case_steps")
    roles = {step: {actor for s, actor in steps if s == step} for step, _ in steps}
    assert roles["applied"] == {"clerk"} and roles["filed"] == {"approver"}
    assert roles.get("relieved", {"clerk"}) == {"clerk"}  # closing is a clerk's step (db/aid/rules.TRANSITIONS)
    # the rules of db/aid/workflow hold: the signed papers before 入户核查, 审批 after the 7 days of 公示
    assert scalar(store, "SELECT count(*) FROM aid_case_steps s WHERE s.step = 'verified' AND (SELECT count(*) "
                         "FROM aid_case_documents d WHERE d.case_uuid = s.case_uuid AND d.received_on <= s.on_date "
                         "AND d.name IN ('申请书', '家庭经济状况核对授权委托书')) != 2") == 0
    assert scalar(store, "SELECT count(*) FROM aid_cases c JOIN aid_case_steps s ON s.case_uuid = c.uuid "
                         "AND s.step = 'filed' WHERE julianday(s.on_date) - julianday(c.publicized_on) < 7") == 0
    assert scalar(store, "SELECT count(*) FROM aid_cases WHERE (status IN ('relieved', 'cancelled')) "
                         "!= (closed_on IS NOT NULL)") == 0
    assert scalar(store, "SELECT count(*) FROM aid_cases WHERE filed_by != 'clerk'") == 0
    # every file has exactly the steps up to its status
    workflow = ["applied", "verified", "reviewed", "publicized", "filed"]
    per_case = rows(store, "SELECT c.status, group_concat(s.step) FROM aid_cases c "
                           "JOIN aid_case_steps s ON s.case_uuid = c.uuid GROUP BY c.uuid")
    for status, done in per_case:
        reached = workflow + [status] if status in ("relieved", "cancelled") \
            else workflow[: workflow.index(status) + 1]
        assert sorted(done.split(",")) == sorted(reached)
    assert "filed" in {status for status, _ in per_case}


def test_aid_incomes_and_payments_are_consistent(filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    bands = {"深度困难": (0, 1.0), "相对困难": (1.0, 2.0), "意外致困": (0, 3)}
    with store.transaction() as session:
        for case in session.scalars(select(AidCase)):
            low, high = bands[case.category]
            assert low * POVERTY_LINE_FEN <= case.monthly_income_per_capita_fen < high * POVERTY_LINE_FEN
    sums = rows(store, "SELECT c.household_income_fen, c.monthly_income_fen, "
                       "coalesce(sum(h.monthly_income_fen), 0), c.household_size, count(h.uuid) "
                       "FROM aid_cases c LEFT JOIN aid_household_members h ON h.case_uuid = c.uuid "
                       "GROUP BY c.uuid")
    for household, own, others, size, listed in sums:
        assert household == 12 * (own + others) and size == listed + 1 and 1 <= size <= 5
    by_hand = "p.uuid NOT IN (SELECT payment_uuid FROM festival_visits WHERE payment_uuid IS NOT NULL)"
    payments = rows(store, "SELECT p.amount_fen, p.approver, p.paid_on >= date(s.at) FROM aid_payments p "
                           "JOIN aid_case_steps s ON s.case_uuid = p.case_uuid AND s.step = 'filed' WHERE " + by_hand)
    assert payments
    assert all(50_000 <= a <= 500_000 and who == "approver" and after for a, who, after in payments)
    per_case = rows(store, f"SELECT count(*) FROM aid_payments p WHERE {by_hand} GROUP BY case_uuid")
    assert all(2 <= n <= 6 for (n,) in per_case)
    assert scalar(store, "SELECT count(*) FROM festival_visits WHERE case_uuid IS NOT NULL") > 0
    # a 慰问金 to a file is also its 送温暖慰问 payment (as db.aid.campaigns writes it), a gift is not
    visits = rows(store, "SELECT v.amount_fen, v.visited_on, p.kind, p.amount_fen, p.paid_on, "
                         "p.case_uuid = v.case_uuid FROM festival_visits v "
                         "LEFT JOIN aid_payments p ON p.uuid = v.payment_uuid WHERE v.case_uuid IS NOT NULL")
    assert any(cash for cash, *_ in visits) and any(not cash for cash, *_ in visits)
    assert all((kind, paid, on, same) == ("送温暖慰问", cash, day, 1) if cash else kind is None
               for cash, day, kind, paid, on, same in visits)


# --- determinism, district mode, failure ------------------------------------------------------------


def test_same_seed_same_data(tmp_path: Path) -> None:
    names = []
    for run, seed in enumerate((3, 3, 4)):
        store = new_store(tmp_path / f"{run}.sqlite")
        fill_demo(store, 300, seed=seed, today=TODAY)
        names.append(rows(store, "SELECT name, id_number, phone FROM members ORDER BY member_no"))
        store.close()
    assert names[0] == names[1]
    assert names[0] != names[2]


def test_district_spreads_records_over_its_sub_districts(district: tuple[Store, dict[str, int]]) -> None:
    store, counts = district
    subs = {r[0] for r in rows(store, "SELECT code FROM offices WHERE parent_code = :c", c=DISTRICT_CODE)}
    per_office = dict(rows(store, "SELECT office_code, count(*) FROM members GROUP BY office_code"))
    assert len(per_office) >= 10 and set(per_office) <= subs
    assert len({r[0] for r in rows(store, "SELECT office_code FROM stations")}) >= 10
    assert {r[0] for r in rows(store, "SELECT DISTINCT office_code FROM contests")} == {DISTRICT_CODE}
    case_offices = rows(store, "SELECT c.office_code = m.office_code FROM aid_cases c "
                               "JOIN members m ON m.uuid = c.member_uuid")
    assert all(same for (same,) in case_offices)
    assert all(counts[m.__tablename__] > 0 for m in REGISTRY_MODELS)
    assert store.check() == []


def test_a_failure_leaves_no_demo_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = new_store(tmp_path / "fail.sqlite")
    seq_before = scalar(store, "SELECT value FROM counters WHERE name = 'sync_seq'")

    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(db.demo, "fill_aid", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        fill_demo(store, 500, today=TODAY)
    with store.transaction() as session:
        for model in (*REGISTRY_MODELS, User):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        assert session.scalar(select(func.count()).where(AuditEntry.action == "demo")) == 0
        assert session.get(Office, SUB_CODE) is not None
    assert scalar(store, "SELECT value FROM counters WHERE name = 'sync_seq'") == seq_before
    assert store.check() == []
    store.close()


# --- bulk_insert -------------------------------------------------------------------------------------


def test_bulk_insert_writes_what_the_orm_reads_back(tmp_path: Path) -> None:
    """The SQLite fast path must store dates, times and booleans exactly as SQLAlchemy would."""
    store = new_store(tmp_path / "bulk.sqlite")
    actor = system_actor(SUB_CODE, "importer")
    row = {"name": "单雄信", "gender": "男", "id_number": "110101199001011234", "member_no": "006000001",
           "joined_on": dt.date(2020, 5, 4), "birth_date": dt.date(1990, 1, 1), "is_migrant_worker": True}
    with store.engine.begin() as conn:
        assert bulk_insert(conn, Member, [row, {**row, "member_no": "006000002", "uuid": "fixed-uuid"}],
                           actor) == 2
    with store.transaction() as session:
        members = session.scalars(select(Member).order_by(Member.member_no)).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "bulk_create")).one()
    first = members[0]
    assert (first.joined_on, first.birth_date, first.is_migrant_worker) == (dt.date(2020, 5, 4),
                                                                          dt.date(1990, 1, 1), True)
    assert isinstance(first.updated_at, dt.datetime) and first.deleted is False
    stamps = (first.rev, first.updated_by, first.office_code, first.ethnicity)
    assert stamps == (1, "importer", SUB_CODE, "汉族")
    assert members[1].uuid == "fixed-uuid" and len(first.uuid) == 36
    assert first.sync_seq == members[1].sync_seq is not None
    assert (audit.table_name, audit.row_uuid, json.loads(audit.changes)) == ("members", None, {"rows": 2})
    store.close()


def test_bulk_insert_refuses_unknown_columns(tmp_path: Path) -> None:
    store = new_store(tmp_path / "bulk.sqlite")
    with store.engine.begin() as conn, pytest.raises(ValueError, match="nmae"):
        bulk_insert(conn, Member, [{"nmae": "x"}], system_actor(SUB_CODE))
    store.close()


@pytest.mark.postgresql
def test_fill_demo_on_postgresql() -> None:
    """The same fill through the Core path of bulk_insert, in a scratch database on the test server."""
    url = os.environ.get("UNIONDESK_TEST_PG_URL")
    if not url:
        pytest.skip("UNIONDESK_TEST_PG_URL is not set")
    scratch = f"uniondesk_demo_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{scratch}"')
    try:
        store = Store.open(make_url(url).set(database=scratch).render_as_string(hide_password=False),
                           create=True)
        initialize(store, DISTRICT_CODE, DISTRICT_NAME, "district")
        counts = fill_demo(store, 300, seed=5, today=TODAY)
        assert all(counts[m.__tablename__] > 0 for m in REGISTRY_MODELS)
        with store.transaction() as session:
            member = session.scalars(select(Member).limit(1)).one()
            assert isinstance(member.joined_on, dt.date) and member.rev == 1
            assert parse_id_number(member.id_number, today=TODAY).birth_date == member.birth_date
        assert store.check() == []
        store.close()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin.dispose()


def test_station_history_ratings_and_follow_ups_agree_with_the_stations(
        filled: tuple[Store, dict[str, int], list]) -> None:
    store, _, _ = filled
    # every built station was opened on its built day; paused and closed ones say when and why
    assert scalar(store, "SELECT count(*) FROM stations s WHERE s.built_on IS NOT NULL AND NOT EXISTS (SELECT 1 "
                         "FROM station_events e WHERE e.station_uuid = s.uuid AND e.kind = 'open' "
                         "AND e.on_date = s.built_on)") == 0
    assert scalar(store, "SELECT count(*) FROM stations s WHERE s.status IN ('paused', 'closed') AND NOT EXISTS "
                         "(SELECT 1 FROM station_events e WHERE e.station_uuid = s.uuid AND e.to_status = s.status "
                         "AND e.reason IS NOT NULL)") == 0
    assert scalar(store, "SELECT count(*) FROM station_ratings r JOIN stations s ON s.uuid = r.station_uuid "
                         "WHERE r.stars != s.stars OR NOT r.confirmed") == 0
    assert scalar(store, "SELECT count(*) FROM station_inspections WHERE (follow_up IS NULL) != "
                         "(follow_up_due_on IS NULL) OR follow_up_done_on < inspected_on") == 0
    logs = rows(store, "SELECT uuid, station_uuid, on_date FROM station_logs")
    assert all(row == month_log_uuid(station, dt.date.fromisoformat(str(on)[:10])) for row, station, on in logs)
