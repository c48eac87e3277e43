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

use crate::context::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::lexicon::CharBits;
use crate::lexicon::Fnv;
use crate::span::Span;
use crate::text::segment::Word;
use std::collections::HashSet as StdHashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

type HashSet<T> = StdHashSet<T, BuildHasherDefault<Fnv>>;
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The word lists, loaded once.
pub(crate) struct Lexicon {
    /// Every listed word with what the lists say of it (`PLACE`, `TITLE`…),
    /// so that one lookup answers every question about a word.
    classes: HashMap<&'static str, u32>,
    /// The first and last characters of the words in `classes`: a word
    /// whose ends are not among them is in no list, without a lookup.
    first_chars: CharBits,
    last_chars: CharBits,
    surnames: HashSet<&'static str>,
    /// The single-character surnames: a one-character word may start a
    /// name only when it is one.
    surname_chars: CharBits,
}

/// What the word lists say of a word, as bits.
const PLACE: u32 = 1;
/// Short forms of county names (钟山 for 钟山县): places when the segmenter
/// tags them so and they are not common words.
const COUNTY_SHORT: u32 = 1 << 1;
const COMMON_PLACE: u32 = 1 << 2;
const SUB_UNIT: u32 = 1 << 3;
const GENERIC_ORG: u32 = 1 << 4;
const NOT_ORG: u32 = 1 << 5;
const ORG_NAME: u32 = 1 << 6;
const REGION: u32 = 1 << 7;
const ROLE_BEFORE_WORD: u32 = 1 << 8;
const BEFORE_NAME_WORD: u32 = 1 << 9;
const AFTER_NAME_WORD: u32 = 1 << 10;
const COMPASS_WORD: u32 = 1 << 11;
const TITLE: u32 = 1 << 12;
/// 说, 表示, 同志: speech or address right after a name.
const SPEECH_WORD: u32 = 1 << 13;
const SPEECH_WORDS: &str = "说 表示 指出 强调 认为 同志";

impl Lexicon {
    /// The bits the word lists give `word`; 0 for a word in none.
    fn class(&self, word: &str) -> u32 {
        let ends_fit = word
            .chars()
            .next()
            .is_some_and(|c| self.first_chars.contains(c))
            && word
                .chars()
                .next_back()
                .is_some_and(|c| self.last_chars.contains(c));
        if !ends_fit {
            return 0;
        }
        self.classes.get(word).copied().unwrap_or(0)
    }

    fn is_place(&self, word: &str) -> bool {
        self.class(word) & PLACE != 0
    }
}

/// True when the word lists give `word` any of `bits`.
fn has(word: &str, bits: u32) -> bool {
    LEXICON.class(word) & bits != 0
}

static PLACES_CN: &str = include_str!("../../data/places_cn.txt");
static PLACES_WORLD: &str = include_str!("../../data/places_world.txt");
static PLACES_CITIES: &str = include_str!("../../data/places_world_cities.txt");
static SURNAMES: &str = include_str!("../../data/surnames.txt");
static SURNAMES_EXTRA: &str = include_str!("../../data/surnames_extra.txt");

/// Common place words, for building the lexicon.
static COMMON_PLACE_WORDS_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::set(COMMON_PLACE_WORDS));
fn in_set(set: &HashSet<&'static str>, word: &str) -> bool {
    set.contains(word)
}

/// Ethnic groups in the names of autonomous areas (湘西土家族苗族自治州).
const ETHNIC_GROUPS: &[&str] = &[
    "土家",
    "苗",
    "傣",
    "白",
    "彝",
    "哈尼",
    "藏",
    "羌",
    "蒙古",
    "朝鲜",
    "侗",
    "布依",
    "壮",
    "瑶",
    "回",
    "哈萨克",
    "柯尔克孜",
    "傈僳",
    "景颇",
    "黎",
    "畲",
    "满",
    "土",
    "撒拉",
    "裕固",
    "东乡",
    "保安",
    "仫佬",
    "毛南",
    "仡佬",
    "水",
    "纳西",
    "拉祜",
    "佤",
    "独龙",
    "怒",
    "普米",
    "阿昌",
    "德昂",
    "布朗",
    "基诺",
    "鄂温克",
    "鄂伦春",
    "达斡尔",
    "锡伯",
    "维吾尔",
];

/// The place name before the ethnic groups of an autonomous area's name:
/// 湘西土家族苗族 → 湘西; other names unchanged.
fn without_ethnic_names(name: &'static str) -> &'static str {
    for (i, _) in name.char_indices().skip(2) {
        let rest = &name[i..];
        if ETHNIC_GROUPS
            .iter()
            .any(|g| rest.strip_prefix(g).is_some_and(|r| r.starts_with('族')))
        {
            return &name[..i];
        }
    }
    name
}

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

impl Lexicon {
    /// Words the segmenter should keep whole, with their tags: listed places
    /// (ns) and known organisations (nt).
    pub(crate) fn segmenter_words(
        &self,
    ) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let orgs = ORG_NAMES.iter().chain(&["融媒"]).map(|w| (*w, "nt"));
        self.classes
            .iter()
            .filter(|(p, class)| *class & PLACE != 0 && p.chars().count() >= 2)
            .map(|(p, _)| (*p, "ns"))
            .chain(orgs)
    }
}

