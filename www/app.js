// The demo page's script: loads instrada and enhances the form. If anything fails (the wasm
// cannot be fetched, the browser has no WebAssembly), the form keeps working exactly as
// without the widget, and the failure is logged once.
const status = document.getElementById('stato-instrada');

async function start() {
  const instrada = await import('./pkg/instrada.js');
  await instrada.default({ module_or_path: new URL('./pkg/instrada_bg.wasm', import.meta.url) });
  document.documentElement.dataset.instrada = 'ready';
  status.textContent = `Controlli attivi (instrada ${instrada.version()}).`;
}

start().catch((error) => {
  document.documentElement.dataset.instrada = 'unavailable';
  status.textContent = 'I controlli automatici non sono disponibili: puoi comunque compilare e inviare il modulo.';
  console.warn('instrada: the widget could not start; the form works without it.', error);
});
