//! The participant's profile, filled once and used by every export.

use leptos::prelude::*;

use super::{app_state, set_document_title};
use crate::model::Profile;
use crate::route::Route;

#[component]
pub fn ProfilePage() -> impl IntoView {
    set_document_title("Your profile");
    view! {
        <h1>"Your profile"</h1>
        <p class="lead">"Filled once, printed at the top of every file you export so your instructor knows whose work it is."</p>
        <form class="profile-form" on:submit=|ev| ev.prevent_default()>
            <ProfileField id="profile-name" label="Your name" autocomplete="name" get=|p| &p.name set=|p, v| p.name = v/>
            <ProfileField id="profile-cohort" label="Cohort" autocomplete="off" get=|p| &p.cohort set=|p, v| p.cohort = v/>
            <ProfileField id="profile-scenario" label="Client or scenario name" autocomplete="organization"
                get=|p| &p.scenario set=|p, v| p.scenario = v/>
            <p class="help">"Use a sanitised name if your client is real, e.g. “a regional insurer”."</p>
        </form>
        <p><a class="button" href=Route::Home.href()>"Continue to the exercises"</a></p>
    }
}

#[component]
fn ProfileField(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    get: fn(&Profile) -> &String,
    set: fn(&mut Profile, String),
) -> impl IntoView {
    let workbook = app_state().workbook;
    let value = Memo::new(move |_| workbook.with(|w| get(&w.profile).clone()));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" autocomplete=autocomplete prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    workbook.update(|w| set(&mut w.profile, text));
                }/>
        </div>
    }
}
