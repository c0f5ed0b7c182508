//! Classic XSS payloads (tests/data/xss-payloads.txt, shared with e2e/xss.spec.mjs) in
//! every kind of field of every built exercise and in the profile: the live preview holds
//! only the app's own tags, the exported markdown holds no HTML, link or image a renderer
//! would act on, and the answers import back exactly.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag};
use workbook::course::{FieldKind, TableRows, MODULES};
use workbook::import::{self, Incoming};
use workbook::model::{ExerciseAnswers, Profile, Row, Workbook};
use workbook::render::{exercise_document, exercise_markdown, html::to_html, Deliverable};

const PAYLOADS: &str = include_str!("data/xss-payloads.txt");

fn payloads() -> Vec<&'static str> {
    PAYLOADS.lines().filter(|l| !l.is_empty()).collect()
}

/// Every tag the preview writer can emit; anything else came from typed text.
/// The drawings' SVG tags (architecture diagram, rollout timeline), with every number
/// written as `N`.
const SVG_TAGS: &[&str] = &[
    "<figure class=\"diagram\">",
    "</figure>",
    "<svg xmlns=\"http://www.wN.org/N/svg\" class=\"diagram\" role=\"img\" viewBox=\"N N N N\" width=\"N\" height=\"N\">",
    "</svg>",
    "<title>",
    "</title>",
    "<defs>",
    "</defs>",
    "<marker id=\"arrowhead\" viewBox=\"N N N N\" refX=\"N\" refY=\"N\" markerWidth=\"N\" markerHeight=\"N\" orient=\"auto-start-reverse\">",
    "</marker>",
    "<path d=\"MN,N LN,N LN,N z\"/>",
    "<line xN=\"N\" yN=\"N\" xN=\"N\" yN=\"N\" marker-end=\"url(#arrowhead)\"/>",
    "<g>",
    "</g>",
    "<rect x=\"N\" y=\"N\" width=\"N\" height=\"N\" rx=\"N\"/>",
    "<text x=\"N\" y=\"N\" text-anchor=\"middle\">",
    "<text class=\"group\" x=\"N\" y=\"N\" text-anchor=\"middle\">",
    "<text class=\"edge-label\" x=\"N\" y=\"N\" text-anchor=\"middle\">",
    "</text>",
    "<svg xmlns=\"http://www.wN.org/N/svg\" class=\"diagram gantt\" role=\"img\" viewBox=\"N N N N\" width=\"N\" height=\"N\">",
    "<line class=\"tick\" xN=\"N\" yN=\"N\" xN=\"N\" yN=\"N\"/>",
    "<text class=\"tick-label\" x=\"N\" y=\"N\" text-anchor=\"middle\">",
    "<text x=\"N\" y=\"N\" text-anchor=\"end\">",
    "<text class=\"group\" x=\"N\" y=\"N\" text-anchor=\"end\">",
    "<rect class=\"bar\" x=\"N\" y=\"N\" width=\"N\" height=\"N\" rx=\"N\"/>",
    "<rect class=\"bar ongoing\" x=\"N\" y=\"N\" width=\"N\" height=\"N\" rx=\"N\"/>",
];

/// A tag with each run of digits replaced by `N`, to compare SVG tags by shape.
fn shape(tag: &str) -> String {
    let mut out = String::new();
    for c in tag.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('N') {
            out.push('N');
        }
    }
    out
}

const PREVIEW_TAGS: &[&str] = &[
    "<dl class=\"front-matter\">",
    "</dl>",
    "<dt>",
    "</dt>",
    "<dd>",
    "</dd>",
    "<p class=\"definitions\">",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h3>",
    "</h3>",
    "<p>",
    "</p>",
    "<p class=\"typed\">",
    "<ul>",
    "</ul>",
    "<ul class=\"checklist\">",
    "<li>",
    "</li>",
    "<span aria-hidden=\"true\">",
    "<span class=\"visually-hidden\">",
    "</span>",
    "<table>",
    "</table>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "</tbody>",
    "<tr>",
    "</tr>",
    "<th scope=\"col\">",
    "</th>",
    "<td>",
    "</td>",
    "<br>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<strong>",
    "</strong>",
    "<em>",
    "</em>",
];

fn tags(html: &str) -> BTreeSet<&str> {
    html.match_indices('<').map(|(start, _)| &html[start..=start + html[start..].find('>').unwrap()]).collect()
}

