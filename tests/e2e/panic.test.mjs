// When the app panics, the page must say so instead of looking alive and doing nothing.
// Runs against the crafted site, the one build with the `test-hooks` feature (a panic on demand).
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

test('a panic shows a visible, accessible notice with its text folded under it', async () => {
  const { page, problems, context } = await openApp(browser, site, '?v=1&view=list');
  const firstTitle = await page.getByTestId('report-title').first().textContent();
  await page.evaluate(() => {
    try {
      window.wasmBindings.parallax_test_panic('test panic <b>not markup</b>');
    } catch {
      // The abort surfaces as a trap in this call; the page must now show the notice.
    }
  });
  const notice = page.getByRole('alert');
  await notice.waitFor();
  assert.equal(await notice.getByRole('heading').textContent(), 'Parallax stopped working: reload the page');
  // The panic text is there, folded, and as text (the markup is not parsed).
  const details = notice.locator('details');
  assert.equal(await details.getAttribute('open'), null);
  assert.match(await details.locator('pre').textContent(), /test panic <b>not markup<\/b>/);
  assert.equal(await notice.locator('pre b').count(), 0);
  // The reload link is focused and leads to the same view.
  const reload = notice.getByRole('link', { name: 'Reload Parallax' });
  assert.ok(await reload.evaluate((a) => a === document.activeElement));
  assert.equal(new URL(await reload.evaluate((a) => a.href)).search, new URL(page.url()).search);
  // The dead controls no longer pretend to work; the reports' text stays on screen.
  assert.equal(await page.locator('.app[inert]').count(), 1);
  assert.ok(await page.getByTestId('report-title').first().isVisible());
  assert.equal(await page.getByTestId('report-title').first().textContent(), firstTitle);
  // The harness counts the panic as a failure of its own kind: every other test fails on one.
  assert.ok(problems.some((p) => p.startsWith('panic: ') && p.includes('test panic')), problems.join('\n'));
  // Reloading brings the app back.
  await reload.click();
  await page.getByTestId('app').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});
