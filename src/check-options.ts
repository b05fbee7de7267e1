/**
 * Options checked before any work: a bad `--out` or an input with no papers stops the run at
 * once with an OptionError (the CLI's usage-error status), before anything is read or written.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class OptionError extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(reason);
  }
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The real path of p, resolving links in the part of it that exists (so a link cannot hide where it points). */
async function realPathOf(p: string): Promise<string> {
  const abs = path.resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(head), ...rest);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}

const within = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/** Throws an OptionError unless `out` is a folder we may fill: not '', not holding the project, the working or home folder, not inside the input or around it, not a file, writable. */
export async function checkOutputFolder(out: string, input: string): Promise<void> {
  if (!out.trim()) throw new OptionError('out-empty', '--out is empty: name an output folder (e.g. --out runs/today)');
  const real = await realPathOf(out);
  const guarded: Array<[string, string]> = [
    [await realPathOf(process.cwd()), 'the working directory'],
    [await realPathOf(PROJECT_ROOT), 'the project root'],
    [await realPathOf(os.homedir()), 'the home directory'],
  ];
  for (const [dir, what] of guarded)
    if (within(dir, real)) throw new OptionError('out-protected', `--out "${out}" is ${real === dir ? what : `a folder that holds ${what}`}: name a dedicated output folder (e.g. --out runs/today)`);
  const realInput = await realPathOf(input);
  if (within(real, realInput)) throw new OptionError('out-inside-input', `--out "${out}" is inside --input "${input}": the next run would read the output as papers`);
  if (within(realInput, real)) throw new OptionError('input-inside-out', `--input "${input}" is inside --out "${out}": the output folder belongs to the tool`);
  const info = await stat(real).catch(() => undefined);
  if (info && !info.isDirectory()) throw new OptionError('out-not-folder', `--out "${out}" exists and is not a folder`);
  const probe = path.join(real, `.biotriples-write-check-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(real, { recursive: true });
    await writeFile(probe, '');
  } catch (e) {
    throw new OptionError('out-unwritable', `--out "${out}" is not writable (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
