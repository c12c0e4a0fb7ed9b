//! A SCORM package's manifest (`imsmanifest.xml` at its root), read into
//! what Kuza needs to run it: the standard and edition, the organizations
//! (the table of contents: items, nested, each launching a resource or
//! grouping others), and the resources (SCOs, which talk to the run-time
//! API, and assets), with the problems a package can have each said with
//! where it is.
//!
//! The XML is read without a DTD: a document that declares one (entities,
//! the billion laughs) is refused, and at most [`NODES_MAX`] nodes are
//! read. Elements and attributes are matched by local name, as authoring
//! tools write the SCORM namespaces with any prefix.

use roxmltree::{Document, Node, ParsingOptions};
use serde::{Deserialize, Serialize};

/// The most XML nodes a manifest may have (a large multi-SCO package has a
/// few thousand).
pub const NODES_MAX: u32 = 200_000;

/// Which standard a package follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standard {
    Scorm12,
    /// SCORM 2004, 3rd or 4th edition.
    Scorm2004 {
        edition: u8,
    },
}

/// A problem of the package, and where it is (`manifest`,
/// `resources[2].href`, `organizations[0].items[1]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub code: &'static str,
}

fn problem(at: impl Into<String>, code: &'static str) -> Problem {
    Problem {
        at: at.into(),
        code,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub identifier: String,
    pub standard: Standard,
    /// The organization to show (the manifest's default, else the first).
    pub default_organization: Option<String>,
    pub organizations: Vec<Organization>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub identifier: String,
    pub title: String,
    pub items: Vec<Item>,
}

/// An entry of the table of contents: it launches a resource, or groups
/// the items under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub identifier: String,
    pub title: String,
    /// The resource it launches (`identifierref`).
    pub resource: Option<String>,
    /// Added to the resource's address when it is launched.
    pub parameters: Option<String>,
    pub visible: bool,
    /// SCORM 1.2 `adlcp:masteryscore` (0–100).
    pub mastery_score: Option<f64>,
    /// `adlcp:datafromlms` (1.2) or `adlcp:dataFromLMS` (2004): the SCO's
    /// launch data.
    pub launch_data: Option<String>,
    /// SCORM 2004 `adlcp:completionThreshold` (0–1): the progress measure
    /// at which the SCO counts as completed (3rd edition: its text; 4th:
    /// `minProgressMeasure` when `completedByMeasure` is true).
    pub completion_threshold: Option<f64>,
    /// SCORM 2004: the scaled score that passes, when the primary
    /// objective is satisfied by measure (`imsss:minNormalizedMeasure`,
    /// 1.0 when not given). Sequencing written in a
    /// `sequencingCollection` and referenced by `IDRef` is not read.
    pub passing_score: Option<f64>,
    pub children: Vec<Item>,
}

/// Whether a resource talks to the run-time API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScormType {
    Sco,
    Asset,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub identifier: String,
    pub scorm_type: ScormType,
    /// The file it launches, relative to the package's root (its
    /// `xml:base` applied), with any query string.
    pub href: Option<String>,
}

impl Manifest {
    /// The organization shown: the default one, else the first.
    pub fn organization(&self) -> Option<&Organization> {
        self.default_organization
            .as_ref()
            .and_then(|d| self.organizations.iter().find(|o| &o.identifier == d))
            .or_else(|| self.organizations.first())
    }

    pub fn resource(&self, identifier: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.identifier == identifier)
    }

    /// The items that launch something, in the order a learner meets them.
    pub fn launchable(&self) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for i in items {
                if i.resource.is_some() {
                    out.push(i);
                }
                walk(&i.children, out);
            }
        }
        let mut out = vec![];
        if let Some(o) = self.organization() {
            walk(&o.items, &mut out);
        }
        out
    }
}

