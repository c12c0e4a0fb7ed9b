//! Generated data for load tests and for trying the platform at scale.
//!
//! `kuza generate-catalog`: many realistic-looking published courses. Titles
//! and summaries are built from word lists in the six languages (topic ×
//! pattern × audience), with formats, levels, durations, themes and SDGs
//! varied; every course ends with a short quiz. Everything goes through
//! `kuza_courses` (create, modules, lessons, publish), in transactions of
//! [`BATCH`] courses; slugs that exist are skipped, so a second run adds only
//! what is missing.
//!
//! `kuza generate-learners`: learners enrolled in the published, open,
//! self-paced courses, with lessons completed, written in bulk (multi-row
//! inserts, a transaction per [`LEARNER_BATCH`] learners) because a million
//! progress records through the one-at-a-time code path would take an hour.
//! The rows are the ones that path writes: an enrolment with its event, the
//! first lessons of the course (text, video and download lessons; never the
//! quiz) and the days of activity reports count. A third of the enrolments
//! with every such lesson done are recorded completed, as reports need
//! completions. Learners have the profiles reports break down by: a country
//! of every M49 region (some in least developed countries), a gender or
//! none stated, a year of birth or none, and for most of them one of the
//! generated organisations (of every kind), usually confirmed.

use kuza_accounts::users::{self, AccountInput};
use kuza_accounts::{Grants, Role, roles};
use kuza_courses::content::{Answer, Choice, Content, Question, Quiz};
use kuza_courses::draft::{self, CourseInput, LessonInput, ModuleInput};
use kuza_courses::{Translated, versions};
use kuza_db::entities::{
    course, enrollment, enrollment_event, learning_day, lesson_progress, organisation, user,
};
use kuza_db::values::{Code, CourseStatus, EnrollmentStatus, EnrolmentMode, Format, Level};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};

const BATCH: usize = 50;
const OWNER: &str = "catalog-generator@example.org";
const LEARNER_BATCH: usize = 1000;
/// Every generated learner's password.
pub const LEARNER_PASSWORD: &str = "learn-at-scale-2026";
/// Learners per generated organisation.
const PER_ORGANISATION: usize = 250;
/// Generated organisations are named `Generated organisation 0001`, ….
const ORGANISATION_PREFIX: &str = "Generated organisation ";
const LANGS: [&str; 6] = ["en", "fr", "es", "ar", "zh", "ru"];

/// Slug, free tag, SDG tags, then the topic in en, fr, es, ar, zh, ru.
type Topic = (
    &'static str,
    &'static str,
    &'static [&'static str],
    [&'static str; 6],
);

const TOPICS: [Topic; 16] = [
    (
        "urban-planning",
        "urban planning",
        &["sdg:11", "sdg:11.3"],
        [
            "urban planning",
            "planification urbaine",
            "planificación urbana",
            "التخطيط الحضري",
            "城市规划",
            "городское планирование",
        ],
    ),
    (
        "housing",
        "housing",
        &["sdg:11.1"],
        [
            "affordable housing",
            "logement abordable",
            "vivienda asequible",
            "الإسكان الميسور التكلفة",
            "经济适用住房",
            "доступное жильё",
        ],
    ),
    (
        "transport",
        "mobility",
        &["sdg:11.2"],
        [
            "public transport",
            "transports publics",
            "transporte público",
            "النقل العام",
            "公共交通",
            "общественный транспорт",
        ],
    ),
    (
        "climate",
        "climate",
        &["sdg:13", "sdg:13.1"],
        [
            "climate resilience",
            "résilience climatique",
            "resiliencia climática",
            "القدرة على التكيف مع المناخ",
            "气候韧性",
            "климатическая устойчивость",
        ],
    ),
    (
        "water",
        "water",
        &["sdg:6", "sdg:6.2"],
        [
            "water and sanitation",
            "eau et assainissement",
            "agua y saneamiento",
            "المياه والصرف الصحي",
            "供水和环境卫生",
            "водоснабжение и санитария",
        ],
    ),
    (
        "waste",
        "waste",
        &["sdg:11.6", "sdg:12.5"],
        [
            "waste management",
            "gestion des déchets",
            "gestión de residuos",
            "إدارة النفايات",
            "废物管理",
            "управление отходами",
        ],
    ),
    (
        "public-space",
        "public space",
        &["sdg:11.7"],
        [
            "public space",
            "espaces publics",
            "espacio público",
            "الأماكن العامة",
            "公共空间",
            "общественные пространства",
        ],
    ),
    (
        "land",
        "land",
        &["sdg:1.4", "sdg:15"],
        [
            "land governance",
            "gouvernance foncière",
            "gobernanza de la tierra",
            "حوكمة الأراضي",
            "土地治理",
            "управление земельными ресурсами",
        ],
    ),
    (
        "informal-settlements",
        "housing",
        &["sdg:11.1", "sdg:1"],
        [
            "informal settlements",
            "quartiers informels",
            "asentamientos informales",
            "المستوطنات العشوائية",
            "非正规住区",
            "неформальные поселения",
        ],
    ),
    (
        "finance",
        "municipal finance",
        &["sdg:17", "sdg:11"],
        [
            "municipal finance",
            "finances municipales",
            "finanzas municipales",
            "المالية البلدية",
            "市政财政",
            "муниципальные финансы",
        ],
    ),
    (
        "disaster-risk",
        "resilience",
        &["sdg:11.5", "sdg:13.1"],
        [
            "disaster risk reduction",
            "réduction des risques de catastrophe",
            "reducción del riesgo de desastres",
            "الحد من مخاطر الكوارث",
            "减少灾害风险",
            "снижение риска бедствий",
        ],
    ),
    (
        "urban-data",
        "data",
        &["sdg:17.18", "sdg:11.3"],
        [
            "urban data",
            "données urbaines",
            "datos urbanos",
            "البيانات الحضرية",
            "城市数据",
            "городские данные",
        ],
    ),
    (
        "energy",
        "energy",
        &["sdg:7", "sdg:7.3"],
        [
            "energy efficiency",
            "efficacité énergétique",
            "eficiencia energética",
            "كفاءة الطاقة",
            "能源效率",
            "энергоэффективность",
        ],
    ),
    (
        "road-safety",
        "mobility",
        &["sdg:3.6", "sdg:11.2"],
        [
            "road safety",
            "sécurité routière",
            "seguridad vial",
            "السلامة على الطرق",
            "道路安全",
            "безопасность дорожного движения",
        ],
    ),
    (
        "heritage",
        "heritage",
        &["sdg:11.4"],
        [
            "heritage conservation",
            "préservation du patrimoine",
            "conservación del patrimonio",
            "صون التراث",
            "遗产保护",
            "сохранение наследия",
        ],
    ),
    (
        "smart-cities",
        "innovation",
        &["sdg:9", "sdg:11"],
        [
            "smart cities",
            "villes intelligentes",
            "ciudades inteligentes",
            "المدن الذكية",
            "智慧城市",
            "умные города",
        ],
    ),
];

