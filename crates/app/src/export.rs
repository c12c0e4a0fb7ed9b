//! How exports and documents write values: CSV fields (quoted, never a
//! formula a spreadsheet would run), RFC 3339 dates, and reports' tables
//! as CSV and XLSX.

/// A CSV field: quoted, and a leading `=`, `+`, `-` or `@` neutralized so a
/// spreadsheet never runs it as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// RFC 3339 for a Unix-seconds timestamp.
pub fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A table to export: what a report page shows, cell for cell.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub title: String,
    /// Arabic: the sheet reads right to left.
    pub right_to_left: bool,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines under the table: the period, what the marks mean, the source.
    pub notes: Vec<String>,
}

/// One cell: what the page shows, and the number behind it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A whole number.
    Count(f64, String),
    /// A share from 0 to 1, shown as a percentage.
    Share(f64, String),
    /// A number with at most one decimal.
    Decimal(f64, String),
}

impl Cell {
    /// The text the page shows.
    pub fn shown(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Count(_, s) | Cell::Share(_, s) | Cell::Decimal(_, s) => s,
        }
    }
}

/// The sheet as CSV: UTF-8 with a byte order mark (so that spreadsheets
/// read Arabic and Chinese), CRLF lines, every field quoted and never a
/// formula; the same text the page shows.
pub fn csv(s: &Sheet) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(s.header.iter().map(|h| csv_field(h)).collect()));
    for row in &s.rows {
        out.push_str(&line(row.iter().map(|c| csv_field(c.shown())).collect()));
    }
    if !s.notes.is_empty() {
        out.push_str("\r\n");
        for n in &s.notes {
            out.push_str(&line(vec![csv_field(n)]));
        }
    }
    out.into_bytes()
}

/// The sheet as an XLSX workbook: numbers as numbers (counts, percentages,
/// decimals each with its format), "<5" and "x" as text, a bold header
/// row frozen above a filter, the first column frozen, notes below, and a
/// right-to-left sheet in Arabic.
pub fn xlsx(s: &Sheet) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{DocProperties, Format, Workbook};
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(&s.title));
    let sheet = book.add_worksheet();
    // A sheet's name: at most 31 characters, none of []:*?/\.
    let name: String = s
        .title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    sheet
        .set_name(if name.trim().is_empty() {
            "Report".to_owned()
        } else {
            name
        })
        .map_err(e)?;
    sheet.set_right_to_left(s.right_to_left);
    let bold = Format::new().set_bold().set_text_wrap();
    let count = Format::new().set_num_format("#,##0");
    let share = Format::new().set_num_format("0%");
    let decimal = Format::new().set_num_format("0.0");
    let text = Format::new().set_text_wrap();
    for (c, h) in s.header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(e)?;
        sheet
            .set_column_width(c as u16, if c == 0 { 32 } else { 14 })
            .map_err(e)?;
    }
    for (r, row) in s.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => sheet.write_string_with_format(r, c, t, &text),
                Cell::Count(v, _) => sheet.write_number_with_format(r, c, *v, &count),
                Cell::Share(v, _) => sheet.write_number_with_format(r, c, *v, &share),
                Cell::Decimal(v, _) => sheet.write_number_with_format(r, c, *v, &decimal),
            }
            .map_err(e)?;
        }
    }
    let last = s.rows.len() as u32;
    let width = s.header.len().max(1) as u16 - 1;
    // The filter covers the groups, not the totals row under them.
    sheet
        .autofilter(0, 0, last.saturating_sub(1).max(1), width)
        .map_err(e)?;
    sheet.set_freeze_panes(1, 1).map_err(e)?;
    for (i, n) in s.notes.iter().enumerate() {
        sheet.write_string(last + 2 + i as u32, 0, n).map_err(e)?;
    }
    book.save_to_buffer().map_err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("Amani Njeri"), "\"Amani Njeri\"");
        assert_eq!(csv_field("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for lead in ["+1", "-1", "@sum"] {
            assert!(csv_field(lead).starts_with("\"'"), "{lead}");
        }
    }
}
