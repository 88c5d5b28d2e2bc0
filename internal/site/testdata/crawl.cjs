// Crawls a built site in headless Chromium through playwright-core, from its
// front page along every link inside the site, at each width asked for, and
// prints what it saw as JSON for browser_test.go to judge. Run through
// browsertest (internal/browsertest): the argument after chromium is
// BASE_URL, a file: or http: URL ending in a slash; anything outside it is a
// request the site must not make. stdin: {"widths": [390, 1280],
// "axeEvery": 1280}: axe-core runs on every page at the width axeEvery (0 for
// none), and at the other widths on the first page of each kind (pages of a
// kind share one template), since one axe run costs seconds.
"use strict";
const { axe, problem, run } = require("browsertest");

run(async (browser, { widths, axeEvery }, [base]) => {
  const out = { pages: {} };
  for (const width of widths) {
    // The site's own content security policy stays on for this pass, so a
    // page that breaks it shows a console error.
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(base)) { return route.continue(); }
      return route.abort();
    });
    const page = await context.newPage();
    let current = null;
    page.on("console", (m) => { const p = problem(m); if (current && p) current.console.push(p); });
    page.on("pageerror", (e) => { if (current) current.console.push("pageerror: " + e.message); });
    page.on("request", (r) => { if (current && !r.url().startsWith(base)) current.requests.push(r.url()); });
    const queue = [base + "index.html", base + "404.html"];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const url = queue.shift();
      const path = url.slice(base.length);
      const rec = out.pages[path] || (out.pages[path] = { links: [], widths: {} });
      current = { console: [], requests: [], overflow: 0, status: 0, h1: "" };
      rec.widths[width] = current;
      const resp = await page.goto(url, { waitUntil: "load" });
      current.status = resp ? resp.status() : 0;
      current.h1 = await page.$eval("h1", (h) => h.textContent.trim()).catch(() => "");
      current.overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const links = await page.$$eval("a[href], link[href]", (as) => as.map((a) => a.href));
      if (path === "index.html") {
        // The search box: an item's id finds that item, nonsense finds none.
        current.formVisible = await page.isVisible("#filters");
        const id = await page.$eval("#items tbody tr[data-id]", (r) => r.dataset.id);
        await page.fill("#filter-text", id);
        current.search = { query: id, visible: await page.$$eval("#items tbody tr[data-id]:not([hidden])", (rs) => rs.map((r) => r.dataset.id)) };
        await page.fill("#filter-text", "no such words anywhere");
        current.searchNone = await page.isVisible("#no-match");
        await page.fill("#filter-text", "");
      }
      for (const l of links) {
        if (!l.startsWith(base)) { continue; }
        const target = l.split("#")[0];
        if (!rec.links.includes(target.slice(base.length))) { rec.links.push(target.slice(base.length)); }
        if (target.endsWith(".html") && !seen.has(target)) { seen.add(target); queue.push(target); }
      }
    }
    current = null;
    await context.close();
    // Accessibility, on the pages chosen above, with the policy bypassed so
    // that the injected script may run.
    const axeContext = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    const axePage = await axeContext.newPage();
    const kinds = new Set();
    for (const path of Object.keys(out.pages)) {
      const parts = path.split("/");
      const kind = parts[0] + "/" + parts.length;
      if (width !== axeEvery && kinds.has(kind)) { continue; }
      kinds.add(kind);
      await axePage.goto(base + path, { waitUntil: "load" });
      out.pages[path].widths[width].axe = await axe(axePage);
    }
    await axeContext.close();
  }
  return out;
});
