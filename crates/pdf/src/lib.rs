//! Certificates as PDF, laid out by typst.
//!
//! typst shapes every script (rustybuzz), orders mixed-direction lines by
//! the Unicode bidirectional algorithm, falls back from font to font for
//! the characters one lacks, and breaks lines where each language allows;
//! typst-pdf embeds the fonts, subset to the glyphs used, in a PDF/A-3b
//! file (archival, and allowed to carry the credential as an attachment).
//!
//! The template (`certificate.typ`) is fixed source; everything a
//! certificate says reaches it as data (`sys.inputs`), never as source
//! text, so nothing in a name or a title can change the document.
//!
//! The fonts are the Noto families (SIL Open Font License), read once per
//! process from the system's font folders (Debian's `fonts-noto-core` and
//! `fonts-noto-cjk`) or a configured one ([`Fonts::load`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Array, Bytes, Datetime, Dict, Duration, IntoValue, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("certificate.typ");

/// The font files a certificate needs: Latin, Greek and Cyrillic (Noto
/// Serif and Noto Sans), Arabic (Noto Naskh Arabic), Chinese (Noto Serif
/// CJK, whose collections hold the simplified Chinese faces; about 50 MB,
/// read only by a process that renders a certificate), each regular and
/// bold.
pub const FONT_FILES: [&str; 8] = [
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJK-Bold.ttc",
];

/// Where Debian's `fonts-noto-core` and `fonts-noto-cjk` put them.
pub const SYSTEM_FONT_DIRS: [&str; 2] = [
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
];

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "the certificate fonts are missing: {0} (install Debian's fonts-noto-core and fonts-noto-cjk, or set certificate_fonts_dir)"
    )]
    FontsMissing(String),
    #[error("the font file {0} could not be read: {1}")]
    FontUnreadable(String, String),
    #[error("the certificate could not be laid out: {0}")]
    Layout(String),
    #[error("the certificate could not be written as PDF: {0}")]
    Export(String),
}

/// The fonts, read once and shared by every rendering.
#[derive(Clone)]
pub struct Fonts {
    book: Arc<LazyHash<FontBook>>,
    fonts: Arc<Vec<Font>>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.fonts.len())
    }
}

impl Fonts {
    /// Reads [`FONT_FILES`] from the first of `dirs` that has each.
    pub fn load(dirs: &[PathBuf]) -> Result<Fonts, PdfError> {
        let mut fonts = vec![];
        let mut missing = vec![];
        for name in FONT_FILES {
            let Some(path) = dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()) else {
                missing.push(name);
                continue;
            };
            let data = std::fs::read(&path)
                .map_err(|e| PdfError::FontUnreadable(path.display().to_string(), e.to_string()))?;
            fonts.extend(Font::iter(Bytes::new(data)));
        }
        if !missing.is_empty() {
            return Err(PdfError::FontsMissing(missing.join(", ")));
        }
        Ok(Fonts {
            book: Arc::new(LazyHash::new(FontBook::from_fonts(&fonts))),
            fonts: Arc::new(fonts),
        })
    }

    /// No fonts (to lay out a picture alone).
    fn none() -> Fonts {
        Fonts {
            book: Arc::new(LazyHash::new(FontBook::new())),
            fonts: Arc::new(vec![]),
        }
    }

    /// [`Fonts::load`] from `dir` if given, else from [`SYSTEM_FONT_DIRS`].
    pub fn from_dir_or_system(dir: Option<&Path>) -> Result<Fonts, PdfError> {
        let dirs: Vec<PathBuf> = match dir {
            Some(d) => vec![d.to_path_buf()],
            None => SYSTEM_FONT_DIRS.iter().map(PathBuf::from).collect(),
        };
        Fonts::load(&dirs)
    }
}

/// One signatory: a name, a title, an organisation, and the image of the
/// signature (PNG, JPEG or SVG), if any.
#[derive(Debug, Clone, Default)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub signature: Option<Vec<u8>>,
}

