// Prisma's known error codes, read without importing a provider-specific error class: the two
// generated clients each have their own class, so `instanceof` would miss one of them.
function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

export function isNotFound(error: unknown): boolean {
  return prismaCode(error) === "P2025";
}
