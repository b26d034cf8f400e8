//! Verdicts for CI: judge the newest draft against watch-file rules.
