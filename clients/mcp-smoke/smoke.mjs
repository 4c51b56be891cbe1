#!/usr/bin/env node
// Independent MCP client check of the kycflow MCP server, with the official TypeScript SDK client.
//
//   npm ci && node smoke.mjs --url http://127.0.0.1:PORT/mcp/ --key ORG_API_KEY
//   (or MCP_URL=... ORG_KEY=... node smoke.mjs)
//
// Prints one line per check and closes with exactly one line "N passed, N failed"; exits 0 only if none failed.
// It creates a few flows (names start with "mcp-smoke-") and one session in the organization: point it at a
// TEST/DEMO organization, never at a production one.

import { isDeepStrictEqual } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

const USAGE = 'usage: node smoke.mjs --url http://127.0.0.1:PORT/mcp/ --key ORG_API_KEY   (or env MCP_URL, ORG_KEY)';

const EXPECTED_TOOLS = [
    'get_organization', 'list_subscription_technologies', 'list_flows', 'get_flow', 'create_flow', 'update_flow',
    'create_flow_session', 'get_flow_session', 'get_flow_session_light_result', 'update_flow_session_status',
    'list_flow_session_reviews', 'create_flow_session_review', 'complete_sandbox_session',
];
const READ_ONLY_TOOLS = new Set(['get_organization', 'list_subscription_technologies', 'list_flows', 'get_flow',
    'get_flow_session', 'get_flow_session_light_result', 'list_flow_session_reviews']);
// MCP ToolAnnotations: destructiveHint false means "performs only additive updates". These two overwrite
// existing state (update_flow can drop technologies and their configs; a decision replaces a session's status).
const DESTRUCTIVE_TOOLS = new Set(['update_flow', 'update_flow_session_status']);
const RESOURCES = {
    flowDefaults: 'kyc://reference/flow-config-defaults',
    technologyDefaults: 'kyc://reference/technology-config-defaults',
    countries: 'kyc://reference/document-recognition-countries',
    documentTypes: 'kyc://reference/document-recognition-document-types',
};
const FLOW_CONFIG_FIELDS = ['success_redirect_url', 'failure_redirect_url', 'show_qr', 'always_mobile',
    'fingerprint_check', 'session_ttl_minutes', 'locale', 'widget_allowed_origins'];
const CANCELLED = 'create_flow cancelled by user.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST_OPTIONS = { timeout: 180_000 }; // room for waiting out a 429 inside one request
const MAX_RATE_LIMIT_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 90;

// ---------------------------------------------------------------------------------------------- arguments

function options(argv, env) {
    const result = { url: env.MCP_URL, key: env.ORG_KEY };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (flag === '--help' || flag === '-h') {
            console.log(USAGE);
            process.exit(0);
        } else if (flag === '--url' || flag === '--key') {
            const value = inline ?? argv[++i];
            if (value === undefined) {
                throw new Error(`${flag} needs a value`);
            }
            result[flag.slice(2)] = value;
        } else {
            throw new Error(`unknown argument ${arg}`);
        }
    }
    if (!result.url || !result.key) {
        throw new Error('both the MCP URL and the organization API key are required');
    }
    return { url: new URL(result.url), key: result.key };
}

// ---------------------------------------------------------------------------------------------- reporting

let passed = 0;
let failed = 0;

class CheckFailure extends Error {
}

function assert(condition, message) {
    if (!condition) {
        throw new CheckFailure(message);
    }
}

