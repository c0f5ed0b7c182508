//! The instructors' review page (`review/`, its own download): load a cohort's exported
//! files, see every participant's deliverables at a glance, sort, read the findings, and
//! download the summary CSV. The work is `review::*`; this binds it to the page.

mod participant;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{focus, set_document_title, SkipLink};
use crate::browser::file_input::{files_of, read_all};
use crate::browser::{download::download, review_store};
use crate::review::cohort::{display_name, Cohort, Participant};
use crate::review::findings::{deliverables, review_row, Status};
use crate::review::grading::score_summary;
use crate::review::{backup, csv};
use crate::route::{participant_href_from, Route, GRADING_PAGE, HERE};

/// One participant's row, as shown.
#[derive(Clone, PartialEq)]
struct Row {
    /// The participant's place in the cohort (their page's address).
    index: usize,
    name: String,
    cohort: String,
    /// Per deliverable, in `deliverables()` order: its status and number of findings.
    cells: Vec<(Status, usize)>,
    /// Per deliverable graded on points (`SCORED` order): the score so far.
    scores: Vec<String>,
    interventions: Vec<String>,
}

/// The deliverables graded on a rubric's points, each with a score column.
fn scored() -> impl Iterator<Item = (&'static crate::course::Module, &'static crate::course::Exercise)> {
    deliverables().filter(|(_, e)| matches!(e.grading, Some(crate::course::Grading::Points(_))))
}

fn rows_of(cohort: &Cohort) -> Vec<Row> {
    cohort
        .participants
        .iter()
        .enumerate()
        .map(|(index, participant)| {
            let (assessments, interventions) = review_row(participant);
            let cells = assessments.into_iter().map(|(_, a)| (a.status, a.findings.len())).collect();
            let grades = cohort.grades.get(&participant.id);
            let scores = scored().filter_map(|(_, e)| score_summary(e, grades.and_then(|g| g.get(e.key)))).collect();
            Row {
                index,
                name: display_name(&participant.profile),
                cohort: participant.profile.cohort.trim().to_owned(),
                cells,
                scores,
                interventions,
            }
        })
        .collect()
}

/// Which column the table is sorted by; `None` is the participant's name.
#[derive(Clone, Copy, PartialEq)]
struct SortBy {
    column: Option<usize>,
    descending: bool,
}

