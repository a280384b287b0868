// RFC 4180 CSV writing: quoted fields where needed, CRLF line ends, header first.

import { escapeControl } from "../core/printable.js";

function field(raw: string): string {
  const value = escapeControl(raw); // a cell never carries a raw control character (a newline becomes \n)
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record (without its line end). */
export function csvRow(values: readonly string[]): string {
  return values.map(field).join(",");
}

/** A whole CSV document: header, then rows, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => csvRow(r) + "\r\n").join("");
}
