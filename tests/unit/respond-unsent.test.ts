import { describe, expect, it } from "vitest";
import { addChange, emptyOutbox } from "@/lib/respond-client/outbox";
import {
  unsentAnswers,
  unsentCsv,
  unsentFileName,
  unsentText,
  type ExportSection,
} from "@/lib/respond-client/unsent";
import { readCsv } from "../fixtures/csv";

// What a respondent hands over after the round closed with answers still on their device.

const levels = ["None", "Ad hoc", "Repeatable", "Managed", "Optimised"];
const sections: ExportSection[] = [
  {
    name: "Data",
    questions: [
      { id: "data.quality", text: "How is data quality checked?", levels },
      { id: "data.access", text: 'Who can reach the "golden" records?', levels },
    ],
  },
  {
    name: "Governance",
    questions: [{ id: "gov.policy", text: "Is there an AI use policy?", levels }],
  },
];

describe("unsent answers to hand over", () => {
  it("lists each unsent answer in words, in the questionnaire's order, with its comment", () => {
    let box = addChange(emptyOutbox, "gov.policy", { value: "not_applicable" });
    box = addChange(box, "data.quality", { value: 3, comment: "Only in finance." });
    box = addChange(box, "data.access", { value: "dont_know" });
    expect(unsentAnswers(box, sections, {})).toEqual([
      {
        part: "Data",
        question: "How is data quality checked?",
        answer: "Level 3: Managed",
        comment: "Only in finance.",
      },
      {
        part: "Data",
        question: 'Who can reach the "golden" records?',
        answer: "Don't know",
        comment: "",
      },
      {
        part: "Governance",
        question: "Is there an AI use policy?",
        answer: "Not applicable",
        comment: "",
      },
    ]);
  });

  it("a comment that is all that waits names the saved answer it belongs to", () => {
    const box = addChange(emptyOutbox, "data.quality", { comment: "Audited yearly." });
    expect(unsentAnswers(box, sections, { "data.quality": 1 })[0]).toMatchObject({
      answer: "Level 1: Ad hoc (already saved)",
      comment: "Audited yearly.",
    });
  });

  it("an answer to a question the page no longer lists is still handed over", () => {
    const box = addChange(emptyOutbox, "old.question", { value: 2 });
    expect(unsentAnswers(box, sections, {})).toEqual([
      { part: "", question: "old.question", answer: "Level 2: ", comment: "" },
    ]);
  });

  it("the CSV reads back field for field: quotes, commas, line breaks and accents intact", () => {
    let box = addChange(emptyOutbox, "data.access", {
      value: 0,
      comment: 'Nobody, "officially".\nBut IT can, via l’entrepôt.',
    });
    box = addChange(box, "data.quality", { value: 4, comment: '=HYPERLINK("x")' });
    const csv = unsentCsv(unsentAnswers(box, sections, {}));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(readCsv(csv)).toEqual([
      ["Part", "Question", "Answer", "Comment"],
      ["Data", "How is data quality checked?", "Level 4: Optimised", '\'=HYPERLINK("x")'],
      [
        "Data",
        'Who can reach the "golden" records?',
        "Level 0: None",
        'Nobody, "officially".\nBut IT can, via l’entrepôt.',
      ],
    ]);
  });

  it("the text version numbers the answers under a heading", () => {
    const box = addChange(emptyOutbox, "gov.policy", { value: 2, comment: "Draft.\nNot signed." });
    expect(unsentText(unsentAnswers(box, sections, {}), "My unsent answers: Acme · Pulse")).toBe(
      "My unsent answers: Acme · Pulse\n\n" +
        "1. Is there an AI use policy?\n" +
        "   Answer: Level 2: Repeatable\n" +
        "   Comment: Draft.\n   Not signed.\n",
    );
  });

  it("the file is named for the round, in characters every system accepts", () => {
    expect(unsentFileName("Pulse Q3 — Équipe données")).toBe(
      "gapmap-unsent-answers-pulse-q3-equipe-donnees.csv",
    );
    expect(unsentFileName("")).toBe("gapmap-unsent-answers.csv");
  });
});
