// The review's loaded files in IndexedDB (one database, one store: the files' answers as
// JSON text, in pieces under "files/0", "files/1"..., their count under "files"). Pieces,
// because Chromium refuses a value over about 127 MB serialized, and 1,000 full capstones
// are more (a text written by an earlier version, one value under "files", still reads). localStorage holds 5-10 MB a site, about 200 full
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

// Characters a piece: 16 MB serialized (two bytes a character), well under the limit.
const PIECE = 8 * 1024 * 1024;

// The saved files' JSON text, or undefined before the first save.
export async function read_files() {
  const transaction = (await open()).transaction(STORE, "readonly");
  const store = transaction.objectStore(STORE);
  const pieces = [];
  const request = store.get(KEY);
  request.onsuccess = () => {
    if (typeof request.result !== "number") return;
    for (let n = 0; n < request.result; n++) {
      const piece = store.get(`${KEY}/${n}`);
      piece.onsuccess = () => (pieces[n] = piece.result ?? "");
    }
  };
  return done(transaction, () => (typeof request.result === "number" ? pieces.join("") : request.result));
}

export async function write_files(text) {
  const transaction = (await open()).transaction(STORE, "readwrite");
  const store = transaction.objectStore(STORE);
  // The store holds nothing else: the pieces of an earlier, longer text go too.
  store.clear();
  const count = Math.ceil(text.length / PIECE);
  for (let n = 0; n < count; n++) store.put(text.slice(n * PIECE, (n + 1) * PIECE), `${KEY}/${n}`);
  store.put(count, KEY);
  return done(transaction, () => undefined);
}
