"""The member registry (会员): its declaration (:mod:`.fields`), rules (:mod:`.rules`), use cases
(:mod:`.cases`, re-exported here: ``members.register(...)``), list and search (:mod:`.listing`,
:mod:`.search`) and what its spreadsheet import adds (:mod:`.tabular`)."""

from db.members.cases import (
    WRITE,
    DuplicateMember,
    MemberDetails,
    add_honour,
    check_id_number_free,
    details,
    find_by_id_number,
    get,
    history,
    honours,
    leave,
    next_member_no,
    record_death,
    register,
    restore,
    soft_delete,
    transfer_in,
    transfer_out,
    undelete,
    undo_add_honour,
    undo_status_change,
    undo_update,
    update,
)

__all__ = ["WRITE", "DuplicateMember", "MemberDetails", "add_honour", "check_id_number_free", "details",
           "find_by_id_number", "get", "history", "honours", "leave", "next_member_no", "record_death", "register",
           "restore", "soft_delete", "transfer_in", "transfer_out", "undelete", "undo_add_honour",
           "undo_status_change", "undo_update", "update"]
