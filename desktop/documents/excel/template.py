"""The blank Excel template of a registry, for an office to fill in and import (导入 → 下载模板).

The same header, widths and formats as an export of the registry, without what the import ignores (系统编号,
read-only columns), and the further sheets the registry offers with it (a contest's 竞赛评委, 参赛选手, 评委评分
and 成绩申诉, each with a comment on its first header cell saying how its rows name their contest); under the
header a row of notes (说明：必填；格式 2024-03-05 …), which the importer
skips; drop-down lists on the choice, coded and yes/no columns and on a whole number of a few values (星级
1–5), date and number checks, and text format on
the ID and phone columns so that Excel keeps an 18-digit ID number as typed. Every text goes in through
:func:`~desktop.documents.excel.export.put_text`: none can become a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from db import reference
from db.fields import Field
from db.registry import registry
from desktop.documents.excel import layout
from desktop.documents.excel.export import put_text
from desktop.documents.files import atomic_path

NOTE_PREFIX = "说明："
FIRST_DATA_ROW = 3
LAST_DATA_ROW = 20_000
LISTS_SHEET = "选项"
# Excel refuses an inline list (``"男,女"``) longer than 255 characters: longer ones go on a hidden sheet.
_INLINE_LIST_LIMIT = 255
_SHOWN_CHOICES = 8
# A whole number of so few values (a star rating, 1–5) is picked from a list rather than typed.
_LISTED_WHOLE_NUMBERS = 10

NOTE_FONT = Font(color="7F7F7F", size=9)
NOTE_FILL = PatternFill("solid", fgColor="FFF9E5")
NOTE_ALIGNMENT = Alignment(vertical="top", wrap_text=True)
NOTE_HEIGHT = 48

_KIND_NOTES = {
    "date": "格式 2024-03-05",
    "id_number": "18位，末位可为X",
    "mobile": "11位手机号码",
    "phone": "11位手机号码，或带区号的固定电话",
    "bank": "8到30位数字",
    "credit": "18位统一社会信用代码",
    "bool": "填“是”或“否”",
    "money": "单位：元，最多两位小数",
    "score": "最多两位小数",
}


def write_template(registry_name: str, path: Path) -> None:
    """Write the blank template of the registry called ``registry_name`` to ``path`` (atomically).

    Raises UnionDeskError when the file cannot be written.
    """
    table = registry(registry_name)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = table.sheet_title
    _fill_sheet(wb, ws, table.hooks().template_columns(table.writable))
    for title, fields, hint in table.hooks().template_sheets():  # a contest's judges, entrants, scores …
        _fill_sheet(wb, wb.create_sheet(title), fields, hint)
    if LISTS_SHEET in wb.sheetnames:  # the hidden lists last, after every sheet a clerk fills
        wb.move_sheet(LISTS_SHEET, len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS_SHEET))
    wb.properties.creator = "UnionDesk"
    with atomic_path(Path(path)) as part:
        wb.save(part)


def _fill_sheet(wb: Workbook, ws: Worksheet, fields: tuple[Field, ...], hint: str = "") -> None:
    """A sheet's header, notes row and checks; ``hint`` (how the sheet's rows are filled) as a comment on its
    first header cell, which the importer does not read."""
    layout.set_columns(ws, fields)
    for column, field in enumerate(fields, 1):
        header = put_text(ws, 1, column, field.label)
        layout.style_header(header, field)
        note = put_text(ws, 2, column, NOTE_PREFIX + field_note(field))
        note.font, note.fill, note.alignment = NOTE_FONT, NOTE_FILL, NOTE_ALIGNMENT
        note.border = layout.HEADER_BORDER
        _add_validation(wb, ws, column, field)
    if hint:
        comment = Comment(hint, "UnionDesk")
        comment.width, comment.height = 360, 120
        ws.cell(1, 1).comment = comment
    ws.row_dimensions[1].height = layout.HEADER_HEIGHT
    ws.row_dimensions[2].height = NOTE_HEIGHT
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"


def field_note(field: Field) -> str:
    """What the notes row says of a column (without the 说明： prefix)."""
    parts = ["必填" if field.required else "选填"]
    choices = _choices(field)
    if choices and field.kind != "bool":
        shown = "、".join(choices[:_SHOWN_CHOICES])
        parts.append(f"可选 {shown}" + ("等，见下拉列表" if len(choices) > _SHOWN_CHOICES else ""))
    elif field.kind in _KIND_NOTES:
        parts.append(_KIND_NOTES[field.kind])
    elif field.kind == "int":
        parts.append("整数")
    elif field.kind == "float":
        parts.append("数字")
    elif field.kind == "text" and field.limit:
        parts.append(f"不超过{field.limit}个字")
    if field.low is not None and field.high is not None:
        parts.append(f"范围 {_plain(field.low)}～{_plain(field.high)}")
    return "；".join(parts)


def _plain(number: float) -> str:
    return f"{number:g}"


def _choices(field: Field) -> list[str]:
    if field.kind == "bool":
        return ["是", "否"]
    if field.kind == "coded":
        return list(reference.labels(field.choices or "").values())
    if field.kind == "choice":
        return reference.values(field.choices or "")
    if field.kind == "int" and field.low is not None and field.high is not None \
            and 0 <= field.high - field.low < _LISTED_WHOLE_NUMBERS:
        return [str(n) for n in range(int(field.low), int(field.high) + 1)]
    return []


def _add_validation(wb: Workbook, ws: Worksheet, column: int, field: Field) -> None:
    validation = _validation(wb, field)
    if validation is None:
        return
    letter = get_column_letter(column)
    validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_DATA_ROW}")
    validation.showErrorMessage = True
    validation.errorTitle = field.label
    ws.add_data_validation(validation)


def _validation(wb: Workbook, field: Field) -> DataValidation | None:
    choices = _choices(field)
    if choices:
        validation = DataValidation(type="list", formula1=_list_source(wb, field, choices), allow_blank=True)
        validation.error = "请从下拉列表中选择"
        return validation
    if field.kind == "date":
        validation = DataValidation(type="date", operator="between", formula1="DATE(1900,1,1)",
                                    formula2="DATE(2100,12,31)", allow_blank=True)
        validation.error = "请填写日期，格式 2024-03-05"
        return validation
    if field.kind in ("int", "float", "money", "score") and field.low is not None and field.high is not None:
        kind = "whole" if field.kind == "int" else "decimal"
        validation = DataValidation(type=kind, operator="between", formula1=_plain(field.low),
                                    formula2=_plain(field.high), allow_blank=True)
        validation.error = f"请填写{_plain(field.low)}到{_plain(field.high)}之间的" + (
            "整数" if kind == "whole" else "数字")
        return validation
    return None


def _list_source(wb: Workbook, field: Field, choices: list[str]) -> str:
    """The list's formula: inline when short enough, else a column of the hidden options sheet."""
    inline = ",".join(choices)
    if len(inline) + 2 <= _INLINE_LIST_LIMIT and not any("," in c or '"' in c for c in choices):
        return f'"{inline}"'
    if LISTS_SHEET in wb.sheetnames:
        sheet = wb[LISTS_SHEET]
    else:
        sheet = wb.create_sheet(LISTS_SHEET)
        sheet.sheet_state = "hidden"
    column = sheet.max_column + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
    letter = get_column_letter(column)
    put_text(sheet, 1, column, field.label)
    for row, choice in enumerate(choices, 2):
        put_text(sheet, row, column, choice)  # a value list is text, whatever it starts with
    return f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(choices) + 1}"
