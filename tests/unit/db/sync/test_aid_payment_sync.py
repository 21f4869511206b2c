"""Hardship-aid values arriving in a signed batch (issue 14): checked like typed ones where the row alone can
tell, accepted where the sender's own checks ran and the district must not lose a record of money paid.

Decisions, through real batches:
- a payment above a cap: accepted — the caps are the sending office's settings and its approver's override
  (超限审批人, 超限理由) travels on the row, where the district's lists and exports show it. A row with only
  one of the two, or a payment without a file that is not an 应急救助 with payee, ID number and reason, the
  app never makes: the batch is refused naming table, row and field (db.aid.payment_rules);
- a payment of a closed file: accepted — payments made while the file was 在档 travel with it after it is
  closed, and a closing step may be dated back before a payment already recorded;
- a file several steps further than the last batch showed (申请 → 在档): accepted — batches carry what changed
  since the last one, the steps travel as their own rows, and an office may take several steps between two
  exports.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.aid import payments, workflow
from db.aid import settings as aid_settings
from db.auth import APPROVER, CLERK, Actor
from db.models import AidCase, AidCaseStep, AidPayment
from db.sync.batchfile import BatchRejected
from tests.sync_peers import Peer
from tests.unit.db.aid.conftest import START, Today, add_member, open_case, today, walk  # noqa: F401 - fixture
from tests.unit.db.sync.test_merge import digest


def actors(peer: Peer) -> tuple[Actor, Actor]:
    return (Actor("clerk2", "录入员乙", frozenset({CLERK}), peer.code),
            Actor("approver", "审核人", frozenset({APPROVER}), peer.code))


def filed(peer: Peer, today: Today, to: str = "filed") -> AidCase:  # noqa: F811
    checker, approver = actors(peer)
    case = open_case(peer.store, peer.clerk, add_member(peer.store, peer.clerk, 1))
    walk(peer.store, case.uuid, to, clerk=peer.clerk, checker=checker, approver=approver, today=today)
    return case


def pay(amount: str, on: dt.date = START) -> dict[str, object]:
    return {"kind": "生活救助", "amount_fen": amount, "paid_on": on, "method": "转账"}


def payments_at(peer: Peer) -> list[tuple[object, ...]]:
    with peer.store.transaction() as session:
        return list(session.execute(select(AidPayment.case_uuid, AidPayment.amount_fen, AidPayment.override_by,
                                           AidPayment.override_reason).order_by(AidPayment.paid_on)).all())


def test_a_payment_above_the_sender_s_cap_arrives_with_its_override(sub: Peer, district: Peer,
                                                                    today: Today) -> None:  # noqa: F811
    case = filed(sub, today)
    aid_settings.set_payment_cap(sub.store, sub.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    payments.record_payment(sub.store, actors(sub)[1], case.uuid, pay("800"), override_reason="大病住院，主任同意")
    district.import_(sub.send(district, 1, sub.rows())[0])
    assert payments_at(district) == [(case.uuid, 80000, "approver", "大病住院，主任同意")]


@pytest.mark.parametrize(("change", "message"), [
    ({"override_reason": None}, "超限理由：超限审批人和超限理由应同时填写"),
    ({"override_by": None}, "超限理由：超限审批人和超限理由应同时填写"),
    ({"case_uuid": None}, "帮扶类型：没有在档档案的职工只能发放应急救助"),
    ({"case_uuid": None, "kind": "应急救助", "payee_name": "赵某", "reason": "火灾"},
     "收款人身份证号：向没有在档档案的职工"),
])
def test_a_payment_the_app_never_makes_refuses_the_batch(sub: Peer, district: Peer, today: Today,  # noqa: F811
                                                        change: dict[str, object], message: str) -> None:
    case = filed(sub, today)
    aid_settings.set_payment_cap(sub.store, sub.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    payments.record_payment(sub.store, actors(sub)[1], case.uuid, pay("800"), override_reason="大病住院")
    rows = sub.rows()
    rows["aid_payments"][0] |= change
    before = digest(district.store)
    with pytest.raises(BatchRejected) as refused:
        district.import_(sub.send(district, 1, rows)[0])
    assert f"帮扶记录（aid_payments）第 1 行，{message}" in str(refused.value)
    assert digest(district.store) == before


def test_payments_of_a_closed_file_travel_with_it(sub: Peer, district: Peer, today: Today) -> None:  # noqa: F811
    case = filed(sub, today)
    paid_on = today.move(5)  # five days after 审批
    payments.record_payment(sub.store, sub.clerk, case.uuid, pay("300", paid_on))
    workflow.take_step(sub.store, sub.clerk, case.uuid, "relieved", "已就业", on=paid_on - dt.timedelta(days=2))
    district.import_(sub.send(district, 1, sub.rows())[0])  # closed the day before the payment: dated back
    with district.store.transaction() as session:
        stored = session.get(AidCase, case.uuid)
        assert stored is not None and stored.status == "relieved" and stored.closed_on is not None
        assert stored.closed_on < paid_on
    assert payments_at(district) == [(case.uuid, 30000, None, None)]


def test_a_file_several_steps_further_than_the_last_batch_is_accepted(sub: Peer, district: Peer,
                                                                     today: Today) -> None:  # noqa: F811
    case = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 1))
    first, digest_first = sub.send(district, 1, sub.rows())
    district.import_(first)
    checker, approver = actors(sub)
    walk(sub.store, case.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    district.import_(sub.send(district, 2, sub.rows(), prev=digest_first)[0])
    with district.store.transaction() as session:
        stored = session.get(AidCase, case.uuid)
        assert stored is not None and stored.status == "filed"
        steps = list(session.scalars(select(AidCaseStep.step).where(AidCaseStep.case_uuid == case.uuid)))
    assert sorted(steps) == sorted(["applied", "verified", "reviewed", "publicized", "filed"])
