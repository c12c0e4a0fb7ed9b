//! Validated course values, parsed at the edge.

use crate::{Problem, problem};
use kuza_db::values::Code;
use kuza_i18n::Language;
use std::collections::BTreeMap;

/// The limits the course rules enforce, in one place for the rules and for
/// the API's document (`kuza_courses::schema`).
pub mod limits {
    use std::ops::RangeInclusive;

    /// A slug's length; it matches [`SLUG_PATTERN`].
    pub const SLUG: RangeInclusive<usize> = 3..=80;
    /// Lower-case letters and digits in words joined by single hyphens.
    pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
    pub const HOURS: RangeInclusive<f64> = 0.0..=1000.0;
    /// A free theme's length (an SDG is `sdg:11` or `sdg:11.3`).
    pub const THEME: RangeInclusive<usize> = 2..=40;
    /// Characters per language of a course's, module's or lesson's title.
    pub const TITLE_MAX: usize = 200;
    pub const SUMMARY_MAX: usize = 2000;
    /// A lesson's Markdown body or a video's transcript.
    pub const BODY_MAX: usize = 200_000;
    pub const PASS_MARK: RangeInclusive<u8> = 1..=100;
    pub const ATTEMPTS: RangeInclusive<u32> = 1..=100;
    pub const TIME_LIMIT_MINUTES: RangeInclusive<u32> = 1..=24 * 60;
    pub const QUESTIONS_MAX: usize = 200;
    pub const POINTS_MAX: u32 = 1000;
    pub const OPTIONS_MAX: usize = 10;
    /// A question's prompt and its feedback.
    pub const PROMPT_MAX: usize = 2000;
    pub const OPTION_TEXT_MAX: usize = 500;
    pub const OPTION_FEEDBACK_MAX: usize = 1000;
    /// One accepted short-text answer, and how many there may be.
    pub const ACCEPTED_MAX: usize = 200;
    pub const ACCEPTED_ANSWERS_MAX: usize = 50;
    /// An external link (a video's https address).
    pub const URL_MAX: usize = 2000;
}

/// Text per language code (`{"en": "…", "ar": "…"}`).
pub type Translated = BTreeMap<String, String>;

/// The text for `lang`, else for `default`, else any; with the language it
/// is in (so a page can mark fallback text with its own `lang`/`dir`).
pub fn pick<'a>(t: &'a Translated, lang: &str, default: &'a str) -> (&'a str, &'a str) {
    t.get_key_value(lang)
        .or_else(|| t.get_key_value(default))
        .or_else(|| t.iter().next())
        .map_or(("", default), |(l, v)| (v.as_str(), l.as_str()))
}

pub fn parse_slug(s: &str) -> Result<String, Problem> {
    let s = s.trim();
    let ok = limits::SLUG.contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(s.to_owned())
    } else {
        Err(problem("slug", "slug_invalid"))
    }
}

/// One of an enum's stored names (`self_paced`, `quiz`…), or `code` for `field`.
pub fn parse_named<T: Code>(field: &str, s: &str, code: &'static str) -> Result<T, Problem> {
    T::parse(s).ok_or_else(|| problem(field, code))
}

