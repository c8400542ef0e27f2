/**
 * A scripted browser without a browser: a cookie jar per origin and redirects followed by hand,
 * so tests can walk the console's OpenID sign-in against the local provider and see every status.
 */

export interface ConsoleResponse {
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
}

export interface RequestInit {
  method?: string;
  /** A URL-encoded form post. */
  form?: Record<string, string>;
  /** A multipart form post, as a form with a file input sends it. */
  multipart?: FormData;
}

export class ConsoleClient {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly consoleOrigin: string) {}

  cookie(name: string, origin = this.consoleOrigin): string | undefined {
    return this.jar.get(new URL(origin).origin)?.get(name);
  }

  setCookie(name: string, value: string, origin = this.consoleOrigin): void {
    const key = new URL(origin).origin;
    const cookies = this.jar.get(key) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(key, cookies);
  }

  private store(url: URL, setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || /expires=thu, 01 jan 1970/i.test(header);
      const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
      this.jar.set(url.origin, cookies);
    }
  }

  /** One request, no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<ConsoleResponse> {
    const target = new URL(url, this.consoleOrigin);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, {
      method: init.method ?? (init.form || init.multipart ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      // fetch writes the multipart boundary into the content type itself.
      ...(init.multipart ? { body: init.multipart } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    this.store(target, setCookies);
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, target).href : null, body: await response.text(), setCookies };
  }

  /** Follows redirects (as GETs) until a page answers; `redirects` are the addresses it was sent to on the way. */
  async follow(url: string, init: RequestInit = {}): Promise<ConsoleResponse & { url: string; redirects: string[] }> {
    let current = new URL(url, this.consoleOrigin).href;
    let response = await this.request(current, init);
    const redirects: string[] = [];
    for (let hops = 0; response.location !== null && hops < 10; hops += 1) {
      current = response.location;
      redirects.push(current);
      response = await this.request(current);
    }
    return { ...response, url: current, redirects };
  }

  /** Signs in through the console's sign-in and the local provider's login form. */
  async signIn(email: string, password: string, start = '/arr'): Promise<ConsoleResponse & { url: string; redirects: string[] }> {
    const login = await this.follow(start);
    const action = /action="([^"]*\/login)"/.exec(login.body)?.[1];
    if (!action) throw new Error(`No login form at ${login.url} (HTTP ${login.status})`);
    return this.follow(new URL(action, login.url).href, { form: { email, password } });
  }
}

/** The CSRF token of the first form on a page. */
export function csrfTokenOf(page: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('The page has no CSRF token.');
  return token;
}
