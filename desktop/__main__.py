"""``python -m desktop``: the same as the ``uniondesk`` command."""

from desktop.cli import main

raise SystemExit(main())
