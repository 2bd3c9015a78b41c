// The coverage matrix on the seeds and on the 300-report site: rows × columns, each cell's state
// and reports checked against `parallax inspect --json` (each story column holds that story's
// reports), the sorts (each order as its key says, the URL following), a cell's report opening
// in the reader.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCorpus, openApp, siteForTests } from './harness.mjs';
import { download, footerCounts, LARGE_DIST, linkedReport, parseCsv, LARGE_JSON_SKIP, loadLargeCorpus, matrixSize, query, readMatrix, waitForParam } from './pages-common.mjs';

const seeds = siteForTests();
const large = siteForTests(LARGE_DIST);
let corpus;
before(() => {
  corpus = loadCorpus();
});
const openMatrix = (shared, q = '') => openApp(shared.browser, shared.site, `?v=1&view=matrix${q}`, { waitFor: '[data-testid="matrix"]' });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "8 Jul 2024" → "2024-07-08". */
const isoDate = (shown) => {
  const [d, m, y] = shown.trim().split(' ');
  return `${y}-${String(MONTHS.indexOf(m) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
};
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** A label's sort key that shortening ("…") cannot reorder: its first 30 folded characters. */
const nameKey = (label) => fold(label.replace(/…$/, '')).slice(0, 30);
const rowName = (r) => r.name.replace(/ \(source file\)$/, '');
const covered = (r) => Number(r.meta.match(/^(\d+) covered/)[1]);
const firsts = (r) => r.cells.filter((c) => c.first).length;
const columnRows = (m, c) => m.rows.filter((r) => r.cells[c].state !== 'absent').length;

/** Fails unless `keys` never go down (`a` before `b` must not be `cmp(a, b) > 0`). */
function assertSorted(items, cmp, what) {
  for (let i = 1; i < items.length; i++) assert.ok(cmp(items[i - 1], items[i]) <= 0, `${what}: ${JSON.stringify(items[i - 1])} before ${JSON.stringify(items[i])}`);
}
const byNumberDesc = (a, b) => b - a;
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Checks the matrix's structure: every row has a cell per column, each cell's state fits its reports. */
function assertShape(m) {
  assert.ok(m.rows.length > 0 && m.columns.length > 0, 'the matrix has rows and columns');
  for (const r of m.rows) {
    assert.equal(r.cells.length, m.columns.length, `${r.name} has a cell per column`);
    for (const c of r.cells) {
      assert.ok(['own reporting', 'copied', 'absent'].includes(c.state), c.state);
      assert.equal(c.state === 'absent', c.reports.length === 0, `${r.name}: a cell is absent exactly when it lists no report`);
    }
  }
  for (let c = 0; c < m.columns.length; c++) assert.ok(columnRows(m, c) > 0, `column ${m.columns[c].label} has a report`);
}

/** Checks each story column against the inspect JSON: its reports are the story's, each in its outlet's (or file's) row. */
function assertStories(m, json, rowOf) {
  const stories = new Map(json.stories.map((s) => [s.id, s]));
  const reports = new Map(json.reports.map((r) => [r.id, r]));
  m.columns.forEach((col, c) => {
    const story = stories.get(col.story);
    assert.ok(story, `column ${col.label} is the story ${col.story} of the inspect JSON`);
    const listed = m.rows.flatMap((r) => r.cells[c].reports);
    assert.deepEqual([...listed].sort(), [...story.reports].sort(), `${story.id}'s column holds its reports`);
    for (const r of m.rows) for (const id of r.cells[c].reports) assert.equal(rowOf(reports.get(id)), rowName(r), `${id} is in its row`);
    // A copied cell's reports are near duplicates of another row's report of the story.
    for (const r of m.rows.filter((r) => r.cells[c].state === 'copied')) {
      for (const id of r.cells[c].reports) {
        const source = json.pairs.some((p) => p.relation === 'near_duplicate' && [p.a, p.b].includes(id) && story.reports.includes(p.a === id ? p.b : p.a) && rowOf(reports.get(p.a === id ? p.b : p.a)) !== rowName(r));
        assert.ok(source, `${id} (copied) is a near duplicate of another row's report`);
      }
    }
  });
}

