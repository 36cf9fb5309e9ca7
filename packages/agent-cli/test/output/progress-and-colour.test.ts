import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorEnabled } from '../../src/output/io.js';
import { startProgress } from '../../src/output/progress.js';
import { captureIO } from '../support/capture-io.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('colorEnabled', () => {
  it('is on for a terminal and off for a pipe', () => {
    expect(colorEnabled(captureIO({}, { stdout: true }), 'stdout')).toBe(true);
    expect(colorEnabled(captureIO({}, { stdout: false }), 'stdout')).toBe(false);
    expect(colorEnabled(captureIO({}, { stderr: true }), 'stderr')).toBe(true);
  });

  it('is off for any non-empty NO_COLOR, not only "1", and for TERM=dumb', () => {
    for (const value of ['1', 'true', 'yes', 'x']) {
      expect(colorEnabled(captureIO({ NO_COLOR: value }, { stdout: true }), 'stdout')).toBe(false);
    }
    expect(colorEnabled(captureIO({ NO_COLOR: '' }, { stdout: true }), 'stdout')).toBe(true);
    expect(colorEnabled(captureIO({ TERM: 'dumb' }, { stdout: true }), 'stdout')).toBe(false);
  });
});

describe('startProgress', () => {
  it('writes plain lines and no control characters when stderr is not a terminal', () => {
    const io = captureIO();
    const progress = startProgress(io, 'snapshot x of CT 100');
    progress.line('Logical volume created.');
    progress.done();
    expect(io.err()).toBe('snapshot x of CT 100\n  Logical volume created.\n');
    expect(io.out()).toBe('');
  });

  it('spins on a terminal, prints log lines above the spinner and clears it when done', () => {
    vi.useFakeTimers();
    const io = captureIO({}, { stderr: true });
    const progress = startProgress(io, 'waiting');
    vi.advanceTimersByTime(250);
    progress.line('TASK OK');
    progress.done();
    const written = io.err();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the spinner redraws with CR + erase-line
    const frames = written.match(/\r\u001B\[2K\S* ?waiting/g) ?? [];
    expect(frames.length).toBeGreaterThanOrEqual(3);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the log line is dimmed on a colour terminal
    expect(written).toMatch(/\r\u001B\[2K {2}\u001B\[2mTASK OK\u001B\[22m\n/);
    expect(written.endsWith('\r\u001B[2K')).toBe(true);
    // After done(), the timer is gone: nothing more is written.
    const length = written.length;
    vi.advanceTimersByTime(1000);
    expect(io.err().length).toBe(length);
  });

  it('does not colour the spinner when NO_COLOR is set, even on a terminal', () => {
    vi.useFakeTimers();
    const io = captureIO({ NO_COLOR: '1' }, { stderr: true });
    const progress = startProgress(io, 'waiting');
    progress.done();
    expect(io.err()).not.toContain('\u001B[2m');
  });
});
