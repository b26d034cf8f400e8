//! The `redline` command: parse flags, call the library, print errors, return the status.
//!
//! Exit status follows diff(1): 0 same (or every check holds), 1 different (or a check
//! failed), 2 trouble. Only this file decides the status.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(cli::Outcome::Same) => ExitCode::from(0),
        Ok(cli::Outcome::Different) => ExitCode::from(1),
        Err(err) => {
            eprintln!("redline: {}", one_line(&err));
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
