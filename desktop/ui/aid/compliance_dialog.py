"""核查 (来件核查 at a district): the hardship records held here that break a rule, as this database's settings
see them (db.aid.compliance) — caps exceeded without an override reason, payments to a file not 在档 that day,
approvals without their steps or by the wrong person or too early, 金秋助学 paid before its 公示, 一人多档 not
settled. A window beside the tab (non-modal): filtered by year (and 街道 at a district), a double click opens
the record's file in the tab, 复制 puts the list on the clipboard as tab-separated text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import offices
from db.aid import compliance
from db.aid.cases import today
from desktop.ui.common.panel_tab import PanelTab
from desktop.ui.context import AppContext
from desktop.ui.stations.pages import PageHooks, fill_table, make_table, selected_row

YEARS_BACK = 10  # the years offered besides 全部年度: a file's records are kept ten years after it closes


class ComplianceDialog(QDialog):
    """The findings of one year (or all) and, at a district, one office (or all); ``open_case`` shows a file."""

    def __init__(self, context: AppContext, open_case: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.open_case = context, open_case
        self.hooks = PageHooks(self)
        self.district = context.is_district
        self.setWindowTitle(self.tr("来件核查") if self.district else self.tr("帮扶核查"))
        top = self._filters()
        self.count = QLabel()
        self.count.setObjectName("check_count")
        top.addWidget(self.count, 1)
        headers = [self.tr("记录"), self.tr("档案编号"), self.tr("内容"), self.tr("姓名（身份证号）"), self.tr("问题")]
        if self.district:
            headers.insert(0, self.tr("街道"))
        self.headers = headers
        self.table = make_table("check_table", headers)
        self.table.setToolTip(self.tr("双击打开该记录所在的档案"))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        note = QLabel(self.tr("按本库的帮扶设置（限额、公示天数）核查：上报单位已按其设置办理的记录照常保存，"
                              "这里列出需要核实的记录，不修改任何数据。") if self.district
                      else self.tr("按本街道的帮扶设置（限额、公示天数）核查，列出需要核实的记录，不修改任何数据。"))
        note.setWordWrap(True)
        note.setObjectName("check_note")
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setObjectName("copy_findings")
        self.copy_button.setToolTip(self.tr("复制为制表符分隔的文本，可粘贴到电子表格"))
        self.copy_button.clicked.connect(self.copy)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh_findings")
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.findings: list[compliance.Finding] = []
        self.refresh()
        self.resize(1100 if self.district else 980, 520)

    def _filters(self) -> QHBoxLayout:
        """年度 (全部 or one of the last ten) and, at a district, 街道 (全部 or one sub-district)."""
        self.year = QComboBox()
        self.year.setObjectName("check_year")
        self.year.addItem(self.tr("全部年度"), None)
        this_year = today().year
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(self.tr("{year}年").format(year=year), year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.office: QComboBox | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        if self.district:
            self.office = QComboBox()
            self.office.setObjectName("check_office")
            self.office.addItem(self.tr("全部街道"), None)
            for code, name in sorted(offices.office_names(self.context.store).items()):
                if code != self.context.actor.office_code:
                    self.office.addItem(name, code)
            self.office.currentIndexChanged.connect(self.refresh)
            top.addWidget(QLabel(self.tr("街道")))
            top.addWidget(self.office)
        return top

    def refresh(self) -> None:
        office = self.office.currentData() if self.office is not None else None
        if not self.district:
            office = self.context.actor.office_code
        self.findings = compliance.findings(self.context.store, office, self.year.currentData())
        fill_table(self.table, [self._cells(f) for f in self.findings])
        self.count.setText(self.tr("共{n}条需要核实").format(n=len(self.findings)) if self.findings
                           else self.tr("没有发现不合规定的记录"))
        self.copy_button.setEnabled(bool(self.findings))

    def _cells(self, finding: compliance.Finding) -> list[str]:
        cells = [finding.record, finding.case_no, finding.title, finding.person, finding.rule]
        return [finding.office, *cells] if self.district else cells

    def open_row(self, row: int) -> None:
        """The row's file in the tab; a payee without a file has none to open (said so)."""
        if not 0 <= row < len(self.findings):
            return
        uuid = self.findings[row].case_uuid
        if uuid is None:
            self.hooks.inform(self.windowTitle(), self.tr("这笔应急救助的收款人没有档案，请在帮扶记录中查看。"))
            return
        self.open_case(uuid)

    def open_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.open_row(row)

    def tsv(self) -> str:
        """The list as tab-separated lines with its header (tabs and line ends inside a cell made spaces)."""
        lines = ["\t".join(self.headers)]
        for finding in self.findings:
            lines.append("\t".join(" ".join(cell.split()) for cell in self._cells(finding)))
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.tsv())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_selected()  # Enter on a row opens it, as a double click does
            return
        super().keyPressEvent(event)


def import_check(context: AppContext) -> Callable[[], int] | None:
    """What a batch import at a district counts after it (in its job, off the window's thread): the hardship
    records held here that break a rule (来件核查); None at a sub-district, which checks its own records."""
    if not context.is_district:
        return None
    store = context.store
    return lambda: len(compliance.findings(store))


def import_note(flagged: int) -> str | None:
    """The results log's line after a district's import that flagged ``flagged`` records; None for none."""
    if not flagged:
        return None
    return QCoreApplication.translate("ComplianceCheck", "来件核查：有{n}条困难帮扶记录不符合本库的帮扶设置或规定，"
                                      "请在“困难帮扶”中点“来件核查…”查看。").format(n=flagged)


def open_in_tab(tab: PanelTab, uuid: str) -> None:
    """The file in the tab's form, its row selected (as the approver's queue opens one)."""
    tab.open_record(uuid)
    if tab.form.current_uuid() == uuid:
        tab.show_row(uuid)


class ComplianceCheck(QObject):
    """The filter bar's 核查… (来件核查… at a district) and the one window it opens (:attr:`window`)."""

    def __init__(self, tab: PanelTab) -> None:
        super().__init__(tab)
        self.tab = tab
        district = tab.context.is_district
        self.button = QPushButton(self.tr("来件核查…") if district else self.tr("核查…"))
        self.button.setObjectName("compliance_check")
        self.button.setToolTip(self.tr("按本库的帮扶设置核查报来的档案、帮扶记录和金秋助学：超限无理由、非在档发放、"
                                       "审批环节不合规定、公示未满即发放、一人多档未处理") if district
                               else self.tr("核查本街道的档案、帮扶记录和金秋助学是否符合帮扶规定"))
        self.button.clicked.connect(lambda _checked=False: self.open())
        self.window: ComplianceDialog | None = None

    def open(self) -> ComplianceDialog:
        """The window (read again when already open), in front."""
        if self.window is None:
            window = ComplianceDialog(self.tab.context, lambda uuid: open_in_tab(self.tab, uuid), self.tab)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "window", None))
            self.window = window
            self.window.show()
        else:  # already open, perhaps behind the main window: read again and brought to the front
            self.window.refresh()
            self.window.raise_()
            self.window.activateWindow()
        return self.window
