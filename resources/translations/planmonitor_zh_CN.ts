<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../planmonitor/gui/excepthook.py" line="39"/>
        <location filename="../../planmonitor/app.py" line="138"/>
        <location filename="../../planmonitor/app.py" line="179"/>
        <source>PlanMonitor</source>
        <translation>规划监测</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="155"/>
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="159"/>
        <source>all users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="161"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="161"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="161"/>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="161"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="161"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="165"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="182"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="183"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="184"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="202"/>
        <source>{n} changes shown (newest first).</source>
        <translation>显示{n}条修改记录（最新的在前）。</translation>
    </message>
</context>
<context>
    <name>BaselineDialog</name>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="61"/>
        <source>e.g. 3</source>
        <translation>例如3</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="62"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="63"/>
        <source>Baseline now</source>
        <translation>现有基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="78"/>
        <source>missing</source>
        <translation>空缺</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="81"/>
        <source>Baseline {year} ({unit})</source>
        <translation>{year}年基数（{unit}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="92"/>
        <source>Enter the {year} baseline of {name}</source>
        <translation>请填写{name}的{year}年基数</translation>
    </message>
</context>
<context>
    <name>BaselineOffers</name>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="21"/>
        <source>Take</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="22"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="23"/>
        <source>Matched in the earlier plan</source>
        <translation>上期规划中对应的指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="24"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="25"/>
        <source>Standing</source>
        <translation>数据性质</translation>
    </message>
</context>
<context>
    <name>BaselineOffersDialog</name>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="39"/>
        <source>Baselines from the earlier plan</source>
        <translation>从上期规划取基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="56"/>
        <source>no value yet</source>
        <translation>暂无数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="64"/>
        <source>Take ticked</source>
        <translation>采用所勾选的</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="65"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/baseline_offers.py" line="70"/>
        <source>A ticked pairing carries the indicator over (both plans&apos; history in its trend plot) and takes the value as its baseline. Unsure pairings start unticked; 预计 values should be updated later.</source>
        <translation>勾选的配对即为接续指标（趋势图同时显示两期规划的数据），并取该值作为基数。不确定的配对默认不勾选；预计值待正式数据发布后应更新。</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="154"/>
        <source>Check</source>
        <translation>审核规则</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="155"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="156"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="157"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="158"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="159"/>
        <source>Finding</source>
        <translation>审核提示</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="160"/>
        <source>Comment</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="174"/>
        <source>Close the quarter (reporting complete)</source>
        <translation>锁定本季度（报送完成）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="176"/>
        <source>Reason for reopening</source>
        <translation>重新打开的原因</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="177"/>
        <source>Reopen the quarter</source>
        <translation>重新打开本季度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="189"/>
        <source>Needs a comment before the quarter can be closed</source>
        <translation>锁定前须填写情况说明的事项</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="194"/>
        <source>Closing history</source>
        <translation>锁定记录</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="223"/>
        <source>Data checks, {quarter}</source>
        <translation>{quarter}数据审核</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="231"/>
        <source>(needs a comment)</source>
        <translation>（待填写情况说明）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="252"/>
        <source>Closed: {event}. Values, comments and task progress of this quarter cannot be changed until it is reopened.</source>
        <translation>已锁定：{event}。重新打开之前，本季度的数值、情况说明和任务进展均不能修改。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="257"/>
        <source>Open: values can be entered and imported.</source>
        <translation>未锁定：可以录入和导入数据。</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../planmonitor/gui/connect_dialog.py" line="30"/>
        <source>Connect to the server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/connect_dialog.py" line="37"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/connect_dialog.py" line="38"/>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/connect_dialog.py" line="39"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="77"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="89"/>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="78"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="108"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="133"/>
        <source>PlanMonitor databases ({patterns})</source>
        <translation>PlanMonitor 数据库（{patterns}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="106"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="122"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="124"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="132"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="140"/>
        <location filename="../../planmonitor/gui/database_actions.py" line="159"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="142"/>
        <source>Replace everything in {current} with the backup {backup}?
The current file is backed up beside it first.</source>
        <translation>用备份 {backup} 替换 {current} 中的全部数据吗？
