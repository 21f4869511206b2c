"""What a disabled action says: who may do it (DESIGN §8: a disabled action says why in its tooltip).

The roles come from the permission table of ``db.auth``, so the sentence stays true when a permission is
given to another role. The use cases check the permission again; this only keeps the clerk from pressing
a button that can do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.auth import PERMISSIONS, ROLE_LABELS, ROLES

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
# db.auth.ROLE_LABELS, for pyside6-lupdate: the names are translated at run time
ROLE_NAMES = (QT_TRANSLATE_NOOP("Roles", "录入员"), QT_TRANSLATE_NOOP("Roles", "审核人"),
              QT_TRANSLATE_NOOP("Roles", "管理员"))


def who_may(permission: str) -> str:
    """``录入员和管理员``: the roles that hold ``permission``, in the order of ``db.auth.ROLES``."""
    names = [translate("Roles", ROLE_LABELS[role]) for role in ROLES if role in PERMISSIONS[permission]]
    if len(names) == 1:
        return names[0]
    return translate("Roles", "{0}和{1}").format("、".join(names[:-1]), names[-1])


def only_who_may(permission: str, doing: str) -> str:
    """``只有录入员和管理员可以新增会员``: the tooltip of an action disabled for want of ``permission``."""
    return translate("Roles", "只有{who}可以{doing}").format(who=who_may(permission), doing=doing)
