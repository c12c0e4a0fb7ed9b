//! Named OpenAPI schemas for the values the rules check, built from the
//! same limits and enums as the rules themselves (so the API's document
//! cannot drift from what the server enforces). Only with the `openapi`
//! feature, which the server enables for its document.
//!
//! [`named_schema!`] gives a schema a name (a component of the document);
//! the builders below make the usual shapes.

use crate::values::limits::*;
use kuza_db::values::Code;
use kuza_i18n::Language;
use std::ops::RangeInclusive;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, Object, ObjectBuilder, SchemaFormat, Type,
};
use utoipa::openapi::{Ref, Schema};

#[doc(hidden)]
pub use utoipa as __utoipa;

/// `named_schema!(Name = builder, [Dependency, …])`: a unit type whose
/// schema is `builder` and whose name in the document is `Name`; the
/// dependencies are the named schemas it refers to.
#[macro_export]
macro_rules! named_schema {
    ($(#[$doc:meta])* $name:ident = $build:expr $(, [$($dep:ty),*])?) => {
        $(#[$doc])*
        pub struct $name;
        impl $crate::schema::__utoipa::PartialSchema for $name {
            fn schema() -> $crate::schema::__utoipa::openapi::RefOr<
                $crate::schema::__utoipa::openapi::schema::Schema,
            > {
                $build.into()
            }
        }
        impl $crate::schema::__utoipa::ToSchema for $name {
            #[allow(unused_variables)]
            fn schemas(
                schemas: &mut Vec<(
                    String,
                    $crate::schema::__utoipa::openapi::RefOr<
                        $crate::schema::__utoipa::openapi::schema::Schema,
                    >,
                )>,
            ) {
                $($(
                    schemas.push((
                        <$dep as $crate::schema::__utoipa::ToSchema>::name().into(),
                        <$dep as $crate::schema::__utoipa::PartialSchema>::schema(),
                    ));
                    <$dep as $crate::schema::__utoipa::ToSchema>::schemas(schemas);
                )*)?
            }
        }
    };
}

/// One of the codes of a typed value (`self_paced`, `quiz`…), in order.
pub fn codes<T: Code>(description: &str) -> Object {
    one_of(T::all().iter().map(|v| v.code()), description)
}

/// One of `values`.
pub fn one_of<S: Into<String>>(values: impl IntoIterator<Item = S>, description: &str) -> Object {
    let values: Vec<String> = values.into_iter().map(Into::into).collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .description(said(description))
        .build()
}

/// A text of `length` characters.
pub fn text(length: RangeInclusive<usize>, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(*length.start()))
        .max_length(Some(*length.end()))
        .description(said(description))
        .build()
}

/// A whole number in `range`.
pub fn integer(range: RangeInclusive<i64>, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(*range.start() as isize))
        .maximum(Some(*range.end() as isize))
        .description(said(description))
        .build()
}

/// An RFC 3339 date-time.
pub fn date_time(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .description(said(description))
        .build()
}

/// Text per language code, each at most `max` characters.
pub fn translations(max: usize, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property_names(Some(language_codes()))
        .additional_properties(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(max)),
        ))
        .description(Some(
            format!(
                "Text per language code (ar, zh, en, fr, ru, es), at most {max} characters each. {description}"
            )
            .trim_end(),
        ))
        .build()
}

/// A list of at most `max` `item`s (a named schema).
pub fn list_of(item: &str, max: usize, description: &str) -> Schema {
    ArrayBuilder::new()
        .items(Ref::from_schema_name(item))
        .max_items(Some(max))
        .description(said(description))
        .build()
        .into()
}

/// No description rather than an empty one.
fn said(description: &str) -> Option<&str> {
    (!description.is_empty()).then_some(description)
}

fn language_codes() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(Language::ALL.iter().map(|l| l.code())))
        .build()
}

named_schema!(
    /// One of the six languages.
    LanguageCode = one_of(Language::ALL.iter().map(|l| l.code()), "ar, zh, en, fr, ru or es.")
);
named_schema!(
    /// A course's address in the catalog.
    Slug = ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(*SLUG.start()))
        .max_length(Some(*SLUG.end()))
        .pattern(Some(SLUG_PATTERN))
        .description(Some(
            "Lower-case letters and digits in words joined by hyphens; fixed once published."
        ))
        .build()
);
named_schema!(Title = translations(TITLE_MAX, "The course's default language is required."));
named_schema!(Summary = translations(SUMMARY_MAX, "Markdown."));
named_schema!(
    Body = translations(
        BODY_MAX,
        "Markdown, sanitized when published (raw HTML is dropped)."
    )
);
named_schema!(
    /// Text per language, as shown (no limit of its own).
    Texts = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property_names(Some(language_codes()))
        .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some("Text per language code (ar, zh, en, fr, ru, es)."))
        .build()
);
named_schema!(Prompt = translations(PROMPT_MAX, ""));
named_schema!(OptionText = translations(OPTION_TEXT_MAX, ""));
named_schema!(OptionFeedback = translations(OPTION_FEEDBACK_MAX, ""));
named_schema!(
    Hours = ObjectBuilder::new()
        .schema_type(Type::Number)
        .minimum(Some(*HOURS.start()))
        .maximum(Some(*HOURS.end()))
        .description(Some("Estimated hours of study."))
        .build()
);
named_schema!(
    Theme = ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(format!(
            "A free tag of {}–{} characters (no commas), or a Sustainable Development Goal as `sdg:11` or a target as `sdg:11.3` / `sdg:11.a`.",
            THEME.start(),
            THEME.end()
        )))
        .build()
);
named_schema!(
    HttpsUrl = ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("uri".into())))
        .pattern(Some("^https://\\S+$"))
        .max_length(Some(URL_MAX))
        .description(Some("An https address."))
        .build()
);
named_schema!(
    PassMark = integer(
        i64::from(*PASS_MARK.start())..=i64::from(*PASS_MARK.end()),
        "Percentage of the quiz's points needed to pass."
    )
);
named_schema!(
    Attempts = integer(
        i64::from(*ATTEMPTS.start())..=i64::from(*ATTEMPTS.end()),
        "Attempts allowed; absent for no limit."
    )
);
named_schema!(
    TimeLimit = integer(
        i64::from(*TIME_LIMIT_MINUTES.start())..=i64::from(*TIME_LIMIT_MINUTES.end()),
        "Minutes for one attempt; absent for no limit."
    )
);
named_schema!(Points = integer(0..=i64::from(POINTS_MAX), "What a right answer is worth."));
named_schema!(
    Questions = list_of("Question", QUESTIONS_MAX, "The quiz's questions, in order."),
    [crate::content::Question]
);
named_schema!(
    Choices = list_of("Choice", OPTIONS_MAX, "The options, in order."),
    [crate::content::Choice]
);
named_schema!(
    AcceptedAnswers = ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(ACCEPTED_MAX))
        )
        .max_items(Some(ACCEPTED_ANSWERS_MAX))
        .description(Some(
            "Answers counted right, compared ignoring case and spacing."
        ))
        .build()
);
