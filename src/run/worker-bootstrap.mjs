// Worker threads start as plain Node: register tsx's ESM loader (the project runs TypeScript
// under tsx, and under vitest, which does not reach into workers), then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
