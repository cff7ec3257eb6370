// npm run bench: the performance budgets of DESIGN.md, measured on the seeded reference archive.
// Prints one table (or, with --json, one JSON array) with each budget beside its figures.
import os from 'node:os';
import { benchAddContribution, benchOpen } from './capture-bench';
import { formatTable, type Measure } from './measure';
import { archiveSize, referenceDatabase } from './reference-archive';
import { benchSearch } from './search-bench';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const size = archiveSize(args.has('--small'));
// With --json, standard output carries only the JSON; progress goes to standard error.
const log = (line: string) => {
  if (json) console.error(line);
  else console.log(line);
};

async function main() {
  const file = await referenceDatabase(size, log);
  const measures: Measure[] = [
    await benchAddContribution(file),
    ...(await benchOpen(file)),
    ...(await benchSearch(file, log)),
  ];
  if (json) {
    console.log(
      JSON.stringify(
        measures.map(({ name, median, p95, budget, unit }) => ({ name, median, p95, budget, unit })),
      ),
    );
    return;
  }
  console.log(
    `\nRoundtable bench: ${size.situations} situations, ${size.situations * size.contributionsPerSituation} contributions; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log(formatTable(measures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
