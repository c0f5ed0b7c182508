// The exercise pages' exports run in a worker (src/export_worker.rs), a second wasm module
// that this page starts on its first export: the writers of the exported files are not in
// the page's own download. scripts/post-build.mjs names the worker's loader in a meta tag
// (its file name carries a hash of the worker, so a new release is never mixed with an old
// worker). The worker answers requests in the order they were sent.
let worker = null;
let ready = null;
const waiting = [];

function start() {
  const loader = document.querySelector('meta[name="export-worker"]')?.content;
  if (!loader) return Promise.reject(new Error("this page has no export worker"));
  worker = new Worker(new URL(loader, document.baseURI), { type: "module" });
  ready = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      if (event.data === "ready") return resolve();
      const request = waiting.shift();
      if (Array.isArray(event.data)) request?.resolve(event.data);
      else request?.reject(new Error(event.data));
    };
    // The worker could not load (offline before it was ever cached) or stopped: every
    // request waiting fails with that, and the next export starts a new worker.
    worker.onerror = (event) => {
      event.preventDefault();
      const problem = new Error(event.message || "the export worker could not start");
      for (const request of waiting.splice(0)) request.reject(problem);
      worker.terminate();
      worker = null;
      reject(problem);
    };
  });
  return ready;
}

/** Resolves with [file name, bytes]; rejects with what went wrong. */
export async function export_in_worker(request) {
  await (worker ? ready : start());
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    worker.postMessage(request);
  });
}
