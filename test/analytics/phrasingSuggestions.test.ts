import type { PhrasingSuggestions } from '../../src/analytics/phrasingSuggestions';
import { describeOnEachDatabase, type AnalyticsDatabase } from './analyticsDatabases';

const at = (time: string) => new Date(`2026-12-08T${time}Z`);

describeOnEachDatabase('phrasings staff accept from the unanswered questions', (database: () => AnalyticsDatabase) => {
  let suggestions: PhrasingSuggestions;
  beforeEach(() => {
    suggestions = database().suggestions();
  });

  it('are kept with who accepted them and when, spaces tidied, waiting to be applied', async () => {
    const accepted = await suggestions.accept('section-20-overview', '  what is   a s20\n agreement ', 'Stella', at('10:00:00.000'));
    expect(accepted).toEqual({
      id: expect.any(Number),
      entryId: 'section-20-overview',
      phrasing: 'what is a s20 agreement',
      acceptedBy: 'Stella',
      acceptedAt: '2026-12-08T10:00:00.000Z',
      appliedAt: null,
    });
    expect(await database().suggestions('b').pending()).toEqual([accepted]);
  });

  it('are refused with a reason while they hold a redaction placeholder or are too short', async () => {
    expect(await suggestions.accept('section-20-overview', 'my name is [NAME] and they want s20', 'Stella', at('10:00:00.000'))).toMatch(/placeholder/);
    expect(await suggestions.accept('section-20-overview', ' s2 ', 'Stella', at('10:00:00.000'))).toMatch(/3 to 300 characters/);
    expect(await suggestions.accept('section-20-overview', 'x'.repeat(301), 'Stella', at('10:00:00.000'))).toMatch(/3 to 300 characters/);
    expect(await suggestions.list()).toEqual([]);
  });

  it('accepted twice, even by two staff at once on two instances, are kept once with the first acceptance', async () => {
    const [first, second] = await Promise.all([
      suggestions.accept('section-20-overview', 'what is s20', 'Stella', at('10:00:00.000')),
      database().suggestions('b').accept('section-20-overview', 'what is  s20', 'Omar', at('10:00:00.001')),
    ]);
    expect(second).toEqual(first);
    expect(await suggestions.list()).toEqual([first]);
    // The same words for another entry are a different suggestion.
    const other = await suggestions.accept('section-20-ending', 'what is s20', 'Omar', at('10:01:00.000'));
    expect(await suggestions.list()).toEqual([other, first]);
  });

  it('once applied to the entry files, are no longer waiting but are still listed', async () => {
    const older = await suggestions.accept('section-20-overview', 'what is s20', 'Stella', at('10:00:00.000'));
    const middle = await suggestions.accept('legal-help-legal-aid', 'can i get legal aid for court', 'Stella', at('10:01:00.000'));
    const newer = await suggestions.accept('section-20-overview', 'do i have to sign section 20', 'Omar', at('10:02:00.000'));
    if (typeof older === 'string' || typeof middle === 'string' || typeof newer === 'string') throw new Error('not accepted');
    expect((await suggestions.pending()).map((s) => s.id)).toEqual([older.id, middle.id, newer.id]);

    await suggestions.markApplied([older.id, newer.id], at('12:00:00.000'));
    await suggestions.markApplied([], at('12:00:00.000'));
    expect((await database().suggestions('b').pending()).map((s) => s.id)).toEqual([middle.id]);
    expect((await suggestions.list()).map((s) => [s.id, s.appliedAt])).toEqual([
      [newer.id, '2026-12-08T12:00:00.000Z'],
      [middle.id, null],
      [older.id, '2026-12-08T12:00:00.000Z'],
    ]);
  });
});
