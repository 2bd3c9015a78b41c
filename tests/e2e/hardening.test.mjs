// What a careless or hostile visitor does to the page: resize after leaving a view, open a link
// stuffed with parameters. The page must stay alive and say what it could not use.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, loadCorpus, openApp, startSite } from './harness.mjs';

let site, browser, corpus;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  corpus = loadCorpus();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Resizes the window a few times, as a reader dragging its edge does. */
async function resizeAround(page) {
  for (const width of [900, 700, 1200, 1000]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

test('resizing after leaving the timeline keeps the app alive', async () => {
  const { page, problems, context } = await openApp(browser, site);
  await page.getByTestId('timeline-mark').first().waitFor();
  // Leave the timeline for the reader, then resize.
  await page.locator('[data-testid="result"] a').first().click();
  await page.getByTestId('reader').waitFor();
  await resizeAround(page);
  // Back to the list, then "List only" (the timeline unmounts again), then resize.
  await page.goBack();
  await page.getByTestId('view-list').click();
  assert.equal(await page.getByTestId('timeline-mark').count(), 0);
  await resizeAround(page);
  // The app still answers: bringing the timeline back draws it at the new width.
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('timeline-mark').first().waitFor();
  await resizeAround(page);
  assert.equal(await page.getByTestId('panic-notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with 200,000 unknown parameters lists a few notices and counts the rest', async () => {
  const flood = '?v=1&' + 'zz&'.repeat(200_000) + 'q=miller';
  const { page, problems, context } = await openApp(browser, site, flood);
  const notice = page.getByTestId('url-notice');
  await notice.waitFor();
  assert.equal(await notice.locator('li').count(), 5);
  assert.equal((await page.getByTestId('notice-more').textContent()).trim(), 'and 199995 more');
  // The usable part of the link still applies.
  assert.equal(await page.getByRole('searchbox').inputValue(), 'miller');
  assert.ok((await page.locator('[data-testid="result"]').count()) <= corpus.reports.length);
  await page.getByTestId('dismiss-notice').click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
