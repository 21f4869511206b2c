"""``uniondesk keys``, ``export-batch``, ``import-batch``: the office's keys and the sync batches (design §5).

The conflicts an import keeps aside have their own command (desktop/cli/conflicts.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import EXIT_ERROR, EXIT_OK, Subparsers, cli_actor, open_store


def add_batch_commands(sub: Subparsers) -> None:
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


def add_keys_command(sub: Subparsers) -> None:
    keys = sub.add_parser("keys", help="本单位的密钥和已信任单位的公钥")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    actions.add_parser("create", help="生成本单位的密钥（已有则显示指纹）")
    export = actions.add_parser("export-public", help="把本单位的公钥导出到文件，交给对方单位")
    export.add_argument("file")
    trust = actions.add_parser("trust", help="信任对方单位的公钥文件（请先电话核对指纹）")
    trust.add_argument("file")
    trust.add_argument("--office", required=True, metavar="CODE", help="对方单位代码，须与公钥文件中的一致")
    keys.set_defaults(func=cmd_keys)


def cmd_keys(args: argparse.Namespace) -> int:
    from db import offices
    from db.sync import keys

    store = open_store(args)
    try:
        with store.transaction() as session:
            office = offices.this_office(session)
            code, name = office.code, office.name
        if args.keys_command == "trust":
            before = keys.trusted(store, args.office.strip())
            peer = keys.trust(store, cli_actor(store), Path(args.file), args.office)
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

    store = open_store(args)
    try:
        actor = cli_actor(store)
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

    store = open_store(args)
    try:
        actor = cli_actor(store)
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