/// The course's languages: known codes, no repeats, including the default.
pub fn parse_languages(
    default: &str,
    languages: &[String],
) -> Result<(Language, Vec<Language>), Problem> {
    let default = Language::parse(default)
        .filter(|l| l.code() == default)
        .ok_or_else(|| problem("default_language", "language_invalid"))?;
    let mut out = vec![];
    for l in languages {
        let lang = Language::parse(l)
            .filter(|x| x.code() == l)
            .ok_or_else(|| problem("languages", "language_invalid"))?;
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    if !out.contains(&default) {
        out.insert(0, default);
    }
    Ok((default, out))
}

/// Free tags (2–40 characters) and Sustainable Development Goals as
/// `sdg:11` or targets as `sdg:11.3` / `sdg:11.a`.
pub fn parse_themes(themes: &[String]) -> Result<Vec<String>, Problem> {
    let mut out: Vec<String> = vec![];
    for t in themes {
        let t = t.trim().to_lowercase();
        let ok = match t.strip_prefix("sdg:") {
            Some(rest) => {
                let (goal, target) = rest
                    .split_once('.')
                    .map_or((rest, None), |(g, t)| (g, Some(t)));
                let goal_ok = goal.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g))
                    && !goal.starts_with('0');
                let target_ok = target.is_none_or(|t| {
                    (t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()))
                        || t.parse::<u8>().is_ok_and(|n| (1..=20).contains(&n))
                });
                goal_ok && target_ok
            }
            None => {
                let n = t.chars().count();
                limits::THEME.contains(&n) && !t.contains(',') && !t.chars().any(char::is_control)
            }
        };
        if !ok {
            return Err(problem("themes", "theme_invalid"));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// How long a text may be, and whether it may break lines.
#[derive(Debug, Clone, Copy)]
pub enum Length {
    /// One line (a title): no control character at all.
    Line(usize),
    /// Paragraphs: line breaks and tabs, no other control character.
    Lines(usize),
}

/// Trims every text, drops empty ones, and refuses languages the course is
/// not offered in, texts over their length, and control characters (a NUL,
/// an escape; a line break in a one-line text). `required` demands the
/// default language.
pub fn parse_translated(
    field: &str,
    t: &Translated,
    languages: &[Language],
    default: Language,
    length: Length,
    required: bool,
) -> Result<Translated, Problem> {
    let (max_chars, breaks) = match length {
        Length::Line(max) => (max, false),
        Length::Lines(max) => (max, true),
    };
    let mut out = Translated::new();
    for (lang, text) in t {
        if !languages.iter().any(|l| l.code() == lang) {
            return Err(problem(format!("{field}.{lang}"), "language_not_offered"));
        }
        let text = text.trim();
        if text.chars().count() > max_chars {
            return Err(problem(format!("{field}.{lang}"), "text_too_long"));
        }
        if text
            .chars()
            .any(|c| c.is_control() && !(breaks && matches!(c, '\n' | '\r' | '\t')))
        {
            return Err(problem(format!("{field}.{lang}"), "control_character"));
        }
        if !text.is_empty() {
            out.insert(lang.clone(), text.to_owned());
        }
    }
    if required && !out.contains_key(default.code()) {
        return Err(problem(
            format!("{field}.{}", default.code()),
            "default_language_missing",
        ));
    }
    Ok(out)
}

pub fn parse_minutes(hours: f64) -> Result<i32, Problem> {
    if hours.is_finite() && limits::HOURS.contains(&hours) {
        Ok((hours * 60.0).round() as i32)
    } else {
        Err(problem("estimated_hours", "hours_invalid"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert!(parse_slug("urban-planning-101").is_ok());
        for bad in ["Urban", "ab", "-x-y", "a--b", "a b c", "ñandú"] {
            assert!(parse_slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn themes_take_free_tags_and_sdg_goals_and_targets() {
        let ok = parse_themes(&[
            "Housing".into(),
            "sdg:11".into(),
            "SDG:11.3".into(),
            "sdg:6.a".into(),
            "sdg:11".into(),
        ])
        .unwrap();
        assert_eq!(ok, ["housing", "sdg:11", "sdg:11.3", "sdg:6.a"]);
        for bad in ["sdg:18", "sdg:0", "sdg:11.ab", "x", "a,b"] {
            assert!(parse_themes(&[bad.into()]).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_translation_falls_back_to_the_default_language() {
        let t: Translated = [
            ("en".to_owned(), "Housing".to_owned()),
            ("fr".to_owned(), "Logement".to_owned()),
        ]
        .into();
        assert_eq!(pick(&t, "fr", "en"), ("Logement", "fr"));
        assert_eq!(pick(&t, "ar", "en"), ("Housing", "en"));
    }

    #[test]
    fn a_text_refuses_control_characters_and_a_title_line_breaks() {
        let langs = [Language::En];
        let code = |text: &str, length| {
            let t: Translated = [("en".to_owned(), text.to_owned())].into();
            parse_translated("x", &t, &langs, Language::En, length, true)
                .err()
                .map(|p| p.code)
        };
        assert_eq!(
            code("a\u{0}b", Length::Lines(50)),
            Some("control_character")
        );
        assert_eq!(
            code("a\u{1b}[2J", Length::Lines(50)),
            Some("control_character")
        );
        assert_eq!(code("a\r\nb\tc", Length::Lines(50)), None);
        assert_eq!(code("a\rb", Length::Line(50)), Some("control_character"));
        assert_eq!(code("a b", Length::Line(50)), None);
    }

    #[test]
    fn translations_must_be_in_offered_languages_and_include_the_default() {
        let langs = [Language::En, Language::Ar];
        let t: Translated = [("ru".to_owned(), "Жильё".to_owned())].into();
        assert_eq!(
            parse_translated("title", &t, &langs, Language::En, Length::Line(200), false)
                .unwrap_err()
                .code,
            "language_not_offered"
        );
        let t: Translated = [("ar".to_owned(), "الإسكان".to_owned())].into();
        assert_eq!(
            parse_translated("title", &t, &langs, Language::En, Length::Line(200), true)
                .unwrap_err()
                .code,
            "default_language_missing"
        );
    }
}
