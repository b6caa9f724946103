import { withWorkspace } from "@/lib/api/http";
import { listInitiatives } from "@/lib/initiatives/data";
import { initiativesToCsv } from "@/lib/initiatives/csv";
import { CSV_TYPE, fileResponse } from "@/lib/api/downloads";
import { allPages } from "@/lib/pagination/cursors";

// The organisation's initiatives as a CSV, built when asked for (the page links here instead of
// carrying the file in every render). The session cookie or an API token; scoped like the API.
export const GET = withWorkspace(
  async ({ ctx, params }) => {
    const initiatives = await allPages((cursor) =>
      listInitiatives(ctx, params.id ?? "", { cursor, limit: 500 }),
    );
    return fileResponse(initiativesToCsv(initiatives), CSV_TYPE, "gapmap-initiatives.csv");
  },
  { permission: "initiative.read", page: true },
);
