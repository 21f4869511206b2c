"""Excel in the desktop: the import wizard, the export dialog, the blank template, and the menu actions
that open them (design §6). The work itself is done by :mod:`desktop.documents.excel` in the JobRunner."""
