//! Course content as data.
//!
//! Every exercise is described once here: its sections, fields, guidance and success
//! criteria. The form, progress, self-check, live preview and export all read this
//! description; nothing else in the app knows what Exercise 2.1 asks. Adding a field is
//! one line in the module file; adding an exercise is one new `Exercise` value.

/// Text only the exercise forms show: help lines, section intros, guidance, placeholders.
/// Builds without the forms (the review and restore pages) compile it to nothing, which
/// keeps about 8 KB gzip of prose nobody there reads out of their download. The document,
/// progress and review read labels, choices and criteria, never this text.
#[cfg(feature = "forms")]
macro_rules! form_text {
    ($text:expr) => {
        $text
    };
}
#[cfg(not(feature = "forms"))]
macro_rules! form_text {
    (&[$($text:expr),* $(,)?]) => {
        &[]
    };
    ($text:literal) => {
        ""
    };
}

/// Text only the forms of Exercises 2.1 and 2.2 show: `form_text!`, and nothing on the
/// capstone's page (`capstone-page`), which holds those exercises only for the answers the
/// capstone carries. The fields the capstone shows keep `form_text!`.
#[cfg(all(feature = "forms", not(feature = "capstone-page")))]
macro_rules! own_form_text {
    ($text:expr) => {
        $text
    };
}
#[cfg(not(all(feature = "forms", not(feature = "capstone-page"))))]
macro_rules! own_form_text {
    (&[$($text:expr),* $(,)?]) => {
        &[]
    };
    ($text:literal) => {
        ""
    };
}

pub(crate) mod module5;
pub(crate) mod module6;
pub mod progress;

use crate::model::{ExerciseAnswers, Row, Value, Workbook};

/// A course module, as shown on the home page.
pub struct Module {
    /// Short id used in URLs, e.g. `module-6`.
    pub slug: &'static str,
    /// "Module 6"
    pub name: &'static str,
    pub title: &'static str,
    pub session: &'static str,
    /// Homework time for the whole session, when the guide gives it.
    pub homework_minutes: u32,
    /// The page of the app that holds this module's exercises, relative to the site's root:
    /// `""` for index.html, `"module-5/"`. Each page's download holds its own module only.
    pub page: &'static str,
    /// The page that grades a participant's work in this module, relative to the site's
    /// root (`review/participant/`). Each grading page holds one module's code: together
    /// they were 38 KB gzip over what either needs.
    pub grading_page: &'static str,
    /// The folder of the participant's repository where the module's documents go, when
    /// they are part of one (Module 5: `docs/`), else `""`.
    pub docs: &'static str,
    pub exercises: &'static [Exercise],
}

/// One homework exercise. An exercise with no sections is listed but not built yet.
pub struct Exercise {
    /// Stable key: storage key, URL segment and export metadata. Never change a key once
    /// released, or saved answers are orphaned.
    pub key: &'static str,
    /// "2.1"
    pub number: &'static str,
    pub title: &'static str,
    /// One sentence: what the participant produces.
    pub summary: &'static str,
    /// File name of the deliverable the course asks for.
    pub deliverable: &'static str,
    /// Time estimate from the instructor guide, when it gives one per exercise.
    pub minutes: Option<u32>,
    /// The page that holds this exercise, relative to the site's root, when it is not its
    /// module's (`Module::page`): the capstone has a page of its own, so the page of
    /// Exercises 2.1 and 2.2 does not carry its code.
    pub page: Option<&'static str>,
    pub sections: &'static [Section],
    /// The guide's success criteria, each checked against the answers.
    pub criteria: &'static [Criterion],
    /// A second file made from one section of this exercise (the capstone's slide deck).
    pub companion: Option<Companion>,
    /// Files generated from the answers beside the document (Module 5's workflows).
    pub files: &'static [GeneratedFile],
    /// The guide's red flags that the success criteria do not spell out, each a sentence
    /// naming what is wrong (the capstone: which text is a placeholder, which figure is
    /// implausible). The self-check shows them; the instructor's review lists them.
    pub red_flags: fn(&Inputs) -> Vec<String>,
    /// The scripts the exercise's generated files call, shipped beside them (empty for
    /// most exercises: `no_scripts`).
    pub scripts: fn(&Inputs) -> Vec<Script>,
    /// How an instructor grades the deliverable, when the guide says (the capstones).
    pub grading: Option<Grading>,
    /// Answers of other exercises this one starts from and may refine (the capstone's
    /// deployment, scaling and operations parts): see [`Carried`].
    pub carried: &'static [Carried],
    /// Written as a client document (a cover, prose, the course's details in front matter
    /// and an appendix) rather than as a workbook's answers, when set.
    pub client_document: Option<ClientDocument>,
}

