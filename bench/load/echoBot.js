'use strict';
// The comparison point for throughput: a bot that answers every message with one echo, on the same
// stack as the advice bot (restify server from createBotServer, CloudAdapter from createBotAdapter,
// the built-in Direct Line gateway, its WebSocket stream and connector routes), with no state, no
// storage and no dialogs. Built from the compiled dist/ exports; run as its own process.
const { randomBytes } = require('node:crypto');
const { ActivityHandler, MessageFactory } = require('botbuilder');

const dist = (path) => require(`../../dist/${path}`);
const { loadConfig } = dist('config');
const { createLogger } = dist('logger');
const { createBotAdapter } = dist('server/botAdapter');
const { createBotServer } = dist('server/createBotServer');
const { registerWebChatTokenRoute } = dist('server/webChatTokenRoute');
const { ConversationHub } = dist('channels/directline/conversationHub');
const { DirectLineGateway } = dist('channels/directline/directLineGateway');
const { DirectLineStream } = dist('channels/directline/directLineStream');
const { registerConnectorRoutes, registerDirectLineRoutes, DIRECT_LINE_BASE_PATH } = dist('channels/directline/directLineRoutes');
const { createTokenService } = dist('channels/directline/tokens');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`You said: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

async function main() {
  // Only PORT and HOST matter here; everything else keeps its default (local mode, no app id).
  const config = loadConfig({ PORT: process.env.PORT ?? '0', HOST: process.env.HOST ?? '127.0.0.1' });
  const log = createLogger();
  const adapter = createBotAdapter(config, log, []);
  const connectorKey = randomBytes(24).toString('base64url');
  let origin = '';
  // The same hub settings as the advice bot (botApp.ts), so memory per conversation compares.
  const hub = new ConversationHub({ maxActivitiesPerConversation: 500, idleMilliseconds: 60 * 60 * 1000 });
  const gateway = new DirectLineGateway({
    tokens: createTokenService(randomBytes(32).toString('hex'), config.directLineTokenTtlSeconds),
    hub,
    bot: { id: 'echo-bot', name: 'Echo', role: 'bot' },
    botEndpoint: () => `${origin}/api/messages`,
    serviceUrl: () => `${origin}${DIRECT_LINE_BASE_PATH}/connector/${connectorKey}`,
    log,
  });
  const stream = new DirectLineStream(gateway);
  const server = createBotServer({
    adapter,
    bot: new EchoBot(),
    log,
    localMode: true,
    checkStorage: async () => undefined,
    stream,
    addRoutes: (restifyServer) => {
      registerDirectLineRoutes(restifyServer, gateway);
      registerConnectorRoutes(restifyServer, gateway, connectorKey);
      registerWebChatTokenRoute(restifyServer, { gateway, log });
    },
  });
  const address = await server.listen(config.port, config.host);
  origin = `http://127.0.0.1:${address.port}`;
  const pruner = setInterval(() => hub.prune(), 60000);
  pruner.unref();
  process.stdout.write(`echo bot listening on ${origin}\n`);

  const stop = () => {
    clearInterval(pruner);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`echo bot failed to start: ${error.stack ?? error}\n`);
  process.exit(1);
});
