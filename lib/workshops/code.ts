import { randomInt } from "node:crypto";

// Join codes: short enough to read off a projector and type on a phone, from an alphabet without
// look-alikes (no 0/O, no 1/I/L), so a room does not mistype them. 31^6 is about 887 million
// codes; with at most a few hundred live workshops and 30 wrong guesses a minute per address
// (lib/workshops/limits.ts), guessing one is hopeless.

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** A fresh random code; `pick(n)` returns an integer in [0, n) (crypto by default). */
export function generateJoinCode(pick: (n: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1)
    code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * The code as typed: case, spaces and dashes do not matter ("abc-23k" is "ABC23K"). Look-alikes are
 * read as the letter the alphabet keeps (O -> 0 is not in it, so O and 0 both stay unknown).
 */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

export function isJoinCodeShape(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}
