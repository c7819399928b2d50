// Helpers of the widget's end-to-end tests: opening a demo page with a fixed "today", reading
// what a screen reader would hear for a field, and checking each state with axe.
import assert from 'node:assert/strict';
import { axeViolations, openPage, screenshot } from './harness.mjs';

/** The fixed "today" of every test: Friday 20 November 2026. */
export const TODAY = '2026-11-20';

/**
 * Opens a demo page (`index.html`, `mount.html`, `embed.html`) with `?oggi=` set and waits
 * until the widget is ready and has checked its form again with the package's lazy files (the
 * profiles and titolari, the list of places: `data-instrada-catalog` and
 * `data-instrada-places` on the form), so that a test sees the form as a person who waited a
 * moment does. Returns what `openPage` returns.
 */
export async function openDemo(browser, origin, path = 'index.html', params = {}) {
  const opened = await openPage(browser, origin);
  const query = new URLSearchParams({ oggi: TODAY, ...params });
  await opened.page.setViewportSize({ width: 1100, height: 900 });
  await opened.page.goto(`${origin}/${path}?${query}`);
  await opened.page.waitForFunction(() => {
    const forms = [...document.querySelectorAll('form[data-instrada-attached]')];
    return (
      document.documentElement.dataset.instrada === 'ready' &&
      forms.length > 0 &&
      forms.every((f) => f.dataset.instradaCatalog === 'ready' && f.dataset.instradaPlaces === 'ready')
    );
  });
  return opened;
}

/** The texts of the elements a control's `aria-describedby` points to, in order. */
export function descriptions(page, selector) {
  return page.$eval(selector, (control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent.replace(/\s+/g, ' ').trim() ?? `missing #${id}`),
  );
}

/** The error summary's links: [{ text, href }], or null without a summary. */
export function summaryLinks(page) {
  return page.evaluate(() => {
    const summary = document.querySelector('.instrada-summary');
    if (!summary) return null;
    return [...summary.querySelectorAll('a')].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') }));
  });
}

/** The id of the focused element (or its tag when it has none). */
export function focused(page) {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
}

/** Asserts axe finds nothing (WCAG 2.1 A/AA) and saves a screenshot of the state. */
export async function checkState(page, name) {
  await screenshot(page, name);
  assert.deepEqual(await axeViolations(page), [], `axe violations in state "${name}"`);
}

/** Records every `instrada:*` event the page's forms dispatch, in `window.__instradaEvents`. */
export function recordEvents(page) {
  return page.evaluate(() => {
    window.__instradaEvents = [];
    for (const type of ['instrada:change', 'instrada:invalid', 'instrada:valid']) {
      document.addEventListener(type, (e) => window.__instradaEvents.push({ type, valid: e.detail.valid, findings: e.detail.findings }));
    }
  });
}

/** The events recorded by `recordEvents`. */
export function recordedEvents(page) {
  return page.evaluate(() => window.__instradaEvents);
}

/** Console errors and uncaught exceptions. */
export function errors(consoleMessages) {
  return consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror');
}
