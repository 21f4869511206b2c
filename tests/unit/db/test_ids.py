"""Record identities: UUIDv7, increasing in creation order (bulk inserts append to the index)."""

from __future__ import annotations

import uuid

from db.ids import new_uuid, uuid_batch


def test_uuids_are_version_7_distinct_and_increasing_across_single_and_batch() -> None:
    made = [new_uuid() for _ in range(2000)] + uuid_batch(5000) + [new_uuid()] + uuid_batch(3)
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    parsed = [uuid.UUID(text) for text in made]
    assert {u.version for u in parsed} == {7}
    assert {u.variant for u in parsed} == {uuid.RFC_4122}
