/*
 * Glossary terms in the guide text open their definition in place.
 * Without this script a term is a plain link to its glossary page. With it, the link becomes a
 * disclosure button (aria-expanded) followed by a panel filled from /api/glossary/<slug>/.
 * Escape closes the open panel and returns focus to its button; so does the panel's Close button.
 */
(() => {
  const script = document.currentScript;
  const labels = {
    close: script?.dataset.closeLabel || 'Close',
    more: script?.dataset.moreLabel || 'More about this term',
    loading: script?.dataset.loadingLabel || 'Loading…',
    error: script?.dataset.errorLabel || 'The definition could not be loaded.',
  };
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
    panel.append(element('span', 'glossary-panel-definition', entry ? entry.definition_text : labels.error));
    const more = element('a', 'glossary-panel-more', labels.more);
    more.href = entry ? entry.url : link.href;
    const close = element('button', 'glossary-panel-close', labels.close);
    close.type = 'button';
    close.addEventListener('click', () => closeTerm(term, true));
    panel.append(more, close);
  }

  function openTermPanel(term) {
    if (openTerm && openTerm !== term) closeTerm(openTerm, false);
    openTerm = term;
    term.button.setAttribute('aria-expanded', 'true');
    term.panel.hidden = false;
    if (!term.loaded) {
      term.panel.replaceChildren(element('span', 'glossary-panel-loading', labels.loading));
      fetchDefinition(term.link.dataset.glossaryApi)
        .then((entry) => {
          term.loaded = true;
          fill(term, entry);
        })
        .catch(() => fill(term, null));
    }
  }

  function closeTerm(term, returnFocus) {
    term.button.setAttribute('aria-expanded', 'false');
    term.panel.hidden = true;
    if (openTerm === term) openTerm = null;
    if (returnFocus) term.button.focus();
  }

  function enhance(link, index) {
    const wrapper = element('span', 'glossary');
    const button = element('button', 'glossary-button', link.textContent);
    const panel = element('span', 'glossary-panel');
    panel.id = `glossary-panel-${index}`;
    panel.hidden = true;
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', panel.id);
    const term = { link, button, panel, loaded: false };
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-expanded') === 'true') closeTerm(term, false);
      else openTermPanel(term);
    });
    link.replaceWith(wrapper);
    wrapper.append(button, panel);
  }

  document.querySelectorAll('a.glossary-term[data-glossary-api]').forEach(enhance);

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openTerm) {
      event.preventDefault();
      closeTerm(openTerm, true);
    }
  });

  document.addEventListener('click', (event) => {
    if (openTerm && !openTerm.button.parentElement.contains(event.target)) closeTerm(openTerm, false);
  });
})();
