// Lighthouse 12 (npm `lighthouse`, .ci/bench-tools) on built sites, served gzipped as GitHub
// Pages does: the mobile performance score and its Web Vitals, the median of LIGHTHOUSE_RUNS
// runs each (default 3).
//
// Usage: node tests/e2e/bench-lighthouse.mjs DIST [DIST...]   (each a built site for PARALLAX_BASE)
// Prints one JSON line per site.
import { BROWSER_PATH, startSite } from './harness.mjs';
import { median, round } from './bench-common.mjs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const LIGHTHOUSE = path.resolve('.ci/bench-tools/node_modules/.bin/lighthouse');

// Asynchronous: the site is served from this process, which must keep answering meanwhile.
async function audit(url) {
  const { stdout } = await promisify(execFile)(
    LIGHTHOUSE,
    [url, '--output=json', '--quiet', '--only-categories=performance', '--form-factor=mobile', '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage'],
    { env: { ...process.env, CHROME_PATH: BROWSER_PATH }, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
  );
  const report = JSON.parse(stdout);
  const value = (id) => report.audits[id].numericValue;
  return {
    score: report.categories.performance.score * 100,
    fcp_ms: value('first-contentful-paint'),
    lcp_ms: value('largest-contentful-paint'),
    tbt_ms: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
  };
}

for (const dist of process.argv.slice(2)) {
  const site = await startSite({ dist: path.resolve(dist) });
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(site.url));
  await site.close();
  const mid = (key) => median(runs.map((r) => r[key]));
  console.log(
    JSON.stringify({
      name: `lighthouse 12 mobile: ${dist}`,
      score: round(mid('score')),
      fcp_ms: round(mid('fcp_ms')),
      lcp_ms: round(mid('lcp_ms')),
      tbt_ms: round(mid('tbt_ms')),
      cls: Math.round(mid('cls') * 1000) / 1000,
      runs: RUNS,
    }),
  );
}
