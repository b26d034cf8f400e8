//! The command line: clap types, flags mapped to the library's options, the environment read
//! once, the renderer chosen, the outcome mapped to an exit status.
//!
//! Nothing here aligns, parses or formats: it calls the library. This module is part of the
//! binary only (`main.rs` declares it), so clap types never cross into the library.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use redline::align::{self, AlignOptions};
use redline::render::{self, CheckFormat, Format, RenderOptions};
use redline::topics::{self, Watch};
use redline::{Document, History, check, history, read};

/// Compare drafts of negotiated texts: paragraphs paired wherever they went, word-level
/// redlines, language followed across many drafts, checks for CI.
#[derive(Parser, Debug)]
#[command(name = "redline", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare two drafts: changes per paragraph with word-level redlines.
    ///
    /// Exit status: 0 when the drafts are the same (labels aside), 1 when they differ, 2 on trouble.
    Diff {
        /// The earlier draft (`-` for standard input).
        old: PathBuf,
        /// The later draft (`-` for standard input).
        new: PathBuf,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Terminal)]
        format: ReportFormat,
        /// Show only the summary line.
        #[arg(long)]
        stat: bool,
        /// Read tracked changes in Word files as rejected (the text before them), not accepted.
        #[arg(long)]
        reject_changes: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Follow a chain of drafts: each step's changes, reinstated language, a concordance.
    ///
    /// Give the drafts in order, or one folder: its `drafts.toml` gives order and names,
    /// otherwise file-name order. Exit status: 0 when no step changed anything, 1 otherwise.
    History {
        /// Two or more drafts in order, or one folder of drafts.
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Terminal)]
        format: ReportFormat,
        /// Show only the summaries.
        #[arg(long)]
        stat: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Judge the newest draft against the watch file's rules (for CI).
    ///
    /// Exit status: 0 when every rule holds, 1 when one fails, 2 on trouble.
    Check {
        /// Two or more drafts in order (the last is judged against the one before), or a folder.
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = CheckOutput::Terminal)]
        format: CheckOutput,
        #[command(flatten)]
        common: Common,
    },
    /// Show each watched topic's paragraphs in every draft and its events across drafts.
    Topics {
        /// One or more drafts in order, or a folder.
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Print a draft as the tool reads it: one line per paragraph, or JSON.
    Parse {
        /// The draft (`-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Read tracked changes in Word files as rejected (the text before them), not accepted.
        #[arg(long)]
        reject_changes: bool,
    },
}

