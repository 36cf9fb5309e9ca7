import { describe, expect, it } from 'vitest';
import {
  emptyAsAbsent,
  integer,
  list,
  object,
  optional,
  string,
  withDefault,
} from '../../packages/proxmox/src/shapes/shape.js';
import { generateResponseCheckers } from '../generate/response-checkers.js';

// The generator itself: what the structure test compares against must follow the shapes.
describe('generateResponseCheckers', () => {
  const item = object({ id: integer(), name: optional(string()), lock: emptyAsAbsent(string()) });

  it('writes a check and a normalise function per shape, and registers both', () => {
    const source = generateResponseCheckers({ items: list(item) });
    expect(source).toContain('function checkItems(input: unknown): boolean');
    expect(source).toContain('function normaliseItems(input: unknown): unknown');
    expect(source).toContain('items: { check: checkItems, normalise: normaliseItems }');
    expect(source).toContain("if (o.lock === '') delete o.lock;");
  });

  it('changes when a declaration changes', () => {
    const before = generateResponseCheckers({ item });
    const after = generateResponseCheckers({ item: object({ ...item.fields, id: string() }) });
    expect(after).not.toBe(before);
    expect(before).toContain('isWireInteger(id)');
    expect(after).toContain("typeof id !== 'string'");
  });

  it('writes a default as a literal, so every answer gets its own copy', () => {
    const source = generateResponseCheckers({ item: object({ tags: withDefault(list(string()), []) }) });
    expect(source).toMatch(/o\.tags = \[\];/);
  });

  it('refuses a top-level scalar, which has nothing to check that valibot does not do as fast', () => {
    expect(() => generateResponseCheckers({ id: integer() })).toThrow(/only lists, records and objects/);
  });

  it('generates no code at run time', () => {
    const source = generateResponseCheckers({ items: list(item) });
    expect(source).not.toMatch(/new Function|\beval\(/);
  });
});
