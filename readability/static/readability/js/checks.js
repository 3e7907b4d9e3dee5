/* The plain-language section of the editor's Checks panel: a flagged sentence or hard word, clicked,
 * is found and selected in the page preview, and the preview panel opens to show it; when the text is
 * not in the preview (edited since the revision was saved), the panel says so.
 *
 * A Stimulus controller registered with Wagtail's own Stimulus application (window.wagtail.app), as
 * Wagtail documents for extending the admin; no inline script.
 */
(() => {
  const { Controller } = window.StimulusModule;
  const PREVIEW_WAIT_MS = 10000;
  const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  const BLOCKS = 'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, div, section';

  /** The preview iframe once it shows the current form data. */
  function previewFrame() {
    const preview = document.querySelector('[data-controller~="w-preview"]');
    const frame = () => document.getElementById('w-preview-iframe');
    const loaded = (iframe) =>
      iframe && iframe.contentDocument && iframe.contentDocument.readyState === 'complete' &&
      iframe.contentDocument.body && iframe.contentDocument.body.textContent.trim() !== '';
    const stale = () => preview && preview.dataset.wPreviewStaleValue !== 'false';
    if (loaded(frame()) && !stale()) return Promise.resolve(frame());
    return new Promise((resolve) => {
      const done = () => {
        document.removeEventListener('w-preview:updated', done);
        clearTimeout(timer);
        resolve(frame());
      };
      const timer = setTimeout(done, PREVIEW_WAIT_MS);
      document.addEventListener('w-preview:updated', done);
    });
  }

  /** Resolves after the browser has laid out and painted twice. */
  function nextFrames() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(resolve));
    });
  }

  /** The text nodes under `root` joined, with their offsets, whitespace collapsed as the panel shows it; a
   * space between text of different blocks (a list item ending "…)." and the paragraph after it), as the
   * panel's sentences are split, even where the markup has no whitespace between the blocks. */
  function flatten(root) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const positions = []; // for each character of `text`: [node, offset]
    let text = '';
    let block = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const nodeBlock = node.parentElement && node.parentElement.closest(BLOCKS);
      if (nodeBlock !== block && text !== '' && !text.endsWith(' ')) {
        text += ' ';
        positions.push([node, 0]);
      }
      block = nodeBlock;
      for (let i = 0; i < node.data.length; i += 1) {
        const char = /\s/.test(node.data[i]) ? ' ' : node.data[i];
        if (char === ' ' && (text === '' || text.endsWith(' '))) continue;
        text += char;
        positions.push([node, i]);
      }
    }
    return { text, positions };
  }

  /** A Range over the first whole-word occurrence of `wanted` in the preview's main content, or null. */
  function findRange(doc, wanted) {
    const root = doc.querySelector('main, [role="main"]') || doc.body;
    const { text, positions } = flatten(root);
    const needle = wanted.replace(/\s+/g, ' ').trim();
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const before = text[at - 1] || ' ';
      const after = text[at + needle.length] || ' ';
      if (LETTER_OR_DIGIT.test(before) || LETTER_OR_DIGIT.test(after)) continue;
      const range = doc.createRange();
      const [startNode, startOffset] = positions[at];
      const [endNode, endOffset] = positions[at + needle.length - 1];
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset + 1);
      return range;
    }
    return null;
  }

  /** Select the first occurrence of `wanted` in the preview `iframe` and scroll the preview (only) to it. */
  function select(iframe, wanted) {
    const range = iframe && iframe.contentDocument && findRange(iframe.contentDocument, wanted);
    if (!range) return;
    const selection = iframe.contentWindow.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    // Scroll the preview only (scrollIntoView would scroll the editor too).
    const view = iframe.contentWindow;
    view.scrollBy({ top: range.getBoundingClientRect().top - view.innerHeight / 2 });
  }

  class ReadabilityChecksController extends Controller {
    static targets = ['status'];
    static values = { notFound: String };

    /** Find the text in the preview (loaded while the Checks panel is open), then show the preview. */
    async find(event) {
      const wanted = event.params.text;
      const iframe = await previewFrame();
      if (!(iframe && iframe.contentDocument && findRange(iframe.contentDocument, wanted))) {
        this.statusTarget.textContent = this.notFoundValue;
        return;
      }
      this.statusTarget.textContent = '';
      const toggle = document.querySelector('[data-side-panel-toggle="preview"]');
      if (toggle && toggle.getAttribute('aria-expanded') !== 'true') {
        // Opening the panel may make Wagtail reload the preview, into a new iframe that replaces this one:
        // select the text again in the new one when it has loaded.
        const again = () => select(document.getElementById('w-preview-iframe'), wanted);
        document.addEventListener('w-preview:loaded', again, { once: true });
        setTimeout(() => document.removeEventListener('w-preview:loaded', again), PREVIEW_WAIT_MS);
        toggle.click();
        await nextFrames(); // the preview panel must be laid out before it can scroll
      }
      select(iframe, wanted);
    }
  }

  window.wagtail.app.register('readability-checks', ReadabilityChecksController);
})();
