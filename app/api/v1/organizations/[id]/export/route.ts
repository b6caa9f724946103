import { withWorkspace } from "@/lib/api/http";
import { exportDownload } from "@/lib/api/downloads";
import { exportOrganization } from "@/lib/portability/data";

export const GET = withWorkspace(
  async ({ ctx, params }) =>
    exportDownload(await exportOrganization({ kind: "member", ctx }, params.id ?? "")),
  { permission: "workspace.export" },
);