fn sorted(rows: Vec<Row>, by: SortBy) -> Vec<Row> {
    let deliverable_columns = deliverables().count();
    let score_columns = scored().count();
    // One key type and one sort for every column: each sort instance is code in the download.
    let key = |r: &Row| -> (usize, usize, String) {
        match by.column {
            None => (0, 0, r.name.to_ascii_lowercase()),
            // Interventions, the last column.
            Some(column) if column == deliverable_columns + score_columns => (r.interventions.len(), 0, String::new()),
            // Scores: ungraded first, then partly scored, then by total.
            Some(column) if column >= deliverable_columns => {
                let score = &r.scores[column - deliverable_columns];
                let total = score.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let stage = if score.is_empty() {
                    0
                } else if score.contains(" · ") {
                    2
                } else {
                    1
                };
                (stage, total, String::new())
            }
            // Least done first; among equals, more findings first.
            Some(column) => (r.cells[column].0 as usize, usize::MAX - r.cells[column].1, String::new()),
        }
    };
    let mut keyed: Vec<_> = rows.into_iter().map(|r| (key(&r), r)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    if by.descending {
        keyed.reverse();
    }
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// The table's caption: how many participants, and in which cohort or cohorts.
fn caption(rows: &[Row]) -> String {
    let mut cohorts: Vec<&str> = rows.iter().map(|r| r.cohort.as_str()).filter(|c| !c.is_empty()).collect();
    cohorts.sort_unstable();
    cohorts.dedup();
    let participants = count(rows.len(), "participant");
    match cohorts.as_slice() {
        [] => participants,
        [one] => format!("Cohort {one}: {participants}"),
        many => format!("{participants} in {} cohorts: {}", many.len(), many.join(", ")),
    }
}

const RESULT_ID: &str = "review-result";

/// "1 finding", "3 findings".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What every view of the review page shares: the cohort and whether it is saved.
#[derive(Clone, Copy)]
pub(super) struct ReviewState {
    pub cohort: RwSignal<Cohort>,
    /// Why the files' last save failed (or the saved review did not read); `None` once one
    /// succeeds. The grades are saved apart (`review_store`), so each has its own.
    pub files_problem: RwSignal<Option<String>>,
    pub grades_problem: RwSignal<Option<String>>,
    /// Bumped by each write of the files; a write that is not the latest when it ends
    /// leaves the problem line to the one that is.
    pub files_generation: StoredValue<u32>,
    /// Whether the last files written (or being written) are the cohort's current ones.
    pub files_saved: StoredValue<bool>,
    /// The rubric criterion last scored, kept open on the next participant: in this tab's
    /// session too, since the next participant may be graded on another module's page.
    pub last_criterion: RwSignal<Option<String>>,
    /// Bumped by each change that waits to be saved (`participant::save_soon`).
    pub pending_save: StoredValue<u32>,
}

impl ReviewState {
    /// Writes the grades to this browser at once, and says so when it cannot.
    pub fn save_grades(self) {
        self.grades_problem.set(self.cohort.with_untracked(|c| review_store::save_grades(&c.grades)).err());
    }

    /// Starts writing the loaded files to this browser; the page says so if that fails.
    pub fn save_files(self) {
        let generation = self.files_generation.get_value().wrapping_add(1);
        self.files_generation.set_value(generation);
        self.files_saved.set_value(true);
        let write = self.cohort.with_untracked(review_store::save_files);
        spawn_local(async move {
            let outcome = write.await;
            if self.files_generation.get_value() == generation {
                self.files_saved.set_value(outcome.is_ok());
                self.files_problem.set(outcome.err());
            }
        });
    }

    /// Both: after the cohort itself changed (start over, a backup restored).
    pub fn save(self) {
        self.save_grades();
        self.save_files();
    }
}

/// Where this tab keeps the criterion last scored (`ReviewState::last_criterion`).
const LAST_CRITERION: &str = "workbook-review-last-criterion";

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

impl ReviewState {
    /// Keeps the criterion in focus open on the next participant, on this page or another.
    pub(super) fn remember_criterion(&self, group: String) {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(LAST_CRITERION, &group);
        }
        self.last_criterion.set(Some(group));
    }
}

fn review_state() -> ReviewState {
    expect_context::<ReviewState>()
}

/// Where the instructor is: the cohort, or one participant (by their place in the cohort).
#[derive(Clone, Copy, PartialEq)]
enum View {
    Cohort,
    Participant(usize),
}

fn current_view() -> View {
    let hash = window().location().hash().unwrap_or_default();
    match hash.trim_start_matches('#').trim_start_matches('/').split_once('/') {
        Some(("participant", n)) => n.parse().map_or(View::Cohort, View::Participant),
        _ => View::Cohort,
    }
}

/// Whether this build is a grading page (`review/participant/`, `review/module-5/`): one
/// participant at a time, with the rubric, for one module's work. The cohort page
/// (`review/`) loads files and shows the table. Separate downloads, because together they
/// were over the 250 KB budget: grading needs neither the import nor the table, loading a
/// cohort needs no rubric or rendered documents, and one module's grading none of the
/// other's generators.
const GRADING: bool = cfg!(feature = "grading");

/// The link to participant number `index`, from this page: on the grading page of their
/// module (`Participant::grading_page`).
pub(super) fn participant_href(index: usize) -> String {
    review_state().cohort.with_untracked(|cohort| participant_href_in(cohort, index))
}

/// `participant_href` with the cohort given: for event handlers, which run outside the
/// components and their context.
pub(super) fn participant_href_in(cohort: &Cohort, index: usize) -> String {
    let page = cohort.participants.get(index).map_or(GRADING_PAGE, Participant::grading_page);
    participant_href_from(HERE, page, index)
}

/// Whether this page grades work of participant `index` (or there is no such participant,
/// and it says so).
fn graded_here(index: usize) -> bool {
    review_state().cohort.with_untracked(|c| c.participants.get(index).is_none_or(|p| p.graded_on(GRADING_PAGE)))
}

/// The link to the cohort table, from this page.
pub(super) fn cohort_href() -> String {
    if GRADING {
        "../#/review".to_owned()
    } else {
        "#/review".to_owned()
    }
}

#[component]
pub fn ReviewApp() -> impl IntoView {
    let state = ReviewState {
        cohort: RwSignal::new(Cohort::default()),
        files_problem: RwSignal::new(None),
        grades_problem: RwSignal::new(None),
        files_generation: StoredValue::new(0),
        files_saved: StoredValue::new(true),
        last_criterion: RwSignal::new(session_storage().and_then(|s| s.get_item(LAST_CRITERION).ok().flatten())),
        pending_save: StoredValue::new(0),
    };
    provide_context(state);
    // IndexedDB answers asynchronously: the views wait for the saved review, so nothing
    // loaded or scored before it arrives can be overwritten by it.
    let opened = RwSignal::new(false);
    spawn_local(async move {
        match review_store::load().await {
            Ok(cohort) => state.cohort.set(cohort),
            Err(problem) => state
                .files_problem
                .set(Some(format!("{problem}. Loading files starts a new review, which replaces it."))),
        }
        opened.set(true);
    });
    // A comment still waiting to be saved is saved when the page is hidden or closed, and
    // files not yet written are written (the browser finishes a write begun then).
    let flush = window_event_listener(leptos::ev::pagehide, move |_| {
        state.save_grades();
        if !state.files_saved.get_value() {
            state.save_files();
        }
    });
    on_cleanup(move || flush.remove());
    let view = RwSignal::new(current_view());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| view.set(current_view()));
    on_cleanup(move || listener.remove());
    let save_problem = move || state.files_problem.get().or_else(|| state.grades_problem.get());

    view! {
        <SkipLink/>
        <header class="app-header">
            <a class="brand" href=Route::Home.href()>"Session 2 Workbook"</a>
            <nav aria-label="Main">
                <a href=Route::Home.href()>"Participants’ exercises"</a>
                <a href=Route::Review.hash() aria-current="page">"Review"</a>
            </nav>
        </header>
        {move || save_problem().map(|problem| view! {
            <div class="banner banner-error" role="alert"><p><strong>"The review is not saved in this browser: "</strong>{problem}</p></div>
        })}
        <main id="main" tabindex="-1">
            // Two downloads (see `GRADING`): each shows its own view and sends the other on.
            {move || match view.get() {
                _ if !opened.get() => view! { <p role="status">"Opening the review saved in this browser…"</p> }.into_any(),
                View::Cohort if !GRADING => CohortPage().into_any(),
                View::Participant(index) if GRADING && graded_here(index) => {
                    view! { <participant::ParticipantPage index/> }.into_any()
                }
                other => {
                    let href = match other {
                        View::Cohort => cohort_href(),
                        View::Participant(index) => participant_href(index),
                    };
                    let _ = window().location().replace(&href);
                    view! { <p><a href=href>"Continue"</a></p> }.into_any()
                }
            }}
        </main>
        <footer class="app-footer">
            <p>"Files you load are read in this browser only; nothing is sent anywhere."</p>
        </footer>
    }
}

