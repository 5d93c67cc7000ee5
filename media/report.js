// The Alignment Report webview's script (loaded with the page's CSP nonce; no inline script).
// It only draws what the extension sends and sends back opaque keys: activating a bar,
// cell, node or row posts { type: 'activate', target }, a filter change posts the chosen
// values. Markup arrives already escaped by the extension.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('report');
  // Keys are only valid for the generation they were drawn in: activations say which one.
  let generation = Number(root.getAttribute('data-generation') || '0');

  function describe(drawn) {
    const sections = Array.from(root.querySelectorAll('section h2')).map((h) => h.textContent || '');
    vscode.postMessage({ type: 'rendered', generation: drawn, sections, charts: root.querySelectorAll('svg.chart').length, targets: root.querySelectorAll('[data-target]').length });
  }

  function activate(element) {
    const target = element.getAttribute('data-target');
    if (target) vscode.postMessage({ type: 'activate', target, generation });
  }

  root.addEventListener('click', (event) => {
    const element = event.target instanceof Element ? event.target.closest('[data-target]') : null;
    if (element) {
      event.preventDefault();
      activate(element);
    }
  });
  root.addEventListener('keydown', (event) => {
    const element = event.target instanceof Element ? event.target.closest('[data-target]') : null;
    // SVG links are role="button": Enter and Space activate them as they do a button.
    if (element && element.tagName.toLowerCase() !== 'button' && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      activate(element);
    }
  });
  root.addEventListener('change', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.dataset.filter) return;
    const filter = {};
    for (const s of root.querySelectorAll('select[data-filter]')) if (s.value) filter[s.dataset.filter] = s.value;
    vscode.postMessage({ type: 'filter', filter });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    // Keep the keyboard where it was: the element with the same label after the update.
    const active = document.activeElement;
    const label = active && root.contains(active) ? active.getAttribute('aria-label') || active.getAttribute('name') : null;
    root.innerHTML = message.html;
    generation = message.generation;
    if (label) {
      const again = Array.from(root.querySelectorAll('[aria-label], select[name]')).find((e) => e.getAttribute('aria-label') === label || e.getAttribute('name') === label);
      if (again) again.focus();
    }
    describe(message.generation);
  });

  vscode.postMessage({ type: 'ready' });
  describe(generation);
})();
