import "server-only";
import path from "node:path";
import {
  Document,
  Font,
  Image,
  Line,
  Page,
  Polyline,
  Rect,
  StyleSheet,
  Svg,
  Text,
  View,
  renderToBuffer,
} from "@react-pdf/renderer";
import type { ComponentProps, ReactNode } from "react";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { ownerName } from "@/lib/initiatives/owner-name";
import type { ReportData } from "./data";
import {
  ACTION_STATUS_LABELS,
  diagnosticLabel,
  formatDay,
  INITIATIVE_STATUS_LABELS,
  pdfText,
  score,
  stepActionLine,
  signed,
} from "./words";

// The PDF report, drawn on the server with @react-pdf/renderer (decision 0013): real text in the
// PDF's own Helvetica (DejaVu Sans where Helvetica lacks a character), so it can be selected,
// searched and read aloud; every chart is a block that never breaks across pages (wrap={false});
// page numbers in a fixed footer.

export const PAPER_SIZES = { a4: "A4", letter: "LETTER" } as const;
export type Paper = keyof typeof PAPER_SIZES;

const INK = "#0f172a";
const MUTED = "#475569";
const BRAND = "#1d41b8";
const TARGET = "#b45309";
const PREVIOUS = "#334155";
const RULE = "#e2e8f0";

// Words are never broken with a hyphen: a split "de- fined" reads badly and searches worse.
Font.registerHyphenationCallback((word) => [word]);

// Helvetica has only the Windows-1252 characters. A character it lacks (a respondent writing in
// Greek or Cyrillic, an organisation called Łódź Logistics) falls back, character by character,
// to DejaVu Sans (Bitstream Vera licence, lib/reports/fonts/LICENSE-DejaVu.txt), which is embedded
// only in a PDF that uses it. CJK is not covered (decision 0013).
const FONTS = path.join(process.cwd(), "lib", "reports", "fonts");
Font.register({ family: "DejaVu Sans", src: path.join(FONTS, "DejaVuSans.ttf") });
Font.register({ family: "DejaVu Sans Bold", src: path.join(FONTS, "DejaVuSans-Bold.ttf") });
const REGULAR = ["Helvetica", "DejaVu Sans"];
const BOLD = ["Helvetica-Bold", "DejaVu Sans Bold"];

const s = StyleSheet.create({
  page: {
    paddingTop: 48,
    paddingBottom: 56,
    paddingHorizontal: 48,
    fontFamily: REGULAR,
    fontSize: 10,
    color: INK,
  },
  // Line height on each text, not the page: inherited by the page-number text, it makes
  // react-pdf 4.9 drop that text altogether.
  // react-pdf resolves a unitless line height against the text's own font size, 18 unless set
  // here, so both are set together.
  text: { fontSize: 10, lineHeight: 1.35 },
  cover: { paddingTop: 96 },
  logo: { maxWidth: 180, maxHeight: 72, objectFit: "contain", marginBottom: 24 },
  kicker: { fontSize: 11, color: BRAND, fontFamily: BOLD },
  title: { fontSize: 26, fontFamily: BOLD, marginTop: 6 },
  subtitle: { fontSize: 12, color: MUTED, marginTop: 6 },
  h2: { fontSize: 15, fontFamily: BOLD, marginBottom: 6, marginTop: 14 },
  h3: { fontSize: 11, fontFamily: BOLD, marginTop: 6, marginBottom: 2 },
  p: { marginBottom: 4 },
  muted: { color: MUTED },
  small: { fontSize: 8.5, color: MUTED },
  bold: { fontFamily: BOLD },
  box: { borderWidth: 1, borderColor: RULE, borderRadius: 4, padding: 10, marginBottom: 8 },
  row: { flexDirection: "row" },
  cell: { paddingVertical: 3, paddingRight: 6, borderBottomWidth: 0.5, borderColor: RULE },
  th: { fontFamily: BOLD, color: MUTED, fontSize: 8.5 },
  footerLeft: { position: "absolute", bottom: 24, left: 48, right: 160, fontSize: 8, color: MUTED },
  footerRight: {
    position: "absolute",
    bottom: 24,
    right: 48,
    width: 110,
    textAlign: "right",
    fontSize: 8,
    color: MUTED,
  },
  quote: { borderLeftWidth: 3, borderColor: BRAND, paddingLeft: 8, marginBottom: 8 },
});

type PdfStyle = ComponentProps<typeof View>["style"];

