// Puts a site's data (what `parallax build --site DIR` wrote) into a built site:
// - copies DIR's files into <dist>/data/ (replacing what was there);
// - names the catalogue in index.html (<meta name="parallax-catalogue">);
// - puts the prerendered first view (DIR/first-view.html) in place of the loading line, so the
//   first paint needs no wasm and a reader without JavaScript sees the list;
// - with a first view, starts the app only once that view has painted: Trunk's loader would
//   fetch the glue and the wasm (and the catalogue) from <head> before anything paints, so they
//   compete with the page's own first paint on a slow link. The deferred loader then fetches the
//   wasm, the glue and the catalogue side by side. Without a first view the loader starts at once
//   and the catalogue is preloaded from <head>.
// - makes the worker's loader call wasm-bindgen's init as it now asks (no console warning).
// Idempotent: what an earlier run injected is replaced. csp.mjs runs next (and writes 404.html).
//
// As a Trunk post_build hook: the site from PARALLAX_SITE (default target/parallax-data/site),
// the dist from TRUNK_STAGING_DIR. By hand: node .ci/tools/site.mjs DIST SITE_DIR.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const site = process.argv[3] ?? process.env.PARALLAX_SITE ?? 'target/parallax-data/site';
if (!dist) {
  console.error('usage: node .ci/tools/site.mjs DIST SITE_DIR (or run as a Trunk post_build hook)');
  process.exit(2);
}
const pointer = path.join(site, 'catalogue');
if (!fs.existsSync(pointer)) {
  console.error(`site.mjs: no site data at ${site}: run \`make data\` (parallax build --site ${site}) first`);
  process.exit(1);
}
const catalogue = fs.readFileSync(pointer, 'utf8').trim();
if (!/^catalogue-[0-9a-f]{16}\.postcard$/.test(catalogue)) {
  console.error(`site.mjs: ${pointer} does not name a catalogue`);
  process.exit(1);
}
const data = path.join(dist, 'data');
fs.rmSync(data, { recursive: true, force: true });
fs.mkdirSync(data, { recursive: true });
for (const name of fs.readdirSync(site)) {
  if (name.endsWith('.postcard') || name === 'catalogue') {
    fs.copyFileSync(path.join(site, name), path.join(data, name));
  }
}

// Trunk's shim for the worker (index.html's data-type="worker") calls wasm-bindgen's init the old
// way, which logs a deprecation warning in every run: it is handed an object instead.
const workerShim = path.join(dist, 'parallax-worker_loader.js');
if (fs.existsSync(workerShim)) {
  const shim = fs.readFileSync(workerShim, 'utf8');
  fs.writeFileSync(workerShim, shim.replace(/wasm_bindgen\("([^"]+)"\)/, 'wasm_bindgen({ module_or_path: "$1" })'));
}

const file = path.join(dist, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const firstView = path.join(site, 'first-view.html');
const prerendered = fs.existsSync(firstView);

const head =
  `<!-- parallax:head -->` +
  `<meta name="parallax-catalogue" content="${catalogue}">` +
  (prerendered
    ? ''
    : `<link rel="preload" href="data/${catalogue}" as="fetch" type="application/octet-stream" crossorigin>`) +
  `<!-- /parallax:head -->`;
html = html.replace(/<!-- parallax:head -->[\s\S]*?<!-- \/parallax:head -->/, '');
html = html.replace('</head>', `${head}\n  </head>`);

if (prerendered) {
  const block = `<!-- parallax:first-view -->${fs.readFileSync(firstView, 'utf8')}<!-- /parallax:first-view -->`;
  if (/<!-- parallax:first-view -->[\s\S]*?<!-- \/parallax:first-view -->/.test(html)) {
    html = html.replace(/<!-- parallax:first-view -->[\s\S]*?<!-- \/parallax:first-view -->/, () => block);
  } else {
    html = html.replace(/<p id="app-loading"[\s\S]*?<\/p>/, () => block);
  }
  html = deferLoader(html);
}
fs.writeFileSync(file, html);

// Trunk's loader, started once the browser reports the first contentful paint (or after 3 s, for
// a page that does not paint, such as a background tab): its static import becomes a dynamic one, the
// wasm is fetched beside the glue and handed to init as a response, and the catalogue the page
// names (its <meta>, so a site given other data by a later run stays right) is preloaded. Trunk's <head> preloads of the glue and the wasm are dropped. Idempotent:
// a loader already deferred is left as it is.
function deferLoader(page) {
  const marker = '// parallax: started after the first paint';
  if (page.includes(marker)) return page;
  const loader = /import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
  const found = page.match(loader);
  if (!found) {
    console.error("site.mjs: Trunk's loader script was not found in index.html: cannot defer it");
    process.exit(1);
  }
  const [, glue, wasm] = found;
  const deferred =
    `${marker} (see .ci/tools/site.mjs)\n` +
    `await new Promise((painted) => {\n` +
    `  try {\n` +
    `    new PerformanceObserver((list, observer) => {\n` +
    `      if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); painted(); }\n` +
    `    }).observe({ type: 'paint', buffered: true });\n` +
    `  } catch { painted(); }\n` +
    `  setTimeout(painted, 3000); // a page that does not paint (a background tab) starts anyway\n` +
    `});\n` +
    `const wasmResponse = fetch('${wasm}', { credentials: 'same-origin' });\n` +
    `const catalogue = document.querySelector('meta[name="parallax-catalogue"]')?.content;\n` +
    `if (catalogue) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: 'data/' + catalogue, crossOrigin: 'anonymous' }));\n` +
    `const bindings = await import('${glue}');\n` +
    `const wasm = await bindings.default({ module_or_path: wasmResponse });`;
  return page
    .replace(loader, () => deferred)
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<link rel="preload"[^>]*as="fetch" type="application\/wasm"[^>]*>/g, '');
}
