// Shared by the review's e2e test and bench/review-in-browser.mjs; run in the page with
// page.evaluate (it reads IndexedDB as the app left it, as DevTools would).

// The length of the review's files as saved in IndexedDB (0 before the first save).
export function savedReviewFiles() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("workbook-review");
    // Not created yet: leave it for the app to create.
    request.onupgradeneeded = () => request.transaction.abort();
    request.onerror = () => (request.error?.name === "AbortError" ? resolve(0) : reject(request.error));
    request.onsuccess = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains("review")) return resolve(0);
      const get = database.transaction("review").objectStore("review").get("files");
      get.onsuccess = () => {
        database.close();
        resolve(get.result?.length ?? 0);
      };
      get.onerror = () => reject(get.error);
    };
  });
}
