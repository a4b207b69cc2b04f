import { type Locator, type Page, expect } from '@playwright/test';

/** Page-object helpers for the issue-15 walk (drops, path dialog, notices, toasts). */
export class Issue15Page {
  constructor(readonly page: Page) {}

  get notices(): Locator {
    return this.page.getByTestId('notice');
  }
  get errorToasts(): Locator {
    return this.page.getByTestId('error-toast');
  }

  /** Drops files (name + bytes) on the window, as a user dragging them from the desktop. */
  async drop(files: { name: string; bytes: number[]; type?: string }[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? '' }));
      return dt;
    }, files);
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer });
  }

  /** Open folder… in browser mode: the path dialog, optionally asking for a new workspace. */
  async openFolder(path: string, create = false): Promise<void> {
    await this.page.getByTestId('menu-file').click();
    await this.page.getByTestId('menu-open-folder').click();
    await this.page.getByTestId('path-input').fill(path);
    if (create) await this.page.getByTestId('path-create').check();
    await this.page.getByTestId('path-dialog-ok').click();
  }

  /** Whether two elements' boxes overlap on screen. */
  async overlaps(a: Locator, b: Locator): Promise<boolean> {
    const [x, y] = [await a.boundingBox(), await b.boundingBox()];
    expect(x && y).toBeTruthy();
    return !(x!.x + x!.width <= y!.x || y!.x + y!.width <= x!.x || x!.y + x!.height <= y!.y || y!.y + y!.height <= x!.y);
  }
}
