"""``uniondesk conflicts``: the sync conflicts an import kept aside, listed, shown side by side, settled.

The 同步 tab does the same with a dialog; the command serves scripts and offices that work from a terminal.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.common import EXIT_OK, Subparsers, cli_actor, open_store

if TYPE_CHECKING:
    from db.sync.settle import ConflictDetail

# settle.py checks the choice; listed here so that building the parser imports no sync module
CHOICES = "keep_local（保留本地）、keep_incoming（采用来件）、keep_both（两者都保留）、merge（逐项合并）、" \
          "retry（重新合并）、discard（放弃来件）"


def add_command(sub: Subparsers) -> None:
    conflicts = sub.add_parser("conflicts", help="同步冲突：列出、查看、处理")
    actions = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION")
    actions.add_parser("list", help="列出待处理的冲突（默认）")
    show = actions.add_parser("show", help="逐项对照一条冲突的两方")
    show.add_argument("uuid")
    settle = actions.add_parser("settle", help="处理一条冲突", description=f"处理方式：{CHOICES}")
    settle.add_argument("uuid")
    settle.add_argument("choice", help=CHOICES)
    settle.add_argument("--take", action="append", default=[], metavar="FIELD",
                        help="merge：取来件值的字段（可重复），其余保留本地")
    conflicts.set_defaults(func=cmd_conflicts, conflicts_command="list")


def cmd_conflicts(args: argparse.Namespace) -> int:
    from db.sync import settle

    store = open_store(args)
    try:
        actor = cli_actor(store)
        if args.conflicts_command == "settle":
            picks = {name: "incoming" for name in args.take}
            print(settle.settle(store, actor, args.uuid, args.choice, picks))
        elif args.conflicts_command == "show":
            _show(settle.conflict_detail(store, actor, args.uuid))
        else:
            with store.transaction() as session:
                listed = settle.open_conflicts(session)
            for c in listed:
                print(f"{c.uuid}  {c.kind_label}  {c.table_label}  {c.title}  {c.sender_name}第{c.batch_seq}批")
            print(f"共 {len(listed)} 条待处理的冲突")
    finally:
        store.close()
    return EXIT_OK


def _show(detail: ConflictDetail) -> None:
    from db.sync.settle import CHOICE_LABELS

    summary = detail.summary
    print(f"{summary.kind_label}：{summary.table_label}“{summary.title}”（{summary.sender_name}第{summary.batch_seq}批）")
    print(detail.explanation)
    print(f"左：{detail.local_title}")
    print(f"右：{detail.incoming_title}")
    for row in detail.fields:
        mark = "≠" if row.differs else " "
        print(f"{mark} {row.label}（{row.key}）：{row.local or '—'} | {row.incoming or '—'}")
    print("可选处理方式：" + "、".join(f"{c}（{CHOICE_LABELS[c]}）" for c in detail.choices))

