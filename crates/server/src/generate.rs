//! `kuza generate-catalog`: many realistic-looking published courses, for
//! load tests and for trying the catalog. Titles and summaries are built
//! from word lists in the six languages (topic × pattern × audience), with
//! formats, levels, durations, themes and SDGs varied. Everything goes
//! through `kuza_courses` (create, modules, lessons, publish), in
//! transactions of [`BATCH`] courses; slugs that exist are skipped, so a
//! second run adds only what is missing.

use kuza_accounts::users::{self, AccountInput};
use kuza_accounts::{Grants, Role, roles};
use kuza_courses::draft::{self, CourseInput, LessonInput, ModuleInput};
use kuza_courses::values::{FORMATS, LEVELS};
use kuza_courses::{Translated, versions};
use kuza_db::entities::course;
use sea_orm::{DatabaseConnection, EntityTrait, QuerySelect};
use std::collections::HashSet;

const BATCH: usize = 50;
const OWNER: &str = "catalog-generator@example.org";
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
            format: FORMATS[(i / 5) % FORMATS.len()].into(),
            level: LEVELS[(i / 2) % LEVELS.len()].into(),
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
            versions::publish(&txn, &c, by)
                .await
                .map_err(|e| format!("{}: {e}", p.input.slug))?;
        }
        txn.commit().await.map_err(|e| e.to_string())?;
    }
    Ok((todo.len(), skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_courses_spread_over_languages_formats_levels_and_topics() {
        let plans: Vec<Plan> = (0..96).map(plan).collect();
        for l in LANGS {
            assert!(plans.iter().any(|p| p.input.default_language == l), "{l}");
        }
        for f in FORMATS {
            assert!(plans.iter().any(|p| p.input.format == f), "{f}");
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
