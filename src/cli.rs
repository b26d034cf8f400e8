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
use redline::annotate;
use redline::render::{self, Authorship, CheckFormat, DocumentFormat, Format, RenderOptions};
use redline::topics::Watch;
use redline::{Document, History, check, history, read};

/// Compare drafts of negotiated texts: paragraphs paired wherever they went, word-level
/// redlines, language followed across many drafts, checks for CI.
#[derive(Parser, Debug)]
#[command(name = "redline", version, about, max_term_width = 100)]
pub struct Cli {
    /// Never page terminal output through $PAGER.
    #[arg(long, global = true)]
    no_pager: bool,
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
        /// Name to show for the earlier draft (for standard input and temporary files), e.g. "Rev 1".
        #[arg(long)]
        old_label: Option<String>,
        /// Name to show for the later draft, e.g. "Rev 2".
        #[arg(long)]
        new_label: Option<String>,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        word: WordArgs,
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
        #[command(flatten)]
        word: WordArgs,
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
    /// Diff driver for git: `git config diff.redline.command "redline git-diff"`.
    ///
    /// Takes the seven arguments git passes to an external diff program and always exits 0,
    /// as git expects. See docs/git.md.
    #[command(name = "git-diff")]
    GitDiff {
        /// The path of the file in the repository.
        path: String,
        /// The old version's temporary file (`/dev/null` when the file is new).
        old_file: PathBuf,
        /// The old version's blob id.
        old_hex: String,
        /// The old version's file mode.
        old_mode: String,
        /// The new version's temporary file (`/dev/null` when the file was deleted).
        new_file: PathBuf,
        /// The new version's blob id.
        new_hex: String,
        /// The new version's file mode.
        new_mode: String,
        #[command(flatten)]
        common: Common,
    },
    /// Print a shell completion script: `redline completions bash > /etc/bash_completion.d/redline`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `redline man > redline.1`.
    Man,
    /// Print a draft as the tool reads it: a line per paragraph, clean text, or JSON.
    Parse {
        /// The draft (`-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ParseFormat::Table)]
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
    /// Read tracked changes in Word files as rejected (the text before them), not accepted.
    #[arg(long)]
    reject_changes: bool,
}

/// Flags of the Word redline (`--format docx`).
#[derive(Args, Debug)]
struct WordArgs {
    /// Author of the tracked changes in a Word redline.
    #[arg(long, default_value = "redline")]
    author: String,
    /// Date of the tracked changes in a Word redline, e.g. 2025-11-07 or
    /// 2025-11-07T09:30:00Z (default: SOURCE_DATE_EPOCH when set, else now).
    #[arg(long)]
    date: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ReportFormat {
    Terminal,
    Json,
    Html,
    Markdown,
    /// A review sheet, one row per change.
    Csv,
    /// A Word document with tracked changes (binary: use -o FILE.docx).
    Docx,
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
    /// One line per paragraph: line, kind, label, text.
    Table,
    /// Clean text, labels as printed (for git's textconv).
    Text,
    /// The redline.document/1 contract.
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
    /// The pager command: `REDLINE_PAGER`, else `PAGER`, else `less -R`; `None` for "cat" or empty.
    pager: Option<String>,
    /// Set when git runs us with its own pager on standard output.
    git_pager: bool,
    /// `LESS`, when the user has set it.
    less: Option<String>,
    /// `SOURCE_DATE_EPOCH`, the reproducible-builds date for the Word redline's revisions.
    source_date_epoch: Option<String>,
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
            pager: std::env::var("REDLINE_PAGER")
                .or_else(|_| std::env::var("PAGER"))
                .map(|p| p.trim().to_string())
                .or_else(|_| Ok::<_, ()>("less -R".to_string()))
                .ok()
                .filter(|p| !p.is_empty() && p != "cat"),
            git_pager: std::env::var_os("GIT_PAGER_IN_USE").is_some(),
            less: std::env::var("LESS").ok(),
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
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
    let paging = !cli.no_pager;
    match cli.command {
        Command::Parse {
            file,
            format,
            output,
            reject_changes,
        } => {
            let document = read::read_document_with(&file, &read_options(reject_changes))?;
            let format = match format {
                ParseFormat::Table => DocumentFormat::Table,
                ParseFormat::Text => DocumentFormat::Text,
                ParseFormat::Json => DocumentFormat::Json,
            };
            let sink = Sink::new(output.as_deref(), vec![file.clone()], None);
            sink.write(|out| render::write_document(out, &document, format))?;
            Ok(Outcome::Same)
        }
        Command::Diff {
            old,
            new,
            format,
            stat,
            old_label,
            new_label,
            common,
            word,
        } => {
            let watch = load_watch(common.watch.as_deref(), &[old.clone(), new.clone()])?;
            check_topic(&common, watch.as_ref())?;
            let read = read_options(common.reject_changes);
            let (a, b) = rayon::join(
                || read::read_document_with(&old, &read),
                || read::read_document_with(&new, &read),
            );
            let (mut a, mut b) = (a?, b?);
            a.name = old_label.or(a.name);
            b.name = new_label.or(b.name);
            let comparison = compare(a, b, &align, watch.as_ref());
            let terminal = format == ReportFormat::Terminal;
            let mut options = render_options(&common, &env, stat, terminal);
            if format == ReportFormat::Docx {
                options.authorship = word_output(&common, stat, &word, &env)?;
            }
            let sink = Sink::new(
                common.output.as_deref(),
                inputs(&[old, new], watch.as_ref()),
                pager(&env, paging, terminal),
            );
            sink.write(|out| {
                render::write_comparison(out, &comparison, report_format(format), &options)
            })?;
            let differences = comparison.has_differences();
            // The process ends here: freeing a large comparison (two drafts, every change
            // and span) piece by piece would only delay the exit; the system takes the
            // memory back at once.
            std::mem::forget(comparison);
            Ok(differs(differences))
        }
        Command::GitDiff {
            path,
            old_file,
            new_file,
            common,
            ..
        } => {
            let watch = load_watch(common.watch.as_deref(), &[PathBuf::from(&path)])?;
            check_topic(&common, watch.as_ref())?;
            let read = read_options(common.reject_changes);
            let mut a = read::read_document_with(&old_file, &read)?;
            let mut b = read::read_document_with(&new_file, &read)?;
            a.name = Some(format!("a/{path}"));
            b.name = Some(format!("b/{path}"));
            let comparison = compare(a, b, &align, watch.as_ref());
            // git pipes us into its own pager; colour when it does, as its own diff would.
            let mut env = env;
            env.stdout_terminal |= env.git_pager;
            let options = render_options(&common, &env, false, true);
            let sink = Sink::new(
                common.output.as_deref(),
                inputs(&[old_file, new_file], watch.as_ref()),
                None,
            );
            sink.write(|out| {
                render::write_comparison(out, &comparison, Format::Terminal, &options)
            })?;
            // git stops with "external diff died" on any other status.
            Ok(Outcome::Same)
        }
        Command::History {
            drafts,
            format,
            stat,
            common,
            word,
        } => {
            let watch = load_watch(common.watch.as_deref(), &drafts)?;
            let history = load_history(&drafts, 2, &common, &align, watch.as_ref())?;
            let terminal = format == ReportFormat::Terminal;
            let mut options = render_options(&common, &env, stat, terminal);
            if format == ReportFormat::Docx {
                options.authorship = word_output(&common, stat, &word, &env)?;
            }
            let sink = Sink::new(
                common.output.as_deref(),
                inputs(&drafts, watch.as_ref()),
                pager(&env, paging, terminal),
            );
            sink.write(|out| {
                render::write_history(out, &history, report_format(format), &options)
            })?;
            Ok(differs(
                history.steps.iter().any(|s| step_differs(&s.changes)),
            ))
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
            let terminal = format == CheckFormat::Terminal;
            let options = render_options(&common, &env, false, terminal);
            let sink = Sink::new(
                common.output.as_deref(),
                inputs(&drafts, Some(&watch)),
                pager(&env, paging, terminal),
            );
            sink.write(|out| render::write_verdict(out, &verdict, &history, format, &options))?;
            Ok(differs(!verdict.ok))
        }
        Command::Topics { drafts, common } => {
            let watch = require_watch(common.watch.as_deref(), &drafts)?;
            let history = load_history(&drafts, 1, &common, &align, Some(&watch))?;
            let options = render_options(&common, &env, false, true);
            let sink = Sink::new(
                common.output.as_deref(),
                inputs(&drafts, Some(&watch)),
                pager(&env, paging, true),
            );
            sink.write(|out| render::write_topics(out, &history, &watch, &options))?;
            Ok(Outcome::Same)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // clap_complete panics when its writer fails (a closed pipe): write to memory first.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "redline", &mut script);
            Sink::new(None, Vec::new(), None).write(|out| out.write_all(&script))?;
            Ok(Outcome::Same)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            Sink::new(None, Vec::new(), None)
                .write(|out| clap_mangen::Man::new(cmd).render(out))?;
            Ok(Outcome::Same)
        }
    }
}

/// Aligns two drafts and annotates the changes (references, strength, brackets, topics).
fn compare(
    old: Document,
    new: Document,
    align: &AlignOptions,
    watch: Option<&Watch>,
) -> redline::Comparison {
    // The lexicon compiles while the drafts are aligned.
    let (mut c, ()) = rayon::join(
        || align::compare(old, new, align),
        || annotate::lexicon(watch).prepare(),
    );
    annotate::comparison(&mut c.changes, &c.old, &c.new, watch);
    c
}

fn differs(yes: bool) -> Outcome {
    if yes {
        Outcome::Different
    } else {
        Outcome::Same
    }
}

/// The pager to use: only for terminal output to a terminal, as git does.
fn pager(env: &Env, paging: bool, terminal_format: bool) -> Option<Pager> {
    let command = env.pager.clone()?;
    (paging && terminal_format && env.stdout_terminal).then(|| Pager {
        command,
        less: env.less.clone().unwrap_or_else(|| "FRX".into()),
    })
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
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Docx => Format::Docx,
    }
}

/// Checks the flags of a Word redline and returns who and when to record on its changes:
/// `--date`, else `SOURCE_DATE_EPOCH`, else now.
fn word_output(common: &Common, stat: bool, word: &WordArgs, env: &Env) -> Result<Authorship> {
    let to_stdout = common
        .output
        .as_deref()
        .is_none_or(|p| p.as_os_str() == "-");
    if to_stdout && env.stdout_terminal {
        bail!("a Word redline is binary and would garble the terminal: give -o FILE.docx");
    }
    // A Word redline is the whole new draft, or Accept All would not give it back.
    if stat || common.topic.is_some() {
        bail!("--format docx writes the whole draft: leave out --stat and --topic");
    }
    let date = match (&word.date, &env.source_date_epoch) {
        (Some(d), _) => Authorship::parse_date(d).with_context(|| {
            format!("--date {d}: not a date like 2025-11-07 or 2025-11-07T09:30:00Z")
        })?,
        (None, Some(epoch)) => {
            let seconds: i64 =
                epoch.trim().parse().ok().with_context(|| {
                    format!("SOURCE_DATE_EPOCH={epoch}: not a number of seconds")
                })?;
            Authorship::date_from_unix(seconds)
        }
        (None, None) => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
            Authorship::date_from_unix(now)
        }
    };
    Ok(Authorship {
        author: word.author.clone(),
        date,
    })
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
        authorship: Authorship::default(),
    }
}

