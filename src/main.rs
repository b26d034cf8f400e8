//! The `redline` command: parse flags, call the library, print errors, return the status.
//!
//! Exit status follows diff(1): 0 same (or every check holds), 1 different (or a check
//! failed), 2 trouble. Only this file decides the status.

mod cli;

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;

use clap::Parser;

/// The command's allocator: jemalloc, its memory in transparent huge pages (see
/// [`MALLOC_CONF`]).
///
/// A large comparison allocates a few hundred small blocks per paragraph (texts, word ids,
/// spans) and the system maps their memory a 4 KiB page at a time: on a 15,000-paragraph
/// pair, glibc's allocator took some 19,000 page faults, a fifth of all the CPU time. In
/// 2 MiB pages the same run takes about 500. Only the command does this; the library leaves
/// the choice of allocator to its users. `docs/performance.md` has the measurements.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (a C string under the name its prefixed build
/// looks for): huge pages for its arenas and its own records, and freed memory kept for
/// reuse instead of handed back to the system, which would only map it again; the process
/// is short-lived.
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &u8 =
    &b"thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1\0"[0];

/// The message of the last panic, kept by the panic hook instead of printed.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn main() -> ExitCode {
    // Panics are not printed where they happen: one inside the PDF reader is caught and
    // becomes a "damaged PDF" error, and the user should see that one line only. Any other
    // panic is caught below and reported as one line too, status 2.
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
    let args = cli::Cli::parse();
    match panic::catch_unwind(AssertUnwindSafe(|| cli::run(args))) {
        Ok(Ok(cli::Outcome::Same)) => ExitCode::from(0),
        Ok(Ok(cli::Outcome::Different)) => ExitCode::from(1),
        Ok(Err(err)) => {
            eprintln!("redline: {}", one_line(&err));
            ExitCode::from(2)
        }
        Err(_) => {
            let message = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut m| m.take())
                .unwrap_or_default();
            eprintln!(
                "redline: internal error, please report it with the input: {}",
                message.replace('\n', " ")
            );
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, leaving out a cause the message before already
/// quotes (the library's messages name the file and include their cause).
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace('\n', " ")
}
