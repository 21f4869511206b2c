"""A contest's paper (desktop/documents/pdf/contest_results.py, contest_sign_in.py, contest_certificates.py):
the results list with its rule, ranks, certificate numbers and team ranking — marked 暂定 while not published —,
the sign-in sheet by 参赛证号 with ID numbers masked as the role requires, and all of a contest's certificates
in one click, refused while its results are not published. Read back with poppler."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.contests import certificates, results
from db.contests.fields import CONTESTS
from db.contests.paper import points, rule_summary
from db.contests.ranking import ScoringRule
from db.demo import fill_demo
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AuditEntry, Contest, ContestEntry
from db.store import Store
from db.validation import mask_id_number
from desktop.documents.pdf import certificate, contest_results, fonts, forms
from tests.unit.documents.pdf.test_certificate import needs_poppler
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_pages,
    pdf_text,
    squash,
)

pytestmark = needs_poppler


@pytest.fixture
def demo(sqlite_store: Store) -> Store:
    fill_demo(sqlite_store, members=80, seed=5)
    return sqlite_store


def _contests(store: Store) -> list[Contest]:
    with store.transaction() as session:
        return list(session.scalars(select(Contest).where(Contest.deleted.is_(False)).order_by(Contest.ends_on)))


def _entries(store: Store, contest_uuid: str) -> list[ContestEntry]:
    with store.transaction() as session:
        return list(session.scalars(select(ContestEntry).where(
            ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False))
            .order_by(ContestEntry.entry_no)))


def _reopened(store: Store) -> Contest:
    """A published demo contest reopened for a correction: its results are provisional again."""
    contest = [c for c in _contests(store) if c.published_at is not None][-1]
    results.reopen(store, actor(ADMIN), contest.uuid, "更正一名选手的理论成绩")
    return contest


def _entry_numbers(layout: str) -> list[str]:
    """The 参赛证号 of the results table's rows, top to bottom (名次 or “—” first on the line)."""
    return re.findall(r"^\s*(?:\d+|—)\s+(\d{9,})\s", layout, re.MULTILINE)


# --- 成绩单 ---------------------------------------------------------------------------------------------


def test_the_published_results_list_ranks_every_entrant_with_the_rule_and_the_teams(demo: Store,
                                                                                    tmp_path: Path) -> None:
    contest = _contests(demo)[0]
    entries = _entries(demo, contest.uuid)
    out = tmp_path / "results.pdf"
    pages = forms.form("contest-results").render(demo, actor(CLERK), out, uuids=[contest.uuid])
    assert pages == pdf_pages(out) >= 1
    layout = pdf_text(out, layout=True)
    assert re.search(r"名次\s+参赛证号\s+姓名\s+工作单位\s+理论\s+实操\s+总成绩\s+奖项\s+称号\s+证书编号", layout)
    ranked = sorted(entries, key=lambda e: (e.rank is None, e.rank or 0, e.entry_no))
    assert _entry_numbers(layout) == [e.entry_no for e in ranked]
    text = squash(pdf_text(out))
    assert squash(f"{contest.name}成绩单") in text and f"工种：{contest.trade}" in text
    for line in rule_summary(ScoringRule.of(contest)):
        assert squash(line) in text
    for entry in entries:
        assert entry.name in text and points(entry.total_score) in text
        assert entry.id_number is None or entry.id_number not in text  # no ID numbers on a list pinned up
        if entry.certificate_no:
            assert entry.certificate_no in text
    teams = results.provisional(demo, contest.uuid).teams  # the scores are frozen: the published teams
    assert "团体排名" in text and teams and squash(teams[0][0]) in text and points(teams[0][1]) in text
    assert "暂定" not in text and "成绩公布时间" in text
    assert f"第1页共{pages}页" in text and f"第{pages}页共{pages}页" in text
    assert "裁判长签字" in text
    assert_fonts_embedded(out)
    assert len(assert_renders(out, tmp_path)) == pages


def _in_progress(store: Store) -> Contest:
    """The demo contest running now: half of its entrants not yet scored by the judges."""
    return next(c for c in _contests(store) if c.published_at is None)


