import { withWorkspace } from "@/lib/api/http";
import { listActions } from "@/lib/actions/data";
import { actionsToCsv } from "@/lib/actions/csv";
import { CSV_TYPE, fileResponse } from "@/lib/api/downloads";
import { allPages } from "@/lib/pagination/cursors";

// The organisation's actions as a CSV, built when asked for (the page links here instead of
// carrying the file in every render). The session cookie or an API token; scoped like the API.
export const GET = withWorkspace(
  async ({ ctx, params }) => {
    const actions = await allPages((cursor) =>
      listActions(ctx, params.id ?? "", { cursor, limit: 500 }),
    );
    return fileResponse(actionsToCsv(actions), CSV_TYPE, "gapmap-actions.csv");
  },
  { permission: "action.read", page: true },
);
