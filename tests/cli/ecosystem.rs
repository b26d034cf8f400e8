//! Fitting where users work: git's diff driver, completions, the manual page, the pager,
//! Markdown for pull requests, display labels.

use std::process::Command as Process;

use tempfile::TempDir;

use super::{path, redline, run, stdout};

fn git(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Process::new("git")
        .args([
            "-c",
            "user.name=redline",
            "-c",
            "user.email=redline@example.org",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_PAGER_IN_USE")
        .output()
        .expect("git runs")
}

#[test]
fn git_diff_shows_redlines_through_the_driver() {
    if Process::new("git").arg("--version").output().is_err() {
        println!("skipped: git is not installed");
        return;
    }
    let repo = TempDir::new().unwrap();
    let dir = repo.path();
    assert!(git(dir, &["init", "-q"]).status.success());
    std::fs::copy(
        path("drafts/wsis20/zero-draft.txt"),
        dir.join("outcome.txt"),
    )
    .unwrap();
    std::fs::write(dir.join(".gitattributes"), "*.txt diff=redline\n").unwrap();
    assert!(git(dir, &["add", "."]).status.success());
    assert!(git(dir, &["commit", "-qm", "Zero Draft"]).status.success());
    std::fs::copy(path("drafts/wsis20/rev1.txt"), dir.join("outcome.txt")).unwrap();
    let driver = format!("{} git-diff", env!("CARGO_BIN_EXE_redline"));
    assert!(
        git(dir, &["config", "diff.redline.command", &driver])
            .status
            .success()
    );

    let out = git(dir, &["diff"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.starts_with("a/outcome.txt → b/outcome.txt"), "{text}");
    assert!(text.contains("¶ 12 → ¶ 36 · moved unchanged"), "{text}");
    assert!(text.contains("[-We stress the importance of"), "{text}");

    assert!(git(dir, &["commit", "-qam", "Rev 1"]).status.success());
    let log = stdout(&git(dir, &["log", "-p", "--ext-diff", "-1"]));
    assert!(log.contains("¶ 27 → ¶ 28 + ¶ 29 · split"), "{log}");
}

#[test]
fn git_diff_takes_git_s_seven_arguments_and_exits_zero() {
    let (status, out, err) = run(&[
        "git-diff",
        "outcome.txt",
        "drafts/wsis20/rev1.txt",
        "0123abc",
        "100644",
        "drafts/wsis20/rev2.txt",
        "4567def",
        "100644",
    ]);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("a/outcome.txt → b/outcome.txt"), "{out}");
    // A new file: git passes /dev/null for the old side.
    let (status, out, _) = run(&[
        "git-diff",
        "new.txt",
        "/dev/null",
        ".",
        ".",
        "drafts/wsis20/rev2.txt",
        "abc",
        "100644",
    ]);
    assert_eq!(status, 0);
    assert!(out.contains("0 → 95 paragraphs: 95 inserted"), "{out}");
}

#[test]
fn parse_text_is_a_textconv_that_reads_back_the_same() {
    let (status, text, _) = run(&["parse", "drafts/wsis20/rev1.txt", "--format", "text"]);
    assert_eq!(status, 0);
    let dir = TempDir::new().unwrap();
    let copy = dir.path().join("rev1.txt");
    std::fs::write(&copy, &text).unwrap();
    let (status, _, _) = run(&["diff", "drafts/wsis20/rev1.txt", copy.to_str().unwrap()]);
    assert_eq!(status, 0, "the clean text parses to the same paragraphs");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (status, out, _) = run(&["completions", shell]);
        assert_eq!(status, 0);
        assert!(out.contains("redline"), "{shell}");
        assert!(
            out.contains("history") && out.contains("git-diff"),
            "{shell}"
        );
    }
    let (status, out, _) = run(&["man"]);
    assert_eq!(status, 0);
    assert!(out.contains(".TH redline 1"), "{out}");
}

#[test]
fn labels_name_standard_input_and_temporary_files() {
    let out = redline()
        .args([
            "diff",
            "-",
            "drafts/wsis20/rev2.txt",
            "--old-label",
            "Rev 1",
            "--new-label",
            "Rev 2",
            "--stat",
        ])
        .write_stdin(std::fs::read(path("drafts/wsis20/rev1.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("Rev 1 → Rev 2\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn markdown_for_pull_requests_escapes_drafts() {
    let (status, out, _) = run(&[
        "diff",
        "fixtures/hostile/old.txt",
        "fixtures/hostile/new.txt",
        "-f",
        "markdown",
    ]);
    assert_eq!(status, 1);
    assert!(out.contains("| kind | count |"), "{out}");
    assert!(out.contains("<del>"), "{out}");
    assert!(out.contains("<ins>"), "{out}");
    assert!(!out.contains("<script>") && !out.contains("<img"), "{out}");
    assert!(
        out.contains("&lt;script&gt;") || out.contains("script&gt;"),
        "{out}"
    );
}

#[test]
fn terminal_output_goes_through_the_pager_on_a_terminal() {
    // `script` gives the command a terminal, as a user's shell would.
    if Process::new("script").arg("--version").output().is_err() {
        println!("skipped: script(1) is not installed");
        return;
    }
    let command = format!(
        "{} diff fixtures/renumbered/old.txt fixtures/renumbered/new.txt",
        env!("CARGO_BIN_EXE_redline")
    );
    let paged = Process::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(path(""))
        .env("PAGER", "sed s/^/PAGED:/")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let text = stdout(&paged);
    assert!(text.contains("PAGED:"), "{text}");
    let direct = Process::new("script")
        .args(["-qec", &format!("{command} --no-pager"), "/dev/null"])
        .current_dir(path(""))
        .env("PAGER", "sed s/^/PAGED:/")
        .output()
        .unwrap();
    let text = stdout(&direct);
    assert!(
        !text.contains("PAGED:") && text.contains("inserted"),
        "{text}"
    );
}
