import { describe, expect, it } from 'vitest';
import type { Passage } from '../../lib/core/types.ts';
import { sectionBlocks } from './sections.ts';

const p = (index: number, text: string, section: string[]): Passage => ({
  id: `000/p${String(index).padStart(2, '0')}`,
  docId: '000',
  index,
  text,
  start: 0,
  end: 0,
  section,
});

describe('sectionBlocks', () => {
  it('emits a heading where a section starts, for each level that changes', () => {
    const blocks = sectionBlocks([
      p(0, 'intro', []),
      p(1, 'a', ['一、X', '(一)Y']),
      p(2, 'b', ['一、X', '(一)Y']),
      p(3, 'c', ['一、X', '(二)Z']),
      p(4, 'd', ['二、W']),
    ]);
    expect(blocks.map((b) => b.headings)).toEqual([
      [],
      [
        { level: 0, text: '一、X' },
        { level: 1, text: '(一)Y' },
      ],
      [],
      [{ level: 1, text: '(二)Z' }],
      [{ level: 0, text: '二、W' }],
    ]);
    expect(blocks.every((b) => b.titleLength === 0)).toBe(true);
  });

  it('uses a passage that is its own section title as the heading (no duplicate)', () => {
    const blocks = sectionBlocks([p(0, '一、X', ['一、X']), p(1, 'body', ['一、X'])]);
    expect(blocks[0]!.headings).toEqual([]);
    expect(blocks[0]!.titleLength).toBe(3);
    expect(blocks[0]!.titleLevel).toBe(0);
    expect(blocks[1]!.headings).toEqual([]);
  });

  it('splits a passage that begins with its section title', () => {
    const blocks = sectionBlocks([
      p(0, '一、X', ['一、X']),
      p(1, '(一)Y。 More text.', ['一、X', '(一)Y。']),
    ]);
    expect(blocks[1]!.headings).toEqual([]);
    expect(blocks[1]!.titleLength).toBe('(一)Y。 '.length);
    expect(blocks[1]!.titleLevel).toBe(1);
  });
});