/// An attribute by local name, whatever its namespace prefix; SCORM's own
/// are compared without case (`scormtype` in 1.2, `scormType` in 2004).
fn attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name().eq_ignore_ascii_case(name))
        .map(|a| a.value())
}

fn children<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(n, name).next()
}

fn text_of(n: Option<Node<'_, '_>>) -> String {
    n.and_then(|n| n.text())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The standard, from `metadata/schemaversion`, else from the namespace
/// of `adlcp` the manifest declares.
fn standard(root: Node<'_, '_>) -> Option<Standard> {
    let version = text_of(child(root, "metadata").and_then(|m| child(m, "schemaversion")));
    match version.as_str() {
        "1.2" => return Some(Standard::Scorm12),
        "CAM 1.3" | "2004 3rd Edition" => return Some(Standard::Scorm2004 { edition: 3 }),
        "2004 4th Edition" => return Some(Standard::Scorm2004 { edition: 4 }),
        "" => {}
        _ => return None,
    }
    let namespaces: Vec<&str> = root.namespaces().map(|n| n.uri()).collect();
    if namespaces.contains(&"http://www.adlnet.org/xsd/adlcp_rootv1p2") {
        Some(Standard::Scorm12)
    } else if namespaces.contains(&"http://www.adlnet.org/xsd/adlcp_v1p3") {
        Some(Standard::Scorm2004 { edition: 3 })
    } else {
        None
    }
}

/// A path inside the package: relative, no `..`, no scheme, no backslash.
fn inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains("://")
        && !path.starts_with("data:")
        && !path.starts_with("javascript:")
        && path.split('/').all(|p| p != "..")
}

/// `base` + `href`, the query and fragment kept on the result.
fn joined(bases: &[&str], href: &str) -> String {
    let mut out = String::new();
    for b in bases.iter().filter(|b| !b.is_empty()) {
        out.push_str(b);
        if !out.ends_with('/') {
            out.push('/');
        }
    }
    out.push_str(href);
    out
}

fn items(
    n: Node<'_, '_>,
    at: &str,
    standard: Standard,
    ids: &mut Vec<String>,
    bad: &mut Vec<Problem>,
) -> Vec<Item> {
    let mut out = vec![];
    for (i, item) in children(n, "item").enumerate() {
        let at = format!("{at}.items[{i}]");
        let identifier = attr(item, "identifier").unwrap_or_default().to_owned();
        if identifier.is_empty() {
            bad.push(problem(
                format!("{at}.identifier"),
                "package_identifier_missing",
            ));
        } else if ids.contains(&identifier) {
            bad.push(problem(
                format!("{at}.identifier"),
                "package_identifier_repeated",
            ));
        }
        ids.push(identifier.clone());
        let mut number = |text: Option<&str>, field: &str, range: std::ops::RangeInclusive<f64>| {
            let text = text.map(str::trim).filter(|t| !t.is_empty())?;
            match text.parse::<f64>() {
                Ok(v) if range.contains(&v) => Some(v),
                _ => {
                    bad.push(problem(format!("{at}.{field}"), "package_value_invalid"));
                    None
                }
            }
        };
        let (mut mastery_score, mut completion_threshold, mut passing_score) = (None, None, None);
        match standard {
            Standard::Scorm12 => {
                let m = text_of(child(item, "masteryscore"));
                mastery_score = number(Some(&m), "masteryscore", 0.0..=100.0);
            }
            Standard::Scorm2004 { edition } => {
                if let Some(t) = child(item, "completionThreshold") {
                    let by_measure = attr(t, "completedByMeasure") == Some("true");
                    completion_threshold = match (edition, t.text()) {
                        (3, text) => number(text, "completionThreshold", 0.0..=1.0),
                        _ if by_measure => number(
                            Some(attr(t, "minProgressMeasure").unwrap_or("1.0")),
                            "completionThreshold.minProgressMeasure",
                            0.0..=1.0,
                        ),
                        _ => None,
                    };
                }
                let primary = child(item, "sequencing")
                    .and_then(|s| child(s, "objectives"))
                    .and_then(|o| child(o, "primaryObjective"))
                    .filter(|p| attr(*p, "satisfiedByMeasure") == Some("true"));
                if let Some(p) = primary {
                    let min = text_of(child(p, "minNormalizedMeasure"));
                    let min = if min.is_empty() {
                        "1.0".to_owned()
                    } else {
                        min
                    };
                    passing_score = number(
                        Some(&min),
                        "sequencing.objectives.primaryObjective.minNormalizedMeasure",
                        -1.0..=1.0,
                    );
                }
            }
        }
        let launch = child(item, "datafromlms").or_else(|| child(item, "dataFromLMS"));
        out.push(Item {
            title: text_of(child(item, "title")),
            resource: attr(item, "identifierref").map(str::to_owned),
            parameters: attr(item, "parameters").map(str::to_owned),
            visible: attr(item, "isvisible") != Some("false"),
            mastery_score,
            launch_data: launch.map(|l| text_of(Some(l))),
            completion_threshold,
            passing_score,
            children: items(item, &at, standard, ids, bad),
            identifier,
        });
    }
    out
}

