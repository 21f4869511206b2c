"""The main window's tabs: one per registry that declares a tab (db.registry.tabbed), then 同步.

A registry's tab is the generic :class:`SpecListTab` unless its ``desktop/ui/<registry>/tab.py`` adds what is
its own (:data:`OWN_TABS`, the one place that names them)."""

from __future__ import annotations

from importlib import import_module

from db.registry import tabbed
from desktop.ui.common.list_tab import SpecListTab
from desktop.ui.context import AppContext
from desktop.ui.registry_tab import RegistryTab

OWN_TABS = {"members": "desktop.ui.members.tab:MembersTab",
            "stations": "desktop.ui.stations.tab:StationsTab",
            "contests": "desktop.ui.contests.tab:ContestsTab",
            "aid-cases": "desktop.ui.aid.tab:AidTab"}


def registry_tabs(context: AppContext) -> list[RegistryTab]:
    tabs: list[RegistryTab] = []
    for spec in tabbed():
        own = OWN_TABS.get(spec.name)
        if own is None:
            tabs.append(SpecListTab(context, spec))
            continue
        module, _, name = own.partition(":")
        tabs.append(getattr(import_module(module), name)(context))
    return tabs
