/** Bundles the demo page's script. */
export function buildDemo(): Promise<string>;
/** Starts the demo's static server on 127.0.0.1 (`port: 0` picks a free port). */
export function startDemoServer(options?: { port?: number; host?: string }): Promise<{ url: string; close: () => Promise<void> }>;
