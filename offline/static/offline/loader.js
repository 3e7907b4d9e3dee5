/*
 * On every page: where the browser can save guides, show the "Saved guides" link, and load offline.js only where
 * it has work to do (a save panel or a saved-guides list on this page, or a guide saved on this device), so
 * that readers who never save a guide do not download it.
 */
(() => {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const script = document.currentScript;
  document.querySelectorAll('[data-offline-only]').forEach((element) => {
    element.hidden = false;
  });
  const here = document.querySelector('[data-offline-save], [data-offline-list]');
  (here ? Promise.resolve(true) : caches.has('offline-meta')).then((needed) => {
    if (!needed) return;
    const full = document.createElement('script');
    full.src = script.dataset.script;
    document.head.append(full);
  });
})();
