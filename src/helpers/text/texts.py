"""Reader-facing templates outside the notebooks: the reader's note and the README's findings.

Each template is Markdown in both languages whose every number is a placeholder of
:func:`helpers.text.prose.render` (figures, derived values, dates from :mod:`helpers.text.facts`); a test
checks that none holds a typed digit. ``![caption](figure:NAME)`` marks where a chart goes.
Extra values the note passes: ``rounding_rule`` and the assembled parts.
"""
from __future__ import annotations

__all__ = ["READER", "GLOSSARY", "FINDINGS"]

_HEADLINE = {
    "en": "Xianning's first round of inspections: {city_problem_leads} problem leads found in {city_units_inspected} units; {city_leads_transferred} leads transferred, {city_sanctioned} people sanctioned",
    "zh": "咸宁首轮巡察{city_units_inspected}家单位，发现问题线索{city_problem_leads}条；移交问题线索{city_leads_transferred}件，{city_sanctioned}人受党政纪处分",
}

_FINDINGS_EN = """
- **The funnel.** Xianning's first round of Party inspections (巡察), run by the city and its counties from {date_inspections_began} to {date_first_round_complete}, covered {city_units_inspected} units and found {city_general_problems} general problems and {city_problem_leads} problem leads on Party members and cadres. {city_leads_transferred} leads were transferred to discipline inspection, supervision or judicial organs; {city_cases_filed} cases were filed; {city_sanctioned} people were given Party or government disciplinary sanctions and {city_shuanggui} were placed under shuanggui. The inspectors also made {city_recommendations} recommendations to the inspected units' Party organisations and other departments.
- **Rates per 100, not shares.** That is {funnel_transfer_rate} transfers per 100 leads, {funnel_filing_rate} case filings per 100 transfers and {funnel_sanction_rate} people sanctioned per 100 cases filed; {funnel_sanctions_per_100_leads} people sanctioned per 100 leads. The article counts leads, transfers and people with different measure words (条, 件, 人), so these are ratios of counts of different things, not percentages of the same items.
- **Xian'an district** found {xianan_general_problems} general problems and {xianan_problem_leads} problem leads; over minimum living allowances, {xianan_held_accountable} Party members and cadres were held accountable and {xianan_put_on_file} placed under investigation.
- **The {year_this} plan**: two rounds, {plan_2017_round_1_units} units from {date_round_1_2017} to {end_round_1_2017} and {plan_2017_round_2_units} units from {date_round_2_2017} to {end_round_2_2017}; by type, {plan_2017_routine_units} routine and {plan_2017_special_units} special inspections ({plan_2017_round_sum} units), plus a follow-up of the {plan_2017_follow_up_units} units inspected in {year_last}. If {plan_2017_routine_units} units a year are inspected, the {plan_routine_scope_units} units in the five-year plan's routine scope take about {plan_years_to_cover_routine_scope} years (a scenario: the article gives no start year).
- **Local cases**: in Wuli town (通城县五里镇), {wuli_trips} sightseeing trips at public expense, {wuli_person_times} person-times, {wuli_people_total} people; the Yanxia township welfare home (通山县燕厦乡福利院) obtained {yanxia_funds_obtained} yuan of five-guarantee funds over {yanxia_fraud_months} months; a city-county inspection of social-assistance funds found {social_assistance_leads} leads.
"""

