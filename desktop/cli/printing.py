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
                     help="会员的系统编号（可重复）；batch-receipt：批次编号；station-card、station-log：驿站的系统编号；"
                          "station-inspection：检查记录的系统编号，或驿站的（打印该站全部检查记录）；"
                          "certificate：竞赛的系统编号（打印该竞赛全部获奖证书）或参赛选手的（不给则打印全部竞赛的）；"
                          "contest-results、contest-sign-in、contest-certificates：竞赛的系统编号")
    prt.add_argument("--search", default=None, help="未给 --id 时：打印搜索到的会员（姓名、拼音、证件号码或电话）；"
                                                    "station-roster：搜索驿站（编号、名称、地址、建设单位、负责人）")
    prt.add_argument("--month", default=None, metavar="YYYY-MM", help="station-log：台账的月份，例如 2025-03")
    prt.add_argument("--full-ids", action="store_true", help="打印完整的身份证号和手机号码（默认打码）")
    prt.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="保存的PDF文件")
    prt.set_defaults(func=cmd_print)


def cmd_print(args: argparse.Namespace) -> int:
    from db.errors import ValidationError
    from db.listing import ListFilter
    from db.members.listing import MemberFilter
    from db.stations.reads import parse_month
    from desktop.documents.pdf.forms import form
    from desktop.progress import TerminalProgress

    chosen = form(args.form)
    if chosen.needs == "batch" and not args.id:
        raise ValidationError("批次", f"打印{chosen.label}请用 --id 指定批次编号")
    if chosen.needs == "contests" and not args.id:
        raise ValidationError("竞赛", f"打印{chosen.label}请用 --id 指定竞赛的系统编号")
    if chosen.needs in ("stations", "station-month", "inspections") and not args.id:
        raise ValidationError("驿站", f"打印{chosen.label}请用 --id 指定系统编号")
    if chosen.needs == "station-month":
        if not args.month:
            raise ValidationError("月份", f"打印{chosen.label}请用 --month 指定月份，例如 2025-03")
        parse_month(args.month)  # a malformed month is refused before the database is opened
    store = open_store(args)
    try:
        actor = cli_actor(store)
        full = actor.can("sensitive.full")  # an ID number searched by any part only by a role that sees it
        flt = MemberFilter(text=args.search, full_ids=full) if args.search else None
        stations = ListFilter(text=args.search, full_ids=full) if args.search else None
        with TerminalProgress() as progress:
            pages = chosen.render(store, actor, Path(args.output), uuids=args.id or None, member_filter=flt,
                                  full_ids=args.full_ids, progress=progress, list_filter=stations,
                                  month=args.month)
    finally:
        store.close()
    print(f"已生成 {pages} 页：{args.output}")
    return EXIT_OK
