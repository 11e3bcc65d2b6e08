// `npm run demo`: serves the demo page on localhost and prints its address.
// PORT=… picks the port (default 5173; a free one is taken when that is busy).
import { startDemoServer } from './demoServer.mjs';

const wanted = Number(process.env.PORT ?? 5173);
let server;
try {
  server = await startDemoServer({ port: wanted });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  server = await startDemoServer({ port: 0 });
}
console.log(`l1l2 demo: ${server.url}  (Ctrl+C to stop)`);