/// A file the PDF carries (the signed credential).
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub mime_type: String,
    pub description: String,
    pub data: Vec<u8>,
}

/// What a certificate says, in its language, every text already
/// translated: the template only places it.
#[derive(Debug, Clone, Default)]
pub struct Certificate {
    /// The certificate's language (`ar`, `zh`…) and its direction.
    pub lang: String,
    pub rtl: bool,
    /// The instance: its name and logo.
    pub issuer: String,
    pub logo: Option<Vec<u8>>,
    /// "Certificate of completion".
    pub heading: String,
    /// "This certifies that".
    pub presented: String,
    pub name: String,
    /// "has completed the course".
    pub reason: String,
    pub course: String,
    /// The language the course's title is in (it may differ from `lang`
    /// when the course lacks the certificate's language).
    pub course_lang: String,
    /// Lines under the course: the date, the duration.
    pub details: Vec<String>,
    pub signatories: Vec<Signatory>,
    /// Partner logos.
    pub partner_logos: Vec<Vec<u8>>,
    /// "Certificate number" and the number.
    pub number_label: String,
    pub number: String,
    /// "Verify at" and the address (also in the QR code).
    pub verify_label: String,
    pub verify_url: String,
    /// The document's title and date (metadata; Unix seconds, UTC).
    pub title: String,
    pub issued_at: i64,
    pub attachment: Option<Attachment>,
}

/// The kinds of picture a certificate takes (signatures, logos).
pub const IMAGE_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/svg+xml"];
/// The largest picture side, in pixels, of a PNG (a signature or a logo
/// needs far less; this keeps decoding small).
pub const IMAGE_SIDE_MAX: u32 = 4000;

/// The type of a picture a certificate can show (one of [`IMAGE_TYPES`]),
/// after laying it out once as the certificate would: `None` when the
/// bytes are not such a picture, or one typst cannot read.
pub fn check_image(data: &[u8]) -> Option<&'static str> {
    let kind = image_type(data)?;
    if kind == "image/png" {
        // IHDR: width and height, big-endian, at bytes 16..24.
        let side = |at: usize| {
            data.get(at..at + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map(u32::from_be_bytes)
        };
        if side(16)? > IMAGE_SIDE_MAX || side(20)? > IMAGE_SIDE_MAX {
            return None;
        }
    }
    let mut inputs = Dict::new();
    inputs.insert("image".into(), bytes(data));
    let world = CertificateWorld::with_source(
        &Fonts::none(),
        inputs,
        "#image(sys.inputs.image, height: 10mm, fit: \"contain\")",
    );
    let compiled = typst::compile::<PagedDocument>(&world).output.is_ok();
    typst::comemo::evict(8);
    compiled.then_some(kind)
}

/// Which of [`IMAGE_TYPES`] the bytes look like, by their first bytes
/// only (a picture [`check_image`] accepted, when serving it).
pub fn image_type(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if String::from_utf8_lossy(&data[..data.len().min(1024)]).contains("<svg") {
        Some("image/svg+xml")
    } else {
        None
    }
}

/// Renders `c` as a PDF/A-3b file.
pub fn render(fonts: &Fonts, c: &Certificate) -> Result<Vec<u8>, PdfError> {
    let world = CertificateWorld::with_source(fonts, inputs(c)?, TEMPLATE);
    let doc: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError::Layout(messages(&errors)))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(c.number.clone()),
        timestamp: Some(timestamp(c.issued_at)),
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_3b])
            .map_err(|e| PdfError::Export(e.message().to_string()))?,
        ..Default::default()
    };
    let pdf =
        typst_pdf::pdf(&doc, &options).map_err(|errors| PdfError::Export(messages(&errors)))?;
    // typst keeps what it computed for the next compilation; a server
    // renders many different certificates, so keep only recent entries.
    typst::comemo::evict(8);
    Ok(pdf)
}