/// Title patterns: `{t}` the topic, `{T}` the topic with a capital.
const TITLES: [[&str; 6]; 6] = [
    [
        "Introduction to {t}",
        "Introduction : {t}",
        "Introducción: {t}",
        "مقدمة في {t}",
        "{t}入门",
        "Введение: {t}",
    ],
    [
        "{T}: a practical guide",
        "{T} : guide pratique",
        "{T}: guía práctica",
        "{t}: دليل عملي",
        "{t}实用指南",
        "{T}: практическое руководство",
    ],
    [
        "Foundations of {t}",
        "Les bases : {t}",
        "Fundamentos: {t}",
        "أساسيات {t}",
        "{t}基础",
        "Основы: {t}",
    ],
    [
        "{T} for local governments",
        "{T} pour les collectivités locales",
        "{T} para gobiernos locales",
        "{t} للحكومات المحلية",
        "面向地方政府的{t}",
        "{T} для органов местного самоуправления",
    ],
    [
        "Advanced {t}",
        "{T} : niveau avancé",
        "{T}: nivel avanzado",
        "{t}: مستوى متقدم",
        "{t}进阶",
        "{T}: продвинутый уровень",
    ],
    [
        "{T} in practice",
        "{T} en pratique",
        "{T} en la práctica",
        "{t} في الممارسة العملية",
        "{t}实践",
        "{T} на практике",
    ],
];

/// Summary patterns: `{a}` the audience.
const SUMMARIES: [[&str; 6]; 3] = [
    [
        "A course for {a} on {t}: tools, case studies and exercises from cities around the world.",
        "Un cours pour les {a} sur un thème clé, {t} : outils, études de cas et exercices tirés de villes du monde entier.",
        "Un curso para {a} sobre {t}: herramientas, estudios de caso y ejercicios de ciudades de todo el mundo.",
        "دورة موجهة إلى {a} حول {t}: أدوات ودراسات حالة وتمارين من مدن حول العالم.",
        "面向{a}的{t}课程：工具、案例研究以及来自世界各地城市的练习。",
        "Курс для {a} по теме «{t}»: инструменты, практические примеры и упражнения из городов всего мира.",
    ],
    [
        "{T} for {a}: practical methods, from diagnosis to an action plan.",
        "{T} pour les {a} : des méthodes pratiques, du diagnostic au plan d'action.",
        "{T} para {a}: métodos prácticos, del diagnóstico al plan de acción.",
        "{t} من أجل {a}: أساليب عملية من التشخيص إلى خطة العمل.",
        "为{a}提供的{t}实用方法：从诊断到行动计划。",
        "«{T}» для {a}: практические методы, от диагностики до плана действий.",
    ],
    [
        "How {t} helps build inclusive, safe and resilient cities, with examples and exercises for {a}.",
        "{T} au service de villes inclusives, sûres et résilientes, avec des exemples et des exercices pour les {a}.",
        "{T} al servicio de ciudades inclusivas, seguras y resilientes, con ejemplos y ejercicios para {a}.",
        "كيف يسهم مجال {t} في بناء مدن شاملة وآمنة وقادرة على الصمود، مع أمثلة وتمارين من أجل {a}.",
        "{t}如何帮助建设包容、安全、有韧性的城市，并为{a}提供示例和练习。",
        "Как направление «{t}» помогает строить инклюзивные, безопасные и устойчивые города: примеры и упражнения для {a}.",
    ],
];

