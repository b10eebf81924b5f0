"""The instructions (填报说明) of a fill-in workbook, in the words a bureau would use."""

from __future__ import annotations

from planmonitor.domain.periods import Period


def help_lines(
    plan_title: str, region: str, quarter: Period, unit: str | None
) -> list[tuple[str, str]]:
    """(text, kind) lines; kind is title, heading or text."""
    ytd = quarter.ytd_label_zh()
    who = unit or "各责任单位"
    return [
        (f"《{plan_title}》指标数据填报说明", "title"),
        (f"报告期：{quarter.label_zh()}（{ytd}）　　地区：{region}　　填报单位：{who}", "text"),
        ("", "text"),
        ("一、填写什么", "heading"),
        (
            "请在“指标填报”工作表中，为每项指标填写白色单元格：填报数值、数据状态、情况说明。"
            "灰色单元格（指标名称、单位、目标、往期数值）为参考信息，已锁定，无需修改。",
            "text",
        ),
        ("", "text"),
        ("二、数值口径", "heading"),
        (f"1. 时期数（如技术合同成交额、研发投入）填{ytd}累计数；", "text"),
        (
            f"2. 时点数（如高新技术企业数量、研发平台数量）填{quarter.end_month}月末的存量数；",
            "text",
        ),
        (
            "3. 年度统计指标（如研发投入强度）填最近一个已公布年度的数值，所填年度见“数据期间”列；",
            "text",
        ),
        ("4. 定性指标在下拉列表中选择“完成”或“未完成”；", "text"),
        (
            "5. 数值请按“单位”列的单位填写，只填数字，不要带单位；百分比指标填2.35表示2.35%；",
            "text",
        ),
        ("6. 暂无数据请留空，不要填0（0表示确实为零）；", "text"),
        (
            "7. 比值指标（如研发投入强度=研发经费÷地区生产总值×100）可在“分子数值”“分母数值”"
            "两列填写分子和分母（名称见其左侧一列），比值由系统计算，“填报数值”可留空。",
            "text",
        ),
        ("", "text"),
        ("三、数据状态", "heading"),
        (
            "预计：估算数；初步：快报数或尚未核定的数；正式：统计部门或主管部门的正式数据。"
            "不选时按“初步”处理。",
            "text",
        ),
        ("", "text"),
        ("四、注意事项", "heading"),
        ("1. 请勿删除或修改隐藏的行、列和工作表，它们用于系统自动识别本表；", "text"),
        ("2. 可以调整列宽、行高，可以排序；请不要插入或删除行；", "text"),
        ("3. 可用 Excel 或 WPS 填写，保存为 .xlsx、.xls 或 .ods 格式均可；", "text"),
        ("4. 指标数值有较大变化或未达到序时进度的，请在“情况说明”中简要说明原因。", "text"),
        ("", "text"),
        ("本表由 PlanMonitor（规划监测）生成。", "text"),
    ]
