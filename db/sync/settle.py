"""Settling the conflicts an import kept aside (design §5: "settled by a person, never silently overwritten").

An import keeps a row aside as a :class:`~db.models.SyncConflict` when the merge rules cannot decide
(:mod:`db.sync.merge_rows`). Here a person looks at both sides (:func:`conflict_detail`) and chooses:

* ``foreign_edit`` (the sender changed a row it does not own) and ``same_rev`` (both sides changed the same
  version of a row): 保留本地 (the stored row stays), 采用来件 (the incoming row is written), 逐项合并 (the
  stored row with the fields the person picked from the incoming one);
* ``same_person`` (one ID number active under two offices): 保留本地 (the incoming member is recorded as
  transferred out), 采用来件 (the stored member is transferred out, the incoming one written), 两者都保留
  (both stay active; later imports do not ask again), 逐项合并 (the stored member with the picked fields,
  the incoming one transferred out);
* ``missing_parent``: 重新合并 (merged by the usual rules once its parent row is here) or 放弃来件;
* ``cross_office`` (a table's declared rule of one open record per person across offices, e.g. a hardship
  file: 一人多档): both records shown side by side (the rule's subject table: for a household member, the
  file it belongs to); 保留本地 (the incoming row is written and its record closed by the rule),
  采用来件 (written, the other offices' records closed), 两者都保留 (written; later imports do not ask again
  for that pair). How a record is closed is the rule's (:class:`db.registry.AcrossOffices`).

Every row a settlement writes gets a ``rev`` above both sides' (``max + 1``), so the decision wins wherever
the row travels next: the district's return batch carries it to the owning sub-district, whose import
(the same code) replaces its copy. A transfer caused by a settlement is recorded as a 转出 event, like one
made by hand. Rows whose parent the settlement wrote (a member's events kept aside with it) are merged in
the same transaction. Each settlement is one transaction with its audit entries.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, Select, select
from sqlalchemy.orm import Session

from db import masking
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.fields import Field
from db.models import REGISTRY_MODELS, MemberEvent, Office, RegistryRow, SyncBatch, SyncConflict
from db.models.members import ACTIVE, TRANSFERRED_OUT
from db.pinyin import pinyin_columns
from db.registry import AcrossOffices, table_label, table_specs
from db.store import Store
from db.sync.merge_rows import CROSS_OFFICE, FOREIGN_EDIT, MISSING_PARENT, SAME_PERSON, SAME_REV, table_of
from db.writes import append_audit, jsonable, utcnow

__all__ = ["CHOICE_LABELS", "KEEP_BOTH", "KEEP_INCOMING", "KEEP_LOCAL", "KIND_LABELS", "MERGE", "DISCARD",
           "RETRY", "ConflictDetail", "ConflictSummary", "FieldRow", "conflict_detail", "open_conflicts",
           "settle"]

OPEN, SETTLED = "open", "settled"
KEEP_LOCAL, KEEP_INCOMING, KEEP_BOTH, MERGE = "keep_local", "keep_incoming", "keep_both", "merge"
RETRY, DISCARD = "retry", "discard"
LOCAL, INCOMING = "local", "incoming"
ACTION = "settle_conflict"

KIND_LABELS = {
    SAME_PERSON: "同一人在两个单位在会",
    FOREIGN_EDIT: "修改了不属于发件单位的记录",
    SAME_REV: "双方同时修改了同一记录",
    MISSING_PARENT: "缺少所属的上级记录",
    CROSS_OFFICE: "同一人在两个单位都有未关闭的记录",  # the table's rule names it (一人多档): _kind_label
}
CHOICE_LABELS = {
    KEEP_LOCAL: "保留本地", KEEP_INCOMING: "采用来件", KEEP_BOTH: "两者都保留", MERGE: "逐项合并",
    RETRY: "重新合并", DISCARD: "放弃来件",
}
_CHOICES = {
    SAME_PERSON: (KEEP_LOCAL, KEEP_INCOMING, KEEP_BOTH, MERGE),
    FOREIGN_EDIT: (KEEP_LOCAL, KEEP_INCOMING, MERGE),
    SAME_REV: (KEEP_LOCAL, KEEP_INCOMING, MERGE),
    MISSING_PARENT: (RETRY, DISCARD),
    CROSS_OFFICE: (KEEP_LOCAL, KEEP_INCOMING, KEEP_BOTH),
}
# Columns the sync bookkeeping owns: shown for reference, never picked field by field.
SYSTEM_COLUMNS = ("uuid", "office_code", "rev", "updated_at", "updated_by", "deleted", "sync_seq")
_SYSTEM_LABELS = {"uuid": "系统编号", "office_code": "所属单位", "rev": "版本", "updated_at": "修改时间",
                  "updated_by": "修改人", "deleted": "已删除"}
# A merged member keeps its own office's number and status: they are not the person's facts.
_NOT_PICKED = {"members": frozenset({"member_no", "status"})}
# Search columns computed from the name: never shown or picked, recomputed whenever the name is taken.
DERIVED = frozenset({"name_pinyin", "name_initials"})
_MODELS = {table_of(model).name: model for model in REGISTRY_MODELS}


def _fields(table: str) -> dict[str, Field]:
    """The declared fields of a table (its columns' Chinese names and value lists), by attribute."""
    spec = table_specs().get(table)
    return {f.attr: f for f in spec.fields} if spec is not None else {}


@dataclass(frozen=True)
class ConflictSummary:
    """One open conflict as a list shows it."""

    uuid: str
    kind: str
    kind_label: str
    table: str
    table_label: str
    row_uuid: str
    title: str  # what the record is: a name, or the table and the start of its uuid
    sender_code: str
    sender_name: str
    batch_seq: int
    received_at: dt.datetime | None


@dataclass(frozen=True)
class FieldRow:
    """One field of a conflict's two sides, as text; ``pickable`` in a field-by-field merge."""

    key: str
    label: str
    local: str
    incoming: str
    differs: bool
    pickable: bool


@dataclass(frozen=True)
class ConflictDetail:
    """Both sides of a conflict side by side, what happened, and the choices it allows (in button order)."""

    summary: ConflictSummary
    explanation: str
    local_title: str
    incoming_title: str
    fields: list[FieldRow]
    choices: tuple[str, ...]
    local_count: int  # rows on the local side (a same-person conflict may meet more than one)
    status: str
    local_owner: str  # the office that owns the local row shown ("" when there is none)


# ------------------------------------------------------------------------------------------------ reading

def open_conflicts(session: Session, sender: str | None = None) -> list[ConflictSummary]:
    """The open conflicts (of one sender office), oldest batch first."""
    query = (_with_batch().where(SyncConflict.status == OPEN)
             .order_by(SyncBatch.processed_at, SyncBatch.sender_code, SyncBatch.seq, SyncConflict.table_name,
                       SyncConflict.row_uuid))
    if sender is not None:
        query = query.where(SyncBatch.sender_code == sender)
    return [_summary(conflict, code, seq, at, name) for conflict, code, seq, at, name in session.execute(query)]


def _with_batch() -> Select[SyncConflict, str, int, dt.datetime | None, str]:
    """Conflicts with what a summary tells of their batch: sender, number, time, the sender's name."""
    return (select(SyncConflict, SyncBatch.sender_code, SyncBatch.seq, SyncBatch.processed_at, Office.name)
            .join(SyncBatch, SyncBatch.uuid == SyncConflict.batch_uuid)
            .outerjoin(Office, Office.code == SyncBatch.sender_code))


def _summary(conflict: SyncConflict, sender: str, seq: int, at: dt.datetime | None,
             sender_name: str | None) -> ConflictSummary:
    incoming = json.loads(conflict.incoming_data)
    label = table_label(conflict.table_name)
    title = next((str(incoming[key]) for key in ("name", "title", "case_no") if incoming.get(key)),
                 f"{label} {conflict.row_uuid[:8]}")
    return ConflictSummary(conflict.uuid, conflict.kind, _kind_label(conflict),
                           conflict.table_name, label, conflict.row_uuid, title, sender, sender_name or sender,
                           seq, at)


def _kind_label(conflict: SyncConflict) -> str:
    rule = _rule(conflict.table_name) if conflict.kind == CROSS_OFFICE else None
    return rule.label if rule is not None else KIND_LABELS.get(conflict.kind, conflict.kind)


def _rule(table: str) -> AcrossOffices | None:
    spec = table_specs().get(table)
    return spec.across_rule() if spec is not None else None


def _across_side(conflict: SyncConflict) -> dict[str, Any]:
    """The local side of a cross_office conflict: ``subject`` table, ``incoming`` record, ``rows`` met, ``who``."""
    side = json.loads(conflict.local_data) or {}
    if not isinstance(side, dict) or side.get("subject") not in _MODELS:
        raise NotFound("这条冲突的记录不完整，无法处理。")
    return side


def _get(session: Session, uuid: str) -> tuple[SyncConflict, ConflictSummary]:
    found = session.execute(_with_batch().where(SyncConflict.uuid == uuid)).first()
    if found is None:
        raise NotFound(f"找不到同步冲突 {uuid}。")
    conflict, code, seq, at, name = found
    return conflict, _summary(conflict, code, seq, at, name)


def conflict_detail(store: Store, actor: Actor, uuid: str) -> ConflictDetail:
    """Both sides of conflict ``uuid``: the local side as stored now, the incoming row as the batch had it.

    ID, phone and bank numbers are masked unless the actor may see them in full.
    """
    full = actor.can("sensitive.full")
    with store.transaction() as session:
        conflict, summary = _get(session, uuid)
        incoming = json.loads(conflict.incoming_data)
        locals_ = _local_rows(session, conflict)
        local = locals_[0] if locals_ else None
        shown_table = conflict.table_name
        if conflict.kind == CROSS_OFFICE:  # both records side by side: for a child row, the record it is of
            side = _across_side(conflict)
            shown_table = side["subject"]
            if conflict.table_name != shown_table:
                incoming = _stored(session, shown_table, side["incoming"]) or incoming
        columns = list(table_of(_model(shown_table)).columns.keys())
        fields = _field_rows(session, conflict, shown_table, columns, local, incoming, full)
        if full:  # every view of a full sensitive value is audited (design §7), here as in a file's reveal
            _audit_full_view(session, actor, conflict, shown_table, local, incoming)
        explanation = _explain(session, conflict, summary, locals_)
        local_title = _side_title(session, local, "本单位现有") if local else "本单位没有这条记录"
        incoming_title = _side_title(session, incoming, f"来件（{summary.sender_name}第{summary.batch_seq}批）")
        owner = _office_name(session, local.get("office_code")) if local else ""
    choices = tuple(c for c in _CHOICES.get(conflict.kind, ())
                    if not (c == MERGE and local is None))
    return ConflictDetail(summary, explanation, local_title, incoming_title, fields, choices, len(locals_),
                          conflict.status, owner)


def _audit_full_view(session: Session, actor: Actor, conflict: SyncConflict, table: str,
                     local: Mapping[str, Any] | None, incoming: Mapping[str, Any]) -> None:
    """One audit row naming the sensitive fields shown in full on either side, if any had a value."""
    shown = [attr for attr, field in _fields(table).items() if field.sensitive
             and any(side is not None and side.get(attr) not in (None, "") for side in (local, incoming))]
    if shown:
        append_audit(session.connection(), actor.username, [("reveal", table, conflict.row_uuid, {
            "conflict": conflict.uuid, "fields": shown})])


def _model(table: str) -> type[RegistryRow]:
    model = _MODELS.get(table)
    if model is None:
        raise NotFound(f"本程序不认识数据表 {table}，无法处理这条冲突。")
    return model


def _local_rows(session: Session, conflict: SyncConflict) -> list[dict[str, Any]]:
    """The local side as stored now (it may have changed since the import kept the row aside)."""
    if conflict.kind == MISSING_PARENT:
        return []
    if conflict.kind == CROSS_OFFICE:
        side = _across_side(conflict)
        return [row for uuid in (r["uuid"] for r in side.get("rows") or [])
                if (row := _stored(session, side["subject"], uuid)) is not None]
    stored = json.loads(conflict.local_data) or []
    uuids = [row["uuid"] for row in stored] if conflict.kind == SAME_PERSON else [conflict.row_uuid]
    table = table_of(_model(conflict.table_name))
    rows = {row["uuid"]: dict(row) for row in session.connection().execute(
        select(table).where(table.c.uuid.in_(uuids))).mappings()}
    found = [_jsonable(rows[uuid]) for uuid in uuids if uuid in rows]
    if conflict.kind == SAME_PERSON:  # the holders still active: those a settlement acts on
        found = [row for row in found if row.get("status") == ACTIVE and not row.get("deleted")]
    return found


def _stored(session: Session, table_name: str, uuid: str) -> dict[str, Any] | None:
    """A registry row as stored now, its values as a batch has them; None if not stored."""
    table = table_of(_model(table_name))
    row = session.connection().execute(select(table).where(table.c.uuid == uuid)).mappings().first()
    return _jsonable(dict(row)) if row is not None else None


def _jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: jsonable(value) for key, value in row.items()}


