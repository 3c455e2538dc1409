import type { Logger } from '../logger';

/**
 * What restify gets as its logger. restify's own messages can carry whole requests and responses
 * (an async handler's returned value is logged with the request body in it, and that body may hold
 * a password), so only the message text is kept, at warn level and above, in the bot's log.
 */
export function frameworkLog(log: Logger) {
  const quiet = () => undefined;
  const keepMessage = (fieldsOrMessage: unknown, message?: unknown) => {
    const text = typeof message === 'string' ? message : typeof fieldsOrMessage === 'string' ? fieldsOrMessage : 'restify warning';
    log.warn('http_framework_warning', { message: text.slice(0, 200) });
  };
  const adapter = {
    level: 'warn',
    trace: quiet,
    debug: quiet,
    info: quiet,
    warn: keepMessage,
    error: keepMessage,
    fatal: keepMessage,
    child: () => adapter,
  };
  return adapter;
}
