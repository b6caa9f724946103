// Import cycles in lib/ and components/, between files and between the folders a reader sees:
// `lib/auth` importing `lib/accounts` while `lib/accounts` imports `lib/auth` is a cycle even when
// no single file imports itself back, and it is the kind that makes a layer impossible to reason
// about (or to move out).
//
//   node scripts/check-cycles.mjs     prints every cycle, exits 1 if there is one
//
// eslint.config.mjs runs the same check as the rule `gapmap/no-cycle`, reported on each import
// that closes a cycle, so `eslint .` (and `npm test`) fails on one. (eslint-plugin-import's
// `import/no-cycle` sees only files, and tripled the lint time here.) Imports are read with a
// regular expression, type-only ones included: a type import is still a dependency of the layer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOTS = ["lib", "components"];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
// Folders that are generated, not written: never part of a cycle we could fix.
const SKIP = new Set(["lib/generated", "node_modules"]);
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The folder a file belongs to: `lib/<domain>` or `components/<group>`; null outside them. */
export function unitOf(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  if (!ROOTS.includes(parts[0]) || parts.length < 2) return null;
  // A file directly in lib/ (lib/health.ts) is a unit of its own.
  const unit =
    parts.length === 2 ? `${parts[0]}/${parts[1].replace(SOURCE, "")}` : `${parts[0]}/${parts[1]}`;
  return SKIP.has(unit) ? null : unit;
}

/** The repo-relative target of an import written in `fromFile`, or null for packages. */
export function resolveSpecifier(specifier, fromFile) {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(toPosix(fromFile)), specifier));
  }
  return null;
}

function toPosix(p) {
  return p.split(path.sep).join("/");
}

export function importsIn(source) {
  const found = [];
  for (const match of source.matchAll(IMPORT)) found.push(match[1] ?? match[2]);
  return found;
}

function walk(dir, root, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (SKIP.has(rel)) continue;
    if (entry.isDirectory()) walk(rel, root, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

/** The file an import target names (`lib/db` -> `lib/db/index.ts`), or null if none exists. */
export function resolveFile(target, root) {
  if (SOURCE.test(target) && fs.existsSync(path.join(root, target))) return target;
  for (const extension of EXTENSIONS) {
    if (fs.existsSync(path.join(root, target + extension))) return target + extension;
  }
  return null;
}

/** Both graphs of lib/ and components/, read from disk: files -> files, folders -> folders. */
export function importGraphs(root) {
  const files = new Map();
  const folders = new Map();
  for (const top of ROOTS) {
    for (const file of walk(top, root, [])) {
      const from = unitOf(file);
      if (!from) continue;
      const fileEdges = new Map();
      files.set(file, fileEdges);
      const folderEdges = folders.get(from) ?? new Map();
      folders.set(from, folderEdges);
      for (const specifier of importsIn(fs.readFileSync(path.join(root, file), "utf8"))) {
        const target = resolveSpecifier(specifier, file);
        const to = target && unitOf(target);
        if (!to) continue;
        const targetFile = resolveFile(target, root);
        if (targetFile && !fileEdges.has(targetFile)) fileEdges.set(targetFile, specifier);
        if (to !== from && !folderEdges.has(to)) folderEdges.set(to, `${file} -> ${specifier}`);
      }
    }
  }
  return { files, folders };
}

/** A shortest path of nodes from `from` to `to` in the graph, or null. */
export function pathBetween(graph, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) {
      const route = [];
      for (let at = to; at !== null; at = previous.get(at)) route.unshift(at);
      return route;
    }
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Every edge that lies on a cycle, as the cycle it closes: [a, b, ..., a]. */
export function cyclesIn(graph) {
  const cycles = [];
  const seen = new Set();
  for (const [from, edges] of graph) {
    for (const to of edges.keys()) {
      const back = pathBetween(graph, to, from);
      if (!back) continue;
      const cycle = [from, ...back];
      const key = cycle.slice(0, -1).sort().join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      cycles.push(cycle);
    }
  }
  return cycles;
}

let cached = null;

/** The ESLint rule: reports an import whose target leads back to the importing file or folder. */
export const noCycleRule = {
  meta: {
    type: "problem",
    docs: { description: "No import cycles between files or folders of lib/ and components/." },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const relative = toPosix(path.relative(root, context.filename));
    const fromUnit = unitOf(relative);
    if (!fromUnit) return {};
    // Read once per process: a lint run sees one tree. The file being linted contributes its
    // imports from the text being linted, not from disk.
    cached ??= importGraphs(root);
    const { files, folders } = cached;
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const target = resolveSpecifier(specifier, relative);
      const toUnit = target && unitOf(target);
      if (!toUnit) return;
      if (toUnit !== fromUnit) {
        const back = pathBetween(folders, toUnit, fromUnit);
        if (back) {
          context.report({
            node: node.source,
            message: `Folder import cycle: ${[fromUnit, ...back].join(" -> ")}. Move what both need into the lower layer, or pass it in.`,
          });
        }
        return;
      }
      const targetFile = resolveFile(target, root);
      const back = targetFile && pathBetween(files, targetFile, relative);
      if (back) {
        context.report({
          node: node.source,
          message: `Import cycle: ${[relative, ...back].join(" -> ")}.`,
        });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const here = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const root = path.resolve(path.dirname(here), "..");
  const { files, folders } = importGraphs(root);
  const cycles = cyclesIn(folders);
  for (const cycle of cycles) {
    console.error(`folder cycle: ${cycle.join(" -> ")}`);
    for (let i = 0; i < cycle.length - 1; i++) {
      console.error(`  ${folders.get(cycle[i]).get(cycle[i + 1])}`);
    }
  }
  const loops = cyclesIn(files);
  for (const cycle of loops) console.error(`file cycle: ${cycle.join(" -> ")}`);
  if (cycles.length + loops.length > 0) process.exit(1);
  console.log(
    `no import cycles in ${ROOTS.join("/, ")}/ (${files.size} files, ${folders.size} folders)`,
  );
}
