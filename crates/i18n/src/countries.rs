//! Countries and areas the United Nations way: the UN Statistics Division's
//! M49 standard (`web/locales/m49/`, its downloads in the six languages,
//! vendored as published; see the README there for the source and date).
//! Each country keeps its ISO 3166-1 alpha-2 code as its key (what accounts
//! and organisations store), its official short name in the six languages,
//! its M49 region, sub-region and intermediate region, and whether it is
//! among the least developed countries (LDC), the landlocked developing
//! countries (LLDC) or the small island developing States (SIDS).

use crate::Language;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/locales/m49/"]
#[include = "*.csv"]
struct Data;

/// The date of the vendored M49 data with the corrections below applied.
pub const DATA_AS_OF: &str = "2024-12-13";

/// Least developed countries that graduated after the vendored download was
/// published (ISO code, date of graduation). The General Assembly's
/// resolutions set the dates; the M49 page follows them.
const LDC_GRADUATED: [(&str, &str); 1] = [("ST", "2024-12-13")];

/// One country or area of M49 that has an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    /// The M49 numeric code, three digits.
    pub m49: String,
    /// M49 region, sub-region and intermediate region codes (Antarctica has none).
    pub region: Option<String>,
    pub sub_region: Option<String>,
    pub intermediate_region: Option<String>,
    pub ldc: bool,
    pub lldc: bool,
    pub sids: bool,
}

/// The groupings of countries reports read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    Ldc,
    Lldc,
    Sids,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Ldc, Grouping::Lldc, Grouping::Sids];

    pub fn code(self) -> &'static str {
        match self {
            Grouping::Ldc => "ldc",
            Grouping::Lldc => "lldc",
            Grouping::Sids => "sids",
        }
    }

    pub fn contains(self, c: &Country) -> bool {
        match self {
            Grouping::Ldc => c.ldc,
            Grouping::Lldc => c.lldc,
            Grouping::Sids => c.sids,
        }
    }
}

struct Table {
    /// By ISO alpha-2 code, in M49 order.
    countries: Vec<Country>,
    index: HashMap<String, usize>,
    /// Country names per language (same order as `countries`).
    names: Vec<Vec<String>>,
    /// Region, sub-region and intermediate region names by M49 code, per language.
    areas: Vec<HashMap<String, String>>,
    /// Each language's countries (indexes), sorted by name.
    sorted: Vec<Vec<usize>>,
}

/// The columns of UNSD's download, in every language.
mod col {
    pub const REGION: usize = 2;
    pub const REGION_NAME: usize = 3;
    pub const SUB_REGION: usize = 4;
    pub const SUB_REGION_NAME: usize = 5;
    pub const INTERMEDIATE: usize = 6;
    pub const INTERMEDIATE_NAME: usize = 7;
    pub const NAME: usize = 8;
    pub const M49: usize = 9;
    pub const ISO2: usize = 10;
    pub const LDC: usize = 12;
    pub const LLDC: usize = 13;
    pub const SIDS: usize = 14;
}

fn rows(lang: Language) -> Vec<Vec<String>> {
    let file = Data::get(&format!("{}.csv", lang.code()))
        .unwrap_or_else(|| panic!("m49/{}.csv is embedded", lang.code()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&file.data[..]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("m49/{}.csv: {e}", lang.code()));
            r.iter().map(|f| f.trim().to_owned()).collect()
        })
        .collect()
}

fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // English gives the structure and the groupings; every language
        // gives its names, matched by M49 code.
        let english = rows(Language::En);
        let mut countries = vec![];
        for r in &english {
            let Some(code) = some(&r[col::ISO2]) else {
                continue; // an area without an ISO code: no one can choose it
            };
            let graduated = LDC_GRADUATED.iter().any(|(c, _)| *c == code);
            countries.push(Country {
                code,
                m49: r[col::M49].clone(),
                region: some(&r[col::REGION]),
                sub_region: some(&r[col::SUB_REGION]),
                intermediate_region: some(&r[col::INTERMEDIATE]),
                ldc: r[col::LDC] == "x" && !graduated,
                lldc: r[col::LLDC] == "x",
                sids: r[col::SIDS] == "x",
            });
        }
        let index: HashMap<String, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        let by_m49: HashMap<&str, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.m49.as_str(), i))
            .collect();
        let mut names = vec![];
        let mut areas = vec![];
        for lang in Language::ALL {
            let mut these = vec![String::new(); countries.len()];
            let mut area_names = HashMap::new();
            for r in rows(lang) {
                if let Some(&i) = by_m49.get(r[col::M49].as_str()) {
                    these[i] = r[col::NAME].clone();
                }
                for (c, n) in [
                    (col::REGION, col::REGION_NAME),
                    (col::SUB_REGION, col::SUB_REGION_NAME),
                    (col::INTERMEDIATE, col::INTERMEDIATE_NAME),
                ] {
                    if !r[c].is_empty() {
                        area_names.insert(r[c].clone(), r[n].clone());
                    }
                }
            }
            for (i, n) in these.iter_mut().enumerate() {
                if n.is_empty() {
                    panic!("m49/{}.csv has no {}", lang.code(), countries[i].m49);
                }
            }
            names.push(these);
            areas.push(area_names);
        }
        let sorted = names
            .iter()
            .map(|these| {
                let mut v: Vec<(String, usize)> = these
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (sort_key(n), i))
                    .collect();
                v.sort();
                v.into_iter().map(|(_, i)| i).collect()
            })
            .collect();
        Table {
            countries,
            index,
            names,
            areas,
            sorted,
        }
    })
}

