// Fetches a document's original with the API key (a link cannot send headers) and opens or saves it as a blob URL.
// A blob URL keeps the app's origin and drops the server's Content-Disposition and CSP, so whatever it renders runs
// inside ChatRag with the API key in reach: only types that cannot carry script open inline, under a blob type chosen
// here (never the file's own), and everything else (HTML, SVG, XML, unknown) is saved as application/octet-stream.
const inlineTypes = {
  'application/pdf': 'application/pdf',
  'text/plain': 'text/plain;charset=utf-8',
  'text/markdown': 'text/plain;charset=utf-8',
  'text/csv': 'text/plain;charset=utf-8',
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp'
};

window.chatrag = {
  async fetchFile(url, key) {
    const response = await fetch(url, { headers: key ? { 'X-Api-Key': key } : {} });
    if (!response.ok) {
      // The status leads the message so the page can say it in plain words (404: the document was deleted).
      let message = 'The file could not be fetched.';
      try { const p = await response.json(); message = (p.title || '') + (p.detail ? ': ' + p.detail : ''); } catch { }
      throw new Error('[' + response.status + '] ' + message);
    }
    const essence = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    return { bytes: await response.arrayBuffer(), inlineType: Object.hasOwn(inlineTypes, essence) ? inlineTypes[essence] : null };
  },
  async openFile(url, key, page, name) {
    // Opened before the fetch, while the click still counts as a user gesture (popup blockers), and cut off from us.
    const tab = window.open('', '_blank');
    if (tab) { tab.opener = null; }
    let file;
    try {
      file = await window.chatrag.fetchFile(url, key);
    } catch (e) {
      tab?.close();
      throw e;
    }
    if (!file.inlineType) {
      tab?.close();
      window.chatrag.save(file.bytes, name);
      return;
    }
    const blob = URL.createObjectURL(new Blob([file.bytes], { type: file.inlineType }));
    const target = page && file.inlineType === 'application/pdf' ? blob + '#page=' + page : blob;
    if (tab) { tab.location.href = target; } else { window.location.href = target; }
  },
  scrollToEnd(element) {
    if (element) { element.scrollTop = element.scrollHeight; }
  },
  async downloadFile(url, key, name) {
    const file = await window.chatrag.fetchFile(url, key);
    window.chatrag.save(file.bytes, name);
  },
  save(bytes, name) {
    // octet-stream: a saved copy is never rendered from our origin, whatever the file holds.
    const blob = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = blob; a.download = name || 'document';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(blob), 60000);
  },
  // The source panel takes focus when it opens and gives it back to the citation that opened it when it closes.
  enterPanel(panel) {
    if (!panel) { return; }
    const from = document.activeElement;
    if (from && !panel.contains(from)) { panelOpener = from; }
    panel.focus();
  },
  leavePanel() {
    const to = panelOpener;
    panelOpener = null;
    if (to && to.isConnected) { to.focus(); }
  },
  // Files dropped anywhere on the conversation go to the upload input, as if chosen with it.
  forwardDrops(zone, inputId) {
    if (!zone || zone.dataset.dropsForwarded) { return; }
    zone.dataset.dropsForwarded = '1';
    const carriesFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    zone.addEventListener('dragover', e => { if (carriesFiles(e)) { e.preventDefault(); zone.classList.add('dragging'); } });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', e => {
      zone.classList.remove('dragging');
      const input = document.getElementById(inputId);
      // A drop on the file input itself is already its own; forwarding it would upload twice.
      if (!carriesFiles(e) || !input || e.target === input) { return; }
      e.preventDefault();
      input.files = e.dataTransfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
};

let panelOpener = null;

// Escape closes the source panel wherever the focus is.
document.addEventListener('keydown', e => {
  if (e.key === 'Escape' && !e.defaultPrevented) {
    const close = document.querySelector('.citation-panel .close');
    if (close) { e.preventDefault(); close.click(); }
  }
});

// Enter sends the message, Shift+Enter starts a new line (a textarea alone would insert the newline).
document.addEventListener('keydown', e => {
  const box = e.target;
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && box instanceof HTMLTextAreaElement && box.hasAttribute('data-submit-on-enter')) {
    e.preventDefault();
    box.form?.requestSubmit();
  }
});

document.addEventListener('click', e => {
  if (e.target instanceof Element && e.target.matches('#blazor-error-ui .dismiss')) {
    document.getElementById('blazor-error-ui').style.display = 'none';
  }
});
