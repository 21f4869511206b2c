<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/ui/about.py" line="+13"/>
        <source>UnionDesk 街道工会台账</source>
        <translation>UnionDesk Trade-Union Registry</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{program}
版本 {version}

会员、暖心驿站、技能竞赛、困难帮扶的离线台账。</source>
        <translation>{program}
Version {version}

Offline registers of members, warm stations, skills competitions and hardship assistance.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>关于 {program}</source>
        <translation>About {program}</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="+56"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location line="+13"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
</context>
<context>
    <name>AidActionBar</name>
    <message>
        <location filename="../../desktop/ui/aid/form_widgets.py" line="+69"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>困难职工档案不能删除：请在“流程”中注销（撤档），档案按规定保存</source>
        <translation>A hardship file cannot be deleted: close it on the “Workflow” page; files are kept as the rules require</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改档案</source>
        <translation>edit the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>保存档案</source>
        <translation>save the file</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>恢复为打开时的内容（Esc）</source>
        <translation>Back to the values when opened (Esc)</translation>
    </message>
</context>
<context>
    <name>AidCampaigns</name>
    <message>
        <location filename="../../desktop/ui/aid/campaign_dialogs.py" line="+320"/>
        <source>请先查找并选择一份在档的困难职工档案</source>
        <translation>Find and select a hardship file on file first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请先查找并选择一名会员</source>
        <translation>Find and select a member first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/campaigns.py" line="+56"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>AidCaseForm</name>
    <message>
        <location filename="../../desktop/ui/aid/form.py" line="+58"/>
        <source>不填则自动编号</source>
        <translation>Empty: numbered on saving</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>新档案</source>
        <translation>new file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>档案 {no}</source>
        <translation>File {no}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>修改档案</source>
        <translation>change files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案已撤档，不能再修改</source>
        <translation>This file is closed and cannot be changed</translation>
    </message>
    <message>
        <source>显示{field}</source>
        <translation type="vanished">Show {field}</translation>
    </message>
    <message>
        <source>查看完整信息</source>
        <translation type="vanished">view full details</translation>
    </message>
    <message>
        <source>没有隐藏的信息</source>
        <translation type="vanished">Nothing is hidden</translation>
    </message>
    <message>
        <source>显示隐藏的身份证号、银行卡号、健康、收入等信息；每次查看都记入审计日志</source>
        <translation type="vanished">Show the hidden ID number, bank account, health, income and other details; every view is audited</translation>
    </message>
</context>
<context>
    <name>AidCaseHeader</name>
    <message>
        <location filename="../../desktop/ui/aid/form_widgets.py" line="-45"/>
        <source>只读：您没有录入和修改台账的权限，只能查看档案。</source>
        <translation>Read-only: you may not enter or change records, only view the file.</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation type="vanished">Show full details</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>建立困难职工档案（申请）</source>
        <translation>New hardship file (application)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按身份证号选择本单位会员；一户一档：已有未撤档档案的职工或其家庭成员不能再建档。档案编号不填则自动编号。</source>
        <translation>Choose a member of our office by ID number. One file per household: a worker, or a household member, with a file not closed cannot have another. Leave File no. empty to have it numbered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未选择档案</source>
        <translation>No file selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在左侧列表中选择一个档案查看。</source>
        <translation>Select a file in the list on the left.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>建档人 {filer} · 最后修改：第 {rev} 版 · {at} · {by}</source>
        <translation>Filed by {filer} · Last changed: version {rev} · {at} · {by}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已于 {on} 撤档（{reason}），不能再修改。</source>
        <translation>Closed on {on} ({reason}): it can no longer change. </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>可于 {day} 起匿名化（保存期满）。</source>
        <translation>It may be anonymised from {day} (kept long enough).</translation>
    </message>
</context>
<context>
    <name>AidCaseReviews</name>
    <message>
        <location filename="../../desktop/ui/aid/case_reviews.py" line="+20"/>
        <source>年度复核</source>
        <translation>Yearly reviews</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>入户/材料</source>
        <translation>Visit/docs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>复核结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>复核日期</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>复核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复核意见</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>待复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（{category}）</source>
        <translation> ({category})</translation>
    </message>
</context>
<context>
    <name>AidChanges</name>
    <message>
        <location filename="../../desktop/ui/aid/saving.py" line="+48"/>
        <source>建立困难职工档案 {no}</source>
        <translation>Opened hardship file {no}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>修改档案 {no} 的{fields}</source>
        <translation>Changed {fields} of file {no}</translation>
    </message>
</context>
<context>
    <name>AidDocuments</name>
    <message>
        <location filename="../../desktop/ui/aid/documents.py" line="+51"/>
        <source>勾选表示已收到（日期为今天，可双击修改）；入户核查前须收到申请书和家庭经济状况核对授权委托书。</source>
        <translation>Ticked means received (dated today; double-click to change). The application and the authorisation to check the household&apos;s finances must be in before the home check.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>其他材料名称，如 低保证复印件</source>
        <translation>Another document, e.g. allowance card copy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>添加已收到的材料</source>
        <translation>Add a document received</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>登记档案材料</source>
        <translation>record documents</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>登记一份清单以外的材料，收到日期为今天</source>
        <translation>Record a document not on the checklist, received today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存档案后登记材料</source>
        <translation>Save the file first to record its documents</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name}（其他）</source>
        <translation>{name} (other)</translation>
    </message>
