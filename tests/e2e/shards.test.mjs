// The site's data in shards (`parallax build --site`): the page fetches the catalogue, then the
// shards a view needs, from its own origin under the site's subpath. Every fetch can fail: the
// page says what failed and a button fetches it again. Run on the 300-report synthetic site,
// whose text and search index span many shards.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BASE, openApp, siteForTests } from './harness.mjs';

const shared = siteForTests(path.resolve(process.env.PARALLAX_LARGE_DIST ?? 'target/e2e-large-dist'));
const open = (query = '', options) => openApp(shared.browser, shared.site, query, options);

/** Records the data files the page requests. */
function dataRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.includes('/data/')) seen.push(url);
  });
  return seen;
}

/** Makes every request for data files matching `pattern` fail until the returned function is called. */
async function failing(page, pattern) {
  const handler = (route) => route.abort('failed');
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

/** A failed fetch is logged by the browser as a console error; those are the ones a test caused. */
const unexpected = (problems) =>
  problems.filter((p) => !/Failed to load resource|net::ERR_FAILED|ERR_INTERNET_DISCONNECTED/.test(p));

test('the page fetches only its own data files, under the subpath, and few of them before the first view', async () => {
  const { page, problems, context } = await open('', { waitFor: null });
  const requests = dataRequests(page);
  await page.reload();
  await page.waitForSelector('[data-testid="app"] [data-testid="result"]');
  for (const url of requests) {
    assert.equal(url.origin, shared.site.origin);
    assert.ok(url.pathname.startsWith(`${BASE}data/`), url.pathname);
    assert.match(url.pathname, /\/data\/(catalogue|body|titles|words|prefixes)-[0-9a-f]{16}\.postcard$/);
  }
  // (The first load may still be fetching when the listener starts: distinct files.)
  const bodies = [...new Set(requests.filter((u) => u.pathname.includes('/body-')).map((u) => u.pathname))];
  assert.ok(requests.some((u) => u.pathname.includes('/catalogue-')), 'the catalogue is fetched');
  // The first page of 25 results in timeline order spans seven shards of 4 reports.
  assert.ok(bodies.length >= 1 && bodies.length <= 7, `${bodies.length} body shards for the first page`);
  assert.ok(!requests.some((u) => /\/(ledger|pairs)-/.test(u.pathname)), 'the page never needs the ledger or the full pairs');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a catalogue that fails to load says so, and trying again starts the app', async () => {
  const { page, problems, context } = await open('', { waitFor: null });
  const restore = await failing(page, '**/data/catalogue-*');
  await page.reload();
  const error = page.getByTestId('boot-error');
  await error.waitFor();
  assert.match(await error.textContent(), /could not be loaded: catalogue-[0-9a-f]{16}\.postcard could not be loaded/);
  // The prerendered list is still there to read meanwhile.
  assert.ok((await page.locator('#prerendered [data-testid="result"]').count()) > 0);
  await restore();
  await page.getByTestId('boot-retry').click();
  await page.waitForSelector('[data-testid="app"] [data-testid="result"]');
  assert.equal(await page.getByTestId('boot-error').count(), 0);
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test("a report whose text fails to load shows the error, and trying again shows the report", async () => {
  const { page, problems, context } = await open();
  // The last page's reports are in shards the first view did not fetch.
  await page.getByTestId('view-list').click();
  const restore = await failing(page, '**/data/body-*');
  const next = page.getByTestId('next-page');
  while ((await next.getAttribute('aria-disabled')) !== 'true') {
    await next.click();
  }
  await page.getByTestId('shard-error').first().waitFor();
  await page.getByTestId('open-report').last().click();
  const error = page.locator('[data-testid="shard-error"]').first();
  await error.waitFor();
  assert.match(await error.textContent(), /The text could not be loaded: body-[0-9a-f]{16}\.postcard could not be loaded/);
  await restore();
  await page.getByTestId('shard-retry').first().click();
  await page.getByTestId('paragraph').first().waitFor();
  assert.ok((await page.getByTestId('paragraph').count()) > 0);
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('offline, a search says so; back online, trying again answers it', async () => {
  const { page, problems, context } = await open();
  await context.setOffline(true);
  await page.getByRole('searchbox').fill('zq');
  const error = page.getByTestId('search-error');
  await error.waitFor();
  assert.match(await error.textContent(), /you are offline/);
  await context.setOffline(false);
  await page.getByTestId('search-retry').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="search-error"]'));
  await page.waitForFunction(() => !document.querySelector('[data-testid="search-loading"]'));
  assert.match(await page.getByTestId('result-count').textContent(), /of 300 reports|No report|0 of/);
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('pointing at a comparison fetches the other report\'s text before it is opened', async () => {
  const { page, problems, context } = await open();
  await page.getByTestId('view-list').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="snippet-loading"]'));
  // A comparison link whose other report's shard the page has not fetched.
  const requested = new Set();
  page.on('request', (r) => requested.add(new URL(r.url()).pathname));
  const links = page.getByTestId('compare-link');
  const n = await links.count();
  assert.ok(n > 0, 'the first page has a comparison link');
  const before = requested.size;
  for (let i = 0; i < n; i++) await links.nth(i).hover();
  await page.waitForTimeout(300);
  const fetched = [...requested].filter((p) => p.includes('/data/body-'));
  // Every other report of these links is either in a shard already here or fetched now.
  await links.first().click();
  await page.getByTestId('compare').waitFor();
  const afterOpen = [...requested].filter((p) => p.includes('/data/body-'));
  assert.deepEqual(afterOpen, fetched, 'opening the comparison needed no new fetch');
  assert.ok(requested.size >= before);
  assert.deepEqual(problems, []);
  await context.close();
});
