// Completion script for fish: one `complete` line per command, flag and argument list.

import { type CommandSpec, type CompletionSpec, type FlagSpec, type Values } from "./spec.js";

const q = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function values(v: Values, models: string[]): string {
  switch (v.kind) {
    case "words":
      return `-x -a ${q(v.words.join(" "))}`;
    case "models":
      return `-x -a ${q(models.join(" "))}`;
    case "files":
      return "-r -F";
    case "none":
      return "-x";
  }
}

function flagLine(head: string, f: FlagSpec, models: string[]): string {
  const names = [f.short && `-s ${f.short.slice(1)}`, f.long && `-l ${f.long.slice(2)}`].filter(Boolean).join(" ");
  return `${head} ${names}${f.value ? ` ${values(f.value, models)}` : ""} -d ${q(f.description)}`;
}

function commandLines(program: string, c: CommandSpec, models: string[]): string[] {
  const head = `complete -c ${program} -n ${q(`__fish_seen_subcommand_from ${c.name}`)}`;
  const lines = c.flags.map((f) => flagLine(head, f, models));
  for (const a of c.args) lines.push(a.values.kind === "files" ? `${head} -F` : `${head} ${values(a.values, models)}`);
  return lines;
}

/** The fish script: save it as ~/.config/fish/completions/ratecard.fish. */
export function renderFish(spec: CompletionSpec): string {
  const p = spec.program;
  const names = spec.commands.map((c) => c.name).join(" ");
  const top = `complete -c ${p} -n ${q(`not __fish_seen_subcommand_from ${names}`)}`;
  return [
    `# ${p} completion for fish: save as ~/.config/fish/completions/${p}.fish, or \`${p} completion fish | source\``,
    `complete -c ${p} -f`,
    ...spec.commands.map((c) => `${top} -a ${q(c.name)} -d ${q(c.description)}`),
    ...spec.root.flags.map((f) => flagLine(top, f, spec.models)),
    ...spec.commands.flatMap((c) => commandLines(p, c, spec.models)),
    "",
  ].join("\n");
}
