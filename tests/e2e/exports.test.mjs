// Exports, downloaded as a reader does and checked against `parallax inspect --json`: the
// reports listed (CSV and JSON), a comparison (JSON and Markdown), the quote ledger (CSV) and
// the coverage matrix (CSV). Each file names the corpus build and the view's URL; each is made in
// the page: no request leaves the origin, and none is made to build a file but, for a list whose
// titles are not all here yet, the title shards it writes (the catalogue has no titles).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { assertReportsJson, corpusBuild, download, expectedReport, LARGE_DIST, LARGE_JSON_SKIP, loadLargeCorpus, parseCsv, readMatrix, waitForParam } from './pages-common.mjs';

const seeds = siteForTests();
const large = siteForTests(LARGE_DIST);
let corpus;
before(() => {
  corpus = loadCorpus();
});

/**
 * Opens `q`, waits until the page has fetched what it shows, and records every request it makes
 * from then on (the exports' clicks).
 */
async function open(shared, q, waitFor) {
  const opened = await openApp(shared.browser, shared.site, q, waitFor ? { waitFor } : {});
  await opened.page.waitForLoadState('networkidle');
  opened.requests = [];
  opened.page.on('request', (r) => opened.requests.push(r.url()));
  return opened;
}
/** Nothing but blob: URLs (and what `allowed` matches) was requested while the files were made. */
const assertMadeInPage = (requests, allowed = null) =>
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !allowed?.test(u)), [], 'no request is made to build an export');
const TITLE_SHARD = /\/data\/titles-[0-9a-f]{16}\.postcard$/;

