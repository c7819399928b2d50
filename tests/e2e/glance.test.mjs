// Issue 14, "say less": what the widget adds to the demo's form, measured in Chromium.
//
// - The codice fiscale's proposals: with only the check character wrong the first is the code
//   with the right check character; each shows the person it describes next to its «Usa»;
//   «Annulla» puts back exactly what was typed; they are proposals, not warnings; the field
//   comes before them in the keyboard order.
// - The dates at a glance: the answer, level B and level C (with their addresses) and the end
//   of the process a line each; the reasons behind «Perché?».
// - Budgets: for the demo's complete, correct sample (www/samples.js) the widget adds at most
//   120 visible words, per profile and language; a codice fiscale error shown when the field
//   is left never pushes the field that takes the focus out of view.
//
// `GLANCE_REPORT=1` prints the words and pixels per profile (the numbers of the closing note).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, screenshot } from './harness.mjs';
import { checkState, openDemo, focused } from './widget-helpers.mjs';

const site = useSite();
const WORD_BUDGET = 120;
const report = process.env.GLANCE_REPORT === '1';
// `GLANCE_MEASURE_ONLY=1`: print the numbers without asserting the budgets (to measure an
// older build for comparison).
const measureOnly = process.env.GLANCE_MEASURE_ONLY === '1';

/**
 * What the widget adds to the page and shows without a click: its words (text a person sees:
 * not a visually hidden prefix, not a closed disclosure, not the options of a closed
 * select) and the height of its elements, margins included.
 */
function added(page) {
  return page.evaluate(() => {
    const roots = [
      ...document.querySelectorAll(
        '.instrada-error, .instrada-warning, .instrada-guidance, .instrada-panel, .instrada-picker, .instrada-summary',
      ),
    ].filter((e) => !e.parentElement.closest('.instrada-error, .instrada-warning, .instrada-guidance, .instrada-panel, .instrada-picker, .instrada-summary'));
    let words = 0;
    let height = 0;
    const texts = [];
    for (const root of roots) {
      if (!root.checkVisibility()) continue;
      const style = getComputedStyle(root);
      height += root.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent.checkVisibility({ checkVisibilityCSS: true })) continue;
        if (parent.closest('.instrada-visually-hidden, .visually-hidden, select, option, optgroup')) continue;
        // Text inside a closed <details> (its summary apart) is not shown.
        const details = parent.closest('details');
        if (details && !details.open && !parent.closest('summary')) continue;
        const found = node.textContent.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
        words += found.length;
        if (found.length) texts.push(found.join(' '));
      }
      // A select the widget added shows its chosen option.
      for (const select of root.querySelectorAll('select')) {
        if (select.checkVisibility()) {
          words += (select.selectedOptions[0]?.textContent ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        }
      }
    }
    return { words, height: Math.round(height), texts };
  });
}

/** The profiles the demo offers (the national default too, once it is there). */
async function profiles(page) {
  return page.$$eval('#demo-profilo option', (options) => options.map((o) => o.value));
}

async function fillComplete(page) {
  await page.click('[data-sample="completa"]');
  await page.waitForSelector('.instrada-timeline:not([hidden])');
}