恢复前会先把当前文件另存一份，放在它旁边。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/database_actions.py" line="164"/>
        <source>Restored from {backup}; the previous data are kept in {kept}</source>
        <translation>已从 {backup} 恢复；原来的数据另存在 {kept}</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="59"/>
        <source>Edit indicator…</source>
        <translation>编辑指标…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="60"/>
        <source>Revise target…</source>
        <translation>调整目标…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="71"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="72"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="73"/>
        <source>Standing</source>
        <translation>数据状态</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="74"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="75"/>
        <source>Recorded</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="76"/>
        <location filename="../../planmonitor/gui/detail.py" line="87"/>
        <source>By</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="77"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="78"/>
        <source>Comment</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="83"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="84"/>
        <source>Old target</source>
        <translation>原目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="85"/>
        <source>New target</source>
        <translation>新目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="86"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="95"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="105"/>
        <source>Definition</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="106"/>
        <source>Value history</source>
        <translation>录入记录</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="107"/>
        <source>Target revisions</source>
        <translation>目标调整记录</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="264"/>
        <source>{plan} ({id}) indicator {code} {name}</source>
        <translation>{plan}（{id}）指标{code}“{name}”</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="296"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="297"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="298"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="299"/>
        <source>Attribute</source>
        <translation>指标属性</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="300"/>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="302"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="305"/>
        <source>Target form</source>
        <translation>目标形式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="306"/>
        <source>Cadence</source>
        <translation>数据发布方式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="307"/>
        <source>Release profile</source>
        <translation>发布节奏</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="308"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="309"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="310"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="263"/>
        <source>Carried over from</source>
        <translation>上期指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="273"/>
        <location filename="../../planmonitor/gui/detail.py" line="285"/>
        <source>Final value of the earlier plan</source>
        <translation>上期末年值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="274"/>
        <source>{year}: {value} ({standing})</source>
        <translation>{year}年：{value}（{standing}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="281"/>
        <source>Final evaluation</source>
        <translation>总结评估</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="286"/>
        <source>no value for {year} yet</source>
        <translation>尚无{year}年数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="290"/>
        <source>Units</source>
        <translation>单位换算</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="323"/>
        <source>Level to reach</source>
        <translation>达到目标值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="324"/>
        <source>Cumulative increase</source>
        <translation>累计增加</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="325"/>
        <source>Percentage points a year</source>
        <translation>年均提高百分点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="326"/>
        <source>Average annual growth</source>
        <translation>年均增长</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="327"/>
        <source>Growth rate as the indicator</source>
        <translation>增长率指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="328"/>
        <source>Annual quota</source>
        <translation>年度任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="329"/>
        <source>Qualitative milestone</source>
        <translation>定性节点目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="334"/>
        <source>Cumulative flow</source>
        <translation>累计数（1—N月累计）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="335"/>
        <source>Batch step</source>
        <translation>分批认定</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="336"/>
        <source>Annual, published late</source>
        <translation>年度统计（次年发布）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="337"/>
        <source>Smooth stock</source>
        <translation>时点数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="338"/>
        <source>Annual count that restarts</source>
        <translation>每年重新计数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="348"/>
        <source>current</source>
        <translation>现行</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/detail.py" line="348"/>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="58"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="82"/>
        <source>Edit indicator</source>
        <translation>编辑指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="189"/>
        <source>Revise target</source>
        <translation>调整目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="257"/>
        <source>Add sub-region</source>
        <translation>添加下级地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="53"/>
        <source>Enter a baseline</source>
        <translation>补录基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="107"/>
        <source>Sub-region targets</source>
        <translation>地区目标分解</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="195"/>
        <source>Plan settings</source>
        <translation>规划设置</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="246"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
</context>
<context>
    <name>DraftTable</name>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="25"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="27"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="28"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="29"/>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="30"/>
        <source>Target form</source>
        <translation>目标形式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="31"/>
        <source>Comparator</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="32"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="33"/>
        <source>Rate</source>
        <translation>增长率</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="34"/>
        <source>Increase</source>
        <translation>累计增加</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="35"/>
        <source>Milestones</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="36"/>
        <source>Questions</source>
        <translation>待确认的问题</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/draft_table.py" line="37"/>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="203"/>
        <source>Year {year}</source>
        <translation>{year}年全年</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="178"/>
        <location filename="../../planmonitor/gui/entry_model.py" line="319"/>
        <source>Published once a year: enter the annual value in the Year column</source>
        <translation>按年发布的指标：请在“全年”列填写年度值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="128"/>
        <source>Data check (explained): {cell}: {rule}, {finding}.</source>
        <translation>审核提示（已说明）：{cell}：{rule}，{finding}。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="130"/>
        <source>Data check: {cell}: {rule}, {finding}. A comment (情况说明) is needed.</source>
        <translation>审核提示：{cell}：{rule}，{finding}。须填写情况说明。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="182"/>
        <location filename="../../planmonitor/gui/entry_model.py" line="322"/>
        <source>Quarterly indicator: the Q4 value is the year&apos;s value</source>
        <translation>按季填报的指标：第四季度的值即全年值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="325"/>
        <source>{period}: no value yet</source>
        <translation>{period}：尚未填报</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="339"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="340"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="341"/>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="342"/>
        <source>Target this year</source>
        <translation>本年目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="343"/>
        <source>Q1 (Jan–Mar)</source>
        <translation>一季度（1—3月）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="344"/>
        <source>Q2 (Jan–Jun)</source>
        <translation>二季度（1—6月）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="345"/>
        <source>Q3 (Jan–Sep)</source>
        <translation>三季度（1—9月）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="346"/>
        <source>Q4 (Jan–Dec)</source>
        <translation>四季度（1—12月）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="351"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="351"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="176"/>
        <source>this column is the plan&apos;s, not a value</source>
        <translation>此列是规划信息，不填数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_model.py" line="183"/>
        <source>{cell} takes no value: {why}</source>
        <translation>{cell}不填数值：{why}</translation>
    </message>
