//! Names of organisations, places and persons.
//!
//! The segmenter's tags (nt, ns, nr) are the start; rules read the way a
//! news reader does on top of them:
//! - an organisation is a proper word (place, organisation, name) plus an
//!   organisation suffix (`潍坊` + `日报社`, `北京石景山` + `发电总厂`),
//!   extended over further suffixes (`中共中央` + `政治局`);
//! - a place is a place word or a listed place (`data/places_*.txt`), and a
//!   proper word with a facility suffix (`绿城广场`, `人民大会堂`);
//! - a person is a name that starts with a listed surname (`data/surnames.txt`)
//!   and is not a common word, a transliterated name joined by `·`
//!   (`穆罕默德·拉斐克·塔拉尔`), or a surname before a title (`孔书记`).
//!
//! Nested names follow the People's Daily convention: the outermost name is
//! the fact (`中国国务院` is one organisation, not a place and one).

use crate::extract::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::segment::Word;
use crate::span::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The word lists, loaded once.
pub(crate) struct Lexicon {
    places: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
}

static PLACES_CN: &str = include_str!("../../data/places_cn.txt");
static PLACES_WORLD: &str = include_str!("../../data/places_world.txt");
static PLACES_CITIES: &str = include_str!("../../data/places_world_cities.txt");
static SURNAMES: &str = include_str!("../../data/surnames.txt");

/// Suffixes of administrative names that also stand without them (山东省, 山东).
const ADMIN_SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
];

/// The lexicon of names, built on first use (`Extractor::new` forces it).
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let entries = |data: &'static str| {
        data.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
    };
    let mut places = HashSet::new();
    for name in entries(PLACES_CN) {
        places.insert(name);
        for suffix in ADMIN_SUFFIXES {
            if let Some(short) = name.strip_suffix(suffix) {
                if short.chars().count() >= 2 {
                    places.insert(short);
                }
                break;
            }
        }
    }
    for name in entries(PLACES_WORLD).chain(entries(PLACES_CITIES)) {
        if !name.contains(['（', '(']) {
            places.insert(name);
        }
    }
    let surnames = entries(SURNAMES).collect();
    Lexicon { places, surnames }
});

/// Characters that end organisation names (委员会, 公司, 大学, 日报社…),
/// longest first where they overlap.
const ORG_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "委员会",
    "常委会",
    "基金会",
    "联合会",
    "研究院",
    "研究所",
    "研究中心",
    "检察院",
    "办公厅",
    "办公室",
    "政治局",
    "书记处",
    "统战部",
    "宣传部",
    "组织部",
    "人民政府",
    "政府",
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
    "中学",
    "小学",
    "学校",
    "医院",
    "法院",
    "协会",
    "学会",
    "商会",
    "工会",
    "中心",
    "总厂",
    "电视台",
    "广播电台",
    "日报社",
    "报社",
    "日报",
    "通讯社",
    "杂志社",
    "出版社",
    "军区",
    "舰队",
    "部队",
    "联盟",
    "组织",
    "机构",
    "议会",
    "国会",
    "内阁",
    "党委",
    "市委",
    "省委",
    "县委",
    "区委",
    "纪委",
    "团委",
    "政协",
    "人大",
    "新闻办",
    "质检中心",
    "计量中心",
    "总局",
    "海关",
    "大使馆",
    "使馆",
    "总工会",
    "局",
    "厅",
    "署",
    "部",
    "委",
    "院",
    "社",
    "厂",
    "所",
    "队",
    "党",
];

/// Words ending in an organisation suffix that are not organisations.
const NOT_ORGS: &str = "
    全党 政党 部分 全部 内部 外部 干部 局部 总部 西部 东部 南部 北部 中部 部队 全队 队员 团队 处理 之处 好处 到处
    各地 当局 格局 局面 布局 结局 开局 大局 时局 进行 银行卡 旅行 举行 执行 实行 运行 发行 流行 自行 一行 同行 步行 厂家
    工厂 车站 网站 站台 平台 舞台 出台 上台 后台 前台 讲台 阳台 电台 住所 场所 厕所 研究所 派出所 诊所 事务所
";

/// Suffixes that make a proper word a place: buildings, streets, sites.
const FACILITY_SUFFIXES: &[&str] = &[
    "大会堂",
    "纪念馆",
    "博物馆",
    "植物园",
    "动物园",
    "体育场",
    "体育馆",
    "礼堂",
    "广场",
    "公园",
    "宾馆",
    "大街",
    "机场",
    "车站",
    "码头",
    "商厦",
    "大厦",
    "饭店",
    "酒店",
    "大酒店",
];

