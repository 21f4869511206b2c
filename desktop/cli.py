"""The ``uniondesk`` command line (design §4). The GUI is its default command.

Every command exits 0 on success and 1 on a user error with one line on stderr — never a traceback for
bad input. Heavy modules are imported inside the commands so that start-up stays quick.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.auth import Actor
    from db.store import Store

EXIT_OK, EXIT_ERROR = 0, 1


def _open(args: argparse.Namespace, create: bool = False) -> Store:
    from db.store import Store

    return Store.open(args.db, create=create)


def cmd_init(args: argparse.Namespace) -> int:
    from db import offices

    store = _open(args, create=True)
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

    store = _open(args)
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
    store = _open(args)
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
    store = _open(args)
    try:
        path = store.backup(Path(args.file) if args.file else None)
    finally:
        store.close()
    print(path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        safety = store.restore(Path(args.file))
    finally:
        store.close()
    print(f"已从 {args.file} 恢复；恢复前的数据库已备份到 {safety}")
    return EXIT_OK


def _cli_actor(store: Store) -> Actor:
    """Who runs a command-line use case: the office's system actor, named after the operating-system user,
    so that the audit trail says who exported or imported (the command line has no login)."""
    from db import offices
    from db.auth import system_actor

    with store.transaction() as session:
        code = offices.this_office(session).code
    return system_actor(code, name=f"cli:{getpass.getuser()}")


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from db.errors import ValidationError
    from db.registry import registry
    from desktop.documents.excel import importer, uniform
    from desktop.progress import TerminalProgress

    given = uniform.from_assignments(registry(args.registry), args.given)  # --set: a bad value stops here
    store = _open(args)
    try:
        actor = _cli_actor(store)
        source = importer.read_source(store, args.registry, Path(args.file), args.sheet)
        missing = importer.missing_columns(source, given=given)
        if missing:
            can = [f.label for f in uniform.fillable(source.registry) if f.label in missing]
            hint = f"（可用 --set {can[0]}=值 为每一行统一填写）" if can else ""
            raise ValidationError("列对应", f"以下必填项没有对应的列：{'、'.join(missing)}{hint}")
        with TerminalProgress() as progress:
            plan = importer.plan(store, actor, source, progress=progress, given=given)
        for line in importer.report_lines(plan, all_rows=args.all):
            print(line)
        counts = plan.counts
        if not args.dry_run and plan.accepted:
            with TerminalProgress() as progress:
                written = importer.apply(store, actor, plan, progress=progress)
            print(f"已导入：新增 {written['new']} 行，更新 {written['update']} 行")
        elif args.dry_run:
            print("试运行：没有写入任何数据")
    finally:
        store.close()
    if counts["error"]:
        print(f"错误：有 {counts['error']} 行未通过检查，未导入", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from db.members.listing import MemberFilter
    from desktop.documents.excel.export import export_registry
    from desktop.progress import TerminalProgress

    store = _open(args)
    try:
        actor = _cli_actor(store)
        flt = MemberFilter(text=args.search) if args.search else None
        with TerminalProgress() as progress:
            rows = export_registry(store, actor, args.registry, Path(args.file), view=flt,
                                   full_values=args.full, progress=progress)
    finally:
        store.close()
    print(f"已导出 {rows:,} 行到 {args.file}")
    return EXIT_OK


def cmd_template_xlsx(args: argparse.Namespace) -> int:
    from desktop.documents.excel.template import write_template

    write_template(args.registry, Path(args.file))
    print(f"空白模板已保存到 {args.file}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from db.errors import ValidationError
    from db.members.listing import MemberFilter
    from desktop.documents.pdf.forms import form
    from desktop.progress import TerminalProgress

    chosen = form(args.form)
    if chosen.needs == "batch" and not args.id:
        raise ValidationError("批次", f"打印{chosen.label}请用 --id 指定批次编号")
    store = _open(args)
    try:
        actor = _cli_actor(store)
        flt = MemberFilter(text=args.search) if args.search else None
        with TerminalProgress() as progress:
            pages = chosen.render(store, actor, Path(args.output), uuids=args.id or None, member_filter=flt,
                                  full_ids=args.full_ids, progress=progress)
    finally:
        store.close()
    print(f"已生成 {pages} 页：{args.output}")
    return EXIT_OK


def cmd_keys(args: argparse.Namespace) -> int:
    from db import offices
    from db.sync import keys

    store = _open(args)
    try:
        with store.transaction() as session:
            office = offices.this_office(session)
            code, name = office.code, office.name
        if args.keys_command == "trust":
            before = keys.trusted(store, args.office.strip())
            peer = keys.trust(store, _cli_actor(store), Path(args.file), args.office)
            print(f"已信任 {peer.office_name}（{peer.office_code}）的公钥，指纹 {peer.fingerprint}")
            if before is not None and before.fingerprint != peer.fingerprint:
                print(f"原来的公钥（指纹 {before.fingerprint}）已被替换")
            return EXIT_OK
    finally:
        store.close()
    existed = keys.key_files(code)[0].exists()
    own = keys.load_or_create(code)
    if args.keys_command == "export-public":
        keys.export_public(own, name, Path(args.file))
        print(f"已导出 {name}（{code}）的公钥到 {args.file}，指纹 {own.public.fingerprint}")
        return EXIT_OK
    print(f"{'本单位已有密钥' if existed else '已创建本单位的密钥'}：{name}（{code}）")
    print(f"指纹：{own.public.fingerprint}")
    print(f"文件夹：{keys.keys_dir()}")
    return EXIT_OK


def cmd_export_batch(args: argparse.Namespace) -> int:
    from db.sync.export import export_batch
    from db.sync.overview import KIND_LABELS
    from desktop.progress import TerminalProgress

    store = _open(args)
    try:
        actor = _cli_actor(store)
        with TerminalProgress() as progress:
            result = export_batch(store, actor, Path(args.out_dir), to=args.to, full=args.full,
                                  unsealed=args.unsealed, reason=args.reason, progress=progress)
    finally:
        store.close()
    kind = KIND_LABELS[result.kind]
    sealed = "已加密" if result.sealed else "未加密"
    print(f"第{result.seq}批（{kind}，{sealed}），共 {sum(result.counts.values()):,} 行")
    print(result.path)
    return EXIT_OK


def cmd_import_batch(args: argparse.Namespace) -> int:
    from db.sync.batchfile import BatchRejected
    from db.sync.merge import import_batches
    from desktop.progress import TerminalProgress

    store = _open(args)
    try:
        actor = _cli_actor(store)
        with TerminalProgress() as progress:
            results = import_batches(store, actor, [Path(f) for f in args.files], accept_gap=args.accept_gap,
                                     progress=progress)
    except BatchRejected as exc:
        if exc.path is None or len(args.files) == 1:
            raise
        raise BatchRejected(f"{exc.path.name}：{exc.reason}", exc.path) from exc
    finally:
        store.close()
    for result in results:
        print(result.message)
    held = [r for r in results if r.status == "held"]
    if held:
        print(f"错误：有 {len(held)} 个批次因缺少前面的批次而暂缓导入（补齐后再导入，或加 --accept-gap）",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(args.db, screenshot_dir=Path(args.screenshot) if args.screenshot else None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uniondesk", description="UnionDesk 街道工会台账")
    parser.add_argument("--db", default=None, help="数据库文件路径或 SQLAlchemy URL（默认：UNIONDESK_DB 或数据文件夹）")
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="启动图形界面（默认）")
    gui.add_argument("--screenshot", metavar="DIR", help="把每个页签截图保存到 DIR 后退出")
    gui.set_defaults(func=cmd_gui)

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
    _excel_commands(sub)
    _batch_commands(sub)
    _print_command(sub)
    _keys_command(sub)
    return parser


def _keys_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="本单位的密钥和已信任单位的公钥")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    actions.add_parser("create", help="生成本单位的密钥（已有则显示指纹）")
    export = actions.add_parser("export-public", help="把本单位的公钥导出到文件，交给对方单位")
    export.add_argument("file")
    trust = actions.add_parser("trust", help="信任对方单位的公钥文件（请先电话核对指纹）")
    trust.add_argument("file")
    trust.add_argument("--office", required=True, metavar="CODE", help="对方单位代码，须与公钥文件中的一致")
    keys.set_defaults(func=cmd_keys)


def _print_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from desktop.documents.pdf.forms import FORMS

    names = "、".join(f"{name}（{f.label}）" for name, f in FORMS.items())
    prt = sub.add_parser("print", help="生成可打印的PDF表单", description=f"表单：{names}")
    prt.add_argument("form", metavar="FORM", help=f"表单名称：{'、'.join(FORMS)}")
    prt.add_argument("--id", action="append", default=[], metavar="UUID",
                     help="会员的系统编号（可重复）；batch-receipt：批次编号")
    prt.add_argument("--search", default=None, help="未给 --id 时：打印搜索到的会员（姓名、拼音、证件号码或电话）")
    prt.add_argument("--full-ids", action="store_true", help="打印完整的身份证号和手机号码（默认打码）")
    prt.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="保存的PDF文件")
    prt.set_defaults(func=cmd_print)


def _batch_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = sub.add_parser("export-batch", help="把变动写成一个同步批次文件，打印其路径")
    exp.add_argument("out_dir")
    exp.add_argument("--full", action="store_true", help="全量批次（默认只含上一批之后的变动）")
    exp.add_argument("--to", default=None, help="收件单位代码（默认：上级单位）")
    exp.add_argument("--unsealed", action="store_true",
                     help="收件单位公钥未信任时仍导出未加密的批次（仅管理员，须用 --reason 写明理由，记入审计）")
    exp.add_argument("--reason", default=None, metavar="TEXT", help="不加密导出的理由（与 --unsealed 一起使用）")
    exp.set_defaults(func=cmd_export_batch)
    imp = sub.add_parser("import-batch", help="核验并合并同步批次文件")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--accept-gap", action="store_true", help="缺少前面的批次时仍然导入")
    imp.set_defaults(func=cmd_import_batch)
    from desktop.cli_conflicts import add_command as add_conflicts_command  # it imports this module

    add_conflicts_command(sub)


REGISTRY_NAMES = ("members", "stations", "contests", "entries", "aid-cases", "aid-payments")


def _excel_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import-xlsx", help="从Excel/CSV导入台账，逐行报告")
    imp.add_argument("registry", choices=REGISTRY_NAMES)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    imp.add_argument("--sheet", default=None, help="工作表名称（默认第一个）")
    imp.add_argument("--all", action="store_true", help="报告中也列出无变化的行")
    imp.add_argument("--set", action="append", default=[], dest="given", metavar="字段=值",
                     help="文件中没有某一列时，为每一行统一填写这个值（可重复），例如 --set 入会日期=2026-12-01")
    imp.set_defaults(func=cmd_import_xlsx)
    exp = sub.add_parser("export-xlsx", help="把一个台账导出为Excel")
    exp.add_argument("registry", choices=REGISTRY_NAMES)
    exp.add_argument("file")
    exp.add_argument("--full", action="store_true", help="导出完整的证件号码、电话和银行卡号（默认打码）")
    exp.add_argument("--search", default=None, help="会员：只导出搜索到的会员（姓名、拼音、证件号码或电话）")
    exp.set_defaults(func=cmd_export_xlsx)
    tpl = sub.add_parser("template-xlsx", help="保存一个台账的空白Excel模板")
    tpl.add_argument("registry", choices=REGISTRY_NAMES)
    tpl.add_argument("file")
    tpl.set_defaults(func=cmd_template_xlsx)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    func: Callable[[argparse.Namespace], int] = args.func
    return _run_reporting_errors(func, args)


def _run_reporting_errors(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
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
        return 130
    return EXIT_ERROR
