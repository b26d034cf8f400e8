//! The bad-input matrix of issue 10: every case ends in exit 2 with one line naming the file
//! and the cause, or in a correct answer; never a panic, a hang or a half-written file.
//!
//! `errors.rs` has the first case of each kind (one command, a committed fixture); this file
//! extends them to the other commands, to generated inputs (huge, many, odd encodings) and
//! to the output side (refusals, unwritable places, full devices, failed writes). Inputs
//! larger than a few bytes are generated into temporary folders, never committed.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::{assert_trouble, redline, run, stderr, stdout};

const OLD: &str = "fixtures/renumbered/old.txt";
const NEW: &str = "fixtures/renumbered/new.txt";
const WATCH: &str = "fixtures/watch/ok.toml";

/// A temporary folder holding `files` (name, bytes).
fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The names in `dir`, sorted: what a run left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn missing_inputs_are_named_by_every_command() {
    let cases: [&[&str]; 5] = [
        &["parse", "nope.txt"],
        &["history", OLD, "nope.txt"],
        &["check", "--watch", WATCH, OLD, "nope.txt"],
        &["topics", "--watch", WATCH, "nope.txt"],
        &["diff", "--watch", "nope.toml", OLD, NEW],
    ];
    for args in cases {
        let file = args.iter().find(|a| a.starts_with("nope")).unwrap();
        assert_trouble(args, file, "No such file");
    }
}

#[test]
fn folders_where_files_are_expected() {
    assert_trouble(&["parse", "fixtures"], "fixtures", "is a folder");
    assert_trouble(
        &["check", "--watch", "fixtures/watch", OLD, NEW],
        "fixtures/watch",
        "is a folder",
    );
}

#[test]
fn empty_drafts_give_answers_in_every_command() {
    let empty = "fixtures/bad/empty.txt";
    let (status, out, _) = run(&["parse", empty, "-f", "json"]);
    assert_eq!(status, 0);
    assert!(out.contains("\"paragraphs\": []"), "{out}");
    let (status, _, err) = run(&["history", empty, empty, empty, "-f", "json"]);
    assert_eq!(status, 0, "{err}");
    // An empty newest draft fails the "present" rule: a correct answer, not trouble.
    let (status, out, err) = run(&["check", "--watch", WATCH, OLD, empty]);
    assert_eq!(status, 1, "{err}");
    assert!(out.contains("technical-community"), "{out}");
    let (status, _, err) = run(&["diff", OLD, empty]);
    assert_eq!(status, 1, "{err}");
}

#[test]
fn empty_and_unparsable_watch_files() {
    let dir = folder(&[
        ("empty.toml", b""),
        ("syntax.toml", b"[[topic]\nname = \"x\"\n"),
        (
            "latin1.toml",
            b"[[topic]]\nname = \"caf\xe9\"\npatterns = ['x']\n",
        ),
        ("top-key.toml", b"colour = 1\n"),
        (
            "patterns-not-strings.toml",
            b"[[topic]]\nname = \"x\"\npatterns = [1]\n",
        ),
        (
            "no-patterns.toml",
            b"[[topic]]\nname = \"x\"\npatterns = []\n",
        ),
        (
            "bad-effect.toml",
            b"[[topic]]\nname = \"x\"\npatterns = ['x']\nfail_on = [\"vanished\"]\n",
        ),
        // Compiles to far more than the size limit: refused, not built for minutes.
        (
            "huge-regex.toml",
            b"[[topic]]\nname = \"x\"\npatterns = ['\\w{1000}\\w{1000}\\w{1000}']\n",
        ),
    ]);
    let cases = [
        ("empty.toml", "no [[topic]] entries"),
        ("syntax.toml", "line 1"),
        ("latin1.toml", "UTF-8"),
        ("top-key.toml", "unknown field `colour`"),
        ("patterns-not-strings.toml", "invalid type"),
        ("no-patterns.toml", "topic \"x\": no patterns"),
        ("bad-effect.toml", "unknown variant `vanished`"),
        ("huge-regex.toml", "topic \"x\": bad pattern"),
    ];
    for (name, cause) in cases {
        let watch = dir.path().join(name);
        assert_trouble(&["check", "--watch", s(&watch), OLD, NEW], name, cause);
    }
}