/// Flags shared by the report commands.
#[derive(Args, Debug)]
struct Common {
    /// Watch file of topics (default: `watch.toml` beside the drafts, else `redline.toml` here).
    #[arg(long, short = 'w')]
    watch: Option<PathBuf>,
    /// Show only changes that touch this topic of the watch file.
    #[arg(long)]
    topic: Option<String>,
    /// Unchanged paragraphs to show around each change.
    #[arg(long, short = 'C', default_value_t = 0)]
    context: usize,
    /// When to colour: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// Wrap to this many columns (default: the terminal's width, else 80).
    #[arg(long)]
    width: Option<usize>,
    /// Write to this file instead of standard output (written whole, or not at all).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ReportFormat {
    Terminal,
    Json,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckOutput {
    Terminal,
    Json,
    Github,
    Junit,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ParseFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What the environment says, read once here and nowhere else.
struct Env {
    no_color: bool,
    dumb_terminal: bool,
    stdout_terminal: bool,
    terminal_width: Option<usize>,
}

impl Env {
    fn read() -> Env {
        let stdout_terminal = io::stdout().is_terminal();
        Env {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            dumb_terminal: std::env::var("TERM").is_ok_and(|t| t == "dumb"),
            stdout_terminal,
            terminal_width: stdout_terminal
                .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                .flatten(),
        }
    }
}

/// The outcome of a command, mapped to the exit status by `main`.
pub enum Outcome {
    /// Same drafts, or every rule holds: status 0.
    Same,
    /// Different drafts, or a rule failed: status 1.
    Different,
}

/// The reading options the flags ask for.
fn read_options(reject_changes: bool) -> read::ReadOptions {
    let mut options = read::ReadOptions::default();
    options.reject_changes = reject_changes;
    options
}

/// Runs the command line.
///
/// # Errors
/// Anything that should end in status 2, with its context.
pub fn run(cli: Cli) -> Result<Outcome> {
    let env = Env::read();
    let align = AlignOptions::default();
    match cli.command {
        Command::Parse {
            file,
            format,
            output,
            reject_changes,
        } => {
            let document = read::read_document_with(&file, &read_options(reject_changes))?;
            let format = match format {
                ParseFormat::Text => Format::Terminal,
                ParseFormat::Json => Format::Json,
            };
            emit(output.as_deref(), &[&file], |out| {
                render::write_document(out, &document, format)
            })?;
            Ok(Outcome::Same)
        }
        Command::Diff {
            old,
            new,
            format,
            stat,
            reject_changes,
            common,
        } => {
            let watch = load_watch(common.watch.as_deref(), &[old.clone(), new.clone()])?;
            let read = read_options(reject_changes);
            let (a, b) = rayon::join(
                || read::read_document_with(&old, &read),
                || read::read_document_with(&new, &read),
            );
            let mut comparison = align::compare(a?, b?, &align);
            if let Some(w) = &watch {
                topics::annotate_changes(&mut comparison.changes, w);
            }
            check_topic(&common, watch.as_ref())?;
            let options = render_options(&common, &env, stat, format == ReportFormat::Terminal);
            emit(common.output.as_deref(), &[&old, &new], |out| {
                render::write_comparison(out, &comparison, report_format(format), &options)
            })?;
            Ok(if comparison.has_differences() {
                Outcome::Different
            } else {
                Outcome::Same
            })
        }
        Command::History {
            drafts,
            format,
            stat,
            common,
        } => {
            let watch = load_watch(common.watch.as_deref(), &drafts)?;
            let history = load_history(&drafts, 2, &common, &align, watch.as_ref())?;
            let options = render_options(&common, &env, stat, format == ReportFormat::Terminal);
            emit(common.output.as_deref(), &inputs(&drafts), |out| {
                render::write_history(out, &history, report_format(format), &options)
            })?;
            Ok(if history.steps.iter().any(|s| step_differs(&s.changes)) {
                Outcome::Different
            } else {
                Outcome::Same
            })
        }
        Command::Check {
            drafts,
            format,
            common,
        } => {
            let watch = require_watch(common.watch.as_deref(), &drafts)?;
            let history = load_history(&drafts, 2, &common, &align, Some(&watch))?;
            let verdict = check::judge(&history, &watch);
            let format = match format {
                CheckOutput::Terminal => CheckFormat::Terminal,
                CheckOutput::Json => CheckFormat::Json,
                CheckOutput::Github => CheckFormat::Github,
                CheckOutput::Junit => CheckFormat::Junit,
                CheckOutput::Markdown => CheckFormat::Markdown,
            };
            let options = render_options(&common, &env, false, format == CheckFormat::Terminal);
            emit(common.output.as_deref(), &inputs(&drafts), |out| {
                render::write_verdict(out, &verdict, &history, format, &options)
            })?;
            Ok(if verdict.ok {
                Outcome::Same
            } else {
                Outcome::Different
            })
        }
        Command::Topics { drafts, common } => {
            let watch = require_watch(common.watch.as_deref(), &drafts)?;
            let history = load_history(&drafts, 1, &common, &align, Some(&watch))?;
            let options = render_options(&common, &env, false, true);
            emit(common.output.as_deref(), &inputs(&drafts), |out| {
                render::write_topics(out, &history, &watch, &options)
            })?;
            Ok(Outcome::Same)
        }
    }
}

fn step_differs(changes: &[redline::Change]) -> bool {
    changes
        .iter()
        .any(|c| c.kind != redline::ChangeKind::Unchanged)
}

fn report_format(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Terminal => Format::Terminal,
        ReportFormat::Json => Format::Json,
        ReportFormat::Html => Format::Html,
    }
}

fn render_options(common: &Common, env: &Env, stat: bool, terminal: bool) -> RenderOptions {
    let to_terminal = common.output.is_none() && env.stdout_terminal;
    let color = terminal
        && match common.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => to_terminal && !env.no_color && !env.dumb_terminal,
        };
    RenderOptions {
        color,
        width: common
            .width
            .or(if to_terminal {
                env.terminal_width
            } else {
                None
            })
            .unwrap_or(80),
        context: common.context,
        stat,
        topic: common.topic.clone(),
    }
}

