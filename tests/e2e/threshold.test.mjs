// The similarity threshold (a comparison page's range input) regroups pairs and stories live:
// the footer's counts, the matrix's story columns, the timeline's story line, a story page and the
// reader's story label follow it together and agree with one another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { footerCounts, LARGE_DIST, linkedReport, matrixSize, query, waitForParam } from './pages-common.mjs';

const seeds = siteForTests();
const large = siteForTests(LARGE_DIST);

/** The timeline's story line: [{ label, story, n }] and how many more it does not name. */
const timelineStories = (page) =>
  page.getByTestId('timeline-stories').evaluate((p) => {
    const named = [...p.querySelectorAll('[data-testid="timeline-story"]')].map((a) => ({
      label: a.textContent,
      story: new URL(a.href).searchParams.get('story'),
      n: Number(a.nextSibling.textContent.match(/^ \((\d+)\)/)[1]),
    }));
    const more = Number(p.textContent.match(/ · and (\d+) more$/)?.[1] ?? 0);
    return { named, more };
  });

/** Moves the threshold input to `value` and waits for the footer to change from `before`. */
async function moveThreshold(page, value, before) {
  await page.getByTestId('threshold-input').fill(String(value));
  await page.waitForFunction((t) => document.querySelector('[data-testid="footer-counts"]').textContent !== t, before.text, { timeout: 5000 });
  await waitForParam(page, 't', String(value));
  return footerCounts(page);
}

/**
 * From any page at the threshold in force: the matrix has a column per story the footer counts,
 * the timeline names them all (or says how many more), its first story's page holds as many
 * reports as the timeline said, and a report of it shows the story in the reader. Returns the
 * story's title, size and that report.
 */
async function agree(page, footer, t) {
  await page.getByTestId('nav-matrix').click();
  await page.getByTestId('matrix').waitFor();
  assert.equal(query(page).get('t'), t, 'the threshold stays in the URL');
  assert.equal((await matrixSize(page)).columns, footer.stories, `t=${t}: the matrix has a column per story of the footer`);
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('results').waitFor();
  const line = await timelineStories(page);
  assert.equal(line.named.length + line.more, footer.stories, `t=${t}: the timeline's line covers the footer's stories`);
  const first = line.named[0];
  await page.getByTestId('timeline-story').first().click();
  await page.getByTestId('story-page').waitFor();
  const title = await page.getByTestId('story-title').textContent();
  assert.ok(title.startsWith(first.label.replace(/…$/, '')), `t=${t}: the story page is the timeline's "${first.label}"`);
  const summary = await page.getByTestId('story-summary').textContent();
  assert.match(summary, new RegExp(`(^|: )${first.n} reports from `), `t=${t}: ${summary} (the timeline said ${first.n})`);
  const reports = await page.locator('[data-testid="story-outlet"] [data-testid="story-report"]').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.equal(reports.length, first.n);
  const report = linkedReport(reports[0]);
  await page.locator('[data-testid="story-outlet"] [data-testid="story-report"]').first().click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader').getAttribute('data-report-id'), report);
  assert.equal(await page.getByTestId('reader-story').textContent(), title, `t=${t}: the reader's story label names the story`);
  await page.goBack();
  await page.getByTestId('story-page').waitFor();
  return { title, n: first.n, report };
}

/** The size of report `id`'s story at the default threshold, from its reader's story link. */
async function defaultStorySize(shared, id) {
  const { page, problems, context } = await openApp(shared.browser, shared.site, `?v=1&report=${id}`, { waitFor: '[data-testid="reader"]' });
  await page.waitForSelector('[data-testid="reader-relations"]');
  let n = 0;
  if (await page.getByTestId('reader-story').count()) {
    await page.getByTestId('reader-story').click();
    await page.getByTestId('story-page').waitFor();
    n = Number((await page.getByTestId('story-summary').textContent()).match(/(\d+) reports? from/)[1]);
  }
  assert.deepEqual(problems, []);
  await context.close();
  return n;
}