/// Fields this exercise takes over from another one, under the same ids and with the same
/// description (the field consts are shared). Until the participant refines one here, it
/// follows the other exercise's answer; once refined, this exercise keeps its own version,
/// and the form shows the source beside it and says whether the two differ.
pub struct Carried {
    pub exercise: &'static str,
    pub fields: &'static [&'static str],
}

/// How a deliverable meant for a client reads (Module 6's proposal).
pub struct ClientDocument {
    /// The title on the cover, before the client's name.
    pub title: &'static str,
    /// The field naming the client: on the cover, not repeated in the body.
    pub client: &'static str,
    /// The fields giving the document's version and status: on the cover and in its front
    /// matter only (the body leaves them out, as `not_in_body`).
    pub version: &'static str,
    pub status: &'static str,
    /// Fields the document shows elsewhere (the platforms' names head their score columns).
    pub not_in_body: &'static [&'static str],
    /// The document's heading for a section, where the form's step title differs.
    pub section_titles: &'static [(&'static str, &'static str)],
}

impl ClientDocument {
    /// A section's heading in the document.
    pub fn section_title(&self, section: &Section) -> &'static str {
        self.section_titles.iter().find(|(id, _)| *id == section.id).map_or(section.title, |(_, title)| title)
    }
}

/// Where a carried field stands against the exercise it comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CarriedState {
    /// Not refined here: the other exercise's answer is shown and exported. (From 1: the
    /// form keeps the state as a number, 0 for a field that is not carried.)
    Follows = 1,
    /// Refined here, and still the same as the other exercise's answer.
    Same,
    /// Refined here, and different from the other exercise's answer.
    Differs,
}

/// How an instructor grades a deliverable.
#[derive(Clone, Copy)]
pub enum Grading {
    /// Points per criterion of the guide's rubric, and a pass mark (Module 6's capstone).
    Points(&'static Rubric),
    /// Pass or needs work for each of the exercise's success criteria (Module 5's capstone).
    PassPerCriterion,
}

/// A scoring rubric from a guide ("Capstone Evaluation Criteria").
pub struct Rubric {
    pub criteria: &'static [RubricCriterion],
    /// The total a participant needs to pass (certification).
    pub pass_mark: u32,
}

pub struct RubricCriterion {
    /// Stable: grades are saved under it.
    pub id: &'static str,
    pub title: &'static str,
    pub points: u32,
    /// What the guide says to look for, ticked off by the instructor.
    pub look_for: &'static [&'static str],
    /// The exercise's sections this criterion reads.
    pub sections: &'static [&'static str],
    /// The exercise's success criteria (by index in `Exercise::criteria`) that are its
    /// evidence: their automatic result is shown beside the points.
    pub evidence: &'static [usize],
}

/// For an exercise whose success criteria say it all.
pub fn no_red_flags(_: &Inputs) -> Vec<String> {
    Vec::new()
}

/// Whether this build shows what answers compute: documents, previews, exports. Every page
/// does but the cohort review (`review` without `grading`), which shows progress and
/// findings only and renders no document. There each computed value's function (and a
/// generated file's generator) is replaced, at compile time, by one that computes nothing,
/// so the generators they call (every workflow of Module 5) are not in its download.
const COMPUTES: bool = !cfg!(feature = "review") || cfg!(feature = "grading");

fn not_computed<T>(_: &Inputs) -> Option<T> {
    None
}

fn not_generated(_: &Inputs) -> String {
    String::new()
}

/// A file the app writes from an exercise's answers, such as a GitHub Actions workflow.
pub struct GeneratedFile {
    /// Where the file goes in the participant's repository: `.github/workflows/monitoring.yml`.
    pub path: &'static str,
    pub generate: fn(&Inputs) -> String,
}

/// Opens the line an exported generated file ends with (`render::generated`): the exercise
/// it comes from and a digest of the text above it. A reader looks for the last one.
pub const STAMP: &str = "# workbook-file: ";

impl GeneratedFile {
    pub const fn new(path: &'static str, generate: fn(&Inputs) -> String) -> GeneratedFile {
        GeneratedFile { path, generate: if COMPUTES { generate } else { not_generated } }
    }

    /// The file's name without its folder, as a download is named.
    pub fn name(&self) -> &'static str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }

    /// The answer that holds a participant's own version of the file, edited by hand in
    /// the app; empty while they keep the generated one.
    pub fn edited_key(&self) -> String {
        format!("file:{}", self.path)
    }

    /// The file's text as it is exported, before its stamp: the participant's own version
    /// when they edited it (any credential in it read from its `${{ secrets.NAME }}`, a
    /// stamp copied in with it left out), else the generated one. What the exercise's
    /// documents say of the file (the secrets it reads) comes from here: one file, one truth.
    pub fn exported_text(&self, inputs: &Inputs) -> String {
        let edited = inputs.text(&self.edited_key());
        if edited.trim().is_empty() {
            return (self.generate)(inputs);
        }
        let own = edited
            .find(STAMP)
            .filter(|at| *at == 0 || edited[..*at].ends_with('\n'))
            .map_or(edited, |at| &edited[..at]);
        let own = crate::credentials::replace_or_removed(own, |name| format!("${{{{ secrets.{name} }}}}"));
        if own.ends_with('\n') {
            own
        } else {
            own + "\n"
        }
    }
}