fn timestamp(ts: i64) -> typst_pdf::Timestamp {
    use chrono::{Datelike, Timelike};
    let t = chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default();
    let narrow = |n: u32| u8::try_from(n).unwrap_or(0);
    let d = Datetime::from_ymd_hms(
        t.year(),
        narrow(t.month()),
        narrow(t.day()),
        narrow(t.hour()),
        narrow(t.minute()),
        narrow(t.second()),
    )
    .or_else(|| Datetime::from_ymd_hms(1970, 1, 1, 0, 0, 0))
    .expect("the epoch is a date");
    typst_pdf::Timestamp::new_utc(d)
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// An SVG QR code of `text` (medium error correction, quiet zone kept).
pub fn qr_svg(text: &str) -> Result<Vec<u8>, PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map_err(|e| PdfError::Layout(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build()
        .into_bytes())
}

fn s(v: &str) -> Value {
    Value::Str(Str::from(v))
}

fn bytes(v: &[u8]) -> Value {
    Value::Bytes(Bytes::new(v.to_vec()))
}

fn opt_bytes(v: Option<&Vec<u8>>) -> Value {
    v.map_or(Value::None, |b| bytes(b))
}

/// The template's data.
fn inputs(c: &Certificate) -> Result<Dict, PdfError> {
    let signatories: Array = c
        .signatories
        .iter()
        .map(|x| {
            let mut d = Dict::new();
            d.insert("name".into(), s(&x.name));
            d.insert("title".into(), s(&x.title));
            d.insert("organisation".into(), s(&x.organisation));
            d.insert("signature".into(), opt_bytes(x.signature.as_ref()));
            d.into_value()
        })
        .collect();
    let mut d = Dict::new();
    d.insert("lang".into(), s(&c.lang));
    d.insert("dir".into(), s(if c.rtl { "rtl" } else { "ltr" }));
    d.insert("issuer".into(), s(&c.issuer));
    d.insert("logo".into(), opt_bytes(c.logo.as_ref()));
    d.insert("heading".into(), s(&c.heading));
    d.insert("presented".into(), s(&c.presented));
    d.insert("name".into(), s(&c.name));
    d.insert("reason".into(), s(&c.reason));
    d.insert("course".into(), s(&c.course));
    d.insert("course_lang".into(), s(&c.course_lang));
    d.insert(
        "details".into(),
        c.details
            .iter()
            .map(|x| s(x))
            .collect::<Array>()
            .into_value(),
    );
    d.insert("signatories".into(), signatories.into_value());
    d.insert(
        "partner_logos".into(),
        c.partner_logos
            .iter()
            .map(|b| bytes(b))
            .collect::<Array>()
            .into_value(),
    );
    d.insert("number_label".into(), s(&c.number_label));
    d.insert("number".into(), s(&c.number));
    d.insert("verify_label".into(), s(&c.verify_label));
    d.insert("verify_url".into(), s(&c.verify_url));
    d.insert("qr".into(), bytes(&qr_svg(&c.verify_url)?));
    d.insert("title".into(), s(&c.title));
    d.insert(
        "attachment".into(),
        match &c.attachment {
            Some(a) => {
                let mut x = Dict::new();
                x.insert("name".into(), s(&a.name));
                x.insert("mime".into(), s(&a.mime_type));
                x.insert("description".into(), s(&a.description));
                x.insert("data".into(), bytes(&a.data));
                x.into_value()
            }
            None => Value::None,
        },
    );
    Ok(d)
}

/// The template, its data and the fonts; no files, no packages, no clock.
struct CertificateWorld {
    library: LazyHash<Library>,
    fonts: Fonts,
    main: FileId,
    source: Source,
}

impl CertificateWorld {
    fn with_source(fonts: &Fonts, inputs: Dict, source: &str) -> CertificateWorld {
        let path = VirtualPath::new("certificate.typ").expect("a plain file name is a valid path");
        let main = RootedPath::new(VirtualRoot::Project, path).intern();
        CertificateWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts: fonts.clone(),
            main,
            source: Source::new(main, source.to_owned()),
        }
    }
}

impl World for CertificateWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
