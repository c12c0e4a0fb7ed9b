//! ISO 3166-1 alpha-2 countries with their names in the six languages
//! (`web/locales/countries.json`, generated from the i18n-iso-countries data).

use crate::Language;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/locales/"]
#[include = "countries.json"]
struct Data;

type Names = BTreeMap<String, BTreeMap<String, String>>;

fn table() -> &'static Names {
    static TABLE: OnceLock<Names> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file = Data::get("countries.json").expect("countries.json is embedded");
        serde_json::from_slice(&file.data).expect("countries.json is valid")
    })
}

/// Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code.
pub fn is_country(code: &str) -> bool {
    table().contains_key(code)
}

/// The country's name in `lang`, or the code itself when unknown.
pub fn name(code: &str, lang: Language) -> String {
    table()
        .get(code)
        .and_then(|n| n.get(lang.code()).or_else(|| n.get("en")))
        .cloned()
        .unwrap_or_else(|| code.to_owned())
}

/// All countries as `(code, name)`, sorted by name in `lang` (sorted once
/// per language, then shared).
pub fn all(lang: Language) -> &'static [(&'static str, &'static str)] {
    static SORTED: OnceLock<Vec<Vec<(&'static str, &'static str)>>> = OnceLock::new();
    let lists = SORTED.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|l| {
                let mut v: Vec<(&str, &str)> = table()
                    .iter()
                    .filter_map(|(code, names)| {
                        names.get(l.code()).map(|n| (code.as_str(), n.as_str()))
                    })
                    .collect();
                v.sort_by(|a, b| a.1.cmp(b.1));
                v
            })
            .collect()
    });
    let i = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &lists[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_a_name_in_every_language() {
        assert!(table().len() >= 249);
        for lang in Language::ALL {
            assert_eq!(all(lang).len(), table().len(), "{lang}");
        }
        assert_eq!(name("KE", Language::Fr), "Kenya");
        assert!(is_country("BR") && !is_country("XX") && !is_country("br"));
    }
}
