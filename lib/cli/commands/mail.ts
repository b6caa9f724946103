import { runMailSweep } from "@/lib/notices/sweep";
import { CliUsageError } from "../args";
import type { CliResult } from "../types";

/**
 * `gapmap mail sweep`: one pass of the mail work (queue scheduled mail, deliver what is due), for
 * a deployment that serves the app without scripts/server.mjs or sets MAIL_SWEEP_SECONDS=0 and
 * runs the sweep from cron instead (docs/decisions/0015-mail-queue-and-sweep.md).
 */
export async function mailCommand(args: string[]): Promise<CliResult> {
  if (args[0] !== "sweep" || args.length > 1) {
    throw new CliUsageError(`unknown command "mail ${args.join(" ")}"; try "mail sweep"`);
  }
  const report = await runMailSweep();
  const { reminders, actionNotices, retakeNotices } = report.scheduled;
  return {
    code: 0,
    stdout: `queued ${reminders} reminders, ${actionNotices} action notices, ${retakeNotices} retake notices; sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed}, held ${report.held}\n`,
    stderr: "",
  };
}
