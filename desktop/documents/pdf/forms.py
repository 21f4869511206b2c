"""The catalogue of printed forms, by the names of ``uniondesk print FORM`` (design §4).

Adding a form: write a module in this package with one function

    render(store, actor, out, *, uuids=None, member_filter=None, full_ids=False, progress=None) -> int

(``out`` a path or a binary file; returns the number of pages), then add one line to :data:`FORMS`.
A form of the warm-station registry takes ``list_filter`` (a :class:`db.listing.ListFilter`) and ``month``
(``"YYYY-MM"``) in place of ``member_filter``. The GUI and the command line find it here; neither knows the
module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from db.errors import ValidationError

if TYPE_CHECKING:
    from db.auth import Actor
    from db.listing import ListFilter
    from db.members.listing import MemberFilter
    from db.store import Store

Progress = Callable[[str, int, int], None]
PRINT_ACTION = "print_pdf"
Output = Path | BinaryIO


# what the forms of the warm-station registry print (their render takes list_filter and month)
STATION_NEEDS = frozenset({"stations", "station-month", "inspections", "station-list"})
# the table an audit entry names: what was printed
AUDIT_TABLES = {"batch": "sync_batches", "stations": "stations", "station-month": "station_logs",
                "inspections": "station_inspections", "station-list": "stations", "entries": "contest_entries",
                "contests": "contests", "aid-cases": "aid_cases", "aid-publicity": "aid_cases",
                "campaigns": "festival_campaigns"}


@dataclass(frozen=True)
class Form:
    """A printed form: ``name`` on the command line, ``label`` for people, the module that draws it.

    ``needs`` says what it prints: ``"members"`` (chosen members, ``uuids``), ``"list"`` (a filtered member
    list, ``member_filter``), ``"batch"`` (a sync batch, ``uuids`` = its id), ``"stations"`` (chosen stations),
    ``"station-month"`` (one station's month: ``uuids`` = the station, ``month``), ``"inspections"`` (chosen
    inspections, or every inspection of a chosen station) or ``"station-list"`` (a filtered station list,
    ``list_filter``) or ``"entries"`` (contests or contest entries, ``uuids``: a contest prints all its own)
    or ``"contests"`` (chosen contests, ``uuids``) or ``"aid-cases"`` (chosen hardship files, ``uuids``) or
    ``"aid-publicity"`` (chosen hardship files in 公示, else all of them) or ``"campaigns"`` (chosen 送温暖
    campaigns, ``uuids``).

    ``masked_only``: a form posted in public (the 公示名单) never prints a full number, whoever asks; the
    request for full numbers is dropped (and the audit entry says so) rather than refused.
    """

    name: str
    label: str
    module: str
    needs: str = "members"
    masked_only: bool = False

    def render(self, store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
               member_filter: MemberFilter | None = None, full_ids: bool = False,
               progress: Progress | None = None, list_filter: ListFilter | None = None,
               month: str | None = None) -> int:
        draw = importlib.import_module(f"desktop.documents.pdf.{self.module}").render
        full_ids = full_ids and not self.masked_only
        options: dict[str, object] = {"uuids": uuids, "full_ids": full_ids, "progress": progress}
        if self.needs in STATION_NEEDS:
            options.update(list_filter=list_filter, month=month)
        else:
            options.update(member_filter=member_filter)
        pages: int = draw(store, actor, out, **options)
        search = list_filter.text if self.needs in STATION_NEEDS and list_filter else (
            member_filter.text if member_filter else "")
        self._audit(store, actor, pages, uuids, search, full_ids, month)
        return pages

    def _audit(self, store: Store, actor: Actor, pages: int, uuids: Sequence[str] | None, search: str,
               full_ids: bool, month: str | None) -> None:
        """Paper with personal data leaves the database: the audit trail says who printed what, and whether
        ID numbers were printed in full (a preview counts: it can be printed or saved from the window)."""
        from db.writes import append_audit

        table = AUDIT_TABLES.get(self.needs, "members")
        chosen: dict[str, object] = {"records": list(uuids)} if uuids else {"filter": search}
        if month:
            chosen["month"] = month
        with store.transaction(actor, action=PRINT_ACTION) as session:
            append_audit(session.connection(), actor.username, [(PRINT_ACTION, table, None, {
                "form": self.name, "pages": pages, "full_ids": full_ids, **chosen})])


FORMS: dict[str, Form] = {form.name: form for form in (
    Form("member-form", "入会申请登记表", "member_form"),
    Form("member-cards", "会员证", "member_cards"),
    Form("roster", "会员花名册", "roster", needs="list"),
    Form("batch-receipt", "批次交接单", "batch_receipt", needs="batch"),
    Form("station-card", "暖心驿站信息卡", "station_card", needs="stations"),
    Form("station-log", "暖心驿站服务台账", "station_log", needs="station-month"),
    Form("station-inspection", "暖心驿站检查记录", "station_inspection", needs="inspections"),
    Form("station-roster", "暖心驿站名册", "station_roster", needs="station-list"),
    Form("certificate", "获奖证书", "certificate", needs="entries"),
    Form("contest-results", "技能竞赛成绩单", "contest_results", needs="contests"),
    Form("contest-sign-in", "技能竞赛签到表", "contest_sign_in", needs="contests"),
    Form("contest-certificates", "全部获奖证书", "contest_certificates", needs="contests"),
    Form("aid-form", "困难职工档案表", "aid_form", needs="aid-cases"),
    Form("aid-approval", "困难职工帮扶审批表", "aid_approval", needs="aid-cases"),
    Form("aid-publicity", "困难职工公示名单", "aid_publicity", needs="aid-publicity", masked_only=True),
    Form("campaign-receipts", "送温暖签领表", "campaign_receipts", needs="campaigns"),
)}


def form(name: str) -> Form:
    try:
        return FORMS[name]
    except KeyError:
        raise ValidationError("表单", f"没有名为“{name}”的表单，可选：{'、'.join(FORMS)}") from None
