// JavaScript helpers of src/bindings/calendar.rs, included with wasm_bindgen(module).
export function cal_pack(d) {
  // 'YYYY-MM-DD' as the number yyyymmdd; -1 for anything else.
  if (typeof d !== 'string' || d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
export function cal_out(ymd, calendar) {
  // { date: 'YYYY-MM-DD', calendar, findings: [] } from yyyymmdd (a four-digit year).
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  const date = Math.floor(ymd / 10000) + (m < 10 ? '-0' : '-') + m + (d < 10 ? '-0' : '-') + d;
  return { date, calendar, findings: [] };
}