</context>
<context>
    <name>EntryNotice</name>
    <message>
        <location filename="../../planmonitor/gui/entry_notice.py" line="40"/>
        <source> and {n} more</source>
        <translation>等{n}项</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_notice.py" line="41"/>
        <source>Saved, but the data checks flag it: {items}. A comment (情况说明) is needed: type it in the comment field below.</source>
        <translation>已保存，但数据审核提示：{items}。须填写情况说明（备注），请在下方情况说明栏中写明原因。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_notice.py" line="50"/>
        <source>Saved. The data check of {cell} is explained by its comment.</source>
        <translation>已保存。{cell}的审核提示已有情况说明。</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="88"/>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="92"/>
        <source>Estimate (预计)</source>
        <translation>预计</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="93"/>
        <source>Preliminary (初步)</source>
        <translation>初步</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="94"/>
        <source>Final (正式)</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="121"/>
        <source>Values of</source>
        <translation>填报年度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="124"/>
        <source>Type and press Enter; paste a block copied from Excel or WPS</source>
        <translation>输入数值后按回车；可直接粘贴从 Excel 或 WPS 复制的区域</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="218"/>
        <location filename="../../planmonitor/gui/entry.py" line="431"/>
        <source>Enter {name} {period}</source>
        <translation>录入{name}（{period}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="278"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_paste.py" line="31"/>
        <source>The pasted block does not fit the grid; nothing was pasted.</source>
        <translation>粘贴的区域超出表格范围，未粘贴任何数据。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_paste.py" line="46"/>
        <source>Nothing was pasted: {name} {period}: {reason}</source>
        <translation>未粘贴任何数据：{name} {period}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="351"/>
        <source>Paste {n} values</source>
        <translation>粘贴{n}个数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="446"/>
        <source>Select a value to set its standing and comment</source>
        <translation>选中一个数值，可设置数据状态和情况说明</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="110"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="111"/>
        <source>Reload and save my values again</source>
        <translation>重新载入并再次保存我的数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="319"/>
        <source>Reloaded: the values are as saved in the database now.</source>
        <translation>已重新载入：显示的是数据库中现在保存的数值。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="331"/>
        <source>Save my values again</source>
        <translation>再次保存我的数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="99"/>
        <source>Comment on this value (情况说明); saved when you leave the field</source>
        <translation>该数值的情况说明（离开输入框或按回车即保存）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="104"/>
        <source>By its parts:</source>
        <translation>按分子、分母填报：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry_paste.py" line="38"/>
        <source>Nothing was pasted: {reason}</source>
        <translation>未粘贴任何数据：{reason}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="416"/>
        <source>{cell}: enter both the numerator and the denominator</source>
        <translation>{cell}：请同时填写分子和分母</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="420"/>
        <source>{cell}: the denominator is zero</source>
        <translation>{cell}：分母为零</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="467"/>
        <source>Standing and comment of {name} {period}</source>
        <translation>{name}{period}的数据状态和说明</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="367"/>
        <source>Clear {name} {period}</source>
        <translation>清除{name}{period}的值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/entry.py" line="371"/>
        <source>Clear {n} values</source>
        <translation>清除{n}个值</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="83"/>
        <source>Import a spreadsheet</source>
        <translation>导入填报数据</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="84"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="112"/>
        <source>Save the fill-in workbook</source>
        <translation>保存填报表</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="128"/>
        <source>Fill-in workbook</source>
        <translation>填报表</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="130"/>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="159"/>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="141"/>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="163"/>
        <source>Export all values</source>
        <translation>导出全部数据</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="67"/>
        <source>Import: {file}</source>
        <translation>导入：{file}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="75"/>
        <location filename="../../planmonitor/gui/import_dialog.py" line="271"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="76"/>
        <source>What</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="77"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="78"/>
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="79"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="81"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="82"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="83"/>
        <source>Current value</source>
        <translation>现有值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="84"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="91"/>
        <source>Please confirm these names</source>
        <translation>请确认以下名称对应的指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="93"/>
        <source>Apply my answers</source>
        <translation>按我的选择重新核对</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="95"/>
        <source>Import the ticked values</source>
        <translation>导入勾选的数值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="149"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数值。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="158"/>
        <source>{file}: {new} new, {changed} changed, {conflict} in conflict, {unchanged} unchanged, {unsure} to confirm, {unknown} unknown, {error} errors. Nothing is written until you accept; then all ticked values are written, or none.</source>
        <translation>{file}：新增{new}，修改{changed}，冲突{conflict}，未变{unchanged}，待确认{unsure}，未识别{unknown}，错误{error}。确认前不写入任何数值；确认后勾选的数值全部写入，或全部不写入。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="197"/>
        <source>— not an indicator of this plan —</source>
        <translation>— 不是本规划的指标 —</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="80"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="175"/>
        <source> etc.</source>
        <translation>等</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="178"/>
        <source>{count} values name no period ({places}): imported as {period}.</source>
        <translation>{count}个数值未注明期别（{places}），按{period}导入。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="195"/>
        <source>— not a region of this plan —</source>
        <translation>— 不是本规划的地区 —</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="259"/>
        <source>{period} (not in the file)</source>
        <translation>{period}（文件未注明）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="261"/>
        <source>The file names no period for this value; it is imported as {period}.</source>
        <translation>文件未注明此数值的期别，按{period}导入。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/import_dialog.py" line="307"/>
        <source>Imported {written} values from {file}: {new} new, {changed} changed.</source>
        <translation>已从{file}导入{written}个数值：新增{new}个，修改{changed}个。</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="95"/>
        <source>Cumulative flow (1—N月累计)</source>
        <translation>累计数（1—N月累计）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="96"/>
        <source>Batch step (认定批次)</source>
        <translation>分批认定（批次）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="97"/>
        <source>Annual, published late (年度统计)</source>
        <translation>年度统计（次年发布）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="98"/>
        <source>Smooth stock (时点数)</source>
        <translation>时点数（平稳变化）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="99"/>
        <source>Annual count that restarts (每年重新计数)</source>
        <translation>每年重新计数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="110"/>
        <source>Q{n}</source>
        <translation>{n}季度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="112"/>
        <source>Q4 100%</source>
        <translation>四季度100%</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="123"/>
        <source>Use the plan&apos;s thresholds</source>
        <translation>使用规划的阈值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="124"/>
        <source>Own thresholds</source>
        <translation>单独设置阈值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="127"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="128"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="129"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="130"/>
        <source>Attribute</source>
        <translation>指标属性</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="131"/>
        <source>Cadence</source>
        <translation>数据发布方式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="132"/>
        <source>Release profile (share due by quarter end)</source>
        <translation>发布节奏（各季度末应完成比例）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="133"/>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="134"/>
        <source>Responsible units (、-separated)</source>
        <translation>责任单位（用“、”分隔）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="135"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="136"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="137"/>
        <source>Light thresholds</source>
        <translation>亮灯阈值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="138"/>
        <source>Green from progress</source>
        <translation>绿灯：完成序时进度不低于</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="139"/>
        <source>Yellow from progress</source>
        <translation>黄灯：完成序时进度不低于</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="11"/>
        <source>On schedule</source>
        <translation>达到序时进度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="12"/>
        <source>Slightly behind</source>
        <translation>略滞后</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="13"/>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="14"/>
        <source>Not assessable</source>
        <translation>暂无法评价</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="15"/>
        <source>Met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/lights.py" line="16"/>
        <source>Not met</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="92"/>
        <location filename="../../planmonitor/gui/startup.py" line="86"/>
        <source>PlanMonitor</source>
        <translation>规划监测</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="99"/>
        <location filename="../../planmonitor/gui/menus.py" line="97"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="100"/>
        <location filename="../../planmonitor/gui/menus.py" line="98"/>
        <source>Quarterly entry</source>
        <translation>数据填报</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="101"/>
        <location filename="../../planmonitor/gui/menus.py" line="99"/>
        <source>Indicator detail</source>
        <translation>指标详情</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="123"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="124"/>
        <source>Nothing saved yet in this session</source>
        <translation>本次尚未保存数据</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="174"/>
        <source>Report period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="177"/>
        <source>Plan:</source>
        <translation>规划：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="180"/>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="183"/>
        <source>Report period:</source>
        <translation>报告期：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="50"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="52"/>
        <source>Add a plan…</source>
        <translation>添加规划…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="62"/>
        <source>Import a spreadsheet…</source>
        <translation>导入填报数据…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="63"/>
        <source>Fill-in workbook for units…</source>
        <translation>生成填报表…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="64"/>
        <source>Export all values…</source>
        <translation>导出全部数据…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="66"/>
        <source>Export the quarterly report…</source>
        <translation>导出季度报告…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="70"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="73"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="74"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="76"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="81"/>
        <source>Edit indicator…</source>
        <translation>编辑指标…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="82"/>
        <source>Revise target…</source>
        <translation>调整目标…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="87"/>
        <source>Add sub-region…</source>
        <translation>添加下级地区…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="95"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="102"/>
        <source>Previous quarter</source>
        <translation>上一季度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="103"/>
        <source>Next quarter</source>
        <translation>下一季度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="440"/>
        <location filename="../../planmonitor/gui/menus.py" line="105"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="118"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="494"/>
        <location filename="../../planmonitor/gui/menus.py" line="122"/>
        <source>About PlanMonitor</source>
        <translation>关于规划监测</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="312"/>
        <source>PlanMonitor — {title}</source>
        <translation>规划监测 — {title}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="353"/>
        <source>Last saved {time}</source>
        <translation>最近保存{time}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="496"/>
        <source>PlanMonitor {version}
