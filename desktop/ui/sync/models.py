"""The 同步 tab's three tables: peer offices (单位), batches sent and received (批次), open conflicts (冲突)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from db.sync.overview import BatchLine, OfficeSync, SeqAt
from db.sync.settle import ConflictSummary
from desktop.ui.sync.data import local_time
from desktop.ui.sync.list_model import MUTED, WARNING, Column, ListModel


class OfficesModel(ListModel[OfficeSync]):
    """单位: one row per peer office; the key role gives its code."""

    NAME, CODE, KEY, LAST_IN, MISSING, CONFLICTS, LAST_OUT = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("单位"), lambda o: o.name, 150, tooltip=self._level),
            Column(self.tr("代码"), lambda o: o.code, 90),
            Column(self.tr("公钥指纹"), lambda o: o.key_fingerprint or self.tr("未信任"), 330,
                   tooltip=lambda o: "" if o.key_fingerprint else
                   self.tr("尚未信任此单位的公钥：收不到它的批次，发给它的批次无法加密。"),
                   color=lambda o: None if o.key_fingerprint else MUTED),
            Column(self.tr("最近收到"), lambda o: self._seq_at(o.last_in), 170,
                   sort=lambda o: o.last_in.seq if o.last_in else 0),
            Column(self.tr("缺少批次"), self._missing, 150, tooltip=self._held,
                   color=lambda o: WARNING if o.held else None),
            Column(self.tr("待处理冲突"), lambda o: str(o.open_conflicts) if o.open_conflicts else "", 80,
                   align_right=True, sort=lambda o: o.open_conflicts,
                   color=lambda o: WARNING if o.open_conflicts else None),
            Column(self.tr("最近发出"), lambda o: self._seq_at(o.last_out), 170,
                   sort=lambda o: o.last_out.seq if o.last_out else 0),
        ], key=lambda o: o.code, parent=parent)

    def _seq_at(self, point: SeqAt | None) -> str:
        if point is None:
            return ""
        return self.tr("第{0}批  {1}").format(point.seq, local_time(point.at)).strip()

    def _missing(self, office: OfficeSync) -> str:
        return office.missing_text or (self.tr("暂缓 {0} 批").format(len(office.held)) if office.held else "")

    def _held(self, office: OfficeSync) -> str:
        if not office.held:
            return ""
        held = "、".join(map(str, office.held))
        return self.tr("暂缓导入：第{0}批，补齐缺少的批次后自动导入").format(held)

    def _level(self, office: OfficeSync) -> str:
        return {"subdistrict": self.tr("街道工会"), "district": self.tr("区总工会")}.get(office.level, "")


class BatchesModel(ListModel[BatchLine]):
    """批次: batches sent and received, newest first; the key role gives the batch uuid."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("时间"), lambda b: local_time(b.at), 136, sort=lambda b: b.at),
            Column(self.tr("方向"), lambda b: b.direction_label, 42),
            Column(self.tr("单位"), lambda b: b.peer_name, 100, tooltip=lambda b: b.peer_code),
            Column(self.tr("批次"), lambda b: self.tr("第{0}批").format(b.seq), 54, sort=lambda b: b.seq),
            Column(self.tr("类型"), lambda b: b.kind_label, 42),
            Column(self.tr("状态"), lambda b: b.status_label, 64,
                   color=lambda b: WARNING if b.status == "held" else None),
            Column(self.tr("行数"), lambda b: f"{b.rows:,}", 48, align_right=True, sort=lambda b: b.rows),
            Column(self.tr("文件"), lambda b: b.file_name, 190, tooltip=lambda b: b.file_name),
        ], key=lambda b: b.uuid, parent=parent)


class ConflictsModel(ListModel[ConflictSummary]):
    """冲突: the open conflicts, for a person to settle; the key role gives the conflict uuid."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(self.tr("类型"), lambda c: c.kind_label, 148, tooltip=lambda c: c.kind_label),
            Column(self.tr("台账"), lambda c: c.table_label, 86),
            Column(self.tr("记录"), lambda c: c.title, 92, tooltip=lambda c: c.title),
            Column(self.tr("来自"), lambda c: c.sender_name, 98, tooltip=lambda c: c.sender_code),
            Column(self.tr("批次"), lambda c: self.tr("第{0}批").format(c.batch_seq), 46, sort=lambda c: c.batch_seq),
            Column(self.tr("收到时间"), lambda c: local_time(c.received_at), 136, sort=lambda c: c.received_at),
        ], key=lambda c: c.uuid, parent=parent)
