// Browser benchmark of the explorer, the site served gzipped as GitHub Pages does: bytes
// transferred before the first result, time to first render, the median time of a filter change
// and of a search keystroke (work: until the DOM is patched; paint: until the next frame after
// it), of opening a report and of opening a comparison, and the bytes and time of typing a query
// letter by letter.
//
// Usage: node tests/e2e/bench.mjs DIST [DIST...]   (each a built site for PARALLAX_BASE)
// Prints one JSON line per site, then a Markdown table of them all. Numbers are medians over
// repeated runs in one headless Chromium.
import { launchBrowser, startSite } from './harness.mjs';
import { median, round, table, TYPED_QUERY, typeQuery } from './bench-common.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function gzipSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += gzipSize(p);
    else if (entry.name !== '404.html') total += zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
  }
  return total;
}

/** In the page: resolves once `selector` matches (checked after every DOM change). */
const WAIT_FOR = `(selector) => new Promise((resolve) => {
  if (document.querySelector(selector)) return resolve();
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) { obs.disconnect(); resolve(); }
  }).observe(document, { childList: true, subtree: true });
})`;

/** Time from a click on the `nth` element matching `link` until `shown` is in the DOM and painted. */
async function timeClick(page, link, nth, shown) {
  return page.evaluate(
    async ({ link, nth, shown, waitFor }) => {
      const wait = eval(waitFor);
      const el = document.querySelectorAll(link)[nth];
      if (!el) return null;
      const t0 = performance.now();
      el.click();
      await wait(shown);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    },
    { link, nth, shown, waitFor: WAIT_FOR },
  );
}

async function openings(page, site) {
  const report = [];
  const comparison = [];
  for (let k = 0; k < 8 && (report.length < 5 || comparison.length < 5); k++) {
    await page.goto(site.url);
    await page.waitForSelector('[data-testid="result"]');
    const opened = await timeClick(page, '[data-testid="open-report"]', k, '[data-testid="reader"]');
    if (opened == null) break;
    report.push(opened);
    const compared = await timeClick(page, '[data-testid="reader-relations"] [data-testid="compare-link"]', 0, '[data-testid="compare"] [data-testid="evidence"]');
    if (compared != null) comparison.push(compared);
  }
  return { report, comparison };
}

async function benchSite(browser, dist) {
  const site = await startSite({ dist: path.resolve(dist) });
  const firstRender = [];
  const firstBytes = [];
  let timed = null;
  let reports = 0;
  let opened = { report: [], comparison: [] };
  let typed = null;
  for (let run = 0; run < Math.max(3, Math.ceil(RUNS / 3)); run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Time from navigation start until the first result is in the DOM.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid="result"]')) {
          window.__firstRender = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url + (process.env.BENCH_QUERY ?? ''));
    await page.waitForSelector('[data-testid="result"]', { timeout: 120_000 });
    const first = await page.evaluate(() => {
      // Bytes on the wire (gzipped bodies and headers) of everything finished by the first result.
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const bytes = entries.filter((e) => e.responseEnd <= window.__firstRender).reduce((n, e) => n + e.transferSize, 0);
      return { at: window.__firstRender, bytes };
    });
    firstRender.push(first.at);
    firstBytes.push(first.bytes);
    if (run === 0) {
      reports = await page.evaluate(() => Number(document.querySelector('[data-testid="result-count"]').textContent.replace(/[^\d]/g, '')));
      timed = await page.evaluate(interactions, RUNS);
      typed = await typeQuery(page, TYPED_QUERY);
      opened = await openings(page, site);
    }
    await context.close();
  }
  await site.close();
  return {
    dist,
    reports,
    gzip_kb: round(gzipSize(dist) / 1024),
    first_result_kb: round(median(firstBytes) / 1024),
    first_render_ms: round(median(firstRender)),
    filter_change_work_ms: round(median(timed.filterWork)),
    filter_change_ms: round(median(timed.filter)),
    keystroke_work_ms: round(median(timed.keystrokeWork)),
    keystroke_ms: round(median(timed.keystroke)),
    open_report_ms: round(median(opened.report)),
    open_comparison_ms: opened.comparison.length ? round(median(opened.comparison)) : null,
    typed_query: TYPED_QUERY,
    typed_kb: round(typed.bytes / 1024),
    typed_requests: typed.requests,
    typed_keystroke_ms: round(median(typed.keystroke)),
    samples: { first_render: firstRender.length, filter: timed.filter.length, keystroke: timed.keystroke.length, report: opened.report.length, comparison: opened.comparison.length },
  };
}

/** In the page: filter changes and keystrokes, timed to the DOM update and to the next frame. */
async function interactions(runs) {
  const settled = () => new Promise((r) => setTimeout(r, 0));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = { filter: [], keystroke: [], filterWork: [], keystrokeWork: [] };
  // Filter change: toggle the most common topic (or any facet) on and off.
  const option = document.querySelector('[data-testid="facet-option"][data-facet="topic"]') ?? document.querySelector('[data-testid="facet-option"]');
  const countEl = () => document.querySelector('[data-testid="result-count"]').textContent;
  for (let i = 0; i < runs * 2; i++) {
    const before = countEl();
    const t0 = performance.now();
    option.click();
    await settled();
    out.filterWork.push(performance.now() - t0);
    await frame();
    if (countEl() === before && i === 0) throw new Error('the filter did not change the count');
    out.filter.push(performance.now() - t0);
    await frame();
  }
  // Search keystrokes: type words letter by letter, then clear.
  const input = document.querySelector('[data-testid="search-input"]');
  for (let r = 0; r < Math.ceil(runs / 8); r++) {
    for (const word of ['pakistan', 'security', 'miller']) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      for (const ch of word) {
        const t0 = performance.now();
        input.value += ch;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await settled();
        out.keystrokeWork.push(performance.now() - t0);
        await frame();
        out.keystroke.push(performance.now() - t0);
      }
    }
  }
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  return out;
}

const dists = process.argv.slice(2);
if (dists.length === 0) {
  console.error('usage: node tests/e2e/bench.mjs DIST [DIST...]');
  process.exit(2);
}
const browser = await launchBrowser();
const rows = [];
for (const dist of dists) {
  const row = await benchSite(browser, dist);
  console.log(JSON.stringify(row));
  rows.push(row);
}
await browser.close();
console.log(
  table(rows, [
    ['reports', 'reports'],
    ['dist gzip KB', 'gzip_kb'],
    ['KB before first result', 'first_result_kb'],
    ['first render ms', 'first_render_ms'],
    ['filter change work / paint ms', (r) => `${r.filter_change_work_ms} / ${r.filter_change_ms}`],
    ['keystroke work / paint ms', (r) => `${r.keystroke_work_ms} / ${r.keystroke_ms}`],
    ['open report ms', 'open_report_ms'],
    ['open comparison ms', 'open_comparison_ms'],
    [`typing "${TYPED_QUERY}": KB, requests, median keystroke ms`, (r) => `${r.typed_kb}, ${r.typed_requests}, ${r.typed_keystroke_ms}`],
  ]),
);
