import { frameworkContents } from "./content";
import { type Framework, type FrameworkContent, validateFramework } from "./schema";

// A new version goes at the end of frameworkContents and carries the id mapping from the one before.
const CONTENTS: readonly FrameworkContent[] = frameworkContents;

export class UnknownFrameworkVersionError extends Error {
  readonly version: string;
  readonly available: readonly string[];
  constructor(version: string, available: readonly string[]) {
    super(`unknown framework version "${version}" (available: ${available.join(", ")})`);
    this.name = "UnknownFrameworkVersionError";
    this.version = version;
    this.available = available;
  }
}

export class FrameworkMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrameworkMappingError";
  }
}

export function compareFrameworkVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split(".").map(Number);
  const [by = 0, bn = 0] = b.split(".").map(Number);
  return ay - by || an - bn;
}

export const latestFrameworkVersion: string = [...CONTENTS]
  .map((c) => c.version)
  .sort(compareFrameworkVersions)
  .at(-1) as string;

/**
 * Validates every version and the id mappings between consecutive versions, so that compare()
 * can never meet a question id that silently disappeared between two versions.
 */
export function loadFrameworks(contents: readonly FrameworkContent[]): Map<string, Framework> {
  const frameworks = contents
    .map((content) => validateFramework(content))
    .sort((a, b) => compareFrameworkVersions(a.version, b.version));
  frameworks.forEach((fw, i) => {
    const previous = frameworks[i - 1];
    if (!previous) return;
    checkMapping(previous, fw);
  });
  return new Map(frameworks.map((fw) => [fw.version, deepFreeze(fw)]));
}

function questionIdsOf(fw: Framework): Set<string> {
  return new Set(fw.dimensions.flatMap((d) => d.questions.map((q) => q.id)));
}

function checkMapping(previous: Framework, next: Framework): void {
  const mapping = next.questionIdMapping;
  const where = `framework ${next.version}: questionIdMapping`;
  if (!mapping) throw new FrameworkMappingError(`${where} from ${previous.version} is missing`);
  if (mapping.fromVersion !== previous.version)
    throw new FrameworkMappingError(
      `${where}.fromVersion must be "${previous.version}", found "${mapping.fromVersion}"`,
    );
  const before = questionIdsOf(previous);
  const after = questionIdsOf(next);
  const mapped = new Set([
    ...Object.keys(mapping.renamed),
    ...Object.keys(mapping.changed ?? {}),
    ...mapping.retired,
  ]);
  mapped.forEach((id) => {
    if (!before.has(id))
      throw new FrameworkMappingError(`${where}: ${id} does not exist in ${previous.version}`);
  });
  before.forEach((id) => {
    if (!after.has(id) && !mapped.has(id))
      throw new FrameworkMappingError(
        `${where}: ${id} of ${previous.version} is neither kept, renamed nor retired`,
      );
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach((child) => deepFreeze(child));
  }
  return value;
}

let registry: Map<string, Framework> | undefined;

function frameworks(): Map<string, Framework> {
  registry ??= loadFrameworks(CONTENTS);
  return registry;
}

/** Oldest first. */
export function listFrameworkVersions(): string[] {
  return [...frameworks().keys()];
}

export function findFramework(version: string): Framework | undefined {
  return frameworks().get(version);
}

export function getFramework(version: string = latestFrameworkVersion): Framework {
  const fw = findFramework(version);
  if (!fw) throw new UnknownFrameworkVersionError(version, listFrameworkVersions());
  return fw;
}

/**
 * Where a question of version `from` lives in the later version `to`: its id there, or null if it
 * was retired on the way. Ids are followed through every version in between.
 */
export function mapQuestionId(id: string, from: string, to: string): string | null {
  if (compareFrameworkVersions(from, to) > 0)
    throw new FrameworkMappingError(`cannot map ids backwards from ${from} to ${to}`);
  let current: string | null = id;
  for (const version of listFrameworkVersions()) {
    if (current === null) break;
    if (compareFrameworkVersions(version, from) <= 0 || compareFrameworkVersions(version, to) > 0)
      continue;
    const mapping = getFramework(version).questionIdMapping;
    if (!mapping) continue;
    if (mapping.retired.includes(current)) current = null;
    else current = mapping.renamed[current] ?? mapping.changed?.[current] ?? current;
  }
  return current;
}

/**
 * The version in which a question of version `from` changed its meaning (text or level anchors)
 * on the way to `to`, or null when it kept it: across such a change two rounds' answers are not
 * like for like.
 */
export function questionChangedIn(id: string, from: string, to: string): string | null {
  if (compareFrameworkVersions(from, to) > 0)
    throw new FrameworkMappingError(`cannot map ids backwards from ${from} to ${to}`);
  let current: string | null = id;
  for (const version of listFrameworkVersions()) {
    if (current === null) break;
    if (compareFrameworkVersions(version, from) <= 0 || compareFrameworkVersions(version, to) > 0)
      continue;
    const mapping = getFramework(version).questionIdMapping;
    if (!mapping) continue;
    if (mapping.changed?.[current] !== undefined) return version;
    if (mapping.retired.includes(current)) current = null;
    else current = mapping.renamed[current] ?? current;
  }
  return null;
}
