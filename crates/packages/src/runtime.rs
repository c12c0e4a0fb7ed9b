//! A SCO's run-time data as the server keeps it, per learner and SCO.
//!
//! The browser's run-time library (scorm-again) sends each commit as the
//! whole `cmi` tree, nested as the element names are (`{"cmi": {"core":
//! {"lesson_status": "passed"}}}`, collections as objects keyed `"0"`,
//! `"1"`…). [`read_commit`] checks every element of it against the data
//! model of the package's standard: the elements the SCO may write (for
//! SCORM 1.2 the `cmi.core` ones, suspend data, objectives, interactions,
//! preferences; for 2004 status, success, score, location, progress,
//! suspend data, objectives, interactions, comments, preferences), each
//! value against its type and its length as the specifications define
//! them (SCORM 1.2 RTE 3.4; SCORM 2004 RTE 4.2, the smallest permitted
//! maxima of the 4th edition, 4,000 characters of suspend data in the
//! 3rd). The elements the LMS itself sets (the learner's id and name,
//! entry, credit, total time, launch data…) are the server's: in a commit
//! they are ignored. Nothing of a commit that has a problem is kept.
//!
//! [`outcome`] then says what the data means: completion, success and the
//! score, with the rules of the manifest the LMS applies (the 1.2 mastery
//! score; the 2004 completion threshold and passing score).
//!
//! Interaction responses are checked for what every type shares (length,
//! and the format of true-false and numeric ones); the finer grammar of
//! each type's response (choice sets, matching pairs…) is the run-time
//! library's in the browser, which refuses a wrong one with error 406.
//!
//! Where the run-time library accepts more than the letter of a
//! specification (identifiers with spaces, durations without their `T`,
//! years past 2038), the server accepts it too: a commit it refused
//! would lose the learner's progress over what the SCO was told was
//! fine. Lengths, vocabularies, numbers and ranges are never relaxed.

use crate::manifest::{Problem, Standard};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The checked values a SCO wrote: full element names
/// (`cmi.interactions.0.id`) to values, empty ones left out.
pub type Values = BTreeMap<String, String>;

/// How an element may be used by the SCO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Set by the LMS: ignored in a commit.
    Lms,
    /// Written by the SCO (and read back, or write-only).
    Sco,
}

/// The type of an element's value.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// Any characters, up to so many.
    Text(usize),
    /// 2004 `localized_string_type`: an optional `{lang=xx}` and text.
    Localized(usize),
    /// 1.2 `CMIIdentifier`: printable ASCII, up to 255.
    Identifier,
    /// 2004 `long_identifier_type`: up to 4,000, not empty.
    LongIdentifier,
    Vocabulary(&'static [&'static str]),
    /// 1.2 `CMIDecimal`.
    Decimal,
    /// 1.2 score: a `CMIDecimal` from 0 to 100.
    Score,
    /// 1.2 `CMISInteger` in a range.
    Integer(i64, i64),
    /// 2004 `real(10,7)`, in a range where the element has one.
    Real(Option<f64>, Option<f64>),
    /// 1.2 `CMITimespan` (`HHHH:MM:SS.SS`).
    Timespan,
    /// 1.2 `CMITime` (`HH:MM:SS.SS`).
    Time,
    /// 2004 `timeinterval (second,10,2)`: an ISO 8601 duration.
    Interval,
    /// 2004 `time (second,10,0)`: an ISO 8601 date and time.
    Timestamp,
    /// 2004 `language_type`.
    Language,
    /// An interaction's result: a vocabulary word or a number.
    Result(&'static [&'static str]),
    /// An interaction's response or pattern (checked with its type).
    Response(usize),
}

const STATUS_12: &[&str] = &[
    "passed",
    "completed",
    "failed",
    "incomplete",
    "browsed",
    "not attempted",
];
const EXIT_12: &[&str] = &["time-out", "suspend", "logout"];
const INTERACTION_12: &[&str] = &[
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
];
const RESULT_12: &[&str] = &["correct", "wrong", "unanticipated", "neutral"];
const COMPLETION: &[&str] = &["completed", "incomplete", "not attempted", "unknown"];
const SUCCESS: &[&str] = &["passed", "failed", "unknown"];
const EXIT_2004: &[&str] = &["time-out", "suspend", "logout", "normal"];
const INTERACTION_2004: &[&str] = &[
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
];
const RESULT_2004: &[&str] = &["correct", "incorrect", "unanticipated", "neutral"];
const CAPTIONING: &[&str] = &["-1", "0", "1"];

/// The collections of each model (their members are indexed `n`), with
/// the most members the LMS keeps (the specifications' smallest permitted
/// maxima).
fn collection(standard: Standard, path: &str) -> Option<usize> {
    match (standard, path) {
        (Standard::Scorm12, "cmi.objectives" | "cmi.interactions") => Some(250),
        (Standard::Scorm12, "cmi.interactions.n.objectives") => Some(250),
        (Standard::Scorm12, "cmi.interactions.n.correct_responses") => Some(250),
        (
            Standard::Scorm2004 { .. },
            "cmi.comments_from_learner" | "cmi.comments_from_lms" | "cmi.interactions",
        ) => Some(250),
        (Standard::Scorm2004 { .. }, "cmi.objectives") => Some(100),
        (Standard::Scorm2004 { .. }, "cmi.interactions.n.objectives") => Some(10),
        (Standard::Scorm2004 { .. }, "cmi.interactions.n.correct_responses") => Some(250),
        _ => None,
    }
}

