// Trunk post-build hook: adds a Content-Security-Policy to the built index.html.
//
// The only inline script is Trunk's module loader (it imports the wasm-bindgen glue and starts
// the wasm); it changes with every build, so it is allowed by its sha256 hash, not by
// 'unsafe-inline'. 'wasm-unsafe-eval' lets the page compile its own wasm (nothing else: no eval).
// Styles come from the stylesheet only; the app sets positions through the CSSOM, which
// style-src does not restrict. Everything else is same-origin: no request leaves the site.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Also writes 404.html (= index.html): GitHub Pages serves it for unknown paths, so deep links
// load the app. As a Trunk post_build hook the dist is TRUNK_STAGING_DIR; by hand, the argument.
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node .ci/tools/csp.mjs DIST (or run as a Trunk post_build hook)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace(/<head>/, `<head>\n    ${meta}`);
fs.writeFileSync(file, html);
fs.writeFileSync(path.join(dir, '404.html'), html);
