import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a sign-in lasts. */
export const SESSION_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
/** Copies of the server may disagree on the time by this much; a session "issued" further ahead is refused. */
const CLOCK_SKEW_SECONDS = 60;
const VERSION = 'v1';
const SECONDS = /^\d{1,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export interface SessionKeys {
  /** True when `candidate` is the dashboard token; the time it takes does not depend on where they differ. */
  tokenMatches(candidate: string): boolean;
  /** A cookie value: `v1.<issued>.<expires>.<HMAC-SHA256 of the rest>`, in seconds since the epoch. Never the token. */
  issue(nowMs: number): string;
  /** True for a session this token signed that has not expired. */
  verify(value: string | undefined, nowMs: number): boolean;
}

/**
 * Sessions are signed with a key derived from the token, so every copy of the server that has the same token accepts
 * them (no shared store) and changing the token signs everyone out.
 */
export function createSessionKeys(token: string): SessionKeys {
  const signingKey = createHmac('sha256', token).update('triage/session-signing-key/v1').digest();
  // Comparing HMACs rather than the strings: equal lengths whatever was typed, and nothing about the token's length leaks.
  const compareKey = randomBytes(32);
  const digest = (text: string) => createHmac('sha256', compareKey).update(text).digest();
  const expectedToken = digest(token);
  const sign = (payload: string) => createHmac('sha256', signingKey).update(payload).digest();

  return {
    tokenMatches: (candidate) => timingSafeEqual(digest(candidate), expectedToken),
    issue(nowMs) {
      const issued = Math.floor(nowMs / 1000);
      const payload = `${VERSION}.${issued}.${issued + SESSION_LIFETIME_SECONDS}`;
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    verify(value, nowMs) {
      if (!value) return false;
      const parts = value.split('.');
      if (parts.length !== 4) return false;
      const [version, issuedText, expiresText, signature] = parts as [string, string, string, string];
      if (version !== VERSION || !SECONDS.test(issuedText) || !SECONDS.test(expiresText) || !SIGNATURE.test(signature)) return false;
      const expected = sign(`${version}.${issuedText}.${expiresText}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      const now = nowMs / 1000;
      const issued = Number(issuedText);
      const expires = Number(expiresText);
      return issued <= now + CLOCK_SKEW_SECONDS && now < expires && expires - issued <= SESSION_LIFETIME_SECONDS;
    },
  };
}