/// Answers with `payload` in every field: text, long text, numbers, choices (as an imported
/// file could carry), and every cell of every table, with an extra row where rows are free.
fn answers_with(exercise: &workbook::course::Exercise, payload: &str) -> ExerciseAnswers {
    let mut answers = ExerciseAnswers::default();
    exercise.seed_defaults(&mut answers);
    for field in exercise.fields() {
        match &field.kind {
            kind if !kind.is_input() => {}
            FieldKind::Table(spec) => {
                let rows = answers.rows_mut(field.id);
                if matches!(spec.rows, TableRows::Editable { .. }) {
                    rows.push(Row::new());
                }
                for row in rows.iter_mut() {
                    for column in spec.columns {
                        row.insert(column.id.to_owned(), payload.to_owned());
                    }
                }
            }
            _ => answers.set_text(field.id, payload.to_owned()),
        }
    }
    drawable(exercise.key, &mut answers, payload);
    answers
}

/// The few answers a drawing needs to be drawn at all, so that the payloads reach the
/// rollout timeline: a real start date, and phases with durations (and the payload after).
fn drawable(exercise: &str, answers: &mut ExerciseAnswers, payload: &str) {
    match exercise {
        // The capstone carries the phases as its own (refined) answer; 2.1 has them too.
        "m6-2.3" | "m6-2.1" => {
            if exercise == "m6-2.3" {
                answers.set_text("rollout_start", "2027-02-01".into());
            }
            answers.rows_mut("phases").iter_mut().for_each(|row| {
                row.insert("duration".into(), format!("4 weeks {payload}"));
            });
        }
        _ => {}
    }
}

#[test]
fn there_are_at_least_thirty_payloads() {
    assert!(payloads().len() >= 30, "{}", payloads().len());
}

#[test]
fn payloads_in_every_field_stay_text_in_preview_export_and_import() {
    let exercises: Vec<_> =
        MODULES.iter().flat_map(|m| m.exercises.iter().map(move |e| (m, e))).filter(|(_, e)| e.is_built()).collect();
    assert!(!exercises.is_empty());
    for payload in payloads() {
        let profile = Profile { name: payload.into(), cohort: payload.into(), scenario: payload.into() };
        // Other exercises' answers, shown by reference fields, carry the payload too.
        let mut others = Workbook { profile: profile.clone(), ..Workbook::default() };
        for (_, exercise) in &exercises {
            others.exercises.insert(exercise.key.to_owned(), answers_with(exercise, payload));
        }
        for (module, exercise) in &exercises {
            let answers = answers_with(exercise, payload);

            let deliverable = Deliverable {
                module,
                exercise,
                profile: &profile,
                answers: &answers,
                others: &others,
                exported_at: payload,
            };
            let html = to_html(&exercise_document(&deliverable));
            if exercise.key == "m6-2.3" {
                assert!(html.contains("class=\"diagram gantt\""), "{payload}: the timeline is drawn");
            }
            let foreign: Vec<_> = tags(&html)
                .into_iter()
                .filter(|t| !PREVIEW_TAGS.contains(t) && !SVG_TAGS.contains(&shape(t).as_str()))
                .collect();
            assert!(foreign.is_empty(), "{payload}: preview has {foreign:?}");

            let markdown = exercise_markdown(&deliverable);
            // Front matter is metadata to GitHub and to Marp, pandoc and static site tools alike.
            let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
            for event in Parser::new_ext(&markdown, options) {
                match event {
                    Event::Html(h) | Event::InlineHtml(h) => assert!(
                        h.as_ref() == "<br>" || h.starts_with("<!-- workbook-answers") || !h.contains('<'),
                        "{payload}: markdown has HTML {h:?}"
                    ),
                    Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                        panic!("{payload}: markdown has a link or image to {dest_url}")
                    }
                    _ => {}
                }
            }

            let Ok(Incoming::Deliverable { answers: back, profile: back_profile, exported_at, .. }) =
                import::read(exercise.deliverable, markdown.as_bytes())
            else {
                panic!("{payload}: the export does not import back");
            };
            assert_eq!(back, answers, "{payload}");
            assert_eq!(back_profile, profile, "{payload}");
            assert_eq!(exported_at, payload);
        }
    }
}
