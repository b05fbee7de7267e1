/** JSON Schema for every data-contract row, generated from the zod schemas (never hand-written). */
import { z } from 'zod';
import { DocumentRecord, Entity, Manifest, Statement, Triple } from './schemas.js';

const SCHEMAS = { entity: Entity, triple: Triple, statement: Statement, document: DocumentRecord, manifest: Manifest };

export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { unrepresentable: 'any' })]));
}
