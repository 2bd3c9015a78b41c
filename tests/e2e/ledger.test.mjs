// The quote ledger on the seeds, checked against `parallax inspect --json`'s `quotes`: every
// entry with its speaker and its printings, Miller's "shared interest" entry in detail (the
// reports printing it, the first, how each printing differs), narrowing by speaker, by words and
// by story (from the story page), and a ledger shard that fails to load.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { displayDate, linkedReport, query, unexpected, waitForParam } from './pages-common.mjs';

const shared = siteForTests();
let corpus, quotes, miller, story;
before(() => {
  corpus = loadCorpus();
  quotes = corpus.quotes;
  miller = quotes.find((q) => q.text === 'We have a shared interest in combating threats to regional security.');
  story = corpus.stories.find((s) => s.reports.some((r) => r.startsWith('001_')));
});
const open = async (q) => {
  const opened = await openApp(shared.browser, shared.site, q, { waitFor: '[data-testid="ledger-page"]' });
  await opened.page.waitForSelector('[data-testid="ledger-count"]');
  return opened;
};
const count = (page) => page.getByTestId('ledger-count').textContent();
const countIs = (page, text) => page.waitForFunction((t) => document.querySelector('[data-testid="ledger-count"]')?.textContent === t, text, { timeout: 5000 });
const counted = (n) => (n === quotes.length ? `${n} quotes` : `${n} of ${quotes.length} quotes`);

/** The entries the page lists: text, speaker, printings (report, paragraph, change, changed words). */
const entries = (page) =>
  page.getByTestId('ledger-entry').evaluateAll((els) =>
    els.map((e) => ({
      text: e.querySelector('blockquote').textContent,
      speaker: e.querySelector('[data-testid="ledger-speaker-name"]')?.textContent ?? null,
      meta: e.querySelector('.entry-meta').textContent,
      first: e.querySelector('[data-testid="ledger-first"]')?.getAttribute('href') ?? null,
      printings: [...e.querySelectorAll('[data-testid="ledger-printing"]')].map((p) => {
        const params = new URL(p.querySelector('[data-testid="ledger-report"]').href).searchParams;
        return {
          report: params.get('report'),
          paragraph: Number(params.get('p')),
          change: p.dataset.change,
          changed: [...p.querySelectorAll('ins.hl-changed')].map((i) => i.textContent),
          lacks: [...p.querySelectorAll('del.hl-changed')].map((d) => d.textContent),
        };
      }),
    })),
  );

/** The text of byte range `start..end` of `text` (the ledger keeps byte ranges). */
const bytes = (text, { start, end }) => Buffer.from(text).subarray(start, end).toString();
/**
 * What the page should say of a printing of entry `q`: its kind, its changed words (ranges of
 * its text) and the words of the first printing it lacks (ranges of the entry's text).
 */
