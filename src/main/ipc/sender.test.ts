import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RendererEntry } from '../electron/paths';
import { createSenderCheck, isAppUrl } from './sender';

const html = join('/', 'app', 'out', 'renderer', 'index.html');
const fileEntry: RendererEntry = { kind: 'file', file: html };
const devEntry: RendererEntry = { kind: 'url', url: 'http://localhost:5173/' };
const appUrl = pathToFileURL(html).href;

describe('isAppUrl', () => {
  it('matches our built index.html, with or without query and hash', () => {
    expect(isAppUrl(appUrl, fileEntry)).toBe(true);
    expect(isAppUrl(`${appUrl}?x=1#/doc/2`, fileEntry)).toBe(true);
  });

  it('refuses other files and other schemes', () => {
    expect(isAppUrl(pathToFileURL(join('/', 'tmp', 'index.html')).href, fileEntry)).toBe(false);
    expect(isAppUrl(pathToFileURL(join('/', 'app', 'out', 'renderer', 'other.html')).href, fileEntry)).toBe(false);
    expect(isAppUrl('https://evil.example/app/out/renderer/index.html', fileEntry)).toBe(false);
    expect(isAppUrl('about:blank', fileEntry)).toBe(false);
    expect(isAppUrl('', fileEntry)).toBe(false);
  });

  it('in development matches the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/index.html', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', devEntry)).toBe(false);
  });
});

describe('createSenderCheck', () => {
  const ours = { id: 1 };
  const check = createSenderCheck(fileEntry, (c) => c === ours);

  it('trusts the top frame of our window on our page', () => {
    expect(check({ sender: ours, senderFrame: { url: appUrl, parent: null } })).toBe(true);
  });

  it('refuses another webContents, a subframe, a missing frame or a foreign page', () => {
    expect(check({ sender: { id: 2 }, senderFrame: { url: appUrl, parent: null } })).toBe(false);
    expect(check({ sender: ours, senderFrame: { url: appUrl, parent: {} } })).toBe(false);
    expect(check({ sender: ours, senderFrame: null })).toBe(false);
    expect(check({ sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } })).toBe(false);
  });

  it('refuses (without throwing) a frame that throws on access', () => {
    const destroyed = { get url(): string { throw new Error('Render frame was disposed'); }, parent: null };
    expect(check({ sender: ours, senderFrame: destroyed })).toBe(false);
  });
});
