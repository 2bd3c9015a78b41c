// Titles are not in the catalogue: they come in title shards (`titles-<hash>.postcard`, a block
// of reports in timeline order each), fetched for what is shown. On the 300-report synthetic
// site: the first page's titles are there when the app takes over (no placeholder), paging
// fetches the title shards of the page shown and no other, and a title shard that fails shows
// the failed state, whose button fetches it again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, siteForTests } from './harness.mjs';
import { LARGE_DIST, LARGE_JSON_SKIP, loadLargeCorpus } from './pages-common.mjs';

const shared = siteForTests(LARGE_DIST);
const open = (query = '', options) => openApp(shared.browser, shared.site, query, options);

/** Postcard's unsigned varint at `at`: [value, next position]. */
function varint(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}

/** A title shard's titles (postcard: a count, then each string's length and bytes). */
function decodeTitles(bytes) {
  let [count, at] = varint(bytes, 0);
  const titles = [];
  for (let k = 0; k < count; k++) {
    const [len, start] = varint(bytes, at);
    titles.push(new TextDecoder().decode(bytes.subarray(start, start + len)));
    at = start + len;
  }
  return titles;
}

/** The reports in timeline order (event date, then published, then corpus order; undated last). */
function timelineOrder(reports) {
  const key = (r) => [r.event_date === null ? 1 : 0, r.event_date ?? '', r.published === null ? 0 : 1, r.published ?? ''];
  return reports
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const [a, b] = [key(x.r), key(y.r)];
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
      return x.i - y.i;
    })
    .map(({ r }) => r);
}

/**
 * Which title shard file holds each report's title: the site's title files decoded, each matched
 * to the run of timeline ranks whose titles it holds. Returns Map(report id → file name).
 */
function titleFiles() {
  const corpus = loadLargeCorpus();
  const ordered = timelineOrder(corpus.reports);
  const dir = path.join(LARGE_DIST, 'data');
  const files = fs.readdirSync(dir).filter((f) => /^titles-[0-9a-f]{16}\.postcard$/.test(f));
  assert.ok(files.length > 1, `${files.length} title shards`);
  const shards = files.map((f) => ({ f, titles: decodeTitles(fs.readFileSync(path.join(dir, f))) }));
  const block = Math.max(...shards.map((s) => s.titles.length));
  const fileOf = new Map();
  for (const { f, titles } of shards) {
    const k = [...Array(Math.ceil(ordered.length / block)).keys()].find((k) =>
      titles.every((t, j) => ordered[k * block + j]?.title === t),
    );
    assert.ok(k !== undefined, `${f} holds a run of ranks`);
    titles.forEach((_, j) => fileOf.set(ordered[k * block + j].id, f));
  }
  assert.equal(fileOf.size, corpus.reports.length, 'every title is in a shard');
  return { fileOf, byId: new Map(corpus.reports.map((r) => [r.id, r])) };
}

/** The title shard files requested by the page from now on (distinct names). */
function titleRequests(page) {
  const seen = new Set();
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (/^titles-/.test(name)) seen.add(name);
  });
  return seen;
}

/** The ids whose titles the list shows: each result's, and the reports its compare links name. */
const shownTitleIds = (page) =>
  page.evaluate(() => {
    const ids = [];
    for (const li of document.querySelectorAll('[data-testid="app"] [data-testid="result"]')) {
      ids.push(li.dataset.reportId);
      for (const a of li.querySelectorAll('[data-testid="compare-link"]')) {
        const q = new URL(a.href).searchParams;
        ids.push(q.get('left') === li.dataset.reportId ? q.get('right') : q.get('left'));
      }
    }
    return ids;
  });

const placeholders = (page) => page.locator('[data-testid="app"] [data-testid="result"] .title-loading').count();

test('the first page shows its titles when the app takes over, and paging fetches only the shown page\'s title shards', { skip: LARGE_JSON_SKIP }, async () => {
  const { fileOf, byId } = titleFiles();
  const { page, problems, context } = await open('', { waitFor: null });
  const first = titleRequests(page);
  await page.reload();
  await page.waitForSelector('[data-testid="app"] [data-testid="result"]');
  // The boot waited for them: no placeholder on the app's first render, the titles as built.
  assert.equal(await placeholders(page), 0);
  const titles = await page.locator('[data-testid="app"] [data-testid="report-title"]').allTextContents();
  const ids = await page.locator('[data-testid="app"] [data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
  assert.equal(titles.length, 25);
  assert.deepEqual(titles, ids.map((id) => byId.get(id).title));
  const onFirst = await shownTitleIds(page);
  const firstFiles = new Set(onFirst.map((id) => fileOf.get(id)));
  assert.deepEqual([...first].sort(), [...firstFiles].sort(), 'the first view fetched the title shards of what it shows');
  assert.ok(first.size < new Set(fileOf.values()).size, 'not every title shard');

  // Page by page: each fetches the title shards of what it shows that are not here yet, and no
  // other (page 2 may need none: its reports share the first page's shard).
  await page.getByTestId('view-list').click();
  const loaded = new Set(firstFiles);
  let fetched = 0;
  for (const n of [2, 3, 4]) {
    const requested = titleRequests(page);
    await page.getByTestId('next-page').click();
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('page') === String(n), n);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="app"] [data-testid="result"] .title-loading').length === 0);
    const shown = await shownTitleIds(page);
    const wanted = new Set(shown.map((id) => fileOf.get(id)).filter((f) => !loaded.has(f)));
    assert.deepEqual([...requested].sort(), [...wanted].sort(), `page ${n} fetched the title shards of what it shows, and no other`);
    wanted.forEach((f) => loaded.add(f));
    fetched += wanted.size;
    const pageTitles = await page.locator('[data-testid="app"] [data-testid="report-title"]').allTextContents();
    const pageIds = await page.locator('[data-testid="app"] [data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
    assert.deepEqual(pageTitles, pageIds.map((id) => byId.get(id).title), `page ${n}'s titles`);
  }
  assert.ok(fetched > 0, 'paging fetched title shards the first view had not');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a title shard that fails to load shows the failed state, and trying again shows the titles', async () => {
  const { page, problems, context } = await open();
  await page.getByTestId('view-list').click();
  const handler = (route) => route.abort('failed');
  await page.route('**/data/titles-*', handler);
  // The last page's titles are in shards the first view did not fetch.
  const next = page.getByTestId('next-page');
  while ((await next.getAttribute('aria-disabled')) !== 'true') await next.click();
  const error = page.getByTestId('title-error').first();
  await error.waitFor();
  assert.match(await error.textContent(), /The title could not be loaded: titles-[0-9a-f]{16}\.postcard could not be loaded/);
  assert.ok((await page.locator('[data-testid="app"] .title-failed').count()) > 0, 'the title stands as not loaded');
  await page.unroute('**/data/titles-*', handler);
  // Each button fetches its report's shard again (the page may span two).
  const retry = page.getByTestId('title-retry');
  while ((await retry.count()) > 0) await retry.first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="title-error"], [data-testid="app"] .title-failed, [data-testid="app"] .title-loading').length === 0);
  assert.ok((await page.locator('[data-testid="app"] [data-testid="report-title"]').first().textContent()).length > 1);
  assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_FAILED/.test(p)), []);
  await context.close();
});
