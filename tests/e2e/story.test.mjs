// A story's page on the seeds: the story of reports 001 and 002 ("Washington says has ‘shared
// interest’…"), checked against `parallax inspect --json`: its reports by source file, who
// carried it first, the near-duplicate pair and its direction, what each report adds, the quotes
// they share; one click compares two of its reports. And every way in: the result list's tag,
// the timeline's line, the reader's story label, the matrix's column header.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { displayDate, linkedReport, query } from './pages-common.mjs';

const shared = siteForTests();
let corpus, story, left, right, pair;
before(() => {
  corpus = loadCorpus();
  left = corpus.reports.find((r) => r.file.startsWith('001') && r.index === 0);
  right = corpus.reports.find((r) => r.file.startsWith('002'));
  story = corpus.stories.find((s) => s.reports.includes(left.id));
  pair = corpus.pairs.find((p) => [p.a, p.b].sort().join() === [left.id, right.id].sort().join());
});
const open = (q, options) => openApp(shared.browser, shared.site, q, options);
const storyQuery = () => `?v=1&story=${encodeURIComponent(story.id)}`;
const report = (id) => corpus.reports.find((r) => r.id === id);

test("the story of 001 and 002: its reports by source file, who carried it first, the date", async () => {
  assert.ok(story, 'the inspect JSON has a story holding 001');
  assert.deepEqual([...story.reports].sort(), [left.id, right.id].sort(), 'the seeds\' story is 001 and 002');
  const { page, problems, context } = await open(storyQuery(), { waitFor: '[data-testid="story-page"]' });
  assert.equal(await page.getByTestId('story-title').textContent(), story.label);
  assert.match(await page.getByTestId('story-title').textContent(), /shared interest/);
  // No outlet is named in the seeds: the page groups by source file and says so.
  const summary = await page.getByTestId('story-summary').textContent();
  assert.match(summary, new RegExp(`^${displayDate(story.date)}: 2 reports from 2 sources\\.`), summary);
  await page.getByTestId('story-by-file').waitFor();
  const cards = await page.getByTestId('story-outlet').evaluateAll((els) =>
    els.map((e) => ({ name: e.querySelector('h4').textContent, reports: [...e.querySelectorAll('[data-testid="story-report"]')].map((a) => a.getAttribute('href')) })),
  );
  assert.deepEqual(
    cards.map((c) => c.name).sort(),
    story.reports.map((id) => `${report(id).file} (source file)`).sort(),
    'one card per source file',
  );
  for (const c of cards) {
    for (const href of c.reports) assert.equal(`${report(linkedReport(href)).file} (source file)`, c.name, `${href} is in its file's card`);
  }
  assert.deepEqual(cards.flatMap((c) => c.reports.map(linkedReport)).sort(), [...story.reports].sort());
  // Carried first: the report with the earliest publication date of its own.
  const dated = story.reports.map(report).filter((r) => r.published && r.published_basis !== 'unknown');
  const earliest = dated.sort((a, b) => a.published.localeCompare(b.published))[0];
  const first = page.getByTestId('first-carrier');
  assert.deepEqual(await first.getByTestId('story-report').evaluateAll((els) => els.map((a) => a.textContent)), [earliest.title]);
  assert.match(await first.textContent(), new RegExp(displayDate(earliest.published)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the near-duplicate pair of 001 and 002 with its evidence and its direction', async () => {
  assert.equal(pair.relation, 'near_duplicate');
  const { page, problems, context } = await open(storyQuery(), { waitFor: '[data-testid="story-page"]' });
  const pairs = page.getByTestId('story-pair');
  assert.equal(await pairs.count(), 1, 'the story has one related pair');
  const item = pairs.first();
  assert.equal(await item.locator('.relation-label').textContent(), 'Near duplicate');
  const linked = await item.getByTestId('story-report').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.deepEqual(linked.map(linkedReport).sort(), [pair.a, pair.b].sort());
  assert.equal(await item.locator('.why').first().textContent(), pair.why);
  const direction = await item.getByTestId('direction').textContent();
  assert.match(direction, /^(.+ copied .+ \((by publication dates|by how much of each text the other holds)\)|Direction undetermined: .+)$/, direction);
  // 002 has no publication date of its own, and each holds about as much of the other.
  assert.equal(right.published, null);
  const pct = (x) => `${Math.round(x * 100)} %`;
  assert.match(direction, /^Direction undetermined: /, direction);
  assert.ok(direction.includes('has no publication date of its own'), direction);
  for (const c of [pair.containment_a_in_b, pair.containment_b_in_a]) assert.ok(direction.includes(pct(c)), `${direction} names ${pct(c)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('what each report adds, and the quotes they share (Miller’s “shared interest” among them)', async () => {
  const { page, problems, context } = await open(storyQuery(), { waitFor: '[data-testid="story-page"]' });
  await page.waitForSelector('[data-testid="story-add"]');
  const adds = await page.getByTestId('story-add').evaluateAll((els) =>
    els.map((e) => ({
      report: new URL(e.querySelector('[data-testid="story-report"]').href).searchParams.get('report'),
      meta: e.querySelector('.meta').textContent,
      own: [...e.querySelectorAll('blockquote')].map((b) => b.textContent),
      more: e.querySelector('.hint')?.textContent ?? null,
    })),
  );
  assert.deepEqual(adds.map((a) => a.report).sort(), [...story.reports].sort(), 'each report of the story says what it adds');
  for (const a of adds) {
    const own = a.meta.match(/^(\d+) of its (\d+) sentences (is|are) its own:$/);
    const nothing = a.meta.match(/^Adds nothing: all (\d+) of its sentences are shared with other reports of the story\.$/);
    assert.ok(own || nothing, `"${a.meta}"`);
    if (nothing) {
      assert.equal(a.own.length, 0);
      continue;
    }
    const [n, total] = [Number(own[1]), Number(own[2])];
    assert.ok(n >= 1 && n <= total, a.meta);
    assert.equal(own[3], n === 1 ? 'is' : 'are', `"${a.meta}": the verb agrees with ${n}`);
    const more = a.more ? Number(a.more.match(/^and (\d+) more\.$/)[1]) : 0;
    assert.equal(a.own.length + more, n, `${a.report}: ${n} own sentences, shown or counted`);
    // Each sentence it adds is in its own text and in no other report of the story.
    const text = (id) => report(id).paragraphs.map((p) => p.text).join(' ');
    for (const s of a.own) {
      assert.ok(text(a.report).includes(s), `${a.report} has "${s}"`);
      for (const other of story.reports.filter((id) => id !== a.report)) assert.ok(!text(other).includes(s), `${other} does not have "${s}"`);
    }
  }
  // The quotes they share: the ledger's entries printed by two or more of the story's reports.
  const expected = corpus.quotes.filter((q) => new Set(q.occurrences.map((o) => o.report).filter((r) => story.reports.includes(r))).size >= 2);
  const quotes = await page.getByTestId('story-quote').evaluateAll((els) =>
    els.map((e) => ({ text: e.querySelector('blockquote').textContent, speaker: e.querySelector('.speaker')?.textContent ?? null, meta: e.querySelector('.meta').textContent })),
  );
  assert.deepEqual(quotes.map((q) => q.text).sort(), expected.map((q) => `“${q.text}”`).sort());
  const miller = quotes.find((q) => q.text === '“We have a shared interest in combating threats to regional security.”');
  assert.ok(miller, 'Miller’s “shared interest” quote is shared');
  assert.equal(miller.speaker, 'Matthew Miller');
  assert.match(miller.meta, /carried by 2 reports: /);
  for (const q of quotes) assert.equal(q.speaker, expected.find((e) => `“${e.text}”` === q.text).speaker);
  assert.deepEqual(problems, []);
  await context.close();
});

test('one click on a story-compare link opens the two reports side by side', async () => {
  const { page, problems, context } = await open(storyQuery(), { waitFor: '[data-testid="story-page"]' });
  // The grid of every two reports: one pair for two reports.
  const grid = page.getByTestId('story-compare-all').getByTestId('story-compare');
  assert.equal(await grid.count(), 1);
  assert.match(await grid.textContent(), / · /);
  const link = page.getByTestId('story-pair').getByTestId('story-compare');
  await link.click();
  await page.getByTestId('compare').waitFor();
  assert.deepEqual([query(page).get('left'), query(page).get('right')].sort(), [left.id, right.id].sort());
  assert.ok((await page.getByTestId('aligned-row').count()) > 5, 'aligned rows are shown');
  // Back returns to the story.
  await page.goBack();
  await page.getByTestId('story-page').waitFor();
  await page.getByTestId('story-back').click();
  await page.getByTestId('results').waitFor();
  assert.equal(query(page).get('story'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the story page is reached from the list, the timeline, the reader and the matrix', async () => {
  const { page, problems, context } = await open('?v=1');
  const arrive = async (how) => {
    await page.getByTestId('story-page').waitFor();
    assert.equal(query(page).get('story'), story.id, `${how}: the URL names the story`);
    assert.equal(await page.getByTestId('story-title').textContent(), story.label, `${how}: the story's page`);
    await page.goBack();
  };
  // The result list: a tag on each of its reports.
  const tags = page.getByTestId('result-story');
  const tagged = await page.locator('[data-testid="result"]:has([data-testid="result-story"])').evaluateAll((els) => els.map((e) => e.dataset.reportId));
  assert.deepEqual(tagged.sort(), [...story.reports].sort(), 'the reports of the story carry its tag');
  assert.match(await tags.first().textContent(), /^Story: Washington says has ‘shared interest’/);
  await tags.first().click();
  await arrive('result tag');
  // The timeline's line under its frame.
  const line = page.getByTestId('timeline-stories');
  assert.match(await line.textContent(), /^Stories: .+ \(2\)$/);
  await line.getByTestId('timeline-story').click();
  await arrive('timeline');
  // The reader's story label.
  await page.locator(`[data-testid="result"][data-report-id="${right.id}"] [data-testid="open-report"]`).click();
  await page.getByTestId('reader').waitFor();
  assert.match(await page.getByTestId('story-label').textContent(), new RegExp(`^Story: ${story.label}`));
  await page.getByTestId('reader-story').click();
  await arrive('reader');
  // A report of the story with no other: no label.
  const alone = corpus.reports.find((r) => !story.reports.includes(r.id));
  await page.goto(`${shared.site.url}?v=1&report=${alone.id}`);
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('story-label').count(), 0, `${alone.id} is in no story`);
  // The matrix's column header.
  await page.getByTestId('nav-matrix').click();
  await page.getByTestId('matrix-story').click();
  await arrive('matrix');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown story id says so and links back', async () => {
  const { page, problems, context } = await open('?v=1&story=story-no-such-thing', { waitFor: '[data-testid="story-page"]' });
  assert.match(await page.locator('[data-testid="story-page"] h2').textContent(), /No such story/);
  await page.getByTestId('story-back').click();
  await page.getByTestId('results').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
