"""What each registry adds to the shared import planning (:mod:`db.tabular.plan`): its natural key, the
checks between fields, the references it resolves, and the changes an import may not make.

Status changes stay with the use cases that record them: a member's 转出/退会 and a hardship file's approval
are never made by a spreadsheet, so a changed 状态 is an error naming the cell, and new records start as
在会 / 申请.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select, tuple_
from sqlalchemy.orm import Session

from db import masking, member_fields, reference
from db.auth import Actor
from db.contests import total_score
from db.errors import ValidationError
from db.models import AidCase, Contest, ContestEntry, Member
from db.tabular import rows as stored_rows
from db.tabular.fields import Field, Masked, _as_text
from db.tabular.registries import REGISTRIES, Registry
from db.tabular.rows import in_chunks
from db.validation import mask_id_number

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict

Cell = Callable[["RowVerdict", str, str], None]
Key = tuple[Any, ...]
CHUNK = 500
_SEPARATORS = str.maketrans({c: "、" for c in ",，;；/ \n"})


def _masked(value: Any) -> bool:
    return type(value) is Masked


class Rules:
    """The shared behaviour; registries override what differs."""

    registry: Registry
    natural: tuple[str, ...] = ()  # values' attrs of the natural key (after resolve)

    def clean_field(self, fld: Field, raw: Any) -> Any:
        return fld.clean(raw)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        """Checks between the fields of one row; raise ValidationError naming the field's label."""

    def summary(self, values: Mapping[str, Any]) -> str:
        return " ".join(self._key_part(attr, values.get(attr)) for attr in self.natural
                        if values.get(attr) is not None)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """Turn the names of other records (a contest, a member, a file) into their uuids."""

    def file_keys(self, values: Mapping[str, Any]) -> list[Key]:
        keys: list[Key] = []
        if values.get("uuid"):
            keys.append(("uuid", values["uuid"]))
        natural = self.natural_key(values)
        if natural is not None:
            keys.append(("key", *natural))
        return keys

    def natural_key(self, values: Mapping[str, Any]) -> Key | None:
        key = tuple(values.get(attr) for attr in self.natural)
        if not key or any(part is None or _masked(part) for part in key):
            return None
        return key

    def key_text(self, key: Key) -> str:
        if key[0] == "uuid":
            return f"系统编号 {key[1]}"
        labels = [_label(self.registry, attr) for attr in self.natural]
        parts = [self._key_part(attr, value) for attr, value in zip(self.natural, key[1:], strict=True)]
        return "，".join(f"{label} {part}" for label, part in zip(labels, parts, strict=True))

    def _key_part(self, attr: str, value: Any) -> str:
        """A value of the natural key as a report shows it: an ID number masked (reports are shared)."""
        masks = _masks(self.registry)
        return _shown(masks[attr](value) if attr in masks and isinstance(value, str) else value)

    def match(self, session: Session, verdicts: Sequence[RowVerdict]) -> dict[int, dict[str, Any]]:
        """The stored row of each verdict (by id()), by 系统编号 first, then by the natural key."""
        model = self.registry.model
        found: dict[int, dict[str, Any]] = {}
        with_uuid = [v for v in verdicts if v.values.get("uuid")]
        by_uuid = _fetch(session, self.registry, model.uuid, [v.values["uuid"] for v in with_uuid])
        for verdict in with_uuid:
            if (row := by_uuid.get((verdict.values["uuid"],))) is not None:
                found[id(verdict)] = row
        rest = [(v, k) for v in verdicts if id(v) not in found and (k := self.natural_key(v.values))]
        if rest and self.natural:
            columns = [getattr(model, attr) for attr in self.natural]
            by_key = _fetch(session, self.registry, columns, [k for _, k in rest])
            for verdict, key in rest:
                if (row := by_key.get(key)) is not None:
                    found[id(verdict)] = row
        return found

    def same(self, old: Any, new: Any) -> bool:
        if isinstance(old, float) and isinstance(new, float):
            return math.isclose(old, new, rel_tol=1e-9, abs_tol=1e-9)
        return bool(old == new)

    # A registry whose 状态 moves only by its use cases: the status of a new record, and why not otherwise.
    initial_status: str | None = None
    new_status_message = ""
    status_change_message = ""

    def check_new(self, verdict: RowVerdict, cell: Cell) -> None:
        """Rules of a row that creates a record."""
        if self.initial_status and verdict.values.get("status") not in (None, self.initial_status):
            cell(verdict, "status", self.new_status_message)

    def check_update(self, verdict: RowVerdict, stored: dict[str, Any], cell: Cell) -> None:
        """Rules of a row that changes a record (``verdict.values`` holds the changed fields only)."""
        if self.initial_status and "status" in verdict.values:
            cell(verdict, "status", self.status_change_message)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """Uniqueness beyond the key, against the database (and other rows of the file)."""


