/**
 * Checks the Azure deployment templates in deploymentTemplates/ without Azure: the JSON is an ARM
 * template and parameter files, every expression parses, names line up (parameters, variables,
 * resource types, API versions), the web app gets exactly the bot's own setting names (read from
 * .env.example, so new settings need no change here), and the production essentials are in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const TEMPLATE_DIR = join(ROOT, 'deploymentTemplates');
const TEMPLATE_FILE = 'azuredeploy.json';
const PARAMETER_FILES = ['parameters.singletenant.json', 'parameters.msi.json'];

const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** App settings that are for App Service's build and runtime, not the bot's config.ts. */
const PLATFORM_SETTINGS = new Set([
  'SCM_DO_BUILD_DURING_DEPLOYMENT', // run the Oryx build after a zip deploy
  'ENABLE_ORYX_BUILD', // use Oryx (not the legacy Kudu build) for that
  'CUSTOM_BUILD_COMMAND', // what Oryx runs instead of its default npm install + npm run build
  'NODE_ENV',
]);
const PLATFORM_PREFIXES = ['WEBSITE_'];

/** Without these the bot refuses to start in production, or starts without Bot Framework auth. */
const REQUIRED_SETTINGS = ['NODE_ENV', 'MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppTenantId', 'DIRECTLINE_TOKEN_SECRET'];

// ---------------------------------------------------------------------------------------------
// Files

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  type: string;
  defaultValue?: Json;
  allowedValues?: Json[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

interface Resource {
  type: string;
  apiVersion: string;
  name: string;
  condition?: string;
  location?: string;
  kind?: string;
  dependsOn?: string[];
  properties?: JsonObject;
  [key: string]: Json | undefined;
}

interface Template {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, Parameter>;
  variables: Record<string, Json>;
  resources: Resource[];
  outputs: Record<string, { type: string; value: Json }>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(TEMPLATE_DIR, file), 'utf8')) as T;
}

const template = readJson<Template>(TEMPLATE_FILE);

