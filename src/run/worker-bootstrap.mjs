// Worker threads start as plain Node. From lib/ (the compiled build, which bin/run.mjs uses only
// when current) load the compiled worker; from src/ register tsx's ESM loader first (the project
// runs TypeScript under tsx, and under vitest, which does not reach into workers).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (existsSync(fileURLToPath(new URL('./worker.ts', import.meta.url)))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
} else if (existsSync(fileURLToPath(new URL('../bundle/worker.js', import.meta.url)))) {
  // the build's one-file worker (bin/bundle.mjs): a third of the module-loading cost
  await import('../bundle/worker.js');
} else {
  await import('./worker.js');
}
