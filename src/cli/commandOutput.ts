import type { CommandLine } from './parseCommandLine.js';
import type { ModelKind, ModelSettings } from './modelKinds.js';
import type { Progress } from './progressBar.js';

/** What a command produces: text for people, an object for --json. */
export interface CommandOutput {
  text: string;
  json: unknown;
}

/** What every command receives. */
export interface CommandContext {
  commandLine: CommandLine;
  kind: ModelKind;
  progress: Progress;
  /** "engine wasm (simd)" or "engine js". */
  engine: string;
}

/** The settings in words, for output headers. */
export function describeSettings(kind: ModelKind, settings: ModelSettings): string {
  return [
    `model ${kind.name}${kind.usesL1Ratio ? ` (α = ${settings.l1Ratio ?? kind.defaultL1Ratio})` : ''}`,
    settings.standardize ? 'standardized' : 'not standardized',
    settings.fitIntercept ? 'intercept' : 'no intercept',
  ].join(' · ');
}