@pytest.mark.parametrize("unpublished", [_reopened, _in_progress], ids=["reopened", "in-progress"])
def test_unpublished_results_are_provisional_on_every_page(demo: Store, tmp_path: Path,
                                                           unpublished: Callable[[Store], Contest]) -> None:
    contest = unpublished(demo)
    entries = {e.uuid: e for e in _entries(demo, contest.uuid)}
    out = tmp_path / "provisional.pdf"
    pages = contest_results.render(demo, actor(CLERK), out, uuids=[contest.uuid])
    provisional = results.provisional(demo, contest.uuid)
    assert _entry_numbers(pdf_text(out, layout=True)) == [entries[p.key].entry_no for p in provisional.placed]
    text = squash(pdf_text(out))
    assert squash(contest_results.PROVISIONAL_NOTE) in text and "成绩公布时间" not in text
    for page in range(1, pages + 1):  # the watermark on each page
        assert contest_results.PROVISIONAL in squash(pdf_text(out, page))
    assert not any(e.certificate_no and e.certificate_no in text for e in entries.values())  # not final yet


def test_several_contests_print_each_from_a_new_page_and_none_is_refused(demo: Store, tmp_path: Path) -> None:
    first, second = _contests(demo)[:2]
    out = tmp_path / "two.pdf"
    pages = contest_results.render(demo, actor(CLERK), out, uuids=[first.uuid, second.uuid])
    starts = [page for page in range(1, pages + 1) if "评分规则" in pdf_text(out, page)]
    assert len(starts) == 2 and starts[0] == 1
    assert squash(second.name) in squash(pdf_text(out, starts[1]))
    with pytest.raises(NotFound):
        contest_results.render(demo, actor(CLERK), tmp_path / "none.pdf", uuids=[])
    assert not (tmp_path / "none.pdf").exists()


def test_the_rule_in_words() -> None:
    rule = ScoringRule(20, 80, 60, 5, True, ("practical", "theory"), "share", (10, 20, 30, 0),
                       (("技术状元", 1), ("技术能手", 10)))
    assert rule_summary(rule) == [
        "成绩计算：总成绩 = 理论成绩 × 20% + 实操成绩 × 80%；及格分 60 分。"
        "实操：裁判 5 人，去掉一个最高分和一个最低分后取平均分。",
        "同分排序：实操成绩→理论成绩→并列（前三名不并列，仍同分者以抽签区分）。",
        "奖项名额：一等奖 10%、二等奖 20%、三等奖 30%（按参赛人数计算，四舍五入）；未达及格分者不获奖。",
        "称号：技术状元 前 1 名，技术能手 前 10 名（须达及格分，每人一个称号）。",
    ]
    counted = ScoringRule(30, 70, 60, 2, True, (), "count", (1, 2, 3, 0))
    assert rule_summary(counted)[0].endswith("实操：裁判 2 人，取平均分。")  # two judges: nothing is dropped
    assert rule_summary(counted)[1].startswith("同分排序：直接并列")
    assert rule_summary(counted)[2].startswith("奖项名额：一等奖 1 名、二等奖 2 名、三等奖 3 名；")
    assert points(8550) == "85.50" and points(7) == "0.07" and points(None) == ""


# --- 签到表 ---------------------------------------------------------------------------------------------


def test_the_sign_in_sheet_lists_entrants_by_number_masked_with_room_to_sign(demo: Store, tmp_path: Path) -> None:
    contest = _contests(demo)[0]
    entries = _entries(demo, contest.uuid)
    out = tmp_path / "sign-in.pdf"
    pages = forms.form("contest-sign-in").render(demo, actor(CLERK), out, uuids=[contest.uuid])
    assert pages == pdf_pages(out) and pages * 20 >= len(entries)  # tall rows: about twenty a page
    layout = pdf_text(out, layout=True)
    assert re.search(r"序号\s+参赛证号\s+姓名\s+工作单位\s+身份证号\s+签名", layout)
    numbers = re.findall(r"^\s*\d+\s+(\d{9,})\s", layout, re.MULTILINE)
    assert numbers == sorted(e.entry_no for e in entries)
    text = squash(pdf_text(out))
    for entry in entries:
        assert entry.name in text
        if entry.id_number:
            assert mask_id_number(entry.id_number) in text and entry.id_number not in text
    assert f"应到{len(entries)}人" in text and "签到负责人" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_full_id_numbers_only_for_a_role_that_may_see_them(demo: Store, tmp_path: Path) -> None:
    contest = _contests(demo)[0]
    with_id = next(e for e in _entries(demo, contest.uuid) if e.id_number)
    out = tmp_path / "full.pdf"
    forms.form("contest-sign-in").render(demo, actor(APPROVER), out, uuids=[contest.uuid], full_ids=True)
    assert with_id.id_number in squash(pdf_text(out))
    refused = tmp_path / "refused.pdf"
    with pytest.raises(PermissionDenied):
        forms.form("contest-sign-in").render(demo, actor(CLERK), refused, uuids=[contest.uuid], full_ids=True)
    assert not refused.exists()


