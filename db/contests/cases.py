"""Use cases of the skill-contest registry (职工技能竞赛): the contest and its judges, its entrants (参赛选手),
their scores cell by cell and the appeals (申诉); scores are refused once the results are published. Ranking,
publishing (with the certificate numbers) and reopening are :mod:`db.contests.results`.

Each writing use case is one transaction, checks its permission and is audited by the store's write hook.
Values are cleaned by the registry's declaration (:mod:`db.contests.fields`), so that labels and messages are
those a clerk sees on the form, in the grid and in the sheet.

参赛证号 are handed out here: a four-digit serial in the order entrants are added within the contest (0001,
0002, …; 10000 after 9999), one more than the highest all-digit number the contest ever gave — a removed
entrant's number is not given again (imported numbers of another form are left alone and skipped).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.contests.fields import APPEAL_TABLE, CONTESTS, ENTRY_TABLE, JUDGE_SCORE_TABLE, JUDGE_TABLE
from db.contests.rules import check_contest, check_entry, practical_of, total_score
from db.errors import ValidationError
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore, Member
from db.records import clean_given, live
from db.store import Store
from db.validation import parse_id_number

WRITE = "records.write"
REOPEN = "results.reopen"
FROZEN = "成绩已发布，不能修改；如需更正请由管理员重新开放"
CONTEST_LABEL = CONTESTS.label
ENTRY_NO_WIDTH = 4

# the fields a contest's form writes; on a published contest only those that do not touch the results
_CONTEST_FIELDS = frozenset(f.attr for f in CONTESTS.writable)
_FREE_AFTER_PUBLISH = frozenset({"name", "organizer", "host", "venue", "status"})
FREE_AFTER_PUBLISH = _FREE_AFTER_PUBLISH  # what a published contest's form still lets the clerk type
# what a clerk writes on an entrant beside the person: team, notes (scores have their own use cases)
# what update_entrant changes: notes, and the completion time and draw (抽签) the ranking may need
_ENTRY_CHANGES = frozenset({"employer", "team", "eligibility_notes", "second_reward_note", "completion_seconds",
                            "draw_no"})


def _today() -> dt.date:
    return dt.date.today()


def get_contest(session: Session, uuid: str) -> Contest:
    return live(session, Contest, uuid, "竞赛")


def get_entry(session: Session, uuid: str) -> ContestEntry:
    return live(session, ContestEntry, uuid, "参赛选手")


def not_published(contest: Contest, field: str) -> None:
    if contest.published_at is not None:
        raise ValidationError(field, FROZEN)


def correcting(session: Session, contest: Contest) -> None:
    """A contest reopened after publishing: every change is audited with the reopening's reason."""
    if contest.reopened_at is not None and contest.published_at is None:
        session.info["audit_reason"] = contest.reopen_reason


# --- the contest ------------------------------------------------------------------------------------------

def _check_name_free(session: Session, name: str, starts_on: dt.date, uuid: str | None) -> None:
    """A contest is known by its name and start date (the sheets name it so): no two live ones alike."""
    taken = session.scalars(select(Contest).where(
        Contest.name == name, Contest.starts_on == starts_on, Contest.deleted.is_(False))).first()
    if taken is not None and taken.uuid != uuid:
        raise ValidationError(CONTESTS.field("name").label,
                              f"{starts_on.isoformat()} 开始的竞赛“{name}”已经登记过")


def create_contest(store: Store, actor: Actor, fields: Mapping[str, Any]) -> Contest:
    """登记 a contest of the actor's office with its scoring rule (weights adding up to 100, theory ≤ 30%)."""
    require(actor, WRITE)
    cleaned = clean_given(CONTESTS.table, _CONTEST_FIELDS, fields)
    for item in CONTESTS.writable:
        if cleaned.get(item.attr) is None:
            if item.required:
                raise ValidationError(item.label, "必须填写")
            if item.default is not None:
                cleaned[item.attr] = item.default
    defaults = {c.key: c.default.arg for c in Contest.__table__.columns
                if c.default is not None and not callable(c.default.arg)}
    check_contest({**defaults, **{k: v for k, v in cleaned.items() if v is not None}})
    with store.transaction(actor, action="create_contest") as session:
        _check_name_free(session, cleaned["name"], cleaned["starts_on"], None)
        contest = Contest(office_code=actor.office_code, **{k: v for k, v in cleaned.items() if v is not None})
        session.add(contest)
    return contest


