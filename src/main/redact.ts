/** Redaction of the browser-mode token from anything that is logged. */

/**
 * Never log the token: the value of every query (or fragment) parameter whose name, once
 * percent-decoded, contains "token" — `?tok%65n=…` is the token to URLSearchParams too.
 */
export function redact(url: string | undefined): string {
  // values stop at quotes, whitespace and backslashes, so a JSON log line stays intact
  return (url ?? '')
    .replace(/([?&#;])([^=&#;"\s\\]*)=([^&#;"\s\\]*)/g, (whole, sep: string, name: string) => (isTokenName(name) ? `${sep}${name}=<redacted>` : whole))
    .replace(/token=[^&#;"\s\\]*/gi, 'token=<redacted>');
}

function isTokenName(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // malformed escapes: judge the raw name
  }
  return /token/i.test(decoded);
}
