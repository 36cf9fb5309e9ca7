import { describe, expect, it } from 'vitest';
import { formatSize, parseSize, renderBytes, vzdumpSize } from '../../src/testing/model/sizes.js';
import { hms } from '../../src/testing/model/time-format.js';

// The simulator's copies of pve-common's and pve-manager's size and time formats.
describe('size and duration formats', () => {
  it('parses sizes as PVE::JSONSchema::parse_size does', () => {
    expect(parseSize('8G')).toBe(8 * 1024 ** 3);
    expect(parseSize('1.5T')).toBe(1.5 * 1024 ** 4);
    expect(parseSize('512MiB')).toBe(512 * 1024 ** 2);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('-1G')).toBeUndefined();
    expect(parseSize('1X')).toBeUndefined();
  });

  it('writes the largest exact unit, as format_size does for config files', () => {
    expect(formatSize(32 * 1024 ** 3)).toBe('32G');
    expect(formatSize(4 * 1024 ** 2)).toBe('4M');
    expect(formatSize(1.5 * 1024 ** 3)).toBe('1536M');
    expect(formatSize(2 * 1024 ** 4)).toBe('2T');
    expect(formatSize(1000)).toBe('1000');
  });

  it('renders bytes and backup sizes as task logs print them', () => {
    expect(renderBytes(32 * 1024 ** 3)).toBe('32.00 GiB');
    expect(renderBytes(1536, 1)).toBe('1.5 KiB');
    expect(renderBytes(512)).toBe('512.00 B');
    expect(vzdumpSize(412_345_678)).toBe('393MB');
    expect(vzdumpSize(1_632_478_912)).toBe('1.52GB');
    expect(vzdumpSize(2048)).toBe('2KB');
    expect(hms(3725)).toBe('01:02:05');
  });
});
