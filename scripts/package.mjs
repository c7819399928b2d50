// Writes pkg/package.json (the published npm package's manifest) from Cargo.toml, and copies
// the widget's hand-written files next to the module: its stylesheet, and the wrapper that
// loads the module and enhances the forms (with its TypeScript types).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

// `node scripts/package.mjs DIR [--widget]`: DIR is the package; --widget adds the widget's files.
const dir = process.argv[2] ?? 'pkg';
const widget = process.argv.includes('--widget');

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, 'm'))?.[1];

const files = ['instrada_bg.wasm', 'instrada.js', 'instrada.d.ts', 'instrada_bg.wasm.d.ts'];
// wasm-bindgen writes the widget's small inline JS helpers under snippets/.
if (existsSync(`${dir}/snippets`)) files.push('snippets/');
for (const asset of widget ? ['instrada.css', 'instrada-widget.js', 'instrada-widget.d.ts'] : []) {
  if (existsSync(`src/widget/${asset}`)) {
    copyFileSync(`src/widget/${asset}`, `${dir}/${asset}`);
    files.push(asset);
  }
}

const manifest = {
  name: 'instrada',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  module: 'instrada.js',
  main: 'instrada.js',
  types: 'instrada.d.ts',
  exports: {
    '.': { types: './instrada.d.ts', default: './instrada.js' },
    ...(widget && {
      './widget': { types: './instrada-widget.d.ts', default: './instrada-widget.js' },
      './instrada.css': './instrada.css',
    }),
    './instrada_bg.wasm': './instrada_bg.wasm',
  },
  files,
  sideEffects: widget ? ['./instrada.css'] : false,
};
writeFileSync(`${dir}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
