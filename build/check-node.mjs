// Run first by `npm start`, `npm test` and the other scripts that load SQLite: better-sqlite3 13 is
// built on N-API 10 and crashes the process on a Node.js older than 22.14, so say so in one sentence.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `Roundtable needs Node.js 22.14 or newer (Node 24 is what it is tested on, see .nvmrc), and this is Node ${process.versions.node}: install Node 24 and run the command again.`,
  );
  process.exit(1);
}
