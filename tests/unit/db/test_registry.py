"""The registry declarations (db/registry.py, db/<registry>/fields.py) are whole and agree with the models,
and every layer that reads them shows the same labels and parses a kind the same way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db import reference
from db.auth import Actor
from db.errors import ValidationError
from db.fields import FALSE_WORDS, TRUE_WORDS, Field
from db.models import REGISTRY_MODELS
from db.registry import registries, registry, table_label, table_specs
from db.store import Store
from db.tabular.plan import plan_import
from db.validation import make_id_number
from desktop.documents.excel.export import export_registry
from desktop.documents.excel.template import write_template

SYSTEM_COLUMNS = {"uuid", "office_code", "rev", "updated_at", "updated_by", "deleted", "sync_seq"}
# computed from the name
DERIVED_COLUMNS = {("members", "name_pinyin"), ("members", "name_initials"), ("stations", "name_initials")}
SPECS = list(registries().values())


def test_every_table_of_every_registry_is_declared_with_every_column() -> None:
    declared = table_specs()
    for model in REGISTRY_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        assert table.name in declared, f"{table.name} has no declaration"
        attrs = {f.attr for f in declared[table.name].fields}
        missing = {c for c in table.columns.keys()
                   if c not in SYSTEM_COLUMNS and (table.name, c) not in DERIVED_COLUMNS}
        assert missing <= attrs, f"{table.name}: columns without a declaration {missing - attrs}"
        assert table_label(table.name) != table.name


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_a_registry_declaration_is_consistent(spec: object) -> None:
    spec = registry(spec.name)  # type: ignore[attr-defined]
    attrs = [f.attr for f in spec.fields]
    assert len(attrs) == len(set(attrs)), "a field declared twice"
    assert attrs[-1] == "uuid"
    labels = [f.label for f in spec.fields]
    assert len(labels) == len(set(labels)), "two fields with one label cannot be told apart in a sheet"
    for item in spec.fields:
        if item.choices:
            assert reference.values(item.choices), f"{item.attr}: value list {item.choices} is empty"
        if item.kind == "coded":
            assert reference.labels(item.choices or "")
    for column in spec.list_columns:
        spec.field(column.attr)
    grouped = [attr for _, group in spec.form_groups for attr in group]
    assert len(grouped) == len(set(grouped))
    for attr in grouped:
        assert not spec.field(attr).readonly
    if spec.form_groups:  # a form shows every field a person may type (a status without steps too: contests)
        typed = {f.attr for f in spec.writable if f.attr != "status"}
        assert typed <= set(grouped) <= typed | {"status"}
    headers = {label for f in spec.fields for label in (f.label, *f.synonyms)}
    assert len(headers) == sum(1 + len(f.synonyms) for f in spec.fields), "a header that means two fields"


def test_sensitive_fields_are_the_numbers_and_the_household_facts() -> None:
    sensitive = {(spec.name, f.attr) for spec in SPECS for f in spec.fields if f.sensitive}
    assert {("members", "id_number"), ("members", "phone"), ("entries", "id_number"),
            ("aid-cases", "member_id_number"), ("aid-cases", "bank_account"), ("aid-cases", "health"),
            ("aid-cases", "household_income_fen"), ("stations", "phone")} <= sensitive
    for spec in SPECS:
        for item in spec.fields:
            if item.sensitive and item.kind not in ("id_number", "mobile", "phone", "bank"):
                assert item.to_cell("x" if item.kind != "money" else 12345, full=False) == "***"


# --- one parser per kind, everywhere -----------------------------------------------------------------

def test_yes_and_no_are_read_alike_by_every_yes_no_field() -> None:
    bools = [f for spec in SPECS for f in spec.fields if f.kind == "bool"]
    assert {f.attr for f in bools} >= {"is_migrant_worker", "has_sign", "drop_extremes", "single_parent"}
    for item in bools:
        for word in ("是", "√", "✓", "有", "Y", "yes", "1", "TRUE"):
            assert item.clean(word) is True, (item.attr, word)
        for word in ("否", "×", "无", "N", "no", "0", "False"):
            assert item.clean(word) is False, (item.attr, word)
        for word in ("x", "对", "2", "maybe"):
            with pytest.raises(ValidationError, match=item.label):
                item.clean(word)
    assert "√" in TRUE_WORDS and "×" in FALSE_WORDS


@pytest.mark.parametrize("kind", ["date", "int", "money", "mobile", "phone", "id_number", "credit", "bank", "choice"])
def test_a_kind_accepts_and_refuses_the_same_values_in_every_registry(kind: str) -> None:
    fields = [f for spec in SPECS for f in spec.fields if f.kind == kind and not f.readonly and not f.any_document]
    assert fields, kind
    verdicts = set()
    for item in fields:
        samples = {"date": ["2024-03-05", "2024/3/5", "2024年3月5日", "2024-02-30", "昨天"],
                   "int": ["3", "3.0", "3.5", "三"], "money": ["12.5", "12.555", "-1"],
                   "mobile": ["13800138000", "138001380", "23800138000"],
                   "phone": ["13800138000", "010-12345678", "12"],
                   "id_number": [make_id_number("110101", dt.date(1990, 1, 1), 7), "110101199001010070"],
                   "credit": ["91110000MA0000000X", "123"], "bank": ["6222020200112233445", "62220"],
                   "choice": ["\u0000"]}[kind]
        outcome = []
        for sample in samples:
            try:
                item.clean(sample)
                outcome.append(True)
            except ValidationError as exc:
                assert exc.field == item.label
                outcome.append(False)
        verdicts.add(tuple(outcome) if kind not in ("int", "money") else tuple(outcome[:2]))
    assert len(verdicts) == 1, f"{kind} fields disagree: {verdicts}"


def test_a_member_sheet_and_a_station_sheet_read_yes_and_no_alike(store: Store, clerk: Actor) -> None:
    member = {"name": "王芳", "id_number": make_id_number("110101", dt.date(1990, 1, 1), 8),
              "joined_on": "2020-01-01"}
    rows = [(2, member | {"is_migrant_worker": "√"}), (3, {**member, "id_number": make_id_number(
        "110101", dt.date(1990, 1, 2), 8), "is_migrant_worker": "有"}),
        (4, {**member, "id_number": make_id_number("110101", dt.date(1990, 1, 3), 8), "is_migrant_worker": "x"})]
    plan = plan_import(store, clerk, "members", rows, {a: a for a in ("name", "id_number", "joined_on",
                                                                      "is_migrant_worker")})
    assert [r.verdict for r in plan.rows] == ["new", "new", "error"]
    assert plan.rows[0].values["is_migrant_worker"] is True and plan.rows[1].values["is_migrant_worker"] is True
    assert "是否农民工" in plan.rows[2].messages[0]
    stations = [(2, {"code": "S1", "name": "驿站一", "has_sign": "√"}), (3, {"code": "S2", "name": "驿站二",
                                                                        "has_sign": "x"})]
    plan = plan_import(store, clerk, "stations", stations, {"code": "code", "name": "name", "has_sign": "has_sign"})
    assert [r.verdict for r in plan.rows] == ["new", "error"]
    assert "统一标识" in plan.rows[1].messages[0]


# --- the labels every layer shows ----------------------------------------------------------------------

@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_field_label_heads_the_export_and_the_template(spec: object, store: Store, admin: Actor,
                                                            tmp_path: Path) -> None:
    name = spec.name  # type: ignore[attr-defined]
    declared = registry(name).fields
    fillable = registry(name).hooks().template_columns(registry(name).writable)  # what a registry offers to fill
    export_registry(store, admin, name, tmp_path / "out.xlsx")
    template = tmp_path / "template.xlsx"
    write_template(name, template)  # what a person fills in: no computed columns, no 系统编号
    for path, labels in ((tmp_path / "out.xlsx", [f.label for f in declared]),
                         (template, [f.label for f in fillable])):
        book = load_workbook(path, read_only=True)
        header = [c for c in next(book.worksheets[0].iter_rows(values_only=True)) if c]
        book.close()  # a read-only workbook keeps its file open until closed
        assert [str(h).rstrip("*").strip() for h in header] == labels, path.name


def test_a_field_label_is_the_message_of_its_error() -> None:
    item = Field("x", "某字段", "int", low=0, high=3)
    with pytest.raises(ValidationError, match="某字段：不能大于3：4"):
        item.clean("4")