/** Every NAME= line of .env.example, commented out or not: the bot's configuration names. */
function botSettingNames(): Set<string> {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  const names = [...text.matchAll(/^[ \t]*#?[ \t]*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
  return new Set(names);
}

function resourcesOfType(type: string): Resource[] {
  return template.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
}

function onlyResource(type: string): Resource {
  const found = resourcesOfType(type);
  expect(found).toHaveLength(1);
  return found[0];
}

function appSettingsResource(): Resource {
  const found = resourcesOfType('Microsoft.Web/sites/config').filter((r) => r.name.includes("'appsettings'"));
  expect(found).toHaveLength(1);
  return found[0];
}

/** Names the web app gets as app settings, from the config resource and from siteConfig.appSettings if any. */
function appSettings(): Record<string, Json> {
  const settings: Record<string, Json> = { ...(appSettingsResource().properties ?? {}) };
  for (const site of resourcesOfType('Microsoft.Web/sites')) {
    const inline = ((site.properties?.siteConfig as JsonObject | undefined)?.appSettings ?? []) as JsonObject[];
    for (const entry of inline) settings[String(entry.name)] = entry.value;
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// ARM expressions: "[fn('literal', other(...)).property[0]]"

type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'property'; target: Expr; name: string }
  | { kind: 'index'; target: Expr; index: Expr };
type Call = Extract<Expr, { kind: 'call' }>;

/** A string is an expression when it is wrapped in [ ]; "[[" starts an escaped literal. */
function isExpression(text: string): boolean {
  return text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

/** ( ) and [ ] pair up outside the single-quoted literals ('' is an escaped quote). */
function bracketsBalanced(text: string): boolean {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === "'" && text[i + 1] === "'") i += 1;
      else if (ch === "'") inString = false;
    } else if (ch === "'") inString = true;
    else if (ch === '(' || ch === '[') open.push(ch);
    else if (ch === ')' || ch === ']') {
      if (open.pop() !== (ch === ')' ? '(' : '[')) return false;
    }
  }
  return !inString && open.length === 0;
}

/** Parses the inside of "[...]"; throws on anything ARM would not accept. */
function parseExpression(source: string): Expr {
  const text = source.slice(1, -1);
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${pos} of ${source}`);
  };
  const skipSpace = () => {
    while (/\s/.test(text[pos] ?? '')) pos += 1;
  };
  const identifier = (): string => {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!match) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };
  const take = (ch: string) => {
    skipSpace();
    if (text[pos] !== ch) fail(`expected "${ch}"`);
    pos += 1;
  };

  const literal = (): Expr => {
    let value = '';
    pos += 1;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      if (text[pos] === "'" && text[pos + 1] === "'") {
        value += "'";
        pos += 2;
      } else if (text[pos] === "'") {
        pos += 1;
        return { kind: 'string', value };
      } else {
        value += text[pos];
        pos += 1;
      }
    }
  };

  const primary = (): Expr => {
    skipSpace();
    if (text[pos] === "'") return literal();
    const number = /^-?\d+/.exec(text.slice(pos));
    if (number) {
      pos += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    const name = identifier();
    take('(');
    const args: Expr[] = [];
    skipSpace();
    if (text[pos] === ')') pos += 1;
    else {
      for (;;) {
        args.push(expression());
        skipSpace();
        if (text[pos] !== ',') break;
        pos += 1;
      }
      take(')');
    }
    return { kind: 'call', name, args };
  };

  const expression = (): Expr => {
    let node = primary();
    for (;;) {
      skipSpace();
      if (text[pos] === '.') {
        pos += 1;
        node = { kind: 'property', target: node, name: identifier() };
      } else if (text[pos] === '[') {
        pos += 1;
        const index = expression();
        take(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };

  const root = expression();
  skipSpace();
  if (pos !== text.length) fail('unexpected text');
  return root;
}

/** Every call in an expression, each with the calls it sits inside (outermost first). */
function* callsIn(node: Expr, outer: Call[] = []): Generator<{ call: Call; outer: Call[] }> {
  if (node.kind === 'call') {
    yield { call: node, outer };
    for (const arg of node.args) yield* callsIn(arg, [...outer, node]);
  } else if (node.kind === 'property') yield* callsIn(node.target, outer);
  else if (node.kind === 'index') {
    yield* callsIn(node.target, outer);
    yield* callsIn(node.index, outer);
  }
}

function literalArg(call: Call, index: number): string | undefined {
  const arg = call.args[index];
  return arg?.kind === 'string' ? arg.value : undefined;
}

/** Every string in a JSON value, object keys included, with where it is. */
function* stringsIn(value: Json | undefined, path: string): Generator<{ path: string; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield { path: `${path} (key)`, text: key };
      yield* stringsIn(item, `${path}.${key}`);
    }
  }
}

function templateExpressions(): { path: string; text: string; tree: Expr }[] {
  return [...stringsIn(template as unknown as Json, '$')]
    .filter((s) => isExpression(s.text))
    .map((s) => ({ ...s, tree: parseExpression(s.text) }));
}

function templateCalls(): { call: Call; outer: Call[]; path: string }[] {
  return templateExpressions().flatMap((e) => [...callsIn(e.tree)].map((c) => ({ ...c, path: e.path })));
}

/** Names passed to parameters('…') or variables('…') anywhere in the template. */
function namesReferencedBy(functionName: 'parameters' | 'variables', within: Json | undefined = template as unknown as Json): Set<string> {
  const names = new Set<string>();
  for (const s of stringsIn(within, '$')) {
    if (!isExpression(s.text)) continue;
    for (const { call } of callsIn(parseExpression(s.text))) {
      const name = literalArg(call, 0);
      if (call.name.toLowerCase() === functionName && name !== undefined) names.add(name);
    }
  }
  return names;
}

/** An expression's text with variables('x') replaced by x's own expression, so conditions can be traced to parameters. */
function expandVariables(text: string, depth = 0): string {
  if (depth > 10) throw new Error(`variables nest too deeply in ${text}`);
  return text.replace(/variables\('([^']+)'\)/g, (_, name: string) => {
    const value = template.variables[name];
    const inner = typeof value === 'string' && isExpression(value) ? value.slice(1, -1) : JSON.stringify(value);
    return `(${expandVariables(inner, depth + 1)})`;
  });
}

/** The value a simple "[parameters('x')]" or "[variables('x')]" stands for when nothing is overridden. */
function defaultOf(value: Json | undefined): Json | undefined {
  if (typeof value !== 'string' || !isExpression(value)) return value;
  const tree = parseExpression(value);
  if (tree.kind !== 'call' || tree.args.length !== 1) return undefined;
  const name = literalArg(tree, 0) ?? '';
  if (tree.name === 'parameters') return template.parameters[name]?.defaultValue;
  if (tree.name === 'variables') return defaultOf(template.variables[name]);
  return undefined;
}

/** Every ARM template function (lower case); list* functions are checked by prefix. */
const ARM_FUNCTIONS = new Set(
  `add and array base64 base64ToJson base64ToString bool cidrHost cidrSubnet coalesce concat contains copyIndex createArray
  createObject dataUri dataUriToString dateTimeAdd dateTimeFromEpoch dateTimeToEpoch deployer deployment div empty endsWith
  environment equals extensionResourceId false filter first flatten float format greater greaterOrEquals groupBy guid if
  indexFromEnd indexOf int intersection items join json lambda lambdaVariables last lastIndexOf length less lessOrEquals
  managementGroup managementGroupResourceId map mapValues max min mod mul newGuid not null objectKeys or padLeft parameters
  parseCidr pickZones providers range reduce reference references replace resourceGroup resourceId shallowMerge skip sort split
  startsWith string sub subscription subscriptionResourceId substring take tenant tenantResourceId toLogicalZone toLower
  toObject toPhysicalZone toUpper trim true tryGet tryIndexFromEnd union uniqueString uri uriComponent uriComponentToString
  utcNow variables`
    .split(/\s+/)
    .map((f) => f.toLowerCase()),
);

function isKnownFunction(name: string): boolean {
  return ARM_FUNCTIONS.has(name.toLowerCase()) || /^list[A-Z]?/.test(name);
}

// ---------------------------------------------------------------------------------------------
// Parameter values

function typeProblem(parameter: Parameter, value: Json): string | undefined {
  const type = parameter.type.toLowerCase();
  const ok =
    ((type === 'string' || type === 'securestring') && typeof value === 'string') ||
    (type === 'int' && Number.isInteger(value)) ||
    (type === 'bool' && typeof value === 'boolean') ||
    (type === 'array' && Array.isArray(value)) ||
    ((type === 'object' || type === 'secureobject') && value !== null && typeof value === 'object' && !Array.isArray(value));
  return ok ? undefined : `is not a ${parameter.type}`;
}

function limitProblem(parameter: Parameter, value: Json): string | undefined {
  if (parameter.allowedValues && !parameter.allowedValues.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    return `is not one of ${JSON.stringify(parameter.allowedValues)}`;
  }
  if (typeof value === 'string' || Array.isArray(value)) {
    if (parameter.minLength !== undefined && value.length < parameter.minLength) return `is shorter than ${parameter.minLength}`;
    if (parameter.maxLength !== undefined && value.length > parameter.maxLength) return `is longer than ${parameter.maxLength}`;
  }
  if (typeof value === 'number') {
    if (parameter.minValue !== undefined && value < parameter.minValue) return `is below ${parameter.minValue}`;
    if (parameter.maxValue !== undefined && value > parameter.maxValue) return `is above ${parameter.maxValue}`;
  }
  return undefined;
}

function isSecure(parameter: Parameter): boolean {
  return parameter.type.toLowerCase().startsWith('secure');
}

function isKeyVaultReference(entry: JsonObject): boolean {
  const reference = entry.reference as JsonObject | undefined;
  return Boolean(reference && typeof reference.secretName === 'string' && (reference.keyVault as JsonObject | undefined)?.id);
}

// ---------------------------------------------------------------------------------------------

describe('deployment template: well-formed ARM', () => {
  it('has the deployment template schema and a content version', () => {
    expect(template.$schema).toBe(TEMPLATE_SCHEMA);
    expect(template.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('balances the brackets of every expression and parses each one', () => {
    const expressions = [...stringsIn(template as unknown as Json, '$')].filter((s) => isExpression(s.text));
    expect(expressions.length).toBeGreaterThan(50);
    for (const { path, text } of expressions) {
      expect({ path, balanced: bracketsBalanced(text) }).toEqual({ path, balanced: true });
      expect(() => parseExpression(text)).not.toThrow();
    }
  });

  it('calls only functions ARM has', () => {
    const unknown = templateCalls()
      .filter(({ call }) => !isKnownFunction(call.name))
      .map(({ call, path }) => `${call.name} at ${path}`);
    expect(unknown).toEqual([]);
  });

  it('uses every declared parameter, and declares every parameter it uses', () => {
    const declared = Object.keys(template.parameters);
    const used = namesReferencedBy('parameters');
    expect(declared.filter((name) => !used.has(name))).toEqual([]);
    expect([...used].filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('declares every variable it uses and uses every variable it declares', () => {
    const declared = Object.keys(template.variables);
    const used = namesReferencedBy('variables');
    expect([...used].filter((name) => !declared.includes(name))).toEqual([]);
    expect(declared.filter((name) => !used.has(name))).toEqual([]);
  });

  it('gives every resource a type, a dated API version and a name', () => {
    for (const resource of template.resources) {
      expect(resource.type).toMatch(/^[A-Za-z]+\.[A-Za-z]+\/[A-Za-z/]+$/);
      expect(resource.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
      expect(typeof resource.name).toBe('string');
    }
  });

  it('points every resourceId() at a type this template deploys, with one name per type segment', () => {
    const declaredTypes = new Set(template.resources.map((r) => r.type.toLowerCase()));
    const calls = templateCalls().filter(({ call }) => call.name === 'resourceId');
    expect(calls.length).toBeGreaterThan(10);
    for (const { call, path } of calls) {
      const type = literalArg(call, 0) ?? '';
      expect({ path, type, declared: declaredTypes.has(type.toLowerCase()) }).toEqual({ path, type, declared: true });
      expect({ path, names: call.args.length - 1 }).toEqual({ path, names: type.split('/').length - 1 });
    }
  });

  it('reads each resource with the API version it is deployed with', () => {
    const versions = new Map(template.resources.map((r) => [r.type.toLowerCase(), r.apiVersion]));
    const reads = templateCalls().filter(({ call }) => call.name === 'reference' || call.name.startsWith('list'));
    for (const { call, path } of reads) {
      const target = call.args[0];
      if (target?.kind !== 'call' || target.name !== 'resourceId') continue;
      const type = (literalArg(target, 0) ?? '').toLowerCase();
      expect({ path, apiVersion: literalArg(call, 1) }).toEqual({ path, apiVersion: versions.get(type) });
    }
  });

  it('reads a conditional resource only inside an if() on the same condition', () => {
    const conditional = template.resources.filter((r) => r.condition !== undefined);
    const reads = templateCalls().filter(({ call }) => call.name === 'reference' || call.name.startsWith('list'));
    for (const resource of conditional) {
      const condition = expandVariables(expressionSource(parseExpression(String(resource.condition))));
      for (const { call, outer, path } of reads) {
        const target = call.args[0];
        if (target?.kind !== 'call' || target.name !== 'resourceId' || literalArg(target, 0) !== resource.type) continue;
        const guarded = outer.some((o) => o.name === 'if' && guardMatches(o, condition));
        expect({ path, guarded }).toEqual({ path, guarded: true });
      }
    }
  });

  it('only depends on resources it declares', () => {
    const declaredTypes = new Set(template.resources.map((r) => r.type.toLowerCase()));
    for (const resource of template.resources) {
      for (const dependency of resource.dependsOn ?? []) {
        const tree = parseExpression(dependency);
        expect(tree.kind === 'call' && tree.name === 'resourceId').toBe(true);
        expect(declaredTypes.has((literalArg(tree as Call, 0) ?? '').toLowerCase())).toBe(true);
      }
    }
  });
});

/** True when an if()'s condition is the resource's condition (compared after expanding variables). */
function guardMatches(ifCall: Call, condition: string): boolean {
  const source = expressionSource(ifCall.args[0]);
  return expandVariables(source) === condition;
}

/** Turns a parsed expression back into ARM text, for comparing conditions. */
function expressionSource(node: Expr): string {
  switch (node.kind) {
    case 'string':
      return `'${node.value.replace(/'/g, "''")}'`;
    case 'number':
      return String(node.value);
    case 'call':
      return `${node.name}(${node.args.map(expressionSource).join(', ')})`;
    case 'property':
      return `${expressionSource(node.target)}.${node.name}`;
    case 'index':
      return `${expressionSource(node.target)}[${expressionSource(node.index)}]`;
  }
}

