/*
 * Glossary terms in the guide text open their definition in place.
 * Without this script a term is a plain link to its glossary page. With it, the same link acts as a
 * disclosure button (role="button", aria-expanded; Enter and Space open it) followed by a panel filled
 * from /api/glossary/<slug>/. It stays an inline link, not a <button>: a button is laid out as an
 * inline-block, so a long term could not wrap and a ")" or "," after it could start a new line.
 * Escape closes the open panel and returns focus to its term; so does the panel's Close button.
 */
(() => {
  const script = document.currentScript;
  const labelsOf = (dataset) => ({
    close: dataset?.closeLabel || 'Close',
    more: dataset?.moreLabel || 'More about this term',
    loading: dataset?.loadingLabel || 'Loading…',
    error: dataset?.errorLabel || 'The definition could not be loaded.',
  });
  const labels = labelsOf(script?.dataset);
  // A page in two languages (the side-by-side view) gives each language's labels on a hidden element, so a
  // term's panel speaks the language of the text around it.
  const labelsByLanguage = new Map(
    [...document.querySelectorAll('.glossary-labels[lang]')].map((node) => [node.lang, labelsOf(node.dataset)]),
  );
  const labelsFor = (link) => labelsByLanguage.get(link.closest('[lang]')?.lang) || labels;
  const definitions = new Map();
  let openTerm = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function fetchDefinition(apiUrl) {
    if (!definitions.has(apiUrl)) {
      const request = fetch(apiUrl, { headers: { Accept: 'application/json' } })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then((data) => Object.values(data.translations).find(Boolean));
      request.catch(() => definitions.delete(apiUrl)); // let a later click try again
      definitions.set(apiUrl, request);
    }
    return definitions.get(apiUrl);
  }

  function fill(term, entry) {
    const { panel, link } = term;
    panel.replaceChildren();
    const heading = element('strong', 'glossary-panel-name', entry ? entry.name : link.textContent);
    panel.append(heading);
    if (entry && entry.pronunciation) panel.append(element('span', 'glossary-panel-pronunciation', entry.pronunciation));
    // The side-by-side view (bilingual/) gives each term its name in the other language.
    const { glossaryOtherName: otherName, glossaryOtherLang: otherLang, glossaryOtherLabel: otherLabel } = link.dataset;
    if (otherName) {
      const other = element('span', 'glossary-panel-other', `${otherLabel} `);
      const name = element('span', null, otherName);
      name.lang = otherLang;
      other.append(name);
      panel.append(other);
    }
    const text = labelsFor(link);
    panel.append(element('span', 'glossary-panel-definition', entry ? entry.definition_text : text.error));
    const more = element('a', 'glossary-panel-more', text.more);
    more.href = entry ? entry.url : link.href;
    const close = element('button', 'glossary-panel-close', text.close);
    close.type = 'button';
    close.addEventListener('click', () => closeTerm(term, true));
    panel.append(more, close);
  }

  function openTermPanel(term) {
    if (openTerm && openTerm !== term) closeTerm(openTerm, false);
    openTerm = term;
    term.link.setAttribute('aria-expanded', 'true');
    term.panel.hidden = false;
    if (!term.loaded) {
      term.panel.replaceChildren(element('span', 'glossary-panel-loading', labelsFor(term.link).loading));
      fetchDefinition(term.link.dataset.glossaryApi)
        .then((entry) => {
          term.loaded = true;
          fill(term, entry);
        })
        .catch(() => fill(term, null));
    }
  }

  function closeTerm(term, returnFocus) {
    term.link.setAttribute('aria-expanded', 'false');
    term.panel.hidden = true;
    if (openTerm === term) openTerm = null;
    if (returnFocus) term.link.focus();
  }

  function toggle(term) {
    if (term.link.getAttribute('aria-expanded') === 'true') closeTerm(term, false);
    else openTermPanel(term);
  }

  // Where the definition opens: after the term, past the end of bold or italic text it closes and past
  // punctuation right after it, so that ")," or "." stays on the term's line, not after the panel.
  function panelPlace(link) {
    let node = link;
    while (!node.nextSibling && node.parentElement.matches('b, strong, em, i')) node = node.parentElement;
    const next = node.nextSibling;
    const closing = next && next.nodeType === Node.TEXT_NODE && next.textContent.match(/^[^\s\p{L}\p{N}]+/u);
    if (!closing) return node;
    if (closing[0].length < next.textContent.length) next.splitText(closing[0].length);
    return next;
  }

  function enhance(link, index) {
    const panel = element('span', 'glossary-panel');
    panel.id = `glossary-panel-${index}`;
    panel.hidden = true;
    link.setAttribute('role', 'button');
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', panel.id);
    const term = { link, panel, loaded: false };
    link.addEventListener('click', (event) => {
      event.preventDefault();
      toggle(term);
    });
    link.addEventListener('keydown', (event) => {
      if (event.key !== ' ') return;
      event.preventDefault(); // a button opens with Space; a link would scroll the page
      toggle(term);
    });
    panelPlace(link).after(panel);
  }

  document.querySelectorAll('a.glossary-term[data-glossary-api]').forEach(enhance);

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openTerm) {
      event.preventDefault();
      closeTerm(openTerm, true);
    }
  });

  document.addEventListener('click', (event) => {
    if (openTerm && !openTerm.link.contains(event.target) && !openTerm.panel.contains(event.target)) {
      closeTerm(openTerm, false);
    }
  });
})();
