// `ratecard usage PATH...`: actual spend from usage logs, every record priced at its own instant.

import { basename, dirname } from "node:path";
import { Option, type Command } from "commander";
import { loadRateCards } from "../../cards/load.js";
import { isKnownTimeZone } from "../../core/calendar.js";
import { InputError, UsageError } from "../../core/errors.js";
import { parseInstant } from "../../core/instant.js";
import { staleWarnings } from "../../core/staleness.js";
import { didYouMean } from "../../core/suggest.js";
import { render } from "../../render/reporters.js";
import { UsageAggregator } from "../../usage/aggregate.js";
import { comparePlan } from "../../usage/compare.js";
import { IGNORED, RECORD, RecordReader, SKIP, SYNTHETIC } from "../../usage/record.js";
import { DIALECTS, DIMENSIONS, type Dialect, type Dimension, type UsageReport } from "../../usage/types.js";
import { cardSources } from "../config.js";
import { asOfOption, collect, currencyOptions, flagValue, formatOption, instantFlag, ratesOption, untilFlag } from "../flags.js";
import { currencyFrom } from "../pricing.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { logSources, longLineDetail, streamLines } from "../log-lines.js";
import { Progress } from "../progress.js";
import { readInWorkers, useWorkers } from "../usage-workers.js";
import { refuseEndlessStdin } from "../stdin.js";
import { readPlanFile } from "../plan-file.js";
import { action } from "../action.js";

interface UsageFlags {
  by?: string[];
  since?: string;
  until?: string;
  asOf?: string;
  dialect: Dialect;
  rates: string[];
  strict?: boolean;
  compare?: string;
  currency?: string;
  fx?: string;
  tz?: string;
  format: string;
}

function dimensions(values: string[] | undefined): Dimension[] {
  const out: Dimension[] = [];
  for (const v of values ?? ["day"]) {
    if (!(DIMENSIONS as readonly string[]).includes(v)) {
      throw new UsageError(`--by: "${v}" is not a grouping`, didYouMean(v, DIMENSIONS) ?? `use ${DIMENSIONS.join(", ")}`);
    }
    if (!out.includes(v as Dimension)) out.push(v as Dimension);
  }
  return out;
}

/** One line per skip reason on stderr; with --strict, an error at the first skipped record instead. */
function reportSkips(report: UsageReport, first: ReturnType<UsageAggregator["firstSkip"]>, strict: boolean, io: Io): void {
  const count = report.skipped.reduce((a, s) => a + s.count, 0);
  if (count === 0 || !first) return;
  const parts = report.skipped.map((s) => `${s.reason} ${s.count} (${s.first.map((f) => f.at).join(", ")}${s.count > s.first.length ? ", ..." : ""})`);
  const records = `record${count === 1 ? "" : "s"}`;
  if (strict) {
    const colon = first.at.lastIndexOf(":");
    throw new InputError(
      `${count} ${records} cannot be priced, the first: ${first.reason}, ${first.detail}; in all: ${parts.join("; ")}`,
      "fix or remove them, or drop --strict to report them as skipped",
      { file: first.at.slice(0, colon), line: Number(first.at.slice(colon + 1)) },
    );
  }
  writeWarnings(io, [`skipped ${count} ${records} that cannot be priced: ${parts.join("; ")}`]);
}