def update_contest(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any],
                   expected_rev: int | None = None) -> Contest:
    """Change fields of a contest. Once its results are published only its name, organisers, venue and status
    may change; fewer judges than have already scored is refused."""
    require(actor, WRITE)
    cleaned = clean_given(CONTESTS.table, _CONTEST_FIELDS, changes)
    with store.transaction(actor, action="update") as session:
        contest = get_contest(session, uuid)
        if expected_rev is not None and contest.rev != expected_rev:
            raise ValidationError(CONTEST_LABEL, "该记录已被他人修改，请重新打开后再保存")
        columns = Contest.__table__.columns
        for attr, value in cleaned.items():
            field = CONTESTS.field(attr)
            if value is None and field.default is None and (field.required or not columns[attr].nullable):
                raise ValidationError(field.label, "必须填写")
            if (contest.published_at is not None and attr not in _FREE_AFTER_PUBLISH
                    and getattr(contest, attr) != value):
                raise ValidationError(CONTESTS.field(attr).label, FROZEN)
        merged = {f.attr: getattr(contest, f.attr) for f in CONTESTS.writable} | {
            k: v for k, v in cleaned.items() if v is not None}
        check_contest(merged)
        if "name" in cleaned or "starts_on" in cleaned:
            _check_name_free(session, merged["name"], merged["starts_on"], contest.uuid)
        if cleaned.get("judge_count") is not None:
            _check_judges_fit(session, contest, cleaned["judge_count"])
        correcting(session, contest)
        for attr, value in cleaned.items():
            setattr(contest, attr, CONTESTS.field(attr).default if value is None else value)
    return contest


def delete_contest(store: Store, actor: Actor, uuid: str) -> Contest:
    """Mark a contest deleted — only one without live entrants and never published (its entrants, scores and
    certificates would be left without their contest)."""
    require(actor, WRITE)
    with store.transaction(actor, action="delete") as session:
        contest = get_contest(session, uuid)
        if contest.published_at is not None:
            raise ValidationError(CONTEST_LABEL, "成绩已发布的竞赛不能删除")
        entrants = session.scalar(select(func.count()).select_from(ContestEntry).where(
            ContestEntry.contest_uuid == uuid, ContestEntry.deleted.is_(False))) or 0
        if entrants:
            raise ValidationError(CONTEST_LABEL, f"已有{entrants}名参赛选手，不能删除；请先移除参赛选手")
        contest.deleted = True
    return contest


def undelete_contest(store: Store, actor: Actor, uuid: str) -> Contest:
    """Bring back a deleted contest (undo of its deletion), unless another live one took its name and date."""
    require(actor, WRITE)
    with store.transaction(actor, action="undelete") as session:
        contest = session.get(Contest, uuid)
        if contest is None:
            raise ValidationError(CONTEST_LABEL, "找不到该竞赛")
        _check_name_free(session, contest.name, contest.starts_on, contest.uuid)
        contest.deleted = False
    return contest


def _check_judges_fit(session: Session, contest: Contest, count: int) -> None:
    """Judges numbered beyond ``count`` may not have scored (their scores would silently drop out)."""
    highest = session.scalar(select(func.max(JudgeScore.judge_no)).join(
        ContestEntry, ContestEntry.uuid == JudgeScore.entry_uuid).where(
        ContestEntry.contest_uuid == contest.uuid, ContestEntry.deleted.is_(False),
        JudgeScore.deleted.is_(False)))
    if highest is not None and highest > count:
        raise ValidationError(CONTESTS.field("judge_count").label,
                              f"第{highest}号评委已有评分，裁判人数不能少于{highest}人")


# --- judges -----------------------------------------------------------------------------------------------