/// Titles and forms of address after a surname: 孔书记, 朱师傅.
const TITLES: &[&str] = &[
    "副主任",
    "副科长",
    "副局长",
    "副市长",
    "副省长",
    "副县长",
    "副部长",
    "副总理",
    "副主席",
    "副书记",
    "书记",
    "师傅",
    "主任",
    "科长",
    "局长",
    "处长",
    "县长",
    "市长",
    "省长",
    "部长",
    "总理",
    "主席",
    "经理",
    "厂长",
    "院长",
    "校长",
    "教授",
    "医生",
    "大夫",
    "老师",
    "先生",
    "女士",
    "同志",
    "阿姨",
    "大爷",
    "大妈",
    "大娘",
    "大姐",
    "大哥",
    "队长",
    "老汉",
    "总",
];

/// Characters the segmenter glues to a name from the words around it.
const GLUED_BEFORE: &str = "同和与向对给被让由跟把将";
const GLUED_AFTER: &str = "说摄为等称曾也是在就到都又";

/// Adds organisations, places and persons to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let lexicon = &*LEXICON;
    let words = context.words.all();
    let text = context.text;
    let word_text = |w: &Word<'_>| &text[w.span.range()];
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let w = word_text(word);
        // Transliterated names joined by ·: 穆罕默德·拉斐克·塔拉尔.
        if let Some((end, parts)) = dotted_name(text, words, i) {
            let span = Span::new(word.span.start, end);
            let all_places = parts.iter().all(|p| lexicon.places.contains(p));
            if !all_places {
                push(out, Kind::Person, span, text, "person.dotted_name");
                i += parts.len() * 2 - 1;
                continue;
            }
        }
        // Embassies: 中华人民共和国驻南非共和国大使馆.
        if let Some(end) = mission_at(text, words, i, lexicon) {
            push(
                out,
                Kind::Org,
                Span::new(word.span.start, words[end].span.end),
                text,
                "org.mission",
            );
            i = end + 1;
            continue;
        }
        // Organisations: proper words, then an organisation suffix.
        if let Some((start, end, rule)) = organisation_at(text, words, i, lexicon) {
            let span = Span::new(words[start].span.start, words[end].span.end);
            // Titles of papers and books (《澳门日报》) name no organisation here.
            let in_title = text[..span.start].ends_with('《') && text[span.end..].starts_with('》');
            if !in_title && !(start == end && lexicon.places.contains(w)) {
                push(out, Kind::Org, span, text, rule);
                i = end + 1;
                continue;
            }
        }
        // Places with a facility suffix: 绿城广场, 人民大会堂.
        if let Some(end) = facility_at(text, words, i, lexicon) {
            push(
                out,
                Kind::Place,
                Span::new(word.span.start, words[end].span.end),
                text,
                "place.facility",
            );
            i = end + 1;
            continue;
        }
        if lexicon.places.contains(w) || (word.tag == "ns" && is_place_word(w)) {
            push(
                out,
                Kind::Place,
                word.span,
                text,
                if word.tag == "ns" {
                    "place.segmenter"
                } else {
                    "place.listed"
                },
            );
            i += 1;
            continue;
        }
        if matches!(word.tag, "nr" | "nrfg" | "nrt") {
            if let Some(span) = person_in(text, word, lexicon) {
                push(out, Kind::Person, span, text, "person.name");
                i += 1;
                continue;
            }
        }
        // A surname before a title: 孔书记, 张副主任.
        if w.chars().count() == 1 && lexicon.surnames.contains(w) {
            if let Some(next) = words.get(i + 1) {
                if TITLES.contains(&word_text(next))
                    && !text[..word.span.start].ends_with(|c: char| {
                        crate::normalize::is_han(c)
                            && !"、，。（）“”：；".contains(c)
                            && c != '位'
                            && c != '的'
                            && c != '了'
                            && c != '姓'
                            && c != '到'
                            && c != '找'
                            && c != '在'
                            && c != '和'
                            && c != '与'
                            && c != '有'
                            && c != '是'
                            && c != '给'
                            && c != '对'
                            && c != '向'
                            && c != '听'
                            && c != '说'
                    })
                {
                    push(out, Kind::Person, word.span, text, "person.surname_title");
                }
            }
        }
        i += 1;
    }
}

fn push(out: &mut Vec<Candidate>, kind: Kind, span: Span, text: &str, rule: &'static str) {
    out.push(Candidate {
        span,
        value: Value::Name {
            kind,
            name: text[span.range()].to_string(),
        },
        rule,
    });
}

