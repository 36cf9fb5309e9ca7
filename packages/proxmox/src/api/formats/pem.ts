import type { FormatChecker } from './checker.js';

// PEM text: pve-common PVE/Certificate.pm (`check_pem`, commit f665029), which registers
// `pem-certificate`, `pem-certificate-chain` (several certificates, each block on its own lines)
// and `pem-string` (one block of any label, a key for instance). Text before the first
// `-----BEGIN …-----` line is dropped first, as `strip_leading_text` does. The patterns are
// Perl's, with `(?:\s|\n)*` written `\s*` (the same strings, without the ambiguity that makes a
// backtracking engine slow on a refusal).

const base64 = '[0-9A-Za-z+/]';

/** One block: header, base64 lines (padding may straddle a line break), footer. */
function block(label: string): string {
  return (
    `-----BEGIN ${label}-----\\s*` +
    `(?:${base64}+\\s*\\n)*${base64}*(?:=\\s*\\n=|={0,2})?\\s*\\n` +
    `-----END ${label}-----`
  );
}

const leadingText = /^[\s\S]*?(?=-----BEGIN .*?-----)/;

/**
 * `check_pem`: one block of `label`, or with `multiple` several, each but the last ending its
 * line. The blocks are split at their headers (as `split_pem` does) and each is matched on its
 * own, which accepts the same texts as Perl's `($pem\n+)*$pem` without trying every way to share
 * the blank lines between blocks when a text is refused.
 */
function pemChecker(label: string, multiple: boolean): FormatChecker {
  const one = new RegExp(`^${block(label)}\\s*$`);
  const header = new RegExp(`(?=-----BEGIN ${label}-----)`);
  return (value) => {
    const text = value.replace(leadingText, '');
    const blocks = multiple ? text.split(header) : [text];
    const valid = blocks.every(
      (item, index) => one.test(item) && (index === blocks.length - 1 || item.endsWith('\n')),
    );
    return valid ? undefined : 'not a valid PEM-formatted string.';
  };
}

/** The PEM formats. */
export const pemFormats: Readonly<Record<string, FormatChecker>> = {
  'pem-certificate': pemChecker('CERTIFICATE', false),
  'pem-certificate-chain': pemChecker('CERTIFICATE', true),
  'pem-string': pemChecker('.*?', false),
};
