/**
 * The library's version (package.json's `version`; a test keeps the two equal). Written into
 * model files by the `l1l2` command.
 * @example
 * ```ts
 * import { VERSION } from 'l1l2';
 * console.log(VERSION); // '0.1.0'
 * ```
 */
export const VERSION = '0.1.0';
