import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { JsonTrackedConversationState, JsonTrackedUserState } from './storage/jsonTrackedState';
import { createAdviceBot } from './bots/createAdviceBot';
import type { Reach } from './bots/adviserDelivery';
import type { Handoff } from './handoff/handoffTypes';
import { RetryFilter } from './bots/retryFilter';
import { ReplyOutbox } from './bots/replyOutbox';
import { ConversationHub } from './channels/directline/conversationHub';
import { DirectLineGateway } from './channels/directline/directLineGateway';
import { registerConnectorRoutes, registerDirectLineRoutes, DIRECT_LINE_BASE_PATH } from './channels/directline/directLineRoutes';
import { DirectLineStream } from './channels/directline/directLineStream';
import { resolveSigningKey } from './channels/directline/signingKey';
import { createTokenService } from './channels/directline/tokens';
import { Config, isLocalMode } from './config';
import { loadKnowledgeBase } from './knowledge/knowledgeBase';
import { describeError, Logger } from './logger';
import { createBotAdapter } from './server/botAdapter';
import { createBotServer } from './server/createBotServer';
import { registerStaticFiles } from './server/staticFiles';
import { registerWebChatTokenRoute } from './server/webChatTokenRoute';
import { registerWidgetConfigRoute } from './server/widgetConfigRoute';
import { openSqliteDatabase } from './storage/sqliteDatabase';
import { openBotState } from './storage/openBotState';
import { turnLockMiddleware } from './storage/conversationTurnLock';
import { openConsoleAccess } from './accounts/consoleAccess';
import { loadCannedReplies } from './handoff/cannedReplies';
import { HandoffDesk } from './handoff/handoffDesk';
import { openHandoffStores } from './handoff/handoffStores';
import { PostgresDeskBroadcast } from './handoff/postgresDeskBroadcast';
import { openAnalyticsStores } from './analytics/analyticsStores';
import { conversationEraser } from './storage/eraseConversation';
import { redactingSink } from './analytics/redactingSink';
import { loadVocabulary } from './analytics/vocabulary';
import { createApplicationInsightsSink } from './bots/applicationInsightsSink';
import { openDuringHour } from './handoff/openDuringHour';
import { registerStaffRoutes } from './server/staffRoutes';
import { registerSecurityHeaders } from './server/securityHeaders';
import { RateLimiter } from './server/rateLimiter';
import { createOpeningHours } from './handoff/openingHours';
import { registerAdviserRoutes } from './server/adviserRoutes';
import { registerConsoleAuthRoutes } from './server/consoleAuth';
import { registerAdminRoutes } from './server/adminRoutes';
import { registerEntraSignInRoutes } from './server/entraSignIn';

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Idle conversations leave the gateway's memory after an hour; nothing of them is on disk. */
const GATEWAY_IDLE_MS = 60 * 60 * 1000;
/** How often the queue is checked for quiet people and absent advisers. */
const QUEUE_SWEEP_MS = 15 * 1000;
/** How often old analytics events are deleted. */
const RETENTION_SWEEP_MS = 60 * 60 * 1000;
/** How long people stay queued after the last adviser's console disconnects (a page reload is not leaving). */
const NO_ADVISER_GRACE_MINUTES = 2;

/**
 * Builds storage, state, bot, adapter, gateway and server from a config, and starts listening.
 * `index.ts` calls it for real; tests call it with their own config, on port 0.
 */
/** Replacements tests may make for what the real world decides (is the helpline open right now?). */
export interface BotSeams {
  readonly isHelplineOpen?: (at: Date) => boolean;
}

