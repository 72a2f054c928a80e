import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../utils/cli/html-text';

describe('the text of a saved page', () => {
  it('reads a line break of the source as a space, block elements and <pre> lines as line breaks', () => {
    const text = htmlToText('<p>Sanctions on Vladimir\n   Putin and\r\n<b>Ni</b>\nGaobin</p><pre>Zhao\nGuangzong</pre><p>Wang &amp; Co</p>');
    expect(text).toBe('\nSanctions on Vladimir Putin and Ni Gaobin\nZhao\nGuangzong\nWang & Co\n');
  });

  it('leaves out scripts, styles and comments', () => {
    expect(htmlToText('<p>Shown</p><script>\nvar a = "Ni Gaobin";\n</script><!-- Zhao\nGuangzong --><style>p{}</style>').trim()).toBe('Shown');
  });
});
