import { errorMessage } from './errorMessage';
import { UNSAFE_CHARACTERS_GLOBAL } from './unsafeCharacters';

/**
 * How much of one piece of user text a log line keeps: enough for an ARM id (about
 * 150 characters for a cluster), short enough that one request cannot flood a line.
 *
 * @public
 */
export const LOG_SAFE_MAX_LENGTH = 200;

const NAMED_ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeCharacter(character: string): string {
  return (
    NAMED_ESCAPES[character] ??
    `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
  );
}

/**
 * User text (an id, a name, an error message that quotes a request) made fit for one
 * log line: control characters, ANSI escape sequences' ESC, bidirectional formatting
 * characters and line separators are written as escapes (`\n`, `\u001b`), lone
 * surrogates too, and the text is cut at `maxLength` characters with a count of what
 * was left out. A newline in a request can then never start a forged log line, nor a
 * colour code repaint one (OWASP: Log Injection,
 * https://owasp.org/www-community/attacks/Log_Injection).
 *
 * @public
 */
export function logSafe(
  value: unknown,
  maxLength: number = LOG_SAFE_MAX_LENGTH,
): string {
  let text: string;
  try {
    text = errorMessage(value);
  } catch {
    text = '(unprintable value)';
  }
  const escaped = text
    .replace(UNSAFE_CHARACTERS_GLOBAL, escapeCharacter)
    // A lone surrogate is no character; some log sinks drop or mangle the line.
    .replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      escapeCharacter,
    );
  if (escaped.length <= maxLength) {
    return escaped;
  }
  // Cut between characters, never inside an escape or a surrogate pair.
  let kept = '';
  for (const piece of escaped.match(/\\u[0-9a-f]{4}|\\[nrt]|[\s\S]/gu) ?? []) {
    if (kept.length + piece.length > maxLength) break;
    kept += piece;
  }
  return `${kept}… (cut; ${[...text].length} characters in all)`;
}
