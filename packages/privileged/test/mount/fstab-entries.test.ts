import { describe, expect, it } from 'vitest';
import { addEntry, entryAt, FstabConflict, formatEntry, removeEntry } from '../../src/mount/fstab-entries.js';

const entry = {
  uuid: '3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f',
  mountPoint: '/srv/felhom/usb/backup1',
  fsType: 'ext4',
  options: 'nofail,nosuid,nodev,noexec',
};
const line =
  'UUID=3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f /srv/felhom/usb/backup1 ext4 nofail,nosuid,nodev,noexec 0 0';

// A PVE-like fstab with odd spacing, tabs, comments, a trailing-space line and a non-UTF-8 byte.
const existing = Buffer.concat([
  Buffer.from('# <file system> <mount point> <type> <options> <dump> <pass>\n'),
  Buffer.from('/dev/pve/root / ext4 errors=remount-ro 0 1\n'),
  Buffer.from('UUID=ABCD-1234\t/boot/efi\tvfat\tdefaults\t0\t1   \n'),
  Buffer.from('\n#   commented   out   /mnt/old\n'),
  Buffer.from([0x23, 0x20, 0xe9, 0x0a]), // "# \xe9\n": latin1, not UTF-8
  Buffer.from('proc /proc proc defaults 0 0\n'),
]).toString('latin1');

describe('fstab entries', () => {
  it('formats the entry with nofail options and no boot-time fsck', () => {
    expect(formatEntry(entry)).toBe(line);
  });

  it('appends the entry and keeps every existing byte', () => {
    const edit = addEntry(existing, entry);
    expect(edit.change).toBe('added');
    expect(edit.text).toBe(`${existing}${line}\n`);
    expect(Buffer.from(edit.text, 'latin1').subarray(0, Buffer.byteLength(existing, 'latin1'))).toEqual(
      Buffer.from(existing, 'latin1'),
    );
  });

  it('is idempotent: a second add returns the same text unchanged', () => {
    const once = addEntry(existing, entry).text;
    const twice = addEntry(once, entry);
    expect(twice.change).toBe('unchanged');
    expect(twice.text).toBe(once);
  });

  it('recognises its own line written with tabs or different spacing as unchanged', () => {
    const tabbed = `${line.replace(/ /g, '\t')}\n`;
    expect(addEntry(tabbed, entry)).toEqual({ text: tabbed, change: 'unchanged' });
  });

  it('appends after a last line that has no newline without adding a final one, so removing restores the exact bytes', () => {
    const bare = 'proc /proc proc defaults 0 0';
    const added = addEntry(bare, entry).text;
    expect(added).toBe(`${bare}\n${line}`);
    expect(removeEntry(added, entry.mountPoint)).toEqual({ text: bare, change: 'removed' });
    expect(addEntry('', entry).text).toBe(`${line}\n`);
    expect(removeEntry(`${line}\n`, entry.mountPoint).text).toBe('');
    const withNewline = `${bare}\n`;
    expect(removeEntry(addEntry(withNewline, entry).text, entry.mountPoint).text).toBe(withNewline);
  });

  it('keeps a trailing comment on its own line: unchanged when the fields match, kept on an update', () => {
    const commented = `${existing}${line}   # backup disk, do not remove\n`;
    expect(addEntry(commented, entry)).toEqual({ text: commented, change: 'unchanged' });
    const old = commented.replace('nofail,nosuid,nodev,noexec', 'nofail');
    expect(addEntry(old, entry)).toEqual({ text: commented, change: 'updated' });
  });

  it('sees a conflict at the same mount point written with a trailing slash', () => {
    expect(() => addEntry('/dev/sdb1 /srv/felhom/usb/backup1/ ext4 defaults 0 0\n', entry)).toThrow(
      '/srv/felhom/usb/backup1 already has an entry for /dev/sdb1',
    );
    expect(() => addEntry('/dev/sdb1 /srv/felhom/usb/backup1// ext4 defaults 0 0\n', entry)).toThrow(
      FstabConflict,
    );
  });

  it('recognises the UUID written quoted, as a by-uuid path, or in upper case', () => {
    for (const source of [
      `UUID="${entry.uuid}"`,
      `UUID='${entry.uuid}'`,
      `/dev/disk/by-uuid/${entry.uuid}`,
      `UUID=${entry.uuid.toUpperCase()}`,
    ]) {
      expect(() => addEntry(`${source} /mnt/other ext4 defaults 0 0\n`, entry)).toThrow(
        /already has an entry at \/mnt\/other/,
      );
      const own = `${source} ${entry.mountPoint} ext4 nofail 0 0\n`;
      expect(addEntry(own, entry).change).toBe('updated');
      expect(removeEntry(own, entry.mountPoint)).toEqual({ text: '', change: 'removed' });
    }
  });

  it('updates the options of the same UUID at the same mount point in place', () => {
    const old = `${existing}UUID=3f1c2a5e-8d4b-4c6a-9e2f-1a2b3c4d5e6f /srv/felhom/usb/backup1 ext4 nofail 0 0\nproc2 /p2 proc defaults 0 0\n`;
    const edit = addEntry(old, entry);
    expect(edit.change).toBe('updated');
    expect(edit.text).toBe(`${existing}${line}\nproc2 /p2 proc defaults 0 0\n`);
  });

  it('refuses a mount point that belongs to another source, and a UUID mounted elsewhere', () => {
    expect(() => addEntry(`/dev/sdb1 /srv/felhom/usb/backup1 ext4 defaults 0 0\n`, entry)).toThrow(
      FstabConflict,
    );
    expect(() => addEntry(`UUID=${entry.uuid} /mnt/other ext4 defaults 0 0\n`, entry)).toThrow(
      /already has an entry at \/mnt\/other/,
    );
  });

  it('matches mount points written with octal escapes', () => {
    expect(entryAt('UUID=x /srv/a\\040b ext4 d 0 0\n', '/srv/a b')).toBe('x');
  });

  it('removes only its UUID= line and keeps everything else byte for byte', () => {
    const withEntry = addEntry(existing, entry).text;
    expect(removeEntry(withEntry, entry.mountPoint)).toEqual({ text: existing, change: 'removed' });
    expect(removeEntry(existing, entry.mountPoint)).toEqual({ text: existing, change: 'unchanged' });
  });
});
