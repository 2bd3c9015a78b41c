// Browser benchmark of the explorer, the site served gzipped as GitHub Pages does. The page
// embeds no corpus: index.html carries the prerendered first view, the app fetches the catalogue
// (data/catalogue-*.postcard) and content-hashed shards (data/body-*, words-*, prefixes-*, …) as
// it needs them, mounts (`[data-testid=app]`) and takes the prerendered view over. Per site:
// - the bytes before the first (prerendered) result: index.html and what render-blocks it, and
//   the time its frame begins ("first render");
// - the bytes and requests before the app is ready (mounted with its results: the wasm, the
//   catalogue and the shards the first view needs), and the time ("app ready");
// - the catalogue's size gzipped, and the whole site's;
// - the median time of a filter change and of a search keystroke (work: until the app settled,
//   that is no fetch of data/ in flight and the DOM patched, so the search shards and the
//   snippets' text shards a keystroke asks for are included; paint: until the next frame after);
// - opening a report (until its paragraphs show) and a comparison (until the compare view
//   shows), the shards' fetches included;
// - typing a query letter by letter on a fresh page: bytes and requests meanwhile (all of them),
//   and the median and slowest keystroke to the next frame after the app settled.
//
// Usage: node tests/e2e/bench.mjs DIST [DIST...]   (each a built site for PARALLAX_BASE)
// Prints one JSON line per site, then a Markdown table of them all. Numbers are medians of one
// run in one headless Chromium: page loads over max(3, BENCH_RUNS / 3) fresh contexts (each
// typing three words cold), BENCH_RUNS * 2 filter changes, up to 5 reports and comparisons
// opened, and the query typed on BENCH_TYPED_RUNS (default 3) fresh pages.
import { launchBrowser, startSite } from './harness.mjs';
import { benchProbe, median, round, table, TYPED_QUERY, typeQuery } from './bench-common.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TYPED_RUNS = Number(process.env.BENCH_TYPED_RUNS ?? 3);
/** A site's load can be slow (the 100k catalogue): how long to wait for the app. */
const LOAD_TIMEOUT = 180_000;
const APP_RESULT = '[data-testid="app"] [data-testid="result"]';

/** Gzipped at the server's level (6), as served; 404.html left out (a copy of index.html). */
function gzipSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += gzipSize(p);
    else if (entry.name !== '404.html') total += zlib.gzipSync(fs.readFileSync(p), { level: 6 }).length;
  }
  return total;
}

/** The catalogue index.html names, gzipped as served: { file, bytes }, or null without one. */
function catalogue(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const file = html.match(/<meta name="parallax-catalogue" content="([^"]+)"/)?.[1];
  if (!file) return null;
  return { file, bytes: zlib.gzipSync(fs.readFileSync(path.join(dist, 'data', file)), { level: 6 }).length };
}

/** A fresh context and page with the probe installed, at `url`, once the app is ready (`ready` shows). */
async function openFresh(browser, url, ready = APP_RESULT) {
  const context = await browser.newContext();
  await context.addInitScript(benchProbe);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: LOAD_TIMEOUT });
  if (ready === APP_RESULT) await page.waitForFunction(() => window.__bench.appReady != null);
  return { context, page, problems };
}

/** The page load: first (prerendered) result, app ready, and the bytes and requests before each. */
function loadMetrics(page) {
  return page.evaluate(() => {
    const b = window.__bench;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const size = (es) => es.reduce((n, e) => n + e.transferSize, 0);
    // What the first paint of the result waited for: the document and what blocks rendering
    // (the stylesheet). The wasm and the catalogue load meanwhile, and may well be done before
    // that paint on loopback, but the paint does not need them.
    const blocking = entries.filter(
      (e) => e.entryType === 'navigation' || (e.renderBlockingStatus === 'blocking' && e.responseEnd <= b.firstRender),
    );
    const beforeApp = entries.filter((e) => e.responseEnd <= b.appReady);
    return {
      firstRender: b.firstRender,
      firstBytes: size(blocking),
      // Everything finished by that paint, for the record.
      firstFinishedBytes: size(entries.filter((e) => e.responseEnd <= b.firstRender)),
      appReady: b.appReady,
      appBytes: size(beforeApp),
      appRequests: beforeApp.length,
      appFiles: beforeApp.map((e) => new URL(e.name).pathname.split('/').pop() || 'index.html'),
      prerendered: b.firstResult < b.appResult,
    };
  });
}

