"""``uniondesk verify-certificate``: check a certificate's signed QR text, or a certificate PDF, offline.

Exit 0 when every certificate checked is 真 (signed by this office or an office it trusts, unaltered);
1 otherwise — forged, untrusted or malformed — with the verdict printed on stdout, so that a script can
read which, and a one-line error on stderr only for input that could not be read at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_ERROR, EXIT_OK, Subparsers, open_store


def add_command(sub: Subparsers) -> None:
    check = sub.add_parser("verify-certificate", help="核验获奖证书二维码中的签名（离线）",
                           description="核验获奖证书：给出二维码中的文字（以 UDC1: 开头），或证书PDF文件的路径。"
                                       "由本单位或已信任单位签发且未被改动为“真”（退出码0），否则退出码1。")
    check.add_argument("certificate", metavar="TEXT_OR_PDF", help="二维码中的文字，或证书PDF文件")
    check.set_defaults(func=cmd_verify_certificate)


def cmd_verify_certificate(args: argparse.Namespace) -> int:
    from db.contests.certificates import PREFIX, verify_in
    from db.errors import ValidationError
    from desktop.documents.pdf.certificate import signed_texts_in

    given: str = args.certificate
    if given.strip().startswith(PREFIX[:3]):
        texts, source = [given], None
    else:
        path = Path(given)
        if not path.is_file():
            raise ValidationError("证书", f"既不是证书二维码中的文字（应以 {PREFIX} 开头），也不是存在的文件：{given}")
        texts, source = signed_texts_in(path), path.name
        if not texts:
            raise ValidationError("证书文件", f"{path.name} 中没有找到证书的签名文字：不是本系统打印的获奖证书，"
                                          "或签名文字已被删去")
    store = open_store(args)
    try:
        verdicts = [verify_in(store, text) for text in texts]
    finally:
        store.close()
    for number, verdict in enumerate(verdicts, start=1):
        if len(verdicts) > 1:
            print(f"—— 第 {number} 张（{source} 第 {number} 页）——")
        print(f"结果：{verdict.status.value}")
        for label, value in verdict.facts.lines() if verdict.facts else []:
            print(f"{label}：{value}")
        print(verdict.message)
    if len(verdicts) > 1:
        genuine = sum(v.genuine for v in verdicts)
        print(f"共 {len(verdicts)} 张：真 {genuine} 张，其余 {len(verdicts) - genuine} 张未通过核验")
    return EXIT_OK if all(v.genuine for v in verdicts) else EXIT_ERROR
