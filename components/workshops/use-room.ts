"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  parseRoomState,
  roomFetch,
  RoomRequestError,
  type ClientRoomState,
} from "@/lib/workshop-client/room";

export const POLL_MS = 1000;

/**
 * The room's state, read from the server about once a second (the database holds it, so any app
 * instance answers), and at once when the page becomes visible again (a phone waking up). A
 * failed read keeps the last state and says so; a 404 or 401 is final (`gone`).
 */
export function useRoom(workshopId: string | null, token: string | null = null) {
  const [state, setState] = useState<ClientRoomState | null>(null);
  const [error, setError] = useState<RoomRequestError | null>(null);
  const timer = useRef<number | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    if (!workshopId) return;
    try {
      const body = await roomFetch(`/api/v1/workshops/${workshopId}/state`, { token });
      if (!alive.current) return;
      setState(parseRoomState(body));
      setError(null);
    } catch (caught) {
      if (!alive.current) return;
      setError(
        caught instanceof RoomRequestError
          ? caught
          : new RoomRequestError(0, "unknown", "The room's state could not be read."),
      );
    }
  }, [workshopId, token]);

  useEffect(() => {
    alive.current = true;
    if (!workshopId) return;
    let stopped = false;
    const loop = async () => {
      await refresh();
      if (!stopped) timer.current = window.setTimeout(loop, POLL_MS);
    };
    void loop();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      alive.current = false;
      if (timer.current !== null) window.clearTimeout(timer.current);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [workshopId, refresh]);

  const gone = error !== null && (error.status === 404 || error.status === 401);
  return { state, setState, error, gone, refresh };
}

/** Seconds left on the countdown, ticking locally. */
export function useCountdown(state: ClientRoomState | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!state?.countdownEndsAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [state?.countdownEndsAt]);
  if (!state?.countdownEndsAt) return null;
  return Math.max(0, Math.ceil((Date.parse(state.countdownEndsAt) - now) / 1000));
}
