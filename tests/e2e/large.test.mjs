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

// The compare view's report pickers are comboboxes listing a few matches, never the corpus.
const MAX_OPTIONS = 20;
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The first page's reports: [{ id, title }]. */
async function firstPage(page) {
  return page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => ({
    id: e.dataset.reportId,
    title: e.querySelector('[data-testid="report-title"]').textContent,
  })));
}

/** The options listed by a picker: [{ id, elementId, selected, title }]. */
const options = (page, side) => page.locator(`[data-testid="pick-${side}-list"] [role="option"]`).evaluateAll((els) => els.map((e) => ({
  id: e.dataset.reportId,
  elementId: e.id,
  selected: e.getAttribute('aria-selected'),
  title: e.querySelector('.picker-title').textContent,
})));

test('the report pickers are comboboxes: typing filters, arrows and Enter choose, Escape restores', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const reports = await firstPage(page);
  const [left, right] = reports;
  await page.goto(`${site.url}?v=1&left=${left.id}&right=${right.id}`);
  await page.getByTestId('compare').waitFor();
  const input = page.getByTestId('pick-left');

  // Closed: the chosen report's title, no options rendered, the ARIA wiring in place.
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.getAttribute('aria-autocomplete'), 'list');
  assert.equal(await input.inputValue(), left.title);
  const listId = await input.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${listId}`).getAttribute('role'), 'listbox');
  assert.equal(await page.locator('[role="option"]').count(), 0, 'no options while closed');
  assert.equal(await page.locator(`label[for="${await input.getAttribute('id')}"]`).textContent(), 'Left report');

  // Opened with nothing typed: the chosen report first, then the first reports, at most 20.
  await input.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  let listed = await options(page, 'left');
  assert.equal(listed.length, MAX_OPTIONS, `${listed.length} options for 300 reports`);
  assert.equal(listed[0].id, left.id);
  assert.equal(await input.getAttribute('aria-activedescendant'), listed[0].elementId);
  assert.deepEqual(listed.map((o) => o.selected), listed.map((_, i) => String(i === 0)));
  await page.keyboard.press('ArrowUp');
  assert.equal(await input.getAttribute('aria-activedescendant'), listed.at(-1).elementId, 'ArrowUp wraps to the last');

  // Typing a title filters: titles holding every word typed first, every option a match.
  const target = reports.find((r) => r.id !== left.id && r.id !== right.id && r.title !== left.title);
  await input.fill(target.title);
  await page.waitForFunction(
    ({ id, max }) => {
      const listed = [...document.querySelectorAll('[data-testid="pick-left-list"] [role="option"]')];
      return listed.length < max && listed.some((o) => o.dataset.reportId === id);
    },
    { id: target.id, max: MAX_OPTIONS },
  );
  listed = await options(page, 'left');
  assert.ok(listed.length >= 1 && listed.length < MAX_OPTIONS, `${listed.length} options for a whole title`);
  assert.ok(listed.some((o) => o.id === target.id), 'the report typed is listed');
  assert.equal(await input.getAttribute('aria-activedescendant'), null, 'typing moves no option');
  assert.ok(listed.every((o) => o.selected === 'false'));
  // Arrow down and Enter choose the first option, as the old select did: the URL changes.
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), listed[0].elementId);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('left') === id, listed[0].id);
  assert.equal(query(page).get('right'), right.id);
  // The chosen report's title holds every word typed (each starts one of its words), and the
  // closed input shows it.
  const chosenTitle = (await page.locator('[data-testid="side-left"] h3').textContent()).trim();
  const words = (t) => fold(t).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  assert.ok(
    words(target.title).every((w) => words(chosenTitle).some((c) => c.startsWith(w))),
    `${chosenTitle} holds the words of ${target.title}`,
  );
  await page.waitForFunction((t) => document.querySelector('[data-testid="pick-left"]').value === t, chosenTitle);
  assert.equal(await page.getByTestId('pick-left').getAttribute('aria-expanded'), 'false');
  const chosenLeft = listed[0].id;

  // Escape closes and restores the chosen title; nothing matching says so.
  const other = page.getByTestId('pick-right');
  await other.click();
  assert.equal(await other.getAttribute('aria-expanded'), 'true');
  await other.fill('zzqxw nothing like this');
  await page.waitForFunction(() => /No report matches/.test(document.querySelector('[data-testid="pick-right-none"]').textContent));
  assert.equal(await other.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('[role="option"]').count(), 0);
  await page.keyboard.press('Escape');
  assert.equal(await other.inputValue(), right.title);
  assert.equal(await other.getAttribute('aria-expanded'), 'false');
  assert.equal(query(page).get('right'), right.id);
  // Escape with the list open (and an option active) also restores, and chooses nothing.
  await other.fill(target.title.split(' ')[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await other.inputValue(), right.title);
  assert.equal(await page.locator('[role="option"]').count(), 0);
  assert.equal(query(page).get('right'), right.id);

  // A click on an option chooses it.
  const third = reports.find((r) => ![chosenLeft, right.id].includes(r.id) && r.title !== right.title);
  await other.fill(third.title);
  const option = page.locator(`[data-testid="pick-right-list"] [role="option"][data-report-id="${third.id}"]`);
  await option.click();
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('right') === id, third.id);
  assert.equal(query(page).get('left'), chosenLeft);
  await page.waitForFunction((t) => document.querySelector('[data-testid="pick-right"]').value === t, third.title);
  assert.equal(await page.getByTestId('pick-right').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no violations with a report picker open', async () => {
  const { page: first, context: scratch } = await openApp(browser, site);
  const [left, right] = await firstPage(first);
  await scratch.close();
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await openApp(browser, site, `?v=1&left=${left.id}&right=${right.id}`, {
      waitFor: '[data-testid="compare"]',
      contextOptions: { colorScheme, bypassCSP: true },
    });
    await page.getByTestId('pick-right').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    });
    assert.deepEqual(violations, [], colorScheme);
    assert.equal(await page.getByTestId('pick-right').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