def _unpickable(conflict: SyncConflict) -> frozenset[str]:
    """The columns a field-by-field merge of ``conflict`` keeps local whatever the person picks."""
    if conflict.kind == CROSS_OFFICE:  # two records, not two versions of one: nothing is merged
        return frozenset(table_of(_model(_across_side(conflict)["subject"])).columns.keys())
    own = _NOT_PICKED.get(conflict.table_name, frozenset()) if conflict.kind == SAME_PERSON else frozenset()
    return frozenset(SYSTEM_COLUMNS) | DERIVED | own


def _field_rows(session: Session, conflict: SyncConflict, table: str, columns: list[str],
                local: dict[str, Any] | None, incoming: dict[str, Any], full: bool) -> list[FieldRow]:
    known = _fields(table)
    shown = [c for c in columns if c not in DERIVED]
    ordered = [attr for attr in known if attr in shown and attr not in SYSTEM_COLUMNS]
    ordered += [c for c in shown if c not in ordered and c not in SYSTEM_COLUMNS]
    ordered += [c for c in SYSTEM_COLUMNS if c in shown and c not in ("uuid", "sync_seq")]
    fixed = _unpickable(conflict)
    # as in every masked list: numbers masked, and the birth date beside a masked ID number as its year
    masks = {} if full else masking.column_masks(known.values())
    rows = []
    for key in ordered:
        field = known.get(key)
        label = field.label if field else _SYSTEM_LABELS.get(key, key)
        mine = local.get(key) if local else None
        theirs = incoming.get(key)
        mask = masks.get(key)
        rows.append(FieldRow(key, label, _text(session, key, field, mine, full, mask) if local else "",
                             _text(session, key, field, theirs, full, mask), local is not None and mine != theirs,
                             local is not None and key not in fixed))
    return rows


