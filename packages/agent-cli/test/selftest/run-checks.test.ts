import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/output/style.js';
import { type Check, CheckFailure } from '../../src/selftest/check.js';
import { buildDocument, formatResultLine, formatSummary } from '../../src/selftest/report.js';
import { runChecks } from '../../src/selftest/run-checks.js';

const never = new AbortController().signal;
const explain = (error: unknown) => new CheckFailure(`unexpected: ${(error as Error).message}`);

function check(id: string, run: Check['run']): Check {
  return { id, title: `check ${id}`, run };
}

describe('runChecks', () => {
  it('records ok and failed checks in order and keeps going after a non-fatal failure', async () => {
    const seen: string[] = [];
    const results = await runChecks(
      [
        check('a', async () => 'fine'),
        check('b', async () => {
          throw new CheckFailure('403 on /storage', { hint: 'grant Datastore.Audit' });
        }),
        check('c', async () => 'also fine'),
      ],
      { signal: never, explain, onResult: (result) => seen.push(result.id) },
    );
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ['a', 'ok'],
      ['b', 'fail'],
      ['c', 'ok'],
    ]);
    expect(results[1]).toMatchObject({ evidence: '403 on /storage', hint: 'grant Datastore.Audit' });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('skips the rest after a fatal failure, saying why', async () => {
    let ranAfter = false;
    const results = await runChecks(
      [
        check('tls', async () => {
          throw new CheckFailure('pin mismatch', { fatal: true });
        }),
        check('nodes', async () => {
          ranAfter = true;
          return 'x';
        }),
      ],
      { signal: never, explain },
    );
    expect(ranAfter).toBe(false);
    expect(results[1]).toMatchObject({ status: 'skipped', evidence: 'not run: check tls failed' });
  });

  it('turns unexpected errors into failures through explain()', async () => {
    const results = await runChecks(
      [
        check('x', async () => {
          throw new Error('boom');
        }),
      ],
      { signal: never, explain },
    );
    expect(results[0]).toMatchObject({ status: 'fail', evidence: 'unexpected: boom' });
  });

  it('stops at once when aborted, with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted by SIGINT');
    await expect(
      runChecks(
        [
          check('a', async () => {
            controller.abort(reason);
            throw new Error('request aborted');
          }),
          check('b', async () => 'never'),
        ],
        { signal: controller.signal, explain },
      ),
    ).rejects.toBe(reason);
  });

  it('measures durations with the injected clock', async () => {
    let time = 1000;
    const results = await runChecks(
      [
        check('a', async () => {
          time += 42;
          return 'ok';
        }),
      ],
      { signal: never, explain, now: () => time },
    );
    expect(results[0]?.durationMs).toBe(42);
  });
});

describe('report', () => {
  const plain = createStyle(false);
  it('prints [ ok ], [FAIL] with an indented hint, and [skip]', () => {
    expect(
      formatResultLine({ id: 'a', title: 'API', status: 'ok', evidence: 'PVE 9.1', durationMs: 1 }, plain),
    ).toBe('[ ok ] API: PVE 9.1\n');
    expect(
      formatResultLine(
        {
          id: 'b',
          title: 'storage',
          status: 'fail',
          evidence: '403',
          hint: 'line one\nline two',
          durationMs: 1,
        },
        plain,
      ),
    ).toBe('[FAIL] storage: 403\n       hint: line one\n             line two\n');
    expect(
      formatResultLine({ id: 'c', title: 'x', status: 'skipped', evidence: 'not run', durationMs: 0 }, plain),
    ).toBe('[skip] x: not run\n');
  });

  it('colours tags only when the style is coloured', () => {
    const line = formatResultLine(
      { id: 'a', title: 'API', status: 'ok', evidence: 'e', durationMs: 1 },
      createStyle(true),
    );
    expect(line).toBe('\u001B[32m[ ok ]\u001B[39m API: e\n');
  });

  it('summarises and builds the JSON document', () => {
    const results = [
      { id: 'a', title: 'A', status: 'ok', evidence: '', durationMs: 1 },
      { id: 'b', title: 'B', status: 'fail', evidence: '', durationMs: 1 },
      { id: 'c', title: 'C', status: 'skipped', evidence: '', durationMs: 0 },
    ] as const;
    expect(formatSummary(results, plain)).toBe('1 passed, 1 failed, 1 skipped\n');
    const document = buildDocument(results, {
      version: '1.2.3',
      target: { baseUrl: 'https://x:8006', tokenId: 'a@pve!b', node: null, tls: 'system CAs', demo: false },
    });
    expect(document).toMatchObject({
      schemaVersion: 1,
      ok: false,
      summary: { passed: 1, failed: 1, skipped: 1 },
    });
  });
});
