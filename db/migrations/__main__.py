"""Developer entry: ``python -m db.migrations revision -m MESSAGE`` autogenerates a revision."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from db.migrations import alembic_config, upgrade


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m db.migrations")
    sub = parser.add_subparsers(dest="command", required=True)
    rev = sub.add_parser("revision", help="autogenerate a revision from the models")
    rev.add_argument("-m", "--message", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite'}")
        with engine.begin() as conn:
            upgrade(conn)
        with engine.begin() as conn:
            command.revision(alembic_config(conn), message=args.message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main()