const expectedPrinting = (q, o) => ({
  report: o.report,
  paragraph: o.paragraph,
  change: o.verbatim ? 'verbatim' : (o.change ?? 'substituted'),
  changed: o.verbatim ? [] : o.changed.map((r) => bytes(o.text, r)),
  lacks: o.verbatim ? [] : o.entry_changed.map((r) => bytes(q.text, r).trim()).filter(Boolean),
});

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The entries holding every word of `text` at a word start, in their text, speaker or printings. */
const searched = (text) => {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return quotes.filter((q) => {
    const hay = fold([q.text, q.speaker ?? '', ...q.occurrences.map((o) => o.text)].join(' \n '));
    return words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w}`, 'u').test(hay));
  });
};

test('the ledger lists every entry of the inspect JSON, in order, with its speaker and its printings', async () => {
  const { page, problems, context } = await open('?v=1&view=ledger');
  assert.equal(await count(page), `${quotes.length} quotes`);
  const listed = await entries(page);
  assert.equal(listed.length, Math.min(quotes.length, 100), 'every entry is listed (up to 100)');
  listed.forEach((e, i) => {
    const q = quotes[i];
    assert.equal(e.text, `“${q.text}”`, `entry ${i} is ${q.id}`);
    assert.equal(e.speaker, q.speaker, `${q.id}'s speaker`);
    assert.equal(e.printings.length, q.occurrences.length, `${q.id} has ${q.occurrences.length} printings`);
    const carried = new Set(q.occurrences.map((o) => o.report)).size;
    assert.ok(e.meta.includes(`printed by ${carried} report${carried === 1 ? '' : 's'}`), `${q.id}: ${e.meta}`);
    assert.equal(linkedReport(e.first), q.first_report, `${q.id}'s first printing`);
    assert.deepEqual(e.printings, q.occurrences.map((o) => expectedPrinting(q, o)), `${q.id}'s printings`);
  });
  // The speakers to choose from: each with the number of its entries, most first.
  const options = await page.locator('[data-testid="ledger-speaker"] option').evaluateAll((els) => els.map((o) => [o.value, o.textContent]));
  const tally = new Map();
  for (const q of quotes) if (q.speaker) tally.set(q.speaker, (tally.get(q.speaker) ?? 0) + 1);
  const expected = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s, n]) => [s, `${s} (${n})`]);
  assert.deepEqual(options, [['', 'Everyone'], ...expected]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Miller's “shared interest”: the reports printing it, the first, each printing's change", async () => {
  assert.ok(miller, 'the inspect JSON has the entry');
  assert.equal(miller.speaker, 'Matthew Miller');
  const { page, problems, context } = await open('?v=1&view=ledger');
  const entry = page.getByTestId('ledger-entry').filter({ hasText: miller.text });
  assert.equal(await entry.count(), 1);
  assert.equal(await entry.getByTestId('ledger-speaker-name').textContent(), 'Matthew Miller');
  const [listed] = (await entries(page)).filter((e) => e.text === `“${miller.text}”`);
  assert.deepEqual(listed.printings.map((p) => p.report), miller.occurrences.map((o) => o.report), 'the reports printing it');
  assert.ok(listed.printings.length >= 3, 'printed by 001, 002 and 004');
  assert.ok(listed.meta.includes(`first: `) && listed.meta.includes(`(${displayDate(miller.first_date)})`), listed.meta);
  assert.deepEqual(listed.printings.map((p) => p.change), miller.occurrences.map((o) => expectedPrinting(miller, o).change));
  // 004 prints it with words of its own: substituted, the words marked.
  const altered = listed.printings.find((p) => p.change !== 'verbatim');
  assert.ok(altered, 'one printing differs from the first');
  assert.ok(altered.changed.length > 0, 'its differing words are marked');
  assert.ok(altered.changed.some((w) => w.includes('The United States and Pakistan')), altered.changed.join(' | '));
  // And the first printing's words it lacks are named.
  const lacks = expectedPrinting(miller, miller.occurrences.find((o) => !o.verbatim)).lacks;
  assert.ok(lacks.length > 0, 'the inspect JSON names words 004 lacks');
  assert.deepEqual(altered.lacks, lacks);
  assert.match(await entry.locator('[data-change="substituted"]').textContent(), /Lacks: /);
  // The first printing opens in the reader.
  await entry.getByTestId('ledger-first').click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader').getAttribute('data-report-id'), miller.first_report);
  assert.deepEqual(problems, []);
  await context.close();
});

