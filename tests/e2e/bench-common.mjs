// What the browser benchmarks share: medians, rounding, the Markdown table they print, and the
// query typed letter by letter into Parallax's search box.

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
 * now until `done()`, workers' included (resource timing misses those).
 */
export async function countResponses(context) {
  const pending = [];
  const listener = (request) => pending.push(request.sizes());
  context.on('requestfinished', listener);
  return {
    async done() {
      context.off('requestfinished', listener);
      const sizes = await Promise.all(pending);
      return {
        bytes: sizes.reduce((n, s) => n + s.responseBodySize + s.responseHeadersSize, 0),
        requests: sizes.length,
      };
    },
  };
}

/**
 * Types `query` letter by letter into Parallax's search box: the bytes and requests fetched
 * meanwhile and each keystroke's time to the next frame after the results updated.
 */
export async function typeQuery(page, query) {
  const wire = await countResponses(page.context());
  const keystroke = await page.evaluate(async (query) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.querySelector('[data-testid="search-input"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    const times = [];
    for (const ch of query) {
      const t0 = performance.now();
      input.value += ch;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      await frame();
      times.push(performance.now() - t0);
    }
    return times;
  }, query);
  return { keystroke, ...(await wire.done()) };
}