/// Han words joined by `·` from word `i`: the end and the parts.
fn dotted_name<'t>(text: &'t str, words: &[Word<'_>], i: usize) -> Option<(usize, Vec<&'t str>)> {
    let is_han_word = |w: &Word<'_>| text[w.span.range()].chars().all(crate::normalize::is_han);
    let mut parts = vec![&text[words[i].span.range()]];
    let mut j = i;
    while j + 2 < words.len() + 1 {
        let (Some(dot), Some(next)) = (words.get(j + 1), words.get(j + 2)) else {
            break;
        };
        if !matches!(&text[dot.span.range()], "·" | "•" | "・") || !is_han_word(next) {
            break;
        }
        parts.push(&text[next.span.range()]);
        j += 2;
    }
    (parts.len() >= 2 && is_han_word(&words[i])).then(|| (words[j].span.end, parts))
}

/// True for words that may stand in a name: places, organisations, names,
/// nouns and abbreviations, not verbs or function words.
fn is_modifier(tag: &str) -> bool {
    matches!(
        tag,
        "ns" | "nt"
            | "nz"
            | "nr"
            | "nrt"
            | "nrfg"
            | "n"
            | "vn"
            | "j"
            | "b"
            | "an"
            | "ng"
            | "nl"
            | "l"
    )
}

fn is_proper(tag: &str) -> bool {
    matches!(tag, "ns" | "nt" | "nz" | "j" | "nr" | "nrt" | "nrfg")
}

/// The organisation suffix a word ends with, if the word is not a common word.
fn org_suffix(word: &str) -> Option<&'static str> {
    if NOT_ORGS.split_whitespace().any(|w| w == word) {
        return None;
    }
    ORG_SUFFIXES.iter().copied().find(|s| word.ends_with(s))
}

/// Organisations known by a name without a suffix.
const ORG_NAMES: &str = "
    联合国 欧佩克 北约 欧盟 东盟 世贸组织 亚太经合组织 国际奥委会 奥委会 红十字会 中共中央 党中央 团中央 中央军委 全国人大
    全国政协 国务院 新华社 中新社 路透社 美联社 法新社 塔斯社 共同社 国民党 民进党 共和党 民主党 工党 保守党
";

/// Words that name a part of an organisation after its name: 中共中央 +
/// 政治局, 国务院 + 侨办.
const SUB_UNITS: &str = "
    政治局 常委会 统战部 宣传部 组织部 办公厅 办公室 书记处 委员会 党委 纪委 侨办 新闻办 港澳办 台办 法制办 研究室
    秘书处 总部 分会 常务委员会 人民政府 政府 市委 省委 县委 区委
";

fn is_org_name(word: &str) -> bool {
    ORG_NAMES.split_whitespace().any(|w| w == word)
}

/// True for a word that can end an organisation's name.
fn is_org_head(word: &str, tag: &str) -> bool {
    if matches!(tag, "nr" | "nrt" | "nrfg") || FACILITY_SUFFIXES.iter().any(|s| word.ends_with(s)) {
        return false;
    }
    is_org_name(word) || (org_suffix(word).is_some() && (tag == "nt" || is_modifier(tag)))
}

/// The organisation that starts at word `i`: first word, last word and rule.
///
/// It starts with a proper word (place, organisation, abbreviation) or is an
/// organisation word of its own (`国务院`, `外交部`); it ends with an
/// organisation suffix and may take sub-units after it (`中共中央政治局`).
fn organisation_at(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    lexicon: &Lexicon,
) -> Option<(usize, usize, &'static str)> {
    let word_text = |k: usize| &text[words[k].span.range()];
    let proper = |k: usize| is_proper(words[k].tag) || lexicon.places.contains(word_text(k));
    let first = word_text(i);
    // A single word: a known organisation or one the segmenter tags as such
    // and that ends like one.
    let single =
        (words[i].tag == "nt" && org_suffix(first).is_some() && first.chars().count() >= 3)
            || is_org_name(first)
            || (words[i].tag == "nt" && first.ends_with("中央"));
    let mut head = None;
    if proper(i) {
        for k in i + 1..(i + 6).min(words.len()) {
            let w = word_text(k);
            if is_org_head(w, words[k].tag) && !TITLES.contains(&w) {
                head = Some(k);
                break;
            }
            if !is_modifier(words[k].tag) || words[k].tag.starts_with("nr") {
                break;
            }
        }
    }
    let head = match head {
        Some(k) => k,
        None if single && !matches!(words[i].tag, "nr" | "nrt" | "nrfg") => i,
        None => return None,
    };
    // Sub-units: 中共中央 + 政治局, 国务院 + 侨办.
    let mut last = head;
    while let Some(next) = words.get(last + 1) {
        let w = &text[next.span.range()];
        if next.tag != "nt" && SUB_UNITS.split_whitespace().any(|u| u == w) {
            last += 1;
        } else {
            break;
        }
    }
    let rule = if head > i || last > head {
        "org.proper_suffix"
    } else if is_org_name(first) {
        "org.known"
    } else {
        "org.segmenter"
    };
    Some((i, last, rule))
}

