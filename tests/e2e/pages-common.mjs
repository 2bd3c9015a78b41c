// Helpers shared by the tests of the story, ledger and matrix pages and the exports
// (pages.test.mjs, a11y-pages.test.mjs, story.test.mjs, ledger.test.mjs, matrix.test.mjs,
// threshold.test.mjs, exports.test.mjs). The large site's inspect JSON is optional:
// PARALLAX_LARGE_CORPUS_JSON names it; without it the tests that need it are skipped, saying so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The 300-report synthetic site (as large.test.mjs serves it). */
export const LARGE_DIST = path.resolve(process.env.PARALLAX_LARGE_DIST ?? 'target/e2e-large-dist');

/**
 * `parallax inspect --json` of the large site's corpus, from PARALLAX_LARGE_CORPUS_JSON; null (and
 * `LARGE_JSON_SKIP` says why) when it is not given, so the tests that need it skip.
 */
export const LARGE_CORPUS_JSON = process.env.PARALLAX_LARGE_CORPUS_JSON ? path.resolve(process.env.PARALLAX_LARGE_CORPUS_JSON) : null;
export const LARGE_JSON_SKIP = LARGE_CORPUS_JSON
  ? fs.existsSync(LARGE_CORPUS_JSON) ? false : `PARALLAX_LARGE_CORPUS_JSON=${LARGE_CORPUS_JSON} does not exist`
  : 'PARALLAX_LARGE_CORPUS_JSON is not set (`parallax inspect target/e2e-large-corpus --json > FILE` makes it)';
export const loadLargeCorpus = () => JSON.parse(fs.readFileSync(LARGE_CORPUS_JSON, 'utf8'));

export const query = (page) => new URL(page.url()).searchParams;

/** Waits until the page's URL has parameter `name` equal to `value`. */
export const waitForParam = (page, name, value) =>
  page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value], { timeout: 5000 });

/** Runs axe-core on the page; its violations (rule id and up to five nodes). */
export async function axe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** How far the document overflows the viewport horizontally, in px (0 or less: it does not). */
export const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element has `data-testid=testid`;
 * fails after `max` presses. Returns the number of presses.
 */
