// The `l1l2` command: fit, path, cv and predict on CSV, svmlight and Matrix Market files (or the
// embedded diabetes data). Exit codes: 0 success, 1 bad data (file, line, reason), 2 bad usage (with
// the usage text). User mistakes never print a stack trace; only an unexpected internal error does.
import { InvalidParameterError, L1L2Error, VERSION, init, setWarningHandler } from '../index.js';
import { CliDataError, UsageError } from './cliErrors.js';
import { parseCommandLine } from './parseCommandLine.js';
import { USAGE } from './usage.js';
import { MODEL_KINDS } from './modelKinds.js';
import { createProgress } from './progressBar.js';
import { fitCommand } from './fitCommand.js';
import { pathCommand } from './pathCommand.js';
import { cvCommand } from './cvCommand.js';
import { predictCommand } from './predictCommand.js';
import type { CommandContext, CommandOutput } from './commandOutput.js';

const COMMAND_RUNNERS: Record<string, (context: CommandContext) => CommandOutput> = {
  fit: fitCommand,
  path: pathCommand,
  cv: cvCommand,
  predict: predictCommand,
};

/** Runs the command line; returns the exit code. Output goes to stdout, messages to stderr. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (parsed.kind === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const { commandLine } = parsed;
    setWarningHandler((warning) => process.stderr.write(`l1l2: warning: ${warning.message}\n`));
    const status = await init();
    const engine = `engine ${status.engine}${status.build ? ` (${status.build})` : ''}`;
    const progress = createProgress(commandLine.command, !commandLine.json && !commandLine.quiet);
    const output = COMMAND_RUNNERS[commandLine.command]!({ commandLine, kind: MODEL_KINDS[commandLine.model], progress, engine });
    process.stdout.write(commandLine.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof InvalidParameterError) {
    process.stderr.write(`l1l2: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (error instanceof CliDataError || error instanceof L1L2Error) {
    process.stderr.write(`l1l2: error: ${error.message}\n`);
    return 1;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code;
    process.stderr.write(`l1l2: error: cannot access ${path ?? 'a file'}: ${reason}\n`);
    return 1;
  }
  process.stderr.write(`l1l2: internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

process.exitCode = await runCli(process.argv.slice(2));