def _text(session: Session, key: str, field: Field | None, value: Any, full: bool,
          mask: masking.Mask | None = None) -> str:
    if value is None:
        return ""
    if mask is not None:
        return str(mask(value))
    if key == "office_code":
        return f"{_office_name(session, value)}（{value}）"
    if key == "updated_at":  # stored in UTC, read in local time
        moment = dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC).astimezone()
        return moment.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return "是" if value else "否"
    shown = field.to_cell(value, full=full) if field is not None else value
    return "" if shown is None else str(shown)


def _side_title(session: Session, row: Mapping[str, Any], prefix: str) -> str:
    office = session.get(Office, row.get("office_code"))
    owner = office.name if office else row.get("office_code")
    return f"{prefix}：属于{owner}，第{row.get('rev')}版，{row.get('updated_by')}修改"


def _explain(session: Session, conflict: SyncConflict, summary: ConflictSummary,
             locals_: list[dict[str, Any]]) -> str:
    sender = summary.sender_name
    if conflict.kind == SAME_PERSON:
        holders = "、".join(sorted({_office_name(session, row.get("office_code")) for row in locals_})) or "另一单位"
        return (f"{sender}报来的会员“{summary.title}”的身份证号，在{holders}也有在会记录。"
                "同一人只能在一个单位在会：请决定以哪一方为准（另一方记为转出），或确认两者都保留。")
    if conflict.kind == CROSS_OFFICE:
        side = _across_side(conflict)
        rule = _rule(conflict.table_name)
        label, closed = (rule.label, rule.closed) if rule is not None else ("", "关闭")
        holders = "、".join(sorted({_office_name(session, row.get("office_code")) for row in locals_})) or "另一单位"
        record = table_label(side["subject"])
        return (f"{label}：{sender}报来的{side.get('who') or summary.title}，在{holders}也有未关闭的{record}。"
                f"同一人只应有一份：请决定保留哪一方（另一方{closed}），或确认两者都保留。")
    if conflict.kind == FOREIGN_EDIT:
        return f"{sender}报来的这条{_record(summary.table_label)}不归{sender}所有，未导入。请决定是否采用。"
    if conflict.kind == SAME_REV:
        return (f"这条{_record(summary.table_label)}在本单位和{sender}都被修改过（同为第"
                f"{json.loads(conflict.incoming_data).get('rev')}版），内容不同。请决定以哪一方为准，或逐项合并。")
    parent = json.loads(conflict.local_data) or {}
    aside = "（它本身也在待处理的冲突中）" if parent.get("kept_aside") else ""
    return (f"这条{_record(summary.table_label)}所属的{_record(table_label(str(parent.get('table'))))}尚未收到{aside}。"
            "上级记录到达或冲突处理后，可重新合并；也可放弃来件。")