/** Registers the usage command. */
export function registerUsage(program: Command, io: Io): void {
  program
    .command("usage")
    .description("price usage logs (chat completions, Anthropic messages, Claude Code sessions), each record at its own instant")
    .argument("<paths...>", "JSONL log files (.jsonl or .jsonl.gz), folders to search for them, or - for stdin")
    .option("--by <dims>", `group by ${DIMENSIONS.join(", ")} (repeatable or comma-separated; default day); session is Claude Code's sessionId, project the record's cwd, else its log's folder; records without one are grouped as (none)`, collect)
    .option("--tz <zone>", "group hours, days, weeks and months in this IANA time zone (default UTC)")
    .option("--since <date>", "only records at or after this date or instant")
    .option("--until <date>", "only records before this instant (a bare date includes that whole UTC day)")
    .addOption(asOfOption("--as-of <date>", "price at this instant: YYYY-MM-DD, an ISO date-time (UTC unless an offset is given), today, yesterday or now (here: the instant of records that carry none, else they are skipped)"))
    .addOption(new Option("--dialect <dialect>", "log shape; auto detects it record by record").choices(DIALECTS as unknown as string[]).default("auto"))
    .addOption(ratesOption())
    .option("--strict", "exit 2 when any record cannot be priced")
    .option("--compare <plan>", "set a plan's estimate (at its as_of, over its period) beside each model's actual spend")
    .addOption(currencyOptions()[0]!)
    .addOption(currencyOptions()[1]!)
    .addOption(formatOption("usage"))
    .action(action(async (paths: string[], flags: UsageFlags) => {
      const by = dimensions(flags.by);
      const since = flags.since !== undefined ? flagValue("--since", flags.since, parseInstant) : undefined;
      const until = flags.until !== undefined ? untilFlag("--until", flags.until) : undefined;
      if (since !== undefined && until !== undefined && since >= until) throw new UsageError("--since is not before --until", "give a --since earlier than --until");
      const asOf = flags.asOf !== undefined ? instantFlag("--as-of", flags.asOf, io.now()) : undefined;
      const money = currencyFrom(flags);
      const plan = flags.compare !== undefined ? await readPlanFile(flags.compare, io) : undefined;
      const book = loadRateCards(cardSources(flags.rates, io));
      const sources = logSources(paths, io.cwd);
      if (!io.stdin && sources.some((src) => src.path === undefined)) refuseEndlessStdin();

      const tz = flags.tz === undefined ? undefined : flagValue("--tz", flags.tz, (t) => {
        if (!isKnownTimeZone(t.trim())) throw new Error(`"${t}" is not a known time zone`);
        return t.trim();
      }, "write an IANA name like Europe/Berlin, Asia/Shanghai or UTC");
      // --by project: a record without cwd belongs to its log's folder (~/.claude/projects/<project>/<session>.jsonl)
      const folders = new Map(sources.map((src) => [src.name, src.path === undefined ? undefined : basename(dirname(src.path))]));
      const tags = by.includes("session") || by.includes("project"); // only then are sessionId and cwd read
      const agg = new UsageAggregator(book, { by, since, until, asOf, tz, folderOf: (file) => folders.get(file), ...money });
      const progress = new Progress(io.stderr, sources.reduce((a, s) => a + s.size, 0));
      const onBytes = progress.on ? (bytes: number) => progress.bytes(bytes) : undefined;
      if (useWorkers(sources)) {
        await readInWorkers(sources, flags.dialect, tags, {
          record: (r, file, line) => agg.add(r, file, line),
          skip: (reason, detail, file, line) => agg.skip(reason, detail, file, line),
          ignore: () => agg.ignore(),
          synthetic: () => agg.synthetic(),
          long: (file, line) => agg.skip("line-too-long", longLineDetail(), file, line),
          bytes: onBytes,
        });
      } else {
        const reader = new RecordReader(flags.dialect, tags);
        for (const src of sources) {
          await streamLines(
            src,
            io.stdin ?? process.stdin,
            (b, start, end, n) => {
              const kind = reader.readBytes(b, start, end);
              if (kind === RECORD) agg.add(reader.record, src.name, n);
              else if (kind === SKIP) agg.skip(reader.reason, reader.detail, src.name, n);
              else if (kind === IGNORED) agg.ignore();
              else if (kind === SYNTHETIC) agg.synthetic();
            },
            (n) => agg.skip("line-too-long", longLineDetail(), src.name, n),
            onBytes,
          );
        }
      }
      progress.done();

      const report = agg.report();
      const compareWarnings: string[] = [];
      if (plan) {
        const start = report.period.start ?? asOf ?? io.now();
        const c = comparePlan(book, plan, plan.name ?? flags.compare!, start, report, money);
        report.compare = c.compare;
        compareWarnings.push(...c.warnings);
      }
      reportSkips(report, agg.firstSkip(), flags.strict === true, io);
      const latest = agg.latest();
      report.warnings = [...(latest !== undefined ? staleWarnings(book, agg.cardsUsed(), latest) : []), ...agg.warnings(), ...compareWarnings];
      writeWarnings(io, report.warnings);
      io.stdout.write(await render("usage", flags.format, report, renderOptions(io)));
      return "ok";
    }));
}
