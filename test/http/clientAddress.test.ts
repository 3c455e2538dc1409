import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/server/clientAddress';

const request = (forwardedFor: string | undefined, socketAddress = '10.0.0.5') =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: socketAddress } }) as unknown as IncomingMessage;

describe('the address a sign-in came from', () => {
  it('behind App Service is the one its front end added, without the port', () => {
    expect(clientAddress(request('203.0.113.7:54321'), true)).toBe('203.0.113.7');
    expect(clientAddress(request('[2001:db8::1]:443'), true)).toBe('2001:db8::1');
  });

  it('is not whatever a client typed first in X-Forwarded-For', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.7:54321'), true)).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For when there is no proxy in front', () => {
    expect(clientAddress(request('1.2.3.4'), false)).toBe('10.0.0.5');
    expect(clientAddress(request(undefined), true)).toBe('10.0.0.5');
  });
});
