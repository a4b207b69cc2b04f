/**
 * Hardening: the items of Electron's security checklist that the unit tests beside each file do
 * not pin down, checked over the sources so that a later change cannot quietly undo them:
 * no experimental or Blink features, no insecure content, no privileged custom schemes, no
 * remote module, shell.openExternal only behind the https filter, raw ipc only in the bridges,
 * and the page's <meta> CSP never weaker than the header policy.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP_META } from './csp';

const SRC = resolve(__dirname, '../..');

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(e) && !/\.test\.tsx?$/.test(e) && !p.includes(`${join('electron', 'testing')}`)) out.push({ file: relative(SRC, p), text: withoutComments(readFileSync(p, 'utf8')) });
  }
  return out;
}

/** Code only: comments may name what the code must not do. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const all = sources(SRC);
const withPattern = (re: RegExp) => all.filter((s) => re.test(s.text)).map((s) => s.file);

describe('Electron checklist over the sources', () => {
  it('never turns on experimental features, Blink features, insecure content or off web security', () => {
    expect(withPattern(/experimentalFeatures\s*:\s*true/)).toEqual([]);
    expect(withPattern(/enableBlinkFeatures/)).toEqual([]);
    expect(withPattern(/allowRunningInsecureContent\s*:\s*true/)).toEqual([]);
    expect(withPattern(/webSecurity\s*:\s*false/)).toEqual([]);
    expect(withPattern(/nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/)).toEqual([]);
    expect(withPattern(/contextIsolation\s*:\s*false/)).toEqual([]);
    expect(withPattern(/sandbox\s*:\s*false/)).toEqual([]);
    expect(withPattern(/webviewTag\s*:\s*true/)).toEqual([]);
  });

  it('registers no privileged custom scheme and uses no remote module', () => {
    expect(withPattern(/registerSchemesAsPrivileged|bypassCSP|@electron\/remote|enableRemoteModule/)).toEqual([]);
  });

  it('calls shell.openExternal only in the https filter', () => {
    const calls = all.flatMap((s) => [...s.text.matchAll(/shell\.openExternal\s*\(/g)].map(() => s.file));
    expect(calls).toEqual([join('main', 'electron', 'security.ts')]);
  });

  it('does not evaluate strings as code in the main process, preload or core', () => {
    const offenders = all.filter((s) => !s.file.startsWith('renderer') && /(^|[^.\w])eval\s*\(|new Function\s*\(/.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('touches raw ipcMain/ipcRenderer only in the two bridge files', () => {
    const files = withPattern(/import\s*\{[^}]*\bipc(Main|Renderer)\b[^}]*\}\s*from\s*'electron'|\.ipc(Main|Renderer)\b/);
    expect(files.sort()).toEqual([join('main', 'ipc', 'binding.ts'), join('preload', 'index.ts')].sort());
  });

  it("the page's <meta> CSP is never weaker than the policy of csp.ts", () => {
    const html = readFileSync(join(SRC, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'src/renderer/index.html has a CSP <meta>').toBeTruthy();
    const parse = (p: string) => new Map(p.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v] as const; }));
    const page = parse(meta!);
    const wanted = parse(RENDERER_CSP_META);
    const effective = (name: string) => page.get(name) ?? (name.endsWith('-src') ? page.get('default-src') : undefined);
    for (const [name, sources] of wanted) {
      const got = effective(name);
      expect(got, `${name} is set (or falls back to default-src)`).toBeTruthy();
      for (const s of got!) expect(sources.includes(s), `${name} allows ${s}, which csp.ts does not`).toBe(true);
    }
    expect(meta).not.toMatch(/unsafe-eval/);
    expect(page.get('script-src')).toEqual(["'self'"]);
  });
});
