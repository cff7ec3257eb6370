// The sandboxed preload: exposes window.api and nothing else (the logic is in preload/expose-api.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './preload/expose-api';

exposeApi(contextBridge, ipcRenderer);
