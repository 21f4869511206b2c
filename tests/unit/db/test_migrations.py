"""The Alembic migrations build exactly the schema of the models, on every backend, with one head."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from db import migrations
from db.members.search import is_search_index_table
from db.models import Base
from db.store import Store

# The FTS5 search index (migration 0002, SQLite) is not in the models: leave it out of every comparison.
# SQLAlchemy cannot reflect SQLite's expression indexes (ID-number tails): both sides skip them, and say so.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index"),
    pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index"),
]


def models_only(name: str | None, type_: str, _parent_names: object) -> bool:
    return not (type_ == "table" and name is not None and is_search_index_table(name))


def engine_for(db_url: str) -> Engine:
    return create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}", poolclass=NullPool)


def schema_of(conn: Connection) -> dict[str, Any]:
    """Everything the database says about its tables, in a comparable form (alembic_version aside)."""
    insp = inspect(conn)
    schema: dict[str, Any] = {}
    for table in sorted(set(insp.get_table_names()) - {"alembic_version"}):
        if is_search_index_table(table):
            continue
        schema[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"], c.get("default"))
                        for c in insp.get_columns(table)],
            "primary_key": insp.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted((fk["name"] or "", tuple(fk["constrained_columns"]), fk["referred_table"],
                                    tuple(fk["referred_columns"])) for fk in insp.get_foreign_keys(table)),
            "indexes": sorted((ix["name"] or "", tuple(c or "" for c in ix["column_names"]), bool(ix["unique"]))
                              for ix in insp.get_indexes(table)),
            "unique": sorted((uq["name"] or "", tuple(uq["column_names"]))
                             for uq in insp.get_unique_constraints(table)),
        }
    return schema


def test_upgrade_from_empty_has_no_difference_from_the_models(db_url: str) -> None:
    engine = engine_for(db_url)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": models_only})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], "the models changed without a migration: python -m db.migrations revision -m '...'"


def test_upgrade_builds_the_same_schema_as_create_all(db_url: str) -> None:
    # compare_metadata overlooks some things (e.g. constraint names on SQLite, column order): compare what
    # the database itself reports after each way of building the schema.
    engine = engine_for(db_url)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn)
        with engine.connect() as conn:
            migrated = schema_of(conn)
        with engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE alembic_version"))
            conn.execute(text("DROP TABLE IF EXISTS members_fts"))
            assert inspect(conn).get_table_names() == []
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
        with engine.connect() as conn:
            created = schema_of(conn)
    finally:
        engine.dispose()
    assert set(migrated) == set(Base.metadata.tables)
    assert migrated == created


def test_there_is_one_head_and_a_new_store_is_at_it(db_url: str) -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1
    head, known = migrations.known_revisions()
    assert heads == [head]
    # one straight line from the first revision to the head: every revision but the first has a parent
    chain = list(script.walk_revisions())
    assert {rev.revision for rev in chain} == set(known)
    assert [rev.down_revision for rev in chain].count(None) == 1
    store = Store.open(db_url, create=True)
    try:
        with store.engine.connect() as conn:
            assert migrations.current_revision(conn) == head
        assert store.check() == []
    finally:
        store.close()


def test_0003_keeps_the_last_written_of_a_month_logged_twice(db_url: str) -> None:
    engine = engine_for(db_url)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0002")
            stamp = "updated_at, updated_by, deleted, rev"
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(f"INSERT INTO stations (uuid, office_code, code, name, status, has_sign, "
                              f"has_fixed_place, has_facilities, has_rules, has_staff, on_map, sync_seq, {stamp}) "
                              "VALUES ('s1', '110101006', 'NX-1', '驿站', 'running', false, false, false, false, "
                              "false, false, 1, '2024-01-01 00:00:00', 'x', false, 1)"))
            for uuid, seq, on_date, visits in (("a", 5, "2024-03-01", 1), ("b", 9, "2024-03-01", 2),
                                               ("c", 3, "2024-04-01", 3)):
                conn.execute(text(f"INSERT INTO station_logs (uuid, office_code, station_uuid, period, on_date, "
                                  f"visits_total, visits_courier, visits_rider, visits_sanitation, visits_driver, "
                                  f"visits_other, sync_seq, {stamp}) VALUES (:uuid, '110101006', 's1', 'month', "
                                  f":on_date, :visits, :visits, 0, 0, 0, 0, :seq, '2024-01-01 00:00:00', 'x', "
                                  "false, 1)"), {"uuid": uuid, "seq": seq, "on_date": on_date, "visits": visits})
        with engine.begin() as conn:
            migrations.upgrade(conn)
            kept = conn.execute(text("SELECT uuid, visits_total FROM station_logs ORDER BY on_date")).all()
        assert [tuple(row) for row in kept] == [("b", 2), ("c", 3)]
    finally:
        engine.dispose()


def test_migration_0004_fills_the_initials_of_existing_stations(db_url: str) -> None:
    engine = engine_for(db_url)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0003")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                "INSERT INTO stations (uuid, office_code, code, name, status, has_sign, has_fixed_place, "
                "has_facilities, has_rules, has_staff, on_map, sync_seq, updated_at, updated_by, deleted, rev) "
                "VALUES ('s1', '110101006', 'NX-1', '朝阳门驿站', 'running', false, false, false, false, false, "
                "false, 1, '2024-01-01 00:00:00', 'x', false, 1)"))
        with engine.begin() as conn:
            migrations.upgrade(conn)
            assert conn.execute(text("SELECT name_initials FROM stations")).scalar() == "zymyz cymyz"
    finally:
        engine.dispose()


def test_migration_0005_keeps_existing_contests_on_the_chain_they_were_ranked_by(db_url: str) -> None:
    engine = engine_for(db_url)
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0004")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                "INSERT INTO contests (uuid, office_code, name, trade, level, starts_on, ends_on, status, "
                "theory_weight, practical_weight, pass_mark, judge_count, drop_extremes, quota_first, quota_second,"
                " quota_third, quota_merit, rev, updated_at, updated_by, deleted, sync_seq) VALUES ('c1', "
                "'110101006', '敬老杯', '养老护理员', '街道级', '2025-10-12', '2025-10-12', 'finished', 30, 70, 60, 5,"
                " true, 1, 2, 3, 0, 1, '2025-10-13 00:00:00', 'x', false, 1)"))
        with engine.begin() as conn:
            migrations.upgrade(conn)
            row = conn.execute(text("SELECT tie_breaks, quota_mode, champion_top, expert_top FROM contests")).one()
            assert tuple(row) == ("practical", "count", 0, 0)
    finally:
        engine.dispose()


def test_migration_0007_dates_existing_steps_and_files_from_their_steps(db_url: str) -> None:
    engine = engine_for(db_url)
    row = "'110101006', 1, '2024-01-01 00:00:00', 'x', false, 1"
    columns = "office_code, sync_seq, updated_at, updated_by, deleted, rev"
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0006")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                f"INSERT INTO members (uuid, name, name_pinyin, name_initials, gender, ethnicity, id_type, id_number, "
                f"employment_form, is_migrant_worker, member_no, joined_on, status, {columns}) VALUES ('m1', '王芳', "
                f"'wangfang', 'wf', '女', '汉族', '居民身份证', '11010519491231002X', '劳动合同', false, 'H1', "
                f"'2020-01-01', 'active', {row})"))
            for case, status in (("a1", "relieved"), ("a2", "reviewed")):
                conn.execute(text(
                    f"INSERT INTO aid_cases (uuid, member_uuid, case_no, category, main_cause, single_parent, "
                    f"monthly_income_fen, household_income_fen, household_size, zero_employment, status, filed_by, "
                    f"{columns}) VALUES ('{case}', 'm1', 'KN-{case}', '深度困难', '下岗失业', false, 0, 0, 1, false, "
                    f"'{status}', 'clerk', {row})"))
            steps = [("a1", "publicized", "2024-03-10 02:00:00"), ("a1", "filed", "2024-03-18 03:00:00"),
                     ("a1", "relieved", "2025-04-01 06:30:00"), ("a2", "reviewed", "2024-05-05 01:00:00")]
            for n, (case, step, at) in enumerate(steps):
                conn.execute(text(f"INSERT INTO aid_case_steps (uuid, case_uuid, step, actor, at, {columns}) "
                                  f"VALUES ('s{n}', '{case}', '{step}', 'clerk', '{at}', {row})"))
        with engine.begin() as conn:
            migrations.upgrade(conn)
            days = dict(conn.execute(text("SELECT uuid, on_date FROM aid_case_steps")).all())
            assert {k: str(v) for k, v in days.items()} == {
                "s0": "2024-03-10", "s1": "2024-03-18", "s2": "2025-04-01", "s3": "2024-05-05"}
            files = {u: (str(p), str(c)) for u, p, c in conn.execute(text(
                "SELECT uuid, publicized_on, closed_on FROM aid_cases")).all()}
            assert files == {"a1": ("2024-03-10", "2025-04-01"), "a2": ("None", "None")}
    finally:
        engine.dispose()


def test_migration_0009_keeps_payments_and_its_downgrade_drops_only_those_without_a_file(db_url: str) -> None:
    engine = engine_for(db_url)
    row = "'110101006', 1, '2024-01-01 00:00:00', 'x', false, 1"
    columns = "office_code, sync_seq, updated_at, updated_by, deleted, rev"
    payment = ("INSERT INTO aid_payments (uuid, case_uuid, kind, amount_fen, paid_on, method, voucher_no, "
               f"{columns}) VALUES ('{{uuid}}', {{case}}, '生活救助', 50000, '2024-02-01', '现金', 'PZ1', {row})")
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0008")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                f"INSERT INTO members (uuid, name, name_pinyin, name_initials, gender, ethnicity, id_type, id_number, "
                f"employment_form, is_migrant_worker, member_no, joined_on, status, {columns}) VALUES ('m1', '王芳', "
                f"'wangfang', 'wf', '女', '汉族', '居民身份证', '11010519491231002X', '劳动合同', false, 'H1', "
                f"'2020-01-01', 'active', {row})"))
            conn.execute(text(
                f"INSERT INTO aid_cases (uuid, member_uuid, case_no, category, main_cause, single_parent, "
                f"monthly_income_fen, household_income_fen, household_size, zero_employment, status, filed_by, "
                f"{columns}) VALUES ('a1', 'm1', 'KN-a1', '深度困难', '下岗失业', false, 0, 0, 1, false, "
                f"'filed', 'clerk', {row})"))
            conn.execute(text(payment.format(uuid="p1", case="'a1'")))
        with engine.begin() as conn:
            migrations.upgrade(conn)
            kept = conn.execute(text("SELECT case_uuid, amount_fen, voucher_no, payee_name, override_by "
                                     "FROM aid_payments")).all()
            assert [tuple(r) for r in kept] == [("a1", 50000, "PZ1", None, None)]
            conn.execute(text(payment.format(uuid="p2", case="NULL")))  # 应急救助 without a file
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), "0008")
            assert [r[0] for r in conn.execute(text("SELECT uuid FROM aid_payments")).all()] == ["p1"]
    finally:
        engine.dispose()


def test_a_populated_database_of_an_older_revision_opens_upgraded(db_url: str) -> None:
    """As a clerk's database is upgraded when the new version starts: through the store, foreign keys enforced.
    SQLite rebuilds a table to alter it; the stations and contests that later revisions alter have children
    (services, entrants) that reference them, and every row comes through."""
    engine = engine_for(db_url)
    row = ("'110101006', 1, '2024-01-01 00:00:00', 'x', false, 1")  # office, sync_seq, updated…, deleted, rev
    columns = "office_code, sync_seq, updated_at, updated_by, deleted, rev"
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0003")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                f"INSERT INTO stations (uuid, code, name, status, has_sign, has_fixed_place, has_facilities, "
                f"has_rules, has_staff, on_map, {columns}) VALUES ('s1', 'NX-1', '朝阳门驿站', 'running', false, "
                f"false, false, false, false, false, {row})"))
            conn.execute(text(f"INSERT INTO station_services (uuid, station_uuid, name, {columns}) "
                              f"VALUES ('v1', 's1', '冷可取暖', {row})"))
            conn.execute(text(
                f"INSERT INTO contests (uuid, name, trade, level, starts_on, ends_on, status, theory_weight, "
                f"practical_weight, pass_mark, judge_count, drop_extremes, quota_first, quota_second, quota_third, "
                f"quota_merit, {columns}) VALUES ('c1', '敬老杯', '养老护理员', '街道级', '2025-10-12', '2025-10-12', "
                f"'finished', 30, 70, 60, 5, true, 1, 2, 3, 0, {row})"))
            conn.execute(text(f"INSERT INTO contest_entries (uuid, contest_uuid, name, entry_no, {columns}) "
                              f"VALUES ('e1', 'c1', '王芳', '001', {row})"))
    finally:
        engine.dispose()
    store = Store.open(db_url)
    try:
        with store.transaction() as session:
            conn = session.connection()
            assert conn.execute(text("SELECT name_initials FROM stations")).scalar() == "zymyz cymyz"
            assert conn.execute(text("SELECT station_uuid FROM station_services")).scalar() == "s1"
            assert conn.execute(text("SELECT contest_uuid FROM contest_entries")).scalar() == "c1"
            if conn.dialect.name == "sqlite":  # enforced again after the upgrade
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()