test('narrowing by speaker and by words changes the count, the entries and the URL', async () => {
  const { page, problems, context } = await open('?v=1&view=ledger');
  const speaker = 'Tahir Andrabi';
  const theirs = quotes.filter((q) => q.speaker === speaker);
  assert.ok(theirs.length > 0 && theirs.length < quotes.length);
  await page.getByTestId('ledger-speaker').selectOption(speaker);
  await waitForParam(page, 'speaker', speaker);
  await countIs(page, counted(theirs.length));
  const listed = await entries(page);
  assert.deepEqual(listed.map((e) => e.text), theirs.map((q) => `“${q.text}”`));
  assert.ok(listed.every((e) => e.speaker === speaker));
  // Everyone again, then words: "shared interest" is Miller's entry alone.
  await page.getByTestId('ledger-speaker').selectOption('');
  await countIs(page, counted(quotes.length));
  assert.equal(query(page).get('speaker'), null);
  const words = 'shared interest';
  const found = searched(words);
  assert.deepEqual(found.map((q) => q.id), [miller.id]);
  await page.getByTestId('ledger-search').pressSequentially(words, { delay: 20 });
  await countIs(page, counted(found.length));
  assert.deepEqual((await entries(page)).map((e) => e.text), found.map((q) => `“${q.text}”`));
  await page.getByTestId('ledger-search').blur();
  await waitForParam(page, 'quote', words);
  // Words match the speaker too.
  await page.getByTestId('ledger-search').fill('andrabi');
  await countIs(page, counted(searched('andrabi').length));
  assert.equal(searched('andrabi').length, theirs.length);
  // Words no entry holds.
  await page.getByTestId('ledger-search').fill('zzqxw');
  await countIs(page, counted(0));
  assert.equal(await page.getByTestId('ledger-entry').count(), 0);
  // A shared link opens the same narrowing.
  const again = await open(`?v=1&view=ledger&speaker=${encodeURIComponent('Matthew Miller')}&quote=regional`);
  const millers = searched('regional').filter((q) => q.speaker === 'Matthew Miller');
  assert.equal(await count(again.page), counted(millers.length));
  assert.equal(await again.page.getByTestId('ledger-speaker').inputValue(), 'Matthew Miller');
  assert.equal(await again.page.getByTestId('ledger-search').inputValue(), 'regional');
  assert.deepEqual(again.problems, []);
  await again.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the story page's link narrows the ledger to the story's quotes", async () => {
  const { page, problems, context } = await openApp(shared.browser, shared.site, `?v=1&story=${story.id}`, { waitFor: '[data-testid="story-page"]' });
  await page.getByTestId('story-ledger').click();
  await page.getByTestId('ledger-page').waitFor();
  assert.equal(query(page).get('view'), 'ledger');
  assert.equal(query(page).get('story'), story.id);
  const inStory = quotes.filter((q) => q.occurrences.some((o) => story.reports.includes(o.report)));
  await countIs(page, counted(inStory.length));
  assert.deepEqual((await entries(page)).map((e) => e.text), inStory.map((q) => `“${q.text}”`));
  const hint = page.getByTestId('ledger-story');
  assert.match(await hint.textContent(), /^Quotes of the story /);
  assert.equal(await hint.getByTestId('ledger-story-link').textContent(), story.label);
  // With a speaker too: both narrow.
  await page.getByTestId('ledger-speaker').selectOption('Matthew Miller');
  await countIs(page, counted(inStory.filter((q) => q.speaker === 'Matthew Miller').length));
  // All stories again.
  await page.getByTestId('ledger-all-stories').click();
  await countIs(page, counted(quotes.filter((q) => q.speaker === 'Matthew Miller').length));
  assert.equal(query(page).get('story'), null);
  assert.equal(await page.getByTestId('ledger-story').count(), 0);
  // Back to the story's quotes, and its link leads to the story page.
  await page.goBack();
  await countIs(page, counted(inStory.filter((q) => q.speaker === 'Matthew Miller').length));
  await page.getByTestId('ledger-story-link').click();
  await page.getByTestId('story-page').waitFor();
  assert.equal(query(page).get('story'), story.id);
  assert.equal(query(page).get('view'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a story id no story has says so, lists every quote, and can be dropped', async () => {
  const { page, problems, context } = await open('?v=1&view=ledger&story=story-no-such-story');
  const hint = page.getByTestId('ledger-story-unknown');
  await hint.waitFor();
  assert.match(await hint.textContent(), /^No story has this id at this threshold/);
  assert.equal(await count(page), `${quotes.length} quotes`);
  assert.equal(await page.getByTestId('ledger-story').count(), 0);
  await hint.getByTestId('ledger-all-stories').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('story'));
  assert.equal(await page.getByTestId('ledger-story-unknown').count(), 0);
  assert.equal(query(page).get('view'), 'ledger');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a ledger that fails to load says so, and trying again lists it', async () => {
  const { page, problems, context } = await openApp(shared.browser, shared.site, '?v=1');
  const fail = (route) => route.abort('failed');
  await page.route('**/data/ledger-*', fail);
  await page.getByTestId('nav-ledger').click();
  const error = page.getByTestId('ledger-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await error.textContent(), /^The quote ledger could not be loaded: /);
  assert.equal(await page.getByTestId('ledger-entry').count(), 0);
  await page.unroute('**/data/ledger-*', fail);
  await page.getByTestId('ledger-retry').click();
  await countIs(page, `${quotes.length} quotes`);
  assert.equal(await page.getByTestId('ledger-error').count(), 0);
  assert.equal(await page.getByTestId('ledger-entry').count(), Math.min(100, quotes.length));
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});
