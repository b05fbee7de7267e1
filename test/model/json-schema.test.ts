import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/model/json-schema.js';

describe('committed JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schemas/%s.schema.json matches the zod schema (run npm run schemas)', (name, schema) => {
    expect(JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8'))).toEqual(schema);
  });
});
