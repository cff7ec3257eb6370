// Pins the gate of `npm run security:scan`: any Electronegativity finding above informational must be
// justified in build/electronegativity.config.cjs, and no justification may outlive its finding.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, type Finding, type Justification, type ScanConfig } from '../../../build/security-scan';

const root = path.resolve(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(
  path.join(root, 'build/electronegativity.config.cjs'),
) as ScanConfig;

const finding = (over: Partial<Finding> = {}): Finding => ({
  scan: 'sources',
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  severity: 'HIGH',
  file: 'main/start-app.ts',
  line: 1,
  sample: '',
  ...over,
});
const reason: Justification = {
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  scan: 'sources',
  file: 'main/start-app.ts',
  why: 'set by mainWindowOptions',
};

describe('judge', () => {
  it('fails a finding above informational that nothing justifies', () => {
    for (const severity of ['LOW', 'MEDIUM', 'HIGH'] as const) {
      expect(judge([finding({ severity })], []).unjustified).toHaveLength(1);
    }
  });

  it('lets informational findings through', () => {
    expect(judge([finding({ severity: 'INFORMATIONAL' })], [])).toMatchObject({ unjustified: [], stale: [] });
  });

  it('accepts a finding justified for its check, scan and file, and no other', () => {
    expect(judge([finding()], [reason])).toMatchObject({ unjustified: [], stale: [] });
    expect(judge([finding({ file: 'main/window.ts' })], [reason]).unjustified).toHaveLength(1);
    expect(judge([finding({ scan: 'built' })], [reason]).unjustified).toHaveLength(1);
    expect(judge([finding({ check: 'SANDBOX_JS_CHECK' })], [reason]).unjustified).toHaveLength(1);
  });

  it('refuses a justification without a reason', () => {
    expect(judge([finding()], [{ ...reason, why: '  ' }]).unjustified).toHaveLength(1);
  });

  it('reports a justification that matches no finding', () => {
    expect(judge([], [reason]).stale).toEqual([reason]);
  });
});

describe('build/electronegativity.config.cjs', () => {
  it('gives a reason for every excluded check and every justification', () => {
    for (const why of Object.values(config.excludedChecks)) expect(why.length).toBeGreaterThan(10);
    for (const j of config.justified) expect(j.why.length, `${j.check} ${j.file}`).toBeGreaterThan(10);
  });

  it('excludes only the check that needs the network', () => {
    expect(Object.keys(config.excludedChecks)).toEqual(['AvailableSecurityFixesGlobalCheck']);
  });
});
