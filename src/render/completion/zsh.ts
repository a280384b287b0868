// Completion script for zsh: _arguments specs per command, model ids and formats as value lists.

import { spellings, type CommandSpec, type CompletionSpec, type FlagSpec, type Values } from "./spec.js";

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Help text inside an _arguments spec: brackets and backslashes escaped. */
const help = (s: string) => s.replace(/[[\]\\]/g, (c) => `\\${c}`);

function action(v: Values): string {
  switch (v.kind) {
    case "words":
      return `(${v.words.join(" ")})`;
    case "models":
      return "($models)";
    case "files":
      return "_files";
    case "none":
      return " ";
  }
}

function flagSpec(f: FlagSpec): string {
  const names = spellings(f);
  const value = f.value ? `:${f.long?.replace(/^--/, "") ?? "value"}:${action(f.value)}` : "";
  const body = `[${help(f.description)}]${value}`;
  // Flags that take values may repeat (-m a -m b); switches may not.
  const prefix = f.value ? "*" : "";
  return names.length === 1 ? q(`${prefix}${names[0]}${body}`) : `${prefix ? q(prefix) : ""}{${names.join(",")}}${q(body)}`;
}

function argumentsOf(c: CommandSpec, indent: string): string {
  const specs = c.flags.map(flagSpec);
  c.args.forEach((a, i) => specs.push(q(`${a.many ? "*" : i + 1}:${a.name}:${action(a.values)}`)));
  return `${indent}_arguments -s \\\n${specs.map((s) => `${indent}  ${s}`).join(" \\\n")}`;
}

/** The zsh script: save it as _ratecard on $fpath, or `source <(ratecard completion zsh)`. */
export function renderZsh(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const rootFlags = spec.root.flags.map(flagSpec).map((s) => `    ${s} \\`);
  return [
    `#compdef ${spec.program}`,
    `# ${spec.program} completion for zsh: save as ${fn} in a folder on $fpath, or \`source <(${spec.program} completion zsh)\``,
    `${fn}() {`,
    `  local -a models=(${spec.models.map(q).join(" ")})`,
    `  local -a commands=(${spec.commands.map((c) => q(`${c.name.replace(/:/g, "\\:")}:${c.description}`)).join(" ")})`,
    `  local context state state_descr line`,
    `  typeset -A opt_args`,
    `  _arguments -C -s \\`,
    ...rootFlags,
    `    '1: :->command' \\`,
    `    '*:: :->args' && return`,
    `  case $state in`,
    `    command) _describe -t commands '${spec.program} command' commands ;;`,
    `    args)`,
    `      case $line[1] in`,
    ...spec.commands.map((c) => `        ${c.name})\n${argumentsOf(c, "          ")} ;;`),
    `      esac ;;`,
    `  esac`,
    `}`,
    `if [[ $zsh_eval_context[-1] == loadautofunc ]]; then ${fn} "$@"; else compdef ${fn} ${spec.program}; fi`,
    "",
  ].join("\n");
}
