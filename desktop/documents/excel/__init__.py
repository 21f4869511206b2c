"""Reading Excel and CSV rosters for import: :mod:`.safety` refuses hostile or broken files before any parser
sees them, :mod:`.reader` turns a checked file into a :class:`~.reader.Table` of plain Python values, and
:mod:`.mapping` finds the header row and maps its columns onto a registry's fields. Nothing here writes to
the database except a saved column mapping (:func:`.mapping.save_mapping`).
"""
