// Pagefind 1.6 on the same corpus, as the anchor for Parallax's search: one HTML page per
// report file, indexed by Pagefind's own binary (npm `pagefind`, .ci/bench-tools), served the
// same way; then the same query typed letter by letter through Pagefind's JS API, loading the
// first five results' fragments after each keystroke as Pagefind's default UI does.
//
// Usage: node tests/e2e/bench-pagefind.mjs CORPUS_DIR WORK_DIR
// Prints one JSON line (index time, site size, bytes and requests while typing, keystroke times).
import { launchBrowser, startSite } from './harness.mjs';
import { countResponses, median, round, TYPED_QUERY } from './bench-common.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [corpus, work] = process.argv.slice(2);
if (!corpus || !work) {
  console.error('usage: node tests/e2e/bench-pagefind.mjs CORPUS_DIR WORK_DIR');
  process.exit(2);
}
const PAGEFIND = path.resolve('.ci/bench-tools/node_modules/.bin/pagefind');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One page per report file: its first line as the title, every other line a paragraph. */
function writePages(site) {
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  let pages = 0;
  for (const name of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort()) {
    const lines = fs.readFileSync(path.join(corpus, name), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const [title = name, ...rest] = lines;
    const body = rest.map((l) => `<p>${escape(l)}</p>`).join('\n');
    fs.writeFileSync(
      path.join(site, name.replace(/\.txt$/, '.html')),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><main data-pagefind-body><h1>${escape(title)}</h1>\n${body}</main></body></html>\n`,
    );
    pages++;
  }
  const blank = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body></body></html>\n`;
  fs.writeFileSync(path.join(site, 'index.html'), blank('Search'));
  fs.writeFileSync(path.join(site, '404.html'), blank('Not found'));
  return pages;
}

function dirSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

const site = path.resolve(work, 'site');
const pages = writePages(site);
const started = process.hrtime.bigint();
execFileSync(PAGEFIND, ['--site', site, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
const indexSeconds = Number(process.hrtime.bigint() - started) / 1e9;

const server = await startSite({ dist: site, base: '/' });
const browser = await launchBrowser();
const runs = [];
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'index.html');
  // Pagefind fetches from a worker too, which resource timing does not see: count every response.
  const wire = await countResponses(context);
  const typed = await page.evaluate(async (query) => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const keystroke = [];
      let results = 0;
      for (let n = 1; n <= query.length; n++) {
        const t0 = performance.now();
        const search = await pagefind.search(query.slice(0, n));
        await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
        keystroke.push(performance.now() - t0);
        results = search.results.length;
      }
      return { keystroke, results };
    }, TYPED_QUERY);
  runs.push({ ...typed, ...(await wire.done()) });
  await context.close();
}
await browser.close();
await server.close();
// The first run is the cold one (nothing cached): its bytes are what a reader pays.
console.log(
  JSON.stringify({
    name: 'pagefind 1.6',
    pages,
    index_s: round(indexSeconds),
    pagefind_dir_kb: round(dirSize(path.join(site, 'pagefind')) / 1024),
    typed_query: TYPED_QUERY,
    typed_kb: round(runs[0].bytes / 1024),
    typed_requests: runs[0].requests,
    typed_keystroke_ms: round(median(runs.flatMap((r) => r.keystroke))),
    typed_keystroke_max_ms: round(Math.max(...runs.flatMap((r) => r.keystroke))),
    results: runs[0].results,
  }),
);