test('a check character alone: the right code first, what it means, «Usa» and «Annulla»', async () => {
  const { page, context } = await openDemo(site.browser, site.origin);
  const typed = 'rssmra85t10a562t';
  await page.fill('#cf', typed);
  await page.press('#cf', 'Tab');
  const proposals = await page.$$eval('.instrada-proposal', (items) =>
    items.map((li) => {
      const button = li.querySelector('button');
      return {
        button: button.textContent,
        meaning: li.querySelector('.instrada-proposal-meaning')?.textContent ?? '',
        describedBy: document.getElementById(button.getAttribute('aria-describedby'))?.textContent ?? '',
      };
    }),
  );
  assert.ok(proposals.length >= 1, 'at least one proposal');
  assert.deepEqual(proposals[0], {
    button: 'Usa «RSSMRA85T10A562S»',
    meaning: 'Nato il 10/12/1985 a San Giuliano Terme (PI).',
    describedBy: 'Nato il 10/12/1985 a San Giuliano Terme (PI).',
  });
  for (const p of proposals) assert.match(p.meaning, /^Nat[oa] il \d\d\/\d\d\/\d{4} a /, 'each proposal says what it means');
  // The error says what is wrong, once; the proposals are not warnings.
  const cfText = await page.$eval('#cf', (cf) => cf.closest('.form-group').textContent);
  assert.match(cfText, /dovrebbe essere «S» e non «T»/);
  assert.doesNotMatch(cfText, /Avviso|Forse è/);
  assert.equal(await page.$eval('#cf', (cf) => cf.classList.contains('instrada-has-warning')), false);
  // Only the first is open; the others are behind «Altre … proposte».
  const more = await page.$('.instrada-proposals details');
  if (more) assert.equal(await more.evaluate((d) => d.open), false);
  await checkState(page, 'glance-cf-proposals');

  await page.click('.instrada-proposal button');
  assert.equal(await page.inputValue('#cf'), 'RSSMRA85T10A562S');
  assert.equal(await focused(page), 'cf');
  const undo = await page.$eval('.instrada-undo', (p) => p.textContent);
  assert.match(undo, /Hai usato la proposta al posto di «rssmra85t10a562t»\.\s*Annulla/);
  assert.equal(await page.$$eval('.instrada-proposal', (l) => l.length), 0, 'a valid code has nothing to propose');
  await checkState(page, 'glance-cf-used');

  await page.click('.instrada-undo button');
  assert.equal(await page.inputValue('#cf'), typed, '«Annulla» puts back exactly what was typed');
  assert.equal(await focused(page), 'cf');
  assert.equal(await page.$('.instrada-undo'), null);
  assert.equal(await page.$eval('.instrada-proposal button', (b) => b.textContent), 'Usa «RSSMRA85T10A562S»');
  await checkState(page, 'glance-cf-undone');
  await context.close();
});

test('keyboard: the field comes before its proposals', async () => {
  const { page, context } = await openDemo(site.browser, site.origin);
  await page.fill('#cf', 'RSSMRA85T10A562T');
  await page.press('#cf', 'Tab');
  await page.waitForSelector('.instrada-proposal button');
  const inProposals = () => page.evaluate(() => Boolean(document.activeElement?.closest('.instrada-proposals, .instrada-error')));
  await page.focus('#cf');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await inProposals(), false, 'Shift+Tab from the field reaches no proposal');
  await page.focus('#cf');
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'Usa «RSSMRA85T10A562S»',
    'Tab from the field reaches its first proposal',
  );
  await context.close();
});

test('the dates at a glance: four lines, the addresses on the page, the reasons behind «Perché?»', async () => {
  const expected = {
    // Friday 20/11/2026, national calendar (no sede): 7 working days, then level B the next
    // working day, level C after level B's 7 more (instrada's reading), 20 working days.
    milano: ['Risposta dell\'INPS entro 01/12/2026', 'Sollecito (livello B) dal 02/12/2026', 'Segnalazione (livello C) dal 15/12/2026', 'Fine dell\'intero processo entro 21/12/2026'],
    torino: ['Risposta dell\'INPS entro 01/12/2026', 'Sollecito (livello B) dal 02/12/2026', 'Segnalazione (livello C) dal 15/12/2026', 'Fine dell\'intero processo entro 21/12/2026'],
  };
  for (const [profile, lines] of Object.entries(expected)) {
    const { page, context } = await openDemo(site.browser, site.origin, 'index.html', { profilo: profile });
    await fillComplete(page);
    const shown = await page.$$eval('.instrada-timeline .instrada-date', (items) =>
      items.map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    );
    for (const [i, start] of lines.entries()) assert.ok(shown[i].startsWith(start), `${profile}: «${shown[i]}» starts with «${start}»`);
    // Level B and C name whom to write to, on the page.
    assert.match(shown[1], /@inps\.it/);
    assert.match(shown[2], profile === 'torino' ? /urp\.torino@inps\.it/ : /urp\.milano@inps\.it/);
    const why = await page.$eval('.instrada-timeline details.instrada-why', (d) => ({ open: d.open, summary: d.querySelector('summary').textContent }));
    assert.deepEqual(why, { open: false, summary: 'Perché?' });
    // Each address is one selectable piece of text.
    assert.equal(await page.$eval('.instrada-timeline .instrada-address', (a) => getComputedStyle(a).userSelect), 'all');
    await checkState(page, `glance-dates-${profile}`);
    await page.click('.instrada-timeline details.instrada-why summary');
    assert.match(await page.$eval('.instrada-timeline details.instrada-why', (d) => d.textContent), /Lettura di instrada/);
    await checkState(page, `glance-dates-${profile}-why`);
    await context.close();
  }
});

