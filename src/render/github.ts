// GitHub Actions workflow commands: `::error file=F,line=L,title=T::message` lines, escaped.

/** One annotation; `file`/`line` attach it to a line of a file in the pull request. */
export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The workflow command line of an annotation (with its newline). */
export function annotationLine(a: Annotation): string {
  const props: [string, string | number | undefined][] = [["file", a.file], ["line", a.line], ["col", a.col], ["title", a.title]];
  const text = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${a.level} ${text}::${escapeData(a.message)}\n`;
}
