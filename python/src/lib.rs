//! The native half of the `zhfacts` Python package: `zhfacts._native`.
//!
//! The Python half (`python/zhfacts/__init__.py`) checks and converts the
//! arguments and turns the reports into dicts; this half builds the Rust
//! [`zhfacts::Extractor`] and returns every report as the JSON line the
//! command writes, so the two cannot disagree.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use zhfacts::{DateTime, Document, Kind, Report};

/// The Rust extractor, shared by every Python thread.
#[pyclass(frozen, module = "zhfacts._native", name = "Extractor")]
struct NativeExtractor {
    inner: zhfacts::Extractor,
}

/// One document of a batch, owned so that threads can share it.
struct Input {
    text: String,
    published: Option<DateTime>,
    id: Option<String>,
    title: Option<String>,
}

#[pymethods]
impl NativeExtractor {
    /// Builds the extractor: `kinds` are kind names, `reference_time` is
    /// ISO 8601, `region` a region code or name, `words` are `(word, kind
    /// name or None)` pairs.
    #[new]
    #[pyo3(signature = (kinds=None, reference_time=None, words=Vec::new(), region=None))]
    fn new(
        kinds: Option<Vec<String>>,
        reference_time: Option<&str>,
        words: Vec<(String, Option<String>)>,
        region: Option<&str>,
    ) -> PyResult<NativeExtractor> {
        let mut builder = zhfacts::Extractor::builder();
        if let Some(names) = kinds {
            let kinds = names
                .iter()
                .map(|name| parse_kind(name))
                .collect::<PyResult<Vec<Kind>>>()?;
            builder.kinds(&kinds);
        }
        if let Some(time) = reference_time {
            builder.reference_time(parse_time(time, "reference_time")?);
        }
        if let Some(region) = region {
            let region: zhfacts::Region = region.parse().map_err(value_error)?;
            builder.region(region);
        }
        for (word, kind) in &words {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            builder.add_word(word, kind);
        }
        let inner = builder.build().map_err(value_error)?;
        Ok(NativeExtractor { inner })
    }

    /// The report of one document as one JSON line.
    #[pyo3(signature = (text, published=None, id=None, title=None))]
    fn extract_json(
        &self,
        text: String,
        published: Option<&str>,
        id: Option<String>,
        title: Option<String>,
    ) -> PyResult<String> {
        let input = Input {
            text,
            published: published.map(|t| parse_time(t, "published")).transpose()?,
            id,
            title,
        };
        Ok(self.extract(&input).to_json())
    }

    /// The reports of many documents as JSON lines, in input order,
    /// extracted on `threads` threads with the GIL released.
    #[pyo3(signature = (texts, published, ids, titles, threads))]
    fn extract_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        published: Vec<Option<String>>,
        ids: Vec<Option<String>>,
        titles: Vec<Option<String>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let count = texts.len();
        if published.len() != count || ids.len() != count || titles.len() != count {
            return Err(PyValueError::new_err(
                "published, ids and titles must hold one entry per text",
            ));
        }
        let inputs = texts
            .into_iter()
            .zip(published)
            .zip(ids.into_iter().zip(titles))
            .map(|((text, published), (id, title))| {
                Ok(Input {
                    text,
                    published: published
                        .as_deref()
                        .map(|t| parse_time(t, "published"))
                        .transpose()?,
                    id,
                    title,
                })
            })
            .collect::<PyResult<Vec<Input>>>()?;
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let reports = py.detach(|| self.extract_on_threads(&inputs, threads))?;
        Ok(reports.iter().map(Report::to_json).collect())
    }
}

impl NativeExtractor {
    fn extract(&self, input: &Input) -> Report {
        let mut document = Document::new(&input.text);
        document.id = input.id.as_deref();
        document.published = input.published;
        let mut report = self.inner.extract_document(&document);
        // As the command does with a JSONL line's title.
        if let Some(title) = &input.title {
            report.meta.title = Some(title.clone());
        }
        report
    }

    /// Splits the inputs into one run of neighbours a thread and joins the
    /// reports back in input order.
    fn extract_on_threads(&self, inputs: &[Input], threads: usize) -> PyResult<Vec<Report>> {
        if threads <= 1 || inputs.len() < 2 {
            return Ok(inputs.iter().map(|input| self.extract(input)).collect());
        }
        let chunk = inputs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = inputs
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|i| self.extract(i)).collect::<Vec<_>>())
                })
                .collect();
            let mut reports = Vec::with_capacity(inputs.len());
            for handle in handles {
                let part = handle
                    .join()
                    .map_err(|_| PyRuntimeError::new_err("an extraction thread panicked"))?;
                reports.extend(part);
            }
            Ok(reports)
        })
    }
}

/// Normalizes `text`; returns the normalized text and, for each of its
/// characters and one past the end, the character offset in `text`.
#[pyfunction]
fn normalize(text: &str) -> (String, Vec<usize>) {
    let normalized = zhfacts::normalize(text);
    let boundaries: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
    let char_index = |byte: usize| boundaries.partition_point(|&b| b < byte);
    let out = normalized.text();
    let offsets = out
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(out.len()))
        .map(|byte| char_index(normalized.offset_to_original(byte)))
        .collect();
    (out.to_string(), offsets)
}

fn parse_kind(name: &str) -> PyResult<Kind> {
    name.parse::<Kind>().map_err(value_error)
}

fn parse_time(text: &str, argument: &str) -> PyResult<DateTime> {
    text.parse::<DateTime>()
        .map_err(|e| PyValueError::new_err(format!("{argument}: {e}")))
}

fn value_error(error: zhfacts::Error) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The Rust half of the zhfacts package.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<NativeExtractor>()?;
    module.add_function(wrap_pyfunction!(normalize, module)?)?;
    Ok(())
}
