"""What the import wizard imports into (an import target): the fields a column may fill, how a file is read
for them, what a mapping lacks, and the plan and apply steps. A registry (:class:`RegistryTarget`: 会员, 困难
职工 …) is one; a contest's score sheet (:class:`desktop.documents.excel.score_sheet.ScoreSheetTarget`) is
another. The wizard knows only this protocol, so that it names no registry or contest of its own.

A plan is a :class:`db.tabular.plan.ImportPlan` for every target: its rows' verdicts are what the preview shows,
and ``plan.whole`` says whether one refused row keeps the whole file out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from db import masking
from db.auth import Actor
from db.errors import ValidationError
from db.fields import Field
from db.registry import RegistrySpec, registry
from db.store import Store
from db.tabular.plan import ImportPlan
from desktop.documents.excel import importer, uniform
from desktop.documents.excel import mapping as columns
from desktop.documents.excel.mapping import MappingProblems

Progress = Callable[[str, int, int], None]


class ReadFile(Protocol):
    """A file read by a target: what the wizard's pages show of it (:class:`importer.Source`,
    :class:`importer.Sheet`)."""

    path: Path
    headers: list[str]
    mapping: dict[int, str]  # column index → field attr, as guessed or saved
    saved_mapping: bool
    samples: dict[int, list[Any]]

    @property
    def sheet_name(self) -> str: ...

    @property
    def sheet_names(self) -> list[str]: ...

    @property
    def header_row(self) -> int: ...

    @property
    def row_count(self) -> int: ...


class ImportTarget(Protocol):
    """What an import writes into. ``name`` keys the saved column mappings and is what the wizard's
    ``imported`` signal names; ``label`` is shown on the wizard's first page."""

    name: str
    label: str

    def fields(self) -> Sequence[Field]:
        """The fields a column may fill, in the order offered (label and synonyms guess the mapping)."""
        ...

    def registry(self) -> RegistrySpec | None:
        """The registry whose required fields may take one value for every row (统一填写), or None."""
        ...

    def masks(self) -> Mapping[str, masking.Mask]:
        """Field attr → how a sample value is masked for a user who may not see it in full."""
        ...

    def read(self, store: Store, path: Path, sheet: str | None, progress: Progress | None) -> ReadFile:
        """The file read (UnionDeskError in Chinese on a bad file)."""
        ...

    def problems(self, mapping: dict[int, str], given: Mapping[str, Any]) -> MappingProblems:
        """What ``mapping`` (and the 统一填写 ``given`` values) lack before the rows can be checked."""
        ...

    def plan(self, store: Store, actor: Actor, source: ReadFile, mapping: dict[int, str],
             given: Mapping[str, Any], progress: Progress | None) -> ImportPlan:
        """Every row's verdict; nothing written."""
        ...

    def apply(self, store: Store, actor: Actor, plan: ImportPlan, progress: Progress | None) -> dict[str, int]:
        """Write the plan in one transaction; the counts written ({"new": n, "update": m, …})."""
        ...


class RegistryTarget:
    """A registry as an import target: the steps of :mod:`.importer` (shared with ``uniondesk import-xlsx``)."""

    def __init__(self, registry_name: str) -> None:
        self.spec = registry(registry_name)
        self.name, self.label = self.spec.name, self.spec.label

    def fields(self) -> Sequence[Field]:
        return columns.targets(self.spec)

    def registry(self) -> RegistrySpec | None:
        return self.spec

    def masks(self) -> Mapping[str, masking.Mask]:
        return masking.column_masks(self.spec.fields)

    def read(self, store: Store, path: Path, sheet: str | None, progress: Progress | None) -> ReadFile:
        return importer.read_source(store, self.name, path, sheet, progress=progress)

    def problems(self, mapping: dict[int, str], given: Mapping[str, Any]) -> MappingProblems:
        return columns.check_mapping(self.spec, mapping, given)

    def plan(self, store: Store, actor: Actor, source: ReadFile, mapping: dict[int, str],
             given: Mapping[str, Any], progress: Progress | None) -> ImportPlan:
        assert isinstance(source, importer.Source)
        return importer.plan(store, actor, source, mapping, progress=progress, given=given)

    def apply(self, store: Store, actor: Actor, plan: ImportPlan, progress: Progress | None) -> dict[str, int]:
        return importer.apply(store, actor, plan, progress=progress)


def check_given(target: ImportTarget, given: Mapping[str, Any]) -> None:
    """ValidationError if a 统一填写 value is one its field refuses (no registry: nothing is given)."""
    spec = target.registry()
    if spec is not None:
        uniform.check_values(spec, given)
    elif given:
        raise ValidationError("统一填写", "此处不能统一填写")
