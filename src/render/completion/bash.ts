// Completion script for bash: a function that completes commands, flags, flag values and arguments.

import { spellings, type CommandSpec, type CompletionSpec, type Values } from "./spec.js";

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function reply(v: Values): string {
  switch (v.kind) {
    case "words":
      return `COMPREPLY=($(compgen -W ${q(v.words.join(" "))} -- "$cur"))`;
    case "models":
      return `COMPREPLY=($(compgen -W "$models" -- "$cur"))`;
    case "files":
      return `COMPREPLY=($(compgen -f -- "$cur"))`;
    case "none":
      return "COMPREPLY=()";
  }
}

const pos = "__ratecard_position";

/** Counts the positional words between the command and the cursor; $1 lists the flags that take a value. */
const POSITION = `${pos}() {
  local n=0 i seen=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ -z "$seen" ]]; then [[ "\${COMP_WORDS[i]}" != -* ]] && seen=1; continue; fi
    [[ "\${COMP_WORDS[i]}" == -* || " $1 " == *" \${COMP_WORDS[i-1]} "* ]] && continue
    ((n++))
  done
  echo "$n"
}`;

/** Completion of one command's words: a flag's value after the flag, flags after "-", else arguments. */
function branch(c: CommandSpec, indent: string): string {
  const lines: string[] = [];
  const valued = c.flags.filter((f) => f.value);
  if (valued.length > 0) {
    lines.push(`case "$prev" in`);
    for (const f of valued) lines.push(`  ${spellings(f).join("|")}) ${reply(f.value!)}; return ;;`);
    lines.push("esac");
  }
  const flags = c.flags.flatMap(spellings).join(" ");
  lines.push(`if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${q(flags)} -- "$cur")); return; fi`);
  const last = c.args[c.args.length - 1];
  if (c.args.length > 1 || (last && !last.many)) {
    lines.push(`case "$(${pos} ${q(valued.flatMap(spellings).join(" "))})" in`);
    c.args.forEach((a, i) => lines.push(`  ${i === c.args.length - 1 && a.many ? "*" : i}) ${reply(a.values)} ;;`));
    lines.push("esac");
  } else if (last) {
    lines.push(reply(last.values));
  }
  return lines.map((l) => indent + l).join("\n");
}

/** The bash script: `source <(ratecard completion bash)`. */
export function renderBash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const root: CommandSpec = { ...spec.root, args: [{ name: "command", many: true, values: { kind: "words", words: spec.commands.map((c) => c.name) } }] };
  return [
    `# ${spec.program} completion for bash: add \`source <(${spec.program} completion bash)\` to ~/.bashrc`,
    POSITION,
    `${fn}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i`,
    `  local models=${q(spec.models.join(" "))}`,
    `  for ((i = 1; i < COMP_CWORD; i++)); do`,
    `    if [[ "\${COMP_WORDS[i]}" != -* ]]; then cmd="\${COMP_WORDS[i]}"; break; fi`,
    `  done`,
    `  case "$cmd" in`,
    ...spec.commands.map((c) => `    ${c.name})\n${branch(c, "      ")}\n      ;;`),
    `    *)\n${branch(root, "      ")}\n      ;;`,
    `  esac`,
    `}`,
    `complete -o default -o filenames -F ${fn} ${spec.program}`,
    "",
  ].join("\n");
}