test(`a complete, correct request: at most ${WORD_BUDGET} words added, per profile and language`, async () => {
  const rows = [];
  const { page: first, context: c0 } = await openDemo(site.browser, site.origin);
  const all = await profiles(first);
  await c0.close();
  for (const lingua of ['it', 'en']) {
    for (const profilo of all) {
      const { page, context } = await openDemo(site.browser, site.origin, 'index.html', { profilo, lingua });
      await fillComplete(page);
      const m = await added(page);
      rows.push({ profilo, lingua, words: m.words, px: m.height });
      if (report) console.log(profilo, lingua, m.words, 'words', m.height, 'px\n  ' + m.texts.join('\n  '));
      if (!measureOnly) assert.ok(m.words <= WORD_BUDGET, `${profilo}/${lingua}: ${m.words} words added (${m.texts.join(' | ')})`);
      await context.close();
    }
  }
  if (report) console.table(rows);
});

test('a codice fiscale error shown on leaving the field never pushes the focused field out of view', async () => {
  const rows = [];
  for (const [width, height, lingua] of [[1100, 900, 'it'], [375, 667, 'it'], [375, 667, 'en']]) {
    const { page, context } = await openDemo(site.browser, site.origin, 'index.html', { lingua });
    await page.setViewportSize({ width, height });
    // The field in the middle of the window, as a person filling the form has it.
    await page.$eval('#cf', (cf) => cf.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await page.fill('#cf', 'RSSMRA85T10A562T');
    const before = await page.$eval('#matricola', (m) => m.getBoundingClientRect().top);
    await page.press('#cf', 'Tab');
    await page.waitForSelector('#cf ~ .instrada-error:not([hidden])');
    assert.equal(await focused(page), 'matricola');
    const after = await page.$eval('#matricola', (m) => {
      const r = m.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    rows.push({ width, lingua, pushedPx: Math.round(after.top - before) });
    if (!measureOnly) assert.ok(after.top >= 0 && after.bottom <= height, `${width}px/${lingua}: the focused field is at ${after.top}–${after.bottom}, the window is ${height} px tall`);
    if (!measureOnly) await checkState(page, `glance-cf-blur-${width}-${lingua}`);
    await context.close();
  }
  if (report) console.table(rows);
});

test('375 px and English: the proposals and the dates', async () => {
  const { page, context } = await openDemo(site.browser, site.origin, 'index.html', { lingua: 'en', profilo: 'torino' });
  await page.setViewportSize({ width: 375, height: 667 });
  await fillComplete(page);
  const shown = await page.$$eval('.instrada-timeline .instrada-date-label', (l) => l.map((x) => x.textContent));
  assert.deepEqual(shown.slice(0, 4), ['INPS answers by', 'Reminder (level B) from', 'Escalation (level C) from', 'The whole process ends by']);
  assert.equal(await page.$eval('.instrada-timeline details summary', (s) => s.textContent), 'Why?');
  await checkState(page, 'glance-375-en-dates');
  await page.fill('#cf', 'RSSMRA85T10A562T');
  await page.press('#cf', 'Tab');
  const first = await page.$eval('.instrada-proposal', (li) => li.textContent.replace(/\s+/g, ' ').trim());
  assert.equal(first, 'Use “RSSMRA85T10A562S” Born on 10 Dec 1985 in San Giuliano Terme (PI), male.');
  await checkState(page, 'glance-375-en-proposals');
  await screenshot(page, 'glance-375-en-proposals-full');
  await context.close();
});
