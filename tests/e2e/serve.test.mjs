// README's first command: the page `make serve` serves must load with a clean console, exactly
// like the published site (no auto-reload script or websocket for the CSP to block).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server, browser, site, log = '';

/** A free loopback port. */
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200 with the app's loader, or the deadline passes. */
async function waitForSite(url, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`make serve exited with ${server.exitCode}:\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes('.wasm')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`make serve did not answer within the time limit:\n${log}`);
}

before(async () => {
  const port = await freePort();
  // Its own process group, so the test can stop make and trunk together.
  server = spawn('make', ['--no-print-directory', 'serve', `PORT=${port}`], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  site = { origin, url: `${origin}/` };
  await waitForSite(site.url, Date.now() + 15 * 60_000);
  browser = await launchBrowser();
}, { timeout: 16 * 60_000 });

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

test('the page make serve serves loads with a clean console and its CSP', async () => {
  const { page, problems, context } = await openApp(browser, site);
  await page.getByTestId('result').first().waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self'/);
  // Nothing but the app's own loader: no auto-reload script and no websocket.
  const inline = await page.locator('script:not([src])').count();
  assert.equal(inline, 1, 'only the loader script is inline');
  // A reload (what a developer does after a change) is clean too.
  await page.reload();
  await page.getByTestId('result').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
