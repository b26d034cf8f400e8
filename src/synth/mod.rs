//! Seeded generators of realistic drafts and edits, for tests, benchmarks and the `gen` example.
//!
//! Everything here is deterministic for a given seed, so accuracy thresholds in tests and
//! timings in benchmarks are repeatable. The vocabulary imitates the register of UN outcome
//! documents (formulaic openers, shared vocabulary) because that is what makes alignment hard.

pub mod draft;
pub mod edits;
pub mod history;
pub mod pdf_text;

pub use draft::{draft, sentence};
