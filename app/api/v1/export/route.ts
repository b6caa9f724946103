import { withWorkspace } from "@/lib/api/http";
import { exportDownload } from "@/lib/api/downloads";
import { exportWorkspace } from "@/lib/portability/data";

export const GET = withWorkspace(
  async ({ ctx }) => exportDownload(await exportWorkspace({ kind: "member", ctx })),
  { permission: "workspace.export" },
);
