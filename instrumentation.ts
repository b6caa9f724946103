// Runs once when the Next.js server starts (`npm start`, `npm run dev`, the e2e server): the
// webhook worker sweeps due deliveries in this process (lib/webhooks/worker.ts). Set
// GAPMAP_WEBHOOK_WORKER=0 to run no sweep in this instance.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.GAPMAP_WEBHOOK_WORKER === "0") return;
  const { startWebhookWorker } = await import("@/lib/webhooks/worker");
  startWebhookWorker();
}
