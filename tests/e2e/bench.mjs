// Browser benchmark of the explorer: time to first render, and the median time of a filter change
// and of a search keystroke (from the input event to the next frame after the DOM update).
//
// Usage: node tests/e2e/bench.mjs DIST [DIST...]   (each a built site for PARALLAX_BASE)
// Prints one JSON line per site. Numbers are medians over repeated runs in one headless Chromium.
import { launchBrowser, startSite } from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

function gzipSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += gzipSize(p);
    else if (entry.name !== '404.html') total += zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
  }
  return total;
}

async function benchSite(browser, dist) {
  const site = await startSite({ dist: path.resolve(dist) });
  const firstRender = [];
  let filter = [];
  let keystroke = [];
  let filterWork = [];
  let keystrokeWork = [];
  let reports = 0;
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
    await page.waitForSelector('[data-testid="result"]', { timeout: 30_000 });
    firstRender.push(await page.evaluate(() => window.__firstRender));
    if (run === 0) {
      reports = await page.evaluate(() => Number(document.querySelector('[data-testid="result-count"]').textContent.match(/\d+/)[0]));
      const timed = await page.evaluate(async (runs) => {
        // "work": until the reactive updates (microtasks) have run and the DOM is patched;
        // "frame": until the next frame after that has been produced (includes style and layout,
        // and the wait for the frame itself, up to 16.7 ms at 60 Hz).
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
        const words = ['pakistan', 'security', 'miller'];
        for (let r = 0; r < Math.ceil(runs / 8); r++) {
          for (const word of words) {
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
        return out;
      }, RUNS);
      filter = timed.filter;
      keystroke = timed.keystroke;
      filterWork = timed.filterWork;
      keystrokeWork = timed.keystrokeWork;
    }
    await context.close();
  }
  await site.close();
  return {
    dist,
    reports,
    gzip_kb: round(gzipSize(dist) / 1024),
    wasm_gzip_kb: round(
      fs.readdirSync(dist).filter((f) => f.endsWith('.wasm')).reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0) / 1024,
    ),
    first_render_ms: round(median(firstRender)),
    filter_change_ms: round(median(filter)),
    filter_change_work_ms: round(median(filterWork)),
    keystroke_ms: round(median(keystroke)),
    keystroke_work_ms: round(median(keystrokeWork)),
    samples: { first_render: firstRender.length, filter: filter.length, keystroke: keystroke.length },
  };
}

const dists = process.argv.slice(2);
if (dists.length === 0) {
  console.error('usage: node tests/e2e/bench.mjs DIST [DIST...]');
  process.exit(2);
}
const browser = await launchBrowser();
for (const dist of dists) console.log(JSON.stringify(await benchSite(browser, dist)));
await browser.close();