const shownIds = (page) => page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
const fileName = (what, build, ext) => `parallax-${what}-${build.replace(/^catalogue-/, '').replace(/\.postcard$/, '')}.${ext}`;
/** A CSV cell as the export writes it: a leading = + - @ tab or CR is defused with a '. */
const defuse = (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * Fails unless `url` opens the view the page shows: its address with the same parameters (the
 * version `v=1` aside: the default view's canonical URL has none).
 */
function assertViewUrl(url, page) {
  const canonical = (u) => {
    const x = new URL(u);
    x.searchParams.delete('v');
    x.searchParams.sort();
    return x.href;
  };
  assert.equal(canonical(url), canonical(page.url()), `the export's view URL ${url} is the page's ${page.url()}`);
}

/** Checks the source lines of a CSV or Markdown export. */
async function assertSourceLines(lines, page, what) {
  assert.equal(lines[0], `Parallax export: ${what}`);
  assert.equal(lines[1], `Corpus build: ${await corpusBuild(page)}`);
  assert.match(lines[2], /^View: /);
  assertViewUrl(lines[2].slice('View: '.length), page);
}

function assertReportsCsv(csv, json, ids) {
  assert.deepEqual(csv.rows.map((r) => r.id), ids, 'a row per report listed, in the list\'s order');
  const label = (basis) => basis.replaceAll('_', ' ');
  for (const row of csv.rows) {
    const r = json.reports.find((x) => x.id === row.id);
    const e = expectedReport(json, r);
    const expected = {
      id: r.id, title: r.title, outlet: r.outlet ?? '', outlet_basis: label(r.outlet_basis), published: r.published ?? '', event_date: r.event_date ?? '',
      event_date_basis: label(r.event_date_basis), url: r.url ?? '', file: r.file, line: String(r.line), byline: r.byline ?? '', dateline: r.dateline ?? '',
      topics: e.topics.join('; '), people: r.people.join('; '), places: r.places.join('; '), story: e.story ?? '', story_label: e.story_label ?? '', near_duplicates: e.near_duplicates.join('; '),
    };
    for (const k of Object.keys(expected)) expected[k] = defuse(expected[k]);
    assert.deepEqual(row, expected, `${r.id}'s row`);
  }
}

test('seeds: the reports listed, as CSV and JSON, equal the inspect JSON; a filter narrows them', async () => {
  for (const q of ['?v=1', '?v=1&topic=terrorism-security', '?v=1&q=miller']) {
    const { page, problems, requests, context } = await open(seeds, q);
    await page.waitForFunction(() => !document.querySelector('[data-testid="search-loading"]'));
    const ids = await shownIds(page);
    const count = await page.getByTestId('result-count').textContent();
    if (q !== '?v=1') assert.ok(ids.length < corpus.reports.length, `${q} narrows the list`);
    const build = await corpusBuild(page);
    const csvFile = await download(page, 'export-reports-csv');
    assert.equal(csvFile.name, fileName('reports', build, 'csv'));
    const csv = parseCsv(csvFile.text);
    await assertSourceLines(csv.comments, page, `reports (${count})`);
    assertReportsCsv(csv, corpus, ids);
    const jsonFile = await download(page, 'export-reports-json');
    assert.equal(jsonFile.name, fileName('reports', build, 'json'));
    const doc = JSON.parse(jsonFile.text);
    assert.equal(doc.source.corpus_build, build);
    assertViewUrl(doc.source.view_url, page);
    assert.equal(doc.description, count);
    assertReportsJson(doc, corpus, ids);
    assertMadeInPage(requests);
    assert.deepEqual(problems, [], q);
    await context.close();
  }
});

test('large: the reports export holds every report the list holds, not only the page shown', async () => {
  const { page, problems, requests, context } = await open(large, '?v=1&page=2');
  const shown = await shownIds(page);
  const csv = parseCsv((await download(page, 'export-reports-csv')).text);
  const doc = JSON.parse((await download(page, 'export-reports-json')).text);
  const total = Number((await page.getByTestId('result-count').textContent()).match(/^[\d,]+/)[0].replaceAll(',', ''));
  assert.equal(csv.rows.length, total, 'a row per report of the list');
  assert.deepEqual(csv.rows.slice(25, 50).map((r) => r.id), shown, 'page 2 is rows 26 to 50');
  assert.deepEqual(doc.reports.map((r) => r.id), csv.rows.map((r) => r.id));
  assert.equal(new Set(csv.rows.map((r) => r.id)).size, total, 'each report once');
  // The list's titles beyond the page shown were fetched to write them, each shard once.
  assert.ok(requests.some((u) => TITLE_SHARD.test(u)), 'the titles of the whole list are fetched');
  assert.equal(new Set(requests).size, requests.length, 'each title shard once');
  assertMadeInPage(requests, TITLE_SHARD);
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: every report of the export equals the inspect JSON', { skip: LARGE_JSON_SKIP }, async () => {
  const json = loadLargeCorpus();
  const { page, problems, context } = await open(large, '?v=1');
  const csv = parseCsv((await download(page, 'export-reports-csv')).text);
  assert.deepEqual([...csv.rows.map((r) => r.id)].sort(), json.reports.map((r) => r.id).sort());
  assertReportsCsv(csv, json, csv.rows.map((r) => r.id));
  assertReportsJson(JSON.parse((await download(page, 'export-reports-json')).text), json, csv.rows.map((r) => r.id));
  assert.deepEqual(problems, []);
  await context.close();
});

const SHAPES = { '1:1': 'one_to_one', '2:1': 'two_to_one', '1:2': 'one_to_two' };
/** Markdown text as the export escapes it. */
const md = (s) => s.replace(/[\\`*_[\]<>|#~!{}]/g, (c) => `\\${c}`);

test('seeds: a comparison as JSON and Markdown: the pair of the inspect JSON and a row per aligned row', async () => {
  const left = corpus.reports.find((r) => r.file.startsWith('002'));
  const right = corpus.reports.find((r) => r.file.startsWith('001') && r.index === 0);
  const pair = corpus.pairs.find((p) => [p.a, p.b].sort().join() === [left.id, right.id].sort().join());
  const { page, problems, requests, context } = await open(seeds, `?v=1&left=${left.id}&right=${right.id}`, '[data-testid="aligned-row"]');
  const rows = await page.getByTestId('aligned-row').evaluateAll((els) => els.map((e) => ({ kind: e.dataset.kind, shape: e.dataset.shape })));
  const build = await corpusBuild(page);

  const jsonFile = await download(page, 'export-comparison-json');
  assert.equal(jsonFile.name, fileName('comparison', build, 'json'));
  const doc = JSON.parse(jsonFile.text);
  assert.equal(doc.source.corpus_build, build);
  assertViewUrl(doc.source.view_url, page);
  assert.equal(doc.left.id, left.id);
  assert.equal(doc.right.id, right.id);
  const round = (x) => Math.round(x * 10_000) / 10_000;
  assert.deepEqual(doc.pair, {
    a: pair.a, b: pair.b, relation: pair.relation, why: pair.why,
    jaccard: round(pair.jaccard), containment_a_in_b: round(pair.containment_a_in_b), containment_b_in_a: round(pair.containment_b_in_a),
    longest_run: pair.longest_run, shared_quotes: pair.shared_quotes, stock_quotes: pair.stock_quotes,
    shared_people: pair.shared_people, shared_places: pair.shared_places, date_distance_days: pair.date_distance_days,
  });
  assert.deepEqual(doc.rows.map((r) => ({ kind: r.kind, shape: r.shape })), rows.map((r) => ({ kind: r.kind.replace('-', '_'), shape: SHAPES[r.shape] })), 'a row per aligned row, of its kind and shape');
  assert.equal(doc.matched, doc.rows.filter((r) => r.left !== null && r.right !== null).length);
  assert.equal(doc.verbatim + doc.reworded, doc.matched);

  const mdFile = await download(page, 'export-comparison-md');
  assert.equal(mdFile.name, fileName('comparison', build, 'md'));
  const lines = mdFile.text.split('\n');
  assert.equal(lines[0], `# ${md(left.title)} / ${md(right.title)}`, 'the two titles');
  await assertSourceLines(lines.slice(2, 5).map((l) => l.replace(/^- /, '')), page, 'comparison');
  assert.ok(lines.includes(`- Corpus build: ${build}`));
  assert.ok(lines.includes(`- Relation: ${pair.relation.replaceAll('_', ' ')} (${md(pair.why)})`));
  // Left is the pair's b here: its containment in the right is b in a.
  const f2 = (x) => x.toFixed(2);
  assert.ok(lines.includes(`- Jaccard ${f2(pair.jaccard)}; left in right ${f2(pair.containment_b_in_a)}; right in left ${f2(pair.containment_a_in_b)}; longest shared run ${pair.longest_run} words`), 'the figures, each side\'s containment');
  const head = lines.indexOf('| Left | Right | Row |');
  assert.ok(head > 0 && lines[head + 1] === '|---|---|---|', 'the aligned rows\' table');
  const tableRows = lines.slice(head + 2).filter((l) => l.startsWith('| '));
  assert.equal(tableRows.length, rows.length, 'a table row per aligned row');
  assertMadeInPage(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Checks a ledger CSV against the entries it should hold: one row per printing. */
function assertLedgerCsv(csv, entries) {
  const expected = entries.flatMap((q) =>
    q.occurrences.map((o) => ({
      quote_id: q.id, speaker: q.speaker ?? '', quote: defuse(q.text), first_report: q.first_report ?? '', first_date: q.first_date ?? '',
      reports_carrying: String(new Set(q.occurrences.map((x) => x.report)).size), report: o.report, paragraph: String(o.paragraph),
      printing: o.verbatim ? 'verbatim' : (o.change ?? 'altered'), printed_text: defuse(o.text),
    })),
  );
  assert.equal(csv.rows.length, expected.length, 'a row per printing');
  csv.rows.forEach((row, i) => {
    const { changed_words: changed, lacks_words: lacks, ...rest } = row;
    assert.deepEqual(rest, expected[i], `row ${i + 1}`);
    const [q, o] = entries.flatMap((q) => q.occurrences.map((o) => [q, o]))[i];
    const words = (text, ranges) => defuse(ranges.map(({ start, end }) => Buffer.from(text).subarray(start, end).toString().trim()).join(' | '));
    assert.equal(changed, words(o.text, o.changed), `row ${i + 1}: the changed words`);
    assert.equal(lacks, words(q.text, o.entry_changed), `row ${i + 1}: the first printing's words it lacks`);
  });
}

test('seeds: the ledger CSV has a row per printing of the entries listed', async () => {
  const { page, problems, requests, context } = await open(seeds, '?v=1&view=ledger', '[data-testid="ledger-entry"]');
  const build = await corpusBuild(page);
  const file = await download(page, 'export-ledger-csv');
  assert.equal(file.name, fileName('ledger', build, 'csv'));
  const csv = parseCsv(file.text);
  await assertSourceLines(csv.comments, page, 'quote ledger');
  assertLedgerCsv(csv, corpus.quotes);
  assert.ok(csv.rows.some((r) => r.printing === 'substituted' && r.changed_words.includes('The United States and Pakistan') && r.lacks_words !== ''), "004's printing of Miller's quote");
  // Narrowed: only what the page lists.
  await page.getByTestId('ledger-speaker').selectOption('Tahir Andrabi');
  await waitForParam(page, 'speaker', 'Tahir Andrabi');
  const narrowed = parseCsv((await download(page, 'export-ledger-csv')).text);
  await assertSourceLines(narrowed.comments, page, 'quote ledger');
  assertLedgerCsv(narrowed, corpus.quotes.filter((q) => q.speaker === 'Tahir Andrabi'));
  assertMadeInPage(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: the ledger CSV holds every entry the count says, beyond the 100 shown', async () => {
  const { page, problems, context } = await open(large, '?v=1&view=ledger', '[data-testid="ledger-entry"]');
  const total = Number((await page.getByTestId('ledger-count').textContent()).match(/^([\d,]+) quotes$/)[1].replaceAll(',', ''));
  assert.ok(total > 100, `${total} quotes, more than are shown`);
  assert.equal(await page.getByTestId('ledger-entry').count(), 100);
  const csv = parseCsv((await download(page, 'export-ledger-csv')).text);
  assert.equal(new Set(csv.rows.map((r) => r.quote_id)).size, total);
  if (!LARGE_JSON_SKIP) assertLedgerCsv(csv, loadLargeCorpus().quotes);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Checks a matrix CSV against the matrix the page shows (its first rows and columns). */
function assertMatrixCsv(csv, shown) {
  assert.deepEqual(csv.header.slice(0, 6), ['outlet', 'source_file', 'columns_covered', 'own', 'copied', 'first']);
  shown.rows.forEach((row, r) => {
    const line = csv.rows[r];
    assert.equal(line.outlet, row.name.replace(/ \(source file\)$/, ''), `row ${r + 1} is ${row.name}`);
    assert.equal(line.source_file, String(row.name.endsWith(' (source file)')));
    row.cells.forEach((cell, c) => {
      const text = line[csv.header[6 + c]];
      const expected = cell.state === 'absent' ? 'absent' : `${cell.state}${cell.first ? ', first' : ''}: ${cell.reports.join('; ')}`;
      assert.equal(text, expected, `${row.name} × ${shown.columns[c].label}`);
    });
  });
}

test('seeds: the matrix CSV has a row per matrix row and a column per story (or date)', async () => {
  const { page, problems, requests, context } = await open(seeds, '?v=1&view=matrix', '[data-testid="matrix"]');
  const build = await corpusBuild(page);
  const file = await download(page, 'export-matrix-csv');
  assert.equal(file.name, fileName('matrix', build, 'csv'));
  const csv = parseCsv(file.text);
  await assertSourceLines(csv.comments, page, 'coverage matrix (no report names its outlet: rows are source files)');
  const shown = await readMatrix(page);
  assert.equal(csv.rows.length, shown.rows.length, 'a row per matrix row');
  assert.equal(csv.header.length - 6, corpus.stories.length, 'a column per story');
  corpus.stories.forEach((s, i) => assert.ok(csv.header[6 + i].endsWith(`[${s.id}]`), `${csv.header[6 + i]} names ${s.id}`));
  assertMatrixCsv(csv, shown);
  // Dates as columns, sorted by name: the export follows the page.
  await page.getByTestId('matrix-columns').selectOption('dates');
  await waitForParam(page, 'by', 'dates');
  await page.getByTestId('matrix-rows').selectOption('name');
  await waitForParam(page, 'rows', 'name');
  const byDates = parseCsv((await download(page, 'export-matrix-csv')).text);
  await assertSourceLines(byDates.comments, page, 'coverage matrix (no report names its outlet: rows are source files)');
  assert.deepEqual(byDates.header.slice(6), [...new Set(corpus.reports.map((r) => r.event_date).filter(Boolean))].sort());
  assertMatrixCsv(byDates, await readMatrix(page));
  assertMadeInPage(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: the matrix CSV holds every story column, beyond the 40 shown', async () => {
  const { page, problems, context } = await open(large, '?v=1&view=matrix', '[data-testid="matrix"]');
  const csv = parseCsv((await download(page, 'export-matrix-csv')).text);
  await assertSourceLines(csv.comments, page, 'coverage matrix');
  const shown = await readMatrix(page);
  const stories = Number((await page.getByTestId('footer-counts').textContent()).match(/([\d,]+) stor/)[1]);
  assert.ok(stories > shown.columns.length, 'the page shows only some columns');
  assert.equal(csv.header.length - 6, stories, 'a column per story the footer counts');
  assert.equal(csv.rows.length, shown.rows.length);
  assertMatrixCsv(csv, shown);
  if (!LARGE_JSON_SKIP) {
    const ids = csv.header.slice(6).map((h) => h.match(/\[([^\]]+)\]$/)[1]);
    assert.deepEqual([...ids].sort(), loadLargeCorpus().stories.map((s) => s.id).sort());
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('seeds: the prerendered list holds the export buttons disabled; the app enables them', async () => {
  const context = await seeds.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(seeds.site.url);
  await page.waitForSelector('#prerendered');
  const buttons = page.locator('#prerendered [data-testid^="export-reports-"]');
  assert.deepEqual(await buttons.evaluateAll((els) => els.map((b) => [b.dataset.testid, b.disabled])), [
    ['export-reports-csv', true],
    ['export-reports-json', true],
  ]);
  await context.close();
  const { page: app, problems, context: live } = await openApp(seeds.browser, seeds.site);
  assert.deepEqual(await app.locator('[data-testid^="export-reports-"]').evaluateAll((els) => els.map((b) => b.disabled)), [false, false]);
  assert.deepEqual(problems, []);
  await live.close();
});