def set_judges(store: Store, actor: Actor, contest_uuid: str,
               judges: Sequence[Mapping[str, Any]]) -> list[ContestJudge]:
    """The contest's judges in order (judge 1, 2, …): each ``{"name", "employer"}``; at most the contest's
    裁判人数. Judges left out are marked deleted (one row per contest and number, so that sync keeps one)."""
    require(actor, WRITE)
    cleaned: list[tuple[str, str | None]] = []
    for number, given in enumerate(judges, start=1):
        name_field, employer_field = JUDGE_TABLE.field("name"), JUDGE_TABLE.field("employer")
        try:
            cleaned.append((name_field.clean(given.get("name")), employer_field.clean(given.get("employer"))))
        except ValidationError as exc:
            raise ValidationError(exc.field, f"第{number}号评委：{exc.reason}") from None
    with store.transaction(actor, action="set_judges") as session:
        contest = get_contest(session, contest_uuid)
        not_published(contest, JUDGE_TABLE.field("name").label)  # a judge's unit decides 回避, so the results
        correcting(session, contest)
        if len(cleaned) > contest.judge_count:
            raise ValidationError(CONTESTS.field("judge_count").label,
                                  f"本竞赛裁判人数为{contest.judge_count}人，不能登记{len(cleaned)}名评委")
        existing = {j.judge_no: j for j in session.scalars(select(ContestJudge).where(
            ContestJudge.contest_uuid == contest.uuid))}
        saved = []
        for number, (name, employer) in enumerate(cleaned, start=1):
            judge = existing.get(number)
            if judge is None:
                judge = ContestJudge(contest_uuid=contest.uuid, office_code=contest.office_code, judge_no=number,
                                     name=name, employer=employer)
                session.add(judge)
            else:
                judge.name, judge.employer, judge.deleted = name, employer, False
            saved.append(judge)
        for number, judge in existing.items():
            if number > len(cleaned) and not judge.deleted:
                judge.deleted = True
    return saved


def _same_unit(text: str | None) -> str:
    """An employer's name as compared for 回避: without spaces and brackets' width differences."""
    return re.sub(r"\s+", "", (text or "")).replace("（", "(").replace("）", ")")


def avoided_judges(judges: Sequence[tuple[int, str | None]], employer: str | None, team: str | None) -> list[int]:
    units = {_same_unit(employer), _same_unit(team)} - {""}
    return [number for number, unit in judges if unit and _same_unit(unit) in units]


def judge_units(session: Session, contest_uuid: str) -> list[tuple[int, str | None]]:
    return [(n, e) for n, e in session.execute(select(ContestJudge.judge_no, ContestJudge.employer).where(
        ContestJudge.contest_uuid == contest_uuid, ContestJudge.deleted.is_(False))
        .order_by(ContestJudge.judge_no))]


def avoidance(store: Store, contest_uuid: str) -> dict[str, list[int]]:
    """回避: for each entrant with one, the numbers of the judges from the entrant's own employer (or team)."""
    with store.transaction() as session:
        judges = judge_units(session, contest_uuid)
        if not judges:
            return {}
        rows = session.execute(select(ContestEntry.uuid, ContestEntry.employer, ContestEntry.team).where(
            ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False)))
        found = {uuid: avoided_judges(judges, employer, team) for uuid, employer, team in rows}
    return {uuid: numbers for uuid, numbers in found.items() if numbers}


# --- entrants ---------------------------------------------------------------------------------------------

def _next_entry_no(session: Session, contest_uuid: str) -> str:
    numbers = session.scalars(select(ContestEntry.entry_no).where(ContestEntry.contest_uuid == contest_uuid))
    highest = max((int(n) for n in numbers if n.isdigit()), default=0)
    return f"{highest + 1:0{ENTRY_NO_WIDTH}d}"


def check_once(session: Session, contest_uuid: str, member_uuid: str | None, id_number: str | None,
                name: str) -> None:
    """One person enters a contest once: the same member, or the same ID number, is refused."""
    conditions = []
    if member_uuid is not None:
        conditions.append(ContestEntry.member_uuid == member_uuid)
    if id_number is not None:
        conditions.append(ContestEntry.id_number == id_number)
    if not conditions:
        return
    taken = session.scalars(select(ContestEntry).where(
        ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False), or_(*conditions))).first()
    if taken is not None:
        field = ENTRY_TABLE.field("id_number").label if id_number and taken.id_number == id_number else "姓名"
        raise ValidationError(field, f"{name}已报名本竞赛，参赛证号 {taken.entry_no}（{taken.name}）")


