//! Word tables for times: relative days, weeks, months and years, parts of
//! day, holidays, fuzzy words.

/// Days relative to the reference day.
pub(crate) const RELATIVE_DAYS: &[(&str, i64)] = &[
    ("大大前天", -4),
    ("大大后天", 4),
    ("大前天", -3),
    ("大后天", 3),
    ("前天", -2),
    ("前日", -2),
    ("昨天", -1),
    ("昨日", -1),
    ("昨儿", -1),
    ("今天", 0),
    ("今日", 0),
    ("今儿", 0),
    ("本日", 0),
    ("明天", 1),
    ("明日", 1),
    ("明儿", 1),
    ("后天", 2),
    ("后日", 2),
    // Cantonese: 琴日 yesterday, 听日 tomorrow, 大后日 in three days.
    ("琴日", -1),
    ("寻日", -1),
    ("听日", 1),
    ("大前日", -3),
    ("大后日", 3),
];

/// Days and parts of day in one word: 今晚, 昨夜, 明早.
pub(crate) const DAY_AND_PART: &[(&str, i64, &str)] = &[
    ("今晚", 0, "晚上"),
    ("今夜", 0, "晚上"),
    ("今早", 0, "早上"),
    ("今晨", 0, "早上"),
    ("昨晚", -1, "晚上"),
    ("昨夜", -1, "晚上"),
    ("昨早", -1, "早上"),
    ("前晚", -2, "晚上"),
    ("明晚", 1, "晚上"),
    ("明早", 1, "早上"),
    ("明晨", 1, "早上"),
];

/// Days that depend on the day being talked about: 当天, 次日.
pub(crate) const CONTEXT_DAYS: &[(&str, i64)] = &[
    ("同一天", 0),
    ("当天", 0),
    ("当日", 0),
    ("同日", 0),
    ("次日", 1),
    ("翌日", 1),
    ("第二天", 1),
];

/// Years relative to the reference year.
pub(crate) const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("大前年", -3),
    ("大后年", 3),
    ("前年", -2),
    ("去年", -1),
    ("上一年", -1),
    ("上年", -1),
    ("今年", 0),
    ("本年", 0),
    ("这一年", 0),
    ("明年", 1),
    ("下年", 1),
    ("来年", 1),
    ("下一年", 1),
    ("后年", 2),
];

/// Years that depend on the year being talked about: 当年, 次年.
pub(crate) const CONTEXT_YEARS: &[(&str, i32)] =
    &[("当年", 0), ("同年", 0), ("次年", 1), ("翌年", 1)];

/// Months relative to the reference month.
pub(crate) const RELATIVE_MONTHS: &[(&str, i64)] = &[
    ("上上个月", -2),
    ("上上月", -2),
    ("下下个月", 2),
    ("下下月", 2),
    ("上一个月", -1),
    ("上个月", -1),
    ("上月", -1),
    ("本月", 0),
    ("今个月", 0),
    ("这个月", 0),
    ("这一个月", 0),
    ("这月", 0),
    ("下一个月", 1),
    ("下个月", 1),
    ("下月", 1),
];

/// Months that depend on the month being talked about.
pub(crate) const CONTEXT_MONTHS: &[(&str, i64)] = &[("当月", 0), ("同月", 0), ("次月", 1)];

/// Weeks relative to the reference week.
pub(crate) const RELATIVE_WEEKS: &[(&str, i64)] = &[
    ("上上个星期", -2),
    ("上上个礼拜", -2),
    ("上上周", -2),
    ("上上个周", -2),
    ("下下个周", 2),
    ("上个周", -1),
    ("下个周", 1),
    ("这个周", 0),
    ("下下个星期", 2),
    ("下下个礼拜", 2),
    ("下下周", 2),
    ("上一个星期", -1),
    ("上个星期", -1),
    ("上个礼拜", -1),
    ("上一周", -1),
    ("上星期", -1),
    ("上礼拜", -1),
    ("上周", -1),
    ("这一周", 0),
    ("这一礼拜", 0),
    ("这一星期", 0),
    ("这个星期", 0),
    ("这个礼拜", 0),
    ("今个星期", 0),
    ("今个礼拜", 0),
    ("这星期", 0),
    ("这礼拜", 0),
    ("今礼拜", 0),
    ("今星期", 0),
    ("本星期", 0),
    ("本礼拜", 0),
    ("这周", 0),
    ("本周", 0),
    ("下一个星期", 1),
    ("下个星期", 1),
    ("下个礼拜", 1),
    ("下一周", 1),
    ("下星期", 1),
    ("下礼拜", 1),
    ("下周", 1),
];

