import { describe, expect, it } from 'vitest';
import { bandOf, clampBands, reband } from '../../../utils/records/bands';

describe('the user’s strong and weak thresholds', () => {
  it('stay within what the engine can give', () => {
    expect(clampBands({ weak: 0.5, strong: 0.6 })).toEqual({ weak: 0.75, strong: 0.76 });
    expect(clampBands({ strong: 1.2 })).toEqual({ weak: 0.75, strong: 1 });
  });

  it('re-band matches and drop those under the weak one; identifiers stay strong', () => {
    const bands = { strong: 0.95, weak: 0.8 };
    expect(bandOf(0.93, bands)).toBe('weak');
    const out = reband(
      [
        { score: 0.93, strength: 'strong' as const },
        { score: 0.78, strength: 'weak' as const },
        { score: 1, strength: 'strong' as const, identifier: { type: 'imo' } },
      ],
      bands,
    );
    expect(out.map((m) => m.strength)).toEqual(['weak', 'strong']);
  });
});