/// The lexicon of names, built on first use (`Extractor::new` forces it).
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let entries = |data: &'static str| {
        data.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
    };
    let mut places = HashSet::default();
    let mut county_short = HashSet::default();
    for line in PLACES_CN
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let name = fields.next().unwrap_or("").trim();
        let county = fields.next().is_some_and(|level| level.trim() == "county");
        if county && in_set(&COMMON_PLACE_WORDS_SET, name) {
            continue; // 郊区, 城区: districts named by their kind
        }
        places.insert(name);
        // Short forms of counties (和平区 → 和平) are often common words.
        if county {
            for suffix in ADMIN_SUFFIXES {
                if let Some(short) = name.strip_suffix(suffix) {
                    let short = without_ethnic_names(short);
                    if short.chars().count() >= 2 && !in_set(&COMMON_PLACE_WORDS_SET, short) {
                        county_short.insert(short);
                    }
                    break;
                }
            }
            continue;
        }
        for suffix in ADMIN_SUFFIXES {
            if let Some(short) = name.strip_suffix(suffix) {
                let short = without_ethnic_names(short);
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
    let surnames: HashSet<&str> = entries(SURNAMES).chain(entries(SURNAMES_EXTRA)).collect();
    for alias in PLACE_ALIASES.split_whitespace() {
        places.insert(alias);
    }
    let mut classes: HashMap<&'static str, u32> = HashMap::default();
    let mut mark = |words: &mut dyn Iterator<Item = &'static str>, bits: u32| {
        for word in words {
            *classes.entry(word).or_default() |= bits;
        }
    };
    mark(&mut places.into_iter(), PLACE);
    mark(&mut county_short.into_iter(), COUNTY_SHORT);
    let lists = [
        (COMMON_PLACE_WORDS, COMMON_PLACE),
        (SUB_UNITS, SUB_UNIT),
        (GENERIC_ORGS, GENERIC_ORG),
        (NOT_ORGS, NOT_ORG),
        (REGIONS, REGION),
        (ROLE_BEFORE, ROLE_BEFORE_WORD),
        (BEFORE_NAME, BEFORE_NAME_WORD),
        (AFTER_NAME, AFTER_NAME_WORD),
        (COMPASS, COMPASS_WORD),
        (TITLES_WORDS, TITLE),
        (SPEECH_WORDS, SPEECH_WORD),
    ];
    for (list, bits) in lists {
        mark(&mut list.split_whitespace(), bits);
    }
    mark(&mut ORG_NAMES.iter().copied(), ORG_NAME);
    let first_chars = CharBits::of(classes.keys().filter_map(|w| w.chars().next()));
    let last_chars = CharBits::of(classes.keys().filter_map(|w| w.chars().next_back()));
    let surname_chars = CharBits::of(
        surnames
            .iter()
            .filter(|s| s.chars().count() == 1)
            .filter_map(|s| s.chars().next()),
    );
    Lexicon {
        classes,
        first_chars,
        last_chars,
        surnames,
        surname_chars,
    }
});

/// Characters that end organisation names (委员会, 公司, 大学, 日报社…),
/// longest first where they overlap.
const ORG_SUFFIX_WORDS: &str = "
    股份有限公司 有限责任公司 有限公司 集团公司 委员会 常委会 基金会 联合会 研究院 研究所 研究中心 检察院 办公厅 办公室
    政治局 书记处 统战部 宣传部 组织部 人民政府 政府 公司 集团 银行 大学 学院 中学 小学
    学校 医院 法院 协会 学会 商会 工会 中心 总厂 电视台 广播电台 日报社 报社 日报
    通讯社 杂志社 出版社 军区 舰队 部队 联盟 组织 机构 议会 国会 内阁 党委 市委
    省委 县委 区委 纪委 团委 政协 人大 新闻办 质检中心 计量中心 总局 海关 大使馆 使馆
    总工会 局 厅 署 部 委 院 社 厂 所 队 党 核电站 电站
    党校 中国人民解放军 空军 海军 陆军 安理会 奥委会 体协 足联 泳联 防总 女排 男排 女足 男足 女篮 男篮 工商联 科协
    文联 剧协 足协 友协 排联 美协 作协 记协 侨联 妇联 残联 青联 学联 新闻网 总处 乐团
    剧团 话剧团 歌舞团 艺术团 总会 联谊会 融媒
";

/// The last characters of the suffixes, to rule words out quickly.
static ORG_SUFFIX_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    CharBits::of(
        ORG_SUFFIX_WORDS
            .split_whitespace()
            .filter_map(|w| w.chars().next_back()),
    )
});

/// The suffixes, longest first.
static ORG_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = ORG_SUFFIX_WORDS.split_whitespace().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// Words ending in an organisation suffix that are not organisations.
const NOT_ORGS: &str = "
    部署 全党 政党 部分 全部 内部 外部 干部 局部 总部 西部 东部 南部 北部 中部 部队 全队 队员 团队 处理 之处 好处 到处
    各地 当局 格局 局面 布局 结局 开局 大局 时局 进行 银行卡 旅行 举行 执行 实行 运行 发行 流行 自行 一行 同行 步行 厂家
    工厂 车站 网站 站台 平台 舞台 出台 上台 后台 前台 讲台 阳台 电台 住所 场所 厕所 研究所 派出所 诊所 事务所
";

/// Suffixes that make a proper word a place: buildings, streets, sites.
const FACILITY_SUFFIXES_WORDS: &str = "
    大会堂 纪念馆 博物馆 植物园 动物园 体育场 体育馆 礼堂 广场 公园 宾馆 大街 机场 车站
    码头 商厦 大厦 饭店 酒店 大酒店
";

static FACILITY_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| FACILITY_SUFFIXES_WORDS.split_whitespace().collect());

/// Titles and forms of address after a surname: 孔书记, 朱师傅.
const TITLES_WORDS: &str = "
    副主任 副科长 副局长 副市长 副省长 副县长 副部长 副总理 副主席 副书记 书记 师傅 主任 科长
    局长 处长 县长 市长 省长 部长 总理 主席 经理 厂长 院长 校长 教授 医生
    大夫 老师 先生 女士 同志 阿姨 大爷 大妈 大娘 大姐 大哥 队长 老汉 总
";

/// Characters the segmenter glues to a name from the words around it.
const GLUED_BEFORE: &str = "同和与向对给被让由跟把将";
const GLUED_AFTER: &str = "说摄等称";

