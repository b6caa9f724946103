"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { roomFetch, RoomRequestError } from "@/lib/workshop-client/room";
import { Button } from "@/components/ui/button";
import { JOIN_SUCCESS_LIMIT, WORKSHOP_PARTICIPANT_CAP } from "@/lib/workshops/room-size";

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
  const [expected, setExpected] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const plan = kind === "dimension" ? { kind, dimensionId } : { kind };
      const expectedParticipants = expected.trim() === "" ? null : Number(expected);
      const body = await roomFetch(`/api/v1/assessments/${assessmentId}/workshops`, {
        method: "POST",
        body: { plan, expectedParticipants },
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
      <div>
        <label htmlFor="workshop-expected" className="block text-sm font-medium text-slate-700">
          People expected in the room <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id="workshop-expected"
          type="number"
          inputMode="numeric"
          min={1}
          max={WORKSHOP_PARTICIPANT_CAP}
          step={1}
          value={expected}
          onChange={(e) => setExpected(e.target.value)}
          aria-describedby="workshop-expected-hint"
          className="mt-1 w-32 rounded-lg border border-slate-300 px-3 py-2"
        />
        <p id="workshop-expected-hint" className="mt-1 text-sm text-slate-600">
          Phones on one network (a venue&apos;s Wi-Fi) may join {JOIN_SUCCESS_LIMIT.max} times in 10
          minutes. For a bigger room, say how many people to expect.
        </p>
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Starting…" : "Start a workshop"}
      </Button>
    </form>
  );
}