/// A script of the participant's repository that a generated file calls: its path
/// (`deploy/check-metric.sh`) and text.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    pub path: &'static str,
    pub text: String,
}

/// For an exercise whose files call no script of its own.
pub fn no_scripts(_: &Inputs) -> Vec<Script> {
    Vec::new()
}

/// A second deliverable of an exercise: one of its sections, written as a file of its own
/// and left out of the main document.
pub struct Companion {
    pub deliverable: &'static str,
    /// The section whose fields make up the file, one page (slide) per field.
    pub section: &'static str,
}

impl Exercise {
    pub fn is_built(&self) -> bool {
        !self.sections.is_empty()
    }

    /// The exercise as listed on a page that does not hold its module: everything but its
    /// content (see `Module::page`).
    pub const fn listed(self) -> Exercise {
        Exercise {
            sections: &[],
            criteria: &[],
            companion: None,
            files: &[],
            red_flags: no_red_flags,
            scripts: no_scripts,
            grading: None,
            carried: &[],
            client_document: None,
            ..self
        }
    }

    /// The page that holds this exercise, relative to the site's root.
    pub fn page_in(&self, module: &Module) -> &'static str {
        self.page.unwrap_or(module.page)
    }

    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every field of every section, in document order.
    pub fn fields(&self) -> impl Iterator<Item = &'static Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, id: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.id == id)
    }

    /// The text of one of this exercise's drafted fields: what the participant wrote, else
    /// the draft (`draft_text`); empty for an unknown field.
    pub fn drafted_text(&self, inputs: &Inputs, id: &str) -> String {
        self.field(id).map(|field| draft_text(field, inputs)).unwrap_or_default()
    }

    /// This exercise's answers in `workbook` as the participant sees them: with its
    /// defaults applied and every carried field not refined here taken from its source
    /// exercise. Leaves the workbook as it is.
    pub fn answers_in(&self, workbook: &Workbook) -> ExerciseAnswers {
        let mut answers = self.stored_answers_in(workbook);
        for carried in self.carried.iter().filter(|_| cfg!(feature = "client-documents")) {
            let Some((_, source)) = find_exercise(carried.exercise) else { continue };
            if carried.fields.iter().all(|id| answers.values.contains_key(*id)) {
                continue;
            }
            let from = source.answers_in(workbook);
            for id in carried.fields {
                if let (false, Some(value)) = (answers.values.contains_key(*id), from.values.get(*id)) {
                    answers.values.insert((*id).to_owned(), value.clone());
                }
            }
        }
        answers
    }

    /// This exercise's own answers in `workbook`, with its defaults applied but nothing
    /// carried from other exercises: what storage, history and import compare and write.
    pub fn stored_answers_in(&self, workbook: &Workbook) -> ExerciseAnswers {
        let mut answers = workbook.exercises.get(self.key).cloned().unwrap_or_default();
        self.seed_defaults(&mut answers);
        answers
    }

    /// The exercise a field of this one is carried from, if it is.
    pub fn carried_from(&self, field: &str) -> Option<&'static str> {
        self.carried.iter().find(|c| c.fields.contains(&field)).map(|c| c.exercise)
    }

    /// Where carried field `field` stands (`None` if it is not carried). Whitespace at the
    /// ends of a text does not make it differ.
    pub fn carried_state(&self, field: &str, workbook: &Workbook) -> Option<CarriedState> {
        let source = find_exercise(self.carried_from(field)?)?.1;
        let own = workbook.exercises.get(self.key).and_then(|a| a.values.get(field));
        let Some(own) = own else { return Some(CarriedState::Follows) };
        // Their answer as their exercise has it. A stored answer is that answer unless
        // their defaults pad it (a fixed table's rows): only then are all their answers
        // copied to apply them, as the review asks this of every carried field of everyone.
        let stored = workbook.exercises.get(source.key).and_then(|a| a.values.get(field));
        let padded = matches!(
            source.field(field).map(|f| &f.kind),
            Some(FieldKind::Table(TableSpec { rows: TableRows::Fixed { .. }, .. }))
        );
        let with_defaults;
        let theirs = match stored {
            Some(value) if !padded => Some(value),
            _ => {
                with_defaults = source.answers_in(workbook);
                with_defaults.values.get(field)
            }
        };
        let same = match (own, theirs) {
            (Value::Text(a), Some(Value::Text(b))) => a.trim() == b.trim(),
            (Value::Text(a), None) => a.trim().is_empty(),
            (own, theirs) => Some(own) == theirs,
        };
        Some(if same { CarriedState::Same } else { CarriedState::Differs })
    }

    /// This exercise's answers in `workbook`, created with its defaults on first use.
    pub fn answers_in_mut<'w>(&self, workbook: &'w mut Workbook) -> &'w mut ExerciseAnswers {
        let answers = workbook.exercises.entry(self.key.to_owned()).or_default();
        self.seed_defaults(answers);
        answers
    }

    /// Fills table fields that have never been touched with this exercise's starting rows,
    /// and pads fixed tables to their row count. Never changes a value the participant set.
    /// Carried fields are left alone: until refined, their rows are their exercise's.
    pub fn seed_defaults(&self, answers: &mut ExerciseAnswers) {
        for field in self.fields().filter(|f| self.carried_from(f.id).is_none()) {
            let FieldKind::Table(spec) = &field.kind else { continue };
            match spec.rows {
                TableRows::Editable { defaults } => {
                    if !answers.values.contains_key(field.id) {
                        let rows = defaults
                            .iter()
                            .map(|cells| {
                                let mut row = Row::new();
                                row.extend(
                                    spec.columns
                                        .iter()
                                        .zip(cells.iter())
                                        .map(|(c, cell)| (c.id.to_owned(), (*cell).to_owned())),
                                );
                                row
                            })
                            .collect();
                        answers.values.insert(field.id.to_owned(), Value::Rows(rows));
                    }
                }
                TableRows::Fixed { labels, .. } => {
                    let rows = answers.rows_mut(field.id);
                    if rows.len() < labels.len() {
                        rows.resize_with(labels.len(), Row::new);
                    }
                }
            }
        }
    }

    /// The sections of the main deliverable for these answers: all but a companion file's
    /// and those that do not apply (`Section::shown_when`).
    pub fn document_sections<'a>(
        &'a self,
        answers: &'a ExerciseAnswers,
    ) -> impl Iterator<Item = &'static Section> + 'a {
        let companion = self.companion.as_ref().map(|c| c.section);
        self.sections.iter().filter(move |s| Some(s.id) != companion && s.applies(answers))
    }
}

