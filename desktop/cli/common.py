"""What every command shares: opening the store, the actor the command line works as, and turning an error
a user can meet into one Chinese line on stderr and exit status 1."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from db.auth import Actor
    from db.store import Store

EXIT_OK, EXIT_ERROR, EXIT_CANCELLED = 0, 1, 130

# the object add_subparsers() returns; a string because argparse's class is generic only to type checkers
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Command: TypeAlias = Callable[[argparse.Namespace], int]


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    from db.store import Store

    return Store.open(args.db, create=create)


def cli_actor(store: Store) -> Actor:
    """Who runs a command-line use case: the office's system actor, named after the operating-system user,
    so that the audit trail says who exported or imported (the command line has no login)."""
    from db import offices
    from db.auth import system_actor

    with store.transaction() as session:
        code = offices.this_office(session).code
    return system_actor(code, name=f"cli:{getpass.getuser()}")


def run_reporting_errors(func: Command, args: argparse.Namespace) -> int:
    """Run a command; an error a user can meet becomes one line on stderr and exit 1, never a traceback."""
    from sqlalchemy.exc import DatabaseError

    from db.errors import UnionDeskError

    try:
        return func(args)
    except UnionDeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
    except DatabaseError as exc:
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        hint = "数据库文件已损坏" if "malformed" in reason or "not a database" in reason else "数据库错误"
        print(f"错误：{hint}（{reason.splitlines()[0]}）", file=sys.stderr)
    except OSError as exc:
        print(f"错误：文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）", file=sys.stderr)
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return EXIT_CANCELLED
    return EXIT_ERROR
