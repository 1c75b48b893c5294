import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK_TOKENS, LIGHT_TOKENS, renderSignInPage } from './sign-in-page';

describe('the sign-in page’s look', () => {
  it('uses the app’s colour tokens, light and dark (src/index.css)', () => {
    const css = readFileSync(new URL('../../src/index.css', import.meta.url), 'utf8');
    const block = (selector: string) => {
      const body = new RegExp(`^${selector} \\{([^}]*)\\}`, 'm').exec(css)?.[1] ?? '';
      return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
    };
    expect(block(':root')).toEqual(LIGHT_TOKENS);
    expect(block('\\.dark')).toEqual(DARK_TOKENS);
  });
});

describe('renderSignInPage', () => {
  it('escapes what it echoes', () => {
    const html = renderSignInPage({ next: '/a"><script>x</script>', error: '<b>no</b>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('value="/a&#34;&#62;&#60;script&#62;x&#60;/script&#62;"');
  });
});
