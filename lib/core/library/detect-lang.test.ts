import { describe, expect, it } from 'vitest';
import { detectLang } from './detect-lang.ts';

describe('detectLang', () => {
  it('tells the languages of the corpus apart by script', () => {
    expect(detectLang('坚持稳中求进工作总基调，统筹发展和安全，国民经济持续恢复。')).toBe('zh-Hans');
    expect(detectLang('堅持穩中求進工作總基調，統籌發展和安全，國民經濟持續恢復。')).toBe('zh-Hant');
    expect(detectLang('政府活動報告では、経済の安定を最優先とする方針が示された。')).toBe('ja');
    expect(detectLang('Nghị quyết của Bộ Chính trị về phát triển kinh tế tư nhân.')).toBe('vi');
    expect(detectLang('The State Council issued the plan on Tuesday.')).toBe('en');
    expect(detectLang('')).toBe('en');
  });
  it('is not swayed by a few words of another script', () => {
    expect(
      detectLang(`The report quotes 共同富裕 once. ${'More English prose follows here. '.repeat(20)}`),
    ).toBe('en');
    expect(detectLang(`新华社报道，${'国务院召开常务会议，研究部署经济工作。'.repeat(10)}（トヨタ）`)).toBe(
      'zh-Hans',
    );
    expect(
      detectLang('Hà Nội and Hồ Chí Minh are named in this English sentence about trade policy today.'),
    ).toBe('en');
  });
});
