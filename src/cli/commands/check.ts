// `ratecard check FILE...`: each plan's budgets against its estimate; exit 1 when one fails.

import type { Command } from "commander";
import { checkPlan, checkReport, overrideBudget, type PlanCheck } from "../../core/check.js";
import { UsageError } from "../../core/errors.js";
import { parseAmount } from "../../core/quantity.js";
import { checkVerdict } from "../../render/check/verdict.js";
import { render } from "../../render/reporters.js";
import { asOfFrom, asOfOption, currencyOptions, flagValue, formatOption, modelOption, peakShareOption, ratesOption } from "../flags.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { readPlanFile } from "../plan-file.js";
import { pricePlan, pricingFrom, type PricingFlags } from "../pricing.js";
import { appendStepSummary } from "../step-summary.js";
import { action } from "../action.js";

interface CheckFlags extends PricingFlags {
  budget?: string;
  warn?: string;
  asOf?: string;
  format: string;
}

/** Registers the check command. */
export function registerCheck(program: Command, io: Io): void {
  program
    .command("check")
    .description("check plans against their budgets: exit 0 pass or warn, 1 over budget, 2 could not evaluate")
    .argument("<file...>", "plan or workload YAML files; - reads standard input")
    .option("--budget <amount>", "fail limit of each model's total (sets or overrides the plan's budget)")
    .option("--warn <amount>", "warn limit of each model's total (sets or overrides the plan's budget)")
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(ratesOption())
    .addOption(peakShareOption())
    .addOption(currencyOptions()[0]!)
    .addOption(currencyOptions()[1]!)
    .addOption(formatOption("check"))
    .action(action(async (files: string[], flags: CheckFlags) => {
      const limits = {
        fail: flags.budget !== undefined ? flagValue("--budget", flags.budget, parseAmount) : undefined,
        warn: flags.warn !== undefined ? flagValue("--warn", flags.warn, parseAmount) : undefined,
      };
      const pricing = pricingFrom(flags, io);
      const warnings = new Set<string>();
      const plans: PlanCheck[] = [];
      if (files.filter((f) => f === "-").length > 1) throw new UsageError("- (standard input) can be named once", "name it once");
      for (const file of files) {
        const parsed = await readPlanFile(file, io);
        const plan = { ...parsed, budget: overrideBudget(parsed.budget, limits) };
        plans.push(checkPlan(pricePlan(pricing, plan, asOfFrom(flags.asOf, plan.asOf, io.now()), warnings), plan));
      }
      const report = checkReport(plans);
      report.warnings = [...warnings];
      writeWarnings(io, warnings);
      io.stdout.write(await render("check", flags.format, report, renderOptions(io)));
      if (flags.format === "github") appendStepSummary(io, await render("check", "markdown", report, renderOptions(io)));
      io.stderr.write(checkVerdict(report));
      return report.status;
    }));
}
