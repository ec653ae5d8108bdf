// The worker thread's body (see xlsx-read.ts): reads the sheet it was given and posts the answer.
// From the sources, xlsx-worker.mjs registers tsx and loads this file; `npm start` runs it as the
// bundle's dist/server/xlsx-worker.mjs (scripts/build-server.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { readSheetStreaming } from './xlsx-sheet-stream.js';

parentPort!.postMessage(await readSheetStreaming(workerData));
