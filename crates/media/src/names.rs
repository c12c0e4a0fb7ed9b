//! The file name a download carries: whatever the uploader's system called
//! it, reduced to a plain name. Unicode letters stay (course material is in
//! six languages); paths, control characters and characters that trouble
//! file systems or headers go.

/// Longest stored name, in characters.
pub const NAME_MAX: usize = 200;

/// A safe file name, or `None` when nothing usable is left.
pub fn sanitize(raw: &str) -> Option<String> {
    // Only the last path component, whichever separator the client used.
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_control()
                || matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*')
                || is_invisible(c)
            {
                '_'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    // No leading dots (hidden files, `..`), no surrounding spaces or dots.
    let trimmed = cleaned
        .trim_matches(|c: char| c == ' ' || c == '.')
        .to_owned();
    let collapsed = trimmed
        .split(' ')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let name: String = if collapsed.chars().count() > NAME_MAX {
        // Keep the extension when shortening.
        match collapsed.rsplit_once('.') {
            Some((stem, ext)) if ext.chars().count() <= 10 => {
                let keep = NAME_MAX - ext.chars().count() - 1;
                format!("{}.{ext}", stem.chars().take(keep).collect::<String>())
            }
            _ => collapsed.chars().take(NAME_MAX).collect(),
        }
    } else {
        collapsed
    };
    if name.is_empty() || name.chars().all(|c| c == '_') {
        None
    } else {
        Some(name)
    }
}

/// Bidirectional overrides and zero-width characters: they make a name
/// look like something it is not (`invoice\u{202E}fdp.exe`).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn paths_and_control_characters_are_removed_and_unicode_kept() {
        assert_eq!(sanitize("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            sanitize("C:\\Users\\amina\\خطة.pdf").as_deref(),
            Some("خطة.pdf")
        );
        assert_eq!(
            sanitize("城市 规划.docx").as_deref(),
            Some("城市 规划.docx")
        );
        assert_eq!(sanitize("a\nb\tc\0.txt").as_deref(), Some("a_b_c_.txt"));
        assert_eq!(sanitize("  .hidden.  ").as_deref(), Some("hidden"));
        assert_eq!(sanitize("say \"hi\".txt").as_deref(), Some("say _hi_.txt"));
        assert_eq!(sanitize("x\u{202E}fdp.exe").as_deref(), Some("x_fdp.exe"));
        assert_eq!(
            sanitize("many   spaces.txt").as_deref(),
            Some("many spaces.txt")
        );
    }

    #[test]
    fn nothing_usable_is_none() {
        for raw in ["", "/", "..", "dir/", " . ", "\u{0}"] {
            assert_eq!(sanitize(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "ж".repeat(400));
        let s = sanitize(&long).unwrap_or_default();
        assert_eq!(s.chars().count(), super::NAME_MAX);
        assert!(s.ends_with(".pdf"));
    }
}
