import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule is part of the build: prove it fires on a forbidden import in src/core.
describe('src/core layering lint rule', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'node:fs'],
    ["import { app } from 'electron';\nexport const x = app;\n", 'electron'],
    ["import { useState } from 'react';\nexport const x = useState;\n", 'react'],
    ["import fs from 'fs';\nexport const x = fs;\n", 'fs'],
  ])('rejects %s', async (code) => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText(code, { filePath: 'src/core/figures/bad.ts' });
    expect(result.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
  });

  it('accepts a pure import', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText("import { z } from 'zod';\nexport const x = z;\n", { filePath: 'src/core/figures/ok.ts' });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
