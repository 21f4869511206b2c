"""The registries as tables of labelled fields: what Excel import and export (and later other tabular
formats) read and write, with the same checks as the forms. Plain Python over the store, no Qt, no openpyxl.

* :mod:`db.tabular.fields` — a column: label, kind, cell ↔ stored value.
* :mod:`db.tabular.registries` — the six registries' columns.
* :mod:`db.tabular.rows` — stored rows, a chunk at a time, for export; the export's audit entry.
* :mod:`db.tabular.plan` — an import's row-by-row verdicts (new, update, unchanged, error), and applying them.
"""
