"""``uniondesk init``, ``demo``, ``check``, ``backup``, ``restore``: the database itself."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desktop.cli.common import EXIT_ERROR, EXIT_OK, Subparsers, open_store


def add_commands(sub: Subparsers) -> None:
    init = sub.add_parser("init", help="新建数据库并设置本单位")
    init.add_argument("--office-code", required=True)
    init.add_argument("--office-name", required=True)
    init.add_argument("--level", choices=("subdistrict", "district"), default="subdistrict")
    init.add_argument("--parent", default=None, help="上级单位代码")
    init.add_argument("--admin", default=None, help="同时创建的管理员用户名（密码在终端输入）")
    init.add_argument("--admin-name", default=None, help="管理员姓名")
    init.set_defaults(func=cmd_init)

    demo = sub.add_parser("demo", help="生成演示数据（所有台账）")
    demo.add_argument("--members", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(func=cmd_demo)

    sub.add_parser("check", help="检查数据库完整性").set_defaults(func=cmd_check)
    backup = sub.add_parser("backup", help="备份数据库")
    backup.add_argument("file", nargs="?", help="备份文件；省略时存入备份文件夹并自动轮换")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="从备份文件恢复数据库")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    from db import offices

    store = open_store(args, create=True)
    try:
        office = offices.initialize(store, args.office_code, args.office_name, args.level, args.parent)
        print(f"已初始化：{office.name}（{office.code}），数据库：{store.path or store.engine.url}")
        if args.admin:
            password = _admin_password()
            offices.create_first_admin(store, args.admin, args.admin_name or "管理员", password)
            print(f"已创建管理员账号：{args.admin}")
    finally:
        store.close()
    return EXIT_OK


def _admin_password() -> str:
    from db.errors import ValidationError

    password = os.environ.get("UNIONDESK_ADMIN_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise ValidationError("管理员密码", "请在终端输入，或设置环境变量 UNIONDESK_ADMIN_PASSWORD")
    first = getpass.getpass("管理员密码：")
    if first != getpass.getpass("再输一次："):
        raise ValidationError("管理员密码", "两次输入不一致")
    return first


def cmd_demo(args: argparse.Namespace) -> int:
    from db.demo import fill_demo
    from desktop.progress import TerminalProgress

    store = open_store(args)
    try:
        with TerminalProgress() as progress:
            counts = fill_demo(store, members=args.members, seed=args.seed, progress=progress)
    finally:
        store.close()
    total = sum(counts.values())
    print(f"演示数据已生成：共 {total:,} 条记录")
    for table, rows in counts.items():
        print(f"  {table:<24}{rows:>10,}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        problems = store.check()
    finally:
        store.close()
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"检查发现 {len(problems)} 个问题", file=sys.stderr)
        return EXIT_ERROR
    print("数据库检查通过")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        path = store.backup(Path(args.file) if args.file else None)
    finally:
        store.close()
    print(path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        safety = store.restore(Path(args.file))
    finally:
        store.close()
    print(f"已从 {args.file} 恢复；恢复前的数据库已备份到 {safety}")
    return EXIT_OK
