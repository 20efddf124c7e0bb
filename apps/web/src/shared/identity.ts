// Who this browser is: a secret client key (kept locally), the public id derived from it, and the
// name and lab the person gave last time.
const CLIENT_KEY = 'atelier.clientKey';
const PROFILE_KEY = 'atelier.profile';

export interface Profile {
  name: string;
  lab: string;
}

export function clientKey(): string {
  let key = localStorage.getItem(CLIENT_KEY);
  if (!key) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    key = base64Url(bytes);
    localStorage.setItem(CLIENT_KEY, key);
  }
  return key;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Same derivation as the server's `userIdFromClientKey`: base64url(sha256(key)), 20 characters. */
export async function userIdFromClientKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return base64Url(new Uint8Array(digest)).slice(0, 20);
}

export function savedProfile(): Profile | null {
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Profile>) : null;
    return parsed?.name ? { name: parsed.name, lab: parsed.lab ?? '' } : null;
  } catch {
    return null;
  }
}

export function saveProfile(profile: Profile): void {
  localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
}

const FACILITATOR_KEYS = 'atelier.facilitatorKeys';

/**
 * Facilitator keys arrive in the URL fragment (#k=…) and are remembered per board. Once remembered,
 * the key leaves the address bar: a facilitator who copies the address to invite people must not
 * hand out their controls (the share dialog shows the facilitator link on purpose).
 */
export function facilitatorKeyFor(boardId: string): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('k');
  const saved = JSON.parse(localStorage.getItem(FACILITATOR_KEYS) ?? '{}') as Record<string, string>;
  if (fromHash) {
    saved[boardId] = fromHash;
    localStorage.setItem(FACILITATOR_KEYS, JSON.stringify(saved));
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return saved[boardId];
}

const VIEWER_LINKS = 'atelier.viewerLinks';

/**
 * The read-only link of a board this browser facilitates: the server keeps only its hash, so the
 * link shown at creation (or made anew from the share dialog) is remembered here.
 */
export function viewerLinkFor(boardId: string): string | undefined {
  const saved = JSON.parse(localStorage.getItem(VIEWER_LINKS) ?? '{}') as Record<string, string>;
  return saved[boardId];
}

export function rememberViewerLink(boardId: string, viewerUrl: string): void {
  const saved = JSON.parse(localStorage.getItem(VIEWER_LINKS) ?? '{}') as Record<string, string>;
  saved[boardId] = viewerUrl;
  localStorage.setItem(VIEWER_LINKS, JSON.stringify(saved));
}

/** The facilitator keys this browser remembers, for every board it facilitates. */
export function rememberedFacilitatorKeys(): string[] {
  const saved = JSON.parse(localStorage.getItem(FACILITATOR_KEYS) ?? '{}') as Record<string, string>;
  return [...new Set(Object.values(saved))].slice(0, 100);
}

/** A stable, readable colour per user for cursors. */
export function colorFor(userId: string): string {
  const palette = [
    '#e03131',
    '#1971c2',
    '#2f9e44',
    '#f08c00',
    '#9c36b5',
    '#0c8599',
    '#c2255c',
    '#5c940d',
    '#1864ab',
    '#d9480f',
  ];
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length] ?? '#1971c2';
}
