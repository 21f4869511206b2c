"""验证证书: check a 获奖证书 offline — paste the text of its QR code, or open a certificate PDF.

The verdict shows in large letters, green for 真 and red for anything else, with what the certificate says
(its facts: present when the text was intact) and a sentence on what was found and what to do. The check
is :func:`db.contests.certificates.verify_in` (this office's key and the keys it trusts); a PDF's signed
texts are read by :func:`desktop.documents.pdf.certificate.signed_texts_in`, one per certificate page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.contests.certificates import Status, Verdict, verify_in
from db.errors import UnionDeskError
from db.store import Store
from desktop.documents.pdf.certificate import signed_texts_in

GREEN, RED, GREY = "#1b7f3b", "#c62828", "#666666"


class VerifyCertificateDialog(QDialog):
    """Paste a certificate's QR text or open its PDF; shows 真 / 伪 / 不可信 / 无效 and the facts.

    ``verified(status)`` is emitted with the verdict's Chinese word after every check.
    """

    verified = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.verdicts: list[Verdict] = []
        self.setWindowTitle(self.tr("验证证书"))
        self.resize(640, 560)
        self.text = QPlainTextEdit()
        self.text.setObjectName("certificate_text")
        self.text.setPlaceholderText(self.tr("在此粘贴证书二维码中的文字（以 UDC1: 开头），或点“打开证书PDF…”"))
        self.text.setMaximumHeight(110)
        self.text.textChanged.connect(self._text_changed)
        self.open_button = QPushButton(self.tr("打开证书PDF…"))
        self.open_button.setObjectName("open_pdf")
        self.open_button.clicked.connect(self._choose_pdf)
        self.source = QLabel()
        self.source.setObjectName("source")
        self.pages = QComboBox()
        self.pages.setObjectName("pages")
        self.pages.setVisible(False)
        self.pages.currentIndexChanged.connect(self._show_page)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        font = QFont(self.verdict_label.font())
        font.setPointSize(30)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.facts = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.source, 1)
        row.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.message)
        layout.addLayout(self.facts)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show(None)

    # ----- input ----------------------------------------------------------------------------------
    def check_text(self, text: str) -> Verdict:
        """Check one pasted text (also what typing or pasting into the box does)."""
        self.source.clear()
        self.verdicts = [verify_in(self.store, text)]
        self.pages.setVisible(False)
        self._show(self.verdicts[0])
        return self.verdicts[0]

    def open_pdf(self, path: Path) -> list[Verdict]:
        """Check every certificate of a PDF; the first is shown, the others chosen in the page box.
        An unreadable file or one with no certificate shows 无效 with the reason."""
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.source.setText(path.name)
        try:
            texts = signed_texts_in(path)
        except UnionDeskError as exc:
            texts, problem = [], exc.message
        else:
            problem = self.tr("{0} 中没有找到证书的签名文字：不是本系统打印的获奖证书，"
                              "或签名文字已被删去。").format(path.name)
        if not texts:
            self.verdicts = [Verdict(Status.MALFORMED, problem)]
        else:
            self.verdicts = [verify_in(self.store, text) for text in texts]
        self.pages.blockSignals(True)
        self.pages.clear()
        self.pages.addItems([self.tr("第 {0} 张：{1}").format(n, v.status.value)
                             for n, v in enumerate(self.verdicts, start=1)])
        self.pages.setVisible(len(self.verdicts) > 1)
        self.pages.blockSignals(False)
        if len(self.verdicts) > 1:
            genuine = sum(v.genuine for v in self.verdicts)
            self.source.setText(self.tr("{0}：共 {1} 张，真 {2} 张").format(path.name, len(self.verdicts),
                                                                          genuine))
        self._show(self.verdicts[0])
        return self.verdicts

    @Slot()
    def _text_changed(self) -> None:
        if self.text.toPlainText().strip():
            self.check_text(self.text.toPlainText())
        else:
            self.verdicts = []
            self._show(None)

    @Slot()
    def _choose_pdf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开证书PDF"), "", self.tr("PDF 文件 (*.pdf)"))
        if name:
            self.open_pdf(Path(name))

    @Slot(int)
    def _show_page(self, index: int) -> None:
        if 0 <= index < len(self.verdicts):
            self._show(self.verdicts[index])

    # ----- output ---------------------------------------------------------------------------------
    def _show(self, verdict: Verdict | None) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if verdict is None:
            self.verdict_label.setText(self.tr("—"))
            self.verdict_label.setStyleSheet(f"color: {GREY};")
            self.message.setText(self.tr("粘贴证书二维码中的文字，或打开证书PDF文件。"))
            return
        color = GREEN if verdict.genuine else RED if verdict.status is not Status.MALFORMED else GREY
        self.verdict_label.setText(verdict.status.value)
        self.verdict_label.setStyleSheet(f"color: {color};")
        self.message.setText(verdict.message)
        if verdict.facts is not None:
            if verdict.status is Status.UNTRUSTED:
                self.facts.addRow(QLabel(self.tr("（以下内容未经核实）")))
            for label, value in verdict.facts.lines():
                shown = QLabel(value)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.facts.addRow(label + "：", shown)
        self.verified.emit(verdict.status.value)
