"""Which row of a clerk's sheet is the header, and which column holds which field of a registry.

Headers are compared after :func:`normalise_header`: spaces (also full-width and inner ones, "姓  名"),
line breaks, required-field marks ("*", "（必填）") and full-width letters do not matter, and a unit in
brackets ("金额（元）") may be there or not. An exact label beats a synonym of :data:`SYNONYMS`.
A mapping a clerk confirmed is kept per registry and header row (:func:`save_mapping`).

The import wizard and ``uniondesk import-xlsx`` map a file the same way: both offer :func:`targets`, guess
with :func:`guess_mapping` and judge a mapping with :func:`check_mapping` — the wizard only lets the clerk
change the guess.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from db.auth import Actor
from db.offices import get_setting, set_setting
from db.store import Store
from db.tabular.fields import Field
from db.tabular.registries import Registry, registry

# Synonyms by field label (shared by every registry with that label), what real rosters put in the header.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "姓名": ("名字", "会员姓名", "职工姓名", "员工姓名", "选手姓名", "参赛选手", "困难职工姓名", "户主姓名"),
    "性别": ("男/女",),
    "民族": ("族别",),
    "出生日期": ("出生年月", "出生年月日", "生日", "出生时间"),
    "证件类型": ("证件种类", "身份证件类型"),
    "身份证号": ("身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "身份证", "证件号码", "证件号",
               "身份证件号码", "居民身份证号码", "身份证号码（18位）"),
    "手机号码": ("手机", "手机号", "移动电话", "联系电话", "电话", "联系方式", "电话号码", "联系手机"),
    "联系电话": ("电话", "手机", "手机号码", "联系方式", "电话号码", "负责人电话"),
    "工作单位": ("单位", "单位名称", "所在单位", "工作单位名称", "就职单位", "用人单位", "企业名称"),
    "统一社会信用代码": ("信用代码", "社会信用代码", "单位统一社会信用代码", "组织机构代码"),
    "单位性质": ("单位类型", "企业性质", "单位经济类型"),
    "所属行业": ("行业", "行业类别"),
    "职业/工种": ("职业", "工种", "岗位", "职务", "职业工种", "从事职业"),
    "就业形态": ("用工形式", "就业形式", "用工性质"),
    "是否农民工": ("农民工", "是否为农民工"),
    "技能等级": ("职业技能等级", "技术等级", "职业资格等级"),
    "学历": ("文化程度", "最高学历"),
    "政治面貌": ("党派",),
    "会员编号": ("会员号", "会员编码"),
    "会员证号": ("会员证编号", "会员卡号", "会员证"),
    "入会日期": ("入会时间", "加入工会时间", "入会年月"),
    "所属基层工会": ("基层工会", "所属工会", "基层工会名称", "所在工会"),
    "备注": ("说明", "备考", "其他"),
    "同意日期": ("授权日期", "签署同意日期"),
    "名称": ("驿站名称", "站点名称"),
    "地址": ("驿站地址", "详细地址", "所在地址"),
    "建设单位": ("建设单位名称", "依托单位"),
    "负责人": ("联系人", "管理员"),
    "竞赛名称": ("比赛名称", "赛事名称"),
    "参赛证号": ("参赛号", "选手编号", "准考证号"),
    "代表队": ("参赛单位", "队伍"),
    "档案编号": ("档案号", "建档编号"),
    "困难类别": ("困难类型", "困难职工类别"),
    "家庭住址": ("住址", "家庭地址", "现住址", "居住地址"),
    "开户银行": ("开户行", "银行"),
    "银行卡号": ("银行账号", "卡号", "账号"),
    "家庭人口": ("家庭人口数", "家庭成员人数"),
    "金额（元）": ("金额", "发放金额", "帮扶金额"),
    "发放日期": ("发放时间", "帮扶日期"),
}
# Synonyms that only make sense in one registry (编号 is a member's number but a station's code).
REGISTRY_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "members": {"member_no": ("编号",)},
}
IGNORED_HEADERS = frozenset({"序号", "编号序号", "no", "no.", "行号"})

_MARKS = re.compile(r"^[*＊]+|[*＊]+$|[(（][^()（）]*(?:必填|选填|必须|可选)[^()（）]*[)）]")
_UNIT = re.compile(r"[(（][^()（）]*[)）]")
_SPACE = re.compile(r"\s+")
_NOTES_PREFIXES = ("（", "(", "说明")
_SETTING_PREFIX = "excel_mapping"


def normalise_header(value: Any) -> str:
    """A header cell as compared: no spaces, half-width, no required marks; "" for an empty cell."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _SPACE.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _MARKS.sub("", text)
    return text.rstrip(":：").lower()


def _without_unit(text: str) -> str:
    return _UNIT.sub("", text)


def targets(registry: Registry) -> tuple[Field, ...]:
    """The fields a column may fill: every field an import reads, 系统编号 included — it brings the rows of
    an export (masked numbers and all) back onto their records."""
    return tuple(f for f in registry.fields if not f.readonly)


def _candidates(registry: Registry) -> list[tuple[int, str, str]]:
    """(rank, normalised header, attr): rank 0 the label, 1 the label without its unit, 2 a synonym."""
    found: list[tuple[int, str, str]] = []
    for item in targets(registry):
        label = normalise_header(item.label)
        found.append((0, label, item.attr))
        found.append((1, _without_unit(label), item.attr))
        synonyms = SYNONYMS.get(item.label, ()) + REGISTRY_SYNONYMS.get(registry.name, {}).get(item.attr, ())
        found.extend((2, normalise_header(s), item.attr) for s in synonyms)
    return found


