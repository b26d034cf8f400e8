//! GitHub Actions workflow commands: `::error` for failed rules, `::notice` for other events,
//! pointing at the draft's file and line so they show as annotations on the pull request.

use std::io::{self, Write};

use super::event_location;
use crate::check::Verdict;
use crate::model::History;

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file, title) of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write_verdict(out: &mut dyn Write, verdict: &Verdict, history: &History) -> io::Result<()> {
    for topic in &verdict.topics {
        for failure in &topic.failures {
            let (file, line) = match &failure.event {
                Some(e) => event_location(history, verdict, e),
                None => (history.drafts[verdict.new].source.as_str(), 1),
            };
            let text = failure
                .event
                .as_ref()
                .map(|e| format!(": “{}”", e.text))
                .unwrap_or_default();
            writeln!(
                out,
                "::error file={},line={line},title={}::{}",
                property(file),
                property(&format!("redline {} ({})", topic.name, failure.rule)),
                data(&format!("{}{text}", failure.message))
            )?;
        }
        for event in &topic.events {
            if topic
                .failures
                .iter()
                .any(|f| f.event.as_ref() == Some(event))
            {
                continue;
            }
            let (file, line) = event_location(history, verdict, event);
            writeln!(
                out,
                "::notice file={},line={line},title={}::{}",
                property(file),
                property(&format!("redline {}", topic.name)),
                data(&format!(
                    "{} {}: “{}”",
                    topic.name,
                    event.effect.as_str(),
                    event.text
                ))
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escapes() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
