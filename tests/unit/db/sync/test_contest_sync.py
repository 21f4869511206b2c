"""Skill contests travel by sync as declared (db/contests/fields.py): a sub-district's published contest with
its judges, entrants, judges' scores and appeals lands whole in the district's database, and a value that
arrives in a signed batch is checked as one typed (a judge's score of 150 refuses the batch)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from db.contests import cases, results
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore, SyncBatch
from db.store import Store
from db.sync.batchfile import BatchRejected
from db.validation import make_id_number
from tests.sync_peers import Peer

CONTEST = {"name": "敬老杯家政服务员技能大赛", "trade": "家政服务员", "level": "街道级", "starts_on": "2026-05-10",
           "ends_on": "2026-05-10", "theory_weight": 20, "practical_weight": 80, "judge_count": 3,
           "drop_extremes": "否", "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0}
CONTEST_TABLES = ("contests", "contest_judges", "contest_entries", "judge_scores", "contest_appeals")


def published_contest(peer: Peer) -> Contest:
    """A contest with three judges (the first from 公司1: 回避 for 选手1), four scored entrants, an appeal,
    published."""
    contest = cases.create_contest(peer.store, peer.clerk, CONTEST)
    cases.set_judges(peer.store, peer.clerk, contest.uuid, [
        {"name": "李评", "employer": "公司1"}, {"name": "赵评"}, {"name": "钱评"}])
    entry = None
    for n in range(1, 5):
        entry = cases.add_entrant(peer.store, peer.clerk, contest.uuid, {
            "name": f"选手{n}", "id_number": make_id_number("110101", dt.date(1980, 1, n), n), "employer": f"公司{n}"})
        cases.set_theory_score(peer.store, peer.clerk, entry.uuid, 80 + n)
        for judge in (1, 2, 3):
            cases.set_judge_score(peer.store, peer.clerk, entry.uuid, judge, f"{70 + n + judge}.5")
    assert entry is not None
    cases.record_appeal(peer.store, peer.clerk, entry.uuid, {"filed_on": "2026-05-11", "filed_by": "选手4",
                                                              "content": "请求复核实操评分"})
    results.publish(peer.store, peer.clerk, contest.uuid)
    return contest


def contest_rows(peer: Peer) -> dict[str, list[dict[str, Any]]]:
    rows = peer.rows()
    return {name: rows[name] for name in CONTEST_TABLES}


def without_seq(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {name: sorted(({k: v for k, v in row.items() if k != "sync_seq"} for row in table),
                         key=lambda row: row["uuid"]) for name, table in rows.items()}


def count(store: Store, model: type) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_published_contest_arrives_whole_in_the_district(sub: Peer, district: Peer) -> None:
    contest = published_contest(sub)
    sent = contest_rows(sub)
    assert {name: len(rows) for name, rows in sent.items()} == {
        "contests": 1, "contest_judges": 3, "contest_entries": 4, "judge_scores": 12, "contest_appeals": 1}
    path, _ = sub.send(district, 1, sub.rows())
    [result] = district.import_(path)
    assert result.counts == {"inserted": 21, "updated": 0, "skipped": 0, "conflicts": 0}
    assert without_seq(contest_rows(district)) == without_seq(sent)
    # what the district reads from it: the same results, certificates and 回避 as the sub-district's
    assert results.provisional(district.store, contest.uuid) == results.provisional(sub.store, contest.uuid)
    assert cases.avoidance(district.store, contest.uuid) == cases.avoidance(sub.store, contest.uuid) != {}
    assert [a["content"] for a in cases.appeals(district.store, contest.uuid)] == ["请求复核实操评分"]
    with district.store.transaction() as session:
        stored = session.get(Contest, contest.uuid)
        numbers = session.scalars(select(ContestEntry.certificate_no).where(
            ContestEntry.certificate_no.is_not(None))).all()
    assert stored is not None and stored.published_at is not None and stored.office_code == sub.code
    assert len(numbers) == 3


def test_a_reopened_and_corrected_contest_travels_as_an_update(sub: Peer, district: Peer) -> None:
    contest = published_contest(sub)
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    results.reopen(sub.store, sub.admin, contest.uuid, "申诉复核：第2号评委评分录入有误")
    entry = next(row for row in cases.score_sheet(sub.store, contest.uuid) if row.entry_no == "0004")
    cases.set_judge_score(sub.store, sub.clerk, entry.uuid, 2, 60)
    results.publish(sub.store, sub.clerk, contest.uuid)
    second, _ = sub.send(district, 2, sub.rows(), prev=sha)
    [result] = district.import_(second)
    assert result.counts["conflicts"] == 0 and result.counts["updated"] >= 2
    assert without_seq(contest_rows(district)) == without_seq(contest_rows(sub))


@pytest.mark.parametrize(("table", "change", "reason"), [
    ("judge_scores", {"score": 15000}, "评委评分（judge_scores）第 1 行，评分"),
    ("judge_scores", {"judge_no": 0}, "评委序号"),
    ("contest_entries", {"theory_score": -100}, "理论成绩"),
    ("contests", {"theory_weight": 40, "practical_weight": 60}, "理论权重"),
    ("contest_appeals", {"filed_by": None}, "filed_by"),
])
def test_a_wrong_contest_value_in_a_batch_refuses_the_batch(sub: Peer, district: Peer, table: str,
                                                            change: dict[str, Any], reason: str) -> None:
    published_contest(sub)
    rows = sub.rows()
    rows[table][0] = rows[table][0] | change
    path, _ = sub.send(district, 1, rows)
    with pytest.raises(BatchRejected, match=reason):
        district.import_(path)
    for model in (Contest, ContestJudge, ContestEntry, JudgeScore, ContestAppeal, SyncBatch):
        assert count(district.store, model) == 0


@pytest.mark.parametrize(("table", "change", "reason"), [
    ("judge_scores", {"score": 9900}, "评委评分（judge_scores）第 1 行，评分：成绩已于"),
    ("judge_scores", {"deleted": True}, "评委评分（judge_scores）第 1 行，评分：成绩已于"),
    ("contest_entries", {"theory_score": 9900}, "参赛选手（contest_entries）第 1 行，理论成绩：成绩已于"),
])
def test_a_score_of_published_results_changed_by_a_batch_without_reopening_is_refused(
        sub: Peer, district: Peer, table: str, change: dict[str, Any], reason: str) -> None:
    published_contest(sub)
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    before = without_seq(contest_rows(district))
    row = contest_rows(sub)[table][0]
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(minutes=5)
    edited = row | change | {"rev": row["rev"] + 1, "updated_at": later}
    second, _ = sub.send(district, 2, {table: [edited]}, prev=sha)
    with pytest.raises(BatchRejected, match=reason):
        district.import_(second)
    assert without_seq(contest_rows(district)) == before
    assert count(district.store, SyncBatch) == 1


def test_a_second_reward_note_after_publishing_travels(sub: Peer, district: Peer) -> None:
    contest = published_contest(sub)
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    winner = next(row for row in cases.score_sheet(sub.store, contest.uuid) if row.entry_no == "0004")
    cases.update_entrant(sub.store, sub.clerk, winner.uuid, {"second_reward_note": "单位奖励2000元"})
    second, _ = sub.send(district, 2, {"contest_entries": contest_rows(sub)["contest_entries"]}, prev=sha)
    [result] = district.import_(second)
    assert result.counts["updated"] == 1