def add_entrant(store: Store, actor: Actor, contest_uuid: str, fields: Mapping[str, Any]) -> ContestEntry:
    """Enter a person in a contest and give the next 参赛证号.

    With ``fields["member_uuid"]`` the person is that member: name, ID number, gender and employer are the
    member's (an ``employer`` given overrides the member's). Otherwise ``name`` and a valid resident ID number
    (``id_number``) are required, and the gender is the ID number's. ``team`` (the employer by default) and
    ``eligibility_notes`` may be given."""
    require(actor, WRITE)
    given = dict(fields)
    member_uuid = given.pop("member_uuid", None) or None
    allowed = frozenset({"name", "id_number", "gender"} | _ENTRY_CHANGES) - {"second_reward_note", "draw_no"}
    cleaned = clean_given(ENTRY_TABLE, allowed, given)
    with store.transaction(actor, action="add_entrant") as session:
        contest = get_contest(session, contest_uuid)
        not_published(contest, ENTRY_TABLE.label)
        person: dict[str, Any]
        if member_uuid is not None:
            member = live(session, Member, member_uuid, "会员")
            person = {"name": member.name, "id_number": member.id_number or None, "gender": member.gender,
                      "employer": cleaned.get("employer") or member.employer}
        else:
            if cleaned.get("name") is None:
                raise ValidationError(ENTRY_TABLE.field("name").label, "必须填写")
            id_label = ENTRY_TABLE.field("id_number").label
            if cleaned.get("id_number") is None:
                raise ValidationError(id_label, "非会员须填写身份证号")
            info = parse_id_number(cleaned["id_number"], id_label)
            # a member entered by name and number is still the member: one person, one entry
            member_uuid = session.scalars(select(Member.uuid).where(
                Member.id_number == info.number, Member.deleted.is_(False))).first()
            person = {"name": cleaned["name"], "id_number": info.number,
                      "gender": cleaned.get("gender") or info.gender, "employer": cleaned.get("employer")}
        check_entry(person)
        check_once(session, contest.uuid, member_uuid, person["id_number"], person["name"])
        entry = ContestEntry(
            contest_uuid=contest.uuid, office_code=contest.office_code, member_uuid=member_uuid,
            entry_no=_next_entry_no(session, contest.uuid), team=cleaned.get("team") or person["employer"],
            eligibility_notes=cleaned.get("eligibility_notes"), **person)
        session.add(entry)
    return entry


def update_entrant(store: Store, actor: Actor, entry_uuid: str, changes: Mapping[str, Any]) -> ContestEntry:
    """Change an entrant's employer, team, eligibility notes, completion time (用时) or recorded draw (抽签
    顺序, which parts a tie within the first three places), or second-reward note (二次奖励, also after
    publishing: it is the employer's, not the contest's)."""
    require(actor, WRITE)
    cleaned = clean_given(ENTRY_TABLE, _ENTRY_CHANGES, changes)
    with store.transaction(actor, action="update") as session:
        entry = get_entry(session, entry_uuid)
        contest = get_contest(session, entry.contest_uuid)
        for attr in cleaned:
            if attr != "second_reward_note":
                not_published(contest, ENTRY_TABLE.field(attr).label)
        correcting(session, contest)
        for attr, value in cleaned.items():
            setattr(entry, attr, value)
    return entry


def remove_entrant(store: Store, actor: Actor, entry_uuid: str) -> ContestEntry:
    """Withdraw an entrant before the results are published: marked deleted with the judges' scores (its
    参赛证号 is not given again)."""
    require(actor, WRITE)
    with store.transaction(actor, action="remove_entrant") as session:
        entry = get_entry(session, entry_uuid)
        not_published(get_contest(session, entry.contest_uuid), ENTRY_TABLE.label)
        entry.deleted = True
        for score in session.scalars(select(JudgeScore).where(
                JudgeScore.entry_uuid == entry.uuid, JudgeScore.deleted.is_(False))):
            score.deleted = True
    return entry


# --- scores -----------------------------------------------------------------------------------------------

def refresh_practical(session: Session, contest: Contest, entry: ContestEntry) -> None:
    """The entry's practical score: the judges' mean once every judge not avoiding (回避) the entrant has
    scored, else none yet."""
    scores = dict(session.execute(select(JudgeScore.judge_no, JudgeScore.score).where(
        JudgeScore.entry_uuid == entry.uuid, JudgeScore.deleted.is_(False))).all())
    avoided = avoided_judges(judge_units(session, contest.uuid), entry.employer, entry.team)
    entry.practical_score = practical_of(scores, contest.judge_count, avoided, drop_extremes=contest.drop_extremes)
    _refresh_total(contest, entry)


def _refresh_total(contest: Contest, entry: ContestEntry) -> None:
    """The total once theory and practical are both there (kept for the sheets and the results); a practical
    score imported without the judges' scores stays as it was."""
    if entry.theory_score is not None and entry.practical_score is not None:
        entry.total_score = total_score(entry.theory_score, entry.practical_score, contest.theory_weight,
                                        contest.practical_weight)
    else:
        entry.total_score = None


