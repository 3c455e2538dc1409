import type { CallbackRequests, NewCallbackRequest } from '../../src/handoff/callbackRequests';
import { describeOnEachDatabase, type HandoffDatabase } from './handoffDatabases';

const at = (time: string) => new Date(`2026-12-05T${time}Z`);

const byPhone: NewCallbackRequest = {
  phone: '07700 900123',
  email: null,
  bestTime: 'Morning (9:30am to 12pm)',
  message: 'About my son, please',
  voicemailOk: false,
  sayOrganisationOk: true,
  avoidTimes: 'not after 2pm',
  topic: 'section-20',
};

const byEmail: NewCallbackRequest = {
  phone: null,
  email: 'jo@example.org',
  bestTime: 'Any time',
  message: null,
  voicemailOk: null,
  sayOrganisationOk: null,
  avoidTimes: null,
  topic: null,
};

describeOnEachDatabase('callback requests', (database: () => HandoffDatabase) => {
  let callbacks: CallbackRequests;
  beforeEach(() => {
    callbacks = database().callbacks();
  });

  it('keep the safe-contact answers exactly, "did not say" included, and start as new', async () => {
    const phone = await callbacks.add(byPhone, at('10:00:00.000'));
    const email = await callbacks.add(byEmail, at('10:01:00.000'));
    expect(await database().callbacks('b').get(phone.id)).toEqual({
      ...byPhone,
      id: phone.id,
      createdAt: '2026-12-05T10:00:00.000Z',
      status: 'new',
      statusChangedBy: null,
      statusChangedAt: null,
    });
    expect(await callbacks.get(email.id)).toEqual(email);
    expect(email).toMatchObject({ voicemailOk: null, sayOrganisationOk: null, message: null, phone: null });
    expect(await callbacks.get('no-such-id')).toBeUndefined();
  });

  it('are listed newest first, and by status when asked', async () => {
    const older = await callbacks.add(byPhone, at('10:00:00.000'));
    const newer = await callbacks.add(byEmail, at('11:00:00.000'));
    expect((await callbacks.list()).map((r) => r.id)).toEqual([newer.id, older.id]);
    await callbacks.setStatus(older.id, 'contacted', 'Sam', at('12:00:00.000'));
    expect((await callbacks.list('contacted')).map((r) => r.id)).toEqual([older.id]);
    expect((await callbacks.list('new')).map((r) => r.id)).toEqual([newer.id]);
    expect(await callbacks.list('closed')).toEqual([]);
  });

  it('remember who changed their status and when, in order, whichever instance they used', async () => {
    const request = await callbacks.add(byPhone, at('10:00:00.000'));
    const contacted = await callbacks.setStatus(request.id, 'contacted', 'Sam', at('12:00:00.000'));
    expect(contacted).toMatchObject({ status: 'contacted', statusChangedBy: 'Sam', statusChangedAt: '2026-12-05T12:00:00.000Z' });
    await database().callbacks('b').setStatus(request.id, 'closed', 'Priya', at('13:00:00.000'));
    expect(await callbacks.get(request.id)).toMatchObject({ status: 'closed', statusChangedBy: 'Priya' });
    expect(await callbacks.history(request.id)).toEqual([
      { status: 'contacted', changedBy: 'Sam', changedAt: '2026-12-05T12:00:00.000Z' },
      { status: 'closed', changedBy: 'Priya', changedAt: '2026-12-05T13:00:00.000Z' },
    ]);
  });

  it('that do not exist cannot change status, and leave no history', async () => {
    expect(await callbacks.setStatus('no-such-id', 'closed', 'Sam', at('12:00:00.000'))).toBeUndefined();
    expect(await callbacks.history('no-such-id')).toEqual([]);
  });

  it('keep the words of a message with a NUL character in it', async () => {
    const request = await callbacks.add({ ...byPhone, message: 'call me\u0000 after school', avoidTimes: 'not\u0000 Fridays' }, at('10:00:00.000'));
    expect(await callbacks.get(request.id)).toMatchObject({ message: 'call me after school', avoidTimes: 'not Fridays' });
  });
});
