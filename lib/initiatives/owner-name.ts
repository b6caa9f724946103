// How an accountable owner reads on screen, in files and in reports: a member by name, a named
// person with their role. Pure, so components and the report share it.

type Owner = { kind: "member"; name: string } | { kind: "person"; name: string; role: string };

export function ownerName(owner: Owner | null): string | null {
  if (!owner) return null;
  return owner.kind === "member" ? owner.name : `${owner.name} (${owner.role})`;
}
