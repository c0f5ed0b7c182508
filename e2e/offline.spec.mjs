// After one visit the app opens and works with the site unreachable: the service worker
// serves the cached shell. The server is really stopped, not just emulated offline, so no
// request can sneak through.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { serve } from "./serve.mjs";

test("after the first visit the app loads, edits and exports with the network gone", async ({ page }) => {
  const server = await serve("dist", 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  let stopped = false;
  try {
    await page.goto(`${base}#/exercise/m6-2.1`);
    const summary = page.locator(".section-pane").getByRole("textbox", { name: "Client / scenario summary", exact: true });
    await summary.fill("typed online");
    // The shell is cached once the service worker is active.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const cached = await caches.open("workbook-shell-v4").then((c) => c.keys());
      // Every page of the site, each with its own wasm.
      for (const page of ["", "module-5/", "capstone/", "restore/", "review/", "review/participant/", "review/module-5/"]) {
        if (!cached.some((r) => r.url === new URL(page, location.href).href.replace(/#.*$/, ""))) throw new Error(`${page} not cached`);
      }
      // Every page's wasm (seven), and the export worker's of the three exercise pages.
      const wasm = cached.filter((r) => r.url.endsWith(".wasm"));
      if (wasm.length !== 10) throw new Error(`${wasm.length} wasm files cached, not 10`);
      for (const page of ["", "module-5/", "capstone/"]) {
        const worker = new RegExp(`^${new URL(page, location.href).href.replace(/#.*$/, "")}export-worker-[0-9a-f]{16}(_loader\\.js|\\.js|_bg\\.wasm)$`);
        if (cached.filter((r) => worker.test(r.url)).length !== 3) throw new Error(`the export worker of ${page || "the root page"} is not cached`);
      }
      // Module 5's glue imports a module of its own (the workflow check's forwarder).
      if (!cached.some((r) => r.url.includes("/module-5/snippets/"))) throw new Error("Module 5's JS snippet is not cached");
    });

    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    stopped = true;
    await expect((await fetch(base).catch((e) => e)).constructor.name).toBe("TypeError");

    await page.reload();
    await expect(summary).toHaveValue("typed online");
    await summary.fill("typed offline");
    await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
    await page.getByRole("region", { name: "Module 6: Production Deployment & Operations" }).getByRole("link", { name: "Exercise 2.1 · Deployment Strategy" }).click();
    await expect(summary).toHaveValue("typed offline");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export deployment-strategy.md" }).click(),
    ]);
    expect(await readFile(await download.path(), "utf8")).toContain("typed offline");

    // Module 5's page, never opened before, works offline too, its exports included.
    await page.goto(`${base}module-5/#/exercise/m5-2.1`);
    await expect(page.getByRole("heading", { level: 1, name: "Exercise 2.1 · Deployment Strategy" })).toBeVisible();
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download all as a .zip (repository layout)" }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe("exercise-2.1-deployment-design.zip");
    expect((await readFile(await zip.path())).subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  } finally {
    if (!stopped) server.close();
  }
});