/// An element of the model (its path with indexes as `n`), if it is one.
fn element(standard: Standard, path: &str) -> Option<(Access, Kind)> {
    use Access::{Lms, Sco};
    use Kind::*;
    let e = match standard {
        Standard::Scorm12 => match path {
            "cmi.core.student_id"
            | "cmi.core.student_name"
            | "cmi.core.credit"
            | "cmi.core.entry"
            | "cmi.core.total_time"
            | "cmi.core.lesson_mode"
            | "cmi.launch_data"
            | "cmi.comments_from_lms"
            | "cmi.student_data.mastery_score"
            | "cmi.student_data.max_time_allowed"
            | "cmi.student_data.time_limit_action" => (Lms, Text(4096)),
            "cmi.core.lesson_location" => (Sco, Text(255)),
            "cmi.core.lesson_status" => (Sco, Vocabulary(STATUS_12)),
            "cmi.core.exit" => (Sco, Vocabulary(EXIT_12)),
            "cmi.core.session_time" => (Sco, Timespan),
            "cmi.core.score.raw" | "cmi.core.score.min" | "cmi.core.score.max" => (Sco, Score),
            "cmi.suspend_data" | "cmi.comments" => (Sco, Text(4096)),
            "cmi.objectives.n.id" => (Sco, Identifier),
            "cmi.objectives.n.score.raw"
            | "cmi.objectives.n.score.min"
            | "cmi.objectives.n.score.max" => (Sco, Score),
            "cmi.objectives.n.status" => (Sco, Vocabulary(STATUS_12)),
            "cmi.student_preference.audio" => (Sco, Integer(-1, 100)),
            "cmi.student_preference.language" => (Sco, Text(255)),
            "cmi.student_preference.speed" => (Sco, Integer(-100, 100)),
            "cmi.student_preference.text" => (Sco, Integer(-1, 1)),
            "cmi.interactions.n.id" | "cmi.interactions.n.objectives.n.id" => (Sco, Identifier),
            "cmi.interactions.n.time" => (Sco, Time),
            "cmi.interactions.n.type" => (Sco, Vocabulary(INTERACTION_12)),
            "cmi.interactions.n.correct_responses.n.pattern"
            | "cmi.interactions.n.student_response" => (Sco, Response(255)),
            "cmi.interactions.n.weighting" => (Sco, Decimal),
            "cmi.interactions.n.result" => (Sco, Result(RESULT_12)),
            "cmi.interactions.n.latency" => (Sco, Timespan),
            _ => return None,
        },
        Standard::Scorm2004 { edition } => match path {
            "cmi.comments_from_lms.n.comment"
            | "cmi.comments_from_lms.n.location"
            | "cmi.comments_from_lms.n.timestamp"
            | "cmi.completion_threshold"
            | "cmi.credit"
            | "cmi.entry"
            | "cmi.launch_data"
            | "cmi.learner_id"
            | "cmi.learner_name"
            | "cmi.max_time_allowed"
            | "cmi.mode"
            | "cmi.scaled_passing_score"
            | "cmi.time_limit_action"
            | "cmi.total_time" => (Lms, Text(4000)),
            "cmi.comments_from_learner.n.comment" => (Sco, Localized(4000)),
            "cmi.comments_from_learner.n.location" => (Sco, Text(250)),
            "cmi.comments_from_learner.n.timestamp" => (Sco, Timestamp),
            "cmi.completion_status" => (Sco, Vocabulary(COMPLETION)),
            "cmi.exit" => (Sco, Vocabulary(EXIT_2004)),
            "cmi.interactions.n.id" | "cmi.interactions.n.objectives.n.id" => (Sco, LongIdentifier),
            "cmi.interactions.n.type" => (Sco, Vocabulary(INTERACTION_2004)),
            "cmi.interactions.n.timestamp" => (Sco, Timestamp),
            "cmi.interactions.n.correct_responses.n.pattern"
            | "cmi.interactions.n.learner_response" => (Sco, Response(4000)),
            "cmi.interactions.n.weighting" => (Sco, Real(None, None)),
            "cmi.interactions.n.result" => (Sco, Result(RESULT_2004)),
            "cmi.interactions.n.latency" => (Sco, Interval),
            "cmi.interactions.n.description" | "cmi.objectives.n.description" => {
                (Sco, Localized(250))
            }
            "cmi.learner_preference.audio_level" | "cmi.learner_preference.delivery_speed" => {
                (Sco, Real(Some(0.0), None))
            }
            "cmi.learner_preference.language" => (Sco, Language),
            "cmi.learner_preference.audio_captioning" => (Sco, Vocabulary(CAPTIONING)),
            "cmi.location" => (Sco, Text(1000)),
            "cmi.objectives.n.id" => (Sco, LongIdentifier),
            "cmi.objectives.n.score.scaled" | "cmi.score.scaled" => {
                (Sco, Real(Some(-1.0), Some(1.0)))
            }
            "cmi.objectives.n.score.raw"
            | "cmi.objectives.n.score.min"
            | "cmi.objectives.n.score.max"
            | "cmi.score.raw"
            | "cmi.score.min"
            | "cmi.score.max" => (Sco, Real(None, None)),
            "cmi.objectives.n.success_status" | "cmi.success_status" => (Sco, Vocabulary(SUCCESS)),
            "cmi.objectives.n.completion_status" => (Sco, Vocabulary(COMPLETION)),
            "cmi.objectives.n.progress_measure" | "cmi.progress_measure" => {
                (Sco, Real(Some(0.0), Some(1.0)))
            }
            "cmi.session_time" => (Sco, Interval),
            "cmi.suspend_data" => (Sco, Text(if edition >= 4 { 64_000 } else { 4_000 })),
            _ => return None,
        },
    };
    Some(e)
}

