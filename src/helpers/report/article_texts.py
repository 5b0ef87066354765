"""Reader-facing words of the annotated article page, in English and Chinese.

Templates hold no typed number: counts and dates come in as ``{placeholders}`` filled by
:func:`helpers.text.prose.render` from the tidy tables or the article's metadata.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "html_lang": "en",
        "page_title": "The article, annotated: where every figure comes from",
        "other_lang": "中文版",
        "index": "All reports",
        "skip_table": "Table of figures",
        "skip_derived": "Derived values",
        "intro": "Below is the archived text of the article as published by {outlet_en} ({outlet}) on "
                 "{published}, by {byline_en} ({byline}): \"{title_en}\". The text is unchanged, "
                 "web-page furniture included. Each of the {n_figures} statistics in the project's tables "
                 "is highlighted where the article states it. Hover over a highlight, focus it with the "
                 "keyboard (Tab) or tap it to see its quote, value, measure word and meaning, with links to "
                 "its row in the table below, to the charts that show it and to the notebook page that "
                 "publishes them. Enter jumps to the row; Esc closes the box.",
        "source_note": "The article is a contributor's piece (通讯员) on the city's news site: its figures are "
                       "official claims that cannot be checked independently. Its web address is not in the "
                       "archive.",
        "legend": "How to read the marks",
        "legend_figure": "a statistic in the tables (number with its measure word as written)",
        "legend_left_out": "a number deliberately left out of the tables ({n_left_out} in all), with the reason",
        "legend_derived": "derived values ({n_derived}) are listed beside the text (below it on a phone) with their "
                          "formula; each figure in a formula links back to its highlight",
        "article_heading": "The article (Chinese, as published)",
        "derived_heading": "Derived values",
        "derived_intro": "Computed from the figures by the project, not stated in the article. Rounding: {rule}",
        "inference": "inference",
        "inputs": "Inputs",
        "input_derived": "derived value",
        "input_date": "date",
        "table_heading": "The figures, one row each",
        "table_intro": "The rows of <code>data/tidy/figures.csv</code>, in the article's order. Offsets are character "
                       "positions in the archived text.",
        "col_text": "In the text",
        "col_label": "What is counted",
        "col_value": "Value",
        "col_quote": "Quote",
        "col_offsets": "Characters",
        "col_charts": "Charts",
        "col_notebooks": "Notebook pages",
        "back": "back to the text",
        "tip_label": "Meaning",
        "tip_value": "Value",
        "tip_unit": "Measure word",
        "tip_quote": "Quote",
        "tip_place": "Where",
        "tip_row": "Row in the table",
        "tip_charts": "Charts",
        "tip_notebooks": "Notebook",
        "tip_left_out": "Left out of the tables",
        "tip_date": "Date",
        "tip_date_span": "Read as",
        "tip_date_charts": "In the timeline (data/tidy/timeline.csv): it dates the charts' bars and labels.",
        "legend_date": "a date the charts are drawn from (the timeline), kept at the article's precision",
        "none": "none",
        "footer": "Built from <code>data/tidy/</code> (figures, derived, timeline) and <code>data/curated/left_out.csv</code>. "
                  "Checksum of the archived article ({algo}): <code>{sha256}</code>.",
        "colon": ": ",
        "list_sep": ", ",
    },
    "zh": {
        "html_lang": "zh-CN",
        "page_title": "原文逐数标注：每个数字出自哪里",
        "other_lang": "English",
        "index": "全部报告",
        "skip_table": "数据表",
        "skip_derived": "推算值",
        "intro": "下文是{outlet}{published}刊发的《{title}》（{byline}）的存档原文，一字未改，网页栏目文字也照录。"
                 "本项目数据表中的{n_figures}个统计数字，均已在原文出处标出：鼠标悬停、用键盘（Tab键）选中"
                 "或用手指轻点，即可看到引语、数值、量词和含义，并可跳转到下方数据表中的对应一行、"
                 "用到它的图表和刊出这些图表的分析笔记。按回车键跳到数据表，按Esc键关闭提示框。",
        "source_note": "本文为通讯员供稿，刊于咸宁市的新闻网站，文中数字均为官方口径，无法独立核实。存档没有记录原文网址。",
        "legend": "标注说明",
        "legend_figure": "已收入数据表的统计数字（数字连同原文量词）",
        "legend_left_out": "有意未收入数据表的数字（共{n_left_out}处），附理由",
        "legend_derived": "推算值（共{n_derived}个）列在正文右侧（手机上在正文之后），附计算公式；公式中的原文数字可点回原文出处",
        "article_heading": "原文",
        "derived_heading": "推算值",
        "derived_intro": "由本项目根据文中数字计算，并非原文所述。取整规则：{rule}",
        "inference": "推断",
        "inputs": "计算所用",
        "input_derived": "推算值",
        "input_date": "日期",
        "table_heading": "数据表：文中统计数字",
        "table_intro": "即<code>data/tidy/figures.csv</code>各行，按原文先后排列。字符位置指存档原文中的字符序号。",
        "col_text": "原文",
        "col_label": "统计内容",
        "col_value": "数值",
        "col_quote": "引语",
        "col_offsets": "字符位置",
        "col_charts": "图表",
        "col_notebooks": "分析笔记",
        "back": "回到原文",
        "tip_label": "含义",
        "tip_value": "数值",
        "tip_unit": "量词",
        "tip_quote": "引语",
        "tip_place": "地点",
        "tip_row": "数据表中的这一行",
        "tip_charts": "图表",
        "tip_notebooks": "分析笔记",
        "tip_left_out": "未收入数据表",
        "tip_date": "日期",
        "tip_date_span": "按区间",
        "tip_date_charts": "收入时间线（data/tidy/timeline.csv），图表的条形和标注据此绘制。",
        "legend_date": "图表所依据的日期（时间线），保留原文的精度",
        "none": "无",
        "footer": "数据来自<code>data/tidy/</code>（figures、derived、timeline）和<code>data/curated/left_out.csv</code>。"
                  "存档原文校验值（{algo}）：<code>{sha256}</code>。",
        "colon": "：",
        "list_sep": "、",
    },
}

#: What a left-out category means, for the Chinese page (the curated reasons are in English).
LEFT_OUT_CATEGORY = {
    "en": {"ordinal": "an ordinal or a name, not a count", "enumeration": "an enumeration, not a count",
           "restated": "already recorded elsewhere", "page_furniture": "web-page furniture",
           "name": "part of a name", "not_a_quantity": "not a quantity"},
    "zh": {"ordinal": "序数或名称（如“首轮”“第一巡察组”），表示次序，不是数量",
           "enumeration": "列举（如“两级”“三个方面”），指所列各项，不是计数",
           "restated": "年份等已记入时间线，不重复收入",
           "page_furniture": "网页栏目文字，不属正文",
           "name": "名称的一部分，不是数量",
           "not_a_quantity": "不是数量"},
}

#: Short names of the charts (file stems of reports/figures/) for links.
CHART_NAMES = {
    "en": {"funnel": "funnel: what followed the leads", "xianan": "Xian'an district",
           "timeline": "timeline", "plan-2017": "the two-round plan", "durations": "inspection lengths",
           "units-2016": "units of the city's first round", "plan-pace": "pace of the plan",
           "county-cases": "county and township cases", "per-unit": "per inspected unit"},
    "zh": {"funnel": "问题线索处置", "xianan": "咸安区首轮巡察", "timeline": "时间线",
           "plan-2017": "两轮巡察计划", "durations": "巡察时长", "units-2016": "市级首轮巡察单位",
           "plan-pace": "五年规划进度", "county-cases": "县乡典型案例", "per-unit": "家均数字"},
}
