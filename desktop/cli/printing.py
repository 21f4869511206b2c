"""``uniondesk print``: a printable PDF form from the catalogue of desktop/documents/pdf/forms.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_OK, Subparsers, cli_actor, open_store


def add_command(sub: Subparsers) -> None:
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


def cmd_print(args: argparse.Namespace) -> int:
    from db.errors import ValidationError
    from db.members.listing import MemberFilter
    from desktop.documents.pdf.forms import form
    from desktop.progress import TerminalProgress

    chosen = form(args.form)
    if chosen.needs == "batch" and not args.id:
        raise ValidationError("批次", f"打印{chosen.label}请用 --id 指定批次编号")
    store = open_store(args)
    try:
        actor = cli_actor(store)
        flt = MemberFilter(text=args.search) if args.search else None
        with TerminalProgress() as progress:
            pages = chosen.render(store, actor, Path(args.output), uuids=args.id or None, member_filter=flt,
                                  full_ids=args.full_ids, progress=progress)
    finally:
        store.close()
    print(f"已生成 {pages} 页：{args.output}")
    return EXIT_OK
