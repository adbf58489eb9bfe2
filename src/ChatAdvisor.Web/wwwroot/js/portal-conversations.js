// The conversation list's export form: a "select all" box for the page's rows, and the "select at least one"
// message shown next to the export buttons without a round trip. The server checks the selection as well, so the
// form works the same without this script.
(() => {
  'use strict';
  const form = document.querySelector('form.export');
  if (!form) {
    return;
  }
  const all = form.querySelector('#select-all');
  const boxes = () => Array.from(form.querySelectorAll('input[name="selected"]'));
  const error = form.querySelector('#export-error');

  const sync = () => {
    const checked = boxes().filter((b) => b.checked).length;
    all.checked = checked > 0 && checked === boxes().length;
    all.indeterminate = checked > 0 && checked < boxes().length;
    if (checked > 0 && error) {
      error.textContent = '';
    }
  };

  if (all) {
    all.closest('.select-all').hidden = false;
    all.addEventListener('change', () => {
      boxes().forEach((b) => { b.checked = all.checked; });
      sync();
    });
    form.addEventListener('change', (event) => {
      if (event.target !== all && event.target.name === 'selected') {
        sync();
      }
    });
  }

  form.addEventListener('submit', (event) => {
    if (boxes().some((b) => b.checked)) {
      return;
    }
    event.preventDefault();
    error.textContent = error.dataset.message;
    (all || boxes()[0]).focus();
  });
})();