/// Reads a commit's `cmi` tree: the values the SCO wrote, every one
/// checked; or every problem, each at its element
/// (`runtime_element_unknown`, `runtime_value_invalid`,
/// `runtime_value_too_long`, `runtime_too_many`).
pub fn read_commit(standard: Standard, cmi: &Value) -> Result<Values, Vec<Problem>> {
    let mut values = Values::new();
    let mut bad = vec![];
    match cmi {
        Value::Object(map) => walk(standard, map, "cmi", "cmi", &mut values, &mut bad),
        _ => bad.push(problem("cmi", "runtime_value_invalid")),
    }
    check_responses(standard, &values, &mut bad);
    if bad.is_empty() { Ok(values) } else { Err(bad) }
}

fn problem(at: impl Into<String>, code: &'static str) -> Problem {
    Problem {
        at: at.into(),
        code,
    }
}

/// Walks an object of the tree at `path` (`pattern`: the path with
/// indexes as `n`).
fn walk(
    standard: Standard,
    map: &Map<String, Value>,
    path: &str,
    pattern: &str,
    values: &mut Values,
    bad: &mut Vec<Problem>,
) {
    for (key, value) in map {
        let (p, pat) = (format!("{path}.{key}"), format!("{pattern}.{key}"));
        match value {
            Value::Object(inner) => match collection(standard, &pat) {
                Some(max) => {
                    if inner.len() > max {
                        bad.push(problem(&p, "runtime_too_many"));
                        continue;
                    }
                    for (i, (index, member)) in inner.iter().enumerate() {
                        let at = format!("{p}.{index}");
                        match member {
                            // Members are numbered from 0 without a gap.
                            Value::Object(m) if index.parse::<usize>().ok() == Some(i) => {
                                walk(standard, m, &at, &format!("{pat}.n"), values, bad)
                            }
                            _ => bad.push(problem(at, "runtime_element_unknown")),
                        }
                    }
                }
                None if element(standard, &pat).is_none() && !inner.is_empty() => {
                    walk(standard, inner, &p, &pat, values, bad)
                }
                None => bad.push(problem(p, "runtime_element_unknown")),
            },
            // An empty collection may come as an empty list.
            Value::Array(a) if a.is_empty() && collection(standard, &pat).is_some() => {}
            _ => match element(standard, &pat) {
                None => bad.push(problem(p, "runtime_element_unknown")),
                Some((Access::Lms, _)) => {}
                Some((Access::Sco, kind)) => {
                    let Value::String(v) = value else {
                        bad.push(problem(p, "runtime_value_invalid"));
                        continue;
                    };
                    if v.is_empty() {
                        continue;
                    }
                    match check(kind, v) {
                        Ok(()) => {
                            values.insert(p, v.clone());
                        }
                        Err(code) => bad.push(problem(p, code)),
                    }
                }
            },
        }
    }
}

/// Checks a value against its type.
fn check(kind: Kind, v: &str) -> Result<(), &'static str> {
    let chars = v.chars().count();
    let long = |max: usize| {
        if chars > max {
            Err("runtime_value_too_long")
        } else {
            Ok(())
        }
    };
    let ok = |good: bool| {
        if good {
            Ok(())
        } else {
            Err("runtime_value_invalid")
        }
    };
    match kind {
        Kind::Text(max) | Kind::Response(max) => long(max),
        Kind::Localized(max) => {
            ok(localized(v).is_some())?;
            long(max + v.len() - localized(v).map_or(0, str::len))
        }
        Kind::Identifier => {
            long(255)?;
            ok(v.chars()
                .all(|c| c.is_ascii_graphic() || c.is_ascii_whitespace()))
        }
        Kind::LongIdentifier => long(4000),
        Kind::Vocabulary(words) => ok(words.contains(&v)),
        Kind::Decimal => ok(decimal(v).is_some()),
        Kind::Score => ok(decimal(v).is_some_and(|d| (0.0..=100.0).contains(&d))),
        Kind::Integer(min, max) => ok(v.parse::<i64>().is_ok_and(|i| (min..=max).contains(&i))),
        Kind::Real(min, max) => {
            ok(real(v).is_some_and(|r| min.is_none_or(|m| r >= m) && max.is_none_or(|m| r <= m)))
        }
        Kind::Timespan => ok(timespan_12(v).is_some()),
        Kind::Time => ok(time_12(v)),
        Kind::Interval => ok(interval(v).is_some()),
        Kind::Timestamp => ok(timestamp(v)),
        Kind::Language => ok(language(v)),
        Kind::Result(words) => ok(words.contains(&v) || decimal(v).is_some()),
    }
}

