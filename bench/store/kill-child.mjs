// Child of kill.mjs: writes to the store as fast as it can and acknowledges on stdout each write
// whose promise resolved (durable). Killed with SIGKILL at a random moment.
//   node kill-child.mjs <store.mjs> <workspace> <round> <seed> [ack-early]
// ack-early (control run): acknowledge review writes before they are durable, to show that
// the bench does detect lost writes.
import { loadParagraphs, makeDocument, metaOf, reviewOf, rng } from './synthetic.mjs';

const [storeModule, dir, round, seed, mode] = process.argv.slice(2);
const { WorkspaceStore } = await import(storeModule);
const random = rng(Number(seed));
const paragraphs = loadParagraphs();
const say = (line) => process.stdout.write(`${line}\n`); // synchronous for pipes on POSIX

const store = await WorkspaceStore.open(dir, { app: 'cli' });
const journal = `journal-${round}`;
const journalDoc = makeDocument(journal, paragraphs, random, { paragraphsPerDoc: 10, findings: 20 });
await store.writeDocument(journalDoc);
await store.updateWorkspace((w) => { w.documents.push(metaOf(journalDoc)); });
say(`D ${journal}`);
say('ready');

let counter = 0;
let imported = 0;
const inFlight = new Set();
for (;;) {
  const r = random();
  let op;
  if (r < 0.04) {
    const id = `imp-${round}-${imported++}`;
    const doc = makeDocument(id, paragraphs, random, { paragraphsPerDoc: 30, findings: 60 });
    op = store.writeDocument(doc)
      .then(() => store.updateWorkspace((w) => { w.documents.push(metaOf(doc)); }))
      .then(() => say(`D ${id}`));
  } else if (r < 0.08) {
    const n = ++counter;
    op = store.updateWorkspace((w) => { w.settings.counter = n; }).then(() => say(`S ${n}`));
  } else {
    const n = ++counter;
    op = store.updateDocument(journal, (d) => { d.reviews[`c${n}`] = reviewOf(`c${n}`, `write ${n}`); });
    if (mode === 'ack-early') say(`R ${n}`);
    else op = op.then(() => say(`R ${n}`));
  }
  inFlight.add(op);
  op.finally(() => inFlight.delete(op));
  if (inFlight.size >= 4) await Promise.race(inFlight);
}
