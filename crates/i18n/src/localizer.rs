//! Fluent bundles for the six languages, loaded once from the embedded
//! `web/locales/<lang>/*.ftl` files.

use crate::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/locales/"]
#[include = "*.ftl"]
struct Locales;

/// A Fluent argument value.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}
impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

/// Translates message ids into each language. Cheap to share (`Arc`).
pub struct Localizer {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("languages", &self.bundles.len())
            .finish()
    }
}

impl Localizer {
    /// Loads every `.ftl` file; a syntax error or a message defined twice is
    /// an error naming the file, so a broken translation stops start-up and CI.
    pub fn load() -> Result<Localizer, String> {
        let mut bundles = HashMap::new();
        for lang in Language::ALL {
            let langid: unic_langid::LanguageIdentifier =
                lang.code().parse().map_err(|e| format!("{lang}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Placeables are plain text in HTML and email; bidi isolation
            // marks would leak into links and addresses.
            bundle.set_use_isolating(false);
            let prefix = format!("{}/", lang.code());
            let mut files: Vec<_> = Locales::iter().filter(|p| p.starts_with(&prefix)).collect();
            files.sort();
            if files.is_empty() {
                return Err(format!("no .ftl files for {lang}"));
            }
            for path in files {
                let file = Locales::get(&path).ok_or_else(|| format!("{path}: missing"))?;
                let text = String::from_utf8(file.data.into_owned())
                    .map_err(|e| format!("{path}: {e}"))?;
                let res = FluentResource::try_new(text)
                    .map_err(|(_, errs)| format!("{path}: {errs:?}"))?;
                bundle
                    .add_resource(res)
                    .map_err(|errs| format!("{path}: {errs:?}"))?;
            }
            bundles.insert(lang, bundle);
        }
        Ok(Localizer { bundles })
    }

    /// The message `id` in `lang`, falling back to English, then to the id
    /// itself (so a missing string shows, rather than breaking a page).
    pub fn t(&self, lang: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fargs = if args.is_empty() {
            None
        } else {
            let mut a = FluentArgs::new();
            for (k, v) in args {
                match v {
                    Arg::Str(s) => a.set(*k, FluentValue::from(s.to_string())),
                    Arg::Num(n) => a.set(*k, FluentValue::from(*n)),
                }
            }
            Some(a)
        };
        for l in [lang, Language::En] {
            let Some(bundle) = self.bundles.get(&l) else {
                continue;
            };
            let Some(msg) = bundle.get_message(id) else {
                continue;
            };
            let Some(pattern) = msg.value() else { continue };
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, fargs.as_ref(), &mut errors)
                .into_owned();
        }
        id.to_owned()
    }

    /// Whether `lang` defines `id` itself (no fallback).
    pub fn has(&self, lang: Language, id: &str) -> bool {
        self.bundles.get(&lang).is_some_and(|b| b.has_message(id))
    }

    /// Every message id defined in `lang`.
    pub fn ids(&self, lang: Language) -> Vec<String> {
        let prefix = format!("{}/", lang.code());
        let mut ids = vec![];
        for path in Locales::iter().filter(|p| p.starts_with(&prefix)) {
            if let Some(file) = Locales::get(&path) {
                for line in String::from_utf8_lossy(&file.data).lines() {
                    if let Some((id, _)) = line.split_once('=') {
                        let id = id.trim();
                        if !line.starts_with([' ', '#', '-', '.', '*', '[']) && !id.is_empty() {
                            ids.push(id.to_owned());
                        }
                    }
                }
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_defines_every_english_message() {
        let l = Localizer::load().expect("locales load");
        let english = l.ids(Language::En);
        assert!(
            english.len() > 50,
            "English has only {} messages",
            english.len()
        );
        for lang in Language::ALL {
            let missing: Vec<_> = english.iter().filter(|id| !l.has(lang, id)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        let l = Localizer::load().expect("locales load");
        for lang in Language::ALL.into_iter().filter(|l| *l != Language::En) {
            assert_ne!(
                l.t(lang, "nav-sign-in", &[]),
                l.t(Language::En, "nav-sign-in", &[]),
                "{lang}"
            );
            assert_ne!(
                l.t(lang, "sign-up-title", &[]),
                l.t(Language::En, "sign-up-title", &[]),
                "{lang}"
            );
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        let l = Localizer::load().expect("locales load");
        assert_eq!(l.t(Language::Fr, "no-such-message", &[]), "no-such-message");
    }
}
