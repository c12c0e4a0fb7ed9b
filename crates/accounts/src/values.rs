//! Validated values. Once one exists it is valid; request types convert into
//! these with `parse`, which reports what is wrong in domain words.

use kuza_i18n::Language;
use serde::Serialize;

/// One invalid field: `field` names the input, `code` says what is wrong
/// (stable: the API returns it, the portal turns it into a localized message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Invalid {
    pub field: &'static str,
    pub code: &'static str,
}

pub(crate) const fn invalid(field: &'static str, code: &'static str) -> Invalid {
    Invalid { field, code }
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;
pub const EMAIL_MAX: usize = 254;
pub const DISPLAY_NAME_MAX: usize = 100;
pub const ORGANISATION_NAME_MAX: usize = 200;
/// The earliest year of birth; the latest is ten years ago.
pub const BIRTH_YEAR_MIN: i32 = 1900;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Trimmed, lower-cased, syntactically valid, at most 254 characters.
    pub fn parse(s: &str) -> Result<Email, Invalid> {
        let s = s.trim().to_lowercase();
        let ok = s.len() <= EMAIL_MAX
            && email_address::EmailAddress::parse_with_options(
                &s,
                email_address::Options::default().with_required_tld(),
            )
            .is_ok();
        if ok {
            Ok(Email(s))
        } else {
            Err(invalid("email", "email_invalid"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy: 10 to 128 characters and not a
/// common or easily guessed password (zxcvbn score of at least 2, with the
/// person's own email and name counted as guessable).
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

impl NewPassword {
    pub fn parse(s: &str, user_inputs: &[&str]) -> Result<NewPassword, Invalid> {
        let n = s.chars().count();
        if n < PASSWORD_MIN {
            return Err(invalid("password", "password_too_short"));
        }
        if n > PASSWORD_MAX {
            return Err(invalid("password", "password_too_long"));
        }
        // The person's own details, whole and in parts ("amina.wanjiku@…"
        // gives "amina" and "wanjiku"), count as easy to guess.
        let mut inputs: Vec<&str> = user_inputs.to_vec();
        for i in user_inputs {
            inputs.extend(
                i.split(|c: char| !c.is_alphanumeric())
                    .filter(|p| p.len() >= 3),
            );
        }
        let score = zxcvbn::zxcvbn(s, &inputs).score();
        if (score as u8) < 3 {
            return Err(invalid("password", "password_too_common"));
        }
        Ok(NewPassword(s.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// 1 to 100 characters after trimming, no control characters.
    pub fn parse(s: &str) -> Result<DisplayName, Invalid> {
        let s = s.trim();
        let n = s.chars().count();
        if n == 0 || n > DISPLAY_NAME_MAX || s.chars().any(char::is_control) {
            return Err(invalid("display_name", "display_name_invalid"));
        }
        Ok(DisplayName(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn parse_language(s: &str) -> Result<Language, Invalid> {
    match Language::parse(s) {
        Some(l) if l.code() == s.trim().to_ascii_lowercase() => Ok(l),
        _ => Err(invalid("language", "language_invalid")),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country(String);

impl Country {
    /// An assigned ISO 3166-1 alpha-2 code (any case in, upper case kept).
    pub fn parse(s: &str) -> Result<Country, Invalid> {
        let s = s.trim().to_ascii_uppercase();
        if kuza_i18n::countries::is_country(&s) {
            Ok(Country(s))
        } else {
            Err(invalid("country", "country_invalid"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Self-described gender, asked only for disaggregated reporting.
pub const GENDERS: [&str; 4] = ["female", "male", "other", "prefer_not_to_say"];

pub fn parse_gender(s: Option<&str>) -> Result<Option<String>, Invalid> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(g) if GENDERS.contains(&g) => Ok(Some(g.to_owned())),
        Some(_) => Err(invalid("gender", "gender_invalid")),
    }
}

/// A year of birth between 1900 and ten years ago; empty means not given.
pub fn parse_birth_year(s: Option<&str>) -> Result<Option<i32>, Invalid> {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let this_year: i32 = chrono::Datelike::year(&chrono::Utc::now());
    match s.parse::<i32>() {
        Ok(y) if (BIRTH_YEAR_MIN..=this_year - 10).contains(&y) => Ok(Some(y)),
        _ => Err(invalid("birth_year", "birth_year_invalid")),
    }
}

/// The kinds of organisation agencies report on.
pub const ORGANISATION_KINDS: [&str; 7] = [
    "national_government",
    "local_government",
    "academia",
    "civil_society",
    "private_sector",
    "un_system",
    "other",
];

pub fn parse_organisation_kind(s: &str) -> Result<String, Invalid> {
    let s = s.trim();
    if ORGANISATION_KINDS.contains(&s) {
        Ok(s.to_owned())
    } else {
        Err(invalid("kind", "organisation_kind_invalid"))
    }
}

/// The most email domains one organisation declares.
pub const EMAIL_DOMAINS_MAX: usize = 20;

/// Domains of public mail services: anyone can have an address there, so
/// none makes its holders members of an organisation.
const PUBLIC_MAIL_DOMAINS: [&str; 24] = [
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.fr",
    "yahoo.es",
    "ymail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.fr",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mail.com",
    "gmx.com",
    "gmx.net",
    "proton.me",
    "protonmail.com",
    "yandex.ru",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
];

/// Email domains, separated by commas, spaces or lines: each a host name
/// with at least two labels (lower-cased, no `@`), not a public mail
/// service's, at most [`EMAIL_DOMAINS_MAX`], repeats dropped.
pub fn parse_email_domains(s: &str) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = vec![];
    for d in s.split(|c: char| c == ',' || c.is_whitespace()) {
        let d = d
            .trim()
            .trim_start_matches('@')
            .trim_end_matches('.')
            .to_lowercase();
        if d.is_empty() {
            continue;
        }
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        };
        let labels: Vec<&str> = d.split('.').collect();
        if d.len() > 253 || labels.len() < 2 || !labels.iter().all(|l| label_ok(l)) {
            return Err(invalid("email_domains", "email_domain_invalid"));
        }
        if PUBLIC_MAIL_DOMAINS.contains(&d.as_str()) {
            return Err(invalid("email_domains", "email_domain_public"));
        }
        if !out.contains(&d) {
            out.push(d);
        }
    }
    if out.len() > EMAIL_DOMAINS_MAX {
        return Err(invalid("email_domains", "email_domains_too_many"));
    }
    Ok(out)
}

/// An organisation's name in other languages: each given language's name
/// checked like the name itself; empty ones left out.
pub fn parse_organisation_names(
    names: &std::collections::BTreeMap<String, String>,
) -> Result<std::collections::BTreeMap<String, String>, Invalid> {
    let mut out = std::collections::BTreeMap::new();
    for (lang, name) in names {
        let Some(l) = Language::parse(lang).filter(|l| l.code() == lang.as_str()) else {
            return Err(invalid("names", "language_invalid"));
        };
        if name.trim().is_empty() {
            continue;
        }
        let name = parse_organisation_name(name)
            .map_err(|_| invalid("names", "organisation_name_invalid"))?;
        out.insert(l.code().to_owned(), name);
    }
    Ok(out)
}

pub fn parse_organisation_name(s: &str) -> Result<String, Invalid> {
    let s = s.trim();
    let n = s.chars().count();
    if n == 0 || n > ORGANISATION_NAME_MAX || s.chars().any(char::is_control) {
        return Err(invalid("name", "organisation_name_invalid"));
    }
    Ok(s.to_owned())
}

/// Collects the errors of several parses, so a form shows every problem at once.
#[derive(Default)]
pub struct Checker(Vec<Invalid>);

impl Checker {
    pub fn check<T>(&mut self, r: Result<T, Invalid>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }
    pub fn finish(self) -> Result<(), crate::AccountError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(crate::AccountError::Invalid(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_domains_are_host_names_and_never_a_public_mail_service() {
        assert_eq!(
            parse_email_domains(" Nairobi.go.KE, @unhabitat.org\nnairobi.go.ke "),
            Ok(vec!["nairobi.go.ke".to_owned(), "unhabitat.org".to_owned()])
        );
        assert_eq!(parse_email_domains(""), Ok(vec![]));
        for bad in ["localhost", "a..b", "-a.org", "a b@c", "x_y.org"] {
            assert_eq!(
                parse_email_domains(bad).unwrap_err().code,
                "email_domain_invalid",
                "{bad}"
            );
        }
        assert_eq!(
            parse_email_domains("city.gov, Gmail.com").unwrap_err().code,
            "email_domain_public"
        );
        let many: Vec<String> = (0..21).map(|i| format!("d{i}.org")).collect();
        assert_eq!(
            parse_email_domains(&many.join(",")).unwrap_err().code,
            "email_domains_too_many"
        );
    }

    #[test]
    fn emails_are_trimmed_lowercased_and_need_a_domain() {
        assert_eq!(
            Email::parse("  Ana@Example.ORG ").map(|e| e.0),
            Ok("ana@example.org".into())
        );
        assert!(Email::parse("ana@localhost").is_err());
        assert!(Email::parse("not an email").is_err());
    }

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert_eq!(
            NewPassword::parse("short", &[]).unwrap_err().code,
            "password_too_short"
        );
        assert_eq!(
            NewPassword::parse("password123", &[]).unwrap_err().code,
            "password_too_common"
        );
        assert_eq!(
            NewPassword::parse("qwertyuiop", &[]).unwrap_err().code,
            "password_too_common"
        );
        assert!(NewPassword::parse("aminawanjiku", &["amina.wanjiku@example.org"]).is_err());
        assert!(
            NewPassword::parse("aminawanjiku", &[]).is_ok(),
            "only guessable because it is her name"
        );
        assert!(NewPassword::parse("correct horse battery staple", &[]).is_ok());
    }

    #[test]
    fn countries_languages_and_years_are_checked() {
        assert_eq!(Country::parse("ke").map(|c| c.0), Ok("KE".into()));
        assert!(Country::parse("XX").is_err());
        assert!(parse_language("ar").is_ok());
        assert!(parse_language("de").is_err());
        assert_eq!(parse_birth_year(Some("")), Ok(None));
        assert!(parse_birth_year(Some("1850")).is_err());
        assert_eq!(
            parse_gender(Some("prefer_not_to_say")),
            Ok(Some("prefer_not_to_say".into()))
        );
    }
}

#[cfg(test)]
mod passwords_used_elsewhere {
    /// The passwords the demo and the tests rely on meet the policy.
    #[test]
    fn the_demo_and_test_passwords_meet_the_policy() {
        for p in [
            "learn-with-kuza",
            "plain-river-lantern-42",
            "a-brand-new-passphrase",
            "another-long-passphrase",
            "quiet-harbour-morning",
            "some-new-passphrase",
        ] {
            assert!(super::NewPassword::parse(p, &[]).is_ok(), "{p}");
        }
    }
}
