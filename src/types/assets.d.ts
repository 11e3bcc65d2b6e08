/** A WebAssembly binary embedded in the bundle (esbuild `binary` loader). */
declare module '*.wasm' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
/** A text file embedded in the bundle (esbuild `text` loader). */
declare module '*.csv' {
  const text: string;
  export default text;
}
