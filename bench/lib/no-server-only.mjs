// For a child process that runs lib/ code without `--conditions=react-server` (the report
// benchmark: react-pdf's reconciler needs React's full build, as Next's server externals get it):
// `server-only` resolves to an empty module, as vitest aliases it. Use with `--import`.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
  import.meta.url,
);
