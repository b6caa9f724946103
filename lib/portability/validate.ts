import { findFramework } from "@/lib/framework";
import { storedInputSchema, storedResultSchema } from "@/lib/results/snapshot";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import { AppError } from "@/lib/errors";
import { checkLogo } from "@/lib/workspaces/logo";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileSchema,
  MAX_IMPORT_BYTES,
  type ExportFile,
  type ImportProblem,
} from "./schema";

// Reads an export file and lists every problem in it, each at its JSON path, before anything is
// written: an import is all or nothing. Pure (no database): the same check serves the dry run,
// the import, the REST API and the CLI.

/** The most problems listed; a file with more is named as having more. */
export const MAX_PROBLEMS = 200;

type Path = (string | number)[];
const pathText = (path: readonly PropertyKey[]) => path.map(String).join(".") || "_";

/** Every place holding unstorable text (a lone surrogate, NUL), in values and in keys. */
function unstorableTexts(root: unknown, limit: number): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const pending: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  while (pending.length && problems.length < limit) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value))
        problems.push({ path: pathText(path), message: UNSTORABLE_TEXT_MESSAGE });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        pending.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (!isStorableText(key)) {
          problems.push({ path: pathText(path), message: `A key: ${UNSTORABLE_TEXT_MESSAGE}` });
          continue;
        }
        pending.push({ value: child, path: [...path, key] });
      }
    }
  }
  return problems;
}

/** Checks zod cannot make: references inside the file, framework content, stored snapshots. */
function consistencyProblems(file: ExportFile): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path: pathText(path), message });
  const seen = new Map<string, string>();
  const unique = (kind: string, id: string, path: Path) => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first) add([...path, "id"], `The same id as ${first}: every record appears once.`);
    else seen.set(key, pathText(path));
  };
  if (file.settings) {
    if (file.scope !== "workspace")
      add(["settings"], "Only a workspace export carries the workspace's settings.");
    const logo = file.settings.logo;
    if (logo)
      try {
        checkLogo(new Uint8Array(Buffer.from(logo.data, "base64")));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        add(["settings", "logo", "data"], error.message);
      }
  }
  const names = new Map<string, number>();
  file.organizations.forEach((org, o) => {
    const at: Path = ["organizations", o];
    unique("organization", org.id, at);
    const key = org.name.trim().toLowerCase();
    const first = names.get(key);
    if (first !== undefined)
      add([...at, "name"], `The same name as organizations.${first}: names are unique.`);
    else names.set(key, o);
    const roundIds = new Set(org.rounds.map((r) => r.id));
    const initiativeIds = new Set(org.initiatives.map((i) => i.id));
    // Which round each link is in: a returning respondent's link continues one of another round.
    const linkRounds = new Map(
      org.rounds.flatMap((r) => r.links.map((l) => [l.id, r.id] as const)),
    );
    org.rounds.forEach((round, r) => {
      const rt: Path = [...at, "rounds", r];
      unique("round", round.id, rt);
      if (round.previousRoundId !== null && !roundIds.has(round.previousRoundId))
        add([...rt, "previousRoundId"], "Names no round of this organisation.");
      if (round.baselineRoundId !== undefined && !roundIds.has(round.baselineRoundId))
        add([...rt, "baselineRoundId"], "Names no round of this organisation.");
      else if (round.baselineRoundId === round.id)
        add([...rt, "baselineRoundId"], "A round is not its own baseline.");
      if (round.focusInitiativeId !== undefined && !initiativeIds.has(round.focusInitiativeId))
        add([...rt, "focusInitiativeId"], "Names no initiative of this organisation.");
      if (round.showPreviousAnswers && round.anonymous)
        add(
          [...rt, "showPreviousAnswers"],
          "An anonymous round never shows respondents their previous answers.",
        );
      const framework = findFramework(round.frameworkVersion);
      if (!framework)
        add([...rt, "frameworkVersion"], "This GapMap does not know this framework version.");
      const questions = new Set(framework?.dimensions.flatMap((d) => d.questions.map((q) => q.id)));
      const question = (id: string, path: Path) => {
        if (framework && !questions.has(id))
          add(path, `No question "${id}" in framework ${round.frameworkVersion}.`);
      };
      const links = new Set<string>();
      round.links.forEach((link, l) => {
        unique("link", link.id, [...rt, "links", l]);
        links.add(link.id);
        if (link.previousLinkId === undefined) return;
        const from = linkRounds.get(link.previousLinkId);
        if (from === undefined || from === round.id)
          add(
            [...rt, "links", l, "previousLinkId"],
            "Names no link of another round of this organisation.",
          );
      });
      const answered = new Set<string>();
      const responses = new Set<string>();
      round.responses.forEach((response, i) => {
        const pt: Path = [...rt, "responses", i];
        unique("response", response.id, pt);
        responses.add(response.id);
        if (!links.has(response.linkId)) add([...pt, "linkId"], "Names no link of this round.");
        else if (answered.has(response.linkId))
          add([...pt, "linkId"], "Another response already uses this link.");
        answered.add(response.linkId);
        const asked = new Set<string>();
        response.answers.forEach((answer, a) => {
          question(answer.questionId, [...pt, "answers", a, "questionId"]);
          if (asked.has(answer.questionId))
            add([...pt, "answers", a, "questionId"], "Answered twice in one response.");
          asked.add(answer.questionId);
        });
      });
      if (round.result) {
        const rr: Path = [...rt, "result"];
        unique("result", round.result.id, rr);
        if (round.state !== "closed") add([...rt, "state"], "A round with a result is closed.");
        for (const [field, schema] of [
          ["result", storedResultSchema],
          ["input", storedInputSchema],
        ] as const) {
          const parsed = schema.safeParse(round.result[field]);
          if (!parsed.success)
            for (const issue of parsed.error.issues.slice(0, 20))
              add([...rr, field, ...(issue.path as Path)], issue.message);
        }
      }
      const agreed = new Set<string>();
      const joined = new Set<string>();
      round.workshops.forEach((workshop, w) => {
        const wt: Path = [...rt, "workshops", w];
        unique("workshop", workshop.id, wt);
        workshop.participants.forEach((p, i) => {
          unique("participant", p.id, [...wt, "participants", i]);
          if (!responses.has(p.responseId))
            add([...wt, "participants", i, "responseId"], "Names no response of this round.");
          else if (joined.has(p.responseId))
            add([...wt, "participants", i, "responseId"], "This response joined twice.");
          joined.add(p.responseId);
        });
        workshop.agreedLevels.forEach((level, i) => {
          question(level.questionId, [...wt, "agreedLevels", i, "questionId"]);
          if (agreed.has(level.questionId))
            add(
              [...wt, "agreedLevels", i, "questionId"],
              "Agreed twice in one round: a round keeps one agreed level per question.",
            );
          agreed.add(level.questionId);
        });
      });
    });
    org.initiatives.forEach((initiative, i) => {
      const it: Path = [...at, "initiatives", i];
      unique("initiative", initiative.id, it);
      initiative.statusChanges.forEach((c, s) =>
        unique("statusChange", c.id, [...it, "statusChanges", s]),
      );
      const parts = new Set<string>();
      initiative.diagnostic.forEach((p, d) => {
        if (parts.has(p.part)) add([...it, "diagnostic", d, "part"], "This part appears twice.");
        parts.add(p.part);
      });
    });
    org.actions.forEach((action, a) => {
      unique("action", action.id, [...at, "actions", a]);
      if (action.roundId !== undefined && !roundIds.has(action.roundId))
        add([...at, "actions", a, "roundId"], "Names no round of this organisation.");
    });
  });
  return problems;
}

