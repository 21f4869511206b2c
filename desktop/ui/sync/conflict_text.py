"""What the conflict dialog says of each way of settling: a button's tooltip, and the question before a choice
that replaces or transfers a record (design §5: a conflict is settled by a person, never silently)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.sync.merge_rows import CROSS_OFFICE, MISSING_PARENT, SAME_PERSON
from db.sync.settle import (
    CHOICE_LABELS,
    DISCARD,
    KEEP_BOTH,
    KEEP_INCOMING,
    KEEP_LOCAL,
    MERGE,
    RETRY,
    ConflictDetail,
)

CONTEXT = "ConflictDialog"
# db.sync.settle's labels, marked here so that Qt Linguist offers them for translation
_DB_LABELS = (
    QT_TRANSLATE_NOOP("ConflictDialog", "保留本地"), QT_TRANSLATE_NOOP("ConflictDialog", "采用来件"),
    QT_TRANSLATE_NOOP("ConflictDialog", "两者都保留"), QT_TRANSLATE_NOOP("ConflictDialog", "逐项合并"),
    QT_TRANSLATE_NOOP("ConflictDialog", "重新合并"), QT_TRANSLATE_NOOP("ConflictDialog", "放弃来件"),
    QT_TRANSLATE_NOOP("ConflictDialog", "同一人在两个单位在会"),
    QT_TRANSLATE_NOOP("ConflictDialog", "修改了不属于发件单位的记录"),
    QT_TRANSLATE_NOOP("ConflictDialog", "双方同时修改了同一记录"),
    QT_TRANSLATE_NOOP("ConflictDialog", "缺少所属的上级记录"),
    QT_TRANSLATE_NOOP("ConflictDialog", "同一人在两个单位都有未关闭的记录"),
    QT_TRANSLATE_NOOP("ConflictDialog", "一人多档"),
)
_SAME_PERSON_TIPS = {
    KEEP_LOCAL: QT_TRANSLATE_NOOP("ConflictDialog", "以本单位现有的记录为准，来件的会员记为转出"),
    KEEP_INCOMING: QT_TRANSLATE_NOOP("ConflictDialog", "以来件为准，本单位现有的在会记录记为转出"),
    KEEP_BOTH: QT_TRANSLATE_NOOP("ConflictDialog", "两条记录都保留在会；以后导入不再就此询问"),
    MERGE: QT_TRANSLATE_NOOP("ConflictDialog", "逐项选择取哪一方的值，合并到本单位现有的记录；来件的会员记为转出"),
}
_SAME_ROW_TIPS = {
    KEEP_LOCAL: QT_TRANSLATE_NOOP("ConflictDialog", "保留本单位现有的记录，不采用来件的修改"),
    KEEP_INCOMING: QT_TRANSLATE_NOOP("ConflictDialog", "用来件整条替换本单位现有的记录"),
    MERGE: QT_TRANSLATE_NOOP("ConflictDialog", "逐项选择取哪一方的值，其余各项保留本地"),
}
# one person with an open record in two offices (一人多档): two records, not two versions of one
_CROSS_OFFICE_TIPS = {
    KEEP_LOCAL: QT_TRANSLATE_NOOP("ConflictDialog", "保留本单位现有的记录，来件的记录注销（关闭）"),
    KEEP_INCOMING: QT_TRANSLATE_NOOP("ConflictDialog", "保留来件的记录，其他单位现有的记录注销（关闭）"),
    KEEP_BOTH: QT_TRANSLATE_NOOP("ConflictDialog", "两份记录都保留；以后导入不再就这两份询问"),
}
_MISSING_PARENT_TIPS = {
    RETRY: QT_TRANSLATE_NOOP("ConflictDialog", "所属的上级记录到达后，按通常的规则合并这条记录"),
    DISCARD: QT_TRANSLATE_NOOP("ConflictDialog", "不导入这条来件，本地记录不变"),
}


def choice_text(choice: str) -> str:
    """A choice's button text (:data:`db.sync.settle.CHOICE_LABELS`)."""
    return QCoreApplication.translate(CONTEXT, CHOICE_LABELS.get(choice, choice))


def kind_text(kind_label: str) -> str:
    return QCoreApplication.translate(CONTEXT, kind_label)


def choice_tooltip(kind: str, choice: str) -> str:
    tips = {SAME_PERSON: _SAME_PERSON_TIPS, MISSING_PARENT: _MISSING_PARENT_TIPS,
            CROSS_OFFICE: _CROSS_OFFICE_TIPS}.get(kind, _SAME_ROW_TIPS)
    return QCoreApplication.translate(CONTEXT, str(tips[choice])) if choice in tips else ""


