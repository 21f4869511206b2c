"""The ``uniondesk`` command line (design §4). The GUI is its default command.

Every command exits 0 on success and 1 on a user error with one line on stderr — never a traceback for
bad input. One module per command group, each adding its commands to the parser; heavy modules are
imported inside the commands so that start-up stays quick, and only ``gui`` loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop.cli import certificates, conflicts, excel, gui, printing, records, sync
from desktop.cli.common import Command, run_reporting_errors

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uniondesk", description="UnionDesk 街道工会台账")
    parser.add_argument("--db", default=None, help="数据库文件路径或 SQLAlchemy URL（默认：UNIONDESK_DB 或数据文件夹）")
    sub = parser.add_subparsers(dest="command")
    # the order of the help listing
    gui.add_command(sub)
    records.add_commands(sub)
    excel.add_commands(sub)
    sync.add_batch_commands(sub)
    conflicts.add_command(sub)
    printing.add_command(sub)
    sync.add_keys_command(sub)
    certificates.add_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    func: Command = args.func
    return run_reporting_errors(func, args)