#[component]
fn CohortPage() -> impl IntoView {
    set_document_title("Review a cohort");
    let state = review_state();
    let cohort = state.cohort;
    let outcome = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy { column: None, descending: false });
    let rows = Memo::new(move |_| {
        let rows = cohort.with(rows_of);
        crate::browser::mark("review-rows-assessed");
        rows
    });
    let load = move |files: Vec<web_sys::File>| {
        let chosen = files.len();
        if chosen == 0 {
            return;
        }
        outcome.set(format!("Reading {}…", count(chosen, "file")));
        spawn_local(async move {
            let (read, refused_early) = read_all(files).await;
            // For bench/review-in-browser.mjs: where the time between the choice and
            // "Loaded" goes (reading; reading the answers and joining them; the rest is the
            // table, assessed and drawn).
            crate::browser::mark("review-files-read");
            // A review backup among them restores the review; the rest are participants' files.
            let (backups, read): (Vec<_>, Vec<_>) = read.into_iter().partition(|(_, bytes)| backup::is_backup(bytes));
            let mut said: String = backups
                .iter()
                .map(|(name, bytes)| restore_backup(state, name, std::str::from_utf8(bytes).unwrap_or_default()))
                .collect();
            let chosen = chosen - backups.len();
            if chosen > 0 {
                let mut added = Default::default();
                cohort.update_untracked(|c| added = c.add(read, refused_early));
                crate::browser::mark("review-files-joined");
                cohort.notify();
                // Saved once "Loaded" and the table are on screen (a frame, then a task):
                // turning megabytes into text no longer holds the page. A page hidden before
                // then is saved by `ReviewApp`'s pagehide listener.
                state.files_saved.set_value(false);
                request_animation_frame(move || set_timeout(move || state.save_files(), std::time::Duration::ZERO));
                let crate::review::cohort::Added { loaded, refused } = added;
                said += &match refused {
                    0 => format!("Loaded {loaded} of {}.", count(chosen, "file")),
                    _ => format!(
                        "Loaded {loaded} of {}; {refused} not loaded, each listed below with the reason.",
                        count(chosen, "file")
                    ),
                };
            }
            outcome.set(said.trim_end().to_owned());
            focus(RESULT_ID);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            load(files_of(&files));
        }
        // Choosing the same files again must read them again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            load(files_of(&files));
        }
    };
    let download_csv = move |_| {
        let text = cohort.with_untracked(csv::summary);
        if let Err(problem) = download("review-summary.csv", "text/csv;charset=utf-8", text.as_bytes()) {
            outcome.set(problem);
        }
    };
    let start_over = move |_| {
        let sure = window()
            .confirm_with_message("Remove every loaded file from this review? The files themselves are not touched.")
            .unwrap_or(false);
        if sure {
            cohort.set(Cohort::default());
            state.save();
            outcome.set("The review is empty: load the cohort's files to start again.".into());
        }
    };

    view! {
            <h1>"Review a cohort"</h1>
            <p class="lead">
                "Load the files your participants exported: deliverables (" <code>".md"</code> "), Module 5 "
                "repositories (" <code>".zip"</code> ") and workflows (" <code>".yml"</code> "), full backups ("
                <code>".json"</code> "). Files are grouped by the name and cohort in them. Nothing leaves this "
                "browser: the review (the files’ answers, your scores and comments) is saved here, under a key "
                "of its own, so your own workbook in this browser, if you have one, is never touched."
            </p>
            <section class="review-load" aria-labelledby="review-load-heading"
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <h2 id="review-load-heading">"Load files"</h2>
                <div class="field">
                    <label for="review-files">"Exported files"</label>
                    <p class="help" id="review-files-help">
                        {format!("Choose one or many .md, .zip, .yml or .json files, up to {} MB each, or drop them on this box.", crate::import::max_megabytes())}
                    </p>
                    <input type="file" id="review-files" aria-describedby="review-files-help" multiple
                        accept=".md,.markdown,.zip,.yml,.yaml,.json" on:change=on_pick/>
                </div>
                <div class="field">
                    <label for="review-folder">"A folder of exported files"</label>
                    <p class="help" id="review-folder-help">"Every file in it and in its subfolders; the others are listed with the reason."</p>
                    <input type="file" id="review-folder" aria-describedby="review-folder-help" multiple prop:webkitdirectory=true
                        on:change=on_pick/>
                </div>
                <p class="help">"Load more at any time: a newer export of a deliverable replaces the older one."</p>
                <p id=RESULT_ID role="status" tabindex="-1">{move || outcome.get()}</p>
            </section>
            <CohortTable rows sort/>
            <RefusedFiles/>
            <ReviewBackup outcome/>
            <Show when=move || cohort.with(|c| !c.participants.is_empty() || !c.refused.is_empty())>
                <div class="actions">
                    <button type="button" on:click=download_csv>"Download review-summary.csv"</button>
                    <button type="button" class="secondary" on:click=start_over>"Start over"</button>
                </div>
            </Show>
    }
}

