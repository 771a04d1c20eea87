// Fetches a document's original with the API key (a link cannot send headers) and opens or saves it as a blob URL.
window.chatrag = {
  async fetchBlob(url, key) {
    const response = await fetch(url, { headers: key ? { 'X-Api-Key': key } : {} });
    if (!response.ok) {
      let message = 'The file could not be fetched (' + response.status + ').';
      try { const p = await response.json(); message = (p.title || '') + (p.detail ? ': ' + p.detail : ''); } catch { }
      throw new Error(message);
    }
    return URL.createObjectURL(await response.blob());
  },
  async openFile(url, key, page) {
    const tab = window.open('', '_blank');
    const blob = await window.chatrag.fetchBlob(url, key);
    const target = page ? blob + '#page=' + page : blob;
    if (tab) { tab.location.href = target; } else { window.location.href = target; }
  },
  scrollToEnd(element) {
    if (element) { element.scrollTop = element.scrollHeight; }
  },
  async downloadFile(url, key, name) {
    const blob = await window.chatrag.fetchBlob(url, key);
    const a = document.createElement('a');
    a.href = blob; a.download = name || 'document';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(blob), 60000);
  }
};

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
