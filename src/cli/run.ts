// The CLI entry: builds the commander program on injected streams and maps errors to exit codes.

import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.js";
import { registerCompletion } from "./commands/completion.js";
import { registerDiff } from "./commands/diff.js";
import { registerEstimate } from "./commands/estimate.js";
import { registerImport } from "./commands/import.js";
import { registerRates } from "./commands/rates.js";
import { registerSolve } from "./commands/solve.js";
import { registerSweep } from "./commands/sweep.js";
import { registerTokens } from "./commands/tokens.js";
import { registerUsage } from "./commands/usage.js";
import { applyConfig } from "./config.js";
import { outcomeOf } from "./action.js";
import { exitCodeOf, exitCodeOfOutcome, formatError } from "./errors.js";
import { expandRetentionFlags } from "./flags.js";
import { safeStdout, useColor, type Io } from "./io.js";
import { configureLimits } from "./limits.js";

declare const RATECARD_VERSION: string;

type Register = (program: Command, io: Io) => void;

/** Every command, in help order; completion last: its script covers the commands registered before it. */
const COMMANDS: [name: string, register: Register][] = [
  ["estimate", registerEstimate],
  ["rates", registerRates],
  ["check", registerCheck],
  ["diff", registerDiff],
  ["sweep", registerSweep],
  ["solve", registerSolve],
  ["tokens", registerTokens],
  ["usage", registerUsage],
  ["import", registerImport],
  ["completion", registerCompletion],
];

/** Runs ratecard with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], given: Io): Promise<number> {
  const io = safeStdout(given);
  const program = new Command("ratecard")
    .description("exact, versioned LLM API cost calculator")
    .version(typeof RATECARD_VERSION === "string" ? RATECARD_VERSION : "dev", "-V, --version")
    .option("--debug", "show stack traces for errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // printed once, below, in the ratecard format
      // Help's width and colour from the given streams (commander's defaults would open process.stdout); 80 is commander's own default.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
      getOutHasColors: () => useColor(io),
      getErrHasColors: () => useColor({ ...io, stdout: io.stderr }),
    });
  program.enablePositionalOptions(false);
  program.hook("preAction", (_root, cmd) => applyConfig(cmd, io));
  // Setting up a command costs start-up time: when argv names one, only that one is set up
  // (help, completion, a typo's did-you-mean and no command at all need them all).
  const named = COMMANDS.find(([name]) => name === argv.find((a) => !a.startsWith("-")) && name !== "completion");
  for (const [, register] of named ? [named] : COMMANDS) register(program, io);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ outputError: () => undefined });
  try {
    configureLimits(io.env);
    await program.parseAsync(expandRetentionFlags(argv), { from: "user" });
    return exitCodeOfOutcome(outcomeOf(program));
  } catch (err) {
    if (err instanceof CommanderError && (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help")) return 0;
    if (err instanceof CommanderError && err.code === "commander.executeSubCommandAsync") return 0;
    io.stderr.write(formatError(err, argv.includes("--debug")));
    return exitCodeOf(err);
  }
}
