//! The one error type, returned only when building an `Extractor` or
//! parsing a date: extraction itself cannot fail.

use std::fmt;

/// Why an [`Extractor`](crate::Extractor) could not be built, or a date or
/// kind name not parsed.
///
/// ```
/// use zhfacts::{DateTime, Extractor, Kind};
/// assert!("2023-13-01".parse::<DateTime>().unwrap_err().is_invalid_time());
/// assert!("金额".parse::<Kind>().unwrap_err().is_invalid_kind());
/// let error = Extractor::builder().add_word("", None).build().unwrap_err();
/// assert!(error.is_invalid_word());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    Word,
    Time,
    Kind,
    Region,
}

impl Error {
    pub(crate) fn word(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Word,
            message: message.into(),
        }
    }

    pub(crate) fn time(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Time,
            message: message.into(),
        }
    }

    pub(crate) fn kind(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Kind,
            message: message.into(),
        }
    }

    pub(crate) fn region(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Region,
            message: message.into(),
        }
    }

    /// True when a region name was not recognised.
    pub fn is_invalid_region(&self) -> bool {
        self.kind == ErrorKind::Region
    }

    /// True when a user dictionary word was rejected.
    pub fn is_invalid_word(&self) -> bool {
        self.kind == ErrorKind::Word
    }

    /// True when a date or time could not be parsed.
    pub fn is_invalid_time(&self) -> bool {
        self.kind == ErrorKind::Time
    }

    /// True when a kind name was not recognised or no kind was selected.
    pub fn is_invalid_kind(&self) -> bool {
        self.kind == ErrorKind::Kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
