//! Where the participant is in the app, read from and written to the URL's hash.
//!
//! Hash routes (`#/exercise/m6-2.1`) survive a reload and work from any static host under
//! any sub-path (GitHub Pages serves `/repo/` and knows nothing of our pages), with no
//! server-side fallback to configure.

use crate::course::find_exercise;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Profile,
    /// Restore a backup or import an exported deliverable.
    Import,
    /// An exercise by key; it may be one that is not built yet.
    Exercise(&'static str),
    /// A link to something that does not exist (an old bookmark, a typo).
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::Home,
            ["profile"] => Route::Profile,
            ["import"] => Route::Import,
            ["exercise", key] => match find_exercise(key) {
                Some((_, exercise)) => Route::Exercise(exercise.key),
                None => Route::NotFound(path.to_owned()),
            },
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The `href` of a link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Profile => "#/profile".to_owned(),
            Route::Import => "#/import".to_owned(),
            Route::Exercise(key) => format!("#/exercise/{key}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_their_href() {
        for route in [Route::Home, Route::Profile, Route::Import, Route::Exercise("m6-2.1"), Route::Exercise("m5-2.3")]
        {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn empty_and_unknown_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/exercise/m6-2.1/"), Route::Exercise("m6-2.1"));
        assert_eq!(Route::parse("#/exercise/m9-9.9"), Route::NotFound("exercise/m9-9.9".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
    }
}
