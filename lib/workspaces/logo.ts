import { AppError } from "@/lib/errors";

// The workspace logo printed on reports' covers. An upload is only ever bytes: its type is read
// from the file's own signature (a PNG or JPEG header), never from its name or the browser's
// claim, its size is capped, and its pixel size too (a small file can declare a huge image that
// the PDF renderer would then decode). Nothing else (SVG, GIF, HTML) is ever stored.

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MAX_PIXELS = 4000;
export type LogoType = "image/png" | "image/jpeg";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Width and height of a PNG from its IHDR chunk, which must come first. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (ihdr !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height of a JPEG from its first start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = view.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function refuse(message: string): AppError {
  return new AppError("validation_failed", message, { fields: { logo: message } });
}

/** The logo's type read from its bytes, or a 422 saying what is wrong with the file. */
export function checkLogo(bytes: Uint8Array): { type: LogoType; width: number; height: number } {
  if (bytes.length === 0) throw refuse("Choose a PNG or JPEG file.");
  if (bytes.length > LOGO_MAX_BYTES)
    throw refuse(`The logo is larger than ${LOGO_MAX_BYTES / 1024} KB: use a smaller file.`);
  const png = startsWith(bytes, PNG_SIGNATURE);
  const jpeg = startsWith(bytes, [0xff, 0xd8, 0xff]);
  if (!png && !jpeg) throw refuse("The logo must be a PNG or JPEG image.");
  const size = png ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width < 1 || size.height < 1)
    throw refuse("This file is not a readable PNG or JPEG image.");
  if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS)
    throw refuse(`The logo must be at most ${LOGO_MAX_PIXELS} pixels wide and high.`);
  return { type: png ? "image/png" : "image/jpeg", ...size };
}
