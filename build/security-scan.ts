// `npm run security:scan`: Electronegativity over the Electron glue's sources (electron/) and over the
// app as it ships (dist/electron and dist/renderer; staged as .js, since it reads no .cjs). Fails on
// any finding above informational that build/electronegativity.config.cjs does not justify, and on a
// justification that matches no finding.
import fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

export type Scan = 'sources' | 'built';

export interface Finding {
  scan: Scan;
  check: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  file: string;
  line: number;
  sample: string;
}

export interface Justification {
  check: string;
  scan: Scan;
  file: string;
  why: string;
}

export interface ScanConfig {
  excludedChecks: Record<string, string>;
  justified: Justification[];
}

export interface Verdict {
  unjustified: Finding[];
  stale: Justification[];
  accepted: Finding[];
}

/** Splits findings into the accepted (informational, or justified) and the rest. */
export function judge(findings: readonly Finding[], justified: readonly Justification[]): Verdict {
  const used = new Set<Justification>();
  const unjustified: Finding[] = [];
  const accepted: Finding[] = [];
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') {
      accepted.push(finding);
      continue;
    }
    const reason = justified.find(
      (j) =>
        j.check === finding.check &&
        j.scan === finding.scan &&
        j.file === finding.file &&
        j.why.trim() !== '',
    );
    if (reason) {
      used.add(reason);
      accepted.push(finding);
    } else {
      unjustified.push(finding);
    }
  }
  return { unjustified, stale: justified.filter((j) => !used.has(j)), accepted };
}

interface RawIssue {
  id: string;
  severity: { name: Finding['severity'] };
  file: string;
  location: { line: number };
  sample?: string;
}

type Electronegativity = (
  options: Record<string, unknown>,
) => Promise<{ issues: RawIssue[]; errors: unknown[] }>;

/**
 * Electronegativity, kept offline: it fetches translations of its messages with `got` on every run,
 * and on Node 24 got's retry of that failed request throws out of a timer after the scan is done.
 * The scan reads only files, so the fetch is answered at once with a failure (it falls back to its
 * bundled English).
 */
function loadElectronegativity(): Electronegativity {
  const entry = require.resolve('@doyensec/electronegativity');
  const got = require.resolve('got', { paths: [path.dirname(entry)] });
  const offline = new Module(got);
  offline.loaded = true;
  offline.exports = () => Promise.reject(new Error('Electronegativity runs offline here.'));
  require.cache[got] ??= offline;
  return require(entry) as Electronegativity;
}

async function scan(
  kind: Scan,
  input: string,
  config: ScanConfig,
  electronVersion: string,
): Promise<Finding[]> {
  const run = loadElectronegativity();
  const result = await run({
    input,
    customScan: [],
    excludeFromScan: Object.keys(config.excludedChecks).map((c) => c.toLowerCase()),
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  if (result.errors.length > 0) {
    throw new Error(
      `Electronegativity could not read every file of ${input}: ${JSON.stringify(result.errors)}`,
    );
  }
  return result.issues.map((issue) => ({
    scan: kind,
    check: issue.id,
    severity: issue.severity.name,
    file: issue.file,
    line: issue.location.line,
    sample: (issue.sample ?? '').trim().slice(0, 100),
  }));
}

/** dist/electron/*.cjs as .js and dist/renderer as it is, without source maps. */
function stageBuiltApp(): string {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-scan-'));
  const bundles = fs.readdirSync(path.join(root, 'dist/electron')).filter((f) => f.endsWith('.cjs'));
  for (const required of ['main.cjs', 'preload.cjs', 'backend-worker.cjs']) {
    if (!bundles.includes(required))
      throw new Error(`dist/electron/${required} is missing: run npm run build first.`);
  }
  for (const bundle of bundles) {
    fs.copyFileSync(
      path.join(root, 'dist/electron', bundle),
      path.join(stage, bundle.replace(/\.cjs$/, '.js')),
    );
  }
  fs.cpSync(path.join(root, 'dist/renderer'), path.join(stage, 'renderer'), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
  return stage;
}

async function main(): Promise<void> {
  const config = require(path.join(root, 'build/electronegativity.config.cjs')) as ScanConfig;
  const electronVersion = (
    require(path.join(root, 'node_modules/electron/package.json')) as { version: string }
  ).version;
  const stage = stageBuiltApp();
  let findings: Finding[];
  try {
    findings = [
      ...(await scan('sources', path.join(root, 'electron'), config, electronVersion)),
      ...(await scan('built', stage, config, electronVersion)),
    ];
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const { unjustified, stale, accepted } = judge(findings, config.justified);
  const line = (f: Finding) =>
    `  ${f.severity.padEnd(8)} ${f.check} [${f.scan}] ${f.file}:${f.line} ${f.sample}`;
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings.`);
  console.log(
    `Excluded checks: ${Object.entries(config.excludedChecks)
      .map(([c, why]) => `${c} (${why})`)
      .join('; ')}`,
  );
  if (accepted.length > 0)
    console.log(
      `Informational or justified in build/electronegativity.config.cjs:\n${accepted.map(line).join('\n')}`,
    );
  if (unjustified.length > 0)
    console.error(`Findings above informational with no justification:\n${unjustified.map(line).join('\n')}`);
  for (const j of stale)
    console.error(`A justification matches no finding any more; remove it: ${j.check} [${j.scan}] ${j.file}`);
  if (unjustified.length > 0 || stale.length > 0) process.exit(1);
  console.log('security:scan passed: no finding above informational is left unjustified.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