def _match(registry: Registry, header: str) -> tuple[int, str] | None:
    """The best (rank, attr) for a normalised header, or None."""
    if not header or header in IGNORED_HEADERS:
        return None
    bare = _without_unit(header)
    best: tuple[int, str] | None = None
    for rank, text, attr in _candidates(registry):
        hit = header == text or (rank > 0 and bare == _without_unit(text))
        if hit and (best is None or rank < best[0]):
            best = (rank, attr)
    return best


def guess_mapping(registry: Registry, headers: Sequence[Any]) -> dict[int, str]:
    """Column index → field attr for the columns recognised; each attr once, a better match first."""
    hits: list[tuple[int, int, str]] = []
    for index, value in enumerate(headers):
        found = _match(registry, normalise_header(value))
        if found is not None:
            hits.append((found[0], index, found[1]))
    mapping: dict[int, str] = {}
    for _rank, index, attr in sorted(hits):
        if attr not in mapping.values():
            mapping[index] = attr
    return dict(sorted(mapping.items()))


def field_named(registry: Registry, text: str) -> Field | None:
    """The field that ``text`` names as a header would (its label or a synonym), or None."""
    found = _match(registry, normalise_header(text))
    return None if found is None else registry.field(found[1])


def find_header_row(rows: Sequence[Sequence[Any]], registry: Registry, max_scan: int = 20) -> int:
    """The 0-based index, among the first ``max_scan`` rows, of the row naming the most fields (0 if none)."""
    best_index, best_score = 0, 0
    for index, row in enumerate(rows[:max_scan]):
        score = len(guess_mapping(registry, row))
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def is_notes_row(row: Sequence[Any]) -> bool:
    """True for a row of filling notes under the header: every non-empty cell starts "（", "(" or "说明"."""
    texts = [str(cell).strip() for cell in row if cell is not None and str(cell).strip()]
    return bool(texts) and all(text.startswith(_NOTES_PREFIXES) for text in texts)


@dataclass(frozen=True)
class MappingProblems:
    """Why a mapping cannot be planned; each a tuple of field labels, empty when all is well."""

    missing: tuple[str, ...] = ()  # required fields with neither a column nor a value for every row
    twice: tuple[str, ...] = ()  # fields chosen for more than one column
    both: tuple[str, ...] = ()  # fields with a column and also a value for every row

    def __bool__(self) -> bool:
        return bool(self.missing or self.twice or self.both)

    def messages(self) -> list[str]:
        """The problems in Chinese, one line each (the command line's; the wizard words its own)."""
        texts = []
        if self.missing:
            texts.append(f"以下必填项没有对应的列：{'、'.join(self.missing)}")
        if self.twice:
            texts.append(f"同一个字段对应了多列：{'、'.join(self.twice)}")
        if self.both:
            texts.append(f"以下字段文件中已有对应的列，不能再统一填写：{'、'.join(self.both)}")
        return texts


def check_mapping(registry: Registry, mapping: dict[int, str], given: Collection[str] = ()) -> MappingProblems:
    """What is wrong with ``mapping`` (column index → attr) and the attrs ``given`` one value for every row.

    A value given for a field that also has a column is refused rather than letting one of them win
    silently: the clerk meant one of the two, and only she knows which.
    """
    chosen = list(mapping.values())
    fields = targets(registry)
    return MappingProblems(
        missing=tuple(f.label for f in fields if f.required and f.attr not in chosen and f.attr not in given),
        twice=tuple(f.label for f in fields if chosen.count(f.attr) > 1),
        both=tuple(f.label for f in fields if f.attr in chosen and f.attr in given))


def unmapped_required(registry: Registry, mapping: dict[int, str], given: Collection[str] = ()) -> list[str]:
    """The labels of required, writable fields that no column is mapped to (and no value given for)."""
    return list(check_mapping(registry, mapping, given).missing)


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    if index < 0:
        raise ValueError(index)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def mapping_signature(headers: Sequence[Any]) -> str:
    """A stable hash of the normalised header texts (32 hex digits), so that a setting key stays short."""
    texts = [normalise_header(h) for h in headers]
    while texts and not texts[-1]:
        texts.pop()
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:32]


def _key(registry_name: str, headers: Sequence[Any]) -> str:
    return f"{_SETTING_PREFIX}/{registry_name}/{mapping_signature(headers)}"


def save_mapping(store: Store, actor: Actor, registry_name: str, headers: Sequence[Any],
                 mapping: dict[int, str]) -> None:
    """Keep a confirmed mapping for the next file with the same header row."""
    value = json.dumps({str(index): attr for index, attr in sorted(mapping.items())}, ensure_ascii=False)
    with store.transaction(actor, action="save_mapping") as session:
        set_setting(session, _key(registry_name, headers), value)


def load_mapping(store: Store, registry_name: str, headers: Sequence[Any]) -> dict[int, str] | None:
    """The mapping saved for this header row, without columns or fields that no longer exist; None if none."""
    with store.transaction() as session:
        raw = get_setting(session, _key(registry_name, headers))
    if raw is None:
        return None
    try:
        stored = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(stored, dict):
        return None
    attrs = {f.attr for f in targets(registry(registry_name))}
    mapping: dict[int, str] = {}
    for key, attr in stored.items():
        if isinstance(key, str) and key.isdigit() and int(key) < len(headers) and attr in attrs \
                and attr not in mapping.values():
            mapping[int(key)] = attr
    return mapping
