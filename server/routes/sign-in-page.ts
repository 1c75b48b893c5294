/**
 * The sign-in page: plain HTML and a stylesheet of its own, so it works without JavaScript and without the app's build
 * (whose assets need a session). The CSP forbids inline styles, hence /sign-in.css.
 */

/** The app's colour tokens (src/index.css, light then dark); a test keeps the two copies equal. */
export const LIGHT_TOKENS: Record<string, string> = {
  canvas: '246 247 249',
  surface: '255 255 255',
  raised: '250 250 251',
  hover: '241 243 246',
  selected: '232 236 253',
  line: '226 229 234',
  ink: '17 24 39',
  muted: '75 85 99',
  faint: '107 114 128',
  accent: '67 56 202',
  'accent-ink': '255 255 255',
  danger: '185 28 28',
  warn: '146 64 14',
  ok: '21 128 61',
};

export const DARK_TOKENS: Record<string, string> = {
  canvas: '11 13 18',
  surface: '19 22 29',
  raised: '25 29 38',
  hover: '31 36 47',
  selected: '38 42 77',
  line: '42 48 61',
  ink: '236 239 244',
  muted: '156 164 178',
  faint: '128 137 152',
  accent: '165 160 255',
  'accent-ink': '17 17 40',
  danger: '248 113 113',
  warn: '251 191 36',
  ok: '74 222 128',
};

const variables = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([name, value]) => `  --${name}: ${value};`)
    .join('\n');

export const SIGN_IN_CSS = `:root {
${variables(LIGHT_TOKENS)}
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root {
${variables(DARK_TOKENS)}
    color-scheme: dark;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  background: rgb(var(--canvas));
  color: rgb(var(--ink));
  font-family: Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif, 'Noto Color Emoji';
  font-feature-settings: 'cv11', 'ss01';
  -webkit-font-smoothing: antialiased;
  -moz-osx-font-smoothing: grayscale;
  line-height: 1.5;
}
:focus-visible { outline: 2px solid rgb(var(--accent)); outline-offset: 2px; }
.page { min-height: 100%; display: flex; align-items: center; justify-content: center; padding: 1.5rem 1rem; }
.card {
  width: 100%;
  max-width: 24rem;
  padding: 1.75rem 1.5rem 1.5rem;
  background: rgb(var(--surface));
  border: 1px solid rgb(var(--line));
  border-radius: 0.75rem;
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 4px 16px rgb(0 0 0 / 0.06);
}
.brand { display: flex; align-items: center; gap: 0.5rem; margin-bottom: 1.25rem; font-size: 15px; font-weight: 600; letter-spacing: -0.01em; }
.mark { width: 1.5rem; height: 1.5rem; flex-shrink: 0; }
.mark-bg { fill: rgb(var(--accent)); }
.mark-bar { fill: rgb(var(--accent-ink)); }
h1 { margin: 0; font-size: 1.25rem; font-weight: 600; letter-spacing: -0.01em; }
.lead { margin: 0.25rem 0 1.25rem; font-size: 0.875rem; color: rgb(var(--muted)); }
label { display: block; margin-bottom: 0.5rem; font-size: 0.875rem; font-weight: 500; }
input[type='password'] {
  display: block;
  width: 100%;
  height: 2.5rem;
  padding: 0 0.75rem;
  font: inherit;
  font-size: 0.9375rem;
  color: rgb(var(--ink));
  background: rgb(var(--surface));
  border: 1px solid rgb(var(--line));
  border-radius: 0.375rem;
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.04);
}
input[aria-invalid='true'] { border-color: rgb(var(--danger)); }
.error { margin: 0.5rem 0 0; font-size: 13px; font-weight: 500; color: rgb(var(--danger)); }
button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 100%;
  height: 2.5rem;
  margin-top: 1.25rem;
  padding: 0 0.75rem;
  font: inherit;
  font-size: 0.875rem;
  font-weight: 500;
  color: rgb(var(--accent-ink));
  background: rgb(var(--accent));
  border: 0;
  border-radius: 0.375rem;
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.05);
  cursor: pointer;
}
button:hover { background: rgb(var(--accent) / 0.9); }
`;

const FAVICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><path d="M8 10h16M8 16h11M8 22h6" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>',
  );

const MARK =
  '<svg class="mark" viewBox="0 0 24 24" aria-hidden="true"><rect class="mark-bg" width="24" height="24" rx="6"/>' +
  '<rect class="mark-bar" x="6" y="7" width="12" height="2.2" rx="1.1"/>' +
  '<rect class="mark-bar" x="6" y="10.9" width="8.5" height="2.2" rx="1.1" opacity="0.85"/>' +
  '<rect class="mark-bar" x="6" y="14.8" width="5" height="2.2" rx="1.1" opacity="0.7"/></svg>';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface SignInPageOptions {
  /** Where to go once signed in: already checked to be a path of this site. */
  next: string;
  /** Why the last attempt failed, in words. */
  error?: string;
}

/** The head both pages share: their own stylesheet (the app's assets need a session), never indexed. */
function pageHead(title: string, extra: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
${extra}
<title>${title}</title>
<link rel="stylesheet" href="/sign-in.css">
</head>`;
}

export function renderSignInPage({ next, error }: SignInPageOptions): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  return `${pageHead('Sign in · Triage', `<link rel="icon" type="image/svg+xml" href="${FAVICON}">`)}
<body>
<main class="page">
<form class="card" method="post" action="/sign-in" aria-labelledby="sign-in-title">
<div class="brand">${MARK}<span>Triage</span></div>
<h1 id="sign-in-title">Sign in</h1>
<p class="lead">Enter the dashboard token set on this server to open the inbox.</p>
${next === '/' ? '' : `<input type="hidden" name="next" value="${escapeHtml(next)}">\n`}<input type="text" name="username" value="Triage" autocomplete="username" hidden>
<label for="token">Dashboard token</label>
<input id="token" name="token" type="password" required autofocus autocomplete="current-password" spellcheck="false" autocapitalize="off"${invalid}>
${error ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(error)}</p>\n` : ''}<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}

/**
 * For a page opened from another site: the session cookie (SameSite=Strict) was not sent, and would not be on a
 * redirect either. A refresh from this page is a same-site navigation, so /sign-in then sees the session (and goes on).
 */
export function renderSameSiteBounce(signInUrl: string): string {
  const url = escapeHtml(signInUrl);
  return `${pageHead('Opening Triage…', `<meta http-equiv="refresh" content="0; url=${url}">`)}
<body>
<main class="page"><p><a href="${url}">Continue to Triage</a></p></main>
</body>
</html>
`;
}
