// A browser's HTTP side for the sign-in tests: a cookie jar per host (as browsers share cookies
// across ports), redirects followed one by one so each hop can be looked at, forms posted.

export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

export class HttpBrowser {
  /** host → cookie name → value */
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every `Set-Cookie` header received, as sent (to check its attributes). */
  readonly setCookies: string[] = [];

  cookieHeader(url: string): string {
    const cookies = this.jar.get(new URL(url).hostname);
    return cookies ? [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name);
  }

  private remember(url: string, response: Response): void {
    const host = new URL(url).hostname;
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const cookies = this.jar.get(host) ?? new Map<string, string>();
      const expired = /;\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(header) || value === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
      this.jar.set(host, cookies);
    }
  }

  /** One request, no redirect followed, cookies sent and kept. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.remember(url, response);
    return response;
  }

  /** Follows redirects from `url` (POST becomes GET after 302/303) until a page answers. */
  async navigate(
    url: string,
    init: RequestInit = {},
    stopAt?: (hop: Hop) => boolean,
  ): Promise<{ response: Response; url: string; hops: Hop[] }> {
    const hops: Hop[] = [];
    let current = url;
    let request = init;
    for (let i = 0; i < 20; i++) {
      const response = await this.fetch(current, request);
      const location = response.headers.get('location');
      const hop = { url: current, status: response.status, location };
      hops.push(hop);
      if (!location || response.status < 300 || response.status >= 400 || stopAt?.(hop))
        return { response, url: current, hops };
      current = new URL(location, current).toString();
      request = {};
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Posts a form (`application/x-www-form-urlencoded`) and follows where it leads. */
  submit(url: string, fields: Record<string, string>, stopAt?: (hop: Hop) => boolean) {
    return this.navigate(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      },
      stopAt,
    );
  }
}

/**
 * Signs in on an Atelier server through its provider's sign-in page, as a person would; stops
 * before the server's callback when `stopAtCallback` (to look at or tamper with it).
 */
export async function signInThroughProvider(
  browser: HttpBrowser,
  serverUrl: string,
  email: string,
  { returnTo = '/', stopAtCallback = false } = {},
) {
  const login = await browser.navigate(`${serverUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(await login.response.text())?.[1];
  if (!action) throw new Error(`no sign-in form at ${login.url} (${login.response.status})`);
  const authorization = login.hops.find((hop) => hop.location?.includes('code_challenge'))?.location ?? null;
  const done = await browser.submit(new URL(action, login.url).toString(), { email }, (hop) =>
    stopAtCallback ? (hop.location?.startsWith(`${serverUrl}/auth/callback`) ?? false) : false,
  );
  return { ...done, authorization };
}
