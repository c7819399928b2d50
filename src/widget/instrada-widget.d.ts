// Types of instrada-widget.js. The widget's own types (Widget, InstradaOptions,
// InstradaMountOptions, InstradaEventDetail, and the shared Finding) are generated into instrada.d.ts.
import type { InitInput, InstradaEventDetail, InstradaMountOptions, InstradaOptions, Widget } from './instrada.js';

export type { Finding, InstradaChecks, InstradaEventDetail, InstradaMountOptions, InstradaOptions, InstradaUpdateOptions, Widget } from './instrada.js';

/** Where the module comes from: by default `instrada_bg.wasm` next to this file. */
export interface LoadOptions {
  wasm?: InitInput | Promise<InitInput>;
}

/** Options of `start`: those of every widget, plus where to look for forms. */
export interface StartOptions extends InstradaOptions, LoadOptions {
  /** Where to look for `form[data-instrada]` (the document by default). */
  root?: ParentNode;
}

/** Loads the module once; false (after one console warning) when it cannot be loaded. */
export function load(options?: LoadOptions): Promise<boolean>;
/** Enhances every `form[data-instrada]`; an empty array when the module cannot be loaded. */
export function start(options?: StartOptions): Promise<Widget[]>;
/** Enhances one form; undefined (after one console warning) when it cannot. */
export function attach(form: HTMLFormElement, options?: InstradaOptions & LoadOptions): Promise<Widget | undefined>;
/** Builds and enhances a complete request form in `container`. */
export function mount(container: Element, options?: InstradaMountOptions & LoadOptions): Promise<Widget | undefined>;
/** instrada's version ("" before the module is loaded). */
export function version(): string;

declare global {
  interface HTMLElementEventMap {
    'instrada:change': CustomEvent<InstradaEventDetail>;
    'instrada:invalid': CustomEvent<InstradaEventDetail>;
    'instrada:valid': CustomEvent<InstradaEventDetail>;
  }
}
