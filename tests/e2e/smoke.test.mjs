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
