// A corpus large enough to page and to bin: `make e2e` generates it with parallax-synth and
// builds it into its own site. The result list shows a page at a time with the page in the URL;
// where marks would pile up the timeline shows bins, which zoom in through the URL until single
// marks fit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp, startSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DIST = path.resolve(process.env.PARALLAX_LARGE_DIST ?? 'target/e2e-large-dist');
const PAGE_SIZE = 25;

let site, browser;
before(async () => {
  site = await startSite({ dist: DIST });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const query = (page) => new URL(page.url()).searchParams;
const shownIds = (page) => page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
// "300 reports", or "9 of 300 reports" when filtered: the first number is what the list holds.
const total = async (page) => Number((await page.getByTestId('result-count').textContent()).match(/\d[\d,]*/)[0].replaceAll(',', ''));
const status = (page) => page.getByTestId('page-status').textContent();

test('the list shows one page at a time, with the page in the URL', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const n = await total(page);
  const pages = Math.ceil(n / PAGE_SIZE);
  assert.ok(pages >= 3, `${n} reports make ${pages} pages`);
  const first = await shownIds(page);
  assert.equal(first.length, PAGE_SIZE, 'only one page is rendered');
  assert.equal(await status(page), `Page 1 of ${pages}`);
  assert.equal(await page.getByTestId('previous-page').getAttribute('aria-disabled'), 'true');

  await page.getByTestId('next-page').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.equal(await status(page), `Page 2 of ${pages}`);
  const second = await shownIds(page);
  assert.equal(second.length, PAGE_SIZE);
  assert.ok(second.every((id) => !first.includes(id)), 'page 2 holds other reports');
  assert.equal(await page.locator('ol[data-testid="report-list"]').getAttribute('start'), String(PAGE_SIZE + 1));

  // By keyboard: the link keeps focus and its name.
  await page.getByTestId('next-page').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'next-page');
  await page.getByTestId('previous-page').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.deepEqual(await shownIds(page), second);

  // Back and forward walk the pages; the last page holds the rest.
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
  const last = await openApp(browser, site, `?v=1&page=${pages}`);
  assert.equal((await shownIds(last.page)).length, n - (pages - 1) * PAGE_SIZE);
  assert.equal(await last.page.getByTestId('next-page').getAttribute('aria-disabled'), 'true');
  assert.deepEqual(last.problems, []);
  await last.context.close();

  // A shared link opens its page; a new search starts again at the first.
  const shared = await openApp(browser, site, '?v=1&page=2');
  assert.deepEqual(await shownIds(shared.page), second);
  await shared.page.getByTestId('search-input').fill('said');
  await shared.page.waitForFunction(() => !new URL(location.href).searchParams.has('page') && new URL(location.href).searchParams.get('q') === 'said');
  assert.match(await status(shared.page), /^Page 1 of/);
  assert.deepEqual(shared.problems, []);
  await shared.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link made before paging opens the first page', async () => {
  const { page, problems, context } = await openApp(browser, site, '?v=1&view=list');
  assert.equal(await status(page), `Page 1 of ${Math.ceil((await total(page)) / PAGE_SIZE)}`);
  assert.equal(await page.getByTestId('url-notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('crowded dates are bins that name their count and zoom in by click or keyboard', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const bins = page.getByTestId('timeline-bin');
  await bins.first().waitFor();
  const n = await total(page);
  const counts = await bins.evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
  const undatedLabel = await page.getByTestId('undated-label').textContent().catch(() => '');
  const undatedMarks = await page.getByTestId('timeline-mark').count();
  const undatedCounted = Number(undatedLabel.match(/\d+/)?.[0] ?? 0);
  assert.equal(counts.reduce((a, b) => a + b, 0) + undatedMarks + undatedCounted, n, 'bins and the undated lane hold every report');
  for (const bin of await bins.all()) {
    assert.equal(await bin.getAttribute('role'), 'button');
    assert.match(await bin.getAttribute('aria-label'), /^\d+ reports? (on|from) .+\. Zoom in to see them\.$/);
  }
  // One bin is in the tab order; arrows move between them.
  assert.equal(await page.locator('[data-testid="timeline-bin"][tabindex="0"]').count(), 1);
  await bins.first().focus();
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => ({ from: document.activeElement.dataset.from, to: document.activeElement.dataset.to, count: Number(document.activeElement.dataset.count) }));
  assert.equal(focused.from, await bins.nth(1).getAttribute('data-from'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1');
  assert.equal(query(page).get('from'), focused.from);
  assert.equal(query(page).get('to'), focused.to);
  assert.equal(await total(page), focused.count, 'the list holds the bin\'s reports');
  // Zoomed into a bin's days, its reports are single marks (no bin of 8 or fewer).
  await page.getByTestId('timeline-mark').first().waitFor();
  assert.equal(await page.getByTestId('timeline-mark').count(), focused.count);
  assert.equal(await bins.count(), 0);
  // Back returns to the bins.
  await page.goBack();
  await bins.first().waitFor();
  // A click zooms too.
  const from = await bins.last().getAttribute('data-from');
  await bins.last().click();
  await page.waitForFunction((f) => new URL(location.href).searchParams.get('from') === f, from);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no violations with bins and pages', async () => {
  // bypassCSP only lets the test inject axe; the page's own policy is tested elsewhere.
  const { page, problems, context } = await openApp(browser, site, '?v=1&page=2', { contextOptions: { bypassCSP: true } });
  await page.getByTestId('timeline-bin').first().waitFor();
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});
