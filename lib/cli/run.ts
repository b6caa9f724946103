// Entry point of bin/gapmap.mjs. Kept apart from main.ts so tests import runCli without running it.
import { runCli } from "./main";

const result = await runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
