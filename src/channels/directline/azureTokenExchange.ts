import { newUserId } from './ids';

export interface AzureToken {
  readonly conversationId: string;
  readonly token: string;
  readonly expiresIn: number;
  readonly userId: string;
}

/**
 * Exchanges the Direct Line secret for a token bound to a server-chosen `dl_` user id (enhanced
 * authentication): the secret stays on the server, and a browser cannot claim another user's id.
 */
export async function exchangeSecretForToken(endpoint: string, secret: string, fetchImpl: typeof fetch = fetch): Promise<AzureToken> {
  const userId = newUserId();
  const response = await fetchImpl(`${endpoint}/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new Error(`Azure Direct Line refused the token request (HTTP ${response.status}). Check DIRECT_LINE_SECRET.`);
  const body = (await response.json()) as { conversationId?: unknown; token?: unknown; expires_in?: unknown };
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new Error('Azure Direct Line answered the token request without a token.');
  }
  return { conversationId: body.conversationId, token: body.token, expiresIn: Number(body.expires_in) || 1800, userId };
}
