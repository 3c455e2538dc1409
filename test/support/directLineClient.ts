/**
 * botframework-directlinejs exactly as Web Chat uses it, in Node: its browser transports come from
 * xhr2 (XMLHttpRequest) and ws (WebSocket), installed as globals before the library loads.
 */
import WebSocket from 'ws';

const globals = globalThis as unknown as Record<string, unknown>;
globals.XMLHttpRequest ??= require('xhr2');
globals.WebSocket ??= WebSocket;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

export interface WebChatSession {
  token: string;
  conversationId: string;
  userId: string;
  domain: string;
}

export async function requestToken(baseUrl: string): Promise<WebChatSession> {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  return (await response.json()) as WebChatSession;
}

interface SeenActivity {
  id?: string;
  type: string;
  text?: string;
  from: { id: string };
}

/** A connected client that records everything it receives. */
export function connect(session: WebChatSession, mode: 'websocket' | 'polling') {
  const directLine = new DirectLine({
    token: session.token,
    domain: session.domain,
    webSocket: mode === 'websocket',
    pollingInterval: 200,
  });
  const seen: SeenActivity[] = [];
  const subscription = directLine.activity$.subscribe((activity) => seen.push(activity as SeenActivity));

  const waitFor = async (predicate: (a: SeenActivity) => boolean, timeoutMs = 8000): Promise<SeenActivity> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = seen.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no matching activity within ${timeoutMs} ms; saw: ${seen.map((a) => a.text ?? a.type).join(' | ')}`);
  };

  const send = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      directLine
        .postActivity({ type: 'message', from: { id: session.userId }, text } as never)
        .subscribe({ next: (id: string) => (id === 'retry' ? reject(new Error('send failed')) : resolve(id)), error: reject });
    });

  return {
    directLine,
    seen,
    waitFor,
    send,
    fromBot: () => seen.filter((a) => a.from.id !== session.userId),
    close: () => {
      subscription.unsubscribe();
      directLine.end();
    },
  };
}