const AUDIENCES: [[&str; 6]; 5] = [
    [
        "city officials",
        "agents municipaux",
        "funcionarios municipales",
        "موظفي البلديات",
        "城市官员",
        "сотрудников муниципалитетов",
    ],
    [
        "urban planners",
        "urbanistes",
        "urbanistas",
        "المخططين الحضريين",
        "城市规划师",
        "градостроителей",
    ],
    [
        "community leaders",
        "responsables associatifs",
        "líderes comunitarios",
        "قادة المجتمعات المحلية",
        "社区领袖",
        "лидеров местных сообществ",
    ],
    [
        "university students",
        "étudiants",
        "estudiantes universitarios",
        "طلاب الجامعات",
        "大学生",
        "студентов университетов",
    ],
    [
        "national ministries",
        "ministères nationaux",
        "ministerios nacionales",
        "الوزارات الوطنية",
        "国家部委",
        "национальных министерств",
    ],
];

const MODULE: [&str; 6] = [
    "Module {n}",
    "Module {n}",
    "Módulo {n}",
    "الوحدة {n}",
    "第{n}单元",
    "Модуль {n}",
];
const LESSON: [&str; 6] = [
    "Lesson {n}: {T}",
    "Leçon {n} : {t}",
    "Lección {n}: {t}",
    "الدرس {n}: {t}",
    "第{n}课：{t}",
    "Урок {n}: {t}",
];

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn fill(pattern: &str, topic: &str, audience: &str, n: usize) -> String {
    pattern
        .replace("{T}", &capital(topic))
        .replace("{t}", topic)
        .replace("{a}", audience)
        .replace("{n}", &n.to_string())
}

const QUIZ_TITLE: [&str; 6] = [
    "Check your understanding",
    "Vérifiez vos acquis",
    "Compruebe lo que ha aprendido",
    "تحقق من فهمك",
    "检查你的理解",
    "Проверьте себя",
];
const QUIZ_AIM: [&str; 6] = [
    "What is the main aim of this course?",
    "Quel est l'objectif principal de ce cours ?",
    "¿Cuál es el objetivo principal de este curso?",
    "ما الهدف الرئيسي من هذه الدورة؟",
    "本课程的主要目标是什么？",
    "Какова главная цель этого курса?",
];
/// The right option first (the quiz is not shuffled).
const QUIZ_OPTIONS: [[&str; 6]; 3] = [
    [
        "Inclusive, safe and resilient cities",
        "Des villes inclusives, sûres et résilientes",
        "Ciudades inclusivas, seguras y resilientes",
        "مدن شاملة وآمنة وقادرة على الصمود",
        "包容、安全、有韧性的城市",
        "Инклюзивные, безопасные и устойчивые города",
    ],
    [
        "Fewer public services",
        "Moins de services publics",
        "Menos servicios públicos",
        "خدمات عامة أقل",
        "更少的公共服务",
        "Меньше общественных услуг",
    ],
    [
        "Decisions without residents",
        "Des décisions sans les habitants",
        "Decisiones sin los residentes",
        "قرارات دون مشاركة السكان",
        "不让居民参与的决策",
        "Решения без участия жителей",
    ],
];
const QUIZ_CLAIM: [&str; 6] = [
    "Residents' participation makes plans more likely to succeed.",
    "La participation des habitants augmente les chances de réussite des projets.",
    "La participación de los residentes aumenta las posibilidades de éxito de los planes.",
    "مشاركة السكان تزيد من فرص نجاح الخطط.",
    "居民参与让规划更有可能成功。",
    "Участие жителей повышает шансы планов на успех.",
];

