// Helpers shared by the browser checks of the report and the site, reached
// from their scripts as require("browsertest") (browsertest.go puts this
// file on NODE_PATH beside playwright-core and axe-core).
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");

// Flags for Debian's chromium with no network: without the background ones
// it tries, and fails, to reach the network on its own.
const flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

// The WCAG 2.1 A and AA rules every page must pass.
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe runs axe-core on the page as it is now and returns one line per
// violation. The page must have been opened with bypassCSP: the pages' own
// content security policy refuses the injected script.
async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ content: axeSource });
  }
  const res = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), wcag);
  return res.violations.map((v) => v.id + ": " + v.help + " (" + v.nodes.length + " elements: " +
    v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ") + ")");
}

// problem turns a console message into a line to report, or null: errors
// and warnings are problems, the rest is chatter.
function problem(m) {
  return m.type() === "error" || m.type() === "warning" ? m.type() + ": " + m.text() : null;
}

// run is a check script's main: it reads the JSON input on stdin, launches
// the chromium named first on the command line, calls check(browser, input,
// the other arguments), and prints what check returns as JSON.
function run(check) {
  (async () => {
    const [executablePath, ...args] = process.argv.slice(2);
    const input = JSON.parse(fs.readFileSync(0, "utf8") || "null");
    const browser = await chromium.launch({ executablePath, headless: true, args: flags });
    let out;
    try {
      out = await check(browser, input, args);
    } finally {
      await browser.close(); // playwright made, and now removes, a fresh profile
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  })().catch((e) => { console.error(e && e.stack || String(e)); process.exit(1); });
}

module.exports = { axe, problem, run };
