"""预览: the import wizard's last page — every row's verdict, and 导入, which writes the accepted rows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from db.registry import registry
from db.tabular.plan import ImportPlan
from desktop.documents.excel.importer import write_error_list
from desktop.ui.common.ask import ask
from desktop.ui.excel.preview_model import RECORD, ROW_NO, VERDICT, VerdictTableModel
from desktop.ui.messages import show_error
from desktop.ui.worker import Progress

if TYPE_CHECKING:
    from desktop.ui.excel.import_wizard import ImportWizard

Button = QMessageBox.StandardButton


class PreviewPage(QWizardPage):
    """预览: the counts, a filterable table of the verdict rows; the wizard's 导入 runs the import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("预览"))
        self.setSubTitle(self.tr("以下是导入后每一行的结果。核对无误后点“导入”；在此之前台账不会改变。"))
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)  # a further sheet's note (what is not read) is a long line
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("verdict_filter")
        for verdict, text in ((None, self.tr("全部")), ("error", self.tr("仅错误")), ("new", self.tr("仅新增")),
                              ("update", self.tr("仅更新"))):
            self.filter_combo.addItem(text, verdict)
        self.model = VerdictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("preview_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, width in ((ROW_NO, 60), (VERDICT, 70), (RECORD, 220)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("显示")))
        top.addWidget(self.filter_combo)
        self.errors_button = QPushButton(self.tr("导出错误清单…"))
        self.errors_button.setObjectName("save_errors")
        self.errors_button.clicked.connect(self.save_errors)
        top.addWidget(self.errors_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setObjectName("note")
        layout.addWidget(self.note)
        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_verdict_filter(self.filter_combo.currentData()))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        plan = self._wizard.plan
        assert plan is not None
        self.summary.setText(self.plan_summary(plan))
        self.filter_combo.setCurrentIndex(0)
        self.model.set_plan(plan)
        self.errors_button.setEnabled(plan.errors > 0)
        if plan.sheets:
            self.table.horizontalHeader().resizeSection(ROW_NO, 130)  # "驿站服务台账 12"
        self.note.clear()

    def summary_text(self, counts: dict[str, int]) -> str:
        text = self.tr("新增 {new:,} 行，更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行")
        text = text.format(**counts)
        return text + (self.tr("（错误行不会导入）") if counts["error"] else "")

    def plan_summary(self, plan: ImportPlan) -> str:
        """The counts of the first sheet, and of each further sheet on a line of its own; with further
        sheets, an error anywhere keeps the whole file out."""
        if plan.whole:  # rows that change records only (a score sheet): no 新增, and errors keep all out
            text = self.tr("更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行").format(**plan.counts)
            if plan.blocked:
                again = self.tr("有 {0:,} 行错误：整个文件一起导入，请改正文件并保存后，点“上一步”再点“下一步”重新检查")
                text += "\n" + again.format(plan.errors)
            return text
        if not plan.sheets:
            return self.summary_text(plan.counts)
        lines = [registry(plan.registry).sheet_title + self.tr("：") + self.tr(
            "新增 {new:,} 行，更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行").format(**plan.counts)]
        for sheet in plan.sheets:
            lines.append(sheet.title + self.tr("：") + self.tr(
                "新增 {new:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行").format(**sheet.counts))
            lines.extend(sheet.title + self.tr("：") + note for note in sheet.notes)  # what was not read
        if plan.blocked:
            lines.append(self.tr("有 {0:,} 行错误：各工作表一起导入，请改正后重新导入").format(plan.errors))
        return "\n".join(lines)

    def save_errors(self) -> None:
        """导出错误清单: the error rows as a CSV file, to fix in the roster and import again."""
        plan, settings = self._wizard.plan, self._wizard.settings
        if plan is None:
            return
        suggested = str(Path(settings.last_excel_dir()) / self.tr("导入错误清单.csv"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出错误清单"), suggested,
                                                    self.tr("CSV 文件 (*.csv)"))
        if not path:
            return
        try:
            rows = write_error_list(plan, Path(path))
        except OSError as error:
            show_error(self, error, self.tr("无法导出错误清单"))
            return
        self.note.setText(self.tr("已导出 {0:,} 个错误行到 {1}").format(rows, path))

    def cleanupPage(self) -> None:  # noqa: N802
        self.model.set_plan(None)

    def isComplete(self) -> bool:  # noqa: N802
        plan = self._wizard.plan
        return plan is not None and plan.can_apply

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self._wizard
        plan = wizard.plan
        if wizard.may_go_on():
            return True
        if wizard.is_busy() or plan is None:
            return False
        counts = plan.counts
        question = self.tr("将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），错误的 {3:,} 行不导入。继续？").format(
            counts["new"] + counts["update"], counts["new"], counts["update"], counts["error"])
        if plan.whole:
            question = self.tr("将更新 {0:,} 行。继续？").format(counts["update"])
        elif plan.sheets:
            added = "，".join(self.tr("{0}新增 {1:,} 行").format(sheet.title, sheet.counts["new"])
                             for sheet in plan.sheets)
            question = self.tr("将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），以及{3}。继续？").format(
                counts["new"] + counts["update"], counts["new"], counts["update"], added)
        if ask(self, self.tr("导入"), question, [(Button.Yes, self.tr("导入")), (Button.No, self.tr("取消"))],
               Button.Yes) != Button.Yes:
            return False
        context, target = wizard.context, wizard.target
        assert target is not None

        def job(progress: Progress) -> dict[str, int]:
            return target.apply(context.store, context.actor, plan, progress)

        wizard.run(job, self.tr("正在导入……"), lambda written: self._applied(plan, written))
        return False

    def _applied(self, plan: ImportPlan, written: dict[str, int]) -> None:
        wizard = self._wizard
        message = self.tr("已导入：新增 {0:,} 行，更新 {1:,} 行").format(written.get("new", 0),
                                                                   written.get("update", 0))
        if plan.whole:
            message = self.tr("已导入：更新 {0:,} 行").format(written.get("update", 0))
        for sheet in plan.sheets:
            message += "\n" + self.tr("{0}：新增 {1:,} 行").format(sheet.title, written.get(sheet.title, 0))
        QMessageBox.information(self, self.tr("导入完成"), message)
        wizard.imported.emit(plan.registry, written)
        wizard.finish()