/// Every file the run read, which the output must not overwrite: the drafts, each file of
/// a drafts folder (its drafts and `drafts.toml`), and the watch file.
fn inputs(drafts: &[PathBuf], watch: Option<&Watch>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for draft in drafts {
        if let Ok(entries) = fs::read_dir(draft) {
            files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        } else {
            files.push(draft.clone());
        }
    }
    files.extend(watch.map(|w| w.path.clone()));
    files
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
        history::load_dir(dir, &read_options(common.reject_changes))?
    } else {
        if drafts.len() < min {
            bail!("give {min} or more drafts, or one folder of drafts");
        }
        use rayon::prelude::*;
        drafts
            .par_iter()
            .map(|p| read::read_document_with(p, &read_options(common.reject_changes)))
            .collect::<redline::Result<_>>()?
    };
    check_topic(common, watch)?;
    // The lexicon compiles while the drafts are aligned.
    let (mut history, ()) = rayon::join(
        || history::build(documents, align),
        || annotate::lexicon(watch).prepare(),
    );
    annotate::history(&mut history, watch);
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

/// A pager command and the `LESS` options to give it (git's default `FRX`: quit when one
/// screen suffices, keep colours, leave the screen as it was).
struct Pager {
    command: String,
    less: String,
}

/// Where output goes: standard output (through a pager when there is one), or whole to a
/// file through a temporary file renamed into place, so a failed run never leaves a
/// half-written file. An output path that is one of the inputs is refused.
struct Sink<'a> {
    path: Option<&'a Path>,
    inputs: Vec<PathBuf>,
    pager: Option<Pager>,
}