Monitoring a five-year S&amp;T innovation plan, quarter by quarter.
Database: {path}</source>
        <translation>规划监测{version}
科技创新五年规划指标的季度监测。
数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="92"/>
        <source>Submission and review…</source>
        <translation>报送与审核…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="114"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="115"/>
        <source>User management…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="116"/>
        <source>Audit log…</source>
        <translation>审计记录…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="362"/>
        <source>The database cannot be reached just now.</source>
        <translation>暂时无法连接数据库。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="190"/>
        <source>New plan…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="193"/>
        <source>Export plan file…</source>
        <translation>导出规划文件…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="195"/>
        <source>Edit plan…</source>
        <translation>编辑规划…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="433"/>
        <source>This is the language in use.</source>
        <translation>当前正在使用该语言。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/main_window.py" line="437"/>
        <source>The interface will be in {language} when PlanMonitor is started again.</source>
        <translation>重新启动本程序后，界面语言将切换为{language}。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="56"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="58"/>
        <source>Recent databases</source>
        <translation>最近使用的数据库</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="59"/>
        <source>Back up the database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="60"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="83"/>
        <source>Enter a missing baseline…</source>
        <translation>补录基数…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="84"/>
        <source>Sub-region targets…</source>
        <translation>地区目标分解…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="85"/>
        <source>Responsible units…</source>
        <translation>责任单位…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="89"/>
        <source>Plan settings (thresholds, 左右 tolerance)…</source>
        <translation>规划设置（亮灯阈值、“左右”容差）…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/menus.py" line="120"/>
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <location filename="../../planmonitor/gui/manual.py" line="25"/>
        <source>PlanMonitor user manual</source>
        <translation>规划监测使用手册</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="63"/>
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="65"/>
        <source>From a plan document</source>
        <translation>从规划文本</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="66"/>
        <source>Empty plan</source>
        <translation>空白规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="67"/>
        <source>Successor of a plan in the database</source>
        <translation>接续数据库中的规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="74"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="75"/>
        <source>Read the document</source>
        <translation>读取文本</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="79"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="80"/>
        <source>Baselines from the earlier plan…</source>
        <translation>从上期规划取基数…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="83"/>
        <source>Cancel reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="95"/>
        <source>Mark selected rows as checked</source>
        <translation>所选行标为已核对</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="104"/>
        <source>Save plan</source>
        <translation>保存规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="105"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="123"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="124"/>
        <source>Issuing body</source>
        <translation>印发单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="125"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="127"/>
        <source>Baseline year</source>
        <translation>基期年</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="129"/>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="132"/>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="133"/>
        <source>Plan id (letters and digits)</source>
        <translation>规划标识（字母和数字）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="140"/>
        <source>Indicators (yellow rows have questions: edit to answer, untick to drop)</source>
        <translation>指标（黄色行有待确认的问题：直接修改即为回答，取消勾选即不保留）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="189"/>
        <source>Source ({where}): {text}</source>
        <translation>原文（{where}）：{text}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="190"/>
        <source>Question: {q}</source>
        <translation>问题：{q}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="204"/>
        <source>Choose the plan document</source>
        <translation>选择规划文本</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="206"/>
        <source>Plan documents ({patterns})</source>
        <translation>规划文本（{patterns}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="219"/>
        <source>Choose a plan document first.</source>
        <translation>请先选择规划文本。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="254"/>
        <source>Reading was cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="270"/>
        <source>There is no plan in the database to continue.</source>
        <translation>数据库中没有可接续的规划。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="278"/>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="300"/>
        <source>Read a document and choose the earlier plan first.</source>
        <translation>请先读取规划文本并选择上期规划。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="361"/>
        <source>The plan id may hold only letters, digits, - and _.</source>
        <translation>规划标识只能包含字母、数字、- 和 _。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="365"/>
        <source>Fill in the plan&apos;s title and region.</source>
        <translation>请填写规划标题和地区。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="368"/>
        <source>Keep at least one indicator.</source>
        <translation>请至少保留一项指标。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/new_plan/wizard.py" line="376"/>
        <source>A plan with this id is already in the database.</source>
        <translation>数据库中已有此标识的规划。</translation>
    </message>
