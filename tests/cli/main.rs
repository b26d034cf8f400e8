//! Integration tests driving the `redline` binary, one module per command.

mod analysis;
mod browser;
mod check;
mod diff;
mod docx;
mod ecosystem;
mod errors;
mod golden;
mod history;
mod matrix;

use std::path::PathBuf;

use assert_cmd::Command;

/// The crate root, where `drafts/` and `fixtures/` live.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the crate root.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// The binary, run from the crate root with an environment that cannot leak colour, paging
/// or configuration from the developer's shell.
pub fn redline() -> Command {
    let mut cmd = Command::cargo_bin("redline").expect("binary built");
    cmd.current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("PAGER")
        .env_remove("TERM")
        .env_remove("COLUMNS");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("REDLINE_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// Standard output of a finished command, as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Standard error of a finished command, as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

/// Runs `redline ARGS` and returns (status, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = redline().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        stdout(&output),
        stderr(&output),
    )
}

/// Trouble: status 2, nothing on standard output, one `redline: ` line on standard error
/// naming `file` and saying `cause`, and no panic.
pub fn assert_trouble(args: &[&str], file: &str, cause: &str) {
    let (status, out, err) = run(args);
    assert_eq!(status, 2, "status for {args:?}; stderr: {err}");
    assert!(out.is_empty(), "no output on trouble: {out}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("redline: "), "{err}");
    assert!(err.contains(file), "names {file}: {err}");
    assert!(err.contains(cause), "says {cause}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