function assertEqual(actual, expected, what) {
    assert(isDeepStrictEqual(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function show(value) {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 300 ? text.slice(0, 300) + '…' : text;
}

function oneLine(text) {
    return String(text).replace(/\s+/g, ' ').trim();
}

/** Runs one check; prints PASS/FAIL and never throws. Returns the body's value, or undefined when it failed. */
async function check(name, body) {
    try {
        const value = await body();
        passed++;
        console.log(`PASS ${name}`);
        return value;
    } catch (error) {
        failed++;
        const why = error instanceof CheckFailure ? error.message
            : error instanceof McpError ? `McpError ${error.code}: ${error.message}`
                : `${error?.name ?? 'Error'}: ${error?.message ?? error}${error?.cause ? ` (${error.cause.code ?? error.cause.message ?? error.cause})` : ''}`;
        console.log(`FAIL ${name} -- ${oneLine(why)}`);
        return undefined;
    }
}

/** A check whose preconditions (values from earlier checks) are missing counts as failed, with the reason. */
async function checkWith(name, needs, body) {
    const missing = Object.entries(needs).filter(([, value]) => value === undefined || value === null).map(([key]) => key);
    if (missing.length > 0) {
        return check(name, () => {
            throw new CheckFailure(`not run: needs ${missing.join(', ')} from an earlier check`);
        });
    }
    return check(name, body);
}

// ---------------------------------------------------------------------------------------------- MCP plumbing

/** What the transport saw on the wire, over all clients of this run. */
const http = { requests: 0, rateLimited: 0, withoutRateLimitHeaders: [] };

/**
 * fetch that waits out the server's per-IP rate limit (429 + Retry-After) a bounded number of times, so a full
 * run fits the default budget of 60 requests per minute without the checks depending on timing. It records every
 * response for the transport checks and hands it to `observe`.
 */
function rateLimitAwareFetch(observe = () => {}) {
    return async (url, init) => {
        const method = init?.method ?? 'GET';
        for (let attempt = 0; ; attempt++) {
            const response = await fetch(url, init);
            http.requests++;
            if (!response.headers.has('x-ratelimit-limit') || !response.headers.has('x-ratelimit-remaining')) {
                http.withoutRateLimitHeaders.push(`${method} ${response.status}`);
            }
            // DELETE only ends the MCP session at the very end: not worth waiting for.
            if (response.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES || method === 'DELETE') {
                observe(response);
                return response;
            }
            http.rateLimited++;
            const header = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
            const seconds = Math.min(Number.isFinite(header) && header > 0 ? header : 5, MAX_RETRY_AFTER_SECONDS);
            await response.body?.cancel().catch(() => {});
            process.stderr.write(`# rate limited (HTTP 429 on ${method}): retrying in ${seconds}s\n`);
            await new Promise(resolve => setTimeout(resolve, seconds * 1000));
        }
    };
}

function transport(url, headers) {
    return new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: rateLimitAwareFetch() });
}

/**
 * Scripted answers to create_flow's elicitations: each elicitation/create takes the next answer of the current
 * script; every request is recorded, and one arriving when no answer is scripted is declined and recorded.
 */
class Elicitations {
    constructor() {
        this.script = [];
        this.seen = [];
        this.unexpected = 0;
    }

    expect(...answers) {
        this.script = answers;
        this.seen = [];
        this.unexpected = 0;
    }

    async handle(request) {
        this.seen.push(request.params);
        const answer = this.script.shift();
        if (answer === undefined) {
            this.unexpected++;
            return { action: 'decline' };
        }
        return answer;
    }
}

const toolsOk = new Set();

/**
 * Calls a tool that must succeed: no McpError (the SDK checks structuredContent against the tool's outputSchema
 * and throws on a mismatch), isError not set, structuredContent present and its text copy equal to it.
 */
async function callOk(client, name, args) {
    const result = await client.callTool({ name, arguments: args }, undefined, REQUEST_OPTIONS);
    assert(!result.isError, `${name} returned isError: ${textOf(result)}`);
    assert(result.structuredContent && typeof result.structuredContent === 'object',
        `${name} returned no structuredContent`);
    const text = textOf(result);
    let copy;
    try {
        copy = JSON.parse(text);
    } catch {
        throw new CheckFailure(`${name}: text content is not the JSON of structuredContent: ${show(text)}`);
    }
    assertEqual(copy, result.structuredContent, `${name}: text content vs structuredContent`);
    toolsOk.add(name);
    return result.structuredContent;
}

/** Calls a tool that must fail as a tool result (isError with a text content), not as a protocol error. */
async function callError(client, name, args) {
    const result = await client.callTool({ name, arguments: args }, undefined, REQUEST_OPTIONS);
    assert(result.isError === true, `${name} should have returned isError, got ${show(result.structuredContent ?? textOf(result))}`);
    const text = textOf(result);
    assert(text.length > 0, `${name}: the error result has no text`);
    return text;
}

function textOf(result) {
    return (result.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
}

function json(text, what) {
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new CheckFailure(`${what} is not JSON: ${error.message}`);
    }
}

// ---------------------------------------------------------------------------------------------- the checks

async function main() {
    let config;
    try {
        config = options(process.argv.slice(2), process.env);
    } catch (error) {
        console.error(USAGE);
        console.log(`FAIL arguments -- ${error.message}`);
        console.log('0 passed, 1 failed');
        return 1;
    }
    const run = `mcp-smoke-${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 7)}`;
    const elicitations = new Elicitations();
    const client = new Client({ name: 'kycflow-mcp-smoke', version: '1.0.0' }, { capabilities: { elicitation: {} } });
    client.setRequestHandler(ElicitRequestSchema, request => elicitations.handle(request));
    // The second client declares no elicitation capability: create_flow must fall back to defaults for it.
    const headerClient = new Client({ name: 'kycflow-mcp-smoke-x-org-api-key', version: '1.0.0' }, { capabilities: {} });
    const transports = [];
    try {
        await checks({ config, run, client, headerClient, elicitations, transports, s: {} });
    } finally {
        // End the MCP sessions (DELETE) so the server can free them; not a check.
        await Promise.allSettled(transports.filter(t => t.sessionId).map(t => t.terminateSession()));
        await Promise.allSettled([client.close(), headerClient.close()]);
    }
    process.stderr.write(`# ${http.requests} HTTP requests, ${http.rateLimited} answered 429 and retried\n`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
}

async function checks({ config, run, client, headerClient, elicitations, transports, s }) {
    const connect = async (mcpClient, headers) => {
        const t = transport(config.url, headers);
        transports.push(t);
        await mcpClient.connect(t, REQUEST_OPTIONS);
        // listTools caches every tool's outputSchema: from here on callTool validates structuredContent.
        return mcpClient.listTools(undefined, REQUEST_OPTIONS);
    };

    // ------------------------------------------------------------------------------------ 1. connect
    s.tools = await check('connect with Authorization: Bearer (elicitation capability) and tools/list', async () => {
        const { tools } = await connect(client, { Authorization: `Bearer ${config.key}` });
        const capabilities = client.getServerCapabilities();
        assert(capabilities?.tools && capabilities?.resources && capabilities?.prompts,
            `server capabilities lack tools/resources/prompts: ${show(capabilities)}`);
        return new Map(tools.map(t => [t.name, t]));
    });
    if (!s.tools) {
        return; // nothing else can run; the closing line still reports the failure
    }

    await check('wrong organization key: 401 with WWW-Authenticate: Bearer realm="kyc-mcp"', async () => {
        const response = await refusedConnect(config.url, { Authorization: `Bearer ${config.key}-wrong` }, 401);
        assertEqual(response.headers.get('www-authenticate'), 'Bearer realm="kyc-mcp"', 'WWW-Authenticate');
    });
    await check('foreign Origin: 403', async () => {
        await refusedConnect(config.url, { Authorization: `Bearer ${config.key}`, Origin: 'https://attacker.example' }, 403);
    });

    // ------------------------------------------------------------------------------------ 2. tools/list
    await check('tools/list has exactly the 13 kycflow tools', async () => {
        assertEqual([...s.tools.keys()].sort(), [...EXPECTED_TOOLS].sort(), 'tool names');
    });
    for (const name of EXPECTED_TOOLS) {
        await check(`tools/list ${name}: title, description, inputSchema, outputSchema, annotations`, async () => {
            const tool = s.tools.get(name);
            assert(tool, 'not listed');
            assert(typeof tool.title === 'string' && tool.title.length > 0, 'no title');
            assert(typeof tool.description === 'string' && tool.description.length > 20, 'no (meaningful) description');
            assert(tool.inputSchema?.type === 'object', 'inputSchema is not an object schema');
            assert(tool.outputSchema?.type === 'object' && tool.outputSchema.properties, 'outputSchema missing or not an object schema');
            assert(tool.annotations && typeof tool.annotations === 'object', 'no annotations');
            assertEqual(tool.annotations.readOnlyHint, READ_ONLY_TOOLS.has(name), 'annotations.readOnlyHint');
            if (!READ_ONLY_TOOLS.has(name)) {
                assertEqual(tool.annotations.destructiveHint, DESTRUCTIVE_TOOLS.has(name), 'annotations.destructiveHint');
            }
            for (const hint of ['destructiveHint', 'idempotentHint', 'openWorldHint']) {
                assert(typeof tool.annotations[hint] === 'boolean', `annotations.${hint} is not set`);
            }
        });
    }

    // ------------------------------------------------------------------------------------ 3. discover
    s.org = await check('get_organization (with its api_key argument): TEST/DEMO org is a sandbox', async () => {
        const org = await callOk(client, 'get_organization', { api_key: config.key });
        assert(UUID.test(org.id), `id is not a UUID: ${show(org.id)}`);
        assert(['TEST', 'DEMO', 'PRODUCTION'].includes(org.status), `status ${show(org.status)}`);
        assertEqual(org.sandbox, org.status !== 'PRODUCTION', 'sandbox (TEST/DEMO are sandboxes)');
        return org;
    });
    await check('get_organization with another api_key: isError naming api_key', async () => {
        const text = await callError(client, 'get_organization', { api_key: `${config.key}x` });
        assert(text.includes('api_key'), `error does not name api_key: ${show(text)}`);
    });
    s.headerConnected = await checkWith('second client with X-Org-API-Key header: get_organization', { org: s.org }, async () => {
        await connect(headerClient, { 'X-Org-API-Key': config.key });
        const org = await callOk(headerClient, 'get_organization', {});
        assertEqual(org.id, s.org.id, 'organization id seen with X-Org-API-Key');
        return true;
    });

    s.tech = await check('list_subscription_technologies: LD, DR, F2F, ED creatable; DSI, DSN, DSS not', async () => {
        const { technologies } = await callOk(client, 'list_subscription_technologies', {});
        const byCode = new Map(technologies.map(t => [t.code, t]));
        for (const code of ['LD', 'DR', 'F2F', 'ED', 'DSI']) {
            assert(byCode.has(code), `technology ${code} not subscribed (codes: ${[...byCode.keys()].join(',')})`);
            assert(UUID.test(byCode.get(code).id), `${code} id is not a UUID`);
        }
        for (const code of ['LD', 'DR', 'F2F', 'ED']) {
            assertEqual(byCode.get(code).mcp_creatable, true, `${code}.mcp_creatable`);
        }
        for (const t of technologies.filter(t => ['DSI', 'DSN', 'DSS'].includes(t.code))) {
            assertEqual(t.mcp_creatable, false, `${t.code}.mcp_creatable`);
        }
        const fields = { LD: 'liveness_config', DR: 'doc_recognition_config', F2F: 'face2face_config', ED: 'edocument_config' };
        for (const [code, field] of Object.entries(fields)) {
            assertEqual(byCode.get(code).config_field, field, `${code}.config_field`);
        }
        return { byCode, all: technologies };
    });

    await check('resources/list has the 4 kyc://reference resources (application/json)', async () => {
        const { resources } = await client.listResources(undefined, REQUEST_OPTIONS);
        for (const uri of Object.values(RESOURCES)) {
            const resource = resources.find(r => r.uri === uri);
            assert(resource, `${uri} not listed`);
            assertEqual(resource.mimeType, 'application/json', `${uri} mimeType`);
        }
    });
    const read = async uri => {
        const { contents } = await client.readResource({ uri }, REQUEST_OPTIONS);
        assert(contents?.length === 1, `${uri}: expected one content, got ${contents?.length}`);
        assertEqual(contents[0].uri, uri, 'content uri');
        assert(typeof contents[0].text === 'string', `${uri}: no text content`);
        return json(contents[0].text, uri);
    };
    s.flowDefaults = await check(`read ${RESOURCES.flowDefaults}`, async () => {
        const defaults = await read(RESOURCES.flowDefaults);
        assertEqual(Object.keys(defaults).sort(), [...FLOW_CONFIG_FIELDS].sort(), 'flow_config default fields');
        return defaults;
    });
    s.techDefaults = await checkWith(`read ${RESOURCES.technologyDefaults}: keyed by config field`, { tech: s.tech }, async () => {
        const defaults = await read(RESOURCES.technologyDefaults);
        for (const t of s.tech.all) {
            assert(defaults[t.config_field] && typeof defaults[t.config_field] === 'object',
                `no defaults for ${t.config_field} (${t.code})`);
        }
        assertEqual(defaults.liveness_config.max_attempts, 3, 'liveness_config.max_attempts default');
        assertEqual(defaults.face2face_config.threshold, 0.85, 'face2face_config.threshold default');
        return defaults;
    });
    s.countries = await check(`read ${RESOURCES.countries}: 249 countries`, async () => {
        const body = await read(RESOURCES.countries);
        assert(Array.isArray(body.countries), 'no countries array');
        assertEqual(body.countries.length, 249, 'number of countries');
        assertEqual(body.count, 249, 'count');
        assertEqual(new Set(body.countries.map(c => c.id)).size, 249, 'distinct country ids');
        const kz = body.countries.find(c => c.alpha2 === 'KZ');
        assertEqual(kz && [kz.id, kz.alpha3], [398, 'KAZ'], 'Kazakhstan (id = ISO numeric, alpha3)');
        return body.countries;
    });
    s.documentTypes = await check(`read ${RESOURCES.documentTypes}`, async () => {
        const body = await read(RESOURCES.documentTypes);
        assert(Array.isArray(body.document_types) && body.document_types.length > 0, 'no document_types');
        assertEqual(body.count, body.document_types.length, 'count');
        for (const type of body.document_types) {
            assert(Number.isInteger(type.id) && type.code && type.name, `incomplete document type ${show(type)}`);
            assert(type.icao_format === null || ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'].includes(type.icao_format),
                `icao_format ${show(type.icao_format)}`);
        }
        return body.document_types;
    });

    await check('prompts/list has kyc_integration with backend and frontend arguments', async () => {
        const { prompts } = await client.listPrompts(undefined, REQUEST_OPTIONS);
        const prompt = prompts.find(p => p.name === 'kyc_integration');
        assert(prompt, `kyc_integration not listed: ${show(prompts.map(p => p.name))}`);
        assertEqual((prompt.arguments ?? []).map(a => a.name).sort(), ['backend', 'frontend'], 'prompt arguments');
    });
    await check('prompts/get kyc_integration {backend, frontend} mentions /api/v1/flows/session/create/', async () => {
        const prompt = await client.getPrompt({ name: 'kyc_integration', arguments: { backend: 'node-express', frontend: 'spa' } },
            REQUEST_OPTIONS);
        const text = prompt.messages.filter(m => m.content?.type === 'text').map(m => m.content.text).join('\n');
        assert(text.includes('/api/v1/flows/session/create/'), 'no /api/v1/flows/session/create/ in the prompt');
        assert(text.includes('/api/v1/flows/session/result/light/'), 'no /api/v1/flows/session/result/light/ in the prompt');
        assert(text.includes('node-express'), 'the backend argument is not used');
    });

    // ------------------------------------------------------------------------------------ 4. design: create_flow
    const ids = codes => codes.map(code => s.tech.byCode.get(code).id);
    const needs = { tech: s.tech, techDefaults: s.techDefaults };
    const created = []; // flows this run created, oldest first
    s.flowsBefore = await check('list_flows (defaults): count before creating', async () => {
        const page = await callOk(client, 'list_flows', {});
        assert(page.results.length <= 20, `default page size is 20, got ${page.results.length}`);
        return page.count;
    });

    const givenConfigs = {
        liveness_config: { max_attempts: 4, eye_open_check: true, mask_attack_check_required: true },
        doc_recognition_config: { max_attempts: 2, require_backside: true, allowed_countries: [398] },
        face2face_config: { threshold: 0.9, fail_on_several_faces: true },
    };
    s.flow = await checkWith('create_flow with every technology_config: no elicitation, not_needed', needs, async () => {
        elicitations.expect();
        const flow = await callOk(client, 'create_flow', {
            request_data: {
                name: `${run}-configured`, display_name: 'MCP smoke (configured)', technology_ids: ids(['LD', 'DR', 'F2F']),
                flow_config: { success_redirect_url: 'https://app.example.com/kyc/return?outcome=success',
                    failure_redirect_url: 'https://app.example.com/kyc/return?outcome=failure', show_qr: false },
                technology_configs: givenConfigs,
            },
        });
        created.push(flow);
        assertEqual(elicitations.seen.length, 0, 'elicitations sent');
        assertEqual(flow.elicitation, 'not_needed', 'elicitation');
        assertEqual(flow.defaults_applied, [], 'defaults_applied');
        assert(UUID.test(flow.id), 'id is not a UUID');
        assertEqual(flow.technology_ids, ids(['LD', 'DR', 'F2F']), 'technology_ids (order kept)');
        assertEqual(flow.technologies, ['LD', 'DR', 'F2F'], 'technologies');
        assert(/^[A-Za-z0-9_-]{47,}$/.test(flow.api_key ?? ''), `api_key is not >= 47 URL-safe characters (length ${flow.api_key?.length})`);
        assertEqual(flow.flow_config, { ...s.flowDefaults, show_qr: false,
            success_redirect_url: 'https://app.example.com/kyc/return?outcome=success',
            failure_redirect_url: 'https://app.example.com/kyc/return?outcome=failure' }, 'flow_config');
        for (const [field, given] of Object.entries(givenConfigs)) {
            assertEqual(flow.technology_configs[field], { ...s.techDefaults[field], ...given }, `technology_configs.${field}`);
        }
        return flow;
    });

    s.elicited = await checkWith('create_flow without configs: accept, LD form accept (max_attempts 5), DR form decline', needs, async () => {
        elicitations.expect({ action: 'accept', content: {} }, { action: 'accept', content: { max_attempts: 5 } }, { action: 'decline' });
        const flow = await callOk(client, 'create_flow', {
            request_data: { name: `${run}-elicited`, technology_ids: ids(['LD', 'DR']) },
        });
        created.push(flow);
        assertEqual(elicitations.seen.length, 3, 'elicitations sent (question + one form per technology)');
        assertEqual(elicitations.unexpected, 0, 'unexpected elicitations');
        const [question, ldForm, drForm] = elicitations.seen;
        assert(/override/i.test(question.message), `first elicitation is not the override question: ${show(question.message)}`);
        assert(/liveness_config/.test(ldForm.message), `second elicitation is not the LD form: ${show(ldForm.message)}`);
        assert(/doc_recognition_config/.test(drForm.message), `third elicitation is not the DR form: ${show(drForm.message)}`);
        const form = ldForm.requestedSchema?.properties ?? {};
        assertEqual(Object.keys(form).sort(), Object.keys(s.techDefaults.liveness_config).sort(), 'LD form fields');
        for (const [field, value] of Object.entries(s.techDefaults.liveness_config)) {
            assertEqual(form[field].default, value, `LD form ${field} default (pre-filled)`);
        }
        assertEqual(form.max_attempts.type, 'integer', 'LD form max_attempts type');
        assertEqual(flow.elicitation, 'accepted', 'elicitation');
        assertEqual(flow.technology_configs.liveness_config, { ...s.techDefaults.liveness_config, max_attempts: 5 },
            'technology_configs.liveness_config');
        assertEqual(flow.technology_configs.doc_recognition_config, s.techDefaults.doc_recognition_config,
            'technology_configs.doc_recognition_config (declined form keeps defaults)');
        assertEqual(flow.defaults_applied, ['DR'], 'defaults_applied');
        assertEqual(flow.display_name, `${run}-elicited`, 'display_name defaults to name');
        return flow;
    });

    await checkWith('create_flow without configs: decline the question → defaults for all, no further prompts', needs, async () => {
        elicitations.expect({ action: 'decline' });
        const flow = await callOk(client, 'create_flow', {
            request_data: { name: `${run}-declined`, technology_ids: ids(['ED', 'LD', 'F2F']) },
        });
        created.push(flow);
        assertEqual(elicitations.seen.length, 1, 'elicitations sent');
        assertEqual(flow.elicitation, 'declined', 'elicitation');
        assertEqual([...flow.defaults_applied].sort(), ['ED', 'F2F', 'LD'], 'defaults_applied');
        for (const field of ['edocument_config', 'liveness_config', 'face2face_config']) {
            assertEqual(flow.technology_configs[field], s.techDefaults[field], `technology_configs.${field}`);
        }
    });

    await checkWith('create_flow: DR form id lists as comma-separated text → integer arrays', { ...needs, countries: s.countries, documentTypes: s.documentTypes }, async () => {
        const country = s.countries.find(c => c.alpha2 === 'KZ')?.id ?? s.countries[0].id;
        const types = s.documentTypes.slice(0, 2).map(t => t.id);
        elicitations.expect({ action: 'accept', content: {} },
            { action: 'accept', content: { allowed_countries: ` ${country}, ${s.countries[1].id} `, allowed_document_types: types.join(',') } });
        const flow = await callOk(client, 'create_flow', {
            request_data: { name: `${run}-id-lists`, technology_ids: ids(['DR']) },
        });
        created.push(flow);
        assertEqual(elicitations.seen.length, 2, 'elicitations sent');
        const form = elicitations.seen[1].requestedSchema?.properties ?? {};
        assertEqual(form.allowed_countries?.type, 'string', 'DR form allowed_countries type (MCP forms are flat)');
        assertEqual(flow.technology_configs.doc_recognition_config,
            { ...s.techDefaults.doc_recognition_config, allowed_countries: [country, s.countries[1].id], allowed_document_types: types },
            'technology_configs.doc_recognition_config');
        assertEqual(flow.defaults_applied, [], 'defaults_applied');
    });

    await checkWith('create_flow from a client without elicitation capability: defaults, elicitation unsupported', { ...needs, headerConnected: s.headerConnected }, async () => {
        elicitations.expect();
        const flow = await callOk(headerClient, 'create_flow', {
            request_data: { name: `${run}-no-elicitation`, technology_ids: ids(['LD']) },
        });
        created.push(flow);
        assertEqual(elicitations.seen.length, 0, 'elicitations sent (to either client)');
        assertEqual(flow.elicitation, 'unsupported', 'elicitation');
        assertEqual(flow.defaults_applied, ['LD'], 'defaults_applied');
        assertEqual(flow.technology_configs.liveness_config, s.techDefaults.liveness_config, 'technology_configs.liveness_config');
        assert(typeof flow.note === 'string' && flow.note.includes('LD'), `note does not say which technologies got defaults: ${show(flow.note)}`);
    });

    await checkWith('create_flow: cancel at the question → "create_flow cancelled by user."', needs, async () => {
        elicitations.expect({ action: 'cancel' });
        const text = await callError(client, 'create_flow', {
            request_data: { name: `${run}-cancelled`, technology_ids: ids(['LD']) },
        });
        assertEqual(text, CANCELLED, 'error text');
        assertEqual(elicitations.seen.length, 1, 'elicitations sent');
    });
    await checkWith('create_flow: cancel at a per-technology form → "create_flow cancelled by user."', needs, async () => {
        elicitations.expect({ action: 'accept', content: {} }, { action: 'cancel' });
        const text = await callError(client, 'create_flow', {
            request_data: { name: `${run}-cancelled-form`, technology_ids: ids(['LD', 'DR']) },
        });
        assertEqual(text, CANCELLED, 'error text');
        assertEqual(elicitations.seen.length, 2, 'elicitations sent (question, first form; nothing after the cancel)');
    });
    await checkWith('create_flow with DSI: isError pointing to the Cabinet, no elicitation', needs, async () => {
        elicitations.expect();
        const text = await callError(client, 'create_flow', {
            request_data: { name: `${run}-dsi`, technology_ids: ids(['LD', 'DSI']) },
        });
        assert(text.includes('Cabinet'), `error does not mention the Cabinet: ${show(text)}`);
        assertEqual(elicitations.seen.length, 0, 'elicitations sent');
    });
    await checkWith('create_flow with a taken name: isError before any elicitation', { ...needs, flow: s.flow }, async () => {
        elicitations.expect();
        const text = await callError(client, 'create_flow', {
            request_data: { name: s.flow.name, technology_ids: ids(['LD']) },
        });
        assert(text.includes(s.flow.name), `error does not name the taken name: ${show(text)}`);
        assertEqual(elicitations.seen.length, 0, 'elicitations sent for a request that cannot succeed');
    });
    await checkWith('list_flows count: cancelled and refused create_flow calls created nothing', { before: s.flowsBefore }, async () => {
        const { count } = await callOk(client, 'list_flows', { limit: 1 });
        assertEqual(count, s.flowsBefore + created.length, `count (before ${s.flowsBefore} + ${created.length} created)`);
    });

    await checkWith('list_flows paging: limit/offset, next/previous, newest first', { flowsCreated: created.length === 5 ? 5 : undefined }, async () => {
        const newestFirst = [...created].reverse().map(f => f.id);
        const first = await callOk(client, 'list_flows', { limit: 3, offset: 0 });
        assertEqual(first.results.map(f => f.id), newestFirst.slice(0, 3), 'page 1 (limit 3, offset 0) ids');
        assertEqual(first.previous, null, 'page 1 previous');
        assertEqual(first.next, 3, 'page 1 next');
        assert(first.results.every(f => !('api_key' in f)), 'list_flows must not expose api_key');
        const second = await callOk(client, 'list_flows', { limit: 3, offset: 3 });
        assertEqual(second.results.slice(0, 2).map(f => f.id), newestFirst.slice(3, 5), 'page 2 (limit 3, offset 3) first ids');
        assertEqual(second.previous, 0, 'page 2 previous');
        assertEqual(second.next, second.count > 6 ? 6 : null, 'page 2 next');
    });

    await checkWith('update_flow (PATCH): display_name and liveness_config.max_attempts change, the rest stays', { flow: s.flow }, async () => {
        const flow = await callOk(client, 'update_flow', {
            request_data: { flow_id: s.flow.id, display_name: 'MCP smoke (updated)', technology_configs: { liveness_config: { max_attempts: 7 } } },
        });
        assertEqual(flow.display_name, 'MCP smoke (updated)', 'display_name');
        assertEqual(flow.technology_configs.liveness_config, { ...s.flow.technology_configs.liveness_config, max_attempts: 7 },
            'technology_configs.liveness_config');
        for (const field of ['id', 'name', 'technology_ids', 'technologies', 'flow_config', 'api_key', 'created_at']) {
            assertEqual(flow[field], s.flow[field], `${field} (unchanged)`);
        }
        for (const field of ['doc_recognition_config', 'face2face_config']) {
            assertEqual(flow.technology_configs[field], s.flow.technology_configs[field], `technology_configs.${field} (unchanged)`);
        }
        assert(Date.parse(flow.updated_at) > Date.parse(s.flow.updated_at), 'updated_at did not move');
        s.updated = flow;
    });
    await checkWith('update_flow adding DSI: isError pointing to the Cabinet', { flow: s.flow, tech: s.tech }, async () => {
        const text = await callError(client, 'update_flow', {
            request_data: { flow_id: s.flow.id, technology_ids: ids(['LD', 'DSI']) },
        });
        assert(text.includes('Cabinet'), `error does not mention the Cabinet: ${show(text)}`);
    });
    await checkWith('get_flow returns the updated flow with its api_key and configs', { updated: s.updated }, async () => {
        const flow = await callOk(client, 'get_flow', { flow_id: s.flow.id });
        assertEqual(flow, s.updated, 'get_flow vs the update_flow result');
    });

    // ------------------------------------------------------------------------------------ 5. smoke-test a session
    s.session = await checkWith('create_flow_session with the flow api_key: session_id + verification_url', { flow: s.flow }, async () => {
        const session = await callOk(client, 'create_flow_session', { flow_api_key: s.flow.api_key, metadata: { smoke_run: run } });
        assert(UUID.test(session.session_id), 'session_id is not a UUID');
        const url = new URL(session.verification_url);
        assertEqual(url.pathname, `/flow/${session.session_id}`, 'verification_url path');
        if (isLoopback(config.url.hostname) && isLoopback(url.hostname)) {
            // A server on this machine links to itself (product spec: the UI is /flow/{id} on the same server).
            assertEqual(url.port || defaultPort(url), config.url.port || defaultPort(config.url), 'verification_url port (same server)');
        }
        assertEqual(session.technologies, ['LD', 'DR', 'F2F'], 'technologies');
        return session;
    });
    await checkWith('create_flow_session with an unknown flow api_key: isError', { flow: s.flow }, async () => {
        await callError(client, 'create_flow_session', { flow_api_key: `${s.flow.api_key.slice(0, -4)}zzzz` });
    });
    await checkWith('update_flow_session_status on a CREATED session: isError (only FINISHED/FAILED can be decided)', { session: s.session }, async () => {
        const text = await callError(client, 'update_flow_session_status', {
            session_id: s.session.session_id, request_data: { status: 'APPROVED', message: 'smoke' },
        });
        assert(/FINISHED|FAILED/.test(text), `error does not say which statuses can be decided: ${show(text)}`);
    });
    s.review = await checkWith('create_flow_session_review: a MESSAGE review', { session: s.session }, async () => {
        const review = await callOk(client, 'create_flow_session_review', {
            session_id: s.session.session_id, request_data: { message: `smoke ${run}: looks fine` },
        });
        assertEqual([review.type, review.session_id, review.message, review.from_status, review.to_status],
            ['MESSAGE', s.session.session_id, `smoke ${run}: looks fine`, null, null], 'type, session_id, message, from/to status');
        assert(review.author && !review.author.includes(config.key), 'author is empty or leaks the organization key');
        return review;
    });
    await checkWith('list_flow_session_reviews: exactly the review (the refused decision left no trace)', { session: s.session, review: s.review }, async () => {
        const { results } = await callOk(client, 'list_flow_session_reviews', { session_id: s.session.session_id });
        assertEqual(results, [s.review], 'reviews');
    });
    s.view = await checkWith('get_flow_session: CREATED, metadata, one block per technology with the flow\'s max_attempts, no media', { session: s.session, updated: s.updated, org: s.org }, async () => {
        const view = await callOk(client, 'get_flow_session', { session_id: s.session.session_id });
        assertEqual([view.session_id, view.flow_id, view.status, view.overall_result], [s.session.session_id, s.flow.id, 'CREATED', null],
            'session_id, flow_id, status, overall_result');
        assertEqual(view.sandbox, s.org.sandbox, 'sandbox');
        assertEqual(view.metadata, { smoke_run: run }, 'metadata');
        assertEqual(view.expires_at, s.session.expires_at, 'expires_at');
        const ttl = (Date.parse(view.expires_at) - Date.parse(view.created_at)) / 60_000;
        assertEqual(ttl, s.updated.flow_config.session_ttl_minutes, 'expires_at - created_at in minutes (session_ttl_minutes)');
        const blocks = { liveness_result: 'liveness_config', document_recognition_result: 'doc_recognition_config', face2face_result: 'face2face_config' };
        for (const [block, config] of Object.entries(blocks)) {
            assert(view[block], `no ${block}`);
            assertEqual([view[block].status, view[block].result, view[block].attempts], ['PENDING', null, 0], `${block} status, result, attempts`);
            assertEqual(view[block].max_attempts, s.updated.technology_configs[config].max_attempts, `${block}.max_attempts (${config})`);
            assert(!('media' in view[block]), `${block} has media in the structured view`);
        }
        return view;
    });
    await checkWith('get_flow_session_light_result: status CREATED, sandbox true, media lists', { session: s.session }, async () => {
        const light = await callOk(client, 'get_flow_session_light_result', { session_id: s.session.session_id });
        assertEqual(light.status, 'CREATED', 'status');
        assertEqual(light.sandbox, true, `sandbox (organization status ${s.org?.status})`);
        assertEqual(light.failure_reasons, [], 'failure_reasons');
        for (const block of ['liveness_result', 'document_recognition_result', 'face2face_result']) {
            assert(Array.isArray(light[block]?.media), `${block}.media is not an array`);
        }
    });
    s.finished = await checkWith('sandbox test mode (REST) finishes the session: FINISHED, results labelled sandbox', { session: s.session, flow: s.flow }, async () => {
        const response = await fetch(new URL('/api/v1/sandbox/session/complete/', config.url), {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ api_key: s.flow.api_key, session_id: s.session.session_id, outcome: 'passed' }),
        });
        assertEqual(response.status, 200, `POST /api/v1/sandbox/session/complete/ status (${await response.clone().text()})`);
        const light = await callOk(client, 'get_flow_session_light_result', { session_id: s.session.session_id });
        assertEqual([light.status, light.overall_result], ['FINISHED', true], 'status, overall_result');
        for (const block of ['liveness_result', 'document_recognition_result', 'face2face_result']) {
            assertEqual([light[block].result, light[block].sandbox, light[block].provider], [true, true, 'kycflow-sandbox'], `${block} result, sandbox, provider`);
        }
        return light;
    });
    const blocks = ['liveness_result', 'document_recognition_result', 'face2face_result'];
    for (const [label, outcomes, status] of [['passes', {}, 'FINISHED'], ['fails F2F with face_mismatch', { F2F: 'face_mismatch' }, 'FAILED']]) {
        await checkWith(`complete_sandbox_session ${label}: ${status}, and the REST light and full results agree`, { flow: s.flow }, async () => {
            const session = await callOk(client, 'create_flow_session', { flow_api_key: s.flow.api_key });
            const view = await callOk(client, 'complete_sandbox_session', { session_id: session.session_id, outcomes });
            assertEqual(view.status, status, 'status');
            const query = new URLSearchParams({ session_id: session.session_id, flow_api_key: s.flow.api_key });
            const light = await restJson(config.url, '/api/v1/flows/session/result/light/', query, 'REST light result');
            assertEqual([light.status, light.overall_result], [view.status, view.overall_result], 'REST status, overall_result');
            for (const block of blocks) {
                assertEqual([light[block].result, light[block].sandbox, light[block].provider], [view[block].result, true, 'kycflow-sandbox'], `${block} result, sandbox, provider`);
            }
            if (status === 'FAILED') {
                assertEqual(light.failure_reasons.map(reason => [reason.technology, reason.type]), [['F2F', 'face_mismatch']], 'failure_reasons');
            }

            // the full result (product spec §4): the same verdict in the compatibility fields, the technologies
            // described, the same blocks
            const full = await restJson(config.url, '/api/v1/flows/session/result/', query, 'REST full result');
            assertEqual([full.session_id, full.status, full.finished_at], [light.session_id, light.status, light.finished_at],
                'full vs light: session_id, status, finished_at');
            assertEqual(full.flow_session_result, light.overall_result, 'full flow_session_result vs light overall_result');
            assertEqual(full.flow_session_result, status === 'FINISHED', 'flow_session_result');
            assertEqual(full.flow_session_failure_reasons, light.failure_reasons.map(reason => reason.type),
                'full flow_session_failure_reasons vs light failure_reasons[].type');
            assertEqual(full.failure_reasons, light.failure_reasons, 'full vs light failure_reasons');
            assertEqual(full.technologies.map(technology => technology.code), light.technologies, 'full technologies[].code vs light technologies');
            for (const technology of full.technologies) {
                assert(typeof technology.name === 'string' && technology.name.length > 0
                    && typeof technology.description === 'string' && technology.description.length > 0,
                `full technologies: ${technology.code} has no name or description: ${show(technology)}`);
            }
            for (const block of blocks) {
                assertEqual(full[block].result, light[block].result, `full vs light ${block}.result`);
                assertEqual(withoutLinks(full[block]), withoutLinks(light[block]), `full vs light ${block} (media links aside)`);
            }

            // the synthetic captures are stored media: every signed link of the light result serves its image, and
            // a tampered one is refused
            assertEqual(light.liveness_result.media.length, 3, 'liveness_result.media (3 frames)');
            assertEqual(light.document_recognition_result.media.length, 2, 'document_recognition_result.media (2 sides)');
            for (const block of blocks) {
                for (const link of light[block].media) {
                    const image = await fetch(link.url);
                    const type = image.headers.get('content-type');
                    const bytes = new Uint8Array(await image.arrayBuffer());
                    assertEqual([image.status, type], [200, link.content_type], `${block} ${link.kind} link: status, content-type`);
                    assert(/^image\/(png|jpeg|webp)$/.test(type), `${block} ${link.kind} link serves ${type}, not an image`);
                    assert(bytes.length > 0 && (type !== 'image/png' || bytes[0] === 0x89 && bytes[1] === 0x50),
                        `${block} ${link.kind} link: ${bytes.length} bytes, not a ${type}`);
                }
            }
            const tampered = await fetch(light.liveness_result.media[0].url.replace(/signature=(.)/, (_, c) => `signature=${c === 'A' ? 'B' : 'A'}`));
            assertEqual(tampered.status, 403, 'tampered media link');
            const again = await callError(client, 'complete_sandbox_session', { session_id: session.session_id });
            assert(/only CREATED or IN_PROGRESS/.test(again), `completing again: ${again}`);
        });
    }
    await checkWith('update_flow_session_status APPROVED on the FINISHED session, recorded in the review trail', { finished: s.finished, review: s.review }, async () => {
        const view = await callOk(client, 'update_flow_session_status', {
            session_id: s.session.session_id, request_data: { status: 'APPROVED', message: `smoke ${run}: approved` },
        });
        assertEqual(view.status, 'APPROVED', 'status');
        const { results } = await callOk(client, 'list_flow_session_reviews', { session_id: s.session.session_id });
        assertEqual(results.length, 2, 'number of reviews');
        assertEqual([results[1].type, results[1].from_status, results[1].to_status, results[1].message],
            ['STATUS_CHANGE', 'FINISHED', 'APPROVED', `smoke ${run}: approved`], 'decision review');
    });
    await checkWith('update_flow_session_status outputSchema accepts a real session view', { view: s.view }, async () => {
        const validate = new AjvJsonSchemaValidator().getValidator(s.tools.get('update_flow_session_status').outputSchema);
        const result = validate(s.view);
        assert(result.valid, `session view does not match update_flow_session_status's outputSchema: ${result.errorMessage}`);
    });

    // ------------------------------------------------------------------------------------ 6. bad inputs
    await check('get_flow with a non-UUID flow_id: isError naming flow_id', async () => {
        const text = await callError(client, 'get_flow', { flow_id: 'not-a-uuid' });
        assert(text.includes('flow_id'), `error does not name flow_id: ${show(text)}`);
    });
    await check('get_flow with an unknown flow id: isError (not found)', async () => {
        const text = await callError(client, 'get_flow', { flow_id: '00000000-0000-4000-8000-000000000000' });
        assert(/no flow|not found/i.test(text), `unexpected error: ${show(text)}`);
    });
    await check('list_flows limit 101: error naming limit', async () => {
        let text;
        try {
            text = await callError(client, 'list_flows', { limit: 101 });
        } catch (error) {
            if (!(error instanceof McpError) || error.code !== ErrorCode.InvalidParams) {
                throw error;
            }
            text = error.message;
        }
        assert(text.includes('limit'), `error does not name limit: ${show(text)}`);
    });
    await check('unknown tool name: JSON-RPC error -32602 (McpError)', async () => {
        let result;
        try {
            result = await client.callTool({ name: 'no_such_tool', arguments: {} }, undefined, REQUEST_OPTIONS);
        } catch (error) {
            assert(error instanceof McpError, `not an McpError: ${error}`);
            assertEqual(error.code, ErrorCode.InvalidParams, 'error code');
            return;
        }
        throw new CheckFailure(`no JSON-RPC error; got result ${show(result)}`);
    });

    // ------------------------------------------------------------------------------------ 7. transport and coverage
    await check('every response carried X-RateLimit-Limit and X-RateLimit-Remaining', async () => {
        assert(http.requests > 0, 'no request seen');
        assertEqual(http.withoutRateLimitHeaders, [], 'responses without rate-limit headers');
    });
    await check('every tool returned a successful, outputSchema-valid result at least once', async () => {
        const missing = EXPECTED_TOOLS.filter(name => !toolsOk.has(name));
        assert(missing.length === 0, `never called successfully: ${missing.join(', ')}`);
    });
}

