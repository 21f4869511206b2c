"""A contest's scores beyond one cell: a block saved all or none, and a score sheet (成绩表) from Excel —
written from the grid and read back unchanged, found by 参赛证号 or 身份证号, every value checked like a typed
one, a bad row naming its sheet row, entrant and column and writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.auth import Actor
from db.contests import cases, results
from db.contests.score_sheets import (
    SECONDS,
    THEORY,
    ScoreCell,
    apply_sheet,
    import_scores,
    plan_sheet,
    save_scores,
    score_grid,
    sheet_fields,
    sheet_layout,
    sheet_problems,
)
from db.errors import ValidationError
from db.models import Contest
from db.store import Store
from desktop.documents.excel.mapping import guess_field_mapping
from desktop.documents.excel.score_sheet import read_score_sheet, write_score_sheet
from tests.unit.db.contests.test_contest_cases import CONTEST, enter, person


@pytest.fixture
def contest(store: Store, clerk: Actor) -> Contest:
    made = cases.create_contest(store, clerk, {**CONTEST, "tie_breaks": "time,practical"})
    for n in range(1, 4):
        enter(store, clerk, made, n, employer=f"单位{n}")
    cases.set_judges(store, clerk, made.uuid, [{"name": "李评", "employer": "单位2"}, {"name": "王评"},
                                               {"name": "赵评"}])
    return made


def stored(store: Store, contest: Contest) -> dict[str, tuple[int | None, dict[int, int], int | None, int | None]]:
    return {r.entry_no: (r.theory, r.judges, r.seconds, r.total) for r in score_grid(store, contest.uuid).rows}


def test_a_block_is_saved_whole_and_the_totals_follow(store: Store, clerk: Actor, contest: Contest) -> None:
    rows = score_grid(store, contest.uuid).rows
    first = rows[0].uuid
    cells = [ScoreCell(first, THEORY, "80"), ScoreCell(first, 1, "90"), ScoreCell(first, 2, "91.5"),
             ScoreCell(first, 3, 92), ScoreCell(first, SECONDS, "300")]
    after = save_scores(store, clerk, contest.uuid, cells)
    assert (after[0].theory, after[0].judges, after[0].practical, after[0].seconds) == (
        8000, {1: 9000, 2: 9150, 3: 9200}, 9117, 300)
    assert after[0].total == cases.score_sheet(store, contest.uuid)[0].total == 8782  # 24.00 + 63.82 rounded


def test_one_bad_cell_of_a_block_writes_nothing_and_is_named(store: Store, clerk: Actor, contest: Contest) -> None:
    rows = score_grid(store, contest.uuid).rows
    before = stored(store, contest)
    with pytest.raises(ValidationError) as caught:
        save_scores(store, clerk, contest.uuid, [ScoreCell(rows[0].uuid, THEORY, "80"),
                                                 ScoreCell(rows[2].uuid, 2, "100.5")])
    assert str(caught.value) == "0003 选手3 评委2：不能大于100：100.5"
    with pytest.raises(ValidationError, match="0002 选手2 评委1：该评委与选手同单位"):
        save_scores(store, clerk, contest.uuid, [ScoreCell(rows[1].uuid, 1, "80")])
    assert stored(store, contest) == before


def test_a_sheet_written_from_the_grid_reads_back_unchanged(store: Store, clerk: Actor, contest: Contest,
                                                            tmp_path: Path) -> None:
    rows = score_grid(store, contest.uuid).rows
    save_scores(store, clerk, contest.uuid, [
        ScoreCell(rows[0].uuid, THEORY, "85.55"), ScoreCell(rows[0].uuid, 1, "70.1"), ScoreCell(rows[0].uuid, 2, "88"),
        ScoreCell(rows[0].uuid, 3, "99.99"), ScoreCell(rows[2].uuid, SECONDS, "420")])
    before = stored(store, contest)
    path = tmp_path / "成绩表.xlsx"
    write_score_sheet(path, score_grid(store, contest.uuid))
    table = read_score_sheet(path)
    assert table[0] == ["参赛证号", "姓名", "工作单位", "理论成绩", "评委1", "评委2", "评委3", "用时（秒）"]
    report = import_scores(store, clerk, contest.uuid, table)
    assert (report.rows, report.entrants, report.cells) == (3, 0, 0)
    assert stored(store, contest) == before

    # filled in outside and imported: the scores arrive, the ranking sees them
    table[2][3:8] = [90.0, None, 80.0, 70.0, 500.0]  # 0002: judge 1 avoids, left empty
    table[3][3:7] = [60.0, 61.25, 62.0, 63.0]
    report = import_scores(store, clerk, contest.uuid, table)
    assert (report.entrants, report.cells) == (2, 8)
    after = stored(store, contest)
    assert after["0002"][:3] == (9000, {2: 8000, 3: 7000}, 500)
    assert after["0003"][1] == {1: 6125, 2: 6200, 3: 6300}
    assert all(p.rank is not None for p in results.provisional(store, contest.uuid).placed)


def test_a_sheet_by_id_number_and_a_single_judge_practical_column(store: Store, clerk: Actor) -> None:
    solo = cases.create_contest(store, clerk, {**CONTEST, "name": "单评委赛", "judge_count": 1})
    enter(store, clerk, solo, 7)
    import_scores(store, clerk, solo.uuid, [["身份证号", "理论成绩", "实操成绩"], [person(7), 88, 91.5]])
    row = score_grid(store, solo.uuid).rows[0]
    assert (row.theory, row.judges, row.practical) == (8800, {1: 9150}, 9150)
    with pytest.raises(ValidationError, match="实操成绩由各评委评分计算"):
        sheet_layout(["参赛证号", "实操成绩"], 3)


def test_a_bad_sheet_names_each_row_and_imports_nothing(store: Store, clerk: Actor, contest: Contest) -> None:
    before = stored(store, contest)
    table: list[list[object]] = [["参赛证号", "姓名", "理论成绩", "评委2"],
             ["0001", "选手1", "85", "90"],
             ["0002", "选手2", "abc", "101"],
             [3.0, "选手3", "77.777", None],
             ["0009", "无名", "80", None],
             ["0001", "选手1", "85", None]]
    with pytest.raises(ValidationError) as caught:
        import_scores(store, clerk, contest.uuid, table)
    assert caught.value.reason.splitlines()[1:] == [
        "第3行 0002 选手2 理论：应为数字：abc", "第3行 0002 选手2 评委2：不能大于100：101",
        "第4行 0003 选手3 理论：最多两位小数：77.777", "第5行：参赛证号“0009”不是本竞赛的参赛选手",
        "第6行：0001 选手1与第2行重复"]
    assert stored(store, contest) == before


def test_published_scores_are_not_imported(store: Store, clerk: Actor, contest: Contest) -> None:
    cases.update_contest(store, clerk, contest.uuid, {"quota_first": 1, "quota_second": 1, "quota_third": 1})
    for n, row in enumerate(score_grid(store, contest.uuid).rows):
        save_scores(store, clerk, contest.uuid, [ScoreCell(row.uuid, c, f"{80 + n}")
                                                 for c in (THEORY, 1, 2, 3) if c not in row.avoided])
    results.publish(store, clerk, contest.uuid)
    with pytest.raises(ValidationError, match="成绩已发布"):
        import_scores(store, clerk, contest.uuid, [["参赛证号", "理论成绩"], ["0001", "90"]])
    with pytest.raises(ValidationError, match="成绩已发布"):
        save_scores(store, clerk, contest.uuid, [ScoreCell(score_grid(store, contest.uuid).rows[0].uuid, THEORY, 1)])


def test_the_wizard_fields_guess_a_clerks_own_headers() -> None:
    headers = ["序号", "选手编号", "公民身份号码", "选手姓名", "理论分", "评委一", "2号评委", "裁判3", "评委4", "用时"]
    assert guess_field_mapping(sheet_fields(3), headers) == {
        1: "entry_no", 2: "id_number", 3: "name", 4: "theory", 5: "judge_1", 6: "judge_2", 7: "judge_3",
        9: "seconds"}  # 评委4: the contest has three judges
    assert guess_field_mapping(sheet_fields(1), ["参赛证号", "实操成绩"]) == {0: "entry_no", 1: "judge_1"}
    assert guess_field_mapping(sheet_fields(3), ["参赛证号", "实操成绩"]) == {0: "entry_no"}  # computed, not typed
    assert sheet_problems(["name", "judge_2"]) == ("参赛证号或身份证号",)
    assert sheet_problems(["entry_no", "name"]) == ("成绩列（理论成绩、评委或用时）",)


def test_a_planned_sheet_checks_names_and_id_numbers_and_applies_whole(store: Store, clerk: Actor,
                                                                       contest: Contest) -> None:
    before = stored(store, contest)
    rows: list[tuple[int, dict[str, object]]] = [
        (3, {"id_number": person(1), "name": "选手1", "theory": 90.0}),
        (4, {"id_number": person(2), "name": "别人", "theory": 80.0}),
        (5, {"entry_no": 3.0, "id_number": person(1), "judge_2": "88"})]
    plan = plan_sheet(store, clerk, contest.uuid, rows)
    assert [r.verdict for r in plan.rows] == ["update", "error", "error"] and plan.blocked
    assert plan.rows[0].changes == {"理论": ("", "90.00")}
    assert plan.rows[1].messages == ("第4行 0002 选手2 姓名：表中为“别人”，与登记的姓名不符",)
    assert plan.rows[2].messages == ("第5行 0003 选手3 身份证号：与该选手登记的身份证号不符",)
    with pytest.raises(ValidationError, match="第4行 0002 选手2 姓名"):
        apply_sheet(store, clerk, contest.uuid, plan)
    assert stored(store, contest) == before

    plan = plan_sheet(store, clerk, contest.uuid, rows[:1])
    done = apply_sheet(store, clerk, contest.uuid, plan)
    assert (done.rows, done.entrants, done.cells) == (1, 1, 1)
    assert stored(store, contest)["0001"][0] == 9000
