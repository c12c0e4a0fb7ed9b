//! The studio's lesson pages: a lesson of any kind (text, video, download,
//! quiz, live session) and a quiz's questions, one page per question, with
//! every translatable field once per language of the course. No JavaScript.

use super::studio::{Form, course_languages, field, module_of, position, title_in, translated};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::{AppError, FieldProblem, courses};
use kuza_courses::content::{Answer, Choice, Content, Question, Quiz, Video};
use kuza_courses::draft::{self, Course, Lesson, LessonInput, MediaKind};
use kuza_courses::{Translated, pick};
use kuza_db::values::{Code, LessonKind};
use kuza_i18n::Language;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/studio/modules/{id}/lessons/new",
        Access::CourseEditor,
        new_lesson,
    );
    t.page(
        Method::POST,
        "/studio/modules/{id}/lessons",
        Access::CourseEditor,
        add_lesson,
    );
    t.page(
        Method::GET,
        "/studio/lessons/{id}",
        Access::CourseEditor,
        lesson_page,
    );
    t.page(
        Method::POST,
        "/studio/lessons/{id}",
        Access::CourseEditor,
        save_lesson,
    );
    t.page(
        Method::POST,
        "/studio/lessons/{id}/delete",
        Access::CourseEditor,
        delete_lesson,
    );
    t.page(
        Method::POST,
        "/studio/lessons/{id}/questions",
        Access::CourseEditor,
        add_question,
    );
    t.page(
        Method::GET,
        "/studio/lessons/{id}/questions/{key}",
        Access::CourseEditor,
        question_page,
    );
    t.page(
        Method::POST,
        "/studio/lessons/{id}/questions/{key}",
        Access::CourseEditor,
        save_question,
    );
    t.page(
        Method::POST,
        "/studio/lessons/{id}/questions/{key}/delete",
        Access::CourseEditor,
        delete_question,
    );
}

/// An optional whole number: empty is `None`, anything unreadable is
/// `Some(0)` (which the domain refuses with a clear error).
fn optional_number(f: &Form, name: &str) -> Option<u32> {
    let s = field(f, name).trim();
    (!s.is_empty()).then(|| s.parse().unwrap_or(0))
}

fn media_id(f: &Form, name: &str) -> Option<i32> {
    field(f, name).trim().parse().ok()
}

/// The lesson as typed. A quiz keeps its questions (edited on their own
/// pages); the form carries the quiz's settings.
fn lesson_input(f: &Form, existing: Option<&Content>) -> LessonInput {
    let kind = match field(f, "kind") {
        "" => "text",
        k => k,
    };
    let mut content = Content::default();
    match LessonKind::parse(kind) {
        Some(LessonKind::Video) => {
            content.video = Some(Video {
                media: media_id(f, "video_media"),
                url: Some(field(f, "video_url").to_owned()),
                captions: Language::ALL
                    .iter()
                    .filter_map(|l| {
                        media_id(f, &format!("video_captions_{}", l.code()))
                            .map(|id| (l.code().to_owned(), id))
                    })
                    .collect(),
                transcript: translated(f, "video_transcript"),
            });
        }
        Some(LessonKind::File) => content.file = media_id(f, "file"),
        Some(LessonKind::Package) => content.package = media_id(f, "package"),
        Some(LessonKind::Quiz) => {
            let mut quiz = existing.and_then(|c| c.quiz.clone()).unwrap_or_default();
            if f.contains_key("quiz_pass_mark") {
                quiz.pass_mark = field(f, "quiz_pass_mark").trim().parse().unwrap_or(0);
                quiz.attempts = optional_number(f, "quiz_attempts");
                quiz.time_limit_minutes = optional_number(f, "quiz_time_limit_minutes");
                quiz.shuffle = f.contains_key("quiz_shuffle");
            }
            content.quiz = Some(quiz);
        }
        _ => {}
    }
    LessonInput {
        title: translated(f, "title"),
        kind: kind.to_owned(),
        required: f.contains_key("required"),
        body: translated(f, "body"),
        content,
        position: position(f),
    }
}

/// The form's values: as typed, or from the stored lesson.
fn lesson_values(input: &LessonInput, position: Option<i32>) -> serde_json::Value {
    let video = input.content.video.clone().unwrap_or_default();
    let quiz = input.content.quiz.clone().unwrap_or_default();
    serde_json::json!({
        "kind": input.kind, "title": input.title, "body": input.body,
        "required": input.required, "position": position,
        "video_media": video.media, "video_url": video.url, "captions": video.captions,
        "transcript": video.transcript, "file": input.content.file,
        "package": input.content.package,
        "pass_mark": quiz.pass_mark, "attempts": quiz.attempts,
        "time_limit": quiz.time_limit_minutes, "shuffle": quiz.shuffle,
    })
}

