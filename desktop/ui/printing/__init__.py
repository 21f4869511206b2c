"""Printing from the GUI (design §6): the forms of :mod:`desktop.documents.pdf` previewed and printed through Qt.

* :mod:`.print_dialog` — which form, for whom, and whether full ID numbers are printed.
* :mod:`.actions` — the 文件 menu's 打印… and 打印预览, the member tab's 打印 menu; generates in the JobRunner.
* :mod:`.preview` — the preview window: pages, zoom, 打印…, 另存为PDF….
* :mod:`.paper` — puts the PDF's pages on a QPrinter (run as a job: progress and cancel).

The PDF stays in memory: it may hold full ID numbers, which should not be left in a temporary folder.
"""
