"""A 送温暖 visit to a filed household travels with the 送温暖慰问 payment it made (issue 14): one batch carries
the visit naming its payment and the payment in the file's 帮扶记录, and merges cleanly at the district; an
edit of the visit (its 慰问金 changed) and its removal (the payment taken back) follow in the next batches."""

from __future__ import annotations

from sqlalchemy import select

from db.aid import campaigns
from db.models import AidPayment, FestivalVisit
from tests.sync_peers import Peer
from tests.unit.db.aid.conftest import Today, today  # noqa: F401 - fixture
from tests.unit.db.sync.test_aid_payment_sync import filed

SPRING = {"name": "2025年春节送温暖", "year": 2025, "festival": "元旦春节", "starts_on": "2025-01-10",
          "ends_on": "2025-03-31", "target_groups": "困难职工、劳模"}


def visits_and_payments(peer: Peer) -> list[tuple[object, ...]]:
    with peer.store.transaction() as session:
        return list(session.execute(select(
            FestivalVisit.uuid, FestivalVisit.amount_fen, FestivalVisit.deleted, AidPayment.uuid,
            AidPayment.case_uuid, AidPayment.kind, AidPayment.amount_fen, AidPayment.deleted).join(
            AidPayment, AidPayment.uuid == FestivalVisit.payment_uuid)).all())


def test_a_visit_and_its_payment_merge_and_follow_each_other(sub: Peer, district: Peer,
                                                            today: Today) -> None:  # noqa: F811
    case = filed(sub, today)
    campaign = campaigns.create_campaign(sub.store, sub.clerk, SPRING).uuid
    visit = campaigns.add_recipient(sub.store, sub.clerk, campaign, {"case_uuid": case.uuid, "amount_fen": "800"})
    first, digest_first = sub.send(district, 1, sub.rows())
    district.import_(first)
    shown = visits_and_payments(district)
    assert shown == visits_and_payments(sub) and len(shown) == 1
    assert shown[0][1:3] == (80000, False) and shown[0][4:] == (case.uuid, "送温暖慰问", 80000, False)

    campaigns.update_recipient(sub.store, sub.clerk, visit.uuid, {"amount_fen": "1000"})
    second, digest_second = sub.send(district, 2, sub.rows(), prev=digest_first)
    district.import_(second)
    assert visits_and_payments(district) == visits_and_payments(sub)
    assert visits_and_payments(district)[0][6] == 100000

    campaigns.remove_recipient(sub.store, sub.clerk, visit.uuid)
    district.import_(sub.send(district, 3, sub.rows(), prev=digest_second)[0])
    assert visits_and_payments(district) == visits_and_payments(sub)
    assert [(row[2], row[7]) for row in visits_and_payments(district)] == [(True, True)]