/// Adds organisations, places and persons to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let lexicon = &*LEXICON;
    let words = context.words.all();
    let text = context.text;
    let word_text = |w: &Word<'_>| &text[w.span.range()];
    // What the lists say of each word, looked up once. Every listed word
    // starts with a Han character.
    let classes: Vec<u32> = words
        .iter()
        .map(|w| {
            let w = word_text(w);
            if w.chars().next().is_some_and(crate::text::normalize::is_han) {
                lexicon.class(w)
            } else {
                0
            }
        })
        .collect();
    // Names found with evidence, and those that wait for some: a name is
    // confirmed when the document names it with evidence elsewhere, or it
    // stands next to a confirmed name (江泽民李鹏乔石).
    let mut known_names: HashSet<&str> = HashSet::default();
    let mut accepted: Vec<usize> = Vec::new();
    let mut pending: Vec<(usize, Span)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let w = word_text(word);
        // Transliterated names joined by ·: 穆罕默德·拉斐克·塔拉尔.
        if let Some((end, parts)) = dotted_name(text, words, i) {
            let span = Span::new(word.span.start, end);
            let all_places = parts.iter().all(|p| lexicon.is_place(p));
            // 聚能·赋能 is a slogan: some part must read as a foreign name.
            let foreign = parts.iter().any(|p| is_transliteration(p));
            if !all_places && foreign {
                push(out, Kind::Person, span, text, "person.dotted_name");
                i += parts.len() * 2 - 1;
                continue;
            }
        }
        // Verbs, adverbs, particles and numbers start no name: skip them at once.
        // Every listed place has two characters or more, none of them ASCII.
        let listed = w.len() >= 6 && w.as_bytes()[0] >= 0x80 && classes[i] & PLACE != 0;
        let may_name = listed
            || classes[i] & COMPASS_WORD != 0
            || is_modifier(word.tag)
            || word.tag == "t"
            || word.tag == "x" && w.starts_with(crate::text::normalize::is_han)
            || word.span.len() <= 4
                && w.chars()
                    .next()
                    .is_some_and(|c| lexicon.surname_chars.contains(c));
        if !may_name {
            i += 1;
            continue;
        }
        // Embassies: 中华人民共和国驻南非共和国大使馆.
        if let Some(end) = mission_at(text, words, i, &classes) {
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
        if let Some((start, end, rule)) = organisation_at(text, words, i, &classes) {
            let mut span = Span::new(words[start].span.start, words[end].span.end);
            // A member's title glued to the last word: 中央政治局常委 → 中央政治局.
            for title in ["常委", "委员", "主席", "书记"] {
                if let Some(rest) = text[span.range()].strip_suffix(title) {
                    if org_suffix(rest).is_some()
                        || SUB_UNITS.split_whitespace().any(|u| rest.ends_with(u))
                    {
                        span.end -= title.len();
                        break;
                    }
                }
            }
            // Titles of papers and books (《澳门日报》) name no organisation here.
            let in_title = text[..span.start].ends_with('《') && text[span.end..].starts_with('》');
            if !(in_title || start == end && classes[i] & PLACE != 0) {
                push(out, Kind::Org, span, text, rule);
                i = end + 1;
                continue;
            }
        }
        // Parts of a country by direction: 西部地区, 东部、中部、东北地区.
        if let Some(end) = region_at(text, words, i, &classes) {
            push(
                out,
                Kind::Place,
                Span::new(word.span.start, words[end].span.end),
                text,
                "place.region",
            );
            i = end + 1;
            continue;
        }
        // Places with a facility suffix: 绿城广场, 人民大会堂.
        if let Some(end) = facility_at(text, words, i, &classes) {
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
        if listed {
            push(out, Kind::Place, word.span, text, "place.listed");
            i += 1;
            continue;
        }
        let county = matches!(word.tag, "ns" | "nr") && classes[i] & COUNTY_SHORT != 0;
        if county || word.tag == "ns" && is_place_word(w, classes[i]) {
            push(out, Kind::Place, word.span, text, "place.segmenter");
            i += 1;
            continue;
        }
        // 台湾同胞, 日本首相, 香港回归: the dictionary's compounds of a
        // listed place and a common word hide the place.
        if let Some(end) = place_prefix(w, word.tag) {
            let span = Span::new(word.span.start, word.span.start + end);
            push(out, Kind::Place, span, text, "place.prefix");
            i += 1;
            continue;
        }
        match person_at(text, words, i, lexicon, &classes) {
            Some((span, rule, true)) => {
                known_names.insert(&text[span.range()]);
                accepted.push(i);
                push(out, Kind::Person, span, text, rule);
            }
            Some((span, _, false)) => pending.push((i, span)),
            None => {}
        }
        i += 1;
    }
    names_in_context(text, words, lexicon, &classes, out);
    for (k, span) in pending {
        let beside = accepted.iter().any(|&a| a + 1 == k || k + 1 == a);
        if beside || known_names.contains(&text[span.range()]) {
            push(out, Kind::Person, span, text, "person.confirmed");
        }
    }
}

fn push(out: &mut Vec<Candidate>, kind: Kind, span: Span, text: &str, rule: &'static str) {
    if let Some(value) = Value::name_of(kind, text[span.range()].to_string()) {
        out.push(Candidate { span, value, rule });
    }
}

/// Han words joined by `·` from word `i`: the end and the parts.
fn dotted_name<'t>(text: &'t str, words: &[Word<'_>], i: usize) -> Option<(usize, Vec<&'t str>)> {
    let is_han_word = |w: &Word<'_>| {
        text[w.span.range()]
            .chars()
            .all(crate::text::normalize::is_han)
    };
    // Most words have no dot after them: look before allocating.
    if !words
        .get(i + 1)
        .is_some_and(|d| matches!(&text[d.span.range()], "·" | "•" | "・"))
    {
        return None;
    }
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

/// Words of datelines and credits the segmenter tags as names: 日电, 日讯.
fn is_dateline(word: &str) -> bool {
    matches!(
        word,
        "日电"
            | "日讯"
            | "电"
            | "讯"
            | "本报"
            | "本报讯"
            | "专电"
            | "电讯"
            | "记者"
            | "报道"
            | "消息"
    )
}

