//! Lesson text: CommonMark rendered to HTML, then sanitized with an
//! allowlist (no scripts, no event handlers, no `javascript:` links, no
//! inline styles). Run once, at publication; learners get the stored HTML.

use pulldown_cmark::{Options, Parser, html};

pub fn to_safe_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, opts));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_html_and_scripts_do_not_survive() {
        assert_eq!(
            to_safe_html("**Density** matters"),
            "<p><strong>Density</strong> matters</p>\n"
        );
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) <a href=\"https://un.org\" onclick=\"x()\">UN</a>",
        );
        for bad in ["<script", "onerror", "javascript:", "onclick"] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("href=\"https://un.org\""));
    }
}