_FINDINGS_ZH = """
- **从线索到处分**：咸宁市县两级首轮巡察自{date_inspections_began}开始，至{date_first_round_complete}完成，共巡察{city_units_inspected}家单位，发现面上问题{city_general_problems}个、党员干部违纪违规问题线索{city_problem_leads}条；移交纪检、监察、司法机关处理问题线索{city_leads_transferred}件，立案{city_cases_filed}件，给予党政纪处分{city_sanctioned}人，采取“两规”措施{city_shuanggui}人；另向被巡察单位党组织及有关部门提出意见建议{city_recommendations}条。
- **比率是“每百”之比，不是占比**：每百条问题线索移交{funnel_transfer_rate}件，每百件移交立案{funnel_filing_rate}件，每百件立案处分{funnel_sanction_rate}人；折合每百条线索处分{funnel_sanctions_per_100_leads}人。线索、移交和人员分别论“条”“件”“人”，这些比率是不同统计对象的数量之比，而非同一批对象中的百分比。
- **咸安区**：首轮巡察发现面上问题{xianan_general_problems}个、问题线索{xianan_problem_leads}条；在低保问题上，{xianan_held_accountable}名党员干部被追责问责，{xianan_put_on_file}名被立案审查。
- **{year_this}年计划**：分两轮，{date_round_1_2017}至{end_round_1_2017}巡察{plan_2017_round_1_units}家，{date_round_2_2017}至{end_round_2_2017}巡察{plan_2017_round_2_units}家；按类型为常规巡察{plan_2017_routine_units}家、专项巡察{plan_2017_special_units}家（共{plan_2017_round_sum}家），另对{year_last}年巡察的{plan_2017_follow_up_units}家开展“回头看”。若每年常规巡察{plan_2017_routine_units}家，五年规划常规巡察范围内的{plan_routine_scope_units}家约需{plan_years_to_cover_routine_scope}年巡完（仅为推算，原文未交代规划从哪一年起算）。
- **县乡典型案例**：通城县五里镇违规集体公款旅游{wuli_trips}起{wuli_person_times}人次，涉及{wuli_people_total}人；通山县燕厦乡福利院{yanxia_fraud_months}个月间套取农村五保资金{yanxia_funds_obtained}元；市县联动的社会救助资金专项巡察发现问题线索{social_assistance_leads}条。
"""

#: The README's "Main findings", both languages (the README shows the charts beside them).
FINDINGS = {"en": _FINDINGS_EN, "zh": _FINDINGS_ZH}

#: term -> (English explanation, Chinese explanation)
GLOSSARY: list[tuple[str, str, str]] = [
    ("巡察", "inspection (xuncha): a city or county Party committee sends a group to examine a unit's Party organisation; the local counterpart of the central and provincial 巡视 (inspection tour)",
     "市、县两级党委派出巡察组，对所辖单位党组织开展的政治监督；中央和省级层面称“巡视”"),
    ("面上问题", "general problems: shortcomings fed back to the inspected unit for correction, as opposed to leads on individuals",
     "反馈给被巡察单位、由其整改的普遍性问题，区别于针对具体人员的问题线索"),
    ("问题线索", "problem leads: information about possible violations by individual Party members or cadres; counted in items (条)",
     "反映党员干部个人可能违纪违法的线索，以“条”计"),
    ("移交", "transfer: passing leads to the discipline inspection, supervision or judicial organs; counted in items (件), but what is transferred is leads",
     "巡察机构将问题线索转交纪检、监察、司法机关处理；以“件”计，但移交的仍是线索，不是案件"),
    ("立案", "case filed (placed under investigation): the discipline organ opens a formal case; counted in items (件)",
     "纪检监察机关对问题正式立案审查，以“件”计"),
    ("两规", "shuanggui: Party detention for questioning at a designated time and place; since replaced by liuzhi (留置)",
     "要求有关人员在规定的时间、地点就案件所涉问题作出说明，后由“留置”取代"),
    ("党政纪处分", "Party and government disciplinary sanctions: warnings, demotion, dismissal, expulsion; counted in people",
     "党纪处分和政务（政纪）处分，如警告、降级、撤职、开除，以“人”计"),
    ("回头看", "follow-up (\"second look\"): a repeat inspection of units inspected before, to check that problems were fixed",
     "对已巡察单位再次巡察，检查问题整改落实情况"),
    ("五保", "five-guarantee support: food, clothing, housing, medical care and burial for rural residents without family support; 散养 means living at home, 集中供养 in a welfare home",
     "农村五保供养，即对无劳动能力、无生活来源、无法定赡养人的村民在吃、穿、住、医、葬方面给予保障；“散养”指分散供养，“集中供养”指住进福利院"),
]

