// The extraction path's entry points compiled into a few files (esbuild), beside the modules tsc
// wrote: `bundle/extract.js` and `bundle/worker.js`, plus shared chunks and one chunk per
// dynamic import (so what the code imports lazily, e.g. the Redis queue, stays lazy). Loading ~120 project modules and
// ~95 of zod's one by one (resolve, read, compile, link) cost about 90 ms of CPU per thread, in the
// main thread and again in each worker; one file costs a third of it. Each module's
// `import.meta.url` is rewritten to its own file's URL, relative to the bundle, so every path the
// code derives from it (models/, dictionaries/, .cache/, the lexicon cache's code hash) is the one
// the unbundled module would use. Packages that are large, native or loaded only on some inputs
// (pdf.js, SQLite, the Redis queue) stay outside and are imported from node_modules as before.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** entries (relative to the build folder), each written as bundle/<file name> */
export const ENTRIES = ['cli/extract.js', 'run/worker.js'];
export const BUNDLE_DIR = 'bundle';
/** packages compiled into the bundles: pure JavaScript, on every run's path */
const INLINED = new Set(['zod', 'p-queue', 'p-timeout', 'eventemitter3', 'saxes', 'xmlchars']);

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Writes the bundles into `dir` (a finished tsc output); returns false, with the reason on stderr, when esbuild is missing or fails. */
export async function writeBundles(dir) {
  let esbuild;
  try { esbuild = await import('esbuild'); } catch { console.error('build: esbuild is not installed; lib/ runs unbundled'); return false; }
  const outdir = path.join(dir, BUNDLE_DIR);
  const plugin = {
    name: 'biotriples',
    setup(build) {
      // bare package names: compiled in, or left to node_modules
      build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('node:') || !INLINED.has(packageName(args.path)) ? { path: args.path, external: true } : undefined));
      // each of our modules sees its own URL (every output file lies in outdir)
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(dir + path.sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const rel = path.relative(outdir, args.path).split(path.sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
  try {
    await esbuild.build({
      entryPoints: ENTRIES.map((e) => path.join(dir, e)), outdir, entryNames: '[name]', chunkNames: 'chunk-[hash]',
      bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', plugins: [plugin], logLevel: 'warning', legalComments: 'none',
    });
  } catch (e) {
    console.error(`build: bundling failed (${e.message}); lib/ runs unbundled`);
    return false;
  }
  return true;
}