/// The response of each interaction checked with its type: a true-false
/// answer is true or false, a numeric one a number (a 2004 pattern a
/// range, `min[:]max`).
fn check_responses(standard: Standard, values: &Values, bad: &mut Vec<Problem>) {
    for (path, v) in values {
        let Some(rest) = path.strip_prefix("cmi.interactions.") else {
            continue;
        };
        let Some((n, field)) = rest.split_once('.') else {
            continue;
        };
        let is_pattern = field.starts_with("correct_responses.") && field.ends_with(".pattern");
        if !(is_pattern || field == "student_response" || field == "learner_response") {
            continue;
        }
        let Some(kind) = values.get(&format!("cmi.interactions.{n}.type")) else {
            continue;
        };
        let good = match (standard, kind.as_str()) {
            (Standard::Scorm12, "true-false") => {
                matches!(v.as_str(), "0" | "1" | "t" | "f" | "true" | "false")
            }
            (Standard::Scorm12, "numeric") => decimal(v).is_some(),
            (Standard::Scorm2004 { .. }, "true-false") => matches!(v.as_str(), "true" | "false"),
            (Standard::Scorm2004 { .. }, "numeric") if is_pattern => {
                v.split_once("[:]").map_or(real(v).is_some(), |(a, b)| {
                    (a.is_empty() || real(a).is_some()) && (b.is_empty() || real(b).is_some())
                })
            }
            (Standard::Scorm2004 { .. }, "numeric") => real(v).is_some(),
            _ => true,
        };
        if !good {
            bad.push(problem(path, "runtime_value_invalid"));
        }
    }
}

/// The text of a `localized_string_type` without its `{lang=xx}`, if any
/// (`None`: the delimiter is malformed or its language invalid).
fn localized(v: &str) -> Option<&str> {
    match v.strip_prefix("{lang=") {
        Some(rest) => {
            let (lang, text) = rest.split_once('}')?;
            language(lang).then_some(text)
        }
        None => Some(v),
    }
}

