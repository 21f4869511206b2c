"""``uniondesk gui`` (the default command): the desktop application. The only command that loads Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Subparsers


def add_command(sub: Subparsers) -> None:
    gui = sub.add_parser("gui", help="启动图形界面（默认）")
    gui.add_argument("--screenshot", metavar="DIR", help="把每个页签截图保存到 DIR 后退出")
    gui.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(args.db, screenshot_dir=Path(args.screenshot) if args.screenshot else None)