#[test]
fn odd_encodings_read_or_are_refused_by_name() {
    let text = "1. We note the report.\n\n2. We welcome the Forum.\n";
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let utf16_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut utf16_odd = vec![0xFF, 0xFE];
    utf16_odd.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    utf16_odd.push(b'x');
    let mut bom_utf8 = b"\xEF\xBB\xBF".to_vec();
    bom_utf8.extend(text.as_bytes());
    let dir = folder(&[
        ("lf.txt", text.as_bytes()),
        ("crlf.txt", text.replace('\n', "\r\n").as_bytes()),
        ("cr.txt", text.replace('\n', "\r").as_bytes()),
        ("bom.txt", &bom_utf8),
        ("utf16be.txt", &utf16be),
        ("utf16-no-bom.txt", &utf16_no_bom),
        ("utf16-odd.txt", &utf16_odd),
        ("truncated-utf8.txt", b"1. We note the caf\xC3"),
        ("latin1.txt", b"1. We note the caf\xE9.\n"),
        ("png.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        (
            "random.bin",
            &(0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 0x80)
                .collect::<Vec<_>>(),
        ),
    ]);
    let p = |name: &str| dir.path().join(name);
    // Every readable encoding is the same draft as the plain LF file: exit 0.
    for name in ["crlf.txt", "cr.txt", "bom.txt", "utf16be.txt"] {
        let (status, out, err) = run(&["diff", s(&p("lf.txt")), s(&p(name))]);
        assert_eq!(status, 0, "{name}: {out}{err}");
    }
    let refused = [
        ("utf16-no-bom.txt", "binary file"),
        ("utf16-odd.txt", "truncated UTF-16"),
        ("truncated-utf8.txt", "not valid UTF-8"),
        ("latin1.txt", "not valid UTF-8 (invalid byte at offset 18)"),
        ("png.png", "binary file"),
        ("random.bin", "not valid UTF-8"),
    ];
    for (name, cause) in refused {
        assert_trouble(&["diff", OLD, s(&p(name))], name, cause);
    }
}

/// Runs `redline ARGS` with a deadline; a run past it is a hang.
fn run_within(args: &[&str], limit: Duration) -> (i32, Vec<u8>, String) {
    let start = Instant::now();
    let output = redline().args(args).output().expect("runs");
    let took = start.elapsed();
    assert!(took < limit, "{args:?} took {took:?} (limit {limit:?})");
    let err = stderr(&output);
    (output.status.code().unwrap_or(-1), output.stdout, err)
}

/// Deadline for the generated inputs: a guard against hangs (a quadratic step would take
/// hours at these sizes), not a benchmark. Time grows linearly with the input: in a debug
/// build a million paragraphs parse in about 8 s of CPU and compare with themselves in
/// about 30 s, on a loaded two-core machine up to 140 s of wall time; see
/// docs/reliability.md.
const BIG_INPUT_LIMIT: Duration = Duration::from_secs(300);

#[test]
fn a_twenty_megabyte_single_line() {
    let dir = TempDir::new().unwrap();
    let line: String = "We note the report of the Secretary-General ".repeat(20 * 1024 * 1024 / 44);
    let big = dir.path().join("one-line.txt");
    fs::write(&big, &line).unwrap();
    let (status, out, err) = run_within(&["parse", s(&big), "-f", "json"], BIG_INPUT_LIMIT);
    assert_eq!(status, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["paragraphs"].as_array().unwrap().len(), 1);
    // Against a small draft: one huge paragraph added, compared word by word with nothing.
    let (status, _, err) = run_within(&["diff", "--stat", OLD, s(&big)], BIG_INPUT_LIMIT);
    assert_eq!(status, 1, "{err}");
}

