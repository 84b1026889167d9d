// The small journey the CLI specifications write to files: tag "vip" added
// -> tag "seen" -> wait WAIT -> end, as JSON with two-space indentation (the
// specifications edit its text with replace()).

/** A small valid journey: tag "vip" added -> tag "seen" -> wait WAIT -> end. */
export function tagJourney(name = 'Tag journey', wait = 'P1D'): string {
  return JSON.stringify(
    {
      formatVersion: 1,
      id: 'tag_journey',
      name,
      kind: 'trigger',
      tags: ['vip', 'seen'],
      startingPoints: [{ id: 'sp_vip', trigger: { type: 'tagAdded', tag: 'vip' }, next: 'p_tag' }],
      points: [
        { id: 'p_tag', type: 'addTag', tag: 'seen', next: 'p_wait' },
        { id: 'p_wait', type: 'wait', duration: wait, next: 'p_end' },
        { id: 'p_end', type: 'end' },
      ],
    },
    null,
    2,
  );
}