describe('deployment template: parameters', () => {
  it('defaults to UK South', () => {
    expect(template.parameters.location.defaultValue).toBe('uksouth');
  });

  it('keeps every secret without a default value', () => {
    const secure = Object.entries(template.parameters).filter(([, p]) => isSecure(p));
    expect(secure.map(([name]) => name)).toEqual(
      expect.arrayContaining(['microsoftAppPassword', 'directLineTokenSecret', 'postgresAdminPassword', 'entraClientSecret']),
    );
    for (const [name, parameter] of secure) expect({ name, hasDefault: 'defaultValue' in parameter }).toEqual({ name, hasDefault: false });
  });

  it('gives defaults that satisfy their own limits', () => {
    for (const [name, parameter] of Object.entries(template.parameters)) {
      const value = parameter.defaultValue;
      if (value === undefined || (typeof value === 'string' && isExpression(value))) continue;
      expect({ name, problem: typeProblem(parameter, value) ?? limitProblem(parameter, value) }).toEqual({ name, problem: undefined });
    }
  });

  it('offers exactly the two bot identities that need no multi-tenant app', () => {
    expect(template.parameters.botAppType.allowedValues).toEqual(['SingleTenant', 'UserAssignedMSI']);
  });

  it('never puts a secret in an output', () => {
    const secureNames = Object.entries(template.parameters)
      .filter(([, p]) => isSecure(p))
      .map(([name]) => name);
    for (const [name, output] of Object.entries(template.outputs)) {
      const expanded = expandVariables(String(output.value));
      for (const secret of secureNames) expect({ name, leaks: expanded.includes(`'${secret}'`) }).toEqual({ name, leaks: false });
      expect({ name, usesList: /\blist[A-Z]/.test(expanded) }).toEqual({ name, usesList: false });
    }
  });
});

