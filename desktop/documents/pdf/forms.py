"""The catalogue of printed forms, by the names of ``uniondesk print FORM`` (design §4).

Adding a form: write a module in this package with one function

    render(store, actor, out, *, uuids=None, member_filter=None, full_ids=False, progress=None) -> int

(``out`` a path or a binary file; returns the number of pages), then add one line to :data:`FORMS`.
The GUI and the command line find it here; neither knows the module.
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
    from db.members.listing import MemberFilter
    from db.store import Store

Progress = Callable[[str, int, int], None]
PRINT_ACTION = "print_pdf"
Output = Path | BinaryIO


@dataclass(frozen=True)
class Form:
    """A printed form: ``name`` on the command line, ``label`` for people, the module that draws it.

    ``needs`` says what it prints: ``"members"`` (chosen members, ``uuids``), ``"list"`` (a filtered member
    list, ``member_filter``) or ``"batch"`` (a sync batch, ``uuids`` = its id).
    """

    name: str
    label: str
    module: str
    needs: str = "members"

    def render(self, store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
               member_filter: MemberFilter | None = None, full_ids: bool = False,
               progress: Progress | None = None) -> int:
        draw = importlib.import_module(f"desktop.documents.pdf.{self.module}").render
        pages: int = draw(store, actor, out, uuids=uuids, member_filter=member_filter, full_ids=full_ids,
                          progress=progress)
        self._audit(store, actor, pages, uuids, member_filter, full_ids)
        return pages

    def _audit(self, store: Store, actor: Actor, pages: int, uuids: Sequence[str] | None,
               member_filter: MemberFilter | None, full_ids: bool) -> None:
        """Paper with personal data leaves the database: the audit trail says who printed what, and whether
        ID numbers were printed in full (a preview counts: it can be printed or saved from the window)."""
        from db.writes import append_audit

        table = "sync_batches" if self.needs == "batch" else "members"
        chosen = {"records": list(uuids)} if uuids else {"filter": member_filter.text if member_filter else ""}
        with store.transaction(actor, action=PRINT_ACTION) as session:
            append_audit(session.connection(), actor.username, [(PRINT_ACTION, table, None, {
                "form": self.name, "pages": pages, "full_ids": full_ids, **chosen})])


FORMS: dict[str, Form] = {form.name: form for form in (
    Form("member-form", "入会申请登记表", "member_form"),
    Form("member-cards", "会员证", "member_cards"),
    Form("roster", "会员花名册", "roster", needs="list"),
    Form("batch-receipt", "批次交接单", "batch_receipt", needs="batch"),
)}


def form(name: str) -> Form:
    try:
        return FORMS[name]
    except KeyError:
        raise ValidationError("表单", f"没有名为“{name}”的表单，可选：{'、'.join(FORMS)}") from None
