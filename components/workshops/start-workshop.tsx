"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { roomFetch, RoomRequestError } from "@/lib/workshop-client/room";
import { Button } from "@/components/ui/button";

// Starts a live workshop on the round: pick what to run, then land on the facilitator console.

const createdSchema = z.object({ id: z.string() });

export function StartWorkshop({
  assessmentId,
  dimensions,
}: {
  assessmentId: string;
  dimensions: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<"all" | "dimension" | "gating">("gating");
  const [dimensionId, setDimensionId] = useState(dimensions[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const plan = kind === "dimension" ? { kind, dimensionId } : { kind };
      const body = await roomFetch(`/api/v1/assessments/${assessmentId}/workshops`, {
        method: "POST",
        body: { plan },
      });
      router.push(`/workshops/${createdSchema.parse(body).id}`);
    } catch (caught) {
      setError(caught instanceof RoomRequestError ? caught.message : "Could not start. Try again.");
      setBusy(false);
    }
  }

  const choice = (value: typeof kind, title: string, hint: string) => (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
      <input
        type="radio"
        name="plan"
        value={value}
        checked={kind === value}
        onChange={() => setKind(value)}
        className="mt-1 accent-brand-600"
      />
      <span>
        <span className="block font-medium">{title}</span>
        <span className="block text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );

  return (
    <form onSubmit={start} className="space-y-3">
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">What to run</legend>
        {choice(
          "gating",
          "The gating questions",
          "The three-part diagnostic and the critical questions: about 20 minutes.",
        )}
        {choice("dimension", "One dimension", "Its questions, in order.")}
        {kind === "dimension" ? (
          <div className="pl-7">
            <label htmlFor="workshop-dimension" className="sr-only">
              Dimension
            </label>
            <select
              id="workshop-dimension"
              value={dimensionId}
              onChange={(e) => setDimensionId(e.target.value)}
              className="w-full rounded-lg border border-slate-300 px-3 py-2"
            >
              {dimensions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {choice("all", "The whole questionnaire", "Every question of the framework.")}
      </fieldset>
      <Button type="submit" disabled={busy}>
        {busy ? "Starting…" : "Start a workshop"}
      </Button>
    </form>
  );
}
