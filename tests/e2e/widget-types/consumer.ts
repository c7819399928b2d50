// A portal's TypeScript, compiled by tests/e2e/widget-types.test.mjs against the package as a
// portal installs it (`npm pack` of pkg/, installed into a project under test-results/), under
// `moduleResolution` `bundler` and `node`. It is never run: it must type-check, and the lines
// marked @ts-expect-error must not.
import { attach, load, mount, start, version } from 'instrada/widget';
import type { Finding, InstradaEventDetail, InstradaOptions, Widget } from 'instrada/widget';
import init, { addWorkingDays, checkCodiceFiscale, route, sedi, timeline } from 'instrada';
import type { CfCheckResult, DateResult, RouteResult, SedeInfo, Timeline } from 'instrada';

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
  // @ts-expect-error the handle has no free(): the widget lives until detach()
  widget.free();
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

// A portal's own option values, and new settings applied in place.
const mapped: Widget | undefined = await attach(form, { values: { gestione: { DM: 'aziende-dm', ART: 'artigiani-commercianti' } } });
mapped?.update({ lang: 'en', sede: 'milano-nord', values: { tipo: { SOLL: 'sollecito' } } });
mapped?.refresh();
// @ts-expect-error update() changes settings, not where a mounted form submits
mapped?.update({ action: '/invia' });
// @ts-expect-error a portal value maps to an instrada value (a string)
await attach(form, { values: { gestione: { DM: 1 } } });

// The core API, from the same package, in the same module.
await init({ module_or_path: new URL('/instrada/instrada_bg.wasm', location.href) });
const cf: CfCheckResult = checkCodiceFiscale('RSSMRA85T10A562S', { today: '2026-11-20', lang: 'en' });
const due: DateResult = addWorkingDays('2026-10-01', 7, { sede: 'bologna' });
const where: RouteResult = route({ profile: 'milano', gestione: 'aziende-dm', kind: 'sollecito' });
const when: Timeline = timeline({ profile: 'milano', sent: '2026-11-20' });
const offices: SedeInfo[] = sedi();
console.log(cf.person?.placeName, due.date, where.channel, when.entries[0]?.date, offices[0]?.patronDay);
// @ts-expect-error a codice fiscale's options take no such field
checkCodiceFiscale('RSSMRA85T10A562S', { today: '2026-11-20', strict: true });
// @ts-expect-error a sede's data carries no maintainers' notes
console.log(offices[0]?.verified);