_READER_EN = """
# {headline}

A reader's note on Xianning's first round of Party inspections (巡察), {date_inspections_began} to {date_first_round_complete}, from the article published on {published}.

![The funnel: problem leads, transfers, case filings and sanctions, each in its own measure word](figure:funnel)

## Findings

{findings}

![The {year_this} timeline: two rounds of inspections, each start and end known only to within ten days (旬)](figure:timeline)

## Glossary

{glossary}

## The source: one contributor's article, official figures

One article: "{title}" ({title_en}), published on {outlet} ({outlet_en}), the city's news website, on {published}, byline {byline} (通讯员: a contributor, not a staff reporter). It reads as a report written from inside the system: it quotes the director of the city's inspection office and gives the authorities' own figures, which cannot be verified independently. The archive does not record the article's web address, so none is given here.

## Every number read from the article, none typed by hand

Every statistic was read by code out of a quote from the archived article: each quote is stored with its position in the text and its measure word, and the tables are rebuilt from those quotes on every build. Nothing in this note is typed by hand: every number is filled in from those tables. Rates are given per 100 (one count divided by another, per 100 of the second), because the article counts leads, transfers and people in different measure words. {rounding_rule} Dates the article gives as a ten-day period (旬) are kept as ranges.

## The article's numbers agree; some derived values rest on assumptions

The article's own numbers are consistent: {stated}

These values rest on an assumption the article does not make, and are written as "if":

{assumed}

Other limits: the figures are the authorities' own, from one article; leads, transfers, cases and people are different things, so no rate is a share; a routine inspection "about {duration_routine_months} months" is drawn as {duration_routine_days_approx} days.


<p class="stamp">The archived article's SHA-256 checksum: {sha256}.</p>
"""

_READER_ZH = """
# {headline}

本简报依据{outlet}{published}刊发的一篇报道，梳理咸宁市首轮巡察（{date_inspections_began}至{date_first_round_complete}）的主要数字。

![漏斗图：问题线索的移交、立案与党政纪处分，各按原文量词计数](figure:funnel)

## 主要发现

{findings}

![{year_this}年时间线：两轮巡察，起止时间精确到旬](figure:timeline)

## 名词解释

{glossary}

## 资料来源：一篇通讯员稿件，数字为官方口径

唯一的资料来源是{outlet}（咸宁市的新闻网站）{published}刊发的《{title}》，署名“{byline}”。这是一篇出自系统内部的通讯员稿件，援引市委巡察办主任的介绍，所列数字均为官方口径，无法独立核实。存档没有记录原文网址，本简报不作推测。

## 每个数字都出自原文，无一手工录入

每个统计数字都由程序从存档原文的引文中读出：每条引文连同其在原文中的位置和量词一并保存，每次生成报告时据此重建数据表；本简报的数字全部由数据表自动填入，无一手工录入。原文对线索、移交和人员使用不同的量词，因此比率一律写作“每百……”，即两数相除再乘以一百。{rounding_rule}原文只精确到“旬”的日期，按时间区间处理。

## 原文数字彼此吻合，部分推算另有前提

原文数字彼此吻合：{stated}

以下数值依赖原文没有明说的假设，一律以“若……”表述：

{assumed}

其他局限：数字均为官方口径，且只有一篇报道可据；线索、移交、立案和人员是不同的统计对象，文中比率都不是占比；常规巡察每次约{duration_routine_months}个月，图中按{duration_routine_days_approx}天计。


<p class="stamp">存档原文的SHA-256校验和：{sha256}。</p>
"""

#: The reader's note, both languages; ``{findings}``, ``{stated}``, ``{assumed}`` and ``{glossary}`` are filled by the note's builder.
READER = {"en": _READER_EN, "zh": _READER_ZH, "headline": _HEADLINE}
