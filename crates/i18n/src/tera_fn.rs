//! `{{ t(key="sign-in-title", lang=lang, count=3) }}` in tera templates:
//! `key` and `lang` choose the message; every other argument is a Fluent
//! variable (numbers select plurals).

use crate::{Arg, Language, Localizer};
use std::collections::HashMap;
use std::sync::Arc;

pub struct TeraTranslate(pub Arc<Localizer>);

impl tera::Function for TeraTranslate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message-id\""))?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Language::parse)
            .unwrap_or(Language::En);
        let mut fargs: Vec<(&str, Arg<'_>)> = vec![];
        for (k, v) in args {
            if k == "key" || k == "lang" {
                continue;
            }
            let arg = match v {
                tera::Value::Number(n) => Arg::Num(n.as_i64().unwrap_or_default()),
                tera::Value::String(s) => Arg::from(s.as_str()),
                other => Arg::from(other.to_string()),
            };
            fargs.push((k.as_str(), arg));
        }
        Ok(tera::Value::String(self.0.t(lang, key, &fargs)))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// HTML escaping for tera: `& < > " '` (tera's default also escapes `/`,
/// which is safe but bloats every path and URL in a page).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped_and_paths_are_not() {
        assert_eq!(
            super::escape_html("<a href=\"/x?a=1&b='2'\">"),
            "&lt;a href=&quot;/x?a=1&amp;b=&#39;2&#39;&quot;&gt;"
        );
    }
}
