import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES } from "@/lib/workspaces/logo";
import { exportFormat, XLSX_TYPE } from "@/lib/exports/schema";
import { groupIsShown, respondentKey, respondentName, shownRoles } from "@/lib/privacy/rules";
import { describeAnswer, groupComments } from "@/lib/comments/shape";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { AppError } from "@/lib/errors";
import { hugePngHeader, PNG_1X1, SVG_AS_PNG, wideLogoPng } from "../fixtures/logo";

function refusal(bytes: Uint8Array): string | undefined {
  try {
    checkLogo(bytes);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.fields?.logo : "not an AppError";
  }
}

/** A minimal JPEG header: SOI, an APP0 segment, then a baseline SOF0 of the given size. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    0,
    0,
    0,
  ];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

describe("the workspace logo is checked by its bytes", () => {
  it("takes a PNG and a JPEG, reading their pixel size", () => {
    expect(checkLogo(PNG_1X1)).toEqual({ type: "image/png", width: 1, height: 1 });
    expect(checkLogo(wideLogoPng(240, 64))).toEqual({ type: "image/png", width: 240, height: 64 });
    expect(checkLogo(jpeg(300, 100))).toEqual({ type: "image/jpeg", width: 300, height: 100 });
  });

  it("refuses what only claims to be an image, a declared huge image, and a file over the cap", () => {
    expect(refusal(SVG_AS_PNG)).toBe("The logo must be a PNG or JPEG image.");
    expect(refusal(new Uint8Array())).toBe("Choose a PNG or JPEG file.");
    expect(refusal(hugePngHeader())).toMatch(/at most 4000 pixels/);
    expect(refusal(jpeg(5000, 10))).toMatch(/at most 4000 pixels/);
    expect(refusal(new Uint8Array(LOGO_MAX_BYTES + 1).fill(0x89))).toMatch(/larger than 256 KB/);
    // A PNG signature with no IHDR after it is no readable image.
    expect(refusal(PNG_1X1.subarray(0, 12))).toBe("This file is not a readable PNG or JPEG image.");
  });
});

describe("the export format", () => {
  it("?format wins; else Accept: text/csv or the XLSX type; else JSON", () => {
    expect(exportFormat({ format: "xlsx" }, "text/csv")).toBe("xlsx");
    expect(exportFormat({}, "text/csv; charset=utf-8")).toBe("csv");
    expect(exportFormat({}, `application/json, ${XLSX_TYPE};q=0.9`)).toBe("xlsx");
    expect(exportFormat({}, "*/*")).toBe("json");
    expect(exportFormat({}, null)).toBe("json");
  });
});

describe("the one privacy rule", () => {
  it("a role is shown only with at least the minimum group", () => {
    expect(groupIsShown(2, 3)).toBe(false);
    expect(groupIsShown(3, 3)).toBe(true);
    expect([...shownRoles({ business: 3, executive: 1, data: 0 }, 3)]).toEqual(["business"]);
  });

  it("an anonymous round names respondents by position and never by name", () => {
    expect(respondentKey({ anonymous: true }, { id: "cx1", position: 0 })).toBe("r1");
    expect(respondentKey({ anonymous: false }, { id: "cx1", position: 0 })).toBe("cx1");
    expect(respondentName({ anonymous: true }, "Ada")).toBeNull();
    expect(respondentName({ anonymous: false }, "  ")).toBeNull();
    expect(respondentName({ anonymous: false }, "Ada")).toBe("Ada");
  });
});

describe("comments grouped by level", () => {
  const framework = getFramework(latestFrameworkVersion);
  const question = framework.dimensions[0]!.questions[0]!;

  it("orders levels 0 to 4, then don't know and N/A, and says why roles are withheld", () => {
    const view = groupComments(
      framework,
      [
        {
          answerId: "b",
          questionId: question.id,
          value: "dont_know",
          text: "Unsure",
          role: "data",
          name: null,
          keyQuote: false,
        },
        {
          answerId: "a",
          questionId: question.id,
          value: 3,
          text: "Good",
          role: "business",
          name: null,
          keyQuote: true,
        },
        {
          answerId: "c",
          questionId: question.id,
          value: 1,
          text: "Weak",
          role: "technical",
          name: null,
          keyQuote: false,
        },
      ],
      ["executive"],
      3,
    );
    expect(view.questions[0]!.groups.map((g) => g.value)).toEqual([1, 3, "dont_know"]);
    expect(view.total).toBe(3);
    expect(view.hiddenReason).toBe(
      "Comments from executive respondents are not shown: fewer than 3 answered, so no one can be singled out.",
    );
    expect(describeAnswer(3, question).label).toBe(`Level 3: ${question.levels[3]}`);
    expect(describeAnswer("not_applicable", question)).toMatchObject({
      level: null,
      notApplicable: true,
    });
  });
});