/// Quarters relative to the reference quarter.
pub(crate) const RELATIVE_QUARTERS: &[(&str, i64)] = &[
    ("上上个季度", -2),
    ("下下个季度", 2),
    ("上个季度", -1),
    ("上一季度", -1),
    ("上季度", -1),
    ("本季度", 0),
    ("这个季度", 0),
    ("这季度", 0),
    ("下个季度", 1),
    ("下一季度", 1),
    ("下季度", 1),
];

/// Parts of the day: the hours they cover, and whether hours written in
/// them (1 to 11) are afternoon or evening hours.
pub(crate) const PARTS_OF_DAY: &[(&str, u32, u32, bool)] = &[
    ("后半夜", 0, 6, false),
    ("凌晨", 0, 6, false),
    ("黎明", 4, 6, false),
    ("清晨", 4, 12, false),
    ("早晨", 4, 12, false),
    ("早上", 4, 12, false),
    ("早间", 4, 12, false),
    ("上午", 4, 12, false),
    ("中午", 12, 14, false),
    ("正午", 12, 14, false),
    ("下午", 12, 19, true),
    ("午后", 12, 19, true),
    ("晏昼", 12, 19, true),
    ("傍晚", 17, 19, true),
    ("晚上", 18, 24, true),
    ("晚间", 18, 24, true),
    ("夜晚", 18, 24, true),
    ("夜间", 18, 24, true),
    ("夜里", 18, 24, true),
    ("深夜", 21, 24, true),
    ("半夜", 21, 24, true),
    ("午夜", 23, 24, true),
    ("白天", 6, 18, false),
];

/// Holidays on a fixed day of the Gregorian year.
pub(crate) const FIXED_HOLIDAYS: &[(&str, u32, u32)] = &[
    ("五一国际劳动节", 5, 1),
    ("八一建军节", 8, 1),
    ("圣瓦伦丁节", 2, 14),
    ("国际劳动节", 5, 1),
    ("国际消费者权益日", 3, 15),
    ("消费者权益日", 3, 15),
    ("澳门回归纪念日", 12, 20),
    ("香港回归纪念日", 7, 1),
    ("抗战胜利纪念日", 9, 3),
    ("国家公祭日", 12, 13),
    ("国家宪法日", 12, 4),
    ("世界地球日", 4, 22),
    ("世界读书日", 4, 23),
    ("三八妇女节", 3, 8),
    ("五一劳动节", 5, 1),
    ("五四青年节", 5, 4),
    ("六一儿童节", 6, 1),
    ("烈士纪念日", 9, 30),
    ("元旦节", 1, 1),
    ("情人节", 2, 14),
    ("妇女节", 3, 8),
    ("植树节", 3, 12),
    ("愚人节", 4, 1),
    ("劳动节", 5, 1),
    ("五一", 5, 1),
    ("双十一", 11, 11),
    ("双十二", 12, 12),
    ("女生节", 3, 7),
    ("青年节", 5, 4),
    ("护士节", 5, 12),
    ("儿童节", 6, 1),
    ("建党节", 7, 1),
    ("建军节", 8, 1),
    ("教师节", 9, 10),
    ("国庆节", 10, 1),
    ("万圣节", 10, 31),
    ("记者节", 11, 8),
    ("光棍节", 11, 11),
    ("平安夜", 12, 24),
    ("圣诞节", 12, 25),
    ("圣诞", 12, 25),
    ("老板节", 10, 16),
    ("元旦", 1, 1),
    ("阳历新年", 1, 1),
    ("国庆", 10, 1),
];

