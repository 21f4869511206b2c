"""The campaigns' list (db.aid.campaigns.campaign_rows) the 送温暖 window shows: the newest first, each with its
recipients counted and their 慰问金 summed (a removed recipient no longer counts), open or closed."""

from __future__ import annotations

import datetime as dt

from db.aid import campaigns
from db.auth import Actor
from db.store import Store
from tests.unit.db.aid.conftest import Today, person
from tests.unit.db.aid.test_aid_campaigns import SPRING, SUMMER


def test_campaign_rows_count_recipients_and_sum_cash(store: Store, clerk: Actor, today: Today) -> None:
    assert campaigns.campaign_rows(store) == []
    spring = campaigns.create_campaign(store, clerk, SPRING).uuid
    summer = campaigns.create_campaign(store, clerk, SUMMER).uuid
    for n, amount in ((1, "500"), (2, "300.50"), (3, None)):
        campaigns.add_recipient(store, clerk, spring, {"name": f"对象{n}", "id_number": person(n), "group": "劳模",
                                                       "amount_fen": amount, "gift": "米面油"})
    gone = campaigns.add_recipient(store, clerk, spring, {"name": "对象4", "id_number": person(4), "group": "劳模",
                                                          "amount_fen": "100"})
    campaigns.remove_recipient(store, clerk, gone.uuid)
    campaigns.close_campaign(store, clerk, spring)
    rows = campaigns.campaign_rows(store)
    assert [r.uuid for r in rows] == [summer, spring]  # the later start first
    assert (rows[1].count, rows[1].amount_fen, rows[1].closed_on) == (3, 80_050, dt.date(2025, 3, 3))
    assert (rows[0].count, rows[0].amount_fen, rows[0].closed_on) == (0, 0, None)
    assert campaigns.campaign_rows(store, office_code="no-such-office") == []
    assert [r.uuid for r in campaigns.campaign_rows(store, office_code=clerk.office_code)] == [summer, spring]
