// Shared by the review's e2e test and bench/review-in-browser.mjs; run in the page with
// page.evaluate (it reads IndexedDB as the app left it, as DevTools would).

// The length of the review's files' text as saved in IndexedDB (0 before the first save).
export function savedReviewFiles() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("workbook-review");
    // Not created yet: leave it for the app to create.
    request.onupgradeneeded = () => request.transaction.abort();
    request.onerror = () => (request.error?.name === "AbortError" ? resolve(0) : reject(request.error));
    request.onsuccess = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains("review")) return resolve(0);
      // The text's pieces ("files/0"...) and their count ("files"), or one text (earlier versions).
      const transaction = database.transaction("review");
      const store = transaction.objectStore("review");
      let length = 0;
      const count = store.get("files");
      count.onsuccess = () => {
        if (typeof count.result === "string") length = count.result.length;
        for (let n = 0; n < (typeof count.result === "number" ? count.result : 0); n++) {
          const piece = store.get(`files/${n}`);
          piece.onsuccess = () => (length += piece.result?.length ?? 0);
        }
      };
      transaction.oncomplete = () => {
        database.close();
        resolve(length);
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}
