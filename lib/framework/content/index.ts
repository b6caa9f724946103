import { framework2026_4 } from "./2026.4";
import { framework2027_1 } from "./2027.1";
import { framework2027_2 } from "./2027.2";

// The raw, unvalidated content of every version, oldest first; the registry validates it on load.
export const frameworkContents = [framework2026_4, framework2027_1, framework2027_2] as const;