def _label(registry: Registry, attr: str) -> str:
    try:
        return registry.field(attr).label
    except KeyError:
        return attr


@functools.cache
def _masks(registry: Registry) -> dict[str, masking.Mask]:
    return masking.column_masks((f.attr, f.kind) for f in registry.fields)


def _shown(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _fetch(session: Session, registry: Registry, columns: Any, keys: Sequence[Key | str]) -> dict[Key, dict]:
    """Stored rows (with derived columns) whose ``columns`` equal one of ``keys``, by key tuple."""
    multi = isinstance(columns, list)
    target: ColumnElement[Any] = tuple_(*columns) if multi else columns
    names = [c.key for c in columns] if multi else [columns.key]
    unique = sorted({tuple(k) if isinstance(k, tuple) else (k,) for k in keys}, key=repr)
    result: dict[Key, dict] = {}
    for start in range(0, len(unique), CHUNK):
        part = unique[start:start + CHUNK]
        condition = target.in_(part if multi else [k[0] for k in part])
        for row in stored_rows.fetch(session, registry, condition):
            result[tuple(row[name] for name in names)] = row
    return result


def _check_unique_numbers(session: Session, verdicts: Sequence[RowVerdict], attr: str, label: str, column: Any,
                          owner: Any, cell: Cell, *where: ColumnElement[bool]) -> None:
    """A number (会员编号, 证书编号) that another record holds, or an earlier row of the file, is an error."""
    wanted = [(v, v.values[attr]) for v in verdicts if v.values.get(attr)]
    taken = dict(in_chunks(session, lambda part: select(column, owner).where(column.in_(part), *where),
                            [number for _, number in wanted]))
    first: dict[str, int] = {}
    for verdict, number in wanted:
        holder = taken.get(number)
        if holder is not None and holder != verdict.uuid:
            cell(verdict, attr, f"{label} {number} 已被使用")
        elif number in first:
            cell(verdict, attr, f"{label} {number} 与第{first[number]}行重复")
        else:
            first[number] = verdict.row_no


# --- 会员 ------------------------------------------------------------------------------------------

class MemberRules(Rules):
    registry = REGISTRIES["members"]
    natural = ("id_number",)
    initial_status = "active"
    new_status_message = "新登记的会员应为在会；转出、退会、去世请在程序中办理"
    status_change_message = "状态不能通过导入修改，请在程序中办理转出、退会或恢复"

    def clean_field(self, fld: Field, raw: Any) -> Any:
        if fld.attr in member_fields.CLEANERS:
            if isinstance(raw, float):
                raw = _as_text(raw)
            return member_fields.clean_field(fld.attr, raw)
        return fld.clean(raw)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        given = {k: v for k, v in values.items() if k in member_fields.CLEANERS and type(v) is not Masked}
        if "id_number" not in given:
            given.pop("gender", None)
        values.update(member_fields.check_member(given, partial=True))

    def summary(self, values: Mapping[str, Any]) -> str:
        number = values.get("id_number")
        shown = mask_id_number(number) if isinstance(number, str) else ""
        return f"{values.get('name') or ''} {shown}".strip()

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        _check_unique_numbers(session, verdicts, "member_no", "会员编号", Member.member_no, Member.uuid, cell,
                              Member.office_code == actor.office_code)
        changed = [(v, v.values["id_number"]) for v in verdicts if v.verdict == "update" and "id_number" in v.values]
        holders = dict(in_chunks(session, lambda part: select(Member.id_number, Member.name).where(
            Member.deleted.is_(False), Member.id_number.in_(part)), [n for _, n in changed]))
        for verdict, number in changed:
            if number in holders:
                cell(verdict, "id_number", f"已有会员“{holders[number]}”使用此证件号码")


# --- 暖心驿站 --------------------------------------------------------------------------------------

class StationRules(Rules):
    registry = REGISTRIES["stations"]
    natural = ("code",)

    def clean_field(self, fld: Field, raw: Any) -> Any:
        if fld.attr != "services":
            return fld.clean(raw)
        text = fld.clean(raw)
        if text is None:
            return None
        names = [name for name in text.translate(_SEPARATORS).split("、") if name]
        for name in names:
            if len(name) > 30:
                raise ValidationError(fld.label, f"服务项目“{name[:10]}…”太长（最多30个字）")
        return "、".join(dict.fromkeys(names)) or None

    def summary(self, values: Mapping[str, Any]) -> str:
        return f"{values.get('code') or ''} {values.get('name') or ''}".strip()


# --- 技能竞赛 --------------------------------------------------------------------------------------

class ContestRules(Rules):
    registry = REGISTRIES["contests"]
    natural = ("name", "starts_on")

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        starts, ends = values.get("starts_on"), values.get("ends_on")
        if starts and ends and ends < starts:
            raise ValidationError("结束日期", "不能早于开始日期")
        theory, practical = values.get("theory_weight"), values.get("practical_weight")
        if theory is not None and practical is not None and theory + practical != 100:
            raise ValidationError("实操权重（%）", f"理论权重与实操权重之和应为100（现为{theory + practical}）")


class EntryRules(Rules):
    registry = REGISTRIES["entries"]
    natural = ("contest_uuid", "entry_no")

    def summary(self, values: Mapping[str, Any]) -> str:
        return f"{values.get('entry_no') or ''} {values.get('name') or ''}".strip()

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        number, gender = values.get("id_number"), values.get("gender")
        if isinstance(number, str) and gender:
            expected = "男" if int(number[16]) % 2 else "女"
            if gender != expected:
                raise ValidationError("性别", f"与身份证号不符（身份证号为{expected}性）")

    def key_text(self, key: Key) -> str:
        return f"参赛证号 {key[-1]}" if key[0] == "key" else super().key_text(key)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        contests: dict[tuple[Any, Any], Contest] = {(c.name, c.starts_on): c for c in session.scalars(
            select(Contest).where(Contest.deleted.is_(False)))}
        numbers = [v.values["id_number"] for v in verdicts if isinstance(v.values.get("id_number"), str)]
        members = dict(in_chunks(session, lambda part: select(Member.id_number, Member.uuid).where(
            Member.deleted.is_(False), Member.id_number.in_(part)), numbers))
        for verdict in verdicts:
            values = verdict.values
            contest = contests.get((values.get("contest_name"), values.get("contest_starts_on")))
            if contest is None:
                cell(verdict, "contest_name", f"找不到开始日期为 {_shown(values.get('contest_starts_on'))} 的竞赛"
                                              f"“{values.get('contest_name')}”，请先录入竞赛")
                continue
            values["contest_uuid"] = contest.uuid
            if isinstance(values.get("id_number"), str):
                values["member_uuid"] = members.get(values["id_number"])
            theory, practical = values.get("theory_score"), values.get("practical_score")
            if theory is not None and practical is not None:
                values["total_score"] = total_score(theory, practical, contest.theory_weight,
                                                    contest.practical_weight)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        _check_unique_numbers(session, verdicts, "certificate_no", "证书编号", ContestEntry.certificate_no,
                              ContestEntry.uuid, cell)


# --- 困难帮扶 --------------------------------------------------------------------------------------

class AidCaseRules(Rules):
    registry = REGISTRIES["aid-cases"]
    natural = ("case_no",)
    initial_status = "applied"
    new_status_message = "新建档案应为申请；核查、审批请在程序中办理"
    status_change_message = "档案状态不能通过导入修改，请在程序中办理"

    def clean_field(self, fld: Field, raw: Any) -> Any:
        value = fld.clean(raw)
        if fld.attr != "minor_causes" or value is None:
            return value
        causes = [c for c in value.translate(_SEPARATORS).split("、") if c]
        allowed = reference.values("aid_cause")
        for cause in causes:
            if cause not in allowed:
                raise ValidationError(fld.label, f"“{cause}”不在可选范围内：{'、'.join(allowed)}")
        if len(causes) > 3:
            raise ValidationError(fld.label, f"最多三项（现为{len(causes)}项）")
        return "、".join(dict.fromkeys(causes)) or None

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        minor = (values.get("minor_causes") or "").split("、")
        if values.get("main_cause") and values["main_cause"] in minor:
            raise ValidationError("次要致困原因", "不能与主要致困原因相同")

    def summary(self, values: Mapping[str, Any]) -> str:
        number = values.get("member_id_number")
        shown = mask_id_number(number) if isinstance(number, str) else ""
        return f"{values.get('case_no') or ''} {shown}".strip()

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        numbers = [v.values["member_id_number"] for v in verdicts if isinstance(v.values.get("member_id_number"), str)]
        members = dict(in_chunks(session, lambda part: select(Member.id_number, Member.uuid).where(
            Member.deleted.is_(False), Member.office_code == actor.office_code, Member.id_number.in_(part)), numbers))
        for verdict in verdicts:
            number = verdict.values.get("member_id_number")
            if _masked(number) or number is None:
                continue
            if number not in members:
                cell(verdict, "member_id_number", f"{mask_id_number(number)} 不是本单位的会员，请先登记会员")
            else:
                verdict.values["member_uuid"] = members[number]

    def file_keys(self, values: Mapping[str, Any]) -> list[Key]:
        keys = super().file_keys(values)
        return [*keys, ("member", values["member_uuid"])] if values.get("member_uuid") else keys

    def key_text(self, key: Key) -> str:
        return "同一会员（一户一档）" if key[0] == "member" else super().key_text(key)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        owners = [(v, v.values["member_uuid"]) for v in verdicts if v.values.get("member_uuid")]
        files = in_chunks(session, lambda part: select(AidCase.member_uuid, AidCase.case_no, AidCase.uuid).where(
            AidCase.deleted.is_(False), AidCase.member_uuid.in_(part)), [m for _, m in owners])
        by_member = {member: (case_no, uuid) for member, case_no, uuid in files}
        for verdict, member in owners:
            case_no, uuid = by_member.get(member, (None, None))
            if uuid is not None and uuid != verdict.uuid:
                cell(verdict, "member_id_number", f"该会员已有困难档案 {case_no}（一户一档）")


class AidPaymentRules(Rules):
    registry = REGISTRIES["aid-payments"]
    natural = ("case_uuid", "kind", "paid_on", "amount_fen")

    def summary(self, values: Mapping[str, Any]) -> str:
        amount = values.get("amount_fen")
        shown = f"{amount / 100:.2f}元" if isinstance(amount, int) else ""
        return f"{values.get('case_no') or ''} {values.get('kind') or ''} {shown}".strip()

    def key_text(self, key: Key) -> str:
        return "同一档案、类型、日期和金额" if key[0] == "key" else super().key_text(key)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        cases = dict(in_chunks(session, lambda part: select(AidCase.case_no, AidCase.uuid).where(
            AidCase.deleted.is_(False), AidCase.office_code == actor.office_code, AidCase.case_no.in_(part)),
            [v.values["case_no"] for v in verdicts if v.values.get("case_no")]))
        for verdict in verdicts:
            case_no = verdict.values.get("case_no")
            if case_no not in cases:
                cell(verdict, "case_no", f"找不到档案编号为 {case_no} 的困难职工档案")
            else:
                verdict.values["case_uuid"] = cases[case_no]


RULES: dict[str, Rules] = {rules.registry.name: rules for rules in (
    MemberRules(), StationRules(), ContestRules(), EntryRules(), AidCaseRules(), AidPaymentRules())}
