import "server-only";
import PptxGenJS from "pptxgenjs";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { ownerName } from "@/lib/initiatives/owner-name";
import type { ReportData } from "./data";
import {
  ACTION_STATUS_LABELS,
  diagnosticLabel,
  formatDay,
  INITIATIVE_STATUS_LABELS,
  score,
  signed,
} from "./words";

// The board deck: five to eight slides a consultant restyles in their own template, so every
// figure is a native chart or table (editable in PowerPoint, Keynote or Google Slides), every
// text a plain text box, and nothing a picture of a chart. Built from the same ReportData as
// the PDF.

const INK = "0F172A";
const MUTED = "475569";
const BRAND = "1D41B8";
const TARGET = "B45309";
const PREVIOUS = "94A3B8";
const FONT = "Arial";

type Slide = ReturnType<PptxGenJS["addSlide"]>;
type Row = PptxGenJS.TableRow;

function title(slide: Slide, text: string, subtitle?: string): void {
  slide.addText(text, {
    x: 0.5,
    y: 0.3,
    w: 12.3,
    h: 0.7,
    fontFace: FONT,
    fontSize: 28,
    bold: true,
    color: INK,
  });
  if (subtitle)
    slide.addText(subtitle, {
      x: 0.5,
      y: 0.95,
      w: 12.3,
      h: 0.4,
      fontFace: FONT,
      fontSize: 14,
      color: MUTED,
    });
}

function footer(slide: Slide, data: ReportData): void {
  slide.addText(`${data.organization.name} · ${data.workspace.name} · GapMap`, {
    x: 0.5,
    y: 7.0,
    w: 9,
    h: 0.3,
    fontFace: FONT,
    fontSize: 9,
    color: MUTED,
  });
}

const header = (labels: string[]): Row =>
  labels.map((text) => ({
    text,
    options: { bold: true, color: MUTED, fill: { color: "F1F5F9" } },
  }));

function table(slide: Slide, rows: Row[], y = 1.5, colW?: number[]): void {
  slide.addTable(rows, {
    x: 0.5,
    y,
    w: 12.3,
    colW,
    fontFace: FONT,
    fontSize: 12,
    color: INK,
    border: { type: "solid", pt: 0.5, color: "E2E8F0" },
    autoPage: false,
    valign: "top",
  });
}