impl<'a> Sink<'a> {
    fn new(path: Option<&'a Path>, inputs: Vec<PathBuf>, pager: Option<Pager>) -> Self {
        let path = path.filter(|p| p.as_os_str() != "-");
        // Output to a file is never paged.
        let pager = if path.is_some() { None } else { pager };
        Sink {
            path,
            inputs,
            pager,
        }
    }

    fn write(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
        match (self.path, self.pager) {
            (Some(path), _) => write_file(path, &self.inputs, write),
            (None, Some(pager)) => match spawn_pager(&pager) {
                Some(child) => write_pager(child, write),
                None => write_stdout(write),
            },
            (None, None) => write_stdout(write),
        }
    }
}

fn quiet_broken_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        // A reader that stops early (`| head`, or quitting the pager) is not trouble: git and
        // ripgrep also end quietly on a broken pipe.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    quiet_broken_pipe(write(&mut out).and_then(|()| out.flush()))
        .context("writing to standard output")
}

fn spawn_pager(pager: &Pager) -> Option<std::process::Child> {
    // Through the shell, as git does, so that PAGER may hold options.
    std::process::Command::new("sh")
        .arg("-c")
        .arg(&pager.command)
        .env("LESS", &pager.less)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .ok()
}

fn write_pager(
    mut child: std::process::Child,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let result = match child.stdin.take() {
        Some(stdin) => {
            let mut out = io::BufWriter::new(stdin);
            quiet_broken_pipe(write(&mut out).and_then(|()| out.flush()))
        }
        None => Ok(()),
    };
    child.wait().context("waiting for the pager")?;
    result.context("writing to the pager")
}

