// The form shell's script (src/render/shell.rs), inlined by Trunk after the shell's
// templates on each exercise page (index.html, module-5/index.html, capstone/index.html).
// Shows the form shell of the exercise this address opens, at the section the app will
// open, with the answers stored in this browser, before the app has loaded; the app takes
// what was typed in it as it starts (workbookShell.take, called by src/ui/mod.rs), and the
// caret moves to the app's field.
(() => {
  // What is typed in the shell is also kept under its own key at each keystroke, so a page
  // closed before the app started loses nothing: the next start of this page takes it.
  const KEPT = "workbook-shell-edits";
  let kept = {};
  try {
    kept = JSON.parse(localStorage.getItem(KEPT) || "{}") ?? {};
  } catch {}
  // A template per section of the exercise this address opens (src/render/shell.rs).
  const templates = [...document.querySelectorAll("template[data-route]")].filter((t) => t.dataset.route === location.hash);
  let shell = null;
  const exercise = templates[0]?.dataset.exercise;
  let workbook = {};
  try {
    if (exercise) workbook = JSON.parse(localStorage.getItem("workbook") || "{}") ?? {};
  } catch {}
  // The app opens an exercise at the section last visited, or else at its first: the shell
  // is that section's, and there is none when the page has no template of it (the shell
  // would show fields the app then swaps away).
  const last = workbook.last_sections?.[exercise];
  const template = templates.find((t) => (last ? t.dataset.section === last : "first" in t.dataset));
  // A box's key: its field, and for a table's cell "/row/column" after it (src/render/shell.rs,
  // `adopt`, says where the app keeps each).
  const keyOf = ({ dataset }) => (dataset.cell ? `${dataset.field}/${dataset.cell}` : dataset.field);
  if (template) {
    const stored = workbook.exercises?.[exercise]?.values ?? {};
    document.body.prepend(template.content.cloneNode(true));
    shell = document.getElementById("form-shell");
    for (const field of shell.querySelectorAll("[data-field]")) {
      // What the app stored for the box: its key is the path to it (a field's text, or a
      // table's rows, then the row, then the column).
      const key = keyOf(field);
      const text = kept[exercise]?.[key] ?? key.split("/").reduce((value, step) => value?.[step], stored);
      // A choice's radios share its field: the one whose value is stored is checked.
      if (typeof text === "string") field.type === "radio" ? (field.checked = field.value === text) : (field.value = text);
    }
    shell.addEventListener("input", ({ target }) => {
      if (!target.dataset.field) return;
      (kept[exercise] ??= {})[keyOf(target)] = target.value;
      try {
        localStorage.setItem(KEPT, JSON.stringify(kept));
      } catch {}
    });
  }
  // The app's loader (Trunk's module script and its preloads, which scripts/post-build.mjs
  // moves into this template) enters the page once the shell has painted: requested
  // while the page parses, the app's files held the shell back. It goes in ahead of the
  // parser's remaining work where the browser can say so (scheduler.postTask), and at
  // once when there is no shell.
  const start = () => {
    const loader = document.getElementById("app-start");
    if (loader) document.head.append(loader.content.cloneNode(true));
  };
  const urgently = (task) => (window.scheduler ? scheduler.postTask(task, { priority: "user-blocking" }) : setTimeout(task));
  if (shell) requestAnimationFrame(() => urgently(start));
  else start();
  // Written as char codes: Trunk's minifier turns the escape "\0" into a backslash and a 0.
  const NUL = String.fromCharCode(0);
  window.workbookShell = {
    /** "exercise NUL box NUL text NUL exercise …" (a box as keyOf names it; a NUL typed in
     * a text becomes U+FFFD): what was typed in a shell, on this page or on one closed before
     * its app started. The shell goes, and so does its localStorage entry. One string: an
     * array cost the app's glue 0.5 KB. */
    take() {
      const taken = [];
      for (const [exercise, fields] of Object.entries(kept)) {
        for (const [field, text] of Object.entries(fields ?? {})) if (typeof text === "string") taken.push(exercise, field, text.replaceAll(NUL, String.fromCharCode(0xfffd)));
      }
      kept = {};
      try {
        localStorage.removeItem(KEPT);
      } catch {}
      if (!shell) return taken.join(NUL);
      const active = shell.contains(document.activeElement) ? document.activeElement : null;
      shell.remove();
      shell = null;
      if (active?.dataset.field) {
        // The app's field has the same id: it gets the caret once the app is on the page.
        const watcher = new MutationObserver(() => {
          watcher.disconnect();
          const field = document.getElementById(active.id);
          field?.focus();
          if (active.selectionStart !== null) field?.setSelectionRange(active.selectionStart, active.selectionEnd);
        });
        watcher.observe(document.body, { childList: true });
      }
      return taken.join(NUL);
    },
  };
})();