/// Every generated course ends with this short quiz: a single-choice
/// question whose first option is right, then a true statement. Half the
/// points pass.
fn closing_quiz(langs: &[usize]) -> LessonInput {
    let text = |t: &[&str; 6]| -> Translated {
        langs
            .iter()
            .map(|&l| (LANGS[l].to_owned(), t[l].to_owned()))
            .collect()
    };
    let options = QUIZ_OPTIONS
        .iter()
        .enumerate()
        .map(|(k, o)| Choice {
            key: String::new(),
            text: text(o),
            correct: k == 0,
            feedback: Translated::new(),
        })
        .collect();
    let question = |prompt: &[&str; 6], answer: Answer| Question {
        key: String::new(),
        points: 1,
        prompt: text(prompt),
        feedback: Translated::new(),
        answer,
    };
    let quiz = Quiz {
        pass_mark: 50,
        questions: vec![
            question(&QUIZ_AIM, Answer::Single { options }),
            question(&QUIZ_CLAIM, Answer::TrueFalse { answer: true }),
        ],
        ..Quiz::default()
    };
    LessonInput {
        title: text(&QUIZ_TITLE),
        kind: "quiz".into(),
        required: true,
        body: Translated::new(),
        content: Content {
            quiz: Some(quiz),
            ..Content::default()
        },
        position: None,
    }
}

/// The generated course number `i` (0-based): its settings and texts.
struct Plan {
    input: CourseInput,
    /// Index into [`LANGS`] of each of its languages.
    langs: Vec<usize>,
    topic: usize,
    audience: usize,
}