/// Institutions named by their kind alone, not by a name: 人民法院, 党和政府.
const GENERIC_ORGS: &str = "
    村干部 机关干部 老干部 后备干部 退休干部 管理局 联谊会 演播厅 全国委员会 编辑部 指挥部 政治部 解放军
    人民解放军 党和政府 商业银行 人民检察院 人民法院 特区政府 武警部队 党组织 供电局 联合会 联合政府 国家队 新政府 人民军队 中央政府
    人民政府 共产党 民政局 公安局 福利院 敬老院 国有银行 团组织 红十字会 地方政府 当地政府 各级政府 派出所 居委会 村委会
    党委 政府 中西部 东部 西部 南部 北部 中部 俱乐部 基层党组织 领导班子 董事会 监事会 股东大会 理事会 委员会 常委会
    研发中心 技术中心 服务中心 数据中心 运营中心 指挥中心 活动中心 购物中心 会展中心 政务服务中心 融媒体中心
";

/// The organisation suffix a word ends with, if the word is not a common word.
fn org_suffix(word: &str) -> Option<&'static str> {
    let last = word.chars().next_back()?;
    if !ORG_SUFFIX_LAST_CHARS.contains(last) {
        return None;
    }
    org_suffix_of(word, LEXICON.class(word))
}

/// `org_suffix` for a word whose list bits (`class`) are known.
fn org_suffix_of(word: &str, class: u32) -> Option<&'static str> {
    let last = word.chars().next_back()?;
    if !ORG_SUFFIX_LAST_CHARS.contains(last) || class & NOT_ORG != 0 {
        return None;
    }
    ORG_SUFFIXES.iter().copied().find(|s| word.ends_with(s))
}

/// Organisations known by a name without a suffix, from
/// `data/orgs_known.txt` (comment lines start with `#`).
static ORG_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/orgs_known.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Words that name a part of an organisation after its name: 中共中央 +
/// 政治局, 国务院 + 侨办.
const SUB_UNITS: &str = "
    政治局 常委会 统战部 宣传部 组织部 办公厅 办公室 书记处 委员会 党委 纪委 侨办 新闻办 港澳办 台办 法制办 研究室
    秘书处 总部 分会 常务委员会 人民政府 政府 市委 省委 县委 区委 特委会 外办 科协
";

/// The last characters of organisation suffixes and known names.
static ORG_HEAD_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    let words = ORG_SUFFIX_WORDS
        .split_whitespace()
        .chain(ORG_NAMES.iter().copied());
    CharBits::of(words.filter_map(|w| w.chars().next_back()))
});

/// The last characters of facility suffixes.
static FACILITY_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    CharBits::of(
        FACILITY_SUFFIXES_WORDS
            .split_whitespace()
            .filter_map(|w| w.chars().next_back()),
    )
});

/// True for a word that can end an organisation's name.
fn is_org_head(word: &str, tag: &str, class: u32) -> bool {
    if !word
        .chars()
        .next_back()
        .is_some_and(|c| ORG_HEAD_LAST_CHARS.contains(c))
    {
        return false;
    }
    let team = ["队", "女排", "男排", "女足", "男足", "女篮", "男篮"]
        .iter()
        .any(|s| word.ends_with(s));
    if (matches!(tag, "nr" | "nrt" | "nrfg") && !team)
        || (word.ends_with(|c: char| FACILITY_LAST_CHARS.contains(c))
            && FACILITY_SUFFIXES.iter().any(|s| word.ends_with(s)))
    {
        return false;
    }
    class & ORG_NAME != 0
        || (org_suffix_of(word, class).is_some() && (tag == "nt" || is_modifier(tag)))
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
    classes: &[u32],
) -> Option<(usize, usize, &'static str)> {
    let word_text = |k: usize| &text[words[k].span.range()];
    let proper = |k: usize| {
        let w = word_text(k);
        let national = matches!(w, "国家" | "全国" | "中国" | "中华");
        let common = classes[k] & COMMON_PLACE != 0;
        (is_proper(words[k].tag) || classes[k] & PLACE != 0 || national)
            && !is_dateline(w)
            && !common
    };
    let first = word_text(i);
    if is_dateline(first) {
        return None;
    }
    // 市政府新闻办: a government named by its level, with a unit of it.
    if matches!(
        first,
        "市政府" | "省政府" | "县政府" | "区政府" | "市委" | "省委" | "县委"
    ) {
        let unit = classes.get(i + 1).is_some_and(|c| c & SUB_UNIT != 0);
        return unit.then_some((i, i + 1, "org.proper_suffix"));
    }
    if classes[i] & GENERIC_ORG != 0 {
        return None;
    }
    // Two organisations side by side (党中央国务院) are two.
    let standalone = |k: usize| {
        let w = word_text(k);
        classes[k] & ORG_NAME != 0
            || (words[k].tag == "nt"
                && org_suffix_of(w, classes[k]).is_some()
                && w.chars().count() >= 3)
    };
    // A single word: a known organisation or one the segmenter tags as such
    // and that ends like one.
    // Ministries and bureaus the segmenter calls plain nouns: 公安部, 人事部.
    let ministry = words[i].tag == "n"
        && first.chars().count() >= 3
        && ["部", "委"].iter().any(|s| first.ends_with(s))
        && !["干部", "布局", "部署", "结合部", "俱乐部"]
            .iter()
            .any(|s| first.ends_with(s));
    let single = (words[i].tag == "nt"
        && org_suffix_of(first, classes[i]).is_some()
        && first.chars().count() >= 3
        && !first.ends_with("中心"))
        || classes[i] & ORG_NAME != 0
        || ministry
        || (words[i].tag == "nt" && first.ends_with("中央"));
    let mut head = None;
    if proper(i) {
        let first_standalone = standalone(i);
        for (k, next) in words.iter().enumerate().skip(i + 1).take(5) {
            let w = word_text(k);
            if first_standalone && standalone(k) {
                break;
            }
            if is_org_head(w, next.tag, classes[k]) && classes[k] & TITLE == 0 {
                head = Some(k);
                break;
            }
            // The segmenter tags some places as names (石景山/nr): those go on.
            let place_like = word_text(k).ends_with(|c: char| "山江河湖岛港湾峰岭".contains(c));
            if !is_modifier(next.tag) || (next.tag.starts_with("nr") && !place_like) {
                break;
            }
        }
    }
    // 申报工信部: a known organisation after a word that is no place or
    // organisation stands on its own.
    if let Some(k) = head {
        let anchored =
            (i..k).any(|j| words[j].tag == "nt" || words[j].tag == "ns" || classes[j] & PLACE != 0);
        if k > i && classes[k] & ORG_NAME != 0 && !anchored {
            return None;
        }
    }
    let head = match head {
        Some(k) => k,
        None if classes[i] & ORG_NAME != 0
            || (single && !matches!(words[i].tag, "nr" | "nrt" | "nrfg")) =>
        {
            i
        }
        None => return None,
    };
    // Sub-units: 中共中央 + 政治局, 国务院 + 侨办.
    let mut last = head;
    while let Some(next) = words.get(last + 1) {
        let w = &text[next.span.range()];
        // A department: 海关总署 + 统计分析司.
        let department = w.chars().count() >= 3
            && matches!(next.tag, "n" | "nt" | "nz")
            && w.ends_with(|c: char| "司处局科室厅".contains(c));
        if next.tag != "nt" && classes[last + 1] & SUB_UNIT != 0 || department {
            last += 1;
            continue;
        }
        // A department in two or three words: 海关总署 + 统计分析 + 司.
        let tail = (last + 2..(last + 4).min(words.len())).find(|&k| {
            let w = &text[words[k].span.range()];
            w.chars().count() == 1
                && "司处局科室".contains(w)
                && (last + 1..k).all(|j| matches!(words[j].tag, "n" | "vn" | "nz" | "l" | "v"))
                && (2..=6).contains(
                    &text[words[last + 1].span.start..words[k].span.start]
                        .chars()
                        .count(),
                )
        });
        match tail {
            Some(k) => last = k,
            None => break,
        }
    }
    let rule = if head > i || last > head {
        "org.proper_suffix"
    } else if classes[i] & ORG_NAME != 0 {
        "org.known"
    } else {
        "org.segmenter"
    };
    Some((i, last, rule))
}