/// A language tag as SCORM 2004 takes it (RFC 3066): a primary tag of 1
/// to 8 letters, then optionally `-` and 2 to 8 letters, digits or
/// hyphens.
fn language(v: &str) -> bool {
    let (first, rest) = match v.split_once('-') {
        Some((f, r)) => (f, Some(r)),
        None => (v, None),
    };
    (1..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && rest.is_none_or(|r| {
            (2..=8).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// A 1.2 `CMIDecimal`: an optional minus, digits, an optional fraction.
fn decimal(v: &str) -> Option<f64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let fine = (!int.is_empty() || !frac.is_empty())
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && !(digits.ends_with('.') && frac.is_empty() && int.is_empty());
    if !fine {
        return None;
    }
    v.parse().ok()
}

/// A 2004 `real(10,7)`: a decimal number, with up to 7 digits after the
/// point kept (more is accepted and rounded, as the specification lets).
fn real(v: &str) -> Option<f64> {
    decimal(v).filter(|r| r.is_finite())
}

fn number_of(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Seconds with up to `places` decimals (`SS` or `SS.SS`).
fn seconds_of(s: &str, places: usize) -> Option<f64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    number_of(whole, 2..=2)?;
    if s.contains('.') {
        number_of(frac, 1..=places)?;
    }
    s.parse().ok()
}

/// A 1.2 `CMITimespan`, in seconds.
fn timespan_12(v: &str) -> Option<f64> {
    let mut p = v.split(':');
    let (h, m, s) = (p.next()?, p.next()?, p.next()?);
    if p.next().is_some() {
        return None;
    }
    // The specification writes 2 to 4 digits of hours; the library takes
    // any number.
    let h = number_of(h, 1..=9)?;
    let m = number_of(m, 2..=2).filter(|m| *m < 60)?;
    let s = seconds_of(s, 2).filter(|s| *s < 60.0)?;
    Some(f64::from(h) * 3600.0 + f64::from(m) * 60.0 + s)
}

/// A 1.2 `CMITime`: a time of day.
fn time_12(v: &str) -> bool {
    let mut p = v.split(':');
    let (Some(h), Some(m), Some(s), None) = (p.next(), p.next(), p.next(), p.next()) else {
        return false;
    };
    number_of(h, 2..=2).is_some_and(|h| h < 24)
        && number_of(m, 2..=2).is_some_and(|m| m < 60)
        && seconds_of(s, 2).is_some_and(|s| s < 60.0)
}

/// A 2004 `timeinterval`: `P[nY][nM][nW][nD][T[nH][nM][n[.nn]S]]`, in
/// seconds (a year 365 days, a month 30). As the library does, the `T`
/// may be left out before hours, a comma may stand for the point, and
/// `P` alone is no time.
pub fn interval(v: &str) -> Option<f64> {
    const UNITS: [(char, f64); 7] = [
        ('Y', 365.0 * 86400.0),
        ('M', 30.0 * 86400.0),
        ('W', 7.0 * 86400.0),
        ('D', 86400.0),
        ('H', 3600.0),
        ('M', 60.0),
        ('S', 1.0),
    ];
    let rest = v.strip_prefix('P')?;
    let mut total = 0.0;
    let mut number = String::new();
    // The next unit allowed; past the `T` (or hours) only time units.
    let mut next = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            ',' => number.push('.'),
            'T' if number.is_empty() && next <= 4 => next = 4,
            _ => {
                let at = UNITS[next..].iter().position(|(u, _)| *u == c)? + next;
                let n: f64 = number.parse().ok()?;
                if c == 'S' && number.split_once('.').is_some_and(|(_, f)| f.len() > 2) {
                    return None;
                }
                total += n * UNITS[at].1;
                number.clear();
                next = at + 1;
            }
        }
    }
    number.is_empty().then_some(total)
}

/// A 2004 `time`: `YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]`.
fn timestamp(v: &str) -> bool {
    let (date, time) = v.split_once('T').unwrap_or((v, ""));
    let mut d = date.split('-');
    let year = d.next().and_then(|y| number_of(y, 4..=4));
    let month = d
        .next()
        .map(|m| number_of(m, 2..=2).filter(|m| (1..=12).contains(m)));
    let day = d
        .next()
        .map(|x| number_of(x, 2..=2).filter(|x| (1..=31).contains(x)));
    // The specification ends at 2038; the library takes later years.
    if year.is_none_or(|y| y < 1970)
        || d.next().is_some()
        || month == Some(None)
        || day == Some(None)
    {
        return false;
    }
    if v.contains('T') {
        if day.is_none() || time.is_empty() {
            return false;
        }
        // The zone: Z, or ±hh[:mm].
        let (clock, zone) = match time.find(['Z', '+', '-']) {
            Some(i) => time.split_at(i),
            None => (time, ""),
        };
        let zone_ok = match zone {
            "" | "Z" => true,
            z => {
                let z = &z[1..];
                let (h, m) = z.split_once(':').unwrap_or((z, "00"));
                number_of(h, 2..=2).is_some_and(|h| h < 24)
                    && number_of(m, 2..=2).is_some_and(|m| m < 60)
            }
        };
        let mut c = clock.split(':');
        let h = c
            .next()
            .and_then(|h| number_of(h, 2..=2))
            .filter(|h| *h < 24);
        let m = c.next().map(|m| number_of(m, 2..=2).filter(|m| *m < 60));
        let s = c.next().map(|s| seconds_of(s, 6).filter(|s| *s < 60.0));
        if h.is_none() || m == Some(None) || s == Some(None) || c.next().is_some() || !zone_ok {
            return false;
        }
    }
    true
}

/// Whether the SCO is done, by its status and the manifest's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    NotAttempted,
    Incomplete,
    Completed,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Success {
    Unknown,
    Passed,
    Failed,
}

/// The rules of the manifest the LMS applies to a SCO's data.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rules {
    /// 1.2: the raw score that passes.
    pub mastery_score: Option<f64>,
    /// 2004: the progress measure that completes.
    pub completion_threshold: Option<f64>,
    /// 2004: the scaled score that passes.
    pub passing_score: Option<f64>,
}

/// What a SCO's data says.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub completion: Completion,
    pub success: Success,
    /// The score from -1 to 1 (1.2: the raw score within its range, 0 to
    /// 100 unless the SCO said otherwise).
    pub scaled: Option<f64>,
    pub raw: Option<f64>,
    /// The time of the session the data is of, in seconds.
    pub session_seconds: f64,
    /// The SCO asked to be resumed where it was left.
    pub suspended: bool,
}