fn stored_input(l: &Lesson) -> LessonInput {
    LessonInput {
        title: draft::translated(&l.title),
        kind: l.kind.code(),
        required: l.required,
        body: draft::translated(&l.body),
        content: draft::content_of(l),
        position: Some(l.position),
    }
}

fn text_in<'a>(portal: &Portal, c: &'a Course, t: &'a Translated) -> &'a str {
    pick(t, portal.lang.code(), &c.default_language).0
}

async fn lesson_form(
    portal: &Portal,
    c: &Course,
    module_id: i32,
    lesson: Option<&Lesson>,
    typed: Option<&Form>,
    problems: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &serde_json::json!({ "id": c.id, "title": title_in(portal, c) }),
    );
    ctx.insert("module_id", &module_id);
    ctx.insert("course_languages", &course_languages(c));
    ctx.insert("kinds", &LessonKind::all());
    let stored = lesson.map(stored_input);
    let values = match (typed, &stored) {
        (Some(f), _) => lesson_values(
            &lesson_input(f, stored.as_ref().map(|s| &s.content)),
            position(f),
        ),
        (None, Some(s)) => lesson_values(s, s.position),
        (None, None) => {
            serde_json::json!({ "kind": "text", "required": true, "title": {}, "body": {}, "captions": {}, "transcript": {} })
        }
    };
    ctx.insert("values", &values);
    if let Some(l) = lesson {
        let lt = draft::translated(&l.title);
        ctx.insert(
            "lesson",
            &serde_json::json!({ "id": l.id, "kind": l.kind, "name": text_in(portal, c, &lt) }),
        );
        let media = courses::draft(&portal.state.app, portal.actor(), c.id)
            .await?
            .media;
        let of = |kind: MediaKind| -> Vec<serde_json::Value> {
            media
                .iter()
                .filter(|m| kind.accepts(&m.content_type))
                .map(|m| serde_json::json!({ "id": m.id, "name": m.file_name }))
                .collect()
        };
        ctx.insert("videos", &of(MediaKind::Video));
        ctx.insert("vtts", &of(MediaKind::Captions));
        ctx.insert("files", &of(MediaKind::Any));
        let (_, packages) =
            kuza_app::packages::list(&portal.state.app, portal.actor(), c.id).await?;
        ctx.insert(
            "packages",
            &packages
                .iter()
                .map(|p| serde_json::json!({ "id": p.id, "name": format!("{} ({})", p.title, p.file_name) }))
                .collect::<Vec<_>>(),
        );
        if let Some(q) = stored.as_ref().and_then(|s| s.content.quiz.as_ref()) {
            let questions: Vec<_> = q
                .questions
                .iter()
                .map(|x| {
                    serde_json::json!({
                        "key": x.key, "kind": x.answer.kind(), "points": x.points,
                        "prompt": text_in(portal, c, &x.prompt),
                    })
                })
                .collect();
            ctx.insert("questions", &questions);
            ctx.insert("quiz_points", &q.points());
        }
        ctx.insert("question_kinds", &Answer::kinds());
    }
    if let Some(p) = problems {
        ctx.insert("errors", &portal.field_errors(p));
        ctx.insert("error_count", &p.len());
        return portal.render_invalid("studio_lesson.html", ctx);
    }
    portal.render("studio_lesson.html", ctx)
}

async fn new_lesson(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (c, m) = module_of(&portal, *id).await?;
    lesson_form(&portal, &c, m.id, None, None, None).await
}

