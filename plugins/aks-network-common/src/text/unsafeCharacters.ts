/**
 * Characters user text must not carry into names, descriptions and log lines:
 * - control characters (Unicode category Cc: C0, DEL, C1), which forge lines (`\n`,
 *   `\r`) and drive terminals (ESC of ANSI escape sequences, ECMA-48);
 * - the bidirectional formatting characters that reorder what a reader sees without
 *   changing what a program compares (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069;
 *   Unicode UAX #9 §2, CVE-2021-42574 "Trojan Source");
 * - the line and paragraph separators U+2028/U+2029, which some readers break lines on.
 */
const UNSAFE =
  /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** The same set, to find every one (see {@link UNSAFE}). */
export const UNSAFE_CHARACTERS_GLOBAL =
  /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/**
 * `U+001B` for a character: how messages name an unsafe character without writing it.
 *
 * @public
 */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')}`;
}

/**
 * The first control or bidirectional-formatting character of a text, with its position
 * (in UTF-16 units) and name, or undefined when there is none.
 *
 * @public
 */
export function findUnsafeCharacter(
  text: string,
): { index: number; codePoint: string } | undefined {
  const match = UNSAFE.exec(text);
  return match
    ? { index: match.index, codePoint: codePointName(match[0]) }
    : undefined;
}

/**
 * What is wrong with user text that may only hold printable characters (names,
 * descriptions), or undefined. The message names the character, never writes it.
 *
 * @public
 */
export function unsafeTextProblem(text: string): string | undefined {
  const found = findUnsafeCharacter(text);
  return found
    ? `holds the control or bidirectional-formatting character ${found.codePoint} at position ${found.index}; these are not allowed`
    : undefined;
}