/// An embassy or office of one country in another: 中国驻南非大使馆.
fn mission_at(text: &str, words: &[Word<'_>], i: usize, lexicon: &Lexicon) -> Option<usize> {
    let word_text = |k: usize| &text[words[k].span.range()];
    let place = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.tag == "ns" || lexicon.places.contains(word_text(k)))
    };
    if !place(i)
        || words
            .get(i + 1)
            .is_none_or(|w| &text[w.span.range()] != "驻")
    {
        return None;
    }
    for k in i + 2..(i + 6).min(words.len()) {
        let w = word_text(k);
        if [
            "大使馆",
            "使馆",
            "总领事馆",
            "领事馆",
            "代表处",
            "办事处",
            "代表团",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        {
            return Some(k);
        }
        if !is_modifier(words[k].tag) {
            return None;
        }
    }
    None
}

/// A place made of proper words and a facility suffix, from word `i`.
fn facility_at(text: &str, words: &[Word<'_>], i: usize, lexicon: &Lexicon) -> Option<usize> {
    let first = &text[words[i].span.range()];
    let proper = is_proper(words[i].tag) || lexicon.places.contains(first);
    for (k, word) in words.iter().enumerate().skip(i).take(3) {
        let w = &text[word.span.range()];
        if let Some(suffix) = FACILITY_SUFFIXES.iter().find(|s| w.ends_with(**s)) {
            let standalone =
                k == i && w.chars().count() > suffix.chars().count() && word.tag == "ns";
            if (k > i && proper) || standalone {
                return Some(k);
            }
            return None;
        }
        if k > i && !is_modifier(word.tag) {
            return None;
        }
    }
    None
}

/// True for a place word of the segmenter that reads as a place name.
fn is_place_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(crate::normalize::is_han)
}

/// The person's name in a word the segmenter tagged as a name, trimmed of
/// the characters it glued on (`恩佐说` → `恩佐`, `同恩佐` → `恩佐`).
fn person_in(text: &str, word: &Word<'_>, lexicon: &Lexicon) -> Option<Span> {
    let mut start = word.span.start;
    let mut end = word.span.end;
    let w = &text[start..end];
    if lexicon.places.contains(w) {
        return None;
    }
    let chars: Vec<char> = w.chars().collect();
    if chars.len() >= 3 && GLUED_BEFORE.contains(chars[0]) {
        start += chars[0].len_utf8();
    }
    let chars: Vec<char> = text[start..end].chars().collect();
    if chars.len() >= 3 && GLUED_AFTER.contains(chars[chars.len() - 1]) {
        end -= chars[chars.len() - 1].len_utf8();
    }
    let name = &text[start..end];
    let count = name.chars().count();
    if !name.chars().all(crate::normalize::is_han) {
        return None;
    }
    if word.tag == "nrt" || word.tag == "nrfg" {
        return (count >= 2).then_some(Span::new(start, end));
    }
    let first: String = name.chars().take(1).collect();
    let first_two: String = name.chars().take(2).collect();
    let has_surname =
        lexicon.surnames.contains(first.as_str()) || lexicon.surnames.contains(first_two.as_str());
    if !(2..=4).contains(&count) {
        return None;
    }
    if !has_surname {
        // Foreign names the segmenter knows (克林顿, 阿拉法特).
        return (count >= 3 || word.tag == "nr")
            .then_some(Span::new(start, end))
            .filter(|_| is_transliteration(name));
    }
    Some(Span::new(start, end))
}

/// True when every character is one used to transliterate foreign names.
fn is_transliteration(name: &str) -> bool {
    const CHARS: &str = "阿埃艾安奥巴拔班邦保贝本比彼毕宾波伯博布达戴丹道德登迪蒂杜多厄恩尔法菲费芬丰弗福伏盖甘戈格古瓜哈海汉豪赫亨胡华霍基吉加杰捷金卡凯坎康柯科克肯库夸拉莱兰朗劳勒雷里利列林琳卢鲁伦罗洛马麦曼梅蒙米密敏莫姆穆纳奈南尼宁努诺欧帕佩皮普齐奇契乔切钦丘萨塞桑瑟森沙莎舍施什斯松苏索塔泰坦特提图托瓦万威韦维温沃乌西希谢辛休许雅亚扬耶伊英尤约泽扎詹兹佐顿曼朱迈茨";
    name.chars().all(|c| CHARS.contains(c))
}
