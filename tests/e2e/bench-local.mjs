// Benchmark of a reader's own files analysed in the page (issue 12), not a test:
// - the same folder analysed natively (`parallax inspect DIR`, all cores and one) and in headless
//   Chromium (the published site served gzipped; the files given to "Choose files"): medians of
//   BENCH_RUNS runs, interleaved so both see the same machine; the browser's time runs from the
//   files being handed over to the reader's files shown (reading, the worker's analysis, the
//   result handed back, decoded and mounted);
// - the main thread's longest task while the worker works, and the switch's own (decoding the
//   result and mounting the views);
// - the first load's bytes (gzip level 6, as served): index.html, the stylesheet, the app's glue
//   and wasm, against BASELINE_DIST's when given (the site before the feature).
//
// Usage: node tests/e2e/bench-local.mjs DIST FILES_DIR [BASELINE_DIST]   (PARALLAX_BIN: the CLI)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, startSite } from './harness.mjs';
import { median, round } from './bench-common.mjs';

const [distArg, filesArg, baselineArg] = process.argv.slice(2);
if (!distArg || !filesArg) {
  console.error('usage: node tests/e2e/bench-local.mjs DIST FILES_DIR [BASELINE_DIST]');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIN = path.resolve(process.env.PARALLAX_BIN ?? 'target/release/parallax');
const dist = path.resolve(distArg);
const filesDir = path.resolve(filesArg);

/** What the first load fetches, gzipped: index.html and the files its head names. */
function firstLoadBytes(site) {
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href|from|import\(|fetch\()\s*=?\s*['"]([^'"]+\.(?:css|js|wasm))['"]/g)].map((m) => m[1]);
  const files = ['index.html', ...new Set(named.map((n) => n.replace(/^.*\//, '')))];
  const sizes = Object.fromEntries(files.map((f) => [f, zlib.gzipSync(fs.readFileSync(path.join(site, f)), { level: 6 }).length]));
  return { total: Object.values(sizes).reduce((a, b) => a + b, 0), sizes };
}

function native(threads) {
  const env = { ...process.env, ...(threads ? { RAYON_NUM_THREADS: String(threads) } : {}) };
  const start = process.hrtime.bigint();
  const run = spawnSync(BIN, ['inspect', filesDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`parallax inspect failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const files = fs
  .readdirSync(filesDir)
  .filter((n) => n.endsWith('.txt') || n.endsWith('.toml'))
  .map((name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(filesDir, name)) }));

async function inBrowser(browser, site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('[data-testid="app"]');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const seen = (window.localBench = { tasks: [], lastProgress: 0, start: 0, shown: 0 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => (seen.start = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="local-progress"]')) seen.lastProgress = performance.now();
      if (!seen.shown && document.querySelector('[data-testid="local-banner"]')) seen.shown = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('local-banner').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => window.localBench);
  await context.close();
  const during = seen.tasks.filter((t) => t.start >= seen.start && t.start < seen.lastProgress);
  const after = seen.tasks.filter((t) => t.start >= seen.lastProgress);
  const longest = (ts) => Math.max(0, ...ts.map((t) => t.duration));
  return { ms: seen.shown - seen.start, longestWhileWorking: longest(during), switchTask: longest(after) };
}

const site = await startSite({ dist });
const browser = await launchBrowser();
const rows = { nativeAll: [], nativeOne: [], browser: [], longest: [], switchTask: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    rows.nativeAll.push(native(null));
    rows.nativeOne.push(native(1));
    const b = await inBrowser(browser, site);
    rows.browser.push(b.ms);
    rows.longest.push(b.longestWhileWorking);
    rows.switchTask.push(b.switchTask);
  }
} finally {
  await browser.close();
  await site.close();
}
const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
const reports = files.filter((f) => f.name.endsWith('.txt')).length;
const bytes = files.reduce((a, f) => a + f.buffer.length, 0);
console.log(`\n${reports} report files (${(bytes / 1e6).toFixed(2)} MB), medians of ${RUNS} interleaved runs\n`);
console.log('| measure | value |\n| --- | --- |');
console.log(`| native, all cores (\`parallax inspect\`) | ${round(m.nativeAll)} ms |`);
console.log(`| native, one thread | ${round(m.nativeOne)} ms |`);
console.log(`| in the browser (files given → shown) | ${round(m.browser)} ms |`);
console.log(`| browser / native all cores | ${(m.browser / m.nativeAll).toFixed(2)}× |`);
console.log(`| browser / native one thread | ${(m.browser / m.nativeOne).toFixed(2)}× |`);
console.log(`| longest main-thread task while the worker works | ${round(m.longest)} ms (every run: ${rows.longest.map((x) => round(x)).join(', ')}) |`);
console.log(`| the switch's task (decode, mount) | ${round(m.switchTask)} ms |`);
const now = firstLoadBytes(dist);
console.log(`| first load, gzip | ${now.total} B |`);
if (baselineArg) {
  const before = firstLoadBytes(path.resolve(baselineArg));
  console.log(`| first load before, gzip | ${before.total} B |`);
  console.log(`| first load grew by | ${now.total - before.total} B (${((100 * (now.total - before.total)) / before.total).toFixed(2)} %) |`);
  console.log('\nfiles, before → now:', JSON.stringify(before.sizes), '→', JSON.stringify(now.sizes));
}
