import type { Role } from "@/lib/auth/roles";
import { ROLE_LABELS } from "@/lib/auth/roles";

// A <details> menu works without JavaScript and is reachable by keyboard.
export function WorkspaceSwitcher({
  current,
  workspaces,
  switchWorkspace,
}: {
  current: { id: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  /** The server action that remembers the chosen workspace (from the layout). */
  switchWorkspace: (formData: FormData) => Promise<void>;
}) {
  if (workspaces.length <= 1) {
    return (
      <span className="hidden max-w-48 truncate rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-700 sm:inline">
        {current.name}
      </span>
    );
  }
  return (
    <details className="relative">
      <summary
        className="flex max-w-40 cursor-pointer list-none items-center gap-1 truncate rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-700 hover:bg-slate-200 sm:max-w-56"
        aria-label={`Workspace: ${current.name}. Switch workspace`}
      >
        <span className="truncate">{current.name}</span>
        <span aria-hidden>▾</span>
      </summary>
      <div className="absolute left-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          Switch workspace
        </p>
        {workspaces.map((w) => (
          <form key={w.id} action={switchWorkspace}>
            <input type="hidden" name="workspaceId" value={w.id} />
            <button
              type="submit"
              aria-current={w.id === current.id ? "true" : undefined}
              className="flex w-full items-center justify-between rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 aria-[current=true]:bg-brand-50 aria-[current=true]:font-medium"
            >
              <span className="truncate">{w.name}</span>
              <span className="ml-2 shrink-0 text-xs text-slate-500">{ROLE_LABELS[w.role]}</span>
            </button>
          </form>
        ))}
      </div>
    </details>
  );
}