</context>
<context>
    <name>OverviewSummary</name>
    <message>
        <location filename="../../planmonitor/gui/overview_summary.py" line="83"/>
        <source>All {n} indicators</source>
        <translation>全部{n}项指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview_summary.py" line="103"/>
        <source>No indicator is behind schedule.</source>
        <translation>没有滞后的指标。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview_summary.py" line="110"/>
        <source>{light} {code} {name} {progress}</source>
        <translation>{code} {name}（{light}，{progress}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview_summary.py" line="118"/>
        <source>Behind or slightly behind:</source>
        <translation>滞后和略滞后：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview_summary.py" line="121"/>
        <source>{light} {n}</source>
        <translation>{light}{n}</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="46"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="48"/>
        <source>Actual</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="49"/>
        <source>Expected</source>
        <translation>序时目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="50"/>
        <source>Progress</source>
        <translation>完成序时进度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="51"/>
        <source>Data period</source>
        <translation>数据期</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="52"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="109"/>
        <source>{title} — {region}, report period {period}</source>
        <translation>《{title}》 — {region}，报告期{period}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/overview.py" line="126"/>
        <source>Other indicators</source>
        <translation>其他指标</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../planmonitor/gui/plan_actions.py" line="67"/>
        <location filename="../../planmonitor/gui/plan_actions.py" line="84"/>
        <source>Export plan file</source>
        <translation>导出规划文件</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_actions.py" line="69"/>
        <source>Plan files (*.toml)</source>
        <translation>规划文件（*.toml）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_actions.py" line="87"/>
        <source>Plan file written: {path}</source>
        <translation>已写出规划文件：{path}</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="30"/>
        <source>level</source>
        <translation>达到水平</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="31"/>
        <source>cumulative increase</source>
        <translation>累计增加</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="32"/>
        <source>points a year</source>
        <translation>年均提高百分点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="33"/>
        <source>average annual growth</source>
        <translation>年均增长</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="34"/>
        <source>growth rate</source>
        <translation>增长率指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="35"/>
        <source>yearly quota</source>
        <translation>每年定额</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="36"/>
        <source>qualitative milestone</source>
        <translation>定性节点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="40"/>
        <source>cumulative flow</source>
        <translation>累计流量</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="41"/>
        <source>batch</source>
        <translation>分批认定</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="42"/>
        <source>annual, published late</source>
        <translation>年度（滞后发布）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="43"/>
        <source>smooth stock</source>
        <translation>平稳存量</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="44"/>
        <source>annual count</source>
        <translation>年度重新计数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="160"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="166"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="172"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="178"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="184"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="191"/>
        <source>Target form</source>
        <translation>目标形式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="198"/>
        <source>Comparator</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="205"/>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="211"/>
        <source>Target (or yearly quota)</source>
        <translation>目标（或每年定额）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="217"/>
        <source>Rate (% or points a year)</source>
        <translation>增长率（%或每年百分点）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="223"/>
        <source>Cumulative increase</source>
        <translation>累计增加</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="229"/>
        <source>Milestones (2026:95；2027:108)</source>
        <translation>节点（2026:95；2027:108）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="235"/>
        <source>Due year</source>
        <translation>完成年份</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="241"/>
        <source>Cadence</source>
        <translation>发布方式</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="248"/>
        <source>Release profile</source>
        <translation>发布节奏</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="254"/>
        <location filename="../../planmonitor/gui/plan_editor/tasks_table.py" line="16"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="260"/>
        <source>Ratio parts (numerator|denominator|scale)</source>
        <translation>分子分母（分子|分母|倍数）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="266"/>
        <source>Decimals</source>
        <translation>小数位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="272"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/columns.py" line="279"/>
        <source>Carried over from (earlier plan)</source>
        <translation>接续上期指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/tasks_table.py" line="15"/>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/tasks_table.py" line="17"/>
        <source>Indicators (codes)</source>
        <translation>相关指标（编码）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/predecessor.py" line="19"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="70"/>
        <source>Edit plan — {title}</source>
        <translation>编辑规划 — {title}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="83"/>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="258"/>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="84"/>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="293"/>
        <source>Delete indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="85"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="86"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="87"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="88"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="90"/>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="271"/>
        <source>Add key task</source>
        <translation>添加重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="91"/>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="280"/>
        <source>Delete key task</source>
        <translation>删除重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="99"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="100"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="112"/>
        <source>Continues the earlier plan</source>
        <translation>接续上期规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="124"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="125"/>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="190"/>
        <source>Change the earlier plan</source>
        <translation>更改上期规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="238"/>
        <source>Change {field} of {code}</source>
        <translation>修改{code}的{field}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="251"/>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="264"/>
        <source>Edit key tasks</source>
        <translation>修改重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="269"/>
        <source>New key task</source>
        <translation>新的重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="295"/>
        <source>“{name}” has {n} recorded values. They stay in the history but the indicator leaves the plan. Delete it?</source>
        <translation>“{name}”已有{n}个录入值。删除后这些数值保留在历史记录中，但该指标不再属于本规划。确定删除？</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="302"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="303"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="306"/>
        <source>Delete {code}</source>
        <translation>删除{code}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_editor/editor.py" line="324"/>
        <source>Move indicator</source>
        <translation>移动指标</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="207"/>
        <source> percentage points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="210"/>
        <source>Expected (预期性) indicators</source>
        <translation>预期性指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="211"/>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="214"/>
        <source>On schedule (green) from progress</source>
        <translation>完成序时进度达到此比例为绿灯</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="212"/>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="215"/>
        <source>Slightly behind (yellow) from progress</source>
        <translation>完成序时进度达到此比例为黄灯</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="213"/>
        <source>Binding (约束性) indicators</source>
        <translation>约束性指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="216"/>
        <source>Tolerance of 左右 (≈) targets</source>
        <translation>“左右”目标的容差</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="18"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="19"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="20"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="16"/>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="46"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="17"/>
        <location filename="../../planmonitor/gui/file_dialogs.py" line="48"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="260"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="261"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>RegionTargetDialog</name>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="114"/>
        <source>Sub-region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="114"/>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="114"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="123"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="124"/>
        <source>Whole plan</source>
        <translation>全规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="127"/>
        <source>The plan has no sub-regions yet: add them with 编辑 → 添加下级地区 first.</source>
        <translation>本规划还没有下级地区：请先用“编辑 → 添加下级地区”添加。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="146"/>
        <source>baseline {baseline}, target {target} {unit} ({year})</source>
        <translation>基数{baseline}，目标{target}{unit}（{year}年）</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="42"/>
        <location filename="../../planmonitor/gui/report_export.py" line="69"/>
        <location filename="../../planmonitor/gui/report_export.py" line="95"/>
        <location filename="../../planmonitor/gui/report_export.py" line="104"/>
        <source>Export the quarterly report</source>
        <translation>导出季度报告</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="44"/>
        <source>Report (*.xlsx *.pdf *.docx)</source>
        <translation>季度报告 (*.xlsx *.pdf *.docx)</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="63"/>
        <source>Writing the report for {period}…</source>
        <translation>正在生成{period}报告…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="92"/>
        <source>Report written</source>
        <translation>报告已生成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="96"/>
        <source>The report was written:
{files}</source>
        <translation>报告已生成：
{files}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/report_export.py" line="101"/>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ReportingView</name>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="49"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="50"/>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="51"/>
        <source>Missing</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="66"/>
        <source>Copy reminder</source>
        <translation>复制催报内容</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="70"/>
        <source>Reminder to send</source>
        <translation>催报内容</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="95"/>
        <source>Reporting, {quarter}</source>
        <translation>{quarter}报送情况</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="103"/>
        <source>{filled} of {asked} items reported ({share})</source>
        <translation>已报送{filled}/{asked}项（{share}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="128"/>
        <source>Indicator {code} {name} ({period})</source>
        <translation>指标{code}“{name}”（{period}）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_views.py" line="130"/>
        <source>Task {code} {name} ({period})</source>
        <translation>任务{code}“{name}”（{period}）</translation>
    </message>