#[component]
fn CohortTable(rows: Memo<Vec<Row>>, sort: RwSignal<SortBy>) -> impl IntoView {
    let shown = move || sorted(rows.get(), sort.get());
    let header = move |column: Option<usize>, label: String| {
        let state = move || {
            let by = sort.get();
            match (by.column == column, by.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
        };
        let toggle = move |_| {
            sort.update(|by| {
                by.descending = by.column == column && !by.descending;
                by.column = column;
            })
        };
        view! { <th scope="col" aria-sort=state><button type="button" class="sort" on:click=toggle>{label}</button></th> }
    };
    let columns = deliverables().count();
    move || {
        if rows.with(Vec::is_empty) {
            return view! { <p class="empty">"No participant yet: load their exported files above."</p> }.into_any();
        }
        view! {
            <div class="table-scroll">
                <table class="cohort">
                    <caption>{move || rows.with(|rows| caption(rows))}</caption>
                    <thead>
                        <tr>
                            {header(None, "Participant".into())}
                            {deliverables()
                                .enumerate()
                                .map(|(i, (module, exercise))| header(Some(i), format!("{} · {}", module.name, exercise.number)))
                                .collect_view()}
                            {scored()
                                .enumerate()
                                .map(|(i, (module, exercise))| header(Some(columns + i), format!("{} · {} score", module.name, exercise.number)))
                                .collect_view()}
                            {header(Some(columns + scored().count()), "Interventions".into())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || shown().into_iter().map(|row| view! {
                            <tr>
                                <th scope="row"><a href=participant_href(row.index)>{row.name}</a> <span class="meta">{row.cohort}</span></th>
                                {row.cells.into_iter().map(|(status, findings)| {
                                    let flags = match findings {
                                        0 => String::new(),
                                        n => format!(" · {}", count(n, "finding")),
                                    };
                                    view! { <td class=format!("status-{}", status.label())>{status.label()}{flags}</td> }
                                }).collect_view()}
                                {row.scores.into_iter().map(|score| view! { <td>{score}</td> }).collect_view()}
                                <td class="interventions">{row.interventions.join(" ")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

#[component]
fn RefusedFiles() -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    // A plain closure, not a memo: each memo type adds to a download at its budget.
    move || {
        let list = cohort.with(|c| c.refused.clone());
        (!list.is_empty()).then(|| {
            view! {
                <section class="refused" aria-labelledby="refused-heading">
                    <h2 id="refused-heading">{format!("Files not loaded ({})", list.len())}</h2>
                    <ul>
                        {list.into_iter().map(|r| view! { <li><code>{r.file}</code> ": " {r.reason}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="secondary" on:click=move |_| {
                        cohort.update(|c| c.refused.clear());
                        state.save_files();
                    }>
                        "Clear this list"
                    </button>
                </section>
            }
        })
    }
}

/// The review's own backup: download it, or restore one (on another computer, say).
#[component]
fn ReviewBackup(outcome: RwSignal<String>) -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    let download_backup = move |_| {
        let saved_at = crate::browser::export_timestamp();
        let json = cohort.with_untracked(|c| backup::to_json(c, &saved_at));
        if let Err(problem) = download(&backup::file_name(&saved_at), "application/json", json.as_bytes()) {
            outcome.set(problem);
        }
    };
    view! {
        <section class="review-backup" aria-labelledby="review-backup-heading">
            <h2 id="review-backup-heading">"Keep this review"</h2>
            <p class="help">
                "The review (every loaded file’s answers, your scores and comments) is saved in this browser. "
                "Clearing the browser’s data deletes it: keep a backup, or take it to another computer."
            </p>
            <button type="button" class="secondary" on:click=download_backup>"Download a backup of this review"</button>
            <p class="help">"To restore one, choose the backup file with " <strong>"Exported files"</strong> " above."</p>
        </section>
    }
}

/// A review backup chosen among the files: it replaces the review, once the instructor
/// agrees when there is one already. Returns what happened, for the status line.
fn restore_backup(state: ReviewState, name: &str, text: &str) -> String {
    let cohort = state.cohort;
    match backup::from_json(text) {
        Ok((restored, saved_at)) => {
            let current = cohort.with_untracked(|c| c.participants.len());
            let question = format!(
                "Replace this review ({}) with the backup saved {saved_at} ({})?",
                count(current, "participant"),
                count(restored.participants.len(), "participant")
            );
            if current == 0 || window().confirm_with_message(&question).unwrap_or(false) {
                cohort.set(restored);
                state.save();
                format!("Restored the review saved {saved_at} from “{name}”. ")
            } else {
                "The review backup was not restored: the review is as it was. ".to_owned()
            }
        }
        Err(problem) => format!("“{name}” was not restored: {problem}. "),
    }
}
