// The foundation's promise: the built site loads under a subpath and shows every report's title,
// with no errors and no request leaving the origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, loadCorpus, openApp, startSite } from './harness.mjs';

let site, browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('every report title of the corpus is rendered', async () => {
  const corpus = loadCorpus();
  assert.ok(corpus.reports.length > 0, 'the corpus has reports');
  const { page, problems, context } = await openApp(browser, site);
  const shown = await page.locator('[data-testid="report-title"]').allTextContents();
  for (const report of corpus.reports) {
    assert.ok(
      shown.some((text) => text.includes(report.title)),
      `title of ${report.id} is on the page: ${report.title}`,
    );
  }
  assert.equal(await page.locator('#app-loading').count(), 0, 'the loading line is gone once the app runs');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link under the subpath loads the app (GitHub Pages 404 fallback)', async () => {
  const { page, problems, context } = await openApp(browser, { ...site, url: site.url + 'some/deep/link' });
  assert.ok((await page.locator('[data-testid="report-title"]').count()) > 0);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await context.close();
});

// "8 Jul 2024 (resolved weekday)", as the reader prints a date and its basis.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BASIS = { stated: 'stated', resolved_weekday: 'resolved weekday', metadata: 'metadata', inferred: 'inferred' };
function dateWithBasis(iso, basis) {
  if (!iso) return 'no date';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} (${BASIS[basis]})`;
}

test('the reader shows what `parallax inspect` made of every report', async () => {
  const corpus = loadCorpus();
  for (const report of corpus.reports) {
    const { page, problems, context } = await openApp(browser, site, `?v=1&report=${report.id}`, {
      waitFor: '[data-testid="reader"]',
    });
    assert.equal((await page.locator('[data-testid="reader-title"]').textContent()).trim(), report.title);
    const meta = await page.locator('[data-testid="reader-meta"]').textContent();
    assert.ok(meta.includes(dateWithBasis(report.event_date, report.event_date_basis)), `${report.id} event date in: ${meta}`);
    assert.ok(meta.includes(dateWithBasis(report.published, report.published_basis)), `${report.id} published date in: ${meta}`);
    if (report.dateline) assert.ok(meta.includes(report.dateline) || (await page.locator('[data-testid="reader"]').textContent()).includes(report.dateline), `${report.id} dateline`);
    const body = await page.locator('[data-testid="reader"]').textContent();
    for (const speaker of report.speakers) assert.ok(body.includes(speaker), `${report.id} names its speaker ${speaker}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
