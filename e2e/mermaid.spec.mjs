// The Mermaid blocks the proposal carries are judged by Mermaid itself (the npm package,
// the renderer GitHub uses), in Chromium: the expected proposal of a filled Module 6
// (tests/expected/, kept equal to the real export by `cargo test`) and the architecture
// and timeline of a proposal exported from the app with hostile names.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { box, download, fillAll, pane, section } from "./form.mjs";

const MERMAID = new URL("../node_modules/mermaid/dist/mermaid.min.js", import.meta.url).pathname;

/** The text of every ```mermaid block in a markdown file. */
const mermaidBlocks = (markdown) => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(([, code]) => code);

/** Renders each diagram with Mermaid on a blank page; returns the SVG markup of each, or the error Mermaid gave. */
async function render(browser, diagrams) {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: MERMAID });
  const results = await page.evaluate(async (diagrams) => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const out = [];
    for (const [index, code] of diagrams.entries()) {
      try {
        out.push({ svg: (await window.mermaid.render(`diagram${index}`, code)).svg });
      } catch (error) {
        out.push({ error: String(error?.message ?? error) });
      }
    }
    return out;
  }, diagrams);
  await page.close();
  return results;
}

test("the expected proposal's architecture and timeline render in Mermaid", async ({ browser }) => {
  const proposal = await readFile(new URL("../tests/expected/enterprise-architecture-proposal.md", import.meta.url), "utf8");
  const diagrams = mermaidBlocks(proposal);
  // The timeline is part of the deployment strategy, the architecture comes after it.
  expect(diagrams.map((d) => d.split("\n")[0])).toEqual(["gantt", "flowchart LR"]);
  const [gantt, flowchart, broken] = await render(browser, [...diagrams, 'flowchart LR\n    n1["open --> n2']);
  expect(broken.error, "Mermaid reports a syntax error, so a passing render means something").toBeDefined();
  expect(flowchart.error).toBeUndefined();
  expect(gantt.error).toBeUndefined();
  // One box per component, one bar per 2.1 phase.
  const components = [...proposal.matchAll(/^ {8}n\d+\["/gm)].length;
  expect(components).toBeGreaterThan(3);
  expect(flowchart.svg.match(/class="node /g)?.length).toBe(components);
  // One bar per phase with a duration, and the ongoing phase as a milestone.
  const phases = diagrams[0].split("\n").filter((l) => / :(milestone, )?p\d+, /.test(l));
  expect(phases.some((l) => l.includes(":milestone, "))).toBe(true);
  expect(gantt.svg.match(/class="task /g)?.length).toBe(phases.length);
});

test("the Module 5 pipeline diagram renders in Mermaid", async ({ browser }) => {
  const environments = await readFile(new URL("../tests/expected/module5/environments.md", import.meta.url), "utf8");
  const diagrams = mermaidBlocks(environments);
  expect(diagrams).toHaveLength(1);
  const [pipeline] = await render(browser, diagrams);
  expect(pipeline.error).toBeUndefined();
  expect(pipeline.svg.match(/class="node /g)?.length).toBe(10);
});

test("names with Mermaid's own syntax in them still render", async ({ page, browser }) => {
  const hostile = 'Gate: "edge" #1; a --> b [x] |y| end';
  await page.goto("./#/exercise/m6-2.1");
  await section(page, "Rollout phases").click();
  await box(page, "Phase 1 Phase").fill(hostile);
  await page.goto("./capstone/#/exercise/m6-2.3");
  await section(page, "Architecture diagrams").click();
  for (const [index, name] of [hostile, "Claims <b>assistant</b>"].entries()) {
    await pane(page).getByRole("button", { name: "Add component", exact: true }).click();
    await fillAll(page, { [`Component ${index + 1} Name`]: name, [`Component ${index + 1} Group`]: "subgraph end" });
  }
  await pane(page).getByRole("button", { name: "Add connection", exact: true }).click();
  await fillAll(page, { "Connection 1 From": hostile, "Connection 1 To": "Claims <b>assistant</b>", "Connection 1 Label": "-->|x|" });
  await section(page, "Deployment strategy").click();
  await box(page, "Rollout start date").fill("2027-02-01");
  const diagrams = mermaidBlocks(await download(page, "enterprise-architecture-proposal.md"));
  expect(diagrams).toHaveLength(2);
  for (const result of await render(browser, diagrams)) {
    expect(result.error).toBeUndefined();
    expect(result.svg).not.toContain("<b>");
  }
});
