import { defineConfig } from 'vitest/config';

// Tests that load the full lexicon take seconds on a busy 2-core machine: vitest's 5 s default flaked.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 120_000 } });
