//! The HTML redline in a real browser (headless Chromium): the page's script runs without
//! error, and its filters, step picker and j/k navigation work. Skipped, and said so, when
//! Chromium is not installed.

use std::process::Command as Process;

use tempfile::TempDir;

use super::run;

/// Runs `page` with `probe` appended as a script in headless Chromium, and returns the DOM
/// after scripts ran; `None` when Chromium is missing.
fn browse(page: &str, probe: &str) -> Option<String> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| Process::new(c).arg("--version").output().is_ok())?;
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("page.html");
    let page = page.replace("</body>", &format!("<script>{probe}</script></body>"));
    std::fs::write(&file, page).unwrap();
    let out = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn filters_step_picker_and_keys_work_in_a_browser() {
    let (_, page, _) = run(&["history", "drafts/wsis20", "-f", "html"]);
    // The probe drives the page as a reader would and writes what it saw into the DOM.
    let probe = r#"
      function visible(sel) {
        return Array.prototype.filter.call(document.querySelectorAll(sel), function (e) {
          return !e.classList.contains("hidden") && !e.closest(".hidden");
        }).length;
      }
      var report = {};
      var topic = document.getElementById("topic-filter");
      topic.value = "fragmentation";
      topic.dispatchEvent(new Event("change"));
      report.fragmentation = visible("article.change");
      topic.value = "";
      topic.dispatchEvent(new Event("change"));
      var kind = document.getElementById("kind-filter");
      kind.value = "moved";
      kind.dispatchEvent(new Event("change"));
      report.moved = visible("article.change");
      kind.value = "";
      kind.dispatchEvent(new Event("change"));
      var step = document.getElementById("step-filter");
      step.value = "step-2";
      step.dispatchEvent(new Event("change"));
      report.steps = visible("section.step");
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "j" }));
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "j" }));
      var current = document.querySelector("article.current");
      report.current = current ? current.id : "none";
      document.getElementById("sbs").click();
      report.sbs = document.body.classList.contains("side-by-side");
      document.body.setAttribute("data-probe", JSON.stringify(report));
    "#;
    let Some(dom) = browse(&page, probe) else {
        println!("skipped: Chromium is not installed");
        return;
    };
    let start = dom.find("data-probe=\"").expect("the probe ran") + "data-probe=\"".len();
    let json = dom[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&quot;", "\"");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Fragmentation: removed twice in Rev 1, reinstated twice in Rev 2.
    assert_eq!(report["fragmentation"], 4, "{report}");
    // Moved: two in the first step, one in the second.
    assert_eq!(report["moved"], 3, "{report}");
    assert_eq!(report["steps"], 1, "{report}");
    // j twice: the second change of Rev 1 → Rev 2, the only step shown (unchanged paragraphs
    // are skipped): ¶ 10 (c) inserted, then ¶ 25 deleted, anchored in the old draft.
    assert_eq!(report["current"], "rev2-was-rev1-25", "{report}");
    assert_eq!(report["sbs"], true, "{report}");
    assert!(
        dom.contains("<body class=\"js"),
        "the script marked the page"
    );
}
