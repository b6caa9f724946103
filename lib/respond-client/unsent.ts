import { toCsv } from "@/lib/csv/write";
import type { AnswerValue } from "@/lib/framework/schema";
import { answerLabel } from "./copy";
import type { Outbox } from "./outbox";

// After a round closed (or the link was withdrawn) with answers still on the device, the
// respondent can hand them over: a small CSV file, or the same as plain text to paste into an
// email. Built in the browser from the outbox and the questions the page already has.

/** As much of a section as the export needs (the page's RespondentSection fits). */
export type ExportSection = {
  name: string;
  questions: readonly { id: string; text: string; levels: readonly string[] }[];
};

export type UnsentAnswer = {
  part: string;
  question: string;
  /** In words: "Level 2: …", "Don't know", "Not applicable". */
  answer: string;
  comment: string;
};

/** One row per unsent change, in the questionnaire's order. A change that is only a comment
 * names the answer it belongs to. */
export function unsentAnswers(
  outbox: Outbox,
  sections: readonly ExportSection[],
  known: Record<string, AnswerValue>,
): UnsentAnswer[] {
  const waiting = new Map(outbox.entries.map((e) => [e.questionId, e]));
  const rows: UnsentAnswer[] = [];
  for (const section of sections) {
    for (const q of section.questions) {
      const entry = waiting.get(q.id);
      if (!entry) continue;
      waiting.delete(q.id);
      const answer =
        entry.value !== undefined
          ? answerLabel(entry.value, q.levels)
          : known[q.id] !== undefined
            ? `${answerLabel(known[q.id], q.levels)} (already saved)`
            : "Not answered";
      rows.push({ part: section.name, question: q.text, answer, comment: entry.comment ?? "" });
    }
  }
  // A question the page no longer lists (should not happen): still handed over, by its id.
  for (const entry of waiting.values()) {
    rows.push({
      part: "",
      question: entry.questionId,
      answer: entry.value !== undefined ? answerLabel(entry.value, []) : "Not answered",
      comment: entry.comment ?? "",
    });
  }
  return rows;
}

/** The file to download: UTF-8 with a byte-order mark, formula-like text defused (lib/csv). */
export function unsentCsv(rows: readonly UnsentAnswer[]): string {
  return toCsv([["Part", "Question", "Answer", "Comment"], ...rows.map(rowFields)], { bom: true });
}

const rowFields = (r: UnsentAnswer) => [r.part, r.question, r.answer, r.comment];

/** The same, to paste into an email. */
export function unsentText(rows: readonly UnsentAnswer[], heading: string): string {
  const blocks = rows.map((r, i) => {
    const lines = [`${i + 1}. ${r.question}`, `   Answer: ${r.answer}`];
    if (r.comment) lines.push(`   Comment: ${r.comment.replace(/\r?\n/g, "\n   ")}`);
    return lines.join("\n");
  });
  return `${heading}\n\n${blocks.join("\n\n")}\n`;
}

export function unsentFileName(roundName: string): string {
  const slug = roundName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `gapmap-unsent-answers${slug ? `-${slug}` : ""}.csv`;
}
