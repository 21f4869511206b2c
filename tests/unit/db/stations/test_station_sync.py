"""The station tables written by the use cases travel in a batch: status history, logs, inspections with
their follow-up dates, proposed and confirmed ratings arrive as sent, and a later batch updates them."""

from __future__ import annotations

from typing import Any

from db.stations import cases, inspections, logs, rules
from db.sync.merge import IMPORTED
from tests.sync_peers import Peer

STATION_TABLES = ("stations", "station_services", "station_events", "station_logs", "station_inspections",
                  "station_ratings")


def station_rows(peer: Peer) -> dict[str, list[dict[str, Any]]]:
    rows = peer.rows()
    return {name: sorted(({k: v for k, v in row.items() if k != "sync_seq"} for row in rows[name]),
                         key=lambda row: row["uuid"]) for name in STATION_TABLES}


def test_a_batch_carries_the_new_station_tables(sub: Peer, district: Peer) -> None:
    station = cases.create_station(sub.store, sub.clerk, {"code": "NX-006-001", "name": "东四驿站",
                                                          "built_on": "2020-01-10", "stars": 4,
                                                          "area_sqm": 26})
    cases.change_status(sub.store, sub.clerk, station.uuid, "pause", "2023-01-05", reason="装修")
    cases.change_status(sub.store, sub.clerk, station.uuid, "resume", "2023-02-01")
    logs.save_month_log(sub.store, sub.clerk, station.uuid, "2023-02", {"visits_courier": 12})
    recorded = inspections.record_inspection(sub.store, sub.clerk, station.uuid, {
        "inspected_on": "2023-03-01", "inspector": "督查组", "has_sign": True, "follow_up": "补标识",
        "follow_up_due_on": "2023-03-31"})
    assert recorded.proposal is not None
    inspections.assess_stars(sub.store, sub.clerk, station.uuid, 2022, 4, "达标", assessed_on="2022-12-20")
    first, sha = sub.send(district, 1, sub.rows())
    assert [r.status for r in district.import_(first)] == [IMPORTED]
    assert station_rows(district) == station_rows(sub)
    assert {name: len(rows) for name, rows in station_rows(district).items()} == {
        "stations": 1, "station_services": 8, "station_events": 2, "station_logs": 1, "station_inspections": 1,
        "station_ratings": 2}

    inspections.confirm_rating(sub.store, sub.clerk, recorded.proposal.uuid)
    inspections.complete_follow_up(sub.store, sub.clerk, recorded.inspection.uuid, "2023-03-20")
    second, _ = sub.send(district, 2, sub.rows(), prev=sha)
    result = district.import_(second)[0]
    assert result.status == IMPORTED and result.counts["updated"] == 3  # the rating, the station, the inspection
    assert station_rows(district) == station_rows(sub)
    assert cases.station_details(district.store, station.uuid)["station"]["stars"] == 3


def test_a_month_entered_in_two_offices_is_one_row_that_sync_merges(sub: Peer, district: Peer) -> None:
    station = cases.create_station(sub.store, sub.clerk, {"code": "NX-006-001", "name": "东四驿站",
                                                          "built_on": "2020-01-10"})
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    on_district = logs.save_month_log(district.store, district.clerk, station.uuid, "2023-02",
                                      {"visits_courier": 1})
    on_sub = logs.save_month_log(sub.store, sub.clerk, station.uuid, "2023-02", {"visits_courier": 2})
    assert on_district.uuid == on_sub.uuid == rules.month_log_uuid(station.uuid, on_sub.on_date)
    second, _ = sub.send(district, 2, sub.rows(), prev=sha)
    result = district.import_(second)[0]  # the same row changed on both sides: held as a conflict, not a crash
    assert result.status == IMPORTED and result.counts["inserted"] == 0, result.counts
    assert result.counts["conflicts"] == 1, result.counts
    assert len(district.rows()["station_logs"]) == 1
