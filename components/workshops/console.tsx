"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { parseRoomState, roomFetch, RoomRequestError, voteLabel } from "@/lib/workshop-client/room";
import { LEVELS } from "@/lib/framework/schema";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DistributionBars, RoleBreakdown } from "./distribution";
import { useCountdown, useRoom } from "./use-room";

// The facilitator's console: the plan, the room's live state (how many voted, never what, until
// reveal), and the actions. Every action is a call to the room API with the session; its answer is
// the new state, shown at once; the poll keeps it fresh.

export type ConsolePlanQuestion = {
  id: string;
  text: string;
  dimensionName: string;
  critical: boolean;
};

export function WorkshopConsole({
  workshopId,
  code,
  expectedParticipants,
  questions,
}: {
  workshopId: string;
  code: string;
  /** The room size the facilitator gave when starting, if any. */
  expectedParticipants: number | null;
  questions: ConsolePlanQuestion[];
}) {
  const { state, setState, error, gone } = useRoom(workshopId);
  const countdown = useCountdown(state);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState("");
  const [agreeValue, setAgreeValue] = useState("");
  const [reason, setReason] = useState("");

  async function act(action: string, body?: unknown) {
    setBusy(action);
    setActionError(null);
    try {
      const result = await roomFetch(`/api/v1/workshops/${workshopId}/${action}`, {
        method: "POST",
        body,
      });
      setState(parseRoomState(result));
      if (action === "agree") setReason("");
    } catch (caught) {
      setActionError(caught instanceof RoomRequestError ? caught.message : "That did not work.");
    } finally {
      setBusy(null);
    }
  }

  const countdownBody = () => {
    const n = Number(seconds);
    return seconds.trim() !== "" && Number.isInteger(n) ? { seconds: n } : {};
  };

  if (gone) return <p role="alert">This workshop is not available.</p>;
  if (!state)
    return (
      <p role="status" className="text-slate-600">
        {error ? "Cannot reach the room. Trying again…" : "Loading the room…"}
      </p>
    );

  const ended = state.phase === "ended";
  const current = state.questionId;
  const isLast = current !== null && questions.at(-1)?.id === current;

  function agree(event: FormEvent) {
    event.preventDefault();
    if (!current || agreeValue === "") return;
    const value = agreeValue === "dont_know" ? "dont_know" : Number(agreeValue);
    void act("agree", { questionId: current, value, reason });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">
            Code{" "}
            <strong
              data-testid="join-code"
              className="font-mono text-lg tracking-widest text-slate-900"
            >
              {code}
            </strong>{" "}
            · <span data-testid="participants">{state.participants}</span> joined
            {expectedParticipants ? ` of ${expectedParticipants} expected` : ""} · phase{" "}
            <strong data-testid="phase">{state.paused ? "paused" : state.phase}</strong>
            {error ? <span className="ml-2 text-amber-700">· reconnecting…</span> : null}
          </p>
          <Link
            href={`/workshops/${workshopId}/screen`}
            target="_blank"
            className={buttonClass("secondary")}
          >
            Open the big screen
          </Link>
        </div>
        {actionError ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {actionError}
          </p>
        ) : null}
        {state.question ? (
          <div>
            <p className="text-sm text-slate-600">
              {state.question.dimensionName} · question {state.question.position} of{" "}
              {state.question.total}
            </p>
            <h2 data-testid="question-text" className="text-xl font-semibold">
              {state.question.text}
            </h2>
            <p className="mt-2 text-lg" aria-live="polite">
              <strong data-testid="votes">{state.votes}</strong> of {state.participants} voted
              {countdown !== null ? (
                <span className="ml-3 tabular-nums">
                  · {Math.floor(countdown / 60)}:{String(countdown % 60).padStart(2, "0")} left
                </span>
              ) : null}
            </p>
          </div>
        ) : (
          <p className="text-slate-700">
            {ended
              ? "The workshop has ended."
              : "The room is in the lobby. Open the first question when people have joined."}
          </p>
        )}

        {!ended ? (
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="countdown" className="block text-xs font-medium text-slate-600">
                Countdown (seconds, optional)
              </label>
              <input
                id="countdown"
                inputMode="numeric"
                value={seconds}
                onChange={(e) => setSeconds(e.target.value.replace(/\D/g, ""))}
                className="w-28 rounded-lg border border-slate-300 px-3 py-2"
              />
            </div>
            {current && state.phase !== "voting" ? (
              <Button
                disabled={busy !== null}
                onClick={() => void act("open", { questionId: current, ...countdownBody() })}
              >
                {state.paused ? "Resume voting" : "Vote again"}
              </Button>
            ) : null}
            {state.phase === "voting" ? (
              <Button disabled={busy !== null} onClick={() => void act("reveal")}>
                Reveal
              </Button>
            ) : null}
            {state.phase === "voting" ? (
              <Button
                variant="secondary"
                disabled={busy !== null}
                onClick={() => void act("pause")}
              >
                Pause
              </Button>
            ) : null}
            <Button
              variant="secondary"
              disabled={busy !== null || !current || questions[0]?.id === current}
              onClick={() => void act("back")}
            >
              Back
            </Button>
            <Button
              variant={current ? "secondary" : "primary"}
              disabled={busy !== null || isLast}
              onClick={() => void act("next", countdownBody())}
            >
              {current ? "Next question" : "Open the first question"}
            </Button>
            <Button
              variant="danger"
              disabled={busy !== null}
              onClick={() => {
                if (window.confirm("End the workshop? Its code stops working.")) void act("end");
              }}
            >
              End workshop
            </Button>
          </div>
        ) : null}

        {state.phase === "revealed" && state.distribution ? (
          <div className="grid gap-6 border-t border-slate-200 pt-4 md:grid-cols-2">
            <DistributionBars
              distribution={state.distribution}
              agreed={state.agreed}
              caption={`The room's votes${state.spread ? ` (spread ${state.spread.min}–${state.spread.max}, median ${state.spread.median})` : ""}`}
            />
            <div className="space-y-4">
              <RoleBreakdown byRole={state.byRole} hidden={state.byRoleHidden} />
              <form onSubmit={agree} className="space-y-2" aria-label="Record the agreed level">
                <p className="text-sm font-semibold">
                  Agreed level
                  {state.agreed ? `: ${voteLabel(state.agreed.value)} (recorded)` : ""}
                </p>
                <label htmlFor="agree-value" className="block text-xs font-medium text-slate-600">
                  Level the room agrees on
                </label>
                <select
                  id="agree-value"
                  value={agreeValue}
                  onChange={(e) => setAgreeValue(e.target.value)}
                  required
                  className="w-full rounded-lg border border-slate-300 px-3 py-2"
                >
                  <option value="">Choose…</option>
                  {LEVELS.map((level) => (
                    <option key={level} value={level}>
                      Level {level}
                    </option>
                  ))}
                  <option value="dont_know">Don&rsquo;t know</option>
                </select>
                <label htmlFor="agree-reason" className="block text-xs font-medium text-slate-600">
                  Why (a short reason)
                </label>
                <textarea
                  id="agree-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  required
                  maxLength={500}
                  rows={2}
                  className="w-full rounded-lg border border-slate-300 px-3 py-2"
                />
                <Button
                  type="submit"
                  disabled={busy !== null || agreeValue === "" || !reason.trim()}
                >
                  Record agreed level
                </Button>
              </form>
            </div>
          </div>
        ) : null}
      </section>

      <nav
        aria-label="The workshop's questions"
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 className="mb-2 font-semibold">Questions ({questions.length})</h2>
        {questions.length === 0 ? (
          <p className="text-sm text-slate-600">This workshop has no questions.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {questions.map((q, i) => (
              <li key={q.id}>
                <button
                  type="button"
                  disabled={ended || busy !== null}
                  onClick={() => void act("open", { questionId: q.id, ...countdownBody() })}
                  aria-current={q.id === current ? "step" : undefined}
                  className={cn(
                    "w-full rounded-lg px-2 py-1 text-left hover:bg-slate-100 disabled:cursor-not-allowed",
                    q.id === current && "bg-brand-50 font-semibold",
                  )}
                >
                  <span className="text-slate-500">{i + 1}.</span> {q.text}
                  <span className="block text-xs text-slate-500">
                    {q.dimensionName}
                    {q.critical ? " · critical" : ""}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-2 text-xs text-slate-500">Choose a question to open voting on it.</p>
      </nav>
    </div>
  );
}
