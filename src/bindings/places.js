// JavaScript helpers of src/bindings/places.rs, included with wasm_bindgen(module).
// The fetch, in JavaScript: the package's file `name` next to the package (this file lives four folders
// down, in snippets/<crate-hash>/src/bindings/), or the URL given; in Node, where `fetch` does not
// read file: URLs, the file is read with node:fs (imported by a computed name, so that
// bundlers for the browser do not try to resolve it). `deliver(text, why)` hands over the
// text, or null and why not; its answer is what the promise resolves to. Never rejects.
export function fetch_file(name, url, deliver) {
  return (async () => {
    let text = null, why = '';
    try {
      const base = globalThis.location?.href;
      // Each URL written out whole: bundlers (Vite) find, hash and copy the files they name.
      const u = url ? new URL(String(url), base)
        : name === 'instrada-catalog.txt' ? new URL('../../../../instrada-catalog.txt', import.meta.url)
        : new URL('../../../../instrada-places.txt', import.meta.url);
      if (u.protocol === 'file:') {
        const fs = 'node:fs/promises';
        text = await (await import(fs)).readFile(u, 'utf8');
      } else {
        const r = await fetch(u, { credentials: 'same-origin' });
        if (!r.ok) throw new Error(`HTTP ${r.status} for ${u.href}`);
        text = await r.text();
      }
    } catch (e) {
      why = String(e?.message ?? e);
    }
    return deliver(text, why);
  })();
}

// Whether both loads succeeded (`ready()`).
export function both(a, b) {
  return Promise.all([a, b]).then(([x, y]) => x && y);
}
