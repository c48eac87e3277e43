//! The numerals of one document, read once.
//!
//! The numeric scan, durations, times and ordinals each ask for the numeral
//! at the offsets they try, and most of those offsets are the same: two
//! asks in three were for a numeral already read. While a
//! [`RememberNumerals`] lives, [`remembered`] keeps what was read at each
//! offset of its text and answers again from that.

use crate::numeric::numeral::Numeral;
use std::cell::RefCell;
use std::marker::PhantomData;

/// The longest text whose numerals are remembered, in bytes (a news
/// article has some thousands): the slots of a text this long take 8 MiB.
const MAX_REMEMBERED_LEN: usize = 1 << 20;

/// The address and length of a text: the same only for the same slice
/// while that slice is borrowed.
type TextKey = (usize, usize);

/// What is remembered of the text of the living [`RememberNumerals`].
struct Memory {
    /// The text remembered; `None` while no [`RememberNumerals`] lives.
    text: Option<TextKey>,
    /// Which text this is, counted from the first: a slot written for an
    /// earlier one is stale, so that the slots need no clearing.
    generation: u32,
    /// For each byte offset of the text, the generation it was written in
    /// and the index in `read` of the numeral read there: one load finds it.
    slots: Vec<(u32, u32)>,
    /// The numeral (or none) read at each offset asked, in the order asked.
    read: Vec<Option<Numeral>>,
}

thread_local! {
    /// Kept from one document to the next for its allocations.
    static MEMORY: RefCell<Memory> = const {
        RefCell::new(Memory {
            text: None,
            generation: 0,
            slots: Vec::new(),
            read: Vec::new(),
        })
    };
}

/// While it lives, [`remembered`] keeps the numerals read in its text. It
/// borrows the text, so no other text can come to lie at the same address
/// with the same length meanwhile. One made while another lives leaves the
/// memory to the outer one.
pub(crate) struct RememberNumerals<'a> {
    /// True for the one that began remembering, which ends it.
    outermost: bool,
    text: PhantomData<&'a str>,
}

impl<'a> RememberNumerals<'a> {
    /// Begins remembering the numerals of `text`.
    pub(crate) fn new(text: &'a str) -> RememberNumerals<'a> {
        let outermost = MEMORY.with_borrow_mut(|memory| {
            // A longer text is read afresh at every ask: its slots would
            // take eight bytes a byte of it, kept for the thread's life.
            if memory.text.is_some() || text.len() > MAX_REMEMBERED_LEN {
                return false;
            }
            memory.text = Some(key(text));
            memory.generation = memory.generation.wrapping_add(1);
            if memory.generation == 0 {
                // Counted round: every slot could pass for this text's.
                memory.slots.clear();
                memory.generation = 1;
            }
            if memory.slots.len() < text.len() {
                memory.slots.resize(text.len(), (0, 0));
            }
            memory.read.clear();
            true
        });
        RememberNumerals {
            outermost,
            text: PhantomData,
        }
    }
}

impl Drop for RememberNumerals<'_> {
    fn drop(&mut self) {
        if self.outermost {
            MEMORY.with_borrow_mut(|memory| memory.text = None);
        }
    }
}

fn key(text: &str) -> TextKey {
    (text.as_ptr() as usize, text.len())
}

/// `read(text, start)`, read once while `text` is remembered: every other
/// text (a part of it, another document) is read afresh. The memory is
/// looked up once an ask; a `read` that asks again itself, finding it in
/// use, reads afresh.
pub(crate) fn remembered(
    text: &str,
    start: usize,
    read: impl FnOnce(&str, usize) -> Option<Numeral>,
) -> Option<Numeral> {
    MEMORY.with(|memory| {
        let Ok(mut memory) = memory.try_borrow_mut() else {
            return read(text, start);
        };
        if memory.text != Some(key(text)) {
            return read(text, start);
        }
        let Some(&(generation, index)) = memory.slots.get(start) else {
            return read(text, start);
        };
        if generation == memory.generation {
            return memory.read[index as usize];
        }
        let numeral = read(text, start);
        if let Ok(index) = u32::try_from(memory.read.len()) {
            memory.read.push(numeral);
            memory.slots[start] = (memory.generation, index);
        }
        numeral
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::numeral::NumeralForm;
    use std::cell::Cell;

    fn numeral(end: usize) -> Option<Numeral> {
        Some(Numeral {
            end,
            value: 1.0,
            form: NumeralForm::Arabic,
        })
    }

    /// A reader that reads a numeral of one byte anywhere and counts its reads.
    fn counting_reader(reads: &Cell<usize>) -> impl Fn(&str, usize) -> Option<Numeral> + Copy + '_ {
        move |_, start| {
            reads.set(reads.get() + 1);
            numeral(start + 1)
        }
    }

    #[test]
    fn a_text_too_long_to_remember_is_read_at_every_ask() {
        let text = "1".repeat(MAX_REMEMBERED_LEN + 1);
        let reads = Cell::new(0);
        let read = counting_reader(&reads);
        let _remember = RememberNumerals::new(&text);
        assert_eq!(remembered(&text, 0, read), numeral(1));
        assert_eq!(remembered(&text, 0, read), numeral(1));
        assert_eq!(reads.get(), 2);
        MEMORY.with_borrow(|memory| assert!(memory.slots.len() <= MAX_REMEMBERED_LEN));
    }

    #[test]
    fn reads_each_offset_once_while_remembering() {
        let text = String::from("1和2");
        let reads = Cell::new(0);
        let read = counting_reader(&reads);
        {
            let _remember = RememberNumerals::new(&text);
            assert_eq!(remembered(&text, 0, read), numeral(1));
            assert_eq!(remembered(&text, 0, read), numeral(1));
            assert_eq!(remembered(&text, 4, read), numeral(5));
            assert_eq!(reads.get(), 2);
            // A part of the text is another text.
            assert_eq!(remembered(&text[..1], 0, read), numeral(1));
            assert_eq!(reads.get(), 3);
            // An inner guard leaves the memory to the outer one.
            let other = String::from("3");
            drop(RememberNumerals::new(&other));
            assert_eq!(remembered(&text, 0, read), numeral(1));
            assert_eq!(reads.get(), 3);
        }
        // Once the guard is gone, nothing is remembered.
        assert_eq!(remembered(&text, 0, read), numeral(1));
        assert_eq!(reads.get(), 4);
    }
}