/// What the SCO's `values` say, with the manifest's `rules` applied as
/// the specifications let the LMS: a 1.2 mastery score decides passed or
/// failed once there is a raw score; a 2004 completion threshold decides
/// completion once there is a progress measure, and a passing score
/// success once there is a scaled score.
pub fn outcome(standard: Standard, values: &Values, rules: Rules) -> Outcome {
    let get = |k: &str| values.get(k).map(String::as_str);
    let num = |k: &str| get(k).and_then(decimal);
    match standard {
        Standard::Scorm12 => {
            let raw = num("cmi.core.score.raw");
            let (min, max) = (
                num("cmi.core.score.min").unwrap_or(0.0),
                num("cmi.core.score.max").unwrap_or(100.0),
            );
            let (mut completion, mut success) = match get("cmi.core.lesson_status") {
                Some("passed") => (Completion::Completed, Success::Passed),
                Some("failed") => (Completion::Completed, Success::Failed),
                Some("completed") => (Completion::Completed, Success::Unknown),
                Some("incomplete" | "browsed") => (Completion::Incomplete, Success::Unknown),
                _ => (Completion::NotAttempted, Success::Unknown),
            };
            if let (Some(mastery), Some(r)) = (rules.mastery_score, raw)
                && completion != Completion::NotAttempted
            {
                success = if r >= mastery {
                    Success::Passed
                } else {
                    Success::Failed
                };
                completion = Completion::Completed;
            }
            Outcome {
                completion,
                success,
                scaled: raw
                    .filter(|_| max > min)
                    .map(|r| ((r - min) / (max - min)).clamp(-1.0, 1.0)),
                raw,
                session_seconds: get("cmi.core.session_time")
                    .and_then(timespan_12)
                    .unwrap_or(0.0),
                suspended: get("cmi.core.exit") == Some("suspend"),
            }
        }
        Standard::Scorm2004 { .. } => {
            let completion = match (rules.completion_threshold, num("cmi.progress_measure")) {
                (Some(t), Some(p)) if p >= t => Completion::Completed,
                (Some(_), Some(_)) => Completion::Incomplete,
                _ => match get("cmi.completion_status") {
                    Some("completed") => Completion::Completed,
                    Some("incomplete") => Completion::Incomplete,
                    Some("not attempted") => Completion::NotAttempted,
                    _ => Completion::Unknown,
                },
            };
            let scaled = num("cmi.score.scaled");
            let success = match (rules.passing_score, scaled) {
                (Some(p), Some(s)) if s >= p => Success::Passed,
                (Some(_), Some(_)) => Success::Failed,
                _ => match get("cmi.success_status") {
                    Some("passed") => Success::Passed,
                    Some("failed") => Success::Failed,
                    _ => Success::Unknown,
                },
            };
            Outcome {
                completion,
                success,
                scaled,
                raw: num("cmi.score.raw"),
                session_seconds: get("cmi.session_time").and_then(interval).unwrap_or(0.0),
                suspended: get("cmi.exit") == Some("suspend"),
            }
        }
    }
}

/// A total time as the model writes it: 1.2 `HHHH:MM:SS.SS`, 2004 an ISO
/// 8601 duration.
pub fn total_time(standard: Standard, seconds: f64) -> String {
    let centis = (seconds.max(0.0) * 100.0).round() as u64;
    let (h, m, s, c) = (
        centis / 360_000,
        centis / 6000 % 60,
        centis / 100 % 60,
        centis % 100,
    );
    match standard {
        Standard::Scorm12 => format!("{:02}:{m:02}:{s:02}.{c:02}", h.min(9999)),
        Standard::Scorm2004 { .. } => format!("PT{h}H{m}M{s}.{c:02}S"),
    }
}

