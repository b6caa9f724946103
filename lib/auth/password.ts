import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (memory 19 MiB, 2 passes): OWASP's recommended floor.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the email is unknown keeps the response time the same, so
// timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("gapmap-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
