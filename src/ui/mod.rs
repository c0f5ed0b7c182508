//! Leptos components: they bind the pure core to the page and hold no course knowledge.

mod autosave;
mod download_button;
mod exercise;
mod fields;
mod history;
mod home;
mod import;
mod profile;
// Only the review pages compile it: its storage adapter brings an IndexedDB module that
// wasm-bindgen would otherwise ship in every page's glue.
#[cfg(feature = "review")]
mod review;
#[cfg(all(feature = "module5", feature = "forms"))]
mod workflows;

use leptos::prelude::*;

use crate::browser::storage;
use crate::history::History;
use crate::model::Workbook;
use crate::route::Route;
use download_button::{BackupButton, UnreadableDataButton};

/// State shared by every page, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The single source of truth: every keystroke updates it, autosave persists it.
    pub workbook: RwSignal<Workbook>,
    pub save_status: RwSignal<SaveStatus>,
    /// Why the last completed save failed; `None` once a save succeeds. Unlike
    /// `save_status` it does not flip to pending on each keystroke, so the warning stays
    /// on screen steadily until the work is really stored.
    pub save_error: RwSignal<Option<String>>,
    /// Snapshots of every exercise, as last read from or written to storage.
    pub history: RwSignal<History>,
    /// Answers both this tab and another changed at once, until the participant dismisses it.
    pub clash_notice: RwSignal<Option<String>>,
}