#[test]
fn a_million_tiny_paragraphs() {
    let dir = TempDir::new().unwrap();
    let mut text = String::with_capacity(12_000_000);
    for i in 1..=1_000_000 {
        text.push_str(&format!("{i}. x\n\n"));
    }
    let many = dir.path().join("many.txt");
    fs::write(&many, &text).unwrap();
    let (status, out, err) = run_within(&["parse", s(&many), "-f", "json"], BIG_INPUT_LIMIT);
    assert_eq!(status, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["paragraphs"].as_array().unwrap().len(), 1_000_000);
    // A draft against itself: every paragraph pairs with its twin.
    let (status, out, err) = run_within(&["diff", "--stat", s(&many), s(&many)], BIG_INPUT_LIMIT);
    assert_eq!(status, 0, "{err}");
    assert!(
        String::from_utf8_lossy(&out).contains("1000000 → 1000000 paragraphs"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn output_over_an_input_is_refused_however_it_is_named() {
    let dir = folder(&[("a.txt", b"1. We note.\n"), ("b.txt", b"1. We welcome.\n")]);
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let dotted = dir.path().join(".").join("b.txt");
    std::os::unix::fs::symlink(&b, dir.path().join("link.txt")).unwrap();
    let link = dir.path().join("link.txt");
    assert_trouble(
        &["diff", s(&a), s(&b), "-o", s(&dotted)],
        "b.txt",
        "would overwrite an input",
    );
    assert_trouble(
        &["diff", s(&a), s(&b), "-o", s(&link)],
        "link.txt",
        "would overwrite an input",
    );
    assert_trouble(
        &["parse", s(&a), "-o", s(&a)],
        "a.txt",
        "would overwrite an input",
    );
    assert_trouble(
        &["history", s(&a), s(&b), "-o", s(&a)],
        "a.txt",
        "would overwrite an input",
    );
    assert_eq!(fs::read(&a).unwrap(), b"1. We note.\n");
    assert_eq!(fs::read(&b).unwrap(), b"1. We welcome.\n");
}

#[test]
fn output_over_a_draft_of_an_input_folder_or_the_watch_file_is_refused() {
    let dir = folder(&[
        ("1-zero.txt", b"1. We note the Forum.\n"),
        ("2-rev1.txt", b"1. We welcome the Forum.\n"),
        (
            "watch.toml",
            b"[[topic]]\nname = \"forum\"\npatterns = ['Forum']\nrequire = \"present\"\n",
        ),
    ]);
    let draft = dir.path().join("2-rev1.txt");
    let watch = dir.path().join("watch.toml");
    let d = s(dir.path());
    assert_trouble(
        &["history", d, "-o", s(&draft)],
        "2-rev1.txt",
        "would overwrite an input",
    );
    assert_trouble(
        &["check", d, "-o", s(&watch)],
        "watch.toml",
        "would overwrite an input",
    );
    assert_trouble(
        &["topics", d, "-o", s(&watch)],
        "watch.toml",
        "would overwrite an input",
    );
    assert_eq!(fs::read(&draft).unwrap(), b"1. We welcome the Forum.\n");
    assert!(fs::read_to_string(&watch).unwrap().contains("[[topic]]"));
}

#[test]
fn output_into_a_missing_or_unwritable_place() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-folder/out.json");
    assert_trouble(
        &["parse", OLD, "-o", s(&missing)],
        "no-such-folder",
        "does not exist",
    );
    // A file where a folder is expected.
    let file = dir.path().join("some-file.txt");
    fs::write(&file, "x").unwrap();
    let under_file = file.join("out.json");
    assert_trouble(
        &["diff", OLD, NEW, "-o", s(&under_file)],
        "some-file.txt",
        "not a folder",
    );
    // /proc refuses new files even to root, as CI runs.
    assert_trouble(
        &["diff", OLD, NEW, "-o", "/proc/redline-out.json"],
        "/proc/redline-out.json",
        "cannot write output",
    );
    assert_eq!(listing(dir.path()), ["some-file.txt"]);
}

#[test]
fn output_to_a_full_device_is_trouble() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    assert_trouble(
        &["diff", OLD, NEW, "-o", "/dev/full"],
        "/dev/full",
        "No space left on device",
    );
    // The device is written in place, never replaced by a renamed temporary file.
    let meta = fs::metadata("/dev/full").unwrap();
    assert!(!meta.is_file(), "/dev/full is still a device");
    // Standard output on a full device: the same trouble, named as standard output.
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("redline"))
        .args(["diff", OLD, NEW])
        .current_dir(super::root())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("standard output") && err.contains("No space left"),
        "{err}"
    );
}