export async function startBot(config: Config, log: Logger, rootDir: string = resolve(__dirname, '..'), seams: BotSeams = {}): Promise<RunningBot> {
  const database = openSqliteDatabase(config.sqlitePath);
  const botState = await openBotState(config, database, log);
  const storage = botState.storage;
  const conversationState = new JsonTrackedConversationState(storage);
  const userState = new JsonTrackedUserState(storage);

  const retryFilter = new RetryFilter(conversationState.createProperty<string[]>('handledActivityIds'), new ReplyOutbox(conversationState));
  // The lock comes first: it must cover the retry filter's read and the bot's save of the same state.
  const adapter = createBotAdapter(config, log, [turnLockMiddleware(botState.turnLock), retryFilter]);
  const knowledge = loadKnowledgeBase(rootDir);
  loadVocabulary();
  const cannedReplies = loadCannedReplies(resolve(rootDir, config.cannedRepliesPath));
  const hours = createOpeningHours(config.openingHours);
  const isHelplineOpen = seams.isHelplineOpen ?? ((at: Date) => hours.isOpen(at));
  const handoffStores = openHandoffStores(database, botState.pool);
  const desk = new HandoffDesk(
    handoffStores.handoffs,
    {
      maxQueue: config.handoffMaxQueue,
      chatsPerAdviser: config.handoffChatsPerAdviser,
      idleAskMinutes: config.handoffIdleAskMinutes,
      idleReleaseMinutes: config.handoffIdleReleaseMinutes,
      noAdviserGraceMinutes: NO_ADVISER_GRACE_MINUTES,
    },
    isHelplineOpen,
  );
  // Several instances on one database: each tells the others what changed on the desk.
  const deskBroadcast = botState.pool ? await PostgresDeskBroadcast.open(botState.pool, log) : undefined;
  if (deskBroadcast) desk.shareWith(deskBroadcast);
  const callbacks = handoffStores.callbacks;
  const { events, suggestions } = openAnalyticsStores(database, botState.pool, log);
  const { accounts, sessions, throttle: loginThrottle } = openConsoleAccess(database, botState.pool);
  const bot = createAdviceBot(conversationState, userState, knowledge, {
    botDisplayName: config.botDisplayName,
    maxMessageLength: config.maxMessageLength,
    handoff: {
      desk,
      callbacks,
      nextOpening: (at) => hours.nextOpening(at),
      sendHandoffEvent: config.handoffEvent,
      send: (reference, logic) => adapter.continueConversationAsync(config.microsoftAppId, reference, logic),
      reach: deskBroadcast ? (handoff) => reachFrom(handoff, hub) : undefined,
      log,
    },
    analytics: redactingSink(
      config.applicationInsightsConnectionString ? [events, createApplicationInsightsSink(config.applicationInsightsConnectionString)] : [events],
    ),
  });

  let localOrigin = '';
  const signingKey = resolveSigningKey(config.directLineTokenSecret, config.sqlitePath);
  const connectorKey = createHmac('sha256', signingKey).update('connector').digest('base64url').slice(0, 32);
  const hub = new ConversationHub({ maxActivitiesPerConversation: 500, idleMilliseconds: GATEWAY_IDLE_MS });
  const gateway = new DirectLineGateway({
    tokens: createTokenService(signingKey, config.directLineTokenTtlSeconds),
    hub,
    bot: { id: 'family-advice-bot', name: config.botDisplayName, role: 'bot' },
    botEndpoint: () => `${localOrigin}/api/messages`,
    serviceUrl: () => `${localOrigin}${DIRECT_LINE_BASE_PATH}/connector/${connectorKey}`,
    log,
  });
  // The built-in gateway talks to the bot unauthenticated, so it only exists in local mode.
  const builtInGateway = isLocalMode(config) && !config.directLineSecret;
  const stream = builtInGateway ? new DirectLineStream(gateway) : undefined;
  if (!isLocalMode(config) && !config.directLineSecret) {
    log.warn('web_chat_unavailable', { reason: 'MicrosoftAppId is set but DIRECT_LINE_SECRET is empty: the web page cannot connect. Teams and other Azure channels still work.' });
  }

  // Only a public production server needs a limit on new chats; tests and benchmarks open many.
  const tokenLimits = config.nodeEnv === 'production' ? { limiter: new RateLimiter(30, 10 * 60 * 1000), behindProxy: true } : {};
  const botServer = createBotServer({
    adapter,
    bot,
    log,
    localMode: isLocalMode(config),
    checkStorage: () => storage.ping(),
    stream,
    addRoutes: (server) => {
      registerSecurityHeaders(server, { directLineEndpoint: config.directLineSecret ? config.directLineEndpoint : undefined });
      registerStaticFiles(server, rootDir);
      // Production runs behind App Service's front ends, which add X-Forwarded-For.
      const production = config.nodeEnv === 'production';
      registerConsoleAuthRoutes(server, { accounts, sessions, throttle: loginThrottle, secureCookies: production, behindProxy: production, microsoftSignIn: config.entraSignIn !== undefined, log });
      if (config.entraSignIn) registerEntraSignInRoutes(server, { settings: config.entraSignIn, accounts, sessions, secureCookies: production, log });
      registerAdminRoutes(server, { accounts, sessions, log });
      registerAdviserRoutes(server, { desk, callbacks, sessions, cannedReplies, isOpen: () => isHelplineOpen(new Date()), log });
      registerStaffRoutes(server, {
        eraseConversation: conversationEraser(database, botState.pool),
        events,
        suggestions,
        knowledge,
        sessions,
        openAtHour: openDuringHour(config.openingHours),
        log,
      });
      registerWidgetConfigRoute(server, config);
      if (builtInGateway) {
        registerDirectLineRoutes(server, gateway);
        registerConnectorRoutes(server, gateway, connectorKey);
        registerWebChatTokenRoute(server, { gateway, log, ...tokenLimits });
      } else {
        registerWebChatTokenRoute(server, {
          gateway,
          log,
          ...tokenLimits,
          azure: config.directLineSecret ? { endpoint: config.directLineEndpoint, secret: config.directLineSecret } : undefined,
        });
      }
    },
  });

  const address = await botServer.listen(config.port, config.host);
  const loopbackHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  localOrigin = `http://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${address.port}`;
  const pruner = setInterval(() => hub.prune(), 60000);
  pruner.unref();
  const sweeper = setInterval(() => {
    void desk.sweep();
    // Adviser messages a channel refused earlier are tried again, in order, once each.
    void bot.handoff.delivery.redeliver();
  }, QUEUE_SWEEP_MS);
  sweeper.unref();
  bot.handoff.delivery.start();
  const forgetOldEvents = async () => {
    try {
      const deleted = await events.deleteOlderThan(config.analyticsRetentionDays, new Date());
      if (deleted > 0) log.info('analytics_retention', { deleted, days: config.analyticsRetentionDays });
    } catch (error) {
      // A database that is briefly away: the next sweep, an hour on, tries again.
      log.error('analytics_retention_failed', describeError(error));
    }
  };
  await forgetOldEvents();
  const retention = setInterval(() => void forgetOldEvents(), RETENTION_SWEEP_MS);
  retention.unref();

  return {
    url: localOrigin,
    port: address.port,
    close: async () => {
      clearInterval(pruner);
      clearInterval(sweeper);
      clearInterval(retention);
      bot.handoff.delivery.stop();
      desk.leave();
      await botServer.close();
      await deskBroadcast?.close();
      // Analytics events not yet written to PostgreSQL go now, while the pool is still open.
      await events.flush();
      await botState.close();
      database.close();
    },
  };
}

/**
 * With several instances: a person on the built-in Direct Line gateway can only be reached by the
 * instance holding their conversation (its transcript is in memory there); Azure channels by any.
 */
function reachFrom(handoff: Handoff, hub: ConversationHub): ReturnType<Reach> {
  const serviceUrl = (handoff.conversationRef as { serviceUrl?: unknown } | null)?.serviceUrl;
  const onBuiltInGateway = typeof serviceUrl === 'string' && serviceUrl.includes(`${DIRECT_LINE_BASE_PATH}/connector/`);
  if (!onBuiltInGateway) return 'anywhere';
  return hub.has(handoff.conversationId) ? 'here' : 'elsewhere';
}
