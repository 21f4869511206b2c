"""核对列: the import wizard's page on which each column of the file is given the field it fills, and a
required field that no column fills may be given one value for every row (统一填写)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from db import masking
from db.errors import UnionDeskError, ValidationError
from db.tabular.plan import ImportPlan
from desktop.documents.excel.mapping import column_letter, save_mapping
from desktop.documents.excel.target import check_given
from desktop.ui.excel.uniform_box import UniformBox
from desktop.ui.messages import error_label
from desktop.ui.worker import Progress

if TYPE_CHECKING:
    from desktop.ui.excel.import_wizard import ImportWizard

LETTER, HEADER, SAMPLE, TARGET = range(4)


def sample_text(values: list[Any], mask: masking.Mask | None = None) -> str:
    """The first value of a column that is not empty, as a cell shows it, through the column's ``mask`` (an
    ID, phone or bank number masked, a birth date beside an ID number as its year: design §7)."""
    for value in values:
        shown = value.date() if isinstance(value, dt.datetime) and value.time() == dt.time() else value
        if isinstance(shown, float) and shown.is_integer():
            shown = int(shown)  # the reader gives every number as a float: 88, not 88.0
        if shown is not None and str(shown).strip():
            text = str(shown).strip()
            return text if mask is None else str(mask(text if isinstance(shown, str) else shown))
    return ""


class MappingPage(QWizardPage):
    """核对列: one line per file column (letter, header, a sample value, the target field), then the
    统一填写 values of required fields no column fills. The fields offered and the checks are the import
    target's (a registry's are those of ``import-xlsx``, :mod:`desktop.documents.excel.mapping`, so that both
    map one file the same way)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("核对列"))
        self.setSubTitle(self.tr("核对文件的每一列导入到哪个字段；不需要的列选“（不导入）”。"))
        self.saved_note = QLabel()
        self.saved_note.setObjectName("saved_note")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr("列"), self.tr("表头"), self.tr("示例"), self.tr("导入到")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HEADER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TARGET, 200)
        self.uniform = UniformBox()
        self.uniform.changed.connect(self._mapping_changed)
        self.error = error_label()
        self.save_box = QCheckBox(self.tr("保存此对应关系，下次自动使用"))
        self.save_box.setObjectName("save_mapping")
        layout = QVBoxLayout(self)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.uniform)
        layout.addWidget(self.error)
        layout.addWidget(self.save_box)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        source, target = self._wizard.source, self._wizard.target
        assert source is not None and target is not None
        self.saved_note.setText(self.tr("已使用上次保存的对应关系。") if source.saved_mapping else
                                self.tr("已按表头自动对应，请核对。"))
        self.save_box.setChecked(False)
        fields = target.fields()
        self.uniform.set_registry(target.registry())
        full = self._wizard.context.actor.can("sensitive.full")
        masks = {} if full else target.masks()
        self.table.setRowCount(len(source.headers))
        self.combos = []
        for column, header in enumerate(source.headers):
            for part, text in ((LETTER, column_letter(column)), (HEADER, header),
                               (SAMPLE, sample_text(source.samples.get(column, []),
                                                    masks.get(source.mapping.get(column, ""))))):
                self.table.setItem(column, part, QTableWidgetItem(text))
            combo = QComboBox()
            combo.setObjectName(f"target_{column}")
            combo.addItem(self.tr("（不导入）"), None)
            for field in fields:
                combo.addItem(field.label, field.attr)
            combo.setCurrentIndex(max(combo.findData(source.mapping.get(column)), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(column, TARGET, combo)
            self.combos.append(combo)
        self._mapping_changed()

    def mapping(self) -> dict[int, str]:
        """The chosen mapping: file column index → field attr."""
        return {column: str(combo.currentData()) for column, combo in enumerate(self.combos)
                if combo.currentData() is not None}

    def given(self) -> dict[str, object]:
        """The 统一填写 values: field attr → the value every row gets."""
        return self.uniform.values()

    def problems(self) -> list[str]:
        """Why the mapping cannot be used yet: required fields with neither a column nor a value, fields
        mapped twice, a value the field refuses."""
        target = self._wizard.target
        if self._wizard.source is None or target is None:
            return []
        given = self.given()
        found = target.problems(self.mapping(), given)
        labels = {f.attr: f.label for f in target.fields()}
        offered = {labels.get(attr, attr) for attr in self.uniform.offered()}
        problems = []
        missing = [label for label in found.missing if label not in offered]
        if missing:
            problems.append(self.tr("必填字段还没有对应的列：{0}").format("、".join(missing)))
        unfilled = [label for label in found.missing if label in offered]
        if unfilled:
            problems.append(self.tr("请为{0}选择对应的列，或在“统一填写”中填一个值").format("、".join(unfilled)))
        if found.twice:
            problems.append(self.tr("同一个字段对应了多列：{0}").format("、".join(found.twice)))
        try:
            check_given(target, given)
        except ValidationError as error:
            problems.append(self.tr("统一填写的{0}").format(error.message))
        return problems

    def _mapping_changed(self) -> None:
        target = self._wizard.target
        if target is not None:  # a required field gets its 统一填写 editor while no column fills it
            chosen = set(self.mapping().values())
            self.uniform.show_for({f.attr for f in target.fields() if f.required and f.attr not in chosen})
        self.error.setText("\n".join(self.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.combos) and not self.problems()

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self._wizard
        if wizard.may_go_on():
            return True
        if wizard.is_busy() or wizard.source is None or wizard.target is None:
            return False
        source, target, mapping, given = wizard.source, wizard.target, self.mapping(), self.given()
        context = wizard.context
        if self.save_box.isChecked():
            try:
                save_mapping(context.store, context.actor, target.name, source.headers, mapping)
            except UnionDeskError as error:  # the import can go on without it
                self.error.setText(self.tr("对应关系没有保存：{0}").format(error.message))

        def job(progress: Progress) -> ImportPlan:
            return target.plan(context.store, context.actor, source, mapping, given, progress)

        wizard.run(job, self.tr("正在检查每一行……"), self._planned)
        return False

    def _planned(self, plan: ImportPlan) -> None:
        self._wizard.plan = plan
        self._wizard.proceed()
