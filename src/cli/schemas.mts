/** `npm run schemas [-- <dir>]`: writes the data contract as JSON Schema files (default: schemas/). */
import path from 'node:path';
import { jsonSchemas } from '../model/json-schema.js';
import { writeFileAtomic } from '../emit/atomic-write.js';

const dir = process.argv[2] ?? 'schemas';
const schemas = jsonSchemas();
for (const [name, schema] of Object.entries(schemas))
  await writeFileAtomic(path.join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to ${dir}/`);
