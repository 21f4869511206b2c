"""The sync overview: per peer office, the last batches each way, held and missing batches, open conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from db import members
from db.sync.export import ExportResult, export_batch
from db.sync.overview import OfficeSync, missing_text, office_overview, recent_batches
from tests.conftest import OFFICE_CODE, OFFICE_NAME
from tests.sync_peers import DISTRICT, DISTRICT_NAME, OTHER, Peer, make_peer
from tests.unit.db.sync.test_merge import person


def export(peer: Peer, to: Peer, monkeypatch: pytest.MonkeyPatch, **options: Any) -> ExportResult:
    """A real export, with ``peer``'s data folder (its keys and outbox) as the data folder."""
    monkeypatch.setenv("UNIONDESK_HOME", str(peer.data))
    return export_batch(peer.store, peer.clerk, to=to.code, **options)


def overview(peer: Peer) -> dict[str, OfficeSync]:
    with peer.store.transaction() as session:
        return {entry.code: entry for entry in office_overview(session)}


def test_a_district_sees_every_sub_district_and_what_it_received(sub: Peer, other: Peer, district: Peer,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    members.register(sub.store, sub.clerk, person(1))
    batch = export(sub, district, monkeypatch)
    assert district.import_(batch.path)[0].status == "imported"
    with district.store.transaction() as session:
        listed = office_overview(session)
    assert len(listed) == 17  # the example district's sub-districts, itself left out
    assert all(entry.level == "subdistrict" for entry in listed)
    assert [entry.code for entry in listed] == sorted(entry.code for entry in listed)
    seen = {entry.code: entry for entry in listed}
    dongsi = seen[OFFICE_CODE]
    assert (dongsi.name, dongsi.key_fingerprint) == (OFFICE_NAME, sub.keys.public.fingerprint)
    assert dongsi.last_in is not None and dongsi.last_in.seq == 1 and dongsi.last_in.at is not None
    assert (dongsi.held, dongsi.missing, dongsi.missing_text, dongsi.last_out) == ((), (), "", None)
    assert seen[OTHER].key_fingerprint == other.keys.public.fingerprint and seen[OTHER].last_in is None
    assert seen["110101002"].key_fingerprint is None  # 景山: known, but its key is not trusted


def test_held_batches_and_the_missing_numbers_between(sub: Peer, district: Peer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    batches = []
    for n in range(5):
        members.register(sub.store, sub.clerk, person(n))
        batches.append(export(sub, district, monkeypatch).path)
    district.import_(batches[0])
    assert district.import_(batches[4])[0].status == "held"
    dongsi = overview(district)[OFFICE_CODE]
    assert dongsi.last_in is not None and dongsi.last_in.seq == 1
    assert (dongsi.held, dongsi.missing, dongsi.missing_text) == ((5,), (2, 3, 4), "缺第2至4批")
    district.import_(batches[2])
    dongsi = overview(district)[OFFICE_CODE]
    assert (dongsi.held, dongsi.missing, dongsi.missing_text) == ((3, 5), (2, 4), "缺第2、4批")
    district.import_(batches[1], batches[3])  # the held ones follow
    dongsi = overview(district)[OFFICE_CODE]
    assert dongsi.last_in is not None and dongsi.last_in.seq == 5
    assert (dongsi.held, dongsi.missing) == ((), ())


def test_a_sub_district_sees_its_district_with_what_went_each_way(sub: Peer, district: Peer,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(overview(sub)) == [DISTRICT]
    members.register(sub.store, sub.clerk, person(1))
    export(sub, district, monkeypatch)
    second = export(sub, district, monkeypatch, full=True)
    district.import_(second.path, accept_gap=True)
    answer = export(district, sub, monkeypatch)  # the district's return batch
    assert sub.import_(answer.path)[0].status == "imported"
    seen = overview(sub)
    assert list(seen) == [DISTRICT]
    entry = seen[DISTRICT]
    assert (entry.name, entry.level, entry.key_fingerprint) == (DISTRICT_NAME, "district",
                                                                district.keys.public.fingerprint)
    assert entry.last_out is not None and entry.last_out.seq == 2
    assert entry.last_in is not None and entry.last_in.seq == 1
    from_district = overview(district)[OFFICE_CODE]
    assert from_district.last_out is not None and from_district.last_out.seq == 1
    assert from_district.last_in is not None and from_district.last_in.seq == 2


def test_a_peer_known_only_from_its_trusted_key_is_listed_under_its_key_name(
        tmp_path: Path, sub: Peer, district: Peer) -> None:
    stranger = make_peer(tmp_path, "120101001", "外区街道工会", "subdistrict")
    sub.trust(stranger)
    seen = overview(sub)
    assert list(seen) == [DISTRICT, "120101001"]
    assert seen["120101001"].name == "外区街道工会" and seen["120101001"].level == ""
    stranger.store.close()


def test_open_conflicts_are_counted_for_the_office_whose_batch_raised_them(
        sub: Peer, other: Peer, district: Peer, monkeypatch: pytest.MonkeyPatch) -> None:
    members.register(sub.store, sub.clerk, person(1))
    members.register(other.store, other.clerk, person(1, name="王秀英"))
    district.import_(export(other, district, monkeypatch).path, export(sub, district, monkeypatch).path)
    seen = overview(district)
    assert seen[OTHER].open_conflicts == 0
    assert seen[OFFICE_CODE].open_conflicts == 2  # the person, and the event that belongs to them


def test_recent_batches_newest_first_with_labels_and_row_totals(sub: Peer, district: Peer,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    members.register(sub.store, sub.clerk, person(1))
    members.register(sub.store, sub.clerk, person(2))
    first = export(sub, district, monkeypatch)
    second = export(sub, district, monkeypatch, full=True)
    district.import_(first.path)
    answer = export(district, sub, monkeypatch)
    with district.store.transaction() as session:
        lines = recent_batches(session)
        assert [line.uuid for line in recent_batches(session, limit=1)] == [answer.batch_id]
    assert [(line.direction_label, line.peer_code, line.seq, line.kind_label, line.status_label)
            for line in lines] == [("发出", OFFICE_CODE, 1, "增量", "已生成"),
                                   ("收到", OFFICE_CODE, 1, "增量", "已导入")]
    received = lines[1]
    assert (received.peer_name, received.file_name) == (OFFICE_NAME, first.path.name)
    assert received.rows == first.rows > 0
    with sub.store.transaction() as session:
        sent = recent_batches(session)
    assert [(line.seq, line.kind_label, line.rows) for line in sent] == [(2, "全量", second.rows),
                                                                         (1, "增量", first.rows)]
    assert sent[0].peer_name == DISTRICT_NAME and sent[0].at is not None


def test_the_overview_takes_a_few_queries_however_many_batches(sub: Peer, district: Peer,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def statements() -> int:
        seen: list[str] = []

        def count(*args: Any) -> None:
            seen.append(args[2])

        event.listen(district.store.engine, "before_cursor_execute", count)
        try:
            with district.store.transaction() as session:
                office_overview(session)
                recent_batches(session)
        finally:
            event.remove(district.store.engine, "before_cursor_execute", count)
        return len(seen)

    few = statements()
    for n in range(4):
        members.register(sub.store, sub.clerk, person(n))
        district.import_(export(sub, district, monkeypatch).path)
    assert statements() == few <= 12


@pytest.mark.parametrize(("numbers", "text"), [
    ((), ""), ((7,), "缺第7批"), ((5, 6), "缺第5、6批"), ((5, 6, 7, 9), "缺第5至7、9批"), ((9, 2, 3), "缺第2、3、9批"),
])
def test_missing_numbers_read_as_short_chinese(numbers: tuple[int, ...], text: str) -> None:
    assert missing_text(numbers) == text
