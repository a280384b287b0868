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
