// Times an app's click handler in the page, for the in-browser benchmarks. A capture
// listener on window runs before the app's handler (Leptos delegates events to the
// document) and a bubbling one after it, so their difference is the handler's time.
// Only clicks on the button whose text starts with `label` count: a download link's own
// click bubbles to window too.

/** Starts recording the handler time of every click on that button. */
export async function timeClicksOn(page, label) {
  await page.evaluate((label) => {
    window.__clickTimes = [];
    let start = 0;
    const isIt = (event) => event.target.closest?.("button")?.textContent.startsWith(label);
    addEventListener("click", (event) => isIt(event) && (start = performance.now()), true);
    addEventListener("click", (event) => isIt(event) && window.__clickTimes.push(performance.now() - start));
  }, label);
}

/** The handler times recorded so far, in milliseconds, oldest first. */
export const clickTimes = (page) => page.evaluate(() => window.__clickTimes);
