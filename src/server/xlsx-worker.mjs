// The worker thread that reads an uploaded .xlsx (see xlsx-read.ts), when the server runs from its
// sources. A worker does not inherit the main thread's TypeScript loader (tests run under vitest,
// `npm run dev` under tsx), so it registers tsx itself before loading the reader. The bundled server
// (`npm start`) has its own dist/server/xlsx-worker.mjs beside it instead.
const { register } = await import('tsx/esm/api');
register();
await import('./xlsx-worker-thread.ts');