def field_list(labels: list[str]) -> str:
    """“电话、姓名”; a long list is cut short (“电话、姓名、…等 9 项”)."""
    shown = "、".join(labels[:5])
    if len(labels) > 5:
        return QCoreApplication.translate("ConflictDialog", "{0}等 {1} 项").format(shown, len(labels))
    return shown


def confirmation(detail: ConflictDetail, choice: str, picked: list[str]) -> str | None:
    """The question to ask before ``choice`` (with the ``picked`` field labels of a merge), or None."""
    if detail.summary.kind == SAME_PERSON:
        return _same_person(detail, choice, picked)
    if detail.summary.kind == CROSS_OFFICE:
        return _cross_office(detail, choice)
    if detail.summary.kind == MISSING_PARENT:
        if choice != DISCARD:
            return None
        return QCoreApplication.translate("ConflictDialog", "来件的这条{0}记录“{1}”将被放弃，不会导入。").format(
            detail.summary.table_label, detail.summary.title)
    return _same_row(detail, choice, picked)


def _local_name(detail: ConflictDetail) -> str:
    return next((f.local for f in detail.fields if f.key == "name" and f.local), detail.summary.title)


def _same_person(detail: ConflictDetail, choice: str, picked: list[str]) -> str | None:
    summary = detail.summary
    moved = QCoreApplication.translate("ConflictDialog", "{0}的“{1}”将记为转出。").format(
        summary.sender_name, summary.title)
    if choice == KEEP_LOCAL:
        return moved + QCoreApplication.translate("ConflictDialog", "本单位现有的记录保持不变。")
    if choice == KEEP_INCOMING:
        if detail.local_count > 1:
            return QCoreApplication.translate(
                "ConflictDialog", "以{0}的“{1}”为准：本单位现有的 {2} 条在会记录将全部记为转出。").format(
                summary.sender_name, summary.title, detail.local_count)
        return QCoreApplication.translate("ConflictDialog", "以{0}的“{1}”为准：{2}的“{3}”将记为转出。").format(
            summary.sender_name, summary.title, detail.local_owner or "本单位现有", _local_name(detail))
    if choice == MERGE:
        if not picked:
            return moved + QCoreApplication.translate(
                "ConflictDialog", "没有选用来件的任何一项：本单位现有的“{0}”保持不变。").format(_local_name(detail))
        return moved + QCoreApplication.translate("ConflictDialog", "本单位现有的“{0}”将改用来件的{1}。").format(
            _local_name(detail), field_list(picked))
    return None


def _cross_office(detail: ConflictDetail, choice: str) -> str | None:
    """Keeping one side closes the other (its 注销 step, carried home by the return batch); both: nothing."""
    summary = detail.summary
    incoming = next((f.incoming for f in detail.fields if f.key in ("case_no", "name") and f.incoming), summary.title)
    local = next((f.local for f in detail.fields if f.key in ("case_no", "name") and f.local), "")
    if choice == KEEP_LOCAL:
        return QCoreApplication.translate("ConflictDialog", "{0}报来的{1}“{2}”将注销（关闭），{3}的“{4}”保留。").format(
            summary.sender_name, summary.table_label, incoming, detail.local_owner or "本单位", local)
    if choice == KEEP_INCOMING:
        return QCoreApplication.translate("ConflictDialog", "{0}的“{1}”将注销（关闭），{2}报来的“{3}”保留。").format(
            detail.local_owner or "本单位", local, summary.sender_name, incoming)
    return None


def _same_row(detail: ConflictDetail, choice: str, picked: list[str]) -> str | None:
    summary = detail.summary
    if choice == KEEP_INCOMING and detail.local_count:
        return QCoreApplication.translate(
            "ConflictDialog", "本单位现有的{0}记录“{1}”将整条替换为{2}报来的内容。").format(
            summary.table_label, summary.title, summary.sender_name)
    if choice == MERGE:
        if not picked:
            return QCoreApplication.translate(
                "ConflictDialog", "没有选用来件的任何一项：本单位现有的记录保持不变，来件的修改不采用。")
        return QCoreApplication.translate(
            "ConflictDialog", "本单位现有的{0}记录“{1}”将改用来件的{2}，其余各项保留本地。").format(
            summary.table_label, summary.title, field_list(picked))
    return None
