import { describe, expect, it } from 'vitest';
import { assertNever } from './assertNever';

describe('assertNever', () => {
  it('throws, naming the value, when data the types did not describe reaches a switch', () => {
    const kind = 'ironic-node' as never;
    expect(() => assertNever(kind, 'element kind')).toThrow('unexpected element kind: "ironic-node"');
  });
});