pub struct Section {
    /// Unique within the exercise; used to remember where the participant was.
    pub id: &'static str,
    /// Shown (in the form, the progress and the document) only when a choice has this
    /// answer: the steps of the strategy the participant chose.
    pub shown_when: Option<Condition>,
    pub title: &'static str,
    /// What this section is for, shown above the fields.
    pub intro: &'static str,
    /// "What good looks like", drawn from the instructor guide, shown beside the fields.
    pub guidance: &'static [&'static str],
    pub fields: &'static [Field],
}

/// A choice field of the same exercise and the answer that makes a section apply.
pub struct Condition {
    pub field: &'static str,
    pub equals: &'static str,
}

impl Section {
    /// Whether the section applies to these answers (see `shown_when`).
    pub fn applies(&self, answers: &ExerciseAnswers) -> bool {
        self.shown_when.as_ref().is_none_or(|c| answers.text(c.field) == c.equals)
    }
}

pub struct Field {
    /// Unique within the exercise: the key of the answer in storage and in the export.
    pub id: &'static str,
    pub label: &'static str,
    /// Short hint under the label.
    pub help: &'static str,
    pub kind: FieldKind,
    /// Optional fields do not count towards progress and export without a "not answered"
    /// marker.
    pub optional: bool,
}

impl Field {
    /// A field the app drafts from other answers (a name, a command) until the participant
    /// writes their own. Optional: a draft left as it is is an answer.
    pub const fn drafted(
        id: &'static str,
        label: &'static str,
        help: &'static str,
        compute: fn(&Inputs) -> Option<String>,
        format: ComputedFormat,
    ) -> Field {
        Field { id, label, help, kind: FieldKind::Draft(Computed { compute, format, pending: "" }), optional: true }
    }

    /// A read-only sentence the app derives from other answers (a suggestion, a summary of
    /// what it writes), always current; `pending` is shown while it has nothing to say.
    pub const fn computed(
        id: &'static str,
        label: &'static str,
        help: &'static str,
        compute: fn(&Inputs) -> Option<String>,
        pending: &'static str,
    ) -> Field {
        Field {
            id,
            label,
            help,
            kind: FieldKind::Computed(Computed::shown(compute, ComputedFormat::Text, pending)),
            optional: false,
        }
    }
}

