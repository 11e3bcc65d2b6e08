/** The bundled worker script (scripts/bundle.mjs provides it at build time). */
declare module 'l1l2:worker-source' {
  const source: string;
  export default source;
}
