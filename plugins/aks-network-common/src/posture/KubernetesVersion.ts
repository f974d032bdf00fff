/**
 * Whether a Kubernetes version (`1.29.7`, `v1.27`) is at least `major.minor`.
 * Undefined when the text is not a version.
 */
export function isAtLeastVersion(
  version: string | undefined,
  minimum: { major: number; minor: number },
): boolean | undefined {
  const match =
    version === undefined
      ? null
      : /^v?(\d+)\.(\d+)(?:\.\d+)?/.exec(version.trim());
  if (!match) {
    return undefined;
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return (
    major > minimum.major || (major === minimum.major && minor >= minimum.minor)
  );
}
