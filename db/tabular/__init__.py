"""The registries as tables of labelled fields: what Excel import and export (and later other tabular
formats) read and write, with the same checks as the forms. Plain Python over the store, no Qt, no openpyxl;
generic — a registry's own behaviour comes from its declaration (:mod:`db.registry`) and its hooks.

* :mod:`db.tabular.hooks` — what a registry may add: natural key, checks between fields, references,
  derived columns, what new and changed records bring.
* :mod:`db.tabular.rows` — stored rows, a chunk at a time, for export; the export's audit entry.
* :mod:`db.tabular.plan` — an import's row-by-row verdicts (new, update, unchanged, error).
* :mod:`db.tabular.apply` — writing an accepted plan in one transaction.
"""