def _record(label: str) -> str:
    """"会员记录", "会员变动记录" (not "会员变动记录记录")."""
    return label if label.endswith("记录") else f"{label}记录"


def _office_name(session: Session, code: Any) -> str:
    office = session.get(Office, code)
    return office.name if office else str(code)


# ------------------------------------------------------------------------------------------------ settling

def settle(store: Store, actor: Actor, uuid: str, choice: str, picks: Mapping[str, str] | None = None) -> str:
    """Settle conflict ``uuid`` by ``choice``; returns what was done, in Chinese.

    ``picks`` (for MERGE): field → ``"incoming"`` for the fields taken from the incoming row; every other
    field keeps the local value. Raises ValidationError for a choice the conflict does not allow, NotFound
    for an unknown conflict, and a Chinese error when the conflict was settled meanwhile.
    """
    require(actor, "records.write")
    with store.transaction(actor, ACTION) as session:
        session.info["keep_rev"] = True  # a settlement sets rev itself: above both sides
        conflict, summary = _get(session, uuid)
        if conflict.status != OPEN:
            raise ValidationError("同步冲突", "已由他人处理，请刷新")
        if choice not in _CHOICES.get(conflict.kind, ()):
            raise ValidationError("处理方式", f"这类冲突不能选择“{CHOICE_LABELS.get(choice, choice)}”")
        settler = _Settler(session, actor, conflict, summary)
        message = settler.run(choice, dict(picks or {}))
        conflict.status = SETTLED
        conflict.settled_by = actor.username
        conflict.settled_at = utcnow()
        conflict.resolution = json.dumps({"choice": choice, "picks": sorted(settler.picked),
                                          "written": list(dict.fromkeys(settler.written))}, ensure_ascii=False)
        session.flush()
        append_audit(session.connection(), actor.username, [(ACTION, SyncConflict.__tablename__, conflict.uuid, {
            "kind": conflict.kind, "table": conflict.table_name, "row": conflict.row_uuid, "choice": choice,
            "picks": sorted(settler.picked), "written": list(dict.fromkeys(settler.written))})])
    return message