fn plan(i: usize) -> Plan {
    let topic = i % TOPICS.len();
    let (slug, tag, sdgs, _) = TOPICS[topic];
    let default = i % LANGS.len();
    // One, two or three languages: the default, then others in turn.
    let mut langs = vec![default];
    for k in 1..=(i / LANGS.len()) % 3 {
        let l = (default + k * 2 + i / 7) % LANGS.len();
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    let (pattern, audience, summary) = ((i / 16) % TITLES.len(), (i / 7) % 5, (i / 3) % 3);
    let text = |patterns: &[&str; 6], langs: &[usize]| -> Translated {
        langs
            .iter()
            .map(|&l| {
                let t = TOPICS[topic].3[l];
                (
                    LANGS[l].to_owned(),
                    fill(patterns[l], t, AUDIENCES[audience][l], 0),
                )
            })
            .collect()
    };
    let mut themes = vec![tag.to_owned()];
    themes.extend(sdgs.iter().map(|s| (*s).to_owned()));
    Plan {
        input: CourseInput {
            slug: format!("{slug}-{:04}", i + 1),
            format: Format::all()[(i / 5) % 4].code(),
            level: Level::all()[(i / 2) % 3].code(),
            estimated_hours: f64::from(((i * 7) % 40 + 1) as u32) / 2.0,
            default_language: LANGS[default].into(),
            languages: langs.iter().map(|&l| LANGS[l].to_owned()).collect(),
            themes,
            title: text(&TITLES[pattern], &langs),
            summary: text(&SUMMARIES[summary], &langs),
            organisation_id: None,
            cover_media_id: None,
        },
        langs,
        topic,
        audience,
    }
}

/// The generator's own author account, made on first use.
async fn owner(db: &DatabaseConnection) -> Result<i32, String> {
    if let Some(u) = users::find_by_email(db, OWNER)
        .await
        .map_err(|e| e.to_string())?
    {
        return Ok(u.id);
    }
    let txn = kuza_db::begin_write(db).await.map_err(|e| e.to_string())?;
    let input = AccountInput {
        email: OWNER.into(),
        password: kuza_accounts::tokens::random_token(),
        display_name: "Catalog generator".into(),
        language: "en".into(),
        country: "KE".into(),
        ..Default::default()
    };
    let u = users::register(&txn, &input, true)
        .await
        .map_err(|e| e.to_string())?;
    let grants = Grants {
        roles: vec![Role::Author],
        partner_organisation_id: None,
    };
    roles::set_grants(&txn, None, u.id, &grants)
        .await
        .map_err(|e| e.to_string())?;
    txn.commit().await.map_err(|e| e.to_string())?;
    Ok(u.id)
}

/// Creates and publishes `courses` courses of `lessons` text lessons each
/// (five to a module); returns how many were created and how many existed.
pub async fn catalog(
    db: &DatabaseConnection,
    courses: usize,
    lessons: usize,
) -> Result<(usize, usize), String> {
    let by = owner(db).await?;
    let existing: HashSet<String> = course::Entity::find()
        .select_only()
        .column(course::Column::Slug)
        .into_tuple::<String>()
        .all(db)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    let todo: Vec<Plan> = (0..courses)
        .map(plan)
        .filter(|p| !existing.contains(&p.input.slug))
        .collect();
    let skipped = courses - todo.len();
    let lessons = lessons.max(1);
    for batch in todo.chunks(BATCH) {
        let txn = kuza_db::begin_write(db).await.map_err(|e| e.to_string())?;
        for p in batch {
            let c = draft::create(&txn, by, &p.input)
                .await
                .map_err(|e| format!("{}: {e}", p.input.slug))?;
            let topic = TOPICS[p.topic].3;
            let mut module_id = 0;
            for n in 1..=lessons {
                if n % 5 == 1 {
                    let title = p
                        .langs
                        .iter()
                        .map(|&l| (LANGS[l].to_owned(), fill(MODULE[l], "", "", n / 5 + 1)))
                        .collect();
                    let input = ModuleInput {
                        title,
                        position: None,
                    };
                    module_id = draft::add_module(&txn, &c, &input)
                        .await
                        .map_err(|e| e.to_string())?
                        .id;
                }
                let per_lang = |patterns: &[&str; 6]| -> Translated {
                    p.langs
                        .iter()
                        .map(|&l| {
                            let a = AUDIENCES[(p.audience + n) % 5][l];
                            (LANGS[l].to_owned(), fill(patterns[l], topic[l], a, n))
                        })
                        .collect()
                };
                let body = per_lang(&SUMMARIES[n % 3]);
                let input = LessonInput {
                    title: per_lang(&LESSON),
                    kind: "text".into(),
                    required: true,
                    body,
                    content: Default::default(),
                    position: None,
                };
                draft::add_lesson(&txn, &c, module_id, &input)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            draft::add_lesson(&txn, &c, module_id, &closing_quiz(&p.langs))
                .await
                .map_err(|e| e.to_string())?;
            versions::publish(&txn, &c, by)
                .await
                .map_err(|e| format!("{}: {e}", p.input.slug))?;
        }
        txn.commit().await.map_err(|e| e.to_string())?;
    }
    Ok((todo.len(), skipped))
}

/// The address of generated learner `n` (1-based).
pub fn learner_email(n: usize) -> String {
    format!("learner-{n:06}@generated.example.org")
}

/// What [`learners`] wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub learners: usize,
    pub organisations: usize,
    pub enrollments: usize,
    /// Of which recorded completed.
    pub completions: usize,
    pub progress: usize,
    /// The courses they were spread over.
    pub courses: usize,
}

/// A well-spread, repeatable number for the `j`th item (splitmix64).
fn spread(j: usize) -> u64 {
    let mut z = (j as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Multi-row inserts, as many rows to a statement as stay well under both
/// databases' limits on bound values (SQLite 32,766, PostgreSQL 65,535).
async fn insert_all<A>(
    conn: &impl ConnectionTrait,
    rows: Vec<A>,
    columns: usize,
) -> Result<(), DbErr>
where
    A: ActiveModelTrait,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    let per = (30_000 / columns).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// Creates `learners` learners (`learner-000001@generated.example.org`, …,
/// all with [`LEARNER_PASSWORD`]) in the six languages, with the profiles
/// of [`profile`] and one generated organisation per [`PER_ORGANISATION`]
/// learners, enrolled over the past year in the published, open,
/// self-paced courses, with `progress` lessons completed in all. Learners
/// take `enrolments` enrolments in all (by default as many as `progress`
/// needs with half of each course done, and one more); each has between
/// none and all of its course's lessons done, around the mean that makes
/// `progress` (enrolments after the `progress`th lesson are not started).
/// Refused when generated learners are already there.
pub async fn learners(
    db: &DatabaseConnection,
    learners: usize,
    enrolments: Option<usize>,
    progress: usize,
) -> Result<Generated, String> {
    let err = |e: DbErr| e.to_string();
    if learners == 0 || learners > 999_999 {
        return Err("--learners must be between 1 and 999999".into());
    }
    let there = user::Entity::find()
        .filter(user::Column::Email.eq(learner_email(1)))
        .count(db)
        .await
        .map_err(err)?;
    if there > 0 {
        return Err("generated learners are already there: use a new database".into());
    }
    let slugs: Vec<String> = course::Entity::find()
        .filter(course::Column::Status.eq(CourseStatus::Published))
        .filter(course::Column::Format.eq(Format::SelfPaced))
        .filter(course::Column::Enrolment.eq(EnrolmentMode::Open))
        .order_by_asc(course::Column::Id)
        .select_only()
        .column(course::Column::Slug)
        .into_tuple()
        .all(db)
        .await
        .map_err(err)?;
    // Each course's id and the keys of its lessons that are marked complete
    // by hand, in the order a learner meets them.
    let mut courses: Vec<(i32, Vec<String>)> = Vec::new();
    for slug in slugs {
        let (c, v) = versions::published(db, &slug)
            .await
            .map_err(|e| format!("{slug}: {e}"))?;
        let keys: Vec<String> = v
            .document
            .modules
            .iter()
            .flat_map(|m| &m.lessons)
            .filter(|l| l.kind.marked_complete())
            .map(|l| l.key.clone())
            .collect();
        if !keys.is_empty() {
            courses.push((c.id, keys));
        }
    }
    if courses.is_empty() {
        return Err(
            "no published, open, self-paced course with lessons: run generate-catalog first".into(),
        );
    }
    let lessons: usize = courses.iter().map(|c| c.1.len()).sum();
    // Half a course's lessons done, on average.
    let mean = lessons as f64 / courses.len() as f64 / 2.0;
    let per_learner = match enrolments {
        Some(n) => n.div_ceil(learners).max(1),
        None => (progress as f64 / (learners as f64 * mean)).ceil() as usize + 1,
    }
    .min(courses.len());
    // Lessons done per enrolment, on average: a little over what makes
    // `progress` in all, so that it is reached (the last enrolments are
    // then left unstarted).
    let wanted = progress as f64 / (learners * per_learner) as f64 * 1.15;
    let places: Vec<&str> = kuza_i18n::countries::countries()
        .iter()
        .filter(|c| c.region.is_some())
        .map(|c| c.code.as_str())
        .collect();
    let organisations = generated_organisations(db, learners.div_ceil(PER_ORGANISATION), &places)
        .await
        .map_err(err)?;
    let hash = kuza_accounts::passwords::hash(LEARNER_PASSWORD);
    let now = kuza_db::now();
    let mut left = progress;
    let mut made = Generated {
        courses: courses.len(),
        organisations: organisations.len(),
        ..Generated::default()
    };
    for first in (0..learners).step_by(LEARNER_BATCH) {
        let last = (first + LEARNER_BATCH).min(learners);
        let txn = kuza_db::begin_write(db).await.map_err(err)?;
        let users = (first..last).map(|i| {
            let p = profile(i, &places, &organisations);
            user::ActiveModel {
                email: Set(learner_email(i + 1)),
                password_hash: Set(hash.clone()),
                display_name: Set(format!("Learner {}", i + 1)),
                language: Set(LANGS[i % LANGS.len()].into()),
                country: Set(p.country.into()),
                organisation_id: Set(p.organisation),
                organisation_confirmed_at: Set(p.confirmed.then_some(now)),
                organisation_confirmation: Set(p.confirmed.then(|| "coordinator".to_owned())),
                gender: Set(p.gender.map(str::to_owned)),
                birth_year: Set(p.birth_year),
                email_verified_at: Set(Some(now)),
                active: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        });
        insert_all(&txn, users.collect(), 14).await.map_err(err)?;
        let ids: Vec<(String, i32)> = user::Entity::find()
            .filter(user::Column::Email.between(learner_email(first + 1), learner_email(last)))
            .select_only()
            .column(user::Column::Email)
            .column(user::Column::Id)
            .into_tuple()
            .all(&txn)
            .await
            .map_err(err)?;
        let ids: HashMap<String, i32> = ids.into_iter().collect();
        // (user, course index, enrolled at, lessons done) per enrolment.
        let mut plan = Vec::new();
        for i in first..last {
            let user_id = ids[&learner_email(i + 1)];
            for k in 0..per_learner {
                let j = i * per_learner + k;
                let c = (i * 7919 + k) % courses.len();
                let at = now - 86_400 * (spread(j) % 365) as i64 - 3_600;
                let done = lessons_done(j, courses[c].1.len(), wanted).min(left);
                left -= done;
                // A third of those with every lesson done completed.
                let completed = done == courses[c].1.len() && spread(j ^ 0x5A5A).is_multiple_of(3);
                plan.push((user_id, c, at, done, completed));
            }
        }
        let enrolments =
            plan.iter().map(
                |&(user_id, c, at, done, completed)| enrollment::ActiveModel {
                    course_id: Set(courses[c].0),
                    user_id: Set(user_id),
                    cohort_id: Set(None),
                    status: Set(if completed {
                        EnrollmentStatus::Completed
                    } else {
                        EnrollmentStatus::Active
                    }),
                    enrolled_at: Set(at),
                    completed_at: Set(completed.then_some(at + 600 * (done as i64 + 1))),
                    queued_at: Set(None),
                    offer_expires_at: Set(None),
                    answers: Set(None),
                    created_at: Set(at),
                    updated_at: Set(at),
                    ..Default::default()
                },
            );
        insert_all(&txn, enrolments.collect(), 11)
            .await
            .map_err(err)?;
        let rows: Vec<(i32, i32, i32)> = enrollment::Entity::find()
            .filter(enrollment::Column::UserId.is_in(ids.values().copied()))
            .select_only()
            .column(enrollment::Column::Id)
            .column(enrollment::Column::UserId)
            .column(enrollment::Column::CourseId)
            .into_tuple()
            .all(&txn)
            .await
            .map_err(err)?;
        let enrolment_of: HashMap<(i32, i32), i32> =
            rows.into_iter().map(|(id, u, c)| ((u, c), id)).collect();
        let mut events = Vec::with_capacity(plan.len());
        let mut done_rows = Vec::new();
        let mut days = Vec::new();
        for &(user_id, c, at, done, completed) in &plan {
            let id = enrolment_of[&(user_id, courses[c].0)];
            // The days of activity: enrolling, each lesson, completing.
            let mut active: Vec<i64> = (0..=done as i64)
                .map(|n| (at + 600 * n).div_euclid(86_400))
                .collect();
            if completed {
                made.completions += 1;
                active.push((at + 600 * (done as i64 + 1)).div_euclid(86_400));
            }
            active.dedup();
            days.extend(active.into_iter().map(|d| learning_day::ActiveModel {
                enrollment_id: Set(id),
                day: Set(i32::try_from(d).unwrap_or(i32::MAX)),
                user_id: Set(user_id),
                course_id: Set(courses[c].0),
            }));
            events.push(enrollment_event::ActiveModel {
                enrollment_id: Set(id),
                status: Set(EnrollmentStatus::Active),
                actor_id: Set(Some(user_id)),
                message: Set(None),
                created_at: Set(at),
                ..Default::default()
            });
            for (n, key) in courses[c].1.iter().take(done).enumerate() {
                done_rows.push(lesson_progress::ActiveModel {
                    enrollment_id: Set(id),
                    lesson_key: Set(key.clone()),
                    completed_at: Set(at + 600 * (n as i64 + 1)),
                });
            }
        }
        made.learners += last - first;
        made.enrollments += plan.len();
        made.progress += done_rows.len();
        insert_all(&txn, events, 5).await.map_err(err)?;
        insert_all(&txn, done_rows, 3).await.map_err(err)?;
        insert_all(&txn, days, 4).await.map_err(err)?;
        txn.commit().await.map_err(err)?;
    }
    // Fresh statistics for the query planner, as after any bulk load (a
    // PostgreSQL without autovacuum would otherwise plan for empty tables).
    let analyze = if kuza_db::is_postgres(db) {
        "ANALYZE organisations, users, enrollments, enrollment_events, lesson_progress, \
         learning_days"
    } else {
        "ANALYZE"
    };
    db.execute_unprepared(analyze).await.map_err(err)?;
    Ok(made)
}

/// How many of a course's `lessons` the `j`th enrolment has done: spread
/// from none to all around `mean` (a mean at or above all is all).
fn lessons_done(j: usize, lessons: usize, mean: f64) -> usize {
    if mean >= lessons as f64 {
        return lessons;
    }
    // Uniform on [0, 2·mean] when the mean is under half, else skewed up
    // towards all: the mean stays where it is asked.
    let u = (spread(!j) % 10_000) as f64 / 10_000.0;
    let half = lessons as f64 / 2.0;
    let x = if mean <= half {
        u * 2.0 * mean
    } else {
        lessons as f64 - u * 2.0 * (lessons as f64 - mean)
    };
    (x.round() as usize).min(lessons)
}

/// A generated learner's profile.
struct Profile<'a> {
    country: &'a str,
    gender: Option<&'static str>,
    birth_year: Option<i32>,
    organisation: Option<i32>,
    confirmed: bool,
}

/// The `i`th learner's profile: a country of any M49 region, a gender (4%
/// not stated), a year of birth from 1955 to 2006 (5% not stated), and for
/// 60% of learners an organisation, confirmed for five in six of them.
fn profile<'a>(i: usize, places: &[&'a str], organisations: &[i32]) -> Profile<'a> {
    let r = spread(i ^ 0x0F0F_0F0F);
    let gender = match r % 100 {
        0..48 => Some("female"),
        48..94 => Some("male"),
        94..96 => Some("other"),
        _ => None,
    };
    let birth_year = ((r >> 8) % 100 >= 5).then(|| 1955 + ((r >> 16) % 52) as i32);
    let member = (r >> 24) % 10 < 6 && !organisations.is_empty();
    Profile {
        country: places[(spread(i) % places.len() as u64) as usize],
        gender,
        birth_year,
        organisation: member.then(|| organisations[i % organisations.len()]),
        confirmed: member && !(r >> 32).is_multiple_of(6),
    }
}

