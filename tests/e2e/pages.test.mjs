// The story, ledger and matrix pages on the seeds and on the 300-report site: each renders, the
// site navigation marks the page shown, everything is reachable with Tab and works with Enter
// (and the arrows on a select), and every page is URL state: back, forward and reload keep it,
// controls included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { footerCounts, LARGE_DIST, LARGE_JSON_SKIP, loadLargeCorpus, query, readMatrix, tabTo, waitForParam } from './pages-common.mjs';

const SITES = [
  ['seeds', siteForTests()],
  ['large', siteForTests(LARGE_DIST)],
];

/** Which nav links are marked as the page shown. */
const current = (page) =>
  page.locator('nav[aria-label="Views"] a').evaluateAll((els) => els.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.dataset.testid));
const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id);
const ledgerCount = (page) => page.getByTestId('ledger-count').textContent();

for (const [name, shared] of SITES) {
  test(`${name}: each page renders and the navigation marks the one shown`, async () => {
    const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
    const nav = page.locator('nav[aria-label="Views"]');
    assert.deepEqual(await nav.locator('a').evaluateAll((els) => els.map((a) => [a.dataset.testid, a.textContent])), [
      ['nav-reports', 'Reports'],
      ['nav-matrix', 'Coverage matrix'],
      ['nav-ledger', 'Quote ledger'],
    ]);
    assert.deepEqual(await current(page), ['nav-reports']);

    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix').waitFor();
    assert.equal(query(page).get('view'), 'matrix');
    assert.deepEqual(await current(page), ['nav-matrix']);
    assert.equal(await page.locator('#matrix-title').textContent(), 'Coverage matrix');
    assert.ok((await page.getByTestId('matrix-cell').count()) > 0, 'the matrix has cells');

    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('ledger-entry').first().waitFor();
    assert.equal(query(page).get('view'), 'ledger');
    assert.deepEqual(await current(page), ['nav-ledger']);
    assert.match(await ledgerCount(page), /^[\d,]+ quotes$/);

    // A story page is no section of its own: nothing is marked.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('results').waitFor();
    assert.deepEqual(await current(page), ['nav-reports']);
    await page.getByTestId('timeline-story').first().click();
    await page.getByTestId('story-page').waitFor();
    assert.ok(query(page).get('story'), 'the URL names the story');
    assert.ok((await page.getByTestId('story-title').textContent()).length > 0);
    assert.ok((await page.getByTestId('story-outlet').count()) >= 1);
    await page.getByTestId('story-add').first().waitFor();
    assert.deepEqual(await current(page), []);
    // The reader and a comparison are not sections either; the nav leaves them.
    await page.getByTestId('story-compare').first().click();
    await page.getByTestId('compare').waitFor();
    assert.deepEqual(await current(page), []);
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix').waitFor();
    for (const p of ['left', 'right', 'story', 'report']) assert.equal(query(page).get(p), null, `the matrix link closes ${p}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the nav links and each page's controls work from the keyboard`, async () => {
    const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
    // The nav comes right after the skip link and the home link.
    assert.equal(await tabTo(page, 'nav-matrix', { max: 6 }), 4);
    await page.keyboard.press('Enter');
    await page.getByTestId('matrix').waitFor();
    assert.deepEqual(await current(page), ['nav-matrix']);
    assert.equal(await focused(page), 'matrix-title', 'the new page\'s heading has the focus');
    // Its selects: the arrows choose, the URL follows.
    await tabTo(page, 'matrix-columns', { max: 1 });
    await page.keyboard.press('ArrowDown');
    await waitForParam(page, 'by', 'dates');
    await page.waitForFunction(() => !document.querySelector('[data-testid="matrix-story"]'));
    await tabTo(page, 'matrix-rows', { max: 1 });
    await page.keyboard.press('ArrowDown');
    await waitForParam(page, 'rows', 'name');
    await tabTo(page, 'matrix-cols', { max: 1 });
    await tabTo(page, 'export-matrix-csv', { max: 1 });
    // A cell's report, with Enter.
    await tabTo(page, 'matrix-report', { max: 80 });
    const id = await page.evaluate(() => new URL(document.activeElement.href).searchParams.get('report'));
    await page.keyboard.press('Enter');
    await page.getByTestId('reader').waitFor();
    assert.equal(await page.getByTestId('reader').getAttribute('data-report-id'), id);

    // Back up to the nav, on to the ledger.
    await tabTo(page, 'nav-ledger', { back: true, max: 400 });
    await page.keyboard.press('Enter');
    await page.getByTestId('ledger-entry').first().waitFor();
    assert.deepEqual(await current(page), ['nav-ledger']);
    const all = await ledgerCount(page);
    await tabTo(page, 'ledger-search', { max: 3 });
    await page.keyboard.type('the');
    await page.waitForFunction((before) => document.querySelector('[data-testid="ledger-count"]').textContent !== before, all);
    assert.match(await ledgerCount(page), /^[\d,]+ of [\d,]+ quotes$/);
    await tabTo(page, 'ledger-speaker', { max: 1 });
    await waitForParam(page, 'quote', 'the');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('speaker'));
    const speaker = query(page).get('speaker');
    assert.equal(await page.getByTestId('ledger-speaker').inputValue(), speaker);
    const names = await page.getByTestId('ledger-speaker-name').allTextContents();
    assert.ok(names.length > 0 && names.every((n) => n === speaker), `only ${speaker}'s quotes`);

    // The reports, the timeline's story line, the story page, a comparison.
    await tabTo(page, 'nav-reports', { back: true, max: 400 });
    await page.keyboard.press('Enter');
    await page.getByTestId('results').waitFor();
    await tabTo(page, 'timeline-story', { max: 20 });
    await page.keyboard.press('Enter');
    await page.getByTestId('story-page').waitFor();
    assert.equal(await focused(page), 'story-title');
    await tabTo(page, 'story-compare', { max: 40 });
    await page.keyboard.press('Enter');
    await page.getByTestId('compare').waitFor();
    await page.goBack();
    await page.getByTestId('story-page').waitFor();
    await page.getByTestId('story-title').focus();
    await tabTo(page, 'story-back', { back: true, max: 1 });
    await page.keyboard.press('Enter');
    await page.getByTestId('results').waitFor();
    assert.equal(query(page).get('story'), null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: back, forward and reload keep each page and its controls`, async () => {
    const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
    const matrixRows = () => page.getByTestId('matrix-rows').inputValue();
    const rowNames = async () => (await readMatrix(page)).rows.map((r) => r.name);
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix').waitFor();
    const byCoverage = await rowNames();
    await page.getByTestId('matrix-rows').selectOption('name');
    await waitForParam(page, 'rows', 'name');
    const byName = await rowNames();
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('ledger-entry').first().waitFor();
    const all = await ledgerCount(page);
    const speaker = await page.locator('[data-testid="ledger-speaker"] option').nth(1).getAttribute('value');
    await page.getByTestId('ledger-speaker').selectOption(speaker);
    await waitForParam(page, 'speaker', speaker);
    const narrowed = await ledgerCount(page);
    assert.notEqual(narrowed, all);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('results').waitFor();
    await page.getByTestId('timeline-story').first().click();
    await page.getByTestId('story-page').waitFor();
    const title = await page.getByTestId('story-title').textContent();
    const storyUrl = page.url();

    // A reload keeps the story page.
    await page.reload();
    await page.getByTestId('story-page').waitFor();
    assert.equal(page.url(), storyUrl);
    assert.equal(await page.getByTestId('story-title').textContent(), title);

    // What the page shows must follow the URL at once; a select showing another value than the
    // URL's is collected, so every step is checked before the test fails.
    const stale = [];
    const ledgerShows = async (count, value, step) => {
      await page.waitForFunction((c) => document.querySelector('[data-testid="ledger-count"]')?.textContent === c, count);
      const shown = await page.getByTestId('ledger-speaker').inputValue();
      if (shown !== value) stale.push(`${step}: the speaker select shows "${shown}", the URL says "${value}"`);
    };
    const matrixShows = async (names, value, step) => {
      await page.getByTestId('matrix').waitFor();
      assert.deepEqual(await rowNames(), names, `${step}: the rows' order`);
      const shown = await matrixRows();
      if (shown !== value) stale.push(`${step}: the row sort select shows "${shown}", the URL says "${value}"`);
    };
    await page.goBack();
    await page.getByTestId('results').waitFor();
    assert.equal(query(page).get('story'), null);
    await page.goBack();
    assert.equal(query(page).get('speaker'), speaker);
    await ledgerShows(narrowed, speaker, 'back to the speaker');
    await page.goBack();
    assert.equal(query(page).get('speaker'), null);
    await ledgerShows(all, '', 'back to everyone');
    await page.goBack();
    assert.equal(query(page).get('rows'), 'name');
    await matrixShows(byName, 'name', 'back to rows by name');
    await page.goBack();
    assert.equal(query(page).get('rows'), null);
    await matrixShows(byCoverage, 'coverage', 'back to rows by coverage');
    await page.goForward();
    await matrixShows(byName, 'name', 'forward to rows by name');
    await page.goForward();
    await page.goForward();
    assert.equal(query(page).get('speaker'), speaker);
    await ledgerShows(narrowed, speaker, 'forward to the speaker');
    // A reload keeps the ledger's narrowing and the matrix's sort.
    await page.reload();
    await page.getByTestId('ledger-entry').first().waitFor();
    await ledgerShows(narrowed, speaker, 'reloaded ledger');
    await page.goBack();
    await page.goBack();
    await page.reload();
    await matrixShows(byName, 'name', 'reloaded matrix');
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.getByTestId('story-page').waitFor();
    assert.equal(await page.getByTestId('story-title').textContent(), title);
    assert.deepEqual(stale, [], 'the selects follow back and forward');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('seeds: a select changed by hand follows back and forward on the same page', async () => {
  const [, shared] = SITES[0];
  const stale = [];
  const check = async (page, testid, value, step) => {
    const shown = await page.getByTestId(testid).inputValue();
    if (shown !== value) stale.push(`${step}: ${testid} shows "${shown}", the URL says "${value}"`);
  };
  const ledger = await openApp(shared.browser, shared.site, '?v=1&view=ledger', { waitFor: '[data-testid="ledger-entry"]' });
  let page = ledger.page;
  const all = await ledgerCount(page);
  await page.getByTestId('ledger-speaker').selectOption('Tahir Andrabi');
  await waitForParam(page, 'speaker', 'Tahir Andrabi');
  const narrowed = await ledgerCount(page);
  await page.goBack();
  await page.waitForFunction((c) => document.querySelector('[data-testid="ledger-count"]').textContent === c, all);
  await check(page, 'ledger-speaker', '', 'ledger, back');
  await page.goForward();
  await page.waitForFunction((c) => document.querySelector('[data-testid="ledger-count"]').textContent === c, narrowed);
  await check(page, 'ledger-speaker', 'Tahir Andrabi', 'ledger, forward');
  assert.deepEqual(ledger.problems, []);
  await ledger.context.close();

  const matrix = await openApp(shared.browser, shared.site, '?v=1&view=matrix&by=dates', { waitFor: '[data-testid="matrix"]' });
  page = matrix.page;
  for (const [testid, param, value] of [['matrix-rows', 'rows', 'first'], ['matrix-cols', 'cols', 'name'], ['matrix-columns', 'by', 'stories']]) {
    const before = query(page).get(param) ?? (await page.getByTestId(testid).inputValue());
    await page.getByTestId(testid).selectOption(value);
    await page.waitForFunction(([p, v]) => (new URL(location.href).searchParams.get(p) ?? v) === v, [param, value]);
    await page.goBack();
    await page.waitForFunction(([p, v]) => new URL(location.href).searchParams.get(p) !== v, [param, value]);
    await check(page, testid, before, `matrix ${param}, back`);
    await page.goForward();
    await page.waitForFunction(([p, v]) => (new URL(location.href).searchParams.get(p) ?? v) === v, [param, value]);
    await check(page, testid, value, `matrix ${param}, forward`);
  }
  assert.deepEqual(matrix.problems, []);
  await matrix.context.close();
  assert.deepEqual(stale, [], 'each select shows the value its URL says');
});

test('seeds: the footer counts the reports, related pairs and stories of the inspect JSON', async () => {
  const corpus = loadCorpus();
  const [, shared] = SITES[0];
  const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
  const f = await footerCounts(page);
  assert.deepEqual([f.reports, f.pairs, f.stories], [corpus.reports.length, corpus.pairs.length, corpus.stories.length], f.text);
  // One is singular: "1 story".
  const noun = (n, one, many) => (n === 1 ? one : many);
  assert.deepEqual(f.nouns, [noun(f.reports, 'report', 'reports'), noun(f.pairs, 'related pair', 'related pairs'), noun(f.stories, 'story', 'stories')], f.text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: the footer counts the reports, related pairs and stories of the inspect JSON', { skip: LARGE_JSON_SKIP }, async () => {
  const json = loadLargeCorpus();
  const [, shared] = SITES[1];
  const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
  const f = await footerCounts(page);
  assert.deepEqual([f.reports, f.pairs, f.stories], [json.reports.length, json.pairs.length, json.stories.length], f.text);
  assert.deepEqual(problems, []);
  await context.close();
});
