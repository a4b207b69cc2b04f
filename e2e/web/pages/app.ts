import { type Locator, type Page, expect } from '@playwright/test';

/** Page object of the review UI (browser mode). */
export class AppPage {
  constructor(readonly page: Page) {}

  get docList(): Locator {
    return this.page.getByTestId('doc-list');
  }
  get report(): Locator {
    return this.page.getByTestId('report-view');
  }
  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }
  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /**
   * Keeps the selection on a finding after a (accept) / x (reject): the setting that keeps the
   * behaviour from before "one key per decision" (call before goto).
   */
  async stayOnDecision(): Promise<void> {
    await this.page.addInitScript(() => localStorage.setItem('report-annotator.review', JSON.stringify({ advance: false })));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.docList.getByTestId('doc-item').first()).toBeVisible({ timeout: 30_000 });
  }

  async setLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByTestId('lang-select').selectOption(lang);
  }

  async openSample(): Promise<void> {
    await this.page.getByTestId('menu-file').click();
    await this.page.getByTestId('menu-open-sample').click();
    await expect(this.docList.getByTestId('doc-item').first()).toBeVisible({ timeout: 30_000 });
  }

  async openDocument(name: string): Promise<void> {
    await this.docList.getByTestId('doc-item').filter({ hasText: name }).click();
    await expect(this.page.getByTestId('report-title')).toContainText(name, { timeout: 20_000 });
    await expect(this.report.locator('p[data-pi]').first()).toBeVisible();
  }

  /** Presses a key with the focus on the page body (not in a field). */
  async key(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async selectedFindingId(): Promise<string | null> {
    return this.inspector.getAttribute('data-finding-id');
  }

  async selectedStatus(): Promise<string | null> {
    return this.page.getByTestId('finding-status').getAttribute('data-status');
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }

  /** Selects the text [from, to) of the first occurrence of `needle` in the visible report. */
  async selectText(needle: string): Promise<void> {
    await this.page.evaluate((n) => {
      const root = document.querySelector('[data-testid="report-view"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.textContent!.indexOf(n);
        if (i >= 0) {
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + n.length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
      throw new Error(`text not found: ${n}`);
    }, needle);
  }
}
