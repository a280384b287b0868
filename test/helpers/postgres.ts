// Test helper: a throw-away PostgreSQL server (Debian's postgresql package) on a unix socket in a temp folder.

import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running server: run SQL through psql, stop it when done. */
export interface Postgres {
  /** Runs a SQL script (stops at the first error) and returns psql's CSV output of the last statement. */
  sql(script: string): string;
  stop(): void;
}

/** The newest /usr/lib/postgresql/N/bin that has initdb. */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin/initdb"))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this)");
  return join(root, versions[0]!, "bin");
}

function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

/**
 * Starts a fresh cluster: initdb into a temp folder, pg_ctl start listening only on a unix socket
 * there. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user
 * that the Debian package creates (through runuser).
 */
export function startPostgres(): Postgres {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "ratecard-pg-"));
  const root = process.getuid?.() === 0;
  let asServer: (cmd: string, args: string[]) => [string, string[]] = (cmd, args) => [cmd, args];
  if (root) {
    const id = (flag: string) => Number(check(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }), "id postgres").trim());
    chownSync(dir, id("-u"), id("-g"));
    chmodSync(dir, 0o700);
    asServer = (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]];
  }
  const server = (tool: string, args: string[], what: string) => {
    const [cmd, argv] = asServer(join(bin, tool), args);
    return check(spawnSync(cmd, argv, { encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C", TZ: "UTC" } }), what);
  };
  const data = join(dir, "data");
  server("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], "initdb");
  server("pg_ctl", ["-D", data, "-w", "-t", "60", "-l", join(dir, "server.log"), "-o", `-k ${dir} -c listen_addresses= -c fsync=off`, "start"], "pg_ctl start");
  let running = true;
  let n = 0;
  return {
    sql(script: string): string {
      const file = join(dir, `script-${n++}.sql`);
      writeFileSync(file, script);
      chmodSync(file, 0o644);
      return check(spawnSync(join(bin, "psql"), ["-h", dir, "-U", "postgres", "-d", "postgres", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-f", file], { encoding: "utf8", maxBuffer: 1 << 28 }), "psql");
    },
    stop(): void {
      if (!running) return;
      running = false;
      try {
        server("pg_ctl", ["-D", data, "-w", "-m", "fast", "stop"], "pg_ctl stop");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