fn inputs(drafts: &[PathBuf]) -> Vec<&Path> {
    drafts.iter().map(PathBuf::as_path).collect()
}

/// Reads the drafts (a list of at least `min`, or one folder), builds the history, and
/// annotates it with the watch file when there is one.
fn load_history(
    drafts: &[PathBuf],
    min: usize,
    common: &Common,
    align: &AlignOptions,
    watch: Option<&Watch>,
) -> Result<History> {
    let documents: Vec<Document> = if let [dir] = drafts
        && dir.is_dir()
    {
        history::load_dir(dir)?
    } else {
        if drafts.len() < min {
            bail!("give {min} or more drafts, or one folder of drafts");
        }
        use rayon::prelude::*;
        drafts
            .par_iter()
            .map(|p| read::read_document(p))
            .collect::<redline::Result<_>>()?
    };
    check_topic(common, watch)?;
    let mut history = history::build(documents, align);
    if let Some(w) = watch {
        topics::annotate_history(&mut history, w);
    }
    Ok(history)
}

/// The watch file, which `check` and `topics` cannot do without.
fn require_watch(flag: Option<&Path>, drafts: &[PathBuf]) -> Result<Watch> {
    match load_watch(flag, drafts)? {
        Some(watch) => Ok(watch),
        None => bail!("no watch file: give --watch FILE, or put watch.toml beside the drafts"),
    }
}

/// The watch file: `--watch`, else `watch.toml` beside the drafts (or inside the drafts
/// folder), else `redline.toml` in the working directory.
fn load_watch(flag: Option<&Path>, drafts: &[PathBuf]) -> Result<Option<Watch>> {
    if let Some(path) = flag {
        return Ok(Some(Watch::load(path)?));
    }
    let beside = drafts.first().and_then(|d| {
        if d.is_dir() {
            Some(d.join("watch.toml"))
        } else if d.as_os_str() == "-" {
            None
        } else {
            Some(d.parent().unwrap_or(Path::new("")).join("watch.toml"))
        }
    });
    for candidate in beside.into_iter().chain([PathBuf::from("redline.toml")]) {
        if candidate.is_file() {
            return Ok(Some(Watch::load(&candidate)?));
        }
    }
    Ok(None)
}

fn check_topic(common: &Common, watch: Option<&Watch>) -> Result<()> {
    let Some(name) = &common.topic else {
        return Ok(());
    };
    match watch {
        None => bail!("--topic {name} needs a watch file (--watch FILE)"),
        Some(w) if w.topic(name).is_none() => {
            let names: Vec<&str> = w.topics.iter().map(|t| t.name.as_str()).collect();
            bail!(
                "{}: no topic \"{name}\" (topics: {})",
                w.path.display(),
                names.join(", ")
            )
        }
        Some(_) => Ok(()),
    }
}

/// Writes output to standard output, or whole to `path` through a temporary file renamed
/// into place, so a failed run never leaves a half-written file. An output path that is one
/// of the inputs is refused.
fn emit(
    path: Option<&Path>,
    inputs: &[&Path],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let result = write(&mut out).and_then(|()| out.flush());
        return match result {
            // A reader that stops early (`| head`) is not trouble: git and ripgrep also
            // end quietly on a broken pipe.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("writing to standard output"),
        };
    };
    if let Ok(target) = fs::canonicalize(path) {
        for input in inputs {
            if fs::canonicalize(input).is_ok_and(|i| i == target) {
                bail!("{}: output would overwrite an input", path.display());
            }
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "{}: output folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot write output", path.display()))?;
    {
        let mut out = io::BufWriter::new(file.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .with_context(|| format!("{}: cannot write output", path.display()))?;
    }
    file.persist(path)
        .with_context(|| format!("{}: cannot write output", path.display()))?;
    Ok(())
}
