"""``uniondesk import-xlsx``, ``export-xlsx``, ``template-xlsx``: a registry to and from a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.registry import registries
from desktop.cli.common import EXIT_ERROR, EXIT_OK, Subparsers, cli_actor, open_store

REGISTRY_NAMES = tuple(registries())


def add_commands(sub: Subparsers) -> None:
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


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from db.errors import ValidationError
    from db.registry import registry
    from desktop.documents.excel import importer, uniform
    from desktop.progress import TerminalProgress

    given = uniform.from_assignments(registry(args.registry), args.given)  # --set: a bad value stops here
    store = open_store(args)
    try:
        actor = cli_actor(store)
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
        errors = plan.errors
        if not args.dry_run and plan.can_apply:
            with TerminalProgress() as progress:
                written = importer.apply(store, actor, plan, progress=progress)
            print(f"已导入：新增 {written['new']} 行，更新 {written['update']} 行")
            for sheet in plan.sheets:
                print(f"已导入{sheet.title}：新增 {written.get(sheet.title, 0)} 行")
        elif args.dry_run:
            print("试运行：没有写入任何数据")
    finally:
        store.close()
    if errors:
        whole = "，整个文件都没有导入" if plan.blocked else "，未导入"
        print(f"错误：有 {errors} 行未通过检查{whole}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from db.members.listing import MemberFilter
    from desktop.documents.excel.export import export_registry
    from desktop.progress import TerminalProgress

    store = open_store(args)
    try:
        actor = cli_actor(store)
        flt = MemberFilter(text=args.search, full_ids=actor.can("sensitive.full")) if args.search else None
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
