// Reading the arguments JavaScript passes, without ever throwing through the module
// (src/bindings/mod.rs; ARCHITECTURE.md, "No JavaScript exception crosses a wasm frame").

// The time of a real Date (NaN when invalid), undefined for anything else. The brand check
// is Date.prototype.getTime itself: a Date-like (Object.create(Date.prototype), a Proxy of a
// Date) passes `instanceof Date` and then throws in getTime; a revoked Proxy throws even in
// `instanceof`. Here they throw inside a try, never through the module.
function date_time(v) {
  try {
    return Date.prototype.getTime.call(v);
  } catch (_) {
    return undefined;
  }
}
// A real Date's local calendar day as YYYY-MM-DD ('' when the Date is invalid, a year of
// more than four digits as it is); undefined for anything that is not a Date.
export function date_text(v) {
  const t = date_time(v);
  if (t === undefined) return undefined;
  if (t !== t) return '';
  const d = new Date(t);
  const y = d.getFullYear();
  const two = (n) => (n < 10 ? '0' : '') + n;
  const year = y < 0 ? '-' + String(-y).padStart(3, '0') : String(y).padStart(4, '0');
  return year + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
}
// Array.isArray, which throws on a revoked Proxy: false then (the value cannot be read).
export function is_array(v) {
  try {
    return Array.isArray(v);
  } catch (_) {
    return false;
  }
}
// True for an object that cannot be read at all: a revoked Proxy (or a Proxy whose
// getPrototypeOf trap throws).
export function unreadable(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  try {
    Reflect.getPrototypeOf(v);
    Array.isArray(v);
    return false;
  } catch (_) {
    return true;
  }
}
// A plain copy of an argument, for serde-wasm-bindgen: the object's own and inherited
// properties (a class's getters too, read on the object itself), down to 8 levels and at
// most 100,000 properties in all (past them, the rest is left out). null when any read
// throws: a getter, a Proxy trap, a revoked Proxy. undefined when a text in it is longer
// than MAX_TEXT (1 MiB, as a text argument), or all its texts together longer than 4 MiB:
// what serde copies into the module's memory is bounded.
const TOO_LONG = {};
export function plain_copy(value) {
  let budget = 100000;
  let chars = 4 * 1048576;
  const copy = (v, depth) => {
    if (typeof v === 'string') {
      chars -= v.length;
      if (v.length > 1048576 || chars < 0) throw TOO_LONG;
      return v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth === 0 || budget <= 0) return undefined;
    // A real Date stays a Date (the widget's `today`); a Date-like (a Proxy of a Date,
    // Object.create(Date.prototype)) is read as the plain object it is.
    const time = date_time(v);
    if (time !== undefined) return new Date(time);
    if (Array.isArray(v)) {
      const out = [];
      for (let i = 0; i < v.length && budget-- > 0; i++) out.push(copy(v[i], depth - 1));
      return out;
    }
    // No prototype: a key "__proto__" stays a key.
    const out = Object.create(null);
    for (let o = v; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const k of Reflect.ownKeys(o)) {
        if (typeof k !== 'string' || k === 'constructor' || Object.prototype.hasOwnProperty.call(out, k)) continue;
        if (budget-- <= 0) return out;
        out[k] = copy(v[k], depth - 1);
      }
    }
    return out;
  };
  try {
    return copy(value, 8);
  } catch (e) {
    return e === TOO_LONG ? undefined : null;
  }
}