/** In the page: keystrokes (three words, letter by letter, then cleared) timed until the app settled and to the next frame. */
function keystrokes(page) {
  return page.evaluate(async () => {
    const b = window.__bench;
    const input = document.querySelector('[data-testid="app"] [data-testid="search-input"]');
    const out = { keystroke: [], keystrokeWork: [] };
    for (const word of ['pakistan', 'security', 'miller']) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await b.settle();
      await b.frame();
      for (const ch of word) {
        const t0 = performance.now();
        input.value += ch;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        out.keystrokeWork.push((await b.settle()) - t0);
        await b.frame();
        out.keystroke.push(performance.now() - t0);
      }
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await b.settle();
    await b.frame();
    return out;
  });
}

/** In the page: a filter toggled on and off `n` times, timed until the app settled and to the next frame. */
function filterChanges(page, n) {
  return page.evaluate(async (n) => {
    const b = window.__bench;
    const out = { filter: [], filterWork: [] };
    const app = document.querySelector('[data-testid="app"]');
    // The most common topic (or any facet).
    const option = () => app.querySelector('[data-testid="facet-option"][data-facet="topic"]') ?? app.querySelector('[data-testid="facet-option"]');
    const count = () => app.querySelector('[data-testid="result-count"]').textContent;
    for (let i = 0; i < n; i++) {
      const before = count();
      const t0 = performance.now();
      option().click();
      out.filterWork.push((await b.settle()) - t0);
      await b.frame();
      if (count() === before && i === 0) throw new Error('the filter did not change the count');
      out.filter.push(performance.now() - t0);
      await b.frame();
    }
    return out;
  }, n);
}

/** Time from a click on the `nth` element matching `link` until `shown` is in the DOM and painted. */
function timeClick(page, link, nth, shown) {
  return page.evaluate(
    async ({ link, nth, shown }) => {
      const b = window.__bench;
      const el = document.querySelectorAll(link)[nth];
      if (!el) return null;
      const t0 = performance.now();
      el.click();
      const timeout = new Promise((r) => setTimeout(() => r('timeout'), 60_000));
      if ((await Promise.race([b.waitFor(shown), timeout])) === 'timeout') return null;
      await b.frame();
      return performance.now() - t0;
    },
    { link, nth, shown },
  );
}

/** Opening a report until its paragraphs show, then a comparison from it until the compare view shows: fresh pages. */
async function openings(browser, site) {
  const report = [];
  const comparison = [];
  for (let k = 0; k < 8 && (report.length < 5 || comparison.length < 5); k++) {
    const { page, context } = await openFresh(browser, site.url);
    const opened = await timeClick(page, '[data-testid="app"] [data-testid="open-report"]', k, '[data-testid="reader"] [data-testid="paragraph"]');
    if (opened != null) {
      report.push(opened);
      await page.evaluate(() => window.__bench.settle());
      const compared = await timeClick(page, '[data-testid="reader-relations"] [data-testid="compare-link"]', 0, '[data-testid="compare"]');
      if (compared != null) comparison.push(compared);
    }
    await context.close();
    if (opened == null) break;
  }
  return { report, comparison };
}

/** Typing the query on fresh pages: the first one's bytes and requests (cold), every keystroke's time. */
async function typing(browser, site) {
  const runs = [];
  for (let i = 0; i < TYPED_RUNS; i++) {
    const { page, context } = await openFresh(browser, site.url);
    await page.evaluate(() => window.__bench.settle());
    runs.push(await typeQuery(page, TYPED_QUERY));
    await context.close();
  }
  // The check that a keystroke's end was its results: the last count is what the query gives on a page of its own.
  const { page, context } = await openFresh(browser, `${site.url}?v=1&q=${encodeURIComponent(TYPED_QUERY)}`, '[data-testid="app"] [data-testid="result-count"]');
  await page.evaluate(() => window.__bench.settle());
  const direct = await page.locator('[data-testid="app"] [data-testid="result-count"]').textContent();
  await context.close();
  for (const run of runs) {
    if (run.counts.at(-1) !== direct) console.error(`bench: typing "${TYPED_QUERY}" ended at "${run.counts.at(-1)}", the query alone gives "${direct}"`);
  }
  return { ...runs[0], keystroke: runs.flatMap((r) => r.keystroke), work: runs.flatMap((r) => r.work), search: runs.flatMap((r) => r.search), count: direct };
}