def set_theory_score(store: Store, actor: Actor, entry_uuid: str, value: Any) -> ContestEntry:
    """The entrant's theory score (理论成绩): 0–100 with at most two decimals; empty clears it."""
    require(actor, WRITE)
    field = ENTRY_TABLE.field("theory_score")
    score = field.clean(value)
    with store.transaction(actor, action="set_score") as session:
        entry = get_entry(session, entry_uuid)
        contest = get_contest(session, entry.contest_uuid)
        not_published(contest, field.label)
        correcting(session, contest)
        write_scores_in(session, contest, entry, theory=score)
    return entry


def set_judge_score(store: Store, actor: Actor, entry_uuid: str, judge_no: int, value: Any) -> int | None:
    """Judge ``judge_no``'s practical score of the entrant: 0–100 with at most two decimals; empty clears it.
    Returns the entrant's practical score as it now stands (None until every judge due to score has)."""
    require(actor, WRITE)
    label = f"第{judge_no}号评委评分"
    try:
        score = JUDGE_SCORE_TABLE.field("score").clean(value) if value is not None and str(value).strip() else None
    except ValidationError as exc:
        raise ValidationError(label, exc.reason) from None
    with store.transaction(actor, action="set_score") as session:
        entry = get_entry(session, entry_uuid)
        contest = get_contest(session, entry.contest_uuid)
        if not 1 <= judge_no <= contest.judge_count:
            raise ValidationError(JUDGE_SCORE_TABLE.field("judge_no").label,
                                  f"应为1到{contest.judge_count}（本竞赛裁判人数），现为{judge_no}")
        not_published(contest, label)
        correcting(session, contest)
        write_scores_in(session, contest, entry, judges={judge_no: score})
        return entry.practical_score


KEEP: Any = object()  # write_scores_in: the theory score left as it is


def write_scores_in(session: Session, contest: Contest, entry: ContestEntry, *, theory: int | None = KEEP,
                    judges: Mapping[int, int | None] | None = None) -> bool:
    """What :func:`set_theory_score` and :func:`set_judge_score` write, in the caller's transaction and for
    several of an entrant's cells at once (a pasted block, an imported sheet): ``theory`` (KEEP: left alone)
    and judges' scores by number (None clears one), already cleaned and checked against the contest (numbers
    within its 裁判人数, not published). The practical score (when a judge's score changed) and the total are
    recomputed once. Whether anything changed."""
    theory_changed = theory is not KEEP and entry.theory_score != theory
    if theory_changed:
        entry.theory_score = theory
    judged = False
    if judges:
        rows = {row.judge_no: row for row in session.scalars(select(JudgeScore).where(
            JudgeScore.entry_uuid == entry.uuid, JudgeScore.judge_no.in_(list(judges))))}
        for judge_no, score in judges.items():
            row = rows.get(judge_no)
            if score is None:
                if row is not None and not row.deleted:
                    row.deleted, judged = True, True
            elif row is None:
                session.add(JudgeScore(entry_uuid=entry.uuid, office_code=entry.office_code, judge_no=judge_no,
                                       score=score))
                judged = True
            elif row.deleted or row.score != score:
                row.score, row.deleted, judged = score, False, True
    if judged:
        session.flush()
        refresh_practical(session, contest, entry)
    elif theory_changed:
        _refresh_total(contest, entry)
    return judged or theory_changed


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One entrant's row of the score grid, in plain values (scores in hundredths)."""

    uuid: str
    entry_no: str
    name: str
    employer: str | None
    team: str | None
    theory: int | None
    judges: dict[int, int]  # judge_no → score
    avoided: tuple[int, ...]  # judges flagged 回避 on this row
    practical: int | None
    total: int | None
    seconds: int | None = None  # completion time, when the contest's tie-breaks use it
    draw: int | None = None  # recorded draw (抽签) that parts a tie in the first three places


def score_sheet(store: Store, contest_uuid: str) -> list[ScoreRow]:
    """The contest's score grid: its live entrants by 参赛证号 with the theory score, each judge's score and
    the 回避 judges."""
    with store.transaction() as session:
        return score_sheet_in(session, contest_uuid)


