// `npm start` (built to dist/server/main.js). A restart is when a workshop waits (#19 §1): most of
// a cold start was V8 compiling the bundled server (~3.5 MB). Node's on-disk compile cache
// (NODE_COMPILE_CACHE, else the OS temp folder) keeps that work from one start to the next, so it
// is switched on here, before the server module is loaded; the server itself is serve.ts.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./serve');
