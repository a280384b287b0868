// The baseline of bench/usage.mjs: a bare readline + JSON.parse loop that sums usage fields as floats.
import { createReadStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";

const [file, dialect] = process.argv.slice(2);
const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
let total = 0;
let lines = 0;
rl.on("line", (line) => {
  const o = JSON.parse(line);
  lines++;
  if (dialect === "chat") {
    const u = o.usage;
    total += u.prompt_cache_hit_tokens * 0.028e-6 + u.prompt_cache_miss_tokens * 0.14e-6 + u.completion_tokens * 0.28e-6;
  } else {
    const u = dialect === "claude-code" ? o.message.usage : o.usage;
    total += u.cache_read_input_tokens * 0.028e-6 + (u.input_tokens + u.cache_creation_input_tokens) * 0.14e-6 + u.output_tokens * 0.28e-6;
  }
});
await once(rl, "close");
process.stdout.write(`${lines} ${total}\n`);