/** The deck as .pptx bytes. */
export async function renderReportPptx(data: ReportData): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = data.workspace.name;
  pptx.company = data.workspace.name;
  pptx.title = `${data.organization.name}: AI readiness`;
  const { latest } = data;

  // 1. Headline and verdict.
  const cover = pptx.addSlide();
  if (data.workspace.logo) {
    cover.addImage({
      data: `${data.workspace.logo.type};base64,${Buffer.from(data.workspace.logo.bytes).toString("base64")}`,
      x: 0.5,
      y: 0.4,
      h: 0.8,
      w: 2.4,
      sizing: { type: "contain", w: 2.4, h: 0.8 },
      altText: `${data.workspace.name} logo`,
    });
  }
  cover.addText(data.organization.name, {
    x: 0.5,
    y: 1.5,
    w: 12.3,
    h: 0.9,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: INK,
  });
  cover.addText(
    latest
      ? `AI readiness, ${latest.name} (closed ${formatDay(new Date(latest.closedAt))}, ${latest.headline.respondents} respondents)`
      : "AI readiness: no closed round yet",
    { x: 0.5, y: 2.35, w: 12.3, h: 0.5, fontFace: FONT, fontSize: 16, color: MUTED },
  );
  if (latest) {
    const h = latest.headline;
    cover.addText(
      h.stage === null
        ? "No readiness index yet: too few answers"
        : `Stage ${h.stage}: ${h.stageName} · readiness index ${score(h.index)}`,
      {
        x: 0.5,
        y: 3.3,
        w: 12.3,
        h: 0.7,
        fontFace: FONT,
        fontSize: 26,
        bold: true,
        color: BRAND,
      },
    );
    const reasons = [
      h.readyToScaleReason,
      ...h.caps.map((c) => `${c.reason} (holds at stage ${c.capsAt})`),
      ...(latest.change
        ? [
            `Since ${latest.change.since}: index ${latest.change.index === null ? "not comparable" : signed(latest.change.index)}, stage ${latest.change.stage === null ? "not comparable" : signed(latest.change.stage)}`,
          ]
        : []),
    ];
    cover.addText(
      reasons.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
      { x: 0.5, y: 4.1, w: 12.3, h: 2.6, fontFace: FONT, fontSize: 16, color: INK, valign: "top" },
    );
  } else {
    cover.addText("The deck fills in when the organisation's first round closes.", {
      x: 0.5,
      y: 3.3,
      w: 12.3,
      h: 0.6,
      fontFace: FONT,
      fontSize: 18,
      color: INK,
    });
  }
  footer(cover, data);
  if (!latest) return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;

  // 2. The seven dimensions against target and last round: a native bar chart.
  const dimensions = pptx.addSlide();
  title(
    dimensions,
    "The seven dimensions",
    `${latest.name} against target${data.previousName ? ` and ${data.previousName}` : ""} (0 to 100)`,
  );
  // A bar chart draws its first category at the bottom: reversed, the first dimension is on top.
  const ordered = [...latest.dimensions].reverse();
  const labels = ordered.map((d) => d.name);
  const series = [
    { name: latest.name, labels, values: ordered.map((d) => d.score ?? 0) },
    { name: "Target", labels, values: ordered.map((d) => d.target) },
    ...(ordered.some((d) => d.previous !== null)
      ? [
          {
            name: data.previousName ?? "Last round",
            labels,
            values: ordered.map((d) => d.previous ?? 0),
          },
        ]
      : []),
  ];
  dimensions.addChart(pptx.ChartType.bar, series, {
    x: 0.5,
    y: 1.5,
    w: 12.3,
    h: 5.3,
    barDir: "bar",
    barGrouping: "clustered",
    chartColors: [BRAND, TARGET, PREVIOUS],
    valAxisMinVal: 0,
    valAxisMaxVal: 100,
    catAxisLabelFontSize: 12,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    showLegend: true,
    legendPos: "b",
    legendFontFace: FONT,
    showValue: true,
    dataLabelFontSize: 9,
    altText: `Scores of the seven dimensions in ${latest.name}, with target and last round`,
  });
  footer(dimensions, data);

  // 3. The trend: a native line chart of the index, one point per closed round with an index.
  const trend = pptx.addSlide();
  title(trend, "The trend", "Readiness index per closed round, oldest first");
  if (data.trend.length >= 2) {
    trend.addChart(
      pptx.ChartType.line,
      [
        {
          name: "Readiness index",
          labels: data.trend.map((p) => p.name),
          values: data.trend.map((p) => Math.round(p.index)),
        },
      ],
      {
        x: 0.5,
        y: 1.5,
        w: 7.8,
        h: 5.2,
        chartColors: [BRAND],
        valAxisMinVal: 0,
        valAxisMaxVal: 100,
        lineDataSymbol: "circle",
        lineDataSymbolSize: 8,
        showValue: true,
        catAxisLabelFontFace: FONT,
        altText: "Readiness index per closed round",
      },
    );
  } else {
    trend.addText("One round with an index so far: the trend appears from the second.", {
      x: 0.5,
      y: 1.6,
      w: 7.8,
      h: 0.6,
      fontFace: FONT,
      fontSize: 16,
      color: INK,
    });
  }
  trend.addTable(
    [
      header(["Round", "Stage", "Index"]),
      ...data.trend.map((p): Row => [
        { text: p.name },
        { text: String(p.stage) },
        { text: score(p.index) },
      ]),
    ],
    {
      x: 8.6,
      y: 1.5,
      w: 4.2,
      colW: [2.2, 1, 1],
      fontFace: FONT,
      fontSize: 12,
      color: INK,
      border: { type: "solid", pt: 0.5, color: "E2E8F0" },
    },
  );
  footer(trend, data);

  // 4. The three-part diagnostic.
  const diagnostic = pptx.addSlide();
  title(
    diagnostic,
    "The three-part diagnostic",
    "Before any scaling decision: data audited at the workflow level, an accountable owner, monitoring built before go-live",
  );
  table(
    diagnostic,
    [
      header(["Part", "Status", "Why"]),
      ...latest.diagnostic.map((part, i): Row => [
        { text: `${i + 1}. ${part.name}`, options: { bold: true } },
        { text: diagnosticLabel(part.status) },
        { text: part.reason },
      ]),
    ],
    1.6,
    [4.2, 1.5, 6.6],
  );
  if (data.pipeline.some((p) => p.count > 0)) {
    diagnostic.addText(
      `Initiatives: ${data.pipeline.map((p) => `${INITIATIVE_STATUS_LABELS[p.status]} ${p.count}`).join(" · ")}`,
      { x: 0.5, y: 5.4, w: 12.3, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: INK },
    );
    const noGo = data.initiatives.filter(
      (i) => i.diagnostic.decision === "no_go" && i.status !== "retired",
    );
    diagnostic.addText(
      noGo.length
        ? `No-go on the diagnostic: ${noGo.map((i) => i.name).join(", ")}`
        : "Every active initiative has a go on the diagnostic.",
      {
        x: 0.5,
        y: 5.85,
        w: 12.3,
        h: 0.8,
        fontFace: FONT,
        fontSize: 13,
        color: MUTED,
        valign: "top",
      },
    );
  }
  footer(diagnostic, data);

  // 5. Next steps in sequence, with owners.
  const steps = pptx.addSlide();
  title(
    steps,
    "Next steps, in sequence",
    "Redesign the workflow, establish ownership, build monitoring from day one",
  );
  table(
    steps,
    [
      header(["#", "Next step", "Sequence", "Owner", "Due", "Status"]),
      ...data.nextSteps.map((n): Row => [
        { text: String(n.order) },
        { text: n.title, options: { bold: true } },
        { text: `Step ${n.step}: ${n.stepName}` },
        { text: n.action?.owner ?? `Suggested: ${n.ownerTitle}` },
        {
          text: n.action?.dueDate
            ? `${formatDay(n.action.dueDate)}${n.action.overdue ? " (overdue)" : ""}`
            : "-",
        },
        { text: n.action ? ACTION_STATUS_LABELS[n.action.status] : "No action yet" },
      ]),
      ...data.otherActions
        .slice(0, 3)
        .map((a): Row => [
          { text: "·" },
          { text: a.title },
          { text: "Action" },
          { text: ownerName(a.owner) ?? "No owner" },
          { text: a.dueDate ? `${formatDay(a.dueDate)}${a.overdue ? " (overdue)" : ""}` : "-" },
          { text: ACTION_STATUS_LABELS[a.status] },
        ]),
    ],
    1.5,
    [0.4, 4.6, 2.6, 2.3, 1.4, 1.0],
  );
  footer(steps, data);

  // 6. Key quotes, when a consultant marked any.
  if (data.keyQuotes.length > 0) {
    const quotes = pptx.addSlide();
    title(quotes, "In their own words", "Key quotes from respondents' comments");
    const shown = data.keyQuotes.slice(0, 4);
    shown.forEach((q, i) => {
      quotes.addText(
        [
          { text: `“${q.text}”`, options: { fontSize: 16, color: INK, breakLine: true } },
          {
            text: `${q.name ? `${q.name}, ` : ""}${respondentRoleLabel(q.role)} · ${q.roundName} · ${q.dimensionName}`,
            options: { fontSize: 11, color: MUTED },
          },
        ],
        {
          x: 0.5,
          y: 1.5 + i * 1.35,
          w: 12.3,
          h: 1.25,
          fontFace: FONT,
          valign: "top",
          line: { color: BRAND, width: 0 },
        },
      );
    });
    footer(quotes, data);
  }

  // 7. The article's figures, cited.
  const context = pptx.addSlide();
  title(context, "In context", "The article's figures, and where this organisation stands");
  table(
    context,
    [
      header(["Figure", "Source", "Here"]),
      ...data.context.map((f): Row => [
        { text: f.figure, options: { bold: true } },
        { text: f.source, options: { color: MUTED } },
        { text: f.standing },
      ]),
    ],
    1.5,
    [4.4, 3.2, 4.7],
  );
  footer(context, data);

  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}