/// Reads `xml` (the manifest's text); `exists` says whether the package
/// has a file (a path from its root).
pub fn parse(xml: &str, exists: &dyn Fn(&str) -> bool) -> Result<Manifest, Vec<Problem>> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_MAX,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| {
        let code = match e {
            roxmltree::Error::DtdDetected => "package_manifest_dtd",
            roxmltree::Error::NodesLimitReached => "package_manifest_too_large",
            _ => "package_manifest_invalid",
        };
        vec![problem("manifest", code)]
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "manifest" {
        return Err(vec![problem("manifest", "package_manifest_invalid")]);
    }
    let Some(standard) = standard(root) else {
        return Err(vec![problem("manifest.metadata", "package_schema_unknown")]);
    };
    let mut bad = vec![];
    let base = attr(root, "base").unwrap_or_default();

    let mut resources = vec![];
    let list = child(root, "resources");
    let resources_base = list.and_then(|l| attr(l, "base")).unwrap_or_default();
    for (i, r) in list
        .into_iter()
        .flat_map(|l| children(l, "resource"))
        .enumerate()
    {
        let at = format!("resources[{i}]");
        let identifier = attr(r, "identifier").unwrap_or_default().to_owned();
        if identifier.is_empty() {
            bad.push(problem(
                format!("{at}.identifier"),
                "package_identifier_missing",
            ));
        }
        let scorm_type = match attr(r, "scormtype").map(str::to_ascii_lowercase).as_deref() {
            Some("sco") => ScormType::Sco,
            Some("asset") | None => ScormType::Asset,
            Some(_) => {
                bad.push(problem(format!("{at}.scormType"), "package_value_invalid"));
                ScormType::Asset
            }
        };
        let bases = [base, resources_base, attr(r, "base").unwrap_or_default()];
        let href = attr(r, "href").map(|h| joined(&bases, h));
        if let Some(h) = &href {
            let file = h.split(['?', '#']).next().unwrap_or_default();
            if !inside(h) {
                bad.push(problem(format!("{at}.href"), "package_path_outside"));
            } else if !exists(file) {
                bad.push(problem(format!("{at}.href"), "package_file_missing"));
            }
        } else if scorm_type == ScormType::Sco {
            bad.push(problem(format!("{at}.href"), "package_sco_without_href"));
        }
        for (j, f) in children(r, "file").enumerate() {
            let path = joined(&bases, attr(f, "href").unwrap_or_default());
            if !inside(&path) {
                bad.push(problem(format!("{at}.files[{j}]"), "package_path_outside"));
            }
        }
        resources.push(Resource {
            identifier,
            scorm_type,
            href,
        });
    }

    let mut ids = vec![];
    let mut organizations = vec![];
    let orgs = child(root, "organizations");
    for (i, o) in orgs
        .into_iter()
        .flat_map(|o| children(o, "organization"))
        .enumerate()
    {
        let at = format!("organizations[{i}]");
        organizations.push(Organization {
            identifier: attr(o, "identifier").unwrap_or_default().to_owned(),
            title: text_of(child(o, "title")),
            items: items(o, &at, standard, &mut ids, &mut bad),
        });
    }
    let manifest = Manifest {
        identifier: attr(root, "identifier").unwrap_or_default().to_owned(),
        standard,
        default_organization: orgs.and_then(|o| attr(o, "default")).map(str::to_owned),
        organizations,
        resources,
    };
    // Every item launches a resource of the package.
    fn check(items: &[Item], m: &Manifest, at: &str, bad: &mut Vec<Problem>) {
        for (i, item) in items.iter().enumerate() {
            let at = format!("{at}.items[{i}]");
            if let Some(r) = &item.resource
                && m.resource(r).is_none()
            {
                bad.push(problem(
                    format!("{at}.identifierref"),
                    "package_resource_unknown",
                ));
            }
            check(&item.children, m, &at, bad);
        }
    }
    for (i, o) in manifest.organizations.iter().enumerate() {
        check(
            &o.items,
            &manifest,
            &format!("organizations[{i}]"),
            &mut bad,
        );
    }
    if manifest.launchable().is_empty() {
        bad.push(problem("organizations", "package_nothing_to_launch"));
    }
    if bad.is_empty() {
        Ok(manifest)
    } else {
        Err(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCORM12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.housing" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>Housing policy</title>
      <item identifier="i1" identifierref="r1" parameters="?part=1">
        <title>Part one</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:datafromlms>start=1</adlcp:datafromlms>
      </item>
      <item identifier="i2" identifierref="r2"><title>Part two</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="one/index.html">
      <file href="one/index.html"/>
    </resource>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="two.html"/>
    <resource identifier="shared" type="webcontent" adlcp:scormtype="asset"><file href="shared/style.css"/></resource>
  </resources>
</manifest>"#;

    const SCORM2004: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o">
    <organization identifier="o">
      <title>Land</title>
      <item identifier="module1"><title>Module 1</title>
        <item identifier="sco1" identifierref="r1"><title>Lesson 1</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
          <imsss:sequencing><imsss:objectives>
            <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure></imsss:primaryObjective>
          </imsss:objectives></imsss:sequencing>
        </item>
        <item identifier="sco2" identifierref="r1" parameters="?page=2" isvisible="false"><title>Lesson 2</title></item>
      </item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="sco.html"/>
  </resources>
</manifest>"#;

    fn all(_: &str) -> bool {
        true
    }

    fn codes(r: Result<Manifest, Vec<Problem>>) -> Vec<(String, &'static str)> {
        r.expect_err("refused")
            .into_iter()
            .map(|p| (p.at, p.code))
            .collect()
    }

    #[test]
    fn a_scorm_1_2_package_is_read_with_its_scos_mastery_score_and_launch_data() {
        let m = parse(SCORM12, &all).expect("valid");
        assert_eq!(m.standard, Standard::Scorm12);
        let items = m.launchable();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].mastery_score, Some(80.0));
        assert_eq!(items[0].launch_data.as_deref(), Some("start=1"));
        assert_eq!(items[0].parameters.as_deref(), Some("?part=1"));
        let r1 = m.resource("r1").unwrap();
        assert_eq!(
            (r1.scorm_type, r1.href.as_deref()),
            (ScormType::Sco, Some("one/index.html"))
        );
        assert_eq!(m.resource("shared").unwrap().scorm_type, ScormType::Asset);
    }

    #[test]
    fn a_scorm_2004_package_is_read_with_nested_items_and_its_base() {
        let m = parse(SCORM2004, &all).expect("valid");
        assert_eq!(m.standard, Standard::Scorm2004 { edition: 4 });
        let o = m.organization().unwrap();
        assert_eq!((o.title.as_str(), o.items.len()), ("Land", 1));
        assert_eq!(o.items[0].children.len(), 2);
        assert!(!o.items[0].children[1].visible);
        let sco1 = &o.items[0].children[0];
        assert_eq!(
            (sco1.completion_threshold, sco1.passing_score),
            (Some(0.8), Some(0.7))
        );
        let sco2 = &o.items[0].children[1];
        assert_eq!(
            (sco2.completion_threshold, sco2.passing_score),
            (None, None)
        );
        let launch: Vec<&str> = m
            .launchable()
            .iter()
            .map(|i| i.identifier.as_str())
            .collect();
        assert_eq!(launch, ["sco1", "sco2"]);
        assert_eq!(
            m.resource("r1").unwrap().href.as_deref(),
            Some("content/sco.html")
        );
        // The 3rd edition writes the threshold as the element's text.
        let third = SCORM2004.replace("2004 4th Edition", "2004 3rd Edition").replace(
            r#"<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>"#,
            "<adlcp:completionThreshold>0.6</adlcp:completionThreshold>",
        );
        let m3 = parse(&third, &all).unwrap();
        assert_eq!(m3.standard, Standard::Scorm2004 { edition: 3 });
        assert_eq!(m3.launchable()[0].completion_threshold, Some(0.6));
        let bad = SCORM2004.replace("minProgressMeasure=\"0.8\"", "minProgressMeasure=\"2\"");
        assert_eq!(
            codes(parse(&bad, &all)),
            [(
                "organizations[0].items[0].items[0].completionThreshold.minProgressMeasure"
                    .to_owned(),
                "package_value_invalid"
            )]
        );
    }

    #[test]
    fn entities_and_unknown_schemas_are_refused() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<manifest identifier="x"><metadata><schemaversion>1.2</schemaversion></metadata>&lol2;</manifest>"#;
        assert_eq!(
            codes(parse(laughs, &all)),
            [("manifest".into(), "package_manifest_dtd")]
        );
        assert_eq!(
            codes(parse("<manifest", &all)),
            [("manifest".into(), "package_manifest_invalid")]
        );
        let other = SCORM12.replace(
            "<schemaversion>1.2</schemaversion>",
            "<schemaversion>9.9</schemaversion>",
        );
        assert_eq!(
            codes(parse(&other, &all)),
            [("manifest.metadata".into(), "package_schema_unknown")]
        );
    }

    #[test]
    fn a_resource_outside_the_package_or_missing_and_an_unknown_reference_are_said_where() {
        let outside = SCORM12.replace(r#"href="two.html""#, r#"href="../two.html""#);
        assert_eq!(
            codes(parse(&outside, &all)),
            [("resources[1].href".into(), "package_path_outside")]
        );
        let remote = SCORM12.replace(
            r#"href="two.html""#,
            r#"href="https://example.org/two.html""#,
        );
        assert_eq!(
            codes(parse(&remote, &all)),
            [("resources[1].href".into(), "package_path_outside")]
        );
        let missing = parse(SCORM12, &|f: &str| f != "two.html");
        assert_eq!(
            codes(missing),
            [("resources[1].href".into(), "package_file_missing")]
        );
        let unknown = SCORM12.replace(r#"identifierref="r2""#, r#"identifierref="nope""#);
        assert_eq!(
            codes(parse(&unknown, &all)),
            [(
                "organizations[0].items[1].identifierref".into(),
                "package_resource_unknown"
            )]
        );
        let repeated = SCORM12.replace(r#"identifier="i2""#, r#"identifier="i1""#);
        assert_eq!(
            codes(parse(&repeated, &all)),
            [(
                "organizations[0].items[1].identifier".into(),
                "package_identifier_repeated"
            )]
        );
    }
}
