import { createServer, Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { AddressInfo } from 'node:net';
import { redactingSink } from '../../src/analytics/redactingSink';
import { toTelemetryEvent } from '../../src/analytics/telemetryEvents';
import { createApplicationInsightsSink } from '../../src/bots/applicationInsightsSink';

const at = new Date('2026-12-07T11:00:00Z');
const event = (data: Parameters<typeof toTelemetryEvent>[0]['data']) => ({ conversationId: 'c1', channel: 'directline', at, data });

describe("analytics in botbuilder's telemetry names", () => {
  it.each([
    ['dialogStarted', event({ type: 'dialogStarted', dialog: 'section-20' }), 'WaterfallStart', { DialogId: 'section-20' }],
    ['dialogStep', event({ type: 'dialogStep', dialog: 'section-20', step: 'want-home', stepIndex: 1 }), 'WaterfallStep', { DialogId: 'section-20', StepName: 'want-home' }],
    ['dialogCompleted', event({ type: 'dialogCompleted', dialog: 'section-20' }), 'WaterfallComplete', { DialogId: 'section-20' }],
    ['dialogAbandoned', event({ type: 'dialogAbandoned', dialog: 'section-20', step: 'situation' }), 'WaterfallCancel', { DialogId: 'section-20', StepName: 'situation' }],
    ['answerGiven', event({ type: 'answerGiven', entryId: 'section-20-overview', topic: 'section-20', confidence: 0.7 }), 'AdviceAnswerGiven', { entryId: 'section-20-overview' }],
  ] as const)('%s keeps its botbuilder name', (_type, input, name, properties) => {
    const telemetry = toTelemetryEvent(input);
    expect(telemetry.name).toBe(name);
    expect(telemetry.properties).toMatchObject({ channelId: 'directline', conversationId: 'c1', ...properties });
  });

  it('sends no message text for BotMessageReceived, as with personal information logging off', () => {
    const telemetry = toTelemetryEvent(event({ type: 'messageReceived', text: 'hello', length: 5, duringHandoff: false }));
    expect(telemetry.name).toBe('BotMessageReceived');
    expect(JSON.stringify(telemetry)).not.toContain('hello');
  });
});

describe('Application Insights, when a connection string is set', () => {
  let server: Server;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('applicationinsights') as { dispose(): void }).dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  it('receives the same redacted events, never the personal details', async () => {
    const port = (server.address() as AddressInfo).port;
    const insights = createApplicationInsightsSink(`InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:${port}/`);
    const sink = redactingSink([insights]);
    sink.record(event({ type: 'messageReceived', text: 'my name is Kelly, 07700 900123', length: 30, duringHandoff: false }));
    sink.record(event({ type: 'fallback', text: 'my name is Kelly and I want a mortgage, 07700 900123', outOfScope: true, confidence: 0.1 }));
    await insights.flush();
    const sent = received.join('\n');
    expect(sent).toContain('"name":"BotMessageReceived"');
    expect(sent).toContain('"name":"AdviceFallback"');
    expect(sent).toContain('my name is [NAME] and I want a mortgage, [PHONE]');
    expect(sent).not.toContain('Kelly');
    expect(sent).not.toContain('07700');
  });
});
