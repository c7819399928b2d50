// Minifies the package's JavaScript and stylesheet in place: wasm-bindgen's glue, its
// snippets and the widget's wrapper, every `.js` file of the folder given (default `pkg/`) and
// its subfolders, and every `.css` file there (the widget's stylesheet).
// What a browser fetches before the widget is interactive is what issue 15 budgets: the
// glue and helpers are 18.1 KB brotli as written, 10.3 KB minified (measured on the package
// of 2026-12-07). The types (`.d.ts`) stay as written, they are the documented API.
//
// The minifier is Oxc's, as Vite (a dev dependency already) exports it, and it only removes
// whitespace and comments and shortens local names: no compression, which rewrites code (it
// folded places.js's `import()` by a computed name into a literal that bundlers then try to
// resolve) for 0.2 KB more. Exported names never change; `keepNames` keeps every function's
// and class's `name` (wasm-bindgen's error messages print class names); the glue's first
// line, `/* @ts-self-types="…" */`, which tells TypeScript and Deno where the types are, is
// kept.
//
// The stylesheet goes through Lightning CSS (Vite's own CSS minifier, installed with it), with
// no browser targets: it drops the comments and the whitespace and writes colours and numbers
// in their shortest form, and adds, removes or rewrites no rule (1.8 KB brotli as written,
// 1.0 KB minified, measured on the package of 2026-12-07). The commented source, with the
// theming guide, is src/widget/instrada.css.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';
import { minify } from 'vite';

const dir = process.argv[2] ?? 'pkg';
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'));
for (const name of files.filter((name) => name.endsWith('.css'))) {
  const path = join(dir, name);
  const { code } = transform({ filename: name, code: readFileSync(path), minify: true });
  writeFileSync(path, code);
}
for (const name of files.filter((name) => name.endsWith('.js'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const { code, errors } = await minify(name, source, {
    compress: false,
    mangle: { keepNames: true },
  });
  if (errors.length > 0) {
    throw new Error(`${path}: ${errors.map((e) => e.message).join('; ')}`);
  }
  const header = source.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/)?.[0] ?? '';
  writeFileSync(path, header + code);
}
