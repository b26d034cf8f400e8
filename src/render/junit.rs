//! JUnit XML: one test case per topic, failing when one of its rules fails.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::check::Verdict;
use crate::model::History;

pub fn write_verdict(out: &mut dyn Write, verdict: &Verdict, history: &History) -> io::Result<()> {
    let new = &history.drafts[verdict.new];
    let mut suite = TestSuite::new(format!(
        "redline check {} → {}",
        history.drafts[verdict.old].display_name(),
        new.display_name()
    ));
    for topic in &verdict.topics {
        let status = if topic.ok {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let messages: Vec<&str> = topic.failures.iter().map(|f| f.message.as_str()).collect();
            status.set_message(messages.join("; "));
            status.set_description(
                topic
                    .failures
                    .iter()
                    .map(|f| match &f.event {
                        Some(e) => format!("{}: {}\n{}", f.rule, f.message, e.text),
                        None => format!("{}: {}", f.rule, f.message),
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            );
            status
        };
        let mut case = TestCase::new(topic.name.clone(), status);
        case.set_classname(format!("redline.{}", new.display_name()));
        suite.add_test_case(case);
    }
    let mut report = Report::new("redline");
    report.add_test_suite(suite);
    let xml = report.to_string().map_err(io::Error::other)?;
    out.write_all(xml.as_bytes())?;
    if !xml.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}
