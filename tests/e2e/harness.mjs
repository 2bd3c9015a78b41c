// Shared harness for the browser tests: serves the built site the way GitHub Pages does (under a
// subpath, gzipped, 404.html for unknown paths), drives Chromium (CHROME_PATH, else Debian's) through
// playwright-core, and records everything a page must never do: throw, log an error, or request
// another origin.
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

export const BASE = process.env.PARALLAX_BASE ?? '/parallax/';
export const DIST = path.resolve(process.env.PARALLAX_DIST ?? 'target/e2e-dist');
/** What the core made of the corpus (`parallax inspect --json`), written by `make e2e`. */
export const CORPUS_JSON = path.resolve(process.env.PARALLAX_CORPUS_JSON ?? 'target/e2e-corpus.json');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Types GitHub Pages sends gzipped (when the browser accepts it), so sizes and timings are honest. */
// (Pagefind's .pf_* and .pagefind files are gzipped already.)
const COMPRESSED = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.postcard']);

/**
 * Starts a static server on loopback for `dist` under `base`, gzipping text and wasm as GitHub
 * Pages does; resolves to { url, origin, close }.
 */
export function startSite({ dist = DIST, base = BASE } = {}) {
  // Long links are legal (Chromium takes up to 2 MB); Node's default header cap is 16 KB.
  const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let file = null;
    if (pathname.startsWith(base)) {
      const rel = decodeURIComponent(pathname.slice(base.length)) || 'index.html';
      const candidate = path.join(dist, rel);
      if (candidate.startsWith(dist)) {
        const stat = fs.statSync(candidate, { throwIfNoEntry: false });
        if (stat?.isFile()) file = candidate;
        else if (stat?.isDirectory() && fs.existsSync(path.join(candidate, 'index.html'))) {
          file = path.join(candidate, 'index.html');
        }
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(dist, '404.html');
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    const gzip = COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers);
    const body = fs.createReadStream(file);
    if (gzip) body.pipe(zlib.createGzip({ level: 6 })).pipe(res);
    else body.pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ url: origin + base, origin, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * The browser binary: CHROME_PATH (any Chrome or Chromium, e.g. a CI runner's Chrome: Ubuntu's
 * `chromium` is a snap that cannot run headless there), else Debian's Chromium.
 */
export const BROWSER_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Launches the headless browser (BROWSER_PATH) with the flags this machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: BROWSER_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the app at `query` (e.g. "?v=1&q=miller") in a fresh context and waits until the app has
 * mounted. Returns { page, context, problems }: problems lists page errors, console errors and
 * requests that tried to leave the site's origin (they are aborted, never sent).
 */
export async function openApp(browser, site, query = '', { waitFor = '[data-testid="app"]', contextOptions = {} } = {}) {
  const context = await browser.newContext(contextOptions);
  const problems = [];
  await keepToOrigin(context, site, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // A Rust panic (logged by the panic hook) kills the app: always a failure of its own kind.
    const kind = m.text().includes('panicked at') ? 'panic' : 'console error';
    problems.push(`${kind}: ${m.text()}`);
  });
  await page.goto(site.url + query);
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 20_000 });
  return { page, context, problems };
}

/**
 * Aborts every request of `context` that would leave `site`'s origin, and lists it in
 * `problems`: no request ever leaves the site.
 */
export async function keepToOrigin(context, site, problems) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request left the origin: ${url}`);
    return route.abort();
  });
}

/**
 * Serves `dist` and launches the browser once for a test file (node:test's before/after);
 * the returned object's `site` and `browser` are set once the file's tests run.
 */
export function siteForTests(dist) {
  const shared = { site: null, browser: null };
  before(async () => {
    shared.site = await startSite({ dist });
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.site?.close();
  });
  return shared;
}

/** The corpus as the core parsed it, to compare with what the page shows. */
export function loadCorpus() {
  return JSON.parse(fs.readFileSync(CORPUS_JSON, 'utf8'));
}