/// Holidays on the Nth weekday of a month: (name, month, weekday, n).
pub(crate) const WEEKDAY_HOLIDAYS: &[(&str, u32, u32, u32)] = &[
    ("母亲节", 5, 7, 2),
    ("父亲节", 6, 7, 3),
    ("感恩节", 11, 4, 4),
];

/// Festivals of the lunar calendar: (name, lunar month, day); day 0 is
/// 除夕, the last day of the year.
pub(crate) const LUNAR_FESTIVALS: &[(&str, u32, u32)] = &[
    ("农历新年", 1, 1),
    ("春节", 1, 1),
    ("大年初一", 1, 1),
    ("除夕", 12, 0),
    ("大年三十", 12, 0),
    ("元宵节", 1, 15),
    ("元宵", 1, 15),
    ("端午节", 5, 5),
    ("端午", 5, 5),
    ("七夕节", 7, 7),
    ("七夕", 7, 7),
    ("中秋节", 8, 15),
    ("中秋", 8, 15),
    ("重阳节", 9, 9),
    ("腊八节", 12, 8),
    ("小年", 12, 23),
];

/// Festivals on a solar term: (name, term index, days after the term).
pub(crate) const TERM_FESTIVALS: &[(&str, usize, i64)] = &[("清明节", 6, 0), ("寒食节", 6, -1)];

/// Solar terms that are also weather words (大雪纷飞, 雨水): a time only
/// with a year before them or a word of festivals after them.
pub(crate) const WEATHER_TERMS: &str = "小寒 大寒 雨水 小满 小暑 大暑 白露 寒露 霜降 小雪 大雪";

/// Seasons and school holidays: found, not resolved.
pub(crate) const SEASONS: &[&str] = &[
    "新春", "春季", "夏季", "秋季", "冬季", "春天", "夏天", "秋天", "冬天", "暑假", "寒假", "暑期",
    "寒冬",
];

/// Words for the reference moment itself.
pub(crate) const NOW_WORDS: &[&str] = &[
    "截至目前",
    "截止目前",
    "到目前为止",
    "截至今日",
    "此时此刻",
    "目前",
    "现在",
    "此时",
    "此刻",
    "当前",
    "眼下",
    "当下",
    "如今",
    "而家",
];

/// Words for a vague time near the reference: found, not resolved.
pub(crate) const FUZZY_WORDS: &[&str] = &[
    "最近",
    "近年来",
    "近些年",
    "近年",
    "近日",
    "日前",
    "近期",
    "近来",
];

/// Words that refer to the period just named.
pub(crate) const SAME_PERIOD_WORDS: &[&str] = &["这期间", "此期间", "同一时期", "同期"];

/// Every word of the tables above: the time words an expression may begin
/// with.
pub(crate) fn all_words() -> impl Iterator<Item = &'static str> {
    let pairs = RELATIVE_DAYS
        .iter()
        .map(|w| w.0)
        .chain(DAY_AND_PART.iter().map(|w| w.0))
        .chain(CONTEXT_DAYS.iter().map(|w| w.0))
        .chain(RELATIVE_YEARS.iter().map(|w| w.0))
        .chain(CONTEXT_YEARS.iter().map(|w| w.0))
        .chain(RELATIVE_MONTHS.iter().map(|w| w.0))
        .chain(CONTEXT_MONTHS.iter().map(|w| w.0))
        .chain(RELATIVE_WEEKS.iter().map(|w| w.0))
        .chain(RELATIVE_QUARTERS.iter().map(|w| w.0))
        .chain(PARTS_OF_DAY.iter().map(|w| w.0))
        .chain(FIXED_HOLIDAYS.iter().map(|w| w.0))
        .chain(WEEKDAY_HOLIDAYS.iter().map(|w| w.0));
    pairs
        .chain(LUNAR_FESTIVALS.iter().map(|w| w.0))
        .chain(TERM_FESTIVALS.iter().map(|w| w.0))
        .chain(crate::civil::lunar::SOLAR_TERMS.iter().copied())
        .chain(SEASONS.iter().copied())
        .chain(NOW_WORDS.iter().copied())
        .chain(FUZZY_WORDS.iter().copied())
        .chain(SAME_PERIOD_WORDS.iter().copied())
}
