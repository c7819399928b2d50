// Completes the npm package that wasm-bindgen wrote in DIR (pkg/ by default): copies the
// widget's hand-written files next to the module (its stylesheet, and the wrapper that loads
// the module and enhances the forms, with its TypeScript types), the integrator's README and
// the LICENSE, and writes package.json from Cargo.toml.
//
//   node scripts/package.mjs [DIR]
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const dir = process.argv[2] ?? 'pkg';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, 'm'))?.[1];

const files = ['instrada_bg.wasm', 'instrada.js', 'instrada.d.ts', 'instrada_bg.wasm.d.ts'];
// wasm-bindgen copies the JavaScript helpers the module imports (src/**/*.js, and any inline
// snippet) under snippets/.
if (existsSync(`${dir}/snippets`)) files.push('snippets/');
// The place registry, fetched by the module after start-up (scripts/build.sh copies it).
if (existsSync(`${dir}/instrada-places.txt`)) files.push('instrada-places.txt');
// The built-in profiles and titolari, fetched the same way (build.rs writes the file).
if (existsSync(`${dir}/instrada-catalog.txt`)) files.push('instrada-catalog.txt');
for (const asset of ['instrada.css', 'instrada-widget.js', 'instrada-widget.d.ts']) {
  copyFileSync(`src/widget/${asset}`, `${dir}/${asset}`);
  files.push(asset);
}

// The package's README is what an integrator needs: the integrator's guide
// (docs/integrators.md), then the repository README's JavaScript API, embedding (CSP,
// TypeScript, bundlers) and the licences of the data.
writeFileSync(`${dir}/README.md`, packageReadme());
copyFileSync('LICENSE', `${dir}/LICENSE`);
files.push('README.md', 'LICENSE');

const manifest = {
  name: 'instrada',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  module: 'instrada.js',
  main: 'instrada.js',
  types: 'instrada.d.ts',
  // `exports` is what bundlers, Node and TypeScript's `node16`/`bundler` resolution read;
  // TypeScript's older `node` (node10) resolution ignores it and reads `types` and
  // `typesVersions`, which map the `instrada/widget` subpath to its declarations.
  exports: {
    '.': { types: './instrada.d.ts', default: './instrada.js' },
    './widget': { types: './instrada-widget.d.ts', default: './instrada-widget.js' },
    './instrada.css': './instrada.css',
    './instrada_bg.wasm': './instrada_bg.wasm',
    './instrada-places.txt': './instrada-places.txt',
    './instrada-catalog.txt': './instrada-catalog.txt',
    './package.json': './package.json',
  },
  typesVersions: { '*': { widget: ['./instrada-widget.d.ts'] } },
  files,
  sideEffects: ['./instrada.css'],
};
writeFileSync(`${dir}/package.json`, JSON.stringify(manifest, null, 2) + '\n');

function packageReadme() {
  const readme = readFileSync('README.md', 'utf8');
  // The guide under the package's name: its headings one level down, below a title of ours.
  let fence = false;
  const guide = readFileSync('docs/integrators.md', 'utf8')
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) fence = !fence;
      return !fence && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n')
    .trim();
  const sections = [/^## JavaScript API/, /^## Embedding/, /^## .*licen/i].map((title) => {
    const text = section(readme, title);
    if (!text) throw new Error(`README.md has no section ${title}: scripts/package.mjs puts it in the package's README`);
    return text;
  });
  return [`# instrada`, field('description'), guide, ...sections].join('\n\n') + '\n';
}

/** The "## " section of `markdown` whose heading matches `title`, heading included. */
function section(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => title.test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n').trim();
}