#[derive(Clone, PartialEq, Debug)]
pub enum SaveStatus {
    Saved,
    /// A change waits for the next save (at most 300 ms away).
    Pending,
    /// The last write failed; the work is still in memory.
    Failed(String),
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

/// Moves keyboard focus to the element with this id, if it is on the page; returns it.
pub fn focus(element_id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let element = document().get_element_by_id(element_id)?.unchecked_into::<web_sys::HtmlElement>();
    let _ = element.focus();
    Some(element)
}

/// Listens to the window for the rest of the page's life: for the app's root and what it
/// starts (autosave), which never unmount. Not Leptos' `window_event_listener`: the handle
/// it returns keeps the closure in a `SendWrapper` (checked against the thread that made
/// it), and that code cost Module 5's page 0.45 KB gzip, for an app with one thread.
pub fn listen_to_window(event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = window().add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Every page names itself in the browser tab and history.
pub fn set_document_title(page: &str) {
    document().set_title(&format!("{page} · Session 2 Workbook"));
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn log_error(message: &str);
}

pub fn mount() {
    // User Timing marks for bench/cold-load-trace.mjs: when the wasm's main started and when
    // the first page was in the DOM.
    crate::browser::mark("workbook-start");
    // A panic's message in the console (the default hook writes to a stderr that does not
    // exist here), in debug builds: `trunk serve` while developing. Release builds keep the
    // default hook, as replacing it was 0.6 KB gzip on each page (a panic there shows as
    // "unreachable" in the console; rerun the steps on a debug build to read its message).
    if cfg!(debug_assertions) {
        std::panic::set_hook(Box::new(|info| log_error(&info.to_string())));
    }
    // Neither is needed to type: both wait until the first page has painted and the
    // browser is idle (a service worker starting takes a core from the first render).
    request_idle_callback(|| {
        storage::request_persistence();
        // Release builds only: a cached shell would hide `trunk serve`'s rebuilds.
        if !cfg!(debug_assertions) {
            crate::browser::register_service_worker();
        }
    });
    // On a page with a form shell (index.html, module-5/index.html), this module is only
    // requested once the shell has painted (scripts/post-build.mjs), so it can start at once.
    start();
}

fn start() {
    // The review page is another app over the same core.
    #[cfg(feature = "review")]
    mount_to_body(review::ReviewApp);
    #[cfg(not(feature = "review"))]
    mount_to_body(App);
    crate::browser::mark("workbook-rendered");
}

#[component]
fn App() -> impl IntoView {
    let (workbook, load_problem) = match storage::load() {
        storage::Loaded::Fresh => (Workbook::default(), None),
        storage::Loaded::Stored { workbook, damage } if damage.is_empty() => (workbook, None),
        storage::Loaded::Stored { workbook, damage } => (workbook, Some(LoadProblem::Partly(damage))),
        storage::Loaded::Unreadable { error } => {
            let (workbook, recovered) = recover_from_history();
            (workbook, Some(LoadProblem::Unreadable { error, recovered }))
        }
    };
    let state = AppState {
        workbook: RwSignal::new(workbook),
        save_status: RwSignal::new(SaveStatus::Saved),
        save_error: RwSignal::new(None),
        history: RwSignal::new(storage::load_history()),
        clash_notice: RwSignal::new(None),
    };
    provide_context(state);
    autosave::start(state);
    #[cfg(feature = "forms")]
    adopt_shell_edits(state);

    let route = RwSignal::new(current_route());
    listen_to_window("hashchange", move |_| {
        route.set(current_route());
        // A new page starts at its top, with focus where a screen reader expects it.
        window().scroll_to_with_x_and_y(0.0, 0.0);
        focus("main");
    });

    view! {
        <SkipLink/>
        <header class="app-header">
            <a class="brand" href=Route::Home.href()>"Session 2 Workbook"</a>
            <nav aria-label="Main">
                <a href=Route::Home.href()>"Exercises"</a>
                <a href=Route::Profile.href()>"Profile"</a>
            </nav>
            <SaveIndicator/>
        </header>
        {load_problem.map(|problem| view! { <LoadProblemBanner problem/> })}
        <SaveFailureBanner/>
        <ClashBanner/>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Home => home::HomePage().into_any(),
                Route::Profile => profile::ProfilePage().into_any(),
                // Each page's download holds its own routes only (route::HERE); the others
                // open on the page that shows them. `cfg!` rather than `#[cfg]`: the page
                // code still compiles everywhere, and the build leaves out what it cannot reach.
                Route::Import if cfg!(feature = "restore") => import::ImportPage().into_any(),
                Route::Exercise(key) if cfg!(feature = "forms") && Route::Exercise(key).is_here() => {
                    view! { <exercise::ExercisePage key=key/> }.into_any()
                }
                other @ (Route::Import | Route::Exercise(_) | Route::Review) => view! { <OtherPage route=other/> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>
                "Everything you type stays in this browser; nothing is sent anywhere. "
                <strong>"Clearing this site's browser data deletes your work"</strong>
                ": export your deliverables, and keep a backup."
            </p>
            <div class="footer-actions">
                <BackupButton/>
                <a class="button-link secondary" href=Route::Import.href()>"Restore a backup or import a file"</a>
            </div>
        </footer>
    }
}

/// What was typed into the page's form shell before the app started (shell.js, inlined in the
/// page; `render::shell`), on this page or on one closed before its app started: the
/// participant's latest edits, saved at once. The script takes the shell out of the page,
/// and puts the caret back in the app's field. Every exercise page holds a shell.
#[cfg(feature = "forms")]
fn adopt_shell_edits(state: AppState) {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// `exercise NUL box NUL text NUL exercise NUL …`, the boxes typed in a shell (a
        /// field, or a table's cell: `render::shell::adopt`; a NUL typed in a text comes as
        /// U+FFFD); empty when there were none. One string, not an array of them: that glue
        /// cost Module 5's page 0.5 KB gzip more.
        #[wasm_bindgen(js_namespace = workbookShell, js_name = take)]
        fn take_shell() -> String;
    }
    let taken = take_shell();
    if taken.is_empty() {
        return;
    }
    let parts: Vec<&str> = taken.split('\0').collect();
    state.workbook.update(|w| {
        for edit in parts.chunks_exact(3) {
            let answers = w.exercises.entry(edit[0].to_owned()).or_default();
            // Only Module 6's pages draw tables in their shells (tests/form_shell.rs checks
            // that Module 5's has none): Module 5's page, with no room, leaves the cells' code out.
            if cfg!(feature = "module6") {
                crate::render::shell::adopt(answers, edit[0], edit[1], edit[2].to_owned());
            } else {
                answers.set_text(edit[1], edit[2].to_owned());
            }
        }
    });
    // Saved now: autosave's watch only starts after this first render, and the script has
    // already let go of its own copy.
    autosave::save_now(state);
}

/// The first thing a keyboard reaches on every page. Not a plain `#main` link: the hash
/// holds the route.
#[component]
fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus("main");
        }>"Skip to content"</a>
    }
}

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let status = app_state().save_status;
    view! {
        <p class="save-status" role="status" data-state=move || match status.get() {
            SaveStatus::Saved => "saved",
            SaveStatus::Pending => "pending",
            SaveStatus::Failed(_) => "failed",
        }>
            {move || match status.get() {
                SaveStatus::Saved => "Saved in this browser".to_owned(),
                SaveStatus::Pending => "Saving…".to_owned(),
                SaveStatus::Failed(why) => format!("Not saved: {why}. Keep this tab open and export your work."),
            }}
        </p>
    }
}

