//! The text before extraction: normalization with its offset map, word
//! segmentation (the only place that names the segmenter), and page
//! metadata (headline, credits, boilerplate).

pub(crate) mod meta;
pub(crate) mod normalize;
pub(crate) mod region;
pub(crate) mod scan;
pub(crate) mod segment;