def score_sheet_in(session: Session, contest_uuid: str) -> list[ScoreRow]:
    """:func:`score_sheet` in the caller's transaction (the ranking reads it too). Three queries (entrants,
    the judges' scores joined to them, the judges)."""
    entries = session.execute(select(
        ContestEntry.uuid, ContestEntry.entry_no, ContestEntry.name, ContestEntry.employer, ContestEntry.team,
        ContestEntry.theory_score, ContestEntry.practical_score, ContestEntry.total_score,
        ContestEntry.completion_seconds, ContestEntry.draw_no).where(
        ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False))
        .order_by(ContestEntry.entry_no)).all()
    judged: dict[str, dict[int, int]] = {}
    for entry_uuid, number, score in session.execute(select(
            JudgeScore.entry_uuid, JudgeScore.judge_no, JudgeScore.score).join(
            ContestEntry, ContestEntry.uuid == JudgeScore.entry_uuid).where(
            ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False),
            JudgeScore.deleted.is_(False))):
        judged.setdefault(entry_uuid, {})[number] = score
    judges = judge_units(session, contest_uuid)
    return [ScoreRow(uuid, entry_no, name, employer, team, theory, judged.get(uuid, {}),
                     tuple(avoided_judges(judges, employer, team)), practical, total, seconds, draw)
            for uuid, entry_no, name, employer, team, theory, practical, total, seconds, draw in entries]


# --- appeals ----------------------------------------------------------------------------------------------

def record_appeal(store: Store, actor: Actor, entry_uuid: str, fields: Mapping[str, Any]) -> ContestAppeal:
    """Record an appeal (申诉) against an entrant's result: 申诉日期 (not after today), 申诉人, 申诉内容."""
    require(actor, WRITE)
    cleaned = clean_given(APPEAL_TABLE, frozenset({"filed_on", "filed_by", "content"}), fields)
    for attr in ("filed_on", "filed_by", "content"):
        if cleaned.get(attr) is None:
            raise ValidationError(APPEAL_TABLE.field(attr).label, "必须填写")
    if cleaned["filed_on"] > _today():
        raise ValidationError(APPEAL_TABLE.field("filed_on").label, f"不能晚于今天：{cleaned['filed_on']}")
    with store.transaction(actor, action="record_appeal") as session:
        entry = get_entry(session, entry_uuid)
        appeal = ContestAppeal(entry_uuid=entry.uuid, office_code=entry.office_code, **cleaned)
        session.add(appeal)
    return appeal


def decide_appeal(store: Store, actor: Actor, appeal_uuid: str, outcome: str, decided_on: dt.date | str
                  ) -> ContestAppeal:
    """Record how an appeal was decided (处理结果, 处理日期: not before it was filed, not after today).
    A decided appeal is not decided again: a new finding is a new appeal."""
    require(actor, WRITE)
    text = APPEAL_TABLE.field("outcome").clean(outcome)
    day_field = APPEAL_TABLE.field("decided_on")
    day = day_field.clean(decided_on)
    if text is None:
        raise ValidationError(APPEAL_TABLE.field("outcome").label, "必须填写")
    if day is None:
        raise ValidationError(day_field.label, "必须填写")
    if day > _today():
        raise ValidationError(day_field.label, f"不能晚于今天：{day}")
    with store.transaction(actor, action="decide_appeal") as session:
        appeal = live(session, ContestAppeal, appeal_uuid, "申诉")
        if appeal.outcome is not None:
            raise ValidationError(APPEAL_TABLE.field("outcome").label,
                                  f"该申诉已于{appeal.decided_on}处理：{appeal.outcome}")
        if day < appeal.filed_on:
            raise ValidationError(day_field.label, f"不能早于申诉日期 {appeal.filed_on}")
        appeal.outcome, appeal.decided_on = text, day
    return appeal


def appeals(store: Store, contest_uuid: str) -> list[dict[str, Any]]:
    """The contest's appeals, oldest first, each with the entrant's 参赛证号 and name."""
    with store.transaction() as session:
        rows = session.execute(select(ContestAppeal, ContestEntry.entry_no, ContestEntry.name).join(
            ContestEntry, ContestEntry.uuid == ContestAppeal.entry_uuid).where(
            ContestEntry.contest_uuid == contest_uuid, ContestAppeal.deleted.is_(False))
            .order_by(ContestAppeal.filed_on, ContestEntry.entry_no))
        return [{"uuid": a.uuid, "entry_uuid": a.entry_uuid, "entry_no": no, "name": name,
                 "filed_on": a.filed_on, "filed_by": a.filed_by, "content": a.content, "outcome": a.outcome,
                 "decided_on": a.decided_on} for a, no, name in rows]
