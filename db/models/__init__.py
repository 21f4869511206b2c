"""Every UnionDesk table, on one metadata (``Base.metadata``)."""

from db.models.aid import (
    AID_STATUSES,
    AidCase,
    AidCaseDocument,
    AidCaseStep,
    AidHouseholdMember,
    AidObjection,
    AidPayment,
    FestivalCampaign,
    FestivalVisit,
)
from db.models.base import Base, RegistryRow
from db.models.contests import (
    CONTEST_STATUSES,
    Contest,
    ContestAppeal,
    ContestEntry,
    ContestJudge,
    JudgeScore,
)
from db.models.members import MEMBER_STATUSES, Honour, Member, MemberEvent
from db.models.stations import (
    STATION_STATUSES,
    Station,
    StationEvent,
    StationInspection,
    StationLog,
    StationRating,
    StationService,
)
from db.models.sync import SyncBatch, SyncConflict
from db.models.system import AuditEntry, Counter, Office, Setting, User

# Registry tables in the order their rows can be inserted (parents first); sync follows it too.
REGISTRY_MODELS: tuple[type[RegistryRow], ...] = (
    Member,
    MemberEvent,
    Honour,
    Station,
    StationService,
    StationEvent,
    StationLog,
    StationInspection,
    StationRating,
    Contest,
    ContestJudge,
    ContestEntry,
    JudgeScore,
    ContestAppeal,
    AidCase,
    AidCaseStep,
    AidHouseholdMember,
    AidCaseDocument,
    AidObjection,
    AidPayment,
    FestivalCampaign,
    FestivalVisit,
)

__all__ = [
    "AID_STATUSES",
    "CONTEST_STATUSES",
    "MEMBER_STATUSES",
    "REGISTRY_MODELS",
    "STATION_STATUSES",
    "AidCase",
    "AidCaseDocument",
    "AidCaseStep",
    "AidHouseholdMember",
    "AidObjection",
    "AidPayment",
    "AuditEntry",
    "Base",
    "Contest",
    "ContestAppeal",
    "ContestEntry",
    "ContestJudge",
    "Counter",
    "FestivalCampaign",
    "FestivalVisit",
    "Honour",
    "JudgeScore",
    "Member",
    "MemberEvent",
    "Office",
    "RegistryRow",
    "Setting",
    "Station",
    "StationEvent",
    "StationInspection",
    "StationLog",
    "StationRating",
    "StationService",
    "SyncBatch",
    "SyncConflict",
    "User",
]
