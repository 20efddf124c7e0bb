import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLicences, renderReport, tldrawLicence } from './licence-report.mjs';

const pkg = (name: string, version: string) => ({ name, versions: [version] });

describe('third-party licence report', () => {
  it('accepts permissive licences, names tldraw’s SDK licence and refuses anything else', () => {
    const { rows, problems } = checkLicences({
      MIT: [pkg('express', '5.3.0'), pkg('@tldraw/store', '5.4.2')],
      Unknown: [pkg('tldraw', '5.4.2'), pkg('buffers', '0.1.1')],
      'GPL-3.0-only': [pkg('copyleft-lib', '1.0.0')],
      'SEE LICENSE IN LICENSE': [pkg('mystery', '2.0.0')],
    });
    expect(rows.find((row: { id: string }) => row.id === 'tldraw@5.4.2')).toMatchObject({
      kind: 'tldraw',
      licence: tldrawLicence,
    });
    expect(rows.find((row: { id: string }) => row.id === '@tldraw/store@5.4.2')).toMatchObject({
      kind: 'allowed',
    });
    expect(problems).toEqual([
      'copyleft-lib@1.0.0: "GPL-3.0-only" is not in the allow-list (scripts/licence-report.mjs)',
      'mystery@2.0.0: "SEE LICENSE IN LICENSE" is not in the allow-list (scripts/licence-report.mjs)',
    ]);
    expect(renderReport({ rows, problems })).toContain('## Refused');
  });

  it('generates the report from the lockfile and passes it', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'licences-')), 'report.md');
    const run = spawnSync(process.execPath, ['scripts/licence-report.mjs', '--out', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = fs.readFileSync(out, 'utf8');
    expect(report).toMatch(/`tldraw@5\.4\.2`.*tldraw SDK licence/);
    expect(report).toContain('| `express@5.3.0` | MIT |');
    expect(report).not.toContain('## Refused');
  });
});
