"""The first start on a new database: the office, the first administrator, demo data if wanted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db import users
from db.errors import ValidationError
from db.models import Member, Office
from desktop.ui import app
from desktop.ui.first_run import FirstRunDialog


def fill(dialog: FirstRunDialog, password: str, again: str, demo: bool = False) -> None:
    dialog.office_code.setText("110101003")
    dialog.office_name.setText("交道口街道工会")
    dialog.admin_username.setText("boss")
    dialog.admin_name.setText("王主席")
    dialog.password.setText(password)
    dialog.password_again.setText(again)
    dialog.demo.setChecked(demo)
    dialog.demo_members.setValue(200)


def test_mismatched_passwords_keep_the_dialog_open(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "secret-1", "secret-2")
    dialog.try_accept()
    assert dialog.answers is None
    assert "两次输入不一致" in dialog.findChild(QLabel, "error").text()


def test_first_run_creates_office_admin_and_demo_data(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "secret-1", "secret-1", demo=True)
    dialog.try_accept()
    assert dialog.answers is not None and dialog.answers.demo_members == 200
    target = tmp_path / "new" / "uniondesk.sqlite"
    store = app._create_database(str(target), dialog.answers)
    try:
        assert users.authenticate(store, "boss", "secret-1").can("users.manage")
        with store.transaction() as session:
            office = session.get(Office, "110101003")
            assert office is not None and office.name == "交道口街道工会"
            assert session.scalar(select(func.count()).select_from(Member)) == 200
    finally:
        store.close()


def test_a_refused_office_leaves_no_half_made_database(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "secret-1", "secret-1")
    dialog.office_code.setText("有 空格")
    dialog.try_accept()
    assert dialog.answers is not None
    target = tmp_path / "uniondesk.sqlite"
    with pytest.raises(ValidationError, match="单位代码"):
        app._create_database(str(target), dialog.answers)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
