// Times a download in the app, for the in-browser benchmarks: from the click on the button
// to the moment the file is handed to the browser (the app's hidden download link is
// clicked). A capture listener on window sees the button's click before the app's handler
// (Leptos delegates events to the document); the download link's click bubbles to window
// once the file is made, whether on the page at once (a generated workflow) or by the
// export worker (the document, the deck, the .zip), so the time includes the worker's round
// trip and, on a page's first export, starting the worker.

/** Starts recording, for every click on the button whose text starts with `label`, the time
 * until its file is handed to the browser. */
export async function timeClicksOn(page, label) {
  await page.evaluate((label) => {
    window.__clickTimes = [];
    let start = null;
    addEventListener(
      "click",
      (event) => {
        if (event.target.closest?.("button")?.textContent.startsWith(label)) start = performance.now();
      },
      true,
    );
    addEventListener("click", (event) => {
      if (start !== null && event.target.closest?.("a[download]")) {
        window.__clickTimes.push(performance.now() - start);
        start = null;
      }
    });
  }, label);
}

/** The times recorded so far, in milliseconds, oldest first. */
export const clickTimes = (page) => page.evaluate(() => window.__clickTimes);