</context>
<context>
    <name>ResponsibleUnitsDialog</name>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="252"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plan_dialogs.py" line="252"/>
        <source>Responsible units (、-separated)</source>
        <translation>责任单位（用、分隔）</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="30"/>
        <source>Not submitted</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="31"/>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="32"/>
        <source>Approved (locked)</source>
        <translation>审核通过（已锁定）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="33"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="46"/>
        <source>Submission and review — {quarter}</source>
        <translation>报送与审核 — {quarter}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="55"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="56"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="57"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="58"/>
        <source>Submitted by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="59"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="66"/>
        <source>Reason for returning (the county sees it)</source>
        <translation>退回原因（县区可见）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="67"/>
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="68"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="69"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/review_dialog.py" line="117"/>
        <source>Select a region first.</source>
        <translation>请先选择地区。</translation>
    </message>
</context>
<context>
    <name>ReviseDialog</name>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="212"/>
        <source>e.g. 中期评估调整</source>
        <translation>例如：中期评估调整</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="217"/>
        <location filename="../../planmonitor/gui/dialogs.py" line="218"/>
        <source>New yearly growth rate (%)</source>
        <translation>新的年均增长率（%）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="214"/>
        <source>New target</source>
        <translation>新目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="215"/>
        <source>New cumulative increase</source>
        <translation>新的累计增加值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="216"/>
        <source>New percentage points a year</source>
        <translation>新的每年提高百分点</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="219"/>
        <source>New yearly quota</source>
        <translation>新的每年额度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="220"/>
        <source>New due date (YYYY-MM-DD)</source>
        <translation>新的完成期限（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="222"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="223"/>
        <source>Current target</source>
        <translation>现行目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="225"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="226"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="239"/>
        <source>Enter the new due date as YYYY-MM-DD</source>
        <translation>请按 YYYY-MM-DD 填写新的完成期限</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="243"/>
        <source>Enter the new target</source>
        <translation>请填写新的目标值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/dialogs.py" line="228"/>
        <source>Type the date (2024-07-01) or pick it from the calendar</source>
        <translation>可直接输入日期（如2024-07-01），也可从日历中选择</translation>
    </message>
