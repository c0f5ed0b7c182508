// The review's loaded files in IndexedDB (one database, one store, one value under "files":
// the files' answers as JSON text). localStorage holds 5-10 MB a site, about 200 full
// capstones, and writes synchronously; IndexedDB holds what the disk allows and writes
// off the page's thread. The instructor's grades stay in localStorage (small, and written
// at once, even as the page closes): see review_store.rs.
const DATABASE = "workbook-review";
const STORE = "review";
const KEY = "files";

let opened;
function open() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const database = request.result;
      // Another tab deleting or upgrading the database: let it, and open again next time.
      database.onversionchange = () => {
        database.close();
        opened = undefined;
      };
      resolve(database);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("another tab holds an older version of the review's database: close it"));
  }).catch((error) => {
    opened = undefined; // the next call tries again
    throw error;
  });
  return opened;
}

// Settles when the transaction has reached the disk, or failed (a full disk: QuotaExceededError).
function done(transaction, value) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(value());
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error("the write was cancelled"));
  });
}

// The saved files' JSON text, or undefined before the first save.
export async function read_files() {
  const transaction = (await open()).transaction(STORE, "readonly");
  const request = transaction.objectStore(STORE).get(KEY);
  return done(transaction, () => request.result);
}

export async function write_files(text) {
  const transaction = (await open()).transaction(STORE, "readwrite");
  transaction.objectStore(STORE).put(text, KEY);
  return done(transaction, () => undefined);
}