fn write_file(
    path: &Path,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let cannot = || format!("{}: cannot write output", path.display());
    let target = fs::canonicalize(path).ok();
    if let Some(target) = &target {
        for input in inputs {
            if fs::canonicalize(input).is_ok_and(|i| &i == target) {
                bail!("{}: output would overwrite an input", path.display());
            }
        }
    }
    // A device, pipe or socket (`/dev/null`, `/dev/full`, `/dev/stdout`, a FIFO) is written
    // in place: renaming a temporary file over it would replace the device with a plain file
    // when run as root, and fail for anyone else. Such a target holds no earlier output to
    // protect, so writing it directly loses nothing. `metadata` follows links, and
    // `/dev/stdout` on a pipe has no canonical path, so this asks the path as given.
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let file = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(cannot)?;
        let mut out = io::BufWriter::new(file);
        return write(&mut out)
            .and_then(|()| out.flush())
            .with_context(cannot);
    }
    // Through a symbolic link, the file it points to is replaced and the link kept.
    let path_in_place = target.as_deref().unwrap_or(path);
    let dir = match path_in_place.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        bail!("{}: output folder {} {why}", path.display(), dir.display());
    }
    let mut file = tempfile::NamedTempFile::new_in(dir).with_context(cannot)?;
    {
        let mut out = io::BufWriter::new(file.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .with_context(cannot)?;
    }
    file.persist(path_in_place).with_context(cannot)?;
    Ok(())
}
