"""全部获奖证书: every certificate of the chosen contests in one click (the contest tab's 打印), one landscape
page per award, drawn by :mod:`.certificate` — refused, before anything is written, for a contest whose results
are not published (never, or reopened since): its winners have no final 证书编号 yet."""

from __future__ import annotations

from collections.abc import Sequence

from db.auth import Actor
from db.contests.fields import CONTESTS
from db.contests.paper import unpublished
from db.errors import NotFound, ValidationError
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import certificate
from desktop.documents.pdf.engine import Output
from desktop.documents.pdf.forms import Progress


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The certificates of every awarded entrant of the contests ``uuids``, contest by contest in certificate
    number order; returns the page count. ID numbers are always masked (see :mod:`.certificate`)."""
    if not uuids:
        raise NotFound("请先在列表中选择要打印获奖证书的竞赛。")
    waiting = unpublished(store, uuids)
    if waiting:
        names = "、".join(f"“{contest.name}”" for contest in waiting)
        raise ValidationError(CONTESTS.label, f"竞赛{names}的成绩尚未公布（或重新开放后尚未再次公布），获奖者还没有"
                                              "确定的证书编号，不能打印获奖证书。请先公布成绩。")
    return certificate.render(store, actor, out, uuids=list(uuids), member_filter=member_filter,
                              full_ids=full_ids, progress=progress)
