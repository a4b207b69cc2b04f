/**
 * The preload of the sandboxed renderer: the only renderer-side file that touches raw
 * ipcRenderer. It exposes exactly one global, `window.api`, an ApiBridge (src/core/api.ts).
 * The renderer declares the global with that type: `interface Window { api?: ApiBridge }`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

export type { ApiBridge as WindowApi } from '../core/api';

contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer));