function T({
  children,
  style,
  break: pageBreak,
  minPresenceAhead,
}: {
  children: ReactNode;
  style?: PdfStyle;
  /** Starts a new page before this text. */
  break?: boolean;
  /** Moves the text to the next page unless this much (points) of what follows fits below it. */
  minPresenceAhead?: number;
}) {
  return (
    <Text
      style={[s.text, ...(Array.isArray(style) ? style : style ? [style] : [])]}
      break={pageBreak}
      minPresenceAhead={minPresenceAhead}
    >
      {typeof children === "string" ? pdfText(children) : children}
    </Text>
  );
}

type Column = { label: string; width: string };

function Table({ columns, rows }: { columns: Column[]; rows: string[][] }) {
  return (
    <View>
      <View style={s.row}>
        {columns.map((c) => (
          <View key={c.label} style={[s.cell, { width: c.width }]}>
            <T style={s.th}>{c.label}</T>
          </View>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={s.row} wrap={false}>
          {row.map((value, j) => (
            <View key={j} style={[s.cell, { width: columns[j]!.width }]}>
              <T>{value}</T>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The seven dimensions as bars (0..100) with the target and last round's score marked. */
function DimensionBars({
  dimensions,
}: {
  dimensions: NonNullable<ReportData["latest"]>["dimensions"];
}) {
  const width = 170;
  return (
    <View wrap={false} style={s.box}>
      <T style={s.small}>
        Bar: this round. Solid orange mark: target. Dotted dark mark: last round. Scale 0 to 100.
      </T>
      {dimensions.map((d) => (
        <View key={d.id} style={[s.row, { alignItems: "center", marginTop: 5 }]}>
          <T style={{ width: 250, paddingRight: 6, lineHeight: 1 }}>{d.name}</T>
          <Svg width={width} height={12}>
            <Rect x={0} y={2} width={width} height={8} fill="#f1f5f9" />
            {d.score !== null ? (
              <Rect x={0} y={2} width={(width * d.score) / 100} height={8} fill={BRAND} />
            ) : null}
            <Line
              x1={(width * d.target) / 100}
              x2={(width * d.target) / 100}
              y1={0}
              y2={12}
              stroke={TARGET}
              strokeWidth={2}
            />
            {d.previous !== null ? (
              <Line
                x1={(width * d.previous) / 100}
                x2={(width * d.previous) / 100}
                y1={0}
                y2={12}
                stroke={PREVIOUS}
                strokeWidth={2}
                strokeDasharray="2,1"
              />
            ) : null}
          </Svg>
          <T style={{ width: 40, textAlign: "right" }}>{score(d.score)}</T>
        </View>
      ))}
    </View>
  );
}

/** The readiness index across rounds as a line, with each round's figure written under it. */
function TrendLine({ trend }: { trend: ReportData["trend"] }) {
  const width = 440;
  const height = 120;
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  const points = trend
    .map(
      (p, i) => `${trend.length > 1 ? i * step : width / 2},${height - (p.index / 100) * height}`,
    )
    .join(" ");
  return (
    <View wrap={false} style={s.box}>
      <Svg width={width} height={height + 4}>
        {[0, 25, 50, 75, 100].map((v) => (
          <Line
            key={v}
            x1={0}
            x2={width}
            y1={height - (v / 100) * height}
            y2={height - (v / 100) * height}
            stroke={RULE}
            strokeWidth={0.5}
          />
        ))}
        <Polyline points={points} stroke={BRAND} strokeWidth={2} fill="none" />
      </Svg>
      <T style={s.small}>Readiness index (0 to 100) per closed round, oldest first.</T>
    </View>
  );
}

function Footer({ data }: { data: ReportData }) {
  return (
    <>
      <Text style={s.footerLeft} fixed>
        {pdfText(`${data.organization.name} · ${data.workspace.name} · GapMap`)}
      </Text>
      <Text
        style={s.footerRight}
        fixed
        render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
      />
    </>
  );
}

export function ReportDocument({ data, paper }: { data: ReportData; paper: Paper }) {
  const { latest } = data;
  const size = PAPER_SIZES[paper];
  return (
    <Document
      title={`${data.organization.name}: AI readiness report`}
      author={data.workspace.name}
      creator="GapMap"
      producer="GapMap"
      language="en-GB"
    >
      <Page size={size} style={[s.page, s.cover]}>
        {data.workspace.logo ? (
          // react-pdf's Image takes no alt text; the workspace's name is printed beside it.
          // eslint-disable-next-line jsx-a11y/alt-text
          <Image
            style={s.logo}
            src={{
              data: Buffer.from(data.workspace.logo.bytes),
              format: data.workspace.logo.type === "image/png" ? "png" : "jpg",
            }}
          />
        ) : null}
        <T style={s.kicker}>{`${data.workspace.name} · AI readiness report`}</T>
        <T style={s.title}>{data.organization.name}</T>
        <T style={s.subtitle}>
          {latest
            ? `${latest.name}, closed ${formatDay(new Date(latest.closedAt))} · framework ${latest.frameworkVersion} · ${latest.headline.respondents} respondents`
            : "No closed round yet"}
        </T>
        <T style={[s.subtitle, { marginTop: 2 }]}>{`Prepared ${formatDay(data.generatedAt)}`}</T>
        {latest ? (
          <View style={[s.box, { marginTop: 36 }]}>
            <T style={s.h3}>The headline</T>
            <T style={{ fontSize: 14, fontFamily: BOLD }}>
              {latest.headline.stage === null
                ? "No readiness index yet"
                : `Stage ${latest.headline.stage}: ${latest.headline.stageName} · readiness index ${score(latest.headline.index)}`}
            </T>
            <T style={[s.p, { marginTop: 4 }]}>{latest.headline.readyToScaleReason}</T>
          </View>
        ) : (
          <T style={[s.p, { marginTop: 36 }]}>
            The report fills in when the first round of this organisation closes.
          </T>
        )}
        <T style={[s.small, { marginTop: 24 }]}>
          GapMap measures whether an organisation is ready to take AI from pilot into production:
          five structural gaps and two enablers, the three-part diagnostic before any scaling
          decision, and the next steps in sequence.
        </T>
        <Footer data={data} />
      </Page>

      {latest ? (
        <Page size={size} style={s.page}>
          <T style={[s.h2, { marginTop: 0 }]}>Headline and verdict</T>
          <View style={s.box} wrap={false}>
            <T style={s.bold}>
              {latest.headline.stage === null
                ? "No readiness index: too few answers to place the organisation."
                : `Stage ${latest.headline.stage} (${latest.headline.stageName}), readiness index ${score(latest.headline.index)} of 100.`}
            </T>
            <T style={s.p}>{`Verdict: ${latest.headline.readyToScaleReason}`}</T>
            {latest.headline.caps.length > 0 ? (
              <View>
                <T style={s.h3}>Reasons: the gates that hold the stage</T>
                {latest.headline.caps.map((c) => (
                  <T key={c.rule} style={s.p}>{`· ${c.reason} (holds at stage ${c.capsAt})`}</T>
                ))}
              </View>
            ) : null}
            <T style={s.muted}>{`Confidence: ${latest.headline.confidenceReason}`}</T>
            {latest.change ? (
              <T style={s.muted}>
                {`Since ${latest.change.since}: index ${latest.change.index === null ? "not comparable" : signed(latest.change.index)}, stage ${latest.change.stage === null ? "not comparable" : signed(latest.change.stage)}.`}
              </T>
            ) : null}
          </View>

          <T style={s.h2} minPresenceAhead={90}>
            The seven dimensions against target and last round
          </T>
          <DimensionBars dimensions={latest.dimensions} />
          <Table
            columns={[
              { label: "Dimension", width: "50%" },
              { label: "Kind", width: "11%" },
              { label: "Score", width: "9%" },
              { label: "Target", width: "9%" },
              { label: data.previousName ? `${data.previousName}` : "Last round", width: "11%" },
              { label: "Change", width: "10%" },
            ]}
            rows={latest.dimensions.map((d) => [
              d.name,
              d.kind === "gap" ? "Gap" : "Enabler",
              score(d.score),
              String(Math.round(d.target)),
              d.previous === null ? "-" : score(d.previous),
              d.delta === null ? "-" : signed(d.delta),
            ])}
          />

          <View wrap={false}>
            <T style={s.h2} minPresenceAhead={90}>
              The trend
            </T>
            {data.trend.length >= 2 ? (
              <TrendLine trend={data.trend} />
            ) : (
              <T style={s.p}>One round with an index so far: the trend appears from the second.</T>
            )}
          </View>
          <Table
            columns={[
              { label: "Round", width: "40%" },
              { label: "Closed", width: "30%" },
              { label: "Stage", width: "15%" },
              { label: "Index", width: "15%" },
            ]}
            rows={data.trend.map((p) => [
              `${p.name}${p.versionChanged ? ` (framework ${p.frameworkVersion})` : ""}`,
              formatDay(new Date(p.closedAt)),
              String(p.stage),
              score(p.index),
            ])}
          />

          <View wrap={false}>
            <T style={s.h2} minPresenceAhead={90}>
              The three-part diagnostic
            </T>
            <T style={[s.p, s.muted]}>
              Before any scaling decision: data audited at the workflow level, an accountable owner,
              monitoring built before go-live.
            </T>
            {latest.diagnostic.map((part, i) => (
              <View key={part.id} style={s.box}>
                <T style={s.bold}>{`${i + 1}. ${part.name}: ${diagnosticLabel(part.status)}`}</T>
                <T>{part.reason}</T>
              </View>
            ))}
          </View>

          {data.initiatives.length > 0 || data.pipeline.some((p) => p.count > 0) ? (
            <View>
              <T style={s.h2} minPresenceAhead={90}>
                Initiatives pipeline
              </T>
              <T style={s.p}>
                {data.pipeline
                  .map((p) => `${INITIATIVE_STATUS_LABELS[p.status]}: ${p.count}`)
                  .join(" · ")}
              </T>
              <Table
                columns={[
                  { label: "Initiative", width: "27%" },
                  { label: "Status", width: "12%" },
                  { label: "Go / no-go", width: "36%" },
                  { label: "Owner", width: "25%" },
                ]}
                rows={data.initiatives.map((i) => [
                  i.name,
                  INITIATIVE_STATUS_LABELS[i.status],
                  i.diagnostic.decision === "go"
                    ? "Go"
                    : `No-go: ${i.diagnostic.reasons.map((r) => r.name.toLowerCase()).join(", ")}`,
                  ownerName(i.owner) ?? "No owner yet",
                ])}
              />
            </View>
          ) : null}

          <T style={s.h2} break>
            Next steps, in sequence
          </T>
          <T style={[s.p, s.muted]}>
            Sequence matters more than the technology stack: redesign the workflow, establish
            ownership, build monitoring from day one.
          </T>
          {data.nextSteps.length === 0 ? (
            <T style={s.p}>No recommendation: every dimension meets its target.</T>
          ) : (
            data.nextSteps.map((n) => (
              <View key={n.order} style={s.box} wrap={false}>
                <T style={s.bold}>{`${n.order}. ${n.title}`}</T>
                <T style={s.muted}>{`Step ${n.step}, ${n.stepName} · ${n.dimensionName}`}</T>
                <T>{n.why}</T>
                <T style={{ marginTop: 3 }}>{stepActionLine(n.action, n.ownerTitle)}</T>
              </View>
            ))
          )}
          {data.otherActions.length > 0 ? (
            <View>
              <T style={s.h3}>Other open actions</T>
              <Table
                columns={[
                  { label: "Action", width: "46%" },
                  { label: "Owner", width: "26%" },
                  { label: "Due", width: "16%" },
                  { label: "Status", width: "12%" },
                ]}
                rows={data.otherActions.map((a) => [
                  a.title,
                  ownerName(a.owner) ?? "No owner",
                  a.dueDate ? `${formatDay(a.dueDate)}${a.overdue ? " (overdue)" : ""}` : "-",
                  ACTION_STATUS_LABELS[a.status],
                ])}
              />
            </View>
          ) : null}

          {data.keyQuotes.length > 0 ? (
            <View>
              <T style={s.h2} minPresenceAhead={90}>
                Key quotes
              </T>
              <T style={[s.p, s.muted]}>
                In respondents&apos; own words, chosen by the consultant. Names appear only where
                the round was not anonymous.
              </T>
              {data.keyQuotes.map((q) => (
                <View key={q.answerId} style={s.quote} wrap={false}>
                  <T>{`“${q.text}”`}</T>
                  <T style={s.small}>
                    {`${q.name ? `${q.name}, ` : ""}${respondentRoleLabel(q.role)} · ${q.roundName} · ${q.dimensionName}: ${q.questionText} (${q.label})`}
                  </T>
                </View>
              ))}
            </View>
          ) : null}

          <View>
            <T style={s.h2} minPresenceAhead={90}>
              In context: the article&apos;s figures
            </T>
            {data.context.map((f) => (
              <View key={f.figure} style={s.box} wrap={false}>
                <T style={s.bold}>{f.figure}</T>
                <T style={s.small}>{`Source: ${f.source}`}</T>
                <T style={{ marginTop: 3 }}>{f.standing}</T>
              </View>
            ))}
          </View>
          <View>
            <T style={s.h3} minPresenceAhead={60}>
              The figures behind the method
            </T>
            {data.figures.map((f) => (
              <T key={f.figure} style={s.p}>
                {`· ${f.figure} (${f.source})`}
              </T>
            ))}
          </View>
          <Footer data={data} />
        </Page>
      ) : null}
    </Document>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(data: ReportData, paper: Paper): Promise<Buffer> {
  return renderToBuffer(<ReportDocument data={data} paper={paper} />);
}