/// `count` organisations of every kind, in countries of every region
/// (those there already kept); their ids in name order.
async fn generated_organisations(
    db: &DatabaseConnection,
    count: usize,
    places: &[&str],
) -> Result<Vec<i32>, DbErr> {
    use kuza_accounts::values::ORGANISATION_KINDS;
    let there = organisation::Entity::find()
        .filter(organisation::Column::Name.starts_with(ORGANISATION_PREFIX))
        .count(db)
        .await? as usize;
    let now = kuza_db::now();
    let rows: Vec<organisation::ActiveModel> = (there..count)
        .map(|n| organisation::ActiveModel {
            name: Set(format!("{ORGANISATION_PREFIX}{:04}", n + 1)),
            kind: Set(ORGANISATION_KINDS[n % ORGANISATION_KINDS.len()].into()),
            country: Set(places[(spread(n ^ 0xC0FFEE) % places.len() as u64) as usize].into()),
            names: Set("{}".into()),
            email_domains: Set("[]".into()),
            provider: Set(false),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    insert_all(db, rows, 7).await?;
    organisation::Entity::find()
        .filter(organisation::Column::Name.starts_with(ORGANISATION_PREFIX))
        .order_by_asc(organisation::Column::Name)
        .limit(count as u64)
        .select_only()
        .column(organisation::Column::Id)
        .into_tuple()
        .all(db)
        .await
}

/// Marks `count` enrolments of generated learners completed (their
/// addresses confirmed), as if they had completed before certificates
/// existed, and returns the `course_completed` job payloads that issue
/// their certificates (for the certificate benchmark). Refused in a
/// database without that many.
pub async fn completions(db: &DatabaseConnection, count: usize) -> Result<Vec<String>, String> {
    use sea_orm::sea_query::Expr;
    let err = |e: DbErr| e.to_string();
    let rows: Vec<(i32, i32, i32)> = enrollment::Entity::find()
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Active))
        .order_by_asc(enrollment::Column::Id)
        .limit(count as u64)
        .select_only()
        .column(enrollment::Column::Id)
        .column(enrollment::Column::UserId)
        .column(enrollment::Column::CourseId)
        .into_tuple()
        .all(db)
        .await
        .map_err(err)?;
    if rows.len() < count {
        return Err(format!(
            "only {} active enrolments: run generate-learners first",
            rows.len()
        ));
    }
    let versions: HashMap<i32, i32> = course::Entity::find()
        .select_only()
        .column(course::Column::Id)
        .column(course::Column::CurrentVersion)
        .into_tuple()
        .all(db)
        .await
        .map_err(err)?
        .into_iter()
        .collect();
    let t = kuza_db::now();
    for chunk in rows.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|r| r.0).collect();
        let users: Vec<i32> = chunk.iter().map(|r| r.1).collect();
        enrollment::Entity::update_many()
            .col_expr(
                enrollment::Column::Status,
                Expr::value(EnrollmentStatus::Completed),
            )
            .col_expr(enrollment::Column::CompletedAt, Expr::value(t))
            .filter(enrollment::Column::Id.is_in(ids))
            .exec(db)
            .await
            .map_err(err)?;
        user::Entity::update_many()
            .col_expr(user::Column::EmailVerifiedAt, Expr::value(t))
            .filter(user::Column::Id.is_in(users))
            .exec(db)
            .await
            .map_err(err)?;
    }
    Ok(rows
        .iter()
        .map(|(id, _, c)| {
            serde_json::json!({ "enrollment_id": id, "course_id": c,
                                "version": versions.get(c).copied().unwrap_or(1) })
            .to_string()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_done_keep_their_mean_and_profiles_cover_every_region() {
        for mean in [0.5, 2.0, 5.0, 8.0] {
            let total: usize = (0..20_000).map(|j| lessons_done(j, 10, mean)).sum();
            let got = total as f64 / 20_000.0;
            assert!((got - mean).abs() < 0.1, "{mean}: {got}");
        }
        assert_eq!(lessons_done(3, 10, 12.0), 10);
        let places: Vec<&str> = kuza_i18n::countries::countries()
            .iter()
            .filter(|c| c.region.is_some())
            .map(|c| c.code.as_str())
            .collect();
        let profiles: Vec<Profile> = (0..5_000).map(|i| profile(i, &places, &[1, 2])).collect();
        let regions: HashSet<_> = profiles
            .iter()
            .filter_map(|p| kuza_i18n::countries::get(p.country)?.region.clone())
            .collect();
        assert_eq!(regions.len(), 5, "{regions:?}");
        let ldc = profiles
            .iter()
            .filter(|p| kuza_i18n::countries::get(p.country).is_some_and(|c| c.ldc))
            .count();
        assert!(ldc > 500, "{ldc} in least developed countries");
        let women = profiles
            .iter()
            .filter(|p| p.gender == Some("female"))
            .count();
        assert!((2_200..2_600).contains(&women), "{women}");
        let members = profiles.iter().filter(|p| p.organisation.is_some()).count();
        let confirmed = profiles.iter().filter(|p| p.confirmed).count();
        assert!((2_800..3_200).contains(&members) && confirmed < members && confirmed > 2_000);
    }

    #[test]
    fn generated_courses_spread_over_languages_formats_levels_and_topics() {
        let plans: Vec<Plan> = (0..96).map(plan).collect();
        for l in LANGS {
            assert!(plans.iter().any(|p| p.input.default_language == l), "{l}");
        }
        for f in Format::all() {
            assert!(plans.iter().any(|p| p.input.format == f.code()), "{f:?}");
        }
        assert!(plans.iter().any(|p| p.input.languages.len() == 3));
        let slugs: HashSet<_> = plans.iter().map(|p| p.input.slug.clone()).collect();
        assert_eq!(slugs.len(), 96);
        let p = &plans[4];
        assert_eq!(p.input.default_language, "zh");
        assert!(
            p.input.title["zh"].contains("供水和环境卫生"),
            "{:?}",
            p.input.title
        );
    }
}
