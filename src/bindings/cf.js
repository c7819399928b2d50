// JavaScript helpers of src/bindings/cf.rs, included with wasm_bindgen(module).
// A check crosses the boundary a fixed, small number of times (each crossing, and each
// string decoded, costs more than the check): `cf_options` reads `lang` and `today` in one
// call; `cf_pack` reads a plain code as two numbers; `cf_out` builds the result object from
// numbers and, when there are findings, one string. All are total: any input gives a
// value, never an exception.
let cfToday = null, cfTodayN = 0;
export function cf_options(o) {
  // A number, so that nothing is allocated: 0 no options; -1 not an object; -2 `today` is
  // not text; -3 `today` is text in another form (read it again with Reflect); -4 there
  // are form fields (read the object with serde); else
  // yyyymmdd * 4 + lang (0 none, 1 "it", 2 "en", 3 other), yyyymmdd 0 when `today` is absent.
  if (o === undefined || o === null) return 0;
  if (typeof o !== 'object') return -1;
  try {
    // Form fields to rank suggestions with: Rust reads the whole object.
    if (o.surname != null || o.name != null || o.birthDate != null || o.sex != null || o.placeCode != null || o.placeName != null) return -4;
    const l = o.lang, t = o.today;
    const lang = l === undefined || l === null ? 0 : l === 'it' ? 1 : l === 'en' ? 2 : 3;
    if (t === undefined || t === null || t === '') return lang;
    if (typeof t !== 'string') return -2;
    // The same `today` as last time (a page passes the same string): read it once.
    if (t === cfToday) return cfTodayN * 4 + lang;
    if (t.length !== 10 || t[4] !== '-' || t[7] !== '-') return -3;
    const n = Number(t.slice(0, 4) + t.slice(5, 7) + t.slice(8, 10));
    if (!Number.isInteger(n) || n <= 0) return -3;
    cfToday = t;
    cfTodayN = n;
    return n * 4 + lang;
  } catch (_) {
    return -1;
  }
}
let cfHi = 0;
export function cf_pack(s) {
  // A plain code (16 or 11 ASCII letters and digits, any case) packed 6 bits a character
  // into two numbers (the first 8 characters here, the rest in cf_pack_hi, plus 2^48 for
  // 11 characters and 2^49 when a letter was lower-case), so that no string is copied.
  // -1: not a string; -2 anything else (separators, other lengths or characters): Rust
  // reads the string itself.
  if (typeof s !== 'string') return -1;
  const n = s.length;
  if (n !== 16 && n !== 11) return -2;
  let lo = 0, hi = 0, lower = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      c -= 32;
      lower = 562949953421312;
    }
    let v;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else return -2;
    if (i < 8) lo = lo * 64 + v;
    else hi = hi * 64 + v;
  }
  cfHi = (n === 16 ? hi : hi + 281474976710656) + lower;
  return lo;
}
export function cf_pack_hi() {
  return cfHi;
}
// The result of checkCodiceFiscale is put together here from numbers, so that a valid
// code's result crosses the boundary without a single string: the normalised code is the
// input (or its upper case), the place's code, name and province are sent once per place
// and name (`cf_place`) and kept, findings come as JSON text only when there are some.
const cfPlaces = [];
let cfText = '';
let cfNorm = '';
export function cf_place(id, code, name, province) {
  cfPlaces[id] = [code, name, province];
}
// The message of `cf.omocode` for each place and language (key: place * 2 + language),
// sent once like the names: the only finding of a valid code with omocodia letters.
const cfOmocode = [];
export function cf_omocode(key, message) {
  cfOmocode[key] = message;
}
export function cf_text(findings, normalized) {
  cfText = findings;
  cfNorm = normalized;
}
const CF_KINDS = [null, 'person', 'entity', 'temporary'];
const CF_SEVERITIES = ['error', 'warning', 'info'];
function cf_findings(text) {
  // Seven fields a finding, separated by U+0001 (measured: splitting and building the
  // objects here is several times faster than JSON.parse): code, severity (0 error,
  // 1 warning, 2 info), message, position, field, suggestion, source (document U+0002
  // section); an empty field is an absent one. [errors, warnings, infos].
  const p = text.split('\u0001');
  const out = [[], [], []];
  for (let i = 0; i + 6 < p.length; i += 7) {
    const s = +p[i + 1];
    const f = { code: p[i], severity: CF_SEVERITIES[s], message: p[i + 2] };
    if (p[i + 3] !== '') f.position = +p[i + 3];
    if (p[i + 4] !== '') f.field = p[i + 4];
    if (p[i + 5] !== '') f.suggestion = p[i + 5];
    if (p[i + 6] !== '') {
      const [document, section] = p[i + 6].split('\u0002');
      f.source = { document, section: section || '' };
    }
    out[s].push(f);
  }
  return out;
}
const two = (n) => (n < 10 ? '0' + n : '' + n);
export function cf_out(input, bits, ymd, id) {
  // bits: 1 valid; 2|4 kind (0 null, 1 person, 2 entity, 3 temporary, times 2); 8 person;
  // 16 female; 32 omocode; 64 findings in cfText (512: as JSON, [errors, warnings,
  // infos]); 128|256 normalized (0 the input, 1 its upper case, 2 cfNorm); 1024 the one
  // finding is `cf.omocode` of place id >> 6, 2048 in English.
  const n = (bits >> 7) & 3;
  let f = null;
  if (bits & 64) {
    f = bits & 512 ? JSON.parse(cfText) : cf_findings(cfText);
    cfText = '';
  }
  const r = {
    valid: (bits & 1) === 1,
    normalized: n === 0 ? input : n === 1 ? input.toUpperCase() : cfNorm,
    kind: CF_KINDS[(bits >> 1) & 3],
    errors: f === null ? [] : f[0],
    warnings: f === null ? [] : f[1],
  };
  cfNorm = '';
  if (f !== null && f[2].length) r.infos = f[2];
  if (bits & 1024) {
    const message = cfOmocode[(id >> 6) * 2 + ((bits >> 11) & 1)];
    r.infos = [{ code: 'cf.omocode', severity: 'info', message, field: 'codice-fiscale' }];
  }
  if (bits & 8) {
    const p = cfPlaces[id] || ['', '', ''];
    const y = Math.floor(ymd / 10000);
    const person = {
      birthDate: (y < 1000 ? ('000' + y).slice(-4) : '' + y) + '-' + two(Math.floor(ymd / 100) % 100) + '-' + two(ymd % 100),
      sex: bits & 16 ? 'F' : 'M',
      placeCode: p[0],
    };
    if (p[1] !== '') person.placeName = p[1];
    if (p[2] !== '') person.province = p[2];
    person.omocode = (bits & 32) !== 0;
    r.person = person;
  }
  return r;
}
