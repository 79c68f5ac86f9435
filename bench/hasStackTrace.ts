// A V8 stack frame ("    at fn (/path/file.ts:12:5)", "at node:internal/…"), or an error
// message naming a source file: what a leaked exception looks like in a body or a log.
const STACK_FRAME = /^\s*at (?:.*[\s(])?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*:\d+:\d+\)?\s*$/m
const ERROR_WITH_FILE = /\b\w*(?:Error|Exception)\b:[^\n]*(?:file:\/\/|\s\/)[\w./@+-]+\.(?:ts|tsx|js|mjs|cjs)\b/

/**
 * True when the text holds a stack trace (a V8 frame line) or an error message with a source path.
 * @example hasStackTrace('TypeError: x is undefined\n    at main (/srv/app.ts:3:9)') // true
 */
export function hasStackTrace(text: string): boolean {
  return STACK_FRAME.test(text) || ERROR_WITH_FILE.test(text)
}