class _Settler:
    """The writes of one settlement, inside its transaction."""

    def __init__(self, session: Session, actor: Actor, conflict: SyncConflict, summary: ConflictSummary) -> None:
        self.session = session
        self.actor = actor
        self.conflict = conflict
        self.summary = summary
        self.model = _model(conflict.table_name)
        self.incoming: dict[str, Any] = json.loads(conflict.incoming_data)
        self.picked: set[str] = set()
        self.written: list[str] = []
        self.today = dt.date.today()

    def run(self, choice: str, picks: dict[str, str]) -> str:
        kind = self.conflict.kind
        if kind == MISSING_PARENT:
            return self._retry() if choice == RETRY else "已放弃来件，本地记录没有改变。"
        if kind == SAME_PERSON:
            return self._same_person(choice, picks)
        if kind == CROSS_OFFICE:
            return self._across(choice)
        return self._same_row(choice, picks)

    # --- one person, an open record in two offices (cross_office: a table's declared rule) ----------------
    def _across(self, choice: str) -> str:
        side = _across_side(self.conflict)
        rule = _rule(self.conflict.table_name)
        if rule is None:
            raise NotFound(f"本程序不认识数据表 {self.conflict.table_name} 的规则，无法处理这条冲突。")
        subject = _model(side["subject"])
        self._write(self.incoming, None)  # as sent: it already won the rev rule
        mine = self.session.get(subject, side["incoming"])
        others = [found for row in side.get("rows") or [] if (found := self.session.get(subject, row["uuid"]))]
        who = side.get("who") or self.summary.title
        if choice == KEEP_BOTH:
            return f"已确认两者都保留：{who}在两个单位的记录都保留，以后导入不再询问。"
        if choice == KEEP_INCOMING:
            reason = f"{rule.label}，同步冲突处理保留{self.summary.sender_name}的记录"
            closed = [other for other in others if self._retire(rule, other, reason)]
            where = "、".join(sorted({_office_name(self.session, o.office_code) for o in closed})) or "其他单位"
            return f"已以{self.summary.sender_name}的记录为准，{where}的记录已{rule.closed}。"
        if mine is None:
            raise ValidationError("来件", "来件所属的记录不在本单位，无法处理")
        kept = "、".join(sorted({_office_name(self.session, o.office_code) for o in others})) or "本单位"
        self._retire(rule, mine, f"{rule.label}，同步冲突处理保留{kept}的记录")
        return f"已以{kept}的记录为准，{self.summary.sender_name}的记录已{rule.closed}。"

    def _retire(self, rule: AcrossOffices, row: Any, reason: str) -> bool:
        """Close ``row`` by the rule; its rev above what both sides hold. False when it was closed already."""
        if not rule.is_open({c: getattr(row, c) for c in ("status", "deleted") if hasattr(row, c)}):
            return False
        added = rule.retire(self.session, self.actor, row, reason)
        self._stamp(row, row.rev + 1)
        self.written.extend(added)
        return True

    # --- one row, two versions (foreign_edit, same_rev) ----------------------------------------------------
    def _same_row(self, choice: str, picks: dict[str, str]) -> str:
        local = self.session.get(self.model, self.conflict.row_uuid)
        top = max(local.rev if local else 0, int(self.incoming["rev"])) + 1
        if choice == KEEP_LOCAL:
            if local is None:
                return "已放弃来件，本地没有这条记录，未作改动。"
            self._stamp(local, top)  # the next batch carries the kept version back to the other side
            return f"已保留本地的“{self.summary.title}”，来件的修改未采用。"
        if choice == KEEP_INCOMING:
            self._write(self.incoming, top)
            return f"已采用来件的“{self.summary.title}”。"
        assert local is not None  # MERGE needs both sides (conflict_detail offers it only then)
        self._merge_into(local, picks, top)
        return f"已逐项合并“{self.summary.title}”：采用来件的 {len(self.picked)} 项，其余保留本地。"

    # --- one person, two offices (same_person) -------------------------------------------------------------
    def _same_person(self, choice: str, picks: dict[str, str]) -> str:
        stored = json.loads(self.conflict.local_data) or []
        found: list[Any] = [self.session.get(self.model, row["uuid"]) for row in stored]
        holders = [m for m in found if m is not None
                   and m.status == ACTIVE and not m.deleted]
        name = self.summary.title
        if choice == KEEP_BOTH:
            self._write(self.incoming, None)
            return f"已确认两者都保留：“{name}”在两个单位的记录都在会。"
        if choice == KEEP_INCOMING:
            self._write(self.incoming, None)
            for holder in holders:
                self._transfer_out(holder, self.incoming["office_code"])
            return f"已以{self.summary.sender_name}的记录为准，“{name}”的其他在会记录记为转出。"
        if not holders:
            raise ValidationError("本地记录", "已不在会（可能已被转出或删除），请改选“采用来件”或“两者都保留”")
        keeper = holders[0]
        if choice == MERGE:
            self._merge_into(keeper, picks, keeper.rev + 1)
        moved = self._write(self.incoming, None)
        self._transfer_out(moved, keeper.office_code)
        kept = _office_name(self.session, keeper.office_code)
        return f"已以{kept}的记录为准，{self.summary.sender_name}的“{name}”记为转出。"

    def _transfer_out(self, member: Any, to_office: str) -> None:
        """转出, as by hand: status and a history event; the member's rev above what both sides hold."""
        if member.status != ACTIVE:
            return
        to_name = _office_name(self.session, to_office)
        self._stamp(member, member.rev + 1, status=TRANSFERRED_OUT)
        event = MemberEvent(member_uuid=member.uuid, office_code=member.office_code, kind="transfer_out",
                            on_date=max(self.today, member.joined_on), from_status=ACTIVE,
                            to_status=TRANSFERRED_OUT, counterpart=to_name,
                            reason=f"同步冲突处理：与{to_name}的在会记录为同一人")
        self.session.add(event)
        self.session.flush()
        self.written.append(event.uuid)

    # --- a kept-aside child row (missing_parent) -----------------------------------------------------------
    def _retry(self) -> str:
        missing = self._missing_parent(self.incoming)
        if missing is not None:
            raise ValidationError("上级记录", f"所属的{missing}仍未收到，暂不能合并；可以等对方补报后再试，或放弃来件")
        local = self.session.get(self.model, self.conflict.row_uuid)
        if local is not None and local.rev >= int(self.incoming["rev"]):
            return "本地已有同一或更新的版本，来件无需合并。"
        self._write(self.incoming, None)
        return f"已合并“{self.summary.title}”。"

    def _missing_parent(self, row: Mapping[str, Any]) -> str | None:
        table = table_of(self.model)
        for column in table.columns:
            for fk in column.foreign_keys:
                parent = fk.column.table.name
                ref = row.get(column.key)
                if parent in _MODELS and ref is not None and self.session.get(_MODELS[parent], ref) is None:
                    return _record(table_label(parent))
        return None

    # --- writes ------------------------------------------------------------------------------------------
    def _merge_into(self, target: Any, picks: dict[str, str], rev: int) -> None:
        columns = set(table_of(self.model).columns.keys())
        fixed = _unpickable(self.conflict)
        for key, side in picks.items():
            if side not in (LOCAL, INCOMING) or key not in columns:
                raise ValidationError("逐项合并", f"无效的选择：{key}")
            if side == INCOMING and key in fixed:
                raise ValidationError("逐项合并", f"字段 {key} 不能取自来件")
            if side == INCOMING:
                self.picked.add(key)
        values = _python_values(self.model, {k: self.incoming[k] for k in self.picked})
        if "name" in values and hasattr(target, "name_pinyin"):  # the search columns follow the name
            values["name_pinyin"], values["name_initials"] = pinyin_columns(values["name"])
        self._stamp(target, rev, **values)

    def _write(self, row: Mapping[str, Any], rev: int | None) -> Any:
        """Store ``row`` (every column as the batch had it) as a new or replacing row; ``rev`` if given."""
        missing = self._missing_parent(row)
        if missing is not None:
            raise ValidationError("上级记录", f"来件所属的{missing}不在本单位，无法写入")
        values = _python_values(self.model, {k: v for k, v in row.items() if k != "sync_seq"})
        target = self.session.get(self.model, row["uuid"])
        if target is None:
            target = self.model(**values)
            self.session.add(target)
        else:
            for key, value in values.items():
                setattr(target, key, value)
        target.rev = rev if rev is not None else int(row["rev"])  # as sent: it already won the rev rule
        self.session.flush()
        self.written.append(target.uuid)
        self._retry_children(target.uuid)
        return target

    def _stamp(self, target: Any, rev: int, **values: Any) -> None:
        for key, value in values.items():
            setattr(target, key, value)
        target.rev = rev
        target.updated_at = utcnow()
        target.updated_by = self.actor.username
        self.session.flush()
        self.written.append(target.uuid)

    def _retry_children(self, parent_uuid: str) -> None:
        """Merge the rows kept aside only because this parent row was missing (a member's events)."""
        waiting = self.session.scalars(select(SyncConflict).where(
            SyncConflict.kind == MISSING_PARENT, SyncConflict.status == OPEN,
            SyncConflict.uuid != self.conflict.uuid)).all()
        for child in waiting:
            if (json.loads(child.local_data) or {}).get("uuid") != parent_uuid:
                continue
            settler = _Settler(self.session, self.actor, child, _get(self.session, child.uuid)[1])
            try:
                settler._retry()
            except ValidationError:
                continue  # another parent of it is still missing: it stays open
            child.status = SETTLED
            child.settled_by = self.actor.username
            child.settled_at = utcnow()
            child.resolution = json.dumps({"choice": RETRY, "picks": [], "written": settler.written,
                                           "with": self.conflict.uuid})
            self.written.extend(settler.written)


def _python_values(model: type[RegistryRow], row: Mapping[str, Any]) -> dict[str, Any]:
    """A batch row's JSON values as the model's attributes take them (dates and times parsed)."""
    table = table_of(model)
    values = {}
    for key, value in row.items():
        column = table.columns.get(key)
        if column is None:
            raise ValidationError("来件", f"含有本程序不认识的字段 {key}")
        values[key] = _python_value(column.type, value)
    return values


def _python_value(type_: Any, value: Any) -> Any:
    if isinstance(value, str) and isinstance(type_, DateTime):
        parsed = dt.datetime.fromisoformat(value)
        return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed  # storage: naive UTC
    if isinstance(value, str) and isinstance(type_, Date):
        return dt.date.fromisoformat(value)
    return value
