import { describe, expect, it } from 'vitest';
import { scanCode } from './sink-audit-plugin.ts';

describe('sink scanner', () => {
  it('finds every forbidden sink', () => {
    const code =
      'eval("1");x.innerHTML=y;z.outerHTML;a.insertAdjacentHTML("x",b);document.write(c);new Function("d")';
    expect(Object.fromEntries(scanCode(code))).toEqual({
      eval: 1,
      'new Function': 1,
      innerHTML: 1,
      outerHTML: 1,
      insertAdjacentHTML: 1,
      'document.write': 1,
    });
  });
  it('does not flag lookalikes', () => {
    expect(scanCode('retrieval(1); obj.evaluate(); const innerHTMLish = 1; x.textContent = y;')).toEqual([]);
  });
});
