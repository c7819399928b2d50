// Exact restoration (issue 16): detach() gives the portal back what it had, on every kind
// of bound field: its markup (attributes, ids, classes, ARIA), its `setCustomValidity`
// messages, its selections, the form's `novalidate`. The form is read before attach and
// after detach (markup, and each control's value, selection, validity message and flags),
// with a widget that worked in between (typing, a blocked submission with the summary, the
// picker filling the portal's select); the two readings must be equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.mjs';

// Every field kind of src/widget/fields.rs, as a portal could write it: text, select,
// textarea, date and e-mail controls; ids and none; the portal's own aria-describedby,
// aria-invalid, classes, pre-selected options and custom validity messages.
const FORM = `<form id="p" class="portal" action="/inviata.html">
  <label for="cf">CF</label><input id="cf" class="form-control" aria-describedby="cf-hint" data-instrada-field="codice-fiscale" required>
  <small id="cf-hint" class="form-text">16 caratteri</small>
  <label>Matricola <input data-instrada-field="matricola" aria-invalid="false"></label>
  <label for="cognome">Cognome</label><input id="cognome" class="is-invalid" data-instrada-field="cognome">
  <label for="nome">Nome</label><input id="nome" data-instrada-field="nome">
  <label for="nascita">Nascita</label><input id="nascita" type="date" data-instrada-field="data-nascita">
  <label for="sesso">Sesso</label><select id="sesso" data-instrada-field="sesso"><option value="">-</option><option value="F" selected>F</option><option value="M">M</option></select>
  <label for="luogo">Luogo</label><input id="luogo" data-instrada-field="luogo-nascita">
  <label for="gestione">Gestione</label><select id="gestione" data-instrada-field="gestione" required><option value="">-</option><option value="aziende-dm">DM</option></select>
  <label for="tipo">Tipo</label><select id="tipo" data-instrada-field="tipo"><option value="comunicazione" selected>Comunicazione</option><option value="sollecito">Sollecito</option></select>
  <label for="oggetto">Oggetto</label><select id="oggetto" data-instrada-field="oggetto"><option value="">Scegli</option><option value="Avvisi bonari" selected>Avvisi bonari</option></select>
  <label for="descrizione">Descrizione</label><textarea id="descrizione" data-instrada-field="descrizione" required></textarea>
  <label for="mittente">Mittente</label><input id="mittente" type="email" data-instrada-field="mittente">
  <label for="destinatario">Destinatario</label><input id="destinatario" type="email" data-instrada-field="destinatario">
  <label for="oggetto-email">Oggetto e-mail</label><input id="oggetto-email" data-instrada-field="oggetto-email">
  <label for="invio">Invio</label><input id="invio" type="date" data-instrada-field="data-invio">
  <label for="richiesta">Richiesta</label><input id="richiesta" type="date" data-instrada-field="data-richiesta">
  <label for="nota">Nota</label><input id="nota" required>
  <button>Invia</button></form>`;

const site = useSite();

test('detach() gives back the form exactly as the portal had it, every kind of field', async () => {
  const { context, page, console: messages } = await openPage(site.browser, site.origin);
  await page.goto(`${site.origin}/inviata.html`);
  const result = await page.evaluate(async (html) => {
    const { attach } = await import('/pkg/instrada-widget.js');
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    const form = host.querySelector('form');
    form.addEventListener('submit', (e) => e.preventDefault());
    // The portal's own messages, set before the widget comes.
    form.querySelector('#cognome').setCustomValidity('Il cognome non corrisponde all\u2019anagrafica del portale');
    form.querySelector('#sesso').setCustomValidity('Messaggio del portale sul sesso');
    form.querySelector('#nota').setCustomValidity('Nota del portale');
    const read = () => ({
      html: host.innerHTML,
      noValidate: form.noValidate,
      controls: [...form.elements].map((c) => ({
        id: c.id,
        value: c.value,
        selected: c.tagName === 'SELECT' ? [...c.options].map((o) => `${o.value}:${o.selected}`) : null,
        message: c.validationMessage,
        customError: c.validity.customError,
        valid: c.validity.valid,
      })),
    });
    const before = read();
    const widget = await attach(form, { profile: 'torino', today: '2026-11-20' });
    // The picker lists the titolario: a file of the package, fetched after start-up.
    await (await import('/pkg/instrada.js')).ready();
    const type = (id, value) => {
      const c = form.querySelector(`#${id}`);
      c.value = value;
      c.dispatchEvent(new Event('input', { bubbles: true }));
      c.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    };
    type('cf', 'RSSMRA85T10A562X');
    type('descrizione', 'Richiesta');
    type('mittente', 'non un indirizzo');
    const g = form.querySelector('#gestione');
    g.value = 'aziende-dm';
    g.dispatchEvent(new Event('change', { bubbles: true }));
    form.requestSubmit();
    const during = {
      summary: !!form.querySelector('.instrada-summary'),
      options: form.querySelectorAll('#oggetto option').length,
      changed: host.innerHTML !== before.html,
    };
    // The person clears what they typed (their values are theirs: not compared otherwise).
    type('cf', '');
    type('descrizione', '');
    type('mittente', '');
    g.value = '';
    g.dispatchEvent(new Event('change', { bubbles: true }));
    widget.detach();
    const after = read();
    widget.detach();
    return { before, after, during, again: host.innerHTML === after.html };
  }, FORM);
  assert.deepEqual(result.during, { summary: true, options: result.during.options, changed: true });
  assert.ok(result.during.options > 2, 'the picker filled the portal select');
  assert.equal(result.after.html, result.before.html, 'the markup');
  assert.deepEqual(result.after.controls, result.before.controls, 'values, selections, validity messages');
  assert.equal(result.after.noValidate, result.before.noValidate);
  assert.equal(result.again, true, 'a second detach() changes nothing');
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await context.close();
});
