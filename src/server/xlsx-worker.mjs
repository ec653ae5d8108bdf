// The worker thread that reads an uploaded .xlsx (see xlsx-read.ts). A worker does not inherit the
// main thread's TypeScript loader (`npm start` registers tsx in-process; tests run under vitest),
// so it registers tsx itself before loading the reader.
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { readSheetStreaming } = await import('./xlsx-sheet-stream.ts');
parentPort.postMessage(await readSheetStreaming(workerData));
