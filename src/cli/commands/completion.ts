// `ratecard completion bash|zsh|fish`: a shell completion script for commands, flags, formats and model ids.

import { Argument, type Command, type Option } from "commander";
import { displayId } from "../../core/names.js";
import { loadRateCards } from "../../cards/load.js";
import { COMPLETION_RENDERERS, SHELLS, type Shell } from "../../render/completion/index.js";
import type { ArgsSpec, CommandSpec, FlagSpec, Values } from "../../render/completion/spec.js";
import { collect } from "../flags.js";
import type { Io } from "../io.js";
import { cardSources } from "../config.js";
import { action } from "../action.js";

/** What a flag's value completes to: its choices, model ids for --model, paths for <path>/<file>. */
function optionValues(o: Option): Values | undefined {
  if (!o.required && !o.optional) return undefined;
  if (o.argChoices) return { kind: "words", words: o.argChoices };
  if (/^models?$/.test(o.attributeName())) return { kind: "models" };
  if (/[<[](path|file|dir|folder)/.test(o.flags)) return { kind: "files" };
  return { kind: "none" };
}

/** A command's positional arguments: choices, model ids for [model...], else paths. */
function argumentsOf(cmd: Command, all: Command[]): ArgsSpec[] {
  if (cmd.name() === "help") return [{ name: "command", many: false, values: { kind: "words", words: all.map((c) => c.name()).filter((n) => n !== "help") } }];
  return cmd.registeredArguments.map((arg) => {
    const values: Values = arg.argChoices ? { kind: "words", words: arg.argChoices } : /^models?$/.test(arg.name()) ? { kind: "models" } : { kind: "files" };
    return { name: arg.name(), many: arg.variadic, values };
  });
}

/** Describes a commander command for the script renderers. */
function describe(cmd: Command, all: Command[]): CommandSpec {
  const help = cmd.createHelp();
  const flags: FlagSpec[] = help.visibleOptions(cmd).map((o) => ({ short: o.short, long: o.long, description: o.description, value: optionValues(o) }));
  return { name: cmd.name(), description: cmd.description(), flags, args: argumentsOf(cmd, all) };
}

/** Registers the completion command; the script covers every command registered on `program`. */
export function registerCompletion(program: Command, io: Io): void {
  program
    .command("completion")
    .description("print a shell completion script (bash, zsh or fish) with commands, flags, formats and model ids")
    .addArgument(new Argument("<shell>", "the shell to complete in").choices(SHELLS))
    .option("--rates <path>", "extra rate card file or folder whose model ids to complete (repeatable)", collect, [])
    .action(action(async (shell: Shell, flags: { rates: string[] }) => {
      const book = loadRateCards(cardSources(flags.rates, io));
      const all = program.createHelp().visibleCommands(program);
      const spec = {
        program: program.name(),
        root: { ...describe(program, all), args: [] },
        commands: all.map((c) => describe(c, all)),
        models: [...new Set([...book.models.values()].flatMap((m) => [displayId(book, m), ...(m.snapshots ?? [])]))].sort(),
      };
      io.stdout.write(COMPLETION_RENDERERS[shell](spec));
      return "ok";
    }));
}