async function benchSite(browser, dist) {
  const site = await startSite({ dist: path.resolve(dist) });
  const loads = [];
  const timed = { filter: [], filterWork: [], keystroke: [], keystrokeWork: [] };
  let reports = 0;
  const problems = [];
  for (let run = 0; run < Math.max(3, Math.ceil(RUNS / 3)); run++) {
    const opened = await openFresh(browser, site.url + (process.env.BENCH_QUERY ?? ''));
    const { page, context } = opened;
    loads.push(await loadMetrics(page));
    await page.evaluate(() => window.__bench.settle());
    if (run === 0) {
      reports = await page.evaluate(() => Number(document.querySelector('[data-testid="app"] [data-testid="result-count"]').textContent.replace(/[^\d]/g, '')));
    }
    // Keystrokes on every fresh page: the shards they need are fetched then.
    const keys = await keystrokes(page);
    timed.keystroke.push(...keys.keystroke);
    timed.keystrokeWork.push(...keys.keystrokeWork);
    if (run === 0) Object.assign(timed, await filterChanges(page, RUNS * 2));
    problems.push(...opened.problems);
    await context.close();
  }
  const typed = await typing(browser, site);
  const opened = await openings(browser, site);
  await site.close();
  const cat = catalogue(dist);
  const mid = (key) => round(median(loads.map((l) => l[key])));
  for (const p of new Set(problems)) console.error(`bench: ${dist}: ${p}`);
  return {
    dist,
    reports,
    gzip_kb: round(gzipSize(dist) / 1024),
    catalogue_kb: cat ? round(cat.bytes / 1024) : null,
    prerendered: loads.every((l) => l.prerendered),
    first_result_kb: round(mid('firstBytes') / 1024),
    first_finished_kb: round(mid('firstFinishedBytes') / 1024),
    first_render_ms: mid('firstRender'),
    app_ready_kb: round(mid('appBytes') / 1024),
    app_ready_requests: mid('appRequests'),
    app_ready_ms: mid('appReady'),
    app_ready_files: loads[0].appFiles,
    filter_change_work_ms: round(median(timed.filterWork)),
    filter_change_ms: round(median(timed.filter)),
    keystroke_work_ms: round(median(timed.keystrokeWork)),
    keystroke_ms: round(median(timed.keystroke)),
    open_report_ms: opened.report.length ? round(median(opened.report)) : null,
    open_comparison_ms: opened.comparison.length ? round(median(opened.comparison)) : null,
    typed_query: TYPED_QUERY,
    typed_kb: round(typed.bytes / 1024),
    typed_requests: typed.requests,
    typed_keystroke_search_ms: round(median(typed.search)),
    typed_keystroke_work_ms: round(median(typed.work)),
    typed_keystroke_ms: round(median(typed.keystroke)),
    typed_keystroke_max_ms: round(Math.max(...typed.keystroke)),
    typed_result_count: typed.count,
    samples: {
      loads: loads.length,
      filter: timed.filter.length,
      keystroke: timed.keystroke.length,
      typed_keystroke: typed.keystroke.length,
      report: opened.report.length,
      comparison: opened.comparison.length,
    },
  };
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
    ['site gzip KB (all data)', 'gzip_kb'],
    ['catalogue gzip KB', 'catalogue_kb'],
    ['KB before the first result (prerendered)', 'first_result_kb'],
    ['first render ms (prerendered result painted)', 'first_render_ms'],
    ['KB, requests before the app is ready', (r) => `${r.app_ready_kb}, ${r.app_ready_requests}`],
    ['app ready ms (mounted with results: wasm, catalogue, first shards)', 'app_ready_ms'],
    ['filter change work / paint ms', (r) => `${r.filter_change_work_ms} / ${r.filter_change_ms}`],
    ['keystroke work / paint ms (shards fetched)', (r) => `${r.keystroke_work_ms} / ${r.keystroke_ms}`],
    ['open report ms (paragraphs shown)', 'open_report_ms'],
    ['open comparison ms', 'open_comparison_ms'],
    [`typing "${TYPED_QUERY}": KB, requests`, (r) => `${r.typed_kb}, ${r.typed_requests}`],
    [`typing "${TYPED_QUERY}": keystroke ms: median until its search shards are in / median, max until all its shards are in and painted`, (r) => `${r.typed_keystroke_search_ms} / ${r.typed_keystroke_ms}, ${r.typed_keystroke_max_ms}`],
  ]),
);
