//! The six UN languages, first-class.
//!
//! - [`Language`]: Arabic, Chinese, English, French, Russian, Spanish; the
//!   text direction of each; parsing and `Accept-Language` negotiation.
//! - [`Localizer`]: the Fluent bundles under `web/locales/<lang>/`, embedded
//!   in the binary, with English as the fallback for a missing message.
//! - [`countries`]: ISO 3166-1 alpha-2 codes and their names in each language.
//!
//! Pure data and formatting: no HTTP, no templates, no database.

pub mod countries;
mod localizer;
#[cfg(feature = "tera")]
mod tera_fn;
#[cfg(feature = "tera")]
pub use tera_fn::{TeraTranslate, escape_html};

pub use localizer::{Arg, Localizer};

use serde::Serialize;

/// One of the six interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ar,
    Zh,
    En,
    Fr,
    Ru,
    Es,
}

impl Language {
    /// In the order the UN lists them (alphabetical by English name).
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Es => "es",
        }
    }

    /// The language's own name, as shown in a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Ar => "العربية",
            Language::Zh => "中文",
            Language::En => "English",
            Language::Fr => "Français",
            Language::Ru => "Русский",
            Language::Es => "Español",
        }
    }

    /// `rtl` for Arabic, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        if self == Language::Ar { "rtl" } else { "ltr" }
    }

    /// Parses a code such as `fr`, `FR`, `zh-Hans` or `es-419` (the primary
    /// subtag decides).
    pub fn parse(s: &str) -> Option<Language> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best of the six for an `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str) -> Option<Language> {
        let mut best: Option<(f32, usize, Language)> = None;
        for (i, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(lang) = Language::parse(tag) {
                // Higher q wins; at equal q, the earlier entry wins.
                if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                    best = Some((q, i, lang));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_language() {
        assert_eq!(
            Language::negotiate("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"),
            Some(Language::Fr)
        );
        assert_eq!(Language::negotiate("en;q=0.5, ar-EG"), Some(Language::Ar));
        assert_eq!(Language::negotiate("zh-Hant-TW"), Some(Language::Zh));
        assert_eq!(Language::negotiate("de, it;q=0.5"), None);
        assert_eq!(Language::negotiate("fr;q=0, es"), Some(Language::Es));
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for l in Language::ALL {
            assert_eq!(l.dir() == "rtl", l == Language::Ar);
        }
    }
}
