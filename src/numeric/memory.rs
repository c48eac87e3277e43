//! The numerals of one document, read once.
//!
//! The numeric scan, durations, times and ordinals each ask for the numeral
//! at the offsets they try, and most of those offsets are the same: two
//! asks in three were for a numeral already read. A document's
//! [`Numerals`], held by its context, keeps what was read at each offset of
//! its text and answers again from that. Readers that hold only the text
//! ask through [`remembered`], which finds the same memory: the living
//! [`Numerals`] lends it to its thread.

use crate::numeric::numeral::{read_numeral_at, Numeral};
use std::cell::RefCell;
use std::rc::Rc;

/// The longest text whose numerals are remembered, in bytes (a news
/// article has some thousands): a longer one is read afresh at every ask.
/// Its offsets fit in a `u32` with one to spare.
const MAX_REMEMBERED_LEN: usize = 1 << 20;

/// The address and length of a text: the same only for the same slice
/// while that slice is borrowed.
type TextKey = (usize, usize);

fn key(text: &str) -> TextKey {
    (text.as_ptr() as usize, text.len())
}

/// The numerals read in one text, by the byte offset asked. A document
/// asks some tens of offsets: they are kept in a small table of open
/// addressing (linear probing, at most half full), which needs no slot
/// cleared for every byte of the text and finds an offset in a few
/// instructions.
struct Memory {
    /// One more than an offset asked, and the index in `read` of what was
    /// read there; `(0, 0)` for an empty slot. Its length is a power of two.
    slots: Vec<(u32, u32)>,
    /// The numeral (or none) read at each offset asked, in the order asked.
    read: Vec<Option<Numeral>>,
}

/// How many slots a memory starts with: room for more offsets than most
/// articles ask.
const FIRST_SLOTS: usize = 64;

impl Memory {
    fn new() -> Memory {
        Memory {
            slots: vec![(0, 0); FIRST_SLOTS],
            read: Vec::with_capacity(FIRST_SLOTS / 2),
        }
    }