/// What names sort by: lower case without accents, so that "Égypte" sits
/// among the E's in French, not after "Zambie".
fn sort_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn lang_index(lang: Language) -> usize {
    Language::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The country with this ISO alpha-2 code (upper case), if M49 lists it.
pub fn get(code: &str) -> Option<&'static Country> {
    let t = table();
    t.index.get(code).map(|&i| &t.countries[i])
}

/// Whether `code` (upper case) is the ISO alpha-2 code of a country or area of M49.
pub fn is_country(code: &str) -> bool {
    table().index.contains_key(code)
}

/// The country's official short name in `lang`, or the code itself when unknown.
pub fn name(code: &str, lang: Language) -> String {
    let t = table();
    t.index
        .get(code)
        .map(|&i| t.names[lang_index(lang)][i].clone())
        .unwrap_or_else(|| code.to_owned())
}

/// The name of an M49 region, sub-region or intermediate region in `lang`
/// (the code itself when unknown).
pub fn area_name(m49: &str, lang: Language) -> String {
    table().areas[lang_index(lang)]
        .get(m49)
        .cloned()
        .unwrap_or_else(|| m49.to_owned())
}

/// Every country, in M49 order.
pub fn countries() -> &'static [Country] {
    &table().countries
}

/// All countries as `(code, name)`, sorted by name in `lang`.
pub fn all(lang: Language) -> Vec<(&'static str, &'static str)> {
    let t = table();
    let l = lang_index(lang);
    t.sorted[l]
        .iter()
        .map(|&i| (t.countries[i].code.as_str(), t.names[l][i].as_str()))
        .collect()
}

/// The M49 regions (one level) as codes, sorted.
pub fn regions() -> Vec<&'static str> {
    distinct(|c| c.region.as_deref())
}

/// The M49 sub-regions as codes, sorted.
pub fn sub_regions() -> Vec<&'static str> {
    distinct(|c| c.sub_region.as_deref())
}

fn distinct(f: impl Fn(&'static Country) -> Option<&'static str>) -> Vec<&'static str> {
    let mut v: Vec<&str> = countries().iter().filter_map(f).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_its_official_name_in_every_language() {
        assert!(countries().len() >= 240, "{}", countries().len());
        for lang in Language::ALL {
            assert_eq!(all(lang).len(), countries().len(), "{lang}");
        }
        assert_eq!(name("KE", Language::Fr), "Kenya");
        assert_eq!(name("TZ", Language::En), "United Republic of Tanzania");
        assert_eq!(
            name("KP", Language::En),
            "Democratic People's Republic of Korea"
        );
        assert_eq!(
            name("BO", Language::Es),
            "Bolivia (Estado Plurinacional de)"
        );
        assert!(is_country("BR") && !is_country("XX") && !is_country("br"));
        assert!(!is_country("XK"), "M49 does not list Kosovo");
    }

    #[test]
    fn regions_and_groupings_follow_m49() {
        let ke = get("KE").unwrap();
        assert_eq!(ke.m49, "404");
        assert_eq!(ke.region.as_deref(), Some("002"));
        assert_eq!(ke.sub_region.as_deref(), Some("202"));
        assert_eq!(ke.intermediate_region.as_deref(), Some("014"));
        assert_eq!(area_name("002", Language::En), "Africa");
        assert_eq!(area_name("002", Language::Fr), "Afrique");
        assert_eq!(
            area_name("419", Language::Fr),
            "Amérique latine et Caraïbes"
        );
        assert_eq!(regions(), ["002", "009", "019", "142", "150"]);
        assert_eq!(sub_regions().len(), 17);
        for lang in Language::ALL {
            for r in regions().into_iter().chain(sub_regions()) {
                assert_ne!(area_name(r, lang), r, "{lang} {r}");
            }
        }
        let ldc = |c| get(c).unwrap().ldc;
        assert!(ldc("ET") && ldc("HT") && ldc("YE") && ldc("TV"));
        assert!(!ldc("VU") && !ldc("BT") && !ldc("ST"), "graduated");
        assert!(!ldc("KE") && !ldc("FR"));
        assert!(get("BO").unwrap().lldc && get("ET").unwrap().lldc);
        assert!(get("FJ").unwrap().sids && !get("FR").unwrap().sids);
        let count = |g: Grouping| countries().iter().filter(|c| g.contains(c)).count();
        assert_eq!(count(Grouping::Ldc), 44);
        assert_eq!(count(Grouping::Lldc), 32);
        assert!(count(Grouping::Sids) >= 50);
        assert!(get("AQ").unwrap().region.is_none());
    }
}