#[test]
fn output_to_a_device_that_takes_it_is_written_in_place() {
    let (status, out, err) = run(&["diff", OLD, NEW, "-f", "json", "-o", "/dev/null"]);
    assert_eq!(status, 1, "{err}");
    assert!(out.is_empty());
    assert!(
        !fs::metadata("/dev/null").unwrap().is_file(),
        "/dev/null is still a device"
    );
    // /dev/stdout is a link to the process's standard output: the report arrives there.
    let output = redline()
        .args(["diff", OLD, NEW, "-f", "json", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("redline.diff/1"));
}

#[test]
fn a_failed_write_leaves_no_partial_file_and_keeps_the_old_one() {
    // A one-block file-size limit makes the write fail half-way (EFBIG) after the temporary
    // file was created; SIGXFSZ is ignored so the write returns the error instead of
    // killing the process.
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("report.html");
    fs::write(&out, "the previous report").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("redline");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' diff {OLD} {NEW} -f html -o '{}'",
        bin.display(),
        out.display()
    );
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(super::root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("report.html: cannot write output"), "{err}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "the previous report");
    assert_eq!(listing(dir.path()), ["report.html"], "no temporary left");
}

#[test]
fn hostile_drafts_are_safe_in_every_format() {
    let dir = folder(&[
        ("old.txt", HOSTILE_OLD.as_bytes()),
        ("new.txt", HOSTILE_NEW.as_bytes()),
        ("watch.toml", HOSTILE_WATCH.as_bytes()),
    ]);
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    let watch = dir.path().join("watch.toml");
    let pair = [s(&old), s(&new)];

    let html = run_ok(&["diff", pair[0], pair[1], "-f", "html"]);
    let history_html = run_ok(&["history", pair[0], pair[1], "-f", "html"]);
    for page in [&html, &history_html] {
        // Only the page's own script and style; the draft's markup is text.
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert_eq!(page.matches("</script>").count(), 1, "{page}");
        assert_eq!(page.matches("<style").count(), 1, "{page}");
        assert_eq!(page.matches("</style>").count(), 1, "{page}");
        // The page links to its own anchors; the draft's link stays text.
        for injected in [
            "<iframe",
            "<!--",
            "href=\"javascript:",
            "<svg",
            "<details",
            "<a href=\"javascript",
        ] {
            assert!(!page.contains(injected), "{injected} in {page}");
        }
        assert!(page.contains("&lt;/style&gt;"), "{page}");
    }

    for args in [
        &["diff", pair[0], pair[1], "-f", "markdown"][..],
        &["history", pair[0], pair[1], "-f", "markdown"][..],
    ] {
        let md = run_ok(args);
        // No live link, image, comment, tag or heading from the draft.
        for injected in [
            "](",
            "<!--",
            "<img",
            "<a ",
            "<details",
            "\n# A heading",
            "\n![",
        ] {
            assert!(!md.contains(injected), "{injected} in {md}");
        }
    }

    let check = |format: &str| {
        let output = redline()
            .args([
                "check",
                "--watch",
                s(&watch),
                pair[0],
                pair[1],
                "-f",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        stdout(&output)
    };
    let github = check("github");
    for line in github.lines() {
        // Each line is one of ours: a draft cannot start a workflow command of its own (the
        // runner reads commands only at a line start; mid-line, the draft's are text).
        assert!(
            line.starts_with("::error file=") || line.starts_with("::notice file="),
            "{line}"
        );
    }

    let junit = check("junit");
    let report = quick_junit::Report::deserialize_from_str(&junit)
        .unwrap_or_else(|e| panic!("JUnit XML parses: {e}\n{junit}"));
    assert_eq!(report.test_suites.len(), 1);
    assert!(!junit.contains("<injected"), "{junit}");

    let markdown = check("markdown");
    assert!(!markdown.contains("]("), "{markdown}");
    let json = check("json");
    serde_json::from_str::<serde_json::Value>(&json).expect("JSON parses");

    // The terminal view shows control characters, it does not obey them.
    let terminal = check("terminal");
    let diff = run_ok(&["diff", pair[0], pair[1], "--color", "never"]);
    for text in [&terminal, &diff] {
        assert!(!text.contains('\u{1b}'), "raw escape in {text:?}");
        assert!(!text.contains('\u{7}'), "raw bell in {text:?}");
    }
}

fn run_ok(args: &[&str]) -> String {
    let output = redline().args(args).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// Drafts written to break every output format: closing tags for the page's own style and
/// script, `javascript:` links, Markdown links, images and headings, HTML comments, a
/// GitHub workflow command at a line start, XML specials and a CDATA end, and terminal
/// escape sequences (a window title, a screen clear, a bell).
const HOSTILE_OLD: &str = "\
1. The Forum </style><script>alert(1)</script> <!-- hidden --> shall meet annually.

2. See [the site](javascript:alert(1)) and ![tracker](http://example.org/t.png) for the Forum.

3. Forum ]]> <injected attr=\"&amp;\"/> & < > \" ' text.
";

const HOSTILE_NEW: &str = "\
1. The Forum </style><svg onload=alert(1)> <iframe src=x></iframe> shall meet biennially.

2. See <a href=\"javascript:alert(1)\">the site</a> for the Forum.
::error file=x::injected
::stop-commands::token
# A heading from the draft

3. Forum ]]]]><![CDATA[> <details open> \u{1b}]0;owned\u{7}\u{1b}[2J text.
";

const HOSTILE_WATCH: &str = "\
[[topic]]
name = \"forum\"
patterns = ['Forum']
fail_on = [\"modified\", \"removed\", \"added\"]
";

#[test]
fn every_command_and_format_gives_the_same_bytes_twice() {
    const DRAFTS: &str = "drafts/wsis20";
    const ZERO: &str = "drafts/wsis20/zero-draft.txt";
    const REV1: &str = "drafts/wsis20/rev1.txt";
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["terminal", "json", "html", "markdown", "csv"] {
        runs.push(vec!["diff", ZERO, REV1, "-f", format]);
        runs.push(vec!["history", DRAFTS, "-f", format]);
    }
    for command in [&["diff", ZERO, REV1][..], &["history", DRAFTS][..]] {
        let mut run = command.to_vec();
        run.extend(["-f", "docx", "--date", "2026-12-01T00:00:00Z"]);
        runs.push(run);
    }
    for format in ["terminal", "json", "github", "junit", "markdown"] {
        runs.push(vec!["check", DRAFTS, "-f", format]);
    }
    runs.push(vec!["topics", DRAFTS]);
    for format in ["table", "text", "json"] {
        runs.push(vec!["parse", REV1, "-f", format]);
    }
    for args in runs {
        let output = |threads: &str| {
            let output = redline()
                .args(&args)
                .args(
                    ["--color", "always"]
                        .iter()
                        .filter(|_| args[0] != "parse" && !args.contains(&"docx")),
                )
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .unwrap();
            assert!(
                matches!(output.status.code(), Some(0 | 1)),
                "{args:?}: {}",
                stderr(&output)
            );
            output.stdout
        };
        let first = output("2");
        assert!(!first.is_empty(), "{args:?}");
        assert!(first == output("2"), "{args:?} differs between runs");
        // Thread count decides only speed: one thread gives the same bytes as several.
        assert!(first == output("1"), "{args:?} differs with one thread");
    }
}
