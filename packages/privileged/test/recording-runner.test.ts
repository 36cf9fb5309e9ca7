import { CommandFailedError, CommandTimeoutError, PrivilegeDeniedError } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expect, it } from 'vitest';

describe('RecordingRunner (exported for consumers tests)', () => {
  it('records calls, answers from rules in order, and honours times', async () => {
    const runner = new RecordingRunner()
      .respond({ file: '/bin/a', args: ['1'] }, { stdout: 'one' }, { times: 1 })
      .respond({ file: '/bin/a' }, { stdout: 'any' });
    expect((await runner.run({ file: '/bin/a', args: ['1'] })).stdout).toBe('one');
    expect((await runner.run({ file: '/bin/a', args: ['1'] })).stdout).toBe('any');
    expect(runner.commandLines).toEqual(['/bin/a 1', '/bin/a 1']);
  });

  it('rejects unscripted commands so an unexpected call fails the test', async () => {
    await expect(new RecordingRunner().run({ file: '/bin/x', args: [] })).rejects.toThrow(
      /no scripted reply for \/bin\/x/,
    );
  });

  it('applies the same outcome rules as ExecRunner', async () => {
    const runner = new RecordingRunner({ mode: 'sudo' })
      .respond({ file: '/bin/fail' }, { exitCode: 2, stderr: 'boom' })
      .respond({ file: '/bin/deny' }, { exitCode: 1, stderr: 'sudo: a password is required\n' })
      .respond({ file: '/bin/slow' }, { timedOut: true });
    await expect(runner.run({ file: '/bin/fail', args: [] })).rejects.toBeInstanceOf(CommandFailedError);
    expect((await runner.run({ file: '/bin/fail', args: [] }, { reject: false })).exitCode).toBe(2);
    await expect(runner.run({ file: '/bin/deny', args: [] }, { reject: false })).rejects.toBeInstanceOf(
      PrivilegeDeniedError,
    );
    // Unelevated commands do not go through sudo, so sudo-looking stderr is the tool's own.
    expect(
      (await runner.run({ file: '/bin/deny', args: [] }, { reject: false, elevated: false })).exitCode,
    ).toBe(1);
    await expect(runner.run({ file: '/bin/slow', args: [] }, { timeout: 5 })).rejects.toBeInstanceOf(
      CommandTimeoutError,
    );
    const aborted = await runner
      .run({ file: '/bin/fail', args: [] }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((aborted as Error).name).toBe('AbortError');
  });
});
