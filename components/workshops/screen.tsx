"use client";

import { QRCodeSVG } from "qrcode.react";
import { useSyncExternalStore, type ReactNode } from "react";
import { voteLabel } from "@/lib/workshop-client/room";
import { DistributionBars, RoleBreakdown } from "./distribution";
import { useCountdown, useRoom } from "./use-room";

// The big screen (1920 x 1080, read from the back of the room): no controls. Before the start the
// join code, a QR code and how many joined; then the question with its five anchored levels; while
// voting the count of votes; after reveal the distribution by role and the agreed level. Never a
// name.

export function WorkshopScreen({ workshopId }: { workshopId: string }) {
  const { state, error, gone } = useRoom(workshopId);
  const countdown = useCountdown(state);
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

  if (gone) return <Centered title="This workshop is not available">{error?.message}</Centered>;
  if (!state)
    return (
      <Centered title={error ? "Cannot reach GapMap" : "Loading the room…"}>
        {error ? "Trying again every second." : null}
      </Centered>
    );
  if (state.phase === "ended")
    return (
      <Centered title="Thank you">
        The workshop has ended. {state.participants} people took part.
      </Centered>
    );

  const joinUrl = state.code ? `${origin}/join?code=${state.code}` : "";
  const join = state.code ? (
    <div className="flex items-center gap-6">
      {origin ? (
        <QRCodeSVG
          value={joinUrl}
          size={state.question ? 160 : 360}
          marginSize={2}
          title={`QR code to ${joinUrl}`}
        />
      ) : null}
      <div>
        <p className={state.question ? "text-2xl" : "text-4xl"}>
          Join at <strong>{origin.replace(/^https?:\/\//, "")}/join</strong>
        </p>
        <p
          className={
            state.question
              ? "font-mono text-5xl font-bold tracking-[0.2em]"
              : "font-mono text-9xl font-bold tracking-[0.2em]"
          }
          aria-label={`Code ${state.code.split("").join(" ")}`}
        >
          {state.code}
        </p>
        <p className={state.question ? "text-2xl" : "mt-4 text-5xl"}>
          <strong className="tabular-nums">{state.participants}</strong> joined
        </p>
      </div>
    </div>
  ) : null;

  if (!state.question)
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-10 bg-white p-16 text-slate-900">
        <h1 className="text-6xl font-bold">{state.round.name}</h1>
        {join}
        <p className="text-4xl text-slate-600">The first question opens in a moment.</p>
      </main>
    );

  const q = state.question;
  return (
    <main className="flex min-h-dvh flex-col gap-8 bg-white p-12 text-slate-900">
      <header className="flex items-start justify-between gap-8">
        <div className="min-w-0">
          <p className="text-3xl text-slate-600">
            {q.dimensionName} · question {q.position} of {q.total}
            {q.critical ? " · critical" : ""}
          </p>
          <h1 className="mt-2 text-6xl font-bold leading-tight">{q.text}</h1>
        </div>
        {join}
      </header>
      {state.phase === "revealed" && state.distribution ? (
        <section className="grid flex-1 grid-cols-2 gap-12" aria-label="The room's votes">
          <div>
            <DistributionBars
              large
              distribution={state.distribution}
              agreed={state.agreed}
              caption={`${state.votes} vote${state.votes === 1 ? "" : "s"}${state.spread ? ` · spread ${state.spread.min} to ${state.spread.max} · median ${state.spread.median}` : ""}`}
            />
          </div>
          <div className="space-y-10">
            <RoleBreakdown large byRole={state.byRole} hidden={state.byRoleHidden} />
            {state.agreed ? (
              <div className="rounded-2xl border-4 border-emerald-600 bg-emerald-50 p-6">
                <p className="text-3xl font-semibold text-emerald-900">Agreed</p>
                <p className="text-6xl font-bold">{voteLabel(state.agreed.value)}</p>
                <p className="mt-2 text-3xl">{state.agreed.reason}</p>
              </div>
            ) : (
              <p className="text-3xl text-slate-600">Discuss: where do you differ, and why?</p>
            )}
          </div>
        </section>
      ) : (
        <section className="grid flex-1 grid-cols-[2fr_1fr] gap-12">
          <ol className="space-y-4" aria-label="The five levels">
            {q.levels.map((text, level) => (
              <li
                key={level}
                className="flex items-start gap-5 rounded-2xl border-2 border-slate-200 p-5"
              >
                <span className="grid size-16 shrink-0 place-items-center rounded-full bg-slate-900 text-4xl font-bold text-white">
                  {level}
                </span>
                <span className="text-3xl leading-snug">{text}</span>
              </li>
            ))}
          </ol>
          <div className="flex flex-col items-center justify-center gap-6 rounded-2xl bg-slate-50 p-8 text-center">
            {state.paused ? (
              <p className="text-5xl font-semibold">Paused</p>
            ) : (
              <>
                <p className="text-4xl text-slate-600">Votes</p>
                <p className="text-[10rem] font-bold leading-none tabular-nums" aria-live="polite">
                  {state.votes}
                </p>
                <p className="text-4xl text-slate-600">of {state.participants}</p>
                {countdown !== null ? (
                  <p className="text-6xl font-bold tabular-nums" aria-live="off">
                    {Math.floor(countdown / 60)}:{String(countdown % 60).padStart(2, "0")}
                  </p>
                ) : null}
              </>
            )}
          </div>
        </section>
      )}
      {error ? <p className="text-2xl text-amber-700">Reconnecting…</p> : null}
    </main>
  );
}

const noSubscription = () => () => {};

function Centered({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-white p-16 text-center">
      <h1 className="text-6xl font-bold">{title}</h1>
      {children ? <p className="text-4xl text-slate-600">{children}</p> : null}
    </main>
  );
}
