#!/usr/bin/env node
// A partner app's journey against the running RunRestore services, from Node: nothing .NET on this side.
//   bash deploy/run.sh && (cd clients/node && npm ci) && node clients/node/journey.mjs
// Registers a runner in a fresh clinic, logs runs (one of them twice, to show idempotency), reports knee pain
// during a run, reads the training load, checks that the other services learned of the runner, and makes one
// bad call whose google.rpc.BadRequest field violations it decodes from the grpc-status-details-bin trailer.
// Exits 0 only if every expectation holds.
// Env: RUNRESTORE_INTAKE, RUNRESTORE_ASSESSMENT, RUNRESTORE_PROGRAMMING (host:port, defaults 127.0.0.1:5101-5103),
//      RUNRESTORE_WAIT_SECONDS (how long to wait for the services at start, default 60).
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const PROTOS = join(REPO, 'protos');
const CALL_DEADLINE_MS = 10_000;
const WAIT_SECONDS = Number(process.env.RUNRESTORE_WAIT_SECONDS ?? 60);
const PROPAGATION_SECONDS = 30;

const ADDRESSES = {
  intake: process.env.RUNRESTORE_INTAKE ?? '127.0.0.1:5101',
  assessment: process.env.RUNRESTORE_ASSESSMENT ?? '127.0.0.1:5102',
  programming: process.env.RUNRESTORE_PROGRAMMING ?? '127.0.0.1:5103',
};

// --- output ---------------------------------------------------------------------------------------------------
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
const say = (msg = '') => console.log(msg === '' ? '' : `[journey ${elapsed()}] ${msg}`);
const step = (n, title) => say(`--- ${n}. ${title}`);
let checks = 0;
/** Runs one assertion and logs it as a passed expectation. */
function expect(description, fn) {
  fn();
  checks += 1;
  say(`  ok  ${description}`);
}