fn insert(map: &mut Map<String, Value>, parts: &[&str], value: String) {
    match parts {
        [] => {}
        [last] => {
            map.insert((*last).to_owned(), Value::String(value));
        }
        [first, rest @ ..] => {
            let next = map
                .entry((*first).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(next) = next {
                insert(next, rest, value);
            }
        }
    }
}

/// The values nested back into the tree the run-time library loads
/// (`loadFromJSON`), with the LMS's own elements (`lms`: full names to
/// values) added.
pub fn tree(values: &Values, lms: &[(&str, String)]) -> Value {
    let mut root = Map::new();
    let all = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .chain(lms.iter().map(|(k, v)| (*k, v.clone())));
    for (path, value) in all {
        let parts: Vec<&str> = path.split('.').collect();
        insert(&mut root, &parts, value);
    }
    root.remove("cmi")
        .map(|cmi| serde_json::json!({ "cmi": cmi }))
        .unwrap_or_else(|| serde_json::json!({ "cmi": {} }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const V12: Standard = Standard::Scorm12;
    const V2004: Standard = Standard::Scorm2004 { edition: 4 };

    /// A commit as scorm-again 3.4.3 sends it for SCORM 1.2 (recorded from
    /// the library: lesson status, score, suspend data, an interaction).
    const COMMIT_12: &str = r#"{"cmi":{"suspend_data":"abc","launch_data":"","comments":"","comments_from_lms":"","core":{"student_id":"","student_name":"","lesson_location":"","credit":"","lesson_status":"incomplete","entry":"","lesson_mode":"normal","exit":"","session_time":"00:01:30","score":{"raw":"80","min":"","max":"100"}},"objectives":{},"student_data":{"mastery_score":"","max_time_allowed":"","time_limit_action":""},"student_preference":{"audio":"","language":"","speed":"","text":""},"interactions":{"0":{"id":"q1","time":"","type":"choice","weighting":"","student_response":"a","result":"","latency":"","objectives":{},"correct_responses":{}}}}}"#;

    /// The same for SCORM 2004 4th edition (Terminate's final commit).
    const COMMIT_2004: &str = r#"{"cmi":{"comments_from_learner":{"0":{"comment":"{lang=fr}Bien","location":"","timestamp":""}},"comments_from_lms":{},"completion_status":"incomplete","completion_threshold":"0.8","credit":"credit","entry":"resume","exit":"suspend","interactions":{"0":{"id":"urn:q1","type":"choice","objectives":{},"timestamp":"","weighting":"","learner_response":"a[,]b","result":"correct","latency":"","description":"","correct_responses":{"0":{"pattern":"a[,]b"}}}},"launch_data":"","learner_id":"7","learner_name":"Ama","learner_preference":{"audio_level":"1","language":"","delivery_speed":"1","audio_captioning":"0"},"location":"p3","max_time_allowed":"","mode":"normal","objectives":{"0":{"id":"obj1","success_status":"passed","completion_status":"unknown","progress_measure":"","description":"","score":{"scaled":"","raw":"","min":"","max":""}}},"progress_measure":"0.5","scaled_passing_score":"0.7","score":{"scaled":"0.85","raw":"85","min":"0","max":"100"},"session_time":"PT1M30S","success_status":"passed","suspend_data":"xyz","time_limit_action":"continue,no message","total_time":"PT1M30S"}}"#;

    fn cmi(commit: &str) -> Value {
        serde_json::from_str::<Value>(commit).unwrap()["cmi"].clone()
    }

    fn refused(standard: Standard, cmi: Value) -> Vec<(String, &'static str)> {
        read_commit(standard, &cmi)
            .expect_err("refused")
            .into_iter()
            .map(|p| (p.at, p.code))
            .collect()
    }

    #[test]
    fn a_scorm_1_2_commit_keeps_what_the_sco_wrote() {
        let v = read_commit(V12, &cmi(COMMIT_12)).expect("valid");
        assert_eq!(v["cmi.core.lesson_status"], "incomplete");
        assert_eq!(v["cmi.core.score.raw"], "80");
        assert_eq!(v["cmi.suspend_data"], "abc");
        assert_eq!(v["cmi.interactions.0.student_response"], "a");
        // The LMS's own elements (lesson mode) and empty ones are not kept.
        assert!(!v.contains_key("cmi.core.lesson_mode"));
        assert!(!v.contains_key("cmi.core.lesson_location"));
        let o = outcome(V12, &v, Rules::default());
        assert_eq!(
            (o.completion, o.success, o.scaled, o.session_seconds),
            (Completion::Incomplete, Success::Unknown, Some(0.8), 90.0)
        );
        // A mastery score decides once there is a raw score.
        let o = outcome(
            V12,
            &v,
            Rules {
                mastery_score: Some(75.0),
                ..Rules::default()
            },
        );
        assert_eq!(
            (o.completion, o.success),
            (Completion::Completed, Success::Passed)
        );
    }

    #[test]
    fn a_scorm_2004_commit_keeps_what_the_sco_wrote_and_the_manifest_decides() {
        let v = read_commit(V2004, &cmi(COMMIT_2004)).expect("valid");
        assert_eq!(v["cmi.location"], "p3");
        assert_eq!(v["cmi.interactions.0.correct_responses.0.pattern"], "a[,]b");
        assert_eq!(v["cmi.comments_from_learner.0.comment"], "{lang=fr}Bien");
        assert!(!v.contains_key("cmi.learner_name") && !v.contains_key("cmi.total_time"));
        let o = outcome(V2004, &v, Rules::default());
        assert_eq!(
            (
                o.completion,
                o.success,
                o.scaled,
                o.raw,
                o.session_seconds,
                o.suspended
            ),
            (
                Completion::Incomplete,
                Success::Passed,
                Some(0.85),
                Some(85.0),
                90.0,
                true
            )
        );
        let strict = Rules {
            completion_threshold: Some(0.5),
            passing_score: Some(0.9),
            ..Rules::default()
        };
        let o = outcome(V2004, &v, strict);
        assert_eq!(
            (o.completion, o.success),
            (Completion::Completed, Success::Failed)
        );
    }

    #[test]
    fn wrong_types_unknown_elements_and_oversized_values_are_refused() {
        let mut c = cmi(COMMIT_12);
        c["core"]["score"]["raw"] = json!("abc");
        c["core"]["lesson_status"] = json!("done");
        c["core"]["session_time"] = json!("1:30");
        c["suspend_data"] = json!("x".repeat(4097));
        c["core"]["favourite"] = json!("blue");
        let mut got = refused(V12, c);
        got.sort();
        assert_eq!(
            got,
            [
                ("cmi.core.favourite".to_owned(), "runtime_element_unknown"),
                ("cmi.core.lesson_status".to_owned(), "runtime_value_invalid"),
                ("cmi.core.score.raw".to_owned(), "runtime_value_invalid"),
                ("cmi.core.session_time".to_owned(), "runtime_value_invalid"),
                ("cmi.suspend_data".to_owned(), "runtime_value_too_long"),
            ]
        );
        // 2004: 64,000 characters of suspend data in the 4th edition, 4,000
        // in the 3rd; a scaled score within -1 and 1; numbers as text.
        let mut c = cmi(COMMIT_2004);
        c["suspend_data"] = json!("é".repeat(64_000));
        assert!(read_commit(V2004, &c).is_ok());
        assert_eq!(
            refused(Standard::Scorm2004 { edition: 3 }, c.clone()),
            [("cmi.suspend_data".to_owned(), "runtime_value_too_long")]
        );
        c["score"]["scaled"] = json!("1.5");
        c["progress_measure"] = json!(0.5);
        c["interactions"]["0"]["id"] = json!("q".repeat(4001));
        let mut got = refused(V2004, c);
        got.sort();
        assert_eq!(
            got,
            [
                ("cmi.interactions.0.id".to_owned(), "runtime_value_too_long"),
                ("cmi.progress_measure".to_owned(), "runtime_value_invalid"),
                ("cmi.score.scaled".to_owned(), "runtime_value_invalid"),
            ]
        );
    }

    #[test]
    fn collections_are_numbered_without_gaps_and_bounded() {
        let mut c = cmi(COMMIT_12);
        c["interactions"] = json!({"0": {"id": "a"}, "2": {"id": "b"}});
        assert_eq!(
            refused(V12, c.clone()),
            [("cmi.interactions.2".to_owned(), "runtime_element_unknown")]
        );
        let many: Map<String, Value> = (0..101)
            .map(|i| (i.to_string(), json!({"id": format!("o{i}")})))
            .collect();
        let mut c = cmi(COMMIT_2004);
        c["objectives"] = Value::Object(many);
        assert_eq!(
            refused(V2004, c),
            [("cmi.objectives".to_owned(), "runtime_too_many")]
        );
    }

    #[test]
    fn responses_follow_their_interaction_type() {
        let mut c = cmi(COMMIT_2004);
        c["interactions"]["0"]["type"] = json!("true-false");
        c["interactions"]["0"]["learner_response"] = json!("yes");
        c["interactions"]["0"]["correct_responses"]["0"]["pattern"] = json!("true");
        assert_eq!(
            refused(V2004, c.clone()),
            [(
                "cmi.interactions.0.learner_response".to_owned(),
                "runtime_value_invalid"
            )]
        );
        c["interactions"]["0"]["type"] = json!("numeric");
        c["interactions"]["0"]["learner_response"] = json!("3.5");
        c["interactions"]["0"]["correct_responses"]["0"]["pattern"] = json!("3[:]4");
        assert!(read_commit(V2004, &c).is_ok());
    }

    #[test]
    fn the_model_types_read_as_the_specifications_write_them() {
        assert_eq!(interval("PT1H2M3.5S"), Some(3723.5));
        assert_eq!(interval("P1DT1S"), Some(86401.0));
        assert_eq!(interval("P1W"), Some(604800.0));
        // As the library takes them: no `T` before hours, a comma, `P`.
        assert_eq!(interval("P1H30M"), Some(5400.0));
        assert_eq!(interval("PT0,5S"), Some(0.5));
        assert_eq!(interval("P"), Some(0.0));
        for bad in ["1H", "PT1S2M", "P1X", "PTS", "PT1.234S", "P1D1Y"] {
            assert_eq!(interval(bad), None, "{bad}");
        }
        assert_eq!(timespan_12("0001:30:00.5"), Some(5400.5));
        assert_eq!(timespan_12("00:61:00"), None);
        assert!(time_12("23:59:59.99") && !time_12("24:00:00"));
        for good in [
            "2026",
            "2026-12-07",
            "2026-12-07T10:30:00.5Z",
            "2026-12-07T10:30+03:00",
        ] {
            assert!(timestamp(good), "{good}");
        }
        for bad in ["26-12-07", "2026-13-01", "2026-12-07T", "2026-12-07T25:00"] {
            assert!(!timestamp(bad), "{bad}");
        }
        assert!(language("en-US") && language("zh-Hans-CN") && !language("english!"));
        assert!(localized("{lang=ar}مرحبا").is_some() && localized("{lang=}x").is_none());
        assert_eq!(decimal("-1.5"), Some(-1.5));
        assert_eq!(decimal("."), None);
        assert_eq!(decimal("1e5"), None);
        assert_eq!(total_time(V12, 5400.5), "01:30:00.50");
        assert_eq!(total_time(V2004, 3723.5), "PT1H2M3.50S");
    }

    #[test]
    fn the_tree_nests_the_values_back_with_the_lms_elements() {
        let v = read_commit(V2004, &cmi(COMMIT_2004)).expect("valid");
        let t = tree(
            &v,
            &[
                ("cmi.learner_id", "7".into()),
                ("cmi.entry", "resume".into()),
            ],
        );
        assert_eq!(t["cmi"]["location"], "p3");
        assert_eq!(t["cmi"]["interactions"]["0"]["id"], "urn:q1");
        assert_eq!(t["cmi"]["learner_id"], "7");
        assert_eq!(read_commit(V2004, &t["cmi"]).expect("valid"), v);
    }
}
