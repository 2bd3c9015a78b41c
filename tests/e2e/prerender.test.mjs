// The prerendered first view (the build writes the default view into index.html): a reader
// without JavaScript sees the list; with it, the app takes over in place, without a layout shift
// and without losing what the reader typed into the search box or where the focus was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { CORPUS_JSON, keepToOrigin, launchBrowser, loadCorpus, startSite } from './harness.mjs';

let site, browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const PRERENDERED = '#prerendered';
const APP = '[data-testid="app"]';

/**
 * Opens the site's default view in a fresh context. `javaScriptEnabled: false` for a reader
 * without JavaScript; `holdWasm` keeps the app's .wasm response back until `release()` is
 * called, so the prerendered view is what the reader has meanwhile. Records page errors,
 * console errors and requests leaving the origin, as the harness's openApp does.
 */
async function open({ javaScriptEnabled = true, holdWasm = false } = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  const problems = [];
  await keepToOrigin(context, site, problems);
  let release = () => {};
  if (holdWasm) {
    const gate = new Promise((resolve) => (release = resolve));
    // Registered last, so it runs first; it hands on to the origin check.
    await context.route('**/*.wasm', async (route) => {
      await gate;
      await route.fallback();
    });
  }
  // Every layout shift from the start of the navigation (CLS as the browser counts it).
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(site.url);
  return { page, context, problems, release };
}

const cls = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));

/** Where the parts a reader looks at sit on the page (to compare the two renderings). */
const boxes = (page, root) =>
  page.evaluate((root) => {
    const r = document.querySelector(root);
    const box = (sel) => {
      const e = r.querySelector(sel);
      if (!e) return null;
      const b = e.getBoundingClientRect();
      return [sel, Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)].join(' ');
    };
    return [
      '.site-header', '[data-testid="search-input"]', '[data-testid="result-count"]', '.filters-panel',
      '.view-switch', '.timeline-frame', '[data-testid="result"]', '[data-testid="results"]', '.site-footer',
    ].map(box);
  }, root);

test('without JavaScript the default view shows the count and the result list', async () => {
  const { page, context, problems } = await open({ javaScriptEnabled: false });
  await page.waitForSelector(PRERENDERED);
  const count = await page.locator('[data-testid="result-count"]').textContent();
  assert.match(count, /^\d+ reports?$/);
  const titles = await page.locator('[data-testid="report-title"]').allTextContents();
  assert.ok(titles.length > 0 && titles.length <= 25, `a first page of titles: ${titles.length}`);
  assert.ok(titles.every((t) => t.trim().length > 0));
  if (fs.existsSync(CORPUS_JSON)) {
    const corpus = loadCorpus();
    assert.equal(count, `${corpus.reports.length} reports`);
    for (const t of titles) assert.ok(corpus.reports.some((r) => r.title === t), t);
  }
  assert.ok((await page.locator('[data-testid="facet-count"]').count()) > 0, 'filter options with counts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app takes over in place: the same boxes and scroll, no layout shift', async () => {
  const { page, context, problems, release } = await open({ holdWasm: true });
  await page.waitForSelector(PRERENDERED);
  // The reader scrolls the static view a little; two frames of it, then the app.
  await page.mouse.wheel(0, 120);
  await page.waitForFunction(() => scrollY > 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const scrolled = await page.evaluate(() => scrollY);
  const before = await boxes(page, PRERENDERED);
  release();
  await page.waitForSelector(APP);
  assert.equal(await page.locator(PRERENDERED).count(), 0, 'the static view is gone');
  const afterTakeOver = await boxes(page, APP);
  assert.deepEqual(afterTakeOver, before, 'the app lays out as the static view did');
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the scroll position is kept');
  await page.waitForTimeout(2000);
  const shift = await cls(page);
  console.log(`cumulative layout shift: ${shift.toFixed(4)}`);
  assert.ok(shift <= 0.05, `CLS ${shift}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('text typed before the app starts is kept, with the focus', async () => {
  const { page, context, problems, release } = await open({ holdWasm: true });
  const box = page.locator(`${PRERENDERED} [data-testid="search-input"]`);
  await box.click();
  await page.keyboard.type('Iranian');
  await page.waitForTimeout(1500);
  release();
  await page.waitForSelector(APP);
  const input = page.locator(`${APP} [data-testid="search-input"]`);
  assert.equal(await input.inputValue(), 'Iranian');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
  // The app's state follows: the list is filtered.
  await page.waitForFunction(() => / of /.test(document.querySelector('[data-testid="result-count"]').textContent));
  const titles = await page.locator('[data-testid="report-title"]').allTextContents();
  assert.ok(titles.length > 0);
  // Typing goes on where it stopped.
  await page.keyboard.type(' support');
  assert.equal(await input.inputValue(), 'Iranian support');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app starts after the first view has painted: nothing else is fetched before it', async () => {
  const { page, context, problems } = await open();
  await page.waitForSelector(APP);
  const timings = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const fetched = performance
      .getEntriesByType('resource')
      .filter((e) => /\.(wasm|js)$|\/data\//.test(new URL(e.name).pathname))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }));
    return { paint, fetched };
  });
  assert.ok(timings.paint > 0, 'the first view painted');
  const names = timings.fetched.map((f) => f.path);
  for (const kind of [/\.wasm$/, /\.js$/, /\/data\/catalogue-/]) {
    assert.ok(names.some((n) => kind.test(n)), `${kind} was fetched: ${names.join(', ')}`);
  }
  // The glue, the wasm and the catalogue wait for the first paint, so they do not compete with it.
  for (const { path, start } of timings.fetched) {
    assert.ok(start >= timings.paint, `${path} started at ${start} ms, before the first paint at ${timings.paint} ms`);
  }
  // And the page's own markup asks for nothing ahead of it.
  const html = await (await page.request.get(site.url)).text();
  assert.doesNotMatch(html, /rel="modulepreload"|type="application\/wasm"/);
  assert.deepEqual(problems, []);
  await context.close();
});
