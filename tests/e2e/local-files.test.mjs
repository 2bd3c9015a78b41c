// A reader's own files, opened in the published page: read and analysed in the browser by the
// worker, shown with every view, and nothing uploaded. Checked against `parallax inspect --json`
// on the same folder (the seeds, synthetic reports and their metadata.toml: target/e2e-local-files).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, siteForTests } from './harness.mjs';
import { assertReportsJson, axe, download, footerCounts, horizontalOverflow } from './pages-common.mjs';

const FILES_DIR = path.resolve(process.env.PARALLAX_LOCAL_FILES ?? 'target/e2e-local-files');
const FILES_JSON = path.resolve(process.env.PARALLAX_LOCAL_FILES_JSON ?? 'target/e2e-local-corpus.json');
const LARGE_FILES_DIR = path.resolve(process.env.PARALLAX_LARGE_CORPUS ?? 'target/e2e-large-corpus');
const LARGE_FILES_JSON = path.resolve(process.env.PARALLAX_LARGE_CORPUS_JSON ?? 'target/e2e-large-corpus.json');
const seeds = siteForTests();

/** A file as Playwright hands it to a file input. */
const given = (dir, name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(dir, name)) });
/** A .txt file holding binary data: the analysis leaves it out, and says why. */
const BAD = { name: 'broken-scrape.txt', mimeType: 'text/plain', buffer: Buffer.from('A title\n\nSome text\0\u0001\u0002 then binary.\n') };
const WORKER = /\/parallax-worker(_loader\.js|\.js|_bg\.wasm)$/;

/** Records every line the progress shows, as it changes (the run is over in a moment). */
const recordProgress = (page) =>
  page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="local-progress"] label')?.textContent;
      if (text && window.progressSeen.at(-1) !== text) window.progressSeen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

