/**
 * Saves generated content (a CSV table, a chart image) through an `<a download>` link. The CSP
 * allows blob: and data: URLs for images only; a download link is not a fetch, so it is not
 * blocked (tested in e2e/web/datasets.spec.ts).
 */
export function downloadUrl(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, filename);
  // the download has started from the click; the URL is kept a little for slow hosts
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name that is safe on every platform: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return s.slice(0, 120) || 'export';
}