describe('deployment template: web app', () => {
  const site = () => onlyResource('Microsoft.Web/sites');
  const siteConfig = () => site().properties?.siteConfig as JsonObject;

  it('is a Linux app on a Linux plan, Node 22 LTS by default', () => {
    expect(site().kind).toBe('app,linux');
    expect(onlyResource('Microsoft.Web/serverfarms').properties?.reserved).toBe(true);
    expect(defaultOf(siteConfig().linuxFxVersion)).toBe('NODE|22-lts');
    expect(template.parameters.appServicePlanSku.defaultValue).toBe('B1');
  });

  it('answers only over HTTPS with TLS 1.2 or later, no FTP and no affinity cookie', () => {
    expect(site().properties?.httpsOnly).toBe(true);
    expect(site().properties?.clientAffinityEnabled).toBe(false);
    expect(siteConfig().minTlsVersion).toBe('1.2');
    expect(siteConfig().ftpsState).toBe('Disabled');
  });

  it('keeps Always On except on the free plan, which cannot have it', () => {
    const alwaysOn = expandVariables(String(siteConfig().alwaysOn));
    expect(alwaysOn).toContain("parameters('appServicePlanSku')");
    expect(alwaysOn).toContain("'F1'");
  });

  it('health-checks a route the server really has', () => {
    const path = defaultOf(siteConfig().healthCheckPath);
    const server = readFileSync(join(ROOT, 'src', 'server', 'createBotServer.ts'), 'utf8');
    expect(typeof path).toBe('string');
    expect(server).toContain(`server.get('${String(path)}'`);
  });

  it("starts with package.json's start command, and builds once at deployment with dev dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(defaultOf(siteConfig().appCommandLine)).toBe(pkg.scripts.start);
    const settings = appSettings();
    expect(settings.SCM_DO_BUILD_DURING_DEPLOYMENT).toBe('true');
    const build = String(defaultOf(settings.CUSTOM_BUILD_COMMAND));
    expect(pkg.scripts.build).toBeDefined();
    expect(build).toContain('npm run build');
    // NODE_ENV=production is set for the build too, and npm then skips devDependencies (typescript, sass).
    expect(build).toMatch(/--include=dev/);
  });

  it('gets the user-assigned identity when the bot uses one', () => {
    const identity = expandVariables(String(site().identity));
    expect(identity).toContain("'UserAssigned'");
    expect(identity).toContain("parameters('botAppType')");
  });
});