test('seeds: source files × the story, each cell as the inspect JSON says', async () => {
  const { page, problems, context } = await openMatrix(seeds);
  const intro = await page.locator('[data-testid="matrix-page"] .page-intro').textContent();
  assert.match(intro, /^Source files \(no report names its outlet\) × stories, over 6 reports\./, intro);
  const m = await readMatrix(page);
  assertShape(m);
  assert.equal(m.columns.length, corpus.stories.length, 'a column per story');
  const inStories = new Set(corpus.stories.flatMap((s) => s.reports).map((id) => corpus.reports.find((r) => r.id === id).file));
  assert.deepEqual(m.rows.map(rowName).sort(), [...inStories].sort(), 'a row per source file with a report in a story');
  assert.ok(m.rows.every((r) => r.name.endsWith(' (source file)')));
  assertStories(m, corpus, (r) => r.file);
  // ★: the file whose report was carried first.
  assert.deepEqual(m.rows.filter((r) => r.cells.some((c) => c.first)).map(rowName), ['001_33bc37f87dab64db.txt']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('seeds: source files × event dates, each cell the reports of that file and day', async () => {
  const { page, problems, context } = await openMatrix(seeds, '&by=dates');
  assert.equal(await page.getByTestId('matrix-columns').inputValue(), 'dates');
  const m = await readMatrix(page);
  assertShape(m);
  const dated = corpus.reports.filter((r) => r.event_date);
  assert.deepEqual(m.columns.map((c) => isoDate(c.label)), [...new Set(dated.map((r) => r.event_date))].sort(), 'a column per event date, oldest first');
  assert.deepEqual(m.rows.map(rowName).sort(), [...new Set(dated.map((r) => r.file))].sort());
  for (const r of m.rows) {
    m.columns.forEach((col, c) => {
      const expected = dated.filter((x) => x.file === rowName(r) && x.event_date === isoDate(col.label)).map((x) => x.id);
      assert.deepEqual([...r.cells[c].reports].sort(), expected.sort(), `${r.name} on ${col.label}`);
    });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('seeds: the row sorts change the order and the URL; a cell opens its report', async () => {
  const { page, problems, context } = await openMatrix(seeds, '&by=dates');
  const orders = {};
  for (const key of ['name', 'first', 'coverage']) {
    await page.getByTestId('matrix-rows').selectOption(key);
    if (key === 'coverage') await page.waitForFunction(() => !new URL(location.href).searchParams.has('rows'));
    else await waitForParam(page, 'rows', key);
    const m = await readMatrix(page);
    orders[key] = m.rows.map(rowName);
    if (key === 'name') assertSorted(m.rows.map((r) => fold(rowName(r))), byString, 'rows by name');
    if (key === 'first') assertSorted(m.rows.map(firsts), byNumberDesc, 'rows by carried first');
    if (key === 'coverage') assertSorted(m.rows.map(covered), byNumberDesc, 'rows by coverage');
  }
  assert.notDeepEqual(orders.first, orders.name, 'carried first and name order the files differently');
  // A cell's report link opens the reader.
  const link = page.getByTestId('matrix-report').first();
  const id = linkedReport(await link.getAttribute('href'));
  await link.click();
  await page.getByTestId('reader').waitFor();
  assert.equal(await page.getByTestId('reader').getAttribute('data-report-id'), id);
  assert.equal(query(page).get('report'), id);
  await page.goBack();
  await page.getByTestId('matrix').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: outlets × stories, as many story columns as the footer counts stories', async () => {
  const { page, problems, context } = await openMatrix(large);
  const intro = await page.locator('[data-testid="matrix-page"] .page-intro').textContent();
  assert.match(intro, /^Outlets × stories, over 300 reports\./, intro);
  const m = await readMatrix(page);
  assertShape(m);
  const size = await matrixSize(page);
  assert.equal(size.shownColumns, m.columns.length);
  assert.equal(size.shownRows, m.rows.length);
  assert.equal(size.columns, (await footerCounts(page)).stories, 'a column per story');
  assert.ok(m.rows.every((r) => !r.name.endsWith('(source file)')), 'every report names its outlet');
  assert.ok(m.rows.some((r) => r.cells.some((c) => c.state === 'copied')), 'some outlet copied another');
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: each story column holds that story\'s reports in the inspect JSON', { skip: LARGE_JSON_SKIP }, async () => {
  const json = loadLargeCorpus();
  const { page, problems, context } = await openMatrix(large);
  const m = await readMatrix(page);
  const size = await matrixSize(page);
  assert.equal(size.columns, json.stories.length);
  const outlets = new Set(json.stories.flatMap((s) => s.reports).map((id) => json.reports.find((r) => r.id === id).outlet));
  assert.equal(size.rows, outlets.size, 'a row per outlet with a report in a story');
  assertStories(m, json, (r) => r.outlet);
  assert.deepEqual(problems, []);
  await context.close();
});

test('large: every sort orders as its key says, and the URL follows', async () => {
  const { page, problems, context } = await openMatrix(large);
  const rowOrders = {};
  for (const key of ['name', 'first', 'coverage']) {
    await page.getByTestId('matrix-rows').selectOption(key);
    if (key === 'coverage') await page.waitForFunction(() => !new URL(location.href).searchParams.has('rows'));
    else await waitForParam(page, 'rows', key);
    const m = await readMatrix(page);
    rowOrders[key] = m.rows.map(rowName);
    if (key === 'name') assertSorted(m.rows.map((r) => fold(rowName(r))), byString, 'rows by name');
    if (key === 'first') {
      // Only 40 of the columns are shown: the export has every column's ★ counted, in the page's row order.
      const csv = parseCsv((await download(page, 'export-matrix-csv')).text);
      assert.deepEqual(csv.rows.map((r) => r.outlet), rowOrders.first, 'the export lists the rows in the page\'s order');
      assertSorted(csv.rows.map((r) => [Number(r.first), Number(r.columns_covered)]), (a, b) => b[0] - a[0] || b[1] - a[1], 'rows by carried first, then coverage');
    }
    if (key === 'coverage') assertSorted(m.rows.map(covered), byNumberDesc, 'rows by coverage');
  }
  assert.notDeepEqual(rowOrders.name, rowOrders.coverage, 'name and coverage order the outlets differently');
  const colOrders = {};
  for (const key of ['name', 'coverage', 'first', 'date']) {
    await page.getByTestId('matrix-cols').selectOption(key);
    if (key === 'date') await page.waitForFunction(() => !new URL(location.href).searchParams.has('cols'));
    else await waitForParam(page, 'cols', key);
    const m = await readMatrix(page);
    colOrders[key] = m.columns.map((c) => c.story);
    if (key === 'name') assertSorted(m.columns.map((c) => nameKey(c.label)), byString, 'columns by name');
    if (key === 'coverage') assertSorted(m.columns.map((_, c) => columnRows(m, c)), byNumberDesc, 'columns by coverage');
    if (key === 'date') assertSorted(m.columns.map((c) => (c.date ? isoDate(c.date) : '9999')), byString, 'columns by event date');
  }
  assert.notDeepEqual(colOrders.name, colOrders.date, 'name and date order the stories differently');
  assert.notDeepEqual(colOrders.coverage, colOrders.date, 'coverage and date order the stories differently');
  // Event dates as columns.
  await page.getByTestId('matrix-columns').selectOption('dates');
  await waitForParam(page, 'by', 'dates');
  const m = await readMatrix(page);
  assertShape(m);
  assertSorted(m.columns.map((c) => isoDate(c.label)), byString, 'date columns oldest first');
  assert.deepEqual(problems, []);
  await context.close();
});
