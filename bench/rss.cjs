// Preloaded by bench/lib.mjs (timed) into each measured child: prints its peak RSS (KB) and CPU time (µs) to stderr at exit.
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nmaxrss_kb=${u.maxRSS} cpu_us=${u.userCPUTime + u.systemCPUTime}\n`);
});