// --- auth: an HS256 JWT minted with the development key ---------------------------------------------------------
const settingsFile = join(REPO, 'services', 'Intake', 'appsettings.Development.json');
const auth = JSON.parse(readFileSync(settingsFile, 'utf8')).Auth ?? {};
assert.ok(auth.SigningKey, `Auth:SigningKey missing in ${settingsFile}`);

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token for one clinic with the given scopes, valid for 15 minutes. */
function mintToken(clinic, scopes) {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = {
    iss: auth.Issuer ?? 'runrestore-dev',
    aud: auth.Audience ?? 'runrestore',
    sub: 'node-journey',
    clinic,
    scope: scopes.join(' '),
    iat: now,
    nbf: now,
    exp: now + 15 * 60,
  };
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  const signature = createHmac('sha256', Buffer.from(auth.SigningKey, 'utf8')).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

const ALL_SCOPES = ['intake:write', 'intake:read', 'assessment:read', 'programming:read'];
const clinic = `node-client-${randomBytes(4).toString('hex')}`;
const token = mintToken(clinic, ALL_SCOPES);

// --- gRPC clients --------------------------------------------------------------------------------------------
const definition = protoLoader.loadSync(
  [
    'runrestore/intake/v1/intake_service.proto',
    'runrestore/assessment/v1/assessment_service.proto',
    'runrestore/programming/v1/programming_service.proto',
  ],
  { includeDirs: [PROTOS], keepCase: true, enums: String, longs: String, defaults: true, oneofs: true },
);
const proto = grpc.loadPackageDefinition(definition).runrestore;
const credentials = grpc.credentials.createInsecure();
// Reconnect quickly while waiting for services that are still starting (grpc-js backs off up to 120 s by default).
const channelOptions = { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 2000 };
const clients = {
  intake: new proto.intake.v1.IntakeService(ADDRESSES.intake, credentials, channelOptions),
  assessment: new proto.assessment.v1.AssessmentService(ADDRESSES.assessment, credentials, channelOptions),
  programming: new proto.programming.v1.ProgrammingService(ADDRESSES.programming, credentials, channelOptions),
};

const statusName = (code) => Object.keys(grpc.status).find((k) => grpc.status[k] === code) ?? String(code);

/** One unary call with a bearer token and a 10 s deadline; rejects with the grpc-js ServiceError. */
function call(service, method, request, bearer = token) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${bearer}`);
  const deadline = new Date(Date.now() + CALL_DEADLINE_MS);
  return new Promise((resolve, reject) => {
    clients[service][method](request, metadata, { deadline }, (err, response) => {
      if (err) {
        err.message = `${service}.${method}: ${statusName(err.code)}: ${err.details}`;
        reject(err);
      } else {
        resolve(response);
      }
    });
  });
}

/** The call's failure (it must fail): resolves with the ServiceError. */
async function callExpectingError(service, method, request, bearer = token) {
  try {
    const response = await call(service, method, request, bearer);
    throw new assert.AssertionError({ message: `${service}.${method} succeeded but should have failed: ${JSON.stringify(response)}` });
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    return err;
  }
}

// --- google.rpc.Status / BadRequest from grpc-status-details-bin, with a tiny protobuf reader -------------------
/** The fields of one protobuf message as [fieldNumber, value] pairs (varints as numbers, length-delimited as Buffers). */
function protoFields(buf) {
  const fields = [];
  let pos = 0;
  const varint = () => {
    let result = 0;
    let multiplier = 1;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const byte = buf[pos++];
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return result;
      multiplier *= 128;
    }
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    if (wireType === 0) fields.push([field, varint()]);
    else if (wireType === 2) {
      const length = varint();
      fields.push([field, buf.subarray(pos, pos + length)]);
      pos += length;
    } else if (wireType === 1) pos += 8;
    else if (wireType === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}

/** google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
 *  with each Any { string type_url = 1; bytes value = 2; } and google.rpc.BadRequest decoded. */
function decodeStatusDetails(buf) {
  const status = { code: 0, message: '', details: [] };
  for (const [field, value] of protoFields(buf)) {
    if (field === 1) status.code = value;
    else if (field === 2) status.message = value.toString('utf8');
    else if (field === 3) {
      const any = { type_url: '', value: Buffer.alloc(0) };
      for (const [f, v] of protoFields(value)) {
        if (f === 1) any.type_url = v.toString('utf8');
        else if (f === 2) any.value = v;
      }
      if (any.type_url.endsWith('/google.rpc.BadRequest')) any.badRequest = decodeBadRequest(any.value);
      status.details.push(any);
    }
  }
  return status;
}

/** google.rpc.BadRequest { repeated FieldViolation field_violations = 1; }
 *  FieldViolation { string field = 1; string description = 2; string reason = 3; } */
function decodeBadRequest(buf) {
  const violations = [];
  for (const [field, value] of protoFields(buf)) {
    if (field !== 1) continue;
    const violation = { field: '', description: '', reason: '' };
    for (const [f, v] of protoFields(value)) {
      if (f === 1) violation.field = v.toString('utf8');
      else if (f === 2) violation.description = v.toString('utf8');
      else if (f === 3) violation.reason = v.toString('utf8');
    }
    violations.push(violation);
  }
  return { field_violations: violations };
}

/** A failure explained by its message alone (no stack trace printed). */
class JourneyFailure extends Error {}

// --- helpers -------------------------------------------------------------------------------------------------
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A UTC date "YYYY-MM-DD" some days before today (the services check dates against their own today). */
const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const fmt = (value, digits = 1) => (value === null || value === undefined ? '-' : Number(value).toFixed(digits));

/** Waits until each service answers GetRunner for a random id with NOT_FOUND/UNAUTHENTICATED (so it is up). */
async function waitForServices() {
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  for (const service of Object.keys(clients)) {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      let outcome;
      try {
        await call(service, 'GetRunner', { runner_id: randomUUID() });
        outcome = 'OK';
      } catch (err) {
        outcome = statusName(err.code);
        if (![grpc.status.NOT_FOUND, grpc.status.UNAUTHENTICATED].includes(err.code)) {
          if (Date.now() >= deadline) {
            throw new JourneyFailure(`${service} at ${ADDRESSES[service]} did not answer within ${WAIT_SECONDS}s ` +
              `(last: ${err.message}); is it running? (bash deploy/run.sh)`);
          }
          await sleep(1000);
          continue;
        }
      }
      say(`${service.padEnd(11)} ${ADDRESSES[service]} answers (GetRunner of a random id: ${outcome}, attempt ${attempts})`);
      break;
    }
  }
}

/** Polls until fn() resolves (NOT_FOUND means "not yet"), for at most `seconds`. */
async function eventually(seconds, fn) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (err.code !== grpc.status.NOT_FOUND || Date.now() >= deadline) throw err;
      await sleep(500);
    }
  }
}

// --- the journey ---------------------------------------------------------------------------------------------
async function journey() {
  say(`clinic ${clinic} (token: HS256, iss=${auth.Issuer}, aud=${auth.Audience}, scope="${ALL_SCOPES.join(' ')}")`);

  step(0, 'wait for the services');
  await waitForServices();

  step(1, 'RegisterRunner');
  const displayName = `Node Runner ${randomBytes(2).toString('hex')}`;
  const registered = await call('intake', 'RegisterRunner', { display_name: displayName, birth_year: 1988, sex: 'SEX_FEMALE' });
  const runner = registered.runner;
  say(`registered ${runner.display_name} (${runner.sex}, born ${runner.birth_year}): runner_id ${runner.runner_id}, at ${runner.registered_at}`);
  expect('runner has a UUID id and the name sent', () => {
    assert.match(runner.runner_id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    assert.equal(runner.display_name, displayName);
    assert.equal(runner.sex, 'SEX_FEMALE');
  });
  const runnerId = runner.runner_id;

  step(2, 'LogRun: six runs over the last three weeks, the long run sent twice by a partner app');
  const partner = 'node-demo-watch';
  const externalId = `activity-${randomBytes(6).toString('hex')}`;
  const runs = [
    { date: daysAgo(20), distance_km: 6, duration_seconds: 36 * 60, session_type: 'SESSION_TYPE_EASY', rpe: 3, surface: 'SURFACE_ROAD' },
    { date: daysAgo(17), distance_km: 8, duration_seconds: 40 * 60, session_type: 'SESSION_TYPE_TEMPO', rpe: 7, surface: 'SURFACE_TRACK' },
    { date: daysAgo(13), distance_km: 7, duration_seconds: 41 * 60, session_type: 'SESSION_TYPE_EASY', rpe: 4, average_heart_rate: 142 },
    { date: daysAgo(9), distance_km: 10, duration_seconds: 58 * 60, session_type: 'SESSION_TYPE_INTERVAL', rpe: 8, cadence_spm: 176 },
    { date: daysAgo(5), distance_km: 8, duration_seconds: 47 * 60, session_type: 'SESSION_TYPE_RECOVERY', rpe: 2, surface: 'SURFACE_TRAIL' },
    {
      date: daysAgo(2), distance_km: 14, duration_seconds: 84 * 60, session_type: 'SESSION_TYPE_LONG', rpe: 6,
      elevation_gain_m: 120, surface: 'SURFACE_ROAD', partner, external_id: externalId,
    },
  ];
  const runIds = [];
  for (const run of runs) {
    const logged = await call('intake', 'LogRun', { runner_id: runnerId, run });
    const flags = (list) => list.map((f) => `${f.rule_id}/${f.kind}`).join(', ') || 'none';
    say(`${run.date} ${run.session_type.replace('SESSION_TYPE_', '').toLowerCase().padEnd(8)} ${fmt(run.distance_km).padStart(5)} km ` +
      `rpe ${run.rpe} -> run_id ${logged.run_id} duplicate=${logged.duplicate} ` +
      `flags raised: ${flags(logged.flags_raised)}, cleared: ${flags(logged.flags_cleared)}`);
    expect('a new run is stored (duplicate=false, run id given)', () => {
      assert.equal(logged.duplicate, false);
      assert.ok(logged.run_id, 'run_id is empty');
    });
    runIds.push(logged.run_id);
  }
  const longRunId = runIds.at(-1);

  const resend = await call('intake', 'LogRun', { runner_id: runnerId, run: runs.at(-1) });
  say(`resend of ${partner}/${externalId} -> run_id ${resend.run_id} duplicate=${resend.duplicate}`);
  expect('the resend is a duplicate with the first run_id (idempotent on partner + external_id)', () => {
    assert.equal(resend.duplicate, true);
    assert.equal(resend.run_id, longRunId);
  });

  step(3, 'ReportPain: anterior knee from 9 km into the long run');
  const pain = await call('intake', 'ReportPain', {
    runner_id: runnerId,
    date: runs.at(-1).date,
    body_site: 'BODY_SITE_ANTERIOR_KNEE',
    side: 'SIDE_RIGHT',
    severity: 4,
    phase: 'PAIN_PHASE_DURING_RUN',
    onset_km: 9,
    linked_run_id: longRunId,
    duration_days: 3,
    notes: 'knee starts aching at the 9 km mark, worse downhill',
  });
  say(`pain_report_id ${pain.pain_report_id}`);
  expect('the pain report is stored', () => assert.ok(pain.pain_report_id, 'pain_report_id is empty'));

  step(4, 'GetTrainingLoad (6 weeks)');
  const load = await call('intake', 'GetTrainingLoad', { runner_id: runnerId, weeks: 6 });
  say(`as_of ${load.as_of}`);
  say('  week_start  runs    km    min  run_load  acwr  dist_chg%  monotony  strain  hard_share');
  for (const w of load.weeks) {
    say(`  ${w.week_start}  ${String(w.runs).padStart(4)} ${fmt(w.distance_km).padStart(5)} ${fmt(w.run_minutes, 0).padStart(6)} ` +
      `${fmt(w.run_load, 0).padStart(9)} ${fmt(w.acwr, 2).padStart(5)} ${fmt(w.distance_change_percent).padStart(10)} ` +
      `${fmt(w.monotony, 2).padStart(9)} ${fmt(w.strain, 0).padStart(7)} ${fmt(w.hard_share, 2).padStart(11)}`);
  }
  say(`active flags: ${load.active_flags.length}`);
  for (const f of load.active_flags) {
    const numbers = Object.entries(f.numbers).map(([k, v]) => `${k}=${fmt(v, 2)}`).join(' ');
    say(`  [${f.severity}] ${f.rule_id} v${f.rule_version} ${f.kind} (evidence ${f.evidence}) ${numbers}`);
    say(`      ${f.explanation} (triggered by ${f.triggering_ids.length} item(s))`);
  }
  const totalRuns = load.weeks.reduce((n, w) => n + w.runs, 0);
  const totalKm = load.weeks.reduce((n, w) => n + w.distance_km, 0);
  const expectedKm = runs.reduce((n, r) => n + r.distance_km, 0);
  expect(`the weeks count ${runs.length} runs and ${expectedKm} km (the duplicate not counted twice)`, () => {
    assert.equal(load.weeks.length, 6);
    assert.equal(totalRuns, runs.length);
    assert.ok(Math.abs(totalKm - expectedKm) < 1e-6, `total distance ${totalKm} km, expected ${expectedKm} km`);
  });
  expect("weeks are oldest first and the picture is as of the runner's today (UTC: no time zone given)", () => {
    const starts = load.weeks.map((w) => w.week_start);
    assert.deepEqual(starts, [...starts].sort());
    assert.equal(load.as_of, daysAgo(0));
  });
  expect('every active flag names its rule, evidence and explanation', () => {
    for (const f of load.active_flags) {
      assert.match(f.rule_id, /^[A-Z]\d+$/);
      assert.match(f.evidence, /^[ABCX]$/);
      assert.ok(f.explanation.length > 0);
    }
  });

  step(5, 'the other services learned of the runner from intake\'s events (RabbitMQ)');
  for (const service of ['assessment', 'programming']) {
    const t0 = Date.now();
    const seen = await eventually(PROPAGATION_SECONDS, () => call(service, 'GetRunner', { runner_id: runnerId }));
    say(`${service} knows ${seen.runner.display_name} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    expect(`${service} has the same runner`, () => {
      assert.equal(seen.runner.runner_id, runnerId);
      assert.equal(seen.runner.display_name, displayName);
    });
  }

  step(6, 'tenancy: another clinic does not see the runner');
  const otherClinicToken = mintToken(`${clinic}-other`, ALL_SCOPES);
  const notFound = await callExpectingError('intake', 'GetRunner', { runner_id: runnerId }, otherClinicToken);
  say(`GetRunner as another clinic -> ${statusName(notFound.code)}: ${notFound.details}`);
  expect('another clinic gets NOT_FOUND', () => assert.equal(notFound.code, grpc.status.NOT_FOUND));

  step(7, 'a bad call: LogRun with distance_km 0');
  const bad = await callExpectingError('intake', 'LogRun', {
    runner_id: runnerId,
    run: { date: daysAgo(1), distance_km: 0, duration_seconds: 1800, session_type: 'SESSION_TYPE_EASY', rpe: 3 },
  });
  say(`status ${statusName(bad.code)} (${bad.code}): ${bad.details}`);
  const detailsBin = bad.metadata.get('grpc-status-details-bin');
  expect('INVALID_ARGUMENT with a grpc-status-details-bin trailer', () => {
    assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
    assert.equal(detailsBin.length, 1, 'grpc-status-details-bin trailer missing');
  });
  const richStatus = decodeStatusDetails(detailsBin[0]);
  say(`google.rpc.Status code=${richStatus.code} message="${richStatus.message}"`);
  for (const detail of richStatus.details) {
    say(`  detail ${detail.type_url}`);
    for (const v of detail.badRequest?.field_violations ?? []) say(`    field violation: ${v.field}: ${v.description}`);
  }
  const violations = richStatus.details.flatMap((d) => d.badRequest?.field_violations ?? []);
  expect('the trailer is a google.rpc.Status (code 3) with a google.rpc.BadRequest naming distance_km', () => {
    assert.equal(richStatus.code, grpc.status.INVALID_ARGUMENT);
    assert.equal(richStatus.message, bad.details);
    assert.ok(richStatus.details.some((d) => d.type_url === 'type.googleapis.com/google.rpc.BadRequest'),
      `no google.rpc.BadRequest among ${richStatus.details.map((d) => d.type_url).join(', ') || 'no details'}`);
    assert.ok(violations.some((v) => /(^|\.)distance_km$/.test(v.field)),
      `no violation for distance_km among ${violations.map((v) => v.field).join(', ') || 'none'}`);
  });
  const after = await call('intake', 'GetTrainingLoad', { runner_id: runnerId, weeks: 6 });
  expect('nothing was stored for the bad call', () =>
    assert.equal(after.weeks.reduce((n, w) => n + w.runs, 0), runs.length));
}

let exitCode = 0;
try {
  await journey();
  say(`PASSED: ${checks} expectations held (clinic ${clinic})`);
} catch (err) {
  exitCode = 1;
  console.error(`[journey ${elapsed()}] FAILED after ${checks} expectations: ${err.message}`);
  if (err instanceof assert.AssertionError && err.actual !== undefined && err.expected !== undefined) {
    console.error(`  actual:   ${JSON.stringify(err.actual)}\n  expected: ${JSON.stringify(err.expected)}`);
  } else if (!(err instanceof assert.AssertionError || err instanceof JourneyFailure) && err.code === undefined) {
    console.error(err.stack);
  }
} finally {
  for (const client of Object.values(clients)) client.close();
}
process.exit(exitCode);
