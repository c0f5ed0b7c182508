//! Where the participant is in the app, read from and written to the URL's hash.
//!
//! Hash routes (`#/exercise/m6-2.1`) survive a reload and work from any static host under
//! any sub-path (GitHub Pages serves `/repo/` and knows nothing of our pages), with no
//! server-side fallback to configure.
//!
//! The site has a page per download (see Cargo.toml, `[features]`): the root page holds
//! Module 6, `module-5/` Module 5, `restore/` the import of backups and files. Every page
//! has the home and profile routes; a link to an exercise or to the import goes to the page
//! that shows it.

use crate::course::find_exercise;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Profile,
    /// Restore a backup or import an exported deliverable.
    Import,
    /// Instructors: review a cohort's exported files.
    Review,
    /// An exercise by key; it may be one that is not built yet.
    Exercise(&'static str),
    /// A link to something that does not exist (an old bookmark, a typo).
    NotFound(String),
}

/// The page that restores backups and imports files, relative to the site's root.
pub const RESTORE_PAGE: &str = "restore/";

/// Module 6's capstone, on a page of its own (`Exercise::page`).
pub const CAPSTONE_PAGE: &str = "capstone/";

/// The instructors' review page, relative to the site's root.
pub const REVIEW_PAGE: &str = "review/";

/// With `grading`, this build's page: the one that grades a participant's work in its
/// module, one participant at a time (`Module::grading_page`; one page per module).
pub const GRADING_PAGE: &str = if cfg!(feature = "module5") && !cfg!(feature = "module6") {
    crate::course::module5::MODULE.grading_page
} else {
    crate::course::module6::MODULE.grading_page
};

/// This build's page, relative to the site's root: what the features it was built with
/// say (the tests, built with the default features, are the root page).
pub const HERE: &str = if cfg!(feature = "grading") {
    GRADING_PAGE
} else if cfg!(feature = "review") {
    REVIEW_PAGE
} else if cfg!(feature = "restore") && !cfg!(feature = "forms") {
    RESTORE_PAGE
} else if cfg!(feature = "module5") && !cfg!(feature = "module6") {
    "module-5/"
} else if cfg!(feature = "capstone-page") {
    CAPSTONE_PAGE
} else {
    ""
};

/// The link to participant `index` of the review's cohort, graded on `page`, from page
/// `here`: the hash alone on that page (no reload), else the path to it.
pub fn participant_href_from(here: &str, page: &str, index: usize) -> String {
    let path = if page == here { String::new() } else { format!("{}{page}", "../".repeat(here.matches('/').count())) };
    format!("{path}#/participant/{index}")
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`) on this build's page.
    pub fn parse(hash: &str) -> Route {
        Route::parse_on(hash, HERE)
    }

    /// Parses `hash` as page `here` reads it: an empty hash is where that page opens (the
    /// restore page is for restoring, so it opens on the import; every other page on the
    /// list of exercises).
    pub fn parse_on(hash: &str, here: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] if here == RESTORE_PAGE => Route::Import,
            [""] => Route::Home,
            ["profile"] => Route::Profile,
            ["import"] => Route::Import,
            ["review"] => Route::Review,
            ["exercise", key] => match find_exercise(key) {
                Some((_, exercise)) => Route::Exercise(exercise.key),
                None => Route::NotFound(path.to_owned()),
            },
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The `href` of a link to this route from this build's page.
    pub fn href(&self) -> String {
        self.href_from(HERE)
    }

    /// The page that shows this route, seen from page `here` (`Module::page`, or the
    /// restore page); `None` for the routes every page has. The restore page opens on the
    /// import, so its link to the list of exercises goes to the site's root page.
    fn page_from(&self, here: &str) -> Option<&'static str> {
        match self {
            Route::Home if here == RESTORE_PAGE => Some(""),
            Route::Import => Some(RESTORE_PAGE),
            Route::Review => Some(REVIEW_PAGE),
            Route::Exercise(key) => find_exercise(key).map(|(module, exercise)| exercise.page_in(module)),
            _ => None,
        }
    }

    /// The `href` of a link to this route from page `here`: the hash alone when `here`
    /// shows it, else the path to the page that does, then the hash.
    pub fn href_from(&self, here: &str) -> String {
        match self.page_from(here) {
            Some(page) if page != here => format!("{}{page}{}", "../".repeat(here.matches('/').count()), self.hash()),
            _ => self.hash(),
        }
    }

    /// Whether this build's page shows the route.
    pub fn is_here(&self) -> bool {
        self.page_from(HERE).is_none_or(|page| page == HERE)
    }

    /// The route as a URL hash.
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Profile => "#/profile".to_owned(),
            Route::Import => "#/import".to_owned(),
            Route::Review => "#/review".to_owned(),
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
            assert_eq!(Route::parse(&route.hash()), route);
        }
    }

    #[test]
    fn links_go_to_the_page_that_shows_the_route() {
        let module6 = Route::Exercise("m6-2.1");
        let module5 = Route::Exercise("m5-2.1");
        assert_eq!(module6.href_from(""), "#/exercise/m6-2.1");
        assert_eq!(module5.href_from(""), "module-5/#/exercise/m5-2.1");
        assert_eq!(module6.href_from("module-5/"), "../#/exercise/m6-2.1");
        assert_eq!(module5.href_from("module-5/"), "#/exercise/m5-2.1");
        assert_eq!(Route::Import.href_from("module-5/"), "../restore/#/import");
        assert_eq!(Route::Import.href_from(RESTORE_PAGE), "#/import");
        assert_eq!(Route::Profile.href_from("restore/"), "#/profile");
        assert_eq!(module5.href_from(RESTORE_PAGE), "../module-5/#/exercise/m5-2.1");
        // The capstone has a page of its own, beside 2.1 and 2.2's.
        let capstone = Route::Exercise("m6-2.3");
        assert_eq!(find_exercise("m6-2.3").unwrap().1.page, Some(CAPSTONE_PAGE));
        assert_eq!(capstone.href_from(""), "capstone/#/exercise/m6-2.3");
        assert_eq!(capstone.href_from(CAPSTONE_PAGE), "#/exercise/m6-2.3");
        assert_eq!(module6.href_from(CAPSTONE_PAGE), "../#/exercise/m6-2.1");
    }

    #[test]
    fn participants_link_to_their_module_s_grading_page() {
        let (module5, module6) = ("review/module-5/", "review/participant/");
        assert_eq!(participant_href_from(REVIEW_PAGE, module6, 3), "../review/participant/#/participant/3");
        assert_eq!(participant_href_from(module6, module6, 3), "#/participant/3");
        assert_eq!(participant_href_from(module6, module5, 0), "../../review/module-5/#/participant/0");
    }

    #[test]
    fn empty_and_unknown_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/exercise/m6-2.1/"), Route::Exercise("m6-2.1"));
        assert_eq!(Route::parse("#/exercise/m9-9.9"), Route::NotFound("exercise/m9-9.9".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
    }

    #[test]
    fn the_restore_page_opens_on_the_import_and_links_home_to_the_root_page() {
        for hash in ["", "#", "#/"] {
            assert_eq!(Route::parse_on(hash, RESTORE_PAGE), Route::Import, "{hash:?}");
            assert_eq!(Route::parse_on(hash, "module-5/"), Route::Home, "{hash:?}");
        }
        assert_eq!(Route::parse_on("#/profile", RESTORE_PAGE), Route::Profile);
        assert_eq!(Route::Home.href_from(RESTORE_PAGE), "../#/");
        assert_eq!(Route::Home.href_from("module-5/"), "#/");
    }
}