/** GET of a REST path on the server under test; the body as JSON once the status is 200. */
async function restJson(base, path, query, what) {
    const url = new URL(path, base);
    url.search = query;
    const response = await fetch(url);
    assertEqual(response.status, 200, `${what} status (${oneLine(await response.clone().text()).slice(0, 200)})`);
    return response.json();
}

/** A result block without its media links' signed URLs and expiry, which each result signs afresh. */
function withoutLinks(block) {
    return { ...block, media: block.media?.map(({ id, kind, content_type }) => ({ id, kind, content_type })) };
}

/** Connects a throw-away client that must be refused with HTTP `status`; returns the refusing response. */
async function refusedConnect(url, headers, status) {
    let refusal;
    const observed = rateLimitAwareFetch(response => {
        if (response.status === status) {
            refusal = response;
        }
    });
    const probe = new Client({ name: 'kycflow-mcp-smoke-probe', version: '1.0.0' });
    try {
        await probe.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: observed }), REQUEST_OPTIONS);
        throw new CheckFailure(`connected; expected HTTP ${status}`);
    } catch (error) {
        if (error instanceof CheckFailure) {
            throw error;
        }
        assert(refusal, `expected HTTP ${status}, got ${error.code ?? ''} ${oneLine(error.message)}`);
        return refusal;
    } finally {
        await probe.close().catch(() => {});
    }
}

function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

function defaultPort(url) {
    return url.protocol === 'https:' ? '443' : '80';
}

const code = await main().catch(error => {
    console.log(`FAIL smoke run aborted -- ${oneLine(error?.stack ?? error)}`);
    failed++;
    console.log(`${passed} passed, ${failed} failed`);
    return 1;
});
// Exit explicitly: a background SSE reconnect or a rate-limit wait must not keep the process alive.
process.exit(code);