test('opened files are analysed in the page: the progress ends, the bad file is listed, the same reports and pairs as parallax inspect, and no request but the worker’s code', async () => {
  const expected = JSON.parse(fs.readFileSync(FILES_JSON, 'utf8'));
  const names = fs.readdirSync(FILES_DIR).sort();
  const files = [...names.map((n) => given(FILES_DIR, n)), BAD];
  const reportFiles = files.filter((f) => f.name.endsWith('.txt')).length;
  const { page, problems, context } = await openApp(seeds.browser, seeds.site);
  await page.waitForLoadState('networkidle');
  const published = await footerCounts(page);
  const loadedBefore = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(loadedBefore.filter((u) => WORKER.test(new URL(u).pathname)), [], 'the worker is not loaded before files are opened');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  context.on('request', (r) => requests.push(r.url()));
  await recordProgress(page);
  await page.getByTestId('open-files-input').setInputFiles(files);
  const banner = page.getByTestId('local-banner');
  await banner.waitFor({ timeout: 60_000 });

  // Nothing was sent anywhere: the only requests load the worker's code, from the site.
  const others = [...new Set(requests)].filter((u) => !(u.startsWith(seeds.site.origin + '/') && WORKER.test(new URL(u).pathname)));
  assert.deepEqual(others, [], 'no request but the worker’s own code');
  assert.ok(requests.some((u) => u.endsWith('parallax-worker_bg.wasm')), 'the worker’s code was loaded');

  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.includes(`Reading the files: ${files.length} of ${files.length}`), `reading reached the end: ${seen}`);
  assert.ok(seen.includes(`Parsing the files: ${reportFiles} of ${reportFiles}`), `parsing reached the end: ${seen}`);
  assert.ok(seen.some((s) => s.startsWith('Comparing the reports')), `the comparison was shown: ${seen}`);

  const text = await banner.textContent();
  assert.match(text, /Your files: nothing was uploaded\./);
  assert.ok(text.includes(`${expected.reports.length} reports from ${reportFiles - 1} of ${reportFiles} files`), text);
  await page.getByTestId('local-problems').locator('summary').click();
  const listed = await page.getByTestId('local-problems').locator('li').allTextContents();
  assert.ok(listed.some((l) => l.startsWith('error: broken-scrape.txt') && l.includes('binary data')), `the bad file is listed with its error: ${listed}`);
  assert.equal(new URL(page.url()).searchParams.get('corpus'), 'local', 'the URL says the view is of local files');

  // The same reports, stories and pairs as `parallax inspect --json` on the folder.
  const counts = await footerCounts(page);
  assert.deepEqual([counts.reports, counts.pairs, counts.stories], [expected.reports.length, expected.pairs.length, expected.stories.length]);
  const ids = await page.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.dataset.reportId));
  const known = new Set(expected.reports.map((r) => r.id));
  assert.ok(ids.length > 0 && ids.every((id) => known.has(id)), `the list shows the files' reports: ${ids}`);
  // Nothing is filtered: the export holds every report, each as inspect says it.
  const doc = JSON.parse((await download(page, 'export-reports-json')).text);
  assert.deepEqual(doc.reports.map((r) => r.id).sort(), [...known].sort(), 'the export holds every report');
  assertReportsJson(doc, expected, doc.reports.map((r) => r.id));

  // The other views work on the local corpus: search, the reader, the ledger.
  const first = expected.reports[0];
  const word = first.title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w));
  await page.getByTestId('search-input').fill(word.toLowerCase());
  await page.waitForFunction(() => !document.querySelector('[data-testid="search-loading"]'));
  assert.ok(await page.locator(`[data-testid="result"][data-report-id="${first.id}"]`).count(), `searching "${word}" finds ${first.id}`);
  await page.goto(page.url().replace(/\?.*$/, '') + `?v=1&corpus=local&report=${first.id}`);
  // A reload loses the files (nothing was kept): the page says so instead of failing.
  await page.getByTestId('local-missing').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('corpus'), null);
  assert.equal((await footerCounts(page)).text, published.text, 'the published corpus is shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('many files are compared in shares by helper workers, with the same reports and pairs as parallax inspect', async () => {
  const expected = JSON.parse(fs.readFileSync(LARGE_FILES_JSON, 'utf8'));
  // The reports and their metadata.toml, as `parallax inspect` read the folder; the folder has
  // no lexicon, which an empty topics.toml says (else the page uses the published one).
  const files = fs.readdirSync(LARGE_FILES_DIR).filter((n) => n.endsWith('.txt') || n.endsWith('.toml')).map((n) => given(LARGE_FILES_DIR, n));
  files.push({ name: 'topics.toml', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  const { page, problems, context } = await openApp(seeds.browser, seeds.site);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await recordProgress(page);
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('local-banner').waitFor({ timeout: 120_000 });
  // The worker, and a helper per core (at most four) when the browser has two or more.
  assert.equal(workers.length, cores >= 2 ? 1 + Math.min(cores, 4) : 1, `workers: ${workers.map((w) => w.url())}`);
  const others = [...new Set(requests)].filter((u) => !(u.startsWith(seeds.site.origin + '/') && WORKER.test(new URL(u).pathname)));
  assert.deepEqual(others, [], 'the helpers load the worker’s own code and nothing else');
  const seen = await page.evaluate(() => window.progressSeen);
  const heads = seen.filter((s) => s.startsWith('Comparing the reports: ')).map((s) => s.match(/(\d[\d,]*) of (\d[\d,]*)/).slice(1).map((n) => Number(n.replace(/,/g, ''))));
  assert.ok(heads.length > 0 && heads.at(-1)[0] === heads.at(-1)[1], `the helpers' progress adds up to every report compared: ${seen}`);
  const reportFiles = files.filter((f) => f.name.endsWith('.txt')).length;
  assert.ok(seen.includes(`Parsing the files: ${reportFiles} of ${reportFiles}`), `parsing reaches every file: ${seen}`);
  const counts = await footerCounts(page);
  assert.deepEqual([counts.reports, counts.pairs, counts.stories], [expected.reports.length, expected.pairs.length, expected.stories.length]);
  const doc = JSON.parse((await download(page, 'export-reports-json')).text);
  assertReportsJson(doc, expected, doc.reports.map((r) => r.id));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reader moves between their files and the published corpus by link, back and forward', async () => {
  const { page, problems, context } = await openApp(seeds.browser, seeds.site);
  const published = (await footerCounts(page)).text;
  const files = fs.readdirSync(FILES_DIR).filter((n) => n.endsWith('.txt')).slice(0, 8).map((n) => given(FILES_DIR, n));
  await page.getByTestId('open-files-input').setInputFiles(files);
  await page.getByTestId('local-banner').waitFor({ timeout: 60_000 });
  const local = (await footerCounts(page)).text;
  assert.notEqual(local, published);
  await page.getByTestId('open-report').first().click();
  await page.getByTestId('reader-title').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('corpus'), 'local', 'links inside the local corpus stay local');
  await page.getByTestId('home').click();
  await page.getByTestId('back-to-published').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="local-banner"]'));
  assert.equal((await footerCounts(page)).text, published, 'back to the published corpus');
  assert.equal(new URL(page.url()).searchParams.get('corpus'), null);
  await page.goBack();
  await page.getByTestId('local-banner').waitFor();
  assert.equal((await footerCounts(page)).text, local, 'Back shows the files again, without a new analysis');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a run can be cancelled: the worker stops and the published corpus stays', async () => {
  const { page, problems, context } = await openApp(seeds.browser, seeds.site);
  const published = (await footerCounts(page)).text;
  const files = fs.readdirSync(LARGE_FILES_DIR).filter((n) => n.endsWith('.txt')).map((n) => given(LARGE_FILES_DIR, n));
  const workers = [];
  page.on('worker', (w) => workers.push({ url: w.url(), closed: new Promise((done) => w.on('close', done)) }));
  await page.getByTestId('open-files-input').setInputFiles(files);
  // Cancelled once the helpers have started (one per core, at most four).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  while (workers.length < (cores >= 2 ? 1 + Math.min(cores, 4) : 1)) await new Promise((r) => setTimeout(r, 10));
  await page.getByTestId('local-cancel').click();
  await page.getByTestId('local-cancelled').waitFor();
  // The worker and its helpers all end.
  await Promise.all(workers.map((w) => w.closed));
  await page.waitForTimeout(3000);
  assert.equal(await page.getByTestId('local-banner').count(), 0, 'nothing is shown after the cancel');
  assert.equal((await footerCounts(page)).text, published);
  assert.equal(new URL(page.url()).searchParams.get('corpus'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('files that are all unusable say why, file by file, and change nothing', async () => {
  const { page, problems, context } = await openApp(seeds.browser, seeds.site);
  const published = (await footerCounts(page)).text;
  await page.getByTestId('open-files-input').setInputFiles([BAD, { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  const failed = page.getByTestId('local-failed');
  await failed.waitFor({ timeout: 30_000 });
  const listed = await failed.locator('li').allTextContents();
  assert.equal(listed.length, 2, `one line per file: ${listed}`);
  assert.ok(listed[0].startsWith('error: broken-scrape.txt') && listed[0].includes('binary data (a NUL byte): not a text file'), listed[0]);
  assert.equal(listed[1], 'error: empty.txt: the file is empty');
  assert.equal((await footerCounts(page)).text, published);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the panel, its progress and the banner pass axe in light and dark, and fit a 360 px screen', async () => {
  const files = fs.readdirSync(FILES_DIR).filter((n) => n.endsWith('.txt')).slice(0, 4).map((n) => given(FILES_DIR, n));
  for (const colorScheme of ['light', 'dark']) {
    // bypassCSP only lets the test inject axe; the page's own policy is tested above.
    const { page, problems, context } = await openApp(seeds.browser, seeds.site, '', { contextOptions: { colorScheme, bypassCSP: true, viewport: { width: 360, height: 740 } } });
    await page.getByTestId('open-files').locator('summary').click();
    assert.deepEqual(await axe(page), [], `the open panel (${colorScheme})`);
    await page.getByTestId('open-files-input').setInputFiles([...files, BAD]);
    await page.getByTestId('local-banner').waitFor({ timeout: 60_000 });
    await page.getByTestId('local-problems').locator('summary').click();
    assert.deepEqual(await axe(page), [], `the banner (${colorScheme})`);
    assert.ok((await horizontalOverflow(page)) <= 0, 'nothing overflows at 360 px');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