test('large: the minimum and the maximum threshold regroup the footer, matrix, timeline, story page and reader together', async () => {
  const { page, problems, context } = await openApp(large.browser, large.site, '?v=1');
  const initial = await footerCounts(page);
  // A comparison page, from the biggest story's page.
  await page.getByTestId('timeline-story').first().click();
  await page.getByTestId('story-compare').first().click();
  await page.getByTestId('compare').waitFor();
  const input = page.getByTestId('threshold-input');
  assert.equal(await input.getAttribute('type'), 'range');
  const [min, max] = [await input.getAttribute('min'), await input.getAttribute('max')];

  const low = await moveThreshold(page, min, initial);
  assert.notDeepEqual([low.pairs, low.stories], [initial.pairs, initial.stories], 'the minimum regroups pairs and stories');
  assert.ok(low.pairs > initial.pairs, `more pairs are related at ${min} % (${low.pairs} vs ${initial.pairs})`);
  assert.equal(low.reports, initial.reports);
  assert.match(await page.getByTestId('threshold-changes').textContent(), /regrouped/);
  const atLow = await agree(page, low, min);
  // The same report's story at the default threshold is another size: the regrouping reached it.
  assert.notEqual(await defaultStorySize(large, atLow.report), atLow.n, `${atLow.report}'s story has another size at the default threshold`);

  // Back to a comparison (the story page's link keeps the threshold), then the maximum.
  await page.getByTestId('story-compare').first().click();
  await page.getByTestId('compare').waitFor();
  assert.equal(await page.getByTestId('threshold-input').inputValue(), min);
  const high = await moveThreshold(page, max, low);
  assert.notDeepEqual([high.pairs, high.stories], [low.pairs, low.stories]);
  await agree(page, high, max);
  // Back to the default: the footer says what it said first.
  await page.getByTestId('story-compare').first().click();
  await page.getByTestId('compare').waitFor();
  await page.getByRole('button', { name: 'Back to the default' }).click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="footer-counts"]').textContent === t, initial.text);
  assert.equal(query(page).get('t'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('seeds: at the maximum the 001/002 pair is regrouped on its story page, the counts staying those of the inspect JSON', async () => {
  const corpus = loadCorpus();
  const left = corpus.reports.find((r) => r.file.startsWith('001') && r.index === 0);
  const right = corpus.reports.find((r) => r.file.startsWith('002'));
  const story = corpus.stories.find((s) => s.reports.includes(left.id));
  const { page, problems, context } = await openApp(seeds.browser, seeds.site, `?v=1&story=${story.id}`, { waitFor: '[data-testid="story-page"]' });
  const whyAtDefault = await page.locator('[data-testid="story-pair"] .why').first().textContent();
  assert.match(whyAtDefault, /Jaccard 0\.65 ≥ 0\.30/);
  await page.getByTestId('story-pair').getByTestId('story-compare').click();
  await page.getByTestId('compare').waitFor();
  const before = await footerCounts(page);
  const input = page.getByTestId('threshold-input');
  const max = await input.getAttribute('max');
  await input.fill(max);
  await page.waitForFunction(() => /This pair/.test(document.querySelector('[data-testid="threshold-changes"]').textContent));
  await waitForParam(page, 't', max);
  // The seeds' three pairs and one story hold at the maximum: the 80 % cut-down copy is still one.
  const after = await footerCounts(page);
  assert.deepEqual([after.reports, after.pairs, after.stories], [before.reports, before.pairs, before.stories]);
  assert.deepEqual([after.reports, after.pairs, after.stories], [corpus.reports.length, corpus.pairs.length, corpus.stories.length]);
  // The story page (through the timeline's line) gives the pair's new reason.
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('timeline-stories').getByTestId('timeline-story').click();
  await page.getByTestId('story-page').waitFor();
  assert.equal(query(page).get('t'), max);
  const whyAtMax = await page.locator('[data-testid="story-pair"] .why').first().textContent();
  assert.notEqual(whyAtMax, whyAtDefault, 'the pair is classified under the new threshold');
  assert.doesNotMatch(whyAtMax, /≥ 0\.30/);
  // And the reader's label still names the story.
  await page.goto(`${seeds.site.url}?v=1&report=${right.id}&t=${max}`);
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader-story').textContent(), story.label);
  assert.deepEqual(problems, []);
  await context.close();
});
