// Writes pkg/package.json (the published npm package's manifest) from Cargo.toml, and copies
// the widget's stylesheet next to the module.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, 'm'))?.[1];

const files = ['instrada_bg.wasm', 'instrada.js', 'instrada.d.ts', 'instrada_bg.wasm.d.ts'];
for (const asset of ['instrada.css']) {
  if (existsSync(`src/widget/${asset}`)) {
    copyFileSync(`src/widget/${asset}`, `pkg/${asset}`);
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
  files,
  sideEffects: ['./instrada.css'],
};
writeFileSync('pkg/package.json', JSON.stringify(manifest, null, 2) + '\n');
