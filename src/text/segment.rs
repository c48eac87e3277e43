//! Word segmentation and part-of-speech tags (the one module that names jieba).

use crate::lexicon::WordEnds;
use crate::span::Span;
use jieba_rs::Jieba;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

/// A word of the normalized text with its part-of-speech tag (jieba's
/// ICTCLAS-style tags: `m` numeral, `q` classifier, `ns` place, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// Byte span in the normalized text.
    pub span: Span,
    /// Part-of-speech tag.
    pub tag: &'a str,
    /// For words tagged as names: true when the dictionary holds the word
    /// (a name the dictionary knows, or a common word it tags as a name),
    /// false when the segmenter guessed it.
    pub known: bool,
    /// For words tagged as places: true for a word of two characters the
    /// dictionary holds with a common word's frequency (西瓜, 契约).
    /// For words of two characters tagged as names that the dictionary
    /// holds: true when it holds them with a common word's frequency (养老).
    /// For words of three characters tagged as names that the dictionary
    /// holds (not the names it guesses, such as 仲星火): true when the part
    /// after the first character or before the last is a common word of
    /// the dictionary (高水平 = 高 + 水平, 安全观 = 安全 + 观), so the word
    /// reads as a common noun more than as a name.
    pub common: bool,
}

/// Splits text into tagged words; built once per `Extractor`.
pub(crate) struct Segmenter {
    jieba: Jieba,
    /// Which dictionary this is: a new number for every segmenter and
    /// every word added, so that what [`COMMON_WORDS`] remembers of one
    /// dictionary is never read for another.
    dictionary: u64,
}

/// The last number given to a dictionary (see [`Segmenter::dictionary`]).
static LAST_DICTIONARY: AtomicU64 = AtomicU64::new(0);

fn new_dictionary_number() -> u64 {
    LAST_DICTIONARY.fetch_add(1, Ordering::Relaxed) + 1
}

/// What the dictionary says of the name and place words met so far on this
/// thread, as [`Word::known`] and [`Word::common`]: asking it looks the
/// word up and segments it, and a corpus names the same people and places
/// in article after article.
#[derive(Default)]
struct CommonWords {
    /// The dictionary the answers are of.
    dictionary: u64,
    /// Words tagged as names: whether they are common when the dictionary
    /// holds them, none when it does not.
    names: Answers<Option<bool>>,
    /// Words tagged as places.
    places: Answers<bool>,
}

/// Answers by word, hashed by their ends (the maps are looked up, never
/// walked).
type Answers<T> = HashMap<Box<str>, T, BuildHasherDefault<WordEnds>>;

/// The most words [`CommonWords`] keeps of each sort before it starts anew
/// (a few megabytes).
const COMMON_WORDS_KEPT: usize = 100_000;

thread_local! {
    static COMMON_WORDS: RefCell<CommonWords> = RefCell::new(CommonWords::default());
}

/// Makes jieba load its tagging model, by tagging a word that an empty
/// dictionary cannot know.
fn load_tagging_model() {
    Jieba::empty().tag("词", true);
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

impl Segmenter {
    /// A segmenter with jieba's embedded default dictionary.
    ///
    /// jieba loads its tagging model (shared by every dictionary) on the
    /// first word whose tag it must guess, and that takes about as long as
    /// loading the dictionary: a second thread loads it meanwhile, so that
    /// neither this call nor the first document waits for both in turn.
    pub fn new() -> Segmenter {
        let jieba = std::thread::scope(|scope| {
            let model = std::thread::Builder::new()
                .name("zhfacts-tagging-model".to_string())
                .spawn_scoped(scope, load_tagging_model);
            let jieba = Jieba::new();
            match model {
                // A panic there leaves the model to load on first use.
                Ok(loading) => drop(loading.join()),
                Err(_) => load_tagging_model(),
            }
            jieba
        });
        Segmenter {
            jieba,
            dictionary: new_dictionary_number(),
        }
    }

    /// Adds a word to the dictionary, with an optional frequency and tag.
    pub fn add_word(&mut self, word: &str, frequency: Option<usize>, tag: Option<&str>) {
        self.jieba.add_word(word, frequency, tag);
        self.dictionary = new_dictionary_number();
    }

    /// Adds a word with a tag unless the dictionary has it already (its
    /// frequency and tag stay as they are then).
    pub fn add_word_if_new(&mut self, word: &str, tag: &str) {
        if !self.jieba.has_word(word) {
            self.add_word(word, None, Some(tag));
        }
    }

    /// The tagged words of `text`, in order, covering it without gaps.
    pub fn segment<'a>(&'a self, text: &'a str) -> Vec<Word<'a>> {
        let tags = self.jieba.tag(text, true);
        COMMON_WORDS.with_borrow_mut(|memory| {
            let full = memory.names.len().max(memory.places.len()) >= COMMON_WORDS_KEPT;
            if memory.dictionary != self.dictionary || full {
                *memory = CommonWords {
                    dictionary: self.dictionary,
                    ..CommonWords::default()
                };
            }
            tags.into_iter()
                .map(|tag| {
                    let (known, common) = if tag.tag.starts_with("nr") {
                        let held = remembered(&mut memory.names, tag.word, |word| {
                            self.jieba.has_word(word).then(|| {
                                self.has_common_part(word) || self.is_common_name_pair(word)
                            })
                        });
                        (held.is_some(), held.unwrap_or(false))
                    } else if tag.tag == "ns" {
                        let common = remembered(&mut memory.places, tag.word, |word| {
                            self.is_frequent_pair(word)
                        });
                        (false, common)
                    } else {
                        (false, false)
                    };
                    Word {
                        span: Span::new(tag.byte_start, tag.byte_end),
                        tag: tag.tag,
                        known,
                        common,
                    }
                })
                .collect()
        })
    }

    /// The dictionary's tag of `word` when the dictionary holds it as one
    /// word, with its frequency.
    pub fn tag_of<'a>(&'a self, word: &'a str) -> Option<(&'a str, usize)> {
        if !self.jieba.has_word(word) {
            return None;
        }
        let tags = self.jieba.tag(word, false);
        let [only] = tags.as_slice() else {
            return None;
        };
        Some((only.tag, self.jieba.suggest_freq(word)))
    }

    /// True for a word of two characters that the dictionary holds with a
    /// frequency of a common word (西瓜 449, 契约 727, 福利 1112 tagged as
    /// places): the places of two characters that news names are listed,
    /// so an unlisted frequent one is a common noun the dictionary mistags.
    fn is_frequent_pair(&self, word: &str) -> bool {
        word.chars().count() == 2
            && self
                .tag_of(word)
                .is_some_and(|(_, frequency)| frequency >= FREQUENT_PAIR)
    }

    /// True for a name-tagged word of two characters that the dictionary
    /// holds with the frequency of a common word (养老 651, 文明 6,584,
    /// 顾问 1,697): a list beside it is no evidence of a person.
    fn is_common_name_pair(&self, word: &str) -> bool {
        // The caller knows the dictionary holds the word: its frequency is
        // all that is asked.
        word.len() == 6
            && word.chars().count() == 2
            && self.jieba.suggest_freq(word) >= COMMON_NAME_PAIR
    }

    /// True for a word of three characters whose last two or first two
    /// characters are a frequent dictionary word of a common part of speech
    /// (a noun, verb or adjective, not a name, place or time).
    fn has_common_part(&self, word: &str) -> bool {
        let mut cuts = word.char_indices().map(|(at, _)| at);
        let (Some(_), Some(second), Some(third), None) =
            (cuts.next(), cuts.next(), cuts.next(), cuts.next())
        else {
            return false;
        };
        [&word[second..], &word[..third]].iter().any(|part| {
            self.tag_of(part).is_some_and(|(tag, frequency)| {
                frequency >= COMMON_PART_FREQUENCY
                    && matches!(tag, "n" | "v" | "vn" | "a" | "an" | "ad" | "d")
            })
        })
    }
}