# --- 全部获奖证书 -----------------------------------------------------------------------------------------


def test_all_certificates_of_a_contest_in_one_click_verify_and_are_audited(demo: Store, tmp_path: Path) -> None:
    contest = _contests(demo)[0]
    awarded = [e for e in _entries(demo, contest.uuid) if e.certificate_no]
    assert awarded
    out = tmp_path / "certificates.pdf"
    pages = forms.form("contest-certificates").render(demo, actor(CLERK), out, uuids=[contest.uuid])
    assert pages == len(awarded) == pdf_pages(out)
    texts = certificate.signed_texts_in(out)
    numbers = [certificates.verify_in(demo, t).facts.number for t in texts]  # type: ignore[union-attr]
    assert numbers == sorted(e.certificate_no for e in awarded)  # type: ignore[type-var]
    assert_fonts_embedded(out, ("WenQuanYiMicroHei", "UKaiCN"))  # the holder's lines in Kai style
    with demo.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).one()
        assert entry.table_name == "contests"
        assert json.loads(entry.changes)["form"] == "contest-certificates"


def test_certificates_of_an_unpublished_contest_are_refused_and_nothing_is_written(demo: Store,
                                                                                 tmp_path: Path) -> None:
    published, reopened = _contests(demo)[0], _reopened(demo)
    out = tmp_path / "refused.pdf"
    with pytest.raises(ValidationError) as refused:
        forms.form("contest-certificates").render(demo, actor(CLERK), out, uuids=[published.uuid, reopened.uuid])
    assert refused.value.field == CONTESTS.label
    assert f"“{reopened.name}”的成绩尚未公布" in refused.value.message and published.name not in refused.value.message
    assert "不能打印获奖证书" in refused.value.message
    assert not out.exists()
    with demo.transaction() as session:
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)).all()


def test_the_contest_tab_declares_its_three_forms() -> None:
    assert CONTESTS.forms == ("contest-results", "contest-sign-in", "contest-certificates")
    assert all(forms.FORMS[name].needs == "contests" for name in CONTESTS.forms)


# --- the Kai face ---------------------------------------------------------------------------------------


def test_the_kai_face_for_lines_it_covers_the_main_font_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fonts.kai_available()
    assert fonts.kai_for("胡慧敏 同志：") == fonts.KAI
    assert fonts.kai_for("\u5359同志：") == fonts.register()  # 卙: in WenQuanYi, not in UKai: no mixed line
    monkeypatch.setattr(fonts, "KAI_FILE", "no-such-font.ttc")  # a trimmed install
    assert not fonts.kai_available() and fonts.kai_for("胡慧敏") == fonts.register()


def test_a_certificate_falls_back_when_a_name_is_beyond_the_kai_face(demo: Store, clerk: Actor,
                                                                     tmp_path: Path) -> None:
    contest = _contests(demo)[0]
    winner = next(e for e in _entries(demo, contest.uuid) if e.certificate_no)
    with demo.transaction(actor(ADMIN)) as session:
        session.get(ContestEntry, winner.uuid).name = "王\u5359"  # type: ignore[union-attr]
    out = tmp_path / "rare.pdf"
    certificate.render(demo, clerk, out, uuids=[winner.uuid])
    assert "王\u5359" in squash(pdf_text(out))
    assert_renders(out, tmp_path)
