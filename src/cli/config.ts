// ratecard.yaml (or $RATECARD_CONFIG) and $RATECARD_RATES: defaults the commands consult.
// Precedence: flags > environment > config file > built-in. Cards load built-in, config, env, --rates;
// a later card's version replaces an earlier one starting at the same instant.

import { statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../core/errors.js";
import type { ModelRef, Plan } from "../core/types.js";
import { FORMATS, type Format } from "../render/options.js";
import { YamlFile } from "../yaml/document.js";
import type { Io } from "./io.js";
import type { CardSource } from "../cards/load.js";
import { readCardSources, readTextFile } from "./sources.js";

/** The settings of one run, from the config file and the environment. */
export interface Config {
  /** The config file read, as messages name it. */
  file?: string;
  /** Extra rate-card paths, relative to the working directory: the config file's, then RATECARD_RATES's. */
  rates: string[];
  /** Models an estimate covers when neither -m nor the plan names any. */
  models?: ModelRef[];
  /** Output format when -f is not given. */
  format?: Format;
}

const KEYS = ["rates", "models", "format"] as const;
const loaded = new WeakMap<Io, Config>();

/** Whether something is at `path`; a path that cannot be checked (EACCES) counts as there, so reading it names the cause. */
function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined; // no exception: throwing costs milliseconds at start-up
  } catch {
    return true;
  }
}

/** Reads and checks one config file; paths in it are relative to its folder. */
function readConfig(file: string, cwd: string): Omit<Config, "rates"> & { rates: string[] } {
  const y = new YamlFile(readTextFile(file, cwd).text, file);
  const f = y.map(y.root, "", KEYS);
  const rates = f.has("rates")
    ? y.seq(f.get("rates")!, "rates").map((n, i) => {
        const p = y.text(n, `rates[${i}]`);
        const path = isAbsolute(p) ? p : join(dirname(file), p);
        if (!exists(resolve(cwd, path))) y.fail(n, `rates[${i}]: no such file or folder "${path}"`, "paths are relative to the config file's folder");
        return path;
      })
    : [];
  let models: ModelRef[] | undefined;
  if (f.has("models")) {
    const nodes = y.seq(f.get("models")!, "models");
    if (nodes.length === 0) y.fail(f.get("models"), "models is empty", "list at least one model id, or remove the key");
    models = nodes.map((n, i) => ({ id: y.text(n, `models[${i}]`), where: y.loc(n) }));
  }
  const format = f.parsed("format", (t) => {
    if (!(FORMATS as readonly string[]).includes(t)) throw new Error(`"${t}" is not a format (one of ${FORMATS.join(", ")})`);
    return t as Format;
  });
  return { file, rates, models, format };
}

/** The run's config: $RATECARD_CONFIG (which must exist), else ./ratecard.yaml if present; read once per run. */
export function loadConfig(io: Io): Config {
  const known = loaded.get(io);
  if (known) return known;
  const cwd = io.cwd ?? process.cwd();
  const named = io.env.RATECARD_CONFIG;
  let file: string | undefined;
  if (named) {
    if (!exists(resolve(cwd, named))) throw new InputError("no such config file", "RATECARD_CONFIG names it: fix or unset it", { file: named });
    file = named;
  } else if (exists(resolve(cwd, "ratecard.yaml"))) {
    file = "ratecard.yaml";
  }
  const fromFile = file ? readConfig(file, cwd) : { rates: [] };
  const fromEnv = (io.env.RATECARD_RATES ?? "").split(delimiter).filter(Boolean);
  const config: Config = { ...fromFile, rates: [...fromFile.rates, ...fromEnv] };
  loaded.set(io, config);
  return config;
}

/** The plan, with the config's models when it names none itself (they replace the built-in default; -m still wins). */
export function withConfigModels(plan: Plan, models: ModelRef[] | undefined): Plan {
  return plan.models || !models ? plan : { ...plan, models };
}

/** The cards a command loads besides the built-in ones: the config's, RATECARD_RATES', then its --rates. */
export function cardSources(flagPaths: string[], io: Io): CardSource[] {
  return readCardSources([...loadConfig(io).rates, ...flagPaths], io.cwd);
}

/** Applies the config's format to a command about to run whose -f was left at its default (if it has that format). */
export function applyConfig(cmd: Command, io: Io): void {
  const format = cmd.options.find((o) => o.attributeName() === "format");
  if (!format || cmd.getOptionValueSource("format") === "cli") return;
  const wanted = loadConfig(io).format;
  if (wanted && (!format.argChoices || format.argChoices.includes(wanted))) cmd.setOptionValueWithSource("format", wanted, "config");
}
