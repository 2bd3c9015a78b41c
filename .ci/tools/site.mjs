// Puts a site's data (what `parallax build --site DIR` wrote) into a built site:
// - copies DIR's files into <dist>/data/ (replacing what was there);
// - names the catalogue in index.html (<meta name="parallax-catalogue">) and preloads it, so it
//   downloads while the wasm does;
// - puts the prerendered first view (DIR/first-view.html) in place of the loading line, so the
//   first paint needs no wasm and a reader without JavaScript sees the list.
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

const file = path.join(dist, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const head =
  `<!-- parallax:head -->` +
  `<meta name="parallax-catalogue" content="${catalogue}">` +
  `<link rel="preload" href="data/${catalogue}" as="fetch" type="application/octet-stream" crossorigin>` +
  `<!-- /parallax:head -->`;
html = html.replace(/<!-- parallax:head -->[\s\S]*?<!-- \/parallax:head -->/, '');
html = html.replace('</head>', `${head}\n  </head>`);

const firstView = path.join(site, 'first-view.html');
if (fs.existsSync(firstView)) {
  const block = `<!-- parallax:first-view -->${fs.readFileSync(firstView, 'utf8')}<!-- /parallax:first-view -->`;
  if (/<!-- parallax:first-view -->[\s\S]*?<!-- \/parallax:first-view -->/.test(html)) {
    html = html.replace(/<!-- parallax:first-view -->[\s\S]*?<!-- \/parallax:first-view -->/, () => block);
  } else {
    html = html.replace(/<p id="app-loading"[\s\S]*?<\/p>/, () => block);
  }
}
fs.writeFileSync(file, html);
