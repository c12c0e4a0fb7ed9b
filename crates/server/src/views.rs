//! Portal templates and static assets, embedded in the binary.
//!
//! Static files are served under content-hashed names
//! (`/static/app.3fa2c1d9.css`) with a year-long immutable cache lifetime;
//! templates find the current name with `{{ asset(name="app.css") }}`.

use kuza_i18n::{Language, Localizer, TeraTranslate, countries, escape_html};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/templates/"]
#[exclude = "email/*"]
struct Templates;

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/static/"]
struct Static;

pub struct Asset {
    pub bytes: Vec<u8>,
    pub mime: String,
    pub etag: String,
}

pub struct Views {
    pub tera: tera::Tera,
    /// Hashed file name → asset.
    pub assets: HashMap<String, Asset>,
    /// The country `<option>`s of each language, rendered once: ~250
    /// options through the template engine on every form would cost more
    /// than the rest of the page.
    country_options: HashMap<Language, String>,
}

struct AssetUrl(Arc<HashMap<String, String>>);

impl tera::Function for AssetUrl {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let name = args
            .get("name")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("asset() needs name=\"file\""))?;
        self.0
            .get(name)
            .map(|u| tera::Value::String(u.clone()))
            .ok_or_else(|| tera::Error::msg(format!("no static file {name}")))
    }
    fn is_safe(&self) -> bool {
        true
    }
}

impl Views {
    pub fn load(localizer: Arc<Localizer>) -> Result<Views, String> {
        let mut assets = HashMap::new();
        let mut urls = HashMap::new();
        for name in Static::iter() {
            let file = Static::get(&name).ok_or_else(|| format!("static {name} missing"))?;
            let bytes = file.data.into_owned();
            let hash = hex::encode(&Sha256::digest(&bytes)[..5]);
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            urls.insert(name.to_string(), format!("/static/{hashed}"));
            let mime = mime_guess::from_path(name.as_ref())
                .first_or_octet_stream()
                .to_string();
            assets.insert(
                hashed,
                Asset {
                    bytes,
                    mime,
                    etag: format!("\"{hash}\""),
                },
            );
        }
        let mut tera = tera::Tera::default();
        let mut files: Vec<(String, String)> = vec![];
        for name in Templates::iter() {
            let file = Templates::get(&name).ok_or_else(|| format!("template {name} missing"))?;
            let text =
                String::from_utf8(file.data.into_owned()).map_err(|e| format!("{name}: {e}"))?;
            files.push((name.to_string(), text));
        }
        tera.add_raw_templates(files)
            .map_err(|e| format!("templates: {e:?}"))?;
        tera.set_escape_fn(kuza_i18n::escape_html);
        tera.register_function("t", TeraTranslate(localizer));
        tera.register_function("asset", AssetUrl(Arc::new(urls)));
        let country_options = Language::ALL
            .iter()
            .map(|&lang| {
                let html: String = countries::all(lang)
                    .iter()
                    .map(|(code, name)| {
                        format!("<option value=\"{code}\">{}</option>", escape_html(name))
                    })
                    .collect();
                (lang, html)
            })
            .collect();
        Ok(Views {
            tera,
            assets,
            country_options,
        })
    }

    /// `<option>` elements for every country in `lang`, `selected` marked.
    pub fn country_options(&self, lang: Language, selected: &str) -> String {
        let all = self.country_options.get(&lang).map_or("", String::as_str);
        if selected.len() != 2 || !selected.bytes().all(|b| b.is_ascii_uppercase()) {
            return all.to_owned();
        }
        let needle = format!("value=\"{selected}\">");
        all.replacen(&needle, &format!("value=\"{selected}\" selected>"), 1)
    }

    pub fn template_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.tera.get_template_names().map(str::to_owned).collect();
        v.sort();
        v
    }
}
