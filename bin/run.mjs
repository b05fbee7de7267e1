#!/usr/bin/env node
// `node bin/run.mjs <cli> [args]`: runs lib/cli/<cli>.js when lib/ was built from the current src/
// (start-up without tsx's transform hooks), else src/cli/<cli>.ts under tsx, so an edited source
// never runs stale code. BIOTRIPLES_BUILD=0 forces the sources.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsCurrent } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [cli, ...args] = process.argv.slice(2);
if (!cli || !/^[a-z0-9-]+$/.test(cli) || !existsSync(path.join(root, 'src', 'cli', `${cli}.ts`))) {
  console.error(`bin/run.mjs: no CLI named ${JSON.stringify(cli ?? '')} in src/cli/`);
  process.exit(2);
}

let target;
if (process.env.BIOTRIPLES_BUILD !== '0' && buildIsCurrent(root)) {
  // the one-file build of the CLI where bin/bundle.mjs made one (extract), else its modules
  const bundle = path.join(root, 'lib', 'bundle', `${cli}.js`);
  target = existsSync(bundle) ? bundle : path.join(root, 'lib', 'cli', `${cli}.js`);
} else {
  if (process.env.BIOTRIPLES_BUILD !== '0' && !args.includes('--quiet')) {
    console.error('note: lib/ is missing or older than src/; running the sources under tsx (`npm run build` makes start-up faster)');
  }
  const { register } = await import('tsx/esm/api');
  register();
  target = path.join(root, 'src', 'cli', `${cli}.ts`);
}
// the CLI sees itself as the script (some compare process.argv[1] with their own path)
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
