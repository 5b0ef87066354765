"""Word lists for :mod:`helpers.parse.extract`: measure words, qualifiers, non-quantity words, T→S map.

Everything here is data; the patterns built from it live in :mod:`helpers.parse.extract`. Matching runs
on a *shadow* of the text in which traditional characters and full-width digits are replaced,
one character for one character, by their simplified / ASCII forms, so every offset stays valid.
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Traditional -> simplified, one character each (only characters the patterns care about, plus
# the common ones that appear inside captured units such as 領域 or 巡察組).
_T2S_PAIRS = (
    "個个 萬万 億亿 兩两 倆俩 條条 項项 號号 戶户 組组 輪轮 週周 處处 場场 張张 間间 筆笔 種种 類类 "
    "點点 歲岁 時时 鐘钟 臺台 輛辆 噸吨 畝亩 單单 隊队 團团 棟栋 冊册 屆届 級级 門门 頭头 隻只 圓元 "
    "餘余 約约 來来 幾几 數数 將将 過过 達达 內内 後后 當当 與与 為为 爲为 於于 "
    "線线 進进 統统 規规 風风 會会 務务 實实 嚴严 雙双 責责 維维 護护 確确 領领 導导 識识 設设 體体 "
    "攬揽 盤盘 齊齐 樣样 鎮镇 縣县 區区 鄉乡 計计 劃划 視视 貫贯 對对 應应 總总 龍龙 學学 課课 崗岗 "
    "決决 議议 彙汇 匯汇 查查 發发 現现 問问 題题 違违 紀纪 審审 黨党 幹干 開开 聯联 動动 結结 補补 "
    "檢检 舉举 報报 轉转 構构 廳厅 員员 層层 機机 關关 鄰邻 歷历 續续 參参 陸陆 億亿 輪轮 階阶 段段 "
    "頁页 節节 則则 條条 據据 並并 個个 這这 那那 每每 另另 專专 歸归 逐逐 萬万 億亿 斷断 標标 "
    "經经 濟济 費费 資资 產产 農农 業业 災灾 傷伤 遺遗 職职 責责 範范 圍围 從从 嚴严 懲惩 處处 "
    "規规 矩矩 紀纪 律律 監监 督督 執执 態态 風风 腐腐 敗败 廉廉 潔洁 領领 導导 幹干 部部 億亿 "
    "週周 鐘钟 時时 小小 號号 屆届 線线 索索 兩两 罰罚 款款 沒没 收收 繳缴 違违 億亿 書书 記记 "
    "長长 縣县 鎮镇 鄉乡 區区 園园 設设 備备 項项 們们 務务 優优 勢势 於于 爭争 顯显 緊紧 衛卫 "
    "環环 節节 網网 絡络 電电 話话 訊讯 聞闻 間间 題题 證证 據据 況况 總总 結结 術术 兩两 "
    "幣币 歐欧 鎊镑 韓韩 盧卢 須须 戰战 堅坚 險险 驗验 準准 觀观 義义 眾众 峽峡 織织 慶庆 溫温 "
    "帶带 託托 獲获 屬属 較较 負负 無无 稱称 賬账 掛挂 幫帮 帳帐 樓楼 車车 錢钱 見见 驗验 啟启 設设 認认 想想 貪贪 賄贿 賂赂 罪罪 訴诉 檢检 稅税 財财 務务 廠厂 鐵铁 礎础 "
)
T2S: dict[str, str] = {}
for _pair in _T2S_PAIRS.split():
    if len(_pair) == 2 and _pair[0] != _pair[1]:
        T2S[_pair[0]] = _pair[1]
# full-width digits and signs, and a few dash/tilde variants, to their ASCII or common forms
T2S.update({chr(0xFF10 + i): str(i) for i in range(10)})
T2S.update({"．": ".", "％": "%", "／": "/", "–": "—", "〜": "～", "○": "〇", "\u3000": " ", "\xa0": " ",
            "（": "(", "）": ")", "「": "“", "」": "”", "『": "“", "』": "”", "〝": "“", "〞": "”"})
#: ``str.translate`` table for the shadow text (every entry maps one character to one character).
SHADOW_TABLE: dict[int, str] = {ord(k): v for k, v in T2S.items()}

# --------------------------------------------------------------------------------------------
# Measure words. Each entry: written form -> (canonical unit, kind, negative lookahead or "").
# The lookahead keeps words that merely start with a measure word out (条例, 起来, 一次性 ...).
COUNT, AMOUNT, PERCENT, DURATION, MEASURE, RATIO, ORDINAL = (
    "count", "amount", "percent", "duration", "measure", "ratio", "ordinal")

UNITS: dict[str, tuple[str, str, str]] = {
    # counts of people, units, cases, documents ...
    "人次": ("人次", COUNT, ""), "户次": ("户次", COUNT, ""), "家次": ("家次", COUNT, ""),
    "件次": ("件次", COUNT, ""), "个次": ("个次", COUNT, ""), "批次": ("批次", COUNT, ""),
    "轮次": ("轮次", COUNT, ""), "班次": ("班次", COUNT, ""),
    "人": ("人", COUNT, "民|大代"), "名": ("名", COUNT, "单|义|称|字|额|誉|次|列|牌|录|片"),
    "位": ("位", COUNT, "于|置|列|数"), "家": ("家", COUNT, "庭|属|长|乡|族|里|门|园|风|教|务|底|境|用|具|电|常|政|喻|人|乐"),
    "户": ("户", COUNT, "口|籍|外|主|型|头"), "条": ("条", COUNT, "例|件|款|约|理|规|幅|形|码|龙"),
    "件": ("件", COUNT, ""), "起": ("起", COUNT, "来|草|步|诉|点|见|码|初|始|源|床|身|飞|跑|航|色|劲|因"),
    "次": ("次", COUNT, "性|要|日|序|贷|生|级|品"), "项": ("项", COUNT, "目|链"),
    "篇": ("篇", COUNT, ""), "字": ("字", COUNT, "号|母|样|迹|据|典|幕|体|眼|条|画|节|面|句|词|里|符|义|头|形|段|数|库|帖|谜|音|第"), "份": ("份", COUNT, "额|子"),
    "所": ("所", COUNT, "以|属|在|有|得|谓|需|涉|述|长|作|致|辖|处"), "座": ("座", COUNT, "谈|右|位|次"),
    "处": ("处", COUNT, "分|理|置|罚|长|级|室|于|在|以|境|事|所|方|决"),
    "批": ("批", COUNT, "评|准|示|复|次|办|发|判|量|转"), "种": ("种", COUNT, "植|子|养|族"),
    "类": ("类", COUNT, "似"), "场": ("场", COUNT, "所|地|景|合|面|馆|长|次|域"),
    "例": ("例", COUNT, "如|外|行|会"), "宗": ("宗", COUNT, "旨|教|族"), "笔": ("笔", COUNT, "者|记|录|试"),
    "张": ("张", COUNT, "贴|扬|力"), "册": ("册", COUNT, ""), "部门": ("部门", COUNT, ""),
    "部": ("部", COUNT, "门|分|署|长|队|委|位|属|级"), "台": ("台", COUNT, "账|湾|阶|风|词|上|下|州|前"),
    "辆": ("辆", COUNT, ""), "套": ("套", COUNT, "取|现|用|路|餐|话"), "间": ("间", COUNT, "接|隔|断|题"),
    "栋": ("栋", COUNT, ""), "幢": ("幢", COUNT, ""), "只": ("只", COUNT, "是|有|要|能|会|在|为|需|好|得"),
    "支": ("支", COUNT, "持|付|部|出|援|撑|书|配|取|票"), "封": ("封", COUNT, "闭|存|面|锁|顶"),
    "遍": ("遍", COUNT, ""), "趟": ("趟", COUNT, ""),
    "案": ("案", COUNT, "件|例|情|子|发|由|卷|底|值|头|犯|源|中|内|外|审|管|中|桌|板|牍|后|前|涉|值|情|别|宗|值"),
    "罪": ("罪", COUNT, "名|行|犯|案|责|证|孽|状|过|恶|魁|人|错|与|的"),
    "口": ("口", COUNT, "岸|径|号|头|腔|味|碑|吻|气|语|述|袋|子|罩|音|才|中|里|外|红|令|诀|角|供|服|试|感|粮"),
    "轮": ("轮", COUNT, "流|换|岗|训|值|番|胎|船|廓"), "组": ("组", COUNT, "织|建|成|长|员|合|团|装|阁|图"),
    "期": ("期", COUNT, "间|限|望|待|刊|货|末|中|初|满|内|盼|许|权"),
    # money: 万元/亿元 are a multiplier plus 元
    "元": ("元", AMOUNT, "旦|素|化|首|老|帅|宵|气|件"), "美元": ("美元", AMOUNT, ""),
    "港元": ("港元", AMOUNT, ""), "欧元": ("欧元", AMOUNT, ""), "日元": ("日元", AMOUNT, ""),
    "英镑": ("英镑", AMOUNT, ""), "澳元": ("澳元", AMOUNT, ""), "新台币": ("新台币", AMOUNT, ""),
    "人民币": ("元", AMOUNT, ""), "美金": ("美元", AMOUNT, ""), "港币": ("港元", AMOUNT, ""),
    "台币": ("新台币", AMOUNT, ""), "澳门元": ("澳门元", AMOUNT, ""), "澳门币": ("澳门元", AMOUNT, ""),
    "韩元": ("韩元", AMOUNT, ""), "卢布": ("卢布", AMOUNT, ""), "块钱": ("元", AMOUNT, ""),
    # percentages
    "%": ("%", PERCENT, ""), "‰": ("‰", PERCENT, ""), "百分点": ("百分点", PERCENT, ""),
    "倍": ("倍", RATIO, ""),
    # 三成 = 30% (value converted to %)
    "成": ("%", PERCENT, "为|立|员|果|效|本|绩|都|功|熟|交|型|长|就|了|分|年|像|人|品|套|形|活|片|堆|群|事|败|全|才|家|批|千|百|万"),
    # durations (月 only after 个 or 半: a bare 3月 is March)
    "年": ("年", DURATION, "轻|级|纪|龄|代|均|鉴|货|华|味|画|关|糕|薪|检|报|会|终|息|度|底|初|末"),
    "天": ("天", DURATION, "然|下|津|空|地|气|主|使|堂|才|真|河|门|安|府|文|线|数|平|生|性|花|桥|子"),
    "工作日": ("工作日", DURATION, ""), "小时": ("小时", DURATION, ""), "分钟": ("分钟", DURATION, ""),
    "星期": ("星期", DURATION, "一|二|三|四|五|六|日|天"),
    "周": ("周", DURATION, "年|边|围|末|期|转|密|到|知|全|岁|刊|报|一|二|三|四|五|六|日|长"),
    # physical measures
    "平方公里": ("平方公里", MEASURE, ""), "平方米": ("平方米", MEASURE, ""), "立方米": ("立方米", MEASURE, ""),
    "公顷": ("公顷", MEASURE, ""), "亩": ("亩", MEASURE, ""), "公里": ("公里", MEASURE, ""),
    "千米": ("千米", MEASURE, ""), "米": ("米", MEASURE, "饭|粮|面|兰|字|线|价"), "吨": ("吨", MEASURE, ""),
    "公斤": ("公斤", MEASURE, ""), "千克": ("千克", MEASURE, ""), "斤": ("斤", MEASURE, "两"),
    "周岁": ("岁", MEASURE, ""), "岁": ("岁", MEASURE, "月|末"),
    # ordinal-like measure words: a session (十八届), a document number (1号文件), an anniversary
    "届": ("届", ORDINAL, "满|时|中(?!央)"), "号": ("号", ORDINAL, "召|称|码|令|脉"), "周年": ("周年", ORDINAL, ""),
}
#: Units that may follow 个 (个月, 个小时, 个百分点); anything else after 个 leaves the unit as 个.
AFTER_GE: dict[str, tuple[str, str]] = {
    "月": ("月", DURATION), "多月": ("月", DURATION), "小时": ("小时", DURATION),
    "钟头": ("小时", DURATION), "工作日": ("工作日", DURATION), "星期": ("星期", DURATION),
    "季度": ("季度", DURATION), "百分点": ("百分点", PERCENT), "年头": ("年", DURATION),
}
#: Measure words that make 一X after 这/那/每... or 第N an ordinal's unit.
ORDINAL_UNITS = (
    "轮次|批次|季度|阶段|部分|年度|轮|次|批|家|个|名|条|项|期|届|年|天|周|月|章|节|款|篇|位|号|步|种|类|场|站|层|页"
)

# --------------------------------------------------------------------------------------------
# Qualifiers. prefix/suffix -> bound ("min": at least / more than, "max": at most / nearly, "" none).
PREFIX_QUALIFIERS: dict[str, str] = {
    "大约": "", "大概": "", "约": "", "将近": "max", "接近": "max", "近": "max", "逾": "min",
    "超过": "min", "超": "min", "不到": "max", "不足": "max", "不少于": "min", "不低于": "min",
    "至少": "min", "最多": "max", "多达": "min", "高达": "",
}
#: Words between the number and the unit: 10多个, 100余万元, 三十来人, 十几个.
MID_QUALIFIERS: dict[str, str] = {"多": "min", "余": "min", "来": "", "几": "min", "许": "", "数": "min", "上": "min"}
SUFFIX_QUALIFIERS: dict[str, str] = {
    "以上": "min", "之多": "min", "以下": "max", "以内": "max", "之内": "max", "左右": "", "许": "",
    "多": "min", "余": "min",
}
#: Words that make a prefix qualifier approximate (as opposed to an exact bound like 至少).
APPROX_WORDS = frozenset({"大约", "大概", "约", "将近", "接近", "近", "逾", "多", "余", "来", "几", "许",
                          "左右", "之多", "数", "上"})

# --------------------------------------------------------------------------------------------
# Words and names that contain numeral characters but are not quantities. They are matched (and
# dropped) before any quantity pattern can claim their characters.
NON_QUANTITY_WORDS: tuple[str, ...] = (
    # adverbs, determiners, idioms
    "万分", "一些", "一致", "统一", "同一", "万一", "一律", "进一步", "唯一", "一线", "一切", "一样",
    "一直", "一定", "一般", "一体化", "一体", "一道", "一同", "一旦", "一再", "一贯", "一向", "一举", "一心",
    "一手抓", "两手抓", "一时", "一番", "一系列", "一方面", "一次性", "一条龙", "一站式", "一揽子", "一刀切",
    "一盘棋", "一张蓝图", "一以贯之", "一大批", "一大早", "一部分", "一把手", "二把手", "一家之言",
    "一天到晚", "三天两头", "三令五申", "三番五次", "千方百计", "一五一十", "一目了然", "一丝不苟",
    "一如既往", "一视同仁", "一年一度", "一针见血", "一事一议", "千家万户", "百家争鸣", "千百年", "百年大计",
    "一一", "十足", "一并", "一概", "一味", "一下", "一边", "一手", "逐一",
    "专一", "划一", "合一", "归一", "之一", "单一", "这一", "那一", "每一", "某一", "任一", "另一",
    "百分百", "亿万", "万众", "万家灯火", "一成不变", "千千万万", "一分为二",
    # names of programmes, rules and slogans
    "五保", "三公", "两规", "双规", "两委", "两会", "四风", "三严三实", "两学一做",
    "三会一课", "一岗双责", "一案双查", "三重一大", "一票否决", "三转", "十三五", "十二五", "十四五", "十一五",
    "三资", "三务", "三农", "一卡通", "一带一路", "一国两制", "五个一", "三区三州", "两不愁三保障",
    "三三两两", "三心二意", "三五成群", "五湖四海", "五花八门", "七上八下", "七嘴八舌", "九牛一毛", "十全十美",
    "百里挑一", "一清二楚", "一干二净", "独一无二", "接二连三", "一举两得", "两面人", "两面派", "一穷二白",
    "四面八方", "千军万马", "万无一失", "万事", "十拿九稳", "九死一生", "一言一行", "一点一滴", "万元户",
    "放一百个心", "放一万个心", "一百个放心", "一万个放心", "一百个不愿意", "一万个不愿意",
    "千里之堤", "十之八九", "生动一例", "典型一例", "一批", "一张网", "一盘棋", "一拖五", "百姓", "一把", "一口气", "一锅端", "一阵", "一场空", "一片", "一家人",
    # place names
    "五里镇", "五里", "五家渠", "三门峡", "十堰", "六盘水", "七台河", "万州", "万宁", "万载", "五台山",
    "三台县", "五台县", "八所镇", "九所镇", "三元里", "四子王旗", "二七区", "三明", "六安", "九江", "三亚",
)

#: Slogans and enumerations built from a numeral and a measure word (三个代表, 八项规定, 五位一体):
#: kind ``enumeration``. Each entry: measure word -> the words that follow it in a slogan.
SLOGAN_WORDS: dict[str, str] = {
    "个": "代表|全面|维护|确立|意识|自信|务必|必须|核心|中心|基本点|坚持|着力|不固定|责任|一百年|伟大|服从"
          "|大局|有利于|区分开来|不准|明确|没有变|一以贯之|铁一般|看齐|绝对|不摘|注重|统筹|倒逼|同步|融入|提升"
          "|聚焦|转变|到位|结合|相结合|相统一|决不|绝不|严禁|一律|全覆盖|不变|过硬|始终|牢记|更加|作风",
    "项": "规定|制度|纪律|禁令|原则|注意|基本原则|基本要求|要求|措施|举措|机制|改革|承诺|标准",
    "种": "形态|危险|考验|意识|能力|精神|本领|作风",
    "位": "一体",
    "点": "意见|建议|要求|体会|希望|看法|做法|经验|启示|思考|打算|共识|认识|感受|想法",
    "条": "底线|红线|高压线|禁令|规定|标准|原则|措施|举措|意见|铁律",
}

#: After 一 + measure word, words that show 一 is the article "a" (一个重要方面, 一种新的), not a count.
ARTICLE_FOLLOWERS = (
    "重要|关键|主要|新的|新|好的|突出|严重|很|非常|极|更|有效|长期|普遍|典型|基本|根本|全新|明显|共同|独特"
    "|复杂|特殊|简单|具体|完整|真正|巨大|良好|严肃|深刻|伟大|强大|庞大|重大|艰巨|系统|漫长|什么|崭新|鲜明|生动"
    "|有力|积极|必要|有益|难得|合格|称职|优秀|普通|真实|缩影|整体|过程|方面|侧面|角度|层次|环节|阶段|标志|信号"
    "|原则|目标|机制|体系|平台|制度|办法|方式|方法|模式|途径|手段|形式|理念|思路|导向|态度|立场|现象|趋势"
)
#: Words before 一 + measure word that make it the article "a" (是一个, 作为一名, 成为一种).
ARTICLE_LEADERS = ("是", "为", "作为", "成为", "当好", "做好", "做", "当", "像", "如同", "这样", "那样", "如此", "又")

#: Nouns counted directly after a number, with no measure word (30村, 15县, 3镇5乡), and the
#: titles a headline counts the same way (3市委书记, 两县长). Each: noun -> negative lookahead.
COUNTED_NOUNS: dict[str, str] = {
    "省区市": "", "省市区": "", "省份": "", "县市区": "", "县区": "", "县市": "", "市县": "", "市州": "", "区县": "", "乡镇": "(?:党委|政府|纪委|干部|长)",
    "镇街": "", "村居": "", "村社": "", "社区": "(?:党|居|干部|工作|服务|医|矫正|戒毒|卫生|书记)",
    "街道": "(?:办|党|干部|社区|书记)",
    "村": "(?:委|民|级|务|组|庄|里|居|社|镇|部|集体|两委|支|党|规|小|落|寨|口|头|官|医|道|貌|干|组|屯|镇)",
    "县": "(?:委|级|直|属|城|域|长|政府|人大|政协|纪委|领导|财政|里|乡|镇|官|令|志|市|区|处|团)",
    "镇": "(?:委|级|长|政府|村|街|党委|干部|压|静|守|区|里|上|痛|定|中)",
    "乡": "(?:镇|委|级|长|政府|村|亲|下|愁|土|贤|里|情|音|党|干)",
    "市": "(?:民|场|委|级|直|属|区|县|政府|长|值|面|井|容|政|里|辖|管|州|中|内|外|纪委|人大|政协|领导|盈率|属)",
    "区": "(?:委|级|直|属|域|别|块|间|长|政府|县|内|外|划|位|纪委|领导)",
    "省": "(?:委|级|直|属|长|政府|份|内|外|区|市|钱|略|会|纪委|领导|部)",
    "州": "(?:委|长|政府|县|市|区|府)",
    "街": "(?:道|头|区|面|上|巷|坊|市|景|舞|灯|边|口|心|亭|办|乡)",
    "校": "(?:长|区|园|领导|外|内|友|级|训|方|车|对|正|验)",
}
#: Offices and titles counted directly after a number: 3市委书记, 两县长, 5村干部.
TITLE_NOUNS = (
    "(?:(?:省|市|县|区|镇|乡|村)(?:委|纪委)?|党委|党组|纪委|常务)?副?"
    "(?:书记|省长|市长|县长|区长|镇长|乡长|村长|局长|厅长|处长|科长|主任|官员|高官|干部|村官)"
)
#: 一起 is a case count only before a case noun (发生一起安全事故); otherwise it means "together".
CASE_NOUNS = "案|事故|事件|问题|违纪|违规|违法|腐败|纠纷|火灾|信访"

#: 五大领域: words after N大 that show 大 is not "major" (一大批, 三大量 ...).
BIG_STOP_CHARS = "批量部多约概幅型于小都致体力会"

#: Staffing rules written as N组托M县 / 一组带两县 (one inspection group per two counties): a slogan
#: (kind ``enumeration``), never two counts. Measure words or nouns on either side, and the verbs between.
SLOGAN_PAIR_UNITS = "个组|组|人|名|县|村|乡|镇|户|家|单位|个单位|个县|个村|个乡镇|乡镇"
SLOGAN_PAIR_VERBS = "托|带|包|联|挂|帮|管|领|抓|盯|兼"

#: Nouns a bare number counts with no measure word between them (共清退2万冒领人员, 核查2千账户): the
#: number is a ``count`` with an empty unit and the noun phrase in ``counted``. Up to four characters
#: may qualify the head (冒领人员).
BARE_HEADS = "人员|账户|帐户|干部|党员|群众|学生|职工|村民|居民|农户|贫困户|家庭|企业|商户|用户|对象|个人"

# --------------------------------------------------------------------------------------------
# The ``counted`` column: the noun phrase a count counts, read on the shadow (simplified) and
# copied from the text (its own script).
#: Words that end the noun phrase after a figure (2个区直部门开展巡察 -> 区直部门).
COUNTED_RIGHT_STOPS = (
    "的|对|在|进行|开展|涉及|涉嫌|被|为|是|由|从|向|将|把|于|已|并|共|均|都|也|还|和|及|与|或|等|获|各|每"
    "|给予|分别|其中|同比|按年|按照|来自|来源|采取|参加|参与|接受|接触|进驻|进入|担任|所辖|完成|实现|发现|移交|移送|则|可|属|显著|仍|听取|研究|审议"
    "|予以|纳入|提出|召开|托管|虚报|死亡|存在|出现|反映|得到|组织|实施|落实|整改|建立|制定|签订|推动|追责"
    "|处理|合计|受到|达到|传达|学习|负责|无法|涉|延伸|提出|作出|主动|先后|同时|全部|以上|左右|以下|以内|之多"
    "|处分|立案|留置|起诉|问责|约谈|追缴|收缴|清退|挽回|查处|检控|定罪|转介|跟进|上升|下降|增加|减少"
)
#: Words after which the noun phrase before a figure starts (移交问题线索68件 -> 问题线索): verbs,
#: links and scope words. A phrase that ends with one of them (立案37件, 处分39人) names no noun.
COUNTED_LEFT_STOPS = (
    "的|了|共|有|达|为|是|在|对|和|与|及|或|向|将|把|从|等|其中|共计|合计|累计|总计|发现|移交|移送|培训|处分"
    "|处理|印发|受理|核查|清退|涉及|接收|接获|开立|处置|立案|挽回|审议|听取|举办|组建|成立|开展|完成"
    "|提供|审阅|抽调|选派|派出|查处|给予|追缴|收缴|约谈|问责|通报|审查|调查|起诉|拘捕|检控|定罪|留置"
    "|汇报|研究|传达|学习|录得|按年|同比|去年|今年|全年|年内|目前|截至|该|这|那|此|已|又|再|还|均|都|也"
    "|分别|主动|先后|全市|全县|全省|全国|全区|本级|两级|约|近|逾|超过|不到|不足|至少|上升|下降|增加|减少|下跌|被|交办|提出|采取|确定|隐瞒|计划"
)
#: Links between a noun and its figure that are skipped (贪污投诉有451宗, 立案共135宗).
COUNTED_LINKS = ("共有", "共计", "合计", "有", "共", "达", "为", "计", "约", "近", "逾", "超过")
#: A noun phrase before a figure is taken only when it ends with one of these characters (nouns of
#: people, bodies, places, cases and documents), so that 建筑业一百五十七宗 or 按年升6% name none.
NOUN_FINALS = frozenset(
    "员部者民众户索题诉报料班织委组位口件项案宗况单校村镇乡区县市省局处科会团队党支人生工属士长记官企司"
    "厂店园所院站室馆楼房车票证账议见稿信访询目品物事卷例"
)