export async function tabTo(page, testid, { back = false, max = 150 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await page.evaluate(() => document.activeElement?.dataset?.testid)) === testid) return i;
  }
  assert.fail(`${testid} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** The catalogue the page names: the corpus build every export names. */
export const corpusBuild = (page) => page.locator('meta[name="parallax-catalogue"]').getAttribute('content');

/**
 * Clicks the export button `testid` and reads the file the page offers: { name, text }. The
 * status line must name the file.
 */
export async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.getByTestId(testid).click()]);
  const name = file.suggestedFilename();
  const text = fs.readFileSync(await file.path(), 'utf8');
  const status = page.locator(`[data-testid="${testid}"] ~ [data-testid="export-status"]`);
  await page.waitForFunction((el) => el.textContent.length > 0, await status.elementHandle());
  assert.equal(await status.textContent(), `Downloaded ${name}`, `the status line of ${testid} names its file`);
  return { name, text };
}

/** RFC 4180 CSV, with leading `# ` comment lines: { comments, header, rows: [{column: value}] }. */
export function parseCsv(text) {
  const comments = [];
  let rest = text;
  while (rest.startsWith('# ')) {
    const end = rest.indexOf('\n');
    comments.push(rest.slice(2, end).replace(/\r$/, ''));
    rest = rest.slice(end + 1);
  }
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quoted) {
      if (c === '"' && rest[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && rest[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++;
    } else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  const [header, ...body] = records;
  for (const r of body) assert.equal(r.length, header.length, `a CSV record has ${header.length} fields: ${r.join(',')}`);
  return { comments, header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/**
 * The footer's counts: "6 reports · 3 related pairs · 1 story" → { reports, pairs, stories }
 * (each noun singular for one, plural otherwise).
 */
export async function footerCounts(page) {
  const text = await page.getByTestId('footer-counts').textContent();
  const m = text.match(/^([\d,]+) (reports?) · ([\d,]+) (related pairs?) · ([\d,]+) (stor(?:y|ies))$/);
  assert.ok(m, `the footer reads "N reports · N related pairs · N stories": "${text}"`);
  const n = (s) => Number(s.replaceAll(',', ''));
  return { text, reports: n(m[1]), pairs: n(m[3]), stories: n(m[5]), nouns: [m[2], m[4], m[6]] };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2024-07-08" as the page writes it: "8 Jul 2024". */
export const displayDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** The report id a link (`?…&report=ID`) opens. */
export const linkedReport = (href) => new URL(href, 'http://x').searchParams.get('report');
/** The story id a link (`?…&story=ID`) opens. */
export const linkedStory = (href) => new URL(href, 'http://x').searchParams.get('story');

/**
 * The matrix as the page shows it: { columns: [{ label, story, date }], rows: [{ name, meta,
 * cells: [{ state, reports: [id], first }] }] }.
 */
export const readMatrix = (page) =>
  page.getByTestId('matrix').evaluate((table) => {
    const param = (href, name) => new URL(href, location.href).searchParams.get(name);
    const columns = [...table.querySelectorAll('thead th')].slice(1).map((th) => {
      const link = th.querySelector('[data-testid="matrix-story"]');
      return { label: (link ?? th.querySelector('span')).textContent, story: link ? param(link.getAttribute('href'), 'story') : null, date: th.querySelector('.meta')?.textContent ?? null };
    });
    const rows = [...table.querySelectorAll('[data-testid="matrix-row"]')].map((tr) => {
      const th = tr.querySelector('th');
      return {
        name: [...th.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
        meta: th.querySelector('.meta').textContent,
        cells: [...tr.querySelectorAll('[data-testid="matrix-cell"]')].map((td) => ({
          state: td.dataset.state,
          first: !!td.querySelector('.first-mark'),
          reports: [...td.querySelectorAll('[data-testid="matrix-report"]')].map((a) => param(a.getAttribute('href'), 'report')),
        })),
      };
    });
    return { columns, rows };
  });

/** The matrix's full size: "Showing 12 of 12 rows and 40 of 66 columns…", else what is shown. */
export async function matrixSize(page) {
  const cut = page.getByTestId('matrix-cut');
  if (await cut.count()) {
    const m = (await cut.textContent()).match(/Showing (\d+) of (\d+) rows and (\d+) of (\d+) columns/);
    assert.ok(m, 'the cut matrix says how much it shows');
    return { rows: Number(m[2]), columns: Number(m[4]), shownRows: Number(m[1]), shownColumns: Number(m[3]) };
  }
  const rows = await page.getByTestId('matrix-row').count();
  const columns = (await page.locator('[data-testid="matrix"] thead th').count()) - 1;
  return { rows, columns, shownRows: rows, shownColumns: columns };
}

/** A failed fetch the test caused is logged by the browser as a console error: not a problem. */
export const unexpected = (problems) => problems.filter((p) => !/Failed to load resource|net::ERR_FAILED/.test(p));

/** What the inspect JSON says of report `r` in a reports export. */
export function expectedReport(json, r) {
  const story = json.stories.find((s) => s.reports.includes(r.id));
  const near = json.pairs.filter((p) => p.relation === 'near_duplicate' && (p.a === r.id || p.b === r.id)).map((p) => (p.a === r.id ? p.b : p.a));
  return { story: story?.id ?? null, story_label: story?.label ?? null, near_duplicates: [...new Set(near)].sort(), topics: r.topics.map((t) => t.topic) };
}

/** Fails unless a reports export (JSON) lists `ids` and says of each what the inspect JSON says. */
export function assertReportsJson(doc, json, ids) {
  assert.deepEqual(doc.reports.map((r) => r.id), ids, 'a report per report listed, in the list\'s order');
  const same = ['title', 'outlet', 'outlet_basis', 'published', 'published_basis', 'event_date', 'event_date_basis', 'url', 'file', 'line', 'byline', 'dateline', 'speakers', 'people', 'organisations', 'places'];
  for (const x of doc.reports) {
    const r = json.reports.find((y) => y.id === x.id);
    for (const k of same) assert.deepEqual(x[k], r[k], `${r.id}: ${k}`);
    const e = expectedReport(json, r);
    assert.deepEqual(x.topics, e.topics, `${r.id}: topic ids, strongest first`);
    assert.equal(x.story, e.story, `${r.id}: its story`);
    assert.equal(x.story_label, e.story_label, `${r.id}: its story's label`);
    assert.deepEqual([...x.near_duplicates].sort(), e.near_duplicates, `${r.id}: its near duplicates`);
  }
}