    /// The slot of `key` (an offset plus one): where it is, or the empty
    /// slot where it goes. The table is never full, so the probe ends.
    #[inline]
    fn slot_of(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        // The high bits of one multiplication by an odd number: nearby
        // offsets land apart.
        let mut slot = (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        loop {
            let (held, _) = self.slots[slot];
            if held == key || held == 0 {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// What was read at the offset of `key`, when it was asked before.
    #[inline]
    fn get(&self, key: u32) -> Option<Option<Numeral>> {
        let (held, index) = self.slots[self.slot_of(key)];
        (held == key).then(|| self.read[index as usize])
    }

    /// Keeps `numeral` as what was read at the offset of `key`, asked for
    /// the first time.
    fn keep(&mut self, key: u32, numeral: Option<Numeral>) {
        // Half full at most: the table doubles before it is more.
        if 2 * (self.read.len() + 1) > self.slots.len() {
            self.grow();
        }
        let slot = self.slot_of(key);
        self.slots[slot] = (key, self.read.len() as u32);
        self.read.push(numeral);
    }

    /// Doubles the table, putting every offset in its new slot.
    fn grow(&mut self) {
        let doubled = vec![(0, 0); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, doubled);
        for (key, index) in old.into_iter().filter(|&(key, _)| key != 0) {
            let slot = self.slot_of(key);
            self.slots[slot] = (key, index);
        }
    }
}

thread_local! {
    /// The memory of the [`Numerals`] that lends it, with its text's key,
    /// for the readers that ask through [`remembered`].
    static LENT: RefCell<Option<(TextKey, Rc<RefCell<Memory>>)>> = const { RefCell::new(None) };
}

/// The numerals of one text, each offset read once while it lives. The
/// first made on a thread while none lives lends its memory to the thread
/// ([`remembered`]); it borrows the text, so no other text can come to lie
/// at the same address with the same length meanwhile.
pub(crate) struct Numerals<'a> {
    text: &'a str,
    /// `None` for a text too long to remember, read afresh at every ask.
    memory: Option<Rc<RefCell<Memory>>>,
    /// True for the one that lent its memory to the thread, which ends it.
    lent: bool,
}

impl<'a> Numerals<'a> {
    /// Begins remembering the numerals of `text`.
    pub(crate) fn new(text: &'a str) -> Numerals<'a> {
        let memory =
            (text.len() <= MAX_REMEMBERED_LEN).then(|| Rc::new(RefCell::new(Memory::new())));
        let lent = memory.as_ref().is_some_and(|memory| {
            LENT.with_borrow_mut(|lent| {
                if lent.is_some() {
                    return false;
                }
                *lent = Some((key(text), Rc::clone(memory)));
                true
            })
        });
        Numerals { text, memory, lent }
    }

    /// The text whose numerals these are.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The numeral at byte `start` of the text, read once.
    #[inline]
    pub(crate) fn at(&self, start: usize) -> Option<Numeral> {
        self.at_read_by(start, read_numeral_at)
    }

    /// The numeral `read` reads at `start`, asked once.
    #[inline]
    fn at_read_by(
        &self,
        start: usize,
        read: impl FnOnce(&str, usize) -> Option<Numeral>,
    ) -> Option<Numeral> {
        match &self.memory {
            Some(memory) => read_once(memory, self.text, start, read),
            None => read(self.text, start),
        }
    }
}

impl Drop for Numerals<'_> {
    fn drop(&mut self) {
        if self.lent {
            LENT.with_borrow_mut(|lent| *lent = None);
        }
    }
}

/// `read(text, start)` answered from `memory` when it was asked before,
/// else read and kept. The memory is not held while `read` reads: a reader
/// that asks again itself is answered too.
#[inline]
fn read_once(
    memory: &RefCell<Memory>,
    text: &str,
    start: usize,
    read: impl FnOnce(&str, usize) -> Option<Numeral>,
) -> Option<Numeral> {
    // Below `MAX_REMEMBERED_LEN`, so one more fits.
    let key = start as u32 + 1;
    if let Some(numeral) = memory.borrow().get(key) {
        return numeral;
    }
    let numeral = read(text, start);
    memory.borrow_mut().keep(key, numeral);
    numeral
}

/// `read(text, start)`, read once while the [`Numerals`] of `text` lends
/// its memory to the thread: every other text (a part of it, another
/// document) is read afresh. The way in for readers that hold only the
/// text; those that hold the context ask its [`Numerals`].
pub(crate) fn remembered(
    text: &str,
    start: usize,
    read: impl FnOnce(&str, usize) -> Option<Numeral>,
) -> Option<Numeral> {
    LENT.with_borrow(|lent| match lent {
        Some((lent_key, memory)) if *lent_key == key(text) => read_once(memory, text, start, read),
        _ => read(text, start),
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
    fn the_table_grows_and_keeps_every_offset() {
        let memory = RefCell::new(Memory::new());
        let reads = Cell::new(0);
        let read = counting_reader(&reads);
        for round in 0..2 {
            for start in (0..1000).rev().step_by(3) {
                assert_eq!(read_once(&memory, "", start, read), numeral(start + 1));
            }
            assert_eq!(reads.get(), 334, "round {round}");
        }
        let memory = memory.borrow();
        assert!(memory.slots.len() >= 2 * memory.read.len());
    }

    #[test]
    fn a_text_too_long_to_remember_is_read_at_every_ask() {
        let text = "1".repeat(MAX_REMEMBERED_LEN + 1);
        let reads = Cell::new(0);
        let read = counting_reader(&reads);
        let numerals = Numerals::new(&text);
        assert_eq!(numerals.at_read_by(0, read), numeral(1));
        assert_eq!(remembered(&text, 0, read), numeral(1));
        assert_eq!(numerals.at_read_by(0, read), numeral(1));
        assert_eq!(reads.get(), 3);
    }

    #[test]
    fn reads_each_offset_once_while_remembering() {
        let text = String::from("1和2");
        let reads = Cell::new(0);
        let read = counting_reader(&reads);
        {
            let numerals = Numerals::new(&text);
            assert_eq!(numerals.at_read_by(0, read), numeral(1));
            assert_eq!(numerals.at_read_by(0, read), numeral(1));
            assert_eq!(remembered(&text, 4, read), numeral(5));
            assert_eq!(numerals.at_read_by(4, read), numeral(5));
            assert_eq!(reads.get(), 2);
            // A part of the text is another text.
            assert_eq!(remembered(&text[..1], 0, read), numeral(1));
            assert_eq!(reads.get(), 3);
            // One made meanwhile remembers its own text and leaves the
            // thread's memory to the first.
            let other = String::from("3");
            let inner = Numerals::new(&other);
            assert_eq!(inner.at_read_by(0, read), numeral(1));
            assert_eq!(inner.at_read_by(0, read), numeral(1));
            assert_eq!(remembered(&other, 0, read), numeral(1));
            assert_eq!(reads.get(), 5);
            drop(inner);
            assert_eq!(remembered(&text, 0, read), numeral(1));
            assert_eq!(reads.get(), 5);
        }
        // Once the numerals are gone, nothing is remembered.
        assert_eq!(remembered(&text, 0, read), numeral(1));
        assert_eq!(reads.get(), 6);
    }
}