pub enum FieldKind {
    /// One line of text.
    Text { placeholder: &'static str },
    /// Several lines of free text.
    LongText { placeholder: &'static str },
    /// A number typed as text (kept exactly as typed), with a unit shown beside it. A unit
    /// that starts with `$` makes it money ([`is_money`]): the form puts the `$` before the
    /// box, and the preview and the file write the answer as an amount (`$1,500`).
    Number { unit: &'static str },
    /// One option out of a few, each with a line on what it implies.
    Choice { options: &'static [ChoiceOption] },
    /// Any number of options (stored as the chosen values, one per line, in option order).
    MultiChoice { options: &'static [ChoiceOption] },
    /// Tasks to tick off (stored like `MultiChoice`); the document lists every task with
    /// its box ticked or not, and what it involves.
    Checklist { tasks: &'static [ChoiceOption] },
    /// Rows of cells.
    Table(TableSpec),
    /// A read-only value the app derives from other answers (a suggestion, a config block).
    Computed(Computed),
    /// Answers of another exercise, shown read-only (and exported) so they are not retyped.
    Reference(Reference),
    /// A table the app derives from other answers (weighted totals, cost projections).
    ComputedTable(ComputedTable),
    /// A diagram drawn from two table fields of the same exercise: boxes and arrows.
    Diagram(DiagramSpec),
    /// A drawing the app derives from answers (the rollout timeline): SVG in the form, the
    /// preview and print, Mermaid in the file.
    Chart(Chart),
    /// Text the app drafts from other answers until the participant edits it; the edited
    /// text is then the answer, and clearing it brings the draft back. `format`: a command
    /// (`Code("bash")`) is written as a code block; a one-line text as a table answer.
    Draft(Computed),
}

impl FieldKind {
    /// Whether the participant types into this field (computed fields are not answers).
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            FieldKind::Computed(_)
                | FieldKind::Reference(_)
                | FieldKind::ComputedTable(_)
                | FieldKind::Diagram(_)
                | FieldKind::Chart(_)
        )
    }
}

/// Whether a number field's unit is money (`$`, `$/hour`).
pub fn is_money(unit: &str) -> bool {
    unit.starts_with('$')
}

/// What a number field shows around its box: money reads as an amount, `$ [100] per hour`
/// (`$/hour` gives `$` before and "per hour" after); any other unit goes after the box.
pub fn unit_around(unit: &str) -> (Option<&'static str>, String) {
    match unit.strip_prefix('$') {
        Some(rest) if is_money(unit) => {
            (Some("$"), rest.strip_prefix('/').map_or(rest.to_owned(), |per| format!("per {per}")))
        }
        _ => (None, unit.to_owned()),
    }
}

pub struct ChoiceOption {
    pub value: &'static str,
    pub label: &'static str,
    /// Trade-offs or consequences of this option, shown beside it.
    pub detail: &'static str,
}

/// The most rows a table holds. Far more than any exercise needs, and a bound on what the
/// empty cells of a document can add to an export (see `import::MAX_BYTES`): the form
/// offers no "Add" beyond it, and an import with a longer table is refused.
pub const MAX_ROWS: usize = 200;

pub struct TableSpec {
    /// What one row is called in buttons and labels: "phase", "trigger".
    pub row_noun: &'static str,
    pub columns: &'static [Column],
    pub rows: TableRows,
}

pub enum TableRows {
    /// Participants add, remove and reorder rows; new exercises start with these rows
    /// (cells in column order).
    Editable { defaults: &'static [&'static [&'static str]] },
    /// One row per label, in this order; the label is shown as the first column and is not
    /// editable.
    Fixed { header: &'static str, labels: &'static [&'static str] },
}

pub struct Column {
    pub id: &'static str,
    pub label: &'static str,
    /// A multi-line cell.
    pub long: bool,
    /// An optional cell does not make its row incomplete when empty.
    pub optional: bool,
    /// A text field of the same exercise whose answer names this column (a platform's
    /// name heads its column of scores); `label` is used until it is answered.
    pub heading_from: Option<&'static str>,
    /// Cells are amounts of money, written like every amount (`$1,500`) when they read as
    /// numbers.
    pub money: bool,
    /// Cells are quantities (users, requests, a threshold), written with thousands separated
    /// (`40,000`) when they read as numbers.
    pub count: bool,
    /// What is wrong with a cell, said beside it as it is typed (see [`CellCheck`]).
    pub check: Option<CellCheck>,
}

/// What is wrong with a cell's text, in a sentence that says what to write instead; `None`
/// when nothing is. It sees the exercise's answers, since what is right can depend on
/// another one (a mention is written one way for Slack, another for Discord).
pub type CellCheck = fn(cell: &str, inputs: &Inputs) -> Option<String>;

/// Columns read as one line each in the course files: `Column::short("users", "Users")`,
/// `Column::long("criteria", "Success criteria").optional()`.
impl Column {
    /// A one-line cell every row needs.
    pub const fn short(id: &'static str, label: &'static str) -> Column {
        Column { id, label, long: false, optional: false, heading_from: None, money: false, count: false, check: None }
    }

    /// A multi-line cell every row needs.
    pub const fn long(id: &'static str, label: &'static str) -> Column {
        Column { long: true, ..Column::short(id, label) }
    }

    /// A cell that may stay empty without making its row incomplete.
    pub const fn optional(self) -> Column {
        Column { optional: true, ..self }
    }

    /// Cells that are amounts of money (see `money`).
    pub const fn money(self) -> Column {
        Column { money: true, ..self }
    }

    /// Cells that are quantities (see `count`).
    pub const fn count(self) -> Column {
        Column { count: true, ..self }
    }

    /// Cells checked as they are typed (see [`CellCheck`]). Only the forms check, so pages
    /// without them leave the check out.
    pub const fn checked(self, check: CellCheck) -> Column {
        Column { check: if cfg!(feature = "forms") { Some(check) } else { None }, ..self }
    }

    /// Headed by the answer to text field `field` once it has one (see `heading_from`).
    pub const fn headed_by(self, field: &'static str) -> Column {
        Column { heading_from: Some(field), ..self }
    }
}

pub struct Reference {
    /// Key of the exercise whose answers are shown.
    pub exercise: &'static str,
    /// Its field ids, in the order shown (computed fields included).
    pub fields: &'static [&'static str],
}

/// What derived values and criteria read: the exercise's own answers (through `Deref`,
/// so `a.text("x")` works) and the whole workbook for answers of other exercises.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub answers: &'a ExerciseAnswers,
    pub workbook: &'a Workbook,
}

impl<'a> Inputs<'a> {
    pub fn new(answers: &'a ExerciseAnswers, workbook: &'a Workbook) -> Self {
        Inputs { answers, workbook }
    }

    /// The answers of another exercise, with its defaults.
    pub fn other(&self, key: &str) -> ExerciseAnswers {
        find_exercise(key).map(|(_, exercise)| exercise.answers_in(self.workbook)).unwrap_or_default()
    }
}

impl std::ops::Deref for Inputs<'_> {
    type Target = ExerciseAnswers;
    fn deref(&self) -> &ExerciseAnswers {
        self.answers
    }
}

pub struct Computed {
    pub compute: fn(&Inputs) -> Option<String>,
    pub format: ComputedFormat,
    /// Shown while `compute` has nothing to say: which answers it still needs.
    pub pending: &'static str,
}

impl Computed {
    /// A value shown from the answers (see [`COMPUTES`]).
    pub const fn shown(
        compute: fn(&Inputs) -> Option<String>,
        format: ComputedFormat,
        pending: &'static str,
    ) -> Computed {
        Computed { compute: if COMPUTES { compute } else { not_computed }, format, pending }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ComputedFormat {
    Text,
    /// A fenced code block in this language, e.g. `json`.
    Code(&'static str),
}

/// The text of a `Draft` field: what the participant wrote, or the app's draft while they
/// have written nothing.
pub fn draft_text(field: &Field, inputs: &Inputs) -> String {
    let written = inputs.text(field.id);
    match &field.kind {
        FieldKind::Draft(draft) if written.trim().is_empty() => (draft.compute)(inputs).unwrap_or_default(),
        _ => written.to_owned(),
    }
}

/// Calls `visit` with every text of an exercise's answers and its field id; table cells
/// count as their field. (A loop: an iterator of iterators weighed a kilobyte on the page.)
pub fn for_each_text<'a>(answers: &'a ExerciseAnswers, mut visit: impl FnMut(&'a str, &'a str)) {
    for (field, value) in &answers.values {
        match value {
            Value::Text(text) => visit(field, text),
            Value::Rows(rows) => rows.iter().flat_map(|r| r.values()).for_each(|text| visit(field, text)),
        }
    }
}

/// Every answer of an exercise that holds what looks like a credential, or the note an
/// export left where it took one out: (field id, what it looks like). An exported file
/// that had one pasted still says so, to its self-check and to the review.
pub fn credentials_in(answers: &ExerciseAnswers) -> Vec<(&str, &'static str)> {
    let mut found = Vec::new();
    for_each_text(answers, |field, text| {
        found.extend(crate::credentials::find_or_removed(text).into_iter().map(|f| (field, f.kind.what)));
    });
    found.dedup();
    found
}

/// Whether `text` contains `needle`, ignoring ASCII case. ASCII only on purpose: the
/// Unicode case tables would add kilobytes to the download for names that are ASCII.
pub(crate) fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    find_ignoring_case(text, needle).is_some()
}

/// Where `needle` first stands in `text`, ignoring ASCII case (a byte offset).
pub(crate) fn find_ignoring_case(text: &str, needle: &str) -> Option<usize> {
    let Some((first, _)) = needle.as_bytes().split_first() else { return Some(0) };
    // The first byte alone rules out most places, before the whole needle is compared.
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w[0].eq_ignore_ascii_case(first) && w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Runs a computed value or criterion on answers alone (tests of one exercise).
#[cfg(test)]
pub(crate) fn with_inputs<T>(answers: &ExerciseAnswers, f: impl FnOnce(&Inputs) -> T) -> T {
    f(&Inputs::new(answers, &Workbook::default()))
}

/// A table the app computes: column headings and rows of cells, all text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub struct ComputedTable {
    pub compute: fn(&Inputs) -> Option<Grid>,
    /// Shown while `compute` has nothing to say: which answers it still needs.
    pub pending: &'static str,
}

impl ComputedTable {
    /// A table shown from the answers (see [`COMPUTES`]).
    pub const fn shown(compute: fn(&Inputs) -> Option<Grid>, pending: &'static str) -> ComputedTable {
        ComputedTable { compute: if COMPUTES { compute } else { not_computed }, pending }
    }
}

pub struct Chart {
    pub compute: fn(&Inputs) -> Option<Drawing>,
    /// Shown while `compute` has nothing to draw: which answers it still needs.
    pub pending: &'static str,
}

impl Chart {
    /// A chart whose drawing is in the download only of pages that show drawings (feature
    /// `drawings`): a function named in an exercise's description is kept by every page
    /// that holds the description, and the cohort review, which draws nothing, carried
    /// kilobytes of timeline and pipeline layout.
    pub const fn drawn(compute: fn(&Inputs) -> Option<Drawing>, pending: &'static str) -> Chart {
        Chart { compute: if cfg!(feature = "drawings") { compute } else { nothing_drawn }, pending }
    }
}

fn nothing_drawn(_: &Inputs) -> Option<Drawing> {
    None
}

/// One drawing in its two forms: Mermaid text for the exported markdown (GitHub renders
/// it), and SVG markup for the app, every text in it escaped.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub mermaid: String,
    pub svg: String,
}

/// Boxes from one table (a column naming each box, an optional column grouping them) and
/// arrows from another (from, to, label: matched to boxes by name).
pub struct DiagramSpec {
    pub components: &'static str,
    pub connections: &'static str,
}

/// A success criterion from the guide, ticked when `met` holds for the answers (see
/// `progress::self_check`).
pub struct Criterion {
    pub text: &'static str,
    /// For a criterion that looks for faults ("no placeholder text", "plausible figures"):
    /// the sections whose answers it judges. Such a check is true of an empty exercise, and
    /// an empty exercise meets nothing, so it counts as met only once every section named
    /// here is answered in full. Empty for a criterion whose `met` asks for answers itself.
    pub judges: &'static [&'static str],
    pub met: fn(&Inputs) -> bool,
}

/// All modules, in the order the home page lists them.
pub static MODULES: &[Module] = &[module5::MODULE, module6::MODULE];

/// Finds an exercise and its module by exercise key.
pub fn find_exercise(key: &str) -> Option<(&'static Module, &'static Exercise)> {
    MODULES.iter().flat_map(|m| m.exercises.iter().map(move |e| (m, e))).find(|(_, e)| e.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_unit_goes_after_the_box_and_money_reads_as_an_amount() {
        assert_eq!(unit_around("requests/day"), (None, "requests/day".to_owned()));
        assert_eq!(unit_around(""), (None, String::new()));
        assert_eq!(unit_around("$/hour"), (Some("$"), "per hour".to_owned()));
        assert_eq!(unit_around("$"), (Some("$"), String::new()));
    }

    /// The features a module's feature brings, read from Cargo.toml.
    fn features_of(module_feature: &str) -> String {
        let manifest = include_str!("../../Cargo.toml");
        let line = manifest.lines().find(|l| l.starts_with(&format!("{module_feature} = "))).unwrap();
        line.to_owned()
    }

    #[test]
    fn a_module_with_number_fields_brings_the_number_widget() {
        for (module, feature) in [(&module5::MODULE, "module5"), (&module6::MODULE, "module6")] {
            let asks_numbers = module.exercises.iter().flat_map(|e| e.fields()).any(|f| match &f.kind {
                FieldKind::Number { .. } => true,
                FieldKind::Table(spec) => spec.columns.iter().any(|c| c.money),
                _ => false,
            });
            let brings_widget = features_of(feature).contains("\"number-fields\"");
            assert_eq!(
                asks_numbers, brings_widget,
                "{}: add or remove \"number-fields\" in Cargo.toml's `{feature}`",
                module.name
            );
        }
    }

    #[test]
    fn a_module_with_checked_cells_brings_the_check_display() {
        for (module, feature) in [(&module5::MODULE, "module5"), (&module6::MODULE, "module6")] {
            let checks_cells =
                module.exercises.iter().flat_map(|e| e.fields()).any(
                    |f| matches!(&f.kind, FieldKind::Table(spec) if spec.columns.iter().any(|c| c.check.is_some())),
                );
            let brings_display = features_of(feature).contains("\"cell-checks\"");
            assert_eq!(
                checks_cells, brings_display,
                "{}: add or remove \"cell-checks\" in Cargo.toml's `{feature}`",
                module.name
            );
        }
    }

    #[test]
    fn a_module_with_a_companion_file_brings_the_client_documents() {
        for (module, feature) in [(&module5::MODULE, "module5"), (&module6::MODULE, "module6")] {
            for exercise in module.exercises.iter().filter(|e| e.companion.is_some()) {
                // An exercise on a page of its own is built by that page's feature.
                let feature = if exercise.page == Some("capstone/") { "capstone" } else { feature };
                assert!(
                    features_of(feature).contains("\"client-documents\""),
                    "{}: its deck is exported only with \"client-documents\" in Cargo.toml's `{feature}`",
                    exercise.key
                );
            }
        }
    }

    #[test]
    fn keys_and_ids_are_unique() {
        let mut keys = HashSet::new();
        for module in MODULES {
            for exercise in module.exercises {
                assert!(keys.insert(exercise.key), "duplicate exercise key {}", exercise.key);
                let mut fields = HashSet::new();
                let mut sections = HashSet::new();
                for section in exercise.sections {
                    assert!(sections.insert(section.id), "duplicate section {}", section.id);
                    for field in section.fields {
                        assert!(fields.insert(field.id), "duplicate field {}", field.id);
                    }
                }
            }
        }
    }

    /// Every field of every exercise of every module.
    fn all_fields() -> impl Iterator<Item = &'static Field> {
        MODULES.iter().flat_map(|m| m.exercises.iter()).flat_map(|e| e.fields())
    }

    #[test]
    fn tables_have_unique_columns_and_well_formed_defaults() {
        for field in all_fields() {
            if let FieldKind::Table(spec) = &field.kind {
                let ids: HashSet<_> = spec.columns.iter().map(|c| c.id).collect();
                assert_eq!(ids.len(), spec.columns.len(), "{}", field.id);
                if let TableRows::Editable { defaults } = spec.rows {
                    for row in defaults {
                        assert!(row.len() <= spec.columns.len(), "{}", field.id);
                    }
                }
            }
        }
    }

    #[test]
    fn diagrams_companions_and_criteria_name_existing_parts() {
        for module in MODULES {
            for exercise in module.exercises {
                for field in exercise.fields() {
                    if let FieldKind::Diagram(spec) = &field.kind {
                        for id in [spec.components, spec.connections] {
                            assert!(
                                matches!(exercise.field(id).map(|f| &f.kind), Some(FieldKind::Table(_))),
                                "{}: {id} is not a table",
                                field.id
                            );
                        }
                    }
                    if let FieldKind::Table(spec) = &field.kind {
                        for name in spec.columns.iter().filter_map(|c| c.heading_from) {
                            assert!(exercise.field(name).is_some(), "{}: no field {name}", field.id);
                        }
                    }
                }
                if let Some(companion) = &exercise.companion {
                    assert!(exercise.section(companion.section).is_some(), "{}", exercise.key);
                }
                for criterion in exercise.criteria {
                    for section in criterion.judges {
                        assert!(exercise.section(section).is_some(), "{}: no section {section}", criterion.text);
                    }
                }
            }
        }
    }

    /// A carried field is listed once in `Exercise::carried` and stands in the sections of
    /// both exercises (the same const): a field added to one list and not the other would
    /// silently stop following, or follow an answer it does not have.
    #[test]
    fn carried_fields_are_the_source_exercises_own_and_all_listed() {
        for exercise in MODULES.iter().flat_map(|m| m.exercises.iter()) {
            for carried in exercise.carried {
                let (_, source) = find_exercise(carried.exercise).expect(carried.exercise);
                for id in carried.fields {
                    let (here, there) = (exercise.field(id), source.field(id));
                    assert!(here.is_some() && there.is_some(), "{}: {id} is not a field of both", exercise.key);
                    assert_eq!(here.map(|f| f.label), there.map(|f| f.label), "{}: {id}", exercise.key);
                }
                // A shared computed field (the scaling JSON) is computed here, not carried.
                for field in exercise.fields().filter(|f| f.kind.is_input() && source.field(f.id).is_some()) {
                    assert!(
                        carried.fields.contains(&field.id),
                        "{}: {} is also {}'s: list it",
                        exercise.key,
                        field.id,
                        source.key
                    );
                }
            }
        }
    }

    #[test]
    fn references_name_existing_fields() {
        for field in all_fields() {
            if let FieldKind::Reference(reference) = &field.kind {
                let (_, target) = find_exercise(reference.exercise).expect(reference.exercise);
                for id in reference.fields {
                    assert!(target.field(id).is_some(), "{}: {} has no field {id}", field.id, target.key);
                }
            }
        }
    }

    #[test]
    fn both_modules_list_three_exercises() {
        assert_eq!(MODULES.len(), 2);
        for module in MODULES {
            let numbers: Vec<_> = module.exercises.iter().map(|e| e.number).collect();
            assert_eq!(numbers, ["2.1", "2.2", "2.3"], "{}", module.name);
        }
    }
}
