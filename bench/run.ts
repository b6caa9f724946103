// `npm run bench [name ...]`: runs bench/<name>.bench.ts (all of them by default) and writes each
// one's section into BENCHMARKS.md, keeping the sections of benchmarks not run this time.
// Figures are measured side by side in one run (ratios), because these machines are noisy.
import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Bench = { run: () => Promise<{ title: string; markdown: string }> };

const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, "..", "BENCHMARKS.md");
const HEADER = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Each section is replaced when its benchmark runs again.
Machine of the last run: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.
`;

const wanted = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, "")))
  .sort();

const sections = new Map<string, string>();
try {
  const existing = await readFile(outFile, "utf8");
  for (const match of existing.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) {
    sections.set(match[1]!, match[2]!);
  }
} catch {
  // First run: no file yet.
}

for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  console.log(`bench: ${name} ...`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as Bench;
  const { title, markdown } = await mod.run();
  sections.set(name, `## ${title}\n\n_Run ${new Date().toISOString()}_\n\n${markdown.trim()}\n`);
  console.log(markdown);
}

const body = [...sections.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, text]) => `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->`)
  .join("\n\n");
await writeFile(outFile, `${HEADER}\n${body}\n`);
console.log(`bench: wrote ${path.relative(process.cwd(), outFile)}`);
process.exit(0);