describe('deployment template: app settings', () => {
  it('uses only the bot configuration names in .env.example, plus App Service build names', () => {
    const known = botSettingNames();
    expect(known.has('MicrosoftAppId')).toBe(true);
    const unknown = Object.keys(appSettings()).filter(
      (name) => !known.has(name) && !PLATFORM_SETTINGS.has(name) && !PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix)),
    );
    expect(unknown).toEqual([]);
  });

  it('always sets what production needs to start with Bot Framework auth', () => {
    const settings = appSettings();
    for (const name of REQUIRED_SETTINGS) expect({ name, set: name in settings }).toEqual({ name, set: true });
    expect(settings.NODE_ENV).toBe('production');
    expect(settings.MicrosoftAppType).toBe("[parameters('botAppType')]");
    expect(settings.DIRECTLINE_TOKEN_SECRET).toBe("[parameters('directLineTokenSecret')]");
  });

  it('gives every setting a string value', () => {
    for (const [name, value] of Object.entries(appSettings())) expect({ name, type: typeof value }).toEqual({ name, type: 'string' });
  });

  it('keeps SQLite on the persistent /home share', () => {
    expect(String(defaultOf(appSettings().SQLITE_PATH))).toMatch(/^\/home\/.+\.sqlite$/);
  });

  it('uses the identity client id as MicrosoftAppId for a managed identity, and the given app id otherwise', () => {
    const appId = String(appSettings().MicrosoftAppId);
    expect(appId).toContain('.clientId');
    expect(appId).toContain("parameters('microsoftAppId')");
    expect(appSettings().MicrosoftAppTenantId).toBe("[parameters('microsoftAppTenantId')]");
  });

  it('connects to PostgreSQL over TLS only when it was created', () => {
    const url = String(appSettings().DATABASE_URL);
    expect(url).toMatch(/^\[if\(parameters\('deployPostgres'\)/);
    expect(url).toContain('sslmode=require');
    expect(url).toContain("uriComponent(parameters('postgresAdminPassword'))");
  });

  it('sets the console sign-in settings all together or not at all, as config.ts requires', () => {
    const settings = appSettings();
    expect(settings.ENTRA_CLIENT_ID).toBe("[parameters('entraClientId')]");
    expect(template.parameters.entraClientId.defaultValue).toBe('');
    for (const name of ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_SECRET', 'PUBLIC_BASE_URL']) {
      const tree = parseExpression(String(settings[name]));
      const gate = tree.kind === 'call' && tree.name === 'if' ? tree : undefined;
      expect({ name, gated: expandVariables(expressionSource(gate?.args[0] ?? tree)) }).toEqual({
        name,
        gated: "(not(empty(parameters('entraClientId'))))",
      });
      expect({ name, otherwise: gate?.args[2] }).toEqual({ name, otherwise: { kind: 'string', value: '' } });
    }
  });

  it('wires Application Insights and the Azure Direct Line secret and endpoint', () => {
    const settings = appSettings();
    expect(String(settings.APPLICATIONINSIGHTS_CONNECTION_STRING)).toContain('.ConnectionString');
    expect(String(settings.DIRECT_LINE_SECRET)).toMatch(/^\[listChannelWithKeys\(resourceId\('Microsoft\.BotService\/botServices\/channels'.*'DirectLineChannel'\)/);
    expect(String(defaultOf(settings.DIRECT_LINE_ENDPOINT))).toMatch(/^https:\/\/europe\.directline\.botframework\.com\/v3\/directline$/);
  });
});

describe('deployment template: Azure Bot', () => {
  const bot = () => onlyResource('Microsoft.BotService/botServices');
  const channel = (name: string) => resourcesOfType('Microsoft.BotService/botServices/channels').find((c) => c.properties?.channelName === name);

  it('is an Azure Bot with a global or EU location and a free default tier', () => {
    expect(bot().kind).toBe('azurebot');
    expect(defaultOf(bot().location)).toBe('global');
    expect(template.parameters.botLocation.allowedValues).toEqual(['global', 'westeurope']);
    expect(template.parameters.botSku.allowedValues).toEqual(['F0', 'S1']);
    expect(template.parameters.botSku.defaultValue).toBe('F0');
  });

  it("sends messages to the web app's https://…/api/messages", () => {
    const tree = parseExpression(String(bot().properties?.endpoint));
    const literals = tree.kind === 'call' ? tree.args.filter((a) => a.kind === 'string').map((a) => (a as { value: string }).value) : [];
    expect(literals[0]).toBe('https://');
    expect(literals[literals.length - 1]).toBe('/api/messages');
    expect(String(bot().properties?.endpoint)).toContain("resourceId('Microsoft.Web/sites'");
  });

  it('uses the same identity as the web app', () => {
    const properties = bot().properties as JsonObject;
    expect(properties.msaAppType).toBe("[parameters('botAppType')]");
    expect(properties.msaAppId).toBe(appSettings().MicrosoftAppId);
    expect(properties.msaAppTenantId).toBe(appSettings().MicrosoftAppTenantId);
    expect(expandVariables(String(properties.msaAppMSIResourceId))).toContain('Microsoft.ManagedIdentity/userAssignedIdentities');
  });

  it('only creates a managed identity for UserAssignedMSI when none was given', () => {
    const identity = onlyResource('Microsoft.ManagedIdentity/userAssignedIdentities');
    const condition = expandVariables(String(identity.condition));
    expect(condition).toContain("equals(parameters('botAppType'), 'UserAssignedMSI')");
    expect(condition).toContain("parameters('existingIdentityResourceId')");
  });

  it('has a Direct Line channel with a v3, enhanced-authentication site trusting the web app', () => {
    const directLine = channel('DirectLineChannel');
    expect(directLine).toBeDefined();
    expect(directLine?.name).toContain("'DirectLineChannel'");
    const sites = (directLine?.properties?.properties as JsonObject).sites as JsonObject[];
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: true });
    expect(String(sites[0].trustedOrigins)).toContain("resourceId('Microsoft.Web/sites'");
  });

  it('has the Teams channel switched on', () => {
    const teams = channel('MsTeamsChannel');
    expect(teams).toBeDefined();
    expect(teams?.name).toContain("'MsTeamsChannel'");
    expect((teams?.properties?.properties as JsonObject).isEnabled).toBe(true);
  });

  it('puts the channels where the bot is', () => {
    for (const c of resourcesOfType('Microsoft.BotService/botServices/channels')) expect(c.location).toBe(bot().location);
  });
});

