/**
 * npm run gold:check [-- <dir or file.json> ...] [--corpus <dir>]
 *
 * Validates gold JSON files (default: corpus/gold/*.json) with the zod schema and the span and
 * consistency checks of src/evaluate/gold.ts. Prints one line per problem naming the file;
 * exits 1 when any error is found (warnings are printed but do not fail), 2 on usage errors.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type GoldProblem, defaultCorpusDir, formatProblem, listGoldFiles, loadGoldFile } from '../evaluate/gold.js';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { corpus: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: npm run gold:check -- [dir|file.json ...] [--corpus dir] [--quiet]');
    return 0;
  }
  const explicit = positionals.length > 0;
  const targets = explicit ? positionals : ['corpus/gold'];
  let files = 0;
  let errors = 0;
  let warnings = 0;
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info) {
      console.error(`gold:check: ${target}: no such file or directory`);
      return 2;
    }
    const list = info.isDirectory() ? await listGoldFiles(target) : [target];
    const corpusDir = values.corpus ?? (await defaultCorpusDir(info.isDirectory() ? target : path.dirname(target)));
    if (!list.length) {
      if (explicit) {
        console.error(`gold:check: no gold JSON files in ${target}`);
        return 1;
      }
      console.log(`gold:check: no gold JSON files in ${target} yet (adjudication pending); nothing to check`);
      continue;
    }
    for (const file of list) {
      files++;
      const { loaded, problems } = await loadGoldFile(file, corpusDir);
      const errs = problems.filter((p: GoldProblem) => p.severity === 'error');
      const warns = problems.filter((p: GoldProblem) => p.severity === 'warning');
      errors += errs.length;
      warnings += warns.length;
      for (const p of errs) console.error(formatProblem(p));
      if (!values.quiet) for (const p of warns) console.error(formatProblem(p));
      if (loaded && !errs.length && !values.quiet) {
        console.log(`ok ${file}: ${loaded.gold.entities.length} entities, ${loaded.gold.triples.length} triples${warns.length ? `, ${warns.length} warning(s)` : ''}`);
      }
    }
  }
  console.log(`gold:check: ${files} file(s), ${errors} error(s), ${warnings} warning(s)`);
  return errors ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
