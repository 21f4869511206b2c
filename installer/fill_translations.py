"""The English glossary of UnionDesk's UI: fills the unfinished messages of resources/i18n/uniondesk_en.ts.

    .venv/bin/python installer/fill_translations.py && bash installer/build-translations.sh

Run after installer/build-translations.sh has added new messages. Only unfinished messages are filled
(a translation finished here or in Qt Linguist is never overwritten); messages the glossary does not
know are listed and stay unfinished. The build script's lupdate run then rewrites the file in its own
layout and lrelease compiles it.

Terms: 会员 Members · 暖心驿站 Warm stations · 入会 Join · 转出 Transfer out · 转入 Transfer in · 退会 Leave ·
恢复 Restore · 去世 Deceased · 荣誉 Honours · 身份证号 ID number · 会员编号 Member no. ·
所属基层工会 Grass-roots union · 就业形态 Employment form · 新就业形态 New forms of employment.
Sync (同步): 批次 batch (第{0}批 → #{0} in tables, batch {0} in sentences) · 导入批次 Import batches ·
导出批次 Export batch · 增量 delta · 全量 full · 公钥 public key · 指纹 fingerprint · 信任 trust ·
对方(单位) peer / the other office · 本单位 our office · 本地 ours · 来件 theirs · 冲突 conflict ·
处理冲突 Settle conflict · 保留本地 Keep ours · 采用来件 Take theirs · 两者都保留 Keep both ·
逐项合并 Merge field by field · 重新合并 Retry · 放弃来件 Discard theirs · 交接单 handover receipt ·
暂缓导入 held · 缺批 missing batch · 发件箱 outbox · 区总工会 District union · 街道工会 Sub-district union.
Warm stations: 驿站 station · 台账 service log · 检查 inspection · 评星 star rating · 降星 mark-down ·
六有 Six musts (the six checks) · 八可 the eight services · 整改 follow-up · 建设单位 host · 负责人 manager ·
筹建 planned · 运行 running · 暂停 paused · 撤销 closed (the step: Close down).
Hardship aid (困难帮扶): 困难职工档案 hardship file · 档案编号 file no. · 家庭成员 household members ·
低保(线/标准) minimum living allowance (line) · 人均 per capita · 困难类别 hardship category · 致困原因 cause of
hardship · 材料 documents · 流程 workflow · 入户核查 home check · 审核 review · 公示 public notice · 审批 approval ·
在档 on file · 撤档/注销 close (closed) · 异议 objection · 帮扶记录 aid payments · 应急救助 emergency aid ·
限额 cap · 超限 over the cap · 金秋助学 autumn student aid · 送温暖(活动) warmth campaign · 慰问金 cash gift ·
慰问品 gift · 签领表 receipt list · 年度复核 yearly review · 入户复核 home visit review · 抽样种子 sample seed.
Keep {0}, {name}, %1 … and accelerators (文件(&F) → &File); keep captions short: they share one column.
Keep leading line breaks and the trailing space of a sentence that another one is appended to.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "uniondesk_en.ts"

# The same text in every context, unless the context has its own translation below.
COMMON = {
    "保存": "Save", "删除": "Delete", "取消": "Cancel", "确定": "OK", "退出": "Quit", "修改": "Edit",
    "日期": "Date", "原因": "Reason", "年度": "Year", "级别": "Level", "称号": "Title", "荣誉": "Honours",
    "授予单位": "Awarded by", "密码": "Password", "用户名": "User name", "必须填写": "Required",
    "撤销上次保存": "Undo last save", "姓名": "Name", "状态": "Status", "角色": "Roles", "关闭": "Close",
    "启用": "Active", "停用": "Inactive", "新密码": "New password", "原密码": "Current password",
    "再次输入密码": "Password again", "再次输入新密码": "New password again",
    "修改我的密码": "Change my password",
}

BY_CONTEXT: dict[str, dict[str, str]] = {
    "ContestActionBar": {
        "放弃修改": "Discard changes", "删除竞赛": "Delete contest", "修改竞赛": "edit the contest",
        "保存竞赛": "Save contest",
        "删除竞赛（可用“撤销上次保存”恢复）": "Delete the contest (Undo last save brings it back)",
        "恢复为打开时的内容（Esc）": "Back to the values when opened (Esc)",
        "尚未保存的竞赛无需删除，按“放弃修改”即可": "A contest not saved yet needs no deleting: press Discard changes",
        "成绩已发布的竞赛不能删除": "A contest with published results cannot be deleted",
        "已有{n}名参赛选手，不能删除；请先移除参赛选手": "{n} entrants are registered: remove them before deleting",
    },
    "ContestChanges": {
        "登记竞赛“{name}”": "registered contest “{name}”", "修改竞赛“{name}”的{fields}": "changed {fields} of “{name}”",
        "删除竞赛“{name}”": "deleted contest “{name}”",
    },
    "ContestForm": {"新竞赛": "New contest"},
    "ContestHeader": {
        "只读：您没有录入和修改台账的权限，只能查看竞赛信息。":
            "Read-only: you may not enter or change records; you can view the contest.",
        "登记竞赛（新竞赛）": "Register a contest (new)",
        "填写后按“保存”；理论权重不超过30%，理论与实操权重之和为100。":
            "Fill in and press Save; theory weighs at most 30%, theory and practical add up to 100.",
        "未选择竞赛": "No contest selected",
        "在左侧列表中选择一个竞赛查看。": "Select a contest in the list on the left.",
        "最后修改：第 {rev} 版 · {at} · {by} · 参赛选手 {n} 人":
            "Last changed: version {rev} · {at} · {by} · {n} entrants",
        "成绩已于 {at} 由 {by} 发布：评分规则、日期和奖项名额已冻结，不能修改（名称、主办、承办、地点和状态仍可修改）。"
        "如需更正，请由管理员重新开放。":
            "Results published {at} by {by}: the scoring rule, dates and quotas are frozen (name, organizer, host, "
            "venue and status can still change). To correct them, an administrator reopens the results.",
        "成绩已于 {at} 由 {by} 重新开放（原因：{reason}），可以更正；每项修改都记入审计，更正后请重新发布。":
            "Results reopened {at} by {by} (reason: {reason}): corrections are audited; publish again afterwards.",
    },
    "ContestUndo": {"登记之后又被修改过，不能撤销": "It was changed after it was registered: cannot undo"},
    "ContestsTab": {
        "竞赛信息": "Contest", "技能竞赛": "Skill contests",
        "查找：竞赛名称、工种、地点": "Find: contest name, trade, venue",
        "全部年度": "All years", "全部级别": "All levels", "全部状态": "All statuses", "全部街道": "All sub-districts",
        "{0}年": "{0}", "参赛选手": "Entrants", "成绩录入": "Scores", "成绩与奖项": "Results and awards",
    },
    "ContestEntrants": {
        "添加会员…": "Add member…", "添加非会员…": "Add non-member…", "修改…": "Edit…", "移除…": "Remove…",
        "评委…": "Judges…", "撤销": "Undo", "参赛证号": "Entry no.", "性别": "Gender", "工作单位": "Employer",
        "代表队": "Team", "回避": "Recusal", "资格说明": "Eligibility", "共{n}人": "{n} entrants",
        "、": ", ", "{n}号 {name}": "#{n} {name}", "回避：{judges}": "Recused: {judges}",
        "请先在列表中选择一个竞赛": "Select a contest in the list first",
        "成绩已发布，不能再{doing}；如需更正请由管理员重新开放":
            "Results are published: you can no longer {doing}; to correct them, an administrator reopens them",
        "增减选手": "add or remove entrants", "修改选手": "edit entrants", "更改评委": "change judges",
        "从会员中查找（姓名、拼音首字母、身份证号）并添加为参赛选手":
            "Find a member (name, pinyin initials, ID number) and add them as an entrant",
        "按姓名和身份证号添加不是会员的参赛选手": "Add an entrant who is not a member, by name and ID number",
        "修改所选选手的代表队、工作单位和资格说明（Enter）":
            "Edit the selected entrant's team, employer and eligibility (Enter)",
        "移除所选选手（Delete）": "Remove the selected entrant (Delete)",
        "请先选择一名选手": "Select an entrant first", "请先查找并选择一名会员": "Find and select a member first",
        "登记本竞赛的评委；与选手同单位的评委在该选手一行标明回避":
            "Record the contest's judges; a judge from an entrant's employer is marked recused on that entrant's row",
        "没有可撤销的操作": "Nothing to undo", "撤销：{what}（Ctrl+Z）": "Undo: {what} (Ctrl+Z)",
        "无法撤销“{what}”：{why}": "Cannot undo “{what}”: {why}",
        "添加选手 {no} {name}": "add entrant {no} {name}", "修改选手 {no} {name}": "edit entrant {no} {name}",
        "移除选手 {no} {name}": "remove entrant {no} {name}", "移除选手": "Remove entrant", "移除": "Remove",
        "移除参赛选手 {no} {name} 吗？已录入的评委评分一并移除，参赛证号不再使用。":
            "Remove entrant {no} {name}? The judges' scores entered for them go too, and the entry no. "
            "is not used again.",
    },
    "MemberEntrantDialog": {
        "姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号":
            "Name, pinyin initials (e.g. zs), ID number or its last 4, member no.",
        "添加会员参赛：{name}": "Add member as entrant: {name}",
        "姓名、拼音首字母（如 zs）、身份证号或后4/6位、会员编号":
            "Name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, member no.",
        "性别": "Gender", "身份证号": "ID number", "工作单位": "Employer", "会员编号": "Member no.",
        "查找会员": "Find member",
        "留空则用会员档案中的工作单位": "Leave empty to use the employer in the member's record",
        "留空则同工作单位": "Leave empty to use the employer",
        "输入姓名、拼音首字母或身份证号查找会员": "Type a name, pinyin initials or ID number to find a member",
        "没有找到会员；非会员请用“添加非会员…”": "No member found; for a non-member use “Add non-member…”",
        "只列出前{n}人，请输入更多内容缩小范围": "Only the first {n} are listed: type more to narrow the search",
        "找到{n}人": "{n} found",
    },
    "NonMemberEntrantDialog": {
        "添加非会员参赛：{name}": "Add non-member as entrant: {name}",
        "留空则按身份证号确定": "Leave empty to read it from the ID number",
    },
    "EditEntrantDialog": {"修改参赛选手：{no} {name}": "Edit entrant: {no} {name}"},
    "JudgesDialog": {
        "评委：{name}": "Judges: {name}", "序号": "No.", "{n}号": "#{n}", "工作单位": "Employer",
        "与选手工作单位或代表队相同的评委，在该选手一行标明回避，不计其评分。":
            "A judge from an entrant's employer or team is marked recused on that entrant's row; "
            "their score does not count.",
    },
    "ContestScoreGrid": {
        "从Excel成绩表导入：参赛证号或身份证号，理论成绩，评委1…评委N，用时；导入前逐行预览，有错误的行时整表不导入":
            "Import from an Excel score sheet: entry no. or ID number, theory score, judge 1…judge N, time; "
            "every row is previewed first, and a sheet with any wrong row is not imported",
        "已导入 {0}：{1}名选手的{2}项成绩有变化": "Imported {0}: {2} scores of {1} entrants changed",
        "导入成绩…": "Import scores…", "导出成绩表…": "Export score sheet…", "撤销": "Undo",
        "从Excel成绩表导入：参赛证号或身份证号，理论成绩，评委1…评委N（或实操成绩）":
            "Import from an Excel score sheet: entry no. or ID number, theory score, judge 1…judge N "
            "(or practical score)",
        "导出本竞赛的成绩表，填好后可再导入": "Export the contest's score sheet; import it again once filled in",
        "撤销最近一次录入（Ctrl+Z）": "Undo the last entry (Ctrl+Z)",
        "请先在左侧选择竞赛（新竞赛保存后才能录入成绩）":
            "Select a contest on the left first (a new contest takes scores once it is saved)",
        "只读：{0}": "Read-only: {0}", "只读：没有录入成绩的权限": "Read-only: you may not enter scores",
        "本竞赛还没有参赛选手：请先在“参赛选手”页登记":
            "The contest has no entrants yet: register them on the “Entrants” page first",
        "共{0}名选手，成绩保留两位小数（0–100）": "{0} entrants; scores have two decimal places (0–100)",
        "；成绩已重新开放（{0}），修改将连同原因记入日志":
            "; the results are reopened ({0}): changes are logged with the reason",
        "{0}：{1}": "{0}: {1}",
        "参赛证号、姓名、工作单位请在“参赛选手”页修改；实操、总成绩、暂定名次自动计算":
            "Change entry no., name and employer on the “Entrants” page; practical, total and provisional "
            "rank are computed",
        "请先选择竞赛": "Select a contest first",
        "{0}：自动计算或在“参赛选手”页修改，不能在此填写":
            "{0}: computed or changed on the “Entrants” page, not typed here",
        "已保存：{0}": "Saved: {0}", "已撤销：{0}": "Undone: {0}", "没有改变": "No change",
        "清除 {0} 个单元格": "Cleared {0} cells", "粘贴 {0} 行": "Pasted {0} rows", "导入 {0}": "Imported {0}",
        "没有粘贴：粘贴的 {0} 行超出了最后一名选手": "Not pasted: the {0} pasted rows go past the last entrant",
        "没有粘贴：粘贴的列超出了最后一列": "Not pasted: the pasted columns go past the last column",
        "导入成绩表": "Import score sheet", "导出成绩表": "Export score sheet", "已导出：{0}": "Exported: {0}",
        "已导入 {0}：读取{1}行，{2}名选手的{3}项成绩有变化":
            "Imported {0}: {1} rows read, {3} scores of {2} entrants changed",
    },
    # 公布成绩 is a {doing} as well as the title of the publish dialogs: capitalised for the titles
    "ContestResults": {
        "；": "; ", "、": ", ",
        "录入抽签…": "Enter draw…", "公布成绩…": "Publish results…", "重新开放…": "Reopen…",
        "名次": "Rank", "参赛证号": "Entry no.", "工作单位": "Employer", "理论": "Theory", "实操": "Practical",
        "总成绩": "Total", "奖项": "Award", "证书编号": "Certificate no.", "代表队": "Team",
        "前三名合计": "Top three total", "申诉日期": "Filed on", "申诉人": "Appellant", "处理": "Decision",
        "申诉内容": "Appeal", "登记申诉…": "Record appeal…", "处理…": "Decide…", "团体排名": "Team ranking",
        "申诉": "Appeals", "申诉（{n}件待处理）": "Appeals ({n} pending)", "待处理": "Pending",
        "{day}：{outcome}": "{day}: {outcome}", "成绩未录全": "Scores missing",
        "{rank}（待抽签）": "{rank} (draw pending)",
        "已发布：{at}，发布人 {by}。成绩已冻结，如需更正请由管理员重新开放。":
            "Published {at} by {by}. The results are frozen; to correct them, an administrator reopens them.",
        "已重新开放：{at}，{by}，原因：{reason}。下表为暂定名次，更正后请再次公布成绩。":
            "Reopened {at} by {by} (reason: {reason}). The ranks below are provisional; publish the results "
            "again after correcting them.",
        "暂定：成绩尚未公布，名次随成绩录入而变化。":
            "Provisional: the results are not published; the ranks change as scores are entered.",
        "各代表队（工作单位）前三名选手总成绩之和，不足三人的按已有成绩计。":
            "The sum of the totals of each team's (employer's) best three entrants; a team of fewer counts "
            "those it has.",
        "请先在列表中选择一个竞赛": "Select a contest in the list first",
        "前三名中有同分并列，须抽签决定名次：{groups}。请点“录入抽签…”填写抽签顺序，录入后才能公布成绩。":
            "Ties within the first three places are settled by drawing lots: {groups}. Click “Enter draw…” to "
            "enter the draw order; then the results can be published.",
        "竞赛的成绩读取失败": "The contest's results could not be read",
        "录入抽签": "enter the draw",
        "成绩已发布，抽签顺序不能再改": "The results are published: the draw order cannot change",
        "前三名没有需要抽签区分的同分选手": "No ties within the first three need a draw",
        "为前三名中的同分选手填写抽签顺序，号小者名次在前":
            "Enter the draw order of tied entrants within the first three; the lower number ranks first",
        "公布成绩": "Publish results", "公布": "Publish", "成绩已经发布": "The results are already published",
        "还没有参赛选手": "No entrants yet",
        "按竞赛的评分规则确定名次、奖项和称号，发给证书编号，并冻结成绩":
            "Set ranks, awards and titles by the contest's scoring rule, issue certificate numbers and freeze "
            "the results",
        "重新开放已发布的成绩": "reopen published results",
        "成绩尚未发布，无需重新开放": "The results are not published: nothing to reopen",
        "重新开放已发布的成绩以便更正（须填写原因，更正记入审计）":
            "Reopen the published results to correct them (a reason is required; corrections are audited)",
        "登记申诉": "record appeals", "处理申诉": "decide appeals",
        "登记选手对成绩的申诉（可先在上表选中该选手）":
            "Record an entrant's appeal against the results (you may select the entrant above first)",
        "请先在申诉表中选择一条待处理的申诉": "Select a pending appeal in the appeals table first",
        "该申诉已处理；新的情况请另行登记申诉": "The appeal is decided; record a new appeal for anything new",
        "登记所选申诉的处理结果和处理日期": "Record the outcome of the selected appeal and the day it was decided",
        "按评分规则公布{n}名选手的成绩吗？公布后将确定名次、奖项和称号并发给证书编号，成绩随即冻结，"
        "只有管理员重新开放后才能更正。":
            "Publish the results of {n} entrants by the scoring rule? Ranks, awards and titles are set and "
            "certificate numbers issued; the results are then frozen until an administrator reopens them.",
        "成绩已公布：{n}名选手获奖，证书编号已发给获奖者。":
            "Results published: {n} entrants won awards and were given certificate numbers.",
    },
    "DrawDialog": {
        "录入抽签": "Enter draw", "{no} {name}": "{no} {name}", "抽签号，如 1": "Draw no., e.g. 1",
        "以下选手总成绩及同分排序各项都相同，前三名不能并列：请按现场抽签结果填写抽签顺序，号小者名次在前。":
            "These entrants are equal in total and in every tie-break, and the first three places cannot be "
            "shared: enter the draw order from the lots drawn on site; the lower number ranks first.",
        "并列第{rank}名（总成绩 {total}）": "Tied for rank {rank} (total {total})",
        "与{no} {name}的抽签号相同": "Same draw no. as {no} {name}",
    },
    "AppealDialog": {
        "登记申诉": "Record appeal", "{no} {name}": "{no} {name}", "请选择参赛选手": "Choose an entrant",
        "申诉的事项和理由，如：实操第2号评委评分有误":
            "What is appealed and why, e.g. practical: judge 2's score is wrong",
    },
    "DecideAppealDialog": {
        "处理申诉": "Decide appeal",
        "{no} {name}，{day}由{who}提出：{content}": "{no} {name}, filed {day} by {who}: {content}",
        "如：申诉成立，经复核更正实操成绩；或：申诉不成立，维持原成绩":
            "e.g. Upheld: practical score corrected on review; or: Dismissed: the score stands",
    },
    "ReopenDialog": {
        "重新开放成绩：{name}": "Reopen results: {name}",
        "重新开放后可以更正成绩；更正前后的成绩连同这里填写的原因都记入审计记录。"
        "更正完毕请再次公布成绩，仍获奖者的证书编号不变。":
            "Once reopened, the results can be corrected; the scores before and after, with the reason given "
            "here, go into the audit log. Publish the results again when done: entrants who still win an award "
            "keep their certificate numbers.",
        "如：申诉成立，第2号评委对0003号选手的评分误录":
            "e.g. Appeal upheld: judge 2's score for entrant 0003 was mistyped",
    },
    "VerifyCertificateDialog": {
        "验证证书": "Verify certificate", "打开证书PDF…": "Open certificate PDF…",
        "打开证书PDF": "Open certificate PDF",
        "在此粘贴证书二维码中的文字（以 UDC1: 开头），或点“打开证书PDF…”":
            "Paste the text of a certificate's QR code here (it starts with UDC1:), or click “Open certificate PDF…”",
        "{0} 中没有找到证书的签名文字：不是本系统打印的获奖证书，或签名文字已被删去。":
            "{0} holds no signed certificate text: not a certificate printed by UnionDesk, or the text was removed.",
        "第 {0} 张：{1}": "Certificate {0}: {1}", "{0}：共 {1} 张，真 {2} 张": "{0}: {1} certificates, {2} genuine",
        "PDF 文件 (*.pdf)": "PDF files (*.pdf)", "—": "—",
        "粘贴证书二维码中的文字，或打开证书PDF文件。":
            "Paste the text of a certificate's QR code, or open a certificate PDF.",
        "（以下内容未经核实）": "(the following is not verified)",
    },
    "MainWindow": {
        "验证证书…": "Verify certificate…",
        "新增{0}": "add {0}", "保存{0}": "save {0}", "删除{0}": "delete {0}", "撤销{0}的修改": "undo changes to {0}",
        "单位：{0}（{1}）": "Office: {0} ({1})",
        "用户：{0}（{1}）": "User: {0} ({1})",
        "新增": "New", "查找": "Find", "刷新": "Refresh", "关于": "About",
        "文件(&F)": "&File", "编辑(&E)": "&Edit", "帮助(&H)": "&Help",
        "常用": "Standard",
        "共 {0:,} 条": "{0:,} records",
        "显示 {0:,} / 共 {1:,} 条": "Showing {0:,} of {1:,} records",
        "工具(&T)": "&Tools",
        "用户管理…": "Users…",
        "设置…": "Settings…",
        "生成演示数据…": "Generate demo data…",
        "生成演示数据": "Generate demo data",
        "演示会员人数（只能填入空的台账）：": "Demo members (only into empty registries):",
        "正在生成演示数据……": "Generating demo data…",
        "演示数据已生成：共 {0:,} 行（会员 {1:,} 人）": "Demo data generated: {0:,} rows ({1:,} members)",
        "无法生成演示数据": "Cannot generate demo data",
        "已取消生成演示数据，台账没有改变。": "Generating demo data was cancelled; the registries are unchanged.",
    },
    "About": {
        "UnionDesk 街道工会台账": "UnionDesk Trade-Union Registry",
        "关于 {program}": "About {program}",
        "{program}\n版本 {version}\n\n会员、暖心驿站、技能竞赛、困难帮扶的离线台账。":
            "{program}\nVersion {version}\n\n"
            "Offline registers of members, warm stations, skills competitions and hardship assistance.",
    },
    "Hints": {"例：{0}": "e.g. {0}"},
    "Roles": {
        "录入员": "clerks", "审核人": "approvers", "管理员": "administrators", "{0}和{1}": "{0} and {1}",
        "只有{who}可以{doing}": "Only {who} may {doing}",
    },
    "LoginDialog": {
        "登录 — UnionDesk 街道工会台账": "Log in — UnionDesk Trade-Union Registry",
        "登录": "Log in",
    },
    "FirstRunDialog": {
        "欢迎使用 UnionDesk 街道工会台账": "Welcome to the UnionDesk Trade-Union Registry",
        "街道工会": "Sub-district union",
        "区总工会": "District federation of trade unions",
        "单位代码": "Office code",
        "单位名称": "Office name",
        "上级单位代码": "Parent office code",
        "管理员": "Administrator",
        "管理员用户名": "Administrator user name",
        "管理员姓名": "Administrator name",
        "再输一次密码": "Password again",
        "生成演示数据（所有台账），会员人数：": "Generate demo data (all registries), members:",
        "开始使用": "Get started",
        "这是一个新的数据库。请填写本单位和第一个管理员账号。":
            "This is a new database. Enter your office and the first administrator account.",
        "数据库里还没有用户。请创建第一个管理员账号。":
            "The database has no users yet. Create the first administrator account.",
        "两次输入不一致": "The two entries differ",
        "至少6位": "At least 6 characters",
    },
    "Job": {"正在取消……": "Cancelling…"},
    "MembersTab": {
        "查找：姓名、拼音首字母（如 zs）、身份证号或后4位、手机号、会员编号":
            "Find: name, pinyin initials (e.g. zs), ID number or its last 4, phone, member no.",
        "会员": "Members",
        "查找：姓名、拼音首字母（如 zs）、身份证号或后4/6位、手机号、会员编号":
            "Find: name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, mobile, member no.",
        "全部状态": "All statuses",
        "新就业形态（全部）": "New forms of employment (all)",
        "全部就业形态": "All employment forms",
        "全部基层工会": "All grass-roots unions",
        "全部街道": "All sub-districts",
    },
    "MemberTableModel": {
        "会员编号": "Member no.", "姓名": "Name", "身份证号": "ID number", "手机号码": "Mobile",
        "性别": "Sex",  # the column is sized for two Chinese characters: "Gender" is cut off
        "工作单位": "Employer", "就业形态": "Employment form",
        "所属基层工会": "Grass-roots union", "入会日期": "Joined on", "状态": "Status", "所属单位": "Office",
    },
    "MemberHeader": {
        "未选择会员": "No member selected",
        "在左侧列表中选择一个会员查看。": "Choose a member in the list on the left.",
        "只读：您没有录入和修改台账的权限。": "Read-only: you may not enter or change records.",
        "入会登记（新会员）": "Join (new member)",
        "填写后按“保存”；会员编号可留空，保存时自动编号。":
            "Fill in and press “Save”; leave Member no. empty to have it numbered on saving.",
        "会员编号 {no} · {status}": "Member no. {no} · {status}",
        "最后修改：第 {rev} 版 · {at} · {by}": "Last changed: version {rev} · {at} · {by}",
    },
    "FieldsPanel": {
        "打开该会员": "Open this member",
        "身份信息": "Identity", "工作信息": "Work", "会籍信息": "Membership", "其他": "Other",
        "清空后重新录入完整的号码": "Clear it and enter the whole number again",
        "由身份证号自动读出": "Read from the ID number",
    },
    "RegistryFields": {
        "慰问": "Visit",
        "奖项名额与称号": "Awards and titles", "评分规则": "Scoring rule",
        "发布人": "Published by", "处理日期": "Decided on", "处理结果": "Outcome", "成绩发布时间": "Published at",
        "所属竞赛": "Contest", "申诉人": "Appellant", "申诉内容": "Appeal", "申诉日期": "Filed on",
        "评委姓名": "Judge", "评委工作单位": "Judge's employer", "重新开放人": "Reopened by",
        "重新开放原因": "Reason for reopening", "重新开放时间": "Reopened at",
        # the group titles of the results page's dialogs (desktop/ui/contests/results_dialogs.py)
        "申诉": "Appeal", "处理": "Decision", "重新开放": "Reopening",
        "仅用于区分前三名中的同分者：号小者名次在前": "Only to separate ties among the first three: lower number first",
        "各奖项名额按人数，或按参赛人数的百分比（四舍五入）":
            "Award quotas as counts, or as percent of the entrants (rounded half up)",
        "同分排序": "Tie-breaks", "名额方式": "Quotas as", "技术状元名额": "Top champions",
        "技术能手名额": "Skill experts", "抽签顺序": "Draw order", "用时（秒）": "Time (s)",
        "名次在前N名且及格者授予技术状元": "The top N who passed are named 技术状元 (champion)",
        "名次在前N名且及格者授予技术能手（已授技术状元者除外）":
            "The top N who passed are named 技术能手 (skill expert), champions excepted",
        "总成绩相同时依次比较的项目，仍相同则名次并列（前三名另以抽签区分）":
            "Compared in order when totals are equal; still equal shares the rank (the first three draw lots)",
        "是": "Yes",
        "保存时自动编号": "Numbered on saving",
        "18位，末位可为X": "18 characters, the last may be X",
        "11位手机号码": "11-digit mobile number",
        "18位": "18 characters",
        "身份信息": "Identity", "工作信息": "Work", "会籍信息": "Membership", "其他": "Other",
        "系统编号": "System ID",
        # the other registries' declared labels, group and tab titles (db/<registry>/fields.py)
        "一等奖名额": "1st prizes", "二等奖名额": "2nd prizes", "三等奖名额": "3rd prizes",
        "优胜奖名额": "Merit awards",
        "下次复核日期": "Next review", "主办单位": "Organiser", "承办单位": "Host", "主要致困原因": "Main cause",
        "次要致困原因": "Other causes", "二次奖励": "Employer reward", "人员管理": "Staffed", "代表队": "Team",
        "会员": "Members", "住房类型": "Housing", "健康状况": "Health", "六有": "Six musts",
        "凭证号": "Voucher no.", "医保状况": "Medical insurance", "去掉最高最低分": "Drop highest and lowest",
        "参赛证号": "Entry no.", "参赛选手": "Entrants", "及格分": "Pass mark", "发放方式": "Paid by",
        "发放日期": "Paid on", "名次": "Rank", "名称": "Name", "困难帮扶": "Hardship aid",
        "困难类别": "Hardship category", "困难职工档案": "Hardship files", "固定场所": "Fixed place",
        "地图可查": "On the map", "地址": "Address", "地点": "Venue", "基本信息": "Basic", "奖项": "Award",
        "婚姻状况": "Marital status", "完备设施": "Facilities", "实操成绩": "Practical score",
        "实操权重（%）": "Practical weight (%)", "审批人": "Approver", "家庭人口": "Household size",
        "家庭住址": "Home address", "家庭年度总收入（元）": "Household income a year (yuan)",
        "家庭月人均收入（元）": "Income per person a month (yuan)", "工作状态": "Work status", "工种": "Trade",
        "帮扶类型": "Aid type", "帮扶记录": "Aid payments", "建成日期": "Built on", "建设单位": "Host",
        "建设单位类型": "Host type", "开始日期": "Starts on", "开户银行": "Bank", "开放时间": "Opening hours",
        "总成绩": "Total", "户口类型": "Hukou", "所属单位": "Office", "技能竞赛": "Skill contests", "星级": "Stars",
        "是否单亲": "Single parent", "暖心驿站": "Warm stations", "服务与评星": "Services and stars",
        "服务项目": "Services", "本人月平均收入（元）": "Own income a month (yuan)", "档案编号": "File no.",
        "残疾类别": "Disability", "理论成绩": "Theory score", "理论权重（%）": "Theory weight (%)",
        "竞赛名称": "Contest", "竞赛开始日期": "Contest starts on", "管理制度": "Rules", "纬度": "Latitude",
        "经度": "Longitude", "结束日期": "Ends on", "统一标识": "Signage", "编号": "Code",
        "联系电话": "Phone", "裁判人数": "Judges", "证书编号": "Certificate no.", "负责人": "Manager",
        "资格说明": "Eligibility", "金额（元）": "Amount (yuan)", "银行卡号": "Bank account",
        "零就业家庭": "No one employed", "面积（平方米）": "Area (m²)",
        # the child tables' labels (build-translations.sh lists them) and the station dialogs' group titles
        "所属驿站": "Station", "所属会员": "Member", "所属档案": "File", "困难档案": "Hardship file",
        "检查日期": "Inspected on", "检查人": "Inspector", "公示开放时间": "Posted hours",
        "实际开放时间": "Actual hours", "药品有效期": "Medicine expiry", "得分": "Score", "发现问题": "Findings",
        "整改情况": "Follow-up", "整改期限": "Follow-up due", "整改完成日期": "Follow-up done on",
        "评定理由": "Reason", "评定日期": "Assessed on", "提议降星的检查": "Proposed by", "已确认": "Confirmed",
        "变动类别": "Change", "原状态": "Old status", "新状态": "New status", "周期": "Period",
        "服务人次": "Visits", "快递员": "Couriers", "外卖送餐员": "Riders", "环卫工人": "Sanitation",
        "网约车司机": "Drivers", "使用服务": "Services used", "物资领入": "Supplies in", "物资使用": "Supplies used",
        "检查": "Inspection", "开放时间与药品": "Hours and medicine", "发现问题与整改": "Findings and follow-up",
        "评星": "Star rating",
        "关系": "Relationship", "单位或学校": "Employer or school", "月收入（元）": "Income a month (yuan)",
        "环节": "Step", "办理人": "Handled by", "办理时间": "Handled at", "意见": "Opinion",
        "对方单位": "Other unit", "节日": "Festival", "慰问对象类别": "Target group", "慰问日期": "Visited on",
        "慰问人": "Visited by", "慰问品": "Gifts", "慰问金（元）": "Cash (yuan)", "评委序号": "Judge no.",
        "评分": "Score",
        # captions of the member form (db/members/fields.py)
        "姓名": "Name", "性别": "Gender", "民族": "Ethnicity", "出生日期": "Date of birth",
        "证件类型": "ID type", "身份证号": "ID number", "手机号码": "Mobile", "工作单位": "Employer",
        "统一社会信用代码": "Credit code", "单位性质": "Employer type", "所属行业": "Industry",
        "职业/工种": "Occupation", "就业形态": "Employment form", "是否农民工": "Migrant worker",
        "技能等级": "Skill level", "学历": "Education", "政治面貌": "Political status",
        "会员编号": "Member no.", "会员证号": "Card no.", "入会日期": "Joined on",
        "所属基层工会": "Grass-roots union", "状态": "Status", "备注": "Remarks", "同意日期": "Consent date",
        # the hardship-aid registries' labels and group titles (db/aid/fields.py) and those of the aid dialogs
        "档案": "File", "困难情况": "Hardship", "家庭与收入": "Household and income", "帮扶资金账户": "Aid account",
        "办理日期": "Date", "档案类别": "Record type", "材料名称": "Document", "收到日期": "Received on",
        "异议日期": "Raised on", "异议内容": "Objection", "登记人": "Recorded by", "处理意见": "Reason",
        "处理人": "Decided by", "送温暖活动": "Warmth campaign", "学生（家庭成员）": "Student (household)",
        "就读阶段": "School level", "学校": "School", "资助金额（元）": "Grant (yuan)",
        "已获其他资助": "Aided elsewhere", "其他资助情况": "Other aid", "公示开始日期": "Notice from",
        "收款人（未在档）": "Payee (no file)", "收款人身份证号": "Payee ID number", "救助事由": "Reason for aid",
        "超限审批人": "Over-cap approver", "超限理由": "Over-cap reason", "活动名称": "Campaign",
        "每次慰问金上限（元）": "Cap per visit (yuan)", "每人每年慰问金上限（元）": "Yearly cap per person (yuan)",
        "结束登记日期": "Registration closed on",
        "帮扶": "Aid", "收款人": "Payee", "超限审批": "Over-the-cap approval", "金秋助学": "Autumn student aid",
        "发放": "Payment",
    },
    "MemberChecks": {},
    "RecordForm": {
        "删除": "Delete", "取消": "Cancel", "撤销上次保存": "Undo last save",
        "删除“{name}”吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。":
            "Delete “{name}”?\nUndo last save (Ctrl+Z) brings it back.",
        "无法撤销“{what}”：{reason}": "Cannot undo “{what}”: {reason}", "已撤销：{what}": "Undone: {what}",
        "放弃正在录入的“{name}”吗？已填写的内容不会保存。": "Discard the new “{name}”? What was typed is not saved.",
        "放弃对“{name}”的修改吗？": "Discard the changes to “{name}”?", "放弃修改": "Discard changes",
        "继续编辑": "Keep editing", "撤销会放弃表单中尚未保存的修改。继续吗？":
            "Undo discards the unsaved changes in the form. Go on?",
        "放弃修改并撤销": "Discard and undo",
    },
    "RecordFields": {
        "修改": "Change", "清空后重新录入完整的号码": "Clear it and enter the whole number again",
        "必须填写": "Required",
    },
    "Ask": {
        "“{name}”的修改还没有保存。要保存吗？": "The changes to “{name}” are not saved. Save them?",
        "不保存": "Don't save", "尚未保存": "Not saved", "保存": "Save", "取消": "Cancel", "删除": "Delete",
    },
    "SpecListTab": {
        "{0}的录入表单尚未提供：请用“导入Excel”或同步批次录入":
            "{0} has no entry form yet: add records by Excel import or sync batches",
        "查找：{0}": "Find: {0}", "全部{0}": "All ({0})", "全部街道": "All sub-districts",
    },
    "MemberActionBar": {
        "会员当前为{now}，{allowed}的会员才能{step}":
            "The member is {now}; only a member who is {allowed} can be given {step}",
        "{step}…": "{step}…",
        "添加荣誉…": "Add honour…",
        "放弃修改": "Discard changes",
        "恢复为打开时的内容（Esc）": "Go back to what was there when opened (Esc)",
        "添加会员荣誉": "add honours of members", "删除会员": "delete members", "修改会员": "change members",
        "保存会员": "save members", "办理会员{step}": "record a member's “{step}”",
    },
    "MemberSteps": {
        "转出": "Transfer out", "转入": "Transfer in", "退会": "Leave", "去世": "Deceased", "恢复": "Restore",
    },
    "MemberChanges": {
        "登记会员“{name}”": "Registered member “{name}”",
        "修改会员“{name}”的{fields}": "Changed {fields} of member “{name}”",
        "会员“{name}”{step}": "Member “{name}”: {step}",
        "为会员“{name}”添加荣誉": "Added an honour to member “{name}”",
        "删除会员“{name}”": "Deleted member “{name}”",
    },
    "MemberForm": {
        "新会员": "new member",
        "无法撤销“{what}”：{reason}": "Cannot undo “{what}”: {reason}",
        "已撤销：{what}": "Undone: {what}",
    },
    "MemberUndo": {"登记之后又被修改过，不能撤销": "It was changed after it was registered and cannot be undone"},
    "MemberPrompts": {
        "新会员": "New member",
        "“{name}”的修改还没有保存。要保存吗？": "The changes to “{name}” are not saved yet. Save them?",
        "不保存": "Don't save",
        "尚未保存": "Not saved",
        "删除会员“{name}”（会员编号 {no}）吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。":
            "Delete member “{name}” (member no. {no})?\n"
            "You can bring it back with “Undo last save” (Ctrl+Z).",
        "删除会员": "Delete member",
        "撤销会放弃表单中尚未保存的修改。继续吗？": "Undoing discards the unsaved changes in the form. Continue?",
        "放弃修改并撤销": "Discard changes and undo",
        "放弃正在录入的新会员吗？已填写的内容不会保存。":
            "Discard the new member being entered? What was typed is not saved.",
        "放弃对“{name}”的修改吗？": "Discard the changes to “{name}”?",
        "放弃修改": "Discard changes", "继续编辑": "Keep editing",
    },
    "MemberHistoryView": {
        "事项": "Event", "变化": "Change", "对方单位": "Other unit", "状态记录": "Status history",
    },
    "StatusChangeDialog": {
        "{step}：{name}": "{step}: {name}",
        "转往单位*": "Transferred to*",
        "原单位": "Previous unit",
    },
    "ActionDialog": {"两次输入的密码不一致": "The two passwords differ"},
    "AddUserDialog": {"添加用户": "Add user"},
    "ResetPasswordDialog": {"重置密码 — {0}": "Reset password — {0}"},
    "RolesDialog": {"修改角色 — {0}": "Change roles — {0}"},
    "SettingsDialog": {
        "设置": "Settings",
        "修改我的密码…": "Change my password…",
        "驿站设置…": "Station settings…", "修改驿站设置": "change station settings", "暖心驿站": "Warm stations",
        "帮扶设置…": "Aid settings…", "修改帮扶设置": "change aid settings", "困难帮扶": "Hardship aid",
        "界面语言": "Language",
        "界面语言已改为“{0}”，下次启动程序时生效。":
            "The language is now “{0}”; it takes effect the next time UnionDesk starts.",
        "密码已修改，下次登录时请使用新密码。": "Password changed; use the new password the next time you log in.",
    },
    "UsersDialog": {
        "用户管理": "Users",
        "添加用户…": "Add user…",
        "重置密码…": "Reset password…",
        "修改角色…": "Change roles…",
        "用户“{0}”没有“管理用户”的权限。": "User “{0}” may not manage users.",
    },
    "HonourDialog": {
        "添加荣誉：{name}": "Add honour: {name}",
        "如：东城工匠": "e.g. Dongcheng Craftsman",
        "荣誉类别": "Honour type",
    },
    "ExcelActions": {
        "导入Excel": "Import Excel",
        "导入Excel…": "Import Excel…", "导出Excel…": "Export Excel…", "下载空白模板…": "Blank template…",
        "{0}已导入：新增 {1:,} 行，更新 {2:,} 行": "{0} imported: {1:,} new, {2:,} updated",
        "下载空白模板": "Blank template", "台账：": "Registry:", "{0}导入模板.xlsx": "{0} template.xlsx",
        "保存模板": "Save template", "Excel 文件 (*.xlsx)": "Excel files (*.xlsx)",
        "正在保存模板……": "Saving the template…", "已保存模板到 {0}": "Template saved to {0}",
        "无法保存模板": "Cannot save the template",
    },
    "ExportDialog": {
        "全部（{0:,} 条）": "All ({0:,} records)",
        "当前列表": "The list as shown",
        "导出完整的敏感信息": "Export sensitive values in full",
        "导出完整的敏感信息（{0}）": "Export sensitive values in full ({0})",
        "导出完整的敏感信息（此台账没有）": "Export sensitive values in full (this registry has none)",
        "导出 Excel": "Export to Excel", "当前列表（{0:,} 条）": "Current list ({0:,} records)", "全部": "All",
        "导出完整证件号码和电话": "Export full ID and phone numbers",
        "只有审核人和管理员可以导出完整的证件号码和电话；导出的号码中间几位以 * 隐藏。":
            "Only approvers and admins may export full ID and phone numbers; exported numbers are partly hidden by *.",
        "浏览…": "Browse…", "导出": "Export", "台账": "Registry", "范围": "Scope", "保存到": "Save to",
        "导出到": "Export to", "Excel 文件 (*.xlsx)": "Excel files (*.xlsx)",
        "请选择保存的位置。": "Choose where to save the file.", "正在导出……": "Exporting…",
        "已导出 {0:,} 行到 {1}": "Exported {0:,} rows to {1}", "无法导出": "Cannot export",
        "已取消导出。": "Export cancelled.",
    },
    "FilePage": {
        "选择要导入的 Excel 文件（xlsx、xls 或 csv）。": "Choose the Excel file to import (xlsx, xls or csv).",
        "导入到": "Import into",
        "选择文件": "Choose a file",
        "选择要导入的台账和 Excel 文件（xlsx、xls 或 csv）。":
            "Choose the registry and the Excel file to import (xlsx, xls or csv).",
        "点“浏览…”选择文件": "Click “Browse…” to choose a file", "浏览…": "Browse…",
        "读取文件后可以选择其中的工作表": "After the file is read you can choose one of its sheets",
        "台账": "Registry", "文件": "File", "工作表": "Sheet", "选择要导入的文件": "Choose the file to import",
        "表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)": "Spreadsheets (*.xlsx *.xls *.csv);;All files (*)",
        "正在读取文件……": "Reading the file…",
        "工作表“{0}”：第 {1} 行是表头，约 {2:,} 行数据。": "Sheet “{0}”: the header is row {1}, about {2:,} data rows.",
    },
    "ImportWizard": {
        "导入 Excel": "Import from Excel", "上一步": "Back", "下一步": "Next", "导入": "Import",
        "无法导入": "Cannot import",
    },
    "MappingPage": {
        "核对列": "Check the columns",
        "核对文件的每一列导入到哪个字段；不需要的列选“（不导入）”。":
            "Check which field each column of the file goes to; choose “(not imported)” for columns you do not need.",
        "列": "Column", "表头": "Header", "示例": "Example", "导入到": "Import to",
        "保存此对应关系，下次自动使用": "Save this mapping and use it automatically next time",
        "已使用上次保存的对应关系。": "The mapping saved last time is used.",
        "已按表头自动对应，请核对。": "Columns were matched by their headers; please check.",
        "（不导入）": "(not imported)", "必填字段还没有对应的列：{0}": "Required fields without a column: {0}",
        "同一个字段对应了多列：{0}": "Fields chosen for more than one column: {0}",
        "对应关系没有保存：{0}": "The mapping was not saved: {0}", "正在检查每一行……": "Checking every row…",
    },
    "PreviewPage": {
        "更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行":
            "{update:,} updated, {unchanged:,} unchanged, {error:,} errors",
        "有 {0:,} 行错误：整个文件一起导入，请改正文件并保存后，点“上一步”再点“下一步”重新检查":
            "{0:,} rows have errors: the file is imported whole; correct and save it, then click “Back” and "
            "“Next” to check it again",
        "将更新 {0:,} 行。继续？": "Update {0:,} rows. Continue?", "已导入：更新 {0:,} 行": "Imported: {0:,} updated",
        "：": ": ",
        "新增 {new:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行":
            "{new:,} new, {unchanged:,} unchanged, {error:,} with errors",
        "有 {0:,} 行错误：各工作表一起导入，请改正后重新导入":
            "{0:,} rows have errors: the sheets are imported together; correct them and import again",
        "{0}新增 {1:,} 行": "{0}: {1:,} new rows", "{0}：新增 {1:,} 行": "{0}: {1:,} new rows",
        "将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），以及{3}。继续？":
            "Import {0:,} rows ({1:,} new, {2:,} updated), and {3}. Continue?",
        "预览": "Preview",
        "以下是导入后每一行的结果。核对无误后点“导入”；在此之前台账不会改变。":
            "What the import does with each row. Click “Import” when it is right; until then nothing changes.",
        "全部": "All", "仅错误": "Errors only", "仅新增": "New only", "仅更新": "Updates only", "显示": "Show",
        "导出错误清单…": "Save error list…",
        "新增 {new:,} 行，更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行":
            "{new:,} new, {update:,} updated, {unchanged:,} unchanged, {error:,} errors",
        "（错误行不会导入）": " (rows with errors are not imported)", "导入错误清单.csv": "import errors.csv",
        "导出错误清单": "Save error list", "CSV 文件 (*.csv)": "CSV files (*.csv)",
        "无法导出错误清单": "Cannot save the error list",
        "已导出 {0:,} 个错误行到 {1}": "Saved {0:,} error rows to {1}",
        "将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），错误的 {3:,} 行不导入。继续？":
            "Import {0:,} rows ({1:,} new, {2:,} updated); the {3:,} rows with errors are left out. Continue?",
        "导入": "Import", "正在导入……": "Importing…", "已导入：新增 {0:,} 行，更新 {1:,} 行":
            "Imported: {0:,} new, {1:,} updated", "导入完成": "Import finished",
    },
    "VerdictTableModel": {"行号": "Row", "结果": "Result", "记录": "Record", "说明": "Details"},
    "PrintForms": {
        "暖心驿站信息卡": "Warm station card", "暖心驿站服务台账": "Warm station service log",
        "暖心驿站检查记录": "Warm station inspection record", "暖心驿站名册": "Warm station roster",
        "入会申请登记表": "Membership application form", "会员证": "Membership cards",
        "会员花名册": "Member roster", "批次交接单": "Batch handover receipt",
        "获奖证书": "Award certificate", "全部获奖证书": "All award certificates",
        "技能竞赛成绩单": "Skill contest results list", "技能竞赛签到表": "Skill contest sign-in sheet",
        "困难职工档案表": "Hardship file form", "困难职工帮扶审批表": "Hardship aid approval form",
        "困难职工公示名单": "Hardship public notice list", "送温暖签领表": "Warmth campaign receipt list",
    },
    "PrintActions": {
        "{0}（{1}）": "{0} ({1})", "{0}（{1:,} 条）": "{0} ({1:,} rows)",
        "{0}暂无可打印的表格": "{0} has no printed forms yet",
        "打印…": "Print…", "打印预览…": "Print preview…", "打印": "Print",
        "入会申请登记表（选中会员）": "Membership application form (selected members)",
        "会员证（选中会员）": "Membership cards (selected members)",
        "会员花名册（当前列表）": "Member roster (current list)",
        "此页签没有可打印的表单。": "This tab has no forms to print.",
        "请先选择会员。\n在列表中点选会员；按住 Ctrl 或 Shift 可选多人。":
            "Select members first.\nClick members in the list; hold Ctrl or Shift to select several.",
        "正在生成{0}……": "Generating {0}…", "{0}（{1:,} 名会员）": "{0} ({1:,} members)",
        "无法打印": "Cannot print", "已取消生成。": "Generating was cancelled.",
        "{0}（{1:,} 项竞赛）": "{0} ({1:,} contests)",
    },
    "PrintOptionsDialog": {
        "月份": "Month", "当前列表的 {0:,} 条": "The {0:,} rows of the list shown",
        "选中的 {0:,} 项竞赛": "The {0:,} selected contests",
        "请先在列表中选择竞赛（按住 Ctrl 或 Shift 可选多项）。":
            "Select contests in the list first (hold Ctrl or Shift to select several).",
        "当前列表是空的。": "The list shown is empty.", "选中的驿站": "The selected station",
        "请在列表中选择一个驿站。": "Select one station in the list.", "选中的 {0:,} 条": "The {0:,} selected rows",
        "请先在列表中选择（按住 Ctrl 或 Shift 可选多条）。":
            "Select rows in the list first (Ctrl or Shift for several).",
        "打印完整的电话号码": "Print phone numbers in full",
        "打印": "Print", "打印…": "Print…", "预览": "Preview", "表单": "Form", "范围": "Scope",
        "打印完整身份证号": "Print full ID numbers",
        "只有审核人和管理员可以打印完整的身份证号；打印的号码中间几位以 * 隐藏。":
            "Only approvers and admins may print full ID numbers; printed numbers are partly hidden by *.",
        "当前列表的 {0:,} 名会员": "The {0:,} members of the current list",
        "当前列表没有会员。": "The current list has no members.",
        "选中的 {0:,} 名会员": "The {0:,} selected members",
        "请先在列表中选择会员（按住 Ctrl 或 Shift 可选多人）。":
            "Select members in the list first (hold Ctrl or Shift to select several).",
        "选中的 {0:,} 份档案": "The {0:,} selected files",
        "全部正在公示的档案（未选择档案）": "All files on public notice (no file selected)",
        "打印完整的证件号码、银行卡号等敏感信息": "Print full ID numbers, bank accounts and other sensitive details",
    },
    "PdfPreview": {
        "{0} — {1} 页": "{0} — {1} pages", "上一页": "Previous", "下一页": "Next",
        "适合宽度": "Fit width", "适合页面": "Fit page", "放大": "Zoom in", "缩小": "Zoom out",
        "打印…": "Print…", "另存为PDF…": "Save as PDF…", "{0} / {1}": "{0} / {1}", "打印": "Print",
        "所选页码不在本文档中（共 {0} 页），没有打印。":
            "The chosen pages are not in this document ({0} pages); nothing was printed.",
        "正在打印……": "Printing…", "已送出 {0} 页打印。": "Sent {0} pages to the printer.",
        "无法打印": "Cannot print", "已取消打印。": "Printing was cancelled.", "另存为PDF": "Save as PDF",
        "PDF 文件 (*.pdf)": "PDF files (*.pdf)", "无法保存 PDF": "Cannot save the PDF",
        "已保存到 {0}": "Saved to {0}",
        "正在打印，请等打印完成或取消后再关闭。": "Printing: close when it has finished or after cancelling it.",
    },
    "PrintPaper": {
        "生成的 PDF 无法读取，请重新生成。": "The generated PDF cannot be read; generate it again.",
        "无法开始打印：打印机没有准备好，或输出文件无法写入。":
            "Cannot start printing: the printer is not ready, or the output file cannot be written.",
        "正在打印第 {0} 页（共 {1} 页）……": "Printing page {0} of {1}…", "正在打印……": "Printing…",
    },
    "SyncTab": {
        "同步": "Sync",
        "导入、导出的结果显示在这里。": "The results of imports and exports appear here.",
        "导入批次…": "Import batches…", "导出批次…": "Export batch…",
        "打印交接单": "Print handover receipt", "处理冲突…": "Settle conflict…",
        "选择一个或多个批次文件（.ubatch）导入；也可以把文件拖到本页。":
            "Choose one or more batch files (.ubatch) to import; you can also drop files on this page.",
        "把本单位的变动写成批次文件，发给对方单位。": "Write our changes to a batch file to send to the other office.",
        "只有录入员和管理员可以导入、导出批次。": "Only clerks and admins may import and export batches.",
        "只有录入员和管理员可以处理冲突。": "Only clerks and admins may settle conflicts.",
        "预览并打印所选批次的交接单。": "Preview and print the handover receipt of the selected batch.",
        "提示：也可以把批次文件（.ubatch）拖到本页导入。":
            "Tip: you can also drop batch files (.ubatch) on this page to import them.",
        "<b>导入导出结果</b>": "<b>Import and export results</b>",
        "无法读取同步记录：{0}": "Cannot read the sync records: {0}",
        "<b>单位</b>（{0} 个）": "<b>Offices</b> ({0})",
        "<b>批次</b>（最近 {0} 个）": "<b>Batches</b> (latest {0})",
        "<b>待处理冲突</b>（{0} 个）": "<b>Open conflicts</b> ({0})",
        "导入批次": "Import batches", "同步批次 (*.ubatch)": "Sync batches (*.ubatch)",
        "不是批次文件": "Not batch files",
        "只能导入同步批次文件（.ubatch），以下文件没有导入：\n{0}":
            "Only sync batch files (.ubatch) can be imported; these files were not imported:\n{0}",
        "只有录入员和管理员可以导入批次。": "Only clerks and admins may import batches.",
        "无法打开这条冲突": "Cannot open this conflict",
        "冲突已处理。": "Conflict settled.",
    },
    "KeyBar": {
        "区总工会": "district union", "街道工会": "sub-district union",  # inside “(code …, …)”
        "本单位：<b>{0}</b>（代码 {1}，{2}）": "Our office: <b>{0}</b> (code {1}, {2})",
        "导出本单位公钥…": "Export our public key…",
        "把本单位的公钥存成文件交给对方单位；对方核对指纹后信任它。":
            "Save our public key to a file for the other office, which trusts it after checking the fingerprint.",
        "信任对方公钥…": "Trust peer public key…",
        "导入对方单位的公钥文件，电话核对指纹后信任它。":
            "Import the other office's public key file and trust it after checking the fingerprint by phone.",
        "只有管理员可以信任对方单位的公钥。": "Only admins may trust the public keys of other offices.",
        "本单位公钥指纹：": "Our key fingerprint:",
        "对方信任本单位的公钥前，请与对方电话逐组核对。":
            "Before the other office trusts our public key, check this with them by phone, group by group.",
        # one line with the office, the key buttons: a longer text widens the window past 1366 pixels
        "尚未创建（导出公钥或批次时自动创建）": "Not created yet (made by the first export)",
        "导出本单位公钥": "Export our public key",
        "公钥文件 (*.json)": "Public key files (*.json)",
        "无法导出公钥": "Cannot export the public key",
        "已导出本单位公钥到 {0}，指纹 {1}。请交给对方，并电话核对指纹。":
            "Exported our public key to {0}, fingerprint {1}. Give it to the other office and check the "
            "fingerprint by phone.",
        "信任对方公钥": "Trust peer public key",
        "公钥文件 (*.json);;所有文件 (*)": "Public key files (*.json);;All files (*)",
        "无法读取公钥": "Cannot read the public key",
        "这个公钥文件属于：{0}（{1}）\n指纹：{2}\n\n请先与对方电话逐组核对指纹。核对无误后，确认对方的单位代码：":
            "This public key file belongs to: {0} ({1})\nFingerprint: {2}\n\n"
            "First check the fingerprint with them by phone, group by group. If it matches, confirm their office code:",
        "无法信任公钥": "Cannot trust the public key",
        "已信任{0}（{1}）的公钥，指纹 {2}。": "Trusted the public key of {0} ({1}), fingerprint {2}.",
    },
    "OfficesModel": {
        "单位": "Office", "代码": "Code", "公钥指纹": "Key fingerprint", "未信任": "Not trusted",
        "尚未信任此单位的公钥：收不到它的批次，发给它的批次无法加密。":
            "This office's public key is not trusted: its batches cannot be received, "
            "and batches to it cannot be encrypted.",
        "最近收到": "Last received", "缺少批次": "Missing batches", "待处理冲突": "Conflicts",
        "最近发出": "Last sent", "第{0}批  {1}": "#{0}  {1}", "暂缓 {0} 批": "{0} held",
        "暂缓导入：第{0}批，补齐缺少的批次后自动导入":
            "Held: batch {0}, imported automatically once the missing batches arrive",
        "街道工会": "Sub-district union", "区总工会": "District union",
    },
    "BatchesModel": {
        "时间": "Time", "方向": "Dir.", "单位": "Office", "批次": "Batch", "第{0}批": "#{0}",
        "类型": "Kind", "行数": "Rows", "文件": "File",
    },
    "ConflictsModel": {
        "类型": "Kind", "台账": "Registry", "记录": "Record", "来自": "From", "批次": "Batch",
        "第{0}批": "#{0}", "收到时间": "Received",
    },
    "BatchTransfer": {
        "第{0}/{1}个文件：{2}\n已处理 {3:,} / {4:,} 行": "File {0} of {1}: {2}\n{3:,} of {4:,} rows done",
        "正在导入批次……": "Importing batches…",
        "{0}：未导入。{1}": "{0}: not imported. {1}",
        "\n\n在它之前的批次已导入，见导入结果。": "\n\nThe batches before it were imported; see the results.",
        "批次未导入": "Batch not imported",
        "文件 {0} 未导入：\n{1}\n\n数据库没有因这个文件改变。{2}":
            "File {0} was not imported:\n{1}\n\nThis file did not change the database.{2}",
        "缺少批次": "Missing batches",
        "{0}\n\n缺少的批次补齐后，这些批次会自动导入。\n是否接受缺批，仍然导入？":
            "{0}\n\nThese batches are imported automatically once the missing batches arrive.\n"
            "Accept the missing batch and import them now anyway?",
        "导入失败：{0}": "Import failed: {0}",
        "无法导入批次": "Cannot import the batches",
        "已取消：以上批次已导入，正在导入的批次没有导入。":
            "Cancelled: the batches above were imported; the one being imported was not.",
        "已取消，数据库没有改变。": "Cancelled; the database is unchanged.",
        "正在写入批次：{0:,} / {1:,} 行": "Writing the batch: {0:,} of {1:,} rows",
        "正在导出批次……": "Exporting the batch…",
        "全量": "full", "增量": "delta", "已加密": "encrypted", "未加密": "not encrypted",  # inside “(…, …)”
        "已导出第{0}批（{1}，{2}）给 {3}，共 {4:,} 行：{5}": "Exported batch {0} ({1}, {2}) to {3}, {4:,} rows: {5}",
        "发件箱中留有一份：{0}": "A copy stays in the outbox: {0}",
        "导出失败：{0}": "Export failed: {0}",
        "无法导出批次": "Cannot export the batch",
        "已取消导出，数据库没有改变。": "Export cancelled; the database is unchanged.",
    },
    "ExportBatchDialog": {
        "导出批次": "Export batch", "{0}（{1}）": "{0} ({1})",
        "不加密导出（拿到文件的人都能读取其中的数据；会记入审计记录）":
            "Export unencrypted (anyone with the file can read its data; noted in the audit log)",
        "全量：发送本单位的全部记录（对方重建数据时用）":
            "Full: send all our records (for the other office to rebuild its data)",
        "可不填，例如U盘；发件箱总会留一份": "Optional, e.g. a USB stick; the outbox always keeps a copy",
        "选择…": "Choose…", "导出": "Export", "收件单位": "Recipient", "类型": "Kind", "另存到": "Also save to",
        "没有可以发送批次的单位。": "There is no office to send batches to.",
        "已信任对方公钥，批次将加密，只有{0}能打开。":
            "The peer public key is trusted: the batch is encrypted and only {0} can open it.",
        "尚未信任{0}的公钥，批次无法加密。请先用“信任对方公钥…”导入对方的公钥文件并电话核对指纹。":
            "The public key of {0} is not trusted yet, so the batch cannot be encrypted. First import their "
            "public key file with “Trust peer public key…” and check the fingerprint by phone.",
        "发件箱：{0}": "Outbox: {0}",
        "选择导出文件夹": "Choose the export folder",
        "请选择收件单位。": "Choose the recipient.",
        "对方公钥尚未信任：请先信任对方公钥，或勾选“不加密导出”。":
            "The peer public key is not trusted: trust it first, or tick “Export unencrypted”.",
        "“{0}”不是文件夹。": "“{0}” is not a folder.",
        "不加密导出": "Export unencrypted",
        "不加密导出批次": "export unencrypted batches", "理由": "Reason",
        "必填：为什么不能等信任对方公钥后再加密导出": "Required: why this cannot wait until their key is trusted",
        "对方公钥尚未信任：请先信任对方公钥。只有管理员可以不加密导出。":
            "The peer public key is not trusted: trust it first. Only administrators may export unencrypted.",
        "请填写不加密导出的理由（会记入审计记录）。":
            "Give the reason for exporting unencrypted (noted in the audit log).",
        "批次将不加密：U盘丢失时，拿到文件的人能读取其中所有人员的信息。\n确定不加密导出给{0}吗？":
            "The batch will not be encrypted: if the USB stick is lost, whoever has the file can read the "
            "details of everyone in it.\nExport it unencrypted to {0}?",
    },
    "ConflictDialog": {
        "处理同步冲突": "Settle sync conflict",
        "仅显示不同": "Differences only",
        "点击某一侧的值选用它（或选中一行后按空格键切换，← 本地，→ 来件）；未选的项保留本地。":
            "Click a side's value to take it (or select a row and press Space: ← ours, → theirs); "
            "fields not chosen stay ours.",
        "确定合并": "Merge", "返回": "Back",
        "{0}“{1}”": "{0} “{1}”", "{0}：{1}": "{0}: {1}",
        "本单位有 {0} 条在会记录，下表显示第一条。": "Our office has {0} active records; the table shows the first.",
        "来自{0}第{1}批": "From {0}, batch {1}",
        "，{0} 导入": ", imported {0}",
        "这条冲突已经处理过，只能查看。": "This conflict has been settled and can only be viewed.",
        "您没有“{0}”的权限，只能查看这条冲突。": "You lack the “{0}” permission and can only view this conflict.",
        "已选用来件 {0} 项": "Theirs taken: {0}",
        "无法处理冲突": "Cannot settle the conflict",
        "确定要这样处理吗？": "Settle it this way?",
        # the choices and kinds of db.sync.settle (desktop/ui/sync/conflict_text.py)
        "保留本地": "Keep ours", "采用来件": "Take theirs", "两者都保留": "Keep both",
        "逐项合并": "Merge field by field", "重新合并": "Retry", "放弃来件": "Discard theirs",
        "同一人在两个单位在会": "Member in two offices",
        "修改了不属于发件单位的记录": "Change to another office's record",
        "双方同时修改了同一记录": "Changed on both sides",
        "缺少所属的上级记录": "Parent record missing",
        "以本单位现有的记录为准，来件的会员记为转出":
            "Our record stands; their member is recorded as transferred out",
        "以来件为准，本单位现有的在会记录记为转出":
            "Their record stands; our active record is recorded as transferred out",
        "两条记录都保留在会；以后导入不再就此询问": "Both records stay active; later imports will not ask again",
        "逐项选择取哪一方的值，合并到本单位现有的记录；来件的会员记为转出":
            "Choose a side for each field and merge into our record; their member is recorded as transferred out",
        "保留本单位现有的记录，不采用来件的修改": "Keep our record and leave out their changes",
        "用来件整条替换本单位现有的记录": "Replace our whole record with theirs",
        "逐项选择取哪一方的值，其余各项保留本地": "Choose a side for each field; the other fields stay ours",
        "所属的上级记录到达后，按通常的规则合并这条记录":
            "Merge this record by the usual rules once its parent record arrives",
        "不导入这条来件，本地记录不变": "Do not import their record; ours stays unchanged",
        "{0}等 {1} 项": "{0}… ({1} fields)",
        "来件的这条{0}记录“{1}”将被放弃，不会导入。": "Their {0} record “{1}” will be discarded, not imported.",
        # a sentence that another one is appended to: keep the trailing space
        "{0}的“{1}”将记为转出。": "“{1}” of {0} will be recorded as transferred out. ",
        "本单位现有的记录保持不变。": "Our record stays unchanged.",
        "以{0}的“{1}”为准：本单位现有的 {2} 条在会记录将全部记为转出。":
            "“{1}” of {0} stands: all {2} of our active records will be recorded as transferred out.",
        "以{0}的“{1}”为准：{2}的“{3}”将记为转出。":
            "“{1}” of {0} stands: “{3}” of {2} will be recorded as transferred out.",
        "没有选用来件的任何一项：本单位现有的“{0}”保持不变。":
            "No field of theirs is taken: our “{0}” stays unchanged.",
        "本单位现有的“{0}”将改用来件的{1}。": "Our “{0}” will take their {1}.",
        "本单位现有的{0}记录“{1}”将整条替换为{2}报来的内容。":
            "Our {0} record “{1}” will be replaced as a whole by what {2} sent.",
        "没有选用来件的任何一项：本单位现有的记录保持不变，来件的修改不采用。":
            "No field of theirs is taken: our record stays unchanged and their changes are left out.",
        "本单位现有的{0}记录“{1}”将改用来件的{2}，其余各项保留本地。":
            "Our {0} record “{1}” will take their {2}; the other fields stay ours.",
        # 一人多档: one person with a file (not closed) in two offices
        "另有 {0} 份未关闭的记录，下表显示第一份。": "There are {0} other open records; the table shows the first.",
        "同一人在两个单位都有未关闭的记录": "Open records in two offices", "一人多档": "One person, several files",
        "保留本单位现有的记录，来件的记录注销（关闭）": "Keep our record; their record is closed",
        "保留来件的记录，其他单位现有的记录注销（关闭）": "Keep their record; the other office's record is closed",
        "两份记录都保留；以后导入不再就这两份询问":
            "Keep both records; later imports will not ask about these two again",
        "{0}报来的{1}“{2}”将注销（关闭），{3}的“{4}”保留。":
            "{1} “{2}” sent by {0} will be closed; “{4}” of {3} stays.",
        "{0}的“{1}”将注销（关闭），{2}报来的“{3}”保留。": "“{1}” of {0} will be closed; “{3}” sent by {2} stays.",
    },
    "ConflictFieldsModel": {
        "字段": "Field", "合并结果": "Merged", "{0}（来件）": "{0} (theirs)", "（空）": "(empty)",
        "{0}\n点击选用这一侧的值（空格键切换，←本地，→来件）":
            "{0}\nClick to take this side's value (Space switches: ← ours, → theirs)",
        "{0}\n这一项不能逐项合并，保留本地的值": "{0}\nThis field cannot be merged; ours is kept",
    },
    # ----- the warm-station tab (desktop/ui/stations): 驿站 station · 台账 service log · 检查 inspection ·
    # 评星 star rating · 六有 Six musts · 八可 the eight services · 整改 follow-up · 建设单位 host · 筹建 planned ·
    # 运行 running · 暂停 paused · 撤销 closed. A {doing} is lower case: “Only clerks may {doing}”.
    "StationsTab": {
        "驿站信息": "Station", "暖心驿站": "Warm stations", "台账": "Service log", "检查": "Inspections",
        "评星": "Star rating",
        "全部驿站各月、各类服务人次的年度合计": "Yearly visits to all stations, by month and group",
    },
    "StationTableModel": {
        "需关注：超过12个月未检查、上月台账未录入、药品过期或将到期、整改逾期":
            "Needs attention: no inspection for 12 months, last month's log missing, medicine expired or "
            "expiring, or a follow-up overdue",
    },
    "StationFilters": {
        "查找：编号、名称、地址、建设单位、负责人、名称拼音首字母（如 cym）":
            "Find: code, name, address, host, manager, initials (cym)",
        "全部状态": "All statuses", "全部建设单位类型": "All host types", "{0}（{1}星）": "{0} ({1})",
        "未评星": "Not rated", "全部星级": "All stars", "六有：全部": "Six musts: all",
        "六有齐全": "Six musts met", "六有不齐全": "Six musts not met", "需关注：全部": "Attention: all",
        "仅需关注的": "Needs attention",
        "超过12个月未检查、上月台账未录入、药品过期或30天内到期、整改逾期未完成":
            "No inspection for over 12 months, last month's service log missing, medicine expired or expiring "
            "within 30 days, or a follow-up overdue",
        "全部街道": "All sub-districts",
    },
    "StationForm": {"新驿站": "new station"},
    "StationHeader": {
        "登记为": "Register as",
        "新登记的驿站为筹建或运行；暂停、撤销请在保存后办理":
            "A new station is planned or running; pause or close it after saving",
        "只读：您没有录入和修改台账的权限，只能查看驿站信息。":
            "Read-only: you may not enter or change records, only view the station.",
        "登记驿站（新驿站）": "Register (new station)",
        "填写后按“保存”；服务项目默认勾选“八可”。":
            "Fill in and press “Save”; the eight services are ticked by default.",
        "未选择驿站": "No station selected",
        "在左侧列表中选择一个驿站查看。": "Choose a station in the list on the left.",
        "编号 {code} · {status}": "Code {code} · {status}",
        "最后修改：第 {rev} 版 · {at} · {by}": "Last changed: version {rev} · {at} · {by}",
    },
    "StationActionBar": {
        "{step}…": "{step}…", "放弃修改": "Discard changes",
        "办理驿站{step}": "record a station's “{step}”", "保存新驿站后才能办理": "Save the new station first",
        "办理驿站{step}，记入状态变动": "Record “{step}” in the station's status history",
        "删除驿站": "delete stations", "修改驿站": "change stations", "保存驿站": "save stations",
        "恢复为打开时的内容（Esc）": "Go back to what was there when opened (Esc)",
        "驿站当前为{now}，{allowed}的驿站才能{step}":
            "The station is {now}; “{step}” is only for a station that is {allowed}",
    },
    "StationSteps": {"投入运行": "Open", "暂停": "Pause", "恢复运行": "Resume", "撤销": "Close down"},
    "StationChanges": {
        "登记驿站“{name}”": "Registered station “{name}”",
        "修改驿站“{name}”的{fields}": "Changed {fields} of station “{name}”",
        "驿站“{name}”{step}": "Station “{name}”: {step}",
        "删除驿站“{name}”": "Deleted station “{name}”",
    },
    "StationUndo": {"登记之后又被修改过，不能撤销": "It was changed after it was registered and cannot be undone"},
    "StationPrompts": {
        "删除驿站“{name}”（编号 {code}）吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。":
            "Delete station “{name}” (code {code})?\nYou can bring it back with “Undo last save” (Ctrl+Z).",
        "删除驿站": "Delete station",
    },
    "StepDialog": {"{step}：{name}": "{step}: {name}", "可不填": "Optional", "日期*": "Date*", "原因*": "Reason*"},
    "StationHistoryView": {"状态变动": "Status history", "变动": "Change", "原状态→新状态": "From → to"},
    "ServicesBox": {
        "列表中没有的服务项目": "A service not in the list", "添加": "Add", "添加一项并勾选": "Add it, ticked",
        "其他：": "Other:",
    },
    "StationPages": {
        "请先在列表中选择一个驿站": "Choose a station in the list first",
        "驿站当前为{status}，运行或暂停的驿站才能{doing}":
            "The station is {status}: you can {doing} only for a running or paused station",
    },
    "StationInspections": {
        "修改检查…": "Edit inspection…",
        "修改检查": "edit inspections",
        "更正所选检查误录的内容（修改前后的内容记入审计记录）":
            "Correct the selected inspection (the values before and after go to the audit trail)",
        "删除检查…": "Delete inspection…", "删除检查": "Delete inspection",
        "请先选择一次检查": "Select an inspection first",
        "删除误录的检查（连同它尚未确认的降星提议）":
            "Delete an inspection entered by mistake (and its unconfirmed mark-down)",
        "删除{day}{who}的检查记录吗？它尚未确认的降星提议一并撤回。":
            "Delete the inspection of {day} by {who}? Its unconfirmed mark-down is withdrawn with it.",
        "删除": "Delete",
        "{n}/6": "{n}/6", "{passed}，缺：{missing}": "{passed}, lacks {missing}", "、": ", ",
        "已完成（{day}）": "Done ({day})", "无需整改": "None needed", "未完成（未定期限）": "Open (no due date)",
        "已逾期（期限 {due}）": "Overdue (due {due})", "未完成（期限 {due}）": "Open (due {due})",
        "检查日期": "Inspected on", "检查人": "Inspector", "六有": "Six musts", "得分": "Score", "整改": "Follow-up",
        "选择一次检查，在这里查看全部内容": "Select an inspection to see all of it here",
        "新增检查…": "New inspection…", "完成整改…": "Complete follow-up…",
        "新增检查": "record inspections", "记录一次对该驿站的检查": "Record an inspection of this station",
        "完成整改": "complete follow-ups",
        "请先选择一次整改未完成的检查": "First select an inspection whose follow-up is open",
        "登记所选检查的整改完成日期": "Record the day the selected inspection's follow-up was done",
        "（未填）": "(blank)",
        "检查日期：{day}\u3000检查人：{who}\u3000得分：{score}":
            "Inspected on: {day}   Inspector: {who}   Score: {score}",
        "六有：{six}": "Six musts: {six}",
        "开放时间：公示 {posted}，实际 {actual}": "Opening hours: posted {posted}, actual {actual}",
        "药品有效期：{day}": "Medicine expires: {day}", "发现问题：{text}": "Findings: {text}", "无": "none",
        "整改情况：{text}": "Follow-up: {text}",
        "整改期限：{due}\u3000完成日期：{done}": "Follow-up due: {due}   Done on: {done}", "未完成": "not yet",
        "本次检查提议将星级由{old}星降为{new}星：{reasons}，请在“评星”页确认或驳回。":
            "This inspection proposes marking the station down from {old} to {new} stars: {reasons}. "
            "Confirm or dismiss it on the “Star rating” page.",
        "本次检查未达标：{reasons}。驿站尚未评星，不提议降星。":
            "This inspection found shortcomings: {reasons}. The station has no star rating, so no mark-down "
            "is proposed.",
        "本次检查未达标：{reasons}。驿站已是1星，不再提议降星；是否撤销由负责人决定。":
            "This inspection found shortcomings: {reasons}. The station has 1 star already, so no mark-down "
            "is proposed; whether to close it is for the person in charge to decide.",
        "检查未达标": "Inspection not passed",
    },
    "InspectionDialog": {
        "修改检查：{name}": "Edit inspection: {name}",
        "新增检查：{name}": "New inspection: {name}",
        "勾选表示达标；取消勾选即记为未达标，将提议降星":
            "Ticked means passed; untick it to record a failure, which proposes a mark-down",
        "检查时实际开放的时间": "Hours found open",
        "与公示开放时间不同，将提议降星": "Hours that differ from the posted ones propose a mark-down",
        "0–100": "0–100",
    },
    "FollowUpDialog": {
        "完成整改：{name}": "Complete follow-up: {name}",
        "{day}检查的整改（期限 {due}）": "Follow-up of the inspection on {day} (due {due})", "未定": "not set",
        "整改了什么，如：已更换过期药品": "What was done, e.g. expired medicine replaced",
    },
    "StationRatings": {
        "星级": "Stars", "评定日期": "Assessed on", "理由": "Reason", "评星…": "Rate stars…",
        "确认降星": "Confirm mark-down", "驳回": "Dismiss", "已确认": "Confirmed",
        "待确认（检查提议）": "Pending (proposed by inspection)",
        "有{n}条检查提议的降星待确认或驳回": "Mark-downs proposed by inspections to confirm or dismiss: {n}",
        "当前星级：{drawn}（{stars}星）": "Stars: {drawn} ({stars})", "当前星级：未评星": "Stars: not rated",
        "理由：{reason}": "Reason: {reason}", "（未填）": "(blank)", "评星": "give star ratings",
        "登记该驿站的年度评星": "Record this station's star rating for a year",
        "按所选检查提议改变星级": "Change the stars as the selected inspection proposed",
        "驳回降星提议": "Dismiss the mark-down",
        "驳回所选提议，星级不变": "Dismiss the selected proposal; the stars stay",
        "请先选择一条待确认的检查提议": "First select a pending proposal",
        "确认将驿站“{name}”的星级由{old}星降为{new}星吗？\n{reason}":
            "Mark station “{name}” down from {old} to {new} stars?\n{reason}",
        "驳回这条降星提议吗？驿站“{name}”的星级保持{old}星。":
            "Dismiss this proposed mark-down? Station “{name}” keeps {old} stars.",
    },
    "RatingDialog": {
        "评星：{name}": "Star rating: {name}", "（请选择）": "(choose)", "{stars}星  {drawn}": "{stars}  {drawn}",
    },
    "StationLogGrid": {
        "上一年": "Previous year", "下一年": "Next year", " 年": " yr", "年度汇总": "Year totals", "撤销": "Undo",
        "撤销最近一次录入（Ctrl+Z）": "Undo the last entry (Ctrl+Z)",
        "只读：没有录入和修改台账的权限": "Read-only: you may not enter logs",
        "合计由各类人次自动计算，不能填写": "The total is the sum of the groups and cannot be typed",
        "{0}：合计自动计算，不能填写": "{0}: the total is computed and cannot be typed",
        "{0}：必须是不小于0的整数": "{0}: must be a whole number, 0 or more",
        "已保存：{0}": "Saved: {0}", "已撤销：{0}": "Undone: {0}", "清除 {0} 个单元格": "Cleared {0} cells",
        "没有粘贴：{0}": "Not pasted: {0}", "粘贴 {0} 行": "Pasted {0} rows",
        "粘贴的 {0} 行超出了12月": "The {0} pasted rows go past December",
        "粘贴的列超出了最后一列": "The pasted columns go past the last column",
        "合计": "Total", "{0}月": "Month {0}", "请先选择驿站": "Choose a station first",
        "各类人次之和，自动计算": "The sum of the groups, computed",
    },
    "YearTotalsDialog": {
        "全部驿站": "All stations", "（已删除的驿站）": "(deleted station)", "年度汇总 — {0}": "Year totals — {0}",
        " 年": " yr", "上一年": "Previous year", "下一年": "Next year", "合计": "Total", "{0}月": "Month {0}",
        "全年": "Year", "{0} {1}年服务人次": "{0}: visits in {1}", "全部驿站年度汇总": "Year totals",
        # the hardship-aid year totals (desktop/ui/aid/payments.py) share the name
        "帮扶年度统计": "Aid year totals", "全区各街道": "All sub-districts", "本街道": "This sub-district",
        "（{scope}，按发放日期）": "({scope}, by payment date)", "帮扶类型": "Aid type", "笔数": "Payments",
        "金额（元）": "Amount (yuan)", "复制": "Copy",
        "复制为制表符分隔的文本，可粘贴到电子表格": "Copy as tab-separated text to paste into a spreadsheet",
    },
    "StationSettingsDialog": {
        "驿站设置": "Station settings", "服务项目": "Services",
        "“八可”（每个驿站默认提供）：{0}": "The eight services (every station has them by default): {0}",
        "新的服务项目，如 阅读、维修": "A new service, e.g. reading or repairs", "添加": "Add", "改名": "Rename",
        "本单位增加的服务项目（双击可改名）：": "Services our office added (double-click to rename):",
        "评星标准：各星级驿站的最小面积": "Star standards: the least area for each star level",
        " 平方米": " m²", "{0}星驿站的面积应不少于此数": "A {0}-star station has at least this area", "{0}星": "{0} ★",
        "评星时面积达不到该星级最小面积的驿站不能评为该星级；星级越高，最小面积不能越小。":
            "A station smaller than a level's least area cannot be rated at that level; a higher level's least "
            "area cannot be smaller.",
        "修改驿站设置": "change station settings",
    },
    # ----- the hardship-aid tab (desktop/ui/aid): 困难职工档案 hardship file · 档案编号 file no. · 在档 on file ·
    # 撤档/注销 close · 流程 workflow · 公示 public notice · 帮扶记录 aid payments · 金秋助学 autumn student aid ·
    # 送温暖 warmth campaign · 签领表 receipt list. A {doing} is lower case: “Only clerks may {doing}”; one that is
    # also a title or a button is lower case too, except 结束登记, which is mostly a button.
    "AidTab": {
        "档案信息": "File",
        "困难帮扶": "Hardship aid",
        "查找：档案编号、姓名、身份证号": "Find: file no., name, ID number",
        "全部状态": "All statuses", "全部类别": "All categories", "复核：全部": "Review: all",
        "今年需复核": "Due this year",
        "在档且年度复核日期在今年年底前（含已逾期）的档案":
            "Files on file whose yearly review falls by the end of this year (overdue ones included)",
        "全部街道": "All sub-districts", "年度复核…": "Yearly review…",
        "今年需复核的档案，随机抽取不少于30%入户复核，登记复核结果":
            "The files due for review this year: draw at least 30% at random for a home visit review, "
            "and record the results",
        "送温暖活动…": "Warmth campaigns…",
        "两节送温暖：活动、慰问对象、按类别合计和签领表":
            "New Year and Spring Festival warmth campaigns: campaigns, recipients, totals by group and receipt lists",
        "家庭成员": "Household members", "材料": "Documents", "流程": "Workflow", "帮扶记录": "Aid payments",
        "金秋助学": "Autumn student aid", "待我审批（{n}）": "Awaiting my approval ({n})",
        "公示期满、没有未处理异议、不是您建档或核查的档案":
            "Files whose public notice is over, with no open objection, not filed or checked by you",
        "没有等待您审批的档案": "No files await your approval",
        "{no} {name}（{category}，公示自 {on}）": "{no} {name} ({category}, on public notice since {on})",
    },
    "AidCaseHeader": {
        "只读：您没有录入和修改台账的权限，只能查看档案。":
            "Read-only: you may not enter or change records, only view the file.",
        "显示完整信息": "Show full details", "建立困难职工档案（申请）": "New hardship file (application)",
        "按身份证号选择本单位会员；一户一档：已有未撤档档案的职工或其家庭成员不能再建档。档案编号不填则自动编号。":
            "Choose a member of our office by ID number. One file per household: a worker, or a household member, "
            "with a file not closed cannot have another. Leave File no. empty to have it numbered.",
        "未选择档案": "No file selected", "在左侧列表中选择一个档案查看。": "Select a file in the list on the left.",
        "建档人 {filer} · 最后修改：第 {rev} 版 · {at} · {by}":
            "Filed by {filer} · Last changed: version {rev} · {at} · {by}",
        # a sentence that another one is appended to: keep the trailing space
        "已于 {on} 撤档（{reason}），不能再修改。": "Closed on {on} ({reason}): it can no longer change. ",
        "可于 {day} 起匿名化（保存期满）。": "It may be anonymised from {day} (kept long enough).",
    },
    "AidActionBar": {
        "放弃修改": "Discard changes", "修改档案": "edit the file", "保存档案": "save the file",
        "困难职工档案不能删除：请在“流程”中注销（撤档），档案按规定保存":
            "A hardship file cannot be deleted: close it on the “Workflow” page; files are kept as the rules require",
        "恢复为打开时的内容（Esc）": "Back to the values when opened (Esc)",
    },
    "AidCaseForm": {
        "档案 {no}": "File {no}",
        "修改档案": "change files",
        "档案已撤档，不能再修改": "This file is closed and cannot be changed",
        "不填则自动编号": "Empty: numbered on saving", "新档案": "new file", "显示{field}": "Show {field}",
        "查看完整信息": "view full details", "没有隐藏的信息": "Nothing is hidden",
        "显示隐藏的身份证号、银行卡号、健康、收入等信息；每次查看都记入审计日志":
            "Show the hidden ID number, bank account, health, income and other details; every view is audited",
    },
    "AidChanges": {
        "建立困难职工档案 {no}": "Opened hardship file {no}",
        "修改档案 {no} 的{fields}": "Changed {fields} of file {no}",
    },
    "AidUndo": {
        "建档不能撤销：请在“流程”中注销（撤档）": "Opening a file cannot be undone: close it on the “Workflow” page",
    },
    "AidFields": {
        "档案不能修改": "The file cannot be changed",
        "填写家庭收入和人口后给出建议类别": "A category is suggested once household income and size are filled in",
        "未设置{year}年低保标准（设置→帮扶设置）":
            "No minimum living allowance line is set for {year} (Settings → Aid settings)",
        "建议：深度困难（人均 {pc} 元 < 低保线 {line} 元）":
            "Suggested: severe hardship (per capita {pc} yuan < allowance line {line} yuan)",
        "建议：{category}（人均 {pc} 元 < 低保线两倍 {line} 元）":
            "Suggested: {category} (per capita {pc} yuan < twice the allowance line, {line} yuan)",
        "人均 {pc} 元 ≥ 低保线两倍 {line} 元：无建议类别":
            "Per capita {pc} yuan ≥ twice the allowance line, {line} yuan: no category suggested",
        "选择次要原因…": "Choose other causes…",
        "最多三项，不能与主要致困原因相同": "At most three, none of them the main cause",
        "姓名：{name}": "Name: {name}",
        "不是本单位的会员，请先登记会员": "Not a member of our office: register the member first",
        "输入本单位会员的身份证号，显示姓名": "Type the ID number of a member of our office to see the name",
        "家庭月人均收入：{pc} 元": "Income per capita a month: {pc} yuan",
        "家庭月人均收入 = 年度总收入 ÷ 12 ÷ 家庭人口":
            "Income per capita a month = yearly income ÷ 12 ÷ household size",
        "最多{n}项": "At most {n}", "不能与主要致困原因相同": "Cannot be the main cause",
    },
    "AidHousehold": {
        "年龄": "Age",
        "移除家庭成员": "Remove household member", "添加…": "Add…", "修改…": "Edit…", "移除": "Remove",
        "显示完整信息": "Show full details", "查看完整信息": "view full details",
        "请先选择一位家庭成员": "Select a household member first", "没有隐藏的信息": "Nothing is hidden",
        "显示所选成员的身份证号、健康状况和收入；每次查看都记入审计日志":
            "Show the selected member's ID number, health and income; every view is audited",
        "登记家庭成员": "record household members",
        "保存档案后添加家庭成员；撤档的档案不能修改":
            "Save the file before adding household members; a closed file cannot change",
        "添加家庭成员": "Add household member", "修改家庭成员：{0}": "Edit household member: {0}",
        "把“{0}”从家庭成员中移除吗？": "Remove “{0}” from the household members?",
    },
    "PersonDialog": {
        "已隐藏；不修改请留空": "Hidden; leave empty to keep it",
        "有身份证号时由身份证号得出": "Read from the ID number if there is one",
    },
    "AidDocuments": {
        "登记一份清单以外的材料，收到日期为今天": "Record a document not on the checklist, received today",
        "保存档案后登记材料": "Save the file first to record its documents",
        "{name}（其他）": "{name} (other)",
        "勾选表示已收到（日期为今天，可双击修改）；入户核查前须收到申请书和家庭经济状况核对授权委托书。":
            "Ticked means received (dated today; double-click to change). The application and the authorisation "
            "to check the household's finances must be in before the home check.",
        "材料": "Document",
        "收到日期": "Received on",
        "其他材料名称，如 低保证复印件": "Another document, e.g. allowance card copy",
        "添加已收到的材料": "Add a document received", "登记档案材料": "record documents",
    },
    "AidSteps": {
        "{step}…": "{step}…",
        "只有{who}或{approvers}可以处理公示异议": "Only {who} or {approvers} may settle objections",
        "环节": "Step", "办理人": "Handled by", "意见": "Opinion", "公示异议": "Objections to the public notice",
        "异议日期": "Raised on", "异议内容": "Objection", "登记人": "Recorded by", "处理结果": "Outcome",
        "处理意见": "Reason", "登记异议…": "Record objection…", "处理异议…": "Settle objection…",
        "保存档案后在此办理流程：入户核查 → 审核 → 公示 → 审批":
            "Save the file to run its workflow here: home check → review → public notice → approval",
        "档案 {no} · {name}": "File {no} · {name}", "待处理": "Pending",
        "办理“{step}”：填写意见和日期": "Record “{step}”: enter an opinion and the date",
        "登记公示异议": "record objections",
        "登记公示期间收到的异议": "Record an objection received during the public notice",
        "选择一条待处理的异议，填写处理结果和意见": "Select a pending objection and enter the outcome and the reason",
        "撤档原因*": "Reason for closing*",
        "{step}意见*": "Opinion ({step})*",
        "{step}：档案 {no}": "{step}: file {no}",
        "最多60字": "At most 60 characters", "登记公示异议：档案 {no}": "Record objection: file {no}",
        "异议内容*": "Objection*", "谁、何时、对什么提出异议": "Who objected, when, and to what",
        "处理公示异议：档案 {no}": "Settle objection: file {no}", "处理意见*": "Reason*",
        "核实情况与结论": "What was checked, and the conclusion",
    },
    "TextDialog": {"处理结果*": "Outcome*", "日期*": "Date*"},
    "AidCaseReviews": {
        "年度复核": "Yearly reviews", "入户/材料": "Visit/docs", "复核结果": "Result", "复核日期": "Reviewed on",
        "复核人": "Reviewer", "复核意见": "Remarks", "待复核": "To review",
        "（{category}）": " ({category})",  # after the result
    },
    "AidReview": {
        "入户": "Home visit",
        "材料": "Documents",
        "登记复核结果：档案 {no} · {name}": "Record review: file {no} · {name}",
        "{kind}复核": "{kind} review", "复核结果为调整类别时选择": "Choose when the result changes the category",
        "即撤档原因，最多60字": "The reason for closing the file, at most 60 characters",
        "入户或查阅材料核实的情况": "What the home visit or the documents showed",
    },
    "ReviewDialog": {
        "年度复核": "Yearly review", " 年": " yr", "不填则随机": "Empty: random",
        "抽样种子：同一种子和同一批档案总是抽中同样的档案，可供复查":
            "Sample seed: the same seed and the same files always draw the same files, so the draw can be checked",
        "开始复核": "Start review", "档案编号": "File no.", "困难类别": "Category", "下次复核日期": "Next review",
        "入户/材料": "Visit/docs", "复核结果": "Result", "复核日期": "Reviewed on", "复核人": "Reviewer",
        "登记复核结果…": "Record result…", "复核年度": "Review year", "抽样种子": "Sample seed", "未设": "Not set",
        "{year}年应复核 {n} 份在档档案（下次复核日期在{year}年底前或未设）。"
        "开始复核后随机抽取 {k} 户（不少于30%）入户复核，其余查阅材料；种子记录在案，可以复查。":
            "{n} files on file are due for review in {year} (next review by the end of {year}, or not set). "
            "Starting the review draws {k} households at random (at least 30%) for a home visit review; the rest "
            "are reviewed on their documents. The seed is recorded, so the draw can be checked.",
        "{year}年没有需要复核的在档档案。": "No file on file is due for review in {year}.",
        "开始年度复核": "start the yearly review", "没有需要复核的档案": "No files are due for review",
        "为{year}年的 {n} 份档案开始复核并抽取入户名单":
            "Start the review of {n} files for {year} and draw the home visits",
        "{year}年复核：应复核 {due} 份，抽中 {k} 户入户复核（≥30%），抽样种子 {seed}；{by} 于 {on} 发起。"
        "已登记 {done} 份，待登记 {left} 份。":
            "{year} review: {due} files due, {k} households drawn for a home visit review (≥30%), sample seed "
            "{seed}; started by {by} on {on}. {done} recorded, {left} to record.",
        "待复核": "To review", "登记复核结果": "record review results",
        "请先在列表中选择一份待复核的档案": "Select a file to review in the list first",
        "档案 {no} 已于 {on} 复核": "File {no} was reviewed on {on}",
        "登记档案 {no} 的复核结果": "Record the review of file {no}",
        "抽样种子应为0至{top}之间的整数": "The sample seed must be a whole number from 0 to {top}",
        "开始{year}年的年度复核？每年只复核一轮：将为 {n} 份档案建立复核记录，并抽取 {k} 户入户复核。":
            "Start the yearly review of {year}? There is one round a year: review records are made for {n} files, "
            "and {k} households are drawn for a home visit review.",
        "已开始{year}年的年度复核：抽中 {k} 户入户复核（≥30%），抽样种子 {seed}。":
            "The yearly review of {year} has started: {k} households drawn for a home visit review (≥30%), "
            "sample seed {seed}.",
    },
    "AidSettingsDialog": {
        "帮扶设置": "Aid settings",
        "低保标准（按年度，元/月）": "Minimum living allowance line (by year, yuan a month)",
        "低保标准（元/月）": "Allowance line (yuan a month)", "添加年度": "Add year",
        "档案按建档当年的低保标准给出建议类别；某年没有标准时沿用此前最近一年的。":
            "A file's category is suggested by the allowance line of the year it was filed; a year without one "
            "takes the latest year before it.",
        " 天": " days",
        " 年": " years",
        "全总规定撤档后至少保存10年": "The ACFTU rules keep closed files 10 years at least",
        "公示天数": "Public notice", "撤档后保存年限": "Keep closed files", "帮扶类型": "Aid type",
        "单笔限额（元）": "Cap a payment (yuan)", "每人每年限额（元）": "Cap a person a year (yuan)",
        "就读阶段": "School level", "资助标准（元）": "Grant (yuan)",
        "留空表示不设限额；超过限额须由审核人审批并填写理由。":
            "Leave empty for no cap; a payment over the cap needs an approver's approval and a reason.",
        "帮扶限额": "Aid caps", "留空表示该阶段不资助；登记时按此标准确定资助金额。":
            "Leave empty for no grant at that level; a grant is registered at this amount.",
        "金秋助学标准": "Autumn student aid amounts",
        "送温暖慰问金上限（新建活动的默认值，元）": "Warmth campaign cash gift caps (for new campaigns, yuan)",
        "每次慰问金上限": "Cap a visit", "每人每年慰问金上限": "Cap a person a year",
        "已建的活动保留各自的上限；每人每年上限计入当年所有送温暖活动。":
            "Existing campaigns keep their caps; the yearly cap a person counts all the year's warmth campaigns.",
        "{0} 元不能高于每人每年上限 {1} 元": "{0} yuan cannot be above the yearly cap of {1} yuan",
        "修改帮扶设置": "change aid settings", "应为四位数字的年份：{0}": "Must be a four-digit year: {0}",
        "{0}年填写了两次": "{0} is entered twice", "请填写{0}年的低保标准": "Enter the allowance line of {0}",
        "{kind}：每人每年限额不能小于单笔限额": "{kind}: the cap a person a year cannot be below the cap a payment",
    },
    "AidPayments": {
        "修改…": "Edit…",
        "修改帮扶记录": "change aid payments",
        "档案当前为{status}，已撤档档案的帮扶记录已归档，不能修改":
            "The file is {status}: a closed file's payments are archived and cannot be changed",
        "该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改":
            'A cash gift of "{campaign}": change it in Warmth campaigns…',
        "修改选中的记录（双击或回车）；该记录为金秋助学发放，类型和金额按资助标准，如需修改请在“金秋助学”页修改":
            ("Edit the selected payment (double-click or Enter); a student aid payment's type and amount follow the "
             "grant: change them on the Student aid page"),
        "修改选中的帮扶记录（双击或回车）：登记有误时更正":
            "Edit the selected payment (double-click or Enter) to correct a mistake",
        "撤销刚才对{what}的修改（Ctrl+Z）": "Undo the change to {what} (Ctrl+Z)",
        "该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改或移除该慰问对象":
            'A cash gift of "{campaign}": change or remove the recipient in Warmth campaigns…',
        "没有可撤销的登记或修改": "Nothing to undo",
        "撤销帮扶记录的修改": "undo changes to aid payments",
        "发放日期": "Paid on", "帮扶类型": "Type", "金额（元）": "Amount (yuan)", "发放方式": "Method",
        "凭证号": "Voucher no.", "审批人": "Approver", "超限审批": "Over-cap approval", "备注": "Remarks",
        "{amount} 元": "{amount} yuan",
        "本月已有同类帮扶": "Same aid this month",
        "{what}\n\n仍要发放吗？": "{what}\n\nPay anyway?",
        "仍要发放": "Pay anyway", "{kind} {n}笔 {amount}": "{kind}: {n} payments, {amount}",
        "{year}年：{parts}；合计 {n}笔 {amount}": "{year}: {parts}; total {n} payments, {amount}",
        "新增帮扶…": "New payment…", "撤销": "Undo", "请先在列表中选择一个档案": "Select a file in the list first",
        "档案 {no}（{status}）的帮扶记录：{n} 笔": "Aid payments of file {no} ({status}): {n}",
        "尚无帮扶记录": "No aid payments yet", "登记帮扶": "record aid payments",
        "档案当前为{status}，只有在档的档案才能发放帮扶（未在档职工的应急救助请用列表上方的“应急救助…”）":
            "The file is {status}: only a file on file can be paid aid (for emergency aid to a worker without "
            "one, use “Emergency aid…” above the list)",
        "删除帮扶记录": "delete aid payments",  # a {doing}, and the title of the question
        "请先选择一条帮扶记录": "Select an aid payment first",
        "该记录为金秋助学发放，请在“金秋助学”页撤销":
            "This is an autumn student aid payment: undo it on the “Autumn student aid” page",
        "登记一笔帮扶：类型、金额、日期、发放方式、凭证号、审批人":
            "Record an aid payment: type, amount, date, method, voucher no., approver",
        "删除选中的帮扶记录（登记错误时）": "Delete the selected aid payment (when recorded by mistake)",
        "没有可撤销的登记": "Nothing to undo", "撤销帮扶记录": "undo aid payments",
        "撤销刚才登记的{what}（Ctrl+Z）": "Undo the payment just recorded: {what} (Ctrl+Z)",
        "{day} 的{kind} {amount}": "the {kind} of {amount} on {day}",
        "删除{what}吗？\n删除的记录保留在审计记录中。": "Delete {what}?\nThe deleted record stays in the audit log.",
    },
    "PaymentDialog": {"新增帮扶：{no}": "New payment: {no}"},
    "OverrideDialog": {
        "超限审批": "Over-the-cap approval",
        "。\n作为审核人，您可以审批超限发放，请填写理由（记入该记录和审计记录）。":
            ".\nAs an approver you may approve a payment over the cap: give the reason (kept with the payment "
            "and in the audit log).",
        "如：患者住院费用高，经工会主席办公会研究同意": "e.g. high hospital costs; agreed by the union chair's meeting",
    },
    "dialog": {"元，最多两位小数": "yuan, at most two decimals"},
    "AidMoneyActions": {
        "应急救助…": "Emergency aid…", "发放应急救助": "pay emergency aid",
        "向没有在档档案的职工发放应急救助（填写姓名、身份证号和事由）":
            "Pay emergency aid to a worker without a file on file (name, ID number and reason)",
        "年度统计…": "Year totals…", "某年各类帮扶的笔数和金额": "A year's payments and amounts by aid type",
        "应急救助": "Emergency aid",
        "已登记向{name}发放的应急救助 {amount}。": "Recorded emergency aid of {amount} to {name}.",
    },
    "EmergencyDialog": {
        "应急救助（未在档职工）": "Emergency aid (worker without a file)",
        "向没有在档档案的职工发放应急救助；已有在档档案的职工请在其档案的“帮扶记录”中发放。":
            "Pay emergency aid to a worker without a file on file; a worker with one is paid on the "
            "“Aid payments” page of that file.",
        "如：突发火灾，家中财物损毁": "e.g. a house fire destroyed the family's belongings",
    },
    "AidStudents": {
        "修改…": "Edit…",
        "撤销登记": "Withdraw",
        "撤销": "Undo",
        "修改选中的金秋助学（双击）：就读阶段、学校、是否已获其他资助、备注":
            "Edit the selected grant (double-click): level, school, aid elsewhere, remarks",
        "撤销选中的金秋助学登记（登记错误时；已发放的连同其帮扶记录）":
            "Withdraw the selected grant (entered by mistake; a paid one with its payment)",
        "{year}年{level}": "{year} {level}",
        "撤销金秋助学登记": "withdraw student aid grants",
        "{name}{year}年{level} {amount}": "{name}, {year} {level}, {amount}",
        "档案已撤档，其金秋助学不能{doing}": "The file is closed: its student aid cannot be changed ({doing})",
        "修改": "Edit",
        "已于{day}发放，不能修改；登记有误请“撤销登记”（连同其帮扶记录）":
            "Paid on {day}: it cannot be changed; if it is wrong, Withdraw it (with its payment)",
        "撤销{what}的金秋助学登记吗？": "Withdraw the student aid grant of {what}?",
        "\n已于{day}发放，其帮扶记录（助学救助 {amount}）一并撤销。":
            "\nPaid on {day}: its payment (student aid {amount}) is withdrawn with it.",
        "\n撤销的登记保留在审计记录中，可用“撤销”（Ctrl+Z）恢复。":
            "\nThe withdrawn grant stays in the audit trail; Undo (Ctrl+Z) brings it back.",
        "撤销刚才登记的{what}（Ctrl+Z）": "Undo adding {what} (Ctrl+Z)",
        "撤销刚才对{what}的修改（Ctrl+Z）": "Undo the change to {what} (Ctrl+Z)",
        "恢复刚才撤销登记的{what}（Ctrl+Z）": "Bring back the withdrawn {what} (Ctrl+Z)",
        "撤销金秋助学的登记或修改": "undo student aid entries",
        "没有可撤销的登记、修改或撤销登记": "Nothing to undo",
        "学生": "Student", "年度": "Year", "就读阶段": "School level", "资助金额（元）": "Amount (yuan)",
        "状态": "Status", "已获其他资助": "Aided elsewhere", "学校": "School",
        "已发放（{day}）": "Paid ({day})", "已获其他资助，不予发放": "Aided elsewhere: not paid",
        "待公示": "Awaiting notice", "公示中（{day}起可发放）": "On notice (payable from {day})",
        "公示期满，待发放": "Notice over, to pay", "登记助学…": "Register aid…", "发放…": "Pay…",
        "金秋助学公示…": "Public notice…", "公示金秋助学": "put autumn student aid on public notice",
        "公示本街道某年已登记、尚未公示的金秋助学名单（全部档案）":
            "Put a year's autumn student aid registered in this sub-district and not yet on notice on public "
            "notice (all files)",
        "请先在列表中选择一个档案": "Select a file in the list first",
        "档案 {no} 家庭中的学生（子女、孙子女、兄弟姐妹）；资助金额按帮扶设置中的就读阶段标准，公示{days}天后发放":
            "Students in the household of file {no} (children, grandchildren, siblings); the grant follows the "
            "school-level amounts of the aid settings and is paid after {days} days of public notice",
        "{name}（{relation}）": "{name} ({relation})", "未登记": "Not registered", "是": "Yes", "否": "No",
        "登记金秋助学": "register autumn student aid",
        "只有在档档案的学生才能申请金秋助学": "Only a student of a file on file can apply for autumn student aid",
        "家庭成员中没有子女、孙子女或兄弟姐妹：请先在“家庭成员”页登记":
            "The household has no children, grandchildren or siblings: record them on the “Household members” "
            "page first",
        "发放金秋助学": "pay autumn student aid",
        "请先选择一条已登记的金秋助学": "Select a registered student aid first",
        "已于{day}发放": "Paid on {day}", "该学生已获其他资助，不予发放": "The student is aided elsewhere: not paid",
        "尚未公示：请先用“金秋助学公示…”公示，公示期满才能发放":
            "Not on public notice yet: use “Public notice…” first; it can be paid once the notice is over",
        "公示期至{last}，{first}起才能发放": "On public notice until {last}: payable from {first}",
        "只有在档档案的学生才能发放金秋助学": "Only a student of a file on file can be paid autumn student aid",
        "为家庭中的学生登记本年度金秋助学": "Register this year's autumn student aid for a student of the household",
        "发放选中的金秋助学（记入帮扶记录）": "Pay the selected student aid (recorded in the aid payments)",
    },
    "GrantDialog": {
        "登记金秋助学": "Register autumn student aid", "{name}（{relation}）": "{name} ({relation})",
        "资助金额按就读阶段，由帮扶设置规定": "The grant depends on the school level, as the aid settings set",
        "尚未设置{level}的资助标准（帮扶设置）": "No grant is set for {level} (aid settings)",
        "资助金额：{amount}（{level}的资助标准）": "Grant: {amount} (the amount for {level})",
        "请选择学生": "Choose a student",
    },
    "PayGrantDialog": {
        "发放金秋助学": "Pay autumn student aid",
        "{name}，{year}年{level}，资助金额 {amount}": "{name}, {year}, {level}, grant {amount}",
    },
    "PublicizeDialog": {
        "金秋助学公示": "Autumn student aid notice", " 年": " yr", "开始公示": "Start notice",
        "{name}（{no}，{level} {amount}）": "{name} ({no}, {level} {amount})",
        "将公示{year}年金秋助学 {n} 名：{names}。\n自{day}起公示{days}天，{first}起可发放。":
            "Put {n} autumn student aid grants of {year} on public notice: {names}.\n"
            "The notice runs {days} days from {day}; payable from {first}.",
        "{year}年没有待公示的金秋助学": "No autumn student aid of {year} awaits public notice",
    },
    "AidCampaigns": {
        "{start} 至 {end}": "{start} to {end}",
        "请先查找并选择一份在档的困难职工档案": "Find and select a hardship file on file first",
        "请先查找并选择一名会员": "Find and select a member first",
    },
    "CampaignDialog": {"新活动默认使用帮扶设置中的上限": "A new campaign takes the caps of the aid settings"},
    # 结束登记 is a button, the title and button of its question and a {doing}: capitalised for the button
    "CampaignsDialog": {
        "撤销": "Undo",
        "修改慰问对象": "Edit recipient",
        "请先在名单中选择要修改的慰问对象": "First choose the recipient to edit in the list",
        "修改选中慰问对象的类别、慰问金、慰问品、日期和慰问人（也可双击）":
            "Edit the selected recipient's group, cash gift, gift, date and visitor (or double-click)",
        "没有可撤销的添加、修改或移除": "Nothing to undo",
        "撤销{what}（Ctrl+Z）": "Undo: {what} (Ctrl+Z)",
        "添加 {name}": "add {name}",
        "修改 {name}": "edit {name}",
        "移除 {name}": "remove {name}",
        "无法撤销{what}：{why}": "Cannot undo {what}: {why}",
        "送温暖活动": "Warmth campaigns", "活动名称": "Campaign", "节日": "Festival", "活动日期": "Dates",
        "人数": "People", "慰问金（元）": "Cash gifts (yuan)", "新建活动…": "New campaign…", "活动": "Campaigns",
        "修改…": "Edit…", "活动信息": "Campaign", "按类别合计": "Totals by group", "类别": "Group",
        "身份证号": "ID number", "慰问品": "Gift", "慰问人": "Visited by", "来源": "Source",
        "添加对象…": "Add recipient…", "移除": "Remove", "结束登记": "Close registration",
        "打印签领表…": "Print receipt list…", "已结束": "Closed", "登记中": "Open",
        "还没有送温暖活动": "No warmth campaigns yet",
        "点“新建活动…”登记一次送温暖活动（如2027年春节送温暖）。":
            "Click “New campaign…” to record a warmth campaign (e.g. the 2027 Spring Festival warmth campaign).",
        "{year}年度 · {festival} · {dates}\n慰问对象：{groups}\n每次慰问金上限 {visit} 元；每人每年上限 {yearly} 元":
            "{year} · {festival} · {dates}\nRecipients: {groups}\n"
            "Cash gift cap: {visit} yuan a visit; {yearly} yuan a person a year",
        "备注：{0}": "Remarks: {0}",
        "已于{day}结束登记：签领表已定，名单和活动信息只能查看。":
            "Registration closed on {day}: the receipt list is final; the list and the campaign can only be viewed.",
        "登记送温暖活动": "record warmth campaigns", "；您只能查看。": "; you can only view them.",
        "{group}：{n} 人，{amount} 元": "{group}: {n} people, {amount} yuan",
        "合计：{n} 人，慰问金 {amount} 元，慰问品 {gifts} 份":
            "Total: {n} people, {amount} yuan in cash gifts, {gifts} gifts",
        "请先在左侧选择一个活动": "Select a campaign on the left first",
        "本活动已于{day}结束登记，不能再{doing}":
            "The campaign's registration closed on {day}: you can no longer {doing}",
        "新建送温暖活动": "create a warmth campaign",  # a {doing}, and the title of the new campaign's dialog
        "登记一次送温暖活动：名称、日期、慰问对象类别和慰问金上限":
            "Record a warmth campaign: name, dates, recipient groups and cash gift caps",
        "修改活动信息": "edit the campaign", "修改活动名称、日期、慰问对象类别和上限":
            "Edit the campaign's name, dates, recipient groups and caps",
        "添加慰问对象": "add recipients",
        "从在档的困难职工档案、会员或非会员（姓名和身份证号）中添加慰问对象":
            "Add a recipient from the hardship files on file, the members, or a non-member (name and ID number)",
        "移除慰问对象": "remove recipients",  # a {doing}, and the title of the question
        "请先在名单中选择要移除的慰问对象": "Select the recipient to remove in the list first",
        "把选中的慰问对象从本活动名单中移除": "Remove the selected recipient from the campaign's list",
        "名单确定后结束登记；之后本活动只能查看和打印":
            "Close registration once the list is final; the campaign can then only be viewed and printed",
        "正在生成签领表……": "Making the receipt list…",
        "打印本活动的签领表（身份证号隐藏中间几位）":
            "Print the campaign's receipt list (the middle of ID numbers hidden)",
        "修改活动：{name}": "Edit campaign: {name}",
        "结束“{name}”的登记吗？现有 {n} 名慰问对象、慰问金 {amount} 元。"
        "结束后不能再添加、移除或修改，只能查看和打印签领表。":
            "Close registration of “{name}”? It has {n} recipients and {amount} yuan in cash gifts. Afterwards "
            "nothing can be added, removed or changed; the receipt list can only be viewed and printed.",
        "把 {name}（{group}）从“{campaign}”的名单中移除吗？": "Remove {name} ({group}) from the list of “{campaign}”?",
        "{0}（{1}）": "{0} ({1})",
        "无法打印": "Cannot print",
        "已取消生成签领表。": "Making the receipt list was cancelled.",
    },
    "RecipientDialog": {
        "姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号":
            "Name, pinyin initials (e.g. zs), ID number or its last 4, member no.",
        "添加慰问对象：{name}": "Add recipient: {name}", "困难职工档案（在档）": "Hardship files (on file)",
        "会员": "Members", "非会员": "Non-member", "慰问对象": "Recipient",
        "留空则按来源：困难职工档案为困难职工，新就业形态会员为新就业形态劳动者":
            "Leave empty to go by the source: a hardship file gives hardship workers, a member in new forms of "
            "employment gives new-employment workers",
        "元，最多两位小数；慰问金和慰问品至少填写一项":
            "yuan, at most two decimals; fill in a cash gift, a gift or both",
        "档案编号、姓名或身份证号；只列在档的档案": "File no., name or ID number; only files on file are listed",
        "档案编号": "File no.", "困难类别": "Category", "主要致困原因": "Main cause",
        "姓名、拼音首字母（如 zs）、身份证号或后4/6位、会员编号":
            "Name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, member no.",
        "只列新就业形态劳动者（快递员、外卖送餐员、网约车司机等）":
            "Only workers in new forms of employment are listed (couriers, delivery riders, ride-hailing drivers…)",
        "性别": "Gender", "身份证号": "ID number", "就业形态": "Employment form", "工作单位": "Employer",
        "不是本会会员的慰问对象：填写姓名和身份证号（校验位和出生日期都会检查）。":
            "A recipient who is not a member: enter the name and ID number (its check digit and date of birth "
            "are checked).",
        "没有找到在档的困难职工档案": "No hardship file on file found",
        "还没有在档的困难职工档案": "No hardship files on file yet",
        "只列出前{n}份，请输入更多内容缩小范围": "Only the first {n} are listed: type more to narrow the search",
        "找到{n}份在档档案": "{n} files on file found",
        "输入姓名、拼音首字母或身份证号查找会员": "Type a name, pinyin initials or ID number to find a member",
        "没有找到在会会员；非会员请在“非会员”页填写":
            "No active member found; enter a non-member on the “Non-member” page",
        "只列出前{n}人，请输入更多内容缩小范围": "Only the first {n} are listed: type more to narrow the search",
        "找到{n}人": "{n} found",
    },
    "AidValues": {
        "申请": "Application",
        "入户核查": "Home check",
        "审核": "Review",
        "公示": "Public notice",
        "在档": "On file",
        "解困脱困": "Out of hardship",
        "注销": "Closed",
        "审批": "Approval",
        "异议成立，退回审核": "Objection upheld, back to review",
        "异议不成立": "Objection dismissed",
        "继续在档": "Stays on file",
        "调整类别": "Category changed",
        "原始档案": "Original records",
        "财务档案": "Financial records",
        "日常工作档案": "Day-to-day records",
        "退回审核": "Back to review",
        "您没有{step}的权限：只有{who}可以{step}": 'You may not do "{step}": only {who} may',
        "档案 {no} 当前为{now}，不能{step}": 'File {no} is now "{now}": "{step}" is not possible',
        "请先登记已收到{papers}（入户核查时由申请人签字）":
            "First record {papers} as received (signed by the applicant at the home check)",
        "建档人不能审批自己建立的档案": "The person who opened a file cannot approve it",
        "入户核查人不能审批自己核查的档案": "The person who made the home check cannot approve the file",
        "公示期间有{n}条异议尚未处理，处理后才能审批":
            "{n} objection(s) to the public notice are open: approve once they are settled",
        "公示{days}天（{start}至{last}），{first}起才能审批":
            "Public notice of {days} days ({start} to {last}): approval from {first}",
        "档案状态": "File status",
        "{field}：{reason}": "{field}: {reason}",
    },
    "EditGrantDialog": {
        "修改金秋助学：{name}（{year}年）": "Edit student aid: {name} ({year})",
        "已于{day}开始公示：改变就读阶段（及资助金额）后须重新公示才能发放。":
            "Public notice began on {day}: a new level (and amount) needs a new public notice before paying.",
    },
    "EditPaymentDialog": {
        "修改帮扶：{no}": "Edit payment: {no}",
        "该记录为金秋助学发放：类型和金额按资助标准，不在此修改（如需修改请在“金秋助学”页修改或撤销登记）。":
            ("A student aid payment: its type and amount follow the grant and are not changed here (change or withdr"
             "aw it on the Student aid page)."),
        "金秋助学的类型和金额按资助标准，请在“金秋助学”页修改":
            "A student aid payment's type and amount follow the grant: change them on the Student aid page",
    },
    "FullValues": {
        "显示完整信息": "Show full values",
        "显示{field}": "Show {field}",
        "查看完整信息": "see full values",
        "没有隐藏的信息": "Nothing is hidden",
        "显示隐藏的身份证号、电话、收入等敏感信息；每次查看都记入审计日志":
            ("Show the hidden ID numbers, phones, incomes and other sensitive values; every view is written to the a"
             "udit log"),
    },
    "RecipientEditDialog": {
        "修改慰问对象：{name}": "Edit recipient: {name}",
        "慰问对象": "Recipient",
        "{name}　{number}\n来源：{source}": "{name}  {number}\nFrom: {source}",
        "要换成另一人，请移除本条后重新添加。": "To change the person, remove this one and add the other.",
        "慰问金已同时记入其困难职工档案的帮扶记录（送温暖慰问），修改或移除时一并更改。":
            "The cash gift is also an aid payment (warmth visit) in the hardship file; it changes with the recipient.",
        "元，最多两位小数；慰问金和慰问品至少填写一项": "yuan, at most 2 decimals; a cash gift or a gift, or both",
    },
    "ComplianceCheck": {
        "来件核查：有{n}条困难帮扶记录不符合本库的帮扶设置或规定，请在“困难帮扶”中点“来件核查…”查看。":
            ("Check of what came in: {n} hardship aid record(s) break this database's settings or rules; see Hardshi"
             "p aid → Check incoming…"),
        "来件核查…": "Check incoming…",
        "核查…": "Check…",
        ("按本库的帮扶设置核查报来的档案、帮扶记录和金秋助学：超限无理由、非在档发放、审批环节不合规定、公示未满即发"
         "放、一人多档未处理"):
            ("Check the files, payments and student aid sent in against this database's settings: caps without a rea"
             "son, payments off file, irregular approvals, paid before the public notice ended, one person on two fi"
             "les"),
        "核查本街道的档案、帮扶记录和金秋助学是否符合帮扶规定":
            "Check this office's files, payments and student aid against the rules",
    },
    "ComplianceDialog": {
        "来件核查": "Check incoming",
        "帮扶核查": "Aid check",
        "记录": "Record",
        "档案编号": "File no.",
        "内容": "Details",
        "姓名（身份证号）": "Name (ID number)",
        "问题": "Problem",
        "街道": "Sub-district",
        "双击打开该记录所在的档案": "Double-click to open the record's file",
        ("按本库的帮扶设置（限额、公示天数）核查：上报单位已按其设置办理的记录照常保存，这里列出需要核实的记录，不修"
         "改任何数据。"):
            ("Checked against this database's aid settings (caps, public notice days): records the sending office ha"
             "ndled under its own settings are kept as sent; the ones to verify are listed here, and nothing is chan"
             "ged."),
        "按本街道的帮扶设置（限额、公示天数）核查，列出需要核实的记录，不修改任何数据。":
            ("Checked against this office's aid settings (caps, public notice days): the records to verify are liste"
             "d; nothing is changed."),
        "复制": "Copy",
        "复制为制表符分隔的文本，可粘贴到电子表格": "Copy as tab-separated text to paste into a spreadsheet",
        "刷新": "Refresh",
        "关闭": "Close",
        "全部年度": "All years",
        "{year}年": "{year}",
        "年度": "Year",
        "全部街道": "All sub-districts",
        "共{n}条需要核实": "{n} to verify",
        "没有发现不合规定的记录": "No record breaks the rules",
        "这笔应急救助的收款人没有档案，请在帮扶记录中查看。":
            "This emergency aid's payee has no file: see it among the payments.",
    },
}


def lookup(context: str, source: str) -> str | None:
    return BY_CONTEXT.get(context, {}).get(source, COMMON.get(source))


def fill(path: Path = TS) -> list[tuple[str, str]]:
    """Fill the unfinished messages of ``path``; returns the (context, source) pairs left unfinished."""
    tree = ET.parse(path)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue  # finished, or vanished/obsolete: leave it alone
            source = message.findtext("source", "")
            text = lookup(name, source)
            if text is None:
                missing.append((name, source))
                continue
            translation.text = text
            del translation.attrib["type"]
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return missing


def main() -> int:
    missing = fill()
    for context, source in missing:
        print(f"not in the glossary: [{context}] {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
