// The size report of the package, and the budgets it must stay under (issue 15).
//
// The budgets are written here and nowhere else: the build prints the report, and
// tests/e2e/size.test.mjs checks them. Later work may tighten them, never loosen them silently.
// Measured as a web server sends the files today: brotli quality 11, with gzip -9 beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a browser fetches before the widget is interactive, brotli 11, in bytes. */
export const BUDGET_INTERACTIVE_BROTLI_BYTES = 240 * 1024;
/** Every file a session may fetch, brotli 11, in bytes. */
export const BUDGET_TOTAL_BROTLI_BYTES = 330 * 1024;

const SHIPPED = /\.(wasm|js|css|txt)$/;

/**
 * The files a session fetches only after the widget is interactive: the list of places and
 * the built-in profiles and titolari, at idle or at the first need (src/bindings/places.rs).
 * Every other shipped file is fetched before: the wrapper, the glue and its snippets, the
 * module, the stylesheet.
 */
export const LAZY = new Set(['instrada-catalog.txt', 'instrada-places.txt']);

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
    },
  }).length;

/**
 * Raw, gzip and brotli sizes of each file of `dir` a browser fetches (wasm, JS, CSS, the list
 * of places), its subfolders included (wasm-bindgen's `snippets/`, the small JavaScript
 * helpers the glue imports), whether it is fetched before the widget is interactive
 * (`eager`, every file but those of `LAZY`), and the totals: `interactive` (eager files) and
 * `total` (every file).
 */
export function measure(dir) {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => SHIPPED.test(name))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes), eager: !LAZY.has(name) };
    });
  const sum = (list) =>
    list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total: sum(files), interactive: sum(files.filter((f) => f.eager)) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (size, budget) => {
  const left = budget - size;
  return left >= 0 ? `within (${kb(left)} left)` : `OVER by ${kb(-left)}`;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'pkg';
  const { files, total, interactive } = measure(dir);
  console.log(`size report of ${dir}/ (raw, gzip -9, brotli 11; * = fetched before the widget is interactive, the others later)`);
  const line = (name, f) =>
    `  ${name.padEnd(52)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip ${kb(f.brotli).padStart(10)} br`;
  for (const f of files) console.log(line(`${f.eager ? '*' : ' '} ${f.name}`, f));
  console.log(line('  before interactive', interactive));
  console.log(line('  total', total));
  console.log(`  budget before interactive ${kb(BUDGET_INTERACTIVE_BROTLI_BYTES)} br: ${verdict(interactive.brotli, BUDGET_INTERACTIVE_BROTLI_BYTES)}`);
  console.log(`  budget total ${kb(BUDGET_TOTAL_BROTLI_BYTES)} br: ${verdict(total.brotli, BUDGET_TOTAL_BROTLI_BYTES)}`);
}
