// The explorer's flows, as a reader does them: filter, search, read, compare, share, go back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { launchBrowser, loadCorpus, openApp, startSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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

const countText = (page) => page.getByTestId('result-count').textContent();
const shownIds = (page) => page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
const markIds = (page) => page.locator('[data-testid="timeline-mark"]').evaluateAll((els) => els.map((e) => e.dataset.reportId).sort());
const query = (page) => new URL(page.url()).searchParams;

/** Runs axe-core on the page and returns its violations (rule id and nodes). */
async function axe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result;
}

test('filtering by a topic changes the count, the list and the timeline', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const total = corpus.reports.length;
  assert.match(await countText(page), new RegExp(`^${total} reports?$`));
  assert.equal((await markIds(page)).length, total, 'every report is on the timeline');
  const options = page.locator('[data-testid="facet-option"][data-facet="topic"]');
  assert.ok((await options.count()) > 0, 'the topic facet has options');
  // Pick the first topic that narrows the corpus.
  let picked = null;
  for (let i = 0; i < (await options.count()); i++) {
    const option = options.nth(i);
    const n = Number(await option.locator('xpath=following-sibling::label').getByTestId('facet-count').textContent());
    if (n < total) {
      picked = { option, n, value: await option.getAttribute('data-value') };
      break;
    }
  }
  assert.ok(picked, 'some topic narrows the corpus');
  await picked.option.check();
  await page.waitForFunction((n) => document.querySelector('[data-testid="result-count"]').textContent.startsWith(`${n} of`), picked.n);
  const ids = await shownIds(page);
  assert.equal(ids.length, picked.n);
  for (const id of ids) {
    const report = corpus.reports.find((r) => r.id === id);
    assert.ok(report.topics.some((t) => (t.topic ?? t) === picked.value), `${id} has the topic ${picked.value}`);
  }
  assert.deepEqual(await markIds(page), [...ids].sort(), 'the timeline shows exactly the matches');
  assert.deepEqual(query(page).getAll('topic'), [picked.value]);
  // Clear all restores everything.
  await page.getByTestId('clear-all').click();
  assert.match(await countText(page), new RegExp(`^${total} reports?$`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('search highlights matches, ignores case and diacritics, and shows snippets', async () => {
  const { page, problems, context } = await openApp(browser, site);
  // A word every dated report of the seeds shares is not needed: take a speaker's surname.
  const word = corpus.reports.flatMap((r) => r.speakers ?? [])[0]?.split(' ').pop() ?? 'Pakistan';
  const expected = corpus.reports.filter((r) =>
    [r.title, ...r.paragraphs.map((p) => p.text ?? p)].some((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${word}`, 'iu').test(t)),
  ).length;
  assert.ok(expected > 0);
  const input = page.getByTestId('search-input');
  await input.pressSequentially(word.toUpperCase().replace(/E/, 'É'), { delay: 30 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="result"]').length === n, expected);
  const hits = await page.getByTestId('search-hit').allTextContents();
  assert.ok(hits.length >= expected, 'every result shows a highlighted match');
  for (const h of hits) assert.equal(h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), word.toLowerCase());
  assert.ok((await page.getByTestId('snippet').count()) >= 1);
  // The URL follows once typing pauses.
  await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
  assert.equal(query(page).get('v'), '1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening a report shows it in the reader with per-paragraph links', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const first = page.locator('[data-testid="result"]').first();
  const id = await first.getAttribute('data-report-id');
  const report = corpus.reports.find((r) => r.id === id);
  await first.getByTestId('open-report').click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader-title').textContent(), report.title);
  assert.equal(query(page).get('report'), id);
  const texts = report.paragraphs.filter((p) => (p.kind ?? 'text') === 'text');
  assert.equal(await page.getByTestId('paragraph').count(), texts.length);
  // A paragraph link puts the paragraph in the URL.
  await page.getByTestId('paragraph-link').nth(Math.min(1, texts.length - 1)).click();
  assert.ok(query(page).has('p'));
  assert.deepEqual(problems, []);
  await context.close();
});

test("comparing 001's first report with 002 shows aligned rows and the evidence", async () => {
  const { page, problems, context } = await openApp(browser, site);
  const left = corpus.reports.find((r) => r.file.startsWith('001') && r.index === 0);
  const right = corpus.reports.find((r) => r.file.startsWith('002'));
  await page.locator(`[data-testid="result"][data-report-id="${left.id}"] [data-testid="open-report"]`).click();
  await page.getByTestId('reader').waitFor();
  // One click from the reader's relations.
  const link = page.locator('[data-testid="relation"]').filter({ hasText: right.title }).getByTestId('compare-link');
  await link.click();
  await page.getByTestId('compare').waitFor();
  assert.equal(query(page).get('left'), left.id);
  assert.equal(query(page).get('right'), right.id);
  const rows = page.getByTestId('aligned-row');
  assert.ok((await rows.count()) > 5, 'aligned rows are shown');
  const kinds = await rows.evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.ok(kinds.includes('verbatim') || kinds.includes('reworded'), 'some sentences match');
  assert.match(await page.getByTestId('relation').textContent(), /near duplicate/i);
  // Every row has screen-reader text.
  const sr = await rows.locator('.visually-hidden').allTextContents();
  assert.ok(sr.every((t) => /^Sentence \d+ (left|right)/.test(t)));
  // Swap sides mirrors the URL.
  await page.getByTestId('swap-sides').click();
  assert.equal(query(page).get('left'), right.id);
  // The threshold regroups live and says what changed.
  await page.getByTestId('threshold-input').fill('95');
  await page.waitForFunction(() => /regrouped|This pair/.test(document.querySelector('[data-testid="threshold-changes"]').textContent));
  assert.match(await page.getByTestId('threshold-changes').textContent(), /near duplicate/);
  // The right-hand picker (a combobox): type part of a third report's title, arrow down to it,
  // Enter; the URL changes as the old select's did.
  const third = corpus.reports.find((r) => ![left.id, right.id].includes(r.id));
  const picker = page.getByTestId('pick-right');
  await picker.fill(third.title.split(/\s+/).slice(0, 3).join(' '));
  // The picker reads titles from the search index: the shards of what was typed come first.
  await page.locator(`[data-testid="pick-right-list"] [role="option"][data-report-id="${third.id}"]`).waitFor();
  const listed = await page.locator('[data-testid="pick-right-list"] [role="option"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
  const at = listed.indexOf(third.id);
  assert.ok(at >= 0, `${third.id} is listed for its title's first words`);
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('right') === id, third.id);
  assert.equal(query(page).get('left'), right.id);
  await page.waitForFunction((t) => document.querySelector('[data-testid="pick-right"]').value === t, third.title);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a copied link opens the same state in a new page', async () => {
  const { page, problems, context: ctx } = await openApp(browser, site, '', {
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  await page.getByTestId('search-input').fill('pakistan');
  await page.locator('[data-testid="facet-option"]').first().check();
  const first = page.locator('[data-testid="result"]').first();
  const id = await first.getAttribute('data-report-id');
  await first.getByTestId('open-report').click();
  await page.getByTestId('copy-link').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(site.url), `the link stays under the subpath: ${copied}`);
  const other = await ctx.newPage();
  await other.goto(copied);
  await other.getByTestId('reader').waitFor();
  assert.equal(await other.locator('[data-testid="reader"]').getAttribute('data-report-id'), id);
  assert.equal(await other.getByTestId('search-input').inputValue(), 'pakistan');
  assert.equal(await other.locator('[data-testid="facet-option"]:checked').count(), 1);
  assert.equal(new URL(copied).search, new URL(page.url()).search);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('back and forward restore each step exactly, and typing leaves one entry', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const start = await page.evaluate(() => history.length);
  await page.locator('[data-testid="facet-option"]').first().check();
  const afterFacet = page.url();
  await page.getByTestId('search-input').pressSequentially('us ', { delay: 40 });
  await page.getByTestId('search-input').blur();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'us ');
  const afterSearch = page.url();
  await page.locator('[data-testid="open-report"]').first().click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.evaluate(() => history.length), start + 3, 'one entry per step, none per keystroke');

  await page.goBack();
  await page.getByTestId('results').waitFor();
  assert.equal(page.url(), afterSearch);
  assert.equal(await page.getByTestId('search-input').inputValue(), 'us ');
  await page.goBack();
  assert.equal(page.url(), afterFacet);
  await page.waitForFunction(() => document.querySelector('[data-testid="search-input"]').value === '');
  assert.equal(await page.locator('[data-testid="facet-option"]:checked').count(), 1);
  await page.goBack();
  assert.equal(await page.locator('[data-testid="facet-option"]:checked').count(), 0);
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await page.getByTestId('reader').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed URL shows a dismissible notice and the page still works', async () => {
  const { page, problems, context } = await openApp(browser, site, '?v=1&from=2024-99-99&bogus=1&report=no-such-report&q=%E0%A4%A');
  const notice = page.getByTestId('url-notice');
  await notice.waitFor();
  const items = await notice.locator('li').allTextContents();
  assert.ok(items.some((t) => t.startsWith('from')));
  assert.ok(items.some((t) => t.startsWith('bogus')));
  assert.ok(items.some((t) => t.startsWith('report')));
  assert.equal(await page.locator('[data-testid="result"]').count(), corpus.reports.length);
  await page.getByTestId('dismiss-notice').click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the timeline is keyboard-operable and a brush filters by date', async () => {
  const { page, problems, context } = await openApp(browser, site);
  const marks = page.getByTestId('timeline-mark');
  await marks.first().focus();
  await page.getByTestId('timeline-tooltip').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByTestId('reader').waitFor();
  await page.goBack();
  // Drag across the whole plot: every dated report stays, undated ones leave.
  const box = await page.locator('.brush-area').boundingBox();
  await page.mouse.move(box.x + 1, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  const dated = corpus.reports.filter((r) => r.event_date).length;
  assert.equal(await page.locator('[data-testid="result"]').count(), dated);
  await page.getByTestId('zoom-in').click();
  assert.equal(query(page).get('zoom'), '1');
  await page.getByTestId('zoom-out').click();
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no violations in the main views', async () => {
  const left = corpus.reports[0].id;
  const right = corpus.reports[1].id;
  for (const q of ['', `?v=1&report=${left}`, `?v=1&left=${left}&right=${right}`, '?v=1&bogus=1', '?v=1&q=zzzzzz', '?v=1&view=list']) {
    for (const colorScheme of ['light', 'dark']) {
      // bypassCSP only lets the test inject axe; the page's own policy is tested elsewhere.
      const { page, problems, context } = await openApp(browser, site, q, { contextOptions: { colorScheme, bypassCSP: true } });
      const violations = await axe(page);
      assert.deepEqual(violations, [], `axe on "${q}" (${colorScheme})`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('usable at 360 px wide: nothing overflows horizontally', async () => {
  const { page, problems, context } = await openApp(browser, site, '', { contextOptions: { viewport: { width: 360, height: 740 } } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  assert.deepEqual(problems, []);
  await context.close();
});
