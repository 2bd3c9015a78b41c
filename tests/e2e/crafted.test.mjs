// A corpus whose text is markup and script must show it literally: text nodes only, never HTML.
// `make e2e` builds this corpus (tests/e2e/fixtures/crafted) into its own site.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp, startSite } from './harness.mjs';

const DIST = path.resolve(process.env.PARALLAX_CRAFTED_DIST ?? 'target/e2e-crafted-dist');
let site, browser;
before(async () => {
  site = await startSite({ dist: DIST });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no corpus script ran');
  // Only Trunk's loader scripts exist; no element came from the corpus.
  assert.equal(await page.locator('main script, main img, main b, main i, aside b').count(), 0);
}

test('markup in titles and text is shown literally in the list, reader and comparison', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const titles = await page.getByTestId('report-title').allTextContents();
  assert.ok(titles.some((t) => t.includes('<script>window.__pwned = 1</script>') && t.includes('<b>talk</b>')), titles.join(' | '));
  await assertInert(page);
  const allIds = await page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
  const crafted = page.locator('[data-testid="result"]').filter({ has: page.getByTestId('report-title').filter({ hasText: '<script>' }) });
  const id = await crafted.getAttribute('data-report-id');
  await crafted.getByTestId('open-report').click();
  await page.getByTestId('reader').waitFor();
  const body = await page.getByTestId('reader-body').textContent();
  assert.ok(body.includes('<img src="x" onerror="window.__pwned = 2">'));
  assert.ok(body.includes('&lt;escaped&gt;'), 'entities are not decoded either');
  await assertInert(page);
  // Search inside the markup and compare with the plain report.
  await page.goto(`${site.url}?v=1&q=onerror`);
  await page.getByTestId('search-hit').first().waitFor();
  await assertInert(page);
  const other = allIds.find((x) => x !== id);
  await page.goto(`${site.url}?v=1&left=${id}&right=${other}`);
  await page.getByTestId('compare').waitFor();
  await assertInert(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bidirectional controls are out of titles and shown as named marks in the text', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const result = page.locator('[data-testid="result"]').filter({ has: page.getByTestId('report-title').filter({ hasText: 'Invoice' }) });
  const title = await result.getByTestId('report-title').textContent();
  assert.ok(title.includes('fdp.exe') && !/[\u202a-\u202e\u2066-\u2069]/.test(title), JSON.stringify(title));
  await result.getByTestId('open-report').click();
  await page.getByTestId('reader').waitFor();
  const reader = page.getByTestId('reader-body');
  assert.deepEqual(await reader.getByTestId('bidi-mark').allTextContents(), ['⟨RLO⟩', '⟨PDF⟩']);
  assert.equal(await reader.getByTestId('bidi-mark').first().getAttribute('title'), 'right-to-left override');
  // The invisible characters themselves are not in the page: they cannot reorder what it shows.
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(await page.locator('main').textContent()));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an outlet named by a footer is shown with its basis, and the footer date is the publication date', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const result = page.locator('[data-testid="result"]').filter({ has: page.getByTestId('report-title').filter({ hasText: 'Canal levy' }) });
  await result.getByTestId('open-report').click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader-outlet').textContent(), 'The Harbour Gazette (stated in the text)');
  assert.ok((await page.getByTestId('reader').textContent()).includes('9 May 2024'));
  assert.ok(!(await page.getByTestId('reader-body').textContent()).includes('Published in'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report among many near copies lists them, and any two compare with their figures', async () => {
  // Ten editions of one wire story (fixtures 005_wire_*): a large group of near copies, stored as
  // a tree from the first edition, so the pair of two later editions is computed by the page.
  const { page, problems, context } = await openApp(browser, site, '?v=1&report=005_wire_05-0');
  await page.getByTestId('reader').waitFor();
  const group = page.getByTestId('near-copies');
  assert.match(await group.textContent(), /One of 10 near copies/);
  const links = group.getByTestId('near-copy-compare');
  assert.equal(await links.count(), 9);
  assert.match(await links.last().textContent(), /Juniper edition/);
  // Only the link to the first edition is among the stored relations.
  const related = await page.getByTestId('relation').allTextContents();
  assert.ok(related.some((r) => r.includes('Amber edition')), related.join(' | '));
  assert.ok(!related.some((r) => r.includes('Juniper edition')), related.join(' | '));
  await links.last().click();
  await page.getByTestId('compare').waitFor();
  assert.match(page.url(), /left=005_wire_05-0&right=005_wire_09-0/);
  assert.match(await page.getByTestId('relation').textContent(), /Near duplicate/);
  const jaccard = Number(await page.getByTestId('fig-jaccard').textContent());
  assert.ok(jaccard > 0.5 && jaccard < 1, `Jaccard ${jaccard}`);
  assert.deepEqual(problems, []);
  await context.close();
});