async fn add_lesson(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let input = lesson_input(&form, None);
    match courses::add_lesson(&portal.state.app, portal.actor(), *id, &input).await {
        Ok(l) => Ok(portal.redirect(&format!("/studio/lessons/{}?notice=studio-saved", l.id))),
        Err(AppError::Invalid(p)) => {
            let (c, m) = module_of(&portal, *id).await?;
            lesson_form(&portal, &c, m.id, None, Some(&form), Some(&p)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn lesson_of(portal: &Portal, lesson_id: i32) -> Result<(Course, Lesson), PortalError> {
    Ok(courses::lesson(&portal.state.app, portal.actor(), lesson_id).await?)
}

async fn lesson_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (c, l) = lesson_of(&portal, *id).await?;
    lesson_form(&portal, &c, l.module_id, Some(&l), None, None).await
}

async fn save_lesson(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let (c, l) = lesson_of(&portal, *id).await?;
    let input = lesson_input(&form, Some(&draft::content_of(&l)));
    match courses::update_lesson(&portal.state.app, portal.actor(), l.id, &input).await {
        Ok(_) => Ok(portal.redirect(&format!("/studio/lessons/{}?notice=studio-saved", l.id))),
        Err(AppError::Invalid(p)) => {
            lesson_form(&portal, &c, l.module_id, Some(&l), Some(&form), Some(&p)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_lesson(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let l = courses::delete_lesson(&portal.state.app, portal.actor(), *id).await?;
    Ok(portal.redirect(&format!(
        "/studio/modules/{}?notice=studio-saved",
        l.module_id
    )))
}

/// A quiz lesson of a course the viewer may edit, and its quiz.
async fn quiz_of(portal: &Portal, lesson_id: i32) -> Result<(Course, Lesson, Quiz), PortalError> {
    let (c, l) = lesson_of(portal, lesson_id).await?;
    if l.kind != kuza_db::values::LessonKind::Quiz {
        return Err(AppError::NotFound.into());
    }
    let quiz = draft::content_of(&l).quiz.unwrap_or_default();
    Ok((c, l, quiz))
}

async fn add_question(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let (c, l, mut quiz) = quiz_of(&portal, *id).await?;
    let q = Question::blank(field(&form, "question_kind")).ok_or(AppError::NotFound)?;
    quiz.questions.push(q);
    match courses::set_quiz(&portal.state.app, portal.actor(), l.id, Some(&quiz)).await {
        Ok(saved) => {
            let key = draft::content_of(&saved)
                .quiz
                .and_then(|q| q.questions.last().map(|x| x.key.clone()))
                .unwrap_or_default();
            Ok(portal.redirect(&format!(
                "/studio/lessons/{}/questions/{key}?notice=studio-saved",
                l.id
            )))
        }
        // The stored settings were refused (only possible if they were
        // typed wrong and never saved): show the lesson with the reasons.
        Err(AppError::Invalid(p)) => {
            lesson_form(&portal, &c, l.module_id, Some(&l), None, Some(&p)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// How many option rows the question page offers: the options there are,
/// plus two empty ones, at least four, at most ten.
fn option_rows(n: usize) -> usize {
    (n + 2).clamp(4, 10)
}

/// The question as typed on its page (its kind and key never change there).
fn question_input(f: &Form, existing: &Question) -> Question {
    let options = || -> Vec<Choice> {
        (0..option_rows(existing.answer.options().len()))
            .filter_map(|i| {
                let text = translated(f, &format!("opt{i}_text"));
                let feedback = translated(f, &format!("opt{i}_feedback"));
                if text.is_empty() && feedback.is_empty() {
                    return None;
                }
                let correct = match existing.answer {
                    Answer::Single { .. } => field(f, "correct") == i.to_string(),
                    _ => f.contains_key(&format!("opt{i}_correct")),
                };
                Some(Choice {
                    key: field(f, &format!("opt{i}_key")).to_owned(),
                    text,
                    correct,
                    feedback,
                })
            })
            .collect()
    };
    let number = |name: &str| -> f64 {
        field(f, name)
            .trim()
            .replace(',', ".")
            .parse()
            .unwrap_or(f64::NAN)
    };
    let answer = match &existing.answer {
        Answer::Single { .. } => Answer::Single { options: options() },
        Answer::Multiple { .. } => Answer::Multiple { options: options() },
        Answer::TrueFalse { .. } => Answer::TrueFalse {
            answer: field(f, "answer") == "true",
        },
        Answer::Numeric { .. } => Answer::Numeric {
            answer: number("answer"),
            tolerance: match field(f, "tolerance").trim() {
                "" => 0.0,
                _ => number("tolerance"),
            },
        },
        Answer::ShortText { .. } => Answer::ShortText {
            accepted: field(f, "accepted").lines().map(str::to_owned).collect(),
            manual: f.contains_key("manual"),
        },
    };
    Question {
        key: existing.key.clone(),
        points: field(f, "points").trim().parse().unwrap_or(u32::MAX),
        prompt: translated(f, "prompt"),
        feedback: translated(f, "feedback"),
        answer,
    }
}

/// A problem's path inside question `index` as the form's field name:
/// `quiz.questions[2].options[1].text.fr` → `opt1.text.fr`.
fn question_problems(problems: Vec<FieldProblem>, index: usize) -> Vec<FieldProblem> {
    let prefix = format!("quiz.questions[{index}].");
    problems
        .into_iter()
        .map(|p| {
            let at = p.field.strip_prefix(&prefix).unwrap_or(&p.field);
            let at = match at.strip_prefix("options[") {
                Some(rest) => format!("opt{}", rest.replacen(']', "", 1)),
                None => at.to_owned(),
            };
            FieldProblem::new(at, p.code)
        })
        .collect()
}

async fn question_form(
    portal: &Portal,
    c: &Course,
    l: &Lesson,
    q: &Question,
    problems: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &serde_json::json!({ "id": c.id, "title": title_in(portal, c) }),
    );
    let lt = draft::translated(&l.title);
    ctx.insert(
        "lesson",
        &serde_json::json!({ "id": l.id, "name": text_in(portal, c, &lt) }),
    );
    ctx.insert("course_languages", &course_languages(c));
    let rows: Vec<_> = (0..option_rows(q.answer.options().len()))
        .map(|i| match q.answer.options().get(i) {
            Some(o) => serde_json::json!({ "i": i, "n": i + 1, "key": o.key, "text": o.text, "feedback": o.feedback, "correct": o.correct }),
            None => serde_json::json!({ "i": i, "n": i + 1, "key": "", "text": {}, "feedback": {}, "correct": false }),
        })
        .collect();
    let (answer, tolerance, accepted, manual) = match &q.answer {
        Answer::TrueFalse { answer } => (answer.to_string(), String::new(), String::new(), false),
        Answer::Numeric { answer, tolerance } => (
            if answer.is_finite() {
                answer.to_string()
            } else {
                String::new()
            },
            if tolerance.is_finite() {
                tolerance.to_string()
            } else {
                String::new()
            },
            String::new(),
            false,
        ),
        Answer::ShortText { accepted, manual } => {
            (String::new(), String::new(), accepted.join("\n"), *manual)
        }
        _ => Default::default(),
    };
    ctx.insert(
        "q",
        &serde_json::json!({
            "key": q.key, "kind": q.answer.kind(),
            "points": if q.points == u32::MAX { String::new() } else { q.points.to_string() },
            "prompt": q.prompt, "feedback": q.feedback, "options": rows,
            "answer": answer, "tolerance": tolerance, "accepted": accepted, "manual": manual,
        }),
    );
    if let Some(p) = problems {
        ctx.insert("errors", &portal.field_errors(p));
        ctx.insert("error_count", &p.len());
        return portal.render_invalid("studio_question.html", ctx);
    }
    portal.render("studio_question.html", ctx)
}

async fn question_page(
    portal: Portal,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let (id, key) = path.into_inner();
    let (c, l, quiz) = quiz_of(&portal, id).await?;
    let q = quiz
        .questions
        .iter()
        .find(|q| q.key == key)
        .ok_or(AppError::NotFound)?;
    question_form(&portal, &c, &l, q, None).await
}

async fn save_question(
    posted: Posted<Form>,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let (id, key) = path.into_inner();
    let (c, l, mut quiz) = quiz_of(&portal, id).await?;
    let index = quiz
        .questions
        .iter()
        .position(|q| q.key == key)
        .ok_or(AppError::NotFound)?;
    let typed = question_input(&form, &quiz.questions[index]);
    quiz.questions.remove(index);
    let at = position(&form).map_or(index, |p| (p.max(1) as usize - 1).min(quiz.questions.len()));
    quiz.questions.insert(at, typed.clone());
    match courses::set_quiz(&portal.state.app, portal.actor(), l.id, Some(&quiz)).await {
        Ok(_) => Ok(portal.redirect(&format!("/studio/lessons/{}?notice=studio-saved", l.id))),
        Err(AppError::Invalid(p)) => {
            let p = question_problems(p, at);
            question_form(&portal, &c, &l, &typed, Some(&p)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_question(
    posted: Posted<Form>,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (id, key) = path.into_inner();
    let (_, l, mut quiz) = quiz_of(&portal, id).await?;
    let before = quiz.questions.len();
    quiz.questions.retain(|q| q.key != key);
    if quiz.questions.len() == before {
        return Err(AppError::NotFound.into());
    }
    courses::set_quiz(&portal.state.app, portal.actor(), l.id, Some(&quiz)).await?;
    Ok(portal.redirect(&format!("/studio/lessons/{}?notice=studio-saved", l.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_problems_name_the_form_fields() {
        let p = question_problems(
            vec![
                FieldProblem::new(
                    "quiz.questions[2].options[1].text.fr",
                    "language_not_offered",
                ),
                FieldProblem::new("quiz.questions[2].points", "points_invalid"),
            ],
            2,
        );
        assert_eq!(p[0].field, "opt1.text.fr");
        assert_eq!(p[1].field, "points");
    }
}