/// Stays on screen from a failed save until a save succeeds.
#[component]
fn SaveFailureBanner() -> impl IntoView {
    let save_error = app_state().save_error;
    let problem = Memo::new(move |_| save_error.get());
    move || {
        problem.get().map(|why| {
            // Sticky: it must stay in view wherever the participant is typing.
            view! {
                <div class="banner banner-error banner-sticky" role="alert">
                    <p>
                        <strong>"Your latest changes are NOT saved in this browser: download a backup now."</strong>
                        " (" {why} ".) Keep this tab open: your work is still here, and saving is tried again "
                        "with your next change."
                    </p>
                    <BackupButton/>
                </div>
            }
        })
    }
}

/// Both tabs changed the same answers at once; says which, and where the other text went.
#[component]
fn ClashBanner() -> impl IntoView {
    let notice = app_state().clash_notice;
    move || {
        notice.get().map(|places| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>
                        <strong>"This workbook is also open in another tab, and both changed the same answer: "</strong>
                        {places} ". The newer text was kept; the other one is in the exercise’s History."
                    </p>
                    <button type="button" class="secondary" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// When the stored answers cannot be read at all, the newest version of each exercise in
/// History is the best there is. Returns the workbook and, per exercise, where it came from.
fn recover_from_history() -> (Workbook, Vec<String>) {
    let history = storage::load_history();
    let mut workbook = Workbook::default();
    let mut recovered = Vec::new();
    for snapshot in history.latest_of_each() {
        workbook.exercises.insert(snapshot.exercise.clone(), snapshot.answers.clone());
        recovered.push(format!(
            "{} as of {}",
            crate::restore::exercise_name(&snapshot.exercise),
            crate::browser::local_time(snapshot.taken_ms)
        ));
    }
    (workbook, recovered)
}

/// Why the stored workbook did not load whole.
enum LoadProblem {
    /// Nothing could be read; `recovered` lists the exercises loaded from History instead.
    Unreadable { error: String, recovered: Vec<String> },
    /// These parts could not be read; everything else loaded.
    Partly(Vec<String>),
}

#[component]
fn LoadProblemBanner(problem: LoadProblem) -> impl IntoView {
    let kept_aside = format!(
        "The data as it was stored is kept aside in this browser under the key “{}” and is never \
         overwritten; download it to keep it or to send it for help.",
        storage::UNREADABLE_KEY
    );
    let (headline, detail) = match problem {
        LoadProblem::Unreadable { error, recovered } if recovered.is_empty() => (
            "Your saved work could not be read".to_owned(),
            format!("({error}). You are starting with an empty workbook. {kept_aside}"),
        ),
        LoadProblem::Unreadable { error, recovered } => (
            "Your saved work could not be read".to_owned(),
            format!(
                "({error}). The latest versions kept in History were loaded instead: {}. Check them; anything \
                 typed after those versions is only in the unreadable data. {kept_aside}",
                recovered.join("; ")
            ),
        ),
        LoadProblem::Partly(damage) => (
            "Part of your saved work could not be read".to_owned(),
            format!("Missing: {}. Everything else was loaded. {kept_aside}", damage.join("; ")),
        ),
    };
    view! {
        <div class="banner banner-error" role="alert">
            <p><strong>{headline}</strong> " " {detail}</p>
            <UnreadableDataButton/>
        </div>
    }
}

/// A route another page of the site shows (an old bookmark, a link typed by hand): goes
/// there, with a link in case the browser does not follow.
#[component]
fn OtherPage(route: Route) -> impl IntoView {
    let href = route.href();
    let _ = window().location().replace(&href);
    view! {
        <h1>"Opening another page of the workbook"</h1>
        <p><a href=href>"Continue"</a></p>
    }
}

#[component]
fn NotFound(path: String) -> impl IntoView {
    set_document_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at “" {path} "”. It may be an old bookmark or a mistyped address."</p>
        <p><a href=Route::Home.href()>"Go to the list of exercises"</a></p>
    }
}
