import { describe, expect, it } from 'vitest';
import { htmlToText, isHtmlBody, looksLikeHtml, previewText } from './message-text';

describe('LinkedIn HTML as text', () => {
  it('knows LinkedIn markup from text that merely has a "<" in it', () => {
    expect(looksLikeHtml('<p>Hi</p>')).toBe(true);
    expect(looksLikeHtml('I <3 this, 2 < 3')).toBe(false);
    expect(isHtmlBody('<p>Hi</p>', 'LINKEDIN')).toBe(true);
    expect(isHtmlBody('<p>Hi</p>', 'WHATSAPP')).toBe(false);
  });

  it('keeps the words, spaces blocks apart, drops every tag and decodes entities once', () => {
    expect(htmlToText('<p>Hi <strong>Amelia</strong>,</p><p>see <a href="https://x.test">this</a></p>')).toBe('Hi Amelia, see this ');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>').replace(/\s+/g, ' ').trim()).toBe('one two');
    expect(htmlToText('a<br>b<br/>c')).toBe('a b c');
    expect(htmlToText('<p>Tom &amp; Jerry &lt;3 &#128512; &#x41; &nbsp;&eacute;</p>')).toBe('Tom & Jerry <3 😀 A  &eacute; ');
    expect(htmlToText('<p>&amp;lt;script&amp;gt;</p>')).toBe('&lt;script&gt; ');
    expect(htmlToText('<p>x<img src=x onerror=alert(1)><!-- c --></p>')).toBe('x ');
  });
});

describe('previewText', () => {
  it('is one line: HTML reduced for LinkedIn only, whitespace collapsed', () => {
    expect(previewText('<p>Hi</p>\n<p>there</p>', 'LINKEDIN')).toBe('Hi there');
    expect(previewText('<p>Hi</p>', 'WHATSAPP')).toBe('<p>Hi</p>');
    expect(previewText('  two\n\nlines  ', 'TELEGRAM')).toBe('two lines');
    expect(previewText(null, 'LINKEDIN')).toBe('');
  });

  it('cuts at the limit with an ellipsis, never inside an emoji', () => {
    const long = `${'a'.repeat(198)}😀😀😀`;
    const cut = previewText(long, 'WHATSAPP');
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('a😀…')).toBe(true);
    expect(previewText('short', 'SLACK', 200)).toBe('short');
  });
});
