// A portal's TypeScript, compiled against the widget package's types (pkg/instrada-widget.d.ts
// and the generated pkg/instrada.d.ts) by tests/e2e/widget-types.test.mjs. It is never run: it must
// type-check, and the lines marked @ts-expect-error must not.
import { attach, load, mount, start, version } from '../../../pkg/instrada-widget.js';
import type { Finding, InstradaEventDetail, InstradaOptions, Widget } from '../../../pkg/instrada-widget.js';

const form = document.querySelector('form');
if (!form) throw new Error('no form');

const ok: boolean = await load({ wasm: new URL('/instrada/instrada_bg.wasm', location.href) });
const options: InstradaOptions = { profile: 'torino', sede: 'torino', lang: 'en', today: new Date(), checks: { timeline: false } };
const widget: Widget | undefined = await attach(form, options);
if (widget) {
  const findings: Finding[] = widget.findings();
  const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.field ?? ''}: ${f.code} ${f.message}`);
  const valid: boolean = widget.validate();
  const same: HTMLFormElement | undefined = widget.form;
  widget.detach();
  console.log(ok, errors, valid, same);
}
form.addEventListener('instrada:invalid', (event) => {
  const detail: InstradaEventDetail = event.detail;
  console.log(detail.valid, detail.findings[0]?.suggestion);
});
form.addEventListener('instrada:valid', (event) => event.preventDefault());
const all: Widget[] = await start({ root: document, today: '2026-11-20' });
const built: Widget | undefined = await mount(document.body, { profile: 'milano', action: '/invia', method: 'post' });
console.log(all.length, built, version());

// @ts-expect-error the language is "it" or "en"
await attach(form, { lang: 'fr' });
// @ts-expect-error attach needs a form
await attach(document.body);
// @ts-expect-error checks are booleans
await attach(form, { checks: { picker: 'no' } });