</context>
<context>
    <name>AidFields</name>
    <message>
        <location filename="../../desktop/ui/aid/fields_panel.py" line="+49"/>
        <source>填写家庭收入和人口后给出建议类别</source>
        <translation>A category is suggested once household income and size are filled in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未设置{year}年低保标准（设置→帮扶设置）</source>
        <translation>No minimum living allowance line is set for {year} (Settings → Aid settings)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>建议：深度困难（人均 {pc} 元 &lt; 低保线 {line} 元）</source>
        <translation>Suggested: severe hardship (per capita {pc} yuan &lt; allowance line {line} yuan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>建议：{category}（人均 {pc} 元 &lt; 低保线两倍 {line} 元）</source>
        <translation>Suggested: {category} (per capita {pc} yuan &lt; twice the allowance line, {line} yuan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>人均 {pc} 元 ≥ 低保线两倍 {line} 元：无建议类别</source>
        <translation>Per capita {pc} yuan ≥ twice the allowance line, {line} yuan: no category suggested</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>选择次要原因…</source>
        <translation>Choose other causes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>最多三项，不能与主要致困原因相同</source>
        <translation>At most three, none of them the main cause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>档案不能修改</source>
        <translation>The file cannot be changed</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+2"/>
        <source>姓名：{name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不是本单位的会员，请先登记会员</source>
        <translation>Not a member of our office: register the member first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>输入本单位会员的身份证号，显示姓名</source>
        <translation>Type the ID number of a member of our office to see the name</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>家庭月人均收入：{pc} 元</source>
        <translation>Income per capita a month: {pc} yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭月人均收入 = 年度总收入 ÷ 12 ÷ 家庭人口</source>
        <translation>Income per capita a month = yearly income ÷ 12 ÷ household size</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>最多{n}项</source>
        <translation>At most {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不能与主要致困原因相同</source>
        <translation>Cannot be the main cause</translation>
    </message>
</context>
<context>
    <name>AidHousehold</name>
    <message>
        <location filename="../../desktop/ui/aid/household.py" line="+48"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>移除家庭成员</source>
        <translation>Remove household member</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>查看完整信息</source>
        <translation>view full details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请先选择一位家庭成员</source>
        <translation>Select a household member first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有隐藏的信息</source>
        <translation>Nothing is hidden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>显示所选成员的身份证号、健康状况和收入；每次查看都记入审计日志</source>
        <translation>Show the selected member&apos;s ID number, health and income; every view is audited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记家庭成员</source>
        <translation>record household members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存档案后添加家庭成员；撤档的档案不能修改</source>
        <translation>Save the file before adding household members; a closed file cannot change</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>修改家庭成员：{0}</source>
        <translation>Edit household member: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>把“{0}”从家庭成员中移除吗？</source>
        <translation>Remove “{0}” from the household members?</translation>
    </message>
</context>
<context>
    <name>AidMoneyActions</name>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+488"/>
        <source>应急救助…</source>
        <translation>Emergency aid…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>发放应急救助</source>
        <translation>pay emergency aid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>向没有在档档案的职工发放应急救助（填写姓名、身份证号和事由）</source>
        <translation>Pay emergency aid to a worker without a file on file (name, ID number and reason)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度统计…</source>
        <translation>Year totals…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>某年各类帮扶的笔数和金额</source>
        <translation>A year&apos;s payments and amounts by aid type</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>应急救助</source>
        <translation>Emergency aid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已登记向{name}发放的应急救助 {amount}。</source>
        <translation>Recorded emergency aid of {amount} to {name}.</translation>
    </message>
</context>
<context>
    <name>AidPayments</name>
    <message>
        <location line="-446"/>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>本月已有同类帮扶</source>
        <translation>Same aid this month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}

仍要发放吗？</source>
        <translation>{what}

Pay anyway?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>仍要发放</source>
        <translation>Pay anyway</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>{kind} {n}笔 {amount}</source>
        <translation>{kind}: {n} payments, {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year}年：{parts}；合计 {n}笔 {amount}</source>
        <translation>{year}: {parts}; total {n} payments, {amount}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>帮扶类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发放方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>审批人</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超限审批</source>
        <translation>Over-cap approval</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>新增帮扶…</source>
        <translation>New payment…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+129"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payment_edit.py" line="+45"/>
        <location filename="../../desktop/ui/aid/payments.py" line="+26"/>
        <location line="+16"/>
        <source>请先在列表中选择一个档案</source>
        <translation>Select a file in the list first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改帮扶记录</source>
        <translation>change aid payments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>档案当前为{status}，已撤档档案的帮扶记录已归档，不能修改</source>
        <translation>The file is {status}: a closed file&apos;s payments are archived and cannot be changed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改</source>
        <translation>A cash gift of &quot;{campaign}&quot;: change it in Warmth campaigns…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>修改选中的记录（双击或回车）；该记录为金秋助学发放，类型和金额按资助标准，如需修改请在“金秋助学”页修改</source>
        <translation>Edit the selected payment (double-click or Enter); a student aid payment&apos;s type and amount follow the grant: change them on the Student aid page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改选中的帮扶记录（双击或回车）：登记有误时更正</source>
        <translation>Edit the selected payment (double-click or Enter) to correct a mistake</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>撤销刚才对{what}的修改（Ctrl+Z）</source>
        <translation>Undo the change to {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-14"/>
        <source>档案 {no}（{status}）的帮扶记录：{n} 笔</source>
        <translation>Aid payments of file {no} ({status}): {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚无帮扶记录</source>
        <translation>No aid payments yet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>登记帮扶</source>
        <translation>record aid payments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案当前为{status}，只有在档的档案才能发放帮扶（未在档职工的应急救助请用列表上方的“应急救助…”）</source>
        <translation>The file is {status}: only a file on file can be paid aid (for emergency aid to a worker without one, use “Emergency aid…” above the list)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+69"/>
        <source>删除帮扶记录</source>
        <translation>delete aid payments</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payment_edit.py" line="-70"/>
        <location filename="../../desktop/ui/aid/payments.py" line="-66"/>
        <source>请先选择一条帮扶记录</source>
        <translation>Select an aid payment first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+2"/>
        <source>该记录为金秋助学发放，请在“金秋助学”页撤销</source>
        <translation>This is an autumn student aid payment: undo it on the “Autumn student aid” page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改或移除该慰问对象</source>
        <translation>A cash gift of &quot;{campaign}&quot;: change or remove the recipient in Warmth campaigns…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>没有可撤销的登记或修改</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>撤销帮扶记录的修改</source>
        <translation>undo changes to aid payments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>登记一笔帮扶：类型、金额、日期、发放方式、凭证号、审批人</source>
        <translation>Record an aid payment: type, amount, date, method, voucher no., approver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除选中的帮扶记录（登记错误时）</source>
        <translation>Delete the selected aid payment (when recorded by mistake)</translation>
    </message>
    <message>
        <source>没有可撤销的登记</source>
        <translation type="vanished">Nothing to undo</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>撤销帮扶记录</source>
        <translation>undo aid payments</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payment_edit.py" line="+71"/>
        <source>撤销刚才登记的{what}（Ctrl+Z）</source>
        <translation>Undo the payment just recorded: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+32"/>
        <location line="+15"/>
        <source>{day} 的{kind} {amount}</source>
        <translation>the {kind} of {amount} on {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除{what}吗？
删除的记录保留在审计记录中。</source>
        <translation>Delete {what}?
The deleted record stays in the audit log.</translation>
    </message>
</context>
<context>
    <name>AidReview</name>
    <message>
        <location filename="../../desktop/ui/aid/review_dialog.py" line="+43"/>
        <source>入户</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>登记复核结果：档案 {no} · {name}</source>
        <translation>Record review: file {no} · {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind}复核</source>
        <translation>{kind} review</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>复核结果为调整类别时选择</source>
        <translation>Choose when the result changes the category</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>即撤档原因，最多60字</source>
        <translation>The reason for closing the file, at most 60 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入户或查阅材料核实的情况</source>
        <translation>What the home visit or the documents showed</translation>
    </message>
</context>
<context>
    <name>AidSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/settings_dialog.py" line="+51"/>
        <source>帮扶设置</source>
        <translation>Aid settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>低保标准（按年度，元/月）</source>
        <translation>Minimum living allowance line (by year, yuan a month)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+167"/>
        <location line="+3"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>低保标准（元/月）</source>
        <translation>Allowance line (yuan a month)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>添加年度</source>
        <translation>Add year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>档案按建档当年的低保标准给出建议类别；某年没有标准时沿用此前最近一年的。</source>
        <translation>A file&apos;s category is suggested by the allowance line of the year it was filed; a year without one takes the latest year before it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全总规定撤档后至少保存10年</source>
        <translation>The ACFTU rules keep closed files 10 years at least</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示天数</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤档后保存年限</source>
        <translation>Keep closed files</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>帮扶类型</source>
        <translation>Aid type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>单笔限额（元）</source>
        <translation>Cap a payment (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每人每年限额（元）</source>
        <translation>Cap a person a year (yuan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>就读阶段</source>
        <translation>School level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>资助标准（元）</source>
        <translation>Grant (yuan)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>留空表示不设限额；超过限额须由审核人审批并填写理由。</source>
        <translation>Leave empty for no cap; a payment over the cap needs an approver&apos;s approval and a reason.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>帮扶限额</source>
        <translation>Aid caps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>留空表示该阶段不资助；登记时按此标准确定资助金额。</source>
        <translation>Leave empty for no grant at that level; a grant is registered at this amount.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>金秋助学标准</source>
        <translation>Autumn student aid amounts</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>送温暖慰问金上限（新建活动的默认值，元）</source>
        <translation>Warmth campaign cash gift caps (for new campaigns, yuan)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>每次慰问金上限</source>
        <translation>Cap a visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每人每年慰问金上限</source>
        <translation>Cap a person a year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已建的活动保留各自的上限；每人每年上限计入当年所有送温暖活动。</source>
        <translation>Existing campaigns keep their caps; the yearly cap a person counts all the year&apos;s warmth campaigns.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 元不能高于每人每年上限 {1} 元</source>
        <translation>{0} yuan cannot be above the yearly cap of {1} yuan</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>修改帮扶设置</source>
        <translation>change aid settings</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>应为四位数字的年份：{0}</source>
        <translation>Must be a four-digit year: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}年填写了两次</source>
        <translation>{0} is entered twice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请填写{0}年的低保标准</source>
        <translation>Enter the allowance line of {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{kind}：每人每年限额不能小于单笔限额</source>
        <translation>{kind}: the cap a person a year cannot be below the cap a payment</translation>
    </message>
</context>
<context>
    <name>AidSteps</name>
    <message>
        <location filename="../../desktop/ui/aid/steps.py" line="+84"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>公示异议</source>
        <translation>Objections to the public notice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>异议日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>处理意见</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登记异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>处理异议…</source>
        <translation>Settle objection…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>保存档案后在此办理流程：入户核查 → 审核 → 公示 → 审批</source>
        <translation>Save the file to run its workflow here: home check → review → public notice → approval</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>档案 {no} · {name}</source>
        <translation>File {no} · {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{step}…</source>
        <translation>{step}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>办理“{step}”：填写意见和日期</source>
        <translation>Record “{step}”: enter an opinion and the date</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>登记公示异议</source>
        <translation>record objections</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登记公示期间收到的异议</source>
        <translation>Record an objection received during the public notice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选择一条待处理的异议，填写处理结果和意见</source>
        <translation>Select a pending objection and enter the outcome and the reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只有{who}或{approvers}可以处理公示异议</source>
        <translation>Only {who} or {approvers} may settle objections</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>撤档原因*</source>
        <translation>Reason for closing*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{step}意见*</source>
        <translation>Opinion ({step})*</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{step}：档案 {no}</source>
        <translation>{step}: file {no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最多60字</source>
        <translation>At most 60 characters</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>登记公示异议：档案 {no}</source>
        <translation>Record objection: file {no}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>异议内容*</source>
        <translation>Objection*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>谁、何时、对什么提出异议</source>
        <translation>Who objected, when, and to what</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>处理公示异议：档案 {no}</source>
        <translation>Settle objection: file {no}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>处理意见*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核实情况与结论</source>
        <translation>What was checked, and the conclusion</translation>
    </message>
</context>
<context>
    <name>AidStudents</name>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="+64"/>
        <source>已发放（{day}）</source>
        <translation>Paid ({day})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已获其他资助，不予发放</source>
        <translation>Aided elsewhere: not paid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>待公示</source>
        <translation>Awaiting notice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>公示中（{day}起可发放）</source>
        <translation>On notice (payable from {day})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示期满，待发放</source>
        <translation>Notice over, to pay</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>就读阶段</source>
        <translation>School level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>资助金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已获其他资助</source>
        <translation>Aided elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>登记助学…</source>
        <translation>Register aid…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>发放…</source>
        <translation>Pay…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>金秋助学公示…</source>
        <translation>Public notice…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+101"/>
        <location line="+49"/>
        <source>撤销登记</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>公示金秋助学</source>
        <translation>put autumn student aid on public notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示本街道某年已登记、尚未公示的金秋助学名单（全部档案）</source>
        <translation>Put a year&apos;s autumn student aid registered in this sub-district and not yet on notice on public notice (all files)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+23"/>
        <source>请先在列表中选择一个档案</source>
        <translation>Select a file in the list first</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>档案 {no} 家庭中的学生（子女、孙子女、兄弟姐妹）；资助金额按帮扶设置中的就读阶段标准，公示{days}天后发放</source>
        <translation>Students in the household of file {no} (children, grandchildren, siblings); the grant follows the school-level amounts of the aid settings and is paid after {days} days of public notice</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}（{relation}）</source>
        <translation>{name} ({relation})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>登记金秋助学</source>
        <translation>register autumn student aid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只有在档档案的学生才能申请金秋助学</source>
        <translation>Only a student of a file on file can apply for autumn student aid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>家庭成员中没有子女、孙子女或兄弟姐妹：请先在“家庭成员”页登记</source>
        <translation>The household has no children, grandchildren or siblings: record them on the “Household members” page first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发放金秋助学</source>
        <translation>pay autumn student aid</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>修改选中的金秋助学（双击）：就读阶段、学校、是否已获其他资助、备注</source>
        <translation>Edit the selected grant (double-click): level, school, aid elsewhere, remarks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销选中的金秋助学登记（登记错误时；已发放的连同其帮扶记录）</source>
        <translation>Withdraw the selected grant (entered by mistake; a paid one with its payment)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{year}年{level}</source>
        <translation>{year} {level}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>撤销金秋助学登记</source>
        <translation>withdraw student aid grants</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/grant_edit.py" line="+46"/>
        <source>{name}{year}年{level} {amount}</source>
        <translation>{name}, {year} {level}, {amount}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../desktop/ui/aid/students.py" line="-73"/>
        <source>请先选择一条已登记的金秋助学</source>
        <translation>Select a registered student aid first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案已撤档，其金秋助学不能{doing}</source>
        <translation>The file is closed: its student aid cannot be changed ({doing})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已于{day}发放，不能修改；登记有误请“撤销登记”（连同其帮扶记录）</source>
        <translation>Paid on {day}: it cannot be changed; if it is wrong, Withdraw it (with its payment)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>撤销{what}的金秋助学登记吗？</source>
        <translation>Withdraw the student aid grant of {what}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
已于{day}发放，其帮扶记录（助学救助 {amount}）一并撤销。</source>
        <translation>
Paid on {day}: its payment (student aid {amount}) is withdrawn with it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
撤销的登记保留在审计记录中，可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>
The withdrawn grant stays in the audit trail; Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>撤销刚才登记的{what}（Ctrl+Z）</source>
        <translation>Undo adding {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销刚才对{what}的修改（Ctrl+Z）</source>
        <translation>Undo the change to {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复刚才撤销登记的{what}（Ctrl+Z）</source>
        <translation>Bring back the withdrawn {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="+3"/>
        <source>已于{day}发放</source>
        <translation>Paid on {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该学生已获其他资助，不予发放</source>
        <translation>The student is aided elsewhere: not paid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未公示：请先用“金秋助学公示…”公示，公示期满才能发放</source>
        <translation>Not on public notice yet: use “Public notice…” first; it can be paid once the notice is over</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>公示期至{last}，{first}起才能发放</source>
        <translation>On public notice until {last}: payable from {first}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只有在档档案的学生才能发放金秋助学</source>
        <translation>Only a student of a file on file can be paid autumn student aid</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>撤销金秋助学的登记或修改</source>
        <translation>undo student aid entries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有可撤销的登记、修改或撤销登记</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>为家庭中的学生登记本年度金秋助学</source>
        <translation>Register this year&apos;s autumn student aid for a student of the household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放选中的金秋助学（记入帮扶记录）</source>
        <translation>Pay the selected student aid (recorded in the aid payments)</translation>
    </message>
</context>
<context>
    <name>AidTab</name>
    <message>
        <location filename="../../desktop/ui/aid/tab.py" line="+41"/>
        <source>档案信息</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难帮扶</source>
        <translation>Hardship aid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>查找：档案编号、姓名、身份证号</source>
        <translation>Find: file no., name, ID number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复核：全部</source>
        <translation>Review: all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今年需复核</source>
        <translation>Due this year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在档且年度复核日期在今年年底前（含已逾期）的档案</source>
        <translation>Files on file whose yearly review falls by the end of this year (overdue ones included)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>年度复核…</source>
        <translation>Yearly review…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今年需复核的档案，随机抽取不少于30%入户复核，登记复核结果</source>
        <translation>The files due for review this year: draw at least 30% at random for a home visit review, and record the results</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>送温暖活动…</source>
        <translation>Warmth campaigns…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>两节送温暖：活动、慰问对象、按类别合计和签领表</source>
        <translation>New Year and Spring Festival warmth campaigns: campaigns, recipients, totals by group and receipt lists</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>家庭成员</source>
        <translation>Household members</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>流程</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>帮扶记录</source>
        <translation>Aid payments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>金秋助学</source>
        <translation>Autumn student aid</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>待我审批（{n}）</source>
        <translation>Awaiting my approval ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示期满、没有未处理异议、不是您建档或核查的档案</source>
        <translation>Files whose public notice is over, with no open objection, not filed or checked by you</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有等待您审批的档案</source>
        <translation>No files await your approval</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{no} {name}（{category}，公示自 {on}）</source>
        <translation>{no} {name} ({category}, on public notice since {on})</translation>
    </message>
</context>
<context>
    <name>AidUndo</name>
    <message>
        <location filename="../../desktop/ui/aid/saving.py" line="-9"/>
        <source>建档不能撤销：请在“流程”中注销（撤档）</source>
        <translation>Opening a file cannot be undone: close it on the “Workflow” page</translation>
    </message>
</context>
<context>
    <name>AidValues</name>
    <message>
        <location filename="../../desktop/ui/aid/texts.py" line="+22"/>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>入户核查</source>
        <translation>Home check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在档</source>
        <translation>On file</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>解困脱困</source>
        <translation>Out of hardship</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>注销</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>异议成立，退回审核</source>
        <translation>Objection upheld, back to review</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>异议不成立</source>
        <translation>Objection dismissed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>继续在档</source>
        <translation>Stays on file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>调整类别</source>
        <translation>Category changed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>原始档案</source>
        <translation>Original records</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>财务档案</source>
        <translation>Financial records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日常工作档案</source>
        <translation>Day-to-day records</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>退回审核</source>
        <translation>Back to review</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>您没有{step}的权限：只有{who}可以{step}</source>
        <translation>You may not do &quot;{step}&quot;: only {who} may</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案 {no} 当前为{now}，不能{step}</source>
        <translation>File {no} is now &quot;{now}&quot;: &quot;{step}&quot; is not possible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请先登记已收到{papers}（入户核查时由申请人签字）</source>
        <translation>First record {papers} as received (signed by the applicant at the home check)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>建档人不能审批自己建立的档案</source>
        <translation>The person who opened a file cannot approve it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入户核查人不能审批自己核查的档案</source>
        <translation>The person who made the home check cannot approve the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示期间有{n}条异议尚未处理，处理后才能审批</source>
        <translation>{n} objection(s) to the public notice are open: approve once they are settled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>公示{days}天（{start}至{last}），{first}起才能审批</source>
        <translation>Public notice of {days} days ({start} to {last}): approval from {first}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>档案状态</source>
        <translation>File status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/results_dialogs.py" line="+128"/>
        <source>登记申诉</source>
        <translation>Record appeal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{no} {name}</source>
        <translation>{no} {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>申诉的事项和理由，如：实操第2号评委评分有误</source>
        <translation>What is appealed and why, e.g. practical: judge 2&apos;s score is wrong</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请选择参赛选手</source>
        <translation>Choose an entrant</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <location filename="../../desktop/ui/common/ask.py" line="+27"/>
        <source>“{name}”的修改还没有保存。要保存吗？</source>
        <translation>The changes to “{name}” are not saved. Save them?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>尚未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>BatchTransfer</name>
    <message>
        <location filename="../../desktop/ui/sync/transfer.py" line="+50"/>
        <source>第{0}/{1}个文件：{2}
已处理 {3:,} / {4:,} 行</source>
        <translation>File {0} of {1}: {2}
{3:,} of {4:,} rows done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在导入批次……</source>
        <translation>Importing batches…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0}：未导入。{1}</source>
        <translation>{0}: not imported. {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>

在它之前的批次已导入，见导入结果。</source>
        <translation>

The batches before it were imported; see the results.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次未导入</source>
        <translation>Batch not imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件 {0} 未导入：
{1}

数据库没有因这个文件改变。{2}</source>
        <translation>File {0} was not imported:
{1}

This file did not change the database.{2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>缺少批次</source>
        <translation>Missing batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

缺少的批次补齐后，这些批次会自动导入。
是否接受缺批，仍然导入？</source>
        <translation>{0}

These batches are imported automatically once the missing batches arrive.
Accept the missing batch and import them now anyway?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入失败：{0}</source>
        <translation>Import failed: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法导入批次</source>
        <translation>Cannot import the batches</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已取消：以上批次已导入，正在导入的批次没有导入。</source>
        <translation>Cancelled: the batches above were imported; the one being imported was not.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已取消，数据库没有改变。</source>
        <translation>Cancelled; the database is unchanged.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在写入批次：{0:,} / {1:,} 行</source>
        <translation>Writing the batch: {0:,} of {1:,} rows</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在导出批次……</source>
        <translation>Exporting the batch…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全量</source>
        <translation>full</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>增量</source>
        <translation>delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已加密</source>
        <translation>encrypted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未加密</source>
        <translation>not encrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导出第{0}批（{1}，{2}）给 {3}，共 {4:,} 行：{5}</source>
        <translation>Exported batch {0} ({1}, {2}) to {3}, {4:,} rows: {5}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发件箱中留有一份：{0}</source>
        <translation>A copy stays in the outbox: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法导出批次</source>
        <translation>Cannot export the batch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取消导出，数据库没有改变。</source>
        <translation>Export cancelled; the database is unchanged.</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../../desktop/ui/sync/models.py" line="+60"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方向</source>
        <translation>Dir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第{0}批</source>
        <translation>#{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/campaign_dialogs.py" line="-218"/>
        <source>新活动默认使用帮扶设置中的上限</source>
        <translation>A new campaign takes the caps of the aid settings</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/campaigns.py" line="+28"/>
        <source>送温暖活动</source>
        <translation>Warmth campaigns</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>活动名称</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>节日</source>
        <translation>Festival</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>活动日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+50"/>
        <source>慰问金（元）</source>
        <translation>Cash gifts (yuan)</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>新建活动…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+32"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>活动信息</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>按类别合计</source>
        <translation>Totals by group</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类别</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>慰问品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>慰问人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>添加对象…</source>
        <translation>Add recipient…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+277"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+153"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+157"/>
        <location line="+56"/>
        <source>结束登记</source>
        <translation>Close registration</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>打印签领表…</source>
        <translation>Print receipt list…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+64"/>
        <source>登记中</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>还没有送温暖活动</source>
        <translation>No warmth campaigns yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点“新建活动…”登记一次送温暖活动（如2027年春节送温暖）。</source>
        <translation>Click “New campaign…” to record a warmth campaign (e.g. the 2027 Spring Festival warmth campaign).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{year}年度 · {festival} · {dates}
慰问对象：{groups}
每次慰问金上限 {visit} 元；每人每年上限 {yearly} 元</source>
        <translation>{year} · {festival} · {dates}
Recipients: {groups}
Cash gift cap: {visit} yuan a visit; {yearly} yuan a person a year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>备注：{0}</source>
        <translation>Remarks: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已于{day}结束登记：签领表已定，名单和活动信息只能查看。</source>
        <translation>Registration closed on {day}: the receipt list is final; the list and the campaign can only be viewed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>登记送温暖活动</source>
        <translation>record warmth campaigns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>；您只能查看。</source>
        <translation>; you can only view them.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{group}：{n} 人，{amount} 元</source>
        <translation>{group}: {n} people, {amount} yuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>合计：{n} 人，慰问金 {amount} 元，慰问品 {gifts} 份</source>
        <translation>Total: {n} people, {amount} yuan in cash gifts, {gifts} gifts</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+31"/>
        <source>请先在左侧选择一个活动</source>
        <translation>Select a campaign on the left first</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>本活动已于{day}结束登记，不能再{doing}</source>
        <translation>The campaign&apos;s registration closed on {day}: you can no longer {doing}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+45"/>
        <source>新建送温暖活动</source>
        <translation>create a warmth campaign</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>登记一次送温暖活动：名称、日期、慰问对象类别和慰问金上限</source>
        <translation>Record a warmth campaign: name, dates, recipient groups and cash gift caps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改活动信息</source>
        <translation>edit the campaign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改活动名称、日期、慰问对象类别和上限</source>
        <translation>Edit the campaign&apos;s name, dates, recipient groups and caps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加慰问对象</source>
        <translation>add recipients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从在档的困难职工档案、会员或非会员（姓名和身份证号）中添加慰问对象</source>
        <translation>Add a recipient from the hardship files on file, the members, or a non-member (name and ID number)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改慰问对象</source>
        <translation>Edit recipient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请先在名单中选择要修改的慰问对象</source>
        <translation>First choose the recipient to edit in the list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改选中慰问对象的类别、慰问金、慰问品、日期和慰问人（也可双击）</source>
        <translation>Edit the selected recipient&apos;s group, cash gift, gift, date and visitor (or double-click)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>移除慰问对象</source>
        <translation>remove recipients</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>请先在名单中选择要移除的慰问对象</source>
        <translation>Select the recipient to remove in the list first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把选中的慰问对象从本活动名单中移除</source>
        <translation>Remove the selected recipient from the campaign&apos;s list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>没有可撤销的添加、修改或移除</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销{what}（Ctrl+Z）</source>
        <translation>Undo: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>名单确定后结束登记；之后本活动只能查看和打印</source>
        <translation>Close registration once the list is final; the campaign can then only be viewed and printed</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+182"/>
        <source>正在生成签领表……</source>
        <translation>Making the receipt list…</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>打印本活动的签领表（身份证号隐藏中间几位）</source>
        <translation>Print the campaign&apos;s receipt list (the middle of ID numbers hidden)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>修改活动：{name}</source>
        <translation>Edit campaign: {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>结束“{name}”的登记吗？现有 {n} 名慰问对象、慰问金 {amount} 元。结束后不能再添加、移除或修改，只能查看和打印签领表。</source>
        <translation>Close registration of “{name}”? It has {n} recipients and {amount} yuan in cash gifts. Afterwards nothing can be added, removed or changed; the receipt list can only be viewed and printed.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>添加 {name}</source>
        <translation>add {name}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>修改 {name}</source>
        <translation>edit {name}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>把 {name}（{group}）从“{campaign}”的名单中移除吗？</source>
        <translation>Remove {name} ({group}) from the list of “{campaign}”?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>移除 {name}</source>
        <translation>remove {name}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>无法撤销{what}：{why}</source>
        <translation>Cannot undo {what}: {why}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取消生成签领表。</source>
        <translation>Making the receipt list was cancelled.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+34"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
</context>
<context>
    <name>ComplianceCheck</name>
    <message>
        <location filename="../../desktop/ui/aid/compliance_dialog.py" line="+159"/>
        <source>来件核查：有{n}条困难帮扶记录不符合本库的帮扶设置或规定，请在“困难帮扶”中点“来件核查…”查看。</source>
        <translation>Check of what came in: {n} hardship aid record(s) break this database&apos;s settings or rules; see Hardship aid → Check incoming…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>来件核查…</source>
        <translation>Check incoming…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>核查…</source>
        <translation>Check…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按本库的帮扶设置核查报来的档案、帮扶记录和金秋助学：超限无理由、非在档发放、审批环节不合规定、公示未满即发放、一人多档未处理</source>
        <translation>Check the files, payments and student aid sent in against this database&apos;s settings: caps without a reason, payments off file, irregular approvals, paid before the public notice ended, one person on two files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核查本街道的档案、帮扶记录和金秋助学是否符合帮扶规定</source>
        <translation>Check this office&apos;s files, payments and student aid against the rules</translation>
    </message>
</context>
<context>
    <name>ComplianceDialog</name>
    <message>
        <location line="-139"/>
        <source>来件核查</source>
        <translation>Check incoming</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>帮扶核查</source>
        <translation>Aid check</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>档案编号</source>
        <translation>File no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名（身份证号）</source>
        <translation>Name (ID number)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+52"/>
        <source>街道</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>双击打开该记录所在的档案</source>
        <translation>Double-click to open the record&apos;s file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按本库的帮扶设置（限额、公示天数）核查：上报单位已按其设置办理的记录照常保存，这里列出需要核实的记录，不修改任何数据。</source>
        <translation>Checked against this database&apos;s aid settings (caps, public notice days): records the sending office handled under its own settings are kept as sent; the ones to verify are listed here, and nothing is changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按本街道的帮扶设置（限额、公示天数）核查，列出需要核实的记录，不修改任何数据。</source>
        <translation>Checked against this office&apos;s aid settings (caps, public notice days): the records to verify are listed; nothing is changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制为制表符分隔的文本，可粘贴到电子表格</source>
        <translation>Copy as tab-separated text to paste into a spreadsheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>共{n}条需要核实</source>
        <translation>{n} to verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有发现不合规定的记录</source>
        <translation>No record breaks the rules</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>这笔应急救助的收款人没有档案，请在帮扶记录中查看。</source>
        <translation>This emergency aid&apos;s payee has no file: see it among the payments.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/conflict_dialog.py" line="+58"/>
        <location line="+200"/>
        <source>处理同步冲突</source>
        <translation>Settle sync conflict</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>仅显示不同</source>
        <translation>Differences only</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>点击某一侧的值选用它（或选中一行后按空格键切换，← 本地，→ 来件）；未选的项保留本地。</source>
        <translation>Click a side&apos;s value to take it (or select a row and press Space: ← ours, → theirs); fields not chosen stay ours.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>确定合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+181"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>{0}“{1}”</source>
        <translation>{0} “{1}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>另有 {0} 份未关闭的记录，下表显示第一份。</source>
        <translation>There are {0} other open records; the table shows the first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本单位有 {0} 条在会记录，下表显示第一条。</source>
        <translation>Our office has {0} active records; the table shows the first.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>来自{0}第{1}批</source>
        <translation>From {0}, batch {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，{0} 导入</source>
        <translation>, imported {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>这条冲突已经处理过，只能查看。</source>
        <translation>This conflict has been settled and can only be viewed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>您没有“{0}”的权限，只能查看这条冲突。</source>
        <translation>You lack the “{0}” permission and can only view this conflict.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已选用来件 {0} 项</source>
        <translation>Theirs taken: {0}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>无法处理冲突</source>
        <translation>Cannot settle the conflict</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>确定要这样处理吗？</source>
        <translation>Settle it this way?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_text.py" line="+23"/>
        <source>保留本地</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>采用来件</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>两者都保留</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>逐项合并</source>
        <translation>Merge field by field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新合并</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃来件</source>
        <translation>Discard theirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同一人在两个单位在会</source>
        <translation>Member in two offices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改了不属于发件单位的记录</source>
        <translation>Change to another office&apos;s record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>双方同时修改了同一记录</source>
        <translation>Changed on both sides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺少所属的上级记录</source>
        <translation>Parent record missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同一人在两个单位都有未关闭的记录</source>
        <translation>Open records in two offices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一人多档</source>
        <translation>One person, several files</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>以本单位现有的记录为准，来件的会员记为转出</source>
        <translation>Our record stands; their member is recorded as transferred out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>以来件为准，本单位现有的在会记录记为转出</source>
        <translation>Their record stands; our active record is recorded as transferred out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>两条记录都保留在会；以后导入不再就此询问</source>
        <translation>Both records stay active; later imports will not ask again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逐项选择取哪一方的值，合并到本单位现有的记录；来件的会员记为转出</source>
        <translation>Choose a side for each field and merge into our record; their member is recorded as transferred out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保留本单位现有的记录，不采用来件的修改</source>
        <translation>Keep our record and leave out their changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用来件整条替换本单位现有的记录</source>
        <translation>Replace our whole record with theirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逐项选择取哪一方的值，其余各项保留本地</source>
        <translation>Choose a side for each field; the other fields stay ours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>保留本单位现有的记录，来件的记录注销（关闭）</source>
        <translation>Keep our record; their record is closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保留来件的记录，其他单位现有的记录注销（关闭）</source>
        <translation>Keep their record; the other office&apos;s record is closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>两份记录都保留；以后导入不再就这两份询问</source>
        <translation>Keep both records; later imports will not ask about these two again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>所属的上级记录到达后，按通常的规则合并这条记录</source>
        <translation>Merge this record by the usual rules once its parent record arrives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不导入这条来件，本地记录不变</source>
        <translation>Do not import their record; ours stays unchanged</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0}等 {1} 项</source>
        <translation>{0}… ({1} fields)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>来件的这条{0}记录“{1}”将被放弃，不会导入。</source>
        <translation>Their {0} record “{1}” will be discarded, not imported.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0}的“{1}”将记为转出。</source>
        <translation>“{1}” of {0} will be recorded as transferred out. </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本单位现有的记录保持不变。</source>
        <translation>Our record stays unchanged.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>以{0}的“{1}”为准：本单位现有的 {2} 条在会记录将全部记为转出。</source>
        <translation>“{1}” of {0} stands: all {2} of our active records will be recorded as transferred out.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>以{0}的“{1}”为准：{2}的“{3}”将记为转出。</source>
        <translation>“{1}” of {0} stands: “{3}” of {2} will be recorded as transferred out.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>没有选用来件的任何一项：本单位现有的“{0}”保持不变。</source>
        <translation>No field of theirs is taken: our “{0}” stays unchanged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本单位现有的“{0}”将改用来件的{1}。</source>
        <translation>Our “{0}” will take their {1}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0}报来的{1}“{2}”将注销（关闭），{3}的“{4}”保留。</source>
        <translation>{1} “{2}” sent by {0} will be closed; “{4}” of {3} stays.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}的“{1}”将注销（关闭），{2}报来的“{3}”保留。</source>
        <translation>“{1}” of {0} will be closed; “{3}” sent by {2} stays.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>本单位现有的{0}记录“{1}”将整条替换为{2}报来的内容。</source>
        <translation>Our {0} record “{1}” will be replaced as a whole by what {2} sent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>没有选用来件的任何一项：本单位现有的记录保持不变，来件的修改不采用。</source>
        <translation>No field of theirs is taken: our record stays unchanged and their changes are left out.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本单位现有的{0}记录“{1}”将改用来件的{2}，其余各项保留本地。</source>
        <translation>Our {0} record “{1}” will take their {2}; the other fields stay ours.</translation>
    </message>
</context>
<context>
    <name>ConflictFieldsModel</name>
    <message>
        <location filename="../../desktop/ui/sync/conflict_table.py" line="+90"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>合并结果</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{0}（来件）</source>
        <translation>{0} (theirs)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0}
点击选用这一侧的值（空格键切换，←本地，→来件）</source>
        <translation>{0}
Click to take this side&apos;s value (Space switches: ← ours, → theirs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}
这一项不能逐项合并，保留本地的值</source>
        <translation>{0}
This field cannot be merged; ours is kept</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../desktop/ui/sync/models.py" line="+9"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>台账</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第{0}批</source>
        <translation>#{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
</context>
<context>
    <name>ContestActionBar</name>
    <message>
        <location filename="../../desktop/ui/contests/form_widgets.py" line="+75"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>删除竞赛</source>
        <translation>Delete contest</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>修改竞赛</source>
        <translation>edit the contest</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>保存竞赛</source>
        <translation>Save contest</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>删除竞赛（可用“撤销上次保存”恢复）</source>
        <translation>Delete the contest (Undo last save brings it back)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复为打开时的内容（Esc）</source>
        <translation>Back to the values when opened (Esc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>尚未保存的竞赛无需删除，按“放弃修改”即可</source>
        <translation>A contest not saved yet needs no deleting: press Discard changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>成绩已发布的竞赛不能删除</source>
        <translation>A contest with published results cannot be deleted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已有{n}名参赛选手，不能删除；请先移除参赛选手</source>
        <translation>{n} entrants are registered: remove them before deleting</translation>
    </message>
</context>
<context>
    <name>ContestChanges</name>
    <message>
        <location filename="../../desktop/ui/contests/saving.py" line="+32"/>
        <source>登记竞赛“{name}”</source>
        <translation>registered contest “{name}”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>修改竞赛“{name}”的{fields}</source>
        <translation>changed {fields} of “{name}”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>删除竞赛“{name}”</source>
        <translation>deleted contest “{name}”</translation>
    </message>
</context>
<context>
    <name>ContestEntrants</name>
    <message>
        <location filename="../../desktop/ui/contests/entrant_dialog.py" line="+123"/>
        <source>请先查找并选择一名会员</source>
        <translation>Find and select a member first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/contests/entrants.py" line="+36"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n}号 {name}</source>
        <translation>#{n} {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回避：{judges}</source>
        <translation>Recused: {judges}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>添加会员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加非会员…</source>
        <translation>Add non-member…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>移除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评委…</source>
        <translation>Judges…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>参赛证号</source>
        <translation>Entry no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>代表队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>资格说明</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>共{n}人</source>
        <translation>{n} entrants</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <source>请先在列表中选择一个竞赛</source>
        <translation>Select a contest in the list first</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>成绩已发布，不能再{doing}；如需更正请由管理员重新开放</source>
        <translation>Results are published: you can no longer {doing}; to correct them, an administrator reopens them</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <location line="+4"/>
        <source>增减选手</source>
        <translation>add or remove entrants</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>从会员中查找（姓名、拼音首字母、身份证号）并添加为参赛选手</source>
        <translation>Find a member (name, pinyin initials, ID number) and add them as an entrant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按姓名和身份证号添加不是会员的参赛选手</source>
        <translation>Add an entrant who is not a member, by name and ID number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改选手</source>
        <translation>edit entrants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>修改所选选手的代表队、工作单位和资格说明（Enter）</source>
        <translation>Edit the selected entrant&apos;s team, employer and eligibility (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>移除所选选手（Delete）</source>
        <translation>Remove the selected entrant (Delete)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请先选择一名选手</source>
        <translation>Select an entrant first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>登记本竞赛的评委；与选手同单位的评委在该选手一行标明回避</source>
        <translation>Record the contest&apos;s judges; a judge from an entrant&apos;s employer is marked recused on that entrant&apos;s row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有可撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销：{what}（Ctrl+Z）</source>
        <translation>Undo: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>添加选手 {no} {name}</source>
        <translation>add entrant {no} {name}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>修改选手 {no} {name}</source>
        <translation>edit entrant {no} {name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>移除参赛选手 {no} {name} 吗？已录入的评委评分一并移除，参赛证号不再使用。</source>
        <translation>Remove entrant {no} {name}? The judges&apos; scores entered for them go too, and the entry no. is not used again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>移除选手</source>
        <translation>Remove entrant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>移除选手 {no} {name}</source>
        <translation>remove entrant {no} {name}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>更改评委</source>
        <translation>change judges</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>无法撤销“{what}”：{why}</source>
        <translation>Cannot undo “{what}”: {why}</translation>
    </message>
</context>
<context>
    <name>ContestForm</name>
    <message>
        <location filename="../../desktop/ui/contests/form.py" line="+74"/>
        <source>新竞赛</source>
        <translation>New contest</translation>
    </message>
</context>
<context>
    <name>ContestHeader</name>
    <message>
        <location filename="../../desktop/ui/contests/form_widgets.py" line="-62"/>
        <source>只读：您没有录入和修改台账的权限，只能查看竞赛信息。</source>
        <translation>Read-only: you may not enter or change records; you can view the contest.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>登记竞赛（新竞赛）</source>
        <translation>Register a contest (new)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>填写后按“保存”；理论权重不超过30%，理论与实操权重之和为100。</source>
        <translation>Fill in and press Save; theory weighs at most 30%, theory and practical add up to 100.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未选择竞赛</source>
        <translation>No contest selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在左侧列表中选择一个竞赛查看。</source>
        <translation>Select a contest in the list on the left.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>最后修改：第 {rev} 版 · {at} · {by} · 参赛选手 {n} 人</source>
        <translation>Last changed: version {rev} · {at} · {by} · {n} entrants</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>成绩已于 {at} 由 {by} 发布：评分规则、日期和奖项名额已冻结，不能修改（名称、主办、承办、地点和状态仍可修改）。如需更正，请由管理员重新开放。</source>
        <translation>Results published {at} by {by}: the scoring rule, dates and quotas are frozen (name, organizer, host, venue and status can still change). To correct them, an administrator reopens the results.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>成绩已于 {at} 由 {by} 重新开放（原因：{reason}），可以更正；每项修改都记入审计，更正后请重新发布。</source>
        <translation>Results reopened {at} by {by} (reason: {reason}): corrections are audited; publish again afterwards.</translation>
    </message>
</context>
<context>
    <name>ContestResults</name>
    <message>
        <location filename="../../desktop/ui/contests/results_page.py" line="+51"/>
        <source>已发布：{at}，发布人 {by}。成绩已冻结，如需更正请由管理员重新开放。</source>
        <translation>Published {at} by {by}. The results are frozen; to correct them, an administrator reopens them.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已重新开放：{at}，{by}，原因：{reason}。下表为暂定名次，更正后请再次公布成绩。</source>
        <translation>Reopened {at} by {by} (reason: {reason}). The ranks below are provisional; publish the results again after correcting them.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>暂定：成绩尚未公布，名次随成绩录入而变化。</source>
        <translation>Provisional: the results are not published; the ranks change as scores are entered.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>录入抽签…</source>
        <translation>Enter draw…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公布成绩…</source>
        <translation>Publish results…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+10"/>
        <source>参赛证号</source>
        <translation>Entry no.</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>理论</source>
        <translation>Theory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实操</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>总成绩</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>称号</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>代表队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>前三名合计</source>
        <translation>Top three total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>申诉日期</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申诉内容</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记申诉…</source>
        <translation>Record appeal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>各代表队（工作单位）前三名选手总成绩之和，不足三人的按已有成绩计。</source>
        <translation>The sum of the totals of each team&apos;s (employer&apos;s) best three entrants; a team of fewer counts those it has.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>团体排名</source>
        <translation>Team ranking</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>申诉</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+56"/>
        <source>请先在列表中选择一个竞赛</source>
        <translation>Select a contest in the list first</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>申诉（{n}件待处理）</source>
        <translation>Appeals ({n} pending)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>前三名中有同分并列，须抽签决定名次：{groups}。请点“录入抽签…”填写抽签顺序，录入后才能公布成绩。</source>
        <translation>Ties within the first three places are settled by drawing lots: {groups}. Click “Enter draw…” to enter the draw order; then the results can be published.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>成绩未录全</source>
        <translation>Scores missing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rank}（待抽签）</source>
        <translation>{rank} (draw pending)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{day}：{outcome}</source>
        <translation>{day}: {outcome}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>竞赛的成绩读取失败</source>
        <translation>The contest&apos;s results could not be read</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>录入抽签</source>
        <translation>enter the draw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>成绩已发布，抽签顺序不能再改</source>
        <translation>The results are published: the draw order cannot change</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>前三名没有需要抽签区分的同分选手</source>
        <translation>No ties within the first three need a draw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>为前三名中的同分选手填写抽签顺序，号小者名次在前</source>
        <translation>Enter the draw order of tied entrants within the first three; the lower number ranks first</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <location line="+11"/>
        <source>公布成绩</source>
        <translation>Publish results</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>成绩已经发布</source>
        <translation>The results are already published</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>还没有参赛选手</source>
        <translation>No entrants yet</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>按竞赛的评分规则确定名次、奖项和称号，发给证书编号，并冻结成绩</source>
        <translation>Set ranks, awards and titles by the contest&apos;s scoring rule, issue certificate numbers and freeze the results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放已发布的成绩</source>
        <translation>reopen published results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>成绩尚未发布，无需重新开放</source>
        <translation>The results are not published: nothing to reopen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放已发布的成绩以便更正（须填写原因，更正记入审计）</source>
        <translation>Reopen the published results to correct them (a reason is required; corrections are audited)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记申诉</source>
        <translation>record appeals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>登记选手对成绩的申诉（可先在上表选中该选手）</source>
        <translation>Record an entrant&apos;s appeal against the results (you may select the entrant above first)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理申诉</source>
        <translation>decide appeals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请先在申诉表中选择一条待处理的申诉</source>
        <translation>Select a pending appeal in the appeals table first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该申诉已处理；新的情况请另行登记申诉</source>
        <translation>The appeal is decided; record a new appeal for anything new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记所选申诉的处理结果和处理日期</source>
        <translation>Record the outcome of the selected appeal and the day it was decided</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>按评分规则公布{n}名选手的成绩吗？公布后将确定名次、奖项和称号并发给证书编号，成绩随即冻结，只有管理员重新开放后才能更正。</source>
        <translation>Publish the results of {n} entrants by the scoring rule? Ranks, awards and titles are set and certificate numbers issued; the results are then frozen until an administrator reopens them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>公布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>成绩已公布：{n}名选手获奖，证书编号已发给获奖者。</source>
        <translation>Results published: {n} entrants won awards and were given certificate numbers.</translation>
    </message>
</context>
<context>
    <name>ContestScoreGrid</name>
    <message>
        <location filename="../../desktop/ui/contests/score_grid.py" line="+99"/>
        <source>导入成绩…</source>
        <translation>Import scores…</translation>
    </message>
    <message>
        <source>从Excel成绩表导入：参赛证号或身份证号，理论成绩，评委1…评委N（或实操成绩）</source>
        <translation type="vanished">Import from an Excel score sheet: entry no. or ID number, theory score, judge 1…judge N (or practical score)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从Excel成绩表导入：参赛证号或身份证号，理论成绩，评委1…评委N，用时；导入前逐行预览，有错误的行时整表不导入</source>
        <translation>Import from an Excel score sheet: entry no. or ID number, theory score, judge 1…judge N, time; every row is previewed first, and a sheet with any wrong row is not imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出成绩表…</source>
        <translation>Export score sheet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出本竞赛的成绩表，填好后可再导入</source>
        <translation>Export the contest&apos;s score sheet; import it again once filled in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销最近一次录入（Ctrl+Z）</source>
        <translation>Undo the last entry (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>请先在左侧选择竞赛（新竞赛保存后才能录入成绩）</source>
        <translation>Select a contest on the left first (a new contest takes scores once it is saved)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只读：{0}</source>
        <translation>Read-only: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只读：没有录入成绩的权限</source>
        <translation>Read-only: you may not enter scores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本竞赛还没有参赛选手：请先在“参赛选手”页登记</source>
        <translation>The contest has no entrants yet: register them on the “Entrants” page first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共{0}名选手，成绩保留两位小数（0–100）</source>
        <translation>{0} entrants; scores have two decimal places (0–100)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；成绩已重新开放（{0}），修改将连同原因记入日志</source>
        <translation>; the results are reopened ({0}): changes are logged with the reason</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+15"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>参赛证号、姓名、工作单位请在“参赛选手”页修改；实操、总成绩、暂定名次自动计算</source>
        <translation>Change entry no., name and employer on the “Entrants” page; practical, total and provisional rank are computed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>请先选择竞赛</source>
        <translation>Select a contest first</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}：自动计算或在“参赛选手”页修改，不能在此填写</source>
        <translation>{0}: computed or changed on the “Entrants” page, not typed here</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+66"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>没有改变</source>
        <translation>No change</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>清除 {0} 个单元格</source>
        <translation>Cleared {0} cells</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>没有粘贴：粘贴的 {0} 行超出了最后一名选手</source>
        <translation>Not pasted: the {0} pasted rows go past the last entrant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有粘贴：粘贴的列超出了最后一列</source>
        <translation>Not pasted: the pasted columns go past the last column</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>粘贴 {0} 行</source>
        <translation>Pasted {0} rows</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>导入成绩表</source>
        <translation>Import score sheet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>导入 {0}</source>
        <translation>Imported {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导入 {0}：{1}名选手的{2}项成绩有变化</source>
        <translation>Imported {0}: {2} scores of {1} entrants changed</translation>
    </message>
    <message>
        <source>已导入 {0}：读取{1}行，{2}名选手的{3}项成绩有变化</source>
        <translation type="vanished">Imported {0}: {1} rows read, {3} scores of {2} entrants changed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导出成绩表</source>
        <translation>Export score sheet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>ContestUndo</name>
    <message>
        <location filename="../../desktop/ui/contests/saving.py" line="-20"/>
        <source>登记之后又被修改过，不能撤销</source>
        <translation>It was changed after it was registered: cannot undo</translation>
    </message>
</context>
<context>
    <name>ContestsTab</name>
    <message>
        <location filename="../../desktop/ui/contests/tab.py" line="+34"/>
        <source>竞赛信息</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技能竞赛</source>
        <translation>Skill contests</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>查找：竞赛名称、工种、地点</source>
        <translation>Find: contest name, trade, venue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>参赛选手</source>
        <translation>Entrants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>成绩录入</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>成绩与奖项</source>
        <translation>Results and awards</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+3"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>DecideAppealDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/results_dialogs.py" line="+10"/>
        <source>处理申诉</source>
        <translation>Decide appeal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{no} {name}，{day}由{who}提出：{content}</source>
        <translation>{no} {name}, filed {day} by {who}: {content}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>如：申诉成立，经复核更正实操成绩；或：申诉不成立，维持原成绩</source>
        <translation>e.g. Upheld: practical score corrected on review; or: Dismissed: the score stands</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location line="-135"/>
        <source>录入抽签</source>
        <translation>Enter draw</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>以下选手总成绩及同分排序各项都相同，前三名不能并列：请按现场抽签结果填写抽签顺序，号小者名次在前。</source>
        <translation>These entrants are equal in total and in every tie-break, and the first three places cannot be shared: enter the draw order from the lots drawn on site; the lower number ranks first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>并列第{rank}名（总成绩 {total}）</source>
        <translation>Tied for rank {rank} (total {total})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>抽签号，如 1</source>
        <translation>Draw no., e.g. 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{no} {name}</source>
        <translation>{no} {name}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>与{no} {name}的抽签号相同</source>
        <translation>Same draw no. as {no} {name}</translation>
    </message>
</context>
<context>
    <name>EditEntrantDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/entrant_dialog.py" line="+33"/>
        <source>修改参赛选手：{no} {name}</source>
        <translation>Edit entrant: {no} {name}</translation>
    </message>
</context>
<context>
    <name>EditGrantDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/grant_edit.py" line="-44"/>
        <source>修改金秋助学：{name}（{year}年）</source>
        <translation>Edit student aid: {name} ({year})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已于{day}开始公示：改变就读阶段（及资助金额）后须重新公示才能发放。</source>
        <translation>Public notice began on {day}: a new level (and amount) needs a new public notice before paying.</translation>
    </message>
</context>
<context>
    <name>EditPaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/payment_edit.py" line="-44"/>
        <source>修改帮扶：{no}</source>
        <translation>Edit payment: {no}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>该记录为金秋助学发放：类型和金额按资助标准，不在此修改（如需修改请在“金秋助学”页修改或撤销登记）。</source>
        <translation>A student aid payment: its type and amount follow the grant and are not changed here (change or withdraw it on the Student aid page).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>金秋助学的类型和金额按资助标准，请在“金秋助学”页修改</source>
        <translation>A student aid payment&apos;s type and amount follow the grant: change them on the Student aid page</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-210"/>
        <source>应急救助（未在档职工）</source>
        <translation>Emergency aid (worker without a file)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>向没有在档档案的职工发放应急救助；已有在档档案的职工请在其档案的“帮扶记录”中发放。</source>
        <translation>Pay emergency aid to a worker without a file on file; a worker with one is paid on the “Aid payments” page of that file.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>如：突发火灾，家中财物损毁</source>
        <translation>e.g. a house fire destroyed the family&apos;s belongings</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../desktop/ui/excel/actions.py" line="+32"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下载空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>导入Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0}已导入：新增 {1:,} 行，更新 {2:,} 行</source>
        <translation>{0} imported: {1:,} new, {2:,} updated</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>下载空白模板</source>
        <translation>Blank template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>台账：</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}导入模板.xlsx</source>
        <translation>{0} template.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存模板</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在保存模板……</source>
        <translation>Saving the template…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已保存模板到 {0}</source>
        <translation>Template saved to {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法保存模板</source>
        <translation>Cannot save the template</translation>
    </message>
</context>
<context>
    <name>ExportBatchDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/export_dialog.py" line="+53"/>
        <source>导出批次</source>
        <translation>Export batch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>不加密导出（拿到文件的人都能读取其中的数据；会记入审计记录）</source>
        <translation>Export unencrypted (anyone with the file can read its data; noted in the audit log)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不加密导出批次</source>
        <translation>export unencrypted batches</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>必填：为什么不能等信任对方公钥后再加密导出</source>
        <translation>Required: why this cannot wait until their key is trusted</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>全量：发送本单位的全部记录（对方重建数据时用）</source>
        <translation>Full: send all our records (for the other office to rebuild its data)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>可不填，例如U盘；发件箱总会留一份</source>
        <translation>Optional, e.g. a USB stick; the outbox always keeps a copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>收件单位</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另存到</source>
        <translation>Also save to</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>没有可以发送批次的单位。</source>
        <translation>There is no office to send batches to.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已信任对方公钥，批次将加密，只有{0}能打开。</source>
        <translation>The peer public key is trusted: the batch is encrypted and only {0} can open it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未信任{0}的公钥，批次无法加密。请先用“信任对方公钥…”导入对方的公钥文件并电话核对指纹。</source>
        <translation>The public key of {0} is not trusted yet, so the batch cannot be encrypted. First import their public key file with “Trust peer public key…” and check the fingerprint by phone.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>发件箱：{0}</source>
        <translation>Outbox: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>请选择收件单位。</source>
        <translation>Choose the recipient.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>对方公钥尚未信任：请先信任对方公钥。只有管理员可以不加密导出。</source>
        <translation>The peer public key is not trusted: trust it first. Only administrators may export unencrypted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>对方公钥尚未信任：请先信任对方公钥，或勾选“不加密导出”。</source>
        <translation>The peer public key is not trusted: trust it first, or tick “Export unencrypted”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请填写不加密导出的理由（会记入审计记录）。</source>
        <translation>Give the reason for exporting unencrypted (noted in the audit log).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{0}”不是文件夹。</source>
        <translation>“{0}” is not a folder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>不加密导出</source>
        <translation>Export unencrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次将不加密：U盘丢失时，拿到文件的人能读取其中所有人员的信息。
确定不加密导出给{0}吗？</source>
        <translation>The batch will not be encrypted: if the USB stick is lost, whoever has the file can read the details of everyone in it.
Export it unencrypted to {0}?</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/excel/export_dialog.py" line="+66"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>当前列表（{0:,} 条）</source>
        <translation>Current list ({0:,} records)</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+73"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>导出完整证件号码和电话</source>
        <translation type="vanished">Export full ID and phone numbers</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>导出完整的敏感信息</source>
        <translation>Export sensitive values in full</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>只有审核人和管理员可以导出完整的证件号码和电话；导出的号码中间几位以 * 隐藏。</source>
        <translation>Only approvers and admins may export full ID and phone numbers; exported numbers are partly hidden by *.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>台账</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>导出完整的敏感信息（{0}）</source>
        <translation>Export sensitive values in full ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出完整的敏感信息（此台账没有）</source>
        <translation>Export sensitive values in full (this registry has none)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>当前列表</source>
        <translation>The list as shown</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>全部（{0:,} 条）</source>
        <translation>All ({0:,} records)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请选择保存的位置。</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已导出 {0:,} 行到 {1}</source>
        <translation>Exported {0:,} rows to {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取消导出。</source>
        <translation>Export cancelled.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/field_dialog.py" line="+41"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../desktop/ui/members/fields_panel.py" line="+41"/>
        <source>打开该会员</source>
        <translation>Open this member</translation>
    </message>
    <message>
        <source>身份信息</source>
        <translation type="vanished">Identity</translation>
    </message>
    <message>
        <source>工作信息</source>
        <translation type="vanished">Work</translation>
    </message>
    <message>
        <source>会籍信息</source>
        <translation type="vanished">Membership</translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="vanished">Other</translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="vanished">Edit</translation>
    </message>
    <message>
        <source>清空后重新录入完整的号码</source>
        <translation type="vanished">Clear it and enter the whole number again</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>由身份证号自动读出</source>
        <translation>Read from the ID number</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../desktop/ui/excel/import_wizard.py" line="+150"/>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择要导入的 Excel 文件（xlsx、xls 或 csv）。</source>
        <translation>Choose the Excel file to import (xlsx, xls or csv).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择要导入的台账和 Excel 文件（xlsx、xls 或 csv）。</source>
        <translation>Choose the registry and the Excel file to import (xlsx, xls or csv).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>点“浏览…”选择文件</source>
        <translation>Click “Browse…” to choose a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>读取文件后可以选择其中的工作表</source>
        <translation>After the file is read you can choose one of its sheets</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>台账</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>正在读取文件……</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>工作表“{0}”：第 {1} 行是表头，约 {2:,} 行数据。</source>
        <translation>Sheet “{0}”: the header is row {1}, about {2:,} data rows.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="+43"/>
        <source>欢迎使用 UnionDesk 街道工会台账</source>
        <translation>Welcome to the UnionDesk Trade-Union Registry</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>街道工会</source>
        <translation>Sub-district union</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区总工会</source>
        <translation>District federation of trade unions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>单位代码</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上级单位代码</source>
        <translation>Parent office code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+40"/>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>管理员姓名</source>
        <translation>Administrator name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <location line="+2"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成演示数据（所有台账），会员人数：</source>
        <translation>Generate demo data (all registries), members:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>开始使用</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这是一个新的数据库。请填写本单位和第一个管理员账号。</source>
        <translation>This is a new database. Enter your office and the first administrator account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库里还没有用户。请创建第一个管理员账号。</source>
        <translation>The database has no users yet. Create the first administrator account.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>两次输入不一致</source>
        <translation>The two entries differ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>至少6位</source>
        <translation>At least 6 characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/inspection_dialog.py" line="+92"/>
        <source>完成整改：{name}</source>
        <translation>Complete follow-up: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day}检查的整改（期限 {due}）</source>
        <translation>Follow-up of the inspection on {day} (due {due})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>整改了什么，如：已更换过期药品</source>
        <translation>What was done, e.g. expired medicine replaced</translation>
    </message>
</context>
<context>
    <name>FullValues</name>
    <message>
        <location filename="../../desktop/ui/common/full_values.py" line="+28"/>
        <source>显示完整信息</source>
        <translation>Show full values</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>显示{field}</source>
        <translation>Show {field}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>查看完整信息</source>
        <translation>see full values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有隐藏的信息</source>
        <translation>Nothing is hidden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>显示隐藏的身份证号、电话、收入等敏感信息；每次查看都记入审计日志</source>
        <translation>Show the hidden ID numbers, phones, incomes and other sensitive values; every view is written to the audit log</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="-258"/>
        <source>登记金秋助学</source>
        <translation>Register autumn student aid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}（{relation}）</source>
        <translation>{name} ({relation})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/grant_edit.py" line="-58"/>
        <source>资助金额按就读阶段，由帮扶设置规定</source>
        <translation>The grant depends on the school level, as the aid settings set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未设置{level}的资助标准（帮扶设置）</source>
        <translation>No grant is set for {level} (aid settings)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资助金额：{amount}（{level}的资助标准）</source>
        <translation>Grant: {amount} (the amount for {level})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="+24"/>
        <source>请选择学生</source>
        <translation>Choose a student</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <location filename="../../desktop/ui/hints.py" line="+20"/>
        <source>例：{0}</source>
        <translation>e.g. {0}</translation>
    </message>
</context>
<context>
    <name>HonourDialog</name>
    <message>
        <location filename="../../desktop/ui/members/dialogs.py" line="+113"/>
        <source>添加荣誉：{name}</source>
        <translation>Add honour: {name}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>如：东城工匠</source>
        <translation>e.g. Dongcheng Craftsman</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>荣誉类别</source>
        <translation>Honour type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>称号</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授予单位</source>
        <translation>Awarded by</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/ui/excel/import_wizard.py" line="-180"/>
        <source>导入 Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/inspection_dialog.py" line="-70"/>
        <source>新增检查：{name}</source>
        <translation>New inspection: {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>修改检查：{name}</source>
        <translation>Edit inspection: {name}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>勾选表示达标；取消勾选即记为未达标，将提议降星</source>
        <translation>Ticked means passed; untick it to record a failure, which proposes a mark-down</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>检查时实际开放的时间</source>
        <translation>Hours found open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>与公示开放时间不同，将提议降星</source>
        <translation>Hours that differ from the posted ones propose a mark-down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../desktop/ui/worker.py" line="+77"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>JudgesDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/judges_dialog.py" line="+38"/>
        <source>评委：{name}</source>
        <translation>Judges: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n}号</source>
        <translation>#{n}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>与选手工作单位或代表队相同的评委，在该选手一行标明回避，不计其评分。</source>
        <translation>A judge from an entrant&apos;s employer or team is marked recused on that entrant&apos;s row; their score does not count.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>KeyBar</name>
    <message>
        <location filename="../../desktop/ui/sync/key_bar.py" line="+33"/>
        <source>区总工会</source>
        <translation>district union</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>街道工会</source>
        <translation>sub-district union</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本单位：&lt;b&gt;{0}&lt;/b&gt;（代码 {1}，{2}）</source>
        <translation>Our office: &lt;b&gt;{0}&lt;/b&gt; (code {1}, {2})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>导出本单位公钥…</source>
        <translation>Export our public key…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>把本单位的公钥存成文件交给对方单位；对方核对指纹后信任它。</source>
        <translation>Save our public key to a file for the other office, which trusts it after checking the fingerprint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>信任对方公钥…</source>
        <translation>Trust peer public key…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导入对方单位的公钥文件，电话核对指纹后信任它。</source>
        <translation>Import the other office&apos;s public key file and trust it after checking the fingerprint by phone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只有管理员可以信任对方单位的公钥。</source>
        <translation>Only admins may trust the public keys of other offices.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本单位公钥指纹：</source>
        <translation>Our key fingerprint:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>对方信任本单位的公钥前，请与对方电话逐组核对。</source>
        <translation>Before the other office trusts our public key, check this with them by phone, group by group.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未创建（导出公钥或批次时自动创建）</source>
        <translation>Not created yet (made by the first export)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出本单位公钥</source>
        <translation>Export our public key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公钥文件 (*.json)</source>
        <translation>Public key files (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法导出公钥</source>
        <translation>Cannot export the public key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导出本单位公钥到 {0}，指纹 {1}。请交给对方，并电话核对指纹。</source>
        <translation>Exported our public key to {0}, fingerprint {1}. Give it to the other office and check the fingerprint by phone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>信任对方公钥</source>
        <translation>Trust peer public key</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>公钥文件 (*.json);;所有文件 (*)</source>
        <translation>Public key files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法读取公钥</source>
        <translation>Cannot read the public key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>这个公钥文件属于：{0}（{1}）
指纹：{2}

请先与对方电话逐组核对指纹。核对无误后，确认对方的单位代码：</source>
        <translation>This public key file belongs to: {0} ({1})
Fingerprint: {2}

First check the fingerprint with them by phone, group by group. If it matches, confirm their office code:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法信任公钥</source>
        <translation>Cannot trust the public key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已信任{0}（{1}）的公钥，指纹 {2}。</source>
        <translation>Trusted the public key of {0} ({1}), fingerprint {2}.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/login.py" line="+30"/>
        <source>登录 — UnionDesk 街道工会台账</source>
        <translation>Log in — UnionDesk Trade-Union Registry</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+51"/>
        <source>单位：{0}（{1}）</source>
        <translation>Office: {0} ({1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销上次保存</source>
        <translation>Undo last save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用户管理…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成演示数据…</source>
        <translation>Generate demo data…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>验证证书…</source>
        <translation>Verify certificate…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>常用</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>共 {0:,} 条</source>
        <translation>{0:,} records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>显示 {0:,} / 共 {1:,} 条</source>
        <translation>Showing {0:,} of {1:,} records</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>新增{0}</source>
        <translation>add {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保存{0}</source>
        <translation>save {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除{0}</source>
        <translation>delete {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>撤销{0}的修改</source>
        <translation>undo changes to {0}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>生成演示数据</source>
        <translation>Generate demo data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>演示会员人数（只能填入空的台账）：</source>
        <translation>Demo members (only into empty registries):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在生成演示数据……</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>演示数据已生成：共 {0:,} 行（会员 {1:,} 人）</source>
        <translation>Demo data generated: {0:,} rows ({1:,} members)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>无法生成演示数据</source>
        <translation>Cannot generate demo data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取消生成演示数据，台账没有改变。</source>
        <translation>Generating demo data was cancelled; the registries are unchanged.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop/ui/excel/mapping_page.py" line="+59"/>
        <source>核对列</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核对文件的每一列导入到哪个字段；不需要的列选“（不导入）”。</source>
        <translation>Check which field each column of the file goes to; choose “(not imported)” for columns you do not need.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导入到</source>
        <translation>Import to</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>保存此对应关系，下次自动使用</source>
        <translation>Save this mapping and use it automatically next time</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已使用上次保存的对应关系。</source>
        <translation>The mapping saved last time is used.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已按表头自动对应，请核对。</source>
        <translation>Columns were matched by their headers; please check.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>必填字段还没有对应的列：{0}</source>
        <translation>Required fields without a column: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请为{0}选择对应的列，或在“统一填写”中填一个值</source>
        <translation>Choose a column for {0}, or give one value under “Same for every row”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>同一个字段对应了多列：{0}</source>
        <translation>Fields chosen for more than one column: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统一填写的{0}</source>
        <translation>Same for every row: {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>对应关系没有保存：{0}</source>
        <translation>The mapping was not saved: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在检查每一行……</source>
        <translation>Checking every row…</translation>
    </message>
</context>
<context>
    <name>MemberActionBar</name>
    <message>
        <location filename="../../desktop/ui/members/action_bar.py" line="+25"/>
        <source>{step}…</source>
        <translation>{step}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加荣誉…</source>
        <translation>Add honour…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>会员当前为{now}，{allowed}的会员才能{step}</source>
        <translation>The member is {now}; only a member who is {allowed} can be given {step}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>添加会员荣誉</source>
        <translation>add honours of members</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>删除会员</source>
        <translation>delete members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改会员</source>
        <translation>change members</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保存会员</source>
        <translation>save members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理会员{step}</source>
        <translation>record a member&apos;s “{step}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>恢复为打开时的内容（Esc）</source>
        <translation>Go back to what was there when opened (Esc)</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MemberChanges</name>
    <message>
        <location filename="../../desktop/ui/members/saving.py" line="+25"/>
        <source>登记会员“{name}”</source>
        <translation>Registered member “{name}”</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>修改会员“{name}”的{fields}</source>
        <translation>Changed {fields} of member “{name}”</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>会员“{name}”{step}</source>
        <translation>Member “{name}”: {step}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>为会员“{name}”添加荣誉</source>
        <translation>Added an honour to member “{name}”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>删除会员“{name}”</source>
        <translation>Deleted member “{name}”</translation>
    </message>
</context>
<context>
    <name>MemberChecks</name>
    <message>
        <location filename="../../desktop/ui/members/field_checks.py" line="+33"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>MemberEntrantDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/entrant_dialog.py" line="-108"/>
        <source>添加会员参赛：{name}</source>
        <translation>Add member as entrant: {name}</translation>
    </message>
    <message>
        <source>姓名、拼音首字母（如 zs）、身份证号或后4/6位、会员编号</source>
        <translation type="vanished">Name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, member no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号</source>
        <translation>Name, pinyin initials (e.g. zs), ID number or its last 4, member no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员编号</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>查找会员</source>
        <translation>Find member</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>留空则用会员档案中的工作单位</source>
        <translation>Leave empty to use the employer in the member&apos;s record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>留空则同工作单位</source>
        <translation>Leave empty to use the employer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>输入姓名、拼音首字母或身份证号查找会员</source>
        <translation>Type a name, pinyin initials or ID number to find a member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到会员；非会员请用“添加非会员…”</source>
        <translation>No member found; for a non-member use “Add non-member…”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只列出前{n}人，请输入更多内容缩小范围</source>
        <translation>Only the first {n} are listed: type more to narrow the search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找到{n}人</source>
        <translation>{n} found</translation>
    </message>
</context>
<context>
    <name>MemberFields</name>
    <message>
        <source>是</source>
        <translation type="vanished">Yes</translation>
    </message>
    <message>
        <source>保存时自动编号</source>
        <translation type="vanished">Numbered on saving</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation type="vanished">18 characters, the last may be X</translation>
    </message>
    <message>
        <source>11位手机号码</source>
        <translation type="vanished">11-digit mobile number</translation>
    </message>
    <message>
        <source>18位</source>
        <translation type="vanished">18 characters</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="vanished">Gender</translation>
    </message>
    <message>
        <source>民族</source>
        <translation type="vanished">Ethnicity</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="vanished">Date of birth</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation type="vanished">ID type</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="vanished">ID number</translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation type="vanished">Mobile</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation type="vanished">Employer</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="vanished">Credit code</translation>
    </message>
    <message>
        <source>单位性质</source>
        <translation type="vanished">Employer type</translation>
    </message>
    <message>
        <source>所属行业</source>
        <translation type="vanished">Industry</translation>
    </message>
    <message>
        <source>职业/工种</source>
        <translation type="vanished">Occupation</translation>
    </message>
    <message>
        <source>就业形态</source>
        <translation type="vanished">Employment form</translation>
    </message>
    <message>
        <source>是否农民工</source>
        <translation type="vanished">Migrant worker</translation>
    </message>
    <message>
        <source>技能等级</source>
        <translation type="vanished">Skill level</translation>
    </message>
    <message>
        <source>学历</source>
        <translation type="vanished">Education</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation type="vanished">Political status</translation>
    </message>
    <message>
        <source>系统编号</source>
        <translation type="vanished">System ID</translation>
    </message>
    <message>
        <source>身份信息</source>
        <translation type="vanished">Identity</translation>
    </message>
    <message>
        <source>工作信息</source>
        <translation type="vanished">Work</translation>
    </message>
    <message>
        <source>会籍信息</source>
        <translation type="vanished">Membership</translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="vanished">Other</translation>
    </message>
    <message>
        <source>会员编号</source>
        <translation type="vanished">Member no.</translation>
    </message>
    <message>
        <source>会员证号</source>
        <translation type="vanished">Card no.</translation>
    </message>
    <message>
        <source>入会日期</source>
        <translation type="vanished">Joined on</translation>
    </message>
    <message>
        <source>所属基层工会</source>
        <translation type="vanished">Grass-roots union</translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="vanished">Remarks</translation>
    </message>
    <message>
        <source>同意日期</source>
        <translation type="vanished">Consent date</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>无法撤销“{what}”：{reason}</source>
        <translation type="vanished">Cannot undo “{what}”: {reason}</translation>
    </message>
    <message>
        <source>已撤销：{what}</source>
        <translation type="vanished">Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/members/form.py" line="+134"/>
        <source>新会员</source>
        <translation>new member</translation>
    </message>
</context>
<context>
    <name>MemberHeader</name>
    <message>
        <location filename="../../desktop/ui/members/header.py" line="+22"/>
        <source>只读：您没有录入和修改台账的权限。</source>
        <translation>Read-only: you may not enter or change records.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>未选择会员</source>
        <translation>No member selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>在左侧列表中选择一个会员查看。</source>
        <translation>Choose a member in the list on the left.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>入会登记（新会员）</source>
        <translation>Join (new member)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>填写后按“保存”；会员编号可留空，保存时自动编号。</source>
        <translation>Fill in and press “Save”; leave Member no. empty to have it numbered on saving.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>会员编号 {no} · {status}</source>
        <translation>Member no. {no} · {status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最后修改：第 {rev} 版 · {at} · {by}</source>
        <translation>Last changed: version {rev} · {at} · {by}</translation>
    </message>
</context>
<context>
    <name>MemberHistoryView</name>
    <message>
        <location filename="../../desktop/ui/members/history_view.py" line="+18"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方单位</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>荣誉</source>
        <translation>Honours</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>称号</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>授予单位</source>
        <translation>Awarded by</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
</context>
<context>
    <name>MemberPrompts</name>
    <message>
        <location filename="../../desktop/ui/members/prompts.py" line="+57"/>
        <source>新会员</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>“{name}”的修改还没有保存。要保存吗？</source>
        <translation type="vanished">The changes to “{name}” are not saved yet. Save them?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="vanished">Save</translation>
    </message>
    <message>
        <source>不保存</source>
        <translation type="vanished">Don&apos;t save</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation type="vanished">Not saved</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>放弃正在录入的新会员吗？已填写的内容不会保存。</source>
        <translation>Discard the new member being entered? What was typed is not saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>放弃对“{name}”的修改吗？</source>
        <translation>Discard the changes to “{name}”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>删除会员“{name}”（会员编号 {no}）吗？
删除后可以用“撤销上次保存”（Ctrl+Z）恢复。</source>
        <translation>Delete member “{name}” (member no. {no})?
You can bring it back with “Undo last save” (Ctrl+Z).</translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="vanished">Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除会员</source>
        <translation>Delete member</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>撤销会放弃表单中尚未保存的修改。继续吗？</source>
        <translation>Undoing discards the unsaved changes in the form. Continue?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃修改并撤销</source>
        <translation>Discard changes and undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销上次保存</source>
        <translation>Undo last save</translation>
    </message>
</context>
<context>
    <name>MemberSteps</name>
    <message>
        <location filename="../../desktop/ui/members/dialogs.py" line="-103"/>
        <source>转出</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>转入</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退会</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>去世</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>会员编号</source>
        <translation type="vanished">Member no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="vanished">Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="vanished">ID number</translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation type="vanished">Mobile</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation type="vanished">Employer</translation>
    </message>
    <message>
        <source>就业形态</source>
        <translation type="vanished">Employment form</translation>
    </message>
    <message>
        <source>所属基层工会</source>
        <translation type="vanished">Grass-roots union</translation>
    </message>
    <message>
        <source>入会日期</source>
        <translation type="vanished">Joined on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation type="vanished">Office</translation>
    </message>
</context>
<context>
    <name>MemberUndo</name>
    <message>
        <location filename="../../desktop/ui/members/saving.py" line="-65"/>
        <source>登记之后又被修改过，不能撤销</source>
        <translation>It was changed after it was registered and cannot be undone</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../desktop/ui/members/tab.py" line="+26"/>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>查找：姓名、拼音首字母（如 zs）、身份证号或后4/6位、手机号、会员编号</source>
        <translation type="vanished">Find: name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, mobile, member no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>查找：姓名、拼音首字母（如 zs）、身份证号或后4位、手机号、会员编号</source>
        <translation>Find: name, pinyin initials (e.g. zs), ID number or its last 4, phone, member no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新就业形态（全部）</source>
        <translation>New forms of employment (all)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部就业形态</source>
        <translation>All employment forms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部基层工会</source>
        <translation>All grass-roots unions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
</context>
<context>
    <name>NonMemberEntrantDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/entrant_dialog.py" line="+31"/>
        <source>添加非会员参赛：{name}</source>
        <translation>Add non-member as entrant: {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>留空则按身份证号确定</source>
        <translation>Leave empty to read it from the ID number</translation>
    </message>
</context>
<context>
    <name>OfficesModel</name>
    <message>
        <location filename="../../desktop/ui/sync/models.py" line="-62"/>
        <source>单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未信任</source>
        <translation>Not trusted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未信任此单位的公钥：收不到它的批次，发给它的批次无法加密。</source>
        <translation>This office&apos;s public key is not trusted: its batches cannot be received, and batches to it cannot be encrypted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>缺少批次</source>
        <translation>Missing batches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>待处理冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>最近发出</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>第{0}批  {1}</source>
        <translation>#{0}  {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>暂缓 {0} 批</source>
        <translation>{0} held</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>暂缓导入：第{0}批，补齐缺少的批次后自动导入</source>
        <translation>Held: batch {0}, imported automatically once the missing batches arrive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>街道工会</source>
        <translation>Sub-district union</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>区总工会</source>
        <translation>District union</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-75"/>
        <source>超限审批</source>
        <translation>Over-the-cap approval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>。
作为审核人，您可以审批超限发放，请填写理由（记入该记录和审计记录）。</source>
        <translation>.
As an approver you may approve a payment over the cap: give the reason (kept with the payment and in the audit log).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>如：患者住院费用高，经工会主席办公会研究同意</source>
        <translation>e.g. high hospital costs; agreed by the union chair&apos;s meeting</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>PayGrantDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="+11"/>
        <source>发放金秋助学</source>
        <translation>Pay autumn student aid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}，{year}年{level}，资助金额 {amount}</source>
        <translation>{name}, {year}, {level}, grant {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+10"/>
        <source>新增帮扶：{no}</source>
        <translation>New payment: {no}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../desktop/ui/printing/preview.py" line="+51"/>
        <source>{0} — {1} 页</source>
        <translation>{0} — {1} pages</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>所选页码不在本文档中（共 {0} 页），没有打印。</source>
        <translation>The chosen pages are not in this document ({0} pages); nothing was printed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已送出 {0} 页打印。</source>
        <translation>Sent {0} pages to the printer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已取消打印。</source>
        <translation>Printing was cancelled.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无法保存 PDF</source>
        <translation>Cannot save the PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在打印，请等打印完成或取消后再关闭。</source>
        <translation>Printing: close when it has finished or after cancelling it.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/household.py" line="-184"/>
        <source>已隐藏；不修改请留空</source>
        <translation>Hidden; leave empty to keep it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有身份证号时由身份证号得出</source>
        <translation>Read from the ID number if there is one</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/ui/excel/preview_page.py" line="+42"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>以下是导入后每一行的结果。核对无误后点“导入”；在此之前台账不会改变。</source>
        <translation>What the import does with each row. Click “Import” when it is right; until then nothing changes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>仅错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>仅新增</source>
        <translation>New only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仅更新</source>
        <translation>Updates only</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出错误清单…</source>
        <translation>Save error list…</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+16"/>
        <source>新增 {new:,} 行，更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行</source>
        <translation>{new:,} new, {update:,} updated, {unchanged:,} unchanged, {error:,} errors</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>（错误行不会导入）</source>
        <translation> (rows with errors are not imported)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>更新 {update:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行</source>
        <translation>{update:,} updated, {unchanged:,} unchanged, {error:,} errors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有 {0:,} 行错误：整个文件一起导入，请改正文件并保存后，点“上一步”再点“下一步”重新检查</source>
        <translation>{0:,} rows have errors: the file is imported whole; correct and save it, then click “Back” and “Next” to check it again</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>新增 {new:,} 行，无变化 {unchanged:,} 行，错误 {error:,} 行</source>
        <translation>{new:,} new, {unchanged:,} unchanged, {error:,} with errors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>有 {0:,} 行错误：各工作表一起导入，请改正后重新导入</source>
        <translation>{0:,} rows have errors: the sheets are imported together; correct them and import again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导入错误清单.csv</source>
        <translation>import errors.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出错误清单</source>
        <translation>Save error list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法导出错误清单</source>
        <translation>Cannot save the error list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已导出 {0:,} 个错误行到 {1}</source>
        <translation>Saved {0:,} error rows to {1}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），错误的 {3:,} 行不导入。继续？</source>
        <translation>Import {0:,} rows ({1:,} new, {2:,} updated); the {3:,} rows with errors are left out. Continue?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>将更新 {0:,} 行。继续？</source>
        <translation>Update {0:,} rows. Continue?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}新增 {1:,} 行</source>
        <translation>{0}: {1:,} new rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>将导入 {0:,} 行（新增 {1:,}，更新 {2:,}），以及{3}。继续？</source>
        <translation>Import {0:,} rows ({1:,} new, {2:,} updated), and {3}. Continue?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已导入：新增 {0:,} 行，更新 {1:,} 行</source>
        <translation>Imported: {0:,} new, {1:,} updated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导入：更新 {0:,} 行</source>
        <translation>Imported: {0:,} updated</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}：新增 {1:,} 行</source>
        <translation>{0}: {1:,} new rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../desktop/ui/printing/actions.py" line="+38"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入会申请登记表（选中会员）</source>
        <translation>Membership application form (selected members)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>会员证（选中会员）</source>
        <translation>Membership cards (selected members)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>会员花名册（当前列表）</source>
        <translation>Member roster (current list)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+43"/>
        <location line="+5"/>
        <location line="+19"/>
        <location line="+3"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>{0}暂无可打印的表格</source>
        <translation>{0} has no printed forms yet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>此页签没有可打印的表单。</source>
        <translation>This tab has no forms to print.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请先选择会员。
在列表中点选会员；按住 Ctrl 或 Shift 可选多人。</source>
        <translation>Select members first.
Click members in the list; hold Ctrl or Shift to select several.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>正在生成{0}……</source>
        <translation>Generating {0}…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0}（{1:,} 名会员）</source>
        <translation>{0} ({1:,} members)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}（{1:,} 项竞赛）</source>
        <translation>{0} ({1:,} contests)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}（{1:,} 条）</source>
        <translation>{0} ({1:,} rows)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已取消生成。</source>
        <translation>Generating was cancelled.</translation>
    </message>
</context>
<context>
    <name>PrintForms</name>
    <message>
        <location filename="../../desktop/ui/printing/print_dialog.py" line="+30"/>
        <source>入会申请登记表</source>
        <translation>Membership application form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员证</source>
        <translation>Membership cards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会员花名册</source>
        <translation>Member roster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>批次交接单</source>
        <translation>Batch handover receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暖心驿站信息卡</source>
        <translation>Warm station card</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暖心驿站服务台账</source>
        <translation>Warm station service log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暖心驿站检查记录</source>
        <translation>Warm station inspection record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暖心驿站名册</source>
        <translation>Warm station roster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>获奖证书</source>
        <translation>Award certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>技能竞赛成绩单</source>
        <translation>Skill contest results list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技能竞赛签到表</source>
        <translation>Skill contest sign-in sheet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全部获奖证书</source>
        <translation>All award certificates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难职工档案表</source>
        <translation>Hardship file form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>困难职工帮扶审批表</source>
        <translation>Hardship aid approval form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难职工公示名单</source>
        <translation>Hardship public notice list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>送温暖签领表</source>
        <translation>Warmth campaign receipt list</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location line="+61"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+70"/>
        <source>打印完整身份证号</source>
        <translation>Print full ID numbers</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>只有审核人和管理员可以打印完整的身份证号；打印的号码中间几位以 * 隐藏。</source>
        <translation>Only approvers and admins may print full ID numbers; printed numbers are partly hidden by *.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>当前列表的 {0:,} 条</source>
        <translation>The {0:,} rows of the list shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前列表是空的。</source>
        <translation>The list shown is empty.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中的 {0:,} 项竞赛</source>
        <translation>The {0:,} selected contests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请先在列表中选择竞赛（按住 Ctrl 或 Shift 可选多项）。</source>
        <translation>Select contests in the list first (hold Ctrl or Shift to select several).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中的 {0:,} 份档案</source>
        <translation>The {0:,} selected files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部正在公示的档案（未选择档案）</source>
        <translation>All files on public notice (no file selected)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选中的驿站</source>
        <translation>The selected station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请在列表中选择一个驿站。</source>
        <translation>Select one station in the list.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选中的 {0:,} 条</source>
        <translation>The {0:,} selected rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请先在列表中选择（按住 Ctrl 或 Shift 可选多条）。</source>
        <translation>Select rows in the list first (Ctrl or Shift for several).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打印完整的电话号码</source>
        <translation>Print phone numbers in full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印完整的证件号码、银行卡号等敏感信息</source>
        <translation>Print full ID numbers, bank accounts and other sensitive details</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>当前列表的 {0:,} 名会员</source>
        <translation>The {0:,} members of the current list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前列表没有会员。</source>
        <translation>The current list has no members.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选中的 {0:,} 名会员</source>
        <translation>The {0:,} selected members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请先在列表中选择会员（按住 Ctrl 或 Shift 可选多人）。</source>
        <translation>Select members in the list first (hold Ctrl or Shift to select several).</translation>
    </message>
</context>
<context>
    <name>PrintPaper</name>
    <message>
        <location filename="../../desktop/ui/printing/paper.py" line="+55"/>
        <source>生成的 PDF 无法读取，请重新生成。</source>
        <translation>The generated PDF cannot be read; generate it again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法开始打印：打印机没有准备好，或输出文件无法写入。</source>
        <translation>Cannot start printing: the printer is not ready, or the output file cannot be written.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在打印第 {0} 页（共 {1} 页）……</source>
        <translation>Printing page {0} of {1}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>PublicizeDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="+23"/>
        <source>金秋助学公示</source>
        <translation>Autumn student aid notice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>开始公示</source>
        <translation>Start notice</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name}（{no}，{level} {amount}）</source>
        <translation>{name} ({no}, {level} {amount})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>将公示{year}年金秋助学 {n} 名：{names}。
自{day}起公示{days}天，{first}起可发放。</source>
        <translation>Put {n} autumn student aid grants of {year} on public notice: {names}.
The notice runs {days} days from {day}; payable from {first}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}年没有待公示的金秋助学</source>
        <translation>No autumn student aid of {year} awaits public notice</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/rating_dialog.py" line="+35"/>
        <source>评星：{name}</source>
        <translation>Star rating: {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{stars}星  {drawn}</source>
        <translation>{stars}  {drawn}</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/campaign_dialogs.py" line="+20"/>
        <source>添加慰问对象：{name}</source>
        <translation>Add recipient: {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>困难职工档案（在档）</source>
        <translation>Hardship files (on file)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非会员</source>
        <translation>Non-member</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>慰问对象</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>留空则按来源：困难职工档案为困难职工，新就业形态会员为新就业形态劳动者</source>
        <translation>Leave empty to go by the source: a hardship file gives hardship workers, a member in new forms of employment gives new-employment workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>元，最多两位小数；慰问金和慰问品至少填写一项</source>
        <translation>yuan, at most two decimals; fill in a cash gift, a gift or both</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>档案编号、姓名或身份证号；只列在档的档案</source>
        <translation>File no., name or ID number; only files on file are listed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案编号</source>
        <translation>File no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>困难类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主要致困原因</source>
        <translation>Main cause</translation>
    </message>
    <message>
        <source>姓名、拼音首字母（如 zs）、身份证号或后4/6位、会员编号</source>
        <translation type="vanished">Name, pinyin initials (e.g. zs), ID number or its last 4/6 digits, member no.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>姓名、拼音首字母（如 zs）、身份证号或后4位、会员编号</source>
        <translation>Name, pinyin initials (e.g. zs), ID number or its last 4, member no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只列新就业形态劳动者（快递员、外卖送餐员、网约车司机等）</source>
        <translation>Only workers in new forms of employment are listed (couriers, delivery riders, ride-hailing drivers…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>就业形态</source>
        <translation>Employment form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>不是本会会员的慰问对象：填写姓名和身份证号（校验位和出生日期都会检查）。</source>
        <translation>A recipient who is not a member: enter the name and ID number (its check digit and date of birth are checked).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>没有找到在档的困难职工档案</source>
        <translation>No hardship file on file found</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>还没有在档的困难职工档案</source>
        <translation>No hardship files on file yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只列出前{n}份，请输入更多内容缩小范围</source>
        <translation>Only the first {n} are listed: type more to narrow the search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找到{n}份在档档案</source>
        <translation>{n} files on file found</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>输入姓名、拼音首字母或身份证号查找会员</source>
        <translation>Type a name, pinyin initials or ID number to find a member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到在会会员；非会员请在“非会员”页填写</source>
        <translation>No active member found; enter a non-member on the “Non-member” page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只列出前{n}人，请输入更多内容缩小范围</source>
        <translation>Only the first {n} are listed: type more to narrow the search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找到{n}人</source>
        <translation>{n} found</translation>
    </message>
</context>
<context>
    <name>RecipientEditDialog</name>
    <message>
        <location line="+86"/>
        <source>修改慰问对象：{name}</source>
        <translation>Edit recipient: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>慰问对象</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&#x3000;{number}
来源：{source}</source>
        <translation>{name}  {number}
From: {source}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>要换成另一人，请移除本条后重新添加。</source>
        <translation>To change the person, remove this one and add the other.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>慰问金已同时记入其困难职工档案的帮扶记录（送温暖慰问），修改或移除时一并更改。</source>
        <translation>The cash gift is also an aid payment (warmth visit) in the hardship file; it changes with the recipient.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>元，最多两位小数；慰问金和慰问品至少填写一项</source>
        <translation>yuan, at most 2 decimals; a cash gift or a gift, or both</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/dialogs.py" line="+41"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <location filename="../../desktop/ui/common/record_fields.py" line="+89"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>清空后重新录入完整的号码</source>
        <translation>Clear it and enter the whole number again</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/common/record_form.py" line="+63"/>
        <source>删除“{name}”吗？
删除后可以用“撤销上次保存”（Ctrl+Z）恢复。</source>
        <translation>Delete “{name}”?
Undo last save (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>无法撤销“{what}”：{reason}</source>
        <translation>Cannot undo “{what}”: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>放弃正在录入的“{name}”吗？已填写的内容不会保存。</source>
        <translation>Discard the new “{name}”? What was typed is not saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃对“{name}”的修改吗？</source>
        <translation>Discard the changes to “{name}”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>撤销会放弃表单中尚未保存的修改。继续吗？</source>
        <translation>Undo discards the unsaved changes in the form. Go on?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃修改并撤销</source>
        <translation>Discard and undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销上次保存</source>
        <translation>Undo last save</translation>
    </message>
</context>
<context>
    <name>RegistryFields</name>
    <message>
        <location filename="db_registry_labels.py" line="+5"/>
        <source>11位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18位</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18位，末位可为X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一等奖名额</source>
        <translation>1st prizes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>三等奖名额</source>
        <translation>3rd prizes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下次复核日期</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主要致困原因</source>
        <translation>Main cause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二次奖励</source>
        <translation>Employer reward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二等奖名额</source>
        <translation>2nd prizes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人员管理</source>
        <translation>Staffed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仅用于区分前三名中的同分者：号小者名次在前</source>
        <translation>Only to separate ties among the first three: lower number first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代表队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>优胜奖名额</source>
        <translation>Merit awards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会员编号</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会员证号</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>会籍信息</source>
        <translation>Membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>住房类型</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>使用服务</source>
        <translation>Services used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存时自动编号</source>
        <translation>Numbered on saving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入会日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示开始日期</source>
        <translation>Notice from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示开放时间</source>
        <translation>Posted hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>六有</source>
        <translation>Six musts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他资助情况</source>
        <translation>Other aid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理时间</source>
        <translation>Handled at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>医保状况</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位性质</source>
        <translation>Employer type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位或学校</source>
        <translation>Employer or school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原状态</source>
        <translation>Old status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>去掉最高最低分</source>
        <translation>Drop highest and lowest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参赛证号</source>
        <translation>Entry no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参赛选手</source>
        <translation>Entrants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>及格分</source>
        <translation>Pass mark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发布人</source>
        <translation>Published by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变动类别</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各奖项名额按人数，或按参赛人数的百分比（四舍五入）</source>
        <translation>Award quotas as counts, or as percent of the entrants (rounded half up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同分排序</source>
        <translation>Tie-breaks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名次在前N名且及格者授予技术状元</source>
        <translation>The top N who passed are named 技术状元 (champion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名次在前N名且及格者授予技术能手（已授技术状元者除外）</source>
        <translation>The top N who passed are named 技术能手 (skill expert), champions excepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名额方式</source>
        <translation>Quotas as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难帮扶</source>
        <translation>Hardship aid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难情况</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难档案</source>
        <translation>Hardship file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难类别</source>
        <translation>Hardship category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难职工档案</source>
        <translation>Hardship files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>固定场所</source>
        <translation>Fixed place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地图可查</source>
        <translation>On the map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基本信息</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理意见</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外卖送餐员</source>
        <translation>Riders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>奖项名额与称号</source>
        <translation>Awards and titles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>学生（家庭成员）</source>
        <translation>Student (household)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完备设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实操成绩</source>
        <translation>Practical score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实操权重（%）</source>
        <translation>Practical weight (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实际开放时间</source>
        <translation>Actual hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审批人</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭与收入</source>
        <translation>Household and income</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭人口</source>
        <translation>Household size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭年度总收入（元）</source>
        <translation>Household income a year (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家庭月人均收入（元）</source>
        <translation>Income per person a month (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方单位</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>就业形态</source>
        <translation>Employment form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>就读阶段</source>
        <translation>School level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作信息</source>
        <translation>Work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作状态</source>
        <translation>Work status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工种</source>
        <translation>Trade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已获其他资助</source>
        <translation>Aided elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮扶类型</source>
        <translation>Aid type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮扶记录</source>
        <translation>Aid payments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮扶资金账户</source>
        <translation>Aid account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建成日期</source>
        <translation>Built on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建设单位</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建设单位类型</source>
        <translation>Host type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始日期</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开放时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>异议日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>快递员</source>
        <translation>Couriers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>总成绩</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>总成绩相同时依次比较的项目，仍相同则名次并列（前三名另以抽签区分）</source>
        <translation>Compared in order when totals are equal; still equal shares the rank (the first three draw lots)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>慰问人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>慰问品</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>慰问对象类别</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>慰问日期</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>慰问金（元）</source>
        <translation>Cash (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成绩发布时间</source>
        <translation>Published at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户口类型</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属会员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属基层工会</source>
        <translation>Grass-roots union</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属档案</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属竞赛</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属驿站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号码</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承办单位</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技术状元名额</source>
        <translation>Top champions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技术能手名额</source>
        <translation>Skill experts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技能竞赛</source>
        <translation>Skill contests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>技能等级</source>
        <translation>Skill level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽签顺序</source>
        <translation>Draw order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授予单位</source>
        <translation>Awarded by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提议降星的检查</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收款人身份证号</source>
        <translation>Payee ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收款人（未在档）</source>
        <translation>Payee (no file)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>政治面貌</source>
        <translation>Political status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>救助事由</source>
        <translation>Reason for aid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改完成日期</source>
        <translation>Follow-up done on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改情况</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改期限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>是否农民工</source>
        <translation>Migrant worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>是否单亲</source>
        <translation>Single parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暖心驿站</source>
        <translation>Warm stations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月收入（元）</source>
        <translation>Income a month (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>服务与评星</source>
        <translation>Services and stars</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>服务人次</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>服务项目</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本人月平均收入（元）</source>
        <translation>Own income a month (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>材料名称</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>档案类别</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>档案编号</source>
        <translation>File no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查日期</source>
        <translation>Inspected on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>次要致困原因</source>
        <translation>Other causes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残疾类别</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每人每年慰问金上限（元）</source>
        <translation>Yearly cap per person (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每次慰问金上限（元）</source>
        <translation>Cap per visit (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>活动名称</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资使用</source>
        <translation>Supplies used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>物资领入</source>
        <translation>Supplies in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>环卫工人</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>理论成绩</source>
        <translation>Theory score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>理论权重（%）</source>
        <translation>Theory weight (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用时（秒）</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申诉内容</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申诉日期</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>称号</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>竞赛名称</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>竞赛开始日期</source>
        <translation>Contest starts on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>管理制度</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>系统编号</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束日期</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束登记日期</source>
        <translation>Registration closed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一标识</source>
        <translation>Signage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>网约车司机</source>
        <translation>Drivers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>职业/工种</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>节日</source>
        <translation>Festival</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>荣誉</source>
        <translation>Honours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>药品有效期</source>
        <translation>Medicine expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>裁判人数</source>
        <translation>Judges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评分规则</source>
        <translation>Scoring rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评委姓名</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评委工作单位</source>
        <translation>Judge&apos;s employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评委序号</source>
        <translation>Judge no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评定日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评定理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>负责人</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资助金额（元）</source>
        <translation>Grant (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资格说明</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超限审批人</source>
        <translation>Over-cap approver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超限理由</source>
        <translation>Over-cap reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份信息</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送温暖活动</source>
        <translation>Warmth campaign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放人</source>
        <translation>Reopened by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放时间</source>
        <translation>Reopened at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>银行卡号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>零就业家庭</source>
        <translation>No one employed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>面积（平方米）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/inspection_dialog.py" line="-60"/>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开放时间与药品</source>
        <translation>Hours and medicine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现问题与整改</source>
        <translation>Findings and follow-up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/rating_dialog.py" line="+4"/>
        <source>评星</source>
        <translation>Star rating</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/contests/results_dialogs.py" line="-66"/>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放</source>
        <translation>Reopening</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-81"/>
        <source>帮扶</source>
        <translation>Aid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超限审批</source>
        <translation>Over-the-cap approval</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/grant_edit.py" line="-11"/>
        <source>金秋助学</source>
        <translation>Autumn student aid</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/students.py" line="-122"/>
        <source>发放</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/campaign_dialogs.py" line="-232"/>
        <source>慰问</source>
        <translation>Visit</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/results_dialogs.py" line="+169"/>
        <source>重新开放成绩：{name}</source>
        <translation>Reopen results: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重新开放后可以更正成绩；更正前后的成绩连同这里填写的原因都记入审计记录。更正完毕请再次公布成绩，仍获奖者的证书编号不变。</source>
        <translation>Once reopened, the results can be corrected; the scores before and after, with the reason given here, go into the audit log. Publish the results again when done: entrants who still win an award keep their certificate numbers.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>如：申诉成立，第2号评委对0003号选手的评分误录</source>
        <translation>e.g. Appeal upheld: judge 2&apos;s score for entrant 0003 was mistyped</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="+14"/>
        <source>重置密码 — {0}</source>
        <translation>Reset password — {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/review_dialog.py" line="+22"/>
        <location line="+150"/>
        <location line="+12"/>
        <source>年度复核</source>
        <translation>Yearly review</translation>
    </message>
    <message>
        <location line="-154"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>不填则随机</source>
        <translation>Empty: random</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽样种子：同一种子和同一批档案总是抽中同样的档案，可供复查</source>
        <translation>Sample seed: the same seed and the same files always draw the same files, so the draw can be checked</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+131"/>
        <source>开始复核</source>
        <translation>Start review</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+3"/>
        <source>档案编号</source>
        <translation>File no.</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>困难类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下次复核日期</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>入户/材料</source>
        <translation>Visit/docs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>复核结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>复核日期</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>登记复核结果…</source>
        <translation>Record result…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>复核年度</source>
        <translation>Review year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>抽样种子</source>
        <translation>Sample seed</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>未设</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{year}年应复核 {n} 份在档档案（下次复核日期在{year}年底前或未设）。开始复核后随机抽取 {k} 户（不少于30%）入户复核，其余查阅材料；种子记录在案，可以复查。</source>
        <translation>{n} files on file are due for review in {year} (next review by the end of {year}, or not set). Starting the review draws {k} households at random (at least 30%) for a home visit review; the rest are reviewed on their documents. The seed is recorded, so the draw can be checked.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year}年没有需要复核的在档档案。</source>
        <translation>No file on file is due for review in {year}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始年度复核</source>
        <translation>start the yearly review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有需要复核的档案</source>
        <translation>No files are due for review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>为{year}年的 {n} 份档案开始复核并抽取入户名单</source>
        <translation>Start the review of {n} files for {year} and draw the home visits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{year}年复核：应复核 {due} 份，抽中 {k} 户入户复核（≥30%），抽样种子 {seed}；{by} 于 {on} 发起。已登记 {done} 份，待登记 {left} 份。</source>
        <translation>{year} review: {due} files due, {k} households drawn for a home visit review (≥30%), sample seed {seed}; started by {by} on {on}. {done} recorded, {left} to record.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>待复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>登记复核结果</source>
        <translation>record review results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请先在列表中选择一份待复核的档案</source>
        <translation>Select a file to review in the list first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>档案 {no} 已于 {on} 复核</source>
        <translation>File {no} was reviewed on {on}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>登记档案 {no} 的复核结果</source>
        <translation>Record the review of file {no}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>抽样种子应为0至{top}之间的整数</source>
        <translation>The sample seed must be a whole number from 0 to {top}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>开始{year}年的年度复核？每年只复核一轮：将为 {n} 份档案建立复核记录，并抽取 {k} 户入户复核。</source>
        <translation>Start the yearly review of {year}? There is one round a year: review records are made for {n} files, and {k} households are drawn for a home visit review.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已开始{year}年的年度复核：抽中 {k} 户入户复核（≥30%），抽样种子 {seed}。</source>
        <translation>The yearly review of {year} has started: {k} households drawn for a home visit review (≥30%), sample seed {seed}.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../desktop/ui/permissions.py" line="+16"/>
        <source>录入员</source>
        <translation>clerks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>审核人</source>
        <translation>approvers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>管理员</source>
        <translation>administrators</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}和{1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>只有{who}可以{doing}</source>
        <translation>Only {who} may {doing}</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="+12"/>
        <source>修改角色 — {0}</source>
        <translation>Change roles — {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ServicesBox</name>
    <message>
        <location filename="../../desktop/ui/stations/services_box.py" line="+38"/>
        <source>列表中没有的服务项目</source>
        <translation>A service not in the list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加一项并勾选</source>
        <translation>Add it, ticked</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>其他：</source>
        <translation>Other:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+16"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>驿站设置…</source>
        <translation>Station settings…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>修改驿站设置</source>
        <translation>change station settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮扶设置…</source>
        <translation>Aid settings…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>修改帮扶设置</source>
        <translation>change aid settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暖心驿站</source>
        <translation>Warm stations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>困难帮扶</source>
        <translation>Hardship aid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>界面语言已改为“{0}”，下次启动程序时生效。</source>
        <translation>The language is now “{0}”; it takes effect the next time UnionDesk starts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>密码已修改，下次登录时请使用新密码。</source>
        <translation>Password changed; use the new password the next time you log in.</translation>
    </message>
</context>
<context>
    <name>SpecListTab</name>
    <message>
        <location filename="../../desktop/ui/common/list_tab.py" line="+224"/>
        <source>{0}的录入表单尚未提供：请用“导入Excel”或同步批次录入</source>
        <translation>{0} has no entry form yet: add records by Excel import or sync batches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>查找：{0}</source>
        <translation>Find: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全部{0}</source>
        <translation>All ({0})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
</context>
<context>
    <name>StationActionBar</name>
    <message>
        <location filename="../../desktop/ui/stations/form_widgets.py" line="+82"/>
        <source>{step}…</source>
        <translation>{step}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>办理驿站{step}</source>
        <translation>record a station&apos;s “{step}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存新驿站后才能办理</source>
        <translation>Save the new station first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>办理驿站{step}，记入状态变动</source>
        <translation>Record “{step}” in the station&apos;s status history</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除驿站</source>
        <translation>delete stations</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>修改驿站</source>
        <translation>change stations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存驿站</source>
        <translation>save stations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复为打开时的内容（Esc）</source>
        <translation>Go back to what was there when opened (Esc)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>驿站当前为{now}，{allowed}的驿站才能{step}</source>
        <translation>The station is {now}; “{step}” is only for a station that is {allowed}</translation>
    </message>
</context>
<context>
    <name>StationChanges</name>
    <message>
        <location filename="../../desktop/ui/stations/saving.py" line="+39"/>
        <source>登记驿站“{name}”</source>
        <translation>Registered station “{name}”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>修改驿站“{name}”的{fields}</source>
        <translation>Changed {fields} of station “{name}”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>驿站“{name}”{step}</source>
        <translation>Station “{name}”: {step}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>删除驿站“{name}”</source>
        <translation>Deleted station “{name}”</translation>
    </message>
</context>
<context>
    <name>StationFilters</name>
    <message>
        <location filename="../../desktop/ui/stations/filters.py" line="+35"/>
        <source>查找：编号、名称、地址、建设单位、负责人、名称拼音首字母（如 cym）</source>
        <translation>Find: code, name, address, host, manager, initials (cym)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部建设单位类型</source>
        <translation>All host types</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}（{1}星）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未评星</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部星级</source>
        <translation>All stars</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>六有：全部</source>
        <translation>Six musts: all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>六有齐全</source>
        <translation>Six musts met</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>六有不齐全</source>
        <translation>Six musts not met</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>需关注：全部</source>
        <translation>Attention: all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仅需关注的</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超过12个月未检查、上月台账未录入、药品过期或30天内到期、整改逾期未完成</source>
        <translation>No inspection for over 12 months, last month&apos;s service log missing, medicine expired or expiring within 30 days, or a follow-up overdue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部街道</source>
        <translation>All sub-districts</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../desktop/ui/stations/form.py" line="+105"/>
        <source>新驿站</source>
        <translation>new station</translation>
    </message>
</context>
<context>
    <name>StationHeader</name>
    <message>
        <location filename="../../desktop/ui/stations/form_widgets.py" line="-79"/>
        <source>登记为</source>
        <translation>Register as</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新登记的驿站为筹建或运行；暂停、撤销请在保存后办理</source>
        <translation>A new station is planned or running; pause or close it after saving</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只读：您没有录入和修改台账的权限，只能查看驿站信息。</source>
        <translation>Read-only: you may not enter or change records, only view the station.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>登记驿站（新驿站）</source>
        <translation>Register (new station)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>填写后按“保存”；服务项目默认勾选“八可”。</source>
        <translation>Fill in and press “Save”; the eight services are ticked by default.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未选择驿站</source>
        <translation>No station selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在左侧列表中选择一个驿站查看。</source>
        <translation>Choose a station in the list on the left.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>编号 {code} · {status}</source>
        <translation>Code {code} · {status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最后修改：第 {rev} 版 · {at} · {by}</source>
        <translation>Last changed: version {rev} · {at} · {by}</translation>
    </message>
</context>
<context>
    <name>StationHistoryView</name>
    <message>
        <location filename="../../desktop/ui/stations/history_view.py" line="+18"/>
        <source>状态变动</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原状态→新状态</source>
        <translation>From → to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>StationInspections</name>
    <message>
        <location filename="../../desktop/ui/stations/inspections.py" line="+28"/>
        <source>{n}/6</source>
        <translation>{n}/6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{passed}，缺：{missing}</source>
        <translation>{passed}, lacks {missing}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已完成（{day}）</source>
        <translation>Done ({day})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无需整改</source>
        <translation>None needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未完成（未定期限）</source>
        <translation>Open (no due date)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已逾期（期限 {due}）</source>
        <translation>Overdue (due {due})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未完成（期限 {due}）</source>
        <translation>Open (due {due})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>检查日期</source>
        <translation>Inspected on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>六有</source>
        <translation>Six musts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>整改</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择一次检查，在这里查看全部内容</source>
        <translation>Select an inspection to see all of it here</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新增检查…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改检查…</source>
        <translation>Edit inspection…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>完成整改…</source>
        <translation>Complete follow-up…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>删除检查…</source>
        <translation>Delete inspection…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>新增检查</source>
        <translation>record inspections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录一次对该驿站的检查</source>
        <translation>Record an inspection of this station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改检查</source>
        <translation>edit inspections</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>更正所选检查误录的内容（修改前后的内容记入审计记录）</source>
        <translation>Correct the selected inspection (the values before and after go to the audit trail)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成整改</source>
        <translation>complete follow-ups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请先选择一次整改未完成的检查</source>
        <translation>First select an inspection whose follow-up is open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记所选检查的整改完成日期</source>
        <translation>Record the day the selected inspection&apos;s follow-up was done</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>删除检查</source>
        <translation>Delete inspection</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+8"/>
        <source>请先选择一次检查</source>
        <translation>Select an inspection first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除误录的检查（连同它尚未确认的降星提议）</source>
        <translation>Delete an inspection entered by mistake (and its unconfirmed mark-down)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>（未填）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>检查日期：{day}&#x3000;检查人：{who}&#x3000;得分：{score}</source>
        <translation>Inspected on: {day}   Inspector: {who}   Score: {score}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>六有：{six}</source>
        <translation>Six musts: {six}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开放时间：公示 {posted}，实际 {actual}</source>
        <translation>Opening hours: posted {posted}, actual {actual}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>药品有效期：{day}</source>
        <translation>Medicine expires: {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现问题：{text}</source>
        <translation>Findings: {text}</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>整改情况：{text}</source>
        <translation>Follow-up: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改期限：{due}&#x3000;完成日期：{done}</source>
        <translation>Follow-up due: {due}   Done on: {done}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未完成</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>本次检查提议将星级由{old}星降为{new}星：{reasons}，请在“评星”页确认或驳回。</source>
        <translation>This inspection proposes marking the station down from {old} to {new} stars: {reasons}. Confirm or dismiss it on the “Star rating” page.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本次检查未达标：{reasons}。驿站尚未评星，不提议降星。</source>
        <translation>This inspection found shortcomings: {reasons}. The station has no star rating, so no mark-down is proposed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本次检查未达标：{reasons}。驿站已是1星，不再提议降星；是否撤销由负责人决定。</source>
        <translation>This inspection found shortcomings: {reasons}. The station has 1 star already, so no mark-down is proposed; whether to close it is for the person in charge to decide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>检查未达标</source>
        <translation>Inspection not passed</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>删除{day}{who}的检查记录吗？它尚未确认的降星提议一并撤回。</source>
        <translation>Delete the inspection of {day} by {who}? Its unconfirmed mark-down is withdrawn with it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>StationLogGrid</name>
    <message>
        <location filename="../../desktop/ui/stations/log_grid.py" line="+82"/>
        <source>上一年</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度汇总</source>
        <translation>Year totals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销最近一次录入（Ctrl+Z）</source>
        <translation>Undo the last entry (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>只读：没有录入和修改台账的权限</source>
        <translation>Read-only: you may not enter logs</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>合计由各类人次自动计算，不能填写</source>
        <translation>The total is the sum of the groups and cannot be typed</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0}：合计自动计算，不能填写</source>
        <translation>{0}: the total is computed and cannot be typed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0}：必须是不小于0的整数</source>
        <translation>{0}: must be a whole number, 0 or more</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>清除 {0} 个单元格</source>
        <translation>Cleared {0} cells</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>没有粘贴：{0}</source>
        <translation>Not pasted: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>粘贴 {0} 行</source>
        <translation>Pasted {0} rows</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>粘贴的 {0} 行超出了12月</source>
        <translation>The {0} pasted rows go past December</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>粘贴的列超出了最后一列</source>
        <translation>The pasted columns go past the last column</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/log_model.py" line="+43"/>
        <location line="+92"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>请先选择驿站</source>
        <translation>Choose a station first</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>各类人次之和，自动计算</source>
        <translation>The sum of the groups, computed</translation>
    </message>
</context>
<context>
    <name>StationPages</name>
    <message>
        <location filename="../../desktop/ui/stations/pages.py" line="+42"/>
        <source>请先在列表中选择一个驿站</source>
        <translation>Choose a station in the list first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>驿站当前为{status}，运行或暂停的驿站才能{doing}</source>
        <translation>The station is {status}: you can {doing} only for a running or paused station</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StationPrompts</name>
    <message>
        <location filename="../../desktop/ui/stations/prompts.py" line="+76"/>
        <source>删除驿站“{name}”（编号 {code}）吗？
删除后可以用“撤销上次保存”（Ctrl+Z）恢复。</source>
        <translation>Delete station “{name}” (code {code})?
You can bring it back with “Undo last save” (Ctrl+Z).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除驿站</source>
        <translation>Delete station</translation>
    </message>
</context>
<context>
    <name>StationRatings</name>
    <message>
        <location filename="../../desktop/ui/stations/ratings.py" line="+50"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>评定日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>评星…</source>
        <translation>Rate stars…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+75"/>
        <location line="+38"/>
        <source>确认降星</source>
        <translation>Confirm mark-down</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+122"/>
        <source>驳回</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>待确认（检查提议）</source>
        <translation>Pending (proposed by inspection)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>有{n}条检查提议的降星待确认或驳回</source>
        <translation>Mark-downs proposed by inspections to confirm or dismiss: {n}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>当前星级：{drawn}（{stars}星）</source>
        <translation>Stars: {drawn} ({stars})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前星级：未评星</source>
        <translation>Stars: not rated</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>理由：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（未填）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评星</source>
        <translation>give star ratings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记该驿站的年度评星</source>
        <translation>Record this station&apos;s star rating for a year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按所选检查提议改变星级</source>
        <translation>Change the stars as the selected inspection proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>驳回降星提议</source>
        <translation>Dismiss the mark-down</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>驳回所选提议，星级不变</source>
        <translation>Dismiss the selected proposal; the stars stay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请先选择一条待确认的检查提议</source>
        <translation>First select a pending proposal</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>确认将驿站“{name}”的星级由{old}星降为{new}星吗？
{reason}</source>
        <translation>Mark station “{name}” down from {old} to {new} stars?
{reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>驳回这条降星提议吗？驿站“{name}”的星级保持{old}星。</source>
        <translation>Dismiss this proposed mark-down? Station “{name}” keeps {old} stars.</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/settings_dialog.py" line="+42"/>
        <source>驿站设置</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>服务项目</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“八可”（每个驿站默认提供）：{0}</source>
        <translation>The eight services (every station has them by default): {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>新的服务项目，如 阅读、维修</source>
        <translation>A new service, e.g. reading or repairs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>本单位增加的服务项目（双击可改名）：</source>
        <translation>Services our office added (double-click to rename):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>评星标准：各星级驿站的最小面积</source>
        <translation>Star standards: the least area for each star level</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> 平方米</source>
        <translation> m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}星驿站的面积应不少于此数</source>
        <translation>A {0}-star station has at least this area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}星</source>
        <translation>{0} ★</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>评星时面积达不到该星级最小面积的驿站不能评为该星级；星级越高，最小面积不能越小。</source>
        <translation>A station smaller than a level&apos;s least area cannot be rated at that level; a higher level&apos;s least area cannot be smaller.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>修改驿站设置</source>
        <translation>change station settings</translation>
    </message>
</context>
<context>
    <name>StationSteps</name>
    <message>
        <location filename="../../desktop/ui/stations/saving.py" line="-50"/>
        <source>投入运行</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复运行</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>撤销</source>
        <translation>Close down</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <location filename="../../desktop/ui/stations/table_model.py" line="+99"/>
        <source>需关注：超过12个月未检查、上月台账未录入、药品过期或将到期、整改逾期</source>
        <translation>Needs attention: no inspection for 12 months, last month&apos;s log missing, medicine expired or expiring, or a follow-up overdue</translation>
    </message>
</context>
<context>
    <name>StationUndo</name>
    <message>
        <location filename="../../desktop/ui/stations/saving.py" line="+13"/>
        <source>登记之后又被修改过，不能撤销</source>
        <translation>It was changed after it was registered and cannot be undone</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../desktop/ui/stations/tab.py" line="+30"/>
        <source>驿站信息</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暖心驿站</source>
        <translation>Warm stations</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>全部驿站各月、各类服务人次的年度合计</source>
        <translation>Yearly visits to all stations, by month and group</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>台账</source>
        <translation>Service log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评星</source>
        <translation>Star rating</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../desktop/ui/members/dialogs.py" line="+54"/>
        <source>{step}：{name}</source>
        <translation>{step}: {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>转往单位*</source>
        <translation>Transferred to*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原单位</source>
        <translation>Previous unit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/prompts.py" line="-50"/>
        <source>{step}：{name}</source>
        <translation>{step}: {name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日期*</source>
        <translation>Date*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../desktop/ui/sync/tab.py" line="+59"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>导入、导出的结果显示在这里。</source>
        <translation>The results of imports and exports appear here.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>导入批次…</source>
        <translation>Import batches…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出批次…</source>
        <translation>Export batch…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印交接单</source>
        <translation>Print handover receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理冲突…</source>
        <translation>Settle conflict…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选择一个或多个批次文件（.ubatch）导入；也可以把文件拖到本页。</source>
        <translation>Choose one or more batch files (.ubatch) to import; you can also drop files on this page.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把本单位的变动写成批次文件，发给对方单位。</source>
        <translation>Write our changes to a batch file to send to the other office.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只有录入员和管理员可以导入、导出批次。</source>
        <translation>Only clerks and admins may import and export batches.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只有录入员和管理员可以处理冲突。</source>
        <translation>Only clerks and admins may settle conflicts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览并打印所选批次的交接单。</source>
        <translation>Preview and print the handover receipt of the selected batch.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>提示：也可以把批次文件（.ubatch）拖到本页导入。</source>
        <translation>Tip: you can also drop batch files (.ubatch) on this page to import them.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;导入导出结果&lt;/b&gt;</source>
        <translation>&lt;b&gt;Import and export results&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>无法读取同步记录：{0}</source>
        <translation>Cannot read the sync records: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;单位&lt;/b&gt;（{0} 个）</source>
        <translation>&lt;b&gt;Offices&lt;/b&gt; ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;批次&lt;/b&gt;（最近 {0} 个）</source>
        <translation>&lt;b&gt;Batches&lt;/b&gt; (latest {0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;待处理冲突&lt;/b&gt;（{0} 个）</source>
        <translation>&lt;b&gt;Open conflicts&lt;/b&gt; ({0})</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+16"/>
        <source>导入批次</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>同步批次 (*.ubatch)</source>
        <translation>Sync batches (*.ubatch)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>不是批次文件</source>
        <translation>Not batch files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只能导入同步批次文件（.ubatch），以下文件没有导入：
{0}</source>
        <translation>Only sync batch files (.ubatch) can be imported; these files were not imported:
{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>只有录入员和管理员可以导入批次。</source>
        <translation>Only clerks and admins may import batches.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>无法打开这条冲突</source>
        <translation>Cannot open this conflict</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>冲突已处理。</source>
        <translation>Conflict settled.</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../desktop/ui/aid/dialogs.py" line="+50"/>
        <source>处理结果*</source>
        <translation>Outcome*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日期*</source>
        <translation>Date*</translation>
    </message>
</context>
<context>
    <name>UniformBox</name>
    <message>
        <location filename="../../desktop/ui/excel/uniform_box.py" line="+29"/>
        <source>统一填写（文件中没有这一列，每一行都填这个值）</source>
        <translation>Same for every row (the file has no such column)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/users_dialog.py" line="+15"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>用户“{0}”没有“管理用户”的权限。</source>
        <translation>User “{0}” may not manage users.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>VerdictTableModel</name>
    <message>
        <location filename="../../desktop/ui/excel/preview_model.py" line="+34"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>VerifyCertificateDialog</name>
    <message>
        <location filename="../../desktop/ui/contests/verify_dialog.py" line="+49"/>
        <source>验证证书</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>在此粘贴证书二维码中的文字（以 UDC1: 开头），或点“打开证书PDF…”</source>
        <translation>Paste the text of a certificate&apos;s QR code here (it starts with UDC1:), or click “Open certificate PDF…”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开证书PDF…</source>
        <translation>Open certificate PDF…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{0} 中没有找到证书的签名文字：不是本系统打印的获奖证书，或签名文字已被删去。</source>
        <translation>{0} holds no signed certificate text: not a certificate printed by UnionDesk, or the text was removed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>第 {0} 张：{1}</source>
        <translation>Certificate {0}: {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}：共 {1} 张，真 {2} 张</source>
        <translation>{0}: {1} certificates, {2} genuine</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>打开证书PDF</source>
        <translation>Open certificate PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>粘贴证书二维码中的文字，或打开证书PDF文件。</source>
        <translation>Paste the text of a certificate&apos;s QR code, or open a certificate PDF.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（以下内容未经核实）</source>
        <translation>(the following is not verified)</translation>
    </message>
</context>
<context>
    <name>YearTotalsDialog</name>
    <message>
        <location filename="../../desktop/ui/stations/year_view.py" line="+53"/>
        <source>全部驿站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>（已删除的驿站）</source>
        <translation>(deleted station)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度汇总 — {0}</source>
        <translation>Year totals — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+382"/>
        <source>帮扶年度统计</source>
        <translation>Aid year totals</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desktop/ui/stations/year_view.py" line="+4"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全区各街道</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>本街道</source>
        <translation>This sub-district</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（{scope}，按发放日期）</source>
        <translation>({scope}, by payment date)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>帮扶类型</source>
        <translation>Aid type</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+27"/>
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+27"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制为制表符分隔的文本，可粘贴到电子表格</source>
        <translation>Copy as tab-separated text to paste into a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/year_view.py" line="+2"/>
        <source>上一年</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="+18"/>
        <location line="+5"/>
        <location filename="../../desktop/ui/stations/year_view.py" line="+15"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/year_view.py" line="+1"/>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全年</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-20"/>
        <location filename="../../desktop/ui/stations/year_view.py" line="+6"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stations/year_view.py" line="+15"/>
        <source>{0} {1}年服务人次</source>
        <translation>{0}: visits in {1}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>全部驿站年度汇总</source>
        <translation>Year totals</translation>
    </message>
</context>
<context>
    <name>_SubmitDialog</name>
    <message>
        <location filename="../../desktop/ui/members/dialogs.py" line="-37"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/ui/aid/payments.py" line="-304"/>
        <source>元，最多两位小数</source>
        <translation>yuan, at most two decimals</translation>
    </message>
</context>
</TS>
