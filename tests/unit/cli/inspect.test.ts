import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

/** Runs the real command line, as `npm run -s screen -- …` does. */
function screen(...args: string[]) {
  const result = spawnSync('npx', ['tsx', resolve(projectRoot, 'utils/cli/screen.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return {
    status: result.status,
    stderr: result.stderr,
    lines: result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const FIELDS = ['source', 'listDate', 'targets', 'persons', 'organisations', 'vessels', 'aircraft', 'names'];

describe('screen inspect', () => {
  it('prints one JSON line per list with the contract fields', () => {
    const result = screen('inspect', '--list', resolve(projectRoot, 'tests/fixtures/lists/bundle/un-consolidated-2026-01-10.xml'));
    expect(result.status).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(Object.keys(result.lines[0]!)).toEqual(expect.arrayContaining(FIELDS));
    expect(result.lines[0]).toMatchObject({ source: 'un-sc', listDate: '2026-01-10', targets: 5, persons: 4, organisations: 1 });
  });

  it('fails with a clear message and a non-zero exit for a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    const bad = join(dir, 'sdn.xml');
    writeFileSync(bad, 'PK\u0003\u0004 this is not really a zip');
    const result = screen('inspect', '--list', bad);
    expect(result.status).not.toBe(0);
    expect(result.lines).toHaveLength(0);
    expect(result.stderr).toMatch(/cannot read .*sdn\.xml: .*zip/i);
    const missing = screen('inspect', '--list', join(dir, 'nope.csv'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
  });

  it('fails for a truncated copy of a list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    const whole = readFileSync(resolve(projectRoot, 'tests/fixtures/lists/bundle/un-consolidated-2026-01-10.xml'));
    const cut = join(dir, 'consolidated.xml');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const result = screen('inspect', '--list', cut);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/consolidated\.xml: .*incomplete/);
  });

  describe.skipIf(!HAS_SHARED_DATA)(`real lists ${HAS_SHARED_DATA ? '' : SHARED_SKIP_MESSAGE}`, () => {
    it('reads the real lists with their published figures', () => {
      const result = screen(
        'inspect',
        '--list', sharedFile('uk-ofsi-consolidated/ConList_2025-04-14.xlsx'),
        '--list', sharedFile('uk-ofsi-consolidated/ConList_2025-04-14.from-xlsx.csv'),
        '--list', sharedFile('uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml'),
        '--list', sharedFile('us-ofac-sdn/2024-05-03'),
        '--list', sharedFile('un-sc-consolidated/consolidated.xml'),
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [xlsx, csv, fcdo, sdn, un] = result.lines;
      const ofsi = { source: 'uk-ofsi', listDate: '2025-04-14', targets: 4688, persons: 3663, organisations: 1010, vessels: 15, aircraft: 0 };
      expect(xlsx).toMatchObject(ofsi);
      expect(csv).toMatchObject(ofsi);
      expect(fcdo).toMatchObject({ ...ofsi, source: 'uk-fcdo' });
      expect(sdn).toMatchObject({ source: 'us-ofac-sdn', listDate: '2024-05-03', targets: 14965, persons: 6854, organisations: 6884, vessels: 851, aircraft: 376 });
      expect(un).toMatchObject({ source: 'un-sc', listDate: '2026-02-27', targets: 1003, persons: 730, organisations: 273 });
    });
  });
});
