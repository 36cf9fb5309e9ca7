import {
  CommandFailedError,
  CommandTimeoutError,
  ExecRunner,
  InvalidInputError,
  isPrivilegedError,
  OutputTooLargeError,
  PrivilegeDeniedError,
} from '@felhom/privileged';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/paths.js';

const tool = fixture('fake-tool.mjs');
const direct = new ExecRunner({ mode: 'direct' });

describe('ExecRunner in direct mode (real child processes)', () => {
  it('passes arguments as an array, unsplit and unexpanded, with a clean environment', async () => {
    const args = ['echo', 'two words', '$(id)', '; rm -rf /', '*', '"quoted"'];
    const result = await direct.run({ file: tool, args });
    const printed = JSON.parse(result.stdout) as { args: string[]; env: Record<string, string> };
    expect(printed.args).toEqual(args.slice(1));
    expect(printed.env).toEqual({ PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' });
    expect(result.exitCode).toBe(0);
    expect(result.signal).toBeNull();
    expect(result.argv).toEqual([tool, ...args]);
    expect(result.command).toContain('"two words"');
    expect(result.timedOut).toBe(false);
    expect(result.cancelled).toBe(false);
  });

  it('writes stdin to the child', async () => {
    const result = await direct.run({ file: tool, args: ['stdin'] }, { stdin: 'ssh-ed25519 AAAA key\n' });
    expect(result.stdout).toBe('ssh-ed25519 AAAA key\n');
  });

  it('rejects a non-zero exit with CommandFailedError carrying exit code, stderr tail and duration', async () => {
    const error = await direct
      .run({ file: tool, args: ['exit', '3', 'disk', 'on', 'fire'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    const failed = error as CommandFailedError;
    expect(failed.exitCode).toBe(3);
    expect(failed.signal).toBeNull();
    expect(failed.stderrTail).toBe('disk on fire');
    expect(failed.durationMs).toBeGreaterThanOrEqual(0);
    expect(failed.message).toMatch(/^command failed: .*fake-tool\.mjs exit 3 .* — exit 3 — disk on fire$/);
    expect(failed.reason).toBe('command-failed');
    expect(isPrivilegedError(failed)).toBe(true);
  });

  it('resolves a non-zero exit with reject: false so the caller can read the exit code', async () => {
    const result = await direct.run(
      { file: tool, args: ['exit', '4', 'x', 'with-stdout'] },
      { reject: false },
    );
    expect(result.exitCode).toBe(4);
    expect(result.stdout).toBe('{"partial":true}');
  });

  it('reports a signal death as a failure with the signal', async () => {
    const error = await direct.run({ file: tool, args: ['kill-self'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).signal).toBe('SIGTERM');
    expect((error as CommandFailedError).exitCode).toBeNull();
  });

  it('kills the child and rejects with CommandTimeoutError when the timeout elapses', async () => {
    const error = await direct
      .run({ file: tool, args: ['sleep'] }, { timeout: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    const timeout = error as CommandTimeoutError;
    expect(timeout.timeoutMs).toBe(300);
    expect(timeout.result.timedOut).toBe(true);
    expect(timeout.result.signal).toBe('SIGKILL');
    expect(timeout.reason).toBe('timeout');
  });

  it('aborts with a standard AbortError when the signal fires, and before spawning when already aborted', async () => {
    const controller = new AbortController();
    const running = direct.run({ file: tool, args: ['sleep'] }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    const error = await running.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect((error as Error & { cause?: unknown }).cause).toEqual(new Error('user cancelled'));
    const early = await direct
      .run({ file: tool, args: ['echo'] }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((early as Error).name).toBe('AbortError');
  });

  it('kills a child whose output exceeds the cap', async () => {
    const small = new ExecRunner({ mode: 'direct', maxOutputBytes: 1024 });
    const error = await small.run({ file: tool, args: ['flood', '100000'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputTooLargeError);
    expect((error as OutputTooLargeError).limitBytes).toBe(1024);
  });

  it('reports a missing binary as a failed command with the OS reason', async () => {
    const error = await direct.run({ file: '/nonexistent/smartctl', args: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).exitCode).toBeNull();
    expect((error as CommandFailedError).stderrTail).toMatch(/ENOENT/);
  });

  it.each([
    ['a relative path', { file: 'smartctl', args: [] }, 'command.file'],
    ['a path with ..', { file: '/usr/../bin/sh', args: [] }, 'command.file'],
    [
      'a shell string instead of an array',
      { file: '/bin/echo', args: 'a b' as unknown as string[] },
      'command.args',
    ],
    ['a NUL byte in an argument', { file: '/bin/echo', args: ['a\0b'] }, 'command.args[0]'],
  ])('rejects %s before spawning anything', async (_, command, parameter) => {
    const error = await direct.run(command).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe(parameter);
  });

  it('validates its own options', () => {
    expect(() => new ExecRunner({ mode: 'root' as 'direct' })).toThrow(InvalidInputError);
    expect(() => new ExecRunner({ mode: 'direct', timeout: -1 })).toThrow(/options\.timeout/);
    expect(() => new ExecRunner({ mode: 'sudo', sudoPath: 'sudo' })).toThrow(/options\.sudoPath/);
  });
});

describe('ExecRunner in sudo mode (a fake sudo binary; real sudo is in test/sudoers)', () => {
  const sudo = new ExecRunner({ mode: 'sudo', sudoPath: fixture('fake-sudo.mjs') });

  it('prefixes argv with sudo -n -- and nothing else', async () => {
    const result = await sudo.run({ file: '/usr/sbin/smartctl', args: ['-j', '--scan'] });
    expect(JSON.parse(result.stdout)).toEqual({
      sudoArgs: ['-n', '--', '/usr/sbin/smartctl', '-j', '--scan'],
    });
    expect(result.argv.slice(1, 3)).toEqual(['-n', '--']);
    expect(result.requested).toEqual({ file: '/usr/sbin/smartctl', args: ['-j', '--scan'] });
  });

  it('runs an unelevated command without the prefix', async () => {
    const result = await sudo.run({ file: tool, args: ['echo', 'x'] }, { elevated: false });
    expect(result.argv).toEqual([tool, 'echo', 'x']);
  });

  it.each([
    ['refuse-password', 'password-required', 'sudo: a password is required'],
    [
      'refuse-rule',
      'not-allowed',
      "Sorry, user felhom is not allowed to execute '/usr/sbin/smartctl refuse-rule' as root on pve.",
    ],
    ['refuse-missing', 'command-not-found', 'sudo: /usr/sbin/smartctl: command not found'],
  ])(
    'classifies exit 1 with %s as PrivilegeDeniedError (%s), even with reject: false',
    async (word, refusal, message) => {
      const error = await sudo
        .run({ file: '/usr/sbin/smartctl', args: [word] }, { reject: false })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrivilegeDeniedError);
      const denied = error as PrivilegeDeniedError;
      expect(denied.refusal).toBe(refusal);
      expect(denied.sudoMessage).toBe(message);
      expect(denied.command).toBe(`/usr/sbin/smartctl ${word}`);
      expect(denied.message).toContain('/usr/sbin/smartctl');
      expect(denied.fix).toMatch(
        refusal === 'command-not-found' ? /install \/usr\/sbin\/smartctl/ : /sudoersAllowlist/,
      );
    },
  );

  it("keeps the tool's own exit 1 as the tool's result", async () => {
    const result = await sudo.run({ file: '/usr/sbin/smartctl', args: ['tool-exit-1'] }, { reject: false });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('exit_status');
    const error = await sudo
      .run({ file: '/usr/sbin/smartctl', args: ['tool-exit-1'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
  });
});
