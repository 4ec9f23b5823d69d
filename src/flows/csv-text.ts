import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { AppError } from "../kernel/errors";

/** How much of the file is read to decide its encoding and separator. */
const SAMPLE_BYTES = 64 * 1024;
const SEPARATORS = [";", "\t", ","] as const;
export type TCsvSeparator = (typeof SEPARATORS)[number];

export interface TCsvText {
  /** The file as text, decoded. */
  text: Readable;
  /** The one separator the file uses, read off its header line. */
  separator: TCsvSeparator;
  encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
  /** Bytes of the file handed on as text so far: how far through the file the reader is. */
  bytesRead: () => number;
}

/**
 * Opens a CSV file as a Swedish office exports it: UTF-8 (with or without BOM) or, from older
 * Excel and accounting programs, Windows-1252, where "Åsa Öström" read as UTF-8 would become
 * "�sa �str�m". Excel's "Unicode text" is UTF-16 with tabs between the columns. The separator is
 * the one the header line uses, so a comma inside a field of a
 * semicolon file ("Ek, Jr", "1 234,50") stays part of the field.
 */
export async function openCsvText(input: Readable): Promise<TCsvText> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  const sample = Buffer.concat(head);
  // A character may be cut at the end of the sample; judge the encoding on whole lines.
  const lastNewline = sample.lastIndexOf(10);
  const judged = ended || lastNewline < 0 ? sample : sample.subarray(0, lastNewline + 1);
  const utf16 = utf16Of(sample);
  let encoding: TCsvText["encoding"] = utf16 ?? (isUtf8(judged) ? "utf-8" : "windows-1252");
  let decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  // A start in plain ASCII says nothing of the encoding (a long list of customers without å, ä
  // or ö, or an orders file of numbers): the first letter beyond ASCII further on decides it.
  // ASCII reads the same in both, so the switch changes nothing already read.
  let undecided = !utf16 && !ended && firstBeyondAscii(sample) < 0;
  const first = decodeChecked(decoder, sample, true);
  // The header is the first line with something on it: blank lines above it are skipped.
  const separator = separatorOf(first.split(/\r?\n/).find((line) => line.trim() !== "") ?? "");
  let handed = 0;
  async function* text(): AsyncGenerator<string> {
    handed = sample.length;
    yield first;
    if (!ended) {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
        const beyond = undecided ? firstBeyondAscii(chunk) : -1;
        if (beyond >= 0) {
          undecided = false;
          if (!looksUtf8(chunk, beyond)) {
            encoding = "windows-1252";
            decoder = new TextDecoder(encoding);
          }
        }
        handed += chunk.length;
        yield decodeChecked(decoder, chunk, true);
      }
    }
    const tail = decodeChecked(decoder, undefined, false);
    if (tail) yield tail;
  }
  return { text: Readable.from(text(), { objectMode: false }), separator, encoding, bytesRead: () => handed };
}

/**
 * UTF-16 by its byte order mark, or without one by the zero byte every ASCII letter has beside
 * it. Neither UTF-8 nor Windows-1252 text holds zero bytes.
 */
function utf16Of(sample: Buffer): "utf-16le" | "utf-16be" | null {
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "utf-16be";
  const start = sample.subarray(0, 200);
  const zerosAt = (parity: number) => start.filter((byte, index) => index % 2 === parity && byte === 0).length;
  const pairs = Math.floor(start.length / 2);
  if (pairs >= 4 && zerosAt(1) >= pairs * 0.8) return "utf-16le";
  if (pairs >= 4 && zerosAt(0) >= pairs * 0.8) return "utf-16be";
  return null;
}

const firstBeyondAscii = (bytes: Buffer) => bytes.findIndex((byte) => byte >= 0x80);

/** Whether a chunk is UTF-8 from its first non-ASCII byte on, allowing a character cut at its end. */
function looksUtf8(chunk: Buffer, beyond: number): boolean {
  const lastNewline = chunk.lastIndexOf(10);
  if (lastNewline > beyond) return isUtf8(chunk.subarray(0, lastNewline + 1));
  return [0, 1, 2, 3].some((cut) => chunk.length - cut > beyond && isUtf8(chunk.subarray(0, chunk.length - cut)));
}

function decodeChecked(decoder: InstanceType<typeof TextDecoder>, bytes: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new AppError("validation_failed", "The file is not valid UTF-8 throughout", {
      fields: [
        {
          field: "file",
          code: "invalid_encoding",
          message:
            "Part of the file is not UTF-8 while the start of it is: save the whole file as UTF-8 (or as Windows-1252) and import it again. Rows before that part may already be imported; they will be reported unchanged",
        },
      ],
    });
  }
}

/** The separator the header line uses most, outside quotes; a comma when it has none. */
function separatorOf(header: string): TCsvSeparator {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const character of header) {
    if (character === '"') quoted = !quoted;
    else if (!quoted) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: TCsvSeparator = ",";
  let most = 0;
  for (const separator of SEPARATORS) {
    const count = counts.get(separator) ?? 0;
    if (count > most) {
      best = separator;
      most = count;
    }
  }
  return best;
}
