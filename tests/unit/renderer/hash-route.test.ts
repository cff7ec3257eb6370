// The hash router's tools page: a link from a meeting carries the meeting to export, and back.
import { describe, expect, it } from 'vitest';
import { hrefTo, parseRoute } from '../../../renderer/routing/hash-route';

const meetingId = '01a202a2-d266-71de-8c3a-fad680ceb679';

describe('the tools route', () => {
  it('carries the meeting to export from a link and reads it back', () => {
    const href = hrefTo({ page: 'tools', meetingId });
    expect(href).toBe(`#/tools?meeting=${meetingId}`);
    expect(parseRoute(href)).toEqual({ page: 'tools', meetingId });
  });

  it.each(['#/tools', '#/tools/', '#/tools?meeting=', '#/tools?other=1'])('has no meeting for %s', (hash) => {
    expect(parseRoute(hash)).toEqual({ page: 'tools', meetingId: null });
  });

  it('keeps the plain link plain', () => {
    expect(hrefTo({ page: 'tools' })).toBe('#/tools');
  });
});