describe('deployment template: PostgreSQL and Application Insights', () => {
  const postgres = () => template.resources.filter((r) => r.type.startsWith('Microsoft.DBforPostgreSQL/'));

  it('creates PostgreSQL only when deployPostgres is true, which is not the default', () => {
    expect(template.parameters.deployPostgres).toMatchObject({ type: 'bool', defaultValue: false });
    expect(postgres().length).toBeGreaterThanOrEqual(3);
    for (const resource of postgres()) {
      expect({ type: resource.type, condition: expandVariables(String(resource.condition)) }).toEqual({
        type: resource.type,
        condition: expect.stringContaining("parameters('deployPostgres')"),
      });
    }
  });

  it('is version 16 on Burstable B1ms with 32 GB, backups, a database, Azure-only firewall and TLS required', () => {
    const server = onlyResource('Microsoft.DBforPostgreSQL/flexibleServers');
    expect(server.sku).toEqual({ name: 'Standard_B1ms', tier: 'Burstable' });
    expect(server.properties).toMatchObject({ version: '16', storage: { storageSizeGB: 32 } });
    expect(defaultOf((server.properties?.backup as JsonObject).backupRetentionDays)).toBeGreaterThanOrEqual(7);
    expect(resourcesOfType('Microsoft.DBforPostgreSQL/flexibleServers/databases')).toHaveLength(1);
    const firewall = onlyResource('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules');
    expect(firewall.properties).toEqual({ startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' });
    const tls = onlyResource('Microsoft.DBforPostgreSQL/flexibleServers/configurations');
    expect(tls.name).toContain("'require_secure_transport'");
    expect(tls.properties?.value).toBe('ON');
  });

  it('keeps Application Insights in a Log Analytics workspace', () => {
    const insights = onlyResource('Microsoft.Insights/components');
    onlyResource('Microsoft.OperationalInsights/workspaces');
    expect(insights.properties?.WorkspaceResourceId).toContain("resourceId('Microsoft.OperationalInsights/workspaces'");
    expect(insights.properties?.IngestionMode).toBe('LogAnalytics');
  });
});

describe('deployment template: outputs', () => {
  it('gives the web app URL, bot endpoint, app id and whether PostgreSQL was created', () => {
    expect(Object.keys(template.outputs)).toEqual(expect.arrayContaining(['webAppUrl', 'botEndpoint', 'microsoftAppId', 'postgresCreated']));
    expect(template.outputs.postgresCreated).toEqual({ type: 'bool', value: "[parameters('deployPostgres')]" });
    expect(template.outputs.microsoftAppId.value).toBe(appSettings().MicrosoftAppId);
  });
});

describe.each(PARAMETER_FILES)('parameter file %s', (file) => {
  const parameterFile = readJson<{ $schema: string; contentVersion: string; parameters: Record<string, JsonObject> }>(file);
  const entries = () => Object.entries(parameterFile.parameters);

  it('is a deployment parameters file', () => {
    expect(parameterFile.$schema).toBe(PARAMETERS_SCHEMA);
    expect(parameterFile.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('sets only parameters the template declares, each with a value or a Key Vault reference', () => {
    for (const [name, entry] of entries()) {
      expect({ name, declared: name in template.parameters }).toEqual({ name, declared: true });
      expect({ name, shape: 'value' in entry || isKeyVaultReference(entry) }).toEqual({ name, shape: true });
    }
  });

  it('gives values of the right type within the allowed values and limits', () => {
    for (const [name, entry] of entries()) {
      const parameter = template.parameters[name];
      if (!parameter || !('value' in entry)) continue;
      const value = entry.value;
      const blankSecret = isSecure(parameter) && value === '';
      const problem = typeProblem(parameter, value) ?? (blankSecret ? undefined : limitProblem(parameter, value));
      expect({ name, problem }).toEqual({ name, problem: undefined });
    }
  });

  it('holds no secrets: a secure value is left out (az asks for it), blank, or a Key Vault reference', () => {
    for (const [name, entry] of entries()) {
      if (!isSecure(template.parameters[name])) continue;
      expect({ name, safe: entry.value === '' || isKeyVaultReference(entry) }).toEqual({ name, safe: true });
    }
  });

  it('leaves out only parameters that have a default or are secrets az will ask for', () => {
    const missing = Object.entries(template.parameters).filter(
      ([name, p]) => !(name in parameterFile.parameters) && p.defaultValue === undefined && !isSecure(p),
    );
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('fits its bot identity', () => {
    const appType = parameterFile.parameters.botAppType?.value;
    expect(['SingleTenant', 'UserAssignedMSI']).toContain(appType);
    if (appType === 'SingleTenant') {
      expect(String(parameterFile.parameters.microsoftAppId?.value)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    } else {
      expect(parameterFile.parameters.microsoftAppPassword?.value).toBe('');
    }
  });
});

describe('deployment README', () => {
  const readme = () => readFileSync(join(TEMPLATE_DIR, 'README.md'), 'utf8');

  it('names only template files that exist, and covers both parameter files', () => {
    const named = new Set([...readme().matchAll(/deploymentTemplates\/([\w.-]+\.json)/g)].map((m) => m[1]));
    expect([...named].filter((file) => !existsSync(join(TEMPLATE_DIR, file)))).toEqual([]);
    for (const file of [TEMPLATE_FILE, ...PARAMETER_FILES]) expect(named.has(file)).toBe(true);
  });

  it("checks the deployment on the server's own health routes", () => {
    const server = readFileSync(join(ROOT, 'src', 'server', 'createBotServer.ts'), 'utf8');
    for (const route of readme().match(/\/(healthz|readyz)\b/g) ?? []) expect(server).toContain(`server.get('${route}'`);
    expect(readme()).toContain('/healthz');
    expect(readme()).toContain('/readyz');
  });
});
