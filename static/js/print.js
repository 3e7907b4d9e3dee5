/*
 * A "Print" button where the page asks for one (an element with data-print-label, hidden until now).
 * Without JavaScript there is no button: the browser's own print command still uses the print stylesheet.
 */
(() => {
  document.querySelectorAll('[data-print-label]').forEach((slot) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-secondary';
    button.textContent = slot.dataset.printLabel;
    button.addEventListener('click', () => window.print());
    slot.append(button);
    slot.hidden = false;
  });
})();
