"""验证证书 (desktop/ui/contests/verify_dialog.py): paste a certificate's QR text or open its PDF; the verdict
shows large, green for 真 and red for 伪; the dialog opens from 工具 → 验证证书…."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.auth import Actor
from db.contests import certificates
from db.errors import NotFound
from db.models import Contest
from db.store import Store
from db.sync import keys
from desktop.documents.pdf.certificate import signed_texts_in
from desktop.documents.pdf.forms import form
from desktop.ui.contests.verify_dialog import GREEN, RED, VerifyCertificateDialog
from desktop.ui.main_window import MainWindow

from .conftest import OFFICE

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)


@pytest.fixture
def printed(demo_store: Store, tmp_path: Path) -> Path:
    """The certificates of the first demo contest that has any, as the certificate form prints them."""
    with demo_store.transaction() as session:
        contests = list(session.scalars(select(Contest.uuid).order_by(Contest.ends_on)))
    for uuid in contests:
        try:
            certificates.printable(demo_store, [uuid])
        except NotFound:  # a contest not yet awarded has none
            continue
        out = tmp_path / "certificates.pdf"
        form("certificate").render(demo_store, CLERK, out, uuids=[uuid])
        return out
    pytest.fail("the demo has no awarded contest")


@pytest.fixture
def dialog(qtbot: QtBot, demo_store: Store) -> VerifyCertificateDialog:
    shown = VerifyCertificateDialog(demo_store)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_pasting_a_genuine_text_shows_green_true_and_the_facts(dialog: VerifyCertificateDialog, printed: Path,
                                                               qtbot: QtBot) -> None:
    text = signed_texts_in(printed)[0]
    with qtbot.waitSignal(dialog.verified) as seen:
        dialog.text.setPlainText(text)
    assert seen.args == ["真"]
    assert dialog.verdict_label.text() == "真" and GREEN in dialog.verdict_label.styleSheet()
    assert dialog.facts.rowCount() >= 6
    assert "本单位" in dialog.message.text()


def test_a_changed_character_shows_red_forged(dialog: VerifyCertificateDialog, printed: Path) -> None:
    text = signed_texts_in(printed)[0]
    position = len(text) // 2
    altered = text[:position] + ("A" if text[position] != "A" else "B") + text[position + 1:]
    dialog.text.setPlainText(altered)
    assert dialog.verdict_label.text() == "伪" and RED in dialog.verdict_label.styleSheet()
    assert dialog.facts.rowCount() == 0  # nothing of an altered certificate is shown as fact
    dialog.text.setPlainText("https://example.com")
    assert dialog.verdict_label.text() == "无效" and "UDC1:" in dialog.message.text()


def test_opening_a_pdf_checks_every_certificate(dialog: VerifyCertificateDialog, printed: Path) -> None:
    verdicts = dialog.open_pdf(printed)
    assert verdicts and all(v.genuine for v in verdicts)
    assert dialog.verdict_label.text() == "真"
    if len(verdicts) > 1:
        assert dialog.pages.isVisibleTo(dialog) and dialog.pages.count() == len(verdicts)
        assert f"共 {len(verdicts)} 张，真 {len(verdicts)} 张" in dialog.source.text()
    other = printed.with_name("not-a-pdf.pdf")
    other.write_text("hello")
    dialog.open_pdf(other)
    assert dialog.verdict_label.text() == "无效" and "不是PDF文件" in dialog.message.text()


def test_another_offices_certificate_is_untrusted(dialog: VerifyCertificateDialog, tmp_path: Path) -> None:
    other = keys.load_or_create("110101007", tmp_path / "other")
    facts = certificates.CertificateFacts("X-1", "王芳", "", "某竞赛", certificates.dt.date(2026, 1, 2), "一等奖",
                                          "", "110101007", "朝阳门街道工会")
    dialog.check_text(certificates.sign(facts, other))
    assert dialog.verdict_label.text() == "不可信" and "朝阳门街道工会" in dialog.message.text()


def test_the_tools_menu_opens_the_dialog(window_factory: Callable[[Store, Actor], MainWindow], demo_store: Store,
                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[VerifyCertificateDialog] = []

    def exec_(self: VerifyCertificateDialog) -> int:
        opened.append(self)
        self.grab().save(str(tmp_path / "verify.png"))
        return 0

    monkeypatch.setattr(VerifyCertificateDialog, "exec", exec_)
    window = window_factory(demo_store, CLERK)
    window.verify_certificate_action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "验证证书"
