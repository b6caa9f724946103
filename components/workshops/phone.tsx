"use client";

import {
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
} from "react";
import { z } from "zod";
import { RESPONDENT_ROLE_HINTS, RESPONDENT_ROLE_LABELS } from "@/lib/framework/roles";
import { LEVELS, RESPONDENT_ROLES } from "@/lib/framework/schema";
import {
  readStoredRoom,
  ROOM_STORAGE_KEY,
  roomFetch,
  RoomRequestError,
  voteLabel,
  type ClientRoomState,
  type ClientVote,
  type StoredRoom,
} from "@/lib/workshop-client/room";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useCountdown, useRoom } from "./use-room";

// The phone (390 px): join with the code, then the question shown in the room as large targets.
// The token is kept in localStorage, so a reload, a sleep or a lost network comes back to where
// the room is, with the vote the server holds. Nothing of other people's votes before reveal.

const joinedSchema = z.object({ workshopId: z.string(), token: z.string() });
const choicesSchema = z.object({
  roles: z.array(z.enum(RESPONDENT_ROLES)).min(1),
  anonymous: z.boolean(),
});
type JoinChoices = z.infer<typeof choicesSchema>;

/** A code as typed, without what the server ignores (case, spaces, dashes). */
const typedCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");
const CODE_LENGTH = 6;

// The stored place in the room, read as an external store: other tabs' changes arrive by the
// `storage` event, this tab's own by ROOM_CHANGED.
const ROOM_CHANGED = "gapmap-workshop-room";
const SERVER_SNAPSHOT = "\u0000server";

function subscribeRoom(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(ROOM_CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(ROOM_CHANGED, onChange);
  };
}

function storeRoom(room: StoredRoom | null): void {
  if (room) window.localStorage.setItem(ROOM_STORAGE_KEY, JSON.stringify(room));
  else window.localStorage.removeItem(ROOM_STORAGE_KEY);
  window.dispatchEvent(new Event(ROOM_CHANGED));
}

export function WorkshopPhone({ initialCode }: { initialCode: string }) {
  const raw = useSyncExternalStore(
    subscribeRoom,
    () => window.localStorage.getItem(ROOM_STORAGE_KEY) ?? "",
    () => SERVER_SNAPSHOT,
  );
  const room = useMemo(
    () => (raw === SERVER_SNAPSHOT ? null : readStoredRoom({ getItem: () => raw })),
    [raw],
  );
  if (raw === SERVER_SNAPSHOT)
    return (
      <p className="p-6 text-lg text-slate-600" role="status">
        Loading…
      </p>
    );
  if (!room) return <JoinForm initialCode={initialCode} onJoined={storeRoom} />;
  return <Room room={room} onLeave={() => storeRoom(null)} />;
}

function JoinForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  onJoined: (room: StoredRoom) => void;
}) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Once the code is complete, the round's roles and whether it is anonymous: the phone offers
  // only the roles the round takes, and asks no name in an anonymous round. Until then (or if the
  // lookup fails) every role is offered and the join itself says what is wrong.
  const [choices, setChoices] = useState<JoinChoices | null>(null);
  const complete = typedCode(code).length === CODE_LENGTH ? typedCode(code) : null;
  useEffect(() => {
    if (!complete) return;
    let live = true;
    roomFetch(`/api/v1/workshops/join?code=${encodeURIComponent(complete)}`)
      .then((body) => {
        if (live) setChoices(choicesSchema.parse(body));
      })
      .catch((caught: unknown) => {
        if (!live) return;
        setChoices(null);
        if (caught instanceof RoomRequestError) setError(caught.message);
      });
    return () => {
      live = false;
    };
  }, [complete]);
  const offered = complete && choices ? choices : null;
  const roles = offered ? offered.roles : RESPONDENT_ROLES;
  const anonymous = offered?.anonymous ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!role || !(roles as readonly string[]).includes(role)) {
      setFields({ role: "Choose your role." });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const body = await roomFetch("/api/v1/workshops/join", {
        method: "POST",
        body: { code, role, ...(name.trim() && !anonymous ? { name: name.trim() } : {}) },
      });
      onJoined(joinedSchema.parse(body));
    } catch (caught) {
      setError(caught instanceof RoomRequestError ? caught.message : "Could not join. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <h1 className="text-2xl font-semibold">Join the workshop</h1>
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800"
        >
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="join-code" className="block text-lg font-medium">
          Code on the screen
        </label>
        <input
          id="join-code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setError(null);
          }}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          required
          className="mt-1 w-full rounded-xl border-2 border-slate-300 px-4 py-3 font-mono text-3xl tracking-[0.3em] uppercase"
        />
      </div>
      {anonymous ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-base text-slate-700">
          This round is anonymous: no name is asked for or kept, and the screen never shows who
          voted what.
        </p>
      ) : (
        <div>
          <label htmlFor="join-name" className="block text-lg font-medium">
            Your name <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <input
            id="join-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            autoComplete="name"
            aria-describedby="join-name-hint"
            className="mt-1 w-full rounded-xl border-2 border-slate-300 px-4 py-3 text-lg"
          />
          <p id="join-name-hint" className="mt-1 text-sm text-slate-600">
            Never shown on the screen, and not kept at all in an anonymous round.
          </p>
        </div>
      )}
      <fieldset aria-describedby={fields.role ? "join-role-error" : undefined}>
        <legend className="text-lg font-medium">Your role</legend>
        {fields.role ? (
          <p id="join-role-error" role="alert" className="text-sm font-medium text-red-800">
            {fields.role}
          </p>
        ) : null}
        <div className="mt-2 grid gap-2">
          {roles.map((r) => (
            <label
              key={r}
              className="flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 border-slate-200 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
            >
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                className="mt-1 size-5 accent-brand-600"
              />
              <span>
                <span className="block text-lg font-medium">{RESPONDENT_ROLE_LABELS[r]}</span>
                <span className="block text-sm text-slate-600">{RESPONDENT_ROLE_HINTS[r]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={busy} className="min-h-14 w-full text-lg">
        {busy ? "Joining…" : "Join"}
      </Button>
    </form>
  );
}

function Room({ room, onLeave }: { room: StoredRoom; onLeave: () => void }) {
  const { state, setState, error, gone } = useRoom(room.workshopId, room.token);
  const countdown = useCountdown(state);
  const [pending, setPending] = useState<ClientVote | null>(null);
  // An error belongs to the question it was about: it is not shown on the next one.
  const [failure, setFailure] = useState<{ questionId: string; message: string } | null>(null);

  if (gone)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">This workshop is no longer available</h1>
        <p className="text-lg text-slate-700">Join again with the code on the screen.</p>
        <Button onClick={onLeave} className="min-h-14 w-full text-lg">
          Join a workshop
        </Button>
      </div>
    );
  if (!state)
    return (
      <p className="p-6 text-lg text-slate-600" role="status">
        {error ? "Cannot reach the room. Trying again…" : "Finding the room…"}
      </p>
    );

  async function vote(value: ClientVote) {
    const questionId = state?.questionId;
    if (!questionId) return;
    setPending(value);
    setFailure(null);
    try {
      await roomFetch(`/api/v1/workshops/${room.workshopId}/vote`, {
        method: "PUT",
        token: room.token,
        body: { questionId, value },
      });
      setState((s: ClientRoomState | null) => (s ? { ...s, myVote: value } : s));
    } catch (caught) {
      setFailure({
        questionId,
        message:
          caught instanceof RoomRequestError
            ? caught.message
            : "Your vote was not sent. Tap again.",
      });
    } finally {
      setPending(null);
    }
  }

  const header = (
    <p className="text-sm text-slate-600">
      {state.round.name}
      {error ? <span className="ml-2 text-amber-700">· reconnecting…</span> : null}
    </p>
  );

  if (state.phase === "ended")
    return (
      <div className="space-y-4">
        {header}
        <h1 className="text-2xl font-semibold">Thank you</h1>
        <p className="text-lg text-slate-700">
          The workshop has ended. Your votes are saved as your answers to the round.
        </p>
        <Button variant="secondary" onClick={onLeave} className="min-h-12 w-full">
          Join another workshop
        </Button>
      </div>
    );

  const q = state.question;
  if (!q || state.phase === "lobby")
    return (
      <div className="space-y-4" role="status">
        {header}
        <h1 className="text-2xl font-semibold">{state.paused ? "Paused" : "You're in"}</h1>
        <p className="text-lg text-slate-700">
          Waiting for the facilitator to open {state.paused ? "voting again" : "the first question"}
          . Keep this page open.
        </p>
      </div>
    );

  const voting = state.phase === "voting";
  const voteError = failure?.questionId === q.id ? failure.message : null;
  const shown = pending ?? state.myVote;
  const option = (value: ClientVote, label: ReactNode, key: string) => (
    <label
      key={key}
      className={cn(
        "flex min-h-16 items-start gap-3 rounded-xl border-2 border-slate-200 bg-white p-4 text-lg has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-600",
        voting ? "cursor-pointer" : "opacity-70",
      )}
    >
      <input
        type="radio"
        name="vote"
        value={String(value)}
        checked={shown === value}
        disabled={!voting}
        onChange={() => void vote(value)}
        className="mt-1 size-6 shrink-0 accent-brand-600"
      />
      {label}
    </label>
  );

  return (
    <div className="space-y-4">
      {header}
      <p className="text-sm font-medium text-slate-600">
        {q.dimensionName} · {q.position} of {q.total}
        {countdown !== null ? (
          <span className="ml-2 tabular-nums">
            · {Math.floor(countdown / 60)}:{String(countdown % 60).padStart(2, "0")} left
          </span>
        ) : null}
      </p>
      <fieldset>
        <legend className="text-xl font-semibold leading-snug">{q.text}</legend>
        {voteError ? (
          <p
            role="alert"
            className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800"
          >
            {voteError}
          </p>
        ) : null}
        <div className="mt-4 grid gap-2">
          {LEVELS.map((level) =>
            option(
              level,
              <span className="flex items-start gap-3">
                <span
                  aria-hidden
                  className="grid size-7 shrink-0 place-items-center rounded-full bg-slate-100 text-sm font-semibold"
                >
                  {level}
                </span>
                <span>{q.levels[level]}</span>
              </span>,
              String(level),
            ),
          )}
          {option("dont_know", <span className="font-medium">Don&rsquo;t know</span>, "dk")}
        </div>
      </fieldset>
      <p className="text-base text-slate-700" role="status" aria-live="polite">
        {voting
          ? state.myVote === null
            ? "Tap your level. You can change it until the votes are revealed."
            : `Your vote: ${voteLabel(state.myVote)}. You can change it until the votes are revealed.`
          : `Votes revealed. Your vote: ${voteLabel(state.myVote)}. Look at the screen.`}
      </p>
      {state.agreed ? (
        <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900">
          Agreed: {voteLabel(state.agreed.value)}. {state.agreed.reason}
        </p>
      ) : null}
    </div>
  );
}
