// Opens a report in headless Chromium through playwright-core and prints what
// the page shows as JSON, for browser_test.go to compare with the figures Go
// computed. Run through browsertest (internal/browsertest): the arguments
// after chromium are REPORT.html [SCREENSHOT.png]; stdin holds the filter
// settings to try.
"use strict";
const { axe, problem, run } = require("browsertest");
const path = require("path");

run(async (browser, filters, [report, screenshot]) => {
  const out = { console: [], requests: [], dialogs: [], filters: [] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const page = await context.newPage();
  page.on("console", (m) => { const p = problem(m); if (p) out.console.push(p); });
  page.on("pageerror", (e) => out.console.push("pageerror: " + e.message));
  page.on("dialog", async (d) => { out.dialogs.push(d.message()); await d.dismiss(); });
  // Anything but the report itself is a request the page must not make.
  const url = "file://" + path.resolve(report);
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u === url) { return route.continue(); }
    out.requests.push(u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });

  out.title = await page.title();
  out.h1 = (await page.textContent("h1")).trim();
  out.headings = await page.$$eval("h1, h2", (hs) => hs.map((h) => h.tagName + " " + h.textContent.trim()));
  out.headlines = await page.$$eval(".headlines li", (ls) => ls.map((l) => l.textContent.trim()));
  out.glance = await page.$$eval(".glance li", (ls) => ls.map((l) => l.textContent.replace(/\s+/g, " ").trim()));
  out.coverage = (await page.textContent("#coverage")).trim();
  out.links = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
  out.scripts = await page.$$eval("script", (ss) => ss.length);
  out.bars = await page.$$eval("table.chart tbody tr", (trs) => trs.map((tr) => {
    const track = tr.querySelector(".track").getBoundingClientRect().width - 2; // less the 1px borders
    return {
      section: tr.closest("table").dataset.section,
      group: tr.dataset.group,
      name: tr.querySelector("th").textContent.trim(),
      total: Number(tr.dataset.total),
      text: tr.querySelector(".bar-text").textContent.trim(),
      segments: Array.from(tr.querySelectorAll(".seg")).map((s) => ({
        status: s.dataset.status, n: Number(s.dataset.n), fraction: s.getBoundingClientRect().width / track,
      })),
      trackPx: track,
    };
  }));
  out.formVisible = await page.isVisible("#filters");
  out.count = (await page.textContent("#item-count")).trim();
  out.rows = await page.$$eval("#items tbody tr[data-id]", (rs) => rs.length);

  // Keyboard: every filter control is reached with Tab, in order.
  out.tabOrder = [];
  await page.focus("body");
  for (let i = 0; i < 40 && out.tabOrder.length < 4; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
    if (["filter-theme", "filter-status", "filter-actor"].includes(id) || id === "BUTTON") { out.tabOrder.push(id); }
  }
  // Keyboard: change the status filter with the arrow keys.
  await page.focus("#filter-status");
  await page.keyboard.press("ArrowDown");
  out.keyboardStatus = await page.$eval("#filter-status", (s) => s.value);
  out.keyboardVisible = await page.$$eval("#items tbody tr[data-id]:not([hidden])", (rs) => rs.length);
  await page.click("button[type=reset]");
  await page.waitForTimeout(50);

  for (const f of filters) {
    await page.selectOption("#filter-theme", f.theme || "");
    await page.selectOption("#filter-status", f.status || "");
    await page.selectOption("#filter-actor", f.actor || "");
    out.filters.push({
      want: f,
      visible: await page.$$eval("#items tbody tr[data-id]:not([hidden])", (rs) => rs.map((r) => r.dataset.id)),
      count: (await page.textContent("#item-count")).trim(),
      noMatch: await page.isVisible("#no-match"),
    });
  }
  await page.click("button[type=reset]");
  await page.waitForTimeout(50);

  // Layout at a phone's, a tablet's and a laptop's width: the page never
  // scrolls sideways (a wide table scrolls inside its own .scroll box, or
  // reflows), and every chart's bar starts on screen.
  out.layout = [];
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    out.layout.push(await page.evaluate((width) => {
      const de = document.documentElement;
      const spill = [];
      for (const el of document.querySelectorAll("main *")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > de.clientWidth + 0.5 && !el.closest(".scroll")) {
          spill.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : ""));
        }
      }
      const barsOff = Array.from(document.querySelectorAll(".chart .track")).filter((t) => t.getBoundingClientRect().left >= de.clientWidth).length;
      return { width, scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, spill: spill.slice(0, 10), barsOff };
    }, width));
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Accessibility, on a page of its own that bypasses the report's policy.
  out.axe = [];
  const axePage = await browser.newPage({ bypassCSP: true });
  await axePage.goto(url, { waitUntil: "load" });
  for (const width of [390, 1280]) {
    await axePage.setViewportSize({ width, height: 900 });
    out.axe.push(...(await axe(axePage)).map((f) => width + "px " + f));
  }
  await axePage.close();
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    // The first screenful on its own, for a reviewer's quick look.
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-top.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
  }
  return out;
});
