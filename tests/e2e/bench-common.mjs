// What the browser benchmarks share: medians, rounding, the Markdown table they print, the query
// typed letter by letter into Parallax's search box, and the in-page probe that tells when the
// app has settled (no fetch of data/ in flight, the DOM patched).

/** The query typed letter by letter when comparing with Pagefind (issue 10). */
export const TYPED_QUERY = process.env.BENCH_TYPED ?? 'water sharing';

export const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const round = (x) => Math.round(x * 10) / 10;

/** A Markdown table with one row per column spec [header, key or (row) => cell] and a column per result. */
export function table(results, specs) {
  const cell = (r, get) => String(typeof get === 'function' ? get(r) : r[get]);
  const head = ['', ...results.map((r) => r.name ?? r.dist)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [header, get] of specs) lines.push(`| ${header} | ${results.map((r) => cell(r, get)).join(' | ')} |`);
  return lines.join('\n');
}

/**
 * Counts the bytes (gzipped bodies and headers) and requests of every response in `context` from
 * now until `done()`, workers' included (resource timing misses those). `done()` first waits (up
 * to 10 s) for the requests already started to finish or fail, so none is missed.
 */
export async function countResponses(context) {
  const sizes = [];
  let started = 0;
  let ended = 0;
  const onRequest = () => started++;
  const onFinished = (request) => {
    ended++;
    sizes.push(request.sizes());
  };
  const onFailed = () => ended++;
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    async done() {
      for (let waited = 0; ended < started && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
      const all = await Promise.all(sizes);
      return {
        bytes: all.reduce((n, s) => n + s.responseBodySize + s.responseHeadersSize, 0),
        requests: all.length,
      };
    },
  };
}

/**
 * Installed in every page before its own scripts (`context.addInitScript(benchProbe)`), as
 * `window.__bench`:
 * - `pending`: fetches of the site's data/ (catalogue, shards) in flight, each counted until the
 *   app has read its body (the app's continuation runs before the count drops); `read[kind]`:
 *   when the last fetch of a kind of file (words, prefixes, body, …) ended so;
 * - `firstResult` / `firstRender`: when the first `[data-testid=result]` (the prerendered one)
 *   was in the DOM / the frame that paints it began; `appResult` / `appReady` the same for the
 *   mounted app's first result (`[data-testid=app] [data-testid=result]`);
 * - `settle()`: resolves once no data/ fetch is in flight, nothing in the app is `aria-busy`
 *   and the DOM has been patched (a task after the last arrival), to `performance.now()`;
 * - `waitFor(selector)`: resolves once `selector` matches;
 * - `frame()`: resolves after the next frame.
 * No eval: the site's CSP allows none.
 */
export function benchProbe() {
  const b = (window.__bench = { pending: 0, read: {}, firstResult: null, firstRender: null, appResult: null, appReady: null });
  performance.setResourceTimingBufferSize(100_000);
  let idle = [];
  const tick = () => new Promise((r) => setTimeout(r, 0));
  // A fetch ends a task after the app read its body: the app's continuation (decoding, the
  // signal it sets, the DOM patched by the effects) has run by then. `read[kind]` is the time the
  // last shard of a kind (the file name's prefix: words, prefixes, body, …) ended.
  const drop = (kind) => () =>
    setTimeout(() => {
      b.read[kind] = performance.now();
      b.pending--;
      if (b.pending === 0) {
        const waiting = idle;
        idle = [];
        waiting.forEach((r) => r());
      }
    }, 0);
  /** The kind of a data/ file (its name up to the first '-' or '.'), or null for other URLs. */
  const dataKind = (url) => {
    try {
      const { pathname } = new URL(url, document.baseURI);
      return pathname.includes('/data/') ? pathname.split('/').pop().split(/[-.]/)[0] : null;
    } catch {
      return null;
    }
  };
  const reading = new WeakMap();
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const p = fetch0.call(this, input, init);
    const kind = dataKind(input instanceof Request ? input.url : String(input));
    if (kind == null) return p;
    b.pending++;
    p.then((r) => (r.ok ? reading.set(r, kind) : drop(kind)()), drop(kind));
    return p;
  };
  for (const m of ['arrayBuffer', 'blob', 'bytes', 'json', 'text']) {
    const read = Response.prototype[m];
    if (!read) continue;
    Response.prototype[m] = function (...args) {
      const p = read.apply(this, args);
      if (reading.has(this)) {
        const done = drop(reading.get(this));
        reading.delete(this);
        p.then(done, done);
      }
      return p;
    };
  }
  b.frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  b.settle = async () => {
    for (;;) {
      await tick();
      if (b.pending > 0) {
        await new Promise((r) => idle.push(r));
        continue;
      }
      if (document.querySelector('[data-testid="app"] [aria-busy="true"]')) {
        await new Promise((r) => setTimeout(r, 4));
        continue;
      }
      return performance.now();
    }
  };
  b.waitFor = (selector) =>
    new Promise((resolve) => {
      if (document.querySelector(selector)) return resolve();
      new MutationObserver((_, obs) => {
        if (document.querySelector(selector)) {
          obs.disconnect();
          resolve();
        }
      }).observe(document, { childList: true, subtree: true });
    });
  new MutationObserver((_, obs) => {
    const now = performance.now();
    if (b.firstResult == null && document.querySelector('[data-testid="result"]')) {
      b.firstResult = now;
      requestAnimationFrame(() => (b.firstRender = performance.now()));
    }
    if (b.appResult == null && document.querySelector('[data-testid="app"] [data-testid="result"]')) {
      b.appResult = now;
      requestAnimationFrame(() => (b.appReady = performance.now()));
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Types `query` letter by letter into Parallax's search box (the page has `benchProbe` and the
 * app is up): the bytes and requests fetched meanwhile (the search shards and the text shards of
 * the snippets), each keystroke's time until the app settled (`work`: `window.__bench.settle`,
 * the shards it asked for are in and the DOM patched; `keystroke`: to the next frame after), the
 * time until its search shards were in (`search`: the last words-/prefixes- shard it fetched
 * read and the DOM patched, or the first task after the keystroke when it fetched none; the
 * snippets' text may come later), and the result count after each keystroke.
 */
export async function typeQuery(page, query) {
  const wire = await countResponses(page.context());
  const typed = await page.evaluate(async (query) => {
    const b = window.__bench;
    const input = document.querySelector('[data-testid="app"] [data-testid="search-input"]');
    const count = () => document.querySelector('[data-testid="app"] [data-testid="result-count"]').textContent;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await b.settle();
    await b.frame();
    const work = [];
    const keystroke = [];
    const search = [];
    const counts = [];
    for (const ch of query) {
      const t0 = performance.now();
      input.value += ch;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      const answered = performance.now();
      work.push((await b.settle()) - t0);
      const shards = Math.max(b.read.words ?? 0, b.read.prefixes ?? 0);
      search.push((shards > t0 ? shards : answered) - t0);
      await b.frame();
      keystroke.push(performance.now() - t0);
      counts.push(count());
    }
    return { work, keystroke, search, counts };
  }, query);
  return { ...typed, ...(await wire.done()) };
}