</context>
<context>
    <name>RoundViews</name>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="34"/>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="35"/>
        <source>Reporting</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="36"/>
        <source>Data checks</source>
        <translation>数据审核</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="37"/>
        <source>Reporting complete for this quarter</source>
        <translation>本季度报送完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="38"/>
        <source>Reopen this quarter…</source>
        <translation>重新打开本季度…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/round_hook.py" line="108"/>
        <source>Reporting: {filled} of {asked} items ({share}); {late} units not complete</source>
        <translation>报送情况：已报送{filled}/{asked}项（{share}），{late}个单位未报齐</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="31"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="32"/>
        <source>Reviewer (city staff)</source>
        <translation>审核（市局）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="33"/>
        <source>Filler (a county)</source>
        <translation>填报（县区）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="34"/>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="35"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
</context>
<context>
    <name>StartupShell</name>
    <message>
        <location filename="../../planmonitor/gui/startup.py" line="95"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>TaskView</name>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="36"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="37"/>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="38"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="39"/>
        <source>Lagging</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="54"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="55"/>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="56"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="57"/>
        <location filename="../../planmonitor/gui/task_view.py" line="102"/>
        <source>State</source>
        <translation>推进状态</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="58"/>
        <location filename="../../planmonitor/gui/task_view.py" line="103"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="59"/>
        <location filename="../../planmonitor/gui/task_view.py" line="105"/>
        <source>Next step</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="97"/>
        <source>Attach evidence…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="98"/>
        <source>Save progress</source>
        <translation>保存进展</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="104"/>
        <source>Reason for lagging</source>
        <translation>滞后原因</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="106"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="107"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="114"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="138"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="156"/>
        <source>Key tasks, {quarter}</source>
        <translation>{quarter}重点任务推进情况</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="163"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="215"/>
        <source> (superseded)</source>
        <translation>（已更正）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="225"/>
        <source>Attach evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="233"/>
        <source>{name} (not saved yet)</source>
        <translation>{name}（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="241"/>
        <source>Choose a task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/task_view.py" line="261"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="43"/>
        <source>Fill-in workbook for {period}</source>
        <translation>{period}填报表</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="45"/>
        <source>All indicators</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="50"/>
        <source>A workbook for {period} that a responsible unit fills in and sends back. Units are set per indicator (编辑 → 责任单位).</source>
        <translation>生成{period}的填报表，由责任单位填写后交回。各指标的责任单位在“编辑 → 责任单位”中设置。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/exchange_actions.py" line="57"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="105"/>
        <location filename="../../planmonitor/gui/plot.py" line="129"/>
        <source>Schedule (序时进度)</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="111"/>
        <location filename="../../planmonitor/gui/plot.py" line="130"/>
        <source>Actual (▲ estimate ● preliminary ■ final)</source>
        <translation>实际值（▲预计 ●初步 ■正式）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="121"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="126"/>
        <source>Forecast</source>
        <translation>趋势预测</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="287"/>
        <source>{plan}: {what}</source>
        <translation>{plan}：{what}</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="292"/>
        <source>{plan}: actual</source>
        <translation>{plan}：实际值</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="295"/>
        <source>{plan}: schedule and target</source>
        <translation>{plan}：序时进度与目标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/plot.py" line="323"/>
        <source>Schedule before the revision</source>
        <translation>调整前的序时进度</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="58"/>
        <source>User management</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="61"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="61"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="61"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="63"/>
        <source>login name, e.g. cangxian</source>
        <translation>登录名，如 cangxian</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="68"/>
        <source>region codes, separated by commas (fillers)</source>
        <translation>地区编码，多个用逗号分隔（填报账户）</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="71"/>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="72"/>
        <source>Remove selected account</source>
        <translation>删除所选账户</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="77"/>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="78"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="79"/>
        <source>Regions:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="80"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="106"/>
        <source>all regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="124"/>
        <source>Account {name} added.</source>
        <translation>已添加账户“{name}”。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="131"/>
        <source>Select the account to remove.</source>
        <translation>请先选择要删除的账户。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/server_dialogs.py" line="141"/>
        <source>Account {name} removed.</source>
        <translation>已删除账户“{name}”。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="36"/>
        <source>Welcome to PlanMonitor</source>
        <translation>欢迎使用规划监测</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="40"/>
        <source>This database holds no plan yet. Choose the plan whose indicators you monitor: one of the built-in plans, a plan file, or the demo with synthetic data.</source>
        <translation>当前数据库中还没有规划。请选择要监测的规划：内置规划、规划文件，或使用合成数据的演示。</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="78"/>
        <source>{title} — {region}, {n} indicators</source>
        <translation>《{title}》 — {region}，{n}项指标</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="47"/>
        <source>Use this plan</source>
        <translation>使用该规划</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="49"/>
        <source>Load a plan file…</source>
        <translation>载入规划文件…</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="50"/>
        <source>Try the demo (演示数据)</source>
        <translation>试用演示数据</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="63"/>
        <source>Built-in plans:</source>
        <translation>内置规划：</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="100"/>
        <source>Load a plan file</source>
        <translation>载入规划文件</translation>
    </message>
    <message>
        <location filename="../../planmonitor/gui/welcome.py" line="100"/>
        <source>Plan files (*.toml)</source>
        <translation>规划文件 (*.toml)</translation>
    </message>
</context>
</TS>
