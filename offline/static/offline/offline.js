/*
 * Offline reading, in the page: save a guide (every URL its manifest lists) into the browser's Cache Storage,
 * remove it, list what is saved, and on a saved page show the saved copy's dates or that a newer reviewed
 * version is available. loader.js loads it where it has work to do. The service worker (/sw.js) is registered
 * when a reader first saves a guide, and answers from these caches. Without service worker support nothing here shows: the button stays hidden.
 *
 * Storage: one cache per guide ("offline-guide-<id>": its pages and glossary definitions), one shared cache
 * ("offline-shared": CSS, JS, the "not saved" pages) and one record per guide in "offline-meta" (what was
 * saved, when, its revision and size). Responses a signed-in user got (Cache-Control: private) are refused.
 */
(() => {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const META = 'offline-meta';
  const SHARED = 'offline-shared';
  const language = document.documentElement.lang || 'en';
  const guideCache = (id) => `offline-guide-${id}`;
  const recordKey = (id) => `/offline-record/guide/${id}`;

  const format = (label, values) => label.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  const dateText = (iso) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  function sizeText(bytes) {
    const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
    const text = new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
    return text.replace(' ', '\u00a0'); // "979,6 kB" never breaks between the number and its unit
  }

  class SignedIn extends Error {}

  // Reading never creates the caches (caches.open would): nothing saved leaves nothing behind.
  async function records() {
    if (!(await caches.has(META))) return [];
    const meta = await caches.open(META);
    const keys = await meta.keys();
    const all = await Promise.all(keys.map((key) => meta.match(key).then((response) => response.json())));
    return all.sort((a, b) => a.title.localeCompare(b.title));
  }

  async function record(id) {
    if (!(await caches.has(META))) return null;
    const response = await (await caches.open(META)).match(recordKey(id));
    return response ? response.json() : null;
  }

  function storable(response) {
    const cacheControl = (response.headers.get('Cache-Control') || '').toLowerCase();
    if (/private|no-store/.test(cacheControl)) throw new SignedIn();
    if (!response.ok || response.redirected) throw new Error(`${response.status} ${response.url}`);
    return response;
  }

  // Fetch every URL, four at a time. With `optional`, one that fails is left out (null) instead of failing all.
  async function fetchAll(urls, onProgress, optional = false) {
    const results = new Array(urls.length);
    let next = 0;
    let done = 0;
    let size = 0;
    async function worker() {
      while (next < urls.length) {
        const index = next++;
        try {
          const response = storable(await fetch(urls[index], { cache: 'no-store', credentials: 'same-origin' }));
          const body = await response.blob();
          results[index] = new Response(body, { status: response.status, headers: response.headers });
          size += body.size;
        } catch (error) {
          if (!optional || error instanceof SignedIn) throw error;
          results[index] = null;
        }
        onProgress(++done, urls.length, size);
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()]);
    return { results, size };
  }

  async function imagesIn(pages, known) {
    const images = new Set();
    for (const response of pages) {
      const html = new DOMParser().parseFromString(await response.clone().text(), 'text/html');
      html.querySelectorAll('main img[src]').forEach((image) => {
        const url = new URL(image.getAttribute('src'), window.location.href);
        const path = url.pathname + url.search;
        if (url.origin === window.location.origin && !known.has(path)) images.add(path);
      });
    }
    return [...images];
  }

  async function saveGuide(manifestUrl, onProgress) {
    await navigator.serviceWorker.register('/sw.js');
    const manifest = await fetch(manifestUrl, { cache: 'no-store' }).then((response) => storable(response).json());
    const own = [...manifest.pages.map((page) => page.url), ...manifest.definitions];
    const shared = [...manifest.static, ...Object.values(manifest.fallbacks)];
    const urls = [...own, ...shared];
    // Everything is fetched before anything is stored: a failure leaves the earlier copy as it was. The
    // browser's HTTP cache is left out both ways (no-store): the copy is what the server says now.
    const listed = await fetchAll(urls, onProgress);
    // The pages' own images (figures in sections) are not in the manifest: they are found in the pages.
    const images = await imagesIn(listed.results.slice(0, manifest.pages.length), new Set(urls));
    const found = await fetchAll(
      images,
      (done, total, size) => onProgress(urls.length + done, urls.length + total, listed.size + size),
      true, // a missing picture leaves a gap in the saved page, not an unsaved guide
    );
    const size = listed.size + found.size;
    await caches.delete(guideCache(manifest.id));
    const [ownCache, sharedCache, meta] = await Promise.all([
      caches.open(guideCache(manifest.id)),
      caches.open(SHARED),
      caches.open(META),
    ]);
    const entries = [
      ...urls.map((url, index) => [index < own.length ? ownCache : sharedCache, url, listed.results[index]]),
      ...images.map((url, index) => [ownCache, url, found.results[index]]),
    ];
    await Promise.all(entries.filter((entry) => entry[2]).map(([cache, url, response]) => cache.put(url, response)));
    const saved = {
      id: manifest.id,
      language: manifest.language,
      title: manifest.title,
      url: manifest.url,
      manifest_url: manifestUrl,
      revision: manifest.revision,
      saved_at: new Date().toISOString(),
      size,
      pages: manifest.pages,
    };
    await meta.put(recordKey(manifest.id), new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }));
    return saved;
  }

  async function removeGuide(id) {
    await caches.delete(guideCache(id));
    await (await caches.open(META)).delete(recordKey(id));
    if ((await records()).length === 0) await Promise.all([caches.delete(SHARED), caches.delete(META)]);
  }

  // Whether the service worker answered this page from a saved copy (not the network).
  function servedFromSaved() {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return Promise.resolve(false);
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data === true);
      worker.postMessage({ type: 'served-from-saved' }, [channel.port2]);
      setTimeout(resolve, 2000, false);
    });
  }

  async function newerRevision(saved) {
    if (!navigator.onLine) return false;
    try {
      const response = await fetch(saved.manifest_url, { cache: 'no-cache' });
      if (!response.ok) return false; // a guide withdrawn since: nothing newer to save (docs/offline.md)
      return (await response.json()).revision !== saved.revision;
    } catch (error) {
      return false;
    }
  }

  // The line under the header: "Saved on …. Updated …. Reviewed …." and the newer-version notice.
  async function showStatus() {
    const status = document.querySelector('[data-offline-status]');
    if (!status) return;
    const path = window.location.pathname;
    const guides = await records();
    const saved = guides.find((guide) => guide.pages.some((page) => page.url === path));
    if (!saved) return;
    const page = saved.pages.find((item) => item.url === path);
    const line = status.querySelector('.offline-saved-line');
    if (await servedFromSaved()) {
      const parts = [format(line.dataset.savedLabel, { date: dateText(saved.saved_at) })];
      if (page.updated_text) parts.push(format(line.dataset.updatedLabel, { date: page.updated_text }));
      if (page.reviewed_text) parts.push(format(line.dataset.reviewedLabel, { date: page.reviewed_text }));
      line.textContent = parts.join(' ');
      line.hidden = false;
      status.hidden = false;
    }
    if (await newerRevision(saved)) {
      const notice = status.querySelector('.offline-newer');
      const button = notice.querySelector('[data-offline-update]');
      const message = notice.querySelector('p');
      button.addEventListener('click', async () => {
        button.disabled = true;
        message.textContent = button.dataset.updatingLabel;
        try {
          await saveGuide(saved.manifest_url, () => {});
          message.textContent = button.dataset.updatedLabel;
          button.hidden = true;
          line.hidden = true;
        } catch (error) {
          message.textContent = button.dataset.errorLabel;
          button.disabled = false;
        }
      });
      notice.hidden = false;
      status.hidden = false;
    }
  }

  async function savePanel(panel) {
    const state = panel.querySelector('[data-state]');
    const progress = panel.querySelector('[data-progress]');
    const save = panel.querySelector('[data-save]');
    const remove = panel.querySelector('[data-remove]');
    const labels = panel.dataset;
    function show(saved) {
      state.textContent = saved
        ? format(labels.savedLabel, { date: dateText(saved.saved_at), size: sizeText(saved.size) })
        : labels.notSavedLabel;
      save.hidden = Boolean(saved);
      remove.hidden = !saved;
    }
    save.addEventListener('click', async () => {
      save.disabled = true;
      progress.hidden = false;
      try {
        const saved = await saveGuide(labels.manifest, (done, total, size) => {
          progress.max = total;
          progress.value = done;
          state.textContent = format(labels.savingLabel, { done, total, size: sizeText(size) });
        });
        show(saved);
        remove.focus();
      } catch (error) {
        state.textContent = error instanceof SignedIn ? labels.signedInLabel : labels.errorLabel;
      } finally {
        save.disabled = false;
        progress.hidden = true;
      }
    });
    remove.addEventListener('click', async () => {
      await removeGuide(labels.guide);
      show(null);
      state.textContent = labels.removedLabel;
      save.focus();
    });
    show(await record(labels.guide));
    panel.hidden = false;
  }

  async function savedList(list) {
    const items = list.querySelector('.offline-guides');
    const empty = list.querySelector('.offline-empty');
    const state = list.querySelector('.offline-list-state');
    const labels = list.dataset;
    async function draw() {
      const guides = await records();
      items.replaceChildren(
        ...guides.map((guide) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = guide.url;
          link.textContent = guide.title;
          link.lang = guide.language;
          const details = document.createElement('span');
          details.className = 'offline-guide-details';
          const { updated_text: updated, reviewed_text: reviewed } = guide.pages[0];
          details.textContent = [
            format(labels.savedLabel, { date: dateText(guide.saved_at) }),
            updated && format(labels.updatedLabel, { date: updated }),
            reviewed && format(labels.reviewedLabel, { date: reviewed }),
            sizeText(guide.size),
          ]
            .filter(Boolean)
            .join(' · ');
          item.append(link, details);
          if ('removable' in labels) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'button button-secondary';
            const name = document.createElement('span');
            name.className = 'visually-hidden';
            name.textContent = ` ${guide.title}`; // "Remove" is seen; "Remove <title>" is heard
            button.append(labels.removeLabel, name);
            button.addEventListener('click', async () => {
              await removeGuide(guide.id);
              state.textContent = format(labels.removedLabel, { title: guide.title });
              await draw();
              list.closest('main')?.focus();
            });
            item.append(button);
          }
          return item;
        }),
      );
      items.hidden = guides.length === 0;
      empty.hidden = guides.length > 0;
    }
    await draw();
  }

  document.querySelectorAll('[data-offline-unsupported]').forEach((element) => {
    element.hidden = true;
  });
  document.querySelectorAll('[data-offline-save]').forEach(savePanel);
  document.querySelectorAll('[data-offline-list]').forEach(savedList);
  showStatus();
})();
