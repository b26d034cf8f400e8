//! The `redline` command: parse flags, call the library, print errors, return the status.

fn main() {}