/// An embassy or office of one country in another: 中国驻南非大使馆.
fn mission_at(text: &str, words: &[Word<'_>], i: usize, classes: &[u32]) -> Option<usize> {
    let word_text = |k: usize| &text[words[k].span.range()];
    let place = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.tag == "ns" || classes[k] & PLACE != 0)
    };
    if !place(i)
        || words
            .get(i + 1)
            .is_none_or(|w| &text[w.span.range()] != "驻")
    {
        return None;
    }
    for (k, next) in words.iter().enumerate().skip(i + 2).take(4) {
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
        if !is_modifier(next.tag) {
            return None;
        }
    }
    None
}

/// Directions that name parts of a country before 地区 or in a list of them.
const COMPASS: &str = "东部 西部 中部 南部 北部 东北 西北 西南 东南 中西部 东中部";

/// A part of a country named by direction: `西部地区` (with 地区, or a
/// region word before it), or `东部` in a list that ends in one (`东部、中部、东北地区`).
fn region_at(text: &str, words: &[Word<'_>], i: usize, classes: &[u32]) -> Option<usize> {
    let word_text = |k: usize| words.get(k).map(|w| &text[w.span.range()]);
    let w = word_text(i)?;
    let compass = classes[i] & COMPASS_WORD != 0;
    let region = compass || classes[i] & REGION != 0;
    if let Some(prefix) = w.strip_suffix("地区") {
        let named = has(prefix, COMPASS_WORD | REGION) || LEXICON.is_place(prefix);
        return named.then_some(i);
    }
    if !region && classes[i] & PLACE == 0 {
        return None;
    }
    if word_text(i + 1) == Some("地区") {
        return Some(i + 1);
    }
    // 东部、中部、东北地区: walk the list to its end.
    if compass && word_text(i + 1) == Some("、") {
        let mut k = i + 2;
        while let Some(next) = word_text(k) {
            if next.ends_with("地区") || word_text(k + 1) == Some("地区") {
                return Some(i);
            }
            if !(classes[k] & COMPASS_WORD != 0 || next == "、") {
                break;
            }
            k += 1;
        }
    }
    None
}

/// A place made of proper words and a facility suffix, from word `i`.
fn facility_at(text: &str, words: &[Word<'_>], i: usize, classes: &[u32]) -> Option<usize> {
    let proper = is_proper(words[i].tag) || classes[i] & PLACE != 0;
    for (k, word) in words.iter().enumerate().skip(i).take(3) {
        let w = &text[word.span.range()];
        let facility = w.ends_with(|c: char| FACILITY_LAST_CHARS.contains(c));
        if let Some(suffix) = FACILITY_SUFFIXES
            .iter()
            .find(|s| facility && w.ends_with(**s))
        {
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

/// Regions named by direction or landmark: 东南亚, 华北, 太平洋.
const REGIONS: &str = "
    东南亚 南亚 东亚 西亚 中亚 北亚 中东 近东 远东 北美 南美 拉美 中美洲 北美洲 南美洲 东欧 西欧 中欧 北欧 南欧 中东欧
    北非 西非 东非 中非 华北 华东 华南 华中 中原 江南 岭南 南极 北极 太平洋 大西洋 印度洋 北冰洋 地中海
    亚太 东盟 阿拉伯 加勒比 巴尔干 高加索 中南半岛 朝鲜半岛 青藏高原 长江三角洲 珠江三角洲
";

/// Place words of the segmenter, and county names, that are common words
/// too (城市, 山区, 和平, 城关).
const COMMON_PLACE_WORDS: &str = "
    城市 山区 地区 社区 小区 景区 城区 郊区 市区 县城 农村 乡村 城乡 海洋 江湖 全市 全省 全县 全区 本市 本省 矿区 新区
    市辖区 开发区 高新区 新建 和平 城关 新华 解放 人民 光明 东风 胜利 红旗 前进 建设 团结 友谊 长安 新城 开发 高新 城中 中心
    文化 铁路 向阳 工农 幸福 太平 永安 安宁 平安 新市 城东 城西 城南 城北 河东 河西 江北 江南 东区 西区 南区 北区 中区
    白云 青山 红山 黄山 新兴 兴业 永和 和顺 宁安 长宁 普陀 静安 东城 西城 海城 金川 龙华 福田 南山 北塔 城厢 市中
    惠民 富民 利民 安民 新民 兴国 建国 长寿 吉利 万安 永福 富裕 安定 宁静 太和 永安
";

/// Names in common use that the lists lack: short forms, old and literary names.
const PLACE_ALIASES: &str = "
    印尼 汉城 京城 羊城 蓉城 泉城 津门 星城 鹏城 江城 华盛顿 日内瓦 渥太华 新德里 波恩 波士顿 达沃斯 拉巴特 海牙 堪培拉
    长江 黄河 淮河 珠江 海河 辽河 太湖 西湖 长城 天安门 中南海 三峡 人民大会堂 阿拉伯
";

/// Endings that make a compound one name with the place before them:
/// 南非共和国, 约旦河西岸, 大庆油田, 北京西站, 朝阳产业 (an idiom).
const NOT_PLACE_REMAINDERS: &str = "共和国 王国 独立国 联邦 公国 西岸 东岸 油田 站 产业";

/// The byte length of a listed place (two to four characters) that starts
/// the compound `word` when a common word of two characters or more
/// follows it in the word: 台湾同胞, 日本首相, 美国总统.
fn place_prefix(word: &str, tag: &str) -> Option<usize> {
    if !matches!(tag, "n" | "ns" | "nz") || word.len() < 12 {
        return None;
    }
    let count = word.chars().count();
    (2..=4.min(count.saturating_sub(2)))
        .rev()
        .find_map(|chars| {
            let end = word.char_indices().nth(chars)?.0;
            let rest = &word[end..];
            let fits = rest.chars().all(crate::text::normalize::is_han)
                && !NOT_PLACE_REMAINDERS.split(' ').any(|r| rest.ends_with(r))
                && org_suffix(rest).is_none()
                && LEXICON.class(&word[..end]) & (PLACE | COMMON_PLACE) == PLACE
                && !LEXICON.is_place(rest);
            fits.then_some(end)
        })
}

/// True for a word the segmenter tagged as a place that reads as a place
/// name: a region, a name ending like a place (…山, …江, …村) of three
/// characters or more, or a transliterated foreign name.
/// `class` is what the lists say of the word.
fn is_place_word(word: &str, class: u32) -> bool {
    let count = word.chars().count();
    if count < 2 || !word.chars().all(crate::text::normalize::is_han) {
        return false;
    }
    if class & REGION != 0 {
        return true;
    }
    if class & COMMON_PLACE != 0 {
        return false;
    }
    let last = word.chars().last().unwrap_or(' ');
    if count >= 3
        && "省市县区镇乡村州岛山江河湖海洋洲湾峡港峰岭原漠川溪泉峪沟坝街路道巷桥寺庙宫陵塔城堡"
            .contains(last)
    {
        if let Some(prefix) = word.strip_suffix("地区") {
            return LEXICON.is_place(prefix);
        }
        return true;
    }
    is_transliteration(word)
}

/// Words right before a name that show it is one: roles and titles.
const BEFORE_NAME: &str = "
    记者 通讯员 编辑 责任编辑 责编 主席 副主席 总理 副总理 总书记 书记 副书记 部长 副部长 外长 省长 副省长 市长 副市长 县长 委员 主任 副主任
    会长 理事长 总统 副总统 首相 国王 王储 大使 代表 院士 教授 队员 选手 运动员 村民 农民 职工 工人 干部 局长 厅长 处长
    厂长 经理 总经理 董事长 主编 作者 导演 演员 歌手 画家 作家 诗人 教练 主教练 司令员 政委 将军 上将 少将 中将 首席
    发言人 秘书长 议长 总督 亲王 女王 国务卿 外交大臣 大臣 参赞 领事 法官 检察官 律师 医生 博士 烈士 英雄 模范 老人
";

/// Words right after a name that show it is one: speech, titles, actions.
const AFTER_NAME: &str = "
    说 表示 指出 强调 认为 介绍 称 告诉 宣布 回忆 同志 主席 总理 书记 先生 女士 夫人 出席 会见 接见 会晤 致辞 讲话 发表
    一行 等 摄 报道 主持 率领 率 陪同 参加 题写 签署 逝世 生前 夫妇 一家 老人 老师 教授 院士 委员 代表 部长 副总理
";

/// Names end here, not with these (the word goes on as a place or thing).
const NOT_NAME_ENDINGS: &str =
    "队馆沟坝家证率人省市县村镇乡区路街站厂店园场湖河山港盾币元品泊帅塔寨原滩感做抱性带壳赛物声委书虎棋皮纸";

/// True when the words around word `i` make it read as a person's name.
fn name_evidence(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let word_text = |k: usize| words.get(k).map(|w| &text[w.span.range()]);
    let in_list = |bits: u32, w: Option<&str>| w.is_some_and(|w| has(w, bits));
    // Look back over spaces and colons: 记者 邹多为, 责任编辑:庞珂.
    let mut b = i;
    while b > 0 && word_text(b - 1).is_some_and(|w| w.trim().is_empty() || w == ":" || w == "：") {
        b -= 1;
    }
    let before = b.checked_sub(1).and_then(word_text);
    let after = word_text(i + 1);
    // A list of names: the word across the 、 is tagged as a name too.
    let tagged = |k: Option<usize>| {
        k.and_then(|k| words.get(k))
            .is_some_and(|w| w.tag.starts_with("nr"))
    };
    let listed = (after == Some("、") && tagged(Some(i + 2)))
        || (before == Some("、") && tagged(b.checked_sub(2)));
    in_list(BEFORE_NAME_WORD | ROLE_BEFORE_WORD, before)
        || in_list(AFTER_NAME_WORD, after)
        || after.is_some_and(|a| a.starts_with('（'))
        || listed
}

/// Characters that end a name read from context (的, 说, 摄, punctuation).
const NAME_STOPS: &str = "的摄说在和与等、，。）（“”：；了是也都就对向为将把被从同跟及今昨明已曾正又还并称讲到去来会指表";

/// Words of roles that come right before names in news, besides titles.
const ROLE_BEFORE: &str = "工程师 机长 业主 业户 订户 学者 专家 职工 村民 居民 老人 作者 记者 通讯员 主席 总理 书记 县长 市长 省长
    部长 主任 委员长 委员 总统 首相 局长 厂长 经理 队长 教授 院士 编辑 大使 司令员 政委 发言人";

/// Names read from the characters around strong evidence, where the
/// segmenter split them: 记者兰红光摄, 工程师李升的家中, 傅志寰说.
fn names_in_context(
    text: &str,
    words: &[Word<'_>],
    lexicon: &Lexicon,
    classes: &[u32],
    out: &mut Vec<Candidate>,
) {
    let is_name_char = |c: char| crate::text::normalize::is_han(c) && !NAME_STOPS.contains(c);
    let surname = |c: char| {
        lexicon
            .surnames
            .contains(c.encode_utf8(&mut [0; 4]) as &str)
    };
    for (k, word) in words.iter().enumerate() {
        // Roles are nouns; speech is verbs.
        let cues = ROLE_BEFORE_WORD | BEFORE_NAME_WORD | SPEECH_WORD;
        if classes[k] & cues == 0 || !(word.tag.starts_with('n') || word.tag.starts_with('v')) {
            continue;
        }
        // After a role: the next two or three characters.
        if classes[k] & (ROLE_BEFORE_WORD | BEFORE_NAME_WORD) != 0 {
            let after = &text[word.span.end..];
            let chars: Vec<char> = after.chars().take(4).collect();
            if chars.first().is_some_and(|&c| surname(c))
                && chars.len() >= 2
                && chars[..2].iter().all(|&c| is_name_char(c))
            {
                let len = if chars.get(2).is_some_and(|&c| is_name_char(c))
                    && !chars
                        .get(3)
                        .is_some_and(|&c| is_name_char(c) && !"手首亲".contains(c))
                {
                    3
                } else if chars.get(2).is_none_or(|&c| !is_name_char(c)) {
                    2
                } else {
                    0
                };
                if len > 0 {
                    let end =
                        word.span.end + chars[..len].iter().map(|c| c.len_utf8()).sum::<usize>();
                    let name = &text[word.span.end..end];
                    if !lexicon.is_place(name)
                        && starts_word(words, word.span.end)
                        && !common_word(words, word.span.end, end)
                    {
                        push(
                            out,
                            Kind::Person,
                            Span::new(word.span.end, end),
                            text,
                            "person.context",
                        );
                    }
                }
            }
        }
        // Before speech or address: 傅志寰说, 何方同志.
        if classes[k] & SPEECH_WORD != 0 && k > 0 {
            let before = &text[..word.span.start];
            let chars: Vec<char> = before.chars().rev().take(4).collect();
            for len in [3usize, 2] {
                if chars.len() < len || !chars[..len].iter().all(|&c| is_name_char(c)) {
                    continue;
                }
                let first = chars[len - 1];
                let boundary = chars.get(len).is_none_or(|&c| !is_name_char(c));
                if surname(first) && boundary {
                    let start =
                        word.span.start - chars[..len].iter().map(|c| c.len_utf8()).sum::<usize>();
                    if !lexicon.is_place(&text[start..word.span.start])
                        && starts_word(words, start)
                        && !common_word(words, start, word.span.start)
                    {
                        push(
                            out,
                            Kind::Person,
                            Span::new(start, word.span.start),
                            text,
                            "person.context",
                        );
                    }
                    break;
                }
            }
        }
    }
}

/// True when the segmenter has one word from `start` to `end` and tags it
/// as something other than a name (有人, 家庭).
fn common_word(words: &[Word<'_>], start: usize, end: usize) -> bool {
    match words.binary_search_by_key(&start, |w| w.span.start) {
        Ok(k) => words[k].span.end == end && !matches!(words[k].tag, "nr" | "nrt" | "nrfg" | "x"),
        Err(_) => false,
    }
}

/// True when a word of the segmenter starts at `offset`.
fn starts_word(words: &[Word<'_>], offset: usize) -> bool {
    words
        .binary_search_by_key(&offset, |w| w.span.start)
        .is_ok()
}

/// A person's name at word `i`, trimmed of characters the segmenter glued
/// on (`恩佐说` → `恩佐`), with the rule that found it.
fn person_at(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    lexicon: &Lexicon,
    classes: &[u32],
) -> Option<(Span, &'static str, bool)> {
    let word = &words[i];
    // Names are tagged as names, or as times, places or unknown words by
    // mistake (周恩来/t, 罗干/ns); single characters may be surnames.
    let one_char = word.span.len() <= 4;
    if let Some(surname) = surname_before_title(&text[word.span.range()], lexicon) {
        let span = Span::new(word.span.start, word.span.start + surname);
        return Some((span, "person.surname_title", true));
    }
    if !one_char && !matches!(word.tag, "nr" | "nrfg" | "nrt" | "t" | "ns" | "nz" | "x") {
        return None;
    }
    let mut start = word.span.start;
    let mut end = word.span.end;
    let w = &text[start..end];
    if classes[i] & (PLACE | REGION) != 0 || !w.chars().all(crate::text::normalize::is_han) {
        return None;
    }
    let tagged = matches!(word.tag, "nr" | "nrfg" | "nrt");
    if tagged && w.chars().count() >= 3 {
        if let Some(c) = w.chars().next().filter(|c| GLUED_BEFORE.contains(*c)) {
            start += c.len_utf8();
        }
    }
    if tagged && text[start..end].chars().count() >= 3 {
        let last = text[start..end].chars().next_back();
        if let Some(c) = last.filter(|c| GLUED_AFTER.contains(*c)) {
            end -= c.len_utf8();
        }
    }
    let name = &text[start..end];
    let count = name.chars().count();
    let cut = |n: usize| name.char_indices().nth(n).map_or(name.len(), |(at, _)| at);
    let first = &name[..cut(1)];
    let first_two = &name[..cut(2)];
    let surname_len = if count >= 3 && lexicon.surnames.contains(first_two) {
        2
    } else if lexicon.surnames.contains(first) {
        1
    } else {
        0
    };
    // A surname glued to a title: 周总理, 朱师傅 → 周, 朱.
    if surname_len == 1 && has(&name[first.len()..], TITLE) {
        return Some((
            Span::new(start, start + first.len()),
            "person.surname_title",
            true,
        ));
    }
    // A single surname before a title word: 孔书记, 张副主任.
    if count == 1 && surname_len == 1 {
        let next = words.get(i + 1).map(|n| &text[n.span.range()]);
        let before = text[..start].chars().next_back();
        let free = before.is_none_or(|c| {
            (!crate::text::normalize::is_han(c) && !c.is_ascii_digit())
                || "位的了姓到找在和与有是给对向听说名".contains(c)
        }) && !before.is_some_and(crate::numeric::numeral::can_start_numeral);
        if next.is_some_and(|n| has(n, TITLE)) && free {
            return Some((word.span, "person.surname_title", true));
        }
        return None;
    }
    if count < 2
        || name
            .chars()
            .last()
            .is_some_and(|c| NOT_NAME_ENDINGS.contains(c))
    {
        return None;
    }
    let evidence = name_evidence(text, words, i);
    if matches!(word.tag, "nrt" | "nrfg") || (tagged && surname_len == 0) {
        // Transliterated foreign names (克林顿, 阿拉法特, 内塔尼亚胡).
        if !is_transliteration(name) || count > 8 {
            return None;
        }
        return Some((
            Span::new(start, end),
            "person.foreign",
            count >= 3 || evidence,
        ));
    }
    if count > 4 {
        return None;
    }
    if surname_len == 0 {
        return None;
    }
    // A surname and one or two given characters: three-character names the
    // segmenter tags are taken; two-character ones, and any it tags
    // otherwise (周恩来/t, 罗干/ns), need a title or speech around them.
    let given = count - surname_len;
    if !(1..=2).contains(&given) {
        return None;
    }
    // A two-character name the segmenter guessed (not a dictionary word such
    // as 和平 or 文明, which it also tags as names) is likely a name.
    let guessed = tagged && count == 2 && !word.known;
    // 周恩来/t: a three-character word with a surname and no unit of time.
    let timed =
        word.tag == "t" && count == 3 && !name.chars().skip(1).any(|c| "年月日时周天".contains(c));
    let sure = (tagged && count >= 3)
        || guessed
        || timed
        || evidence && (tagged || matches!(word.tag, "t" | "ns" | "nz" | "n" | "x"));
    let candidate = tagged || matches!(word.tag, "t" | "ns" | "nz" | "x");
    (sure || candidate).then_some((Span::new(start, end), "person.surname_given", sure))
}

/// Characters in the surname list that far more often start a title as a
/// word of their own: 原主席 is a former chairman, not a Mr 原.
const NOT_SURNAMES_BEFORE_TITLES: &str = "原前新老小大副总代女男各全名该本此";

/// The byte length of the surname that a word glues to a title of two
/// characters or more (江主席, 毛主席纪念堂, 李总理).
fn surname_before_title(word: &str, lexicon: &Lexicon) -> Option<usize> {
    let first = word.chars().next()?;
    if word.chars().count() < 3 || NOT_SURNAMES_BEFORE_TITLES.contains(first) {
        return None;
    }
    if !lexicon.surname_chars.contains(first) {
        return None;
    }
    let len = first.len_utf8();
    let rest = &word[len..];
    LONG_TITLES
        .iter()
        .any(|t| rest.starts_with(t))
        .then_some(len)
}

/// The titles of two characters or more.
static LONG_TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TITLES_WORDS
        .split_whitespace()
        .filter(|t| t.chars().count() >= 2)
        .collect()
});

/// True when every character is one used to transliterate foreign names.
fn is_transliteration(name: &str) -> bool {
    const CHARS: &str = "内夫赖娃娜丝斐玛罕蒂娅兹瑞诺纳汀廷涅宾彭莉丽珀拜贡贾赞耶奎喀霍沙罗斯基娃娜堡盛渥士阿埃艾安奥巴拔班邦保贝本比彼毕宾波伯博布达戴丹道德登迪蒂杜多厄恩尔法菲费芬丰弗福伏盖甘戈格古瓜哈海汉豪赫亨胡华霍基吉加杰捷金卡凯坎康柯科克肯库夸拉莱兰朗劳勒雷里利列林琳卢鲁伦罗洛马麦曼梅蒙米密敏莫姆穆纳奈南尼宁努诺欧帕佩皮普齐奇契乔切钦丘萨塞桑瑟森沙莎舍施什斯松苏索塔泰坦特提图托瓦万威韦维温沃乌西希谢辛休许雅亚扬耶伊英尤约泽扎詹兹佐顿曼朱迈茨";
    name.chars().all(|c| CHARS.contains(c))
}
