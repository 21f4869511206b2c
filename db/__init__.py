"""UnionDesk data layer: models, storage, validation and the use cases of every registry.

Nothing here imports Qt, reportlab or anything of ``desktop``.
"""
