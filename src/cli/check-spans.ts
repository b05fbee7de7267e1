/** `npm run check:spans -- <run>`: every span of a run equals the original text it points into. */
import { checkSpans } from '../export/check-spans.js';
import { readRun } from '../export/run.js';

const dir = process.argv[2];
if (!dir) { console.error('usage: npm run check:spans -- <run folder>'); process.exit(2); }
try {
  const r = checkSpans(readRun(dir));
  for (const p of r.problems.slice(0, 15)) console.log(`FAIL ${p}`);
  if (r.problems.length > 15) console.log(`... and ${r.problems.length - 15} more`);
  console.log(`${r.problems.length ? 'FAIL' : 'ok'}: ${r.documents} documents (${r.readable} with readable text), ${r.spans} spans checked against the original text, ${r.problems.length} problems`);
  process.exitCode = r.problems.length ? 1 : 0;
} catch (e) {
  console.error(`biotriples: ${(e as Error).message}`);
  process.exitCode = 2;
}
