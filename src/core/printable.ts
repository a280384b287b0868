// Makes any user-supplied text safe to print: control characters escaped, long values shortened.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escapes C0/C1 controls, line separators and bidi overrides as \xNN or \uNNNN (nothing else changes). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** True when `text` is short and has no control characters: fit to quote verbatim in a message. */
export function isQuotable(text: string, max = 80): boolean {
  CONTROL.lastIndex = 0;
  return text.length <= max && !CONTROL.test(text);
}

/** `"text"` when it is fit to quote (short, printable), else a description that does not echo it. */
export function quote(text: string, max = 80): string {
  return isQuotable(text, max) ? `"${text}"` : `the value (${text.length} characters${HAS_CONTROL.test(text) ? ", with control characters" : ""})`;
}

const HAS_CONTROL = new RegExp(CONTROL.source);
const QUOTED = /"([^"]*)"/g;

/**
 * Makes a whole message line safe to print: quoted parts too long to read are replaced by their
 * length, then control characters are escaped. The last line of defence for errors and warnings.
 */
export function safeLine(text: string, max = 120): string {
  const escaped = escapeControl(text).replace(QUOTED, (all, inner: string) => (inner.length > max ? `(a value of ${inner.length} characters)` : all));
  return escaped.length > 2000 ? `${escaped.slice(0, 2000)}... (${escaped.length} characters)` : escaped;
}

const OUTPUT_CONTROL = /\x1b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes rendered output safe for a terminal: every control character but newline, tab and a CR
 * before a newline becomes \uNNNN (valid inside JSON strings too), so no escape sequence from a
 * plan, card or log reaches the screen. With `keepColor`, SGR colour codes (ESC [ ... m) stay.
 */
export function safeOutput(text: string, keepColor: boolean): string {
  OUTPUT_CONTROL.lastIndex = 0;
  if (!OUTPUT_CONTROL.test(text)) return text;
  OUTPUT_CONTROL.lastIndex = 0;
  return text.replace(OUTPUT_CONTROL, (c: string, at: number) => {
    if ((c === "\r" && text.charCodeAt(at + 1) === 10) || (c.length > 1 && keepColor)) return c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}${c.slice(1)}`; // an SGR sequence: only its ESC is a control
  });
}