export type ParsedImport =
  { ok: true; file: ExportFile } | { ok: false; problems: ImportProblem[] };

function capped(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}\u0001${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length <= MAX_PROBLEMS) return unique;
  return [
    ...unique.slice(0, MAX_PROBLEMS),
    { path: "_", message: `…and ${unique.length - MAX_PROBLEMS} more problems.` },
  ];
}

/** Reads the file's text: the parsed file, or every problem found (nothing is written either way). */
export function parseExportText(text: string, byteLength = Buffer.byteLength(text)): ParsedImport {
  if (byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      problems: [{ path: "_", message: "The file is larger than 50 MB: it cannot be imported." }],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : "invalid JSON";
    return {
      ok: false,
      problems: [
        {
          path: "_",
          message: `The file is not complete JSON (it may be cut short): ${why}`,
        },
      ],
    };
  }
  return parseExportValue(raw);
}

/** As parseExportText, for a value already parsed from JSON. */
export function parseExportValue(raw: unknown): ParsedImport {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, problems: [{ path: "_", message: "Not a GapMap export file." }] };
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT)
    return {
      ok: false,
      problems: [
        { path: "format", message: `Not a GapMap export file (expected "${EXPORT_FORMAT}").` },
      ],
    };
  if (typeof head.version === "number" && head.version > EXPORT_VERSION)
    return {
      ok: false,
      problems: [
        {
          path: "version",
          message: `Made by a newer GapMap (format version ${head.version}); this one reads version ${EXPORT_VERSION}. Update GapMap, then import again.`,
        },
      ],
    };
  const problems = unstorableTexts(raw, MAX_PROBLEMS);
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ path: pathText(issue.path), message: issue.message });
    return { ok: false, problems: capped(problems) };
  }
  problems.push(...consistencyProblems(parsed.data));
  if (problems.length) return { ok: false, problems: capped(problems) };
  return { ok: true, file: parsed.data };
}
