//! Bad input: one clear line naming the file and the cause, exit status 2, never a panic.

use super::{assert_trouble, path, run};

#[test]
fn missing_file_is_named() {
    assert_trouble(
        &["diff", "fixtures/renumbered/old.txt", "fixtures/nope.txt"],
        "fixtures/nope.txt",
        "No such file",
    );
}

#[test]
fn folder_where_a_file_is_expected() {
    assert_trouble(
        &["diff", "fixtures/renumbered/old.txt", "fixtures"],
        "fixtures",
        "is a folder",
    );
}

#[test]
fn invalid_utf8_and_binary_files() {
    assert_trouble(
        &["parse", "fixtures/bad/invalid-utf8.txt"],
        "invalid-utf8.txt",
        "not valid UTF-8",
    );
    assert_trouble(
        &["parse", "fixtures/bad/binary.bin"],
        "binary.bin",
        "binary file",
    );
}

#[test]
fn utf16_and_crlf_read_as_text() {
    let (status, out, _) = run(&["parse", "fixtures/bad/utf16.txt"]);
    assert_eq!(status, 0);
    assert!(out.contains("We note."), "{out}");
    let (status, out, _) = run(&["parse", "fixtures/bad/crlf.txt", "--format", "json"]);
    assert_eq!(status, 0);
    assert!(!out.contains("\\r"), "{out}");
}

#[test]
fn empty_drafts_are_the_same() {
    let (status, out, _) = run(&["diff", "fixtures/bad/empty.txt", "fixtures/bad/empty.txt"]);
    assert_eq!(status, 0);
    assert!(out.contains("0 → 0 paragraphs"), "{out}");
}

#[test]
fn bad_watch_files_name_file_topic_and_fault() {
    let cases = [
        ("unknown-key.toml", "unknown field `colour`"),
        ("bad-regex.toml", "topic \"igf\": bad pattern"),
        ("missing-name.toml", "topic #1 has no name"),
        ("duplicate-name.toml", "topic \"igf\": duplicate topic name"),
        ("wrong-type.toml", "invalid type"),
    ];
    for (file, cause) in cases {
        let watch = format!("fixtures/watch/{file}");
        assert_trouble(
            &[
                "check",
                "--watch",
                &watch,
                "fixtures/renumbered/old.txt",
                "fixtures/renumbered/new.txt",
            ],
            file,
            cause,
        );
    }
}

#[test]
fn output_over_an_input_is_refused() {
    assert_trouble(
        &[
            "diff",
            "fixtures/renumbered/old.txt",
            "fixtures/renumbered/new.txt",
            "-o",
            "fixtures/renumbered/new.txt",
        ],
        "new.txt",
        "would overwrite an input",
    );
    assert!(path("fixtures/renumbered/new.txt").exists());
}

#[test]
fn output_into_a_missing_folder_is_refused() {
    assert_trouble(
        &[
            "diff",
            "fixtures/renumbered/old.txt",
            "fixtures/renumbered/new.txt",
            "-o",
            "no-such-folder/out.json",
        ],
        "no-such-folder",
        "does not exist",
    );
}

#[test]
fn unknown_topic_lists_the_topics() {
    let (status, _, err) = run(&[
        "diff",
        "--watch",
        "fixtures/watch/ok.toml",
        "--topic",
        "nope",
        "fixtures/renumbered/old.txt",
        "fixtures/renumbered/new.txt",
    ]);
    assert_eq!(status, 2);
    assert!(
        err.contains("no topic \"nope\" (topics: igf, technical-community)"),
        "{err}"
    );
}

#[test]
fn a_pdf_that_crashes_the_pdf_reader_is_one_line() {
    // Found by the read_formats fuzz target: pdf-extract panics on a missing object; the
    // panic is caught and its message must not reach the terminal beside ours.
    assert_trouble(
        &["parse", "fixtures/bad/missing-object.pdf"],
        "missing-object.pdf",
        "damaged PDF file",
    );
}

#[test]
fn a_pdf_whose_form_draws_itself_is_refused_not_a_stack_overflow() {
    // Found by the read_formats fuzz target: a page draws its own content stream as a form,
    // which sent the PDF reader into endless recursion and killed the process.
    assert_trouble(
        &["parse", "fixtures/bad/self-drawing-form.pdf"],
        "self-drawing-form.pdf",
        "a form draws itself",
    );
}

#[test]
fn a_pdf_page_that_is_its_own_parent_is_refused_not_a_hang() {
    // Found by the read_formats fuzz target: the PDF reader climbed the loop forever.
    assert_trouble(
        &["parse", "fixtures/bad/own-parent.pdf"],
        "own-parent.pdf",
        "parent chain loops",
    );
}
