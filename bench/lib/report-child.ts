// One kind of report file rendered a few times in a fresh process, which then prints what it
// measured as one JSON line: time per render and the process's peak resident memory.
// Run by bench/reports.bench.ts: node --import tsx --import ./bench/lib/no-server-only.mjs
import type { WorkspaceContext } from "../../lib/auth/context";

const kind = process.argv[2] as "pdf" | "xlsx";
const runs = Number(process.argv[3] ?? "3");

const { getDb } = await import("../../lib/db");
const { actAsMember, systemContext } = await import("../../lib/auth/context");
const db = getDb();
const member = await db.member.findFirstOrThrow({ include: { user: true, workspace: true } });
const ctx: WorkspaceContext = actAsMember(systemContext(member.workspaceId, "seed"), {
  userId: member.userId,
  userName: member.user.name,
  email: member.user.email,
  memberId: member.id,
  workspaceName: member.workspace.name,
  role: member.role,
});
const organization = await db.organization.findFirstOrThrow({ select: { id: true } });

const render =
  kind === "pdf"
    ? async () => {
        const { getReportData } = await import("../../lib/reports/data");
        const { renderReportPdf } = await import("../../lib/reports/pdf");
        return renderReportPdf(await getReportData(ctx, organization.id), "a4");
      }
    : async () => {
        const { readExport } = await import("../../lib/exports/data");
        const { exportXlsx } = await import("../../lib/exports/files");
        return exportXlsx(await readExport(ctx, { organizationId: organization.id }));
      };

// Modules loaded and the database open before anything is measured.
const { readExport } = await import("../../lib/exports/data");
await import("../../lib/reports/pdf");
await import("exceljs");
void readExport;
const rssBefore = process.memoryUsage().rss;
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const file = await render();
  times.push(performance.now() - started);
  bytes = file.byteLength;
}
console.log(
  JSON.stringify({
    kind,
    times,
    bytes,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
await db.$disconnect();
process.exit(0);