/// What `ask` says of `word`, asked once while `answers` holds it.
fn remembered<T: Copy>(answers: &mut Answers<T>, word: &str, ask: impl Fn(&str) -> T) -> T {
    if let Some(&answer) = answers.get(word) {
        return answer;
    }
    let answer = ask(word);
    answers.insert(word.into(), answer);
    answer
}

/// The least frequency in the dictionary of a part that makes a name-tagged
/// word common (降雨 has 244, 水平 13,880); rarer entries such as 温家 (56,
/// in 温家宝) are often parts of names.
const COMMON_PART_FREQUENCY: usize = 200;

/// The least frequency of a two-character word tagged as a name that
/// makes it a common word (养老 651, 师生 634); the dictionary's names of
/// two characters mostly have less (李强 159, 陈云 293).
const COMMON_NAME_PAIR: usize = 500;

/// The least frequency of a two-character place word of the dictionary
/// that makes it a common word when no list holds it (巴士 has 142, 加密
/// 145; unlisted foreign places such as 加沙 have less).
const FREQUENT_PAIR: usize = 100;

/// The words of one text, searchable by offset.
#[derive(Debug, Default)]
pub(crate) struct Words<'a> {
    words: Vec<Word<'a>>,
}

impl<'a> Words<'a> {
    /// Wraps words sorted by offset.
    pub fn new(words: Vec<Word<'a>>) -> Words<'a> {
        Words { words }
    }

    /// All words, in order.
    pub fn all(&self) -> &[Word<'a>] {
        &self.words
    }

    /// The word that contains the byte at `offset`.
    pub fn at(&self, offset: usize) -> Option<&Word<'a>> {
        let i = self.words.partition_point(|w| w.span.end <= offset);
        self.words.get(i).filter(|w| w.span.start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_cover_the_text_with_byte_spans() {
        let segmenter = Segmenter::new();
        let text = "潍坊市政府新闻办举行发布会";
        let words = segmenter.segment(text);
        assert_eq!(words.first().map(|w| w.span.start), Some(0));
        assert_eq!(words.last().map(|w| w.span.end), Some(text.len()));
        for pair in words.windows(2) {
            assert_eq!(pair[0].span.end, pair[1].span.start);
        }
        let words = Words::new(words);
        assert_eq!(words.at(3).map(|w| w.span.start), Some(0));
    }

    #[test]
    fn every_dictionary_is_numbered_apart() {
        let mut segmenter = Segmenter::new();
        let other = Segmenter::new();
        let before = segmenter.dictionary;
        assert_ne!(before, other.dictionary);
        segmenter.add_word_if_new("潍坊", "ns");
        assert_eq!(
            segmenter.dictionary, before,
            "潍坊 is in the dictionary already"
        );
        segmenter.add_word_if_new("字节跳动科技", "nt");
        assert_ne!(segmenter.dictionary, before);
    }

    #[test]
    fn what_is_remembered_is_of_the_dictionary_in_use() {
        // 西瓜 is a place word of the dictionary with a common word's
        // frequency; given a place's low one, the second segmenter's words
        // are read afresh, not from what the first one's answers were.
        let text = "西瓜";
        let plain = Segmenter::new();
        let mut added = Segmenter::new();
        added.add_word("西瓜", Some(10), Some("ns"));
        let common = |s: &Segmenter| {
            let words = s.segment(text);
            assert_eq!(words.len(), 1);
            assert_eq!(words[0].tag, "ns");
            words[0].common
        };
        assert!(common(&plain));
        assert!(!common(&added));
        assert!(common(&plain));
    }
}
