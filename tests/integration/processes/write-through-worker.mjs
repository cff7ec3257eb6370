// One copy of Roundtable's backend in a process of its own, for tests that start several at the
// same moment: starts the built worker on the archive in argv[2] under the key in argv[3] (hex),
// adds argv[5] points to the situation in argv[4] as fast as it can, and prints one JSON line: the
// points the worker acknowledged, or the error that refused the start.
import { Worker } from 'node:worker_threads';

const [workerFile, dbPath, key, situationId, authorId, count, tag] = process.argv.slice(2);
const worker = new Worker(workerFile, { workerData: { dbPath, key } });
let nextId = 1;
const pending = new Map();
const call = (channel, input) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ kind: 'call', id, channel, input });
  });

worker.on('message', async (message) => {
  if (message.kind === 'failed') {
    console.log(JSON.stringify({ refused: message.error }));
    await worker.terminate();
    return;
  }
  if (message.kind === 'result') {
    pending.get(message.id)?.(message.envelope);
    pending.delete(message.id);
    return;
  }
  if (message.kind === 'closed') {
    await worker.terminate();
    return;
  }
  if (message.kind !== 'ready') return;
  const acknowledged = [];
  for (let i = 0; i < Number(count); i++) {
    const body = `${tag} point ${i}`;
    const envelope = await call('contribution.add', {
      situationId,
      authorId,
      kind: 'advice',
      body,
      parentId: null,
    });
    if (envelope.ok) acknowledged.push(body);
  }
  console.log(JSON.stringify({ acknowledged }));
  worker.postMessage({ kind: 'close' });
});
